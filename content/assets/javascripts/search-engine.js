/* Pagefind, loaded only when someone starts to search, and the small pieces the
   header box and the search page share: running a search, reading a result,
   and writing a result card. No third-party code; Pagefind's own bundle is
   built by `python3 build.py` into site/pagefind/. */

// Shared with the CPD scripts: helpers.js, a classic script that runs before any module.
const { element, plural } = window.evidence;
export { element, plural };

const RESULT_FIELDS = ["design", "strength", "year"];
const FIELD_NAMES = { design: "Design", strength: "Strength", year: "Year" };
const loading = new Map();

/* The bundle path comes from the page (`{{ 'pagefind/' | url }}`), so a site
   served under a sub-path (GitHub Pages /repo/) finds its own index; Pagefind
   derives result URLs from the same address. */
export function loadPagefind(bundle) {
  const base = new URL(bundle, document.baseURI).href;
  if (!loading.has(base)) {
    const ready = import(`${base}pagefind.js`).then(async (pagefind) => {
      await pagefind.options({ excerptLength: 24 });
      await pagefind.init();
      return pagefind;
    });
    ready.catch(() => loading.delete(base)); // let a later attempt retry
    loading.set(base, ready);
  }
  return loading.get(base);
}

/* Phrasing that says how someone asks, not what about: "how do I", "what works
   for", and words that are in every sentence. Pagefind wants every word of a
   query on a page, so these would sink a practitioner's question. */
const PHRASES = [
  /\bhow (do|can|could|should|would) (i|we|you|they)\b/g, /\bwhat (works|helps) (for|with|in|when)\b/g,
  /\bwhat (is|are|does|do)( the| a| an)?\b/g, /\b(is|are) there( any)?\b/g, /\b(any )?(evidence|research|studies) (on|about|into|for)\b/g,
  /\bi (want|need) to\b/g, /\bbest way to\b/g,
];
const STOP_WORDS = new Set(("a an the and or of to in on for with about is are was were be been do does did i we you they " +
  "my our your their how what why when which who whom can could should would will there any it its that this these those " +
  "by at from as into me us them if so than then not no").split(" "));
export const PARTIAL_NOTICE = say("partial", {}, "No summary has all of these words; showing those with most of them.");

/* A sentence in the page's language. A page in another language than English carries its words
   (data-search-strings, from data/ui/<code>.yml, keys without "script_"); English pages carry none
   and use the sentence written here. `values` fill {count} and {query}. */
export function say(key, values, english) {
  const holder = document.querySelector("[data-search-strings]");
  const words = holder ? JSON.parse(holder.dataset.searchStrings) : {};
  return words[key] ? words[key].replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all)) : english;
}

/* The words of a query that say what it is about (all of them if every word is common). */
export function meaningfulWords(query) {
  let text = String(query).toLowerCase();
  for (const phrase of PHRASES) text = text.replace(phrase, " ");
  const words = text.split(/[^\p{L}\p{N}'’-]+/u).filter((word) => word && !STOP_WORDS.has(word));
  return words.length ? words : String(query).toLowerCase().split(/\s+/).filter(Boolean);
}

/* A search that meets a reader's sentence halfway: the meaningful words first,
   all of them on a page; if no page has them all, the pages with most of them,
   ranked by how many they have and how rare those words are (a word on few
   pages says more than one on many). `first` runs the all-words search (the
   header box passes Pagefind's debounced search, which returns null when a
   newer keystroke has taken over). */
export async function runSearch(pagefind, query, options, first = (words) => pagefind.search(words, options)) {
  const words = meaningfulWords(query);
  const response = await first(words.join(" "));
  if (!response || response.results.length || words.length < 2) return response && { ...response, partial: false };
  const results = await mostWords(pagefind, words, options);
  return { ...response, results, partial: results.length > 0 };
}

async function mostWords(pagefind, words, options) {
  const responses = await Promise.all(words.map((word) => pagefind.search(word, options)));
  const found = new Map();
  for (const response of responses) {
    const rarity = 1 / Math.max(1, response.results.length);
    for (const result of response.results) {
      const entry = found.get(result.id) || { result, words: 0, weight: 0 };
      entry.words += 1;
      entry.weight += rarity;
      found.set(result.id, entry);
    }
  }
  const ranked = [...found.values()].sort((a, b) => b.words - a.words || b.weight - a.weight || b.result.score - a.result.score);
  return ranked.map((entry) => entry.result);
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
