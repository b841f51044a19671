import { sql, type Kysely } from "kysely";
import type { Database } from "./schema.js";

/**
 * PostgreSQL advisory locks. Advisory locks belong to the whole database, so each key is the
 * lock's name hashed with the store's schema: stores in different schemas of one database (test
 * files side by side, two deployments) never wait for each other. The (namespace, key) form keeps
 * clear of other applications' single-bigint keys; 0x4e49 is "NI".
 */
const NAMESPACE = 0x4e49;
export type LockName =
  /** Held by every transaction that appends ticket events, from its start to its commit. */
  | "events"
  /** Held by a node while it seeds an empty database (network, officers, demo users, history). */
  | "seed";

const key = (name: LockName) => sql`${NAMESPACE}::int, hashtext(current_schema() || ${":" + name})`;

/** Waits for a lock released by the transaction's commit or rollback. */
export async function lockForTransaction(db: Kysely<Database>, name: LockName): Promise<void> {
  await sql`select pg_advisory_xact_lock(${key(name)})`.execute(db);
}

/**
 * Waits, however long, for a lock held by this connection until `unlockSession`: a node started
 * beside one seeding a large network waits out the seeding rather than the statement timeout.
 */
export async function lockSession(db: Kysely<Database>, name: LockName): Promise<void> {
  await sql`set statement_timeout = 0`.execute(db);
  await sql`set lock_timeout = 0`.execute(db);
  await sql`select pg_advisory_lock(${key(name)})`.execute(db);
}

/** Releases the lock and gives the connection back its usual timeouts. */
export async function unlockSession(db: Kysely<Database>, name: LockName): Promise<void> {
  await sql`select pg_advisory_unlock(${key(name)})`.execute(db);
  await sql`reset statement_timeout`.execute(db);
  await sql`reset lock_timeout`.execute(db);
}
