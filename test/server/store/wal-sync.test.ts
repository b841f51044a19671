import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runShaped } from "../../../server/store/compiled.js";
import { openSqliteStore } from "../../../server/store/sqlite.js";
import type { Store } from "../../../server/store/store.js";

/**
 * Opens a store in a new directory whose WAL syncs the test can hold: once `hold()` is called,
 * each fdatasync of the WAL waits in `pending` until the test lets it finish.
 */
async function storeWithHeldSyncs() {
  const pending: Array<() => void> = [];
  let holding = false;
  const realOpen = fs.promises.open;
  vi.spyOn(fs.promises, "open").mockImplementation(async (file, flags) => {
    const handle = await realOpen(file, flags);
    if (!String(file).endsWith("-wal")) return handle;
    return Object.assign(Object.create(handle) as fs.promises.FileHandle, {
      datasync: () =>
        holding
          ? new Promise<void>((resolve) => pending.push(() => void handle.datasync().then(resolve)))
          : handle.datasync(),
      close: () => handle.close(),
    });
  });
  store = await openSqliteStore(fs.mkdtempSync(path.join(os.tmpdir(), "nigrani-walsync-")));
  return {
    store,
    pending,
    hold: () => (holding = true),
  };
}

const settled = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 30));
  return done;
};

let store: Store | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await store?.close();
  store = undefined;
});

describe("a SQLite file's writes wait for the WAL's sync, off the event loop", () => {
  it("resolves a write only after an fdatasync of the WAL that began after it", async () => {
    const { store, pending: syncs, hold } = await storeWithHeldSyncs();
    hold();
    const write = store.probeWrite("2026-12-07T10:00:00Z");
    expect(await settled(write)).toBe(false);
    expect(syncs).toHaveLength(1);
    syncs.shift()!();
    expect(await settled(write)).toBe(true);
  });

  it("holds the connection until the sync ends: the next write runs after it", async () => {
    const { store, pending: syncs, hold } = await storeWithHeldSyncs();
    hold();
    const first = store.probeWrite("2026-12-07T10:00:00Z");
    const second = store.transaction((tx) =>
      tx.kysely.insertInto("meta").values({ key: "second", value: "2" }).execute(),
    );
    expect(await settled(first)).toBe(false);
    expect(syncs).toHaveLength(1);
    syncs.shift()!();
    expect(await settled(first)).toBe(true);
    // The transaction's COMMIT waits for a sync of its own.
    expect(await settled(second)).toBe(false);
    expect(syncs).toHaveLength(1);
    syncs.shift()!();
    expect(await settled(second)).toBe(true);
  });

  it("waits for a sync on every run of a compiled shape, an INSERT ... RETURNING too", async () => {
    const { store, pending: syncs, hold } = await storeWithHeldSyncs();
    hold();
    // The first run is compiled by Kysely; the next ones arrive as raw SQL with rows back.
    for (const key of ["a", "b", "c"]) {
      const write = runShaped(store.kysely, "meta.insertReturning", [key, "1"], () =>
        store.kysely.insertInto("meta").values({ key, value: "1" }).returning("key"),
      );
      expect(await settled(write), key).toBe(false);
      expect(syncs).toHaveLength(1);
      syncs.shift()!();
      expect(await write).toEqual([{ key }]);
    }
  });

  it("does not wait while the demo writes its history, and waits again after", async () => {
    const { store, pending: syncs, hold } = await storeWithHeldSyncs();
    hold();
    await store.setDurable(false);
    await store.probeWrite("2026-12-07T10:00:00Z");
    expect(syncs).toHaveLength(0);
    await store.setDurable(true);
    const write = store.probeWrite("2026-12-07T10:00:01Z");
    expect(await settled(write)).toBe(false);
    syncs.shift()!();
    await write;
  });
});
