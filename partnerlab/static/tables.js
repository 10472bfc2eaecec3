/* partnerlab tables: a long table becomes sortable, searchable and paged (Grid.js, vendored
 * in partnerlab/vendor/gridjs), with a download of its rows as CSV built in the browser.
 *
 * Markup (partnerlab/page.py, Report.table):
 *   <div class="pl-dt" data-pl-script="tables">
 *     <table class="pl-table">...</table>        the static table: shown without script and in print
 *     <script type="application/json" class="pl-dt-words">{...}</script>   the page's words
 *   </div>
 * Nothing is fetched: the rows are read from the static table, the CSV is a Blob in memory.
 * Cells keep their markup (escaped by the report, links to other pages); sort and search read
 * their text.
 */
(function () {
  "use strict";
  if (!window.gridjs) { return; }

  function fill(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }

  function wordsOf(box) {
    var island = box.querySelector("script.pl-dt-words") || document.querySelector("script.pl-dt-words");
    try { return island ? JSON.parse(island.textContent) : {}; } catch (e) { return {}; }
  }

  // "1234", "-2.5", "85.4 %", "1,234" -> a number; anything else (names, dates, "41 (85.4 %)") -> null.
  // Where the decimal mark is a comma (Portuguese pages), "2,5" and "1.234,5" are numbers.
  function numberOf(text, decimal) {
    var s = text.replace(/[\s\u00a0\u202f%]/g, "").replace(/\u2212/g, "-");
    if (decimal === ",") {
      if (!/^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(s)) { return null; }
      return parseFloat(s.replace(/\./g, "").replace(",", "."));
    }
    if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s)) { return null; }
    return parseFloat(s.replace(/,/g, ""));
  }

  function comparator(lang) {
    var collator = new Intl.Collator(lang || undefined, {numeric: true, sensitivity: "base"});
    return function (a, b) {
      if (a.t === b.t) { return 0; }
      if (a.t === "") { return 1; }  // blanks last
      if (b.t === "") { return -1; }
      if (a.n !== null && b.n !== null) { return a.n < b.n ? -1 : (a.n > b.n ? 1 : 0); }
      return collator.compare(a.t, b.t);
    };
  }

  // A cell a spreadsheet could read as a formula (OWASP "CSV injection") gets a leading quote;
  // a plain number ("-3", "2.5") is left as it is.
  function inert(text) {
    if (/^[=+\-@\t\r]/.test(text) && !/^[-+]?\d+(\.\d+)?$/.test(text)) { return "'" + text; }
    return text;
  }

  function csv(header, rows, sep) {
    function field(text) {
      var t = inert(text);
      return (t.indexOf(sep) >= 0 || /["\r\n]/.test(t)) ? '"' + t.replace(/"/g, '""') + '"' : t;
    }
    var lines = [header.map(field).join(sep)];
    rows.forEach(function (r) { lines.push(r.map(function (c) { return field(c.t); }).join(sep)); });
    return "\ufeff" + lines.join("\r\n") + "\r\n";  // the BOM tells Excel the file is UTF-8
  }

  function slug(text) {
    var s = String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return s.slice(0, 60) || "table";
  }

  function language(W) {
    return {
      search: {placeholder: W.search},
      sort: {sortAsc: W.sortAsc, sortDesc: W.sortDesc},
      pagination: {
        previous: W.previous, next: W.next, showing: W.showing, of: W.of, to: W.to, results: W.results,
        navigate: function (page, pages) { return fill(W.navigate, {page: page, pages: pages}); },
        page: function (page) { return fill(W.page, {page: page}); }
      },
      loading: W.loading, noRecordsFound: W.noRecords, error: W.error
    };
  }

  function build(box, number) {
    var table = box.querySelector("table.pl-table");
    if (!table || !table.tHead || !table.tBodies.length) { return; }
    var W = wordsOf(box);
    var ths = table.tHead.rows[0].cells;
    var header = Array.prototype.map.call(ths, function (th) { return th.textContent.trim(); });
    var numeric = Array.prototype.map.call(ths, function (th) { return th.classList.contains("num"); });
    var rows = Array.prototype.map.call(table.tBodies[0].rows, function (tr) {
      return Array.prototype.map.call(tr.cells, function (td) {
        var t = td.textContent.replace(/\s+/g, " ").trim();
        return {h: td.innerHTML, t: t, n: numberOf(t, W.decimal)};
      });
    });
    var compare = comparator(W.lang);
    var widget = document.createElement("div");
    widget.className = "pl-dt-widget";
    var tools = document.createElement("p");
    tools.className = "pl-dt-tools";
    var link = document.createElement("a");
    link.className = "pl-dt-csv";
    link.textContent = fill(W.download || "Download the {n} rows (CSV)", {n: W.rows || rows.length});
    var name = slug(document.title) + "-" + number + ".csv";
    link.setAttribute("download", name);
    link.href = URL.createObjectURL(new Blob([csv(header, rows, W.separator || ",")], {type: "text/csv;charset=utf-8"}));
    tools.appendChild(link);
    box.insertBefore(widget, table);
    box.insertBefore(tools, widget);
    new window.gridjs.Grid({
      columns: header.map(function (name, i) {
        return {name: name, formatter: function (cell) { return window.gridjs.html(cell.h); }, sort: {compare: compare},
                attributes: numeric[i] ? {"data-num": ""} : {}};  // numbers right-aligned, as in the static table
      }),
      data: rows,
      search: {selector: function (cell) { return cell.t; }},
      sort: true,
      pagination: {limit: W.pageSize || 20, summary: true},
      language: language(W),
      autoWidth: false,
      className: {table: "pl-table"}
    }).render(widget);
    var container = widget.firstElementChild;
    if (container && container.getAttribute("role") === "complementary") { container.removeAttribute("role"); }
    // a sorted column says so to a screen reader (aria-sort on its header cell)
    new MutationObserver(function () {
      widget.querySelectorAll("th.gridjs-th-sort").forEach(function (th) {
        var b = th.querySelector("button.gridjs-sort");
        var s = b && (b.classList.contains("gridjs-sort-asc") ? "ascending" : b.classList.contains("gridjs-sort-desc") ? "descending" : "");
        if (s) { if (th.getAttribute("aria-sort") !== s) { th.setAttribute("aria-sort", s); } }
        else if (th.hasAttribute("aria-sort")) { th.removeAttribute("aria-sort"); }
      });
    }).observe(widget, {subtree: true, childList: true, attributes: true, attributeFilter: ["class"]});
    box.classList.add("pl-dt-on");  // the static table stays for print (partnerlab.css)
  }

  var boxes = document.querySelectorAll("div.pl-dt");
  for (var i = 0; i < boxes.length; i++) {
    try { build(boxes[i], i + 1); } catch (e) { boxes[i].classList.remove("pl-dt-on"); }
  }
})();
