import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directRunner, rowShape, runShaped, runStatement } from "../../../server/store/compiled.js";
import { openSqliteStore } from "../../../server/store/sqlite.js";
import type { Store } from "../../../server/store/store.js";

let store: Store;
beforeAll(async () => {
  store = await openSqliteStore(":memory:");
});
afterAll(() => store.close());

const put = (key: string, value: string) => {
  const row = { key, value };
  const { columns, params } = rowShape(row);
  return runShaped(store.kysely, `meta.insert:${columns}`, params, () =>
    store.kysely.insertInto("meta").values(row),
  );
};
const get = async (key: string) =>
  (
    await runShaped(store.kysely, "meta.byKey", [key], () =>
      store.kysely.selectFrom("meta").select("value").where("key", "=", key),
    )
  )[0]?.value;

describe("queries compiled once per shape", () => {
  it("runs the same shape again with each call's own parameters", async () => {
    await put("a", "1");
    await put("b", "2");
    expect(await get("a")).toBe("1");
    expect(await get("b")).toBe("2");
    expect(await get("missing")).toBeUndefined();
  });

  it("leaves out undefined columns in the order Kysely binds the rest", () => {
    expect(rowShape({ x: 1, y: undefined, z: null })).toEqual({
      columns: "x,z",
      params: [1, null],
    });
  });

  it("never reuses a shape whose parameters are not the caller's: it is compiled afresh each time", async () => {
    await put("c", "3");
    await put("d", "4");
    // The caller names the wrong parameters: the first compile notices and the shape is never cached.
    const wrong = (key: string) =>
      runShaped(store.kysely, "meta.wrongParams", ["not-the-key"], () =>
        store.kysely.selectFrom("meta").select("value").where("key", "=", key),
      );
    expect((await wrong("c"))[0]?.value).toBe("3");
    expect((await wrong("d"))[0]?.value).toBe("4");
  });
});

describe("statements of a transaction run directly on SQLite's connection", () => {
  it("is offered inside a transaction only, and its writes roll back with it", async () => {
    expect(directRunner(store.kysely)).toBeUndefined();
    const trx = await store.startTransaction();
    const direct = directRunner(trx);
    expect(direct).toBeDefined();
    await runShaped(trx, "meta.insert:key,value", ["direct", "1"], () =>
      trx.insertInto("meta").values({ key: "direct", value: "1" }),
    );
    // The shaped insert went through the direct runner: the same connection sees it at once.
    expect(direct!('select value from "meta" where key = ?', ["direct"])).toEqual([{ value: "1" }]);
    await trx.rollback().execute();
    expect(await get("direct")).toBeUndefined();
  });

  it("commits with the transaction", async () => {
    const trx = await store.startTransaction();
    await runStatement(trx, "savepoint cmd");
    await runShaped(trx, "meta.insert:key,value", ["kept", "2"], () =>
      trx.insertInto("meta").values({ key: "kept", value: "2" }),
    );
    await runStatement(trx, "release cmd");
    await trx.commit().execute();
    expect(await get("kept")).toBe("2");
  });
});
