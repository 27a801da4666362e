/*
 * Loaded only when a council switches on usage counting (analytics_engine in
 * mkdocs.yml; see evidence/outputs/analytics.py). For Matomo it sets up the tracker
 * with cookies disabled (Matomo has no cookie-free script of its own) and loads
 * it from the council's instance. For every engine it counts searches that
 * found nothing (the evidence:search event from search-page.js), the gaps a
 * link officer most wants to know about. Nothing here identifies a reader.
 */
(function () {
  "use strict";

  const settings = document.currentScript.dataset;

  if (settings.engine === "matomo") {
    const queue = (window._paq = window._paq || []);
    queue.push(["disableCookies"]);
    queue.push(["setTrackerUrl", settings.url + "/matomo.php"]);
    queue.push(["setSiteId", settings.site]);
    queue.push(["trackPageView"]);
    const tracker = document.createElement("script");
    tracker.async = true;
    tracker.src = settings.url + "/matomo.js";
    document.head.appendChild(tracker);
  }

  function countEmptySearch(query) {
    if (settings.engine === "plausible" && window.plausible) {
      window.plausible("Search without results", { props: { query: query } });
    } else if (settings.engine === "goatcounter" && window.goatcounter && window.goatcounter.count) {
      window.goatcounter.count({ path: "search-without-results/" + query, title: query, event: true });
    } else if (settings.engine === "matomo") {
      window._paq.push(["trackSiteSearch", query, false, 0]);
    }
  }

  document.addEventListener("evidence:search", function (event) {
    if (event.detail.total === 0 && event.detail.query) countEmptySearch(event.detail.query);
  });
})();
