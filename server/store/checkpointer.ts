import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type BetterSqlite3 from "better-sqlite3";

/**
 * WAL checkpoints on a thread of their own. SQLite checkpoints inside the commit that crosses
 * its threshold (1,000 pages): that commit then copies the WAL into the database file and waits
 * for the disk, and better-sqlite3 runs it on the event loop. Under a storm that stalled every
 * socket, screen and request for 100-150 ms a few times a minute. So the main connection never
 * checkpoints; a worker with its own connection checkpoints every `everyMs` in PASSIVE mode,
 * which never blocks a writer (writers go on appending to the WAL meanwhile, and the next writer
 * after a complete checkpoint starts the WAL again from its beginning).
 *
 * A passive checkpoint copies what was committed when it began, and the WAL starts again from its
 * beginning only when a writer finds it all copied, which a steady stream of commits rarely
 * allows. So the main connection keeps a checkpoint of its own at a high mark (BACKSTOP_PAGES,
 * 16 MB): it then copies only the few frames the worker had not yet copied, and the WAL starts
 * again. Should the worker fail, the main connection goes back to SQLite's default threshold.
 */
const BACKSTOP_PAGES = 4000;
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
db.pragma("synchronous = FULL");
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (err) {
    // SQLITE_BUSY: another connection is checkpointing; the next turn tries again.
    if (err.code !== "SQLITE_BUSY") throw err;
  }
}, workerData.everyMs);
parentPort.on("message", (m) => {
  if (m !== "stop") return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(
  main: BetterSqlite3.Database,
  file: string,
  everyMs = 500,
): Checkpointer {
  main.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  // The WAL file keeps its largest size after it starts again; past 64 MB it is cut back.
  main.pragma("journal_size_limit = 67108864");
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, everyMs, module: createRequire(import.meta.url).resolve("better-sqlite3") },
  });
  worker.unref();
  let stopped = false;
  const fallBack = () => {
    if (!stopped && main.open) main.pragma("wal_autocheckpoint = 1000");
  };
  worker.on("error", fallBack);
  worker.on("exit", fallBack);
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      // Unreferenced, the worker would not keep the process alive while it is awaited here.
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}
