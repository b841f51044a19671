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

/** A write statement Kysely built (a raw statement counts when it changed rows). */
const WRITES = new Set(["InsertQueryNode", "UpdateQueryNode", "DeleteQueryNode", "MergeQueryNode"]);

/**
 * The connection as Kysely's SQLite driver hands it out, with each write that ends outside a
 * transaction (autocommit, or the COMMIT itself) waiting for the WAL's sync.
 */
export function syncedConnection(
  connection: DatabaseConnection,
  inTransaction: () => boolean,
  wal: WalSync,
): DatabaseConnection {
  return {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const result = await connection.executeQuery<R>(query);
      const wrote = result.numAffectedRows !== undefined || WRITES.has(query.query.kind);
      if (wrote && !inTransaction()) await wal.sync();
      return result;
    },
    streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
  };
}
