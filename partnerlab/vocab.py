"""Every vocabulary of the workbook contract, with English and Spanish labels, in one place.

The template, the loader and the reports are all built from this module: a key added
here appears in the template's dropdowns, is accepted by the loader and is labelled in
the reports.

>>> SECTORS.lookup("Sociedad civil")
'civil_society'
>>> SECTORS.label("civil_society", "es")
'Sociedad civil'
>>> STATES.lookup("cdmx")
'ciudad_de_mexico'
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

__all__ = [
    "Term", "Vocabulary", "normalize", "label",
    "LANGS", "SECTORS", "SCOPES", "ROLES", "TIE_KINDS", "PARTNERSHIP_TYPES", "TYPOLOGY",
    "INSTRUMENTS", "PARTNERSHIP_STATUSES", "ACTION_STATUSES", "YES_NO",
    "DUE_DILIGENCE_QUESTIONS", "VALUE_CRITERIA", "VALUE_RATINGS", "DECISIONS",
    "PRINCIPLES", "QUALITY_DIMENSIONS", "PERSPECTIVES", "THEMES", "QUESTION_TYPES",
    "STATES", "PILLARS", "ACTIONS", "QUADRANTS", "VOCABULARIES",
]

LANGS = ("en", "es")


def normalize(text: object) -> str:
    """Fold a label for matching: no accents, no case, no spaces, hyphens or underscores.

    >>> normalize("Interés_Público ")
    'interespublico'
    """
    s = unicodedata.normalize("NFKD", str(text)).replace("\u00a0", " ")
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[\s\-_]+", "", s)


@dataclass(frozen=True)
class Term:
    """One vocabulary entry: a stable key and its labels; aliases are extra accepted spellings."""

    key: str
    en: str
    es: str
    aliases: tuple[str, ...] = ()
    description_en: str = ""
    description_es: str = ""

    def label(self, lang: str = "en") -> str:
        return self.es if lang == "es" else self.en

    def description(self, lang: str = "en") -> str:
        return self.description_es if lang == "es" else self.description_en


@dataclass(frozen=True)
class Vocabulary:
    """An ordered set of terms that accepts a key, either label or an alias, in any case or accent."""

    name: str
    terms: tuple[Term, ...]
    _index: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for term in self.terms:
            for spelling in (term.key, term.en, term.es, *term.aliases):
                self._index.setdefault(normalize(spelling), term.key)

    def __iter__(self):
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def __contains__(self, key: object) -> bool:
        return any(t.key == key for t in self.terms)

    @property
    def keys(self) -> list[str]:
        return [t.key for t in self.terms]

    def term(self, key: str) -> Term:
        for t in self.terms:
            if t.key == key:
                return t
        raise KeyError(f"{key!r} is not in the {self.name} vocabulary")

    def lookup(self, value: object) -> str | None:
        """The key for a key, label or alias; None when nothing matches."""
        return self._index.get(normalize(value))

    def label(self, key: str, lang: str = "en") -> str:
        """The label of a key in a language; an unknown key is returned as it is."""
        for t in self.terms:
            if t.key == key:
                return t.label(lang)
        return key

    def labels(self, lang: str = "en") -> list[str]:
        return [t.label(lang) for t in self.terms]

    def suggest(self, value: object) -> str | None:
        """The closest label to a misspelt value, for a "did you mean" hint."""
        spellings = {normalize(s): t.label("en") for t in self.terms for s in (t.key, t.en, t.es, *t.aliases)}
        close = difflib.get_close_matches(normalize(value), list(spellings), n=1, cutoff=0.75)
        return spellings[close[0]] if close else None

    def expected(self, lang: str = "en", limit: int = 12) -> str:
        """A short 'one of ...' phrase for error messages."""
        names = [t.key for t in self.terms]
        shown = ", ".join(names[:limit]) + (", ..." if len(names) > limit else "")
        return f"one of the {self.name} vocabulary ({shown})"


def _vocab(name: str, rows: list[tuple]) -> Vocabulary:
    return Vocabulary(name, tuple(Term(*row) for row in rows))


# ---------------------------------------------------------------------------------------
# Stakeholders (Appendix 3)
# ---------------------------------------------------------------------------------------

SECTORS = _vocab("sector", [
    ("federal_government", "Federal government", "Gobierno federal", ("government", "gobierno", "federal", "public sector")),
    ("legislature", "Legislature", "Poder legislativo", ("congress", "congreso", "legislativo")),
    ("local_government", "State and municipal government", "Gobierno estatal y municipal",
     ("local", "state government", "municipal government", "gobierno local", "gobierno estatal", "gobierno municipal")),
    ("private_sector", "Private sector", "Sector privado", ("private", "privado", "business", "empresa")),
    ("financial_sector", "Financial sector", "Sector financiero", ("financial", "financiero", "finance")),
    ("academia", "Academia", "Academia", ("academic", "academy", "university", "universidad", "académico")),
    ("civil_society", "Civil society", "Sociedad civil", ("cso", "osc", "ngo", "ong")),
    ("international_cooperation", "Donors and international cooperation", "Donantes y cooperación internacional",
     ("donors", "donantes", "international cooperation", "cooperación internacional", "international", "internacional")),
    ("un_system", "UN system", "Sistema de las Naciones Unidas", ("un", "onu", "united nations", "naciones unidas", "sistema onu")),
    ("media", "Media", "Medios", ("medios de comunicación",)),
    ("other", "Other", "Otro", ("otros", "others")),
])

SCOPES = _vocab("scope", [
    ("international", "International", "Internacional", ("global",)),
    ("regional", "Regional", "Regional"),
    ("national", "National", "Nacional", ("federal",)),
    ("state", "State", "Estatal", ("estado", "subnational", "subnacional")),
    ("municipal", "Municipal", "Municipal", ("local", "municipio")),
])

ROLES = _vocab("role", [
    ("counterpart", "Counterpart", "Contraparte"),
    ("implementing_partner", "Implementing partner", "Socio implementador", ("implementer", "implementador")),
    ("donor", "Donor", "Donante"),
    ("beneficiary", "Beneficiary", "Beneficiario", ("beneficiaries", "beneficiarios")),
    ("advocacy_partner", "Advocacy partner", "Aliado de incidencia", ("advocacy", "incidencia")),
    ("knowledge_partner", "Knowledge partner", "Aliado de conocimiento",
     ("knowledge", "evidence production partner", "conocimiento")),
    ("champion", "Champion", "Impulsor", ("activist", "activista")),
    ("contractor", "Contractor", "Contratista", ("consultant", "consultor")),
])

# Appendix 3, step 2: the influence-interest (power-interest) grid.
QUADRANTS = _vocab("quadrant", [
    ("critical", "Critical group: manage closely and explore joint work",
     "Grupo crítico: gestionar de cerca y explorar trabajo conjunto", ("manage closely",)),
    ("awareness", "High influence, low interest: awareness and advocacy",
     "Alta influencia, bajo interés: sensibilización e incidencia", ("keep satisfied",)),
    ("capacity", "High interest, low influence: capacity building",
     "Alto interés, baja influencia: fortalecimiento de capacidades", ("keep informed",)),
    ("monitor", "Low influence, low interest: monitor",
     "Baja influencia, bajo interés: monitorear", ("monitor",)),
])

# ---------------------------------------------------------------------------------------
# Ties and partnerships (sections 1.2 and 1.5, Table 1)
# ---------------------------------------------------------------------------------------

TIE_KINDS = _vocab("tie kind", [
    ("partnership", "Partnership", "Alianza"),
    ("funding", "Funding", "Financiamiento", ("financing", "financiación")),
    ("coordination", "Coordination", "Coordinación"),
    ("dialogue", "Dialogue", "Diálogo"),
    ("knowledge", "Knowledge", "Conocimiento"),
    ("other", "Other", "Otro"),
])

PARTNERSHIP_TYPES = _vocab("partnership type", [
    ("framework", "Framework", "Marco"),
    ("implementation", "Implementation", "Implementación"),
    ("advocacy", "Advocacy", "Incidencia"),
    ("knowledge", "Knowledge", "Conocimiento"),
    ("liaison", "Liaison", "Enlace", ("vinculación",)),
    ("convening", "Convening", "Convocatoria", ("convocación",)),
])

TYPOLOGY = _vocab("typology", [
    ("leverage_exchange", "Leverage/Exchange", "Apalancar/Intercambiar", ("leverage", "exchange", "apalancar", "intercambiar")),
    ("combine_integrate", "Combine/Integrate", "Combinar/Integrar", ("combine", "integrate", "combinar", "integrar")),
    ("transform", "Transform", "Transformar"),
])

INSTRUMENTS = _vocab("instrument", [
    ("framework_agreement", "Framework agreement", "Acuerdo marco"),
    ("mou", "Memorandum of understanding", "Memorando de entendimiento", ("memorandum",)),
    ("collaboration_agreement", "Collaboration agreement", "Convenio de colaboración"),
    ("letter_of_commitment", "Letter of commitment", "Carta compromiso"),
    ("cofinancing_agreement", "Co-financing agreement", "Acuerdo de cofinanciamiento"),
    ("project_document", "Project document", "Documento de proyecto", ("prodoc",)),
    ("terms_of_reference", "Terms of reference", "Términos de referencia", ("tor", "tdr")),
    ("regular_meetings", "Regular meetings", "Reuniones periódicas"),
    ("dialogue_table", "Dialogue table", "Mesa de diálogo"),
    ("workshop", "Workshop", "Taller"),
    ("inquiry", "Inquiry", "Consulta"),
    ("ad_hoc_meeting", "Ad hoc meeting", "Reunión ad hoc"),
])

PARTNERSHIP_STATUSES = _vocab("partnership status", [
    ("exploring", "Exploring", "Exploración", ("explorando",)),
    ("negotiating", "Negotiating", "Negociación", ("negociando",)),
    ("active", "Active", "Activa", ("activo",)),
    ("under_review", "Under review", "En revisión", ("review", "revisión")),
    ("closed", "Closed", "Cerrada", ("cerrado",)),
])

ACTION_STATUSES = _vocab("action status", [
    ("not_started", "Not started", "No iniciada", ("sin iniciar", "pending", "pendiente")),
    ("in_progress", "In progress", "En curso", ("en proceso", "ongoing")),
    ("done", "Done", "Concluida", ("completed", "complete", "finished", "terminada", "completada", "concluido")),
    ("dropped", "Dropped", "Descartada", ("cancelled", "canceled", "cancelada")),
])

YES_NO = _vocab("yes/no", [
    ("yes", "Yes", "Sí", ("si", "y", "s", "true", "verdadero", "1", "x")),
    ("no", "No", "No", ("n", "false", "falso", "0")),
])

# ---------------------------------------------------------------------------------------
# Appendix 4: due diligence. q01-q04 are information checks (a No is a caution);
# q05-q19 are red flags (a Yes excludes). FILLED FROM THE SEED: see the helper's commit.
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Question:
    """A due-diligence question of Appendix 4."""

    code: str
    en: str
    es: str
    is_red_flag: bool

    def label(self, lang: str = "en") -> str:
        return self.es if lang == "es" else self.en


DUE_DILIGENCE_QUESTIONS: tuple[Question, ...] = tuple(
    Question(f"q{i:02d}", f"Question {i}", f"Pregunta {i}", i >= 5) for i in range(1, 20)
)

# ---------------------------------------------------------------------------------------
# Appendix 5: value, risks and implications of a potential partnership.
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Criterion:
    """A value/risk criterion of Appendix 5 with its considerations."""

    code: str
    en: str
    es: str
    considerations_en: tuple[str, ...] = ()
    considerations_es: tuple[str, ...] = ()

    def label(self, lang: str = "en") -> str:
        return self.es if lang == "es" else self.en


VALUE_CRITERIA: tuple[Criterion, ...] = tuple(
    Criterion(code, f"Criterion {code}", f"Criterio {code}")
    for code in ("c1", "c2", "c3", "c4", "c5", "c6", "c7a", "c7b", "c8", "c9")
)

VALUE_RATINGS = _vocab("value rating", [
    ("acceptable", "Acceptable", "Aceptable"),
    ("adjustments", "May be acceptable with adjustments", "Puede ser aceptable con ajustes",
     ("with adjustments", "con ajustes", "acceptable with adjustments")),
    ("not_acceptable", "Not acceptable", "No aceptable"),
    ("insufficient_information", "Insufficient information", "Información insuficiente",
     ("insufficient", "insuficiente", "more information needed")),
])

DECISIONS = _vocab("decision", [
    ("decline", "Decline", "Declinar", ("rechazar", "no proceder")),
    ("continue_analysis", "Continue analysis", "Continuar el análisis", ("continuar análisis", "continue", "continuar")),
    ("proceed", "Proceed", "Proceder", ("avanzar",)),
])

# ---------------------------------------------------------------------------------------
# Appendix 6: partnership quality (UNDESA and UNDP framework).
# ---------------------------------------------------------------------------------------

PRINCIPLES = _vocab("principle", [
    ("inclusion", "Inclusion", "Inclusión"),
    ("participation", "Participation", "Participación"),
    ("accountability", "Accountability", "Rendición de cuentas"),
])


@dataclass(frozen=True)
class Dimension:
    """A quality dimension of Appendix 6, its principle and the criteria to reach level 3."""

    key: str
    en: str
    es: str
    principle: str
    criteria_en: tuple[str, ...] = ()
    criteria_es: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    def label(self, lang: str = "en") -> str:
        return self.es if lang == "es" else self.en

    def criteria(self, lang: str = "en") -> tuple[str, ...]:
        return self.criteria_es if lang == "es" else self.criteria_en


QUALITY_DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("non_discrimination", "Non-discrimination", "No discriminación", "inclusion"),
    Dimension("accessibility", "Accessibility", "Accesibilidad", "inclusion"),
    Dimension("access_to_information", "Access to information", "Acceso a la información", "participation"),
    Dimension("influence_on_decisions", "Influence on decisions", "Influencia en las decisiones", "participation"),
    Dimension("transparency", "Transparency", "Transparencia", "accountability"),
    Dimension("responsiveness", "Responsiveness", "Receptividad", "accountability",
              aliases=("receptivity", "responsibility", "responsabilidad")),
)

PERSPECTIVES = _vocab("perspective", [
    ("collective", "Collective", "Colectiva", ("joint", "conjunta")),
    ("self", "Self-assessment", "Autoevaluación", ("self assessment", "own", "propia")),
    ("government", "Government", "Gobierno"),
    ("civil_society", "Civil society", "Sociedad civil"),
    ("private_sector", "Private sector", "Sector privado"),
    ("academia", "Academia", "Academia"),
    ("un_system", "UN system", "Sistema de las Naciones Unidas", ("un", "onu")),
    ("other", "Other", "Otra", ("otro",)),
])

# ---------------------------------------------------------------------------------------
# Appendix 2: the six themes of the diagnosis of the partnership landscape.
# description_en/es hold the seed's headline finding for the theme.
# ---------------------------------------------------------------------------------------

THEMES = _vocab("theme", [
    ("institutionality", "Institutionality", "Institucionalidad", ("institutional", "institucional")),
    ("stakeholders", "Stakeholders", "Actores", ("actors",)),
    ("dialogue", "Dialogue", "Diálogo"),
    ("financing", "Financing", "Financiamiento", ("funding", "finance")),
    ("collaboration", "Collaboration", "Colaboración"),
    ("efficacy", "Efficacy", "Eficacia", ("effectiveness", "efectividad")),
    ("other", "Other", "Otro"),
])

QUESTION_TYPES = _vocab("question type", [
    ("scale", "Scale", "Escala", ("likert", "ordinal")),
    ("choice", "Choice", "Opción única", ("single", "single choice", "opcion")),
    ("multi", "Multiple choice", "Opción múltiple", ("multiple", "multiselect", "multi-select", "checkbox")),
    ("number", "Number", "Número", ("numeric", "numérico")),
    ("text", "Text", "Texto", ("open", "abierta")),
])

# ---------------------------------------------------------------------------------------
# Mexico's 32 federal entities (INEGI order), with common short forms.
# ---------------------------------------------------------------------------------------

STATES = _vocab("federal entity", [
    ("aguascalientes", "Aguascalientes", "Aguascalientes", ("ags", "ag")),
    ("baja_california", "Baja California", "Baja California", ("bc", "b.c.", "baja california norte")),
    ("baja_california_sur", "Baja California Sur", "Baja California Sur", ("bcs", "b.c.s.")),
    ("campeche", "Campeche", "Campeche", ("camp",)),
    ("coahuila", "Coahuila", "Coahuila", ("coahuila de zaragoza", "coah")),
    ("colima", "Colima", "Colima", ("col",)),
    ("chiapas", "Chiapas", "Chiapas", ("chis",)),
    ("chihuahua", "Chihuahua", "Chihuahua", ("chih",)),
    ("ciudad_de_mexico", "Mexico City", "Ciudad de México",
     ("cdmx", "cd. de méxico", "cd de mexico", "distrito federal", "df", "d.f.", "mexico city")),
    ("durango", "Durango", "Durango", ("dgo",)),
    ("guanajuato", "Guanajuato", "Guanajuato", ("gto",)),
    ("guerrero", "Guerrero", "Guerrero", ("gro",)),
    ("hidalgo", "Hidalgo", "Hidalgo", ("hgo",)),
    ("jalisco", "Jalisco", "Jalisco", ("jal",)),
    ("estado_de_mexico", "State of Mexico", "Estado de México",
     ("edomex", "edo. mex.", "edo mex", "méxico", "mexico", "mex", "state of mexico")),
    ("michoacan", "Michoacán", "Michoacán", ("michoacán de ocampo", "mich")),
    ("morelos", "Morelos", "Morelos", ("mor",)),
    ("nayarit", "Nayarit", "Nayarit", ("nay",)),
    ("nuevo_leon", "Nuevo León", "Nuevo León", ("nl", "n.l.")),
    ("oaxaca", "Oaxaca", "Oaxaca", ("oax",)),
    ("puebla", "Puebla", "Puebla", ("pue",)),
    ("queretaro", "Querétaro", "Querétaro", ("querétaro de arteaga", "qro")),
    ("quintana_roo", "Quintana Roo", "Quintana Roo", ("qroo", "q. roo", "q roo")),
    ("san_luis_potosi", "San Luis Potosí", "San Luis Potosí", ("slp", "s.l.p.")),
    ("sinaloa", "Sinaloa", "Sinaloa", ("sin",)),
    ("sonora", "Sonora", "Sonora", ("son",)),
    ("tabasco", "Tabasco", "Tabasco", ("tab",)),
    ("tamaulipas", "Tamaulipas", "Tamaulipas", ("tamps",)),
    ("tlaxcala", "Tlaxcala", "Tlaxcala", ("tlax",)),
    ("veracruz", "Veracruz", "Veracruz", ("veracruz de ignacio de la llave", "ver")),
    ("yucatan", "Yucatán", "Yucatán", ("yuc",)),
    ("zacatecas", "Zacatecas", "Zacatecas", ("zac",)),
])

# ---------------------------------------------------------------------------------------
# Appendix 1: the indicative action plan, 49 courses of action.
# ---------------------------------------------------------------------------------------

PILLARS = _vocab("pillar", [
    ("I", "Organizational culture for partnership management", "Cultura organizacional para la gestión de alianzas", ("1", "i")),
    ("II", "Partnership management by sector and stakeholder", "Gestión de alianzas por sector y actor", ("2", "ii")),
    ("III", "Multi-stakeholder and multi-sector partnership management",
     "Gestión de alianzas multiactor y multisector", ("3", "iii")),
])


@dataclass(frozen=True)
class Action:
    """A course of action of Appendix 1."""

    code: str
    pillar: str
    area_en: str
    area_es: str
    en: str
    es: str
    responsible: tuple[str, ...]

    def label(self, lang: str = "en") -> str:
        return self.es if lang == "es" else self.en

    def area(self, lang: str = "en") -> str:
        return self.area_es if lang == "es" else self.area_en


ACTIONS: tuple[Action, ...] = ()

# ---------------------------------------------------------------------------------------

VOCABULARIES: dict[str, Vocabulary] = {
    "sector": SECTORS, "scope": SCOPES, "role": ROLES, "quadrant": QUADRANTS,
    "tie_kind": TIE_KINDS, "partnership_type": PARTNERSHIP_TYPES, "typology": TYPOLOGY,
    "instrument": INSTRUMENTS, "partnership_status": PARTNERSHIP_STATUSES,
    "action_status": ACTION_STATUSES, "yes_no": YES_NO, "value_rating": VALUE_RATINGS,
    "decision": DECISIONS, "principle": PRINCIPLES, "perspective": PERSPECTIVES,
    "theme": THEMES, "question_type": QUESTION_TYPES, "state": STATES, "pillar": PILLARS,
}


def label(vocabulary: str, key: str, lang: str = "en") -> str:
    """The label of a key in a named vocabulary, e.g. label("sector", "academia", "es")."""
    return VOCABULARIES[vocabulary].label(key, lang)
