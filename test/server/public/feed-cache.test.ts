import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ManualClock } from "../../../server/clock/clock.js";
import { resolveIncident } from "../../../server/incidents/commands.js";
import { publicOutagesSchema, outagesGeoJsonSchema } from "../../../shared/public.js";
import type { Unit } from "../../../shared/network.js";
import { apiJson, startTestServer, type TestServer } from "../../support/server.js";
import { raiseOutageOn } from "./support.js";

/**
 * The public feed is built once and kept until something it shows changes: polls in between are
 * answered from the kept version. Each change an officer or the watcher makes, and the clock
 * reaching a planned shutdown's start or end, shows at the next poll.
 */
let server: TestServer;
const clock = new ManualClock("2026-11-23T06:30:00.000Z");
const builds = () => server.app.publicOutages.builds;

async function poll() {
  const res = await fetch(`${server.url}/api/v1/public/outages`);
  expect(res.status).toBe(200);
  return publicOutagesSchema.parse(await res.json());
}
const ids = async () => (await poll()).outages.map((o) => o.id);
const inMs = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

/** Polls until the feed is kept, then checks a second poll is answered without a build. */
async function kept() {
  await poll();
  const n = builds();
  const doc = await poll();
  expect(builds()).toBe(n);
  return doc;
}

function schedule(feeders: Unit[], startsAt: string, endsAt: string, reason = "Line maintenance") {
  return apiJson<{ shutdown: { id: string } }>(server.url, "/api/v1/shutdowns", "POST", {
    feederIds: feeders.map((f) => f.id),
    reason,
    startsAt,
    endsAt,
  });
}

beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(() => server.close());

describe("GET /api/v1/public/outages, kept between changes", () => {
  it("answers two polls with nothing changed from one build, with the time it was built", async () => {
    await poll();
    const n = builds();
    const first = await fetch(`${server.url}/api/v1/public/outages`);
    clock.advance(5_000);
    const second = await fetch(`${server.url}/api/v1/public/outages`);
    const geo = await fetch(`${server.url}/api/v1/public/outages.geojson`);
    expect(builds()).toBe(n);
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(second.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    outagesGeoJsonSchema.parse(await geo.json());
  });

  it("shows a new incident at the next poll", async () => {
    await kept();
    const { incident } = await raiseOutageOn(
      server.url,
      server.app,
      server.app.network.feeders[10],
    );
    expect(await ids()).toContain(incident.id);
  });

  it("shows the restoration time an officer set at the next poll", async () => {
    const { incident } = await raiseOutageOn(
      server.url,
      server.app,
      server.app.network.feeders[40],
    );
    const before = await kept();
    expect(before.outages.find((o) => o.id === incident.id)?.expectedRestorationAt).toBeNull();
    const restoreBy = inMs(3 * 3_600_000);
    const set = await apiJson(
      server.url,
      `/api/v1/incidents/${incident.id}/announcement`,
      "POST",
      { crewAssigned: true, restoreBy },
      "control",
    );
    expect(set.status).toBe(200);
    const doc = await poll();
    expect(doc.outages.find((o) => o.id === incident.id)?.expectedRestorationAt).toBe(restoreBy);
  });

  it("drops a resolved incident at the next poll, also one with no open tickets left", async () => {
    const { incident } = await raiseOutageOn(
      server.url,
      server.app,
      server.app.network.feeders[70],
    );
    expect((await kept()).outages.map((o) => o.id)).toContain(incident.id);
    await resolveIncident(server.app.intake, incident.id, "Jumper repaired", "user:test");
    expect(await ids()).not.toContain(incident.id);

    // An incident whose tickets were all closed on their own: its resolution resolves no ticket.
    const { incident: bare } = await raiseOutageOn(
      server.url,
      server.app,
      server.app.network.feeders[90],
    );
    await server.app.store.kysely
      .updateTable("tickets")
      .set({ status: "closed" })
      .where("incident_id", "=", bare.id)
      .execute();
    expect((await kept()).outages.map((o) => o.id)).toContain(bare.id);
    const resolved = await apiJson<{ ticketsResolved: number }>(
      server.url,
      `/api/v1/incidents/${bare.id}/resolve`,
      "POST",
      { note: "Supply restored at the substation" },
      "control",
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body.ticketsResolved).toBe(0);
    expect(await ids()).not.toContain(bare.id);
  });

  it("shows a shutdown under way once scheduled, and drops it once cancelled", async () => {
    await kept();
    const scheduled = await schedule(
      server.app.network.feeders.slice(200, 202),
      inMs(-3_600_000),
      inMs(2 * 3_600_000),
    );
    expect(scheduled.status).toBe(201);
    const id = scheduled.body.shutdown.id;
    expect((await kept()).outages.map((o) => o.id)).toContain(id);
    const cancelled = await apiJson(server.url, `/api/v1/shutdowns/${id}/cancel`, "POST");
    expect(cancelled.status).toBe(200);
    expect(await ids()).not.toContain(id);
  });

  it("shows a shutdown when its start comes and drops it when its end comes, with no write between", async () => {
    // Inside the 30 s bound: only the shutdown's own times can end the kept version.
    const scheduled = await schedule(
      server.app.network.feeders.slice(210, 211),
      inMs(10_000),
      inMs(20_000),
    );
    const id = scheduled.body.shutdown.id;
    const before = await kept();
    expect(before.outages.map((o) => o.id)).not.toContain(id);
    clock.advance(9_999);
    expect(await ids()).not.toContain(id);
    clock.advance(1);
    const during = await poll();
    expect(during.outages.map((o) => o.id)).toContain(id);
    expect(during.generatedAt).toBe(clock.now().toISOString());
    clock.advance(10_000);
    expect(await ids()).not.toContain(id);
  });

  it("keeps a version at most 30 s, so a change nobody told it of shows after that", async () => {
    const scheduled = await schedule(
      server.app.network.feeders.slice(220, 221),
      inMs(-60_000),
      inMs(3_600_000),
      "Line maintenance",
    );
    const id = scheduled.body.shutdown.id;
    expect((await kept()).outages.find((o) => o.id === id)?.reason).toBe("Line maintenance");
    await server.app.store.kysely
      .updateTable("shutdowns")
      .set({ reason: "Transformer replacement" })
      .where("id", "=", id)
      .execute();
    clock.advance(29_000);
    expect((await poll()).outages.find((o) => o.id === id)?.reason).toBe("Line maintenance");
    clock.advance(1_000);
    expect((await poll()).outages.find((o) => o.id === id)?.reason).toBe("Transformer replacement");
  });
});

describe("the public outage feed's builds", () => {
  it("are shared by polls that arrive while one is under way", async () => {
    const feed = server.app.publicOutages;
    feed.invalidate();
    let n = builds();
    const versions = await Promise.all(Array.from({ length: 10 }, () => feed.current()));
    expect(builds()).toBe(n + 1);
    expect(new Set(versions).size).toBe(1);

    // And over HTTP, both forms of the feed.
    feed.invalidate();
    n = builds();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${server.url}/api/v1/public/outages${i % 2 ? ".geojson" : ""}`),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    expect(builds()).toBe(n + 1);
  });

  it("are not kept when they fail, and the next poll builds again", async () => {
    const feed = server.app.publicOutages;
    // A shutdown under way makes the build count its consumers: that read fails once.
    await schedule(server.app.network.feeders.slice(230, 231), inMs(-60_000), inMs(3_600_000));
    const spy = vi
      .spyOn(server.app.store, "consumersOn")
      .mockRejectedValueOnce(new Error("database unavailable"));
    try {
      const n = builds();
      const failed = await Promise.allSettled([feed.current(), feed.current()]);
      expect(failed.map((r) => r.status)).toEqual(["rejected", "rejected"]);
      expect(builds()).toBe(n + 1);
      expect((await fetch(`${server.url}/api/v1/public/outages`)).status).toBe(200);
      expect(builds()).toBe(n + 2);
    } finally {
      spy.mockRestore();
    }
  });

  it("are not kept when a change comes while they are under way", async () => {
    const feed = server.app.publicOutages;
    feed.invalidate();
    const n = builds();
    const building = feed.current();
    feed.invalidate();
    const after = feed.current();
    await Promise.all([building, after]);
    // The poll after the change did not join the build begun before it.
    expect(builds()).toBe(n + 2);
    expect(await feed.current()).toBe(await after);
    expect(builds()).toBe(n + 2);
  });
});
