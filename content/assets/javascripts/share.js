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

  // The title, text and address are written once, in the email link (subject, then body: the text,
  // a blank line, the canonical address, which is empty on a site without an address of its own).
  function shared(row) {
    const query = new URL(row.querySelector("[data-share-email]").href).searchParams;
    const body = query.get("body") || "";
    const end = body.lastIndexOf("\n\n");
    return {
      title: query.get("subject") || "",
      text: end < 0 ? body : body.slice(0, end),
      url: (end < 0 ? "" : body.slice(end + 2)) || window.location.href.split("#")[0],
    };
  }

  function address(row) {
    return shared(row).url;
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
    const page = shared(row);
    row.querySelector("[data-share-email]").href =
      "mailto:?subject=" + encodeURIComponent(page.title) + "&body=" + encodeURIComponent(page.text + "\n\n" + page.url);
  }

  function setUpNative(row) {
    if (typeof navigator.share !== "function") return;
    row.querySelector("[data-share-native-item]").classList.add("ev-share__native--ready");
    row.querySelector("[data-share-native]").addEventListener("click", function () {
      navigator.share(shared(row)).then(
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
