const YES = [
  "yes",
  "y",
  "haan",
  "han",
  "haa",
  "ha",
  "haan ji",
  "ji haan",
  "ji",
  "ok",
  "theek hai",
  "thik hai",
  "ho gaya",
  "हाँ",
  "हां",
  "हा",
  "जी",
  "जी हाँ",
  "जी हां",
  "ठीक है",
  "हो गया",
];
const NO = [
  "no",
  "n",
  "nahi",
  "nahin",
  "nahi hua",
  "nai",
  "na",
  "ji nahi",
  "नहीं",
  "नही",
  "ना",
  "जी नहीं",
  "नहीं हुआ",
];

/**
 * Reads a plain yes/no reply (Hindi, Hinglish or English) with an optional 1-5 rating, as asked
 * for in the feedback request ("Reply YES or NO and a rating 1-5"). Anything longer is a message,
 * not an answer, and returns null.
 */
export function feedbackAnswer(text: string): { resolved: boolean; rating?: number } | null {
  const clean = text
    .toLowerCase()
    .replace(/[।.!,?;:"'()]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const m = /^(.*?)(?:\s*([1-5]))?$/u.exec(clean);
  if (!m) return null;
  const word = m[1].trim();
  const rating = m[2] ? Number(m[2]) : undefined;
  const resolved = YES.includes(word) ? true : NO.includes(word) ? false : null;
  if (resolved === null) return null;
  return rating === undefined ? { resolved } : { resolved, rating };
}
