/* briefing: big tables served as JSON (the Figures page), drawn with the vendored list.js
 * (40-list.min.js, MIT) with sort, a text filter, filters by column and pages.
 *
 * A container <div class="briefing-table" data-src="URL" data-columns='[...]'> holds a
 * server-rendered summary; the script fetches the JSON (an array of row objects), builds the
 * table below it, and lets a reader narrow it down. Every value is escaped here before list.js
 * sees it (list.js writes values with innerHTML; the rows come from article text). A filter
 * can be preset from the URL: figures/#region=Sichuan&year=2025.
 * Runs on first load and on Material's instant navigation (document$).
 */
(function () {
  "use strict";
  if (window.briefingTables) return;

  function esc(value) {
    return String(value == null ? "" : value).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function safeHref(url) {
    url = String(url || "");
    return /^(https?:|\.|\/|[a-z0-9#])/i.test(url) && !/^\s*javascript:/i.test(url) ? url : "";
  }

  function hashFilters() {
    var out = {};
    (window.location.hash || "").replace(/^#/, "").split("&").forEach(function (part) {
      var kv = part.split("=");
      if (kv.length === 2) out[decodeURIComponent(kv[0])] = decodeURIComponent(kv[1]);
    });
    return out;
  }

  function build(box) {
    if (box.getAttribute("data-table-state")) return;
    box.setAttribute("data-table-state", "loading");
    var columns = JSON.parse(box.getAttribute("data-columns"));
    var filters = (box.getAttribute("data-filters") || "").split(" ").filter(Boolean);
    var url = new URL(box.getAttribute("data-src"), document.baseURI).href;
    fetch(url).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (rows) {
      draw(box, columns, filters, rows);
      box.setAttribute("data-table-state", "ready");
    }).catch(function (e) {
      box.setAttribute("data-table-state", "error");
      console.error("briefing-tables: cannot load " + url, e);
    });
  }

  function draw(box, columns, filters, rows) {
    var id = box.id + "-list";
    var valueNames = [];
    var head = "";
    var cells = "";
    columns.forEach(function (c) {
      valueNames.push(c.key);
      head += '<th scope="col"><button type="button" class="sort" data-sort="' + esc(c.sort || c.key) +
        '">' + esc(c.title) + "</button></th>";
      if (c.link) {
        valueNames.push({ name: c.link, attr: "href" });
        cells += '<td><a class="' + esc(c.key) + " " + esc(c.link) + '" href=""></a></td>';
      } else {
        cells += '<td class="' + esc(c.key) + '"></td>';
      }
      if (c.sort && c.sort !== c.key) valueNames.push({ data: [c.sort] });
    });
    var values = rows.map(function (row) {
      var v = {};
      columns.forEach(function (c) {
        v[c.key] = esc(row[c.key]);
        if (c.link) v[c.link] = safeHref(row[c.link]);
        if (c.sort && c.sort !== c.key) v[c.sort] = row[c.sort];
      });
      return v;
    });
    var controls = '<div class="briefing-table__controls">' +
      '<label>Filter <input type="search" class="search" aria-label="Filter the table"></label>';
    filters.forEach(function (key) {
      var col = columns.filter(function (c) { return c.key === key; })[0];
      var seen = {};
      rows.forEach(function (r) { if (r[key] !== "" && r[key] != null) seen[r[key]] = 1; });
      var opts = Object.keys(seen).sort().map(function (o) {
        return '<option value="' + esc(o) + '">' + esc(o) + "</option>";
      }).join("");
      controls += ' <label>' + esc(col.title) + ' <select data-filter="' + esc(key) +
        '"><option value="">all</option>' + opts + "</select></label>";
    });
    controls += ' <span class="briefing-table__count" aria-live="polite"></span></div>';
    var wrap = document.createElement("div");
    wrap.id = id;
    wrap.className = "briefing-table__live";
    wrap.innerHTML = controls + '<div class="briefing-table__scroll"><table><thead><tr>' + head +
      '</tr></thead><tbody class="list"></tbody></table></div><ul class="pagination"></ul>';
    box.appendChild(wrap);
    var list = new window.List(id, {
      valueNames: valueNames, item: "<tr>" + cells + "</tr>", page: 50,
      pagination: { outerWindow: 1, innerWindow: 2 }
    }, values);
    var count = wrap.querySelector(".briefing-table__count");
    var selects = Array.prototype.slice.call(wrap.querySelectorAll("select[data-filter]"));
    function apply() {
      var want = {};
      selects.forEach(function (s) { if (s.value) want[s.getAttribute("data-filter")] = esc(s.value); });
      var keys = Object.keys(want);
      if (keys.length) {
        list.filter(function (item) {
          var v = item.values();
          return keys.every(function (k) { return String(v[k]) === want[k]; });
        });
      } else {
        list.filter();
      }
    }
    function showCount() {
      count.textContent = list.matchingItems.length.toLocaleString("en") + " of " +
        rows.length.toLocaleString("en") + " rows";
    }
    list.on("updated", showCount);
    selects.forEach(function (s) { s.addEventListener("change", apply); });
    var preset = hashFilters();
    selects.forEach(function (s) {
      var key = s.getAttribute("data-filter");
      if (preset[key]) s.value = preset[key];
    });
    apply();
    showCount();
  }

  function buildAll() {
    if (typeof window.List !== "function") return;
    Array.prototype.forEach.call(document.querySelectorAll(".briefing-table[data-src]"), build);
  }

  window.briefingTables = { build: buildAll };
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(buildAll);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", buildAll, { once: true });
  } else {
    buildAll();
  }
})();
