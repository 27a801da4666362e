/*
 * Print buttons. They stay hidden without JavaScript, where the browser's own
 * Print still gives the full page. data-print="flyer" prints the one-page
 * flyer: the same page with the html element marked, so the print styles
 * (evidence.css) leave out the CPD form, standards, citation and related
 * summaries, for a noticeboard or a team meeting.
 */
(function () {
  "use strict";

  document.querySelectorAll("[data-print]").forEach(function (control) {
    const group = control.closest("[data-print-actions]") || control;
    group.hidden = false;
    control.hidden = false;
    control.addEventListener("click", function () {
      const flyer = control.dataset.print === "flyer";
      document.documentElement.classList.toggle("ev-flyer", flyer);
      window.print();
    });
  });
  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("ev-flyer");
  });
})();
