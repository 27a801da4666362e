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

  window.evidence = Object.freeze({ plural: plural, element: element, localStore: localStore });
})();
