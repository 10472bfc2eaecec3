"""The bundled sample portfolio: an illustrative, reproducible workbook for every report.

Real institutions named in the Partnership Strategy appear with their real sector and scope
only; influence, interest, ties, scores, assessments and progress are invented. Every
negative due-diligence answer, every decline and every "not acceptable" rating belongs to a
fictional organisation, whose name always says so ("(ficticia)"). Contacts are fake
(example.org) and never shown in reports.

The sample speaks one language, as a Mexican team's portfolio would: it is written with the
Spanish template (`LANG`), and its own text (names, notes, survey questions and options,
evidence, the illustrative note) is Spanish. Reports in another language quote that text as
written in the workbook.

Rebuild the workbook with ``python -m samples.portfolio`` (writes data/raw/sample_portfolio.xlsx).

>>> tables = build_sample_tables()
>>> sorted(tables) == sorted(SHEET_KEYS)
True
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from partnerlab import i18n, schema, vocab

__all__ = [
    "SEED",
    "AS_OF",
    "LANG",
    "ABOUT",
    "SHEET_KEYS",
    "FICTIONAL_MARKERS",
    "build_sample_tables",
    "sample_about",
    "is_fictional_name",
    "write_sample",
]

SEED = 2030  # fixed: the sample must be byte-for-byte reproducible in content
AS_OF = dt.date(2025, 6, 30)
LANG = "es"  # the language of the sample's template, labels and own text
# "(ficticia)" (organización ficticia) in every name; the other spellings are still recognised.
FICTIONAL_MARKERS = ("(ficticia)", "(ficticio)", "(fictional)")
ILLUSTRATIVE_NOTE = (
    "DATOS ILUSTRATIVOS: las instituciones reales aparecen solo con su sector y ámbito reales; las puntuaciones, "
    "evaluaciones, vínculos y avances son inventados. Toda respuesta negativa de debida diligencia corresponde a "
    "una organización ficticia."
)
ABOUT: dict[str, object] = {
    "portfolio": "Sistema de las Naciones Unidas en México - portafolio ilustrativo de alianzas",
    "country": "México",
    "as_of": AS_OF,
    "language": LANG,
    "prepared_by": "Muestra de partnerlab",
    "illustrative": ILLUSTRATIVE_NOTE,
}
SHEET_KEYS = schema.TABLE_KEYS


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
    return _as_labels(
        {
            "stakeholders": stakeholders,
            "ties": ties,
            "partnerships": partnerships,
            "due_diligence": _due_diligence(),
            "value_assessment": _value_assessment(),
            "quality_assessment": _quality_assessment(partnerships, rng),
            "survey_questions": questions,
            "survey_responses": _survey_responses(questions, rng),
            "action_plan": _action_plan(),
        }
    )


def sample_about() -> dict[str, object]:
    """The about sheet of the sample (a copy: callers may change it)."""
    return dict(ABOUT)


def is_fictional_name(name: object) -> bool:
    """True when a name says it is fictional.

    >>> is_fictional_name("Grupo Industrial Altamira (ficticia)")
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
    write_workbook(path, build_sample_tables(), lang=LANG, about=sample_about())
    return path


def _as_labels(tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Vocabulary and Yes/No cells as the labels the Spanish template's dropdowns offer (pillar stays I/II/III)."""
    for key, rows in tables.items():
        for col in schema.sheet(key).columns:
            if col.kind == "yes_no":
                terms = vocab.YES_NO
            elif col.kind in ("vocab", "vocab_list") and col.vocab != "pillar":
                terms = vocab.VOCABULARIES[col.vocab]
            else:
                continue
            for row in rows:
                if row.get(col.key):
                    keys = [terms.key_of(k) for k in str(row[col.key]).split("; ")]
                    row[col.key] = "; ".join(terms.label(k, LANG) for k in keys)
    return tables


# ---------------------------------------------------------------------------------------
# Stakeholders (Appendix 3)
# ---------------------------------------------------------------------------------------

# Default mapping columns per sector, overridden per row where it says more.
_SECTOR_DEFAULTS = {
    "federal_government": (
        "Política pública; regulación; programas presupuestarios; comisiones sectoriales",
        "Técnicos e institucionales; presupuesto de programas nacionales",
    ),
    "legislature": (
        "Legislación; aprobación del presupuesto; comisiones y audiencias",
        "No financieros; políticos y normativos",
    ),
    "local_government": (
        "Plan estatal de desarrollo; consejos estatales/municipales de la Agenda 2030",
        "Personal técnico; presupuesto limitado",
    ),
    "academia": (
        "Investigación; docencia; extensión; redes de universidades",
        "Conocimiento; estudiantes; laboratorios",
    ),
    "civil_society": (
        "Incidencia; programas comunitarios; monitoreo",
        "Redes comunitarias; voluntariado; donativos pequeños",
    ),
    "private_sector": (
        "Política de sostenibilidad corporativa; programas de cadena de suministro",
        "Financieros; en especie; técnicos",
    ),
    "financial_sector": (
        "Préstamos; garantías; instrumentos de finanzas sostenibles",
        "Financieros; asistencia técnica",
    ),
    "international_cooperation": ("Estrategia país; donativos; cooperación técnica", "Donativos; cooperación técnica"),
    "un_system": (
        "Programa de país; programas conjuntos; Marco de Cooperación",
        "Técnicos; convocatoria; fondos mancomunados",
    ),
    "media": ("Línea editorial; campañas; contenidos de servicio público", "Tiempo aire; audiencias"),
    "other": ("Recomendaciones; plataformas de diálogo", "Convocatoria; técnicos"),
}

# (id, name, sector, scope, states, influence, interest, roles, mandate, priorities, initiatives)
# influence/interest None = not mapped (the UN system maps others, not itself).
_S = [
    # federal government
    (
        "SHCP",
        "Secretaría de Hacienda y Crédito Público (SHCP)",
        "federal_government",
        "national",
        "CDMX",
        5,
        3,
        "counterpart",
        "Secretaría federal de finanzas: finanzas públicas, presupuesto y crédito público",
        "Alineación del presupuesto federal con los ODS; finanzas sostenibles; bonos ODS",
        "Bono soberano ODS; taxonomía sostenible",
    ),
    (
        "SRE",
        "Secretaría de Relaciones Exteriores (SRE)",
        "federal_government",
        "national",
        "CDMX",
        5,
        4,
        "counterpart; champion",
        "Política exterior y relación con el sistema de las Naciones Unidas",
        "Multilateralismo; migración; igualdad de género",
        "Relación con la ONU; Plan de Desarrollo Integral (PDI)",
    ),
    (
        "AMEXCID",
        "Agencia Mexicana de Cooperación Internacional para el Desarrollo (AMEXCID)",
        "federal_government",
        "national",
        "CDMX",
        4,
        5,
        "counterpart",
        "Política de cooperación internacional para el desarrollo",
        "Cooperación Sur-Sur y triangular; PDI",
        "Plan de Desarrollo Integral (PDI)",
    ),
    (
        "SE2030",
        "Secretaría Ejecutiva del Consejo Nacional de la Agenda 2030",
        "federal_government",
        "national",
        "CDMX",
        5,
        5,
        "counterpart; champion",
        "Coordina el Consejo Nacional de la Agenda 2030 y sus comités",
        "Estrategia Nacional 2030; comité subnacional; Informe Nacional Voluntario",
        "Consejo Nacional de la Agenda 2030",
    ),
    (
        "BIENESTAR",
        "Secretaría de Bienestar",
        "federal_government",
        "national",
        "CDMX",
        4,
        3,
        "counterpart",
        "Programas federales de desarrollo social",
        "Reducción de la pobreza; protección social",
        "",
    ),
    (
        "SEMARNAT",
        "Secretaría de Medio Ambiente y Recursos Naturales (SEMARNAT)",
        "federal_government",
        "national",
        "CDMX",
        4,
        3,
        "counterpart",
        "Política de medio ambiente y recursos naturales",
        "Acción climática; biodiversidad; agua",
        "Contribución determinada a nivel nacional",
    ),
    (
        "INMUJERES",
        "Instituto Nacional de las Mujeres (INMUJERES)",
        "federal_government",
        "national",
        "CDMX",
        3,
        5,
        "counterpart; champion",
        "Política nacional de igualdad de género",
        "Sistema de cuidados; violencia contra las mujeres",
        "Alianza Global por los Cuidados",
    ),
    (
        "INEGI",
        "Instituto Nacional de Estadística y Geografía (INEGI)",
        "federal_government",
        "national",
        "Aguascalientes; CDMX",
        4,
        3,
        "knowledge_partner",
        "Estadística y geografía nacionales",
        "Indicadores ODS; censos y encuestas",
        "Sistema de información de los ODS",
    ),
    (
        "SEP",
        "Secretaría de Educación Pública (SEP)",
        "federal_government",
        "national",
        "CDMX",
        4,
        2,
        "counterpart",
        "Política educativa federal",
        "Educación básica; regreso a clases",
        "",
    ),
    # legislature
    (
        "SENADO",
        "Senado de la República",
        "legislature",
        "national",
        "CDMX",
        4,
        4,
        "counterpart; advocacy_partner",
        "Cámara alta del Congreso de la Unión",
        "Agenda legislativa para la Agenda 2030; tratados",
        "Estrategia Legislativa para la Agenda 2030",
    ),
    (
        "DIPUTADOS",
        "Cámara de Diputados",
        "legislature",
        "national",
        "CDMX",
        4,
        3,
        "counterpart",
        "Cámara baja del Congreso de la Unión; aprueba el presupuesto federal",
        "Presupuesto; reformas legislativas",
        "Estrategia Legislativa para la Agenda 2030",
    ),
    (
        "CONG_JAL",
        "Congreso del Estado de Jalisco",
        "legislature",
        "state",
        "Jalisco",
        3,
        3,
        "counterpart",
        "Legislatura estatal",
        "Agenda legislativa estatal",
        "",
    ),
    # local government
    (
        "CONAGO",
        "Conferencia Nacional de Gobernadores (CONAGO)",
        "local_government",
        "national",
        "CDMX",
        4,
        4,
        "counterpart",
        "Foro de las personas titulares de los gobiernos estatales",
        "Federalismo; implementación subnacional de la Agenda 2030",
        "Comisión para la Agenda 2030",
    ),
    (
        "GOB_OAX",
        "Gobierno del Estado de Oaxaca",
        "local_government",
        "state",
        "Oaxaca",
        3,
        5,
        "counterpart; beneficiary",
        "Poder ejecutivo estatal",
        "Localización de los ODS; pueblos indígenas; seguridad alimentaria",
        "Consejo estatal de la Agenda 2030",
    ),
    (
        "GOB_JAL",
        "Gobierno del Estado de Jalisco",
        "local_government",
        "state",
        "Jalisco",
        3,
        4,
        "counterpart",
        "Poder ejecutivo estatal",
        "Gobernanza metropolitana; acción climática",
        "Informe local voluntario",
    ),
    (
        "GOB_NL",
        "Gobierno del Estado de Nuevo León",
        "local_government",
        "state",
        "Nuevo León",
        4,
        3,
        "counterpart",
        "Poder ejecutivo estatal",
        "Industria y agua",
        "",
    ),
    (
        "GOB_CDMX",
        "Gobierno de la Ciudad de México",
        "local_government",
        "state",
        "Ciudad de México",
        4,
        3,
        "counterpart",
        "Gobierno de la ciudad",
        "Movilidad; resiliencia; cuidados",
        "Informe local voluntario",
    ),
    (
        "GOB_YUC",
        "Gobierno del Estado de Yucatán",
        "local_government",
        "state",
        "Yucatán",
        3,
        4,
        "counterpart; beneficiary",
        "Poder ejecutivo estatal",
        "Turismo sostenible; agua",
        "Consejo estatal de la Agenda 2030",
    ),
    (
        "GOB_CHIS",
        "Gobierno del Estado de Chiapas",
        "local_government",
        "state",
        "Chiapas",
        3,
        4,
        "counterpart; beneficiary",
        "Poder ejecutivo estatal",
        "Migración; pobreza; salud",
        "",
    ),
    (
        "MERIDA",
        "Ayuntamiento de Mérida",
        "local_government",
        "municipal",
        "Yucatán",
        2,
        4,
        "counterpart; beneficiary",
        "Gobierno municipal",
        "Sostenibilidad urbana; informe local de los ODS",
        "Informe local voluntario",
    ),
    (
        "CONSEJO_QRO",
        "Consejo Estatal de la Agenda 2030, Querétaro",
        "local_government",
        "state",
        "Querétaro",
        2,
        4,
        "counterpart",
        "Mecanismo colegiado estatal de la Agenda 2030",
        "Alineación del plan estatal",
        "",
    ),
    (
        "SANISIDRO",
        "Municipio de San Isidro del Valle (ficticia)",
        "local_government",
        "municipal",
        "Puebla",
        1,
        3,
        "beneficiary",
        "Municipio ficticio de la muestra ilustrativa",
        "Agua y caminos",
        "",
    ),
    # academia
    (
        "ANUIES",
        "Asociación Nacional de Universidades e Instituciones de Educación Superior (ANUIES)",
        "academia",
        "national",
        "CDMX",
        4,
        5,
        "knowledge_partner; counterpart",
        "Asociación de instituciones de educación superior",
        "Agenda de investigación para los ODS; responsabilidad social universitaria",
        "Visión ANUIES 2030",
    ),
    (
        "UNAM",
        "Universidad Nacional Autónoma de México (UNAM)",
        "academia",
        "national",
        "CDMX",
        5,
        4,
        "knowledge_partner",
        "Universidad pública nacional",
        "Investigación; copresidencia de la SDSN",
        "SDSN México",
    ),
    (
        "TEC",
        "Tecnológico de Monterrey",
        "academia",
        "national",
        "Nuevo León; CDMX; Jalisco",
        4,
        5,
        "knowledge_partner; champion",
        "Universidad privada",
        "Emprendimiento; copresidencia de la SDSN; plataforma local de los ODS",
        "Plataforma de Acción Local ODS 2030; SDSN México",
    ),
    (
        "SDSN_MX",
        "SDSN México (Sustainable Development Solutions Network Mexico)",
        "academia",
        "national",
        "CDMX",
        4,
        5,
        "knowledge_partner; advocacy_partner",
        "Red de universidades y centros de conocimiento para los ODS",
        "Soluciones para los ODS; apoyo legislativo",
        "Estrategia Legislativa para la Agenda 2030",
    ),
    (
        "COLMEX",
        "El Colegio de México",
        "academia",
        "national",
        "CDMX",
        3,
        3,
        "knowledge_partner",
        "Institución pública de investigación y docencia",
        "Desigualdad; demografía",
        "",
    ),
    (
        "IBERO",
        "Universidad Iberoamericana",
        "academia",
        "national",
        "CDMX; Puebla",
        3,
        4,
        "knowledge_partner",
        "Universidad privada",
        "Derechos humanos; migración",
        "",
    ),
    (
        "UDG",
        "Universidad de Guadalajara",
        "academia",
        "state",
        "Jalisco",
        3,
        4,
        "knowledge_partner",
        "Universidad pública estatal",
        "Clima; desarrollo local",
        "",
    ),
    (
        "UADY",
        "Universidad Autónoma de Yucatán",
        "academia",
        "state",
        "Yucatán",
        2,
        4,
        "knowledge_partner",
        "Universidad pública estatal",
        "Agua; comunidades mayas",
        "",
    ),
    (
        "IETS",
        "Instituto de Estudios Territoriales del Sureste (ficticia)",
        "academia",
        "regional",
        "Tabasco; Chiapas",
        2,
        4,
        "knowledge_partner",
        "Centro de investigación ficticio de la muestra ilustrativa",
        "Datos territoriales",
        "",
    ),
    # civil society
    (
        "SDSN_YOUTH",
        "SDSN Youth México",
        "civil_society",
        "national",
        "CDMX",
        2,
        5,
        "advocacy_partner; champion",
        "Red de juventudes por los ODS",
        "Participación de las juventudes; educación para los ODS",
        "SDSN Juventud",
    ),
    (
        "POLEA",
        "Política y Legislación Ambiental, A.C. (POLEA)",
        "civil_society",
        "national",
        "CDMX",
        2,
        5,
        "advocacy_partner; knowledge_partner",
        "Organización de política y derecho ambiental",
        "Agenda legislativa; derecho ambiental",
        "Estrategia Legislativa para la Agenda 2030",
    ),
    (
        "CEMEFI",
        "Centro Mexicano para la Filantropía (Cemefi)",
        "civil_society",
        "national",
        "CDMX",
        3,
        4,
        "advocacy_partner",
        "Red de organizaciones filantrópicas y de la sociedad civil",
        "Filantropía; responsabilidad social empresarial",
        "",
    ),
    (
        "FUNDAR",
        "Fundar, Centro de Análisis e Investigación",
        "civil_society",
        "national",
        "CDMX",
        3,
        4,
        "advocacy_partner; knowledge_partner",
        "Investigación e incidencia sobre presupuestos públicos y derechos",
        "Transparencia presupuestaria; derechos",
        "",
    ),
    (
        "HORIZONTE",
        "Fundación Horizonte Verde (ficticia)",
        "civil_society",
        "regional",
        "Chiapas; Yucatán; Quintana Roo",
        4,
        5,
        "implementing_partner; donor",
        "Fundación ambiental ficticia de la muestra ilustrativa",
        "Resiliencia comunitaria; bosques",
        "Fondo de resiliencia comunitaria",
    ),
    (
        "MIXTECA",
        "Red Comunitaria Mixteca (ficticia)",
        "civil_society",
        "state",
        "Oaxaca",
        2,
        5,
        "implementing_partner; beneficiary",
        "Red comunitaria ficticia de la muestra ilustrativa",
        "Seguridad alimentaria; derechos indígenas",
        "",
    ),
    (
        "ISTMO",
        "Colectivo Mujeres del Istmo (ficticia)",
        "civil_society",
        "state",
        "Oaxaca",
        1,
        5,
        "advocacy_partner; beneficiary",
        "Colectivo de mujeres ficticio de la muestra ilustrativa",
        "Violencia de género; autonomía económica de las mujeres",
        "",
    ),
    (
        "BAJIO_OBS",
        "Observatorio Ciudadano del Bajío (ficticia)",
        "civil_society",
        "regional",
        "Guanajuato; Querétaro; San Luis Potosí",
        2,
        4,
        "advocacy_partner; knowledge_partner",
        "Observatorio ciudadano ficticio de la muestra ilustrativa",
        "Seguridad pública; transparencia",
        "",
    ),
    (
        "JOVCLIMA",
        "Jóvenes por el Clima Yucatán (ficticia)",
        "civil_society",
        "state",
        "Yucatán",
        1,
        4,
        "advocacy_partner",
        "Grupo juvenil por el clima ficticio de la muestra ilustrativa",
        "Educación climática",
        "",
    ),
    (
        "PROINF",
        "Asociación Pro-Infancia Fronteriza (ficticia)",
        "civil_society",
        "regional",
        "Chihuahua; Baja California; Coahuila",
        2,
        4,
        "implementing_partner",
        "Organización de protección de la infancia ficticia de la muestra ilustrativa",
        "Niñez migrante; educación",
        "",
    ),
    (
        "DEFENSORAS",
        "Red de Defensoras Rurales (ficticia)",
        "civil_society",
        "regional",
        "Guerrero; Michoacán; Morelos",
        1,
        4,
        "advocacy_partner",
        "Red ficticia de defensoras rurales de la muestra ilustrativa",
        "Derechos sobre la tierra; protección de personas defensoras",
        "",
    ),
    (
        "SENDERO",
        "Fundación Sendero Claro (ficticia)",
        "civil_society",
        "state",
        "Veracruz",
        2,
        3,
        "implementing_partner",
        "Fundación ficticia de la muestra ilustrativa",
        "Educación",
        "",
    ),
    (
        "FRONTERASUR",
        "Casa de Acogida Frontera Sur (ficticia)",
        "civil_society",
        "regional",
        "Chiapas; Tabasco",
        2,
        5,
        "implementing_partner",
        "Albergue para personas migrantes ficticio de la muestra ilustrativa",
        "Asistencia humanitaria",
        "",
    ),
    # private sector
    (
        "PACTO",
        "Red del Pacto Mundial México (Global Compact Network Mexico)",
        "private_sector",
        "national",
        "CDMX",
        4,
        5,
        "counterpart; champion",
        "Red local del Pacto Mundial de las Naciones Unidas",
        "Diez principios; acción empresarial por los ODS; finanzas sostenibles",
        "Estrategia del Pacto Mundial 2021-2023",
    ),
    (
        "CCE",
        "Consejo Coordinador Empresarial (CCE)",
        "private_sector",
        "national",
        "CDMX",
        5,
        4,
        "counterpart",
        "Organismo cúpula empresarial",
        "Inversión; entorno de negocios",
        "",
    ),
    (
        "COPARMEX",
        "Confederación Patronal de la República Mexicana (COPARMEX)",
        "private_sector",
        "national",
        "CDMX",
        4,
        3,
        "counterpart",
        "Confederación patronal",
        "Trabajo decente; Estado de derecho",
        "",
    ),
    (
        "CONCAMIN",
        "Confederación de Cámaras Industriales (CONCAMIN)",
        "private_sector",
        "national",
        "CDMX",
        4,
        2,
        "counterpart",
        "Confederación de cámaras industriales",
        "Industria; energía",
        "",
    ),
    (
        "ALTAMIRA",
        "Grupo Industrial Altamira (ficticia)",
        "private_sector",
        "regional",
        "Tamaulipas; Nuevo León; San Luis Potosí",
        4,
        4,
        "donor; implementing_partner",
        "Grupo industrial ficticio de la muestra ilustrativa",
        "Empleos verdes; desarrollo de proveedores",
        "Programa de empleos verdes",
    ),
    (
        "AGROPAC",
        "Agroexportadora del Pacífico (ficticia)",
        "private_sector",
        "regional",
        "Sinaloa; Sonora",
        4,
        2,
        "beneficiary",
        "Empresa agroexportadora ficticia de la muestra ilustrativa",
        "Exportaciones; trabajo de temporada",
        "",
    ),
    (
        "SOLARES",
        "Tecnologías Solares del Norte (ficticia)",
        "private_sector",
        "regional",
        "Chihuahua; Coahuila",
        3,
        4,
        "implementing_partner; contractor",
        "Empresa de energía solar ficticia de la muestra ilustrativa",
        "Energía solar distribuida",
        "",
    ),
    (
        "MERCADO",
        "Cadena Comercial Mercado Unido (ficticia)",
        "private_sector",
        "national",
        "Jalisco; Estado de México; CDMX",
        4,
        3,
        "donor",
        "Cadena comercial ficticia de la muestra ilustrativa",
        "Bancos de alimentos; mercadotecnia con causa",
        "",
    ),
    (
        "PUENTEALTO",
        "Constructora Puente Alto (ficticia)",
        "private_sector",
        "regional",
        "Quintana Roo; Veracruz",
        3,
        2,
        "contractor",
        "Constructora ficticia de la muestra ilustrativa",
        "Infraestructura",
        "",
    ),
    (
        "TABACALERA",
        "Tabacalera Río Bravo (ficticia)",
        "private_sector",
        "state",
        "Tamaulipas",
        2,
        1,
        "",
        "Tabacalera ficticia de la muestra ilustrativa",
        "Patrocinios",
        "",
    ),
    (
        "NUTRIBEBE",
        "Laboratorios NutriBebé (ficticia)",
        "private_sector",
        "national",
        "Jalisco; Estado de México",
        3,
        3,
        "donor",
        "Empresa de nutrición infantil ficticia de la muestra ilustrativa",
        "Campañas de nutrición",
        "",
    ),
    (
        "DELTA",
        "Consultores Asociados Delta (ficticia)",
        "private_sector",
        "national",
        "CDMX",
        1,
        3,
        "contractor",
        "Consultora ficticia de la muestra ilustrativa",
        "Evaluaciones",
        "",
    ),
    # financial sector
    (
        "CESF",
        "Comité de Finanzas Sostenibles del Consejo de Estabilidad del Sistema Financiero (CESF)",
        "financial_sector",
        "national",
        "CDMX",
        4,
        5,
        "counterpart; knowledge_partner",
        "Comité de Finanzas Sostenibles del Consejo de Estabilidad del Sistema Financiero",
        "Taxonomía sostenible; riesgo climático; instrumentos verdes y sociales",
        "Taxonomía Sostenible de México",
    ),
    (
        "BANXICO",
        "Banco de México (Banxico)",
        "financial_sector",
        "national",
        "CDMX",
        5,
        2,
        "counterpart",
        "Banco central",
        "Estabilidad de precios y financiera; riesgo financiero relacionado con el clima",
        "",
    ),
    (
        "BID",
        "Banco Interamericano de Desarrollo (BID/IDB)",
        "financial_sector",
        "regional",
        "CDMX",
        5,
        4,
        "donor; knowledge_partner",
        "Banco multilateral de desarrollo",
        "Infraestructura; protección social; género",
        "Estrategia de país con México",
    ),
    (
        "CAF",
        "CAF - Banco de Desarrollo de America Latina y el Caribe",
        "financial_sector",
        "regional",
        "CDMX",
        4,
        3,
        "donor",
        "Banco multilateral de desarrollo",
        "Infraestructura sostenible; agua",
        "",
    ),
    (
        "BM",
        "Banco Mundial",
        "financial_sector",
        "international",
        "CDMX",
        5,
        3,
        "donor; knowledge_partner",
        "Banco multilateral de desarrollo",
        "Pobreza; política fiscal",
        "",
    ),
    (
        "NAFIN",
        "Nacional Financiera (NAFIN)",
        "financial_sector",
        "national",
        "CDMX",
        4,
        3,
        "counterpart",
        "Banca nacional de desarrollo",
        "Financiamiento a pymes; líneas de crédito verde",
        "",
    ),
    (
        "ABM",
        "Asociación de Bancos de México (ABM)",
        "financial_sector",
        "national",
        "CDMX",
        4,
        3,
        "counterpart",
        "Asociación de la banca comercial",
        "Protocolo de finanzas sostenibles; inclusión financiera",
        "",
    ),
    (
        "BSOLIDARIO",
        "Banco Solidario del Bajío (ficticia)",
        "financial_sector",
        "regional",
        "Guanajuato; Querétaro",
        2,
        4,
        "donor",
        "Banco regional ficticio de la muestra ilustrativa",
        "Microcrédito",
        "",
    ),
    (
        "IMPACTOSUR",
        "Fondo de Inversión Impacto Sur (ficticia)",
        "financial_sector",
        "regional",
        "Chiapas; Oaxaca",
        2,
        4,
        "donor",
        "Fondo de inversión de impacto ficticio de la muestra ilustrativa",
        "Inversión de impacto en el sur",
        "",
    ),
    (
        "RAPIDA",
        "Financiera Rápida Express (ficticia)",
        "financial_sector",
        "national",
        "CDMX; Estado de México",
        3,
        3,
        "",
        "Financiera de consumo ficticia de la muestra ilustrativa",
        "Crédito al consumo",
        "",
    ),
    # donors and international cooperation
    (
        "GIZ",
        "Cooperación Alemana al Desarrollo Sustentable (GIZ)",
        "international_cooperation",
        "international",
        "CDMX",
        4,
        5,
        "donor; implementing_partner",
        "Agencia alemana de cooperación para el desarrollo",
        "Gobernanza de la Agenda 2030; clima; apoyo legislativo",
        "Plataforma de Acción Local ODS 2030",
    ),
    (
        "AECID",
        "Agencia Española de Cooperación Internacional para el Desarrollo (AECID)",
        "international_cooperation",
        "international",
        "CDMX",
        4,
        4,
        "donor",
        "Agencia española de cooperación para el desarrollo",
        "Género; migración; cooperación triangular",
        "",
    ),
    (
        "UE",
        "Delegación de la Unión Europea en México",
        "international_cooperation",
        "international",
        "CDMX",
        5,
        4,
        "donor",
        "Delegación de la Unión Europea",
        "Global Gateway; derechos; clima",
        "Iniciativa Spotlight",
    ),
    (
        "USAID",
        "Agencia de los Estados Unidos para el Desarrollo Internacional (USAID)",
        "international_cooperation",
        "international",
        "CDMX",
        4,
        2,
        "donor",
        "Agencia de cooperación para el desarrollo de los Estados Unidos",
        "Estado de derecho; migración",
        "",
    ),
    (
        "JICA",
        "Agencia de Cooperación Internacional del Japón (JICA)",
        "international_cooperation",
        "international",
        "CDMX",
        3,
        4,
        "donor",
        "Agencia japonesa de cooperación para el desarrollo",
        "Cooperación triangular; riesgo de desastres",
        "",
    ),
    (
        "SIDA",
        "Agencia Sueca de Cooperación Internacional para el Desarrollo (Asdi)",
        "international_cooperation",
        "international",
        "CDMX",
        3,
        3,
        "donor",
        "Agencia sueca de cooperación para el desarrollo",
        "Derechos humanos; género",
        "",
    ),
    (
        "PUENTES",
        "Fundación Internacional Puentes (ficticia)",
        "international_cooperation",
        "international",
        "",
        2,
        4,
        "donor",
        "Fundación internacional ficticia de la muestra ilustrativa",
        "Juventudes; migración",
        "",
    ),
    # UN system (not mapped on the grid: the UNS maps others)
    (
        "RCO",
        "Oficina de la Coordinadora Residente (OCR), ONU México",
        "un_system",
        "national",
        "CDMX",
        None,
        None,
        "counterpart",
        "Coordina el Equipo País de la ONU y el Marco de Cooperación",
        "Estrategia de Alianzas; financiamiento para el desarrollo",
        "Marco de Cooperación 2020-2025",
    ),
    (
        "RIAFD",
        "Red Interagencial de Alianzas y Financiamiento para el Desarrollo (RIAFD)",
        "un_system",
        "national",
        "CDMX",
        None,
        None,
        "",
        "Red interagencial del Sistema de las Naciones Unidas en México",
        "Inteligencia de alianzas; movilización conjunta de recursos",
        "Estrategia de Alianzas 2022-2025",
    ),
    (
        "UNDP",
        "Programa de las Naciones Unidas para el Desarrollo (PNUD)",
        "un_system",
        "national",
        "CDMX; Chiapas; Oaxaca",
        None,
        None,
        "implementing_partner",
        "Programa de la ONU para el desarrollo",
        "Gobernanza; financiamiento de los ODS; medio ambiente",
        "Integración de los ODS",
    ),
    (
        "UNICEF",
        "Fondo de las Naciones Unidas para la Infancia (UNICEF)",
        "un_system",
        "national",
        "CDMX; Chiapas; Guerrero; Oaxaca",
        None,
        None,
        "implementing_partner",
        "Fondo de la ONU para la infancia",
        "Protección de la infancia; educación; nutrición",
        "",
    ),
    (
        "UNWOMEN",
        "ONU Mujeres",
        "un_system",
        "national",
        "CDMX",
        None,
        None,
        "implementing_partner",
        "Entidad de la ONU para la igualdad de género",
        "Economía del cuidado; violencia contra las mujeres",
        "Iniciativa Spotlight",
    ),
    (
        "FAO",
        "Organización de las Naciones Unidas para la Alimentación y la Agricultura (FAO)",
        "un_system",
        "national",
        "CDMX; Oaxaca; Yucatán",
        None,
        None,
        "implementing_partner",
        "Organización de la ONU para la alimentación y la agricultura",
        "Sistemas alimentarios; desarrollo rural",
        "",
    ),
    (
        "ILO",
        "Organización Internacional del Trabajo (OIT)",
        "un_system",
        "national",
        "CDMX",
        None,
        None,
        "implementing_partner",
        "Organización de la ONU para el trabajo",
        "Trabajo decente; empleos verdes",
        "",
    ),
    (
        "UNFPA",
        "Fondo de Población de las Naciones Unidas (UNFPA)",
        "un_system",
        "national",
        "CDMX",
        None,
        None,
        "implementing_partner",
        "Fondo de población de la ONU",
        "Salud sexual y reproductiva; juventudes",
        "",
    ),
    (
        "UNHCR",
        "Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR)",
        "un_system",
        "national",
        "Chiapas; Tabasco; Baja California; Coahuila; Nuevo León",
        None,
        None,
        "implementing_partner",
        "Agencia de la ONU para los refugiados",
        "Asilo; integración local",
        "",
    ),
    (
        "IOM",
        "Organización Internacional para las Migraciones (OIM)",
        "un_system",
        "national",
        "CDMX; Chihuahua; Chiapas",
        None,
        None,
        "implementing_partner",
        "Agencia de la ONU para las migraciones",
        "Gobernanza de la migración",
        "",
    ),
    (
        "UNEP",
        "Programa de las Naciones Unidas para el Medio Ambiente (PNUMA)",
        "un_system",
        "regional",
        "CDMX",
        None,
        None,
        "knowledge_partner",
        "Programa de la ONU para el medio ambiente",
        "Clima; finanzas sostenibles",
        "",
    ),
    (
        "UNDESA_PA",
        "Acelerador de Alianzas para la Agenda 2030 (UNDESA)",
        "un_system",
        "international",
        "",
        None,
        None,
        "knowledge_partner",
        "Iniciativa de UNDESA que fortalece las capacidades para las alianzas",
        "Formación en alianzas; Foro de Alianzas de México",
        "Foro de Alianzas de México",
    ),
    # media
    (
        "CANALONCE",
        "Canal Once",
        "media",
        "national",
        "CDMX",
        3,
        3,
        "advocacy_partner",
        "Canal de televisión pública",
        "Contenidos de interés público",
        "",
    ),
    (
        "IMER",
        "Instituto Mexicano de la Radio (IMER)",
        "media",
        "national",
        "CDMX",
        2,
        3,
        "advocacy_partner",
        "Radio pública",
        "Contenidos de interés público",
        "",
    ),
    (
        "FARO",
        "Diario El Faro Regional (ficticia)",
        "media",
        "state",
        "Veracruz",
        4,
        2,
        "",
        "Diario regional ficticio de la muestra ilustrativa",
        "Noticias regionales",
        "",
    ),
    (
        "NOTISURESTE",
        "Portal Noticias Sureste (ficticia)",
        "media",
        "regional",
        "Yucatán; Quintana Roo",
        2,
        3,
        "advocacy_partner",
        "Portal de noticias ficticio de la muestra ilustrativa",
        "Noticias regionales",
        "",
    ),
    (
        "VOCES",
        "Radio Comunitaria Voces del Valle (ficticia)",
        "media",
        "municipal",
        "Hidalgo",
        1,
        4,
        "advocacy_partner",
        "Radio comunitaria ficticia de la muestra ilustrativa",
        "Lenguas indígenas",
        "",
    ),
    # other
    (
        "OCDE",
        "Centro de la OCDE en México para América Latina",
        "other",
        "regional",
        "CDMX",
        3,
        3,
        "knowledge_partner",
        "Centro de la OCDE en México",
        "Análisis de políticas públicas",
        "",
    ),
    (
        "CNDH",
        "Comisión Nacional de los Derechos Humanos (CNDH)",
        "other",
        "national",
        "CDMX",
        4,
        3,
        "counterpart",
        "Institución nacional de derechos humanos",
        "Derechos humanos",
        "",
    ),
    (
        "INTERRELIG",
        "Consejo Interreligioso por la Paz (ficticia)",
        "other",
        "regional",
        "Michoacán; Guerrero",
        2,
        4,
        "advocacy_partner",
        "Consejo interreligioso ficticio de la muestra ilustrativa",
        "Construcción de paz",
        "",
    ),
    (
        "SINDICATO",
        "Sindicato Nacional de Jornaleros Agrícolas (ficticia)",
        "other",
        "regional",
        "Sinaloa; Baja California",
        2,
        3,
        "beneficiary",
        "Sindicato de jornaleros ficticio de la muestra ilustrativa",
        "Derechos laborales",
        "",
    ),
]

_ISOLATES = ("TABACALERA", "VOCES", "SANISIDRO", "SINDICATO")  # no tie at all: the network report must show them


def _stakeholders() -> list[dict]:
    rows = []
    for i, (sid, name, sector, scope, states, infl, inter, roles, mandate, prio, initiatives) in enumerate(_S, 1):
        instruments, resources = _SECTOR_DEFAULTS[sector]
        contact = (
            "" if sector == "un_system" and i % 2 else f"Contacto Ficticio {i:03d} <enlace.{sid.lower()}@example.org>"
        )
        rows.append(
            {
                "id": sid,
                "name": name,
                "sector": sector,
                "scope": scope,
                "states": states,
                "mandate": mandate,
                "priorities": prio,
                "instruments": instruments,
                "resources": resources,
                "related_initiatives": initiatives,
                "partners": "",
                "influence": infl,
                "interest": inter,
                "roles": roles,
                "contact": contact,
            }
        )
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
    (
        "P01",
        "Estrategia Legislativa para la Agenda 2030",
        "advocacy",
        "combine_integrate",
        "mou; regular_meetings",
        "SENADO",
        "DIPUTADOS; GIZ; SDSN_MX; TEC; UNAM; POLEA; UNDP; RCO",
        "16; 17",
        "2.6; 2.7",
        "CDMX",
        dt.date(2019, 9, 1),
        dt.date(2024, 8, 31),
        "closed",
    ),
    (
        "P02",
        "Plataforma de Acción Local ODS 2030",
        "knowledge",
        "combine_integrate",
        "collaboration_agreement; workshop",
        "TEC",
        "GIZ; RCO; UNDP; SDSN_MX; UDG",
        "11; 17",
        "3.10",
        "Nuevo León; Jalisco; CDMX",
        dt.date(2021, 3, 1),
        None,
        "active",
    ),
    (
        "P03",
        "Mecanismo de vinculación con el sector privado con la Red del Pacto Mundial",
        "liaison",
        "combine_integrate",
        "terms_of_reference; dialogue_table",
        "PACTO",
        "RCO; CCE; COPARMEX; CONCAMIN; ILO; UNDP; MERCADO",
        "8; 12; 17",
        "2.14; 2.15",
        "CDMX",
        dt.date(2024, 10, 1),
        None,
        "negotiating",
    ),
    (
        "P04",
        "Diálogo sobre finanzas sostenibles con el Comité de Finanzas Sostenibles del CESF",
        "convening",
        "leverage_exchange",
        "dialogue_table; ad_hoc_meeting",
        "CESF",
        "RCO; UNDP; UNEP; BANXICO; SHCP; ABM; NAFIN",
        "13; 17",
        "2.21; 2.22",
        "CDMX",
        dt.date(2025, 2, 1),
        None,
        "exploring",
    ),
    (
        "P05",
        "Alianza de conocimiento ANUIES - Sistema de las Naciones Unidas",
        "knowledge",
        "combine_integrate",
        "mou; regular_meetings",
        "ANUIES",
        "RCO; UNAM; UDG; UADY; UNFPA",
        "4; 17",
        "2.16; 2.17",
        "CDMX; Jalisco; Yucatán",
        dt.date(2022, 6, 1),
        None,
        "active",
    ),
    (
        "P06",
        "Foro de Alianzas de México: Territorios, Ciudades y Comunidades Sostenibles",
        "convening",
        "transform",
        "workshop; dialogue_table",
        "RCO",
        "UNDESA_PA; UNDP; GOB_CDMX; GOB_JAL; TEC; PACTO; CEMEFI",
        "11; 17",
        "3.9; 3.4",
        "CDMX; Jalisco",
        dt.date(2021, 9, 1),
        dt.date(2023, 6, 30),
        "closed",
    ),
    (
        "P07",
        "Piloto de localización de los ODS en Oaxaca",
        "implementation",
        "combine_integrate",
        "project_document; letter_of_commitment",
        "GOB_OAX",
        "UNDP; UNICEF; UNWOMEN; FAO; MIXTECA; ISTMO",
        "1; 2; 5; 10",
        "2.10; 2.12",
        "Oaxaca",
        dt.date(2022, 11, 1),
        dt.date(2025, 12, 31),
        "active",
    ),
    (
        "P08",
        "Espacio de reflexión de donantes y socios cooperantes",
        "convening",
        "leverage_exchange",
        "regular_meetings; terms_of_reference",
        "RCO",
        "GIZ; AECID; UE; USAID; JICA; SIDA; AMEXCID",
        "17",
        "2.26; 2.27",
        "CDMX",
        dt.date(2023, 3, 1),
        None,
        "under_review",
    ),
    (
        "P09",
        "Participación de las juventudes con SDSN Juventud México",
        "advocacy",
        "leverage_exchange",
        "letter_of_commitment; workshop",
        "SDSN_YOUTH",
        "RCO; UNFPA; UNICEF; JOVCLIMA; IBERO",
        "4; 13; 16",
        "2.20",
        "CDMX; Yucatán",
        dt.date(2022, 8, 1),
        None,
        "active",
    ),
    (
        "P10",
        "Grupo Asesor de la Sociedad Civil del Sistema de las Naciones Unidas (viabilidad)",
        "liaison",
        "leverage_exchange",
        "terms_of_reference; inquiry",
        "RCO",
        "CEMEFI; FUNDAR; POLEA; BAJIO_OBS; DEFENSORAS; PROINF",
        "16; 17",
        "2.19",
        "CDMX",
        dt.date(2025, 1, 15),
        None,
        "exploring",
    ),
    (
        "P11",
        "Programa de empleos verdes Altamira (ficticia)",
        "implementation",
        "leverage_exchange",
        "cofinancing_agreement; project_document",
        "ALTAMIRA",
        "ILO; SOLARES; UDG",
        "7; 8; 13",
        "2.13",
        "Tamaulipas; Nuevo León",
        dt.date(2023, 2, 1),
        None,
        "active",
    ),
    (
        "P12",
        "Fondo de resiliencia comunitaria Horizonte Verde (ficticia)",
        "implementation",
        "combine_integrate",
        "cofinancing_agreement; letter_of_commitment",
        "HORIZONTE",
        "FAO; UNDP; IMPACTOSUR; GOB_CHIS; GOB_YUC; JOVCLIMA",
        "1; 13; 15",
        "3.7; 3.8; 2.8",
        "Chiapas; Yucatán",
        dt.date(2022, 3, 1),
        None,
        "active",
    ),
    (
        "P13",
        "Diálogo con la Secretaría Ejecutiva del Consejo Nacional de la Agenda 2030",
        "liaison",
        "combine_integrate",
        "regular_meetings",
        "SE2030",
        "RCO; UNDP; INEGI; CONAGO; AMEXCID",
        "17",
        "2.1; 2.3",
        "CDMX",
        dt.date(2022, 5, 1),
        None,
        "active",
    ),
    (
        "P14",
        "Alianza por la economía del cuidado",
        "advocacy",
        "transform",
        "mou; dialogue_table",
        "INMUJERES",
        "UNWOMEN; ILO; AECID; GOB_CDMX; FUNDAR; ISTMO; UE",
        "5; 8; 10",
        "2.5",
        "CDMX; Jalisco",
        dt.date(2022, 3, 8),
        None,
        "active",
    ),
    (
        "P15",
        "Piloto de inclusión financiera Rápida Express (ficticia)",
        "implementation",
        "leverage_exchange",
        "letter_of_commitment",
        "RAPIDA",
        "UNDP; BSOLIDARIO",
        "1; 8",
        "2.23",
        "Estado de México",
        dt.date(2023, 5, 1),
        dt.date(2024, 1, 31),
        "closed",
    ),
]


def _partnerships() -> list[dict]:
    rows = []
    for pid, name, ptype, typ, instr, lead, members, sdgs, actions, states, start, end, status in _P:
        rows.append(
            {
                "id": pid,
                "name": name,
                "type": ptype,
                "typology": typ,
                "instruments": instr,
                "lead": lead,
                "members": members,
                "sdgs": sdgs,
                "actions": actions,
                "states": states,
                "start": start,
                "end": end,
                "status": status,
            }
        )
    return rows


# ---------------------------------------------------------------------------------------
# Ties (Appendix 3, "partnerships with other stakeholders")
# ---------------------------------------------------------------------------------------

_TIES_TARGET = 320
_FUNDERS = {
    "GIZ",
    "AECID",
    "UE",
    "USAID",
    "JICA",
    "SIDA",
    "PUENTES",
    "BID",
    "CAF",
    "BM",
    "IMPACTOSUR",
    "HORIZONTE",
    "MERCADO",
    "ALTAMIRA",
    "NUTRIBEBE",
    "BSOLIDARIO",
}
_IMPLEMENTER_SECTORS = {"un_system", "civil_society", "academia", "local_government"}

# Relative chance of a tie between two sectors (symmetric). Civil society ties mostly within
# itself (a silo); the private sector ties with academia and government, seldom with civil
# society (Appendix 2); the UN system ties with everyone (the "strategic bridge").
_AFFINITY = {
    ("civil_society", "civil_society"): 40.0,
    ("academia", "academia"): 3.0,
    ("un_system", "un_system"): 4.0,
    ("federal_government", "federal_government"): 3.0,
    ("private_sector", "private_sector"): 3.0,
    ("financial_sector", "financial_sector"): 3.5,
    ("international_cooperation", "international_cooperation"): 3.0,
    ("local_government", "local_government"): 1.5,
    ("media", "media"): 0.5,
    ("un_system", "federal_government"): 4.0,
    ("un_system", "local_government"): 3.0,
    ("un_system", "academia"): 2.5,
    ("un_system", "civil_society"): 1.0,
    ("un_system", "private_sector"): 1.5,
    ("un_system", "financial_sector"): 1.5,
    ("un_system", "international_cooperation"): 3.5,
    ("un_system", "legislature"): 2.0,
    ("un_system", "media"): 1.5,
    ("un_system", "other"): 1.5,
    ("federal_government", "legislature"): 2.5,
    ("federal_government", "local_government"): 2.0,
    ("federal_government", "private_sector"): 1.2,
    ("federal_government", "financial_sector"): 2.0,
    ("federal_government", "academia"): 0.8,
    ("federal_government", "international_cooperation"): 1.5,
    ("private_sector", "academia"): 1.8,
    ("private_sector", "financial_sector"): 1.5,
    ("private_sector", "civil_society"): 0.1,
    ("academia", "legislature"): 0.8,
    ("academia", "international_cooperation"): 0.8,
    ("civil_society", "international_cooperation"): 0.6,
    ("civil_society", "media"): 1.0,
    ("financial_sector", "international_cooperation"): 1.0,
    ("local_government", "academia"): 0.6,
    ("other", "civil_society"): 1.0,
    ("other", "federal_government"): 0.8,
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
        ties.append(
            {
                "source": a,
                "target": b,
                "kind": kind,
                "directed": "Yes" if kind == "funding" else "",
                "strength": strength,
                "since": since,
                "until": until,
                "note": note,
            }
        )

    # 1. Every partnership: its lead tied to each member.
    for p in partnerships:
        since = p["start"].year
        until = p["end"].year if p["status"] == "closed" and p["end"] else None
        for m in p["members"].split("; "):
            if m:
                add(
                    p["lead"],
                    m,
                    "partnership",
                    3 if p["status"] in ("active", "closed") else 2,
                    since,
                    until,
                    f"{p['id']}: {p['name']}",
                )
    # 2. Known funding flows, donors -> implementers.
    funding = [
        ("GIZ", "TEC", 3, 2021),
        ("GIZ", "SENADO", 2, 2019),
        ("GIZ", "UNDP", 3, 2016),
        ("AECID", "UNWOMEN", 3, 2017),
        ("AECID", "UNHCR", 2, 2019),
        ("UE", "UNWOMEN", 3, 2019),
        ("UE", "UNICEF", 2, 2018),
        ("UE", "FUNDAR", 2, 2020),
        ("USAID", "IOM", 3, 2018),
        ("USAID", "UNHCR", 2, 2019),
        ("JICA", "AMEXCID", 2, 2015),
        ("SIDA", "UNFPA", 2, 2018),
        ("BID", "SHCP", 3, 2012),
        ("BID", "GOB_NL", 2, 2018),
        ("CAF", "GOB_CDMX", 2, 2020),
        ("BM", "SHCP", 3, 2012),
        ("PUENTES", "PROINF", 2, 2021),
        ("PUENTES", "SDSN_YOUTH", 1, 2022),
        ("HORIZONTE", "MIXTECA", 2, 2022),
        ("HORIZONTE", "JOVCLIMA", 1, 2023),
        ("IMPACTOSUR", "HORIZONTE", 2, 2022),
        ("MERCADO", "CEMEFI", 1, 2019),
        ("ALTAMIRA", "ILO", 2, 2023),
        ("UE", "DEFENSORAS", 1, 2021),
        ("AECID", "ISTMO", 1, 2022),
    ]
    for a, b, strength, since in funding:
        add(a, b, "funding", strength, since)
    # 3. Known ties of the smaller players, so that only _ISOLATES stay alone.
    for a, b, kind in [
        ("CANALONCE", "UNICEF", "dialogue"),
        ("IMER", "UNFPA", "dialogue"),
        ("NOTISURESTE", "JOVCLIMA", "dialogue"),
        ("COLMEX", "UNAM", "knowledge"),
        ("OCDE", "SHCP", "knowledge"),
        ("FARO", "SENDERO", "other"),
        ("CNDH", "UNHCR", "coordination"),
        ("INTERRELIG", "DEFENSORAS", "partnership"),
        ("CANALONCE", "IMER", "coordination"),
        ("MERIDA", "GOB_YUC", "coordination"),
        ("AGROPAC", "FAO", "dialogue"),
    ]:
        add(a, b, kind, 1, rng.randint(2016, 2023))
    # 4. The RCO convenes: dialogue with every critical-group stakeholder.
    for s in stakeholders:
        if (s["influence"] or 0) >= 4 and (s["interest"] or 0) >= 4:
            add("RCO", s["id"], "dialogue", 2, rng.randint(2018, 2023))
    # 5. Random ties by sector affinity until the target count.
    weights = {}
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
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
            group = (
                "academia"
                if "academia" in (sector[a], sector[b])
                else (
                    "government"
                    if {sector[a], sector[b]} <= {"federal_government", "local_government", "legislature"}
                    else "default"
                )
            )
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
    ("PACTO", dt.date(2022, 9, 12), "Oficial de alianzas de la OCR", "Evaluación inicial", {}),
    (
        "PACTO",
        dt.date(2025, 3, 3),
        "Oficial de alianzas de la OCR",
        "Nueva evaluación antes del mecanismo de vinculación",
        {},
    ),
    ("CCE", dt.date(2024, 11, 5), "Oficial de alianzas de la OCR", "", {}),
    ("COPARMEX", dt.date(2024, 11, 5), "Oficial de alianzas de la OCR", "", {}),
    ("CONCAMIN", dt.date(2023, 2, 20), "RIAFD", "Evaluación con más de un año: renovar", {}),
    ("ABM", dt.date(2025, 2, 14), "RIAFD", "", {}),
    ("NAFIN", dt.date(2025, 2, 14), "RIAFD", "", {}),
    ("CESF", dt.date(2025, 1, 20), "RIAFD", "", {}),
    ("CEMEFI", dt.date(2024, 10, 1), "Grupo de Resultados 3", "", {}),
    ("FUNDAR", dt.date(2024, 10, 1), "Grupo de Resultados 3", "", {}),
    ("POLEA", dt.date(2023, 4, 18), "Grupo de Resultados 3", "Evaluación con más de un año: renovar", {}),
    ("SDSN_YOUTH", dt.date(2024, 7, 30), "TF Juventudes", "", {}),
    ("TEC", dt.date(2024, 3, 11), "Oficial de alianzas de la OCR", "", {}),
    ("IBERO", dt.date(2025, 4, 2), "Grupo de Resultados 1", "", {}),
    ("CANALONCE", dt.date(2025, 5, 6), "UNCG", "", {}),
    ("HORIZONTE", dt.date(2022, 2, 15), "PNUD", "Antes del fondo de resiliencia", {}),
    ("HORIZONTE", dt.date(2024, 12, 9), "PNUD", "Nueva evaluación anual", {}),
    ("SOLARES", dt.date(2023, 1, 16), "OIT", "No se encontró su registro legal en el registro público", {"q01": "No"}),
    ("AGROPAC", dt.date(2023, 3, 7), "FAO", "No se encontró informe de sostenibilidad", {"q03": "No"}),
    ("AGROPAC", dt.date(2025, 2, 24), "FAO", "Primer informe de sostenibilidad publicado en 2024", {}),
    (
        "MERCADO",
        dt.date(2024, 9, 10),
        "Oficial de alianzas de la OCR",
        "Aún no participa en ninguna iniciativa de la ONU",
        {"q04": "No"},
    ),
    (
        "BSOLIDARIO",
        dt.date(2023, 6, 5),
        "PNUD",
        "Sin relación previa con la ONU; evaluación con más de un año",
        {"q02": "No"},
    ),
    (
        "BAJIO_OBS",
        dt.date(2025, 1, 14),
        "Grupo de Resultados 4",
        "Sin alianza previa con la ONU (contexto, no riesgo)",
        {"q02": "No"},
    ),
    (
        "FARO",
        dt.date(2024, 8, 19),
        "UNCG",
        "No está registrada en ninguna iniciativa de la ONU",
        {"q04": "No", "q02": "No"},
    ),
    ("MIXTECA", dt.date(2025, 4, 22), "FAO", "Nueva evaluación anual", {}),
    ("IMPACTOSUR", dt.date(2024, 12, 2), "PNUD", "Cuestionario respondido en parte", {"q14": "", "q16": "", "q17": ""}),
    (
        "DELTA",
        dt.date(2025, 5, 19),
        "Operaciones de la OCR",
        "En espera del expediente de proveedor",
        {"q03": "", "q04": ""},
    ),
    ("ISTMO", dt.date(2025, 6, 2), "ONU Mujeres", "Nueva evaluación anual", {}),
    (
        "TABACALERA",
        dt.date(2024, 6, 3),
        "Oficial de alianzas de la OCR",
        "Tabaco: excluida por política",
        {"q10": "Yes"},
    ),
    (
        "PUENTEALTO",
        dt.date(2024, 2, 26),
        "Punto focal de UNOPS",
        "Caso de soborno y sanción federal",
        {"q15": "Yes", "q16": "Yes"},
    ),
    (
        "NUTRIBEBE",
        dt.date(2025, 3, 17),
        "UNICEF",
        "Comercializa sucedáneos de la leche materna en contravención del código de la OMS",
        {"q12": "Yes"},
    ),
    (
        "RAPIDA",
        dt.date(2023, 11, 8),
        "PNUD",
        "Sanción en materia de protección de datos; investigación pendiente",
        {"q14": "Yes", "q17": "Yes", "q03": "No"},
    ),
    (
        "SENDERO",
        dt.date(2025, 1, 13),
        "Grupo de Resultados 2",
        "Investigación periodística sobre el mal uso de donativos",
        {"q19": "Yes"},
    ),
    # Screenings before each recorded "proceed" and, for active partnerships, renewed within the year, so that
    # the consistency alerts (partnerlab/consistency.py) fall only on fictional organisations.
    ("ISTMO", dt.date(2022, 2, 7), "ONU Mujeres", "Antes de la alianza por la economía del cuidado", {}),
    ("INMUJERES", dt.date(2022, 2, 7), "ONU Mujeres", "Antes de la alianza por la economía del cuidado", {}),
    ("AECID", dt.date(2022, 2, 7), "ONU Mujeres", "Antes de la alianza por la economía del cuidado", {}),
    ("GOB_CDMX", dt.date(2022, 2, 7), "ONU Mujeres", "Antes de la alianza por la economía del cuidado", {}),
    ("FUNDAR", dt.date(2022, 2, 7), "ONU Mujeres", "Antes de la alianza por la economía del cuidado", {}),
    ("UE", dt.date(2022, 2, 7), "ONU Mujeres", "Antes de la alianza por la economía del cuidado", {}),
    (
        "SE2030",
        dt.date(2022, 3, 28),
        "Oficial de alianzas de la OCR",
        "Antes del diálogo con la Secretaría Ejecutiva",
        {},
    ),
    (
        "INEGI",
        dt.date(2022, 3, 28),
        "Oficial de alianzas de la OCR",
        "Antes del diálogo con la Secretaría Ejecutiva",
        {},
    ),
    (
        "CONAGO",
        dt.date(2022, 3, 28),
        "Oficial de alianzas de la OCR",
        "Antes del diálogo con la Secretaría Ejecutiva",
        {},
    ),
    (
        "AMEXCID",
        dt.date(2022, 3, 28),
        "Oficial de alianzas de la OCR",
        "Antes del diálogo con la Secretaría Ejecutiva",
        {},
    ),
    ("GOB_OAX", dt.date(2022, 9, 20), "PNUD", "Antes del piloto de localización de los ODS", {}),
    ("MIXTECA", dt.date(2022, 9, 26), "FAO", "Antes del piloto de localización de los ODS", {}),
    ("GIZ", dt.date(2024, 11, 18), "Oficial de alianzas de la OCR", "Nueva evaluación anual", {}),
    ("SDSN_MX", dt.date(2024, 11, 18), "Oficial de alianzas de la OCR", "Nueva evaluación anual", {}),
    ("POLEA", dt.date(2024, 11, 20), "Grupo de Resultados 3", "Renovada", {}),
    ("ANUIES", dt.date(2024, 12, 3), "Grupo de Resultados 1", "Nueva evaluación anual", {}),
    ("UNAM", dt.date(2024, 12, 3), "Grupo de Resultados 1", "Nueva evaluación anual", {}),
    ("AECID", dt.date(2024, 12, 10), "Oficial de alianzas de la OCR", "Nueva evaluación anual", {}),
    ("UE", dt.date(2024, 12, 10), "Oficial de alianzas de la OCR", "Nueva evaluación anual", {}),
    ("SE2030", dt.date(2025, 1, 8), "Oficial de alianzas de la OCR", "Nueva evaluación anual", {}),
    ("INEGI", dt.date(2025, 1, 8), "Oficial de alianzas de la OCR", "Nueva evaluación anual", {}),
    ("CONAGO", dt.date(2025, 1, 8), "Oficial de alianzas de la OCR", "Nueva evaluación anual", {}),
    ("AMEXCID", dt.date(2025, 1, 8), "Oficial de alianzas de la OCR", "Nueva evaluación anual", {}),
    ("DEFENSORAS", dt.date(2025, 1, 10), "Grupo de Resultados 3", "Antes del grupo asesor", {}),
    ("PROINF", dt.date(2025, 1, 10), "Grupo de Resultados 3", "Antes del grupo asesor", {}),
    ("GOB_OAX", dt.date(2025, 1, 15), "PNUD", "Nueva evaluación anual", {}),
    ("UDG", dt.date(2025, 1, 22), "Grupo de Resultados 1", "", {}),
    ("UADY", dt.date(2025, 1, 22), "Grupo de Resultados 1", "", {}),
    ("INMUJERES", dt.date(2025, 2, 3), "ONU Mujeres", "Nueva evaluación anual", {}),
    ("GOB_CDMX", dt.date(2025, 2, 3), "ONU Mujeres", "Nueva evaluación anual", {}),
    ("TEC", dt.date(2025, 2, 10), "Oficial de alianzas de la OCR", "Renovada", {}),
    (
        "CONCAMIN",
        dt.date(2025, 3, 10),
        "Oficial de alianzas de la OCR",
        "Renovada antes del mecanismo de vinculación",
        {},
    ),
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
    (
        "P15",
        dt.date(2023, 4, 10),
        {"c1": "not_acceptable", "c5": "adjustments", "c6": "not_acceptable"},
        "La debida diligencia muestra una sanción en materia de protección de datos y una investigación pendiente.",
        "decline",
        dt.date(2023, 4, 20),
    ),
    (
        "TABACALERA",
        dt.date(2024, 6, 10),
        {"c1": "not_acceptable", "c2": "not_acceptable"},
        "Industria tabacalera: excluida por la política de la ONU.",
        "decline",
        dt.date(2024, 6, 12),
    ),
    (
        "PUENTEALTO",
        dt.date(2024, 3, 4),
        {"c1": "not_acceptable", "c6": "not_acceptable", "c5": "adjustments"},
        "Caso de soborno y sanción federal en los últimos diez años.",
        "decline",
        dt.date(2024, 3, 8),
    ),
    ("P03", dt.date(2025, 3, 10), {}, "", "proceed", dt.date(2025, 3, 24)),
    ("P13", dt.date(2022, 4, 4), {}, "", "proceed", dt.date(2022, 4, 18)),
    ("P14", dt.date(2022, 2, 14), {}, "", "proceed", dt.date(2022, 2, 28)),
    (
        "P04",
        dt.date(2025, 2, 10),
        {"c1": "insufficient_information", "c3": "insufficient_information", "c7a": "insufficient_information"},
        "Debida diligencia de los miembros pendiente; siguen abiertos el alcance del análisis conjunto y quién "
        "financia la secretaría.",
        "continue_analysis",
        dt.date(2025, 2, 21),
    ),
    (
        "P10",
        dt.date(2025, 1, 20),
        {"c4": "adjustments", "c7b": "adjustments", "c9": "adjustments"},
        "Acordar los términos de referencia; convocatoria abierta y representativa a las OSC; definir medidas de "
        "éxito.",
        "proceed",
        dt.date(2025, 2, 5),
    ),
    (
        "P07",
        dt.date(2022, 10, 3),
        {"c7a": "adjustments", "c8": "adjustments"},
        "El cofinanciamiento del presupuesto estatal debe confirmarse cada año.",
        "proceed",
        dt.date(2022, 10, 17),
    ),
    (
        "P11",
        dt.date(2023, 1, 9),
        {"c5": "adjustments", "c9": "insufficient_information"},
        "Sin línea de base de empleos verdes; estrategia de salida no definida.",
        "proceed",
        dt.date(2023, 1, 20),
    ),
    (
        "P12",
        dt.date(2022, 3, 7),
        {"c6": "not_acceptable", "c7b": "adjustments"},
        "Concentración de decisiones en la fundación líder; se solicitó un plan de mitigación.",
        "continue_analysis",
        dt.date(2022, 3, 21),
    ),
    (
        "AGROPAC",
        dt.date(2025, 3, 3),
        {"c3": "adjustments", "c4": "adjustments"},
        "Revisar con la OIT las condiciones laborales de las personas trabajadoras de temporada antes de proceder.",
        "continue_analysis",
        dt.date(2025, 3, 14),
    ),
    (
        "SOLARES",
        dt.date(2023, 1, 23),
        {"c4": "", "c7b": "adjustments"},
        "Costos de transacción aún no estimados (criterio 4 sin evaluar).",
        "continue_analysis",
        dt.date(2023, 2, 3),
    ),
    (
        "P08",
        dt.date(2025, 5, 12),
        {"c1": "insufficient_information", "c3": "insufficient_information", "c9": "insufficient_information"},
        "Los donantes deben confirmar su interés en un mecanismo formal; su debida diligencia está pendiente.",
        "",
        None,
    ),
    ("PACTO", dt.date(2025, 3, 5), {}, "", "proceed", dt.date(2025, 3, 7)),
    (
        "NUTRIBEBE",
        dt.date(2025, 4, 7),
        {"c1": "not_acceptable", "c5": "adjustments"},
        "Patrocinio de una campaña de nutrición; su evaluación encontró sucedáneos de la leche materna "
        "comercializados en contravención del código de la OMS.",
        "proceed",
        dt.date(2025, 4, 14),
    ),
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

_DIMS = schema.DIMENSION_KEYS
_ROUNDS = (dt.date(2023, 11, 15), dt.date(2024, 11, 20))
_DIM_LABELS = {d.key: d.label(LANG).lower() for d in vocab.QUALITY_DIMENSIONS}  # for the gaps sentence
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
    "collective": (0, 0, 0, 0, 0, 0),
    "self": (1, 0, 1, 1, 0, 1),
    "government": (0, 0, 1, 1, 1, 1),
    "civil_society": (-1, -1, -1, -1, 0, -1),
    "private_sector": (0, 1, 0, 0, 0, 0),
    "academia": (0, 0, 0, -1, 0, 0),
    "un_system": (0, 0, 0, 1, 0, 0),
}
_EVIDENCE = {
    "non_discrimination": (
        "Sin esfuerzos para identificar a los grupos rezagados",
        "Se menciona a los grupos rezagados, pero no se les invita",
        "Se invita a actores diversos; la organización líder elige a sus representantes",
        "Las organizaciones indígenas, de juventudes y de mujeres eligieron a sus propias representantes",
    ),
    "accessibility": (
        "Reuniones solo presenciales en la capital, sin materiales accesibles",
        "Sesiones virtuales, pero sin interpretación ni formatos accesibles",
        "Sesiones híbridas y materiales en lenguaje sencillo",
        "Necesidades de accesibilidad relevadas y atendidas: lengua de señas, lenguas indígenas, apoyo para traslados",
    ),
    "access_to_information": (
        "Documentos compartidos el día de la reunión",
        "Documentos compartidos pocos días antes de las decisiones",
        "Documentos publicados dos semanas antes de las decisiones",
        "Informes de avance elaborados en conjunto y publicados con tiempo para consultar a las bases",
    ),
    "influence_on_decisions": (
        "Decisiones tomadas solo por la organización líder",
        "Se recogen aportes, pero sin retroalimentación sobre su uso",
        "Grupos de trabajo conjuntos redactan las decisiones",
        "Cocreación de las decisiones; informe sobre cómo cada aporte incidió en los resultados",
    ),
    "transparency": (
        "Sin información pública sobre el proceso",
        "Comunicados de prensa ocasionales",
        "Minutas y acuerdos publicados en la web",
        "Informes públicos periódicos al Congreso, a los medios y a los actores",
    ),
    "responsiveness": (
        "Sin canal para retroalimentación o quejas",
        "Retroalimentación por correo electrónico sin seguimiento",
        "Canal de retroalimentación con respuestas en la siguiente reunión",
        "Mecanismo de quejas con seguimiento de su resolución",
    ),
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
                low = [_DIM_LABELS[d] for d, s in zip(_DIMS, scores) if s < 3]
                row["gaps"] = ("Brechas en " + ", ".join(low) + ".") if low else "Sin brechas significativas."
                mean = sum(scores) / len(scores)  # the impact participants report follows the scores
                row["impact"] = rng.choice(
                    (
                        "Impacto claro: las propuestas de las y los participantes se adoptaron en el documento final.",
                        "Las y los participantes ven sus aportes reflejados en el plan de trabajo.",
                    )
                    if mean >= 2.5
                    else (
                        "En parte: las y los participantes ven impacto en la definición de la agenda, menos en las "
                        "decisiones.",
                    )
                    if mean >= 2
                    else ("Las y los participantes reportan poco impacto en los resultados hasta ahora.",)
                )
                row["lessons"] = rng.choice(
                    (
                        "Compartir los documentos con más anticipación y explicar cómo se usan los aportes.",
                        "Realizar sesiones fuera de la capital y en lenguas indígenas.",
                        "Acordar términos de referencia con roles antes de escalar.",
                        "Un marco de monitoreo conjunto ayuda a mantener el compromiso.",
                    )
                )
                month = i18n.translator(LANG).date(day, format="MMMM 'de' y")
                row["sources"] = f"Taller con aliados ({month}); entrevistas; minutas de {names[pid][:40]}"
                if r and pid == "P11":
                    continue  # drawn, so the random sequence is unchanged, but not kept: its quality is overdue
                rows.append(row)
    return rows


# ---------------------------------------------------------------------------------------
# Diagnosis survey (Appendix 2)
# ---------------------------------------------------------------------------------------

_AGREE_ES = "Totalmente en desacuerdo; En desacuerdo; Ni de acuerdo ni en desacuerdo; De acuerdo; Totalmente de acuerdo"
_LEVEL_ES = "Muy bajo; Bajo; Medio; Alto; Muy alto; No sé"
_CHALLENGES = (
    "Mecanismos de diálogo e incidencia débiles; Dificultad para movilizar recursos financieros; "
    "Falta de espacios de participación ciudadana; Falta de espacios multiactor y multisector; "
    "Trabajo en silos y poca coordinación; Cambios políticos y discontinuidad; Capacidades técnicas "
    "limitadas"
)
_SECTOR_LABELS = "; ".join(vocab.SECTORS.labels(LANG))

# (id, theme, text, type, options)
_QUESTIONS = [
    (
        "inst_council",
        "institutionality",
        "Los consejos nacional y estatales de la Agenda 2030 coordinan eficazmente a los actores.",
        "scale",
        _AGREE_ES,
    ),
    (
        "inst_cso_voice",
        "institutionality",
        "La sociedad civil puede participar eficazmente en la definición de "
        "políticas públicas y presupuestos para el desarrollo sostenible.",
        "scale",
        _AGREE_ES,
    ),
    (
        "inst_state_council",
        "institutionality",
        "¿Su estado cuenta con un consejo de la Agenda 2030 en funcionamiento?",
        "choice",
        "Sí; No; No sé",
    ),
    ("stk_ownership", "stakeholders", "Nivel de apropiación de la Agenda 2030 en su sector", "scale", _LEVEL_ES),
    ("stk_private", "stakeholders", "El sector privado es un aliado comprometido con los ODS.", "scale", _AGREE_ES),
    (
        "stk_partners",
        "stakeholders",
        "¿Con qué sectores establece alianzas su organización de manera regular?",
        "multi",
        _SECTOR_LABELS,
    ),
    (
        "dlg_pandemic",
        "dialogue",
        "Desde la pandemia, su participación en espacios de diálogo ha...",
        "scale",
        "Disminuido mucho; Disminuido; Seguido igual; Aumentado; Aumentado mucho",
    ),
    ("dlg_format", "dialogue", "Formato principal de su diálogo con aliados", "choice", "Presencial; Virtual; Híbrido"),
    ("dlg_digital", "dialogue", "Las herramientas digitales facilitaron la gestión de alianzas.", "scale", _AGREE_ES),
    (
        "fin_access",
        "financing",
        "El acceso a financiamiento para alianzas ha mejorado en los últimos dos años.",
        "scale",
        _AGREE_ES,
    ),
    (
        "fin_sources",
        "financing",
        "Fuentes de financiamiento de sus alianzas",
        "multi",
        "Presupuesto federal; Presupuesto estatal o municipal; Cooperación internacional; Empresas privadas; "
        "Filantropía; Recursos propios",
    ),
    (
        "fin_intl_pct",
        "financing",
        "Proporción aproximada del presupuesto de sus alianzas que proviene de la cooperación internacional (%)",
        "number",
        "",
    ),
    ("col_silos", "collaboration", "Los actores de mi sector tienden a trabajar en silos.", "scale", _AGREE_ES),
    (
        "col_count",
        "collaboration",
        "Número de alianzas multiactor en las que participó su organización el año pasado",
        "number",
        "",
    ),
    (
        "col_level",
        "collaboration",
        "Ámbito en el que colabora principalmente",
        "choice",
        "Municipal; Estatal; Nacional; Internacional",
    ),
    ("col_local", "collaboration", "Hay suficiente diálogo entre actores en el ámbito local.", "scale", _AGREE_ES),
    (
        "eff_challenges",
        "efficacy",
        "¿Cuáles son los principales retos para la eficacia de las alianzas para el "
        "desarrollo sostenible? (elija hasta tres)",
        "multi",
        _CHALLENGES,
    ),
    (
        "eff_results",
        "efficacy",
        "Las alianzas en las que participa mi organización logran sus objetivos.",
        "scale",
        _AGREE_ES,
    ),
    ("eff_recommend", "efficacy", "Una recomendación para que las alianzas por los ODS sean más eficaces", "text", ""),
]


def _survey_questions() -> list[dict]:
    return [
        {"question": q, "theme": t, "text": text, "type": kind, "options": opts}
        for q, t, text, kind, opts in _QUESTIONS
    ]


_RESPONDENT_SECTORS = (
    ("federal_government", 20),
    ("legislature", 5),
    ("local_government", 18),
    ("academia", 18),
    ("civil_society", 30),
    ("private_sector", 17),
    ("financial_sector", 8),
    ("international_cooperation", 8),
    ("un_system", 10),
    ("media", 4),
    ("other", 4),
)
_RESPONDENT_STATES = (
    "Ciudad de México",
    "CDMX",
    "Oaxaca",
    "Jalisco",
    "Nuevo León",
    "Yucatán",
    "Chiapas",
    "Estado de México",
    "Puebla",
    "Guanajuato",
    "Veracruz",
    "Sonora",
    "Chihuahua",
    "Querétaro",
    "Guerrero",
    "Michoacán",
    "Tabasco",
    "Baja California",
    "Sinaloa",
    "Coahuila",
    "Hidalgo",
    "Tamaulipas",
    "Quintana Roo",
    "San Luis Potosí",
    "Morelos",
    "Zacatecas",
    "Tlaxcala",
)
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
    "Crear espacios multiactor permanentes en el ámbito estatal.",
    "Publicar información clara antes de tomar las decisiones.",
    "Mancomunar fondos para proyectos conjuntos en lugar de competir por donativos pequeños.",
    "Involucrar a la sociedad civil desde el diseño de la alianza.",
    "Crear mesas de diálogo en los municipios, no solo en la capital.",
    "Fortalecer capacidades de las OSC para acceder a financiamiento.",
    "Acordar indicadores comunes e informar el avance cada año.",
    "Reducir la rotación de las contrapartes de gobierno después de las elecciones.",
)


def _survey_responses(questions: list[dict], rng: random.Random) -> list[dict]:
    sectors = [s for s, n in _RESPONDENT_SECTORS for _ in range(n)]
    rng.shuffle(sectors)
    rows = []
    for i, sector in enumerate(sectors, 1):
        row = {
            "respondent": f"R{i:03d}",
            "sector": sector,
            "state": "" if i % 23 == 0 else rng.choice(_RESPONDENT_STATES),
        }
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
            w = {
                "local_government": (5, 5, 1, 0),
                "international_cooperation": (0, 1, 4, 5),
                "un_system": (1, 3, 5, 3),
            }.get(sector, (2, 3, 4, 1))
        else:
            w = (2, 2, 5)
        return rng.choices(options, w)[0]
    if kind == "multi":
        if qid == "eff_challenges":
            w = _CHALLENGE_WEIGHTS.get(sector, _CHALLENGE_WEIGHTS["*"])
            k = rng.choice((1, 2, 3, 3))
        elif qid == "stk_partners":
            keys = [vocab.SECTORS.key_of(o) for o in options]
            w = [6 if k in ("federal_government", "un_system") else 3 if k == sector else 1.5 for k in keys]
            if sector == "private_sector":  # the private sector seldom partners with civil society
                w = [0.2 if k == "civil_society" else x for k, x in zip(keys, w)]
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
    "1.1": ("2022", "done", 100),
    "1.2": ("2022; 2023; 2024; 2025", "in_progress", 75),
    "1.3": ("2022; 2023", "done", 100),
    "1.4": ("2022; 2023; 2024; 2025", "in_progress", 60),
    "1.5": ("2023; 2024; 2025", "in_progress", 40),
    "1.6": ("2022; 2023", "done", 100),
    "1.7": ("2022; 2023", "in_progress", 70),
    "1.8": ("2023", "in_progress", 50),
    "1.9": ("2023; 2024; 2025", "in_progress", 45),
    "1.10": ("2022; 2023; 2024", "in_progress", 80),
    "1.11": ("2023; 2024", "not_started", 0),
    "1.12": ("2023; 2024; 2025", "in_progress", 30),
    "2.1": ("2022; 2023; 2024; 2025", "in_progress", 85),
    "2.2": ("2022", "done", 100),
    "2.3": ("2022; 2023", "done", 100),
    "2.4": ("2023; 2024; 2025", "in_progress", 55),
    "2.5": ("2022; 2023; 2024; 2025", "in_progress", 65),
    "2.6": ("2022", "done", 100),
    "2.7": ("2022; 2023; 2024", "done", 100),
    "2.8": ("2023", "in_progress", 35),
    "2.9": ("2023", "done", 100),
    "2.10": ("2023; 2024; 2025", "in_progress", 60),
    "2.11": ("2023; 2024; 2025", "in_progress", 50),
    "2.12": ("2024; 2025", "in_progress", 40),
    "2.13": ("2022", "done", 100),
    "2.14": ("2023; 2024; 2025", "in_progress", 40),
    "2.15": ("2022; 2023", "done", 100),
    "2.16": ("2022; 2023; 2024; 2025", "in_progress", 70),
    "2.17": ("2023; 2024; 2025", "not_started", 0),
    "2.18": ("2022; 2023", "done", 100),
    "2.19": ("2023; 2024; 2025", "in_progress", 25),
    "2.20": ("2022; 2023; 2024; 2025", "in_progress", 70),
    "2.21": ("2023; 2024; 2025", "in_progress", 20),
    "2.22": ("2023; 2024; 2025", "not_started", 0),
    "2.23": ("2024", "dropped", 10),
    "2.24": ("2023; 2024; 2025", "in_progress", 30),
    "2.25": ("2022", "done", 100),
    "2.26": ("2023; 2024; 2025", "in_progress", 60),
    "2.27": ("2024; 2025", "in_progress", 30),
    "3.1": ("2023", "done", 100),
    "3.2": ("2023; 2024; 2025", "in_progress", 50),
    "3.3": ("2024; 2025", "in_progress", 35),
    "3.4": ("2024; 2025", "not_started", 0),
    "3.5": ("2023; 2024", "done", 100),
    "3.6": ("2024; 2025", "in_progress", 20),
    "3.7": ("2023; 2024; 2025", "in_progress", 45),
    "3.8": ("2024; 2025", "not_started", 0),
    "3.9": ("2022", "done", 100),
    "3.10": ("2022; 2023; 2024; 2025", "in_progress", 55),
}
_EVIDENCE_BY_STATUS = {
    "done": "Concluida; productos archivados en el repositorio de la RIAFD (ilustrativo).",
    "in_progress": "Trabajo en curso; última actualización en la reunión interagencial (ilustrativo).",
    "not_started": "Sin iniciar: en espera de recursos o de una agencia líder (ilustrativo).",
    "dropped": "Descartada por el Equipo País tras su revisión; integrada en otra línea de acción (ilustrativo).",
}


def _action_plan() -> list[dict]:
    actions = vocab.ACTIONS
    if len(actions) != len(_PLAN):
        raise RuntimeError(f"vocab.ACTIONS has {len(actions)} courses of action; the sample expects {len(_PLAN)}")
    rows = []
    for i, a in enumerate(actions):
        years, status, pct = _PLAN[a.code]
        updated = dt.date(2025, 1 + i % 6, 1 + (i * 7) % 28)
        rows.append(
            {
                "code": a.code,
                "pillar": a.pillar,
                "area": a.area(LANG),
                "action": a.label(LANG),
                "responsible": "; ".join(vocab.responsible_label(r, LANG) for r in a.responsible),
                "years": years,
                "status": status,
                "progress_pct": pct,
                "updated_on": updated if status != "not_started" or i % 2 else None,
                "evidence": _EVIDENCE_BY_STATUS[status],
            }
        )
    return rows


if __name__ == "__main__":
    from partnerlab.paths import SAMPLE_WORKBOOK

    print(write_sample(SAMPLE_WORKBOOK))
