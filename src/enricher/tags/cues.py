"""Each language's cues for names: honorifics, roles, organisation words, company suffixes,
place prepositions and name particles.

Written from general knowledge of the languages (style guides' lists of titles and legal forms),
not from any dev set: the same kinds of cue in every language, so a language is added by adding
its lists. Everything is lower case except the company suffixes, which are matched as written.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cues:
    honorifics: frozenset[str]  # before a person's name: "M. Dupont", "Sra. Silva", "Herr Müller"
    roles: frozenset[str]  # a person's role right before (or in apposition after) the name
    org_heads: frozenset[str]  # first word of an organisation's name: "Banque de France"
    places_heads: frozenset[str]  # first word of a place's name: "Rio Tejo", "Lac Léman"
    place_preps: frozenset[str]  # "à Paris", "em Évora", "in Köln"
    particles: frozenset[str]  # lower-case words allowed inside a name: "Banque de France"
    nouns_capitalised: bool = False  # German: capitals mark every noun, not names


def _w(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Legal forms of companies, matched as written (with or without dots), in any language.
COMPANY_SUFFIXES = frozenset(
    "SA S.A. SAS S.A.S. SARL SE Ltda Ltda. Lda Lda. S.L. SL S.L.U. GmbH AG KG SpA S.p.A. Srl S.r.l. "
    "BV B.V. NV N.V. Inc Inc. Ltd Ltd. PLC plc LLC Corp Corp. Co. & Cie".split()
)

_COMMON_PARTICLES = _w("de di da do dos das du des del della delle dello degli van von der den ten ter zu")

CUES: dict[str, Cues] = {
    "fr": Cues(
        honorifics=_w("m. mme mme. mlle mlle. mm. me me. dr dr. pr pr. mgr mgr. monsieur madame mademoiselle maître"),
        roles=_w(
            "président présidente ministre maire député députée sénateur sénatrice juge porte-parole "
            "secrétaire chancelier chancelière roi reine prince princesse pape général généralissime "
            "premier-ministre directeur directrice patron patronne candidat candidate entraîneur "
            "procureur procureure préfet préfète ambassadeur ambassadrice évêque cardinal chef"
        ),
        org_heads=_w(
            "banque ministère université parti assemblée conseil commission union fédération association "
            "société groupe compagnie agence institut tribunal cour syndicat comité fondation office "
            "caisse centre direction gouvernement sénat observatoire école lycée hôpital"
        ),
        places_heads=_w("rue avenue boulevard place lac mont île îles golfe mer fleuve rivière vallée cap"),
        place_preps=_w("à en"),
        particles=_COMMON_PARTICLES | _w("la le l' d'"),
    ),
    "pt": Cues(
        honorifics=_w("sr. sra. sr sra srª dr. dra. dr dra d. dom dona senhor senhora eng. eng prof. prof"),
        roles=_w(
            "presidente ministro ministra primeiro-ministro primeira-ministra deputado deputada autarca "
            "juiz juíza secretário secretária governador governadora prefeito prefeita treinador "
            "rei rainha príncipe papa general bispo cardeal procurador procuradora embaixador embaixadora "
            "director diretor directora diretora líder candidato candidata vereador vereadora"
        ),
        org_heads=_w(
            "ministério universidade partido câmara banco associação federação governo assembleia "
            "tribunal instituto sindicato comissão conselho fundação empresa companhia agência "
            "polícia hospital escola liga união confederação direcção direção"
        ),
        places_heads=_w("rua avenida praça lago monte ilha ilhas rio serra vale cabo golfo"),
        place_preps=_w("em no na nos nas"),
        particles=_COMMON_PARTICLES,
    ),
    "es": Cues(
        honorifics=_w("sr. sra. srta. sr sra don doña dr. dra. señor señora"),
        roles=_w(
            "presidente presidenta ministro ministra alcalde alcaldesa diputado diputada senador senadora "
            "juez jueza portavoz secretario secretaria gobernador gobernadora rey reina príncipe princesa "
            "papa general obispo cardenal fiscal embajador embajadora director directora líder candidato "
            "candidata entrenador concejal concejala"
        ),
        org_heads=_w(
            "ministerio universidad partido banco asociación federación gobierno asamblea tribunal "
            "instituto sindicato comisión consejo fundación empresa compañía agencia policía hospital "
            "liga unión confederación congreso senado ayuntamiento"
        ),
        places_heads=_w("calle avenida plaza lago monte isla islas río sierra valle cabo golfo"),
        place_preps=_w("en"),
        particles=_COMMON_PARTICLES | _w("la las los"),
    ),
    "it": Cues(
        honorifics=_w("sig. sig.ra sig.na signor signora signorina dott. dott.ssa dr. on. avv. ing. prof. don"),
        roles=_w(
            "presidente ministro ministra premier sindaco sindaca deputato deputata senatore senatrice "
            "giudice portavoce segretario segretaria governatore re regina principe principessa papa "
            "generale vescovo cardinale procuratore ambasciatore direttore direttrice leader candidato "
            "candidata allenatore assessore"
        ),
        org_heads=_w(
            "ministero università partito banca associazione federazione governo assemblea tribunale "
            "istituto sindacato commissione consiglio fondazione azienda compagnia agenzia polizia "
            "ospedale lega unione confederazione camera senato comune regione"
        ),
        places_heads=_w("via viale piazza lago monte isola isole fiume valle capo golfo"),
        place_preps=_w("a in"),
        particles=_COMMON_PARTICLES,
    ),
    "de": Cues(
        honorifics=_w("herr herrn frau dr. prof. fräulein"),
        roles=_w(
            "präsident präsidentin minister ministerin kanzler kanzlerin bundeskanzler bundeskanzlerin "
            "bürgermeister bürgermeisterin oberbürgermeister oberbürgermeisterin abgeordnete abgeordneter "
            "richter richterin sprecher sprecherin sekretär sekretärin könig königin prinz prinzessin "
            "papst general bischof kardinal staatsanwalt staatsanwältin botschafter botschafterin "
            "direktor direktorin chef chefin trainer kandidat kandidatin ministerpräsident ministerpräsidentin"
        ),
        org_heads=_w(
            "ministerium universität partei bank verband regierung gericht institut gewerkschaft "
            "kommission rat stiftung gesellschaft agentur polizei krankenhaus bundesamt bundesbank "
            "bundestag landtag"
        ),
        places_heads=_w("straße platz see berg insel fluss tal"),
        place_preps=_w("in im nach aus"),
        particles=_COMMON_PARTICLES,
        nouns_capitalised=True,
    ),
    "nl": Cues(
        honorifics=_w("dhr. mevr. mw. mr. dr. prof. ir. drs. meneer mevrouw"),
        roles=_w(
            "president presidente minister premier burgemeester kamerlid rechter woordvoerder "
            "secretaris koning koningin prins prinses paus generaal bisschop kardinaal officier "
            "ambassadeur directeur voorzitter trainer kandidaat wethouder staatssecretaris"
        ),
        org_heads=_w(
            "ministerie universiteit partij bank vereniging federatie regering rechtbank instituut "
            "vakbond commissie raad stichting maatschappij agentschap politie ziekenhuis gemeente kamer"
        ),
        places_heads=_w("straat plein meer berg eiland rivier dal"),
        place_preps=_w("in te naar uit"),
        particles=_COMMON_PARTICLES | _w("van de het 't"),
    ),
}

# Languages with stop words and a Snowball stemmer in NLTK but no cue lists yet still get
# keyphrases and untyped names (the tagger says so in its fallback note).
NO_CUES = Cues(frozenset(), frozenset(), frozenset(), frozenset(), frozenset(), _COMMON_PARTICLES)


def cues_for(language: str) -> Cues:
    return CUES.get(language, NO_CUES)
