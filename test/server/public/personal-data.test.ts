import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenDigitNumbersIn } from "../../../server/intake/accounts.js";
import { apiJson, startTestServer, type TestServer } from "../../support/server.js";
import { raiseOutageOn } from "./support.js";

/**
 * Every answer the public can get from the outage page's API, searched for the phone numbers and
 * account numbers of seeded consumers and officers: only officer numbers an administrator
 * published may appear.
 */
let server: TestServer;
const bodies: { path: string; text: string }[] = [];
let publishedPhone: string;

const fetchPublic = async (path: string) => {
  // No cookie, no key: exactly what a member of the public sends.
  const res = await fetch(`${server.url}${path}`);
  const text = await res.text();
  bodies.push({ path, text });
  return { status: res.status, text };
};

beforeAll(async () => {
  server = await startTestServer();
  const { app } = server;
  const [f1, f2] = [app.network.feeders[5], app.network.feeders[150]];
  const { reporters } = await raiseOutageOn(server.url, app, f1, 4);
  await raiseOutageOn(server.url, app, f2, 3);
  const je = app.officers.holder(app.network, f1.path, "je")!;
  publishedPhone = je.phone;
  await apiJson(server.url, `/api/v1/officers/${je.id}/public-phone`, "PUT", { public: true });
  const [ticket] = await app.store.kysely
    .selectFrom("tickets")
    .select("number")
    .where("feeder_id", "=", f1.id)
    .execute();
  const district = app.network.districts.get(f1.districtId!)!;

  await fetchPublic("/api/v1/public/outages");
  await fetchPublic("/api/v1/public/outages.geojson");
  await fetchPublic("/api/v1/geo/districts.geojson");
  for (const c of reporters) await fetchPublic(`/api/v1/public/who-to-call?account=${c.account}`);
  await fetchPublic(`/api/v1/public/who-to-call?ticket=${ticket.number}`);
  await fetchPublic(`/api/v1/public/who-to-call?place=${encodeURIComponent(f1.nameHi)}`);
  await fetchPublic(`/api/v1/public/who-to-call?place=${encodeURIComponent(district.name)}`);
  await fetchPublic(`/api/v1/public/who-to-call?account=${reporters[0].account.slice(0, 9)}x`);
  await fetchPublic(`/api/v1/public/who-to-call?account=${reporters[0].phone}`);
  await fetchPublic("/outages");
}, 60_000);
afterAll(() => server.close());

describe("the public outage page and feeds", () => {
  it("were all answered (the sweep below searched real answers)", () => {
    expect(bodies.length).toBeGreaterThanOrEqual(12);
    const outages = bodies.find((b) => b.path === "/api/v1/public/outages")!;
    expect(JSON.parse(outages.text).outages).toHaveLength(2);
    expect(bodies.filter((b) => b.path.includes("who-to-call?account=")).length).toBe(6);
  });

  it("never contain a seeded consumer's phone, account number or name", async () => {
    const consumers = await server.app.store.kysely
      .selectFrom("consumers")
      .select(["account", "phone", "name", "name_hi"])
      .execute();
    const secret = new Set(consumers.flatMap((c) => [c.account, c.phone]));
    const reporterNames = new Set(
      (
        await server.app.store.kysely
          .selectFrom("tickets")
          .innerJoin("consumers", "consumers.account", "tickets.consumer_account")
          .select(["consumers.name", "consumers.name_hi"])
          .execute()
      ).flatMap((c) => [c.name, c.name_hi]),
    );
    expect(reporterNames.size).toBeGreaterThan(0);
    for (const { path, text } of bodies) {
      const leaked = tenDigitNumbersIn(text).filter((n) => secret.has(n));
      expect(leaked, path).toEqual([]);
      for (const name of reporterNames) expect(text, path).not.toContain(name);
    }
  });

  it("show only officer numbers an administrator published", () => {
    const officerPhones = new Set(server.app.officers.all().map((o) => o.phone));
    const seen = new Set<string>();
    for (const { path, text } of bodies) {
      for (const n of tenDigitNumbersIn(text)) {
        if (!officerPhones.has(n)) continue;
        expect(n, path).toBe(publishedPhone);
        seen.add(n);
      }
    }
    // The published number did reach the public: the sweep can tell the two apart.
    expect([...seen]).toEqual([publishedPhone]);
  });
});
