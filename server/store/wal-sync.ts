import fs from "node:fs";
import type { DatabaseConnection, QueryResult, CompiledQuery } from "kysely";

/**
 * Durable commits without waiting on the event loop. With synchronous=FULL, SQLite's COMMIT
 * fsyncs the WAL inside better-sqlite3's synchronous call: every commit held up every socket,
 * screen and request for as long as the disk took, and this VM's disk now and then takes
 * 100-350 ms. So the connection runs with synchronous=NORMAL (a commit writes the WAL but does
 * not sync it; SQLite still syncs around checkpoints, and stays consistent after a power cut)
 * and every write that ends outside a transaction (a COMMIT, or a statement on its own) waits
 * here for an fdatasync of the WAL on libuv's thread pool before its promise resolves. Nothing
 * that awaited a write sees it resolve before the write is on disk: the 2xx still comes after.
 *
 * The sync runs while Kysely's connection is still held, so the next statement (read or write)
 * starts after it, as it did when COMMIT synced; what changes is that the event loop meanwhile
 * reads requests, runs triage and serves screens. Group commit (TicketWriter) gathers the
 * reports that arrive meanwhile into the next transaction.
 */
export class WalSync {
  private handle: fs.promises.FileHandle | null = null;

  constructor(private readonly walFile: string) {}

  /** Off while the demo writes its history (Store.setDurable): commits then wait for nothing. */
  enabled = true;

  /** Resolves once everything committed before the call is on disk. */
  async sync(): Promise<void> {
    if (!this.enabled) return;
    // Opened on the first sync: SQLite creates the WAL with the first write. The file is never
    // removed while this process's connection is open, so one descriptor serves throughout.
    this.handle ??= await fs.promises.open(this.walFile, "r");
    await this.handle.datasync();
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
  }
}

/** What the wrapper asks of the database: is a transaction open, does a statement write. */
export interface WriteProbe {
  inTransaction(): boolean;
  /** SQLite's own answer (sqlite3_stmt_readonly), from the prepared statement. */
  readonly(sql: string): boolean;
}

/**
 * The connection as Kysely's SQLite driver hands it out, with each write that ends outside a
 * transaction waiting for the WAL's sync: a statement that ended a transaction (COMMIT; a
 * ROLLBACK syncs needlessly but harmlessly), or one that writes on its own. SQLite itself says
 * whether a statement writes, whatever its form: an INSERT ... RETURNING returns rows and a
 * compiled shape arrives as raw SQL, so neither the result nor Kysely's node can tell.
 */
export function syncedConnection(
  connection: DatabaseConnection,
  probe: WriteProbe,
  wal: WalSync,
): DatabaseConnection {
  return {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const wasInTransaction = probe.inTransaction();
      const result = await connection.executeQuery<R>(query);
      if (!probe.inTransaction() && (wasInTransaction || !probe.readonly(query.sql)))
        await wal.sync();
      return result;
    },
    streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
  };
}
