import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "./schema.js";
import { Store } from "./store.js";

/**
 * The embedded store: one SQLite file under DATA_DIR. WAL with synchronous=FULL because a 2xx to a
 * channel is the point of no return: a commit must survive a power cut, not just a crash.
 */
export async function openSqliteStore(dataDir: string | ":memory:"): Promise<Store> {
  let file = ":memory:";
  if (dataDir !== ":memory:") {
    fs.mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, "nigrani.sqlite");
  }
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const store = new Store(db, "sqlite");
  await store.migrate();
  return store;
}
