"""Regenerate src/enricher/tags/data/places_multi.txt.gz: place names for the multilingual tagger.

Source: pycountry (ISO 3166 data of Debian's iso-codes, LGPL-2.1-or-later): the country names in
English and, from pycountry's gettext catalogues, in fr de es it pt nl (the Lambda artefact drops
those catalogues, 22 MB, so the names are read here at build time), plus every subdivision's name
(regions, provinces, districts: written in the country's own language, e.g. "Bretagne", "Évora").

One line per language: "<lang>\t<name>|<name>|..." (lower case); "*" holds the names valid in every
language (English country names and subdivisions).

    .venv/bin/python bench/build_places.py
"""

from __future__ import annotations

import gettext
import gzip
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "enricher" / "tags" / "data" / "places_multi.txt.gz"
LANGUAGES = ("fr", "de", "es", "it", "pt", "nl")


def clean(name: str) -> str | None:
    name = name.strip()
    if not name or "," in name or "(" in name or len(name) > 40:
        return None
    return name.lower()


def main() -> None:
    import pycountry

    common: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            n = clean(getattr(country, attr, "") or "")
            if n:
                common.add(n)
    for sub in pycountry.subdivisions:
        n = clean(sub.name)
        if n:
            common.add(n)
    lines = ["# place names from pycountry " + __import__("importlib.metadata").metadata.version("pycountry")
             + " (iso-codes data, LGPL-2.1-or-later); regenerate with bench/build_places.py",
             "*\t" + "|".join(sorted(common))]
    for lang in LANGUAGES:
        t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        names = set()
        for country in pycountry.countries:
            for attr in ("name", "common_name"):
                value = getattr(country, attr, None)
                n = clean(t.gettext(value)) if value else None
                if n and n not in common:
                    names.add(n)
        lines.append(f"{lang}\t" + "|".join(sorted(names)))
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as fh:
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{OUT}: {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
