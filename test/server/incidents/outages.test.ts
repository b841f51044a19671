import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NigraniApp } from "../../../server/app.js";
import type { ManualClock } from "../../../server/clock/clock.js";
import { resolveIncident } from "../../../server/incidents/commands.js";
import { ingestReport } from "../../../server/intake/ingest.js";
import { generateEvents, type GeneratedReport } from "../../../server/sim/index.js";
import { inferOutage, type OutageSignal } from "../../../server/triage/outages.js";
import { startTestApp } from "../../support/app.js";

describe("inferOutage", () => {
  const normal = () => 0.5;
  const at = (feederId: string, minutesAgo: number): OutageSignal => ({
    feederId,
    substationId: "SS1",
    at: 60 * 60_000 - minutesAgo * 60_000,
  });
  const now = 60 * 60_000;

  it("sees nothing in a feeder's normal trickle", () => {
    expect(inferOutage([at("F1", 25), at("F1", 3), at("F2", 10)], "SS1", now, normal)).toBeNull();
  });

  it("raises one feeder when its reports in the window far exceed its normal rate", () => {
    const burst = Array.from({ length: 12 }, (_, i) => at("F1", i));
    const c = inferOutage([...burst, at("F2", 5)], "SS1", now, normal);
    expect(c?.feederIds).toEqual(["F1"]);
    expect(c?.reports).toBe(12);
  });

  it("ignores reports older than the window", () => {
    const old = Array.from({ length: 12 }, () => at("F1", 45));
    expect(inferOutage(old, "SS1", now, normal)).toBeNull();
  });

  it("raises a substation-wide outage when several feeders together exceed it", () => {
    const spread = ["F1", "F2", "F3"].flatMap((f) =>
      Array.from({ length: 4 }, (_, i) => at(f, i * 3)),
    );
    expect(inferOutage(spread, "SS1", now, normal)?.feederIds.sort()).toEqual(["F1", "F2", "F3"]);
  });

  it("needs more to alarm on a feeder that is normally busy", () => {
    const burst = Array.from({ length: 8 }, (_, i) => at("F1", i));
    expect(inferOutage(burst, "SS1", now, () => 0.2)).not.toBeNull();
    expect(inferOutage(burst, "SS1", now, () => 12)).toBeNull();
  });
});

describe("incidents from a simulated storm", () => {
  let app: NigraniApp;
  let clock: ManualClock;
  beforeAll(async () => {
    ({ app, clock } = await startTestApp({ config: { NETWORK_FEEDERS: 400 } }));
  });
  afterAll(() => app.close());

  const simDeps = (stormsPerHour: number) => ({
    seed: 7,
    ratePerHour: 160,
    stormsPerHour,
    feeders: app.network.feeders,
    units: app.network.units,
    districtNames: new Map(
      [...app.network.districts.values()].map((d) => [d.id, { name: d.name, nameHi: d.nameHi }]),
    ),
    consumerOn: async (feederId: string, rnd: number) => {
      const c = await app.store.consumerOnFeeder(feederId, rnd);
      return c ? { account: c.account, feederId: c.feeder_id, phone: c.phone } : null;
    },
    now: () => clock.now(),
  });

  async function play(reports: GeneratedReport[]): Promise<void> {
    for (const r of reports) {
      clock.set(new Date(r.atMs));
      await ingestReport(app.intake, { ...r.input, receivedAt: undefined });
    }
    await app.outages.settle();
  }

  it("raises no incident from normal background traffic", async () => {
    const background = await generateEvents(simDeps(0), 600, clock.now());
    await play(background);
    const incidents = await app.store.kysely.selectFrom("incidents").selectAll().execute();
    expect(incidents).toHaveLength(0);
  });

  it("raises one incident on the storm's feeder, joins later reports to it, and resolving it resolves every ticket", async () => {
    const events = await generateEvents(simDeps(4), 3000, clock.now());
    const stormId = events.find((e) => e.stormId)?.stormId;
    expect(stormId).toBeTruthy();
    const storm = events.filter((e) => e.stormId === stormId);
    const lastAt = storm[storm.length - 1].atMs;
    await play(
      events.filter((e) => e.atMs <= lastAt && (e.stormId === null || e.stormId === stormId)),
    );

    const counts = new Map<string, number>();
    for (const e of storm) counts.set(e.feederId, (counts.get(e.feederId) ?? 0) + 1);
    const worst = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    const incidents = await app.store.kysely.selectFrom("incidents").selectAll().execute();
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident.substation_id).toBe(storm[0].substationId);
    expect(JSON.parse(incident.feeders)).toContain(worst);
    expect(app.projections.incidentsUnder("network").map((i) => i.id)).toEqual([incident.id]);

    const linked = await app.store.openTicketsOfIncident(incident.id);
    expect(linked.length).toBeGreaterThan(10);
    const res = await resolveIncident(
      app.intake,
      incident.id,
      "Tree cleared, feeder charged",
      "test",
    );
    expect(res.changes.length).toBe(linked.length);
    for (const t of linked) expect((await app.store.getTicket(t.id))?.status).toBe("resolved");
    const notices = await app.store.kysely
      .selectFrom("outbox")
      .select("ticket_id")
      .where("kind", "=", "incident_notice")
      .execute();
    expect(new Set(notices.map((n) => n.ticket_id)).size).toBe(linked.length);
    expect(app.projections.incidentsUnder("network")).toHaveLength(0);
  });
});
