import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DemoUser } from "../../support/auth.js";
import { LiveTestClient } from "../../support/live-client.js";
import { postReport, startTestServer, type TestServer } from "../../support/server.js";

let server: TestServer;
const clients: LiveTestClient[] = [];
const client = (as: DemoUser = "control", unitId?: string) => {
  const c = new LiveTestClient(server.url, unitId, as);
  clients.push(c);
  return c;
};

// Personal data a report may carry: a name and phone number in its text, an account number.
const NAME = "Ramkishore";
const PHONE = "9839012345";
const ACCOUNT = "4401239876";
const reportWithPersonalData = (i: number) => {
  const f = server.app.network.feeders[(i * 13) % server.app.network.feeders.length];
  return postReport(server.url, {
    channel: "whatsapp",
    text: `${NAME} here, call ${PHONE}: no supply since morning (${i})`,
    consumerAccount: ACCOUNT,
    lat: f.lat,
    lon: f.lon,
    category: "supply_cut",
  });
};

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});
afterAll(() => server.close());

describe("live levels", () => {
  it("gives a summary screen counts and outages only: no feed, no ticket rows, no personal data", async () => {
    // The same control-room user on two screens: the control room, and /summary asking for counts.
    const stream = client();
    const summary = client();
    expect((await stream.subscribe()).level).toBe("full");
    const ack = await summary.subscribe(undefined, "counts");
    expect(ack).toMatchObject({ ok: true, mode: "snapshot", level: "counts" });

    for (let i = 0; i < 12; i++) expect((await reportWithPersonalData(i)).status).toBe(201);
    const open = () => server.app.projections.counts("network").open;
    await summary.until((c) => c.open("network") === open());
    await stream.until((c) => c.open("network") === open());

    // The control room's stream carries the reports (so the checks below can fail)...
    // (ticket rows with the report's text, masked or not, and feed events naming the ticket).
    expect(stream.frames.some((f) => f.includes(NAME) && f.includes('"number":"'))).toBe(true);
    // ...the summary screen gets the counts and nothing that names a ticket or a person.
    expect(summary.deltas.length).toBeGreaterThan(0);
    for (const { delta } of summary.deltas) {
      expect(delta.tickets).toEqual([]);
      expect(delta.events).toEqual([]);
      expect(delta.moreEvents).toBeUndefined();
    }
    const snapshot = JSON.parse(summary.frames[0]) as { recent: unknown[]; urgent: unknown[] };
    expect(snapshot.recent).toEqual([]);
    expect(snapshot.urgent).toEqual([]);
    for (const frame of summary.frames) {
      expect(frame).not.toContain(NAME);
      expect(frame).not.toContain(PHONE.slice(-6));
      expect(frame).not.toContain(ACCOUNT.slice(-6));
      expect(frame).not.toMatch(/"(number|ticketNumber|excerpt)":/);
    }
    expect(summary.units.network).toEqual(server.app.projections.counts("network"));
  });

  it("grants a screen what it asks for, never more than its role allows", async () => {
    const officer = client("se.gorakhpur");
    expect((await officer.subscribe(undefined, "full")).level).toBe("masked");
    const minister = client("minister");
    expect((await minister.subscribe()).level).toBe("counts");
    const ministerAsking = client("minister");
    expect((await ministerAsking.subscribe(undefined, "full")).level).toBe("counts");
    const control = client();
    expect((await control.subscribe(undefined, "masked")).level).toBe("masked");
    // A level that does not exist is refused, naming why.
    await control.connect();
    const bad = await control.socket.emitWithAck("subscribe", {
      level: "everything" as "full",
    });
    expect(bad.ok).toBe(false);
    expect(bad.error?.code).toBe("invalid");
  });

  it("moves a screen between levels: back on the stream after counts, it gets the feed again", async () => {
    const c = client();
    await c.subscribe(undefined, "counts");
    await reportWithPersonalData(100);
    await c.until((x) => x.open("network") === server.app.projections.counts("network").open);
    expect(c.events).toHaveLength(0);
    expect((await c.subscribe()).level).toBe("full");
    const seq = c.seq;
    await reportWithPersonalData(101);
    await c.until((x) => x.events.some((e) => e.seq > seq));
  });

  it("replays what a summary screen missed on reconnect, as counts", async () => {
    const steady = client();
    const flaky = client();
    await steady.subscribe(undefined, "counts");
    await flaky.subscribe(undefined, "counts");
    await reportWithPersonalData(200);
    await flaky.until((c) => c.seq === server.app.projections.seq);
    const lastSeq = flaky.seq;
    const deltasBefore = flaky.deltas.length;
    flaky.socket.disconnect();
    for (let i = 0; i < 20; i++) await reportWithPersonalData(300 + i);
    await steady.until((c) => c.seq === server.app.projections.seq);

    flaky.socket.connect();
    await new Promise<void>((resolve) => flaky.socket.once("connect", () => resolve()));
    const ack = await flaky.subscribe(lastSeq, "counts");
    expect(ack).toMatchObject({ ok: true, mode: "replay", level: "counts" });
    await flaky.until((c) => c.seq === steady.seq);
    const replay = flaky.deltas.slice(deltasBefore).find((d) => d.delta.replayFrom === lastSeq);
    expect(replay?.delta.events).toEqual([]);
    expect(replay?.delta.tickets).toEqual([]);
    await vi.waitFor(() => expect(flaky.nonZero()).toEqual(steady.nonZero()), { timeout: 5000 });
    expect(flaky.units.network).toEqual(server.app.projections.counts("network"));
  });

  it("resyncs every screen with one snapshot built per unit, each at its own level", async () => {
    const full = [client(), client(), client()];
    const counts = client("minister");
    const officer = client("se.gorakhpur");
    for (const c of full) expect((await c.subscribe()).level).toBe("full");
    expect((await counts.subscribe()).level).toBe("counts");
    expect((await officer.subscribe(undefined, "full")).level).toBe("masked");
    for (let i = 0; i < 3; i++) expect((await reportWithPersonalData(i)).status).toBe(201);
    const open = () => server.app.projections.counts("network").open;
    for (const c of [...full, counts]) await c.until((x) => x.open("network") === open());

    const before = server.app.hub.stats.resyncs;
    const watchers = [...full, counts, officer];
    const seen = watchers.map((c) => c.snapshots);
    await server.app.hub.resyncAll();
    for (const [i, c] of watchers.entries()) await c.until((x) => x.snapshots === seen[i] + 1);
    // Two units are watched (the network and the officer's circle): two snapshots, not five.
    expect(server.app.hub.stats.resyncs - before).toBe(2);
    const last = (c: LiveTestClient) =>
      JSON.parse(c.frames[c.frames.length - 1]) as {
        unitId: string;
        recent: { excerpt?: string }[];
      };
    for (const c of full) {
      expect(last(c).unitId).toBe("network");
      expect(last(c).recent.length).toBeGreaterThan(0);
      expect(c.frames[c.frames.length - 1]).toContain(NAME);
    }
    // Each level's snapshot is redacted for that level.
    expect(last(counts).recent).toEqual([]);
    expect(counts.frames[counts.frames.length - 1]).not.toContain(NAME);
    expect(last(officer).unitId).not.toBe("network");
  });
});
