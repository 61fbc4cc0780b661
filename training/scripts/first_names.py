"""Build ``lib/artikel/resources/de/names/first_names.tsv`` from nomquamgender (MIT).

    python scripts/first_names.py NAME_DATA.json OUT.tsv [--min-count 50] [--uncertainty 0.1]

NAME_DATA.json is ``nomquamgender/name_data.json`` of the nomquamgender package (Van Buskirk
et al. 2023, "An open-source cultural consensus approach to name-based gender
classification", MIT licence; `pip download --no-deps nomquamgender`, unzip the wheel). Each
entry there is ``name: [sources, count, p(female), ...]`` (names folded to ASCII: "jorg" for
"Jörg"). Kept: names of letters and hyphens seen at least ``--min-count`` times. A
name is ``female`` when p(female) >= 1 - uncertainty, ``male`` when <= uncertainty, else
``unknown`` (nomquamgender's default threshold, 0.1): "Andrea" (0.83) and "Kim" (0.67) are
unknown, as GUIDELINES.md asks for ambiguous first names.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

LETTER = "[a-zäöüßéèêëáàâíìîïóòôúùûñçšžčřćłøåæœ]"
LETTERS = re.compile(rf"{LETTER}+(?:-{LETTER}+)*")
HEADER = """# artikel resource: first names with the share of women who bear them (artikel.gender)
# PURPOSE: decide a person's gender from the first name when the article does not (GUIDELINES.md,
#   "Gender of people"), and recognise first names at the start of a person's name.
# SOURCE: nomquamgender 0.1.4 (Ian Van Buskirk, MIT licence; Van Buskirk, Clauset & Larremore
#   2023), name_data.json; built by training/scripts/first_names.py: names seen at least
#   {min_count} times; GENDER female when p(female) >= {high}, male when <= {low}, else unknown.
# FORMAT: NAME<TAB>GENDER<TAB>P_FEMALE<TAB>COUNT (name in lower case, folded to ASCII: "jorg"
#   for "Jörg"; names seen at least 1,000 times also count as first names when finding names)
# EXAMPLE: angela"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name_data", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--min-count", type=int, default=50)
    parser.add_argument("--uncertainty", type=float, default=0.1)
    args = parser.parse_args()
    data = json.loads(args.name_data.read_text(encoding="utf-8"))
    low, high = args.uncertainty, 1 - args.uncertainty
    lines = [HEADER.format(min_count=args.min_count, low=low, high=round(high, 3))]
    for name in sorted(data):
        _, count, p_female = data[name][:3]
        if count < args.min_count or not LETTERS.fullmatch(name):
            continue
        gender = "female" if p_female >= high else "male" if p_female <= low else "unknown"
        lines.append(f"{name}\t{gender}\t{p_female:.3f}\t{count}")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} names -> {args.out}")


if __name__ == "__main__":
    main()
