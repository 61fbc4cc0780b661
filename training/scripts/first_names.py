"""Build ``lib/artikel/resources/de/names/first_names.tsv`` from nomquamgender (MIT) and the
Berlin first-name statistics (CC BY 3.0 DE).

    python scripts/first_names.py NAME_DATA.json OUT.tsv [--german BERLIN_CSV_DIR]
        [--min-count 50] [--uncertainty 0.1] [--german-min-count 30]

NAME_DATA.json is ``nomquamgender/name_data.json`` of the nomquamgender package (Van Buskirk
et al. 2023, "An open-source cultural consensus approach to name-based gender
classification", MIT licence; `pip download --no-deps nomquamgender`, unzip the wheel). Each
entry there is ``name: [sources, count, p(female), ...]`` (names folded to ASCII: "jorg" for
"Jörg"). Kept: names of letters and hyphens seen at least ``--min-count`` times. A
name is ``female`` when p(female) >= 1 - uncertainty, ``male`` when <= uncertainty, else
``unknown`` (nomquamgender's default threshold, 0.1): "Andrea" (0.83) and "Kim" (0.67) are
unknown, as GUIDELINES.md asks for ambiguous first names.

BERLIN_CSV_DIR is ``data/cleaned`` of https://github.com/berlinonline/haeufige-vornamen-berlin
(the first names of all children registered in Berlin since 2012, by district, year and sex;
Landesamt für Bürger- und Ordnungsangelegenheiten (LABO) / BerlinOnline Stadtportal GmbH & Co.
KG, CC BY 3.0 DE; commit e8760a7 was used). nomquamgender's shares are world-wide; these are
German usage ("Sina", a woman's name in Germany, is 0.59 world-wide). Only names given in the
first position count (the files from 2017 on record it: a boy's second name "Maria" is not a
girl's name). A name given to at least ``--german-min-count`` such children takes its German
share, which decides or makes it ambiguous; rarer names keep nomquamgender's.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from artikel.resources import fold  # the folding artikel looks names up with

LETTER = "[a-zäöüßéèêëáàâíìîïóòôúùûñçšžčřćłøåæœ]"
LETTERS = re.compile(rf"{LETTER}+(?:-{LETTER}+)*")
HEADER = """# artikel resource: first names with the share of women who bear them (artikel.gender)
# PURPOSE: decide a person's gender from the first name when the article does not (GUIDELINES.md,
#   "Gender of people"), and recognise first names at the start of a person's name.
# SOURCE: nomquamgender 0.1.4 (Ian Van Buskirk, MIT licence; Van Buskirk, Clauset & Larremore
#   2023), name_data.json: names seen at least {min_count} times; and, for German usage, the
#   Berlin first-name statistics 2017-2023 (Landesamt für Bürger- und Ordnungsangelegenheiten
#   (LABO) / BerlinOnline Stadtportal GmbH & Co. KG, CC BY 3.0 DE,
#   https://github.com/berlinonline/haeufige-vornamen-berlin): a name given first to at least
#   {german_min} children there takes its Berlin share. Built by training/scripts/first_names.py;
#   GENDER female when p(female) >= {high}, male when <= {low}, else unknown.
# FORMAT: NAME<TAB>GENDER<TAB>P_FEMALE<TAB>COUNT<TAB>SOURCE (name in lower case, folded to ASCII:
#   "jorg" for "Jörg"; COUNT is nomquamgender's, or Berlin's for a name only Berlin lists; names
#   seen at least 1,000 times also count as first names when finding names; SOURCE is
#   nomquamgender or berlin, whichever gave P_FEMALE)
# EXAMPLE: angela"""


def german_counts(folder: Path) -> dict[str, Counter]:
    """Children given each (folded) name first, by sex (w/m), from the Berlin CSV files that
    record the position (2017 on)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for path in sorted(folder.glob("*/*.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row.get("position") != "1" or row.get("geschlecht") not in ("w", "m"):
                    continue
                counts[fold(row["vorname"].strip())][row["geschlecht"]] += int(row["anzahl"])
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name_data", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--german", type=Path, help="data/cleaned of haeufige-vornamen-berlin")
    parser.add_argument("--min-count", type=int, default=50)
    parser.add_argument("--german-min-count", type=int, default=30)
    parser.add_argument("--uncertainty", type=float, default=0.1)
    args = parser.parse_args()
    data = json.loads(args.name_data.read_text(encoding="utf-8"))
    german = german_counts(args.german) if args.german else {}
    low, high = args.uncertainty, 1 - args.uncertainty
    header = HEADER.format(
        min_count=args.min_count, german_min=args.german_min_count, low=low, high=round(high, 3)
    )
    rows: dict[str, tuple[float, int, str]] = {}
    for name in data:
        _, count, p_female = data[name][:3]
        if count >= args.min_count and LETTERS.fullmatch(name):
            rows[name] = (p_female, count, "nomquamgender")
    for name, sexes in german.items():
        children = sexes["w"] + sexes["m"]
        if children >= args.german_min_count and LETTERS.fullmatch(name):
            count = rows[name][1] if name in rows else children
            rows[name] = (sexes["w"] / children, count, "berlin")
    lines = [header]
    for name in sorted(rows):
        p_female, count, source = rows[name]
        gender = "female" if p_female >= high else "male" if p_female <= low else "unknown"
        lines.append(f"{name}\t{gender}\t{p_female:.3f}\t{count}\t{source}")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    berlin = sum(source == "berlin" for _, _, source in rows.values())
    print(f"{len(lines) - 1} names ({berlin} with German usage) -> {args.out}")


if __name__ == "__main__":
    main()
