/*
 * Print buttons. They stay hidden without JavaScript, where the browser's own
 * Print still gives the full page. data-print="flyer" prints the one-page
 * flyer: the same page with the html element marked, so the print styles
 * (evidence.css) leave out the CPD form, standards, citation and related
 * summaries, for a noticeboard or a team meeting.
 *
 * The flyer's QR code is a file beside the page (data-qr), loaded only when a
 * flyer is printed: readers on screen never download it. Printing waits until
 * the image is ready, and goes ahead without it if it cannot be had (the
 * address is printed beside it either way).
 */
(function () {
  "use strict";

  function withQrCode(then) {
    const holder = document.querySelector("[data-qr]");
    if (!holder || holder.querySelector("img")) {
      then();
      return;
    }
    const image = new Image();
    image.className = "ev-qr__code";
    image.alt = "QR code for " + holder.querySelector(".ev-qr__address").textContent;
    image.src = holder.dataset.qr;
    holder.prepend(image);
    image.decode().then(then, function () {
      image.remove();
      then();
    });
  }

  document.querySelectorAll("[data-print]").forEach(function (control) {
    const group = control.closest("[data-print-actions]") || control;
    group.hidden = false;
    control.hidden = false;
    control.addEventListener("click", function () {
      const flyer = control.dataset.print === "flyer";
      document.documentElement.classList.toggle("ev-flyer", flyer);
      if (flyer) {
        withQrCode(function () { window.print(); });
      } else {
        window.print();
      }
    });
  });
  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("ev-flyer");
  });
})();
