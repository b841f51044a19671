import { randomFillSync } from "node:crypto";

/** Random bytes drawn in bulk, as randomUUID does: one draw per 256 ids. */
const pool = Buffer.alloc(10 * 256);
let used = pool.length;

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Reports are
 * keyed by text ids, and a random (version 4) key put every new report on a random page of the
 * key's index: a page read and a page written to the WAL for each report in a storm. Keys that
 * start with the time land on the index's last pages, which stay in the cache.
 */
export function uuidV7(now = Date.now()): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const b = Buffer.allocUnsafe(16);
  b.writeUIntBE(now, 0, 6);
  pool.copy(b, 6, used, used + 10);
  used += 10;
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A report's id: `rep_` and a time-ordered UUID. */
export const newReportId = (now?: number) => `rep_${uuidV7(now)}`;
