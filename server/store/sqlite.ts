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
import { startCheckpointer } from "./checkpointer.js";
import { syncedConnection, WalSync } from "./wal-sync.js";
import { registerDirectRunner } from "./compiled.js";
import { Store } from "./store.js";

/**
 * The embedded store: one SQLite file under DATA_DIR, in WAL mode. A 2xx to a channel is the point
 * of no return, so a commit must survive a power cut, not just a crash: every write is synced to
 * disk before its promise resolves (see WalSync for how, without blocking the event loop).
 */
export async function openSqliteStore(dataDir: string | ":memory:"): Promise<Store> {
  let file = ":memory:";
  if (dataDir !== ":memory:") {
    fs.mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, "nigrani.sqlite");
  }
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma("journal_mode = WAL");
  // In memory there is no disk to wait for; a file's commits are synced by WalSync instead.
  const wal = file === ":memory:" ? null : new WalSync(`${file}-wal`);
  sqlite.pragma(wal ? "synchronous = NORMAL" : "synchronous = FULL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  // A bigger page cache keeps the hot indexes (tickets, events, consumers) in memory.
  sqlite.pragma("cache_size = -65536");
  const statements = withStatementCache(sqlite);
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({
      settings: { database: statements },
      onAdapter: (adapter) =>
        registerDirectRunner(adapter, (sql, params) => {
          // As Kysely's SQLite connection runs it: rows for a statement that returns them.
          // Only inside a transaction, whose COMMIT goes through the driver (and WalSync).
          const stmt = statements.prepare(sql);
          if (stmt.reader) return stmt.all(params as unknown[]);
          stmt.run(params as unknown[]);
          return [];
        }),
      wrap: wal
        ? (connection) =>
            syncedConnection(
              connection,
              {
                inTransaction: () => sqlite.inTransaction,
                readonly: (sql) => statements.prepare(sql).readonly,
              },
              wal,
            )
        : (connection) => connection,
    }),
  });
  const store = new Store(db, "sqlite");
  await store.migrate();
  if (wal) {
    store.sqliteSync = { setDurable: (durable) => (wal.enabled = durable) };
    const checkpointer = startCheckpointer(sqlite, file);
    store.onClose(async () => {
      await checkpointer.stop();
      await wal.close();
    });
  }
  return store;
}

interface DialectOptions {
  settings: SqliteDialectConfig;
  /** Told the adapter of each Kysely root (for the direct runner, see compiled.ts). */
  onAdapter(adapter: DialectAdapter): void;
  /** The connection as handed to Kysely (WalSync's). */
  wrap(connection: DatabaseConnection): DatabaseConnection;
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE). Several processes may share
 * the file (two nodes of a cluster on one machine): a deferred transaction that read first and then
 * writes after another process committed fails with SQLITE_BUSY at once, past any busy timeout,
 * while an immediate one waits its turn at BEGIN.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly options: DialectOptions) {
    super(options.settings);
  }

  override createAdapter(): DialectAdapter {
    const adapter = super.createAdapter();
    this.options.onAdapter(adapter);
    return adapter;
  }

  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.options.settings, this.options.wrap);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  private wrapped: { of: DatabaseConnection; as: DatabaseConnection } | null = null;

  constructor(
    settings: SqliteDialectConfig,
    private readonly wrap: (connection: DatabaseConnection) => DatabaseConnection,
  ) {
    super(settings);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    // SQLite has one connection; it is wrapped once.
    const connection = await super.acquireConnection();
    if (this.wrapped?.of !== connection)
      this.wrapped = { of: connection, as: this.wrap(connection) };
    return this.wrapped.as;
  }

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
