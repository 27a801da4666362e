/* What a reader's words become: the words that say what the query is about, the
   ones the site holds, the all-words search and its fallback to pages with most
   of the words, and "Did you mean ...?" for a word the site does not hold.
   Shared by the header box and the search page through search-engine.js. */

import { corrected, loadWords } from "./spelling.js";

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

/* The words of a query that say what it is about (all of them if every word is common). */
export function meaningfulWords(query) {
  let text = String(query).toLowerCase();
  for (const phrase of PHRASES) text = text.replace(phrase, " ");
  const words = text.split(/[^\p{L}\p{N}'’-]+/u).filter((word) => word && !STOP_WORDS.has(word));
  return words.length ? words : String(query).toLowerCase().split(/\s+/).filter(Boolean);
}

/* A search that meets a reader's sentence halfway: the meaningful words the
   site holds, all of them on a page; if no page has them all, the pages with
   most of them, ranked by how many they have and how rare those words are (a
   word on few pages says more than one on many). Words the site does not hold
   are left out and returned as `unknown`, for "Did you mean" (`searched` is
   what was asked of Pagefind). `first` runs the
   all-words search (the header box passes Pagefind's debounced search, which
   returns null when a newer keystroke has taken over). */
export async function runSearch(pagefind, query, options, first = (words) => pagefind.search(words, options)) {
  const words = meaningfulWords(query);
  const response = await first(words.join(" "));
  if (!response) return response;
  const held = await Promise.all(words.map((word) => onTheSite(pagefind, word)));
  const known = words.filter((_, index) => held[index]);
  const unknown = words.filter((_, index) => !held[index]);
  const searched = known.join(" ");
  if (!known.length) return { ...response, results: [], filters: {}, partial: false, unknown, searched };
  const all = unknown.length ? await pagefind.search(searched, options) : response;
  if (all.results.length || known.length < 2) return { ...all, partial: unknown.length > 0 && all.results.length > 0, unknown, searched };
  const results = await mostWords(pagefind, known, options);
  return { ...all, results, partial: results.length > 0, unknown, searched };
}

/* Whether the index holds a word, or words it begins (someone still typing).
   Pagefind answers a word it does not hold with the longest indexed word that
   begins it ("aggression" finds "a", "safegaurding" finds "safe"), which hides
   a misspelling and brings in pages that have nothing to do with it; no option
   turns that off (https://github.com/Pagefind/pagefind/issues/793). So: a quoted
   search matches the word's stem exactly; failing that, the first page found
   must show a word that shares most of its letters. */
async function onTheSite(pagefind, word) {
  const exact = await pagefind.search(`"${word}"`);
  if (exact.unfilteredResultCount) return true;
  const loose = await pagefind.search(word);
  if (!loose.results.length) return false;
  const shown = markedWords((await loose.results[0].data()).excerpt);
  const needed = Math.min(word.length, Math.max(4, word.length - 4));
  return shown.some((found) => sharedStart(found, word) >= needed);
}

function markedWords(excerpt) {
  return [...String(excerpt || "").matchAll(/<mark>(.*?)<\/mark>/g)].map((match) => match[1].toLowerCase());
}

function sharedStart(a, b) {
  let index = 0;
  while (index < a.length && index < b.length && a[index] === b[index]) index += 1;
  return index;
}

async function mostWords(pagefind, words, options) {
  const responses = await Promise.all(words.map((word) => pagefind.search(word, options)));
  const found = new Map();
  for (const response of responses) {
    const rarity = 1 / Math.max(1, response.results.length);
    for (const result of response.results) {
      const entry = found.get(result.id) || { result, words: 0, weight: 0, score: 0 };
      entry.words += 1;
      entry.weight += rarity;
      entry.score += result.score;
      found.set(result.id, entry);
    }
  }
  const ranked = [...found.values()].sort((a, b) => b.words - a.words || b.weight - a.weight || b.score - a.score);
  return ranked.map((entry) => entry.result);
}

/* "Did you mean ...?": the query with each word the site does not hold
   (`response.unknown`) replaced by the closest word it uses, offered only when
   that finds more: results where there were none, or pages with every word
   where there were only pages with most. */
export async function didYouMean(pagefind, query, response, wordsUrl, options) {
  if (!response || !response.unknown || !response.unknown.length) return null;
  const words = (await loadWords(wordsUrl)).filter((word) => !STOP_WORDS.has(word));
  const better = corrected(query, response.unknown, words);
  if (!better) return null;
  const tried = await runSearch(pagefind, better, options);
  const finds = tried.results.length && (!response.results.length || !tried.partial);
  return finds ? better : null;
}
