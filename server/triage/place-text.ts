/**
 * Text handling for the locator: place keys that fold spelling variants, and the tokenisation of
 * a complaint into words with their offsets, hashtags and handles.
 */
import { memoised } from "./memo.js";
import { basicFold } from "./normalise.js";

/**
 * The lookup key of one word of a place name. Folds what people vary when they write place
 * names: Devanagari vowel length (लखनऊ/लखनउ), Latin doubled letters (Allahabad/Allahbad),
 * ee/oo/aa, aspiration (Gorakhpur/Gorakpur), z/j, w/v, y/i.
 */
export const placeKey: (word: string) => string = memoised(foldPlaceWord);

function foldPlaceWord(word: string): string {
  const w = basicFold(word);
  if (/[\u0900-\u097F]/.test(w)) {
    return w
      .replace(/[\u0940]/g, "\u093F")
      .replace(/[\u0942]/g, "\u0941")
      .replace(/ई/g, "इ")
      .replace(/ऊ/g, "उ")
      .replace(/[^\u0900-\u097F]/g, "");
  }
  return w
    .replace(/[^a-z]/g, "")
    .replace(/ee/g, "i")
    .replace(/oo/g, "u")
    .replace(/([kgcjtdpbs])h/g, "$1")
    .replace(/z/g, "j")
    .replace(/w/g, "v")
    .replace(/y/g, "i")
    .replace(/q/g, "k")
    .replace(/(.)\1+/g, "$1");
}

export interface Token {
  /** Lookup key (placeKey of the word). */
  key: string;
  /** The word as written. */
  surface: string;
  start: number;
  end: number;
  hashtag: boolean;
  /** A comma (or other clause punctuation) right before the word. */
  afterComma: boolean;
}

export interface TextTokens {
  tokens: Token[];
  /** Handles without the @, lower case. */
  handles: string[];
}

const HANDLE_RE = /@(\w+)/g;
const URL_RE = /\b(?:https?:\/\/|www\.)\S+/g;
/**
 * Identifiers (NC/LKO/4471, JP4471902, 33/11) are blanked so a district code inside an
 * application number is not read as a place. Feeder names like "Chinhat-3" survive.
 */
const ID_RE = /\S*(?:\d\/|\/\d|\p{L}\d{3,}|\d{3,}\p{L})\S*/gu;
const WORD_RE = /[\p{L}\p{M}\d]+/gu;

function blank(text: string, re: RegExp): string {
  return text.replace(re, (m) => " ".repeat(m.length));
}

export function tokenise(text: string): TextTokens {
  const handles = [...text.matchAll(HANDLE_RE)].map((m) => m[1].toLowerCase());
  const clean = blank(blank(blank(text, URL_RE), HANDLE_RE), ID_RE);
  const tokens: Token[] = [];
  for (const m of clean.matchAll(WORD_RE)) {
    const start = m.index ?? 0;
    const before = clean.slice(Math.max(0, start - 3), start);
    // Hashtags joined with "_" (#बिजली_संकट) read as separate words, each a hashtag word.
    for (const part of splitUnderscore(m[0], start)) {
      const key = placeKey(part.word);
      if (!key) continue;
      tokens.push({
        key,
        surface: part.word,
        start: part.start,
        end: part.start + part.word.length,
        hashtag: /#\s*$/.test(before) || (tokens.at(-1)?.hashtag === true && part.start !== start),
        afterComma: /[,;:(।|]\s*$/.test(before),
      });
    }
  }
  return { tokens, handles };
}

function splitUnderscore(word: string, start: number): { word: string; start: number }[] {
  const out: { word: string; start: number }[] = [];
  let offset = 0;
  for (const piece of word.split("_")) {
    if (piece) out.push({ word: piece, start: start + offset });
    offset += piece.length + 1;
  }
  return out;
}

/** Damerau-Levenshtein distance, capped: returns cap + 1 as soon as the distance exceeds cap. */
export function editDistance(a: string, b: string, cap = 1): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > cap) return cap + 1;
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
  }
  return prev[b.length];
}
