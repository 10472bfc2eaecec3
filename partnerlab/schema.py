"""The sheets and columns of the input workbook (spec/workbook.md), as data.

The loader reads by these specs, the template writes from them. A column's `key` is its
English name and the name of the column in the loaded table.
"""

from __future__ import annotations

from dataclasses import dataclass

from partnerlab import vocab

__all__ = ["Column", "Sheet", "SHEETS", "sheet", "DD_CODES", "VALUE_CODES", "DIMENSION_KEYS"]


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

    def header(self, lang: str = "en") -> str:
        return self.es if lang == "es" else self.key

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
    seed: str = ""

    def name(self, lang: str = "en") -> str:
        return self.es if lang == "es" else self.key

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
    "non_discrimination": "no_discriminacion", "accessibility": "accesibilidad",
    "access_to_information": "acceso_a_la_informacion", "influence_on_decisions": "influencia_en_decisiones",
    "transparency": "transparencia", "responsiveness": "receptividad",
}

SHEETS: tuple[Sheet, ...] = (
    Sheet("about", "acerca", (
        C("field", "campo", required=True),
        C("value", "valor"),
    ), seed="cover page"),
    Sheet("stakeholders", "actores", (
        C("id", "id", "id", required=True),
        C("name", "nombre", required=True),
        C("sector", "sector", "vocab", required=True, vocab="sector"),
        C("scope", "ambito", "vocab", vocab="scope", aliases=("territorial scope", "ámbito territorial")),
        C("states", "estados", "state_list"),
        C("mandate", "mandato"),
        C("priorities", "prioridades"),
        C("instruments", "instrumentos"),
        C("resources", "recursos"),
        C("related_initiatives", "iniciativas_relacionadas"),
        C("partners", "alianzas_con", "ref_list", ref="stakeholders",
          aliases=("partnerships with other stakeholders",)),
        C("influence", "influencia", "int", lo=1, hi=5),
        C("interest", "interes", "int", lo=1, hi=5),
        C("roles", "roles", "vocab_list", vocab="role"),
        C("contact", "contacto"),
    ), required=True, id_column="id", seed="Appendix 3, steps 1-3"),
    Sheet("ties", "vinculos", (
        C("source", "origen", "ref", required=True, ref="stakeholders"),
        C("target", "destino", "ref", required=True, ref="stakeholders"),
        C("kind", "tipo", "vocab", vocab="tie_kind", default="partnership"),
        C("directed", "dirigido", "yes_no"),
        C("strength", "intensidad", "int", lo=1, hi=3, default=1),
        C("since", "desde", "year"),
        C("until", "hasta", "year"),
        C("note", "nota"),
    ), seed="Appendix 3, partnerships with other stakeholders"),
    Sheet("partnerships", "alianzas", (
        C("id", "id", "id", required=True),
        C("name", "nombre", required=True),
        C("type", "tipo", "vocab", vocab="partnership_type"),
        C("typology", "tipologia", "vocab", vocab="typology"),
        C("instruments", "instrumentos", "vocab_list", vocab="instrument"),
        C("lead", "lider", "ref", ref="stakeholders"),
        C("members", "miembros", "ref_list", ref="stakeholders"),
        C("sdgs", "ods", "int_list", lo=1, hi=17),
        C("actions", "acciones", "code_list"),
        C("states", "estados", "state_list"),
        C("start", "inicio", "date"),
        C("end", "fin", "date"),
        C("status", "estado", "vocab", vocab="partnership_status", aliases=("estatus",)),
    ), id_column="id", seed="sections 1.2 and 1.5, Table 1"),
    Sheet("due_diligence", "debida_diligencia", (
        C("stakeholder", "actor", "ref", required=True, ref="stakeholders"),
        C("assessed_on", "fecha", "date", required=True),
        C("assessor", "evaluador"),
        C("notes", "notas"),
        *(C(code, code, "yes_no", prefix=True) for code in DD_CODES),
    ), seed="Appendix 4"),
    Sheet("value_assessment", "evaluacion_valor", (
        C("subject", "sujeto", "ref", required=True, ref="partnerships|stakeholders"),
        C("assessed_on", "fecha", "date", required=True),
        *(C(code, code, "vocab", vocab="value_rating", prefix=True) for code in VALUE_CODES),
        C("pending", "pendientes"),
        C("decision", "decision", "vocab", vocab="decision"),
        C("decision_date", "fecha_decision", "date"),
    ), seed="Appendix 5"),
    Sheet("quality_assessment", "evaluacion_calidad", (
        C("partnership", "alianza", "ref", required=True, ref="partnerships"),
        C("assessed_on", "fecha", "date", required=True),
        C("perspective", "perspectiva", "vocab", vocab="perspective", default="collective"),
        *(C(d.key, DIMENSION_ES[d.key], "int", lo=0, hi=3, aliases=d.aliases) for d in vocab.QUALITY_DIMENSIONS),
        *(C(f"evidence_{d.key}", f"evidencia_{DIMENSION_ES[d.key]}") for d in vocab.QUALITY_DIMENSIONS),
        C("gaps", "brechas"),
        C("impact", "impacto"),
        C("lessons", "lecciones"),
        C("sources", "fuentes"),
    ), seed="Appendix 6"),
    Sheet("survey_questions", "encuesta_preguntas", (
        C("question", "pregunta", "id", required=True),
        C("theme", "tema", "vocab", vocab="theme", default="other"),
        C("text", "texto"),
        C("type", "tipo", "vocab", required=True, vocab="question_type"),
        C("options", "opciones", "text_list"),
    ), id_column="question", seed="Appendix 2 (diagnosis survey)"),
    Sheet("survey_responses", "encuesta_respuestas", (
        C("respondent", "encuestado", "id", required=True),
        C("sector", "sector", "vocab", required=True, vocab="sector"),
        C("state", "estado", "state_list"),
    ), id_column="respondent", seed="Appendix 2 (diagnosis survey)"),
    Sheet("action_plan", "plan_accion", (
        C("code", "codigo", "code", required=True),
        C("pillar", "pilar", "vocab", vocab="pillar"),
        C("area", "area"),
        C("action", "accion"),
        C("responsible", "responsables", "text_list"),
        C("years", "anios", "year_list", aliases=("años", "year", "anio")),
        C("status", "estatus", "vocab", vocab="action_status", default="not_started", aliases=("estado",)),
        C("progress_pct", "avance_pct", "number", lo=0, hi=100, aliases=("progress", "avance")),
        C("updated_on", "actualizado", "date"),
        C("evidence", "evidencia"),
    ), id_column="code", seed="Appendix 1"),
)

ABOUT_FIELDS = ("portfolio", "country", "as_of", "language", "prepared_by", "illustrative")


def sheet(key: str) -> Sheet:
    """The spec of a sheet by its English key."""
    for s in SHEETS:
        if s.key == key:
            return s
    raise KeyError(key)
