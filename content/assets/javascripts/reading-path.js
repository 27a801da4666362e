/*
 * Reading paths: progress ticks kept in this browser and the filter on the
 * list of paths (print buttons: print.js). Plain ES2017, no build step, no network.
 * Without JavaScript (or storage) the ticks and filter stay hidden and every
 * path and step still shows: nothing here is needed to read a path.
 */
(function () {
  "use strict";

  enhanceSteps(document.querySelector("[data-path-steps]"));
  enhanceFilter(document.querySelector("[data-path-filter]"));

  /** Tick boxes for each step, remembered by step (summary or address), not by position. */
  function enhanceSteps(list) {
    if (!list) return;
    const store = openStore(list.dataset.progressKey);
    if (!store) return;
    const boxes = Array.from(list.querySelectorAll("[data-step-done] input[type=checkbox]"));
    const done = store.read();
    boxes.forEach(function (box) {
      box.checked = done.indexOf(box.value) >= 0;
      box.closest("[data-step-done]").hidden = false;
      box.addEventListener("change", function () {
        store.write(boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }));
        showProgress(boxes);
      });
    });
    showProgress(boxes);
  }

  /** "2 of 4 steps done", in a polite live region, so ticking a box is confirmed aloud. */
  function showProgress(boxes) {
    const status = document.querySelector("[data-path-progress]");
    if (!status) return;
    const ticked = boxes.filter(function (b) { return b.checked; }).length;
    status.hidden = false;
    status.textContent = ticked + " of " + boxes.length + " steps done" + (ticked === boxes.length ? ": path complete. Record it as CPD below." : ".");
  }

  /** The ticked steps' keys in localStorage (helpers.js), or null if this browser will not store them. */
  function openStore(key) {
    const storage = window.evidence.localStore(key);
    if (!storage) return null;
    return {
      read: function () {
        const value = storage.read();
        return Array.isArray(value) ? value : [];
      },
      write: function (keys) {
        try { storage.write(keys); } catch (error) { /* full: ticks are a convenience */ }
      },
    };
  }

  /** Show only the paths matching the chosen standard and audience; the count is announced. */
  function enhanceFilter(group) {
    if (!group) return;
    const items = Array.from(document.querySelectorAll("[data-path-list] > li"));
    const count = document.querySelector("[data-path-count]");
    group.hidden = false;
    const apply = function () {
      const standard = group.querySelector("[name=standard]").value;
      const audience = group.querySelector("[name=audience]").value;
      let shown = 0;
      items.forEach(function (item) {
        const match = (!standard || item.dataset.standards.split(" ").indexOf(standard) >= 0) &&
          (!audience || item.dataset.audience.split(" ").indexOf(audience) >= 0);
        item.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = shown === items.length
        ? "Showing all " + items.length + " reading paths."
        : "Showing " + shown + " of " + items.length + " reading paths." + (shown ? "" : " Choose 'Any standard' or 'Anyone' to see more.");
    };
    group.addEventListener("change", apply);
  }
})();
