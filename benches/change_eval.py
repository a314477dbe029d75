#!/usr/bin/env python3
"""Does `search quote` see what changed in a figure, a sum, a negation or a name?

From the BBC articles in ../shared/data/bbc (seed 1 unless --seed says otherwise;
Python's `random.Random`), sentences of 10–40 words are taken from body paragraphs
(never the title line) and altered by this script, one quote per sentence and kind:

  number       one figure given another value: its first digit moved by 1–8
               ("84%" → "44%"); expected: a `number` change
  currency     a sum's currency sign swapped (£ ↔ $, € → £); expected: `currency`
  negation     "not" put after the first of is/was/are/were/will/would/can/could/
               should/has/have/had/does/did, or a "not" taken out; expected: `negation`
  name         a capitalised word inside a sentence (not a weekday, month or title)
               replaced by another name ("Leeds", "Patel", …); expected: `name`
  equivalent   one figure written another way with the same value ("25,000" →
               "25000", "1.5bn" → "1.5 billion", "10%" → "10 per cent", "£5m" →
               "£5 million", "2004"-style years left alone); expected: no change, `exact`
  word         an ordinary word replaced ("said" → "stated", "more" → "fewer"): the
               control; expected: no change flagged, not `exact`
  mixed        two of number, currency, negation and name at once; expected: both kinds

Each quote goes to `search quote --json -n 1 -- QUOTE` on a BBC index built once in a
temporary folder. Per kind, three shares are reported:

  found        the top match is the source article (or a byte-identical copy of it)
  flagged      found, and its `changes` hold every expected kind (for `equivalent`:
               hold any change at all — "wrongly flagged", which should be low; the same for
               `word`)
  exact        the top match is called `exact` (for changed quotes it should be 0)

A quarter of each kind's sentences (chosen by the seed) is held out: the table shows the
figures on the rest ("dev") and on the held-out part separately.

--reuters also reports the cross-paragraph figure: --windows windows of 20 words of
../shared/data/reuters.jsonl bodies that cross a paragraph break, pasted as they stand
(a `-` at the start included), against an index of reuters.jsonl: how many are `exact`.

  benches/change_eval.py                  # BBC, ~3 min
  benches/change_eval.py --reuters        # … and the cross-paragraph Reuters windows

Needs ../shared/data next to the crate, Python 3 (standard library only) and a built
`target/release/search` (--search BIN for another). Temporary data goes to a folder
removed on exit (--keep keeps it). Progress goes to stderr, the table to stdout.
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "..", "shared", "data")

FIGURE = re.compile(r"(?<![\w.,])([£$€]?)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(bn|m|k)?(%)?(?![\w.,]*\w)")
AUX = re.compile(r"\b(is|was|are|were|will|would|can|could|should|has|have|had|does|did)\b")
SCALE_WORD = {"bn": "billion", "m": "million", "k": "thousand"}


def sentences(seed):
    """(path, sentence) pairs from BBC bodies, shuffled."""
    bbc = os.path.join(DATA, "bbc")
    found = []
    for topic in sorted(os.listdir(bbc)):
        folder = os.path.join(bbc, topic)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            try:
                text = open(path, encoding="utf-8").read()
            except UnicodeDecodeError:
                continue
            for paragraph in text.split("\n\n")[1:]:
                for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", paragraph.strip()):
                    words = sentence.split()
                    if 10 <= len(words) <= 40 and "\n" not in sentence:
                        found.append((path, sentence))
    random.Random(seed).shuffle(found)
    return found


def figures(sentence):
    """Figures worth changing (not years)."""
    out = []
    for m in FIGURE.finditer(sentence):
        number = m.group(2)
        if re.fullmatch(r"(19|20)\d\d", number) and not (m.group(1) or m.group(3) or m.group(4)):
            continue
        out.append(m)
    return out


def alter_number(sentence, rng):
    found = figures(sentence)
    if not found:
        return None
    m = rng.choice(found)
    number = m.group(2)
    first = int(number[0])
    new_first = (first + rng.randint(1, 8)) % 10 or 1
    if new_first == first:
        return None
    new = str(new_first) + number[1:]
    return sentence[: m.start(2)] + new + sentence[m.end(2):]


def alter_currency(sentence, rng):
    found = [m for m in figures(sentence) if m.group(1)]
    if not found:
        return None
    m = rng.choice(found)
    swap = {"£": "$", "$": "£", "€": "£"}[m.group(1)]
    return sentence[: m.start(1)] + swap + sentence[m.end(1):]


def alter_negation(sentence, rng):
    if re.search(r"\bnot\b", sentence):
        return re.sub(r"\bnot ", "", sentence, count=1)
    m = AUX.search(sentence)
    if not m:
        return None
    return sentence[: m.end()] + " not" + sentence[m.end():]


def equivalent(sentence, rng):
    options = []
    for m in figures(sentence):
        number, scale, percent = m.group(2), m.group(3), m.group(4)
        if "," in number and not scale:
            options.append((m.start(2), m.end(2), number.replace(",", "")))
        elif re.fullmatch(r"\d{4,}", number) and not scale and "." not in number:
            options.append((m.start(2), m.end(2), f"{int(number):,}"))
        if scale:
            options.append((m.start(3), m.end(3), " " + SCALE_WORD[scale]))
        if percent:
            options.append((m.start(4), m.end(4), " per cent"))
    if not options:
        return None
    start, end, new = rng.choice(options)
    return sentence[:start] + new + sentence[end:]


# Names put in for another: places and surnames common in British news.
OTHER_NAMES = ["Leeds", "Madrid", "Dublin", "Taylor", "Patel", "Morgan", "Geneva", "Hughes"]
# Capitalised words inside a sentence that name nothing.
NOT_NAMES = {"I", "Mr", "Mrs", "Ms", "Dr", "The", "A", "An", "He", "She", "It", "They",
             "We", "But", "And", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
             "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
             "July", "August", "September", "October", "November", "December"}
NAME = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{2,})(?=[ ,.])")
# Ordinary words to put in for one another (the `word` control).
PLAIN = re.compile(r"(?<= )(said|would|also|more|new|last|first|year|people|government)(?= )")
PLAIN_OTHER = {"said": "stated", "would": "might", "also": "too", "more": "fewer",
               "new": "fresh", "last": "past", "first": "initial", "year": "season",
               "people": "residents", "government": "administration"}


def alter_name(sentence, rng):
    found = [m for m in NAME.finditer(sentence) if m.group(1) not in NOT_NAMES]
    if not found:
        return None
    m = rng.choice(found)
    new = rng.choice([n for n in OTHER_NAMES if n != m.group(1)])
    return sentence[: m.start(1)] + new + sentence[m.end(1):]


def alter_word(sentence, rng):
    found = list(PLAIN.finditer(sentence))
    if not found:
        return None
    m = rng.choice(found)
    return sentence[: m.start(1)] + PLAIN_OTHER[m.group(1)] + sentence[m.end(1):]


ALTER = {"number": alter_number, "currency": alter_currency, "negation": alter_negation,
         "name": alter_name}


def check(search, index, quote):
    proc = subprocess.run(
        [search, "--index", index, "quote", "--json", "-n", "1", "--", quote],
        capture_output=True, text=True)
    lines = [l for l in proc.stdout.splitlines() if l.strip()]
    return json.loads(lines[0]) if lines else None


def same_file(a, b):
    try:
        return open(a, "rb").read() == open(b, "rb").read()
    except OSError:
        return False


def is_found(top, path):
    if top is None:
        return False
    paths = [top["path"]] + [c["path"] for c in top.get("copies", [])]
    return any(os.path.realpath(p) == os.path.realpath(path) or same_file(p, path) for p in paths)


def build_sets(per_kind, seed):
    rng = random.Random(seed)
    pool = sentences(seed)
    sets = {k: [] for k in ["number", "currency", "negation", "name", "equivalent", "word",
                            "mixed"]}
    for path, sentence in pool:
        for kind in sets:
            if len(sets[kind]) >= per_kind:
                continue
            if kind == "equivalent":
                quote, expected = equivalent(sentence, rng), []
            elif kind == "word":
                quote, expected = alter_word(sentence, rng), []
            elif kind == "mixed":
                kinds = rng.sample(["number", "currency", "negation", "name"], 2)
                quote = sentence
                for k in kinds:
                    quote = ALTER[k](quote, rng) if quote else None
                expected = sorted(kinds)
            else:
                quote, expected = ALTER[kind](sentence, rng), [kind]
            if quote and quote != sentence:
                sets[kind].append({"path": path, "sentence": sentence, "quote": quote,
                                   "expected": expected})
                break
        if all(len(v) >= per_kind for v in sets.values()):
            break
    return sets


def score(rows):
    n = len(rows)
    if n == 0:
        return "n/a"
    found = sum(r["found"] for r in rows)
    flagged = sum(r["flagged"] for r in rows)
    exact = sum(r["exact"] for r in rows)
    return f"{n:>3} · found {found / n:.2f} · flagged {flagged / n:.2f} · exact {exact / n:.2f}"


def reuters_windows(search, tmp, windows, seed):
    rng = random.Random(seed)
    index = os.path.join(tmp, "reuters-index")
    source = os.path.join(DATA, "reuters.jsonl")
    print("indexing reuters.jsonl …", file=sys.stderr)
    subprocess.run([search, "--index", index, "index", "--quiet", source], capture_output=True)
    bodies = [json.loads(line)["body"] for line in open(source, encoding="utf-8")]
    rng.shuffle(bodies)
    exact = total = 0
    for body in bodies:
        if total >= windows:
            break
        paragraphs = [p.split() for p in body.split("\n\n") if p.strip()]
        if len(paragraphs) < 2:
            continue
        at = rng.randrange(len(paragraphs) - 1)
        first, second = paragraphs[at], paragraphs[at + 1]
        if len(first) < 5 or len(second) < 5:
            continue
        take = rng.randint(5, min(15, len(first)))
        quote = " ".join(first[-take:] + second[: 20 - take])
        top = check(search, index, quote)
        total += 1
        exact += bool(top and top["match"] == "exact")
    return exact, total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-kind", type=int, default=60)
    parser.add_argument("--search", default=os.path.join(ROOT, "target", "release", "search"))
    parser.add_argument("--index", help="a BBC index already built")
    parser.add_argument("--reuters", action="store_true")
    parser.add_argument("--windows", type=int, default=70)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="change-eval-")
    try:
        index = args.index
        if not index:
            index = os.path.join(tmp, "bbc-index")
            print("indexing BBC …", file=sys.stderr)
            subprocess.run([args.search, "--index", index, "index", "--quiet",
                            os.path.join(DATA, "bbc")], capture_output=True)
        sets = build_sets(args.per_kind, args.seed)
        print("kind        part      n · found · flagged · exact")
        for kind, items in sets.items():
            held = set(random.Random(args.seed).sample(range(len(items)), len(items) // 4))
            parts = {"dev": [], "held-out": []}
            for i, item in enumerate(items):
                top = check(args.search, index, item["quote"])
                found = is_found(top, item["path"])
                kinds = {c["kind"] for c in (top or {}).get("changes", [])}
                if item["expected"]:
                    flagged = found and set(item["expected"]) <= kinds
                else:
                    flagged = found and bool(kinds)
                parts["held-out" if i in held else "dev"].append(
                    {"found": found, "flagged": flagged,
                     "exact": bool(top and top["match"] == "exact")})
            for part, rows in parts.items():
                print(f"{kind:<11} {part:<9} {score(rows)}")
        if args.reuters:
            exact, total = reuters_windows(args.search, tmp, args.windows, args.seed)
            print(f"reuters windows crossing a paragraph break: {exact} of {total} exact")
    finally:
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
