/**
 * The control room works in India Standard Time whatever the browser's zone: a datetime-local
 * value is read as IST and sent with its +05:30 offset, and shown back the same way.
 */

const IST_OFFSET_MS = 330 * 60_000;

/** "2026-12-07T16:00" (IST) -> "2026-12-07T16:00:00+05:30"; "" stays "". */
export function istInputToIso(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+05:30` : value;
}

/** An instant as a datetime-local value in IST. */
export function isoToIstInput(iso: string | number): string {
  const t = typeof iso === "number" ? iso : Date.parse(iso);
  return new Date(t + IST_OFFSET_MS).toISOString().slice(0, 16);
}
