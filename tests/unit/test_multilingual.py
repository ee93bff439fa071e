"""The multilingual tagger (issue 15): each language's name cues, the glued-name split, keyphrases
in fr/pt/de/es/it/nl, language detection's "unknown", and the record's new method fields.

Every text here is written for this test (no corpus text)."""

from __future__ import annotations

import json

import pytest

from enricher import Enricher, Options
from enricher.ingest.language import detect, detect_with_method
from enricher.model import Article
from enricher.record import InvalidRecord, validate
from enricher.resources import Resources
from enricher.tags.multilingual import MultilingualTagger, load_places, tokenize
from enricher.text.analyse import analyse


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


@pytest.fixture(scope="module")
def tagger(resources: Resources) -> MultilingualTagger:
    return MultilingualTagger(resources)


def tags_of(text: str, language: str, resources: Resources, tagger: MultilingualTagger, title: str | None = None) -> dict[str, str]:
    article = Article(title=title, paragraphs=tuple(p for p in text.split("\n\n") if p.strip()), language=language)
    doc = analyse(article, language, resources)
    return {t.label: t.kind for t in tagger.tag(doc, 25)}


FRENCH = (
    "Le conseil municipal de Lorvière a voté mardi un plan contre les inondations. "
    "Selon M. Hugues Vallombre, le projet coûtera douze millions d'euros.\n\n"
    "La société Hydrolis SA construira une digue le long de la rivière. "
    "Le maire Odile Castagnet a rappelé que la digue protégera trois quartiers.\n\n"
    "Des ingénieurs venus d'Espagne et de Belgique suivront le chantier de la digue à Brévannes. "
    "Vallombre a ajouté que les travaux de la digue commenceront au printemps à Brévannes."
)


def test_french_cues_type_names(resources: Resources, tagger: MultilingualTagger) -> None:
    tags = tags_of(FRENCH, "fr", resources, tagger)
    assert tags.get("Hugues Vallombre") == "person"  # honorific "M."
    assert "Vallombre" not in tags  # the surname alone is merged into the full name
    assert tags.get("Odile Castagnet") == "person"  # role "maire"
    assert tags.get("Hydrolis SA") == "organization" or tags.get("Hydrolis") == "organization"  # company suffix
    assert tags.get("Brévannes") == "place"  # place preposition "à", twice
    assert "digue" in tags and tags["digue"] == "keyphrase"  # the story's topic word


def test_country_names_in_the_language_are_places(resources: Resources, tagger: MultilingualTagger) -> None:
    tags = tags_of(FRENCH, "fr", resources, tagger)
    typed = {k: v for k, v in tags.items() if k in ("Espagne", "Belgique")}
    assert all(v == "place" for v in typed.values())
    assert "espagne" in load_places("fr") and "allemagne" in load_places("fr")
    assert "alemanha" in load_places("pt") and "deutschland" in load_places("de")


def test_glued_names_are_split_where_a_known_name_ends(resources: Resources, tagger: MultilingualTagger) -> None:
    text = (
        "Le ministre des Transports Clément Beaune a présenté le plan ferroviaire lundi. "
        "Clément Beaune veut rouvrir des lignes de nuit.\n\n"
        "Les transports régionaux recevront une part du budget, a précisé Clément Beaune. "
        "Le plan ferroviaire sera débattu en juin."
    )
    tags = tags_of(text, "fr", resources, tagger)
    assert "Clément Beaune" in tags
    assert not any("Transports Clément" in label for label in tags)


@pytest.mark.parametrize(
    "language,text,person,glued",
    [
        # a portfolio before a minister's name, used only once: no other mention tells where it ends
        ("fr", "Le ministre de l'Agriculture Bruno Castellane a visité la ferme de Lorvière mardi. "
               "La ferme produit du lait bio.", "Bruno Castellane", "Agriculture Bruno"),
        # a place right before a witness's name
        ("fr", "À Toulon Marie Delorme a vu l'eau monter dans sa rue. Les pompiers sont arrivés tard.",
               "Marie Delorme", "Toulon Marie"),
        # an organisation ending in a place, then its commander's name
        ("pt", "O comandante dos Bombeiros Voluntários de Vilarinho Rui Matoso disse que não há feridos. "
               "O incêndio destruiu um armazém.", "Rui Matoso", "Vilarinho Rui"),
        # the portfolio cut off is a common word, not a name of its own
        ("es", "El ministro de Economía Carlos Cuervo anunció el martes un plan de vivienda. "
               "Los vecinos de Lorvia piden más viviendas.", "Carlos Cuervo", "Economía"),
    ],
)
def test_a_given_name_starts_a_new_name(language, text, person, glued, resources: Resources, tagger: MultilingualTagger) -> None:
    tags = tags_of(text, language, resources, tagger)
    assert tags.get(person) == "person", tags
    assert not any(glued in label for label, kind in tags.items() if kind != "keyphrase")


def test_names_that_hold_a_given_name_stay_whole(resources: Resources, tagger: MultilingualTagger) -> None:
    text = (
        "Le Lycée Victor Hugo de Lorvière ouvre une classe de cinéma. "
        "Les élèves du Lycée Victor Hugo tourneront un film à San Francisco cet été."
    )
    tags = tags_of(text, "fr", resources, tagger)
    assert tags.get("Lycée Victor Hugo de Lorvière") == "organization", tags  # the head outvotes the given name
    assert not any(label.startswith("Victor Hugo") for label in tags)
    assert "San Francisco" in tags


def test_capitalised_article_in_mid_sentence_opens_a_name(resources: Resources, tagger: MultilingualTagger) -> None:
    text = (
        "Le port de Le Havre va embaucher deux cents dockers. À La Rochelle, les dockers attendent aussi. "
        "Les dockers de La Rochelle et du Havre manifesteront jeudi."
    )
    tags = tags_of(text, "fr", resources, tagger)
    assert tags.get("La Rochelle") == "place", tags
    assert "Rochelle" not in tags


def test_particle_and_surname_are_the_full_names_short_form(resources: Resources, tagger: MultilingualTagger) -> None:
    text = (
        "Sans citer de noms, Paulo De Marchi a parlé du recrutement. Sur le plan sportif, De Marchi a "
        "parlé des résultats. De Marchi veut un attaquant."
    )
    tags = tags_of(text, "fr", resources, tagger)
    assert "Paulo De Marchi" in tags, tags
    assert "De Marchi" not in tags


def test_compound_led_by_a_stop_word_opens_no_name(resources: Resources, tagger: MultilingualTagger) -> None:
    text = "Au-delà des frontières, la Fédération Lorvienne compte deux mille clubs. La Fédération Lorvienne grandit."
    tags = tags_of(text, "fr", resources, tagger)
    assert not any(label.startswith("Au-delà") and kind != "keyphrase" for label, kind in tags.items()), tags


def test_a_saint_opens_a_place_not_a_person(resources: Resources, tagger: MultilingualTagger) -> None:
    text = "A fábrica de São João da Vargem fechou ontem. Em São João da Vargem há duzentos desempregados."
    tags = tags_of(text, "pt", resources, tagger)
    assert any(label.startswith("São João") for label in tags), tags
    assert not any(label.startswith("João da") for label in tags)


def test_cities_of_the_gazetteer_are_places(resources: Resources, tagger: MultilingualTagger) -> None:
    text = (
        "De burgemeester van Rotterdam bezocht dinsdag de bouwplaats aan de haven. "
        "De huurders in Rotterdam willen meer sociale woningen, zegt de vereniging."
    )
    assert tags_of(text, "nl", resources, tagger).get("Rotterdam") == "place"


def test_sentence_openers_are_not_glued_to_names(resources: Resources, tagger: MultilingualTagger) -> None:
    text = (
        "Ontem Paulo Remédios anunciou a venda da fábrica de cortiça. "
        "Hoje Paulo Remédios reuniu os trabalhadores da fábrica. "
        "A fábrica emprega duzentas pessoas em Vilarinho."
    )
    tags = tags_of(text, "pt", resources, tagger)
    assert "Paulo Remédios" in tags
    assert not any(label.startswith(("Ontem ", "Hoje ")) for label in tags)


PORTUGUESE = (
    "O presidente Rui Matoso anunciou ontem um novo plano para a pesca artesanal. "
    "A empresa Marvela Ltda vai fornecer os barcos, disse a Sra. Inês Carvalheira.\n\n"
    "O Ministério do Mar apoia o plano de pesca em Vilarinho. "
    "Os pescadores de Vilarinho pedem mais apoio para a pesca artesanal."
)


def test_portuguese_cues(resources: Resources, tagger: MultilingualTagger) -> None:
    tags = tags_of(PORTUGUESE, "pt", resources, tagger)
    assert tags.get("Rui Matoso") == "person"  # role "presidente"
    assert tags.get("Inês Carvalheira") == "person"  # honorific "Sra."
    assert "organization" in (tags.get("Marvela Ltda"), tags.get("Marvela"))  # suffix "Ltda"
    assert tags.get("Ministério do Mar") == "organization"  # organisation word
    assert tags.get("Vilarinho") == "place"  # "em"
    assert "pesca artesanal" in tags


@pytest.mark.parametrize(
    ("language", "text", "expected", "phrase"),
    [
        (
            "de",
            "Die Bürgermeisterin Greta Sonnfeld eröffnete am Montag die neue Stadtbibliothek. "
            "Die Firma Lesewerk GmbH hat die Stadtbibliothek gebaut, sagte Herr Tobias Brandauer. "
            "Die Stadtbibliothek in Kellbrunn hat sechzigtausend Bücher. Viele Familien in Kellbrunn freuen sich.",
            {"Greta Sonnfeld": "person", "Tobias Brandauer": "person", "Kellbrunn": "place"},
            "stadtbibliothek",
        ),
        (
            "es",
            "El alcalde Julián Ortuzar inauguró el lunes el nuevo mercado municipal. "
            "La empresa Fruvalle S.L. gestionará el mercado municipal, explicó la Sra. Marta Ibarreche. "
            "El mercado municipal en Villalcón abrirá cada día. Los vecinos de Villalcón celebraron la apertura en Villalcón.",
            {"Julián Ortuzar": "person", "Marta Ibarreche": "person", "Villalcón": "place"},
            "mercado municipal",
        ),
        (
            "it",
            "Il sindaco Carlo Benvenuti ha inaugurato lunedì il nuovo ponte pedonale. "
            "La società Pontedil SpA ha costruito il ponte pedonale, ha detto il sig. Marco Ferrandi. "
            "Il ponte pedonale collega i due quartieri di Valdorso. Molti abitanti a Valdorso lo usano già.",
            {"Carlo Benvenuti": "person", "Valdorso": "place"},
            "ponte pedonale",
        ),
        (
            "nl",
            "Burgemeester Anouk Verhoeven opende maandag het nieuwe zwembad. "
            "Het bedrijf Aquabouw BV heeft het zwembad gebouwd, zei mevrouw Sanne Dijkgraaf. "
            "Het zwembad in Lindeveen is elke dag open. Veel gezinnen in Lindeveen zijn blij met het zwembad.",
            {"Anouk Verhoeven": "person", "Lindeveen": "place"},
            "zwembad",
        ),
    ],
)
def test_other_languages(language, text, expected, phrase, resources: Resources, tagger: MultilingualTagger) -> None:
    tags = tags_of(text, language, resources, tagger)
    for label, kind in expected.items():
        assert tags.get(label) == kind, (label, tags)
    assert phrase in {label.lower() for label, kind in tags.items() if kind == "keyphrase"}, tags
    assert tagger.describe(language, resources.stopwords({"de": "german", "es": "spanish", "it": "italian", "nl": "dutch"}[language])) == (
        "multilingual",
        None,
    )


def test_company_suffixes_in_each_language(resources: Resources, tagger: MultilingualTagger) -> None:
    for language, text in (
        ("de", "Die Firma Kornhaus AG meldet Gewinne. Die Kornhaus AG wächst."),
        ("it", "La Ferrolux SpA assume operai. La Ferrolux SpA cresce."),
        ("nl", "Het bedrijf Tulpex NV groeit. Tulpex NV neemt mensen aan."),
    ):
        tags = tags_of(text, language, resources, tagger)
        assert "organization" in tags.values(), (language, tags)


def test_elisions_are_split_and_not_tags(resources: Resources) -> None:
    stop = resources.stopwords("french")
    assert tokenize("l'État d'Ille-et-Vilaine aujourd'hui", stop) == ["l'", "État", "d'", "Ille-et-Vilaine", "aujourd'hui"]


def test_language_without_stop_words_falls_back_and_says_so(tagger: MultilingualTagger) -> None:
    method, note = tagger.describe("xx", frozenset())
    assert method == "capitalised" and "no stop words" in note
    method, note = tagger.describe("sv", frozenset({"och"}))
    assert method == "multilingual" and "no background frequency table" in note


# --- language detection --------------------------------------------------------------------


def test_detection_says_unknown_rather_than_english(resources: Resources) -> None:
    polish = (
        "Praca opisuje nowe metody pomiaru temperatury w piecach przemysłowych. Badano czujniki "
        "i przetworniki o dużej dokładności oraz ich wpływ na stabilność procesu wypalania ceramiki."
    )
    assert detect_with_method(polish, resources) == (None, "unknown")
    assert detect("OK OK OK OK OK", resources) is None
    english = "The council said on Tuesday that the new bridge would be open to cyclists by the end of the year."
    assert detect_with_method(english, resources) == ("en", "stopwords")
    assert detect(FRENCH, resources) == "fr"


def test_short_text_full_of_names_is_told_from_related_languages(resources: Resources) -> None:
    # "de", "la", "a", "un" count for Spanish, Romanian and Italian too; "le", "du", "sera",
    # "depuis" only for French, and decide the close count.
    french = (
        "Le député Denis Marchal a déposé un amendement mardi. L'attaquant du FC Lorvière Kylian Dumont "
        "a marqué deux buts samedi soir. La présidente Ursula Vandamme sera à Paris jeudi. Le maire de "
        "Lyon Grégory Doucin a inauguré la ligne. Le club de Nantes Antoine Kervella entraîne depuis 2021."
    )
    assert detect_with_method(french, resources) == ("fr", "stopwords")


# --- the record ----------------------------------------------------------------------------


def test_record_notes_methods_and_validates(resources: Resources) -> None:
    enricher = Enricher(resources=resources)
    record = enricher.enrich(("Plan contre les inondations\n\n" + FRENCH).encode("utf-8"), name="fr.txt")
    data = json.loads(record.to_json(checked=True))
    assert data["article"]["language"] == "fr" and data["article"]["language_method"] == "stopwords"
    assert data["tagging"] == {"method": "multilingual", "language": "fr", "fallback": None}
    assert data["summary"]["stemmer"] == "snowball:french" and data["summary"]["fallback"] is None
    assert data["summary"]["stopwords"] > 100
    assert any(t["kind"] == "person" for t in data["tags"])


def test_unknown_language_is_noted_in_tags_and_summary(resources: Resources) -> None:
    text = (
        "Nowe metody pomiaru temperatury\n\n"
        "Praca opisuje nowe metody pomiaru temperatury w piecach przemysłowych używanych do wypalania ceramiki "
        "budowlanej oraz szkła okiennego w małych zakładach rzemieślniczych.\n\n"
        "Badano czujniki i przetworniki o dużej dokładności oraz ich wpływ na stabilność procesu wypalania ceramiki, "
        "porównując wyniki pomiarów wykonanych zimą i latem w trzech różnych zakładach produkcyjnych.\n\n"
        "Wyniki pokazują, że tanie czujniki wymagają częstej kalibracji, a droższe przetworniki zachowują dokładność "
        "przez wiele miesięcy pracy bez przerwy."
    )
    record = Enricher(resources=resources).enrich(text.encode("utf-8"), name="pl.txt")
    assert record.status == "ok", record.reason
    data = json.loads(record.to_json(checked=True))
    assert data["article"]["language"] is None and data["article"]["language_method"] == "unknown"
    assert "language unknown" in data["tagging"]["fallback"]
    assert "language unknown" in data["summary"]["fallback"]


def test_forced_language_is_noted(resources: Resources) -> None:
    data = json.loads(Enricher(Options(language="pt"), resources).enrich(PORTUGUESE.encode("utf-8"), name="pt.txt").to_json())
    assert data["article"]["language_method"] == "option"
    assert data["tagging"]["method"] == "multilingual"


def test_schema_checks_the_new_fields(resources: Resources) -> None:
    data = json.loads(Enricher(resources=resources).enrich(PORTUGUESE.encode("utf-8"), name="pt.txt").to_json())
    validate(data)
    bad = json.loads(json.dumps(data))
    del bad["tagging"]["method"]
    with pytest.raises(InvalidRecord):
        validate(bad)
    bad = json.loads(json.dumps(data))
    bad["article"]["language_method"] = "guessed"
    with pytest.raises(InvalidRecord):
        validate(bad)
    older = json.loads(json.dumps(data))  # a 1.0 record, without the new fields, still validates
    del older["tagging"], older["article"]["language_method"], older["summary"]["fallback"]
    validate(older)


def test_event_detail_carries_the_method_fields(resources: Resources) -> None:
    from enricher.record.event import event_detail, validate_detail

    record = Enricher(resources=resources).enrich(PORTUGUESE.encode("utf-8"), name="pt.txt")
    body = record.to_json().encode("utf-8")
    detail = event_detail(record, bucket="out", key="pt.txt.json", body=body)
    validate_detail(detail)
    assert detail["tagging"]["method"] == "multilingual" and detail["article"]["language_method"] == "stopwords"
    bad = dict(detail, tagging={"method": "multilingual"})
    with pytest.raises(Exception):
        validate_detail(bad)


def test_role_in_apposition_and_compound_roles(resources: Resources, tagger: MultilingualTagger) -> None:
    text = (
        "O secretário-geral do sindicato dos ferroviários, Tomás Alvarenga, convocou uma greve para segunda-feira. "
        "A greve dos ferroviários vai parar os comboios regionais.\n\n"
        "Os ferroviários exigem aumentos salariais e mais segurança nas estações."
    )
    text = text.replace("Tomás", "Tovanir")  # no given name: only the role can type it
    tags = tags_of(text, "pt", resources, tagger)
    assert tags.get("Tovanir Alvarenga") == "person", tags
    # without the role, the same name stays untyped: the cue is what types it
    bare = text.replace("O secretário-geral do sindicato dos ferroviários, ", "")
    assert tags_of(bare, "pt", resources, tagger).get("Tovanir Alvarenga") == "entity"
    # a given name is evidence of its own
    assert tags_of(bare.replace("Tovanir", "Tomás"), "pt", resources, tagger).get("Tomás Alvarenga") == "person"


def test_acronym_counts_for_its_expansion(resources: Resources, tagger: MultilingualTagger) -> None:
    text = (
        "Le Conseil national des pêcheurs (CNP) a rejeté mardi le nouveau quota de sardines. "
        "Pour le CNP, le quota menace deux mille emplois sur la côte.\n\n"
        "Le CNP demande une étude indépendante des stocks de sardines avant l'été."
    )
    tags = tags_of(text, "fr", resources, tagger)
    assert tags.get("Conseil national des pêcheurs") == "organization", tags
    assert "CNP" not in tags
