"""Tests for partnerlab.vocab: the seed's long vocabularies, their translations and label lookup."""

import doctest
import unicodedata

import pytest
from babel.messages.pofile import read_po

from partnerlab import i18n, vocab

# Appendix 1 of the seed: pillar I has 1.1-1.12, pillar II 2.1-2.27, pillar III 3.1-3.10.
ACTION_COUNTS = {"I": 12, "II": 27, "III": 10}


def _strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


# --- Appendix 1: actions ---------------------------------------------------------------


def test_actions_are_the_49_of_appendix_1_in_order():
    expected = [
        f"{n}.{i}" for n, (pillar, count) in enumerate(ACTION_COUNTS.items(), start=1) for i in range(1, count + 1)
    ]
    assert [a.code for a in vocab.ACTIONS] == expected
    assert len(expected) == 49


@pytest.mark.parametrize("pillar, count", ACTION_COUNTS.items())
def test_actions_per_pillar(pillar, count):
    assert sum(a.pillar == pillar for a in vocab.ACTIONS) == count


@pytest.mark.parametrize("action", vocab.ACTIONS, ids=lambda a: a.code)
def test_action_is_complete(action):
    number = {"I": "1", "II": "2", "III": "3"}[action.pillar]
    assert action.code.split(".")[0] == number
    assert action.pillar in vocab.PILLARS
    for text in (action.en, action.es, action.area_en, action.area_es):
        assert text and text == text.strip() and "<" not in text and "  " not in text
    assert action.en != action.es
    assert action.responsible and len(set(action.responsible)) == len(action.responsible)
    assert set(action.responsible) <= set(vocab.RESPONSIBLE)


@pytest.mark.parametrize(
    "code, area_en, responsible",
    [
        ("1.1", "Capacity Building", ("RCO", "RIAFD")),
        ("1.10", "Effective Communication", ("UNCG", "RCO", "RIAFD")),
        ("2.1", "Public Sector, Federal Level - Agenda 2030 National Council", ("RCO", "UNCT")),  # seed: "OCR UNCT"
        (
            "2.6",
            "Public Sector, Federal Level - Congreso de la Unión (Congress)",
            ("Results Group", "Interagency groups"),
        ),
        ("2.20", "Civil Society", ("TF Juventudes", "RCO")),
        ("2.21", "Financial Sector", ("RCO", "RIAFD", "Results Group")),  # seed: "RIA FD"
        ("2.27", "Donors and International Cooperation Agencies", ("RCO", "Results Group")),  # seed: "CR"
        ("3.3", "Inclusive Dialogue", ("RCO", "Results Group")),  # Partnership Accelerator is external
        ("3.8", "Programmatic interagency partnerships", ("RCO", "Agencies involved")),
        ("3.10", "Partnership Platforms", ("RCO", "Interested agencies")),
    ],
)
def test_action_area_and_responsible(code, area_en, responsible):
    action = next(a for a in vocab.ACTIONS if a.code == code)
    assert action.area("en") == area_en
    assert action.responsible == responsible


def test_action_2_19_joins_the_text_split_by_the_page_break():
    action = next(a for a in vocab.ACTIONS if a.code == "2.19")
    assert action.en.endswith(
        "for the positioning of issues, joint advocacy strategies, the creation of "
        "information, education, and communication materials, legislative advocacy, etc."
    )


@pytest.mark.parametrize(
    "name, lang, expected",
    [
        ("RCO", "es", "OCR"),
        ("RCO", "en", "RCO"),
        ("Results Group", "es", "Grupos de Resultados"),
        ("Results Group", "pt", "Grupos de Resultados"),
        ("Interested agencies", "pt", "Agências interessadas"),
        ("Somebody else", "es", "Somebody else"),
    ],
)
def test_responsible_label(name, lang, expected):
    assert vocab.responsible_label(name, lang) == expected


def test_every_responsible_entity_is_used_and_labelled():
    used = {r for a in vocab.ACTIONS for r in a.responsible}
    assert used == set(vocab.RESPONSIBLE)
    assert all(vocab.responsible_label(r, "es") for r in vocab.RESPONSIBLE)


# --- Appendix 4: due diligence ----------------------------------------------------------


def test_due_diligence_questions():
    questions = vocab.DUE_DILIGENCE_QUESTIONS
    assert [q.code for q in questions] == [f"q{i:02d}" for i in range(1, 20)]
    assert [q.code for q in questions if q.is_red_flag] == [f"q{i:02d}" for i in range(5, 20)]
    for q in questions:
        assert q.en.startswith(("Is ", "Does ", "Has ", "Was ")) and q.es.startswith("¿")
        assert q.label("es") == q.es


@pytest.mark.parametrize(
    "code, fragment",
    [
        ("q01", "Federal Registry of CSOs"),
        ("q06", "forced labor or child labor"),
        ("q12", "breast milk substitutes"),
        ("q19", "negatively affects its image"),
    ],
)
def test_due_diligence_question_text(code, fragment):
    question = next(q for q in vocab.DUE_DILIGENCE_QUESTIONS if q.code == code)
    assert fragment in question.en


# --- Appendix 5: value criteria ---------------------------------------------------------


def test_value_criteria_codes_in_order():
    assert [c.code for c in vocab.VALUE_CRITERIA] == ["c1", "c2", "c3", "c4", "c5", "c6", "c7a", "c7b", "c8", "c9"]


@pytest.mark.parametrize("criterion", vocab.VALUE_CRITERIA, ids=lambda c: c.code)
def test_value_criterion_is_bilingual(criterion):
    assert criterion.en and criterion.es and criterion.en != criterion.es
    assert criterion.considerations_en, "every criterion has at least one consideration"
    assert len(criterion.considerations_en) == len(criterion.considerations_es)


@pytest.mark.parametrize("code, count", [("c1", 4), ("c2", 5), ("c3", 10), ("c5", 5), ("c6", 11), ("c9", 1)])
def test_value_criterion_consideration_counts(code, count):
    # Counts of the bullets under "Criteria considerations" in Appendix 5 of the seed.
    criterion = next(c for c in vocab.VALUE_CRITERIA if c.code == code)
    assert len(criterion.considerations_en) == count


# --- Appendix 6: quality dimensions -----------------------------------------------------


def test_quality_dimensions():
    assert [d.key for d in vocab.QUALITY_DIMENSIONS] == [
        "non_discrimination",
        "accessibility",
        "access_to_information",
        "influence_on_decisions",
        "transparency",
        "responsiveness",
    ]
    for d in vocab.QUALITY_DIMENSIONS:
        assert d.principle in vocab.PRINCIPLES
        assert len(d.criteria("en")) >= 2
        assert len(d.criteria("en")) == len(d.criteria("es"))
        assert all(c and c != e for c, e in zip(d.criteria("es"), d.criteria("en")))


# --- Appendix 2: themes -----------------------------------------------------------------


@pytest.mark.parametrize("term", vocab.THEMES, ids=lambda t: t.key)
def test_theme_description(term):
    if term.key == "other":
        assert term.description("en") == term.description("es") == ""
    else:
        assert term.description("en") and term.description("es")
        assert term.description("en") != term.description("es")


# --- Every vocabulary -------------------------------------------------------------------

VOCAB_TERMS = [(name, term) for name, v in vocab.VOCABULARIES.items() for term in v]


@pytest.mark.parametrize("name, term", VOCAB_TERMS, ids=[f"{n}:{t.key}" for n, t in VOCAB_TERMS])
def test_term_spellings_look_up_to_their_key(name, term):
    v = vocab.VOCABULARIES[name]
    assert term.en and term.es
    for spelling in (term.key, term.en, term.es, *term.aliases):
        assert v.lookup(spelling) == term.key, f"{spelling!r} is claimed by {v.lookup(spelling)!r}"
        assert v.lookup(spelling.upper()) == term.key
        assert v.lookup(_strip_accents(spelling)) == term.key
        assert v.lookup(f"  {spelling.lower()} ") == term.key


def test_lookup_of_an_unknown_value_is_none():
    assert vocab.SECTORS.lookup("spaceship") is None


def test_states_are_the_32_federal_entities():
    assert len(vocab.STATES) == 32
    assert len(set(vocab.STATES.keys)) == 32


@pytest.mark.parametrize(
    "spelling, key",
    [
        ("CDMX", "ciudad_de_mexico"),
        ("Distrito Federal", "ciudad_de_mexico"),
        ("Ciudad de Mexico", "ciudad_de_mexico"),
        ("Edomex", "estado_de_mexico"),
        ("Edo. Mex.", "estado_de_mexico"),
        ("Estado de México", "estado_de_mexico"),
        ("NL", "nuevo_leon"),
        ("Nuevo Leon", "nuevo_leon"),
        ("Michoacan de Ocampo", "michoacan"),
        ("Veracruz de Ignacio de la Llave", "veracruz"),
        ("Queretaro", "queretaro"),
        ("Coahuila de Zaragoza", "coahuila"),
        ("Quintana Roo", "quintana_roo"),
    ],
)
def test_state_variants(spelling, key):
    assert vocab.STATES.lookup(spelling) == key


def test_module_doctests():
    result = doctest.testmod(vocab)
    assert result.attempted > 0 and result.failed == 0


# --- Translations: every label and Appendix text in every catalog -------------------------


def _catalog_entries(lang):
    found = set()
    for path in i18n.catalog_files(lang):
        with path.open("rb") as fh:
            found |= {(m.id, m.context) for m in read_po(fh, locale=lang) if m.id and m.string and not m.fuzzy}
    return found


def _vocab_msgids():
    """(msgid, context) of every label, description and Appendix text of vocab.py."""
    ids = set()
    for v in (*vocab.VOCABULARIES.values(), vocab.QUADRANTS_SHORT):
        for t in v:
            ids.add((t.en, t.context or None))
            if t.description_en:
                ids.add((t.description_en, None))
    ids |= {(q.en, None) for q in vocab.DUE_DILIGENCE_QUESTIONS}
    ids |= {(x, None) for c in vocab.VALUE_CRITERIA for x in (c.en, *c.considerations_en)}
    ids |= {(x, None) for d in vocab.QUALITY_DIMENSIONS for x in (d.en, *d.criteria_en)}
    ids |= {(x, None) for a in vocab.ACTIONS for x in (a.en, a.area_en)}
    ids |= {(r, None) for r in vocab.RESPONSIBLE}
    return ids


@pytest.mark.parametrize("lang", ["es", "pt"])
def test_catalogs_cover_every_label_and_appendix_text(lang):
    missing = sorted(_vocab_msgids() - _catalog_entries(lang), key=str)
    assert not missing, f"{len(missing)} vocabulary texts without a {lang} translation: {missing[:10]}"


def test_labels_come_from_the_catalogs():
    assert vocab.SECTORS.label("civil_society", "es") == "Sociedad civil"
    assert vocab.SECTORS.label("civil_society", "pt") == "Sociedade civil"
    assert vocab.SECTORS.label("civil_society", "Español") == "Sociedad civil"
    # One English word, two translations: a context per vocabulary.
    assert vocab.SCOPES.label("state", "es") == "Estatal" and i18n.gettext("State", "es") == "Estado"
    assert vocab.PERSPECTIVES.label("other", "es") == "Otra" and vocab.THEMES.label("other", "es") == "Otro"
    assert vocab.PERSPECTIVES.label("other", "pt") == "Outra"
    assert vocab.DUE_DILIGENCE_QUESTIONS[5].label("pt").startswith("Tolera práticas de trabalho forçado")
    assert vocab.THEMES.term("financing").description("pt").startswith("A política de austeridade")
    assert vocab.SECTORS.label("civil_society", i18n.PSEUDO) == "\u27e6Civil society\u27e7"


@pytest.mark.parametrize(
    "name, spelling, key",
    [
        ("sector", "Sociedade civil", "civil_society"),
        ("sector", "SETOR PRIVADO", "private_sector"),
        ("sector", "Doadores e cooperação internacional", "international_cooperation"),
        ("scope", "estadual", "state"),
        ("partnership_status", "Em análise", "under_review"),
        ("action_status", "Em andamento", "in_progress"),
        ("action_status", "concluida", "done"),
        ("yes_no", "Sim", "yes"),
        ("yes_no", "Não", "no"),
        ("value_rating", "Pode ser aceitável com ajustes", "adjustments"),
        ("decision", "Prosseguir", "proceed"),
        ("perspective", "Autoavaliação", "self"),
        ("state", "Cidade do México", "ciudad_de_mexico"),
        ("instrument", "Acordo-quadro", "framework_agreement"),
    ],
)
def test_portuguese_labels_look_up_to_their_key(name, spelling, key):
    assert vocab.VOCABULARIES[name].lookup(spelling) == key
    assert vocab.to_key(name, spelling) == key


def test_a_translation_never_takes_a_spelling_of_another_term():
    # "No" is the English and Spanish label of yes_no's "no"; every vocabulary keeps its own spellings first.
    assert vocab.YES_NO.key_of("No") == "no" and vocab.YES_NO.key_of("Si") == "yes"
    assert vocab.SCOPES.key_of("Estado") == "state" and vocab.SCOPES.key_of("local") == "municipal"


def test_key_of_names_the_vocabulary_and_suggests_the_closest():
    assert vocab.SECTORS.key_of("academia") == "academia"
    with pytest.raises(
        vocab.UnknownTerm,
        match=r"'Civil sociaty' is not in the sector vocabulary: did you mean "
        r"'Civil society' \(civil_society\)\?",
    ):
        vocab.SECTORS.key_of("Civil sociaty")
    with pytest.raises(ValueError, match="spaceship.*sector vocabulary.*Expected one of"):
        vocab.to_key("sector", "spaceship")
    with pytest.raises(KeyError, match="'colour' is not a vocabulary"):
        vocab.to_key("colour", "red")
    assert vocab.to_key("tie kind", "Financiamiento") == "funding"  # by the vocabulary's name too


def test_a_term_has_one_label_path_the_catalogs():
    # Term(key, en, es), the two-language form, is gone: a label no catalog has stays English.
    with pytest.raises(TypeError, match="catalogs"):
        vocab.Term("x", "A label no catalog has", "Una etiqueta")
    term = vocab.Term("x", "A label no catalog has")
    assert term.label("es") == term.label("pt") == "A label no catalog has"
