#!/usr/bin/env python3
"""Two commands timed in turn, A B A B ..., as whole processes.

After WARMUP runs of each (default 1), RUNS pairs (default 21): each run's CPU time
(user + system, from the kernel's accounting of the finished process, to the
microsecond), wall time and peak resident memory; prints the medians of each and of the
pairwise CPU ratio A/B with its spread. Taking the ratio pair by pair keeps a comparison
honest on a machine whose speed drifts (a shared or throttled one).

    benches/ab.py 'NEW --index idx-new query "oil prices fell"' 'OLD --index idx-old query "oil prices fell"'
    RUNS=3 WARMUP=0 benches/ab.py 'NEW --index a index --rebuild rx10.jsonl' 'OLD --index b index --rebuild rx10.jsonl'

Each command is one string, split as the shell splits words (no shell runs it); its
output is thrown away. Standard library only.
"""

import os
import shlex
import statistics
import subprocess
import sys
import time


def run(argv):
    """(cpu seconds, wall seconds, peak MiB) of one run of argv."""
    start = time.monotonic()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    child.returncode = 0  # reaped above
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: benches/ab.py 'COMMAND A' 'COMMAND B'")
    a, b = shlex.split(sys.argv[1]), shlex.split(sys.argv[2])
    runs = int(os.environ.get("RUNS", 21))
    warmup = int(os.environ.get("WARMUP", 1))
    for _ in range(warmup):
        run(a)
        run(b)
    figures = {"A": [], "B": []}
    for _ in range(runs):
        figures["A"].append(run(a))
        figures["B"].append(run(b))
    med = statistics.median
    print("| | A | B |")
    print("|---|--:|--:|")
    for name, i, unit in (("CPU", 0, "s"), ("wall", 1, "s"), ("peak", 2, "MiB")):
        print(f"| {name} {unit} (median) | {med(r[i] for r in figures['A']):.3f} "
              f"| {med(r[i] for r in figures['B']):.3f} |")
    ratios = [x[0] / y[0] for x, y in zip(figures["A"], figures["B"]) if y[0] > 0]
    if ratios:
        print(f"\nA/B CPU, pair by pair: median {med(ratios):.3f} "
              f"(spread {min(ratios):.3f}-{max(ratios):.3f}, {len(ratios)} pairs)")


if __name__ == "__main__":
    main()
