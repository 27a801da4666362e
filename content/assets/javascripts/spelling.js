/* "Did you mean ...?": the closest word the site itself uses, for a word of a
   query that no page holds. The words come from the build (titles, one-line
   summaries, vocabulary labels and synonyms, standards: evidence/spelling.py),
   one list per language, fetched only when a search finds nothing or falls back
   to pages with most of its words.

   Closeness is the optimal string alignment form of Damerau-Levenshtein
   distance (a typed letter added, dropped, changed, or two swapped), bounded so
   short words are not turned into other short words. Written here rather than
   vendored: the small maintained packages are CommonJS or plain Levenshtein
   (no swapped letters, the commonest typing slip), and these scripts are ES
   modules served without a build step. */

const lists = new Map();

/* The site's words, most used first; none if the list cannot be fetched. */
export function loadWords(url) {
  if (!url) return Promise.resolve([]);
  const address = new URL(url, document.baseURI).href;
  if (!lists.has(address)) {
    const words = fetch(address).then((response) => (response.ok ? response.json() : { words: [] }))
      .then((data) => (Array.isArray(data.words) ? data.words : []))
      .catch(() => []);
    lists.set(address, words);
  }
  return lists.get(address);
}

/* How many typing slips one word is from another, or `limit + 1` once it is certainly further. */
export function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1);
      best = Math.min(best, row[j]);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

/* Slips allowed for a word of this length: one in a short word, more in a long one. */
export function allowedSlips(word) {
  if (word.length < 4) return 0;
  if (word.length <= 5) return 1;
  return word.length <= 10 ? 2 : 3;
}

/* The site's word closest to `word`: fewest slips, then the same first letter
   (people rarely mistype it), then the word the site uses most. */
export function closest(word, words) {
  const limit = allowedSlips(word);
  let best = null;
  let bestKey = [limit + 1, 1];
  if (!limit) return null;
  for (const candidate of words) {
    if (candidate === word) return null; // the site has it: not a misspelling
    const slips = distance(word, candidate, limit);
    const key = [slips, candidate[0] === word[0] ? 0 : 1];
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = candidate;
      bestKey = key;
    }
  }
  return bestKey[0] <= limit ? best : null;
}

/* The reader's query with each unknown word replaced by its closest site word,
   their other words and phrasing kept; null if nothing could be corrected. */
export function corrected(query, unknown, words) {
  const fixes = new Map();
  for (const word of unknown) {
    const better = closest(word, words);
    if (better) fixes.set(word, better);
  }
  if (!fixes.size) return null;
  return String(query).replace(/[\p{L}\p{N}'’-]+/gu, (token) => fixes.get(token.toLowerCase()) || token);
}
