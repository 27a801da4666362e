/* The search page (overrides/search.html): query, filter checkboxes with counts,
   order, and results. The address holds the state (?q=...&topic=communication
   &sort=newest, a parameter repeated for several values), exactly what the form
   would submit, so any search can be shared, bookmarked and restored. */

import { PARTIAL_NOTICE, didYouMean, element, forReaders, loadPagefind, meaningfulWords, plural, resultCard, runSearch, say, sayWithLink, searchOptions } from "./search-engine.js";

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 250;
const NARROW = "(max-width: 44.984375em)";

export async function setUpSearchPage(root) {
  const page = {
    root,
    form: document.getElementById("ev-search-form"),
    query: root.querySelector("input[name=q]"),
    sort: root.querySelector("select[name=sort]"),
    filters: root.querySelector("[data-search-filters]"),
    toggle: root.querySelector("[data-filters-toggle]"),
    selected: root.querySelector("[data-search-selected]"),
    status: root.querySelector("[data-search-status]"),
    help: root.querySelector("[data-search-help]"),
    list: root.querySelector("[data-search-results]"),
    more: root.querySelector("[data-search-more]"),
    boxes: [...root.querySelectorAll("input[type=checkbox][data-value]")],
    title: document.title,
    results: [],
    latest: 0,
    timer: 0,
  };
  root.hidden = false;
  showFilters(page, !window.matchMedia(NARROW).matches);
  restore(page, new URLSearchParams(window.location.search));
  listen(page);
  try {
    page.pagefind = await loadPagefind(root.dataset.pagefindBundle);
    page.totals = await page.pagefind.filters();
  } catch (error) {
    page.status.textContent = say("unavailable", {}, "Search could not be loaded. Please try again later, or browse the summaries instead.");
    return;
  }
  run(page);
}

function listen(page) {
  page.form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(page);
  });
  page.query.addEventListener("input", () => {
    clearTimeout(page.timer);
    page.timer = setTimeout(() => run(page), DEBOUNCE_MS);
  });
  page.sort.addEventListener("change", () => run(page));
  for (const box of page.boxes) box.addEventListener("change", () => run(page));
  page.root.querySelector("[data-search-clear]").addEventListener("click", () => {
    for (const box of page.boxes) box.checked = false;
    run(page);
  });
  page.more.addEventListener("click", () => showMore(page, true));
  page.toggle.addEventListener("click", () => showFilters(page, page.toggle.getAttribute("aria-expanded") !== "true"));
}

/* On narrow screens the filters fold behind a button, so results come first. */
function showFilters(page, open) {
  page.toggle.setAttribute("aria-expanded", String(open));
  page.filters.classList.toggle("is-open", open);
}

/* The address -> the form. Unknown parameters and values are ignored. Words a
   reader typed before this script arrived are kept when the address has none. */
function restore(page, params) {
  if (params.has("q") || !page.query.value) page.query.value = params.get("q") || "";
  page.sort.value = params.get("sort") === "newest" ? "newest" : "";
  for (const box of page.boxes) box.checked = params.getAll(box.name).includes(box.value);
}

/* The form -> the state a search needs: filter values as pages carry them. */
function currentState(page) {
  const filters = {};
  for (const box of page.boxes) {
    filters[box.name] = filters[box.name] || [];
    if (box.checked) filters[box.name].push(box.dataset.value);
  }
  return { q: page.query.value.trim(), sort: page.sort.value, filters };
}

/* The form -> the address, in the same shape a plain form submission gives. */
function writeAddress(page, state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const box of page.boxes) if (box.checked) params.append(box.name, box.value);
  if (state.sort) params.set("sort", state.sort);
  const search = params.toString();
  window.history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
  document.title = state.q ? `“${state.q}”: ${page.title}` : page.title;
}

function selectedCount(state) {
  return Object.values(state.filters).reduce((sum, values) => sum + values.length, 0);
}

async function run(page) {
  clearTimeout(page.timer);
  const state = currentState(page);
  const ticket = ++page.latest;
  writeAddress(page, state);
  const chosen = selectedCount(state);
  page.selected.textContent = chosen ? `(${chosen} chosen)` : "";
  if (!page.pagefind) return;
  if (!state.q && !chosen) {
    showCounts(page, page.totals);
    showResults(page, null, state);
    return;
  }
  page.list.setAttribute("aria-busy", "true");
  const options = forReaders(searchOptions(state), state.q, page.root.dataset.guideType, state.filters.type);
  const response = state.q ? await runSearch(page.pagefind, state.q, options) : await page.pagefind.search(null, options);
  const [counts, suggestion] = await Promise.all([
    countsFor(page, state, response.searched),
    didYouMean(page.pagefind, state.q, response, page.root.dataset.words, options),
  ]);
  if (ticket !== page.latest) return; // a newer search has started
  showCounts(page, { ...response.filters, ...counts });
  showResults(page, response, state, suggestion);
}

/* Counts for a group with choices come from a search without that group's own
   choices, so each number says how many results ticking that box would add.
   Content types are always counted so, editors' guide included: it stays on
   offer as a filter even when a reader's search leaves it out. `searched`: the
   words runSearch asked Pagefind for (those the site holds). */
async function countsFor(page, state, searched) {
  const counts = {};
  const words = state.q ? searched ?? meaningfulWords(state.q).join(" ") : null;
  const groups = Object.keys(state.filters).filter((key) => state.filters[key].length || key === "type");
  await Promise.all(groups.map(async (key) => {
    const others = { ...state, filters: { ...state.filters, [key]: [] } };
    const empty = !others.q && !selectedCount(others);
    if (state.q && !words) return; // no word the site holds: nothing to count
    const response = empty ? { filters: page.totals } : await page.pagefind.search(words, searchOptions(others));
    counts[key] = response.filters[key] || {};
  }));
  return counts;
}

function showCounts(page, counts) {
  for (const box of page.boxes) {
    const count = (counts[box.name] && counts[box.name][box.dataset.value]) || 0;
    box.parentElement.querySelector("[data-count]").textContent = `(${count})`;
    box.parentElement.hidden = !count && !box.checked;
  }
  for (const group of page.filters.querySelectorAll("fieldset")) {
    group.hidden = !group.querySelector("li:not([hidden])");
  }
}

function showResults(page, response, state, suggestion = null) {
  page.list.removeAttribute("aria-busy");
  page.results = response ? response.results : [];
  page.list.replaceChildren();
  page.help.hidden = Boolean(response);
  page.status.textContent = response ? describe(page.results.length, state, response.partial) : "";
  if (suggestion) page.status.append(" ", offer(page, suggestion));
  showMore(page, false);
  if (response) {
    // For usage counting, when a council switches it on (analytics.js): nothing listens otherwise.
    document.dispatchEvent(new CustomEvent("evidence:search", { detail: { query: state.q || "", total: page.results.length } }));
  }
}

function describe(total, state, partial) {
  const words = state.q ? ` for “${state.q}”` : "";
  const chosen = selectedCount(state);
  const filtered = chosen ? ` with ${plural(chosen, "filter", "filters")}` : "";
  const values = { count: total, query: state.q || "" };
  if (!total) return say(state.q ? "none" : "none_all", values, `No results${words}${filtered}. Try other words, or remove a filter.`);
  const order = state.sort === "newest" ? ", newest summaries first" : "";
  const found = say(state.q ? "found" : "found_all", values, `${plural(total, "result", "results")}${words}${filtered}${order}.`);
  return `${found}${partial ? ` ${PARTIAL_NOTICE}` : ""}`;
}

/* "Did you mean <corrected query>?" inside the status, so the live region reads
   it out with the count. The link is the address of that search (filters and
   order kept); followed here, it runs the search in place. */
function offer(page, suggestion) {
  const params = new URLSearchParams(window.location.search);
  params.set("q", suggestion);
  const link = element("a", "ev-search__suggestion", suggestion);
  link.href = `?${params}`;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    page.query.value = suggestion;
    page.query.focus();
    run(page);
  });
  const sentence = element("span", "");
  sentence.append(...sayWithLink("did_you_mean", "Did you mean {link}?", link));
  return sentence;
}

/* Results load their details a page at a time, so a phone fetches only what it shows. */
async function showMore(page, moveFocus) {
  const ticket = page.latest;
  const start = page.list.children.length;
  const batch = page.results.slice(start, start + PAGE_SIZE);
  page.more.hidden = true;
  const details = await Promise.all(batch.map((result) => result.data()));
  if (ticket !== page.latest) return;
  const cards = details.map((data) => resultCard(data, "h3"));
  page.list.append(...cards);
  page.more.hidden = page.list.children.length >= page.results.length;
  if (moveFocus && cards.length) cards[0].querySelector("a").focus();
}
