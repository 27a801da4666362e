/*
 * Share row (partials/share-row.html): copy the page's address, email it, or
 * open the system share sheet where the browser has one (navigator.share).
 * Copy and Share are hidden where scripting is off; Share stays invisible
 * (keeping its place, so nothing moves) where the browser has no share sheet.
 * The email link always works. The result of each action is said in
 * a role="status" region, so screen readers hear it. Nothing leaves the page
 * unless the reader sends it.
 */
(function () {
  "use strict";

  function address(row) {
    return row.dataset.shareUrl || window.location.href.split("#")[0];
  }

  function say(row, text) {
    const status = row.querySelector("[data-share-status]");
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);  // a change, even when the text repeats
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return Promise.reject(new Error("no clipboard"));
  }

  function setUpCopy(row) {
    row.querySelector("[data-share-copy]").addEventListener("click", function () {
      copy(address(row)).then(
        function () { say(row, "Link copied. Paste it into a message or a document."); },
        function () { say(row, "Could not copy. The address is " + address(row)); }
      );
    });
  }

  function setUpEmail(row) {
    const body = row.dataset.shareText + "\n\n" + address(row);
    row.querySelector("[data-share-email]").href =
      "mailto:?subject=" + encodeURIComponent(row.dataset.shareTitle) + "&body=" + encodeURIComponent(body);
  }

  function setUpNative(row) {
    if (typeof navigator.share !== "function") return;
    row.querySelector("[data-share-native-item]").classList.add("ev-share__native--ready");
    row.querySelector("[data-share-native]").addEventListener("click", function () {
      navigator.share({ title: row.dataset.shareTitle, text: row.dataset.shareText, url: address(row) }).then(
        function () { say(row, "Shared."); },
        function (error) { if (error && error.name !== "AbortError") say(row, "Could not open the share options."); }
      );
    });
  }

  document.querySelectorAll("[data-share]").forEach(function (row) {
    setUpCopy(row);
    setUpEmail(row);
    setUpNative(row);
  });
})();
