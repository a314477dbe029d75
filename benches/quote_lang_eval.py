#!/usr/bin/env python3
"""Quote checking in Ukrainian, Russian and Korean (issue 19, part 3).

From ../shared/data/multilingual (seed 1 unless --seed says otherwise; Python's
`random.Random`), sentences of 8-40 words are taken per language — uk from
`sentences/uk.txt` and `ua-gec/`, ru from `sentences/ru.txt`, ko from
`sentences/ko.txt` and `kobill/` — and each is checked as it stands and altered by this
script, one quote per sentence and kind:

  exact      the sentence as it is; expected verdict `exact`, no change
  ending     (uk, ru) one word of 6+ letters given another case ending of its
             paradigm ("офіцерів" -> "офіцерами", "военных" -> "военным");
             (ko) one particle swapped for another of its class ("북한군이" ->
             "북한군은"); expected: the source found, no change flagged, and the word
             the same word — the match scores above the same quote with that word
             replaced by an unrelated one (`substituted`, run alongside)
  number     (sentences with a figure, drawn apart: as many as the others) the
             figure's first digit moved by 1-8; expected: a `number` change
  negation   a negation put in ("не" before a word in the middle; Korean "안" before
             the last word) or, where the sentence has one inside, taken out (Korean:
             "하지 않았다" made "하다"); expected: a `negation` change

Per kind: found (the best match is the source file), flagged (its `changes` hold the
expected kind; for exact and ending: any change at all, which should be 0), exact (the
verdict is `exact`), same (ending: the source found with no change and scoring above
the substituted quote). A third of each language's sentences (by the seed) is held out
and reported apart: the rules and word lists were tuned on the rest.

Speakers: the story's quotations (`story/`), hand-labelled by their place in their file
in tests/fixtures/quote-languages/story_speakers.tsv, each checked as it stands (its
first 20 words); reported: right (the best match's speaker is the label), wrong
(another name), missing (none). With --held-speakers, the held-out speakers too:
quotations outside story/ labelled by file, line and place in the line
(tests/fixtures/quote-languages/held_out_speakers.tsv), checked the same way.

  benches/quote_lang_eval.py                 # ~1 min with a debug build
  benches/quote_lang_eval.py --split held    # the held-out third only
  benches/quote_lang_eval.py --data /work/shared/data/multilingual   # from a worktree
  benches/quote_lang_eval.py --split none --held-speakers   # speakers only

Needs ../shared/data/multilingual next to the crate, Python 3 (standard library only)
and a built `target/debug/search` (--search BIN for another, e.g. target/release/search).
Quotes go through one `search quote --file - --format json` per language and kind.
"""

import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "..", "shared", "data", "multilingual")
LABELS = os.path.join(ROOT, "tests", "fixtures", "quote-languages", "story_speakers.tsv")
HELD_LABELS = os.path.join(ROOT, "tests", "fixtures", "quote-languages", "held_out_speakers.tsv")

# Case endings that swap within a paradigm (noun and adjective forms), longest first.
UK_ENDINGS = [
    ("ами", "ів"), ("ого", "ому"), ("ому", "ого"), ("ими", "их"), ("ів", "ам"),
    ("ій", "ою"), ("ою", "ій"), ("ах", "ам"), ("ам", "ах"), ("ий", "ого"),
    ("их", "ими"), ("ої", "ій"), ("а", "и"), ("и", "ою"), ("у", "ом"),
]
RU_ENDINGS = [
    ("ами", "ов"), ("ого", "ому"), ("ому", "ого"), ("ыми", "ых"), ("ими", "их"),
    ("ов", "ам"), ("ой", "ою"), ("ах", "ам"), ("ам", "ах"), ("ый", "ого"),
    ("ых", "ым"), ("их", "им"), ("ия", "ии"), ("ие", "ия"), ("а", "ы"), ("ы", "ой"),
]
# Korean particles by the class of the syllable before (with and without a final
# consonant), each swapped for the next of its class.
KO_AFTER_CONSONANT = ["이", "은", "을", "과", "도"]
KO_AFTER_VOWEL = ["가", "는", "를", "와", "도"]
NEGATIONS = {"uk": {"не", "ні", "ніколи"}, "ru": {"не", "ни", "никогда"}}
FIGURE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)")
WORD = re.compile(r"\w+(?:['’ʼ]\w+)*", re.UNICODE)


def has_final_consonant(syllable):
    code = ord(syllable) - 0xAC00
    return 0 <= code < 11172 and code % 28 != 0


def sentences_of(lang):
    """Candidate sentences of `lang`, each with the file it is read from."""
    found = []
    files = [os.path.join(DATA, "sentences", f"{lang}.txt")]
    if lang == "uk":
        folder = os.path.join(DATA, "ua-gec")
        files += [os.path.join(folder, f) for f in sorted(os.listdir(folder)) if f.endswith(".txt")]
    if lang == "ko":
        folder = os.path.join(DATA, "kobill")
        files += [os.path.join(folder, f) for f in sorted(os.listdir(folder)) if f.endswith(".txt")]
    for path in files:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        if "ua-gec" in path:
            lines = lines[2:]  # the title line is made from the first words
        for line in lines:
            line = line.strip()
            # One sentence a line in sentences/; split longer paragraphs at ". ".
            for sentence in re.split(r"(?<=[.!?])\s+", line):
                n = len(sentence.split())
                if 8 <= n <= 40 and "http" not in sentence and '"' not in sentence:
                    found.append((os.path.relpath(path, DATA), sentence))
    return found


def ending_change(lang, sentence, rng):
    """The sentence with one word's ending changed, and the changed word's place."""
    words = list(WORD.finditer(sentence))
    picks = list(range(1, len(words)))
    rng.shuffle(picks)
    for i in picks:
        word = words[i].group()
        if lang == "ko":
            if word[0].isdigit():
                continue  # a figure is compared by value, its counter aside
            for particles in (KO_AFTER_CONSONANT, KO_AFTER_VOWEL):
                for k, particle in enumerate(particles):
                    stem = word[: -len(particle)]
                    if (
                        word.endswith(particle)
                        and len(stem) >= 2
                        and has_final_consonant(stem[-1]) == (particles is KO_AFTER_CONSONANT)
                    ):
                        new = stem + particles[(k + 1) % len(particles)]
                        return replace_at(sentence, words[i], new), words[i]
            continue
        if len(word) < 6 or not word.islower() or word.startswith(("ніко", "нико", "ніхт", "никт", "ніч", "нич")):
            continue  # a negation with another ending is no negation: not this kind
        for old, new in UK_ENDINGS if lang == "uk" else RU_ENDINGS:
            if word.endswith(old) and len(word) - len(old) >= 4:
                return replace_at(sentence, words[i], word[: -len(old)] + new), words[i]
    return None, None


def replace_at(sentence, match, new):
    return sentence[: match.start()] + new + sentence[match.end():]


def substituted(sentence, match, vocabulary, rng):
    while True:
        other = rng.choice(vocabulary)
        if other.lower() != match.group().lower():
            return replace_at(sentence, match, other)


def number_change(sentence, rng):
    found = FIGURE.search(sentence)
    if not found:
        return None
    digits = found.group(1)
    first = int(digits[0])
    moved = str((first + rng.randint(1, 8)) % 10)
    if moved == "0" and len(digits) > 1 and digits[1].isdigit():
        moved = "9"
    return sentence[: found.start(1)] + moved + digits[1:] + sentence[found.end(1):]


def negation_change(lang, sentence, rng):
    words = list(WORD.finditer(sentence))
    if lang in NEGATIONS:
        # A negation taken out at either end leaves a fragment of the sentence, which
        # is no change: only one inside is taken out.
        for w in words[1:-1]:
            if w.group().lower() in NEGATIONS[lang]:
                gone = sentence[: w.start()] + sentence[w.end():].lstrip()
                return re.sub(r"\s+", " ", gone).strip()
        middle = [w for w in words[2:-1] if w.group().isalpha() and w.group().islower()]
        if not middle:
            return None
        w = rng.choice(middle)
        return sentence[: w.start()] + "не " + sentence[w.start():]
    # Korean: a verb's negation taken back (`바람직하지 않다` → `바람직하다`), or a word
    # with 않 inside the sentence taken out, else 안 put before the last word.
    negated = re.search(r"(\S+)지 않\S*?다", sentence)
    if negated:
        return sentence[: negated.start()] + negated.group(1) + "다" + sentence[negated.end():]
    for w in words[1:-1]:
        if "않" in w.group():
            return re.sub(r"\s+", " ", sentence[: w.start()] + sentence[w.end():]).strip()
    last = words[-1]
    return sentence[: last.start()] + "안 " + sentence[last.start():]


def check(search, index, quotes):
    """The report rows of `quotes`, in order."""
    text = "".join(q.replace("\n", " ") + "\n" for q in quotes)
    out = subprocess.run(
        [search, "--index", index, "quote", "--file", "-", "--format", "json"],
        input=text.encode(),
        capture_output=True,
        check=False,
    )
    rows = [json.loads(line) for line in out.stdout.decode().splitlines() if line.strip()]
    if len(rows) != len(quotes):
        sys.exit(f"search gave {len(rows)} rows for {len(quotes)} quotes: {out.stderr.decode()[:500]}")
    return rows


TEXTS = {}


def found_in(row, source, original=None):
    """Whether the best match is the source file, or a file holding the same sentence
    (the bills repeat whole sentences)."""
    path = (row.get("best") or {}).get("path") or ""
    if path.endswith(source):
        return True
    if original is None or not path or not os.path.exists(path):
        return False
    if path not in TEXTS:
        with open(path, encoding="utf-8", errors="replace") as f:
            TEXTS[path] = f.read()
    return original in TEXTS[path]


def kinds(row):
    return {c["kind"] for c in row.get("changes") or []}


def main():
    global DATA
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--search", default=os.path.join(ROOT, "target", "debug", "search"))
    parser.add_argument("--data", default=None, help="the multilingual folder (default ../shared/data/multilingual)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-language", type=int, default=60)
    parser.add_argument("--split", choices=["tune", "held", "both", "none"], default="both",
                        help="which sentences to check (none: the speakers only)")
    parser.add_argument("--held-speakers", action="store_true",
                        help="also the held-out speakers (held_out_speakers.tsv)")
    parser.add_argument("--verbose", action="store_true", help="print each miss to stderr")
    args = parser.parse_args()
    DATA = args.data or DATA
    if not os.path.isdir(DATA):
        print(f"skipped: {DATA} is absent (the multilingual data of ../shared/data; give --data)", file=sys.stderr)
        return 0
    if not os.path.exists(args.search):
        sys.exit(f"no binary at {args.search} — run `cargo build` first (or give --search)")
    with tempfile.TemporaryDirectory() as tmp:
        index = os.path.join(tmp, "index")
        subprocess.run([args.search, "--index", index, "index", DATA], check=True, capture_output=True)
        print(f"{'lang':4} {'split':5} {'kind':9} {'n':>4} {'found':>6} {'flagged':>8} {'exact':>6} {'same':>6}")
        for lang in ["uk", "ru", "ko"]:
            rng = random.Random(f"{args.seed}-{lang}")
            every = sentences_of(lang)
            rng.shuffle(every)
            pool = every[: args.per_language]
            held = set(rng.sample(range(len(pool)), len(pool) // 3))
            # Few sentences hold a figure: the number kind draws its own.
            figured = [item for item in every if FIGURE.search(item[1])][: args.per_language]
            held_figured = set(rng.sample(range(len(figured)), len(figured) // 3))
            # Long words: content words, weighing what the changed word weighs.
            vocabulary = [w for _, s in pool for w in WORD.findall(s) if len(w) >= 7]
            for split in ["tune", "held"]:
                if args.split not in (split, "both"):
                    continue
                chosen = [pool[i] for i in range(len(pool)) if (i in held) == (split == "held")]
                with_figures = [
                    figured[i] for i in range(len(figured)) if (i in held_figured) == (split == "held")
                ]
                report(args, index, lang, split, chosen, with_figures, vocabulary, rng)
        speakers(args, index)
        if args.held_speakers:
            held_speakers(args, index)
    return 0


def report(args, index, lang, split, chosen, with_figures, vocabulary, rng):
    items = {"exact": [], "ending": [], "number": [], "negation": []}
    controls = []
    for source, sentence in chosen:
        items["exact"].append((source, sentence, sentence))
        changed, match = ending_change(lang, sentence, rng)
        if changed:
            items["ending"].append((source, sentence, changed))
            controls.append(substituted(sentence, match, vocabulary, rng))
        changed = negation_change(lang, sentence, rng)
        if changed:
            items["negation"].append((source, sentence, changed))
    for source, sentence in with_figures:
        changed = number_change(sentence, rng)
        if changed:
            items["number"].append((source, sentence, changed))
    control_rows = check(args.search, index, controls) if controls else []
    for kind, listed in items.items():
        if not listed:
            continue
        rows = check(args.search, index, [q for _, _, q in listed])
        n = len(rows)
        found = sum(found_in(r, s, o) for (s, o, _), r in zip(listed, rows))
        exact = sum(r["verdict"] == "exact" for r in rows)
        if kind in ("exact", "ending"):
            flagged = sum(bool(kinds(r)) for r in rows)
        else:
            flagged = sum(found_in(r, s, o) and kind in kinds(r) for (s, o, _), r in zip(listed, rows))
        if args.verbose:
            for (s, o, q), r in zip(listed, rows):
                wanted = set() if kind in ("exact", "ending") else {kind}
                ok = found_in(r, s, o) and (kinds(r) == wanted if not wanted else kind in kinds(r))
                ok = ok and (r["verdict"] == "exact") == (kind == "exact")
                if not ok:
                    best = (r.get("best") or {}).get("path")
                    print(f"  miss {lang} {kind}: {q} → {r['verdict']} {r['similarity']} {best} {r['changes']}", file=sys.stderr)
        same = ""
        if kind == "ending":
            same_n = sum(
                found_in(r, s, o) and not kinds(r) and (r["similarity"] or 0) > (c["similarity"] or 0)
                for (s, o, _), r, c in zip(listed, rows, control_rows)
            )
            same = f"{same_n / n:6.2f}"
            if args.verbose:
                for (s, o, q), r, c in zip(listed, rows, control_rows):
                    if not ((r["similarity"] or 0) > (c["similarity"] or 0)):
                        changed = [w for w in WORD.findall(q) if w not in WORD.findall(o)]
                        print(f"  not same {lang}: {changed} {r['similarity']} vs {c['similarity']}", file=sys.stderr)
        print(f"{lang:4} {split:5} {kind:9} {n:4} {found / n:6.2f} {flagged / n:8.2f} {exact / n:6.2f} {same:>6}")


QUOTATION = re.compile(r"«([^»]*)»|“([^”]*)”")


def story_quotation(file, place):
    """The words of the `place`-th quotation («…» or “…») of a story file's body, at
    most its first 20 words."""
    with open(os.path.join(DATA, file), encoding="utf-8") as f:
        text = f.read()
    body = text.split("---", 2)[2] if text.startswith("---") else text
    found = [m.group(1) or m.group(2) for m in QUOTATION.finditer(body)]
    return " ".join(found[place - 1].split()[:20])


LINE_QUOTATION = re.compile(r'«([^»]*)»|“([^”]*)”|"([^"]*)"')


def line_quotation(file, line, place):
    """The words of the `place`-th quotation («…», “…” or "…") of a file's line, at most
    its first 20 words."""
    with open(os.path.join(DATA, file), encoding="utf-8") as f:
        text = f.read().split("\n")[line - 1]
    found = [m.group(1) or m.group(2) or m.group(3) for m in LINE_QUOTATION.finditer(text)]
    return " ".join(found[place - 1].split()[:20])


def read_labels(path):
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def speakers(args, index):
    if not os.path.exists(LABELS):
        return
    labels = read_labels(LABELS)
    for label in labels:
        label["quote"] = story_quotation(label["file"], int(label["quotation"]))
    score_speakers(args, index, labels, "the story's quotations")


def held_speakers(args, index):
    labels = read_labels(HELD_LABELS)
    for label in labels:
        label["quote"] = line_quotation(label["file"], int(label["line"]), int(label["quotation"]))
    score_speakers(args, index, labels, "held-out quotations")


def score_speakers(args, index, labels, name):
    rows = check(args.search, index, [row["quote"] for row in labels])
    right = wrong = missing = longer = 0
    for label, row in zip(labels, rows):
        said = row.get("speaker") or ""
        expected = label["speaker"]
        if not found_in(row, label["file"]):
            missing += 1
            verdict = "not found"
        elif said == expected:
            right += 1
            verdict = "right"
        elif not said:
            missing += 1
            verdict = "missing"
        else:
            wrong += 1
            verdict = "wrong"
            # A wrong answer may still name the speaker, with more words (a title, the
            # words before it): counted apart, still wrong.
            if set(expected.split()) <= set(said.split()):
                longer += 1
                verdict = "wrong (holds the name)"
        if verdict != "right":
            print(f"  speaker {verdict}: {label['file']} {label['quote'][:40]}… → {said!r}, label {expected!r}", file=sys.stderr)
    n = len(labels)
    print(f"speakers on {name}: {n} · right {right / n:.2f} ({right}) · wrong {wrong / n:.2f} ({wrong}; {longer} of them holding the label's words) · missing {missing / n:.2f} ({missing})")


if __name__ == "__main__":
    sys.exit(main())
