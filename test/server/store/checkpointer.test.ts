import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../../../server/store/sqlite.js";

describe("WAL checkpoints on a thread of their own", () => {
  it("copies the WAL into the database file without a commit doing it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nigrani-checkpoint-"));
    const store = await openSqliteStore(dir);
    try {
      const file = path.join(dir, "nigrani.sqlite");
      const before = fs.statSync(file).size;
      const big = "x".repeat(2000);
      for (let i = 0; i < 20; i++)
        await store.transaction(async (tx) => {
          for (let j = 0; j < 100; j++)
            await tx.kysely
              .insertInto("meta")
              .values({ key: `k${i}-${j}`, value: big })
              .execute();
        });
      // About 4 MB went to the WAL, below the main connection's own checkpoint mark (16 MB).
      const deadline = Date.now() + 10_000;
      while (fs.statSync(file).size < before + 3_000_000 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(fs.statSync(file).size).toBeGreaterThan(before + 3_000_000);
    } finally {
      await store.close();
    }
  });

  it("keeps the WAL bounded under a steady stream of commits", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nigrani-checkpoint-"));
    const store = await openSqliteStore(dir);
    try {
      const big = "y".repeat(2000);
      // About 48 MB in 480 commits, one straight after another.
      for (let i = 0; i < 480; i++)
        await store.transaction(async (tx) => {
          for (let j = 0; j < 50; j++)
            await tx.kysely
              .insertInto("meta")
              .values({ key: `s${i}-${j}`, value: big })
              .execute();
        });
      expect(fs.statSync(path.join(dir, "nigrani.sqlite-wal")).size).toBeLessThan(24_000_000);
    } finally {
      await store.close();
    }
  });

  it("finishes closing the store even when nothing else keeps the process alive", () => {
    // The worker does not hold the process open while it runs; stopping it must, or a process
    // whose last work is closing the store exits halfway (Node's unsettled top-level await).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nigrani-checkpoint-"));
    const store = new URL("../../../server/store/sqlite.ts", import.meta.url).pathname;
    const out = execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        `const { openSqliteStore } = await import(${JSON.stringify(store)});
         const s = await openSqliteStore(${JSON.stringify(dir)});
         await s.close();
         console.log("closed");`,
      ],
      { encoding: "utf8" },
    );
    expect(out.trim()).toBe("closed");
  });
});
