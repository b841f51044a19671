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
      // About 4 MB went to the WAL; the main connection never checkpoints (autocheckpoint 0).
      const deadline = Date.now() + 10_000;
      while (fs.statSync(file).size < before + 3_000_000 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(fs.statSync(file).size).toBeGreaterThan(before + 3_000_000);
    } finally {
      await store.close();
    }
  });
});
