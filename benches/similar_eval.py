#!/usr/bin/env python3
"""How often is what `search similar` finds about the same subject?

BBC News (../shared/data/bbc) files its 2,225 articles in five category folders
(business, entertainment, politics, sport, tech). The articles are shuffled with a fixed
seed (1 unless --seed says otherwise; Python's `random.Random`); the first --sample of
them (200) are the evaluation sample and the next --sample the held-out sample, which
is looked at only once the first is settled. For each article, `search similar PATH
--json -n 5` runs on a BBC index built once in a temporary folder, and each result (a
story: an article with its copies grouped under it) counts as right when its file is in
the article's own category folder. Per sample the table gives:

  precision@5   right results over results shown, over all articles of the sample
  all 5 right   articles whose five results are all in their category
  none          articles for which nothing similar was found

A category is coarse (two sport stories may share nothing but the sport), so this is a
floor on "other coverage of the same story", not a measure of it; it says whether the
words `similar` asks with lead to articles about the same things.

  benches/similar_eval.py                 # ~1 min

Needs ../shared/data next to the crate, Python 3 (standard library only) and a built
`target/release/search` (--search BIN for another). Temporary data goes to a folder
removed on exit (--keep keeps it). Progress goes to stderr, the table to stdout.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "..", "shared", "data")
TOP = 5


def articles(bbc):
    """Every BBC article path, sorted, and its category."""
    found = []
    for topic in sorted(os.listdir(bbc)):
        folder = os.path.join(bbc, topic)
        if os.path.isdir(folder):
            found.extend((os.path.join(folder, name), topic) for name in sorted(os.listdir(folder)))
    return found


def category(path):
    return os.path.basename(os.path.dirname(path))


def evaluate(search, index, sample):
    right = shown = all_right = none = 0
    for path, topic in sample:
        out = subprocess.run(
            [search, "--index", index, "similar", path, "--json", "-n", str(TOP)],
            capture_output=True, text=True,
        )
        if out.returncode not in (0, 1):
            sys.exit(f"similar_eval: search similar {path} failed: {out.stderr.strip()}")
        hits = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
        hits = [hit for hit in hits if "path" in hit]
        good = sum(category(hit["path"]) == topic for hit in hits)
        right += good
        shown += TOP
        all_right += good == TOP
        none += not hits
    return right / shown, all_right, none


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--search", default=os.path.join(ROOT, "target", "release", "search"))
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    bbc = os.path.join(DATA, "bbc")
    if not os.path.isdir(bbc):
        sys.exit(f"similar_eval: no BBC collection at {bbc} — see ../shared/README.md")
    if not os.access(args.search, os.X_OK):
        sys.exit(f"similar_eval: no binary at {args.search} — run `cargo build --release` or give --search")
    found = articles(bbc)
    random.Random(args.seed).shuffle(found)
    samples = [("evaluation", found[: args.sample]), ("held out", found[args.sample : 2 * args.sample])]
    tmp = tempfile.mkdtemp(prefix="similar-eval-")
    try:
        index = os.path.join(tmp, "index")
        print("similar_eval: indexing BBC", file=sys.stderr)
        subprocess.run([args.search, "--index", index, "index", "--quiet", bbc], check=True)
        print(f"| sample | articles | precision@{TOP} | all {TOP} right | none found |")
        print("|---|--:|--:|--:|--:|")
        for name, sample in samples:
            print(f"similar_eval: {name} sample", file=sys.stderr)
            precision, all_right, none = evaluate(args.search, index, sample)
            print(f"| {name} | {len(sample)} | {precision:.3f} | {all_right} | {none} |")
    finally:
        if args.keep:
            print(f"similar_eval: kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
