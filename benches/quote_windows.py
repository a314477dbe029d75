#!/usr/bin/env python3
"""Verbatim windows of wire copy, inside one paragraph and across a paragraph break.

Draws, with a fixed seed (--seed, default 1; Python's `random.Random`), --inside
windows (default 50) that lie inside one paragraph and --across windows (default 70)
that cross a paragraph break (a blank line of the body, where the index cuts its
passages), each exactly --words words (default 20, whitespace-separated), from the
bodies of ../shared/data/reuters.jsonl: at most one window per article. A crossing
window takes between 1 and words − 1 words from the end of one paragraph and the rest
from the start of the next, the split drawn at random. Each window is cut from the body
byte for byte, as it would be pasted (the break's blank line included), and sent to

  search --index INDEX quote --json -n 1 -- WINDOW

(`--` because wire paragraphs may start with `- `). Reported per group and binary: how
many top matches are exact, near, paraphrase, or none (exit 1), how many are the
window's own article (its `line` in the JSON Lines file, or a copy of it), and how many
of those give the line where the window starts (for a JSON Lines record: the record's
line). Several binaries (--search NAME=PATH, repeatable) run on the same windows.

  benches/quote_windows.py --index /tmp/reuters-index --search old=/tmp/old/search \\
      --search new=target/release/search
  benches/quote_windows.py … --seed 2         # a second draw, to hold out
  benches/quote_windows.py … --show 5         # print 5 windows that were not exact

Needs ../shared/data/reuters.jsonl next to the crate (or --data), Python 3 (standard
library only) and an index of that file (`search --index INDEX index
../shared/data/reuters.jsonl`; not built here). Tables go to stdout.
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.join(HERE, "..", "..", "shared", "data", "reuters.jsonl")
CLASSES = ["exact", "near", "paraphrase", "none"]


def paragraphs(body):
    """The body's paragraphs, split at blank lines, as (start, end) offsets."""
    spans = []
    for m in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", body):
        if m.group().strip():
            spans.append((m.start(), m.end()))
    return spans


def tokens(body, start, end):
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", body[start:end])]


def draw(records, seed, inside, across, words):
    rng = random.Random(seed)
    order = list(range(len(records)))
    rng.shuffle(order)
    windows = []
    want = {"inside": inside, "across": across}
    for k in order:
        if want["inside"] == 0 and want["across"] == 0:
            break
        line, body = records[k]
        paras = paragraphs(body)
        group = rng.choice([g for g in ("inside", "across") if want[g] > 0])
        if group == "inside":
            fits = [p for p in paras if len(tokens(body, *p)) >= words]
            if not fits:
                continue
            start, end = rng.choice(fits)
            toks = [(a + start, b + start) for a, b in tokens(body, start, end)]
            first = rng.randrange(len(toks) - words + 1)
            cut = (toks[first][0], toks[first + words - 1][1])
        else:
            if len(paras) < 2:
                continue
            i = rng.randrange(len(paras) - 1)
            left = [(a + paras[i][0], b + paras[i][0]) for a, b in tokens(body, *paras[i])]
            right = [(a + paras[i + 1][0], b + paras[i + 1][0]) for a, b in tokens(body, *paras[i + 1])]
            low, high = max(1, words - len(right)), min(words - 1, len(left))
            if low > high:
                continue
            split = rng.randint(low, high)
            cut = (left[-split][0], right[words - split - 1][1])
        want[group] -= 1
        windows.append({"group": group, "line": line, "quote": body[cut[0]:cut[1]]})
    return windows


def check(binary, index, quote):
    run = subprocess.run(
        [binary, "--index", index, "quote", "--json", "-n", "1", "--", quote],
        capture_output=True,
        text=True,
    )
    if run.returncode == 1:
        return None
    if run.returncode != 0:
        sys.exit(f"{binary} failed ({run.returncode}) on {quote!r}: {run.stderr.strip()}")
    return json.loads(run.stdout.splitlines()[0])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index", required=True, help="an index of the Reuters file")
    ap.add_argument("--search", action="append", required=True, metavar="NAME=PATH")
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--inside", type=int, default=50)
    ap.add_argument("--across", type=int, default=70)
    ap.add_argument("--words", type=int, default=20)
    ap.add_argument("--show", type=int, default=0, help="print N windows not exact, per binary")
    args = ap.parse_args()
    records = []
    with open(args.data, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            body = json.loads(raw).get("body") or ""
            if body.strip():
                records.append((n, body))
    windows = draw(records, args.seed, args.inside, args.across, args.words)
    print(f"seed {args.seed}: {sum(w['group'] == 'inside' for w in windows)} windows inside one "
          f"paragraph, {sum(w['group'] == 'across' for w in windows)} across a break, "
          f"{args.words} words each")
    print(f"{'binary':8} {'group':7} {'n':>3} " + " ".join(f"{c:>10}" for c in CLASSES)
          + f" {'own article':>11} {'its line':>8}")
    for spec in args.search:
        name, _, binary = spec.partition("=")
        shown = 0
        for group in ("inside", "across"):
            counts = dict.fromkeys(CLASSES, 0)
            own = at_line = 0
            chosen = [w for w in windows if w["group"] == group]
            for w in chosen:
                top = check(binary, args.index, w["quote"])
                cls = top["match"] if top else "none"
                counts[cls] += 1
                lines = [top["line"]] + [c["line"] for c in top.get("copies", [])] if top else []
                if w["line"] in lines:
                    own += 1
                    at_line += top["line"] == w["line"]
                if cls != "exact" and shown < args.show:
                    shown += 1
                    print(f"  {name} {group} {cls}: {w['quote']!r}", file=sys.stderr)
            print(f"{name:8} {group:7} {len(chosen):>3} "
                  + " ".join(f"{counts[c]:>10}" for c in CLASSES)
                  + f" {own:>11} {at_line:>8}")


if __name__ == "__main__":
    main()
