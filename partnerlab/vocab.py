"""Every vocabulary of the workbook contract and the Appendix texts, in one place, in English.

The template, the loader and the reports are all built from this module: a key added here
appears in the template's dropdowns, is accepted by the loader and is labelled in the reports.
The English text of a label, a question or an Appendix text is its msgid in the message catalogs
(partnerlab/locale/<lang>/LC_MESSAGES/vocab.po holds the Spanish and Portuguese): a label in
another language comes from `partnerlab.i18n`, never from this module.

Turning what an analyst typed into a key, one way everywhere:

- `Vocabulary.key_of(value)` (or `to_key("sector", value)`) accepts a key, an alias or a label in
  any language partnerlab speaks, in any case or accent, and returns the key. Anything else raises
  `UnknownTerm` (a ValueError) naming the vocabulary, the value and the closest spelling
  ("did you mean"). Report parameters, the loader's messages and the CLI use it.
- `Vocabulary.lookup(value)` is the same without the error: the key, or None.

>>> SECTORS.key_of("Sociedad civil"), SECTORS.key_of("sociedade civil"), STATES.key_of("cdmx")
('civil_society', 'civil_society', 'ciudad_de_mexico')
>>> SECTORS.label("civil_society", "es")
'Sociedad civil'
>>> to_key("sector", "Civil sociaty")
Traceback (most recent call last):
...
partnerlab.vocab.UnknownTerm: 'Civil sociaty' is not in the sector vocabulary: did you mean 'Civil society' (civil_society)? Expected one of the sector vocabulary (federal_government, legislature, local_government, private_sector, financial_sector, academia, civil_society, international_cooperation, un_system, media, other)
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from partnerlab import i18n
from partnerlab.i18n import N_, NC_

__all__ = [
    "Term",
    "Vocabulary",
    "UnknownTerm",
    "normalize",
    "label",
    "to_key",
    "SECTORS",
    "SCOPES",
    "ROLES",
    "TIE_KINDS",
    "PARTNERSHIP_TYPES",
    "TYPOLOGY",
    "INSTRUMENTS",
    "PARTNERSHIP_STATUSES",
    "ACTION_STATUSES",
    "YES_NO",
    "DUE_DILIGENCE_QUESTIONS",
    "VALUE_CRITERIA",
    "VALUE_RATINGS",
    "DECISIONS",
    "PRINCIPLES",
    "QUALITY_DIMENSIONS",
    "PERSPECTIVES",
    "THEMES",
    "QUESTION_TYPES",
    "STATES",
    "PILLARS",
    "ACTIONS",
    "RESPONSIBLE",
    "responsible_label",
    "QUADRANTS",
    "QUADRANTS_SHORT",
    "VOCABULARIES",
]


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})


def normalize(text: object) -> str:
    """Fold a label for matching: no accents, no case, no spaces, hyphens or underscores; curly quotes straight.

    >>> normalize("Interés_Público ")
    'interespublico'
    """
    s = unicodedata.normalize("NFKD", str(text)).replace("\u00a0", " ").translate(_QUOTES)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[\s\-_]+", "", s)


def _translate(msgid: str, lang: str, context: str = "") -> str:
    """msgid (English) in a language, from the catalogs; English for "en" or a blank msgid."""
    if not msgid or lang == "en":
        return msgid
    if lang not in i18n.LANGUAGES and lang != i18n.PSEUDO:
        lang = i18n.resolve_lang(lang)
    return i18n.pgettext(context, msgid, lang) if context else i18n.gettext(msgid, lang)


@dataclass(frozen=True)
class Term:
    """One vocabulary entry: a stable key, its English label (the msgid) and extra accepted spellings.

    `label(lang)` translates through the catalogs; `context` is the msgctxt of a label whose
    translation differs from the same English word elsewhere ("State" is "Estatal" as a scope,
    "Estado" as a column). Every language's label comes from the catalogs alone.
    """

    key: str
    en: str
    aliases: tuple[str, ...] = ()
    description_en: str = ""
    context: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.aliases, tuple):  # Term(key, en, es) was the two-language form
            raise TypeError(f"Term {self.key!r}: aliases are a tuple; labels in other languages come from the catalogs")

    def label(self, lang: str = "en") -> str:
        return _translate(self.en, lang, self.context)

    def description(self, lang: str = "en") -> str:
        return _translate(self.description_en, lang)

    @property
    def es(self) -> str:
        """The Spanish label (kept for callers that read .es)."""
        return self.label("es")

    @property
    def description_es(self) -> str:
        return self.description("es")


class UnknownTerm(ValueError):
    """A value that is no key, alias or label of a vocabulary; the message says what was meant."""

    def __init__(self, vocabulary: Vocabulary, value: object) -> None:
        self.vocabulary, self.value = vocabulary.name, value
        hint = vocabulary.suggest(value)
        closest = f": did you mean {hint!r} ({vocabulary.key_of(hint)})?" if hint else ":"
        super().__init__(
            f"{str(value)!r} is not in the {vocabulary.name} vocabulary{closest} Expected {vocabulary.expected()}"
        )


@dataclass(frozen=True)
class Vocabulary:
    """An ordered set of terms that accepts a key, an alias or a label in any language partnerlab
    speaks, in any case or accent.

    The index of spellings is built on first use from the terms and the catalogs: keys, English
    labels, aliases, then the labels of every other language (a translation never takes a spelling
    another term already claims).
    """

    name: str
    terms: tuple[Term, ...]
    _index: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

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

    def spellings(self) -> dict[str, str]:
        """Every accepted spelling, normalized, with its key."""
        if not self._index:
            index: dict[str, str] = {}
            for term in self.terms:
                for spelling in (term.key, term.en, *term.aliases):
                    if spelling:
                        index.setdefault(normalize(spelling), term.key)
            for lang in i18n.LANGUAGES:
                for term in self.terms:
                    index.setdefault(normalize(self.label(term.key, lang)), term.key)
            self._index.update(index)
        return self._index

    def lookup(self, value: object) -> str | None:
        """The key for a key, label or alias; None when nothing matches."""
        return self.spellings().get(normalize(value))

    def key_of(self, value: object) -> str:
        """The key for a key, label (any language) or alias; raises UnknownTerm naming the
        vocabulary and the closest spelling when nothing matches.

        >>> PARTNERSHIP_STATUSES.key_of("En revisión"), PARTNERSHIP_STATUSES.key_of("Em análise")
        ('under_review', 'under_review')
        """
        key = self.lookup(value)
        if key is None:
            raise UnknownTerm(self, value)
        return key

    def label(self, key: str, lang: str = "en") -> str:
        """The label of a key in a language; an unknown key is returned as it is."""
        for t in self.terms:
            if t.key == key:
                return t.label(lang)
        return key

    def labels(self, lang: str = "en") -> list[str]:
        return [t.label(lang) for t in self.terms]

    def suggest(self, value: object) -> str | None:
        """The English label of the term closest to a misspelt value, for a "did you mean" hint."""
        spellings = self.spellings()
        close = difflib.get_close_matches(normalize(value), list(spellings), n=1, cutoff=0.75)
        return self.term(spellings[close[0]]).en if close else None

    def expected(self, lang: str = "en", limit: int = 12) -> str:
        """A short 'one of ...' phrase for error messages."""
        names = [t.key for t in self.terms]
        shown = ", ".join(names[:limit]) + (", ..." if len(names) > limit else "")
        return f"one of the {self.name} vocabulary ({shown})"


def _vocab(name: str, rows: list[tuple], context: str = "") -> Vocabulary:
    """A vocabulary from rows (key, English label[, aliases[, description]])."""

    def term(key: str, en: str, aliases: tuple[str, ...] = (), description: str = "") -> Term:
        return Term(key, en, aliases=tuple(aliases), description_en=description, context=context)

    return Vocabulary(name, tuple(term(*row) for row in rows))


# ---------------------------------------------------------------------------------------
# Stakeholders (Appendix 3)
# ---------------------------------------------------------------------------------------

SECTORS = _vocab(
    "sector",
    [
        ("federal_government", N_("Federal government"), ("government", "gobierno", "federal", "public sector")),
        ("legislature", N_("Legislature"), ("congress", "congreso", "legislativo")),
        (
            "local_government",
            N_("State and municipal government"),
            (
                "local",
                "state government",
                "municipal government",
                "gobierno local",
                "gobierno estatal",
                "gobierno municipal",
            ),
        ),
        ("private_sector", N_("Private sector"), ("private", "privado", "business", "empresa")),
        ("financial_sector", N_("Financial sector"), ("financial", "financiero", "finance")),
        ("academia", N_("Academia"), ("academic", "academy", "university", "universidad", "académico")),
        ("civil_society", N_("Civil society"), ("cso", "osc", "ngo", "ong")),
        (
            "international_cooperation",
            N_("Donors and international cooperation"),
            (
                "donors",
                "donantes",
                "international cooperation",
                "cooperación internacional",
                "international",
                "internacional",
            ),
        ),
        ("un_system", N_("UN system"), ("un", "onu", "united nations", "naciones unidas", "sistema onu")),
        ("media", N_("Media"), ("medios de comunicación",)),
        ("other", N_("Other"), ("otros", "others")),
    ],
)

# "State" as a scope is an adjective in Spanish and Portuguese (Estatal, Estadual).
SCOPES = _vocab(
    "scope",
    [
        ("international", NC_("scope", "International"), ("global",)),
        ("regional", NC_("scope", "Regional")),
        ("national", NC_("scope", "National"), ("federal",)),
        ("state", NC_("scope", "State"), ("estado", "subnational", "subnacional")),
        ("municipal", NC_("scope", "Municipal"), ("local", "municipio")),
    ],
    context="scope",
)

ROLES = _vocab(
    "role",
    [
        ("counterpart", N_("Counterpart")),
        ("implementing_partner", N_("Implementing partner"), ("implementer", "implementador")),
        ("donor", N_("Donor")),
        ("beneficiary", N_("Beneficiary"), ("beneficiaries", "beneficiarios")),
        ("advocacy_partner", N_("Advocacy partner"), ("advocacy", "incidencia")),
        ("knowledge_partner", N_("Knowledge partner"), ("knowledge", "evidence production partner", "conocimiento")),
        ("champion", N_("Champion"), ("activist", "activista")),
        ("contractor", N_("Contractor"), ("consultant", "consultor")),
    ],
)

# Appendix 3, step 2: the influence-interest (power-interest) grid.
QUADRANTS = _vocab(
    "quadrant",
    [
        ("critical", N_("Critical group: manage closely and explore joint work"), ("manage closely",)),
        ("awareness", N_("High influence, low interest: awareness and advocacy"), ("keep satisfied",)),
        ("capacity", N_("High interest, low influence: capacity building"), ("keep informed",)),
        ("monitor", N_("Low influence, low interest: monitor"), ("monitor",)),
    ],
)
# The grid's quadrants by their short names, for tables and legends.
QUADRANTS_SHORT = _vocab(
    "quadrant (short)",
    [
        ("critical", N_("Critical group")),
        ("awareness", N_("High influence, low interest")),
        ("capacity", N_("High interest, low influence")),
        ("monitor", N_("Low influence, low interest")),
    ],
)

# ---------------------------------------------------------------------------------------
# Ties and partnerships (sections 1.2 and 1.5, Table 1)
# ---------------------------------------------------------------------------------------

TIE_KINDS = _vocab(
    "tie kind",
    [
        ("partnership", N_("Partnership")),
        ("funding", N_("Funding"), ("financing", "financiación")),
        ("coordination", N_("Coordination")),
        ("dialogue", N_("Dialogue")),
        ("knowledge", N_("Knowledge")),
        ("other", N_("Other")),
    ],
)

PARTNERSHIP_TYPES = _vocab(
    "partnership type",
    [
        ("framework", N_("Framework")),
        ("implementation", N_("Implementation")),
        ("advocacy", N_("Advocacy")),
        ("knowledge", N_("Knowledge")),
        ("liaison", N_("Liaison"), ("vinculación",)),
        ("convening", N_("Convening"), ("convocación",)),
    ],
)

TYPOLOGY = _vocab(
    "typology",
    [
        ("leverage_exchange", N_("Leverage/Exchange"), ("leverage", "exchange", "apalancar", "intercambiar")),
        ("combine_integrate", N_("Combine/Integrate"), ("combine", "integrate", "combinar", "integrar")),
        ("transform", N_("Transform")),
    ],
)

INSTRUMENTS = _vocab(
    "instrument",
    [
        ("framework_agreement", N_("Framework agreement")),
        ("mou", N_("Memorandum of understanding"), ("memorandum",)),
        ("collaboration_agreement", N_("Collaboration agreement")),
        ("letter_of_commitment", N_("Letter of commitment")),
        ("cofinancing_agreement", N_("Co-financing agreement")),
        ("project_document", N_("Project document"), ("prodoc",)),
        ("terms_of_reference", N_("Terms of reference"), ("tor", "tdr")),
        ("regular_meetings", N_("Regular meetings")),
        ("dialogue_table", N_("Dialogue table")),
        ("workshop", N_("Workshop")),
        ("inquiry", N_("Inquiry")),
        ("ad_hoc_meeting", N_("Ad hoc meeting")),
    ],
)

PARTNERSHIP_STATUSES = _vocab(
    "partnership status",
    [
        ("exploring", N_("Exploring"), ("explorando",)),
        ("negotiating", N_("Negotiating"), ("negociando",)),
        ("active", N_("Active"), ("activo",)),
        ("under_review", N_("Under review"), ("review", "revisión")),
        ("closed", N_("Closed"), ("cerrado",)),
    ],
)

ACTION_STATUSES = _vocab(
    "action status",
    [
        ("not_started", N_("Not started"), ("sin iniciar", "pending", "pendiente")),
        ("in_progress", N_("In progress"), ("en proceso", "ongoing")),
        ("done", N_("Done"), ("completed", "complete", "finished", "terminada", "completada", "concluido")),
        ("dropped", N_("Dropped"), ("cancelled", "canceled", "cancelada")),
    ],
)

YES_NO = _vocab(
    "yes/no",
    [
        ("yes", N_("Yes"), ("si", "y", "s", "true", "verdadero", "1", "x")),
        ("no", N_("No"), ("n", "false", "falso", "0")),
    ],
)

# ---------------------------------------------------------------------------------------
# Appendix 4: due diligence. q01-q04 are information checks (a No is a caution);
# q05-q19 are red flags (a Yes excludes). English text as in the seed, URLs included.
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """A due-diligence question of Appendix 4."""

    code: str
    en: str
    is_red_flag: bool

    def label(self, lang: str = "en") -> str:
        return _translate(self.en, lang)

    @property
    def es(self) -> str:
        return self.label("es")


# Questions 1-19, in the seed's order.
_QUESTION_TEXTS: tuple[str, ...] = (
    N_(
        "Is it legally registered? e.g., In case of a CSO, you can search the Commission for the "
        "Promotion of CSO Activities and check the Federal Registry of CSOs "
        "http://www.sii.gob.mx/portal/"
    ),
    N_(
        "Is the organization, institution, or company currently involved or has it been involved in any "
        "partnership or been a supplier to the UN or any UN entity in the last ten years?"
    ),
    N_(
        "Does it have any Corporate Social Responsibility report or activity report in the last five "
        "years? (e. g., Principles ISO14001, SA8000, AA1000, OHSAS 18001 or GRI)"
    ),
    N_(
        "Does the organization participate in UN initiatives such as the Global Compact, the "
        "Sustainable Development Solutions Network (SDSN) or My World?"
    ),
    N_("Does it commit human rights violations? http://www.ohchr.org/EN/Issues/Pages/ListOfIssues.aspx"),
    N_("Does it tolerate forced labor or child labor practices?"),
    N_(
        "Has it been involved in the manufacture, sale or distribution of weapons, anti-personne mines, "
        "bombs and other related products?"
    ),
    N_("Does it promote discriminatory policies towards gender, people with disabilities, or minorities?"),
    N_("Has it been accused of sexual abuse, exploitation, discrimination, or harassment?"),
    N_("Does it manufacture, sell, or distribute tobacco or tobacco and alcohol products?"),
    N_("Does it manufacture, sell, or distribute pornography?"),
    N_("Does it market or manufacture breast milk substitutes contrary to WHO?"),
    N_(
        "Is it engaged in the manufacture, sale, distribution, or use of products or activities that "
        "violate national and international environmental standards?"
    ),
    N_(
        "Has it engaged in acts of privacy and data protection violations, including unauthorized data "
        "collection, processing and any other use? UN Principles on Personal Data Protection and "
        "Privacy https://www.unsceb.org/privacyprinciples"
    ),
    N_("Has it been involved in an accusation or bribery?"),
    N_("Has it been sanctioned by a national government in the last ten years?"),
    N_("Does it have any pending proceedings or investigations for any ethical issues?"),
    N_("Was it subject to any United Nations sanctions? http://www.un.org/sc/committees/"),
    N_(
        "Has it been the subject of significant criticism from a civil society organization, government "
        "or media or other entity that negatively affects its image?"
    ),
)

DUE_DILIGENCE_QUESTIONS: tuple[Question, ...] = tuple(
    Question(f"q{i:02d}", en, is_red_flag=i >= 5) for i, en in enumerate(_QUESTION_TEXTS, start=1)
)

# ---------------------------------------------------------------------------------------
# Appendix 5: value, risks and implications of a potential partnership.
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Criterion:
    """A value/risk criterion of Appendix 5 with its considerations."""

    code: str
    en: str
    considerations_en: tuple[str, ...] = ()

    def label(self, lang: str = "en") -> str:
        return _translate(self.en, lang)

    def considerations(self, lang: str = "en") -> tuple[str, ...]:
        return tuple(_translate(c, lang) for c in self.considerations_en)

    @property
    def es(self) -> str:
        return self.label("es")

    @property
    def considerations_es(self) -> tuple[str, ...]:
        return self.considerations("es")


# Consideration 7 of the seed, "Organizational capacity/involvement", serves criteria 7a and 7b.
_CAPACITY = (
    N_("Sources of funding for implementation"),
    N_("Involvement of senior leadership/staff, as well as relevant staff"),
    N_("Sufficient resources from the parties that can be committed"),
    N_("Sufficient internal skills and competencies from the parties to deliver results"),
)

VALUE_CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "c1",
        N_("Partners are acceptable (including due diligence)"),
        (
            N_("Interests and priorities aligned with our own"),
            N_("Satisfactory due diligence assessment"),
            N_("Values compatible with the type of partnership to be established"),
            N_("Previous experience in other partnerships"),
        ),
    ),
    Criterion(
        "c2",
        N_("The partnership is aligned with the organization's mandate and is strategic"),
        # The seed gives these bullets in Spanish only (under "Partnership compatibility").
        (
            N_("With the objectives and purposes of the UN"),
            N_("With the mandate of the agencies"),
            N_("With the priority areas of the Cooperation Framework"),
            N_("With the strategies of all partners"),
            N_("With other partnerships"),
        ),
    ),
    Criterion(
        "c3",
        N_("The partnership provides significant value/impact"),
        (
            N_(
                "Potential mission value: Contributes to/Has a significant impact on the purpose/objective "
                "of the partnership"
            ),
            N_("Increased ability to deliver results"),
            N_("Increases technical expertise and knowledge"),
            N_("Additional resources/funds"),
            N_("Creativity, innovation and sustainability"),
            N_("Positioning, visibility, positive reputational impact"),
            N_("Increased political and social capital"),
            N_("Greater influence on key issues"),
            N_("Access to other networks/interest groups"),
            N_('The organization is seen as a "strategic partner"'),
        ),
    ),
    Criterion(
        "c4",
        N_("The transaction cost is acceptable in relation to the value obtained"),
        (N_("Analysis of transaction, implementation, and overhead costs"),),
    ),
    Criterion(
        "c5",
        N_("The implications of the partnership are acceptable"),
        (
            N_("What precedent does the partnership set?"),
            N_("Is there an exit strategy for the established commitments and obligations?"),
            N_("Does it have an impact on other UNS relationships and partnerships?"),
            N_("Does it affect the reputation of the UNS?"),
            N_("What are the accountability implications?"),
        ),
    ),
    Criterion(
        "c6",
        N_("The risks of the partnership are sufficiently low or well mitigated"),
        (
            N_("Loss of programmatic focus/coherence"),
            N_("Redundancy of efforts"),
            N_("Excessive investment of time"),
            N_("High financial implications (lack of financial capacity/high transaction costs)"),
            N_("Lack of capacity/coordination of potential partners to implement/deliver results"),
            N_("Compromises neutrality, impartiality, or independence"),
            N_("Loss of autonomy in key aspects"),
            N_("Implicit political risks with an impact on other relationships, especially with the government"),
            N_("Uncertainty/Volatile situations that may impact the context"),
            N_("Implicit social and environmental risks"),
            N_("Sudden change in partner commitment and involvement"),
        ),
    ),
    Criterion(
        "c7a",
        N_("Sufficient financial resources are available for implementation"),
        _CAPACITY,
    ),
    Criterion(
        "c7b",
        N_("Sufficient internal resources and capabilities are available for implementation"),
        _CAPACITY,
    ),
    Criterion(
        "c8",
        N_(
            "Sufficient buy-in and commitment from relevant personnel, areas/divisions involved, "
            "national/regional/global offices, etc."
        ),
        # The seed has no list for criterion 8: the involvement bullet of "Organizational capacity" fits it.
        _CAPACITY[1:2],
    ),
    Criterion(
        "c9",
        N_("Success is clearly measurable for the organization"),
        (N_("Clear measures of success from the organization's perspective"),),
    ),
)

VALUE_RATINGS = _vocab(
    "value rating",
    [
        ("acceptable", N_("Acceptable")),
        (
            "adjustments",
            N_("May be acceptable with adjustments"),
            ("with adjustments", "con ajustes", "acceptable with adjustments"),
        ),
        ("not_acceptable", N_("Not acceptable")),
        (
            "insufficient_information",
            N_("Insufficient information"),
            ("insufficient", "insuficiente", "more information needed"),
        ),
    ],
)

DECISIONS = _vocab(
    "decision",
    [
        ("decline", N_("Decline"), ("rechazar", "no proceder")),
        ("continue_analysis", N_("Continue analysis"), ("continuar análisis", "continue", "continuar")),
        ("proceed", N_("Proceed"), ("avanzar",)),
    ],
)

# ---------------------------------------------------------------------------------------
# Appendix 6: partnership quality (UNDESA and UNDP framework).
# ---------------------------------------------------------------------------------------

PRINCIPLES = _vocab(
    "principle",
    [
        ("inclusion", N_("Inclusion")),
        ("participation", N_("Participation")),
        ("accountability", N_("Accountability")),
    ],
)


@dataclass(frozen=True)
class Dimension:
    """A quality dimension of Appendix 6, its principle and the criteria to reach level 3."""

    key: str
    en: str
    principle: str
    criteria_en: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    def label(self, lang: str = "en") -> str:
        return _translate(self.en, lang)

    def criteria(self, lang: str = "en") -> tuple[str, ...]:
        return tuple(_translate(c, lang) for c in self.criteria_en)

    @property
    def es(self) -> str:
        return self.label("es")

    @property
    def criteria_es(self) -> tuple[str, ...]:
        return self.criteria("es")


QUALITY_DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "non_discrimination",
        N_("Non-discrimination"),
        "inclusion",
        (
            N_(
                "Identifies various trailing sectors and stakeholders, based on periodic disaggregated "
                "data and documentation of stakeholders."
            ),
            N_("Includes stakeholders who have chosen their own representatives."),
            N_("Includes diverse stakeholders and those who are trailing behind in the design of the process."),
            N_("Allocates sufficient resources to those who have fallen furthest behind in the design process."),
        ),
    ),
    Dimension(
        "accessibility",
        N_("Accessibility"),
        "inclusion",
        (
            N_(
                "Has a system for detecting accessibility needs on an ongoing basis after consultation "
                "with stakeholders."
            ),
            N_(
                "Applies accessibility information in the design of the participation process together "
                "with stakeholders."
            ),
            N_("Provides resources to reduce obstacles to the greatest extent possible."),
        ),
    ),
    Dimension(
        "access_to_information",
        N_("Access to information"),
        "participation",
        (
            N_(
                "Produces and discloses relevant information and data publicly before decisions are made, "
                "with sufficient time for stakeholders to be consulted and respond."
            ),
            N_(
                "Produces and disseminates information on how the practice is progressing jointly with "
                "relevant stakeholders, and explains how different points of view are being handled."
            ),
        ),
    ),
    Dimension(
        "influence_on_decisions",
        N_("Influence on decisions"),
        "participation",
        (
            N_("Has mechanisms that enable stakeholder collaboration and cocreation in decision-making processes."),
            N_("Explains how the contributions received have impacted the results."),
            N_(
                "Addresses power imbalances among stakeholders; e.g., different number of positions, capacity building."
            ),
        ),
    ),
    Dimension(
        "transparency",
        N_("Transparency"),
        "accountability",
        (
            N_(
                "Widely disseminates information regarding the process to keep stakeholders, parliament, "
                "and the media informed."
            ),
            N_("Efficiently follows up on the process."),
        ),
    ),
    Dimension(
        "responsiveness",
        N_("Responsiveness"),
        "accountability",
        (
            N_(
                "Provides information to stakeholders about how their contributions (monitoring "
                "results/quantifiable targets/disaggregated data) will be used before decisions are made."
            ),
            N_("Provides a strong mechanism to encourage stakeholders to voice their views and complaints."),
            N_("Manages the resolution of complaints with the relevant stakeholders."),
        ),
        aliases=("receptivity", "responsibility", "responsabilidad"),
    ),
)

# The perspective "Other" is feminine in Spanish and Portuguese (Otra, Outra): its own context.
PERSPECTIVES = _vocab(
    "perspective",
    [
        ("collective", NC_("perspective", "Collective"), ("joint", "conjunta")),
        ("self", NC_("perspective", "Self-assessment"), ("self assessment", "own", "propia")),
        ("government", NC_("perspective", "Government")),
        ("civil_society", NC_("perspective", "Civil society")),
        ("private_sector", NC_("perspective", "Private sector")),
        ("academia", NC_("perspective", "Academia")),
        ("un_system", NC_("perspective", "UN system"), ("un", "onu")),
        ("other", NC_("perspective", "Other"), ("otro",)),
    ],
    context="perspective",
)

# ---------------------------------------------------------------------------------------
# Appendix 2: the six themes of the diagnosis of the partnership landscape.
# A theme's description holds the seed's headline finding for it.
# ---------------------------------------------------------------------------------------

THEMES = _vocab(
    "theme",
    [
        (
            "institutionality",
            N_("Institutionality"),
            ("institutional", "institucional"),
            N_(
                "An institutional coordination framework is in place to implement the 2030 Agenda at the "
                "federal, state and municipal levels (the National Council for the 2030 Agenda, 32 state "
                "councils and 300 municipal councils), but the functionality and operation of these mechanisms "
                "differ widely, as do the commitment and participation of the stakeholders involved."
            ),
        ),
        (
            "stakeholders",
            N_("Stakeholders"),
            ("actors",),
            N_(
                "Ownership of the 2030 Agenda is heterogeneous: public-sector stakeholders show clear "
                "asymmetries between branches, sectors and levels of government, while the involvement of the "
                "private and financial sectors, academia, civil society and international cooperation is "
                "growing but uneven."
            ),
        ),
        (
            "dialogue",
            N_("Dialogue"),
            (),
            N_(
                "The pandemic affected the effective participation of stakeholders: moving dialogue spaces "
                "from face-to-face to virtual reduced participation in some cases (for example, of CSOs) and "
                "cancelled forums, especially local deliberative processes, while digital tools became crucial "
                "to manage multi-stakeholder and multi-sector partnerships."
            ),
        ),
        (
            "financing",
            N_("Financing"),
            ("funding", "finance"),
            N_(
                "Austerity and the socio-economic impact of the pandemic significantly reduced the public "
                "funds available for partnerships; new instruments such as the SDG Bond and the Social Gender "
                "Bond are a step forward, but obtaining financial resources remains one of the main challenges "
                "of the partnership ecosystem."
            ),
        ),
        (
            "collaboration",
            N_("Collaboration"),
            (),
            N_(
                "Collaboration efforts have created innovative networks and platforms, especially those formed "
                "by academia and the private sector, but working in silos persists: coordination between "
                "stakeholders and sectors remains the greatest pending issue of the partnership ecosystem."
            ),
        ),
        (
            "efficacy",
            N_("Efficacy"),
            ("effectiveness", "efectividad"),
            N_(
                "Respondents from the public and private sectors, civil society, academia and international "
                "organizations named the deficiency of dialogue and advocacy mechanisms, the difficulty of "
                "mobilizing financial resources and the lack of spaces for citizen and multi-stakeholder "
                "participation as the main challenges to the effectiveness of partnerships."
            ),
        ),
        ("other", N_("Other")),
    ],
)

QUESTION_TYPES = _vocab(
    "question type",
    [
        ("scale", N_("Scale"), ("likert", "ordinal")),
        ("choice", N_("Choice"), ("single", "single choice", "opcion")),
        ("multi", N_("Multiple choice"), ("multiple", "multiselect", "multi-select", "checkbox")),
        ("number", N_("Number"), ("numeric", "numérico")),
        ("text", N_("Text"), ("open", "abierta")),
    ],
)

# ---------------------------------------------------------------------------------------
# Mexico's 32 federal entities (INEGI order), with common short forms.
# ---------------------------------------------------------------------------------------

STATES = _vocab(
    "federal entity",
    [
        ("aguascalientes", N_("Aguascalientes"), ("ags", "ag")),
        ("baja_california", N_("Baja California"), ("bc", "b.c.", "baja california norte")),
        ("baja_california_sur", N_("Baja California Sur"), ("bcs", "b.c.s.")),
        ("campeche", N_("Campeche"), ("camp",)),
        ("coahuila", N_("Coahuila"), ("coahuila de zaragoza", "coah")),
        ("colima", N_("Colima"), ("col",)),
        ("chiapas", N_("Chiapas"), ("chis",)),
        ("chihuahua", N_("Chihuahua"), ("chih",)),
        (
            "ciudad_de_mexico",
            N_("Mexico City"),
            ("cdmx", "cd. de méxico", "cd de mexico", "distrito federal", "df", "d.f.", "mexico city"),
        ),
        ("durango", N_("Durango"), ("dgo",)),
        ("guanajuato", N_("Guanajuato"), ("gto",)),
        ("guerrero", N_("Guerrero"), ("gro",)),
        ("hidalgo", N_("Hidalgo"), ("hgo",)),
        ("jalisco", N_("Jalisco"), ("jal",)),
        (
            "estado_de_mexico",
            N_("State of Mexico"),
            ("edomex", "edo. mex.", "edo mex", "méxico", "mexico", "mex", "state of mexico"),
        ),
        ("michoacan", N_("Michoacán"), ("michoacán de ocampo", "mich")),
        ("morelos", N_("Morelos"), ("mor",)),
        ("nayarit", N_("Nayarit"), ("nay",)),
        ("nuevo_leon", N_("Nuevo León"), ("nl", "n.l.")),
        ("oaxaca", N_("Oaxaca"), ("oax",)),
        ("puebla", N_("Puebla"), ("pue",)),
        ("queretaro", N_("Querétaro"), ("querétaro de arteaga", "qro")),
        ("quintana_roo", N_("Quintana Roo"), ("qroo", "q. roo", "q roo")),
        ("san_luis_potosi", N_("San Luis Potosí"), ("slp", "s.l.p.")),
        ("sinaloa", N_("Sinaloa"), ("sin",)),
        ("sonora", N_("Sonora"), ("son",)),
        ("tabasco", N_("Tabasco"), ("tab",)),
        ("tamaulipas", N_("Tamaulipas"), ("tamps",)),
        ("tlaxcala", N_("Tlaxcala"), ("tlax",)),
        ("veracruz", N_("Veracruz"), ("veracruz de ignacio de la llave", "ver")),
        ("yucatan", N_("Yucatán"), ("yuc",)),
        ("zacatecas", N_("Zacatecas"), ("zac",)),
    ],
)

# ---------------------------------------------------------------------------------------
# Appendix 1: the indicative action plan, 49 courses of action.
# ---------------------------------------------------------------------------------------

PILLARS = _vocab(
    "pillar",
    [
        ("I", N_("Organizational culture for partnership management"), ("1", "i")),
        ("II", N_("Partnership management by sector and stakeholder"), ("2", "ii")),
        ("III", N_("Multi-stakeholder and multi-sector partnership management"), ("3", "iii")),
    ],
)


@dataclass(frozen=True)
class Action:
    """A course of action of Appendix 1."""

    code: str
    pillar: str
    area_en: str
    en: str
    responsible: tuple[str, ...]

    def label(self, lang: str = "en") -> str:
        return _translate(self.en, lang)

    def area(self, lang: str = "en") -> str:
        return _translate(self.area_en, lang)

    @property
    def es(self) -> str:
        return self.label("es")

    @property
    def area_es(self) -> str:
        return self.area("es")


# The sub-headings of the action plan, each with its pillar.
_ACTION_AREAS: dict[str, tuple[str, str]] = {
    "capacity_building": ("I", N_("Capacity Building")),
    "interagency_coordination": ("I", N_("Interagency Coordination")),
    "effective_communication": ("I", N_("Effective Communication")),
    "country_teams": ("I", N_("Dialogue, Collaboration and Partnerships among Country Teams")),
    "national_council": ("II", N_("Public Sector, Federal Level - Agenda 2030 National Council")),
    "federal_public_administration": ("II", N_("Public Sector, Federal Level - Federal Public Administration (APF)")),
    "congress": ("II", N_("Public Sector, Federal Level - Congreso de la Unión (Congress)")),
    "local_government": ("II", N_("Public Sector, Local Level")),
    "private_sector": ("II", N_("Private Sector")),
    "academia": ("II", N_("Academia")),
    "civil_society": ("II", N_("Civil Society")),
    "financial_sector": ("II", N_("Financial Sector")),
    "donors": ("II", N_("Donors and International Cooperation Agencies")),
    "inclusive_dialogue": ("III", N_("Inclusive Dialogue")),
    "programmatic_partnerships": ("III", N_("Programmatic interagency partnerships")),
    "partnership_platforms": ("III", N_("Partnership Platforms")),
}

# The responsible entities, normalised: the seed's OCR, RCO and CR are all "RCO", "RIA FD" is "RIAFD",
# "Group" alone (2.6) is "Results Group", "Thematic interagency groups" and "Interagency" are
# "Interagency groups"; supporting entities ("With RCO support") are listed, external ones
# (the Partnership Accelerator) are not. Their names in other languages are in the catalogs.
RESPONSIBLE: tuple[str, ...] = (
    N_("RCO"),
    N_("RIAFD"),
    N_("UNCT"),
    N_("Results Group"),
    N_("Interagency groups"),
    N_("Interagency mechanisms"),
    N_("Thematic TFs"),
    N_("Interested agencies"),
    N_("Agencies involved"),
    N_("Interested staff"),
    N_("UNCG"),
    N_("Global Compact Network"),
    N_("TF Juventudes"),
    N_("Programmatic Group"),
)


def responsible_label(name: str, lang: str = "en") -> str:
    """The label of a normalised responsible entity in a language; an unknown name is returned as it is.

    >>> responsible_label("RCO", "es")
    'OCR'
    >>> responsible_label("Results Group", "en")
    'Results Group'
    """
    return _translate(name, lang) if name in RESPONSIBLE else name


def _action(code: str, area: str, en: str, responsible: tuple[str, ...]) -> Action:
    pillar, area_en = _ACTION_AREAS[area]
    return Action(code, pillar, area_en, en, responsible)


ACTIONS: tuple[Action, ...] = tuple(
    _action(*row)
    for row in [
        (
            "1.1",
            "capacity_building",
            N_(
                "Implement, with the support of the 2030 Agenda Partnership Accelerator, a course-workshop on "
                "partnerships to accelerate the SDGs, with emphasis on the creation and management of "
                "multi-stakeholder and multi-sector partnerships. This will allow the creation of a group of "
                "instructors from the UNS staff, responsible for replicating the knowledge and promoting the "
                "implementation of this strategy."
            ),
            ("RCO", "RIAFD"),
        ),
        (
            "1.2",
            "capacity_building",
            N_(
                "Socialize with agencies and interagency mechanisms the exogenous opportunities for capacity "
                "building/online courses on partnerships for sustainable development."
            ),
            ("RCO",),
        ),
        (
            "1.3",
            "capacity_building",
            N_(
                "Create a digital repository to house information, materials, tools and resources on "
                "partnerships for sustainable development that is accessible to agencies and/or interagency "
                "mechanisms."
            ),
            ("RCO", "RIAFD"),
        ),
        (
            "1.4",
            "capacity_building",
            N_(
                "Organize virtual interagency sessions to exchange information, best practices and lessons "
                "learned in partnership management."
            ),
            ("RCO", "RIAFD", "Interested staff"),
        ),
        (
            "1.5",
            "capacity_building",
            N_(
                "Document good practices, lessons learned, and recommendations on partnerships for sustainable "
                "development."
            ),
            ("Interagency mechanisms",),
        ),
        (
            "1.6",
            "interagency_coordination",
            N_(
                "Strengthen RIAFD to improve coherence, coordination, and interagency collaboration on "
                "partnerships and financing for development."
            ),
            ("RIAFD",),
        ),
        (
            "1.7",
            "interagency_coordination",
            N_(
                "Conduct systematic stakeholder analysis (stakeholder mapping, influence-interest assessment, "
                "risk analysis) to identify potential partners and/or partnership opportunities that impact "
                "the priority areas of the Cooperation Framework."
            ),
            ("Results Group", "Interagency groups", "Thematic TFs", "Interested agencies"),
        ),
        (
            "1.8",
            "interagency_coordination",
            N_(
                "Identify the specific added value/collaborative advantage that the UNS can offer to "
                "counterparts, partners and allies, to accelerate the SDGs, in line with the priority areas of "
                "the Cooperation Framework."
            ),
            ("Results Group",),
        ),
        (
            "1.9",
            "interagency_coordination",
            N_(
                "Agree on partnership objectives, actions, outcomes and indicators in interagency planning, in "
                "line with the Partnership Strategy."
            ),
            ("UNCT", "Results Group", "Interagency groups", "Thematic TFs"),
        ),
        (
            "1.10",
            "effective_communication",
            N_(
                "Ensure the alignment and complementarity of the Partnership Strategy and the Communication "
                "Strategy to strengthen the communication and public information of the UNS in terms of "
                "partnerships, through innovative and practical communication resources, including "
                "storytelling /success stories, systematization of success stories, and best practices, as "
                "well as infographics, with clear and accessible messages for all people, in addition to the "
                "generation of materials and definition of common messages."
            ),
            ("UNCG", "RCO", "RIAFD"),
        ),
        (
            "1.11",
            "country_teams",
            N_(
                "Conduct a strategic analysis to inform on the feasibility of institutionalizing a formal "
                "mechanism for policy dialogue, technical collaboration, and interagency coordination between "
                "the UNCTs of Mexico and Central America."
            ),
            ("RCO", "RIAFD", "Results Group"),
        ),
        (
            "1.12",
            "country_teams",
            N_(
                "Promote reflection and the exchange of experiences, lessons learned, and best practices in "
                "the area of partnerships among LAC UNCTs."
            ),
            ("RCO",),
        ),
        (
            "2.1",
            "national_council",
            N_(
                "Promote joint and regular dialogue of the Country Team with the Executive Secretariat of the "
                "National Council for the 2030 Agenda and the Directorate of the 2030 Agenda for Sustainable "
                "Development. This will allow exploring priorities, issues of mutual interest, opportunities "
                "for joint work, as well as the mobilization of partnerships and resources in a collaborative "
                "manner, to accelerate the SDGs."
            ),
            ("RCO", "UNCT"),
        ),
        (
            "2.2",
            "federal_public_administration",
            N_(
                "Conduct strategic analysis of the APF to identify the degree to which the agencies have "
                "influence, impact, incidence, and interest in the priority areas/outcomes of the Cooperation "
                "Framework."
            ),
            ("Results Group", "Interagency groups"),
        ),
        (
            "2.3",
            "federal_public_administration",
            N_(
                "Establish a communication channel for high-level policy dialogue between the UNCT and APF "
                "units leading key issues/agendas to implement the SDGs"
            ),
            ("UNCT", "RCO"),
        ),
        (
            "2.4",
            "federal_public_administration",
            N_(
                "Promote interagency-intersectoral dialogue with the APF on priority and strategic issues to "
                "ensure policy coherence, in alignment with the priority areas and direct effects of the "
                "Cooperation Framework."
            ),
            ("Results Group",),
        ),
        (
            "2.5",
            "federal_public_administration",
            N_(
                "Promote joint partnerships with APF agencies to provide integrated support to accelerate the "
                "SDGs and achieve sustainable and inclusive recovery from COVID-19."
            ),
            ("Interested agencies",),
        ),
        (
            "2.6",
            "congress",
            N_(
                "Conduct strategic analysis of the relevant legislative committees of the Senate and the "
                "Chamber of Representatives to identify key stakeholders, priorities, synergies, common "
                "interests, and explore opportunities for partnerships to promote legislative reforms aimed at "
                "accelerating the SDGs."
            ),
            ("Results Group", "Interagency groups"),
        ),
        (
            "2.7",
            "congress",
            N_(
                "Analyze synergies with the Legislative Strategy for the 2030 Agenda and evaluate "
                "opportunities for partnership with other stakeholders (GIZ, SDSN) to promote a strategic "
                "legislative agenda for the 2021-2024 period, aimed at accelerating the SDGs with priorities, "
                "deadlines, and measurable indicators for their implementation."
            ),
            ("Results Group", "RCO"),
        ),
        (
            "2.8",
            "local_government",
            N_(
                "Conduct strategic analysis of state and municipal collegiate mechanisms to identify key "
                "stakeholders, priorities, synergies, common interests, and inform the UNCT of the "
                "opportunities and risks of an articulated approach, joint dialogue, and exploration of "
                "partnerships with these structures."
            ),
            ("RCO", "RIAFD", "Results Group"),
        ),
        (
            "2.9",
            "local_government",
            N_(
                "Conduct strategic analyses with a territorial perspective (stakeholder mapping, influence, "
                "and interest assessment, and risk analysis) to identify the local governments that offer the "
                "greatest opportunities/present the most favorable conditions to promote partnerships aimed at "
                "localizing the SDGs with the integrated support of the UNS."
            ),
            ("RCO", "RIAFD", "Results Group"),
        ),
        (
            "2.10",
            "local_government",
            N_(
                "Determine potential territories to promote partnerships with state/municipal governments and "
                "pilot joint UNS actions based on their collective added value; for example, in matters such "
                "as the design and implementation of actions in compliance with the 2030 Agenda at the local "
                "level, and technical support in the preparation of Local Voluntary Reports."
            ),
            ("RCO", "RIAFD", "Results Group"),
        ),
        (
            "2.11",
            "local_government",
            N_(
                "Create opportunities for political-strategic dialogue in the field, between the Country Team "
                "and local governments to increase the impact and dialogue of the UNS at the local level."
            ),
            ("UNCT", "RCO"),
        ),
        (
            "2.12",
            "local_government",
            N_(
                "Create technical spaces to present the Cooperation Framework to local governments that show "
                "interest in the work and accompaniment of the UNS to local needs and priorities."
            ),
            ("Results Group",),
        ),
        (
            "2.13",
            "private_sector",
            N_(
                "Conduct private sector analysis (stakeholder mapping, influence and interest assessment, and "
                "risk analysis) to identify the critical group of companies, foundations and business "
                "organizations with which the UNS should manage outreach and explore opportunities for joint "
                "work."
            ),
            ("RCO",),
        ),
        (
            "2.14",
            "private_sector",
            N_(
                "Establish a formal liaison mechanism between the UNS and the private sector to serve as a "
                "platform for dialogue, consultation, exchange of information and development of synergies on "
                "relevant, priority issues of common interest, with emphasis on the acceleration and financing "
                "of the SDGs"
            ),
            ("Results Group", "Global Compact Network", "RCO"),
        ),
        (
            "2.15",
            "private_sector",
            N_(
                "Promote the technical dialogue of the Results Groups with the Global Compact Network to "
                "identify synergies between the Cooperation Framework and the Global Compact Strategy "
                "2021-2023, and promote a collaboration agenda with strategic issues for joint action."
            ),
            ("Results Group", "Global Compact Network", "RCO"),
        ),
        (
            "2.16",
            "academia",
            N_(
                "Promote joint actions with ANUIES to mobilize knowledge, stimulate research, and enhance the "
                "participation of the academic and scientific community in strategic areas of the Cooperation "
                "Framework and in key issues to accelerate the SDGs."
            ),
            ("RCO", "Results Group"),
        ),
        (
            "2.17",
            "academia",
            N_(
                "Promote dialogue, liaison, and closer coordination with professional and student "
                "associations. This will allow the identification of synergies in priority issues for joint "
                "action, as well as the creation of knowledge and debate on certain topics."
            ),
            ("RCO", "Results Group"),
        ),
        (
            "2.18",
            "academia",
            N_(
                "Promote the liaison and coordination of the UNS with SDSN Mexico to identify synergies in "
                "priority issues for joint action."
            ),
            ("RCO", "Results Group", "Interagency groups"),
        ),
        (
            "2.19",
            "civil_society",
            N_(
                "Conduct an internal value, benefit, and risk analysis to inform the feasibility of "
                "establishing a UNS Civil Society Advisory Group as a platform for structured dialogue, "
                "consultation, and information sharing on the issues prioritized in the Cooperation Framework. "
                "This will allow for the development of collaborative actions for the positioning of issues, "
                "joint advocacy strategies, the creation of information, education, and communication "
                "materials, legislative advocacy, etc."
            ),
            ("Results Group",),
        ),
        (
            "2.20",
            "civil_society",
            N_(
                "Manage the SDSN Youth Mexico joint dialogue to identify and explore synergies and "
                "opportunities for joint actions to invite and involve youth in the knowledge, implementation, "
                "and follow-up of the Cooperation Framework."
            ),
            ("TF Juventudes", "RCO"),
        ),
        (
            "2.21",
            "financial_sector",
            N_(
                "Manage the rapprochement of the UNS with the CESF Sustainable Finance Committee to foster "
                "dialogue, discussion, and joint analysis on the major challenges, opportunities, and work of "
                "the UNS on sustainable finance to accelerate the SDGs in Mexico."
            ),
            ("RCO", "RIAFD", "Results Group"),
        ),
        (
            "2.22",
            "financial_sector",
            N_(
                "Conduct a strategic analysis of public, private, and international financial institutions "
                "(stakeholder mapping, influence, and interest assessment, and risk analysis) to identify the "
                "critical group of stakeholders that share interests with the Cooperation Framework, and "
                "inform the UNS with whom it could approach and explore opportunities for joint work."
            ),
            ("RCO", "RIAFD"),
        ),
        (
            "2.23",
            "financial_sector",
            N_(
                "Promote meetings between the UNS and private banks/foundations and banking organizations to "
                "explore partnership opportunities and resource mobilization, in line with the joint "
                "programmatic portfolio."
            ),
            ("Results Group", "Interested agencies"),
        ),
        (
            "2.24",
            "financial_sector",
            N_(
                "Strengthen the liaison/Promote outreach with international and regional financial "
                "institutions with work and priorities in Mexico on issues related to the Cooperation "
                "Framework and financing to accelerate the SDGs."
            ),
            ("Programmatic Group", "Results Group"),
        ),
        (
            "2.25",
            "donors",
            N_(
                "Conduct an analysis of international cooperation in Mexico to identify donors (traditional "
                "and non-traditional) and cooperating partners with country strategies/programs aligned with "
                "the 2030 Agenda and/or that share interests and priorities with the Cooperation Framework."
            ),
            ("RCO", "RIAFD"),
        ),
        (
            "2.26",
            "donors",
            N_(
                "Promote joint meetings of the UNS and donors /cooperators to offer opportunities for "
                "partnerships and resource mobilization on specific issues, in line with the joint "
                "programmatic portfolio."
            ),
            ("Results Group", "Interested agencies"),
        ),
        (
            "2.27",
            "donors",
            N_(
                "Conduct a value, implications, and risk analysis to inform the feasibility of promoting the "
                "creation of a space/mechanism for dialogue, reflection, and information exchange between "
                "donors and cooperants in Mexico to accelerate the SDGs. This mechanism would aim to increase "
                "the coordination, coherence, and impact of international cooperation to accelerate the SDGs "
                "in Mexico, in light of the principles of aid effectiveness and in accordance with the Decade "
                "of Action."
            ),
            ("RCO", "Results Group"),
        ),
        (
            "3.1",
            "inclusive_dialogue",
            N_(
                "Identify relevant topics prioritized in the Cooperation Framework that require dialogue and "
                "exchange among multiple stakeholders and sectors."
            ),
            ("Results Group", "Interagency groups"),
        ),
        (
            "3.2",
            "inclusive_dialogue",
            N_("Promote multi-stakeholder and multi-sector dialogue roundtables on selected topics."),
            ("Results Group", "Interagency groups"),
        ),
        (
            "3.3",
            "inclusive_dialogue",
            N_(
                "Strengthen the capacities and competencies of sustainable development stakeholders and "
                "sectors in terms of multi-stakeholder and multi-sector partnerships."
            ),
            ("RCO", "Results Group"),
        ),
        (
            "3.4",
            "inclusive_dialogue",
            N_(
                "Promote spaces for the exchange of experiences and success stories of multi-stakeholder and "
                "multi-sector partnerships to accelerate the SDGs at the local level."
            ),
            ("RCO", "Results Group"),
        ),
        (
            "3.5",
            "programmatic_partnerships",
            N_(
                "Review the quality of existing programmatic interagency partnerships according to the "
                "analytical framework developed by UNDESA and UNDP to measure stakeholder engagement, identify "
                "good practices and lessons learned, inform adaptive management, and/or issue recommendations."
            ),
            ("Agencies involved",),
        ),
        (
            "3.6",
            "programmatic_partnerships",
            N_(
                "Identify systemic issues/innovative topics requiring synergy/complementarity among agencies, "
                "and determine the added value/collaborative advantage the UNS would offer to counterparts, "
                "partners, and allies."
            ),
            ("Results Group", "Interagency groups", "Thematic TFs"),
        ),
        (
            "3.7",
            "programmatic_partnerships",
            N_(
                "Strengthen interagency coordination to design comprehensive projects with a focus on "
                "collective results, based on the identification of priorities and joint negotiation with "
                "counterparts and donors, and oriented toward policy coherence for sustainable development."
            ),
            ("RCO", "Interested agencies"),
        ),
        (
            "3.8",
            "programmatic_partnerships",
            N_(
                "Develop a joint portfolio/program portfolio based on the interagency proposals that did not "
                "benefit to direct resource mobilization and support existing efforts as part of an overall "
                "programmatic approach."
            ),
            ("RCO", "Agencies involved"),
        ),
        (
            "3.9",
            "partnership_platforms",
            N_(
                "Support the implementation and follow up on the results and agreements stemming from the "
                "Mexico Partnership Forum with 2030 Partnership Accelerator de UNDESA"
            ),
            ("RCO", "Results Group", "RIAFD"),
        ),
        (
            "3.10",
            "partnership_platforms",
            N_(
                "Contribute to the SDG 2030 Local Action Platform, an initiative promoted by the Tec de "
                "Monterrey, with the support of GIZ and the accompaniment of UN Mexico"
            ),
            ("RCO", "Interested agencies"),
        ),
    ]
)

# ---------------------------------------------------------------------------------------

VOCABULARIES: dict[str, Vocabulary] = {
    "sector": SECTORS,
    "scope": SCOPES,
    "role": ROLES,
    "quadrant": QUADRANTS,
    "tie_kind": TIE_KINDS,
    "partnership_type": PARTNERSHIP_TYPES,
    "typology": TYPOLOGY,
    "instrument": INSTRUMENTS,
    "partnership_status": PARTNERSHIP_STATUSES,
    "action_status": ACTION_STATUSES,
    "yes_no": YES_NO,
    "value_rating": VALUE_RATINGS,
    "decision": DECISIONS,
    "principle": PRINCIPLES,
    "perspective": PERSPECTIVES,
    "theme": THEMES,
    "question_type": QUESTION_TYPES,
    "state": STATES,
    "pillar": PILLARS,
}


def label(vocabulary: str, key: str, lang: str = "en") -> str:
    """The label of a key in a named vocabulary, e.g. label("sector", "academia", "es")."""
    return VOCABULARIES[vocabulary].label(key, lang)


def to_key(vocabulary: str, value: object) -> str:
    """The key of value in a named vocabulary ("sector", "tie_kind" or its name "tie kind"):
    a key, an alias or a label in any language; raises UnknownTerm (a ValueError) otherwise.

    >>> to_key("sector", "Sector privado"), to_key("tie kind", "FINANCIAMENTO")
    ('private_sector', 'funding')
    """
    voc = VOCABULARIES.get(vocabulary) or next((v for v in VOCABULARIES.values() if v.name == vocabulary), None)
    if voc is None:
        raise KeyError(f"{vocabulary!r} is not a vocabulary of partnerlab ({', '.join(VOCABULARIES)})")
    return voc.key_of(value)
