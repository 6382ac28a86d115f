/* briefing: render the site's Vega-Lite charts from `data-spec` attributes.
 *
 * Loaded after 10-vega-bundle.js (which defines window.vegaEmbed). Renders on
 * DOMContentLoaded (works over file://) and on every emission of Material's
 * `document$` (instant navigation swaps page content without re-running scripts).
 * Rendering is idempotent: a container records the palette it was rendered for in
 * `data-chart-state` and is only re-rendered when the Material palette
 * (body[data-md-color-scheme], "slate" = dark) changes.
 */
(function () {
  "use strict";
  if (window.briefingCharts) return; // loaded twice: keep the first instance

  // Specs are files (data-spec-src, fetched once per URL); inline data-spec still works.
  var SELECTOR = ".briefing-chart[data-spec], .briefing-chart[data-spec-src]";
  var specs = {}; // absolute URL -> Promise of the parsed spec
  var live = new Set(); // containers holding a rendered view
  var sequence = 0;

  var PALETTES = {
    light: {
      text: "#1f2328", muted: "#57606a", grid: "#e4e6ea", domain: "#9aa0a6",
      mark: "#4051b5", rule: "#5c5f66", ramp: "blues", tooltip: "light"
    },
    dark: {
      text: "#e3e6ed", muted: "#a8afbd", grid: "#353a47", domain: "#6c7386",
      mark: "#8c9eff", rule: "#b4bac6", ramp: "darkblue", tooltip: "dark"
    }
  };

  function mode() {
    var body = document.body;
    return body && body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "light";
  }

  function vegaConfig(name) {
    var p = PALETTES[name];
    var font = "sans-serif";
    try {
      font = window.getComputedStyle(document.body).fontFamily || font;
    } catch (e) { /* keep default */ }
    var axis = {
      labelColor: p.muted, titleColor: p.text, gridColor: p.grid, domainColor: p.domain,
      tickColor: p.domain, labelFont: font, titleFont: font
    };
    return {
      background: null,
      font: font,
      view: { stroke: null },
      axis: axis,
      legend: { labelColor: p.muted, titleColor: p.text, labelFont: font, titleFont: font },
      title: { color: p.text, subtitleColor: p.muted, font: font },
      header: { labelColor: p.text, titleColor: p.text },
      mark: { color: p.mark },
      bar: { color: p.mark },
      rule: { color: p.rule },
      text: { color: p.text, font: font },
      range: { ramp: { scheme: p.ramp }, heatmap: { scheme: p.ramp } }
    };
  }

  function finalize(el) {
    var result = el.__briefingResult;
    el.__briefingResult = null;
    live.delete(el);
    if (result) {
      try { result.finalize(); } catch (e) { /* view already gone */ }
    }
  }

  function render(el) {
    var want = mode();
    var state = el.getAttribute("data-chart-state");
    if (state === want || state === "pending-" + want || state === "error") return;
    var token = ++sequence;
    el.__briefingToken = token;
    el.setAttribute("data-chart-state", "pending-" + want);
    loadSpec(el).then(function (spec) {
      if (el.__briefingToken !== token) return;
      draw(el, spec, want, token);
    }).catch(function (e) {
      if (el.__briefingToken !== token) return;
      el.setAttribute("data-chart-state", "error");
      console.error("briefing-charts: no usable spec for #" + el.id, e);
    });
  }

  function loadSpec(el) {
    var src = el.getAttribute("data-spec-src");
    if (!src) {
      return new Promise(function (resolve) { resolve(JSON.parse(el.getAttribute("data-spec"))); });
    }
    var url = new URL(src, document.baseURI).href;
    if (!specs[url]) {
      specs[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status + " for " + url);
        return response.json();
      });
      specs[url].catch(function () { delete specs[url]; });
    }
    return specs[url];
  }

  function draw(el, spec, want, token) {
    // Render into a fresh child; the previous rendering stays visible until replaced.
    var target = document.createElement("div");
    target.className = "briefing-chart__view";
    el.appendChild(target);
    window.vegaEmbed(target, spec, {
      mode: "vega-lite",
      renderer: "svg",
      actions: false,
      config: vegaConfig(want),
      tooltip: { theme: PALETTES[want].tooltip }
    }).then(function (result) {
      if (el.__briefingToken !== token || !el.isConnected) {
        result.finalize();
        target.remove();
        return;
      }
      finalize(el);
      Array.prototype.slice.call(el.children).forEach(function (child) {
        if (child !== target) child.remove();
      });
      el.__briefingResult = result;
      live.add(el);
      el.setAttribute("data-chart-state", want);
      el.setAttribute("data-chart-renders",
        String(Number(el.getAttribute("data-chart-renders") || "0") + 1));
    }).catch(function (error) {
      target.remove();
      if (el.__briefingToken !== token) return;
      el.setAttribute("data-chart-state", "error");
      console.error("briefing-charts: could not render #" + el.id, error);
    });
  }

  function renderAll() {
    if (typeof window.vegaEmbed !== "function") return;
    live.forEach(function (el) { // views of pages left by instant navigation
      if (!el.isConnected) finalize(el);
    });
    Array.prototype.forEach.call(document.querySelectorAll(SELECTOR), render);
  }

  function watchPalette() {
    if (!document.body || !window.MutationObserver) return;
    new MutationObserver(renderAll).observe(document.body, {
      attributes: true, attributeFilter: ["data-md-color-scheme"]
    });
  }

  function start() {
    watchPalette();
    if (typeof window.vegaEmbed !== "function") {
      // Bundle not loaded yet (unusual script order): try again once everything is in.
      window.addEventListener("load", renderAll, { once: true });
    }
    renderAll();
  }

  window.briefingCharts = { render: renderAll };
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { renderAll(); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
