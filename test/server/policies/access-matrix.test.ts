import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Unit } from "../../../shared/network.js";
import { apiJson, postReport, startTestServer, type TestServer } from "../../support/server.js";
import { LiveTestClient } from "../../support/live-client.js";
import type { DemoUser } from "../../support/auth.js";

/**
 * FixMyStreet's permission matrix, per unit: every demo user x a unit of their own, a child, a
 * sibling and another discom x read, act, shutdowns, subscribe, summary, administer, publish and
 * file (a report), each cell's exact status computed from one table of what each role may do.
 * Outside your area is 404, not 403.
 */
type Place = "own" | "child" | "sibling" | "otherDiscom";
type Action =
  | "read"
  | "act"
  | "shutdown"
  | "cancelShutdown"
  | "shutdowns"
  | "subscribe"
  | "summary"
  | "administer"
  | "publish"
  | "file";
const PLACES: Place[] = ["own", "child", "sibling", "otherDiscom"];
const ACTIONS: Action[] = [
  "read",
  "act",
  "shutdown",
  "cancelShutdown",
  "shutdowns",
  "subscribe",
  "summary",
  "administer",
  "publish",
  "file",
];

/** What each role may do, anywhere in its area (the policy's table, restated as the test's oracle). */
type Ability = "read" | "act" | "subscribe" | "summary" | "administer" | "file";
const MAY: Record<DemoUser, Record<Ability, boolean>> = {
  admin: { read: true, act: true, subscribe: true, summary: true, administer: true, file: true },
  control: { read: true, act: true, subscribe: true, summary: true, administer: false, file: true },
  // Officers act on what reaches them; reports come in through the channels and the call centre.
  "se.gorakhpur": {
    read: true,
    act: true,
    subscribe: true,
    summary: true,
    administer: false,
    file: false,
  },
  "xen.varanasi": {
    read: true,
    act: true,
    subscribe: true,
    summary: true,
    administer: false,
    file: false,
  },
  // The call centre looks tickets up (read by number) and files reports, but does not act.
  agent: { read: true, act: false, subscribe: true, summary: true, administer: false, file: true },
  minister: {
    read: false,
    act: false,
    subscribe: true,
    summary: true,
    administer: false,
    file: false,
  },
};
const USERS = Object.keys(MAY) as DemoUser[];

/** The ability each action needs, and whether it is asked within the place's unit. */
const NEEDS: Record<Action, { ability: Ability; perUnit: boolean }> = {
  read: { ability: "read", perUnit: true },
  act: { ability: "act", perUnit: true },
  // Scheduling or cancelling a planned shutdown is acting on the unit's feeders.
  shutdown: { ability: "act", perUnit: true },
  cancelShutdown: { ability: "act", perUnit: true },
  // The list of a unit's shutdowns is summary data (no personal data in it).
  shutdowns: { ability: "summary", perUnit: true },
  subscribe: { ability: "subscribe", perUnit: true },
  summary: { ability: "summary", perUnit: true },
  // Administration is not per unit (the users of the system)...
  administer: { ability: "administer", perUnit: false },
  // ...but publishing a unit's fuse-call number on the public page is.
  publish: { ability: "administer", perUnit: true },
  // Filing a report (the report lane) is not per unit: a report may concern any feeder.
  file: { ability: "file", perUnit: false },
};

let server: TestServer;
/** Per user: the unit for each place, and a ticket placed under it. */
const places = new Map<DemoUser, Record<Place, { unit: Unit; ticket: string }>>();
const userUnit = new Map<DemoUser, string>();

function feederUnder(unitId: string): Unit {
  const f = server.app.network.feeders.find((x) => x.path.includes(unitId));
  if (!f) throw new Error(`no feeder under ${unitId}`);
  return f;
}

async function ticketUnder(unitId: string, i: number): Promise<string> {
  const f = feederUnder(unitId);
  const r = await postReport(server.url, {
    channel: "call_centre",
    text: `matrix ${unitId} ${i}`,
    category: "pole_wire",
    lat: f.lat,
    lon: f.lon,
    phone: `97${String(1000000 + i).padStart(8, "0")}`,
  });
  expect(r.status).toBe(201);
  return r.body.ticket!.number;
}

beforeAll(async () => {
  server = await startTestServer();
  const net = server.app.network;
  const unitOf = (id: string) => net.unit(id)!;
  const discoms = [...net.units.values()].filter((u) => u.kind === "discom");
  let i = 0;
  for (const user of USERS) {
    const me = await apiJson<{ user: { unitId: string } }>(
      server.url,
      "/api/v1/session",
      "GET",
      undefined,
      user,
    );
    const own = unitOf(me.body.user.unitId);
    userUnit.set(user, own.id);
    const child = unitOf(net.childrenOf(own.id)[0]);
    const myDiscom = own.path.find((id) => unitOf(id).kind === "discom");
    // A unit of the same kind nearby (same parent if there is one, else the same discom).
    const sameKind = [...net.units.values()].filter(
      (u) => u.kind === own.kind && u.id !== own.id && (!myDiscom || u.path.includes(myDiscom)),
    );
    const siblingId = (sameKind.find((u) => u.parentId === own.parentId) ?? sameKind[0] ?? child)
      .id;
    const other = discoms.find((d) => d.id !== myDiscom && !own.path.includes(d.id)) ?? discoms[0];
    const units: Record<Place, Unit> = {
      own,
      child,
      sibling: unitOf(siblingId),
      otherDiscom: other,
    };
    const row = {} as Record<Place, { unit: Unit; ticket: string }>;
    for (const p of PLACES)
      row[p] = { unit: units[p], ticket: await ticketUnder(units[p].id, i++) };
    places.set(user, row);
  }
}, 120_000);
afterAll(() => server.close());

/** Whether a unit is inside the user's area (their unit is on its path). */
const inArea = (user: DemoUser, unit: Unit) => unit.path.includes(userUnit.get(user)!);

async function attempt(user: DemoUser, action: Action, place: Place): Promise<number | string> {
  const { unit, ticket } = places.get(user)![place];
  switch (action) {
    case "read":
      return (await apiJson(server.url, `/api/v1/tickets/${ticket}`, "GET", undefined, user))
        .status;
    case "act":
      return (
        await apiJson(
          server.url,
          `/api/v1/tickets/${ticket}/actions`,
          "POST",
          { type: "note", text: "matrix note" },
          user,
        )
      ).status;
    case "shutdown": {
      // Scheduling a planned shutdown is acting on the unit's feeders.
      const res = await apiJson(
        server.url,
        "/api/v1/shutdowns",
        "POST",
        {
          feederIds: [feederUnder(unit.id).id],
          reason: "Matrix maintenance",
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 90_000_000).toISOString(),
        },
        user,
      );
      return res.status === 201 ? 200 : res.status;
    }
    case "cancelShutdown": {
      // One scheduled by the administrator on the unit's feeder, then cancelled by the user.
      const made = await apiJson<{ shutdown: { id: string } }>(
        server.url,
        "/api/v1/shutdowns",
        "POST",
        {
          feederIds: [feederUnder(unit.id).id],
          reason: "Matrix maintenance",
          startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 2 * 86_400_000 + 3_600_000).toISOString(),
        },
        "admin",
      );
      expect(made.status).toBe(201);
      const path = `/api/v1/shutdowns/${made.body.shutdown.id}/cancel`;
      return (await apiJson(server.url, path, "POST", {}, user)).status;
    }
    case "shutdowns":
      return (
        await apiJson(server.url, `/api/v1/shutdowns?unit=${unit.id}`, "GET", undefined, user)
      ).status;
    case "publish": {
      const path = `/api/v1/fuse-call-centres/${unit.id}`;
      return (await apiJson(server.url, path, "PUT", { phone: null }, user)).status;
    }
    case "summary":
      return (
        await apiJson(server.url, `/api/v1/units/${unit.id}/children`, "GET", undefined, user)
      ).status;
    case "file": {
      const f = feederUnder(unit.id);
      const res = await apiJson(
        server.url,
        "/api/v1/reports",
        "POST",
        { channel: "call_centre", text: `matrix filing ${user} ${place}`, lat: f.lat, lon: f.lon },
        user,
      );
      return res.status === 201 ? 200 : res.status;
    }
    case "administer":
      // Administration is not per unit; the cell asks for the users of the system.
      return (await apiJson(server.url, "/api/v1/users", "GET", undefined, user)).status;
    case "subscribe": {
      const c = new LiveTestClient(server.url, unit.id, user);
      try {
        const ack = await c.subscribe();
        return ack.ok ? "ok" : (ack.error?.code ?? "refused");
      } finally {
        c.close();
      }
    }
  }
}

function expected(user: DemoUser, action: Action, place: Place): number | string {
  const { unit } = places.get(user)![place];
  const { ability, perUnit } = NEEDS[action];
  const allowed = MAY[user][ability] && (!perUnit || inArea(user, unit));
  if (action === "subscribe") return allowed ? "ok" : "not_found";
  return allowed ? 200 : 404;
}

describe("who may see and do what, per role and unit", () => {
  for (const user of USERS)
    for (const action of ACTIONS)
      for (const place of PLACES)
        it(`${user} ${action} ${place}`, async () => {
          expect(await attempt(user, action, place)).toBe(expected(user, action, place));
        });

  it("covers a sibling and another discom outside each officer's area", () => {
    for (const user of ["se.gorakhpur", "xen.varanasi"] as const) {
      expect(inArea(user, places.get(user)!.sibling.unit)).toBe(false);
      expect(inArea(user, places.get(user)!.otherDiscom.unit)).toBe(false);
      expect(inArea(user, places.get(user)!.child.unit)).toBe(true);
    }
  });

  it("filters the ticket list with no unit to the viewer's area", async () => {
    const se = await apiJson<{ tickets: Array<{ path: string[] }> }>(
      server.url,
      "/api/v1/tickets?limit=200",
      "GET",
      undefined,
      "se.gorakhpur",
    );
    expect(se.status).toBe(200);
    expect(se.body.tickets.length).toBeGreaterThan(0);
    for (const t of se.body.tickets) expect(t.path).toContain(userUnit.get("se.gorakhpur"));
    const all = await apiJson<{ total: number }>(
      server.url,
      "/api/v1/tickets?limit=1",
      "GET",
      undefined,
      "control",
    );
    expect(all.body.total).toBeGreaterThan(se.body.tickets.length);
  });

  it("refuses anonymous callers with 401 on staff routes", async () => {
    for (const path of ["/api/v1/tickets", "/api/v1/summary", "/api/v1/users", "/api/v1/settings"])
      expect((await apiJson(server.url, path, "GET", undefined, null)).status).toBe(401);
  });

  it("writes refused authorisations to the audit log", async () => {
    const sibling = places.get("xen.varanasi")!.sibling.ticket;
    await apiJson(server.url, `/api/v1/tickets/${sibling}`, "GET", undefined, "xen.varanasi");
    const log = await apiJson<{ entries: Array<{ actor: string; detail: { path: string } }> }>(
      server.url,
      "/api/v1/audit?kind=refused&actor=user:xen.varanasi",
      "GET",
    );
    expect(log.body.entries.some((e) => e.detail.path.includes(sibling))).toBe(true);
  });

  it("gives a minister's live screen counts but no tickets or feed", async () => {
    const c = new LiveTestClient(server.url, undefined, "minister");
    const snapshots: Array<{ recent: unknown[]; urgent: unknown[]; unit: { open: number } }> = [];
    c.socket.on("snapshot", (s) => snapshots.push(s));
    expect((await c.subscribe()).ok).toBe(true);
    await c.until(() => snapshots.length > 0);
    expect(snapshots[0].unit.open).toBeGreaterThan(0);
    expect(snapshots[0].recent).toEqual([]);
    expect(snapshots[0].urgent).toEqual([]);
    c.close();
  });
});
