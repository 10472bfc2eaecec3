/* partnerlab's network explorer (partnerlab/explorer.py): draws every .pl-explorer placeholder
   of the page with sigma.js and graphology (inlined before this file), from the JSON island the
   placeholder holds. Search, sector / tie-kind / strength filters, hover card, click to highlight
   the ego network. No request to any host; every word comes from the island (the catalogs).
   Workbook text reaches the page only through textContent, never as markup. */
(function () {
  "use strict";
  var registry = (window.partnerlabExplorers = window.partnerlabExplorers || {});

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "class") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }

  function webglOK() {
    try {
      var c = document.createElement("canvas");
      return !!(window.WebGL2RenderingContext && (c.getContext("webgl2") || c.getContext("webgl")));
    } catch (e) { return false; }
  }

  function init(host) {
    var island = host.querySelector("script.pl-explorer-data");
    if (!island || host.dataset.ready) return;
    var data = JSON.parse(island.textContent);
    var T = data.text;
    var nodes = data.nodes;
    var n = nodes.id.length;
    var note = host.querySelector(".pl-ex-note");
    if (typeof Sigma === "undefined" || typeof graphology === "undefined" || !webglOK()) {
      if (note) note.textContent = T.no_webgl;
      host.dataset.ready = "unsupported";
      return;
    }
    if (note) note.remove();
    var t0 = performance.now();

    // -- the controls ------------------------------------------------------------------------
    var uid = host.id;
    var search = el("input", {type: "search", id: uid + "-q", placeholder: T.search, "aria-label": T.search,
                              autocomplete: "off", "aria-controls": uid + "-r"});
    var results = el("ul", {id: uid + "-r", class: "pl-ex-results", "aria-label": T.search});
    var strength = el("select", {id: uid + "-s"}, [1, 2, 3].map(function (v) {
      return el("option", {value: String(v), text: T["strength_" + v]});
    }));
    var zoomIn = el("button", {type: "button", class: "pl-ex-btn", title: T.zoom_in, "aria-label": T.zoom_in, text: "+"});
    var zoomOut = el("button", {type: "button", class: "pl-ex-btn", title: T.zoom_out, "aria-label": T.zoom_out, text: "\u2212"});
    var fit = el("button", {type: "button", class: "pl-ex-btn", text: T.fit});
    var reset = el("button", {type: "button", class: "pl-ex-btn", text: T.reset});
    var bar = el("div", {class: "pl-ex-bar"}, [
      el("div", {class: "pl-ex-search"}, [search, results]),
      el("label", {for: uid + "-s", text: T.strength + " "}), strength, zoomIn, zoomOut, fit, reset,
    ]);
    var stage = el("div", {class: "pl-ex-stage", role: "img", "aria-label": T.stage});
    var card = el("div", {class: "pl-ex-card", hidden: ""});
    stage.appendChild(card);

    var sectorBoxes = [];
    var sectorSet = el("fieldset", {}, [el("legend", {text: T.sectors})]);
    data.sectors.forEach(function (s, i) {
      var count = 0;
      for (var j = 0; j < n; j++) if (nodes.sector[j] === i) count++;
      var box = el("input", {type: "checkbox", value: String(i), "data-sector": s[0]});
      box.checked = true;
      sectorBoxes.push(box);
      var swatch = el("span", {class: "pl-ex-swatch"});
      swatch.style.background = s[2];
      sectorSet.appendChild(el("label", {}, [box, swatch, document.createTextNode(s[1] + " (" + count + ")")]));
    });
    var kindBoxes = [];
    var kindSet = el("fieldset", {}, [el("legend", {text: T.kinds})]);
    data.kinds.forEach(function (k, i) {
      var box = el("input", {type: "checkbox", value: String(data.kind_bits[i]), "data-kind": k[0]});
      box.checked = true;
      kindBoxes.push(box);
      kindSet.appendChild(el("label", {}, [box, document.createTextNode(k[1])]));
    });
    var count = el("p", {class: "pl-ex-count", "aria-live": "polite"});
    var info = el("div", {class: "pl-ex-info", hidden: ""});
    var side = el("div", {class: "pl-ex-side"}, [info, count, sectorSet, data.kinds.length > 1 ? kindSet : null]);
    if (data.flagged.length) {
      side.appendChild(el("p", {}, [el("span", {class: "pl-ex-ring"}), document.createTextNode(" " + T.flagged)]));
    }
    host.appendChild(bar);
    host.appendChild(el("p", {class: "pl-ex-help", text: T.help}));
    host.appendChild(el("div", {class: "pl-ex-body"}, [stage, side]));

    // -- the graph -----------------------------------------------------------------------------
    var graph = new graphology.Graph({type: "undirected", multi: false, allowSelfLoops: false});
    var flagged = {};
    data.flagged.forEach(function (i) { flagged[i] = true; });
    // always named: the central actors flagged or unscreened, and the most connected (small networks)
    var named = {};
    data.flagged.forEach(function (i) { named[i] = true; });
    if (!data.big) {
      nodes.degree.map(function (d, i) { return [d, i]; })
        .sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; })
        .slice(0, 8).forEach(function (p) { named[p[1]] = true; });
    }
    for (var i = 0; i < n; i++) {
      graph.addNode(String(i), {
        x: nodes.x[i], y: nodes.y[i], size: nodes.size[i], label: nodes.label[i],
        forceLabel: !!named[i], color: data.sectors[nodes.sector[i]][2],
      });
    }
    var edges = data.edges;
    var edgeColor = data.big ? "rgba(90,90,90,0.2)" : "rgba(95,95,95,0.5)";
    for (var e = 0; e < edges.length; e += 4) {
      var key = String(e / 4);
      graph.addEdgeWithKey(key, String(edges[e]), String(edges[e + 1]), {
        size: data.big ? 0.6 + 0.3 * (edges[e + 2] - 1) : 1.2 + 0.9 * (edges[e + 2] - 1),
        color: edgeColor, strength: edges[e + 2], kinds: edges[e + 3],
      });
    }

    var state = {hidden: {}, selected: null, ego: null, hovered: null, minStrength: 1, kinds: 0};
    data.kind_bits.forEach(function (b) { state.kinds |= b; });

    function tieShown(attrs) {
      return attrs.strength >= state.minStrength && (attrs.kinds & state.kinds) !== 0;
    }

    var renderer = new Sigma(graph, stage, {
      renderLabels: true,
      labelRenderedSizeThreshold: data.big ? 9 : 4,
      labelDensity: data.big ? 0.4 : 0.6,
      labelGridCellSize: data.big ? 140 : 110,
      allowInvalidContainer: true,
      labelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
      labelSize: 12,
      zIndex: true,
      minCameraRatio: 0.03,
      maxCameraRatio: 3,
      stagePadding: 24,
      nodeReducer: function (node, attrs) {
        var i = +node;
        var out = Object.assign({}, attrs);
        if (state.hidden[data.sectors[nodes.sector[i]][0]]) { out.hidden = true; return out; }
        if (state.ego) {
          if (node === state.selected) { out.highlighted = true; out.forceLabel = true; out.zIndex = 3; }
          else if (state.ego[node]) { out.forceLabel = !data.big || n < 400; out.zIndex = 2; }
          else { out.color = "#E4E4E4"; out.label = ""; out.zIndex = 0; }
        }
        if (node === state.hovered) { out.highlighted = true; out.zIndex = 4; }
        return out;
      },
      edgeReducer: function (edge, attrs) {
        var out = Object.assign({}, attrs);
        if (!tieShown(attrs)) { out.hidden = true; return out; }
        if (state.ego) {
          var ends = graph.extremities(edge);
          if (ends[0] === state.selected || ends[1] === state.selected) {
            out.color = "#303030"; out.size = attrs.size * 1.8; out.zIndex = 2;
          } else if (state.ego[ends[0]] && state.ego[ends[1]]) {
            out.color = "rgba(95,95,95,0.35)"; out.zIndex = 1;  // ties among the partners
          } else { out.hidden = true; }
        }
        return out;
      },
    });
    var camera = renderer.getCamera();

    // flagged rings: drawn on sigma's label layer after each render (sigma 3 draws plain discs)
    if (data.flagged.length) {
      renderer.on("afterRender", function () {
        var ctx = renderer.getCanvases().labels.getContext("2d");
        ctx.save();
        ctx.strokeStyle = "#C62828";
        ctx.lineWidth = 2;
        data.flagged.forEach(function (i) {
          var d = renderer.getNodeDisplayData(String(i));
          if (!d || d.hidden) return;
          var p = renderer.framedGraphToViewport(d);
          var r = renderer.scaleSize(d.size) + 4;
          ctx.beginPath();
          ctx.arc(p.x, p.y, r, 0, 2 * Math.PI);
          ctx.stroke();
        });
        ctx.restore();
      });
    }

    // -- behaviour -----------------------------------------------------------------------------
    function shownCount() {
      var shown = 0;
      for (var i = 0; i < n; i++) if (!state.hidden[data.sectors[nodes.sector[i]][0]]) shown++;
      return shown;
    }

    function refresh() {
      var shown = shownCount();
      count.textContent = fill(T.shown, {shown: shown.toLocaleString(data.lang), total: n.toLocaleString(data.lang)});
      host.dataset.shown = String(shown);
      renderer.refresh();
    }

    function cardBody(i) {
      var dl = el("dl");
      function row(label, value) { dl.appendChild(el("dt", {text: label})); dl.appendChild(el("dd", {text: value})); }
      row(T.sector, data.sectors[nodes.sector[i]][1]);
      row(T.quadrant, nodes.quadrant[i] >= 0 ? data.quadrants[nodes.quadrant[i]] : T.not_scored);
      if (data.screened) row(T.screening, nodes.outcome[i] >= 0 ? data.outcomes[nodes.outcome[i]] : T.unknown);
      row(T.partners, String(nodes.degree[i]));
      return [el("b", {text: nodes.name[i]}), dl];
    }

    function showCard(node, x, y) {
      card.textContent = "";
      cardBody(+node).forEach(function (c) { card.appendChild(c); });
      card.hidden = false;
      var w = stage.clientWidth, h = stage.clientHeight;
      var left = Math.min(Math.max(4, x + 14), Math.max(4, w - card.offsetWidth - 4));
      var top = y + 14 + card.offsetHeight > h ? Math.max(4, y - card.offsetHeight - 10) : y + 14;
      card.style.left = left + "px";
      card.style.top = top + "px";
    }

    function select(node, move) {
      if (node === null || node === undefined) {
        state.selected = null; state.ego = null;
        info.hidden = true; info.textContent = "";
        delete host.dataset.selected;
        host.dataset.ego = "0";
        refresh();
        return;
      }
      node = String(node);
      var i = +node;
      if (state.hidden[data.sectors[nodes.sector[i]][0]]) {  // a search may reach a filtered sector
        state.hidden[data.sectors[nodes.sector[i]][0]] = false;
        sectorBoxes[nodes.sector[i]].checked = true;
      }
      state.selected = node;
      state.ego = {};
      state.ego[node] = true;
      var partners = [];
      graph.forEachEdge(node, function (edge, attrs, s, t) {
        if (!tieShown(attrs)) return;
        var other = s === node ? t : s;
        if (!state.ego[other]) { state.ego[other] = true; partners.push(+other); }
      });
      partners.sort(function (a, b) { return nodes.degree[b] - nodes.degree[a] || (nodes.name[a] < nodes.name[b] ? -1 : 1); });
      info.textContent = "";
      cardBody(i).forEach(function (c) { info.appendChild(c); });
      info.appendChild(el("p", {text: fill(T.selected, {name: nodes.name[i], n: partners.length})}));
      if (partners.length) {
        var list = el("ul", {class: "pl-ex-partners"});
        partners.slice(0, 40).forEach(function (p) {
          var b = el("button", {type: "button", text: nodes.name[p]});
          b.addEventListener("click", function () { select(p, true); });
          list.appendChild(el("li", {}, [b]));
        });
        if (partners.length > 40) list.appendChild(el("li", {text: "\u2026"}));
        info.appendChild(el("p", {class: "pl-ex-partners-title", text: T.partner_list}));
        info.appendChild(list);
      }
      var clear = el("button", {type: "button", class: "pl-ex-btn", text: T.clear});
      clear.addEventListener("click", function () { select(null); });
      info.appendChild(clear);
      info.hidden = false;
      host.dataset.selected = nodes.id[i];
      host.dataset.ego = String(partners.length + 1);
      refresh();
      if (move) {
        var d = renderer.getNodeDisplayData(node);
        if (d) camera.animate({x: d.x, y: d.y, ratio: Math.min(camera.ratio, data.big ? 0.35 : 0.8)}, {duration: 400});
      }
    }

    renderer.on("enterNode", function (ev) {
      state.hovered = ev.node;
      stage.style.cursor = "pointer";
      var p = renderer.framedGraphToViewport(renderer.getNodeDisplayData(ev.node));
      showCard(ev.node, p.x, p.y);
      renderer.refresh({skipIndexation: true});
    });
    renderer.on("leaveNode", function () {
      state.hovered = null;
      stage.style.cursor = "";
      card.hidden = true;
      renderer.refresh({skipIndexation: true});
    });
    renderer.on("clickNode", function (ev) { select(ev.node, false); });
    renderer.on("clickStage", function () { select(null); });

    var matches = [];
    var active = -1;
    var haystack = nodes.name.map(function (name, i) { return fold(name + " " + nodes.id[i]); });
    function runSearch() {
      var q = fold(search.value.trim());
      results.textContent = "";
      matches = [];
      active = -1;
      if (!q) return;
      for (var i = 0; i < n && matches.length < 12; i++) if (haystack[i].indexOf(q) >= 0) matches.push(i);
      if (!matches.length) {
        results.appendChild(el("li", {class: "pl-ex-none", text: T.no_match}));
        return;
      }
      matches.forEach(function (i) {
        var b = el("button", {type: "button", "data-id": nodes.id[i], text: nodes.name[i]});
        b.addEventListener("click", function () { choose(i); });
        results.appendChild(el("li", {}, [b]));
      });
    }
    function choose(i) {
      results.textContent = "";
      search.value = nodes.name[i];
      select(i, true);
    }
    search.addEventListener("input", runSearch);
    search.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && matches.length) { ev.preventDefault(); choose(matches[Math.max(active, 0)]); }
      else if (ev.key === "ArrowDown" && matches.length) {
        ev.preventDefault(); active = Math.min(active + 1, matches.length - 1);
        results.querySelectorAll("button")[active].focus();
      } else if (ev.key === "Escape") { search.value = ""; results.textContent = ""; }
    });
    results.addEventListener("keydown", function (ev) {
      var buttons = Array.prototype.slice.call(results.querySelectorAll("button"));
      var k = buttons.indexOf(document.activeElement);
      if (ev.key === "ArrowDown" && k < buttons.length - 1) { ev.preventDefault(); buttons[k + 1].focus(); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); (k > 0 ? buttons[k - 1] : search).focus(); }
      else if (ev.key === "Escape") { results.textContent = ""; search.focus(); }
    });

    sectorBoxes.forEach(function (box) {
      box.addEventListener("change", function () {
        state.hidden[box.dataset.sector] = !box.checked;
        if (state.selected !== null && state.hidden[data.sectors[nodes.sector[+state.selected]][0]]) select(null);
        else refresh();
      });
    });
    kindBoxes.forEach(function (box) {
      box.addEventListener("change", function () {
        state.kinds = 0;
        kindBoxes.forEach(function (b) { if (b.checked) state.kinds |= +b.value; });
        if (state.selected !== null) select(state.selected, false); else refresh();
      });
    });
    strength.addEventListener("change", function () {
      state.minStrength = +strength.value;
      if (state.selected !== null) select(state.selected, false); else refresh();
    });
    zoomIn.addEventListener("click", function () { camera.animatedZoom({duration: 250}); });
    zoomOut.addEventListener("click", function () { camera.animatedUnzoom({duration: 250}); });
    fit.addEventListener("click", function () { camera.animatedReset({duration: 300}); });
    reset.addEventListener("click", function () {
      state.hidden = {};
      sectorBoxes.forEach(function (b) { b.checked = true; });
      kindBoxes.forEach(function (b) { b.checked = true; });
      state.kinds = 0;
      data.kind_bits.forEach(function (b) { state.kinds |= b; });
      strength.value = "1"; state.minStrength = 1;
      search.value = ""; results.textContent = "";
      select(null);
      camera.animatedReset({duration: 300});
    });

    renderer.once("afterRender", function () {
      host.dataset.drawMs = String(Math.round(performance.now() - t0));
      host.dataset.firstDrawMs = String(Math.round(performance.now()));
      host.dataset.ready = "1";
    });
    var cell = host.closest(".jp-Cell");
    if (cell) cell.classList.add("pl-has-explorer");
    registry[uid] = {renderer: renderer, graph: graph, select: select, data: data};
    if (data.focus >= 0) select(data.focus, false);
    else refresh();
  }

  function start() {
    document.querySelectorAll(".pl-explorer").forEach(function (host) {
      try { init(host); } catch (err) {
        host.dataset.ready = "error";
        host.dataset.error = String(err && err.message || err);
        var note = host.querySelector(".pl-ex-note");
        if (note) note.textContent = JSON.parse(host.querySelector("script.pl-explorer-data").textContent).text.no_webgl;
        var cell = host.closest(".jp-Cell");
        if (cell) cell.classList.remove("pl-has-explorer");
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
