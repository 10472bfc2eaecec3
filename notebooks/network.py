# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["analyst-note"]
# # Network intelligence
#
# **Question**: who partners with whom, who is central, who bridges sectors (Gould-Fernandez
# brokerage), where are the silos (E-I index by sector), which communities exist and who is
# isolated? Where does the UN system act as "catalyst and strategic bridge"?
#
# **Use in JupyterLab**: set `sector` to a sector key (e.g. `civil_society`) to see that sector
# and its direct partners, `focus` to a stakeholder id for its ego network and roles, and
# `min_strength` to 2 or 3 to keep only stronger ties; then *Run > Run All Cells*. Definitions
# are in `partnerlab/network.py`.

# %% tags=["parameters"]
workbook: str = ""  # path to the input workbook; blank: the bundled sample
lang: str = ""  # en, es or pt; blank: the workbook's about.language, else en
processed: str = ""  # folder of pre-parsed tables written by `partnerlab run`; blank: parse the workbook
sector: str = ""  # a sector key (e.g. civil_society): that sector and its direct partners; blank: all
focus: str = ""  # a stakeholder id for its ego network and roles; blank: none
min_strength: int = 1  # keep only ties of at least this strength (1-3)
compare_year: int = 0  # also show what changed since this year (ties, partnerships); 0: no comparison

# %%
import html

from IPython.display import HTML, display

from partnerlab import consistency, explorer, exports
from partnerlab import network as net
from partnerlab.page import Report
from partnerlab.plots import network as plots

rpt = Report.open(
    workbook,
    lang=lang,
    processed=processed,
    report="network",
    params={"sector": sector, "focus": focus, "min_strength": min_strength, "compare_year": compare_year},
)
rpt.header()

# %%
# inputs: one tie graph from the ties sheet, the partners lists and partnership co-membership; then the measures
wb, L, _ = rpt.wb, net.TABLE_LABELS, rpt._
graph = net.filter_sector(net.build_tie_graph(wb, min_strength=min_strength), sector)
cent, roles, ei = (
    net.centrality_table(graph),
    net.brokerage_roles(graph, "sector"),
    net.ei_index(graph, "sector", permutations=500, seed=0),
)
members = net.communities(graph, seed=0)
if processed and not sector and min_strength == 1:  # the whole tie graph: the batch's data/ reuses these
    exports.keep_measures(processed, {"centrality": cent, "brokerage": roles, "communities": members})
verdicts = consistency.stakeholder_verdicts(wb, lang=rpt.lang)
flagged = consistency.flagged_central(cent, verdicts)  # central actors not cleared (docs/consistency.md)

# %%
# the answer first: who bridges, where are the silos (sentences computed from the measures below)
rpt.h2("Who bridges, where are the silos")
sentences = net.findings(graph, rpt.lang, roles=roles, ei=ei, membership=members)
display(
    HTML(
        '<div class="pl-report"><ul class="pl-findings">'
        + "".join(f"<li>{html.escape(s)}</li>" for s in sentences)
        + "</ul></div>"
    )
)

# %%
rpt.h2("The network")
n = net.describe_graph(graph)
rpt.p(
    "<b>{stakeholders}</b> stakeholders and <b>{pairs}</b> tied pairs ({from_ties} recorded in the ties sheet, {from_partners} in partners lists, {from_partnerships} through shared partnerships; a pair may have several), as of {year}, ties of strength {min_strength} or more.",
    year=str(graph.graph.get("as_of_year") or "-"),
    min_strength=min_strength,
    **n,
)
if sector:
    rpt.p(
        "Selection: <b>{s}</b> stakeholders and their direct partners. Every measure below describes this selection: other sectors appear only through their ties with {s}.",
        s=rpt.label("sector", sector),
    )
if 0 < len(graph) <= explorer.EXPLORER_LIMIT:
    explorer.show(graph, rpt.lang, verdicts=verdicts, highlight=focus or None, flagged=flagged["stakeholder"])
elif len(graph) > explorer.EXPLORER_LIMIT:
    rpt.left_out(
        "The interactive explorer draws networks of up to {limit} stakeholders; this one has {n}. The figure shows the ties between sectors and the most connected stakeholders; choose a sector (parameter sector) or a focus stakeholder to explore a part.",
        limit=explorer.EXPLORER_LIMIT,
        n=len(graph),
    )
fig = plots.plot_network(graph, highlight=focus or None, lang=rpt.lang, flagged=flagged["stakeholder"])
rpt.show(fig, alt=plots.network_alt(graph, rpt.lang))

# %%
rpt.h2("Most central actors")
if graph.number_of_edges() == 0:
    rpt.left_out("No ties recorded for this selection.")
else:
    rpt.p(
        "Partners = number of stakeholders tied to it; betweenness = share of shortest paths between others that pass through it; PageRank = weight of its incoming ties."
    )
    if cent.attrs["betweenness_approximate"]:
        rpt.p(
            "<b>Betweenness is approximate</b>: with {n} stakeholders (more than {limit}) it is estimated from {k} sampled stakeholders (fixed seed), so reruns give the same values.",
            n=len(graph),
            limit=net.EXACT_BETWEENNESS_LIMIT,
            k=cent.attrs["betweenness_samples"],
        )
    rpt.table(net.top_central(cent), labels=L, vocab={"sector": "sector", "quadrant": "quadrant"})
    rpt.keep("network_centrality", cent)

# %%
# the central actors the consistency rules do not clear (docs/consistency.md): unscreened, blocked, with conditions or alerts
rpt.h2("Central actors flagged or unscreened")
if graph.number_of_edges() == 0 or flagged.empty:
    rpt.left_out("Every one of the 15 most central actors has a fresh, clear screening and no alert.")
else:
    ringed = len(graph) <= plots.MAX_DRAWN_NODES
    if ringed:
        rpt.p(
            "Of the 15 most central actors (by betweenness), {n} are not cleared (ringed in red on the map): the partnerships that run through them carry their risk. UN-system actors are never asked for due diligence.",
            n=len(flagged),
        )
    else:
        rpt.p(
            "Of the 15 most central actors (by betweenness), {n} are not cleared: the partnerships that run through them carry their risk. UN-system actors are never asked for due diligence.",
            n=len(flagged),
        )
    rpt.table(flagged.drop(columns="stakeholder"), labels=consistency.TABLE_LABELS, vocab=consistency.TABLE_VOCABS)
    rpt.keep("network_flagged_central", flagged)

# %%
rpt.h2("Brokers by role")
if roles["total"].sum() == 0:
    rpt.left_out("No open two-path (a - b - c with no a - c tie): nobody brokers.")
else:
    rpt.p(
        "Gould-Fernandez roles, counted on every open two-path a → b → c (no a → c tie) by the sectors of a, b and c: coordinator (all one sector), itinerant (a and c share a sector, b does not), representative (b with a, c elsewhere), gatekeeper (b with c, a elsewhere), liaison (three sectors). An undirected tie counts both ways."
    )
    rpt.show(plots.plot_brokerage(roles, graph, lang=rpt.lang), alt=plots.brokerage_alt(roles, graph, rpt.lang))
    rpt.table(net.top_brokers(roles, graph), labels=L, vocab={"sector": "sector"})
    rpt.keep("network_brokerage", net.top_brokers(roles, graph, n=len(graph)))

# %%
rpt.h2("E-I by sector (silos)")
whole = ei.iloc[0]
if whole["internal"] + whole["external"] == 0:
    rpt.left_out("No ties recorded for this selection.")
else:
    rpt.p(
        "E-I = (ties to other sectors - ties inside) / all ties: -1 is a closed silo, +1 an open sector. Whole network {ei}; with sector labels shuffled 500 times it would be {exp} on average; {low} of the 500 shuffles are as low or lower.",
        ei=net.signed(whole["ei"], rpt.lang),
        exp=net.signed(whole["expected"], rpt.lang),
        low=int(round(whole["p_lower"] * 500)),
    )
    rpt.show(plots.plot_ei_by_sector(ei, lang=rpt.lang), alt=plots.ei_alt(ei, rpt.lang))
    rpt.table(net.ei_table(ei), labels=L, vocab={"sector": "sector"})
    rpt.keep("network_ei_by_sector", net.ei_table(ei))

# %%
rpt.h2("Communities and their sector mix")
mix = net.community_mix(members)
if mix.empty:
    rpt.left_out("No community of two or more tied stakeholders.")
else:
    rpt.p(
        "Louvain communities (groups tied more among themselves than to the rest; fixed seed). A community with 75 % or more of one sector is a sector silo."
    )
    if members.attrs.get("method") == "igraph":
        rpt.p(
            "With {n} stakeholders (more than {limit}) the communities are computed by igraph's implementation of Louvain (fast on large networks; seed {seed}, resolution {resolution}); networkx's implementation, used below that size, may split loosely tied groups differently.",
            n=len(graph),
            limit=net.LOUVAIN_NETWORKX_LIMIT,
            seed=members.attrs["seed"],
            resolution=members.attrs["resolution"],
        )
    rpt.table(net.community_table(mix, rpt.lang), labels=L, vocab={"dominant": "sector"})
    rpt.keep("network_communities", mix)

# %%
rpt.h2("Isolates")
alone = net.isolates(graph)
if alone.empty:
    rpt.p("Every stakeholder has at least one recorded tie.")
else:
    rpt.p(
        "{n} stakeholders have no recorded tie (of strength {s} or more): a tie may be missing from the workbook, or a partnership opportunity.",
        n=len(alone),
        s=min_strength,
    )
    rpt.table(alone.reset_index(drop=True), labels=L, vocab={"sector": "sector", "scope": "scope"})

# %%
rpt.h2("Focus stakeholder")
if not focus:
    rpt.left_out("No focus stakeholder chosen (parameter focus).")
elif focus not in graph:
    rpt.left_out("The focus stakeholder is not in this selection.")
else:
    ego, focus_name = net.ego_network(graph, focus), graph.nodes[focus]["name"]
    if len(ego) <= explorer.EXPLORER_LIMIT:
        explorer.show(ego, rpt.lang, verdicts=verdicts, highlight=focus)
    else:
        rpt.left_out(
            "The interactive explorer draws networks of up to {limit} stakeholders; this ego network has {n}: the figure below shows it by sector.",
            limit=explorer.EXPLORER_LIMIT,
            n=len(ego),
        )
    rpt.show(
        plots.plot_network(ego, highlight=focus, lang=rpt.lang, title=_("Ego network of {name}", name=focus_name)),
        alt=plots.network_alt(ego, rpt.lang, focus=focus),
    )
    rpt.p(
        "Brokerage roles of {name}: coordinator {coordinator}, itinerant {itinerant}, representative {representative}, gatekeeper {gatekeeper}, liaison {liaison} (total {total}).",
        name=focus_name,
        **roles.loc[focus, [*net.ROLES, "total"]].to_dict(),
    )
    rpt.table(net.focus_table(graph, focus, rpt.lang), labels=L, vocab={"sector": "sector"})

# %%
rpt.h2("Change since an earlier year")
if not compare_year:
    rpt.left_out("No earlier year chosen (parameter compare_year).")
else:
    from partnerlab import changes as ch

    old = ch.snapshot_as_of(wb, compare_year)
    moved = ch.compare_workbooks(old, wb)["ties"]["change"].value_counts()
    rpt.p(
        "Since {year}, in the whole network: <b>{added}</b> ties added and <b>{ended}</b> ended (ties sheet and partners lists). Each cell reads then → now.",
        year=str(compare_year),
        added=int(moved.get("added", 0)),
        ended=int(moved.get("ended", 0)),
    )
    rpt.table(
        ch.sector_overview(
            old, wb, ("stakeholders", "ties", "ei", "density", "components", "brokerage_total"), rpt.lang
        ),
        labels=ch.TABLE_LABELS,
    )

# %%
# data for other tools: the batch writes the network and the tables under data/ (partnerlab/exports.py)
rpt.h2("Data for other tools")
if processed:
    rpt.p(
        'The network and the tables of this batch, for Gephi, Kumu, UCINET, Pajek, Cytoscape or R: <a href="data/network.gexf">GEXF</a>, <a href="data/network.graphml">GraphML</a>, <a href="data/kumu.xlsx">Kumu (XLSX)</a>, <a href="data/gephi_nodes.csv">Gephi nodes</a> and <a href="data/gephi_edges.csv">edges</a> (CSV), <a href="data/network.dl">UCINET DL</a>, <a href="data/network.net">Pajek</a>; what each file holds: <a href="data/README.md">data/README.md</a>.'
    )
else:
    rpt.left_out("Exports are written by a batch (partnerlab run) under data/ next to the reports.")
