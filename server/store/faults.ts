/**
 * Faults of the storage beneath us (disk full, database locked or unreachable) rather than bugs:
 * the request may succeed later, so they are answered 503 with Retry-After, never 500.
 */
const SQLITE = /^SQLITE_(FULL|BUSY|LOCKED|IOERR|READONLY|CANTOPEN|PROTOCOL|NOLFS)/;
// PostgreSQL: insufficient resources (53xxx), operator intervention (57Pxx), connection (08xxx).
const POSTGRES = /^(53|57P|08)/;
const NETWORK = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOSPC",
  "EROFS",
  "EACCES",
]);

export function isStorageFault(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return false;
  return SQLITE.test(code) || POSTGRES.test(code) || NETWORK.has(code);
}
