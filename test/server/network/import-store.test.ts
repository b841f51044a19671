import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importNetworkFile } from "../../../server/network/import-store.js";
import { openSqliteStore } from "../../../server/store/sqlite.js";
import type { Store } from "../../../server/store/store.js";
import { ensureNetwork } from "../../../server/network/bootstrap.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nigrani-import-"));
let store: Store;
const GOOD = `id,kind,parent,name,name_hi,lat,lon,urban,district,code
UP,state,,Uttar Pradesh,उत्तर प्रदेश,26.8467,80.9462,,,
MVVNL,discom,UP,Madhyanchal VVNL,मध्यांचल विद्युत वितरण निगम,26.8467,80.9462,,,
MV-Z1,zone,MVVNL,Lucknow Zone,लखनऊ क्षेत्र,26.8467,80.9462,,,
LKO-C1,circle,MV-Z1,Lucknow Circle I,लखनऊ मंडल प्रथम,26.8467,80.9462,,lucknow,LKO
LKO-D1,division,LKO-C1,EDD Gomti Nagar,विद्युत वितरण खंड गोमती नगर,26.85,81.0,,,
LKO-D1-S1,subdivision,LKO-D1,EDSD Chinhat,विद्युत वितरण उपखंड चिनहट,26.88,81.04,,,
LKO-SS-CHN,substation,LKO-D1-S1,33/11 kV Substation Chinhat,33/11 केवी उपकेंद्र चिनहट,26.881,81.045,,,
LKO-F-CHN-3,feeder,LKO-SS-CHN,11 kV Feeder Chinhat-3,11 केवी फीडर चिनहट-3,26.883,81.048,true,lucknow,
`;

beforeAll(async () => {
  store = await openSqliteStore(dir);
  await ensureNetwork(store, { seed: 1, feeders: 100, consumers: 500 });
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("importing a discom's own network into the store", () => {
  it("rejects a bad file with every problem and leaves the current network untouched", async () => {
    const before = await store.unitCount();
    const bad = GOOD.replace(
      "LKO-F-CHN-3,feeder,LKO-SS-CHN",
      "LKO-F-CHN-3,feeder,NO-SUCH-SS",
    ).replace("26.8467,80.9462,,lucknow,LKO", "26.8467,80.9462,,lucknow,");
    const file = path.join(dir, "bad.csv");
    fs.writeFileSync(file, bad);
    const outcome = await importNetworkFile(store, file, 1);
    expect(outcome.ok).toBe(false);
    expect(outcome.errors?.length).toBeGreaterThanOrEqual(2);
    expect(outcome.errors?.map((e) => e.line)).toEqual(expect.arrayContaining([5, 9]));
    expect(await store.unitCount()).toBe(before);
  });

  it("replaces the network with a good file, with officers for the new units", async () => {
    const file = path.join(dir, "good.csv");
    fs.writeFileSync(file, GOOD);
    const outcome = await importNetworkFile(store, file, 1);
    expect(outcome).toMatchObject({ ok: true, feeders: 1 });
    const units = await store.loadUnits();
    expect(units.find((u) => u.id === "LKO-F-CHN-3")?.path).toEqual([
      "network",
      "UP",
      "MVVNL",
      "MV-Z1",
      "LKO-C1",
      "LKO-D1",
      "LKO-D1-S1",
      "LKO-SS-CHN",
      "LKO-F-CHN-3",
    ]);
    expect(units.every((u) => !u.synthetic)).toBe(true);
    const officers = await store.kysely.selectFrom("officers").select("role").execute();
    expect(officers.map((o) => o.role).sort()).toEqual(["ce", "je", "md", "sdo", "se", "xen"]);
  });
});
