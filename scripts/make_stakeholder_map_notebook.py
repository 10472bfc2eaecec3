"""Writes notebooks/stakeholder_map.ipynb (kept so the notebook's cells stay reviewable as code)."""

import nbformat as nbf

from partnerlab.paths import NOTEBOOKS

md, code = nbf.v4.new_markdown_cell, nbf.v4.new_code_cell
cells = [
    md("# Stakeholder map\n\nWho are the stakeholders, by sector, scope and state (Appendix 3, step 1)? Where does each sit "
       "on the influence-interest grid, and which is the critical group of potential allies (step 2)? What role does "
       "each play (step 3)? How diversified is the base of partners? Which states have no partner?\n\n"
       "Change a parameter in the next cell and run all cells. This note is not part of the exported report.",
       metadata={"tags": ["analyst-note"]}),
    code('workbook: str = ""  # path to the input workbook; blank: the bundled sample\n'
         'lang: str = ""  # en or es; blank: the workbook\'s about.language, else en\n'
         'processed: str = ""  # folder of pre-parsed tables written by `partnerlab run`; blank: parse the workbook\n'
         'sector: str = ""  # one sector key (e.g. civil_society); blank: all sectors\n'
         'state: str = ""  # one federal entity (e.g. Oaxaca); blank: all states\n'
         'threshold: int = 4  # influence or interest of this score or more counts as high',
         metadata={"tags": ["parameters"]}),
    code("from partnerlab import stakeholders as sh, vocab\n"
         "from partnerlab.plots import stakeholders as plots\n"
         "from partnerlab.report import Report\n\n"
         'rpt = Report.open(workbook, lang=lang, processed=processed, title=("Stakeholder map", "Mapa de actores"),\n'
         '                  params={"sector": sector, "state": state, "threshold": threshold},\n'
         '                  sheets=["stakeholders", "partnerships"])\n'
         "rpt.header()"),
    code("# The selection: every section below covers these stakeholders.\n"
         "df = sh.assign_quadrants(sh.filter_stakeholders(rpt.wb.stakeholders, sector, state), threshold)\n"
         "critical = sh.critical_group(df, threshold)\n"
         'rpt.p("<b>{n}</b> stakeholders in {sectors} sectors; <b>{c}</b> in the critical group (influence and interest {t} or more).",\n'
         '      "<b>{n}</b> actores en {sectors} sectores; <b>{c}</b> en el grupo crítico (influencia e interés de {t} o más).",\n'
         '      n=len(df), sectors=df["sector"].nunique(), c=len(critical), t=threshold)'),
    code('rpt.h2("Stakeholders by sector, scope and state", "Actores por sector, ámbito y estado")\n'
         'by_sector = sh.count_by(df, "sector", vocab.SECTORS)\n'
         "rpt.keep(\"stakeholders_by_sector\", by_sector)\n"
         "rpt.show(plots.plot_sector_counts(by_sector, lang=rpt.lang))"),
    code('rpt.table(sh.count_by(df, "scope", vocab.SCOPES), vocab={"scope": "scope"})'),
    code('rpt.h2("Influence-interest grid (Appendix 3, step 2)", "Matriz de influencia e interés (Anexo 3, paso 2)")\n'
         'unrated = df["influence"].isna() | df["interest"].isna()\n'
         'if unrated.all():\n'
         '    rpt.left_out("No stakeholder has both influence and interest scores.", "Ningún actor tiene puntajes de influencia e interés.")\n'
         'else:\n'
         '    rpt.show(plots.plot_influence_interest(df, lang=rpt.lang, threshold=threshold))'),
    code('quadrants = sh.count_by(df, "quadrant", vocab.QUADRANTS)\n'
         'quadrants["quadrant"] = [rpt.label("quadrant", q) if q else rpt.tr("Not rated", "Sin puntaje") for q in quadrants["quadrant"]]\n'
         'rpt.table(quadrants)\n'
         'if unrated.any():\n'
         '    rpt.p("{n} stakeholders have no influence or interest score and are not on the grid.",\n'
         '          "{n} actores no tienen puntaje de influencia o interés y no están en la matriz.", n=int(unrated.sum()))'),
    code('rpt.h2("The critical group of potential allies", "El grupo crítico de aliados potenciales")\n'
         'rpt.p("High influence and high interest: manage the approach and explore joint work; a risk analysis must be conducted (Appendix 3, step 2).",\n'
         '      "Alta influencia y alto interés: gestionar el acercamiento y explorar trabajo conjunto; debe realizarse un análisis de riesgo (Anexo 3, paso 2).")\n'
         'rpt.keep("critical_group", critical[["id", "name", "sector", "scope", "influence", "interest"]])\n'
         'if critical.empty:\n'
         '    rpt.left_out("No stakeholder of this selection is in the critical group.", "Ningún actor de esta selección está en el grupo crítico.")\n'
         'else:\n'
         '    rpt.table(critical[["id", "name", "sector", "scope", "influence", "interest", "roles"]],\n'
         '              vocab={"sector": "sector", "scope": "scope", "roles": "role"})'),
    code('rpt.h2("Awareness and capacity building", "Sensibilización y fortalecimiento de capacidades")\n'
         'for q in ("awareness", "capacity"):\n'
         '    rows = df[df["quadrant"] == q].sort_values("name")\n'
         '    rpt.p("<b>{label}</b>: {n}", "<b>{label}</b>: {n}", label=rpt.label("quadrant", q), n=len(rows))\n'
         '    if len(rows):\n'
         '        rpt.table(rows[["name", "sector", "influence", "interest"]], vocab={"sector": "sector"})'),
    code('rpt.h2("Roles (Appendix 3, step 3)", "Roles (Anexo 3, paso 3)")\n'
         "roles = sh.roles_by_sector(df)\n"
         'if roles.empty:\n'
         '    rpt.left_out("No stakeholder has a role recorded (column roles).", "Ningún actor tiene un rol registrado (columna roles).")\n'
         'else:\n'
         '    rpt.show(plots.plot_roles(roles, lang=rpt.lang))'),
    code('rpt.h2("How diversified is the partner base?", "¿Qué tan diversificada es la base de aliados?")\n'
         "div = sh.diversification(df, rpt.wb.partnerships)\n"
         'rpt.keep("diversification", div)\n'
         "last = div.iloc[-1]\n"
         'rpt.p("The public sector is <b>{pub}%</b> of the {group}; the largest sector, {top}, is {toppct}%. The effective number of sectors is <b>{eff}</b> of {n} present (1 / Herfindahl index of sector shares).",\n'
         '      "El sector público es <b>{pub}%</b> de {group}; el sector más grande, {top}, es {toppct}%. El número efectivo de sectores es <b>{eff}</b> de {n} presentes (1 / índice de Herfindahl de las proporciones).",\n'
         '      pub=last["public_pct"], top=rpt.label("sector", last["top_sector"]), toppct=last["top_pct"], eff=last["effective_sectors"], n=last["sectors"],\n'
         '      group=rpt.tr("partner base (stakeholders in partnerships)", "la base de aliados (actores en alianzas)") if last["group"] == "partners" else rpt.tr("stakeholders", "los actores"))\n'
         'rpt.table(div.assign(group=div["group"].map({"all": rpt.tr("All stakeholders", "Todos los actores"), "partners": rpt.tr("In partnerships", "En alianzas")})),\n'
         '          labels={"group": ("Group", "Grupo"), "sectors": ("Sectors", "Sectores"), "public_pct": ("Public sector (%)", "Sector público (%)"),\n'
         '                  "top_sector": ("Largest sector", "Sector mayor"), "top_pct": ("Largest (%)", "Mayor (%)"), "hhi": ("HHI", "IHH"),\n'
         '                  "effective_sectors": ("Effective sectors", "Sectores efectivos")}, vocab={"top_sector": "sector"})'),
    code('rpt.h2("States without partners", "Estados sin aliados")\n'
         "missing = sh.states_without_partners(df, rpt.wb.partnerships if not (sector or state) else None)\n"
         'rpt.keep("states_without_partners", sh.count_states(df).query("stakeholders == 0"))\n'
         'rpt.p("{n} of 32 federal entities have no stakeholder or partnership: {names}.", "{n} de 32 entidades federativas no tienen actores ni alianzas: {names}.",\n'
         '      n=len(missing), names=", ".join(rpt.label("state", s) for s in missing) or rpt.tr("none", "ninguna"))\n'
         "rpt.show(plots.plot_states(sh.count_states(df), lang=rpt.lang))"),
    code('rpt.h2("The mapping table (Appendix 3, step 1)", "La tabla de mapeo (Anexo 3, paso 1)")\n'
         'rpt.p("The full mapping (mandate, priorities, instruments, resources, initiatives, partners) is in the batch\'s findings.xlsx.",\n'
         '      "El mapeo completo (mandato, prioridades, instrumentos, recursos, iniciativas, alianzas) está en findings.xlsx del lote.")\n'
         'rpt.keep("mapping", df.drop(columns=["contact", "row"]))\n'
         'cols = ["id", "name", "sector", "scope", "states", "influence", "interest", "roles"]\n'
         'rpt.table(df.sort_values(["sector", "name"])[cols], vocab={"sector": "sector", "scope": "scope", "states": "state", "roles": "role"}, max_rows=120)'),
]
nb = nbf.v4.new_notebook(cells=cells, metadata={
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python"}})
nbf.write(nb, NOTEBOOKS / "stakeholder_map.ipynb")
print("wrote", NOTEBOOKS / "stakeholder_map.ipynb")
