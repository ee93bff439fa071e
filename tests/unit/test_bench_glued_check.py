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


def test_role_word_run_into_a_name_is_glued(check):
    assert check("Transports Clément Baudry", ROLE_GLUED)


def test_the_name_alone_is_not_glued(check):
    assert not check("Clément Baudry", ROLE_GLUED)


def test_particle_makes_one_name_even_when_the_place_stands_alone(check):
    text = "La Câmara de Valdoria aprovou o plano. Em Valdoria, a obra começa em março."
    assert not check("Câmara de Valdoria", text)


def test_capitalised_particle_is_still_a_particle(check):
    text = "Sans citer de noms, Paulo De Marchi a parlé. De Marchi a conclu la réunion."
    assert not check("Paulo De Marchi", text)


def test_capital_at_sentence_start_is_no_evidence(check):
    # "Vigie" alone opens the headline only; the office is always written whole in the body.
    text = "Vigie du 3 mai : alerte orange\n\nSelon Vigie Océan, la tempête arrive. En France, Vigie Océan prévoit du vent."
    assert not check("Vigie Océan", text)


def test_parts_used_apart_mid_sentence_are_evidence(check):
    text = "La vigie du port a parlé. Selon Vigie Océan, la tempête arrive. Le navire Océan est rentré."
    assert check("Vigie Océan", text)


def test_given_name_after_a_place_is_glued(check):
    text = "Au Québec Pauline Marchand a gagné."
    assert check("Québec Pauline Marchand", text)


def test_two_given_names_are_one_person(check):
    assert not check("Jean Paul Ferrand", "Jean Paul Ferrand a gagné.")


def test_place_named_after_a_saint_is_not_glued(check):
    assert not check("San Francisco", "The team flew to San Francisco on Monday.")


def test_gold_glue_needs_two_gold_names_in_order(bench):
    gold = [{"text": "India", "type": "LOC"}, {"text": "Ravi Menon", "type": "PER"}]
    assert bench.gold_glued("India Ravi Menon", gold)
    assert not bench.gold_glued("Ravi Menon", gold)
    assert not bench.gold_glued("India", gold)
