import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NigraniApp } from "../../../server/app.js";
import { parseOfficerImport } from "../../../server/officers/import.js";
import { startTestApp } from "../../support/app.js";

let app: NigraniApp;
beforeAll(async () => {
  ({ app } = await startTestApp());
});
afterAll(() => app.close());

const HEADER = "id,unit_id,role,name,name_hi,designation,designation_hi,phone,on_leave,stand_in_id";

describe("importing a discom's officers", () => {
  it("accepts a good list with leave and stand-ins", () => {
    const f = app.network.feeders[0];
    const ss = f.path[7];
    const sd = f.path[6];
    const csv = [
      HEADER,
      `JE-1,${ss},je,Ram Kumar,राम कुमार,"JE, Substation",अवर अभियंता,9000000001,yes,JE-2`,
      `JE-2,${ss},je,Shyam Lal,श्याम लाल,JE,अवर अभियंता,9000000002,,`,
      `SDO-1,${sd},sdo,Sita Devi,सीता देवी,SDO,उपखंड अधिकारी,+91 90000 00003,,`,
    ].join("\n");
    const r = parseOfficerImport(csv, app.network);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.officers).toHaveLength(3);
      expect(r.officers[0]).toMatchObject({
        on_leave: 1,
        stand_in_id: "JE-2",
        designation: "JE, Substation",
      });
    }
  });

  it("reports every bad row with its line and imports nothing", () => {
    const f = app.network.feeders[0];
    const csv = [
      HEADER,
      `JE-1,${f.path[7]},je,Ram,राम,JE,अवर अभियंता,9000000001,,`,
      `JE-1,${f.path[7]},je,Dup,डुप,JE,अवर अभियंता,9000000009,,`,
      `X-1,${f.path[6]},je,Wrong Unit,गलत,JE,अवर अभियंता,9000000002,,`,
      `X-2,NOPE,sdo,No Unit,कोई नहीं,SDO,उपखंड अधिकारी,9000000003,,`,
      `X-3,${f.path[6]},sdo,,नाम,SDO,उपखंड अधिकारी,12,,`,
      `X-4,${f.path[6]},sdo,On Leave,छुट्टी,SDO,उपखंड अधिकारी,9000000004,yes,`,
    ].join("\n");
    const r = parseOfficerImport(csv, app.network);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const at = (line: number) => r.errors.filter((e) => e.line === line).map((e) => e.field);
      expect(at(3)).toContain("id");
      expect(at(4)).toContain("role");
      expect(at(5)).toContain("unit_id");
      expect(at(6)).toEqual(expect.arrayContaining(["name", "phone"]));
      expect(at(7)).toContain("stand_in_id");
      expect(at(2)).toEqual([]);
    }
  });
});
