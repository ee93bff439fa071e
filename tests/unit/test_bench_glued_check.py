"""The glued-name check of bench/entities.py: issue 15's "no glued names" figure rests on it, so it
must flag names run together and pass names that are one. Articles below are written for the test."""

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "entities.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_entities", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def check(bench):
    return bench.GluedCheck()


ROLE_GLUED = (
    "Le ministre des Transports Clément Baudry a présenté le plan mardi. "
    "Selon Clément Baudry, les transports régionaux manquent de trains."
)

CASES = [
    # (tag, text, glued?, why)
    ("Transports Clément Baudry", ROLE_GLUED, True, "a common word run into a name the text uses alone"),
    ("Clément Baudry", ROLE_GLUED, False, "the name itself"),
    ("Câmara de Valdoria", "La Câmara de Valdoria aprovou o plano. Em Valdoria, a obra começa.", False,
     "a particle makes one name even when the place stands alone"),
    ("Paulo De Marchi", "Sans citer de noms, Paulo De Marchi a parlé. De Marchi a conclu.", False,
     "a capitalised particle is still a particle"),
    ("Vigie Océan", "Vigie du 3 mai : alerte\n\nSelon Vigie Océan, la tempête arrive. Le navire Océan rentre.", False,
     "the left word alone only opens a headline, where a capital says nothing"),
    ("Vigie Océan", "La vigie du port a parlé. Selon Vigie Océan, la tempête arrive. Le navire Océan rentre.", True,
     "both parts used apart mid-sentence"),
    ("Québec Pauline Marchand", "Au Québec Pauline Marchand a gagné.", True, "a given name starts a person after a place"),
    ("Jean Paul Ferrand", "Jean Paul Ferrand a gagné.", False, "two given names open one person's name"),
    ("Marcelo Vasconcelos", "Marcelo Vasconcelos falou ontem. Depois Marcelo saiu, e o ministro ouviu Vasconcelos.", False,
     "a person called by given name or surname alone"),
    ("San Francisco", "The team flew to San Francisco on Monday.", False, "a known place named after a saint"),
]


@pytest.mark.parametrize("label,text,expected,why", CASES, ids=[c[3] for c in CASES])
def test_glued_check(check, label, text, expected, why):
    assert check(label, text) is expected


def test_gold_glue_needs_two_gold_names_in_order(bench):
    gold = [{"text": "India", "type": "LOC"}, {"text": "Ravi Menon", "type": "PER"}]
    assert bench.gold_glued("India Ravi Menon", gold)
    assert not bench.gold_glued("Ravi Menon", gold)
    assert not bench.gold_glued("India", gold)
