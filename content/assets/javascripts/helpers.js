/*
 * Small helpers the CPD record, reading paths and search share, as
 * window.evidence. A classic script listed first in extra_javascript, so it
 * runs before cpd.js and reading-path.js and before the search module (modules
 * run after the page is parsed). A file, so the Content Security Policy needs
 * no 'unsafe-inline'. Plain ES2017, no build step, no network.
 */
(function () {
  "use strict";

  /** "1 result", "3 results". */
  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  /** 2026-12-03 for a Date, in the reader's own time zone (as date inputs give). */
  function isoDate(date) {
    const pad = function (n) { return String(n).padStart(2, "0"); };
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  /** "3 December 2026" for an ISO date; anything else back as it was. */
  function longDate(iso) {
    const parts = iso.split("-").map(Number);
    const date = new Date(parts[0], parts[1] - 1, parts[2]);
    return isNaN(date) ? iso : date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  /** A new element with an optional class and text. */
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /**
   * JSON kept under `key` in localStorage, or null if this browser will not
   * store it (private modes and blocked storage throw). read() gives null for
   * nothing or unreadable data; write() throws when storage is full.
   */
  function localStore(key) {
    let storage;
    try {
      storage = window.localStorage;
      storage.setItem(key + "-probe", "1");
      storage.removeItem(key + "-probe");
    } catch (error) {
      return null;
    }
    return {
      read: function () {
        try {
          return JSON.parse(storage.getItem(key) || "null");
        } catch (error) {
          return null;
        }
      },
      write: function (value) {
        storage.setItem(key, JSON.stringify(value));
      },
    };
  }

  window.evidence = Object.freeze({ plural: plural, element: element, localStore: localStore, isoDate: isoDate, longDate: longDate });
})();
