/**
 * Word-level results remembered between reports. Complaints are mostly new texts but made of the
 * same few thousand words, and folding a word (Unicode normalisation, a dozen regular expressions)
 * cost more than the rest of triage. Only pure functions of one word are remembered.
 */

/** Remembers `fn` for up to `max` distinct words; when full it starts again empty (no LRU upkeep). */
export function memoised<T>(fn: (word: string) => T, max = 50_000): (word: string) => T {
  let known = new Map<string, T>();
  return (word) => {
    let value = known.get(word);
    if (value === undefined && !known.has(word)) {
      value = fn(word);
      if (known.size >= max) known = new Map();
      known.set(word, value);
    }
    return value as T;
  };
}
