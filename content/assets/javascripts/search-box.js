/* The header search box (overrides/partials/search-box.html): results as you
   type, Escape to close, arrow keys or Tab through results, Enter for the full
   search page. Loaded by search.js when a reader first reaches for search;
   opening the box ("/", the phone's search button) stays there, so it works
   before this file arrives. Without scripts the box is a plain form to /search/. */

import { PARTIAL_NOTICE, didYouMean, element, forReaders, loadPagefind, plural, resultType, runSearch, say, sayWithLink } from "./search-engine.js";

const SHOWN = 6;
const DEBOUNCE_MS = 200;

export function setUpSearchBox(form) {
  const parts = {
    form,
    input: form.querySelector("input[name=q]"),
    panel: form.querySelector("[data-search-panel]"),
    list: form.querySelector("[data-search-results]"),
    status: form.querySelector("[data-search-status]"),
    all: form.querySelector("[data-search-all]"),
    opener: document.querySelector("[data-search-open]"),
    bundle: form.dataset.pagefindBundle,
    searchUrl: form.getAttribute("action"),
    latest: 0,
  };
  form.querySelector("[data-search-close]").addEventListener("click", () => collapse(parts, true));
  loadPagefind(parts.bundle).catch(() => {}); // the reader has just focused the box
  parts.input.addEventListener("input", () => search(parts));
  form.addEventListener("keydown", (event) => onKey(parts, event));
  form.addEventListener("focusout", (event) => {
    if (!form.contains(event.relatedTarget)) collapse(parts, false);
  });
  document.addEventListener("pointerdown", (event) => {
    if (!form.contains(event.target) && event.target !== parts.opener) collapse(parts, false);
  });
  if (parts.input.value.trim()) search(parts); // typed while this file was loading
}

/* Close the results; on narrow screens also fold the field back into its button. */
function collapse(parts, returnFocus) {
  closePanel(parts);
  const wasOpen = parts.form.classList.contains("is-open");
  parts.form.classList.remove("is-open");
  if (parts.opener) parts.opener.setAttribute("aria-expanded", "false");
  if (returnFocus && wasOpen && isVisible(parts.opener)) parts.opener.focus();
}

function isVisible(node) {
  return Boolean(node && !node.hidden && node.getClientRects().length);
}

function closePanel(parts) {
  parts.panel.hidden = true;
}

function links(parts) {
  return [...parts.panel.querySelectorAll("a[href]")];
}

function onKey(parts, event) {
  if (event.key === "Escape") {
    event.preventDefault();
    event.stopPropagation();
    if (!parts.panel.hidden) {
      closePanel(parts);
      parts.input.focus();
    } else {
      collapse(parts, true);
    }
    return;
  }
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  if (parts.panel.hidden) return;
  const all = links(parts);
  const index = all.indexOf(document.activeElement);
  event.preventDefault();
  if (event.key === "ArrowDown") (all[index + 1] || all[0]).focus();
  else if (index <= 0) parts.input.focus();
  else all[index - 1].focus();
}

async function search(parts) {
  const query = parts.input.value.trim();
  const ticket = ++parts.latest;
  if (!query) {
    closePanel(parts);
    parts.status.textContent = "";
    return;
  }
  let response, suggestion;
  try {
    const pagefind = await loadPagefind(parts.bundle);
    const options = forReaders({}, query, parts.form.dataset.guideType);
    response = await runSearch(pagefind, query, options, (words) => pagefind.debouncedSearch(words, options, DEBOUNCE_MS));
    if (!response || ticket !== parts.latest) return; // a newer keystroke won
    suggestion = await didYouMean(pagefind, query, response, parts.form.dataset.words, options);
  } catch (error) {
    if (ticket === parts.latest) showUnavailable(parts);
    return;
  }
  const shown = await Promise.all(response.results.slice(0, SHOWN).map((result) => result.data()));
  if (ticket !== parts.latest) return;
  render(parts, query, response.results.length, shown, response.partial, suggestion);
}

function render(parts, query, total, shown, partial, suggestion) {
  parts.list.replaceChildren(...shown.map(resultItem));
  if (partial) parts.list.prepend(message(PARTIAL_NOTICE));
  if (suggestion) parts.list.prepend(offer(parts, suggestion));
  parts.all.href = searchPage(parts, query);
  parts.all.textContent = total
    ? say("all", { count: total }, `All ${plural(total, "result", "results")}, with filters`)
    : say("search_page", {}, "Search page, with filters");
  if (!total) parts.list.append(message(say("none", { query }, `Nothing found for “${query}”. Try other words, or fewer of them.`)));
  parts.panel.hidden = false;
  const more = total > shown.length ? ` The first ${shown.length} are listed.` : "";
  const offered = suggestion ? ` ${say("did_you_mean", { link: `“${suggestion}”` }, `Did you mean “${suggestion}”?`)}` : "";
  parts.status.textContent = total
    ? say("found", { count: total, query }, `${plural(total, "result", "results")} for “${query}”.${partial ? ` ${PARTIAL_NOTICE}` : ""}${more} Use the down arrow key to move through them.`) + offered
    : say("none", { query }, `No results for “${query}”.`) + offered;
}

function searchPage(parts, query) {
  const url = new URL(parts.searchUrl, document.baseURI);
  url.searchParams.set("q", query);
  return url.pathname + url.search;
}

/* "Did you mean <corrected query>?": a link to the search page for it, first in the list. */
function offer(parts, suggestion) {
  const link = element("a", "ev-search-box__suggestion", suggestion);
  link.href = searchPage(parts, suggestion);
  const item = message("");
  item.append(...sayWithLink("did_you_mean", "Did you mean {link}?", link));
  return item;
}

function resultItem(data) {
  const item = element("li");
  const link = element("a", "ev-search-box__link");
  link.href = data.url;
  link.append(element("span", "ev-search-box__title", (data.meta && data.meta.title) || data.url));
  const type = resultType(data);
  if (type) link.append(" ", element("span", "ev-search-box__type", type));
  item.append(link);
  return item;
}

function message(text) {
  return element("li", "ev-search-box__message", text);
}

function showUnavailable(parts) {
  parts.list.replaceChildren(message(say("unavailable", {}, "Search is not available just now. Try the search page, or browse the summaries.")));
  parts.panel.hidden = false;
  parts.status.textContent = say("unavailable", {}, "Search is not available just now.");
}
