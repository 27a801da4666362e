/* The header menu button (overrides/partials/header.html) drives Material's
   drawer checkbox. Opening moves focus into the drawer; Escape closes it and
   returns focus to the button; tabbing out of the drawer closes it, so focus
   never sits on links hidden behind the overlay. A file rather than an inline
   script, so the Content Security Policy needs no 'unsafe-inline'. */
(function () {
  var drawer = document.getElementById("__drawer");
  var button = document.querySelector("[data-evidence-drawer]");
  if (!drawer || !button) return;
  function sync() {
    button.setAttribute("aria-expanded", String(drawer.checked));
  }
  button.addEventListener("click", function () {
    drawer.click();
    var first = drawer.checked && document.querySelector(".md-sidebar--primary a[href]");
    if (first) first.focus();
  });
  drawer.addEventListener("change", sync);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) {
      drawer.click();
      button.focus();
    }
  });
  document.addEventListener("focusin", function (event) {
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (drawer.checked && event.target !== button && sidebar && !sidebar.contains(event.target)) {
      drawer.click();
    }
  });
  sync();
})();
