/**
 * Text normalisation shared by the categoriser and the locator. Complaints arrive in Devanagari,
 * romanised Hindi and English, often mixed and misspelt; these functions fold the variation that
 * carries no meaning (Unicode forms, nukta, nasal marks, case, numbers, handles, emoji) so the
 * model sees one spelling where people write several.
 */
import { memoised } from "./memo.js";

const ANUSVARA = "\u0902";
const CHANDRABINDU = "\u0901";
const NUKTA = "\u093C";

/** Nasal consonants that, written half before another consonant, say what an anusvara says. */
const HALF_NASAL = /[\u0919\u091E\u0923\u0928\u092E]\u094D(?=[\u0915-\u0939])/g;
const DEVANAGARI_DIGITS = /[\u0966-\u096F]/g;
/** Invisible joiners and the variation selectors that ride on emoji. */
const INVISIBLE = /\u200B|\u200C|\u200D|\u2060|\uFE0E|\uFE0F/g;

/**
 * Folds Devanagari spelling variants: nukta dropped (ज़ -> ज), chandrabindu -> anusvara, a half
 * nasal before a consonant -> anusvara (हिन्दी -> हिंदी), Devanagari digits -> ASCII.
 */
export function foldDevanagari(text: string): string {
  return text
    .normalize("NFD")
    .replaceAll(NUKTA, "")
    .normalize("NFC")
    .replaceAll(CHANDRABINDU, ANUSVARA)
    .replace(HALF_NASAL, ANUSVARA)
    .replace(DEVANAGARI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0966));
}

/** NFKC (full-width, ligatures), Devanagari folding, lower case, no invisible characters. */
export function basicFold(text: string): string {
  return foldDevanagari(text.normalize("NFKC").replace(INVISIBLE, "")).toLowerCase();
}

const URL_RE = /\b(?:https?:\/\/|www\.)\S+/g;
const EMAIL_RE = /\b[\w.+-]+@[\w-]+\.[\w.]+\b/g;
const HANDLE_RE = /@\w+/g;
/** Masked phone numbers as agents write them (75XXXXXX43). */
const PHONE_RE = /\b\d{2}x{4,8}\d{2}\b/g;
/** Account, CA, application and order numbers: 7+ digits, or letters and digits joined by / or -. */
const ID_RE = /\b\d{7,}\b|\b[a-z]{1,6}(?:[/-][a-z]{1,6})*[/-]?\d{3,}\b/g;
const MONEY_RE =
  /(?:₹|\brs\.?|\binr)\s*\d[\d,]*(?:\.\d+)?|\d[\d,]*\s*(?:rs\b|rupa?ye?\b|rupay?a?\b|रुपये|रुपए|रुपया)/g;
const NUMBER_RE = /\d+(?:[.,]\d+)*/g;
/** Everything that is not a letter, a combining mark or a digit separates words. */
const SEPARATOR_RE = /[^\p{L}\p{M}\p{Nd}]+/gu;

/**
 * The categoriser's view of a text: lower case, folded, with identifiers replaced by placeholder
 * words (an account number says nothing about the category, but "there is an account number" is
 * a mild signal for commercial complaints), and punctuation and emoji removed.
 */
export function normaliseForModel(text: string): string {
  return basicFold(text)
    .replace(URL_RE, " xurl ")
    .replace(EMAIL_RE, " xmail ")
    .replace(HANDLE_RE, " ")
    .replace(PHONE_RE, " xphone ")
    .replace(MONEY_RE, " xmoney ")
    .replace(ID_RE, " xacct ")
    .replace(NUMBER_RE, " 0 ")
    .replace(/(\p{L})'(\p{L})/gu, "$1$2")
    .replace(SEPARATOR_RE, " ")
    .trim();
}

/** Splits normalised text into words. */
export function words(normalised: string): string[] {
  return normalised.length === 0 ? [] : normalised.split(" ");
}

const DEVANAGARI_KEY: Record<string, string> = {
  क: "k",
  ख: "k",
  ग: "g",
  घ: "g",
  ङ: "n",
  च: "c",
  छ: "c",
  ज: "j",
  झ: "j",
  ञ: "n",
  ट: "t",
  ठ: "t",
  ड: "d",
  ढ: "d",
  ण: "n",
  त: "t",
  थ: "t",
  द: "d",
  ध: "d",
  न: "n",
  प: "p",
  फ: "f",
  ब: "b",
  भ: "b",
  म: "m",
  य: "y",
  र: "r",
  ल: "l",
  व: "v",
  श: "s",
  ष: "s",
  स: "s",
  ह: "h",
  ळ: "l",
  ऋ: "r",
  "\u0943": "r",
  "\u0902": "n",
};
const DEVANAGARI_INITIAL_VOWEL: Record<string, string> = {
  अ: "a",
  आ: "a",
  इ: "i",
  ई: "i",
  उ: "u",
  ऊ: "u",
  ए: "e",
  ऐ: "e",
  ओ: "o",
  औ: "o",
};

/** Latin spellings folded before vowels are dropped, longest first. */
const LATIN_KEY_RULES: [RegExp, string][] = [
  [/tion/g, "sn"],
  [/igh/g, "i"],
  [/chh|ch/g, "c"],
  [/ph/g, "f"],
  [/([kgjtdbs])h/g, "$1"],
  [/ck/g, "k"],
  [/c(?=[eiy])/g, "s"],
  [/c/g, "k"],
  [/w/g, "v"],
  [/z/g, "j"],
  [/q/g, "k"],
  [/x/g, "ks"],
];

/**
 * A phonetic skeleton of one word that is the same for a Devanagari word and its usual
 * romanisations: consonants only (aspiration and vowel length dropped, a word-initial vowel
 * kept), doubled letters collapsed. बिजली, bijli, bijlee and bijly all give "bjl"; मीटर, meter
 * and mtr give "mtr". Used as an extra feature so Hindi and Hinglish share evidence.
 */
export const phoneticKey: (word: string) => string = memoised(skeletonOf);

function skeletonOf(word: string): string {
  let out: string;
  if (/[\u0900-\u097F]/.test(word)) {
    const first = word[0];
    out = DEVANAGARI_INITIAL_VOWEL[first] ?? "";
    for (const ch of word) {
      const mapped = DEVANAGARI_KEY[ch];
      if (mapped) out += mapped;
    }
    // A final anusvara (नहीं, में) is dropped in most romanisations.
    if (word.endsWith(ANUSVARA) && out.endsWith("n")) out = out.slice(0, -1);
    return out.replace(/(.)\1+/g, "$1");
  }
  let w = word;
  for (const [re, to] of LATIN_KEY_RULES) w = w.replace(re, to);
  const initial = /^[aeiou]/.test(w) ? w[0] : "";
  // "y" is a vowel at the end of a word or before a consonant (supply, bijly) and kept before a vowel (kya).
  const rest = (initial ? w.slice(1) : w).replace(/y(?![aeiou])/g, "").replace(/[aeiou]/g, "");
  return (initial + rest).replace(/(.)\1+/g, "$1");
}
