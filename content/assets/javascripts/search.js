/* Search, on Pagefind's JavaScript API: the header box on every page and the
   /search/ page. A module loaded with <script type="module"> from main.html.
   Only this small file loads with every page: the header box's script
   (search-box.js) loads when a reader reaches for search (focuses the box,
   presses "/", or taps the search button on a phone), the search page's
   (search-page.js) when /search/ opens, and Pagefind itself at the first query. */

const box = document.querySelector("[data-search-box]");
const page = document.querySelector("[data-search-page]");
if (page) import("./search-page.js").then((module) => module.setUpSearchPage(page));
if (box) offerSearch(box);

function offerSearch(form) {
  const input = form.querySelector("input[name=q]");
  const fallback = document.querySelector("[data-search-fallback]");
  const opener = fallback && openerFor(fallback, form);
  let loading = null;
  const load = () => (loading = loading || import("./search-box.js").then((module) => module.setUpSearchBox(form)));
  const open = () => {
    form.classList.add("is-open");
    if (opener) opener.setAttribute("aria-expanded", "true");
    input.focus();
    input.select();
    load();
  };
  if (opener) opener.addEventListener("click", open);
  form.addEventListener("focusin", load, { once: true });
  document.addEventListener("keydown", (event) => {
    if (isShortcut(event)) {
      event.preventDefault();
      open();
    }
  });
}

/* On a narrow screen, a button that opens the box over the header takes the place of the link to the
   search page (all there is without scripts): the same look and words, written once in the page. */
function openerFor(fallback, form) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = fallback.className;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", form.id);
  button.dataset.searchOpen = "";
  button.append(...[...fallback.childNodes].map((node) => node.cloneNode(true)));
  fallback.after(button);
  fallback.hidden = true;
  return button;
}

/* "/" opens the box, unless the reader is typing somewhere else. */
function isShortcut(event) {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return false;
  const target = event.target;
  return !(target.closest && target.closest("input, textarea, select, [contenteditable]"));
}
