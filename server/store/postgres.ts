import {
  Kysely,
  PostgresDialect,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type SchemaMetadata,
  type TableMetadata,
} from "kysely";
import pg from "pg";
import type { Logger } from "pino";
import type { Database } from "./schema.js";
import { Store } from "./store.js";

export interface PostgresOptions {
  /** postgres://user:pass@host:port/db; `?options=-c search_path=...` picks a schema (tests do). */
  url: string;
  poolSize: number;
  /** A statement running longer than this is cancelled (57014), which callers answer with 503. */
  statementTimeoutMs: number;
  log?: Logger;
}

// PostgreSQL type OIDs whose text form node-postgres leaves as a string.
const INT8 = 20;
const NUMERIC = 1700;

/**
 * bigint (bigserial ids, seq, count(*)) arrives from PostgreSQL as text because it can exceed
 * 2^53. Ours never come near that, and the store's contract is numbers on both dialects; a value
 * that could not be represented exactly is refused rather than silently rounded.
 */
export function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${text} is beyond 2^53`);
  return n;
}

/** numeric (sum and avg of integers) as a number, as SQLite returns it. */
export function parseNumeric(text: string): number {
  return Number(text);
}

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8) return parseInt8;
    if (oid === NUMERIC) return parseNumeric;
    return pg.types.getTypeParser(oid, format);
  },
};

/** A pool configured for the store: durable commits, a statement timeout, numbers for bigints. */
export function createPool(opts: PostgresOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize,
    // A node whose database went away fails fast with a fault (503) instead of queueing forever.
    connectionTimeoutMillis: 5000,
    statement_timeout: opts.statementTimeoutMs,
    // Locks waited for inside a statement count against the same budget.
    lock_timeout: opts.statementTimeoutMs,
    // A node that stalls mid-transaction (paused, partitioned) would hold the events lock and stop
    // every node's writes; PostgreSQL ends such a session, and with it the lock, after this long.
    idle_in_transaction_session_timeout: opts.statementTimeoutMs,
    types,
  });
  // A commit is acknowledged only once it is on disk (the server's default, stated so that a
  // changed server default cannot quietly weaken a 2xx), and UTC for anything the database formats.
  pool.on("connect", (client) => {
    // A connection the server ends while it is checked out (a restart, the idle-in-transaction
    // timeout) emits 'error' on its client, where the pool listens only while it is idle: without
    // this listener that would end the process. The query in flight fails (503) and the pool
    // discards the dead connection when it is released.
    client.on("error", (err) => opts.log?.warn({ err }, "PostgreSQL connection ended"));
    client
      .query("set synchronous_commit = on; set time zone 'UTC'")
      .catch((err: unknown) => opts.log?.warn({ err }, "could not set session defaults"));
  });
  // An idle client whose server restarted emits 'error'; unhandled, it would end the process.
  // The pool drops it and the next query opens a fresh connection.
  pool.on("error", (err) => opts.log?.warn({ err }, "idle PostgreSQL connection lost"));
  return pool;
}

/**
 * What the migrator asks of the database: which schemas and tables exist, for this store's schema
 * only. Kysely's own PostgreSQL introspector reads every column of every table in the database and
 * asks for each one's serial sequence; with other schemas being created and dropped beside ours
 * (several stores on one database, as the tests run them) that query failed now and then on a
 * table dropped while it ran ("column ... does not exist"), failing a migration that had nothing
 * to do with it.
 */
class SchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{
      name: string;
    }>`select nspname as name from pg_catalog.pg_namespace`.execute(this.db);
    return rows;
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string }>`
      select tablename as name, schemaname as schema from pg_catalog.pg_tables
      where schemaname = current_schema()`.execute(this.db);
    return rows.map((r) => ({ ...r, isView: false, columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

class SchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SchemaIntrospector(db);
  }
}

/** The scale-out store: PostgreSQL through `pg`, migrated to the latest schema before use. */
export async function openPostgresStore(opts: PostgresOptions): Promise<Store> {
  const db = new Kysely<Database>({
    dialect: new SchemaPostgresDialect({ pool: createPool(opts) }),
  });
  const store = new Store(db, "postgres");
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
