import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type SqliteDialectConfig,
} from "kysely";
import type { Database } from "./schema.js";
import { registerDirectRunner } from "./compiled.js";
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
  // A bigger page cache keeps the hot indexes (tickets, events, consumers) in memory.
  sqlite.pragma("cache_size = -65536");
  const statements = withStatementCache(sqlite);
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: statements }, (adapter) =>
      registerDirectRunner(adapter, (sql, params) => {
        // As Kysely's SQLite connection runs it: rows for a statement that returns them.
        const stmt = statements.prepare(sql);
        if (stmt.reader) return stmt.all(params as unknown[]);
        stmt.run(params as unknown[]);
        return [];
      }),
    ),
  });
  const store = new Store(db, "sqlite");
  await store.migrate();
  return store;
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE). Several processes may share
 * the file (two nodes of a cluster on one machine): a deferred transaction that read first and then
 * writes after another process committed fails with SQLITE_BUSY at once, past any busy timeout,
 * while an immediate one waits its turn at BEGIN.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly settings: SqliteDialectConfig,
    private readonly onAdapter: (adapter: DialectAdapter) => void,
  ) {
    super(settings);
  }

  override createAdapter(): DialectAdapter {
    const adapter = super.createAdapter();
    this.onAdapter(adapter);
    return adapter;
  }

  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

/**
 * Kysely prepares every query afresh; on the intake path that was an eighth of the CPU. The same
 * SQL text reuses its compiled statement (better-sqlite3 statements are reusable), with a bound on
 * how many are kept because `in (...)` lists of different lengths make distinct texts.
 */
function withStatementCache(sqlite: BetterSqlite3.Database, max = 500) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        // Most recently used last, so the oldest is the first key when the cache is full.
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}
