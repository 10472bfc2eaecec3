"""The sheets and columns of the input workbook (spec/workbook.md), as data.

The loader reads by these specs, the template writes from them. A column's `key` is its
English name and the name of the column in the loaded table. Sheets and columns have a name in
each language partnerlab speaks (`es`, `pt`); the loader accepts any of them (a Portuguese name is
also one of the column's aliases), the template writes the one of its language.

Text the analyst wrote (a note, a free-text answer, a question text) is data: a page in another
language shows it as written, marked with `quote_workbook_text` (the CSS class
`WORKBOOK_TEXT_CLASS`, its caption `workbook_text_caption`).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from partnerlab import i18n, vocab
from partnerlab.i18n import N_

__all__ = [
    "Column",
    "Sheet",
    "SHEETS",
    "TABLE_KEYS",
    "sheet",
    "DD_CODES",
    "VALUE_CODES",
    "DIMENSION_KEYS",
    "WORKBOOK_TEXT_CLASS",
    "WORKBOOK_TEXT_CSS",
    "quote_workbook_text",
    "workbook_text_caption",
]


@dataclass(frozen=True)
class Column:
    """One column of a sheet.

    kind is one of: id (a code), text, vocab, vocab_list, ref (an id of another sheet),
    ref_list, int (whole number lo..hi), number (lo..hi), yes_no, date, year, state_list,
    int_list (whole numbers lo..hi), code (an action plan code), code_list (action plan codes), year_list, text_list.
    """

    key: str
    es: str
    kind: str = "text"
    required: bool = False
    vocab: str | None = None
    lo: float | None = None
    hi: float | None = None
    ref: str | None = None
    default: object = None
    prefix: bool = False  # recognised by a leading code (q01, c7a) followed by any text
    en_help: str = ""
    es_help: str = ""
    aliases: tuple[str, ...] = ()
    pt: str = ""  # the Portuguese name (blank: the Spanish one); the loader accepts it as an alias

    def __post_init__(self) -> None:
        pt = self.pt or self.es
        object.__setattr__(self, "pt", pt)
        if pt not in (self.key, self.es, *self.aliases):
            object.__setattr__(self, "aliases", (*self.aliases, pt))

    def header(self, lang: str = "en") -> str:
        return {"es": self.es, "pt": self.pt}.get(lang, self.key)

    def names(self) -> tuple[str, ...]:
        """Every name the loader accepts for the column: key, Spanish, Portuguese, aliases."""
        return tuple(dict.fromkeys((self.key, self.es, self.pt, *self.aliases)))

    def expected(self) -> str:
        """What a valid value looks like, for error messages."""
        if self.kind == "id":
            return "a code of letters, digits, '_', '-' or '.'"
        if self.kind == "code":
            return "a course of action code such as 2.13"
        if self.kind in ("vocab", "vocab_list"):
            v = vocab.VOCABULARIES[self.vocab]
            lst = "a ';'-separated list of " if self.kind == "vocab_list" else ""
            return lst + v.expected()
        if self.kind == "int":
            return f"a whole number from {self.lo:g} to {self.hi:g}"
        if self.kind == "int_list":
            return f"a ';'-separated list of whole numbers from {self.lo:g} to {self.hi:g}"
        if self.kind == "number":
            return f"a number from {self.lo:g} to {self.hi:g}"
        if self.kind == "yes_no":
            return "Yes or No (also Sí, Si, Y, N, TRUE, FALSE, 1, 0); blank means not answered"
        if self.kind == "date":
            return "a date (an Excel date or ISO text such as 2024-03-31)"
        if self.kind == "year":
            return "a year such as 2024"
        if self.kind == "year_list":
            return "a ';'-separated list of years such as 2023; 2024"
        if self.kind == "state_list":
            return "a ';'-separated list of Mexico's federal entities (e.g. Oaxaca; CDMX)"
        if self.kind == "ref":
            return f"an id from the {self.ref} sheet"
        if self.kind == "ref_list":
            return f"a ';'-separated list of ids from the {self.ref} sheet"
        if self.kind == "text_list":
            return "a ';'-separated list"
        if self.kind == "code_list":
            return "a ';'-separated list of action plan codes such as 2.13"
        return "text"


@dataclass(frozen=True)
class Sheet:
    """One sheet of the workbook."""

    key: str
    es: str
    columns: tuple[Column, ...]
    required: bool = False
    id_column: str | None = None
    seed: str = ""  # where the seed defines it (an English msgid)
    pt: str = ""

    def name(self, lang: str = "en") -> str:
        return {"es": self.es, "pt": self.pt or self.es}.get(lang, self.key)

    def names(self) -> tuple[str, ...]:
        """Every name the loader accepts for the sheet: its key and its name in each language."""
        return tuple(dict.fromkeys((self.key, self.es, self.pt or self.es)))

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    @property
    def required_columns(self) -> list[Column]:
        return [c for c in self.columns if c.required]


C = Column
DD_CODES = tuple(q.code for q in vocab.DUE_DILIGENCE_QUESTIONS)
VALUE_CODES = tuple(c.code for c in vocab.VALUE_CRITERIA)
DIMENSION_KEYS = tuple(d.key for d in vocab.QUALITY_DIMENSIONS)
DIMENSION_ES = {
    "non_discrimination": "no_discriminacion",
    "accessibility": "accesibilidad",
    "access_to_information": "acceso_a_la_informacion",
    "influence_on_decisions": "influencia_en_decisiones",
    "transparency": "transparencia",
    "responsiveness": "receptividad",
}

DIMENSION_PT = {
    "non_discrimination": "nao_discriminacao",
    "accessibility": "acessibilidade",
    "access_to_information": "acesso_a_informacao",
    "influence_on_decisions": "influencia_nas_decisoes",
    "transparency": "transparencia",
    "responsiveness": "capacidade_de_resposta",
}

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "about",
        "acerca",
        (
            C("field", "campo", required=True),
            C("value", "valor"),
        ),
        seed=N_("cover page"),
        pt="sobre",
    ),
    Sheet(
        "stakeholders",
        "actores",
        (
            C("id", "id", "id", required=True),
            C("name", "nombre", required=True, pt="nome"),
            C("sector", "sector", "vocab", required=True, vocab="sector", pt="setor"),
            C("scope", "ambito", "vocab", vocab="scope", aliases=("territorial scope", "ámbito territorial")),
            C("states", "estados", "state_list"),
            C("mandate", "mandato"),
            C("priorities", "prioridades"),
            C("instruments", "instrumentos"),
            C("resources", "recursos"),
            C("related_initiatives", "iniciativas_relacionadas"),
            C(
                "partners",
                "alianzas_con",
                "ref_list",
                ref="stakeholders",
                aliases=("partnerships with other stakeholders",),
                pt="parcerias_com",
            ),
            C("influence", "influencia", "int", lo=1, hi=5),
            C("interest", "interes", "int", lo=1, hi=5, pt="interesse"),
            C("roles", "roles", "vocab_list", vocab="role", pt="papeis"),
            C("contact", "contacto", pt="contato"),
        ),
        required=True,
        id_column="id",
        seed=N_("Appendix 3, steps 1-3"),
        pt="atores",
    ),
    Sheet(
        "ties",
        "vinculos",
        (
            C("source", "origen", "ref", required=True, ref="stakeholders", pt="origem"),
            C("target", "destino", "ref", required=True, ref="stakeholders"),
            C("kind", "tipo", "vocab", vocab="tie_kind", default="partnership"),
            C("directed", "dirigido", "yes_no", pt="direcionado"),
            C("strength", "intensidad", "int", lo=1, hi=3, default=1, pt="intensidade"),
            C("since", "desde", "year"),
            C("until", "hasta", "year", pt="ate"),
            C("note", "nota"),
        ),
        seed=N_("Appendix 3, partnerships with other stakeholders"),
        pt="vinculos",
    ),
    Sheet(
        "partnerships",
        "alianzas",
        (
            C("id", "id", "id", required=True),
            C("name", "nombre", required=True, pt="nome"),
            C("type", "tipo", "vocab", vocab="partnership_type"),
            C("typology", "tipologia", "vocab", vocab="typology"),
            C("instruments", "instrumentos", "vocab_list", vocab="instrument"),
            C("lead", "lider", "ref", ref="stakeholders"),
            C("members", "miembros", "ref_list", ref="stakeholders", pt="membros"),
            C("sdgs", "ods", "int_list", lo=1, hi=17),
            C("actions", "acciones", "code_list", pt="acoes"),
            C("states", "estados", "state_list"),
            C("start", "inicio", "date"),
            C("end", "fin", "date", pt="fim"),
            C("status", "estado", "vocab", vocab="partnership_status", aliases=("estatus",), pt="situacao"),
        ),
        id_column="id",
        seed=N_("sections 1.2 and 1.5, Table 1"),
        pt="parcerias",
    ),
    Sheet(
        "due_diligence",
        "debida_diligencia",
        (
            C("stakeholder", "actor", "ref", required=True, ref="stakeholders", pt="ator"),
            C("assessed_on", "fecha", "date", required=True, pt="data"),
            C("assessor", "evaluador", pt="avaliador"),
            C("notes", "notas"),
            *(C(code, code, "yes_no", prefix=True) for code in DD_CODES),
        ),
        seed=N_("Appendix 4"),
        pt="devida_diligencia",
    ),
    Sheet(
        "value_assessment",
        "evaluacion_valor",
        (
            C("subject", "sujeto", "ref", required=True, ref="partnerships|stakeholders", pt="sujeito"),
            C("assessed_on", "fecha", "date", required=True, pt="data"),
            *(C(code, code, "vocab", vocab="value_rating", prefix=True) for code in VALUE_CODES),
            C("pending", "pendientes", pt="pendencias"),
            C("decision", "decision", "vocab", vocab="decision", pt="decisao"),
            C("decision_date", "fecha_decision", "date", pt="data_decisao"),
        ),
        seed=N_("Appendix 5"),
        pt="avaliacao_valor",
    ),
    Sheet(
        "quality_assessment",
        "evaluacion_calidad",
        (
            C("partnership", "alianza", "ref", required=True, ref="partnerships", pt="parceria"),
            C("assessed_on", "fecha", "date", required=True, pt="data"),
            C("perspective", "perspectiva", "vocab", vocab="perspective", default="collective"),
            *(
                C(d.key, DIMENSION_ES[d.key], "int", lo=0, hi=3, aliases=d.aliases, pt=DIMENSION_PT[d.key])
                for d in vocab.QUALITY_DIMENSIONS
            ),
            *(
                C(f"evidence_{d.key}", f"evidencia_{DIMENSION_ES[d.key]}", pt=f"evidencia_{DIMENSION_PT[d.key]}")
                for d in vocab.QUALITY_DIMENSIONS
            ),
            C("gaps", "brechas", pt="lacunas"),
            C("impact", "impacto"),
            C("lessons", "lecciones", pt="licoes"),
            C("sources", "fuentes", pt="fontes"),
        ),
        seed=N_("Appendix 6"),
        pt="avaliacao_qualidade",
    ),
    Sheet(
        "survey_questions",
        "encuesta_preguntas",
        (
            C("question", "pregunta", "id", required=True, pt="pergunta"),
            C("theme", "tema", "vocab", vocab="theme", default="other"),
            C("text", "texto"),
            C("type", "tipo", "vocab", required=True, vocab="question_type"),
            C("options", "opciones", "text_list", pt="opcoes"),
        ),
        id_column="question",
        seed=N_("Appendix 2 (diagnosis survey)"),
        pt="pesquisa_perguntas",
    ),
    Sheet(
        "survey_responses",
        "encuesta_respuestas",
        (
            C("respondent", "encuestado", "id", required=True, pt="respondente"),
            C("sector", "sector", "vocab", required=True, vocab="sector", pt="setor"),
            C("state", "estado", "state_list"),
        ),
        id_column="respondent",
        seed=N_("Appendix 2 (diagnosis survey)"),
        pt="pesquisa_respostas",
    ),
    Sheet(
        "action_plan",
        "plan_accion",
        (
            C("code", "codigo", "code", required=True),
            C("pillar", "pilar", "vocab", vocab="pillar"),
            C("area", "area"),
            C("action", "accion", pt="acao"),
            C("responsible", "responsables", "text_list", pt="responsaveis"),
            C("years", "anios", "year_list", aliases=("años", "year", "anio"), pt="anos"),
            C(
                "status",
                "estatus",
                "vocab",
                vocab="action_status",
                default="not_started",
                aliases=("estado",),
                pt="situacao",
            ),
            C("progress_pct", "avance_pct", "number", lo=0, hi=100, aliases=("progress", "avance"), pt="avanco_pct"),
            C("updated_on", "actualizado", "date", pt="atualizado"),
            C("evidence", "evidencia", pt="evidencia"),
        ),
        id_column="code",
        seed=N_("Appendix 1"),
        pt="plano_acao",
    ),
)

# The sheets that hold tables, in the workbook's order: every sheet but the about cover.
TABLE_KEYS: tuple[str, ...] = tuple(s.key for s in SHEETS if s.key != "about")

ABOUT_FIELDS = ("portfolio", "country", "as_of", "language", "prepared_by", "illustrative")


def sheet(key: str) -> Sheet:
    """The spec of a sheet by its English key."""
    for s in SHEETS:
        if s.key == key:
            return s
    raise KeyError(key)


# -- Text the analyst wrote, shown on a page ----------------------------------------------------

# The class of an element holding workbook text (a note, a free-text answer, a question text from the
# workbook): the page shows it as written, in the workbook's language, with a small marker.
WORKBOOK_TEXT_CLASS = "pl-workbook-text"
WORKBOOK_TEXT_CSS = (
    f".{WORKBOOK_TEXT_CLASS}{{font-style:italic}}"
    f".{WORKBOOK_TEXT_CLASS}::before{{content:'\\201C'}}.{WORKBOOK_TEXT_CLASS}::after{{content:'\\201D'}}"
    ".pl-workbook-caption{font-size:0.85em;color:#555}"
)


def quote_workbook_text(text: object, workbook_lang: str, page_lang: str) -> str:
    """HTML (escaped) for text an analyst wrote in the workbook, shown on a page.

    On a page in the workbook's language the text is shown as it is. On a page in another language
    it is wrapped in a <q> of class WORKBOOK_TEXT_CLASS that carries the workbook's language (so a
    screen reader reads it in that language) and a tooltip saying it is quoted from the workbook.

    >>> quote_workbook_text("Sin brechas", "es", "en")
    '<q class="pl-workbook-text" lang="es" title="Quoted from the workbook (Español)">Sin brechas</q>'
    >>> quote_workbook_text("Sin brechas", "es", "es")
    'Sin brechas'
    """
    shown = html.escape("" if text is None else str(text))
    workbook_lang, page_lang = i18n.resolve_lang(workbook_lang), i18n.resolve_lang(page_lang)
    if not shown or workbook_lang == page_lang:
        return shown
    _ = i18n.translator(page_lang)
    title = _("Quoted from the workbook ({language})", language=i18n.LANGUAGE_NAMES[workbook_lang])
    return f'<q class="{WORKBOOK_TEXT_CLASS}" lang="{workbook_lang}" title="{html.escape(title)}">{shown}</q>'


def workbook_text_caption(page_lang: str, workbook_lang: str) -> str:
    """A caption for a table or section that shows workbook text on a page in another language
    ("" when the languages agree): names, notes and answers are quoted as written.

    >>> workbook_text_caption("en", "es")
    'Names, notes, answers and question texts are quoted from the workbook, as written (Español).'
    """
    workbook_lang, page_lang = i18n.resolve_lang(workbook_lang), i18n.resolve_lang(page_lang)
    if workbook_lang == page_lang:
        return ""
    _ = i18n.translator(page_lang)
    return _(
        "Names, notes, answers and question texts are quoted from the workbook, as written ({language}).",
        language=i18n.LANGUAGE_NAMES[workbook_lang],
    )
