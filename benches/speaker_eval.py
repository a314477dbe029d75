#!/usr/bin/env python3
"""Speaker attribution against hand labels: how often `search quote` names the
speaker the article gives, names the wrong one, or names nobody.

Usage: benches/speaker_eval.py [--search BIN] [--data DIR] [--indexes DIR] [--keep] [--blind]
                               [--blind2] [--blind3] [--blind4] [--blind5]
                               [--blind6] [--blind7] [--blind8] [--blind9]
                               [--blind10] [--blind11] [--blind12]
                               [--show-wrong N]
                               [--show-missing N] [--show-split SPLIT]

The labels are tests/fixtures/speakers/labels.tsv (2027 quotations from BBC and
Reuters, located by offset and hash; see its README). For each label the script
reads the quotation's first words from the data, runs
`search quote --json -n 0 -- WORDS` on an index of BBC or of Reuters, takes the
match in the labelled article (or the match that lists it among its copies) and
compares its `speaker` with the label:

- right: the same name, case and honorifics aside; a speaker given by surname alone
  counts as right when it is the labelled person's last name (counted apart too);
- wrong: another name, or a name where the label says nobody is named;
- missing: no name where the label has one (null is better than a wrong name);
- not found: the quote did not find its article at all (or was refused as common
  words only).

Figures are printed per split (tune, held_out) and per kind of attribution;
`all` and the kind rows cover tune and held_out. The blind split is left out
unless --blind is given: then it is measured too and printed as its own rows
(blind, and blind per kind), never mixed into `all`. Give --blind only once
the rules are frozen. The second blind split, blind2, is treated the same way
with --blind2 (rows blind2, and blind2 per kind), the third, blind3, with
--blind3 (rows blind3, and blind3 per kind), the fourth, blind4, with
--blind4 (rows blind4, and blind4 per kind), the fifth, blind5, with
--blind5 (rows blind5, and blind5 per kind), the sixth, blind6, with
--blind6 (rows blind6, and blind6 per kind), the seventh, blind7, with
--blind7 (rows blind7, and blind7 per kind), the eighth, blind8, with
--blind8 (rows blind8, and blind8 per kind), the ninth, blind9, with
--blind9 (rows blind9, and blind9 per kind), the tenth, blind10, with
--blind10 (rows blind10, and blind10 per kind), the eleventh, blind11, with
--blind11 (rows blind11, and blind11 per kind), and the twelfth, blind12, with
--blind12 (rows blind12, and blind12 per kind).
Python 3, standard library only; builds nothing (uses target/release/search).
"""
import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The splits measured only when asked for by name (`--blind`, `--blind2`, …).
BLIND_SPLITS = ("blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9",
                "blind10", "blind11", "blind12")
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "speakers"))
import locate  # noqa: E402

HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "prof", "professor"}


def key(name):
    words = [w for w in name.lower().replace(".", " ").split() if w not in HONORIFICS]
    return " ".join(w.strip("'’,") for w in words)


def verdict(predicted, gold):
    """right / surname / wrong / missing."""
    if not gold:
        return "right" if not predicted else "wrong"
    if not predicted:
        return "missing"
    p, g = key(predicted), key(gold)
    if p == g:
        return "right"
    if " " not in p and g.split() and p == g.split()[-1]:
        return "surname"
    return "wrong"


def run_quote(search, index, words):
    out = subprocess.run(
        [search, "--index", str(index), "quote", "--json", "-n", "0", "--", words],
        capture_output=True, text=True,
    )
    # A quotation of common words alone ("What is this?") is refused: nothing found.
    if out.returncode == 2 and "only common words" in out.stderr:
        return []
    if out.returncode not in (0, 1):
        raise SystemExit(f"speaker_eval: search quote failed: {out.stderr.strip()}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def in_doc(source, label, record_lines):
    path = source["path"]
    if label["source"] == "bbc":
        return path.endswith("/bbc/" + label["doc"])
    return path.endswith("reuters.jsonl") and source["line"] == record_lines[label["doc"]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--search", default=str(ROOT / "target" / "release" / "search"))
    parser.add_argument("--data", default=str(ROOT / ".." / "shared" / "data"))
    parser.add_argument("--show-wrong", type=int, default=0, metavar="N")
    parser.add_argument("--show-missing", type=int, default=0, metavar="N")
    parser.add_argument("--keep", action="store_true", help="keep the indexes")
    parser.add_argument("--indexes", metavar="DIR",
                        help="index into DIR (kept), or reuse DIR/bbc and DIR/reuters if present")
    parser.add_argument("--show-split", default="tune", metavar="SPLIT",
                        help="the split whose wrong and missing cases are shown (default tune)")
    for split in BLIND_SPLITS:
        parser.add_argument(f"--{split}", action="store_true",
                            help=f"also measure the {split} split (only once the rules are frozen)")
    args = parser.parse_args()
    data = Path(args.data).resolve()
    if not (data / "bbc").is_dir():
        raise SystemExit(f"speaker_eval: no data at {data}")
    with open(ROOT / "tests" / "fixtures" / "speakers" / "labels.tsv", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        labels = [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]
    asked = [split for split in BLIND_SPLITS if getattr(args, split)]
    labels = [l for l in labels if l["split"] not in BLIND_SPLITS or l["split"] in asked]
    reuters_ids = {l["doc"] for l in labels if l["source"] == "reuters"}
    paragraphs = locate.reuters_paragraphs(data, reuters_ids)
    record_lines = {}
    with open(data / "reuters.jsonl", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            rec = json.loads(line)
            if rec["id"] in reuters_ids:
                record_lines[rec["id"]] = n

    work = Path(args.indexes) if args.indexes else Path(tempfile.mkdtemp(prefix="search-speaker-eval."))
    indexes = {"bbc": work / "bbc", "reuters": work / "reuters"}
    for name, source in (("bbc", data / "bbc"), ("reuters", data / "reuters.jsonl")):
        if args.indexes and indexes[name].is_dir():
            continue
        subprocess.run([args.search, "--index", str(indexes[name]), "index", "-q", str(source)],
                       check=False, capture_output=True)

    tally = defaultdict(Counter)
    wrong, missing = [], []
    for label in labels:
        if label["source"] == "bbc":
            text = locate.bbc_lines(data, label["doc"])[int(label["line"]) - 1]
        else:
            text = paragraphs[label["doc"]][int(label["line"])]
        words = " ".join(locate.words_at(text, int(label["start"]), int(label["words"])))
        matches = run_quote(args.search, indexes[label["source"]], words)
        found = next((m for m in matches
                      if in_doc(m, label, record_lines)
                      or any(in_doc(c, label, record_lines) for c in m["copies"])), None)
        outcome = "not found" if found is None else verdict(found["speaker"], label["speaker"])
        if label["split"] in BLIND_SPLITS:
            groups = (label["split"], f"{label['split']} kind {label['kind']}")
        else:
            groups = (label["split"], "all", f"kind {label['kind']}")
        for group in groups:
            tally[group][outcome] += 1
        if label["split"] != args.show_split:
            continue
        if outcome == "wrong":
            wrong.append((label["id"], label["speaker"], found["speaker"], words))
        if outcome in ("missing", "not found"):
            missing.append((outcome, label["id"], label["kind"], label["speaker"], words))

    print(f"Command: benches/speaker_eval.py --search {args.search}"
          + "".join(f" --{split}" for split in asked))
    print()
    print("| labels | n | right | of which surname only | wrong | missing | not found | accuracy | wrong share |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    order = ["tune", "held_out", "all"] + sorted(g for g in tally if g.startswith("kind "))
    for split in BLIND_SPLITS:
        order += [split] + sorted(g for g in tally if g.startswith(f"{split} kind "))
    for group in order:
        t = tally[group]
        n = sum(t.values())
        if n == 0:
            continue
        right = t["right"] + t["surname"]
        print(f"| {group} | {n} | {right} | {t['surname']} | {t['wrong']} | {t['missing']} | "
              f"{t['not found']} | {right / n:.3f} | {t['wrong'] / n:.3f} |")
    for item in wrong[: args.show_wrong]:
        print("wrong: %s gold=%r said=%r  %s" % item)
    for item in missing[: args.show_missing]:
        print("%s: %s (%s) gold=%r  %s" % item)
    if not args.keep and not args.indexes:
        subprocess.run(["rm", "-rf", str(work)])
    else:
        print(f"indexes kept in {work}", file=sys.stderr)


if __name__ == "__main__":
    main()
