import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NigraniApp } from "../../../server/app.js";
import { PublicContacts } from "../../../server/public/contacts.js";
import { seedDemoContacts } from "../../../server/public/demo.js";
import { startTestApp } from "../../support/app.js";

let app: NigraniApp;
beforeAll(async () => {
  ({ app } = await startTestApp());
});
afterAll(() => app.close());

describe("the demo's public contacts", () => {
  it("publish Buxar's officers and give each sub-division a fuse-call number, once", async () => {
    const db = app.store.kysely;
    const contacts = await PublicContacts.load(db);
    await seedDemoContacts(db, app.network, app.officers, contacts, "2026-12-07T10:00:00.000Z");
    const buxar = [...app.network.districts.values()].find((d) => d.name === "Buxar")!;
    const inBuxar = app.officers
      .all()
      .filter((o) => app.network.unit(o.unit_id)?.districtId === buxar.id);
    expect(inBuxar.length).toBeGreaterThan(0);
    expect(contacts.publishedIds().sort()).toEqual(inBuxar.map((o) => o.id).sort());
    const sub = [...app.network.units.values()].find((u) => u.kind === "subdivision")!;
    expect(contacts.fuseCallOf(sub.id)).toMatch(/^91000\d{5}$/);

    // Kept in the store, and not chosen again over an administrator's later choices.
    await contacts.setPublished(db, inBuxar[0].id, false, "user:admin", "2026-12-07T11:00:00.000Z");
    const reloaded = await PublicContacts.load(db);
    await seedDemoContacts(db, app.network, app.officers, reloaded, "2026-12-08T10:00:00.000Z");
    expect(reloaded.isPublished(inBuxar[0].id)).toBe(false);
    expect(reloaded.publishedIds()).toHaveLength(inBuxar.length - 1);
    expect(reloaded.fuseCallOf(sub.id)).toBe(contacts.fuseCallOf(sub.id));
  });
});
