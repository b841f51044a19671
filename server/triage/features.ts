/**
 * Feature extraction for the categoriser. A complaint becomes a set of strings: its words, word
 * pairs, character 3- to 5-grams inside words (robust to typos and inflection: "bijli", "bijlee"
 * and "bijliii" share most grams) and the phonetic skeleton of each word and word pair (so
 * "मीटर तेज़" and "meter tez" share evidence across scripts).
 */
import { memoised } from "./memo.js";
import { normaliseForModel, phoneticKey, words } from "./normalise.js";

const MIN_GRAM = 3;
const MAX_GRAM = 5;
/** Placeholder words written by the normaliser; their skeletons would be noise. */
export const PLACEHOLDERS: ReadonlySet<string> = new Set([
  "xurl",
  "xmail",
  "xphone",
  "xmoney",
  "xacct",
  "0",
]);

/** The distinct feature strings of one text. */
export function extractFeatures(text: string): string[] {
  const ws = words(normaliseForModel(text));
  const out = new Set<string>();
  let prevWord = "";
  let prevKey = "";
  for (const w of ws) {
    out.add("w:" + w);
    if (prevWord) out.add("b:" + prevWord + "_" + w);
    prevWord = w;
    if (!PLACEHOLDERS.has(w)) for (const g of gramsOf(w)) out.add(g);
    const key = PLACEHOLDERS.has(w) ? w : phoneticKey(w);
    if (key) {
      out.add("k:" + key);
      if (prevKey) out.add("kb:" + prevKey + "_" + key);
      prevKey = key;
    }
  }
  return [...out];
}

/** A word's character-gram features, in the order they were always added (remembered per word). */
export const gramsOf = memoised((word: string): string[] => {
  // Emoji and other astral characters are gone after normalisation, so UTF-16 slicing is safe.
  const padded = " " + word + " ";
  const grams: string[] = [];
  for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
    for (let i = 0; i + n <= padded.length; i++) grams.push("c:" + padded.slice(i, i + n));
  }
  return grams;
});
