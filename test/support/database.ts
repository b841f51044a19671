import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Insertable } from "kysely";
import pg from "pg";
import { openPostgresStore } from "../../server/store/postgres.js";
import { openSqliteStore } from "../../server/store/sqlite.js";
import type { TicketTable } from "../../server/store/schema.js";
import type { Store, StoreTx } from "../../server/store/store.js";

/**
 * Which database the suites run on: SQLite (the default) or, with TEST_DATABASE=postgres, the
 * machine's PostgreSQL (TEST_POSTGRES_URL, default 127.0.0.1:5432 database `test`, trust auth).
 * Each store gets a schema of its own, created empty and dropped after, so files running side by
 * side never see each other's rows.
 */
export const TEST_DATABASE = process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestSchema {
  name: string;
  /** TEST_POSTGRES_URL with the schema as its search_path. */
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A schema for one store: fresh, or (given `key`, e.g. a data directory) the same one again, so a
 * test that restarts a server on the same DATA_DIR finds its data on PostgreSQL too.
 */
export async function createTestSchema(key?: string): Promise<TestSchema> {
  const suffix = key
    ? createHash("sha256").update(key).digest("hex").slice(0, 16)
    : randomBytes(8).toString("hex");
  const name = `nigrani_test_${suffix}`;
  await admin((c) => c.query(`create schema if not exists ${name}`));
  const url = `${TEST_POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
  return {
    name,
    url,
    drop: () =>
      admin((c) => c.query(`drop schema if exists ${name} cascade`)).then(() => undefined),
  };
}

/**
 * A bare store (no app) on the test database; `key` opens the same one again, as a second node
 * would: the same SQLite file under a temporary directory, or the same PostgreSQL schema.
 */
export async function openTestStore(key: string): Promise<{ store: Store; drop(): Promise<void> }> {
  if (TEST_DATABASE === "postgres") {
    const schema = await createTestSchema(key);
    const store = await openPostgresStore({
      url: schema.url,
      poolSize: 4,
      statementTimeoutMs: 15_000,
    });
    return { store, drop: schema.drop };
  }
  const dir = path.join(
    os.tmpdir(),
    `nigrani-store-${createHash("sha256").update(key).digest("hex").slice(0, 16)}`,
  );
  const store = await openSqliteStore(dir);
  return {
    store,
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A ticket row with only what the schema requires, for store-level tests. */
export function bareTicket(
  overrides: Partial<Insertable<TicketTable>> = {},
): Insertable<TicketTable> {
  const at = new Date().toISOString();
  return {
    number: `T-${randomBytes(6).toString("hex")}`,
    status: "new",
    channel: "app",
    path: JSON.stringify(["network"]),
    needs_triage: 1,
    sla_state: "on_track",
    created_at: at,
    updated_at: at,
    excerpt: "no supply",
    report_count: 1,
    escalation_level: 0,
    last_seq: 0,
    ...overrides,
  };
}

/** Inserts a bareTicket (with `overrides`) the way commands do: id reserved first. */
export async function insertBareTicket(
  tx: StoreTx,
  overrides: Partial<Insertable<TicketTable>> = {},
): Promise<number> {
  const id = await tx.reserveTicketId();
  await tx.insertTicket({ ...bareTicket(overrides), id });
  return id;
}
