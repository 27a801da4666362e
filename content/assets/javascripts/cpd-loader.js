/*
 * Fetches the CPD record's scripts when a reader comes near the "Record as
 * CPD" panel, not when a page opens: the rules, the form and the record are
 * the largest scripts a summary page has, and most readers never scroll to
 * the panel. They are listed in the panel's data-cpd-scripts (rules data,
 * form builder, progress, record), by file name in this script's own folder,
 * loaded in that order. My CPD, which is
 * nothing but the record, loads them at once. Plain ES2017, no network
 * request of its own.
 */
(function () {
  "use strict";

  const panel = document.querySelector("[data-cpd-panel]");
  if (!panel) return;
  const folder = document.currentScript.src;
  let started = false;

  function load() {
    if (started) return;
    started = true;
    panel.dataset.cpdScripts.split(" ").filter(Boolean).forEach(function (src) {
      const script = document.createElement("script");
      script.src = new URL(src, folder).href;
      script.async = false; // injected scripts otherwise run in whatever order they arrive
      document.body.appendChild(script);
    });
  }

  if (panel.dataset.cpdKind === "my-cpd" || !("IntersectionObserver" in window)) {
    load();
    return;
  }
  // A screen ahead of the panel, so the form is built before it scrolls into view.
  const watcher = new IntersectionObserver(function (entries) {
    if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
    watcher.disconnect();
    load();
  }, { rootMargin: "100% 0px" });
  watcher.observe(panel);
  panel.addEventListener("focusin", load);
})();
