import type { WhatsappMessage } from "../../../shared/channels.js";
import { MAX_REPORT_TEXT, reportInputSchema, type ReportInput } from "../../../shared/schemas.js";

/** A WhatsApp message we can file, or why we cannot. */
export type Inbound =
  | { ok: true; input: ReportInput; pin: { lat: number; lon: number } | null }
  | { ok: false; reason: string };

/**
 * Turns one inbound WhatsApp message into a report: a text message's body, or for a location pin
 * "Location pin: name, address (lat, lon)" with the point. Other types (image, audio, sticker...)
 * are not complaints we can read yet and are refused with a reason the caller logs.
 */
export function reportFromMessage(m: WhatsappMessage): Inbound {
  const base = {
    channel: "whatsapp" as const,
    externalId: m.id,
    phone: m.from,
    receivedAt: new Date(Number(m.timestamp) * 1000).toISOString(),
  };
  let candidate: Record<string, unknown>;
  let pin: { lat: number; lon: number } | null = null;
  if (m.type === "text" && m.text) {
    // WhatsApp allows 4096 characters, we keep 4000: cut rather than lose the complaint (raw has all).
    candidate = { ...base, text: m.text.body.trim().slice(0, MAX_REPORT_TEXT) };
  } else if (m.type === "location" && m.location) {
    const { latitude: lat, longitude: lon, name, address } = m.location;
    const label = [name, address].filter((s) => s && s.trim()).join(", ");
    const text = `Location pin: ${label ? `${label} ` : ""}(${lat.toFixed(6)}, ${lon.toFixed(6)})`;
    candidate = { ...base, text: text.slice(0, MAX_REPORT_TEXT), lat, lon };
    pin = { lat, lon };
  } else {
    return { ok: false, reason: `unsupported message type ${m.type}` };
  }
  const parsed = reportInputSchema.safeParse(candidate);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return { ok: false, reason: `not a valid report (${why})` };
  }
  return { ok: true, input: parsed.data, pin };
}

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
