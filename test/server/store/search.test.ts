import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../../server/store/store.js";
import { insertBareTicket, openTestStore, TEST_DATABASE } from "../../support/database.js";

let store: Store;
let drop: () => Promise<void>;
const EXCERPTS = [
  "bill 50% too high",
  "bill 500 too high",
  "pole_12 leaning",
  "pole 12 leaning",
  "meter C:\\box open",
  "No Supply since morning",
  "बिजली नहीं है",
];
beforeAll(async () => {
  ({ store, drop } = await openTestStore(`search-${randomUUID()}`));
  await store.transaction(async (tx) => {
    for (const excerpt of EXCERPTS) await insertBareTicket(tx, { excerpt });
  });
});
afterAll(async () => {
  await store.close();
  await drop();
});

const found = async (q: string) =>
  (await store.listTickets({ q })).rows.map((r) => r.excerpt).sort();

describe(`ticket search on ${TEST_DATABASE}`, () => {
  it("takes %, _ and \\ in the search text literally", async () => {
    expect(await found("50%")).toEqual(["bill 50% too high"]);
    expect(await found("pole_1")).toEqual(["pole_12 leaning"]);
    expect(await found(":\\b")).toEqual(["meter C:\\box open"]);
  });

  it("ignores case in Latin letters and finds Devanagari text", async () => {
    expect(await found("no supply")).toEqual(["No Supply since morning"]);
    expect(await found("SUPPLY")).toEqual(["No Supply since morning"]);
    expect(await found("नहीं")).toEqual(["बिजली नहीं है"]);
  });
});
