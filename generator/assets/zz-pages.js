/* briefing pages (generator/pages.py): make tables inside .briefing-sortable sortable.
 * Uses the vendored tablesort (30-tablesort.min.js, MIT); runs on every page load,
 * including Material's instant navigation (document$). */
(function () {
  function sortable() {
    if (typeof Tablesort === "undefined") return;
    document.querySelectorAll(".briefing-sortable table").forEach(function (table) {
      if (table.dataset.briefingSortable) return;
      table.dataset.briefingSortable = "1";
      new Tablesort(table);
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(sortable);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", sortable);
  } else {
    sortable();
  }
})();

/* Material's search overlay is a role="dialog" without a name (axe: aria-dialog-name). The
 * header is not swapped by instant navigation, so naming it once is enough. */
(function () {
  function nameSearch() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", nameSearch);
  } else {
    nameSearch();
  }
})();
