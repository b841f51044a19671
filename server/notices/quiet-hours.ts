/**
 * Quiet hours: notices are not sent at night in India Standard Time (UTC+05:30, no daylight
 * saving). A notice due inside the window waits for its end; it is deferred, never dropped.
 */

const IST_OFFSET_MIN = 330;
const DAY_MIN = 24 * 60;

export interface QuietHours {
  /** Minutes after IST midnight. */
  startMin: number;
  endMin: number;
}

/** Reads "22:00-07:00" (IST); "off" or an empty value means no quiet hours. */
export function parseQuietHours(text: string): QuietHours | null {
  const value = text.trim();
  if (value === "" || value === "off") return null;
  const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!m) throw new Error(`quiet hours must look like 22:00-07:00 or be off, not "${text}"`);
  const startMin = Number(m[1]) * 60 + Number(m[2]);
  const endMin = Number(m[3]) * 60 + Number(m[4]);
  if (startMin === endMin) throw new Error("quiet hours must not start and end at the same time");
  return { startMin, endMin };
}

function istMinuteOfDay(at: Date): number {
  const utcMin = Math.floor(at.getTime() / 60_000);
  return (((utcMin + IST_OFFSET_MIN) % DAY_MIN) + DAY_MIN) % DAY_MIN;
}

/** Is `at` inside the quiet window (which may span midnight)? */
export function isQuiet(at: Date, q: QuietHours | null): boolean {
  if (!q) return false;
  const m = istMinuteOfDay(at);
  return q.startMin < q.endMin ? m >= q.startMin && m < q.endMin : m >= q.startMin || m < q.endMin;
}
