/**
 * Faults of the storage beneath us (disk full, database locked or unreachable) rather than bugs:
 * the request may succeed later, so they are answered 503 with Retry-After, never 500.
 */
const SQLITE = /^SQLITE_(FULL|BUSY|LOCKED|IOERR|READONLY|CANTOPEN|PROTOCOL|NOLFS)/;
// PostgreSQL: insufficient resources (53xxx), operator intervention (57Pxx: shutdown, restart),
// connection (08xxx), a statement or lock wait over DATABASE_STATEMENT_TIMEOUT_MS (57014, 55P03),
// and the conflicts PostgreSQL resolves by cancelling one side (40001, 40P01): all worth a retry.
const POSTGRES = /^(53|57P|08|57014$|55P03$|40001$|40P01$)/;
// node-postgres's own failures carry no code, only these messages.
const PG_CLIENT =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;
const NETWORK = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOSPC",
  "EROFS",
  "EACCES",
  "EIO",
]);

export function isStorageFault(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return err instanceof Error && PG_CLIENT.test(err.message);
  return SQLITE.test(code) || POSTGRES.test(code) || NETWORK.has(code);
}
