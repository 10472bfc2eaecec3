"""The bundled sample portfolio: an illustrative, reproducible workbook for every report.

Real institutions named in the Partnership Strategy appear with their real sector and scope
only; influence, interest, ties, scores, assessments and progress are invented. Every
negative due-diligence answer, every decline and every "not acceptable" rating belongs to a
fictional organisation, whose name always says so ("(fictional)", "(ficticia)",
"(ficticio)"). Contacts are fake (example.org) and never shown in reports.

Rebuild the workbook with ``python -m partnerlab.sample`` (writes data/raw/sample_portfolio.xlsx).

>>> tables = build_sample_tables()
>>> sorted(tables) == sorted(SHEET_KEYS)
True
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from partnerlab import schema, vocab

__all__ = [
    "SEED", "AS_OF", "ABOUT", "SHEET_KEYS", "FICTIONAL_MARKERS",
    "build_sample_tables", "sample_about", "is_fictional_name", "write_sample",
]

SEED = 2030  # fixed: the sample must be byte-for-byte reproducible in content
AS_OF = dt.date(2025, 6, 30)
FICTIONAL_MARKERS = ("(fictional)", "(ficticia)", "(ficticio)")
ILLUSTRATIVE_NOTE = (
    "ILLUSTRATIVE DATA: real institutions appear with their real sector and scope only; "
    "scores, assessments, ties and progress are invented. Every negative due-diligence answer "
    "belongs to a fictional organisation."
)
ABOUT: dict[str, object] = {
    "portfolio": "UN System in Mexico - illustrative partnership portfolio",
    "country": "Mexico",
    "as_of": AS_OF,
    "language": "en",
    "prepared_by": "partnerlab sample",
    "illustrative": ILLUSTRATIVE_NOTE,
}
SHEET_KEYS = (
    "stakeholders", "ties", "partnerships", "due_diligence", "value_assessment",
    "quality_assessment", "survey_questions", "survey_responses", "action_plan",
)


def build_sample_tables() -> dict[str, list[dict]]:
    """Build every sheet of the sample workbook as rows typed the way an analyst types them.

    Deterministic: one fixed seed, no dependence on the clock or on set ordering.

    Returns:
        {sheet key: list of row dicts keyed by the English column keys of schema.py}.
    """
    rng = random.Random(SEED)
    stakeholders = _stakeholders()
    partnerships = _partnerships()
    ties = _ties(stakeholders, partnerships, rng)
    _end_excluded_ties(ties)
    _fill_partners(stakeholders, ties)
    questions = _survey_questions()
    return _as_labels({
        "stakeholders": stakeholders,
        "ties": ties,
        "partnerships": partnerships,
        "due_diligence": _due_diligence(),
        "value_assessment": _value_assessment(),
        "quality_assessment": _quality_assessment(partnerships, rng),
        "survey_questions": questions,
        "survey_responses": _survey_responses(questions, rng),
        "action_plan": _action_plan(),
    })


def sample_about() -> dict[str, object]:
    """The about sheet of the sample (a copy: callers may change it)."""
    return dict(ABOUT)


def is_fictional_name(name: object) -> bool:
    """True when a name says it is fictional.

    >>> is_fictional_name("Grupo Industrial Altamira (ficticio)")
    True
    >>> is_fictional_name("Senado de la República")
    False
    """
    text = str(name or "").casefold()
    return any(m in text for m in FICTIONAL_MARKERS)


def write_sample(path: str | Path) -> Path:
    """Write the sample workbook to path with the template writer and return the path."""
    from partnerlab.template import write_workbook

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_workbook(path, build_sample_tables(), lang="en", about=sample_about())
    return path


def _as_labels(tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Vocabulary cells as the English labels the template's dropdowns offer (pillar stays I/II/III)."""
    for key, rows in tables.items():
        for col in schema.sheet(key).columns:
            if col.kind not in ("vocab", "vocab_list") or col.vocab == "pillar":
                continue
            terms = vocab.VOCABULARIES[col.vocab]
            for row in rows:
                if row.get(col.key):
                    row[col.key] = "; ".join(terms.label(k) for k in row[col.key].split("; "))
    return tables


# ---------------------------------------------------------------------------------------
# Stakeholders (Appendix 3)
# ---------------------------------------------------------------------------------------

# Default mapping columns per sector, overridden per row where it says more.
_SECTOR_DEFAULTS = {
    "federal_government": ("Public policy; regulation; budget programmes; sector commissions",
                           "Technical and institutional; budget for national programmes"),
    "legislature": ("Legislation; budget approval; committees and hearings", "No financial; political and normative"),
    "local_government": ("State development plan; state/municipal 2030 councils", "Technical staff; limited budget"),
    "academia": ("Research; teaching; outreach; networks of universities", "Knowledge; students; laboratories"),
    "civil_society": ("Advocacy; community programmes; monitoring", "Community networks; volunteers; small grants"),
    "private_sector": ("Corporate sustainability policy; supply chain programmes", "Financial; in kind; technical"),
    "financial_sector": ("Loans; guarantees; sustainable finance instruments", "Financial; technical assistance"),
    "international_cooperation": ("Country strategy; grants; technical cooperation", "Grants; technical cooperation"),
    "un_system": ("Country programme; joint programmes; Cooperation Framework", "Technical; convening; pooled funds"),
    "media": ("Editorial line; campaigns; public service content", "Air time; audiences"),
    "other": ("Recommendations; platforms of dialogue", "Convening; technical"),
}

# (id, name, sector, scope, states, influence, interest, roles, mandate, priorities, initiatives)
# influence/interest None = not mapped (the UN system maps others, not itself).
_S = [
    # federal government
    ("SHCP", "Secretaría de Hacienda y Crédito Público (SHCP)", "federal_government", "national", "CDMX", 5, 3,
     "counterpart", "Federal finance ministry: public finances, budget and public credit",
     "SDG alignment of the federal budget; sustainable finance; SDG bonds", "Sovereign SDG bond; sustainable taxonomy"),
    ("SRE", "Secretaría de Relaciones Exteriores (SRE)", "federal_government", "national", "CDMX", 5, 4,
     "counterpart; champion", "Foreign policy and relations with the UN system",
     "Multilateralism; migration; gender equality", "UN relations; Comprehensive Development Plan (PDI)"),
    ("AMEXCID", "Agencia Mexicana de Cooperación Internacional para el Desarrollo (AMEXCID)", "federal_government",
     "national", "CDMX", 4, 5, "counterpart", "International development cooperation policy",
     "South-South and triangular cooperation; PDI", "Comprehensive Development Plan (PDI)"),
    ("SE2030", "Executive Secretariat of the National Council for the 2030 Agenda", "federal_government", "national",
     "CDMX", 5, 5, "counterpart; champion", "Coordinates the National Council for the 2030 Agenda and its committees",
     "National 2030 Strategy; subnational committee; Voluntary National Review", "National Council for the 2030 Agenda"),
    ("BIENESTAR", "Secretaría de Bienestar", "federal_government", "national", "CDMX", 4, 3,
     "counterpart", "Federal social development programmes", "Poverty reduction; social protection", ""),
    ("SEMARNAT", "Secretaría de Medio Ambiente y Recursos Naturales (SEMARNAT)", "federal_government", "national",
     "CDMX", 4, 3, "counterpart", "Environment and natural resources policy", "Climate action; biodiversity; water",
     "Nationally determined contribution"),
    ("INMUJERES", "Instituto Nacional de las Mujeres (INMUJERES)", "federal_government", "national", "CDMX", 3, 5,
     "counterpart; champion", "National policy on gender equality", "Care system; violence against women",
     "Global Alliance for Care"),
    ("INEGI", "Instituto Nacional de Estadística y Geografía (INEGI)", "federal_government", "national",
     "Aguascalientes; CDMX", 4, 3, "knowledge_partner", "National statistics and geography",
     "SDG indicators; census and surveys", "SDG information system"),
    ("SEP", "Secretaría de Educación Pública (SEP)", "federal_government", "national", "CDMX", 4, 2,
     "counterpart", "Federal education policy", "Basic education; school return", ""),
    # legislature
    ("SENADO", "Senado de la República", "legislature", "national", "CDMX", 4, 4,
     "counterpart; advocacy_partner", "Upper chamber of the federal Congress",
     "Legislative agenda for the 2030 Agenda; treaties", "Legislative Strategy for the 2030 Agenda"),
    ("DIPUTADOS", "Cámara de Diputados", "legislature", "national", "CDMX", 4, 3,
     "counterpart", "Lower chamber of the federal Congress; approves the federal budget",
     "Budget; legislative reforms", "Legislative Strategy for the 2030 Agenda"),
    ("CONG_JAL", "Congreso del Estado de Jalisco", "legislature", "state", "Jalisco", 3, 3,
     "counterpart", "State legislature", "State legislative agenda", ""),
    # local government
    ("CONAGO", "Conferencia Nacional de Gobernadores (CONAGO)", "local_government", "national", "CDMX", 4, 4,
     "counterpart", "Forum of the state governors", "Federalism; subnational implementation of the 2030 Agenda",
     "Commission for the 2030 Agenda"),
    ("GOB_OAX", "Gobierno del Estado de Oaxaca", "local_government", "state", "Oaxaca", 3, 5,
     "counterpart; beneficiary", "State executive", "SDG localization; indigenous peoples; food security",
     "State council for the 2030 Agenda"),
    ("GOB_JAL", "Gobierno del Estado de Jalisco", "local_government", "state", "Jalisco", 3, 4,
     "counterpart", "State executive", "Metropolitan governance; climate action", "Local voluntary review"),
    ("GOB_NL", "Gobierno del Estado de Nuevo León", "local_government", "state", "Nuevo León", 4, 3,
     "counterpart", "State executive", "Industry and water", ""),
    ("GOB_CDMX", "Gobierno de la Ciudad de México", "local_government", "state", "Ciudad de México", 4, 3,
     "counterpart", "City government", "Mobility; resilience; care", "Local voluntary review"),
    ("GOB_YUC", "Gobierno del Estado de Yucatán", "local_government", "state", "Yucatán", 3, 4,
     "counterpart; beneficiary", "State executive", "Sustainable tourism; water", "State council for the 2030 Agenda"),
    ("GOB_CHIS", "Gobierno del Estado de Chiapas", "local_government", "state", "Chiapas", 3, 4,
     "counterpart; beneficiary", "State executive", "Migration; poverty; health", ""),
    ("MERIDA", "Ayuntamiento de Mérida", "local_government", "municipal", "Yucatán", 2, 4,
     "counterpart; beneficiary", "Municipal government", "Urban sustainability; local SDG report", "Local voluntary review"),
    ("CONSEJO_QRO", "State council for the 2030 Agenda, Querétaro", "local_government", "state", "Querétaro", 2, 4,
     "counterpart", "State collegiate mechanism for the 2030 Agenda", "Alignment of the state plan", ""),
    ("SANISIDRO", "Municipio de San Isidro del Valle (fictional)", "local_government", "municipal", "Puebla", 1, 3,
     "beneficiary", "Fictional municipality for the illustrative sample", "Water and roads", ""),
    # academia
    ("ANUIES", "Asociación Nacional de Universidades e Instituciones de Educación Superior (ANUIES)", "academia",
     "national", "CDMX", 4, 5, "knowledge_partner; counterpart", "Association of higher education institutions",
     "Research agenda for the SDGs; university social responsibility", "ANUIES 2030 vision"),
    ("UNAM", "Universidad Nacional Autónoma de México (UNAM)", "academia", "national", "CDMX", 5, 4,
     "knowledge_partner", "National public university", "Research; SDSN co-chair", "SDSN Mexico"),
    ("TEC", "Tecnológico de Monterrey", "academia", "national", "Nuevo León; CDMX; Jalisco", 4, 5,
     "knowledge_partner; champion", "Private university", "Entrepreneurship; SDSN co-chair; local SDG platform",
     "SDG 2030 Local Action Platform; SDSN Mexico"),
    ("SDSN_MX", "SDSN México (Sustainable Development Solutions Network Mexico)", "academia", "national", "CDMX", 4, 5,
     "knowledge_partner; advocacy_partner", "Network of universities and knowledge centres for the SDGs",
     "Solutions for the SDGs; legislative support", "Legislative Strategy for the 2030 Agenda"),
    ("COLMEX", "El Colegio de México", "academia", "national", "CDMX", 3, 3,
     "knowledge_partner", "Public research and teaching institution", "Inequality; demography", ""),
    ("IBERO", "Universidad Iberoamericana", "academia", "national", "CDMX; Puebla", 3, 4,
     "knowledge_partner", "Private university", "Human rights; migration", ""),
    ("UDG", "Universidad de Guadalajara", "academia", "state", "Jalisco", 3, 4,
     "knowledge_partner", "State public university", "Climate; local development", ""),
    ("UADY", "Universidad Autónoma de Yucatán", "academia", "state", "Yucatán", 2, 4,
     "knowledge_partner", "State public university", "Water; Maya communities", ""),
    ("IETS", "Instituto de Estudios Territoriales del Sureste (fictional)", "academia", "regional", "Tabasco; Chiapas", 2, 4,
     "knowledge_partner", "Fictional research centre for the illustrative sample", "Territorial data", ""),
    # civil society
    ("SDSN_YOUTH", "SDSN Youth México", "civil_society", "national", "CDMX", 2, 5,
     "advocacy_partner; champion", "Youth network for the SDGs", "Youth participation; education for the SDGs",
     "SDSN Youth"),
    ("POLEA", "Política y Legislación Ambiental, A.C. (POLEA)", "civil_society", "national", "CDMX", 2, 5,
     "advocacy_partner; knowledge_partner", "Environmental policy and law organisation",
     "Legislative agenda; environmental law", "Legislative Strategy for the 2030 Agenda"),
    ("CEMEFI", "Centro Mexicano para la Filantropía (Cemefi)", "civil_society", "national", "CDMX", 3, 4,
     "advocacy_partner", "Network of philanthropic and civil society organisations",
     "Philanthropy; corporate social responsibility", ""),
    ("FUNDAR", "Fundar, Centro de Análisis e Investigación", "civil_society", "national", "CDMX", 3, 4,
     "advocacy_partner; knowledge_partner", "Research and advocacy on public budgets and rights",
     "Budget transparency; rights", ""),
    ("HORIZONTE", "Fundación Horizonte Verde (fictional)", "civil_society", "regional", "Chiapas; Yucatán; Quintana Roo",
     4, 5, "implementing_partner; donor", "Fictional environmental foundation for the illustrative sample",
     "Community resilience; forests", "Community resilience fund"),
    ("MIXTECA", "Red Comunitaria Mixteca (ficticia)", "civil_society", "state", "Oaxaca", 2, 5,
     "implementing_partner; beneficiary", "Fictional community network for the illustrative sample",
     "Food security; indigenous rights", ""),
    ("ISTMO", "Colectivo Mujeres del Istmo (ficticio)", "civil_society", "state", "Oaxaca", 1, 5,
     "advocacy_partner; beneficiary", "Fictional women's collective for the illustrative sample",
     "Gender violence; women's economic autonomy", ""),
    ("BAJIO_OBS", "Observatorio Ciudadano del Bajío (fictional)", "civil_society", "regional",
     "Guanajuato; Querétaro; San Luis Potosí", 2, 4, "advocacy_partner; knowledge_partner",
     "Fictional citizen observatory for the illustrative sample", "Public security; transparency", ""),
    ("JOVCLIMA", "Jóvenes por el Clima Yucatán (fictional)", "civil_society", "state", "Yucatán", 1, 4,
     "advocacy_partner", "Fictional youth climate group for the illustrative sample", "Climate education", ""),
    ("PROINF", "Asociación Pro-Infancia Fronteriza (fictional)", "civil_society", "regional",
     "Chihuahua; Baja California; Coahuila", 2, 4, "implementing_partner",
     "Fictional child protection organisation for the illustrative sample", "Migrant children; education", ""),
    ("DEFENSORAS", "Red de Defensoras Rurales (ficticia)", "civil_society", "regional", "Guerrero; Michoacán; Morelos",
     1, 4, "advocacy_partner", "Fictional network of rural women defenders for the illustrative sample",
     "Land rights; protection of defenders", ""),
    ("SENDERO", "Fundación Sendero Claro (fictional)", "civil_society", "state", "Veracruz", 2, 3,
     "implementing_partner", "Fictional foundation for the illustrative sample", "Education", ""),
    ("FRONTERASUR", "Casa de Acogida Frontera Sur (fictional)", "civil_society", "regional", "Chiapas; Tabasco", 2, 5,
     "implementing_partner", "Fictional migrant shelter for the illustrative sample", "Humanitarian assistance", ""),
    # private sector
    ("PACTO", "Red del Pacto Mundial México (Global Compact Network Mexico)", "private_sector", "national", "CDMX", 4, 5,
     "counterpart; champion", "Local network of the UN Global Compact",
     "Ten principles; corporate SDG action; sustainable finance", "Global Compact Strategy 2021-2023"),
    ("CCE", "Consejo Coordinador Empresarial (CCE)", "private_sector", "national", "CDMX", 5, 4,
     "counterpart", "Umbrella business organisation", "Investment; business environment", ""),
    ("COPARMEX", "Confederación Patronal de la República Mexicana (COPARMEX)", "private_sector", "national", "CDMX",
     4, 3, "counterpart", "Employers' confederation", "Decent work; rule of law", ""),
    ("CONCAMIN", "Confederación de Cámaras Industriales (CONCAMIN)", "private_sector", "national", "CDMX", 4, 2,
     "counterpart", "Confederation of industrial chambers", "Industry; energy", ""),
    ("ALTAMIRA", "Grupo Industrial Altamira (ficticio)", "private_sector", "regional",
     "Tamaulipas; Nuevo León; San Luis Potosí", 4, 4, "donor; implementing_partner",
     "Fictional industrial group for the illustrative sample", "Green jobs; supplier development", "Green jobs programme"),
    ("AGROPAC", "Agroexportadora del Pacífico (fictional)", "private_sector", "regional", "Sinaloa; Sonora", 4, 2,
     "beneficiary", "Fictional agro-export company for the illustrative sample", "Exports; seasonal labour", ""),
    ("SOLARES", "Tecnologías Solares del Norte (fictional)", "private_sector", "regional", "Chihuahua; Coahuila", 3, 4,
     "implementing_partner; contractor", "Fictional solar energy company for the illustrative sample",
     "Distributed solar energy", ""),
    ("MERCADO", "Cadena Comercial Mercado Unido (fictional)", "private_sector", "national",
     "Jalisco; Estado de México; CDMX", 4, 3, "donor", "Fictional retail chain for the illustrative sample",
     "Food banks; cause marketing", ""),
    ("PUENTEALTO", "Constructora Puente Alto (ficticia)", "private_sector", "regional", "Quintana Roo; Veracruz", 3, 2,
     "contractor", "Fictional construction company for the illustrative sample", "Infrastructure", ""),
    ("TABACALERA", "Tabacalera Río Bravo (fictional)", "private_sector", "state", "Tamaulipas", 2, 1,
     "", "Fictional tobacco company for the illustrative sample", "Sponsorships", ""),
    ("NUTRIBEBE", "Laboratorios NutriBebé (fictional)", "private_sector", "national", "Jalisco; Estado de México", 3, 3,
     "donor", "Fictional infant nutrition company for the illustrative sample", "Nutrition campaigns", ""),
    ("DELTA", "Consultores Asociados Delta (fictional)", "private_sector", "national", "CDMX", 1, 3,
     "contractor", "Fictional consulting firm for the illustrative sample", "Evaluations", ""),
    # financial sector
    ("CESF", "Comité de Finanzas Sostenibles del Consejo de Estabilidad del Sistema Financiero (CESF)",
     "financial_sector", "national", "CDMX", 4, 5, "counterpart; knowledge_partner",
     "Sustainable Finance Committee of the Financial System Stability Council",
     "Sustainable taxonomy; climate risk; green and social instruments", "Sustainable taxonomy of Mexico"),
    ("BANXICO", "Banco de México (Banxico)", "financial_sector", "national", "CDMX", 5, 2,
     "counterpart", "Central bank", "Price and financial stability; climate-related financial risk", ""),
    ("BID", "Banco Interamericano de Desarrollo (BID/IDB)", "financial_sector", "regional", "CDMX", 5, 4,
     "donor; knowledge_partner", "Multilateral development bank", "Infrastructure; social protection; gender",
     "Country strategy with Mexico"),
    ("CAF", "CAF - Banco de Desarrollo de America Latina y el Caribe", "financial_sector", "regional", "CDMX", 4, 3,
     "donor", "Multilateral development bank", "Sustainable infrastructure; water", ""),
    ("BM", "Banco Mundial (World Bank)", "financial_sector", "international", "CDMX", 5, 3,
     "donor; knowledge_partner", "Multilateral development bank", "Poverty; fiscal policy", ""),
    ("NAFIN", "Nacional Financiera (NAFIN)", "financial_sector", "national", "CDMX", 4, 3,
     "counterpart", "National development bank", "SME finance; green credit lines", ""),
    ("ABM", "Asociación de Bancos de México (ABM)", "financial_sector", "national", "CDMX", 4, 3,
     "counterpart", "Association of commercial banks", "Sustainable finance protocol; financial inclusion", ""),
    ("BSOLIDARIO", "Banco Solidario del Bajío (fictional)", "financial_sector", "regional", "Guanajuato; Querétaro", 2, 4,
     "donor", "Fictional regional bank for the illustrative sample", "Microcredit", ""),
    ("IMPACTOSUR", "Fondo de Inversión Impacto Sur (fictional)", "financial_sector", "regional", "Chiapas; Oaxaca", 2, 4,
     "donor", "Fictional impact investment fund for the illustrative sample", "Impact investment in the south", ""),
    ("RAPIDA", "Financiera Rápida Express (ficticia)", "financial_sector", "national", "CDMX; Estado de México", 3, 3,
     "", "Fictional consumer lender for the illustrative sample", "Consumer credit", ""),
    # donors and international cooperation
    ("GIZ", "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)", "international_cooperation", "international",
     "CDMX", 4, 5, "donor; implementing_partner", "German development cooperation agency",
     "2030 Agenda governance; climate; legislative support", "SDG 2030 Local Action Platform"),
    ("AECID", "Agencia Española de Cooperación Internacional para el Desarrollo (AECID)", "international_cooperation",
     "international", "CDMX", 4, 4, "donor", "Spanish development cooperation agency",
     "Gender; migration; triangular cooperation", ""),
    ("UE", "Delegación de la Unión Europea en México", "international_cooperation", "international", "CDMX", 5, 4,
     "donor", "Delegation of the European Union", "Global Gateway; rights; climate", "Spotlight Initiative"),
    ("USAID", "United States Agency for International Development (USAID)", "international_cooperation",
     "international", "CDMX", 4, 2, "donor", "United States development cooperation agency",
     "Rule of law; migration", ""),
    ("JICA", "Japan International Cooperation Agency (JICA)", "international_cooperation", "international", "CDMX",
     3, 4, "donor", "Japanese development cooperation agency", "Triangular cooperation; disaster risk", ""),
    ("SIDA", "Swedish International Development Cooperation Agency (Sida)", "international_cooperation",
     "international", "CDMX", 3, 3, "donor", "Swedish development cooperation agency", "Human rights; gender", ""),
    ("PUENTES", "Fundación Internacional Puentes (fictional)", "international_cooperation", "international", "", 2, 4,
     "donor", "Fictional international foundation for the illustrative sample", "Youth; migration", ""),
    # UN system (not mapped on the grid: the UNS maps others)
    ("RCO", "Resident Coordinator Office (RCO), UN Mexico", "un_system", "national", "CDMX", None, None,
     "counterpart", "Coordinates the UN Country Team and the Cooperation Framework",
     "Partnership Strategy; financing for development", "Cooperation Framework 2020-2025"),
    ("RIAFD", "Interagency Network of Partnerships and Financing for Development (RIAFD)", "un_system", "national",
     "CDMX", None, None, "", "Interagency network of the UN System in Mexico",
     "Partnership intelligence; joint resource mobilization", "Partnership Strategy 2022-2025"),
    ("UNDP", "Programa de las Naciones Unidas para el Desarrollo (PNUD / UNDP)", "un_system", "national",
     "CDMX; Chiapas; Oaxaca", None, None, "implementing_partner", "UN development programme",
     "Governance; SDG finance; environment", "SDG integration"),
    ("UNICEF", "Fondo de las Naciones Unidas para la Infancia (UNICEF)", "un_system", "national",
     "CDMX; Chiapas; Guerrero; Oaxaca", None, None, "implementing_partner", "UN children's fund",
     "Child protection; education; nutrition", ""),
    ("UNWOMEN", "ONU Mujeres (UN Women)", "un_system", "national", "CDMX", None, None, "implementing_partner",
     "UN entity for gender equality", "Care economy; violence against women", "Spotlight Initiative"),
    ("FAO", "Organización de las Naciones Unidas para la Alimentación y la Agricultura (FAO)", "un_system", "national",
     "CDMX; Oaxaca; Yucatán", None, None, "implementing_partner", "UN food and agriculture organization",
     "Food systems; rural development", ""),
    ("ILO", "Organización Internacional del Trabajo (OIT / ILO)", "un_system", "national", "CDMX", None, None,
     "implementing_partner", "UN labour organization", "Decent work; green jobs", ""),
    ("UNFPA", "Fondo de Población de las Naciones Unidas (UNFPA)", "un_system", "national", "CDMX", None, None,
     "implementing_partner", "UN population fund", "Sexual and reproductive health; youth", ""),
    ("UNHCR", "Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR / UNHCR)", "un_system", "national",
     "Chiapas; Tabasco; Baja California; Coahuila; Nuevo León", None, None, "implementing_partner",
     "UN refugee agency", "Asylum; local integration", ""),
    ("IOM", "Organización Internacional para las Migraciones (OIM / IOM)", "un_system", "national",
     "CDMX; Chihuahua; Chiapas", None, None, "implementing_partner", "UN migration agency", "Migration governance", ""),
    ("UNEP", "Programa de las Naciones Unidas para el Medio Ambiente (PNUMA / UNEP)", "un_system", "regional", "CDMX",
     None, None, "knowledge_partner", "UN environment programme", "Climate; sustainable finance", ""),
    ("UNDESA_PA", "2030 Agenda Partnership Accelerator (UN DESA)", "un_system", "international", "", None, None,
     "knowledge_partner", "UN DESA initiative that supports partnership capacity",
     "Partnership training; Mexico Partnership Forum", "Mexico Partnership Forum"),
    # media
    ("CANALONCE", "Canal Once", "media", "national", "CDMX", 3, 3, "advocacy_partner",
     "Public television channel", "Public interest content", ""),
    ("IMER", "Instituto Mexicano de la Radio (IMER)", "media", "national", "CDMX", 2, 3, "advocacy_partner",
     "Public radio", "Public interest content", ""),
    ("FARO", "Diario El Faro Regional (fictional)", "media", "state", "Veracruz", 4, 2, "",
     "Fictional regional newspaper for the illustrative sample", "Regional news", ""),
    ("NOTISURESTE", "Portal Noticias Sureste (fictional)", "media", "regional", "Yucatán; Quintana Roo", 2, 3,
     "advocacy_partner", "Fictional news portal for the illustrative sample", "Regional news", ""),
    ("VOCES", "Radio Comunitaria Voces del Valle (ficticia)", "media", "municipal", "Hidalgo", 1, 4,
     "advocacy_partner", "Fictional community radio for the illustrative sample", "Indigenous languages", ""),
    # other
    ("OCDE", "Centro de la OCDE en México para América Latina", "other", "regional", "CDMX", 3, 3,
     "knowledge_partner", "OECD centre in Mexico", "Public policy analysis", ""),
    ("CNDH", "Comisión Nacional de los Derechos Humanos (CNDH)", "other", "national", "CDMX", 4, 3,
     "counterpart", "National human rights institution", "Human rights", ""),
    ("INTERRELIG", "Consejo Interreligioso por la Paz (fictional)", "other", "regional", "Michoacán; Guerrero", 2, 4,
     "advocacy_partner", "Fictional interfaith council for the illustrative sample", "Peacebuilding", ""),
    ("SINDICATO", "Sindicato Nacional de Jornaleros Agrícolas (ficticio)", "other", "regional", "Sinaloa; Baja California",
     2, 3, "beneficiary", "Fictional farm workers' union for the illustrative sample", "Labour rights", ""),
]

_ISOLATES = ("TABACALERA", "VOCES", "SANISIDRO", "SINDICATO")  # no tie at all: the network report must show them


def _stakeholders() -> list[dict]:
    rows = []
    for i, (sid, name, sector, scope, states, infl, inter, roles, mandate, prio, initiatives) in enumerate(_S, 1):
        instruments, resources = _SECTOR_DEFAULTS[sector]
        contact = "" if sector == "un_system" and i % 2 else f"Contacto Ficticio {i:03d} <enlace.{sid.lower()}@example.org>"
        rows.append({
            "id": sid, "name": name, "sector": sector, "scope": scope, "states": states,
            "mandate": mandate, "priorities": prio, "instruments": instruments, "resources": resources,
            "related_initiatives": initiatives, "partners": "", "influence": infl, "interest": inter,
            "roles": roles, "contact": contact,
        })
    return rows


# Stakeholders whose latest screening is excluded, and the fictional organisations that may keep a
# current tie with one (the network and the consistency alerts must show an exposure, on fictional
# organisations only: Fundación Horizonte Verde leads an active fund).
_EXCLUDED = ("TABACALERA", "PUENTEALTO", "NUTRIBEBE", "RAPIDA", "SENDERO")
_EXPOSED = {("HORIZONTE", "SENDERO"), ("FARO", "SENDERO"), ("FRONTERASUR", "SENDERO"), ("DELTA", "PUENTEALTO")}


def _end_excluded_ties(ties: list[dict]) -> None:
    """Every other current tie with an excluded organisation ended in 2024 (before the as-of year)."""
    for t in ties:
        pair = (t["source"], t["target"])
        if t["until"] is not None or not set(pair) & set(_EXCLUDED) or pair in _EXPOSED or pair[::-1] in _EXPOSED:
            continue
        t["since"] = min(t["since"], AS_OF.year - 1)
        t["until"] = AS_OF.year - 1


def _fill_partners(stakeholders: list[dict], ties: list[dict]) -> None:
    """partners = the active partnership ties each stakeholder recorded as source (at most 6)."""
    out: dict[str, list[str]] = {}
    for t in ties:
        if t["kind"] == "partnership" and t["until"] is None:
            out.setdefault(t["source"], []).append(t["target"])
    for row in stakeholders:
        row["partners"] = "; ".join(out.get(row["id"], [])[:6])


# ---------------------------------------------------------------------------------------
# Partnerships (sections 1.2 and 1.5)
# ---------------------------------------------------------------------------------------

# (id, name, type, typology, instruments, lead, members, sdgs, actions, states, start, end, status)
_P = [
    ("P01", "Legislative Strategy for the 2030 Agenda", "advocacy", "combine_integrate", "mou; regular_meetings",
     "SENADO", "DIPUTADOS; GIZ; SDSN_MX; TEC; UNAM; POLEA; UNDP; RCO", "16; 17", "2.6; 2.7", "CDMX",
     dt.date(2019, 9, 1), dt.date(2024, 8, 31), "closed"),
    ("P02", "SDG 2030 Local Action Platform", "knowledge", "combine_integrate", "collaboration_agreement; workshop",
     "TEC", "GIZ; RCO; UNDP; SDSN_MX; UDG", "11; 17", "3.10", "Nuevo León; Jalisco; CDMX",
     dt.date(2021, 3, 1), None, "active"),
    ("P03", "Private sector liaison mechanism with the Global Compact Network", "liaison", "combine_integrate",
     "terms_of_reference; dialogue_table", "PACTO", "RCO; CCE; COPARMEX; CONCAMIN; ILO; UNDP; MERCADO", "8; 12; 17",
     "2.14; 2.15", "CDMX", dt.date(2024, 10, 1), None, "negotiating"),
    ("P04", "Sustainable finance dialogue with the CESF Sustainable Finance Committee", "convening",
     "leverage_exchange", "dialogue_table; ad_hoc_meeting", "CESF", "RCO; UNDP; UNEP; BANXICO; SHCP; ABM; NAFIN",
     "13; 17", "2.21; 2.22", "CDMX", dt.date(2025, 2, 1), None, "exploring"),
    ("P05", "ANUIES - UN System knowledge alliance", "knowledge", "combine_integrate", "mou; regular_meetings",
     "ANUIES", "RCO; UNAM; UDG; UADY; UNFPA", "4; 17", "2.16; 2.17", "CDMX; Jalisco; Yucatán",
     dt.date(2022, 6, 1), None, "active"),
    ("P06", "Mexico Partnership Forum: Sustainable Territories, Cities and Communities", "convening", "transform",
     "workshop; dialogue_table", "RCO", "UNDESA_PA; UNDP; GOB_CDMX; GOB_JAL; TEC; PACTO; CEMEFI", "11; 17", "3.9; 3.4",
     "CDMX; Jalisco", dt.date(2021, 9, 1), dt.date(2023, 6, 30), "closed"),
    ("P07", "SDG localization pilot in Oaxaca", "implementation", "combine_integrate",
     "project_document; letter_of_commitment", "GOB_OAX", "UNDP; UNICEF; UNWOMEN; FAO; MIXTECA; ISTMO", "1; 2; 5; 10",
     "2.10; 2.12", "Oaxaca", dt.date(2022, 11, 1), dt.date(2025, 12, 31), "active"),
    ("P08", "Donors and cooperating partners space for reflection", "convening", "leverage_exchange",
     "regular_meetings; terms_of_reference", "RCO", "GIZ; AECID; UE; USAID; JICA; SIDA; AMEXCID", "17",
     "2.26; 2.27", "CDMX", dt.date(2023, 3, 1), None, "under_review"),
    ("P09", "Youth engagement with SDSN Youth Mexico", "advocacy", "leverage_exchange", "letter_of_commitment; workshop",
     "SDSN_YOUTH", "RCO; UNFPA; UNICEF; JOVCLIMA; IBERO", "4; 13; 16", "2.20", "CDMX; Yucatán",
     dt.date(2022, 8, 1), None, "active"),
    ("P10", "UN System Civil Society Advisory Group (feasibility)", "liaison", "leverage_exchange",
     "terms_of_reference; inquiry", "RCO", "CEMEFI; FUNDAR; POLEA; BAJIO_OBS; DEFENSORAS; PROINF", "16; 17", "2.19",
     "CDMX", dt.date(2025, 1, 15), None, "exploring"),
    ("P11", "Altamira green jobs programme (fictional)", "implementation", "leverage_exchange",
     "cofinancing_agreement; project_document", "ALTAMIRA", "ILO; SOLARES; UDG", "7; 8; 13", "2.13",
     "Tamaulipas; Nuevo León", dt.date(2023, 2, 1), None, "active"),
    ("P12", "Horizonte Verde community resilience fund (fictional)", "implementation", "combine_integrate",
     "cofinancing_agreement; letter_of_commitment", "HORIZONTE", "FAO; UNDP; IMPACTOSUR; GOB_CHIS; GOB_YUC; JOVCLIMA",
     "1; 13; 15", "3.7; 3.8; 2.8", "Chiapas; Yucatán", dt.date(2022, 3, 1), None, "active"),
    ("P13", "Dialogue with the Executive Secretariat of the National Council for the 2030 Agenda", "liaison",
     "combine_integrate", "regular_meetings", "SE2030", "RCO; UNDP; INEGI; CONAGO; AMEXCID", "17",
     "2.1; 2.3", "CDMX", dt.date(2022, 5, 1), None, "active"),
    ("P14", "Care economy alliance", "advocacy", "transform", "mou; dialogue_table", "INMUJERES",
     "UNWOMEN; ILO; AECID; GOB_CDMX; FUNDAR; ISTMO; UE", "5; 8; 10", "2.5", "CDMX; Jalisco",
     dt.date(2022, 3, 8), None, "active"),
    ("P15", "Rápida Express financial inclusion pilot (fictional)", "implementation", "leverage_exchange",
     "letter_of_commitment", "RAPIDA", "UNDP; BSOLIDARIO", "1; 8", "2.23", "Estado de México",
     dt.date(2023, 5, 1), dt.date(2024, 1, 31), "closed"),
]


def _partnerships() -> list[dict]:
    rows = []
    for pid, name, ptype, typ, instr, lead, members, sdgs, actions, states, start, end, status in _P:
        rows.append({
            "id": pid, "name": name, "type": ptype, "typology": typ, "instruments": instr, "lead": lead,
            "members": members, "sdgs": sdgs, "actions": actions, "states": states,
            "start": start, "end": end, "status": status,
        })
    return rows


# ---------------------------------------------------------------------------------------
# Ties (Appendix 3, "partnerships with other stakeholders")
# ---------------------------------------------------------------------------------------

_TIES_TARGET = 320
_FUNDERS = {"GIZ", "AECID", "UE", "USAID", "JICA", "SIDA", "PUENTES", "BID", "CAF", "BM", "IMPACTOSUR", "HORIZONTE",
            "MERCADO", "ALTAMIRA", "NUTRIBEBE", "BSOLIDARIO"}
_IMPLEMENTER_SECTORS = {"un_system", "civil_society", "academia", "local_government"}

# Relative chance of a tie between two sectors (symmetric). Civil society ties mostly within
# itself (a silo); the private sector ties with academia and government, seldom with civil
# society (Appendix 2); the UN system ties with everyone (the "strategic bridge").
_AFFINITY = {
    ("civil_society", "civil_society"): 40.0, ("academia", "academia"): 3.0, ("un_system", "un_system"): 4.0,
    ("federal_government", "federal_government"): 3.0, ("private_sector", "private_sector"): 3.0,
    ("financial_sector", "financial_sector"): 3.5, ("international_cooperation", "international_cooperation"): 3.0,
    ("local_government", "local_government"): 1.5, ("media", "media"): 0.5,
    ("un_system", "federal_government"): 4.0, ("un_system", "local_government"): 3.0, ("un_system", "academia"): 2.5,
    ("un_system", "civil_society"): 1.0, ("un_system", "private_sector"): 1.5, ("un_system", "financial_sector"): 1.5,
    ("un_system", "international_cooperation"): 3.5, ("un_system", "legislature"): 2.0, ("un_system", "media"): 1.5,
    ("un_system", "other"): 1.5,
    ("federal_government", "legislature"): 2.5, ("federal_government", "local_government"): 2.0,
    ("federal_government", "private_sector"): 1.2, ("federal_government", "financial_sector"): 2.0,
    ("federal_government", "academia"): 0.8, ("federal_government", "international_cooperation"): 1.5,
    ("private_sector", "academia"): 1.8, ("private_sector", "financial_sector"): 1.5,
    ("private_sector", "civil_society"): 0.1, ("academia", "legislature"): 0.8,
    ("academia", "international_cooperation"): 0.8, ("civil_society", "international_cooperation"): 0.6,
    ("civil_society", "media"): 1.0, ("financial_sector", "international_cooperation"): 1.0,
    ("local_government", "academia"): 0.6, ("other", "civil_society"): 1.0, ("other", "federal_government"): 0.8,
}
_KINDS_BY_PAIR = {
    "default": (("partnership", 4), ("coordination", 3), ("dialogue", 3), ("knowledge", 1)),
    "academia": (("knowledge", 5), ("partnership", 3), ("dialogue", 1)),
    "government": (("coordination", 5), ("dialogue", 3), ("partnership", 1)),
}


def _ties(stakeholders: list[dict], partnerships: list[dict], rng: random.Random) -> list[dict]:
    sector = {s["id"]: s["sector"] for s in stakeholders}
    ids = [s["id"] for s in stakeholders if s["id"] not in _ISOLATES]
    ties: list[dict] = []
    seen_pairs: set[tuple[str, str]] = set()  # one tie per pair of stakeholders, whatever its kind

    def add(a: str, b: str, kind: str, strength: int, since: int, until: int | None = None, note: str = "") -> None:
        pair = (min(a, b), max(a, b))
        if a == b or pair in seen_pairs:
            return
        seen_pairs.add(pair)
        ties.append({"source": a, "target": b, "kind": kind, "directed": "Yes" if kind == "funding" else "",
                     "strength": strength, "since": since, "until": until, "note": note})

    # 1. Every partnership: its lead tied to each member.
    for p in partnerships:
        since = p["start"].year
        until = p["end"].year if p["status"] == "closed" and p["end"] else None
        for m in p["members"].split("; "):
            if m:
                add(p["lead"], m, "partnership", 3 if p["status"] in ("active", "closed") else 2, since, until,
                    f"{p['id']}: {p['name']}")
    # 2. Known funding flows, donors -> implementers.
    funding = [
        ("GIZ", "TEC", 3, 2021), ("GIZ", "SENADO", 2, 2019), ("GIZ", "UNDP", 3, 2016), ("AECID", "UNWOMEN", 3, 2017),
        ("AECID", "UNHCR", 2, 2019), ("UE", "UNWOMEN", 3, 2019), ("UE", "UNICEF", 2, 2018), ("UE", "FUNDAR", 2, 2020),
        ("USAID", "IOM", 3, 2018), ("USAID", "UNHCR", 2, 2019), ("JICA", "AMEXCID", 2, 2015), ("SIDA", "UNFPA", 2, 2018),
        ("BID", "SHCP", 3, 2012), ("BID", "GOB_NL", 2, 2018), ("CAF", "GOB_CDMX", 2, 2020), ("BM", "SHCP", 3, 2012),
        ("PUENTES", "PROINF", 2, 2021), ("PUENTES", "SDSN_YOUTH", 1, 2022), ("HORIZONTE", "MIXTECA", 2, 2022),
        ("HORIZONTE", "JOVCLIMA", 1, 2023), ("IMPACTOSUR", "HORIZONTE", 2, 2022), ("MERCADO", "CEMEFI", 1, 2019),
        ("ALTAMIRA", "ILO", 2, 2023), ("UE", "DEFENSORAS", 1, 2021), ("AECID", "ISTMO", 1, 2022),
    ]
    for a, b, strength, since in funding:
        add(a, b, "funding", strength, since)
    # 3. Known ties of the smaller players, so that only _ISOLATES stay alone.
    for a, b, kind in [("CANALONCE", "UNICEF", "dialogue"), ("IMER", "UNFPA", "dialogue"),
                       ("NOTISURESTE", "JOVCLIMA", "dialogue"), ("COLMEX", "UNAM", "knowledge"),
                       ("OCDE", "SHCP", "knowledge"), ("FARO", "SENDERO", "other"), ("CNDH", "UNHCR", "coordination"),
                       ("INTERRELIG", "DEFENSORAS", "partnership"), ("CANALONCE", "IMER", "coordination"),
                       ("MERIDA", "GOB_YUC", "coordination"), ("AGROPAC", "FAO", "dialogue")]:
        add(a, b, kind, 1, rng.randint(2016, 2023))
    # 4. The RCO convenes: dialogue with every critical-group stakeholder.
    for s in stakeholders:
        if (s["influence"] or 0) >= 4 and (s["interest"] or 0) >= 4:
            add("RCO", s["id"], "dialogue", 2, rng.randint(2018, 2023))
    # 5. Random ties by sector affinity until the target count.
    weights = {}
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            w = _AFFINITY.get((sector[a], sector[b])) or _AFFINITY.get((sector[b], sector[a])) or 0.05
            weights[(a, b)] = w
    pairs = list(weights)
    cum = []
    total = 0.0
    for p in pairs:
        total += weights[p]
        cum.append(total)
    while len(ties) < _TIES_TARGET:
        a, b = pairs[_bisect(cum, rng.random() * total)]
        if rng.random() < 0.5:
            a, b = b, a
        if a in _FUNDERS and sector[b] in _IMPLEMENTER_SECTORS and rng.random() < 0.6:
            kind = "funding"
        else:
            group = "academia" if "academia" in (sector[a], sector[b]) else (
                "government" if {sector[a], sector[b]} <= {"federal_government", "local_government", "legislature"}
                else "default")
            options = _KINDS_BY_PAIR[group]
            kind = rng.choices([k for k, _ in options], [w for _, w in options])[0]
        since = rng.randint(2012, 2024)
        until = rng.randint(since + 1, 2025) if since < 2024 and rng.random() < 0.07 else None
        strength = rng.choices([1, 2, 3], [5, 3, 1])[0]
        add(a, b, kind, strength, since, until)
    return ties


def _bisect(cum: list[float], x: float) -> int:
    lo, hi = 0, len(cum) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cum[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


# ---------------------------------------------------------------------------------------
# Due diligence (Appendix 4): negative answers only on fictional organisations
# ---------------------------------------------------------------------------------------

# (stakeholder, date, assessor, notes, deviations from the clean answer sheet)
# Clean sheet: q01-q04 Yes, q05-q19 No. Deviations: {"q03": "No"} (caution),
# {"q10": "Yes"} (red flag, excluded), {"q13": ""} (blank, incomplete).
_DD = [
    ("PACTO", dt.date(2022, 9, 12), "RCO partnerships officer", "Initial screening", {}),
    ("PACTO", dt.date(2025, 3, 3), "RCO partnerships officer", "Rescreening before the liaison mechanism", {}),
    ("CCE", dt.date(2024, 11, 5), "RCO partnerships officer", "", {}),
    ("COPARMEX", dt.date(2024, 11, 5), "RCO partnerships officer", "", {}),
    ("CONCAMIN", dt.date(2023, 2, 20), "RIAFD", "Screening older than one year: renew", {}),
    ("ABM", dt.date(2025, 2, 14), "RIAFD", "", {}),
    ("NAFIN", dt.date(2025, 2, 14), "RIAFD", "", {}),
    ("CESF", dt.date(2025, 1, 20), "RIAFD", "", {}),
    ("CEMEFI", dt.date(2024, 10, 1), "Results Group 3", "", {}),
    ("FUNDAR", dt.date(2024, 10, 1), "Results Group 3", "", {}),
    ("POLEA", dt.date(2023, 4, 18), "Results Group 3", "Screening older than one year: renew", {}),
    ("SDSN_YOUTH", dt.date(2024, 7, 30), "TF Juventudes", "", {}),
    ("TEC", dt.date(2024, 3, 11), "RCO partnerships officer", "", {}),
    ("IBERO", dt.date(2025, 4, 2), "Results Group 1", "", {}),
    ("CANALONCE", dt.date(2025, 5, 6), "UNCG", "", {}),
    ("HORIZONTE", dt.date(2022, 2, 15), "UNDP", "Before the resilience fund", {}),
    ("HORIZONTE", dt.date(2024, 12, 9), "UNDP", "Annual rescreening", {}),
    ("SOLARES", dt.date(2023, 1, 16), "ILO", "Legal registration not found in the public registry", {"q01": "No"}),
    ("AGROPAC", dt.date(2023, 3, 7), "FAO", "No sustainability report found", {"q03": "No"}),
    ("AGROPAC", dt.date(2025, 2, 24), "FAO", "First sustainability report published in 2024", {}),
    ("MERCADO", dt.date(2024, 9, 10), "RCO partnerships officer", "Not part of any UN initiative yet", {"q04": "No"}),
    ("BSOLIDARIO", dt.date(2023, 6, 5), "UNDP", "No previous UN relationship; older than one year", {"q02": "No"}),
    ("BAJIO_OBS", dt.date(2025, 1, 14), "Results Group 4", "No earlier UN partnership (context, not risk)",
     {"q02": "No"}),
    ("FARO", dt.date(2024, 8, 19), "UNCG", "Not registered in any UN initiative", {"q04": "No", "q02": "No"}),
    ("MIXTECA", dt.date(2025, 4, 22), "FAO", "Annual rescreening", {}),
    ("IMPACTOSUR", dt.date(2024, 12, 2), "UNDP", "Questionnaire partly answered", {"q14": "", "q16": "", "q17": ""}),
    ("DELTA", dt.date(2025, 5, 19), "RCO operations", "Awaiting the supplier file", {"q03": "", "q04": ""}),
    ("ISTMO", dt.date(2025, 6, 2), "UN Women", "Annual rescreening", {}),
    ("TABACALERA", dt.date(2024, 6, 3), "RCO partnerships officer", "Tobacco: excluded by policy", {"q10": "Yes"}),
    ("PUENTEALTO", dt.date(2024, 2, 26), "UNOPS focal point", "Bribery case and federal sanction",
     {"q15": "Yes", "q16": "Yes"}),
    ("NUTRIBEBE", dt.date(2025, 3, 17), "UNICEF", "Markets breast-milk substitutes contrary to the WHO code",
     {"q12": "Yes"}),
    ("RAPIDA", dt.date(2023, 11, 8), "UNDP", "Data protection sanction; pending investigation",
     {"q14": "Yes", "q17": "Yes", "q03": "No"}),
    ("SENDERO", dt.date(2025, 1, 13), "Results Group 2", "Press investigation on misuse of donations", {"q19": "Yes"}),
    # Screenings before each recorded "proceed" and, for active partnerships, renewed within the year, so that
    # the consistency alerts (partnerlab/consistency.py) fall only on fictional organisations.
    ("ISTMO", dt.date(2022, 2, 7), "UN Women", "Before the care economy alliance", {}),
    ("INMUJERES", dt.date(2022, 2, 7), "UN Women", "Before the care economy alliance", {}),
    ("AECID", dt.date(2022, 2, 7), "UN Women", "Before the care economy alliance", {}),
    ("GOB_CDMX", dt.date(2022, 2, 7), "UN Women", "Before the care economy alliance", {}),
    ("FUNDAR", dt.date(2022, 2, 7), "UN Women", "Before the care economy alliance", {}),
    ("UE", dt.date(2022, 2, 7), "UN Women", "Before the care economy alliance", {}),
    ("SE2030", dt.date(2022, 3, 28), "RCO partnerships officer", "Before the dialogue with the Executive Secretariat", {}),
    ("INEGI", dt.date(2022, 3, 28), "RCO partnerships officer", "Before the dialogue with the Executive Secretariat", {}),
    ("CONAGO", dt.date(2022, 3, 28), "RCO partnerships officer", "Before the dialogue with the Executive Secretariat", {}),
    ("AMEXCID", dt.date(2022, 3, 28), "RCO partnerships officer", "Before the dialogue with the Executive Secretariat", {}),
    ("GOB_OAX", dt.date(2022, 9, 20), "UNDP", "Before the SDG localization pilot", {}),
    ("MIXTECA", dt.date(2022, 9, 26), "FAO", "Before the SDG localization pilot", {}),
    ("GIZ", dt.date(2024, 11, 18), "RCO partnerships officer", "Annual rescreening", {}),
    ("SDSN_MX", dt.date(2024, 11, 18), "RCO partnerships officer", "Annual rescreening", {}),
    ("POLEA", dt.date(2024, 11, 20), "Results Group 3", "Renewed", {}),
    ("ANUIES", dt.date(2024, 12, 3), "Results Group 1", "Annual rescreening", {}),
    ("UNAM", dt.date(2024, 12, 3), "Results Group 1", "Annual rescreening", {}),
    ("AECID", dt.date(2024, 12, 10), "RCO partnerships officer", "Annual rescreening", {}),
    ("UE", dt.date(2024, 12, 10), "RCO partnerships officer", "Annual rescreening", {}),
    ("SE2030", dt.date(2025, 1, 8), "RCO partnerships officer", "Annual rescreening", {}),
    ("INEGI", dt.date(2025, 1, 8), "RCO partnerships officer", "Annual rescreening", {}),
    ("CONAGO", dt.date(2025, 1, 8), "RCO partnerships officer", "Annual rescreening", {}),
    ("AMEXCID", dt.date(2025, 1, 8), "RCO partnerships officer", "Annual rescreening", {}),
    ("DEFENSORAS", dt.date(2025, 1, 10), "Results Group 3", "Before the advisory group", {}),
    ("PROINF", dt.date(2025, 1, 10), "Results Group 3", "Before the advisory group", {}),
    ("GOB_OAX", dt.date(2025, 1, 15), "UNDP", "Annual rescreening", {}),
    ("UDG", dt.date(2025, 1, 22), "Results Group 1", "", {}),
    ("UADY", dt.date(2025, 1, 22), "Results Group 1", "", {}),
    ("INMUJERES", dt.date(2025, 2, 3), "UN Women", "Annual rescreening", {}),
    ("GOB_CDMX", dt.date(2025, 2, 3), "UN Women", "Annual rescreening", {}),
    ("TEC", dt.date(2025, 2, 10), "RCO partnerships officer", "Renewed", {}),
    ("CONCAMIN", dt.date(2025, 3, 10), "RCO partnerships officer", "Renewed before the liaison mechanism", {}),
    ("JOVCLIMA", dt.date(2025, 3, 18), "TF Juventudes", "", {}),
]


def _due_diligence() -> list[dict]:
    rows = []
    for sid, day, assessor, notes, deviations in _DD:
        row = {"stakeholder": sid, "assessed_on": day, "assessor": assessor, "notes": notes}
        for i in range(1, 20):
            code = f"q{i:02d}"
            row[code] = deviations.get(code, "Yes" if i <= 4 else "No")
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------------------
# Value assessment (Appendix 5)
# ---------------------------------------------------------------------------------------

_CRITERIA = ("c1", "c2", "c3", "c4", "c5", "c6", "c7a", "c7b", "c8", "c9")
# (subject, date, ratings other than acceptable, pending, decision, decision date); "" = not assessed
_VA = [
    ("P15", dt.date(2023, 4, 10), {"c1": "not_acceptable", "c5": "adjustments", "c6": "not_acceptable"},
     "Due diligence shows a data protection sanction and a pending investigation.", "decline", dt.date(2023, 4, 20)),
    ("TABACALERA", dt.date(2024, 6, 10), {"c1": "not_acceptable", "c2": "not_acceptable"},
     "Tobacco industry: excluded by UN policy.", "decline", dt.date(2024, 6, 12)),
    ("PUENTEALTO", dt.date(2024, 3, 4), {"c1": "not_acceptable", "c6": "not_acceptable", "c5": "adjustments"},
     "Bribery case and federal sanction in the last ten years.", "decline", dt.date(2024, 3, 8)),
    ("P03", dt.date(2025, 3, 10), {}, "", "proceed", dt.date(2025, 3, 24)),
    ("P13", dt.date(2022, 4, 4), {}, "", "proceed", dt.date(2022, 4, 18)),
    ("P14", dt.date(2022, 2, 14), {}, "", "proceed", dt.date(2022, 2, 28)),
    ("P04", dt.date(2025, 2, 10), {"c1": "insufficient_information", "c3": "insufficient_information",
                                   "c7a": "insufficient_information"},
     "Due diligence of the members pending; scope of the joint analysis and who funds the secretariat are still open.", "continue_analysis",
     dt.date(2025, 2, 21)),
    ("P10", dt.date(2025, 1, 20), {"c4": "adjustments", "c7b": "adjustments", "c9": "adjustments"},
     "Agree the terms of reference; open, representative call to CSOs; define measures of success.",
     "proceed", dt.date(2025, 2, 5)),
    ("P07", dt.date(2022, 10, 3), {"c7a": "adjustments", "c8": "adjustments"},
     "Co-financing from the state budget to be confirmed each year.", "proceed", dt.date(2022, 10, 17)),
    ("P11", dt.date(2023, 1, 9), {"c5": "adjustments", "c9": "insufficient_information"},
     "No baseline for green jobs; exit strategy not defined.", "proceed", dt.date(2023, 1, 20)),
    ("P12", dt.date(2022, 3, 7), {"c6": "not_acceptable", "c7b": "adjustments"},
     "Concentration of decisions in the lead foundation; mitigation plan requested.", "continue_analysis",
     dt.date(2022, 3, 21)),
    ("AGROPAC", dt.date(2025, 3, 3), {"c3": "adjustments", "c4": "adjustments"},
     "Labour conditions of seasonal workers to be reviewed with ILO before proceeding.", "continue_analysis",
     dt.date(2025, 3, 14)),
    ("SOLARES", dt.date(2023, 1, 23), {"c4": "", "c7b": "adjustments"},
     "Transaction costs not estimated yet (criterion 4 not assessed).", "continue_analysis", dt.date(2023, 2, 3)),
    ("P08", dt.date(2025, 5, 12), {"c1": "insufficient_information", "c3": "insufficient_information",
                                   "c9": "insufficient_information"},
     "Donors to confirm their interest in a formal mechanism; their due diligence is pending.", "", None),
    ("PACTO", dt.date(2025, 3, 5), {}, "", "proceed", dt.date(2025, 3, 7)),
    ("NUTRIBEBE", dt.date(2025, 4, 7), {"c1": "not_acceptable", "c5": "adjustments"},
     "Sponsorship of a nutrition campaign; its screening found breast-milk substitutes marketed contrary to the WHO "
     "code.", "proceed", dt.date(2025, 4, 14)),
]


def _value_assessment() -> list[dict]:
    rows = []
    for subject, day, ratings, pending, decision, decided in _VA:
        row = {"subject": subject, "assessed_on": day}
        row.update({c: ratings.get(c, "acceptable") for c in _CRITERIA})
        row.update({"pending": pending, "decision": decision, "decision_date": decided})
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------------------
# Quality assessment (Appendix 6)
# ---------------------------------------------------------------------------------------

_DIMS = ("non_discrimination", "accessibility", "access_to_information", "influence_on_decisions", "transparency",
         "responsiveness")
_ROUNDS = (dt.date(2023, 11, 15), dt.date(2024, 11, 20))
# partnership: (round-1 collective scores, change in round 2, perspectives besides collective)
_Q = {
    "P01": ((3, 2, 3, 2, 3, 2), (0, 1, 0, 1, 0, 0), ("self", "government", "civil_society", "academia")),
    "P02": ((2, 2, 3, 2, 2, 2), (0, 1, 0, 1, 1, 0), ("self", "academia", "un_system")),
    "P05": ((2, 3, 2, 2, 2, 2), (1, 0, 1, 0, 1, 1), ("self", "academia")),
    "P06": ((3, 3, 3, 2, 3, 2), (0, 0, 0, 0, 0, 0), ("un_system", "government")),
    "P07": ((2, 2, 2, 2, 3, 2), (1, 0, 1, 1, 0, 1), ("self", "government", "civil_society", "un_system")),
    "P08": ((2, 2, 3, 2, 2, 2), (0, 0, 0, 0, 1, 0), ("self", "un_system")),
    "P09": ((3, 2, 2, 3, 2, 2), (0, 1, 1, 0, 1, 1), ("self", "civil_society")),
    "P11": ((1, 1, 2, 0, 1, 1), (1, 0, 0, 1, 1, 0), ("self", "private_sector", "un_system")),
    "P12": ((2, 1, 1, 1, 2, 0), (0, 1, 1, 1, 0, 1), ("self", "government", "civil_society", "un_system")),
    "P13": ((2, 2, 3, 2, 2, 3), (1, 0, 0, 1, 1, 0), ("self", "government")),
    "P14": ((3, 2, 2, 2, 3, 2), (0, 1, 1, 0, 0, 1), ("self", "government", "civil_society")),
    "P15": ((1, 1, 0, 1, 0, 1), (0, 0, 0, 0, 0, 0), ("un_system",)),
}
# Offsets by perspective: self-assessments run high; government sees more influence than civil society.
_OFFSETS = {
    "collective": (0, 0, 0, 0, 0, 0), "self": (1, 0, 1, 1, 0, 1), "government": (0, 0, 1, 1, 1, 1),
    "civil_society": (-1, -1, -1, -1, 0, -1), "private_sector": (0, 1, 0, 0, 0, 0), "academia": (0, 0, 0, -1, 0, 0),
    "un_system": (0, 0, 0, 1, 0, 0),
}
_EVIDENCE = {
    "non_discrimination": ("No effort to identify groups left behind",
                           "Groups left behind are mentioned but not invited",
                           "Diverse stakeholders invited; representatives chosen by the lead",
                           "Indigenous, youth and women's organisations chose their own representatives"),
    "accessibility": ("Meetings only in person in the capital, no accessible materials",
                      "Virtual sessions but no interpretation or accessible formats",
                      "Hybrid sessions and materials in plain language",
                      "Accessibility needs surveyed and met: sign language, indigenous languages, travel support"),
    "access_to_information": ("Documents shared on the day of the meeting",
                              "Documents shared a few days before decisions",
                              "Documents published two weeks before decisions",
                              "Progress reports co-produced and published with time to consult constituencies"),
    "influence_on_decisions": ("Decisions taken by the lead alone",
                               "Inputs collected but no feedback on their use",
                               "Joint working groups draft decisions",
                               "Co-creation of decisions; report on how each input shaped the results"),
    "transparency": ("No public information on the process",
                     "Occasional press releases",
                     "Minutes and agreements published on the web",
                     "Regular public reporting to Congress, media and stakeholders"),
    "responsiveness": ("No channel for feedback or complaints",
                       "Feedback by e-mail without follow-up",
                       "Feedback channel with answers in the next meeting",
                       "Complaints mechanism with tracked resolution"),
}


def _quality_assessment(partnerships: list[dict], rng: random.Random) -> list[dict]:
    names = {p["id"]: p["name"] for p in partnerships}
    lead_fictional = {p["id"]: is_fictional_name(p["name"]) for p in partnerships}
    rows = []
    for pid, (base, change, perspectives) in _Q.items():
        floor = 0 if lead_fictional[pid] else 2  # low scores only where the lead is fictional
        rounds = _ROUNDS if pid != "P15" else _ROUNDS[:1]
        for r, day in enumerate(rounds):
            for persp in ("collective", *perspectives):
                if r == 0 and persp == "academia" and pid == "P05":
                    continue  # not every perspective took part in both rounds
                scores = [base[i] + (change[i] if r else 0) + _OFFSETS[persp][i] for i in range(6)]
                scores = [min(3, max(floor, s)) for s in scores]
                row = {"partnership": pid, "assessed_on": day, "perspective": persp}
                row.update(dict(zip(_DIMS, scores)))
                for d, s in zip(_DIMS, scores):
                    row[f"evidence_{d}"] = _EVIDENCE[d][s]
                low = [d.replace("_", " ") for d, s in zip(_DIMS, scores) if s < 3]
                row["gaps"] = ("Gaps in " + ", ".join(low) + ".") if low else "No significant gaps."
                mean = sum(scores) / len(scores)  # the impact participants report follows the scores
                row["impact"] = rng.choice(
                    ("Clear impact: proposals by participants adopted in the final document.",
                     "Participants see their inputs reflected in the work plan.") if mean >= 2.5 else
                    ("Partly: participants see impact on agenda setting, less on decisions.",) if mean >= 2 else
                    ("Participants report little impact on the results so far.",))
                row["lessons"] = rng.choice((
                    "Share documents earlier and explain how inputs are used.",
                    "Hold sessions outside the capital and in indigenous languages.",
                    "Agree terms of reference with roles before scaling up.",
                    "A joint monitoring framework helps keep commitment.",
                ))
                row["sources"] = f"Workshop with partners ({day:%B %Y}); interviews; minutes of {names[pid][:40]}"
                if r and pid == "P11":
                    continue  # drawn, so the random sequence is unchanged, but not kept: its quality is overdue
                rows.append(row)
    return rows


# ---------------------------------------------------------------------------------------
# Diagnosis survey (Appendix 2)
# ---------------------------------------------------------------------------------------

_AGREE_EN = "Strongly disagree; Disagree; Neither agree nor disagree; Agree; Strongly agree"
_AGREE_ES = "Totalmente en desacuerdo; En desacuerdo; Ni de acuerdo ni en desacuerdo; De acuerdo; Totalmente de acuerdo"
_LEVEL_ES = "Muy bajo; Bajo; Medio; Alto; Muy alto; No sé"
_CHALLENGES = ("Weak dialogue and advocacy mechanisms; Difficulty mobilizing financial resources; "
               "Lack of spaces for citizen participation; Lack of multi-stakeholder and multi-sector spaces; "
               "Working in silos and poor coordination; Political changes and discontinuity; "
               "Limited technical capacities")
_SECTOR_LABELS = "; ".join(t.en for t in vocab.SECTORS)

# (id, theme, text, type, options)
_QUESTIONS = [
    ("inst_council", "institutionality", "The national and state councils for the 2030 Agenda coordinate "
     "stakeholders effectively.", "scale", _AGREE_EN),
    ("inst_cso_voice", "institutionality", "Civil society can take part effectively in defining public policies and "
     "budgets for sustainable development.", "scale", _AGREE_EN),
    ("inst_state_council", "institutionality", "Does your state have a functioning council for the 2030 Agenda?",
     "choice", "Yes; No; Don't know"),
    ("stk_ownership", "stakeholders", "Nivel de apropiación de la Agenda 2030 en su sector", "scale", _LEVEL_ES),
    ("stk_private", "stakeholders", "The private sector is a committed partner for the SDGs.", "scale", _AGREE_EN),
    ("stk_partners", "stakeholders", "Which sectors does your organisation partner with regularly?", "multi",
     _SECTOR_LABELS),
    ("dlg_pandemic", "dialogue", "Since the pandemic, your participation in dialogue spaces has...", "scale",
     "Decreased a lot; Decreased; Stayed the same; Increased; Increased a lot"),
    ("dlg_format", "dialogue", "Main format of your dialogue with partners", "choice", "In person; Virtual; Hybrid"),
    ("dlg_digital", "dialogue", "Las herramientas digitales facilitaron la gestión de alianzas.", "scale", _AGREE_ES),
    ("fin_access", "financing", "Access to funding for partnerships has improved in the last two years.", "scale",
     _AGREE_EN),
    ("fin_sources", "financing", "Sources of funding of your partnerships", "multi",
     "Federal budget; State or municipal budget; International cooperation; Private companies; Philanthropy; "
     "Own resources"),
    ("fin_intl_pct", "financing", "Approximate share of your partnership budget from international cooperation (%)",
     "number", ""),
    ("col_silos", "collaboration", "Stakeholders in my sector tend to work in silos.", "scale", _AGREE_EN),
    ("col_count", "collaboration", "Number of multi-stakeholder partnerships your organisation took part in last year",
     "number", ""),
    ("col_level", "collaboration", "Level at which you mostly collaborate", "choice",
     "Municipal; State; National; International"),
    ("col_local", "collaboration", "There is enough dialogue between stakeholders at the local level.", "scale",
     _AGREE_EN),
    ("eff_challenges", "efficacy", "What are the main challenges to the effectiveness of partnerships for "
     "sustainable development? (choose up to three)", "multi", _CHALLENGES),
    ("eff_results", "efficacy", "The partnerships my organisation takes part in achieve their objectives.", "scale",
     _AGREE_EN),
    ("eff_recommend", "efficacy", "One recommendation to make partnerships for the SDGs more effective", "text", ""),
]


def _survey_questions() -> list[dict]:
    return [{"question": q, "theme": t, "text": text, "type": kind, "options": opts}
            for q, t, text, kind, opts in _QUESTIONS]


_RESPONDENT_SECTORS = (
    ("federal_government", 20), ("legislature", 5), ("local_government", 18), ("academia", 18),
    ("civil_society", 30), ("private_sector", 17), ("financial_sector", 8), ("international_cooperation", 8),
    ("un_system", 10), ("media", 4), ("other", 4),
)
_RESPONDENT_STATES = ("Ciudad de México", "CDMX", "Oaxaca", "Jalisco", "Nuevo León", "Yucatán", "Chiapas",
                      "Estado de México", "Puebla", "Guanajuato", "Veracruz", "Sonora", "Chihuahua", "Querétaro",
                      "Guerrero", "Michoacán", "Tabasco", "Baja California", "Sinaloa", "Coahuila", "Hidalgo",
                      "Tamaulipas", "Quintana Roo", "San Luis Potosí", "Morelos", "Zacatecas", "Tlaxcala")
# Mean position (1-5) of each scale answer per sector; "*" for the others.
_MEANS = {
    "inst_council": {"federal_government": 4.0, "local_government": 3.4, "civil_society": 2.3, "*": 3.0},
    "inst_cso_voice": {"federal_government": 3.9, "legislature": 3.6, "civil_society": 1.9, "academia": 2.6, "*": 2.9},
    "stk_ownership": {"federal_government": 3.8, "un_system": 4.0, "private_sector": 3.0, "media": 2.2, "*": 3.0},
    "stk_private": {"private_sector": 4.3, "financial_sector": 3.9, "civil_society": 2.2, "*": 3.1},
    "dlg_pandemic": {"civil_society": 1.8, "local_government": 2.2, "*": 2.6},
    "dlg_digital": {"*": 3.8, "civil_society": 3.2},
    "fin_access": {"financial_sector": 3.6, "civil_society": 1.8, "local_government": 2.0, "*": 2.4},
    "col_silos": {"*": 3.8, "un_system": 3.3},
    "col_local": {"local_government": 3.0, "*": 2.3},
    "eff_results": {"federal_government": 3.9, "civil_society": 2.8, "*": 3.4},
}
_CHALLENGE_WEIGHTS = {
    "*": (3, 4, 3, 3, 4, 2, 1),
    "civil_society": (4, 4, 5, 3, 3, 2, 2),
    "private_sector": (2, 3, 1, 4, 4, 3, 1),
    "federal_government": (2, 5, 1, 3, 3, 1, 2),
}
_RECOMMENDATIONS = (
    "Create permanent multi-stakeholder spaces at the state level.",
    "Publish clear information before decisions are taken.",
    "Pool funding for joint projects instead of competing for small grants.",
    "Involve civil society from the design of the partnership.",
    "Crear mesas de diálogo en los municipios, no solo en la capital.",
    "Fortalecer capacidades de las OSC para acceder a financiamiento.",
    "Agree common indicators and report progress every year.",
    "Reduce the turnover of government counterparts after elections.",
)


def _survey_responses(questions: list[dict], rng: random.Random) -> list[dict]:
    sectors = [s for s, n in _RESPONDENT_SECTORS for _ in range(n)]
    rng.shuffle(sectors)
    rows = []
    for i, sector in enumerate(sectors, 1):
        row = {"respondent": f"R{i:03d}", "sector": sector,
               "state": "" if i % 23 == 0 else rng.choice(_RESPONDENT_STATES)}
        for q in questions:
            row[q["question"]] = _answer(q, sector, rng)
        rows.append(row)
    return rows


def _answer(q: dict, sector: str, rng: random.Random) -> object:
    qid, kind = q["question"], q["type"]
    options = [o.strip() for o in q["options"].split(";")] if q["options"] else []
    if rng.random() < 0.06:
        return ""  # no answer
    if kind == "scale":
        if qid == "stk_ownership" and rng.random() < 0.08:
            return "No sé"
        means = _MEANS.get(qid, {"*": 3.0})
        pos = min(5, max(1, round(rng.gauss(means.get(sector, means["*"]), 0.9))))
        return pos if rng.random() < 0.05 else options[pos - 1]  # a few typed as the 1-based position
    if kind == "choice":
        if qid == "inst_state_council":
            w = (5, 3, 2) if sector in ("local_government", "federal_government") else (3, 3, 4)
        elif qid == "col_level":
            w = {"local_government": (5, 5, 1, 0), "international_cooperation": (0, 1, 4, 5),
                 "un_system": (1, 3, 5, 3)}.get(sector, (2, 3, 4, 1))
        else:
            w = (2, 2, 5)
        return rng.choices(options, w)[0]
    if kind == "multi":
        if qid == "eff_challenges":
            w = _CHALLENGE_WEIGHTS.get(sector, _CHALLENGE_WEIGHTS["*"])
            k = rng.choice((1, 2, 3, 3))
        elif qid == "stk_partners":
            w = [6 if o in ("Federal government", "UN system") else 3 if o == vocab.SECTORS.label(sector) else 1.5
                 for o in options]
            if sector == "private_sector":  # the private sector seldom partners with civil society
                w = [0.2 if o == "Civil society" else x for o, x in zip(options, w)]
            k = rng.choice((1, 2, 3, 4))
        else:
            w = [2] * len(options)
            k = rng.choice((1, 2, 2, 3))
        picked = set()
        while len(picked) < k:
            picked.add(rng.choices(range(len(options)), w)[0])
        return "; ".join(options[j] for j in sorted(picked))
    if kind == "number":
        if qid == "fin_intl_pct":
            hi = 80 if sector in ("civil_society", "un_system") else 30
            return rng.randint(0, hi // 5) * 5
        return rng.choices((0, 1, 2, 3, 4, 5, 8, 12), (2, 5, 6, 5, 3, 2, 1, 1))[0]
    return rng.choice(_RECOMMENDATIONS) if rng.random() < 0.6 else ""


# ---------------------------------------------------------------------------------------
# Action plan (Appendix 1)
# ---------------------------------------------------------------------------------------

# code: (planned years, status, progress %). Late = every planned year before 2025 and not done.
_PLAN = {
    "1.1": ("2022", "done", 100), "1.2": ("2022; 2023; 2024; 2025", "in_progress", 75),
    "1.3": ("2022; 2023", "done", 100), "1.4": ("2022; 2023; 2024; 2025", "in_progress", 60),
    "1.5": ("2023; 2024; 2025", "in_progress", 40), "1.6": ("2022; 2023", "done", 100),
    "1.7": ("2022; 2023", "in_progress", 70), "1.8": ("2023", "in_progress", 50),
    "1.9": ("2023; 2024; 2025", "in_progress", 45), "1.10": ("2022; 2023; 2024", "in_progress", 80),
    "1.11": ("2023; 2024", "not_started", 0), "1.12": ("2023; 2024; 2025", "in_progress", 30),
    "2.1": ("2022; 2023; 2024; 2025", "in_progress", 85), "2.2": ("2022", "done", 100),
    "2.3": ("2022; 2023", "done", 100), "2.4": ("2023; 2024; 2025", "in_progress", 55),
    "2.5": ("2022; 2023; 2024; 2025", "in_progress", 65), "2.6": ("2022", "done", 100),
    "2.7": ("2022; 2023; 2024", "done", 100), "2.8": ("2023", "in_progress", 35),
    "2.9": ("2023", "done", 100), "2.10": ("2023; 2024; 2025", "in_progress", 60),
    "2.11": ("2023; 2024; 2025", "in_progress", 50), "2.12": ("2024; 2025", "in_progress", 40),
    "2.13": ("2022", "done", 100), "2.14": ("2023; 2024; 2025", "in_progress", 40),
    "2.15": ("2022; 2023", "done", 100), "2.16": ("2022; 2023; 2024; 2025", "in_progress", 70),
    "2.17": ("2023; 2024; 2025", "not_started", 0), "2.18": ("2022; 2023", "done", 100),
    "2.19": ("2023; 2024; 2025", "in_progress", 25), "2.20": ("2022; 2023; 2024; 2025", "in_progress", 70),
    "2.21": ("2023; 2024; 2025", "in_progress", 20), "2.22": ("2023; 2024; 2025", "not_started", 0),
    "2.23": ("2024", "dropped", 10), "2.24": ("2023; 2024; 2025", "in_progress", 30),
    "2.25": ("2022", "done", 100), "2.26": ("2023; 2024; 2025", "in_progress", 60),
    "2.27": ("2024; 2025", "in_progress", 30), "3.1": ("2023", "done", 100),
    "3.2": ("2023; 2024; 2025", "in_progress", 50), "3.3": ("2024; 2025", "in_progress", 35),
    "3.4": ("2024; 2025", "not_started", 0), "3.5": ("2023; 2024", "done", 100),
    "3.6": ("2024; 2025", "in_progress", 20), "3.7": ("2023; 2024; 2025", "in_progress", 45),
    "3.8": ("2024; 2025", "not_started", 0), "3.9": ("2022", "done", 100),
    "3.10": ("2022; 2023; 2024; 2025", "in_progress", 55),
}
_EVIDENCE_BY_STATUS = {
    "done": "Completed; products filed in the RIAFD repository (illustrative).",
    "in_progress": "Work under way; last update at the interagency meeting (illustrative).",
    "not_started": "Not started: awaiting resources or a lead agency (illustrative).",
    "dropped": "Dropped by the UNCT after review; merged into another course of action (illustrative).",
}


def _action_plan() -> list[dict]:
    actions = vocab.ACTIONS
    if len(actions) != len(_PLAN):
        raise RuntimeError(f"vocab.ACTIONS has {len(actions)} courses of action; the sample expects {len(_PLAN)}")
    rows = []
    for i, a in enumerate(actions):
        years, status, pct = _PLAN[a.code]
        updated = dt.date(2025, 1 + i % 6, 1 + (i * 7) % 28)
        rows.append({
            "code": a.code, "pillar": a.pillar, "area": a.area_en, "action": a.en,
            "responsible": "; ".join(a.responsible), "years": years, "status": status, "progress_pct": pct,
            "updated_on": updated if status != "not_started" or i % 2 else None,
            "evidence": _EVIDENCE_BY_STATUS[status],
        })
    return rows


if __name__ == "__main__":
    from partnerlab.paths import SAMPLE_WORKBOOK

    print(write_sample(SAMPLE_WORKBOOK))
