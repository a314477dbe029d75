#!/usr/bin/env python3
"""Indexing time of one long article: whether time per MB stays flat as an article grows.

Usage: benches/long_articles.py [--search BIN] [--data DIR] [--sizes MB,...] [--runs N]
                                [--threads N] [--keep]

Writes generated Markdown articles of each size (default 0.1, 1, 4 and 16 MB; 16 MB is
just under the 16 MiB at which a file is skipped) in two shapes:

- paragraphs: many short paragraphs of 12 words, each after a blank line;
- running: one paragraph of running news-like text (sentences, names, numbers,
  quotations) with no line break at all.

Each article is indexed alone into an empty index with `search index`, `--runs` times
(interleaved), and the median seconds and seconds per MB are printed, with the same for
`../shared/data/reuters.jsonl` (19,043 ordinary articles) for comparison. `--threads`
(default 1) is passed to every run: one long article is read by one thread, so one
thread for all makes the per-MB figures compare work, not parallelism.

The text is generated from a fixed seed with the word lists below; nothing is read from
the data but reuters.jsonl, which is only indexed. Temporary files go to a `mktemp -d`
folder removed on exit (kept with --keep).
"""

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

PEOPLE = ["Maria Lopez", "John Carter", "Angela Merkel", "Ahmed Hassan", "Li Wei",
          "Sarah O'Neill", "Pierre Dubois", "Kenji Tanaka", "Olga Petrova", "David Mensah"]
PLACES = ["London", "Brussels", "Nairobi", "Tokyo", "Washington", "Berlin", "Lagos",
          "Sao Paulo", "Moscow", "Canberra", "Geneva", "New Delhi"]
ORGS = ["the European Commission", "the Central Bank", "the United Nations",
        "the Finance Ministry", "Reuters", "the World Health Organization",
        "the Electoral Commission", "the Port Authority"]
NOUNS = ["talks", "budget", "report", "election", "strike", "inflation", "agreement",
         "shares", "exports", "court", "vote", "policy", "prices", "plan", "deficit",
         "contract", "ceasefire", "investigation", "harvest", "merger"]
VERBS = ["said", "told reporters", "announced", "warned", "confirmed", "denied",
         "added", "wrote", "argued", "insisted"]
WORDS = ["the", "government", "would", "resume", "next", "week", "after", "officials",
         "from", "both", "sides", "met", "on", "Tuesday", "to", "discuss", "a", "new",
         "proposal", "for", "regional", "trade", "and", "security", "in", "its", "annual",
         "figures", "rose", "fell", "by", "percent", "while", "analysts", "expected",
         "further", "gains", "during", "second", "quarter", "despite", "concerns", "over",
         "rising", "costs", "of", "energy", "food", "transport", "local", "industry"]


def sentence(rng):
    """One news-like sentence: a report, a quotation with a speaker, or figures."""
    kind = rng.randrange(3)
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
    if kind == 0:
        return (f"{rng.choice(PEOPLE)} of {rng.choice(ORGS)} {rng.choice(VERBS)} the "
                f"{rng.choice(NOUNS)} in {rng.choice(PLACES)} {body}.")
    if kind == 1:
        return (f"\u201c{body[0].upper()}{body[1:]} {rng.choice(NOUNS)},\u201d "
                f"{rng.choice(PEOPLE)} {rng.choice(VERBS[:3])}.")
    return (f"The {rng.choice(NOUNS)} rose {rng.randint(1, 99)}.{rng.randint(0, 9)} percent "
            f"to ${rng.randint(1, 999):,} million in {rng.choice(PLACES)} {body}.")


def twelve_words(rng):
    """A paragraph of 12 words."""
    words = [rng.choice(WORDS) for _ in range(11)] + [rng.choice(PLACES).split()[0]]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def generate(path, shape, size):
    """Writes an article of `shape` of about `size` bytes (never more) to `path`."""
    rng = random.Random(f"{shape}-{size}")
    parts = ["---", "title: A long article", "outlet: Generated", "date: 2024-05-01",
             "---", ""]
    total = sum(len(p) + 1 for p in parts)
    pieces = []
    separator = "\n\n" if shape == "paragraphs" else " "
    while True:
        piece = twelve_words(rng) if shape == "paragraphs" else sentence(rng)
        cost = len(piece.encode()) + len(separator)
        if total + cost > size:
            break
        pieces.append(piece)
        total += cost
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(parts))
        out.write(separator.join(pieces))
        out.write("\n")
    return os.path.getsize(path)


def index_seconds(search, source, index, threads):
    """Seconds to index `source` into a new index at `index`."""
    if os.path.exists(index):
        shutil.rmtree(index)
    started = time.perf_counter()
    subprocess.run([search, "--index", index, "index", "--quiet", "--threads", str(threads),
                    source], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--search", default=os.path.join(REPO, "target/release/search"))
    parser.add_argument("--data", default=os.path.join(REPO, "../shared/data"))
    parser.add_argument("--sizes", default="0.1,1,4,16")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    if not os.access(args.search, os.X_OK):
        sys.exit(f"no binary at {args.search}: run `cargo build --release` or pass --search")
    reuters = os.path.join(args.data, "reuters.jsonl")
    if not os.path.exists(reuters):
        sys.exit(f"no {reuters}: pass --data with the folder holding reuters.jsonl")
    work = tempfile.mkdtemp(prefix="long-articles-")
    try:
        cases = []
        for shape in ("paragraphs", "running"):
            for size in args.sizes.split(","):
                folder = os.path.join(work, f"{shape}-{size}")
                os.makedirs(folder)
                path = os.path.join(folder, "article.md")
                written = generate(path, shape, int(float(size) * 1_000_000))
                cases.append((f"{shape} {size} MB", folder, written))
        cases.append(("reuters.jsonl", reuters, os.path.getsize(reuters)))
        times = {name: [] for name, _, _ in cases}
        for _ in range(args.runs):
            for name, source, _ in cases:
                index = os.path.join(work, "index")
                times[name].append(index_seconds(args.search, source, index, args.threads))
        print(f"{'input':<22}{'MB':>8}{'seconds':>10}{'s/MB':>8}{'vs Reuters':>12}")
        reuters_per_mb = statistics.median(times["reuters.jsonl"]) / (cases[-1][2] / 1e6)
        for name, _, size in cases:
            seconds = statistics.median(times[name])
            per_mb = seconds / (size / 1e6)
            print(f"{name:<22}{size / 1e6:>8.2f}{seconds:>10.3f}{per_mb:>8.3f}"
                  f"{per_mb / reuters_per_mb:>11.2f}x")
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work)


if __name__ == "__main__":
    main()
