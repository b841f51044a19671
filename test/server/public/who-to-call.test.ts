import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { whoToCallSchema, type WhoToCall } from "../../../shared/public.js";
import type { Unit } from "../../../shared/network.js";
import { apiJson, startTestServer, type TestServer } from "../../support/server.js";
import { consumerOn, raiseOutageOn } from "./support.js";

let server: TestServer;
let feeder: Unit;

const lookup = async (q: Record<string, string>) => {
  const res = await fetch(`${server.url}/api/v1/public/who-to-call?${new URLSearchParams(q)}`);
  return { status: res.status, headers: res.headers, body: await res.json() };
};
const holder = (f: Unit, role: "je" | "sdo") =>
  server.app.officers.holder(server.app.network, f.path, role)!;

beforeAll(async () => {
  server = await startTestServer();
  feeder = server.app.network.feeders[25];
});
afterAll(() => server.close());

describe("GET /api/v1/public/who-to-call", () => {
  it("gives an account's feeder, its JE and SDO, and 1912; no officer number until one is published", async () => {
    const c = await consumerOn(server.app, feeder);
    const res = await lookup({ account: c.account });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const answer: WhoToCall = whoToCallSchema.parse(res.body);
    expect(answer.precision).toBe("feeder");
    expect(answer.feeder?.id).toBe(feeder.id);
    expect(answer.substation?.id).toBe(feeder.parentId);
    expect(answer.district?.id).toBe(feeder.districtId);
    expect(answer.helpline).toBe("1912");
    const je = holder(feeder, "je");
    const sdo = holder(feeder, "sdo");
    expect(answer.officers.map((o) => [o.role, o.name.en, o.phone])).toEqual([
      ["je", je.name, null],
      ["sdo", sdo.name, null],
    ]);
    // Only the area and its officers: not the consumer's name, phone or account.
    const text = JSON.stringify(res.body);
    for (const secret of [c.name, c.name_hi, c.phone, c.account])
      expect(text).not.toContain(secret);
  });

  it("shows exactly the numbers an administrator published", async () => {
    const je = holder(feeder, "je");
    const sdo = holder(feeder, "sdo");
    const put = await apiJson(server.url, `/api/v1/officers/${je.id}/public-phone`, "PUT", {
      public: true,
    });
    expect(put).toEqual({ status: 200, body: { officerId: je.id, public: true } });
    const c = await consumerOn(server.app, feeder, 0.2);
    const answer = whoToCallSchema.parse((await lookup({ account: c.account })).body);
    expect(answer.officers.find((o) => o.role === "je")?.phone).toBe(je.phone);
    expect(answer.officers.find((o) => o.role === "sdo")?.phone).toBeNull();
    expect(JSON.stringify(answer)).not.toContain(sdo.phone);

    const listed = await apiJson<{ officerIds: string[] }>(
      server.url,
      `/api/v1/officers/public-phones?unit=${feeder.parentId}`,
      "GET",
    );
    expect(listed.body.officerIds).toEqual([je.id]);

    await apiJson(server.url, `/api/v1/officers/${je.id}/public-phone`, "PUT", { public: false });
    const again = whoToCallSchema.parse((await lookup({ account: c.account })).body);
    expect(again.officers.every((o) => o.phone === null)).toBe(true);
  });

  it("names the stand-in, with the stand-in's own publication, while the JE is on leave", async () => {
    const f = server.app.network.feeders[60];
    const je = holder(f, "je");
    const standIn = server.app.officers
      .all()
      .find((o) => o.role === "je" && o.id !== je.id && !o.on_leave)!;
    await apiJson(server.url, `/api/v1/officers/${je.id}/public-phone`, "PUT", { public: true });
    const leave = await apiJson(server.url, `/api/v1/officers/${je.id}/leave`, "PUT", {
      onLeave: true,
      standInId: standIn.id,
    });
    expect(leave.status).toBe(200);
    const answer = whoToCallSchema.parse(
      (await lookup({ account: (await consumerOn(server.app, f)).account })).body,
    );
    const shown = answer.officers.find((o) => o.role === "je")!;
    expect(shown.name.en).toBe(standIn.name);
    expect(shown.phone).toBeNull();
    expect(JSON.stringify(answer)).not.toContain(je.phone);
  });

  it("finds the feeder of a ticket and says whether that feeder is out", async () => {
    const f = server.app.network.feeders[90];
    const { incident } = await raiseOutageOn(server.url, server.app, f, 2);
    const [ticket] = await server.app.store.kysely
      .selectFrom("tickets")
      .select("number")
      .where("feeder_id", "=", f.id)
      .execute();
    const answer = whoToCallSchema.parse((await lookup({ ticket: ticket.number })).body);
    expect(answer.feeder?.id).toBe(f.id);
    expect(answer.outage).toEqual({
      id: incident.id,
      since: incident.started_at,
      expectedRestorationAt: null,
    });
  });

  it("finds a place by its Hindi or English name", async () => {
    const sub = server.app.network.unit(feeder.parentId!)!;
    const hi = whoToCallSchema.parse((await lookup({ place: feeder.nameHi })).body);
    expect(hi.feeder?.id ?? hi.substation?.id).toBeTruthy();
    expect(hi.officers.length).toBeGreaterThan(0);
    expect(sub.kind).toBe("substation");
    // A district no sub-division is named after: the district only, no officers.
    const { network } = server.app;
    const towns = new Set(
      [...network.units.values()].filter((u) => u.kind === "subdivision").map((u) => u.name),
    );
    const district = [...network.districts.values()].find(
      (d) => !towns.has(`Electricity Distribution Sub-division ${d.name}`),
    )!;
    const d = whoToCallSchema.parse((await lookup({ place: district.name })).body);
    expect(d.precision).toBe("district");
    expect(d.district?.id).toBe(district.id);
    expect(d.officers).toEqual([]);
  });

  it("finds a town's sub-division by the town's name and gives its SDO", async () => {
    const { network } = server.app;
    const subdivision = network.unit(
      feeder.path.find((id) => network.unit(id)?.kind === "subdivision")!,
    )!;
    const town = subdivision.nameHi.replace(/^विद्युत (नगरीय )?वितरण उपखंड /, "");
    expect(town).not.toBe(subdivision.nameHi);
    const answer = whoToCallSchema.parse((await lookup({ place: town })).body);
    expect(answer.precision).toBe("subdivision");
    expect(answer.subdivision?.id).toBe(subdivision.id);
    expect(answer.officers.map((o) => [o.role, o.name.en])).toEqual([
      ["sdo", holder(feeder, "sdo").name],
    ]);
  });

  it("adds the fuse-call centre an administrator set up the feeder's line", async () => {
    const sdoUnit = feeder.path.find((id) => server.app.network.unit(id)?.kind === "subdivision")!;
    const put = await apiJson(server.url, `/api/v1/fuse-call-centres/${sdoUnit}`, "PUT", {
      phone: "0522-2287000",
    });
    expect(put.status).toBe(200);
    const answer = whoToCallSchema.parse(
      (await lookup({ account: (await consumerOn(server.app, feeder, 0.7)).account })).body,
    );
    expect(answer.fuseCall?.phone).toBe("0522-2287000");
    const bad = await apiJson<{ error: { fields: Record<string, string> } }>(
      server.url,
      `/api/v1/fuse-call-centres/${sdoUnit}`,
      "PUT",
      { phone: "call us" },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.phone).toMatch(/phone number/);
    expect(answer.fuseCall?.unit.en).toBe(server.app.network.unit(sdoUnit)!.name);
  });

  it("answers 404 for an unknown account and 400 naming the field for a malformed one", async () => {
    expect((await lookup({ account: "0000000000" })).status).toBe(404);
    const bad = await lookup({ account: "12ab" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.account).toMatch(/10-digit/);
    const two = await lookup({ account: "1234567890", place: "Lucknow" });
    expect(two.status).toBe(400);
    expect(two.body.error.message).toMatch(/exactly one/);
  });
});

describe("publishing numbers", () => {
  it("is refused (404) to anyone but an administrator of the officer's area", async () => {
    const je = holder(feeder, "je");
    for (const as of ["control", "xen.varanasi", "minister", null] as const) {
      const res = await apiJson(
        server.url,
        `/api/v1/officers/${je.id}/public-phone`,
        "PUT",
        { public: true },
        as,
      );
      expect([401, 404]).toContain(res.status);
    }
    const answer = whoToCallSchema.parse(
      (await lookup({ account: (await consumerOn(server.app, feeder, 0.9)).account })).body,
    );
    expect(answer.officers.find((o) => o.role === "je")?.phone).toBeNull();
  });
});

describe("the lookup's rate limit", () => {
  it("answers 429 with Retry-After once an address has asked 20 times in a minute", async () => {
    const own = await startTestServer();
    try {
      const ask = () => fetch(`${own.url}/api/v1/public/who-to-call?account=0000000000`);
      for (let i = 0; i < 20; i++) expect((await ask()).status).toBe(404);
      const limited = await ask();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      // The outage feed has its own allowance: the page keeps working.
      expect((await fetch(`${own.url}/api/v1/public/outages`)).status).toBe(200);
      // ...shared by its two forms, and limited too.
      let status = 200;
      for (let i = 0; i < 300 && status === 200; i++)
        status = (await fetch(`${own.url}/api/v1/public/outages.geojson`)).status;
      expect(status).toBe(429);
    } finally {
      await own.close();
    }
  });
});
