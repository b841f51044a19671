import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveIncident } from "../../../server/incidents/commands.js";
import { outagesGeoJsonSchema, publicOutagesSchema } from "../../../shared/public.js";
import { apiJson, startTestServer, type TestServer } from "../../support/server.js";
import { raiseOutageOn } from "./support.js";

let server: TestServer;
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers });

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("GET /api/v1/public/outages", () => {
  it("lists a current outage to anyone, without signing in, in the shared schema", async () => {
    const feeder = server.app.network.feeders[10];
    const { incident } = await raiseOutageOn(server.url, server.app, feeder);
    const res = await get("/api/v1/public/outages");
    expect(res.status).toBe(200);
    const doc = publicOutagesSchema.parse(await res.json());
    const outage = doc.outages.find((o) => o.id === incident.id);
    expect(outage).toMatchObject({
      kind: "unplanned",
      since: incident.started_at,
      expectedRestorationAt: null,
      consumersAffected: incident.consumers_affected,
      reason: null,
      district: { id: feeder.districtId },
      substation: { id: feeder.parentId },
    });
    expect(outage!.feeders).toEqual([
      {
        id: feeder.id,
        name: { en: feeder.name, hi: feeder.nameHi },
        lat: feeder.lat,
        lon: feeder.lon,
      },
    ]);
    expect(incident.consumers_affected).toBeGreaterThan(0);
    expect(doc.totals.consumersAffected).toBe(
      doc.outages.reduce((n, o) => n + o.consumersAffected, 0),
    );
  });

  it("shows the restoration time an officer set, and a shutdown under way as a planned outage", async () => {
    const feeder = server.app.network.feeders[30];
    const { incident } = await raiseOutageOn(server.url, server.app, feeder);
    const restoreBy = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const set = await apiJson(
      server.url,
      `/api/v1/incidents/${incident.id}/announcement`,
      "POST",
      { crewAssigned: true, restoreBy },
      "control",
    );
    expect(set.status).toBe(200);

    const planned = server.app.network.feeders.slice(200, 202);
    const window = {
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
    };
    const scheduled = await apiJson<{ shutdown: { id: string } }>(
      server.url,
      "/api/v1/shutdowns",
      "POST",
      { feederIds: planned.map((f) => f.id), reason: "Line maintenance", ...window },
    );
    expect(scheduled.status).toBe(201);

    const doc = publicOutagesSchema.parse(await (await get("/api/v1/public/outages")).json());
    expect(doc.outages.find((o) => o.id === incident.id)?.expectedRestorationAt).toBe(restoreBy);
    const shutdown = doc.outages.find((o) => o.id === scheduled.body.shutdown.id);
    expect(shutdown).toMatchObject({
      kind: "planned",
      since: window.startsAt,
      expectedRestorationAt: window.endsAt,
      reason: "Line maintenance",
      consumersAffected: await server.app.store.consumersOn(planned.map((f) => f.id)),
    });
    expect(shutdown!.feeders.map((f) => f.id)).toEqual(planned.map((f) => f.id));
    const geo = outagesGeoJsonSchema.parse(
      await (await get("/api/v1/public/outages.geojson")).json(),
    );
    const points = geo.features.filter((f) => f.properties.outageId === shutdown!.id);
    expect(points.map((f) => f.properties.kind)).toEqual(["planned", "planned"]);
  });

  it("answers 304 to a client that has the current version, and a new ETag when outages change", async () => {
    const first = await get("/api/v1/public/outages");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    const again = await get("/api/v1/public/outages", { "if-none-match": etag! });
    expect(again.status).toBe(304);

    await raiseOutageOn(server.url, server.app, server.app.network.feeders[120]);
    const changed = await get("/api/v1/public/outages", { "if-none-match": etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("compresses for clients that accept it and says the same either way", async () => {
    const plain = await fetch(`${server.url}/api/v1/public/outages`, {
      headers: { "accept-encoding": "identity" },
    });
    const br = await get("/api/v1/public/outages", { "accept-encoding": "br" });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(await br.json()).toEqual(await plain.json());
  });

  it("drops an outage once it is resolved", async () => {
    const feeder = server.app.network.feeders[200];
    const { incident } = await raiseOutageOn(server.url, server.app, feeder);
    const before = publicOutagesSchema.parse(await (await get("/api/v1/public/outages")).json());
    expect(before.outages.map((o) => o.id)).toContain(incident.id);
    await resolveIncident(server.app.intake, incident.id, "Jumper repaired", "user:test");
    const after = publicOutagesSchema.parse(await (await get("/api/v1/public/outages")).json());
    expect(after.outages.map((o) => o.id)).not.toContain(incident.id);
  });
});

describe("GET /api/v1/public/outages.geojson", () => {
  it("is a FeatureCollection of feeder points ([lon, lat]) with the outage's facts", async () => {
    const res = await get("/api/v1/public/outages.geojson");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/geo\+json/);
    expect(res.headers.get("etag")).toBeTruthy();
    const geo = outagesGeoJsonSchema.parse(await res.json());
    const doc = publicOutagesSchema.parse(await (await get("/api/v1/public/outages")).json());
    expect(geo.features).toHaveLength(doc.totals.feeders);
    expect(geo.features.length).toBeGreaterThan(0);
    for (const f of geo.features) {
      const feeder = server.app.network.unit(f.properties.feederId)!;
      // RFC 7946 order: longitude first. UP and Bihar lie at 77-89 E, 23-31 N.
      expect(f.geometry.coordinates).toEqual([feeder.lon, feeder.lat]);
      expect(f.geometry.coordinates[0]).toBeGreaterThan(76);
      expect(f.geometry.coordinates[1]).toBeLessThan(32);
      const outage = doc.outages.find((o) => o.id === f.properties.outageId)!;
      expect(f.properties).toMatchObject({
        kind: outage.kind,
        since: outage.since,
        outageConsumersAffected: outage.consumersAffected,
        feeder: feeder.name,
        feederHi: feeder.nameHi,
      });
    }
  });

  it("masks a number an officer typed into a shutdown's reason", async () => {
    const scheduled = await apiJson<{ shutdown: { id: string } }>(
      server.url,
      "/api/v1/shutdowns",
      "POST",
      {
        feederIds: [server.app.network.feeders[210].id],
        reason: "Transformer work, lineman on 9876543210",
        startsAt: new Date(Date.now() - 600_000).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    );
    expect(scheduled.status).toBe(201);
    const text = await (await get("/api/v1/public/outages")).text();
    expect(text).not.toContain("9876543210");
    const doc = publicOutagesSchema.parse(JSON.parse(text));
    expect(doc.outages.find((o) => o.id === scheduled.body.shutdown.id)?.reason).toBe(
      "Transformer work, lineman on ••••••••10",
    );
  });
});
