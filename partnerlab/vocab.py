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
    "STATES", "PILLARS", "ACTIONS", "RESPONSIBLE_ES", "responsible_label", "QUADRANTS", "VOCABULARIES",
]

LANGS = ("en", "es")


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})


def normalize(text: object) -> str:
    """Fold a label for matching: no accents, no case, no spaces, hyphens or underscores; curly quotes straight.

    >>> normalize("Interés_Público ")
    'interespublico'
    """
    s = unicodedata.normalize("NFKD", str(text)).replace("\u00a0", " ").translate(_QUOTES)
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
# q05-q19 are red flags (a Yes excludes). English text as in the seed, URLs included.
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


# (English, Spanish) of questions 1-19, in the seed's order.
_QUESTION_TEXTS: list[tuple[str, str]] = [
    ("Is it legally registered? e.g., In case of a CSO, you can search the Commission for the Promotion "
     "of CSO Activities and check the Federal Registry of CSOs http://www.sii.gob.mx/portal/",
     "¿Está legalmente constituida? Por ejemplo, en el caso de una OSC, puede consultarse la Comisión de "
     "Fomento de las Actividades de las Organizaciones de la Sociedad Civil y revisar el Registro "
     "Federal de las Organizaciones de la Sociedad Civil http://www.sii.gob.mx/portal/"),
    ("Is the organization, institution, or company currently involved or has it been involved in any "
     "partnership or been a supplier to the UN or any UN entity in the last ten years?",
     "¿La organización, institución o empresa participa o ha participado en alguna alianza con la ONU o "
     "con alguna entidad de la ONU, o ha sido proveedora de estas, en los últimos diez años?"),
    ("Does it have any Corporate Social Responsibility report or activity report in the last five years? "
     "(e. g., Principles ISO14001, SA8000, AA1000, OHSAS 18001 or GRI)",
     "¿Cuenta con algún informe de responsabilidad social corporativa o informe de actividades de los "
     "últimos cinco años? (p. ej., principios ISO14001, SA8000, AA1000, OHSAS 18001 o GRI)"),
    ("Does the organization participate in UN initiatives such as the Global Compact, the Sustainable "
     "Development Solutions Network (SDSN) or My World?",
     "¿La organización participa en iniciativas de la ONU como el Pacto Mundial, la Red de Soluciones "
     "para el Desarrollo Sostenible (SDSN) o Mi Mundo (My World)?"),
    ("Does it commit human rights violations? http://www.ohchr.org/EN/Issues/Pages/ListOfIssues.aspx",
     "¿Comete violaciones de derechos humanos? http://www.ohchr.org/EN/Issues/Pages/ListOfIssues.aspx"),
    ("Does it tolerate forced labor or child labor practices?",
     "¿Tolera prácticas de trabajo forzoso o trabajo infantil?"),
    ("Has it been involved in the manufacture, sale or distribution of weapons, anti-personne mines, "
     "bombs and other related products?",
     "¿Ha participado en la fabricación, venta o distribución de armas, minas antipersonal, bombas y "
     "otros productos relacionados?"),
    ("Does it promote discriminatory policies towards gender, people with disabilities, or minorities?",
     "¿Promueve políticas discriminatorias por motivos de género o hacia las personas con discapacidad o "
     "las minorías?"),
    ("Has it been accused of sexual abuse, exploitation, discrimination, or harassment?",
     "¿Ha sido acusada de abuso sexual, explotación, discriminación o acoso?"),
    ("Does it manufacture, sell, or distribute tobacco or tobacco and alcohol products?",
     "¿Fabrica, vende o distribuye tabaco o productos de tabaco y alcohol?"),
    ("Does it manufacture, sell, or distribute pornography?",
     "¿Fabrica, vende o distribuye pornografía?"),
    ("Does it market or manufacture breast milk substitutes contrary to WHO?",
     "¿Comercializa o fabrica sucedáneos de la leche materna en contravención de lo establecido por la "
     "OMS?"),
    ("Is it engaged in the manufacture, sale, distribution, or use of products or activities that "
     "violate national and international environmental standards?",
     "¿Participa en la fabricación, venta, distribución o uso de productos, o en actividades, que violan "
     "las normas ambientales nacionales e internacionales?"),
    ("Has it engaged in acts of privacy and data protection violations, including unauthorized data "
     "collection, processing and any other use? UN Principles on Personal Data Protection and Privacy "
     "https://www.unsceb.org/privacyprinciples",
     "¿Ha incurrido en actos de violación de la privacidad y de la protección de datos, incluidos la "
     "recopilación, el tratamiento y cualquier otro uso no autorizados de datos? Principios de las "
     "Naciones Unidas sobre la Protección de Datos Personales y la Privacidad "
     "https://www.unsceb.org/privacyprinciples"),
    ("Has it been involved in an accusation or bribery?",
     "¿Ha estado involucrada en alguna acusación de soborno?"),
    ("Has it been sanctioned by a national government in the last ten years?",
     "¿Ha sido sancionada por un gobierno nacional en los últimos diez años?"),
    ("Does it have any pending proceedings or investigations for any ethical issues?",
     "¿Tiene algún procedimiento o investigación pendiente por cuestiones éticas?"),
    ("Was it subject to any United Nations sanctions? http://www.un.org/sc/committees/",
     "¿Ha sido objeto de alguna sanción de las Naciones Unidas? http://www.un.org/sc/committees/"),
    ("Has it been the subject of significant criticism from a civil society organization, government or "
     "media or other entity that negatively affects its image?",
     "¿Ha sido objeto de críticas significativas por parte de una organización de la sociedad civil, un "
     "gobierno, los medios de comunicación u otra entidad que afecten negativamente su imagen?"),
]

DUE_DILIGENCE_QUESTIONS: tuple[Question, ...] = tuple(
    Question(f"q{i:02d}", en, es, is_red_flag=i >= 5) for i, (en, es) in enumerate(_QUESTION_TEXTS, start=1)
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


# Consideration 7 of the seed, "Organizational capacity/involvement", serves criteria 7a and 7b.
_CAPACITY_EN = (
    "Sources of funding for implementation",
    "Involvement of senior leadership/staff, as well as relevant staff",
    "Sufficient resources from the parties that can be committed",
    "Sufficient internal skills and competencies from the parties to deliver results",
)
_CAPACITY_ES = (
    "Fuentes de financiamiento para la implementación",
    "Participación de la alta dirección/del personal directivo, así como del personal pertinente",
    "Recursos suficientes de las partes que puedan comprometerse",
    "Habilidades y competencias internas suficientes de las partes para obtener resultados",
)

VALUE_CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "c1", "Partners are acceptable (including due diligence)",
        "Los socios son aceptables (incluida la debida diligencia)",
        ("Interests and priorities aligned with our own",
         "Satisfactory due diligence assessment",
         "Values compatible with the type of partnership to be established",
         "Previous experience in other partnerships"),
        ("Intereses y prioridades alineados con los nuestros",
         "Evaluación de debida diligencia satisfactoria",
         "Valores compatibles con el tipo de alianza que se busca establecer",
         "Experiencia previa en otras alianzas"),
    ),
    Criterion(
        "c2", "The partnership is aligned with the organization's mandate and is strategic",
        "La alianza está alineada con el mandato de la organización y es estratégica",
        # The seed gives these bullets in Spanish only (under "Partnership compatibility").
        ("With the objectives and purposes of the UN",
         "With the mandate of the agencies",
         "With the priority areas of the Cooperation Framework",
         "With the strategies of all partners",
         "With other partnerships"),
        ("Con los objetivos y propósitos de la ONU",
         "Con el mandato de las agencias",
         "Con las áreas prioritarias del Marco de Cooperación",
         "Con las estrategias de todos los socios",
         "Con otras alianzas"),
    ),
    Criterion(
        "c3", "The partnership provides significant value/impact",
        "La alianza aporta un valor/impacto significativo",
        ("Potential mission value: Contributes to/Has a significant impact on the purpose/objective of the partnership",
         "Increased ability to deliver results",
         "Increases technical expertise and knowledge",
         "Additional resources/funds",
         "Creativity, innovation and sustainability",
         "Positioning, visibility, positive reputational impact",
         "Increased political and social capital",
         "Greater influence on key issues",
         "Access to other networks/interest groups",
         'The organization is seen as a "strategic partner"'),
        ("Valor potencial para la misión: Contribuye al propósito/objetivo de la alianza o tiene un impacto "
         "significativo en él",
         "Mayor capacidad para obtener resultados",
         "Aumenta la experiencia técnica y el conocimiento",
         "Recursos/fondos adicionales",
         "Creatividad, innovación y sostenibilidad",
         "Posicionamiento, visibilidad, impacto positivo en la reputación",
         "Mayor capital político y social",
         "Mayor influencia en temas clave",
         "Acceso a otras redes/grupos de interés",
         'La organización es vista como un "socio estratégico"'),
    ),
    Criterion(
        "c4", "The transaction cost is acceptable in relation to the value obtained",
        "El costo de transacción es aceptable en relación con el valor obtenido",
        ("Analysis of transaction, implementation, and overhead costs",),
        ("Análisis de los costos de transacción, de implementación e indirectos",),
    ),
    Criterion(
        "c5", "The implications of the partnership are acceptable",
        "Las implicaciones de la alianza son aceptables",
        ("What precedent does the partnership set?",
         "Is there an exit strategy for the established commitments and obligations?",
         "Does it have an impact on other UNS relationships and partnerships?",
         "Does it affect the reputation of the UNS?",
         "What are the accountability implications?"),
        ("¿Qué precedente sienta la alianza?",
         "¿Existe una estrategia de salida para los compromisos y obligaciones establecidos?",
         "¿Tiene un impacto en otras relaciones y alianzas del SNU?",
         "¿Afecta la reputación del SNU?",
         "¿Qué implicaciones tiene en materia de rendición de cuentas?"),
    ),
    Criterion(
        "c6", "The risks of the partnership are sufficiently low or well mitigated",
        "Los riesgos de la alianza son suficientemente bajos o están bien mitigados",
        ("Loss of programmatic focus/coherence",
         "Redundancy of efforts",
         "Excessive investment of time",
         "High financial implications (lack of financial capacity/high transaction costs)",
         "Lack of capacity/coordination of potential partners to implement/deliver results",
         "Compromises neutrality, impartiality, or independence",
         "Loss of autonomy in key aspects",
         "Implicit political risks with an impact on other relationships, especially with the government",
         "Uncertainty/Volatile situations that may impact the context",
         "Implicit social and environmental risks",
         "Sudden change in partner commitment and involvement"),
        ("Pérdida de enfoque/coherencia programática",
         "Duplicación de esfuerzos",
         "Inversión excesiva de tiempo",
         "Altas implicaciones financieras (falta de capacidad financiera/altos costos de transacción)",
         "Falta de capacidad/coordinación de los socios potenciales para implementar/obtener resultados",
         "Compromete la neutralidad, la imparcialidad o la independencia",
         "Pérdida de autonomía en aspectos clave",
         "Riesgos políticos implícitos con impacto en otras relaciones, especialmente con el gobierno",
         "Incertidumbre/situaciones volátiles que puedan afectar el contexto",
         "Riesgos sociales y ambientales implícitos",
         "Cambio repentino en el compromiso y la participación de los socios"),
    ),
    Criterion(
        "c7a", "Sufficient financial resources are available for implementation",
        "Se dispone de recursos financieros suficientes para la implementación",
        _CAPACITY_EN, _CAPACITY_ES,
    ),
    Criterion(
        "c7b", "Sufficient internal resources and capabilities are available for implementation",
        "Se dispone de recursos y capacidades internas suficientes para la implementación",
        _CAPACITY_EN, _CAPACITY_ES,
    ),
    Criterion(
        "c8", "Sufficient buy-in and commitment from relevant personnel, areas/divisions involved, "
        "national/regional/global offices, etc.",
        "Suficiente apropiación y compromiso del personal pertinente, las áreas/divisiones involucradas, "
        "las oficinas nacionales/regionales/globales, etc.",
        # The seed has no list for criterion 8: the involvement bullet of "Organizational capacity" fits it.
        _CAPACITY_EN[1:2], _CAPACITY_ES[1:2],
    ),
    Criterion(
        "c9", "Success is clearly measurable for the organization",
        "El éxito es claramente medible para la organización",
        ("Clear measures of success from the organization's perspective",),
        ("Medidas de éxito claras desde la perspectiva de la organización",),
    ),
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
    Dimension(
        "non_discrimination", "Non-discrimination", "No discriminación", "inclusion",
        ("Identifies various trailing sectors and stakeholders, based on periodic disaggregated data and "
         "documentation of stakeholders.",
         "Includes stakeholders who have chosen their own representatives.",
         "Includes diverse stakeholders and those who are trailing behind in the design of the process.",
         "Allocates sufficient resources to those who have fallen furthest behind in the design process."),
        ("Identifica a los diversos sectores y actores rezagados, con base en datos desagregados periódicos y "
         "en la documentación de los actores.",
         "Incluye a actores que han elegido a sus propios representantes.",
         "Incluye a actores diversos y a quienes se están quedando atrás en el diseño del proceso.",
         "Asigna recursos suficientes a quienes se han quedado más atrás en el proceso de diseño."),
    ),
    Dimension(
        "accessibility", "Accessibility", "Accesibilidad", "inclusion",
        ("Has a system for detecting accessibility needs on an ongoing basis after consultation with "
         "stakeholders.",
         "Applies accessibility information in the design of the participation process together with "
         "stakeholders.",
         "Provides resources to reduce obstacles to the greatest extent possible."),
        ("Cuenta con un sistema para detectar de manera continua las necesidades de accesibilidad, previa "
         "consulta con los actores.",
         "Aplica la información sobre accesibilidad en el diseño del proceso de participación junto con los "
         "actores.",
         "Proporciona recursos para reducir los obstáculos en la mayor medida posible."),
    ),
    Dimension(
        "access_to_information", "Access to information", "Acceso a la información", "participation",
        ("Produces and discloses relevant information and data publicly before decisions are made, with "
         "sufficient time for stakeholders to be consulted and respond.",
         "Produces and disseminates information on how the practice is progressing jointly with relevant "
         "stakeholders, and explains how different points of view are being handled."),
        ("Produce y divulga públicamente información y datos pertinentes antes de que se tomen las decisiones, "
         "con tiempo suficiente para que los actores sean consultados y respondan.",
         "Produce y difunde, junto con los actores pertinentes, información sobre el avance de la práctica, y "
         "explica cómo se están atendiendo los distintos puntos de vista."),
    ),
    Dimension(
        "influence_on_decisions", "Influence on decisions", "Influencia en las decisiones", "participation",
        ("Has mechanisms that enable stakeholder collaboration and cocreation in decision-making processes.",
         "Explains how the contributions received have impacted the results.",
         "Addresses power imbalances among stakeholders; e.g., different number of positions, capacity building."),
        ("Cuenta con mecanismos que permiten la colaboración y la cocreación de los actores en los procesos de "
         "toma de decisiones.",
         "Explica cómo las contribuciones recibidas han incidido en los resultados.",
         "Aborda los desequilibrios de poder entre los actores; p. ej., distinto número de puestos, "
         "fortalecimiento de capacidades."),
    ),
    Dimension(
        "transparency", "Transparency", "Transparencia", "accountability",
        ("Widely disseminates information regarding the process to keep stakeholders, parliament, and the "
         "media informed.",
         "Efficiently follows up on the process."),
        ("Difunde ampliamente información sobre el proceso para mantener informados a los actores, al "
         "parlamento y a los medios de comunicación.",
         "Da seguimiento eficiente al proceso."),
    ),
    Dimension(
        "responsiveness", "Responsiveness", "Receptividad", "accountability",
        ("Provides information to stakeholders about how their contributions (monitoring results/quantifiable "
         "targets/disaggregated data) will be used before decisions are made.",
         "Provides a strong mechanism to encourage stakeholders to voice their views and complaints.",
         "Manages the resolution of complaints with the relevant stakeholders."),
        ("Informa a los actores, antes de que se tomen las decisiones, sobre cómo se utilizarán sus "
         "contribuciones (resultados del monitoreo/metas cuantificables/datos desagregados).",
         "Ofrece un mecanismo sólido para alentar a los actores a expresar sus opiniones y quejas.",
         "Gestiona la resolución de quejas con los actores pertinentes."),
        aliases=("receptivity", "responsibility", "responsabilidad"),
    ),
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
    ("institutionality", "Institutionality", "Institucionalidad", ("institutional", "institucional"),
     "An institutional coordination framework is in place to implement the 2030 Agenda at the federal, state "
     "and municipal levels (the National Council for the 2030 Agenda, 32 state councils and 300 municipal "
     "councils), but the functionality and operation of these mechanisms differ widely, as do the commitment "
     "and participation of the stakeholders involved.",
     "Existe un marco institucional de coordinación para implementar la Agenda 2030 en los órdenes federal, "
     "estatal y municipal (el Consejo Nacional de la Agenda 2030, 32 consejos estatales y 300 consejos "
     "municipales), pero la funcionalidad y la operación de estos mecanismos varían ampliamente, al igual que "
     "el compromiso y la participación de los actores involucrados."),
    ("stakeholders", "Stakeholders", "Actores", ("actors",),
     "Ownership of the 2030 Agenda is heterogeneous: public-sector stakeholders show clear asymmetries between "
     "branches, sectors and levels of government, while the involvement of the private and financial sectors, "
     "academia, civil society and international cooperation is growing but uneven.",
     "La apropiación de la Agenda 2030 es heterogénea: los actores del sector público muestran claras "
     "asimetrías entre poderes, sectores y órdenes de gobierno, mientras que la participación del sector "
     "privado y el financiero, la academia, la sociedad civil y la cooperación internacional crece, pero de "
     "manera desigual."),
    ("dialogue", "Dialogue", "Diálogo", (),
     "The pandemic affected the effective participation of stakeholders: moving dialogue spaces from "
     "face-to-face to virtual reduced participation in some cases (for example, of CSOs) and cancelled forums, "
     "especially local deliberative processes, while digital tools became crucial to manage multi-stakeholder "
     "and multi-sector partnerships.",
     "La pandemia afectó la participación efectiva de los actores: el paso de los espacios de diálogo de lo "
     "presencial a lo virtual redujo en algunos casos la participación (por ejemplo, de las OSC) y llevó a "
     "cancelar foros, sobre todo procesos deliberativos locales, mientras que las herramientas digitales se "
     "volvieron cruciales para gestionar alianzas multiactor y multisector."),
    ("financing", "Financing", "Financiamiento", ("funding", "finance"),
     "Austerity and the socio-economic impact of the pandemic significantly reduced the public funds available "
     "for partnerships; new instruments such as the SDG Bond and the Social Gender Bond are a step forward, "
     "but obtaining financial resources remains one of the main challenges of the partnership ecosystem.",
     "La política de austeridad y el impacto socioeconómico de la pandemia redujeron significativamente los "
     "fondos públicos disponibles para alianzas; nuevos instrumentos como el Bono ODS y el Bono Social de "
     "Género representan un avance, pero obtener recursos financieros sigue siendo uno de los principales "
     "retos del ecosistema de alianzas."),
    ("collaboration", "Collaboration", "Colaboración", (),
     "Collaboration efforts have created innovative networks and platforms, especially those formed by "
     "academia and the private sector, but working in silos persists: coordination between stakeholders and "
     "sectors remains the greatest pending issue of the partnership ecosystem.",
     "Los esfuerzos de colaboración han dado lugar a redes y plataformas innovadoras, sobre todo las "
     "conformadas por la academia y el sector privado, pero persiste el trabajo en silos: la coordinación "
     "entre actores y sectores sigue siendo la mayor asignatura pendiente del ecosistema de alianzas."),
    ("efficacy", "Efficacy", "Eficacia", ("effectiveness", "efectividad"),
     "Respondents from the public and private sectors, civil society, academia and international organizations "
     "named the deficiency of dialogue and advocacy mechanisms, the difficulty of mobilizing financial "
     "resources and the lack of spaces for citizen and multi-stakeholder participation as the main challenges "
     "to the effectiveness of partnerships.",
     "Las personas encuestadas de los sectores público y privado, la sociedad civil, la academia y los "
     "organismos internacionales señalaron la deficiencia de los mecanismos de diálogo e incidencia, la "
     "dificultad para movilizar recursos financieros y la falta de espacios de participación ciudadana y "
     "multiactor como los principales retos para la eficacia de las alianzas."),
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


# The sub-headings of the action plan, each with its pillar.
_ACTION_AREAS: dict[str, tuple[str, str, str]] = {
    "capacity_building": ("I", "Capacity Building", "Fortalecimiento de capacidades"),
    "interagency_coordination": ("I", "Interagency Coordination", "Coordinación interagencial"),
    "effective_communication": ("I", "Effective Communication", "Comunicación efectiva"),
    "country_teams": ("I", "Dialogue, Collaboration and Partnerships among Country Teams",
                      "Diálogo, colaboración y alianzas entre Equipos País"),
    "national_council": ("II", "Public Sector, Federal Level - Agenda 2030 National Council",
                         "Sector público, ámbito federal - Consejo Nacional de la Agenda 2030"),
    "federal_public_administration": ("II", "Public Sector, Federal Level - Federal Public Administration (APF)",
                                      "Sector público, ámbito federal - Administración Pública Federal (APF)"),
    "congress": ("II", "Public Sector, Federal Level - Congreso de la Unión (Congress)",
                 "Sector público, ámbito federal - Congreso de la Unión"),
    "local_government": ("II", "Public Sector, Local Level", "Sector público, ámbito local"),
    "private_sector": ("II", "Private Sector", "Sector privado"),
    "academia": ("II", "Academia", "Academia"),
    "civil_society": ("II", "Civil Society", "Sociedad civil"),
    "financial_sector": ("II", "Financial Sector", "Sector financiero"),
    "donors": ("II", "Donors and International Cooperation Agencies",
               "Donantes y agencias de cooperación internacional"),
    "inclusive_dialogue": ("III", "Inclusive Dialogue", "Diálogo incluyente"),
    "programmatic_partnerships": ("III", "Programmatic interagency partnerships",
                                  "Alianzas programáticas interagenciales"),
    "partnership_platforms": ("III", "Partnership Platforms", "Plataformas de alianzas"),
}

# The responsible entities, normalised: the seed's OCR, RCO and CR are all "RCO", "RIA FD" is "RIAFD",
# "Group" alone (2.6) is "Results Group", "Thematic interagency groups" and "Interagency" are
# "Interagency groups"; supporting entities ("With RCO support") are listed, external ones
# (the Partnership Accelerator) are not.
RESPONSIBLE_ES: dict[str, str] = {
    "RCO": "OCR",
    "RIAFD": "RIAFD",
    "UNCT": "Equipo País",
    "Results Group": "Grupos de Resultados",
    "Interagency groups": "Grupos interagenciales",
    "Interagency mechanisms": "Mecanismos interagenciales",
    "Thematic TFs": "Equipos de tarea temáticos",
    "Interested agencies": "Agencias interesadas",
    "Agencies involved": "Agencias involucradas",
    "Interested staff": "Personal interesado",
    "UNCG": "Grupo de Comunicación (UNCG)",
    "Global Compact Network": "Red del Pacto Mundial",
    "TF Juventudes": "TF Juventudes",
    "Programmatic Group": "Grupo Programático",
}


def responsible_label(name: str, lang: str = "en") -> str:
    """The label of a normalised responsible entity in a language; an unknown name is returned as it is.

    >>> responsible_label("RCO", "es")
    'OCR'
    >>> responsible_label("Results Group", "en")
    'Results Group'
    """
    return RESPONSIBLE_ES.get(name, name) if lang == "es" else name


def _action(code: str, area: str, en: str, es: str, responsible: tuple[str, ...]) -> Action:
    pillar, area_en, area_es = _ACTION_AREAS[area]
    return Action(code, pillar, area_en, area_es, en, es, responsible)


ACTIONS: tuple[Action, ...] = tuple(_action(*row) for row in [
    ("1.1", "capacity_building",
     "Implement, with the support of the 2030 Agenda Partnership Accelerator, a course-workshop on "
     "partnerships to accelerate the SDGs, with emphasis on the creation and management of "
     "multi-stakeholder and multi-sector partnerships. This will allow the creation of a group of "
     "instructors from the UNS staff, responsible for replicating the knowledge and promoting the "
     "implementation of this strategy.",
     "Implementar, con el apoyo del Acelerador de Alianzas para la Agenda 2030, un curso-taller sobre "
     "alianzas para acelerar los ODS, con énfasis en la creación y gestión de alianzas multiactor y "
     "multisector. Esto permitirá conformar un grupo de instructores entre el personal del SNU, "
     "responsable de replicar el conocimiento y promover la implementación de esta estrategia.",
     ("RCO", "RIAFD")),
    ("1.2", "capacity_building",
     "Socialize with agencies and interagency mechanisms the exogenous opportunities for capacity "
     "building/online courses on partnerships for sustainable development.",
     "Socializar con las agencias y los mecanismos interagenciales las oportunidades externas de "
     "fortalecimiento de capacidades/cursos en línea sobre alianzas para el desarrollo sostenible.",
     ("RCO",)),
    ("1.3", "capacity_building",
     "Create a digital repository to house information, materials, tools and resources on partnerships "
     "for sustainable development that is accessible to agencies and/or interagency mechanisms.",
     "Crear un repositorio digital que albergue información, materiales, herramientas y recursos sobre "
     "alianzas para el desarrollo sostenible, accesible para las agencias y/o los mecanismos "
     "interagenciales.",
     ("RCO", "RIAFD")),
    ("1.4", "capacity_building",
     "Organize virtual interagency sessions to exchange information, best practices and lessons learned "
     "in partnership management.",
     "Organizar sesiones interagenciales virtuales para intercambiar información, buenas prácticas y "
     "lecciones aprendidas en la gestión de alianzas.",
     ("RCO", "RIAFD", "Interested staff")),
    ("1.5", "capacity_building",
     "Document good practices, lessons learned, and recommendations on partnerships for sustainable "
     "development.",
     "Documentar buenas prácticas, lecciones aprendidas y recomendaciones sobre alianzas para el "
     "desarrollo sostenible.",
     ("Interagency mechanisms",)),
    ("1.6", "interagency_coordination",
     "Strengthen RIAFD to improve coherence, coordination, and interagency collaboration on partnerships "
     "and financing for development.",
     "Fortalecer la RIAFD para mejorar la coherencia, la coordinación y la colaboración interagencial en "
     "materia de alianzas y financiamiento para el desarrollo.",
     ("RIAFD",)),
    ("1.7", "interagency_coordination",
     "Conduct systematic stakeholder analysis (stakeholder mapping, influence-interest assessment, risk "
     "analysis) to identify potential partners and/or partnership opportunities that impact the priority "
     "areas of the Cooperation Framework.",
     "Realizar análisis sistemáticos de actores (mapeo de actores, evaluación de influencia-interés, "
     "análisis de riesgos) para identificar socios potenciales y/u oportunidades de alianza que incidan "
     "en las áreas prioritarias del Marco de Cooperación.",
     ("Results Group", "Interagency groups", "Thematic TFs", "Interested agencies")),
    ("1.8", "interagency_coordination",
     "Identify the specific added value/collaborative advantage that the UNS can offer to counterparts, "
     "partners and allies, to accelerate the SDGs, in line with the priority areas of the Cooperation "
     "Framework.",
     "Identificar el valor agregado/la ventaja colaborativa específica que el SNU puede ofrecer a "
     "contrapartes, socios y aliados para acelerar los ODS, en línea con las áreas prioritarias del "
     "Marco de Cooperación.",
     ("Results Group",)),
    ("1.9", "interagency_coordination",
     "Agree on partnership objectives, actions, outcomes and indicators in interagency planning, in line "
     "with the Partnership Strategy.",
     "Acordar objetivos, acciones, resultados e indicadores de alianzas en la planeación interagencial, "
     "en línea con la Estrategia de Alianzas.",
     ("UNCT", "Results Group", "Interagency groups", "Thematic TFs")),
    ("1.10", "effective_communication",
     "Ensure the alignment and complementarity of the Partnership Strategy and the Communication "
     "Strategy to strengthen the communication and public information of the UNS in terms of "
     "partnerships, through innovative and practical communication resources, including storytelling "
     "/success stories, systematization of success stories, and best practices, as well as infographics, "
     "with clear and accessible messages for all people, in addition to the generation of materials and "
     "definition of common messages.",
     "Asegurar la alineación y complementariedad de la Estrategia de Alianzas y la Estrategia de "
     "Comunicación para fortalecer la comunicación y la información pública del SNU en materia de "
     "alianzas, mediante recursos de comunicación innovadores y prácticos, incluidos el "
     "storytelling/historias de éxito, la sistematización de casos de éxito y buenas prácticas, así como "
     "infografías, con mensajes claros y accesibles para todas las personas, además de la elaboración de "
     "materiales y la definición de mensajes comunes.",
     ("UNCG", "RCO", "RIAFD")),
    ("1.11", "country_teams",
     "Conduct a strategic analysis to inform on the feasibility of institutionalizing a formal mechanism "
     "for policy dialogue, technical collaboration, and interagency coordination between the UNCTs of "
     "Mexico and Central America.",
     "Realizar un análisis estratégico para informar sobre la viabilidad de institucionalizar un "
     "mecanismo formal de diálogo político, colaboración técnica y coordinación interagencial entre los "
     "Equipos País de México y Centroamérica.",
     ("RCO", "RIAFD", "Results Group")),
    ("1.12", "country_teams",
     "Promote reflection and the exchange of experiences, lessons learned, and best practices in the "
     "area of partnerships among LAC UNCTs.",
     "Promover la reflexión y el intercambio de experiencias, lecciones aprendidas y buenas prácticas en "
     "materia de alianzas entre los Equipos País de América Latina y el Caribe.",
     ("RCO",)),
    ("2.1", "national_council",
     "Promote joint and regular dialogue of the Country Team with the Executive Secretariat of the "
     "National Council for the 2030 Agenda and the Directorate of the 2030 Agenda for Sustainable "
     "Development. This will allow exploring priorities, issues of mutual interest, opportunities for "
     "joint work, as well as the mobilization of partnerships and resources in a collaborative manner, "
     "to accelerate the SDGs.",
     "Promover el diálogo conjunto y periódico del Equipo País con la Secretaría Ejecutiva del Consejo "
     "Nacional de la Agenda 2030 y la Dirección de la Agenda 2030 para el Desarrollo Sostenible. Esto "
     "permitirá explorar prioridades, temas de interés mutuo y oportunidades de trabajo conjunto, así "
     "como movilizar alianzas y recursos de manera colaborativa, para acelerar los ODS.",
     ("RCO", "UNCT")),
    ("2.2", "federal_public_administration",
     "Conduct strategic analysis of the APF to identify the degree to which the agencies have influence, "
     "impact, incidence, and interest in the priority areas/outcomes of the Cooperation Framework.",
     "Realizar un análisis estratégico de la APF para identificar el grado de influencia, impacto, "
     "incidencia e interés de las dependencias en las áreas prioritarias/efectos del Marco de "
     "Cooperación.",
     ("Results Group", "Interagency groups")),
    ("2.3", "federal_public_administration",
     "Establish a communication channel for high-level policy dialogue between the UNCT and APF units "
     "leading key issues/agendas to implement the SDGs",
     "Establecer un canal de comunicación para el diálogo político de alto nivel entre el Equipo País y "
     "las unidades de la APF que lideran temas/agendas clave para implementar los ODS.",
     ("UNCT", "RCO")),
    ("2.4", "federal_public_administration",
     "Promote interagency-intersectoral dialogue with the APF on priority and strategic issues to ensure "
     "policy coherence, in alignment with the priority areas and direct effects of the Cooperation "
     "Framework.",
     "Promover el diálogo interagencial-intersectorial con la APF sobre temas prioritarios y "
     "estratégicos para asegurar la coherencia de políticas, en alineación con las áreas prioritarias y "
     "los efectos directos del Marco de Cooperación.",
     ("Results Group",)),
    ("2.5", "federal_public_administration",
     "Promote joint partnerships with APF agencies to provide integrated support to accelerate the SDGs "
     "and achieve sustainable and inclusive recovery from COVID-19.",
     "Promover alianzas conjuntas con dependencias de la APF para brindar apoyo integrado que acelere "
     "los ODS y permita una recuperación sostenible e incluyente tras la COVID-19.",
     ("Interested agencies",)),
    ("2.6", "congress",
     "Conduct strategic analysis of the relevant legislative committees of the Senate and the Chamber of "
     "Representatives to identify key stakeholders, priorities, synergies, common interests, and explore "
     "opportunities for partnerships to promote legislative reforms aimed at accelerating the SDGs.",
     "Realizar un análisis estratégico de las comisiones legislativas pertinentes del Senado y de la "
     "Cámara de Diputados para identificar actores clave, prioridades, sinergias e intereses comunes, y "
     "explorar oportunidades de alianza para impulsar reformas legislativas orientadas a acelerar los "
     "ODS.",
     ("Results Group", "Interagency groups")),
    ("2.7", "congress",
     "Analyze synergies with the Legislative Strategy for the 2030 Agenda and evaluate opportunities for "
     "partnership with other stakeholders (GIZ, SDSN) to promote a strategic legislative agenda for the "
     "2021-2024 period, aimed at accelerating the SDGs with priorities, deadlines, and measurable "
     "indicators for their implementation.",
     "Analizar las sinergias con la Estrategia Legislativa para la Agenda 2030 y evaluar oportunidades "
     "de alianza con otros actores (GIZ, SDSN) para impulsar una agenda legislativa estratégica para el "
     "periodo 2021-2024, orientada a acelerar los ODS con prioridades, plazos e indicadores medibles "
     "para su implementación.",
     ("Results Group", "RCO")),
    ("2.8", "local_government",
     "Conduct strategic analysis of state and municipal collegiate mechanisms to identify key "
     "stakeholders, priorities, synergies, common interests, and inform the UNCT of the opportunities "
     "and risks of an articulated approach, joint dialogue, and exploration of partnerships with these "
     "structures.",
     "Realizar un análisis estratégico de los mecanismos colegiados estatales y municipales para "
     "identificar actores clave, prioridades, sinergias e intereses comunes, e informar al Equipo País "
     "sobre las oportunidades y los riesgos de un acercamiento articulado, el diálogo conjunto y la "
     "exploración de alianzas con estas estructuras.",
     ("RCO", "RIAFD", "Results Group")),
    ("2.9", "local_government",
     "Conduct strategic analyses with a territorial perspective (stakeholder mapping, influence, and "
     "interest assessment, and risk analysis) to identify the local governments that offer the greatest "
     "opportunities/present the most favorable conditions to promote partnerships aimed at localizing "
     "the SDGs with the integrated support of the UNS.",
     "Realizar análisis estratégicos con perspectiva territorial (mapeo de actores, evaluación de "
     "influencia e interés, y análisis de riesgos) para identificar a los gobiernos locales que ofrecen "
     "las mayores oportunidades/presentan las condiciones más favorables para impulsar alianzas "
     "orientadas a la localización de los ODS con el apoyo integrado del SNU.",
     ("RCO", "RIAFD", "Results Group")),
    ("2.10", "local_government",
     "Determine potential territories to promote partnerships with state/municipal governments and pilot "
     "joint UNS actions based on their collective added value; for example, in matters such as the "
     "design and implementation of actions in compliance with the 2030 Agenda at the local level, and "
     "technical support in the preparation of Local Voluntary Reports.",
     "Determinar territorios potenciales para impulsar alianzas con gobiernos estatales/municipales y "
     "pilotear acciones conjuntas del SNU con base en su valor agregado colectivo; por ejemplo, en temas "
     "como el diseño e implementación de acciones para el cumplimiento de la Agenda 2030 en el ámbito "
     "local, y el apoyo técnico en la elaboración de Informes Locales Voluntarios.",
     ("RCO", "RIAFD", "Results Group")),
    ("2.11", "local_government",
     "Create opportunities for political-strategic dialogue in the field, between the Country Team and "
     "local governments to increase the impact and dialogue of the UNS at the local level.",
     "Generar espacios de diálogo político-estratégico en terreno entre el Equipo País y los gobiernos "
     "locales para aumentar el impacto y el diálogo del SNU en el ámbito local.",
     ("UNCT", "RCO")),
    ("2.12", "local_government",
     "Create technical spaces to present the Cooperation Framework to local governments that show "
     "interest in the work and accompaniment of the UNS to local needs and priorities.",
     "Crear espacios técnicos para presentar el Marco de Cooperación a los gobiernos locales que "
     "muestren interés en el trabajo y el acompañamiento del SNU a las necesidades y prioridades "
     "locales.",
     ("Results Group",)),
    ("2.13", "private_sector",
     "Conduct private sector analysis (stakeholder mapping, influence and interest assessment, and risk "
     "analysis) to identify the critical group of companies, foundations and business organizations with "
     "which the UNS should manage outreach and explore opportunities for joint work.",
     "Realizar un análisis del sector privado (mapeo de actores, evaluación de influencia e interés, y "
     "análisis de riesgos) para identificar el grupo crítico de empresas, fundaciones y organizaciones "
     "empresariales con las que el SNU debería gestionar un acercamiento y explorar oportunidades de "
     "trabajo conjunto.",
     ("RCO",)),
    ("2.14", "private_sector",
     "Establish a formal liaison mechanism between the UNS and the private sector to serve as a platform "
     "for dialogue, consultation, exchange of information and development of synergies on relevant, "
     "priority issues of common interest, with emphasis on the acceleration and financing of the SDGs",
     "Establecer un mecanismo formal de vinculación entre el SNU y el sector privado que sirva como "
     "plataforma de diálogo, consulta, intercambio de información y desarrollo de sinergias sobre temas "
     "relevantes, prioritarios y de interés común, con énfasis en la aceleración y el financiamiento de "
     "los ODS.",
     ("Results Group", "Global Compact Network", "RCO")),
    ("2.15", "private_sector",
     "Promote the technical dialogue of the Results Groups with the Global Compact Network to identify "
     "synergies between the Cooperation Framework and the Global Compact Strategy 2021-2023, and promote "
     "a collaboration agenda with strategic issues for joint action.",
     "Promover el diálogo técnico de los Grupos de Resultados con la Red del Pacto Mundial para "
     "identificar sinergias entre el Marco de Cooperación y la Estrategia del Pacto Mundial 2021-2023, e "
     "impulsar una agenda de colaboración con temas estratégicos para la acción conjunta.",
     ("Results Group", "Global Compact Network", "RCO")),
    ("2.16", "academia",
     "Promote joint actions with ANUIES to mobilize knowledge, stimulate research, and enhance the "
     "participation of the academic and scientific community in strategic areas of the Cooperation "
     "Framework and in key issues to accelerate the SDGs.",
     "Promover acciones conjuntas con la ANUIES para movilizar conocimiento, estimular la investigación "
     "y potenciar la participación de la comunidad académica y científica en áreas estratégicas del "
     "Marco de Cooperación y en temas clave para acelerar los ODS.",
     ("RCO", "Results Group")),
    ("2.17", "academia",
     "Promote dialogue, liaison, and closer coordination with professional and student associations. "
     "This will allow the identification of synergies in priority issues for joint action, as well as "
     "the creation of knowledge and debate on certain topics.",
     "Promover el diálogo, la vinculación y una coordinación más estrecha con asociaciones profesionales "
     "y estudiantiles. Esto permitirá identificar sinergias en temas prioritarios para la acción "
     "conjunta, así como generar conocimiento y debate sobre determinados temas.",
     ("RCO", "Results Group")),
    ("2.18", "academia",
     "Promote the liaison and coordination of the UNS with SDSN Mexico to identify synergies in priority "
     "issues for joint action.",
     "Promover la vinculación y coordinación del SNU con la SDSN México para identificar sinergias en "
     "temas prioritarios para la acción conjunta.",
     ("RCO", "Results Group", "Interagency groups")),
    ("2.19", "civil_society",
     "Conduct an internal value, benefit, and risk analysis to inform the feasibility of establishing a "
     "UNS Civil Society Advisory Group as a platform for structured dialogue, consultation, and "
     "information sharing on the issues prioritized in the Cooperation Framework. This will allow for "
     "the development of collaborative actions for the positioning of issues, joint advocacy strategies, "
     "the creation of information, education, and communication materials, legislative advocacy, etc.",
     "Realizar un análisis interno de valor, beneficio y riesgo para informar sobre la viabilidad de "
     "establecer un Grupo Asesor de la Sociedad Civil del SNU como plataforma de diálogo estructurado, "
     "consulta e intercambio de información sobre los temas priorizados en el Marco de Cooperación. Esto "
     "permitirá desarrollar acciones colaborativas para el posicionamiento de temas, estrategias "
     "conjuntas de incidencia, la elaboración de materiales de información, educación y comunicación, "
     "incidencia legislativa, etc.",
     ("Results Group",)),
    ("2.20", "civil_society",
     "Manage the SDSN Youth Mexico joint dialogue to identify and explore synergies and opportunities "
     "for joint actions to invite and involve youth in the knowledge, implementation, and follow-up of "
     "the Cooperation Framework.",
     "Gestionar el diálogo conjunto con SDSN Juventud México para identificar y explorar sinergias y "
     "oportunidades de acciones conjuntas que permitan invitar e involucrar a las juventudes en el "
     "conocimiento, la implementación y el seguimiento del Marco de Cooperación.",
     ("TF Juventudes", "RCO")),
    ("2.21", "financial_sector",
     "Manage the rapprochement of the UNS with the CESF Sustainable Finance Committee to foster "
     "dialogue, discussion, and joint analysis on the major challenges, opportunities, and work of the "
     "UNS on sustainable finance to accelerate the SDGs in Mexico.",
     "Gestionar el acercamiento del SNU con el Comité de Finanzas Sostenibles del CESF para fomentar el "
     "diálogo, la discusión y el análisis conjunto sobre los grandes retos, las oportunidades y el "
     "trabajo del SNU en materia de finanzas sostenibles para acelerar los ODS en México.",
     ("RCO", "RIAFD", "Results Group")),
    ("2.22", "financial_sector",
     "Conduct a strategic analysis of public, private, and international financial institutions "
     "(stakeholder mapping, influence, and interest assessment, and risk analysis) to identify the "
     "critical group of stakeholders that share interests with the Cooperation Framework, and inform the "
     "UNS with whom it could approach and explore opportunities for joint work.",
     "Realizar un análisis estratégico de las instituciones financieras públicas, privadas e "
     "internacionales (mapeo de actores, evaluación de influencia e interés, y análisis de riesgos) para "
     "identificar el grupo crítico de actores que comparten intereses con el Marco de Cooperación, e "
     "informar al SNU a cuáles podría acercarse para explorar oportunidades de trabajo conjunto.",
     ("RCO", "RIAFD")),
    ("2.23", "financial_sector",
     "Promote meetings between the UNS and private banks/foundations and banking organizations to "
     "explore partnership opportunities and resource mobilization, in line with the joint programmatic "
     "portfolio.",
     "Promover reuniones entre el SNU y bancos/fundaciones privados y organizaciones bancarias para "
     "explorar oportunidades de alianza y de movilización de recursos, en línea con el portafolio "
     "programático conjunto.",
     ("Results Group", "Interested agencies")),
    ("2.24", "financial_sector",
     "Strengthen the liaison/Promote outreach with international and regional financial institutions "
     "with work and priorities in Mexico on issues related to the Cooperation Framework and financing to "
     "accelerate the SDGs.",
     "Fortalecer la vinculación/Promover el acercamiento con instituciones financieras internacionales y "
     "regionales con trabajo y prioridades en México en temas relacionados con el Marco de Cooperación y "
     "el financiamiento para acelerar los ODS.",
     ("Programmatic Group", "Results Group")),
    ("2.25", "donors",
     "Conduct an analysis of international cooperation in Mexico to identify donors (traditional and "
     "non-traditional) and cooperating partners with country strategies/programs aligned with the 2030 "
     "Agenda and/or that share interests and priorities with the Cooperation Framework.",
     "Realizar un análisis de la cooperación internacional en México para identificar donantes "
     "(tradicionales y no tradicionales) y socios cooperantes con estrategias/programas de país "
     "alineados con la Agenda 2030 y/o que compartan intereses y prioridades con el Marco de "
     "Cooperación.",
     ("RCO", "RIAFD")),
    ("2.26", "donors",
     "Promote joint meetings of the UNS and donors /cooperators to offer opportunities for partnerships "
     "and resource mobilization on specific issues, in line with the joint programmatic portfolio.",
     "Promover reuniones conjuntas del SNU con donantes/cooperantes para ofrecer oportunidades de "
     "alianza y de movilización de recursos en temas específicos, en línea con el portafolio "
     "programático conjunto.",
     ("Results Group", "Interested agencies")),
    ("2.27", "donors",
     "Conduct a value, implications, and risk analysis to inform the feasibility of promoting the "
     "creation of a space/mechanism for dialogue, reflection, and information exchange between donors "
     "and cooperants in Mexico to accelerate the SDGs. This mechanism would aim to increase the "
     "coordination, coherence, and impact of international cooperation to accelerate the SDGs in Mexico, "
     "in light of the principles of aid effectiveness and in accordance with the Decade of Action.",
     "Realizar un análisis de valor, implicaciones y riesgos para informar sobre la viabilidad de "
     "impulsar la creación de un espacio/mecanismo de diálogo, reflexión e intercambio de información "
     "entre donantes y cooperantes en México para acelerar los ODS. Este mecanismo tendría como objetivo "
     "aumentar la coordinación, la coherencia y el impacto de la cooperación internacional para acelerar "
     "los ODS en México, a la luz de los principios de la eficacia de la ayuda y de conformidad con la "
     "Década de Acción.",
     ("RCO", "Results Group")),
    ("3.1", "inclusive_dialogue",
     "Identify relevant topics prioritized in the Cooperation Framework that require dialogue and "
     "exchange among multiple stakeholders and sectors.",
     "Identificar temas relevantes priorizados en el Marco de Cooperación que requieran diálogo e "
     "intercambio entre múltiples actores y sectores.",
     ("Results Group", "Interagency groups")),
    ("3.2", "inclusive_dialogue",
     "Promote multi-stakeholder and multi-sector dialogue roundtables on selected topics.",
     "Promover mesas de diálogo multiactor y multisector sobre los temas seleccionados.",
     ("Results Group", "Interagency groups")),
    ("3.3", "inclusive_dialogue",
     "Strengthen the capacities and competencies of sustainable development stakeholders and sectors in "
     "terms of multi-stakeholder and multi-sector partnerships.",
     "Fortalecer las capacidades y competencias de los actores y sectores del desarrollo sostenible en "
     "materia de alianzas multiactor y multisector.",
     ("RCO", "Results Group")),
    ("3.4", "inclusive_dialogue",
     "Promote spaces for the exchange of experiences and success stories of multi-stakeholder and "
     "multi-sector partnerships to accelerate the SDGs at the local level.",
     "Promover espacios de intercambio de experiencias y casos de éxito de alianzas multiactor y "
     "multisector para acelerar los ODS en el ámbito local.",
     ("RCO", "Results Group")),
    ("3.5", "programmatic_partnerships",
     "Review the quality of existing programmatic interagency partnerships according to the analytical "
     "framework developed by UNDESA and UNDP to measure stakeholder engagement, identify good practices "
     "and lessons learned, inform adaptive management, and/or issue recommendations.",
     "Revisar la calidad de las alianzas programáticas interagenciales existentes conforme al marco "
     "analítico desarrollado por UNDESA y el PNUD para medir la participación de los actores, "
     "identificar buenas prácticas y lecciones aprendidas, informar la gestión adaptativa y/o emitir "
     "recomendaciones.",
     ("Agencies involved",)),
    ("3.6", "programmatic_partnerships",
     "Identify systemic issues/innovative topics requiring synergy/complementarity among agencies, and "
     "determine the added value/collaborative advantage the UNS would offer to counterparts, partners, "
     "and allies.",
     "Identificar temas sistémicos/innovadores que requieran sinergia/complementariedad entre agencias, "
     "y determinar el valor agregado/la ventaja colaborativa que el SNU ofrecería a contrapartes, socios "
     "y aliados.",
     ("Results Group", "Interagency groups", "Thematic TFs")),
    ("3.7", "programmatic_partnerships",
     "Strengthen interagency coordination to design comprehensive projects with a focus on collective "
     "results, based on the identification of priorities and joint negotiation with counterparts and "
     "donors, and oriented toward policy coherence for sustainable development.",
     "Fortalecer la coordinación interagencial para diseñar proyectos integrales con enfoque en "
     "resultados colectivos, con base en la identificación de prioridades y la negociación conjunta con "
     "contrapartes y donantes, y orientados a la coherencia de políticas para el desarrollo sostenible.",
     ("RCO", "Interested agencies")),
    ("3.8", "programmatic_partnerships",
     "Develop a joint portfolio/program portfolio based on the interagency proposals that did not "
     "benefit to direct resource mobilization and support existing efforts as part of an overall "
     "programmatic approach.",
     "Desarrollar un portafolio conjunto/portafolio programático a partir de las propuestas "
     "interagenciales que no se beneficiaron de la movilización directa de recursos, y apoyar los "
     "esfuerzos existentes como parte de un enfoque programático general.",
     ("RCO", "Agencies involved")),
    ("3.9", "partnership_platforms",
     "Support the implementation and follow up on the results and agreements stemming from the Mexico "
     "Partnership Forum with 2030 Partnership Accelerator de UNDESA",
     "Apoyar la implementación y el seguimiento de los resultados y acuerdos derivados del Foro de "
     "Alianzas de México con el Acelerador de Alianzas para la Agenda 2030 de UNDESA.",
     ("RCO", "Results Group", "RIAFD")),
    ("3.10", "partnership_platforms",
     "Contribute to the SDG 2030 Local Action Platform, an initiative promoted by the Tec de Monterrey, "
     "with the support of GIZ and the accompaniment of UN Mexico",
     "Contribuir a la Plataforma de Acción Local ODS 2030 (SDG 2030 Local Action Platform), iniciativa "
     "impulsada por el Tec de Monterrey, con el apoyo de la GIZ y el acompañamiento de ONU México.",
     ("RCO", "Interested agencies")),
])

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
