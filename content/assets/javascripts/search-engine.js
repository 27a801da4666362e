/* Pagefind, loaded only when someone starts to search, and the small pieces the
   header box and the search page share: running a search (search-query.js),
   reading a result, the page's own words, and writing a result card. No
   third-party code; Pagefind's own bundle is built by `python3 build.py` into
   site/pagefind/. */

export { didYouMean, meaningfulWords, runSearch } from "./search-query.js";

// Shared with the CPD scripts: helpers.js, a classic script that runs before any module.
const { element, plural } = window.evidence;
export { element, plural };

const RESULT_FIELDS = ["design", "strength", "year"];
const FIELD_NAMES = { design: "Design", strength: "Strength", year: "Year" };
const loading = new Map();
const OPTIONS = { excerptLength: 24 };

/* The bundle path comes from the page (`{{ 'pagefind/' | url }}`), so a site
   served under a sub-path (GitHub Pages /repo/) finds its own index; Pagefind
   derives result URLs from the same address. */
export function loadPagefind(bundle) {
  const base = new URL(bundle, document.baseURI).href;
  if (!loading.has(base)) {
    const shards = fetch(`${base}shards.json`).then((response) => (response.ok ? response.json() : {}), () => ({}));
    const ready = import(`${base}pagefind.js`).then(async (pagefind) => {
      await pagefind.options(OPTIONS);
      await pagefind.init();
      await mergeShards(pagefind, base, await shards);
      return pagefind;
    });
    ready.catch(() => loading.delete(base)); // let a later attempt retry
    loading.set(base, ready);
  }
  return loading.get(base);
}

/* A large catalogue is indexed in parts (evidence/outputs/search_shards.py): the
   first in the bundle folder, the others listed by language in its shards.json.
   Pagefind searches them all and orders the results by score; the parts must be
   merged in the listed order for "newest first" to stay exact. */
async function mergeShards(pagefind, base, listed) {
  const language = (document.documentElement.lang || "").toLowerCase();
  const parts = (listed && (listed[language] || listed[language.split("-")[0]])) || [];
  // Addresses as the first bundle gives them: relative to the folder that holds the bundle.
  const options = { ...OPTIONS, baseUrl: new URL("../", base).pathname };
  await Promise.all(parts.map((part) => pagefind.mergeIndex(new URL(part, base).pathname, { ...options })));
}

export const PARTIAL_NOTICE = say("partial", {}, "No summary has all of these words; showing those with most of them.");

/* A sentence in the page's language. A page in another language than English carries its words
   (data-search-strings, from data/ui/<code>.yml, keys without "script_"); English pages carry none
   and use the sentence written here. `values` fill {count} and {query}. */
export function say(key, values, english) {
  const holder = document.querySelector("[data-search-strings]");
  const words = holder ? JSON.parse(holder.dataset.searchStrings) : {};
  return words[key] ? words[key].replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all)) : english;
}

/* A sentence with a link in it, as nodes to append: "Did you mean {link}?" in the page's language. */
export function sayWithLink(key, english, link) {
  const [before, after = ""] = say(key, {}, english).split("{link}");
  return [before, link, after];
}

/* Words that show a query is about editing the site: only then (or when the
   reader chooses the type) does the editors' guide join a practitioner's results. */
const EDITING = /\b(edit|edits|editing|editor|editors|contribute|contributing|contributor|front matter|yaml|markdown|github|pull request|starter file|field reference|new summary|add a summary|scaffold)\b/i;

/* Search options that leave the editors' guide out unless it is asked for. */
export function forReaders(options, query, guideType, chosenTypes = []) {
  if (!guideType || EDITING.test(query || "") || chosenTypes.length) return options;
  return { ...options, filters: { ...options.filters, not: { type: guideType } } };
}

/* Filters within a group widen the search (any of them); groups narrow it. */
export function pagefindFilters(selected) {
  const filters = {};
  for (const [key, values] of Object.entries(selected)) {
    if (values.length) filters[key] = { any: values };
  }
  return filters;
}

export function searchOptions(state) {
  const options = { filters: pagefindFilters(state.filters) };
  if (state.sort === "newest") options.sort = { date: "desc" };
  return options;
}

/* Pagefind marks matches with <mark> in an excerpt whose other text has < and >
   escaped; build DOM nodes from it rather than trusting it as HTML. */
export function excerptNodes(excerpt) {
  const nodes = [];
  const parts = String(excerpt || "").split(/<\/?mark>/);
  parts.forEach((part, index) => {
    const text = part.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    if (!text) return;
    if (index % 2) {
      const mark = document.createElement("mark");
      mark.textContent = text;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(text));
    }
  });
  return nodes;
}

export function resultType(data) {
  const types = (data.filters && data.filters.type) || [];
  return types[0] || "";
}

/* Title, one-liner (or a highlighted excerpt), then type, design, strength and
   year as words, never colour alone. `heading` is the level inside the list. */
export function resultCard(data, heading) {
  const item = element("li", "ev-result");
  const title = element(heading, "ev-result__title");
  const link = element("a", "", (data.meta && data.meta.title) || data.url);
  link.href = data.url;
  title.append(link);
  item.append(title);
  const summary = element("p", "ev-result__summary");
  if (data.meta && data.meta.summary) summary.textContent = data.meta.summary;
  else summary.append(...excerptNodes(data.excerpt));
  item.append(summary);
  const facts = element("p", "ev-result__meta");
  const type = resultType(data);
  if (type) facts.append(element("span", "ev-result__type", type));
  for (const field of RESULT_FIELDS) {
    const value = data.meta && data.meta[field];
    if (!value) continue;
    const fact = element("span", "");
    fact.append(element("span", "ev-result__key", `${FIELD_NAMES[field]}:`), ` ${value}`);
    facts.append(fact);
  }
  if (facts.childNodes.length) item.append(facts);
  return item;
}
