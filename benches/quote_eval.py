#!/usr/bin/env python3
"""Quote-finding quality and speed: `search quote` against `rg -F` on real news text.

Recall (always): an evaluation set is made from the BBC articles in ../shared/data/bbc,
deterministically (seed 1 unless --seed says otherwise; Python's `random.Random`, which
is stable across Python 3 versions for string and integer seeds). It samples --quotes
spans (default 200, at most one per article) of 12–25 words that lie inside one sentence
or two adjacent sentences of one body paragraph (never the title), cut byte for byte
from the file, and keeps only spans whose words appear in no other article than the
source and its byte-identical copies, so there is exactly one right answer. Each span is
then turned into one quote per kind:

  exact        the span as it stands in the file
  drop1        one content word (not the first or last word) left out
  drop2        two words (not the first or last) left out
  swap         two adjacent words of the same clause swapped
  substitute   one word replaced by its synonym from SYNONYMS below (~300 hand-written
               entries, ~500 words once two-way pairs are counted both ways: said →
               stated, big → large, rise → increase, buy → purchase …); only spans
               holding a table word get one, so this set can be smaller
  punctuation  punctuation at word edges stripped ("$1.13bn," → "1.13bn"; apostrophes,
               hyphens and decimal points inside words stay) and everything lower-cased
  tense        one verb moved in tense from TENSES below (is/was, has/had, will/would,
               says/said, are/were …); only spans holding one
  paraphrase   about 30% of the words reworded: table synonyms and tense changes, a
               stopword or two dropped, one adjacent swap (fewer when the span offers too
               few; the table reports the share actually reached)

A quote that would come out the same as its span (a list of names offers no swap and no
stopword) is left out of that kind, so kinds can hold fewer quotes than there are spans.
"words changed" is 1 − LCS/len over the lower-cased words of span and quote: the share
of the span's words the quote does not reproduce in order (a swap costs one word, a
replacement one, a drop one; punctuation and case cost nothing).

The BBC folder is indexed once into a temporary index (`search index --quiet`; exit 3,
"done with warnings" for the one Latin-1 file, is fine) and every quote goes to
`search quote --json -n 1 -- QUOTE`. A quote is a hit at 1 when the top match's `path`,
or one of its `copies[].path`, is the source file or a byte-identical copy of it.
`rg -F -l -- QUOTE ../shared/data/bbc` runs on the same quotes as the exact-string
baseline (a hit when the source or a copy is among the files it lists); without `rg`
that column is skipped with a note. Also reported: how often `search` finds nothing
(exit 1), the median similarity of its top match, and the median and 90th percentile of
the per-quote process wall time (start, open the index, search, print; warm cache). A
control row sends as many spans of 12–25 words from Reuters bodies (1987 newswire, in
no BBC article): there "found nothing" is the right answer, and the rest are false
alarms at the default --min-similarity. Every quote's outcome is written to
results.jsonl in the temporary folder (--keep keeps it); --show-misses N prints up to N
misses per kind (or, when there are none, the hits with the lowest similarity).

Speed (--speed or SPEED=1): the 10× replica of ../shared/data/reuters.jsonl that
benches/e2e.sh and benches/query.sh build (190,430 articles, ~189 MB; copy k > 0 gets
ids `<id>-r<k>`) is written (or taken from --replica FILE), indexed (20–30 s on 2 cores),
and 20 quotes of exactly 20 words from random Reuters bodies (same seed) are each run
RUNS times (--runs, default 5), the quotes interleaved, after one untimed warm-up pass.
Reported: median and p90 wall time of one `search quote` process (time.perf_counter
around subprocess.run) against the target of ≤ 50 ms median, with `rg -F -c` over the
same JSON Lines file beside it (it reads the whole file, as finding every copy needs), and
the slowest quote. --speed-only skips the recall part.

  benches/quote_eval.py                         # recall on BBC, 200 spans, ~1 min
  benches/quote_eval.py --write-set set.jsonl   # … and keep the quotes to inspect
  benches/quote_eval.py --show-misses 5         # … and print 5 misses per kind
  benches/quote_eval.py --speed                 # … plus speed on the 10× Reuters replica
  benches/quote_eval.py --speed-only --replica /tmp/reuters-x10.jsonl

Needs ../shared/data next to the crate, Python 3 (standard library only), a built
`target/release/search` (it is not built here; --search BIN for another) and, for the
baseline, ripgrep. Nothing is installed. Temporary data goes to a `mktemp -d`-style
folder removed on exit (kept with --keep). Progress goes to stderr, the tables to stdout.
"""

import argparse
import bisect
import hashlib
import json
import os
import platform
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data")
KINDS = ["exact", "drop1", "drop2", "swap", "substitute", "punctuation", "tense", "paraphrase"]
SPEED_QUOTES = 20
SPEED_WORDS = 20
SPEED_TARGET_MS = 50.0
REPLICA_COPIES = 10

# Synonyms common in news copy. "a b" goes both ways, "a>b" one way only (the reverse
# would read badly or clash with another entry); the first entry for a word wins.
SYNONYMS = """
said stated, says states, say>state, told>informed, tell>inform, added>continued,
big large, huge enormous, massive>huge, small little, major>main, main>principal,
important significant, rise increase, rose>increased, rises increases, rising increasing,
fall drop, fell dropped, falls drops, falling dropping, buy purchase, bought purchased,
buying purchasing, company firm, companies firms, start begin, started began,
starts begins, starting beginning, help assist, helped assisted, helping assisting,
need require, needed required, needs requires, want wish, wanted wished, try attempt,
tried attempted, trying attempting, plan proposal, plans proposals, chief head,
boss>chief, leader>chief, government administration, country nation, countries nations,
people>individuals, person individual, job post, jobs posts, money cash, price cost,
prices costs, profits earnings, growth expansion, deal agreement, deals agreements,
agreement>accord, talks negotiations, meeting gathering, report>study, study research,
announced revealed, announce reveal, revealed>disclosed, claimed asserted, claim assert,
warned cautioned, warn caution, believe think, believes thinks, believed thought,
expect anticipate, expected anticipated, expects anticipates, new>fresh,
former previous, previous>prior, recent>latest, latest newest, higher greater,
lower>reduced, good>decent, bad>poor, poor>impoverished, strong robust, weak>soft,
quickly rapidly, rapid swift, slow>sluggish, difficult hard, hard>tough, easy simple,
many numerous, several various, about>around, around>roughly, approximately>about,
almost nearly, also>additionally, however>but, because>since, while>whereas,
although though, despite>notwithstanding, after>following, during>throughout,
within>inside, among amid, next>coming, last>past, currently presently, now>currently,
soon shortly, often frequently, usually typically, very>extremely, really truly,
just>only, only>merely, mostly largely, largely>mainly, mainly>chiefly,
completely fully, fully>entirely, totally>completely, possible feasible,
allowed permitted, allow permit, stop halt, stopped halted, won>secured, win>clinch,
beat>defeated, beaten>defeated, match>game, game>match, team>side, season campaign,
title>crown, film movie, song track, album>record, award prize, actor performer,
famous>well-known, best finest, chairman>chair, officials>authorities,
legislation>law, rules regulations, idea notion, problem issue, problems issues,
issue>matter, issues>matters, answer>response, response reply, decision ruling,
move>step, change shift, changes shifts, chance opportunity, risk>danger,
fears worries, worried concerned, attack assault, war conflict, fight battle,
election>poll, vote ballot, spokesman>spokesperson, spokeswoman>spokesperson,
group>organisation, customers clients, customer client, consumers shoppers,
shops stores, shop store, cut reduce, cuts reductions, boost>lift, boosted lifted,
grow expand, grew expanded, growing expanding, figures statistics, world>globe,
city town, area region, children kids, workers employees, worker employee,
industry sector, computer>PC, computers>PCs, phones handsets, internet>web, web>internet,
website site, launch unveil, launched unveiled, launching unveiling, released>issued,
release>issue, make create, made>created, build construct, built constructed,
develop>devise, test trial, tests trials, remain stay, remained stayed, remains stays,
keep retain, kept retained, give provide, gave provided, given>provided,
gives provides, offer>propose, offered proposed, received>obtained, face confront,
faced confronted, hit>struck, seek pursue, asked>requested, agreed consented,
rejected>refused, refused declined, denied>rejected, admitted conceded, admit concede,
insisted maintained, insist maintain, suggested>proposed, explained>clarified,
argued contended, argue contend, predicted forecast, whole entire, every>each,
real actual, clear obvious, serious grave, severe>serious, rich wealthy, bank>lender,
shares>stock, trade commerce, analysts>experts, experts specialists, expert specialist,
support>backing, backed supported, criticised condemned, criticism condemnation,
praised commended, praise commend, welcomed>greeted, died perished, injured hurt,
crime offence, crimes offences, prison jail, arrested detained, arrest detain,
evidence proof, lawyer attorney, lawyers attorneys, tax levy, taxes levies,
spending expenditure, aid assistance, recently lately, previously earlier,
later afterwards, finally eventually, eventually>ultimately, immediately instantly,
probably>likely, perhaps maybe, enough sufficient, similar comparable, firms>businesses,
business>trade, market>marketplace, cost>expense, sales>turnover, staff>personnel,
top>leading, key>crucial, vital crucial, decided>chose, decide>choose, show>reveal,
shows>reveals, showed>revealed, set>fixed, fans supporters, players>athletes,
player>athlete, coach trainer, victory triumph, defeat loss, star>celebrity,
singer vocalist, band>group, director filmmaker, audience viewers,
""".strip()

# Tense moves, one way each ("had" is read as a past, so it goes to "has").
TENSES = {
    "is": "was", "was": "is", "are": "were", "were": "are", "has": "had", "have": "had",
    "had": "has", "will": "would", "would": "will", "can": "could", "could": "can",
    "says": "said", "said": "says", "say": "said", "does": "did", "do": "did",
    "did": "does", "shall": "should", "may": "might", "isn't": "wasn't",
    "wasn't": "isn't", "aren't": "weren't", "weren't": "aren't", "hasn't": "hadn't",
    "haven't": "hadn't", "won't": "wouldn't", "wouldn't": "won't", "can't": "couldn't",
    "doesn't": "didn't", "didn't": "doesn't", "tells": "told", "told": "tells",
    "thinks": "thought", "believes": "believed", "wants": "wanted", "plans": "planned",
    "hopes": "hoped", "shows": "showed", "makes": "made", "takes": "took", "gives": "gave",
    "comes": "came", "goes": "went", "gets": "got",
}

STOPWORDS = set("""
a an the of to in on at for and or nor but that this these those is was are were be been
being am it its it's with by as from has have had he she they we i you his her their our
my your them him us me not no so if then than there here which who whom whose what when
where why how also up out about into over after before more most some such can could all
any do does did just will would shall should may might must own same too very s t
""".split())
# Stopwords a paraphrase may leave out without breaking the sentence much.
DROPPABLE = ["the", "a", "an", "that", "very", "also", "just", "really", "then", "so", "of"]

ABBREVIATIONS = set("""
mr mrs ms dr st jr sr prof gen gov sen rep lt col capt sgt co inc ltd corp plc no nos
vs etc u.s u.k u.n e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec
""".split())


def note(msg):
    print(f"quote_eval: {msg}", file=sys.stderr, flush=True)


def die(msg):
    note(msg)
    sys.exit(2)


def parse_synonyms(text):
    table = {}
    for entry in text.replace("\n", " ").split(","):
        entry = entry.strip()
        if not entry:
            continue
        if ">" in entry:
            a, b = (w.strip() for w in entry.split(">"))
            table.setdefault(a, b)
        else:
            a, b = entry.split()
            table.setdefault(a, b)
            table.setdefault(b, a)
    return table


SYNONYM_TABLE = parse_synonyms(SYNONYMS)


# --- text ----------------------------------------------------------------------------


def words_of(text):
    """Lower-cased words (letters and digits) for comparisons that ignore punctuation."""
    return re.findall(r"[^\W_]+", text.lower())


def is_punct(ch):
    return unicodedata.category(ch)[0] in "PS"


class Token:
    """One whitespace-separated token: leading punctuation, the word, trailing punctuation."""

    __slots__ = ("lead", "core", "trail")

    def __init__(self, raw):
        i, j = 0, len(raw)
        while i < j and is_punct(raw[i]):
            i += 1
        while j > i and is_punct(raw[j - 1]):
            j -= 1
        self.lead, self.core, self.trail = raw[:i], raw[i:j], raw[j:]

    def text(self):
        return self.lead + self.core + self.trail

    def key(self):
        return self.core.lower()


def match_case(model, word):
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def sentences(paragraph):
    """(start, end) byte ranges of the sentences of one paragraph."""
    out, start = [], 0
    for m in re.finditer(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])", paragraph):
        before = paragraph[start:m.start() + 1].split()
        last = before[-1].rstrip(".").lstrip("\"'“‘(").lower() if before else ""
        if last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        out.append((start, m.start() + len(m.group(0).rstrip())))
        start = m.end()
    if start < len(paragraph):
        out.append((start, len(paragraph.rstrip())))
    return out


def lcs(a, b):
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def changed_share(span, quote):
    a, b = words_of(span), words_of(quote)
    return 1 - lcs(a, b) / len(a) if a else 0.0


# --- the evaluation set ------------------------------------------------------------


def load_bbc(bbc):
    """All .txt files: realpath → bytes hash, plus bodies of the ones that are UTF-8."""
    files = []
    for dirpath, _, names in os.walk(bbc):
        for name in names:
            if name.endswith(".txt"):
                files.append(os.path.join(dirpath, name))
    files.sort()
    digest, articles = {}, []
    for path in files:
        raw = open(path, "rb").read()
        real = os.path.realpath(path)
        digest[real] = hashlib.sha256(raw).hexdigest()
        try:
            text = raw.decode("utf-8")
            utf8 = True
        except UnicodeDecodeError:
            text, utf8 = raw.decode("latin-1"), False
        lines = text.splitlines()
        body = [line.strip() for line in lines[1:] if line.strip()]
        articles.append({"path": real, "rel": os.path.relpath(path, bbc), "utf8": utf8,
                         "paragraphs": body})
    groups = {}
    for path, h in digest.items():
        groups.setdefault(h, set()).add(path)
    copies = {path: groups[h] for path, h in digest.items()}
    return articles, copies


def sample_spans(articles, copies, n, rng):
    """n spans, at most one per group of identical files, each found only in its group."""
    # One normalised string per group, to check a span's words occur nowhere else.
    by_group, seen = [], set()
    for art in articles:
        key = min(copies[art["path"]])
        if key in seen:
            continue
        seen.add(key)
        by_group.append((key, " " + " ".join(words_of(" ".join(art["paragraphs"]))) + " "))
    haystack = "\x00".join(text for _, text in by_group)
    starts, pos = [], 0
    for _, text in by_group:
        starts.append(pos)
        pos += len(text) + 1

    def groups_holding(needle):
        found, i = set(), haystack.find(needle)
        while i >= 0:
            found.add(by_group[bisect.bisect_right(starts, i) - 1][0])
            i = haystack.find(needle, i + 1)
        return found

    candidates = [a for a in articles if a["utf8"] and a["paragraphs"]]
    spans, used, tries = [], set(), 0
    while len(spans) < n and tries < n * 100:
        tries += 1
        art = rng.choice(candidates)
        group = min(copies[art["path"]])
        if group in used:
            continue
        para = rng.choice(art["paragraphs"])
        sents = sentences(para)
        i = rng.randrange(len(sents))
        width = rng.choice([1, 2]) if i + 1 < len(sents) else 1
        lo, hi = sents[i][0], sents[i + width - 1][1]
        toks = [(m.start() + lo, m.end() + lo) for m in re.finditer(r"\S+", para[lo:hi])]
        length = rng.randint(12, 25)
        if len(toks) < length:
            if len(toks) < 12:
                continue
            length = len(toks)
        s = rng.randint(0, len(toks) - length)
        span = para[toks[s][0]:toks[s + length - 1][1]]
        words = words_of(span)
        if len(words) < 12 or groups_holding(" " + " ".join(words) + " ") != {group}:
            continue
        used.add(group)
        spans.append({"path": art["path"], "rel": art["rel"], "span": span})
    if len(spans) < n:
        note(f"only {len(spans)} spans found (asked for {n})")
    return spans


def word_positions(toks):
    return [i for i, t in enumerate(toks) if t.core and any(c.isalnum() for c in t.core)]


def render(toks):
    return " ".join(t.text() for t in toks if t is not None and t.text())


def replace(tok, word):
    t = Token("")
    t.lead, t.core, t.trail = tok.lead, match_case(tok.core, word), tok.trail
    return t


def swappable(toks, i):
    a, b = toks[i], toks[i + 1]
    return (a is not None and b is not None and a.core and b.core and not a.trail
            and not b.lead and a.key() != b.key())


def make_quote(span, kind, rng):
    """The quote of one kind for a span, or None when the span cannot give one."""
    toks = [Token(raw) for raw in span.split()]
    pos = word_positions(toks)
    inner = [i for i in pos if 0 < i < len(toks) - 1]
    if kind == "exact":
        return span
    if kind == "drop1":
        content = [i for i in inner if toks[i].key() not in STOPWORDS]
        if not content:
            return None
        toks[rng.choice(content)] = None
        return render(toks)
    if kind == "drop2":
        if len(inner) < 2:
            return None
        for i in rng.sample(inner, 2):
            toks[i] = None
        return render(toks)
    if kind == "swap":
        pairs = [i for i in range(len(toks) - 1) if swappable(toks, i)]
        if not pairs:
            return None
        i = rng.choice(pairs)
        a, b = toks[i].core, toks[i + 1].core
        toks[i].core, toks[i + 1].core = b, a
        return render(toks)
    if kind == "substitute":
        hits = [i for i in pos if toks[i].key() in SYNONYM_TABLE]
        if not hits:
            return None
        i = rng.choice(hits)
        toks[i] = replace(toks[i], SYNONYM_TABLE[toks[i].key()])
        return render(toks)
    if kind == "tense":
        hits = [i for i in pos if toks[i].key() in TENSES]
        if not hits:
            return None
        i = rng.choice(hits)
        toks[i] = replace(toks[i], TENSES[toks[i].key()])
        return render(toks)
    if kind == "punctuation":
        return " ".join(t.core.lower() for t in toks if t.core)
    if kind == "paraphrase":
        return paraphrase(toks, pos, rng)
    raise ValueError(kind)


def paraphrase(toks, pos, rng):
    """About 30% of the words changed: one swap, a stopword or two, then synonyms."""
    target = max(3, round(0.3 * len(pos)))
    touched, budget = set(), target
    pairs = [i for i in range(len(toks) - 1) if swappable(toks, i)]
    if pairs:
        i = rng.choice(pairs)
        a, b = toks[i].core, toks[i + 1].core
        toks[i].core, toks[i + 1].core = b, a
        touched |= {i, i + 1}
        budget -= 1
    inner = [i for i in pos if 0 < i < len(toks) - 1 and i not in touched]
    droppable = [i for i in inner if toks[i].key() in DROPPABLE]
    rng.shuffle(droppable)
    drops = droppable[:rng.choice([1, 2])]
    for i in drops:
        toks[i] = None
        touched.add(i)
        budget -= 1
    reword = [i for i in pos if i not in touched
              and (toks[i].key() in SYNONYM_TABLE or toks[i].key() in TENSES)]
    rng.shuffle(reword)
    for i in reword:
        if budget <= 0:
            break
        key = toks[i].key()
        toks[i] = replace(toks[i], SYNONYM_TABLE.get(key) or TENSES[key])
        touched.add(i)
        budget -= 1
    # Still short of the target: leave out more stopwords (any, inside the span).
    extra = [i for i in pos if 0 < i < len(toks) - 1 and i not in touched
             and toks[i] is not None and toks[i].key() in STOPWORDS]
    rng.shuffle(extra)
    for i in extra[:max(0, budget)]:
        toks[i] = None
    return render(toks)


def build_set(spans, seed):
    quotes = []
    for n, span in enumerate(spans):
        for kind in KINDS:
            rng = random.Random(f"{seed}:{n}:{kind}")
            quote = make_quote(span["span"], kind, rng)
            # A span that offers nothing to change (a list of names has no stopword and
            # no swappable pair) would only repeat the exact quote: left out of that kind.
            if quote is None or not words_of(quote) or (kind != "exact" and quote == span["span"]):
                continue
            if kind not in ("exact", "punctuation") and words_of(quote) == words_of(span["span"]):
                continue
            quotes.append({"kind": kind, "quote": quote, "source": span["rel"],
                           "span_id": n, "span": span["span"],
                           "changed": round(changed_share(span["span"], quote), 4),
                           "path": span["path"]})
    return quotes


# --- running the tools -------------------------------------------------------------


def run_search(search, index, quote):
    start = time.perf_counter()
    proc = subprocess.run(
        [search, "--index", index, "--color", "never", "quote", "--json", "-n", "1", "--", quote],
        capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    top = None
    if proc.returncode == 0 and proc.stdout.strip():
        top = json.loads(proc.stdout.splitlines()[0])
    return proc.returncode, top, elapsed, proc.stderr.strip()


def run_rg(rg, quote, folder):
    proc = subprocess.run([rg, "-F", "-l", "--", quote, folder], capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        return None, proc.stderr.strip()
    return {os.path.realpath(p) for p in proc.stdout.splitlines() if p}, ""


def index(search, index_dir, data, what):
    note(f"indexing {what}")
    start = time.perf_counter()
    proc = subprocess.run([search, "--index", index_dir, "--color", "never", "index", "--quiet",
                           data], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 3):
        sys.stderr.write(proc.stderr)
        die(f"`search index {data}` failed (exit {proc.returncode})")
    if proc.returncode == 3:
        warnings = [l for l in proc.stderr.splitlines() if l.strip()]
        note(f"indexed with warnings (exit 3): {'; '.join(warnings[:3])}")
    note(f"indexed {what} in {elapsed:.1f} s")
    return elapsed


def pct(values, q):
    """The q-quantile by nearest rank, as query.sh takes it."""
    s = sorted(values)
    return s[min(len(s) - 1, int(len(s) * q))]


def machine_line(search):
    model = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    version = subprocess.run([search, "--version"], capture_output=True, text=True).stdout.strip()
    load = ", load average %.2f" % os.getloadavg()[0] if hasattr(os, "getloadavg") else ""
    return f"Machine: {os.cpu_count()} cores, {model}{load}; {version}; Python {platform.python_version()}"


# --- the two parts -----------------------------------------------------------------


def recall(args, work, search, rg):
    bbc = os.path.realpath(os.path.join(DATA, "bbc"))
    if not os.path.isdir(bbc):
        die(f"no {bbc}: the evaluation needs ../shared/data next to the crate "
            "(see ../shared/README.md)")
    started = time.perf_counter()
    articles, copies = load_bbc(bbc)
    spans = sample_spans(articles, copies, args.quotes, random.Random(args.seed))
    quotes = build_set(spans, args.seed)
    reuters = os.path.join(DATA, "reuters.jsonl")
    if os.path.isfile(reuters):
        control = reuters_quotes(reuters, len(spans), range(12, 26),
                                 random.Random(f"{args.seed}:control"))
        quotes += [{"kind": "control", "quote": quote, "source": f"reuters.jsonl#{rid}",
                    "span_id": None, "span": quote, "changed": 1.0, "path": None}
                   for rid, quote in control]
    else:
        note(f"no {reuters}: the control row is skipped")
    set_path = os.path.join(work, "quotes.jsonl")
    for path in [set_path] + ([args.write_set] if args.write_set else []):
        with open(path, "w", encoding="utf-8") as f:
            for q in quotes:
                f.write(json.dumps({k: q[k] for k in ("kind", "quote", "source", "span_id",
                                                      "changed")}, ensure_ascii=False) + "\n")
    note(f"{len(spans)} spans, {len(quotes)} quotes (seed {args.seed}) written to {set_path}"
         + (f" and {args.write_set}" if args.write_set else ""))

    index_dir = os.path.join(work, "index-bbc")
    index(search, index_dir, bbc, "../shared/data/bbc")

    results = []
    for n, q in enumerate(quotes, 1):
        rc, top, elapsed, err = run_search(search, index_dir, q["quote"])
        if rc not in (0, 1):
            note(f"search failed (exit {rc}) on {q['quote']!r}: {err}")
        right = copies[q["path"]] if q["path"] else set()
        got = []
        if top:
            got = [top.get("path")] + [c.get("path") for c in top.get("copies") or []]
        hit = any(p and os.path.realpath(p) in right for p in got)
        rg_hit = None
        if rg:
            files, rg_err = run_rg(rg, q["quote"], bbc)
            if files is None:
                note(f"rg failed on {q['quote']!r}: {rg_err}")
            else:
                # For the control, whether rg lists any file at all.
                rg_hit = bool(files & right) if q["path"] else bool(files)
        results.append(dict(q, rc=rc, hit=hit, rg_hit=rg_hit, ms=elapsed * 1000,
                            top_path=top.get("path") if top else None,
                            top_similarity=top.get("similarity") if top else None,
                            top_match=top.get("match") if top else None,
                            top_text=top.get("matched_text") if top else None))
        if n % 200 == 0:
            note(f"{n}/{len(quotes)} quotes")
    with open(os.path.join(work, "results.jsonl"), "w", encoding="utf-8") as f:
        for r in results:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    wall = time.perf_counter() - started

    print(f"### `search quote` recall@1 on BBC ({len(spans)} spans, seed {args.seed})")
    print()
    print("| kind | quotes | words changed | search recall@1 | rg -F recall | "
          "search found nothing | top similarity (median) | search ms (median) |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|")
    for kind in KINDS + ["control"]:
        rs = [r for r in results if r["kind"] == kind]
        if not rs:
            continue
        n = len(rs)
        sims = [r["top_similarity"] for r in rs if r["top_similarity"] is not None]
        sim = f"{statistics.median(sims):.3f}" if sims else "—"
        errors = sum(r["rc"] not in (0, 1) for r in rs)
        nothing = f"{sum(r['rc'] == 1 for r in rs) / n:.1%}" + (f" ({errors} errors)" if errors else "")
        ms = f"{statistics.median(r['ms'] for r in rs):.1f}"
        if kind == "control":
            rg_col = f"({sum(r['rg_hit'] for r in rs)} with a file)" if rg else "—"
            print(f"| control: Reuters text, not in BBC | {n} | — | — | {rg_col} | "
                  f"{nothing} (right answer) | {sim} | {ms} |")
            continue
        rg_col = f"{sum(r['rg_hit'] for r in rs) / n:.1%}" if rg else "—"
        print(f"| {kind} | {n} | {statistics.mean(r['changed'] for r in rs):.1%} | "
              f"{sum(r['hit'] for r in rs) / n:.1%} | {rg_col} | {nothing} | {sim} | {ms} |")
    ms = [r["ms"] for r in results]
    para = [r["changed"] for r in results if r["kind"] == "paraphrase"]
    print()
    print(f"`search quote` process time per quote on BBC (2,225 articles), all "
          f"{len(ms)} quotes: median {statistics.median(ms):.1f} ms, p90 {pct(ms, 0.9):.1f} ms.")
    if para:
        print(f"paraphrase: {statistics.mean(para):.1%} of the span's words changed on average "
              f"(min {min(para):.0%}, max {max(para):.0%}; target 30%).")
    if not rg:
        print("rg -F: ripgrep (`rg`) not found, column skipped.")
    print(f"Recall part: {wall:.0f} s wall.")
    print()

    if args.show_misses:
        show_misses(results, args.show_misses, bbc)


def show_misses(results, limit, bbc):
    """Up to limit misses per kind; where there are none, the hits closest to the threshold."""
    def top(r):
        if r["rc"] == 1:
            return "nothing"
        where = os.path.relpath(r["top_path"], bbc) if r["top_path"] else "?"
        return f"{where} ({r['top_match']}, {r['top_similarity']}): {r['top_text']!r}"

    print(f"### Misses, up to {limit} per kind (where none: the lowest-similarity hits)")
    print()
    for kind in KINDS + ["control"]:
        rs = [r for r in results if r["kind"] == kind]
        if kind == "control":
            misses = [r for r in rs if r["rc"] != 1]
            label = "found something"
        else:
            misses = [r for r in rs if not r["hit"]]
            label = "miss"
        if not misses and kind != "control":
            misses = sorted((r for r in rs if (r["top_similarity"] or 1.0) < 1.0),
                            key=lambda r: r["top_similarity"])
            label = "no misses; closest call"
        for r in misses[:limit]:
            line = f"- **{kind}** ({label}) `{r['source']}`: quote {r['quote']!r}"
            if r["span"] != r["quote"]:
                line += f"\n  span: {r['span']!r}"
            print(f"{line}\n  top: {top(r)}")
        if not misses:
            print(f"- **{kind}**: none")
    print()


def write_replica(src, copies, out):
    with open(src, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    with open(out, "w", encoding="utf-8") as f:
        for k in range(copies):
            for rec in records:
                rec = dict(rec, id=f"{rec['id']}-r{k}" if k else rec["id"])
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return len(records) * copies


def reuters_quotes(src, count, lengths, rng):
    """count (id, quote) pairs from distinct random Reuters bodies, each a run of words
    (length drawn from lengths) inside one sentence or two adjacent ones."""
    with open(src, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    quotes, seen = [], set()
    while len(quotes) < count:
        rec = rng.choice(records)
        if rec["id"] in seen or not rec.get("body"):
            continue
        paras = [p.strip() for p in rec["body"].split("\n") if p.strip()]
        para = rng.choice(paras)
        sents = sentences(para)
        i = rng.randrange(len(sents))
        hi = sents[min(i + 1, len(sents) - 1)][1]
        toks = para[sents[i][0]:hi].split()
        length = rng.choice(lengths)
        if len(toks) < length:
            continue
        s = rng.randint(0, len(toks) - length)
        seen.add(rec["id"])
        quotes.append((rec["id"], " ".join(toks[s:s + length])))
    return quotes


def speed(args, work, search, rg):
    src = os.path.join(DATA, "reuters.jsonl")
    if not os.path.isfile(src):
        die(f"no {os.path.realpath(src)}: the speed part needs ../shared/data next to the crate "
            "(see ../shared/README.md)")
    if args.replica:
        replica = args.replica
        note(f"using the replica {replica}")
    else:
        replica = os.path.join(work, f"reuters-x{REPLICA_COPIES}.jsonl")
        note(f"writing the {REPLICA_COPIES}× replica of reuters.jsonl")
        write_replica(src, REPLICA_COPIES, replica)
    records = sum(1 for _ in open(replica, "rb"))
    size = os.path.getsize(replica)
    index_dir = os.path.join(work, "index-reuters")
    index_s = index(search, index_dir, replica, f"{records:,} records ({size / 1e6:.0f} MB)")

    quotes = reuters_quotes(src, SPEED_QUOTES, [SPEED_WORDS], random.Random(f"{args.seed}:speed"))
    note(f"timing {len(quotes)} quotes × {args.runs} runs (after a warm-up pass)")
    found = 0
    for _, q in quotes:
        rc, top, _, err = run_search(search, index_dir, q)
        if rc not in (0, 1):
            die(f"search quote failed (exit {rc}) on {q!r}: {err}")
        found += bool(top and top.get("similarity", 0) >= 0.999)
        if rg:
            subprocess.run([rg, "-F", "-c", "--", q, replica], capture_output=True)
    per_quote, rg_times = [[] for _ in quotes], []
    for _ in range(args.runs):
        for k, (_, q) in enumerate(quotes):
            per_quote[k].append(run_search(search, index_dir, q)[2] * 1000)
            if rg:
                start = time.perf_counter()
                subprocess.run([rg, "-F", "-c", "--", q, replica], capture_output=True)
                rg_times.append((time.perf_counter() - start) * 1000)
    times = [t for ts in per_quote for t in ts]
    with open(os.path.join(work, "speed-quotes.jsonl"), "w", encoding="utf-8") as f:
        for (rid, q), ts in zip(quotes, per_quote):
            f.write(json.dumps({"id": rid, "quote": q, "ms": [round(t, 2) for t in ts]},
                               ensure_ascii=False) + "\n")
    slowest = max(range(len(quotes)), key=lambda k: statistics.median(per_quote[k]))

    median = statistics.median(times)
    print(f"### `search quote` speed, {REPLICA_COPIES}× Reuters replica ({records:,} articles, "
          f"{size / 1e6:.0f} MB)")
    print()
    print("| command | quotes × runs | median ms | p90 ms |")
    print("|---|--:|--:|--:|")
    print(f"| `search quote --json -n 1` (20-word quote) | {len(quotes)} × {args.runs} | "
          f"{median:.1f} | {pct(times, 0.9):.1f} |")
    if rg_times:
        print(f"| `rg -F -c` over the JSON Lines file | {len(quotes)} × {args.runs} | "
              f"{statistics.median(rg_times):.1f} | {pct(rg_times, 0.9):.1f} |")
    print()
    verdict = "met" if median <= SPEED_TARGET_MS else "missed"
    print(f"Target ≤ {SPEED_TARGET_MS:.0f} ms median for a 20-word quote: {verdict} "
          f"({median:.1f} ms). Exact top match for {found}/{len(quotes)} quotes. "
          f"Index build: {index_s:.1f} s. Slowest quote: median "
          f"{statistics.median(per_quote[slowest]):.1f} ms, {quotes[slowest][1]!r} "
          f"({quotes[slowest][0]}).")
    print()


def main():
    parser = argparse.ArgumentParser(
        description="Recall@1 of `search quote` per kind of misquote on BBC, against rg -F; "
                    "with --speed, its latency on the 10× Reuters replica.")
    parser.add_argument("--quotes", type=int, default=200, help="spans to sample (default 200)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--search", default=os.path.join(ROOT, "target", "release", "search"),
                        help="the search binary (default ../target/release/search)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--write-set", metavar="FILE", help="also write the quotes (JSONL) here")
    parser.add_argument("--show-misses", type=int, default=0, metavar="N",
                        help="print up to N quotes per kind where search's top match was wrong")
    parser.add_argument("--speed", action="store_true", default=os.environ.get("SPEED", "") not in ("", "0"),
                        help="also time quotes on the 10× Reuters replica (or SPEED=1)")
    parser.add_argument("--speed-only", action="store_true", help="only the speed part")
    parser.add_argument("--replica", metavar="FILE",
                        help="an existing 10× replica of reuters.jsonl to use instead of writing one")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("RUNS", 5)),
                        help="timed runs per speed quote (default 5, or RUNS)")
    args = parser.parse_args()
    if args.quotes < 1 or args.runs < 1:
        die("--quotes and --runs must be positive")

    search = args.search
    if not (os.path.isfile(search) and os.access(search, os.X_OK)):
        die(f"no search binary at {search}: build it with `cargo build --release` "
            "or pass --search BIN")
    search = os.path.abspath(search)
    if not os.path.isdir(DATA):
        die(f"no {os.path.realpath(DATA)}: needs ../shared/data next to the crate "
            "(see ../shared/README.md)")
    if args.replica and not os.path.isfile(args.replica):
        die(f"--replica {args.replica}: no such file")
    rg = shutil.which("rg")
    if not rg:
        note("ripgrep (rg) not found: the rg -F columns are skipped")

    work = tempfile.mkdtemp(prefix="search-quote-eval.")
    started = time.perf_counter()
    try:
        print(machine_line(search))
        print(f"Command: {shlex.join([sys.argv[0]] + sys.argv[1:])}")
        print()
        if not args.speed_only:
            recall(args, work, search, rg)
        if args.speed or args.speed_only:
            speed(args, work, search, rg)
        print(f"Total: {time.perf_counter() - started:.0f} s wall.")
    except KeyboardInterrupt:
        note("interrupted")
        sys.exit(130)
    finally:
        if args.keep:
            note(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
