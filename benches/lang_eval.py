#!/usr/bin/env python3
"""Noun queries in Ukrainian, Russian and Korean against hand judgments: recall and
precision of `search query` per language and split (tune, held-out, held-out2, held-out3,
held-out4, held-out5, held-out6, held-out7, held-out8).

Usage: benches/lang_eval.py [--search BIN] [--data DIR] [--show-missed N] [--split SPLIT[,SPLIT]]

`--split all`, the default, runs every split but `held-out5`, `held-out6`, `held-out7` and
`held-out8`: those splits, each judged before any figure of it was seen, run only when named
(`--split held-out8`, or `all,held-out8`).

The judgments are tests/fixtures/lang_eval/judgments.jsonl (see its README): for each
noun, the lines of ../shared/data/multilingual/{sentences,ua-gec,story,kobill} holding
an inflected form of it (Korean: the noun inside a longer word), located by path, line
and a hash of the line, and the hashes of the word forms judged to be the noun's.

The script indexes those four folders, runs `search query --json --all-copies -n 0 --per-article 0
--lang L NOUN` for each noun and compares the passages found with the judged lines:

- recall: the judged lines inside a passage found, over the judged lines inside any
  passage (a headline line is in no passage: the title is indexed with each of its
  article's passages, so it is left out of recall);
- precision: the passages found holding a judged line, or whose article's title holds
  a judged form, over the passages found.

Figures are micro-averaged per language and split. Python 3, standard library only;
builds nothing (uses target/release/search). Exits 0 with a message, measuring nothing,
when the data is absent.
"""
import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JUDGMENTS = ROOT / "tests" / "fixtures" / "lang_eval" / "judgments.jsonl"
FOLDERS = ["sentences", "ua-gec", "story", "kobill"]
# Splits that `--split all` leaves out: they run only when named.
NAMED_ONLY = {"held-out5", "held-out6", "held-out7", "held-out8"}
WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")


def short_hash(text):
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def form_hashes(text):
    return {short_hash(w.lower().replace("ё", "е")) for w in WORD.findall(text)}


def run(search, index, *args):
    out = subprocess.run(
        [search, "--index", str(index), *args], capture_output=True, text=True
    )
    if out.returncode not in (0, 1):
        sys.exit(f"search {' '.join(args)} failed: {out.stderr.strip()}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--search", default=str(ROOT / "target" / "release" / "search"))
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "multilingual"))
    parser.add_argument("--show-missed", type=int, default=0, metavar="N",
                        help="print up to N missed lines and N false passages per noun")
    parser.add_argument("--split", default="all",
                        help="tune, held-out, held-out2, held-out3, held-out4, held-out5, held-out6, held-out7, "
                             "held-out8 or all (every split but held-out5, held-out6, held-out7 and "
                             "held-out8, which run only when named), "
                             "or a comma list (tune,held-out)")
    args = parser.parse_args()
    splits = set(args.split.split(","))
    if not splits <= {"tune", "held-out", "held-out2", "held-out3", "held-out4", "held-out5", "held-out6",
                      "held-out7", "held-out8", "all"}:
        sys.exit(f"--split: unknown split in {args.split!r}")
    data = Path(args.data).resolve()
    if not all((data / folder).is_dir() for folder in FOLDERS):
        print(f"skipped: {data} does not hold {', '.join(FOLDERS)} (../shared/data is absent)")
        return 0
    judgments = [json.loads(line) for line in JUDGMENTS.read_text().splitlines() if line]
    # The data must be what was judged.
    for j in judgments:
        for path, line, digest in j["relevant"]:
            lines = (data / path).read_text().split("\n")
            if short_hash(lines[line - 1]) != digest:
                sys.exit(f"{path}:{line} is not the line judged — the data changed")

    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp) / "index"
        subprocess.run([args.search, "--index", str(index), "index",
                        *[str(data / f) for f in FOLDERS]], check=True,
                       capture_output=True)
        # The lines inside passages, per file (the rest are headlines and blank lines).
        spans = {}
        for folder in FOLDERS:
            for file in sorted((data / folder).glob("*.txt")):
                shown = run(args.search, index, "show", "--json", str(file))
                covered = set()
                for article in shown:
                    for p in article["passages"]:
                        covered.update(range(p["line"], p["line"] + p["text"].count("\n") + 1))
                spans[f"{folder}/{file.name}"] = covered

        totals = defaultdict(lambda: [0, 0, 0, 0, 0])  # nouns, found, judged, right, returned
        for j in judgments:
            if j["split"] not in splits and ("all" not in splits or j["split"] in NAMED_ONLY):
                continue
            relevant = {(p, n) for p, n, _ in j["relevant"] if n in spans.get(p, ())}
            forms = set(j["forms"])
            hits = run(args.search, index, "query", "--json", "--all-copies", "-n", "0", "--per-article", "0",
                       "--lang", j["lang"], "--", j["query"])
            found, right, false = set(), 0, []
            for hit in hits:
                path = str(Path(hit["path"]).relative_to(data))
                lines = {(path, n) for n in
                         range(hit["line"], hit["line"] + hit["passage"].count("\n") + 1)}
                found |= lines & relevant
                if lines & relevant or form_hashes(hit["title"] or "") & forms:
                    right += 1
                else:
                    false.append(f"{path}:{hit['line']}")
            missed = sorted(relevant - found)
            for key in [(j["lang"], j["split"]), (j["lang"], "all")]:
                t = totals[key]
                t[0] += 1
                t[1] += len(found)
                t[2] += len(relevant)
                t[3] += right
                t[4] += len(hits)
            if args.show_missed and (missed or false):
                print(f"{j['lang']} {j['query']} ({j['split']}): "
                      f"missed {[f'{p}:{n}' for p, n in missed[:args.show_missed]]} "
                      f"false {false[:args.show_missed]}")

    print(f"{'lang':<5} {'split':<9} {'nouns':>5} {'judged':>6} {'recall':>7} {'found':>6} {'precision':>9}")
    for (lang, split), (nouns, found, judged, right, returned) in sorted(totals.items()):
        recall = found / judged if judged else 0.0
        precision = right / returned if returned else 0.0
        print(f"{lang:<5} {split:<9} {nouns:>5} {judged:>6} {recall:>7.3f} {returned:>6} {precision:>9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
