import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raiseIncident } from "../../../server/incidents/commands.js";
import type { IncidentNoticesResponse } from "../../../shared/notices.js";
import type { Unit } from "../../../shared/network.js";
import { signIn } from "../../support/auth.js";
import { apiJson, startTestServer, type TestServer } from "../../support/server.js";
import { channelConfig, postWhatsapp, whatsappDelivery } from "../intake/support.js";

/** The outage-notice endpoints and STOP on WhatsApp, through the real server. */
let server: TestServer;
let feeder: Unit;
let incidentId: string;

beforeAll(async () => {
  server = await startTestServer({ config: { ...channelConfig, OUTAGE_NOTICES: "confirmed" } });
  // The busiest feeder outside the Varanasi officer's division, so the refusal below is certain.
  const officer = await signIn(server.url, "xen.varanasi");
  const counts = await server.app.store.consumersPerFeeder();
  const [id] = [...counts]
    .filter(([f]) => !server.app.network.unit(f)?.path.includes(officer.user.unitId))
    .sort((a, b) => b[1] - a[1])[0];
  feeder = server.app.network.unit(id)!;
  const filed = await apiJson(server.url, "/api/v1/reports", "POST", {
    channel: "call_centre",
    text: "No supply",
    category: "supply_cut",
    lat: feeder.lat,
    lon: feeder.lon,
    phone: "9812300011",
  });
  expect(filed.status).toBe(201);
  const { incident } = await raiseIncident(
    server.app.intake,
    { substationId: feeder.parentId!, feederIds: [feeder.id], reports: 1 },
    counts.get(feeder.id) ?? 0,
  );
  incidentId = incident!.id;
});
afterAll(() => server.close());

describe("POST /api/v1/incidents/:id/announcement", () => {
  it("refuses an officer outside the outage's unit and a minister with 404, and names a bad time with 400", async () => {
    const officer = await signIn(server.url, "xen.varanasi");
    const path = server.app.network.unit(feeder.id)!.path;
    if (!path.includes(officer.user.unitId)) {
      const refused = await apiJson(
        server.url,
        `/api/v1/incidents/${incidentId}/announcement`,
        "POST",
        { crewAssigned: true },
        "xen.varanasi",
      );
      expect(refused.status).toBe(404);
    }
    const minister = await apiJson(
      server.url,
      `/api/v1/incidents/${incidentId}/announcement`,
      "POST",
      { crewAssigned: true },
      "minister",
    );
    expect(minister.status).toBe(404);
    const bad = await apiJson<{ error: { fields: Record<string, string> } }>(
      server.url,
      `/api/v1/incidents/${incidentId}/announcement`,
      "POST",
      { restoreBy: "tonight" },
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(["restoreBy"]);
  });

  it("in confirmed mode announces only when the control room confirms, and reports the counts", async () => {
    const before = await apiJson<IncidentNoticesResponse>(
      server.url,
      `/api/v1/incidents/${incidentId}/notices`,
      "GET",
    );
    expect(before.body.notices.announcedAt).toBeNull();
    expect(before.body.notices.outage.planned).toBe(0);
    const res = await apiJson<IncidentNoticesResponse>(
      server.url,
      `/api/v1/incidents/${incidentId}/announcement`,
      "POST",
      { crewAssigned: true, restoreBy: "2030-01-01T12:00:00+05:30" },
      "control",
    );
    expect(res.status).toBe(200);
    expect(res.body.notices).toMatchObject({
      crewAssigned: true,
      restoreBy: "2030-01-01T06:30:00.000Z",
    });
    expect(res.body.notices.announcedAt).not.toBeNull();
    const consumers = (await server.app.store.consumersPerFeeder()).get(feeder.id) ?? 0;
    expect(res.body.notices.outage.waiting).toBeGreaterThanOrEqual(consumers);
  });
});

describe("STOP on WhatsApp", () => {
  it("records the opt-out, confirms it once, files no complaint, and START undoes it", async () => {
    const from = "919812300077";
    const stop = whatsappDelivery({
      from,
      id: "wamid.STOP-1",
      timestamp: "1767225600",
      type: "text",
      text: { body: "STOP" },
    });
    expect((await postWhatsapp(server.url, stop)).status).toBe(200);
    expect((await postWhatsapp(server.url, stop)).status).toBe(200);
    const db = server.app.store.kysely;
    expect(await db.selectFrom("notice_opt_outs").selectAll().execute()).toMatchObject([
      { recipient_key: "9812300077", channel: "whatsapp" },
    ]);
    const replies = await db
      .selectFrom("outbox")
      .selectAll()
      .where("kind", "=", "notice_preference")
      .execute();
    expect(replies).toHaveLength(1);
    expect(
      await server.app.store.findReportByExternalId("whatsapp", "wamid.STOP-1"),
    ).toBeUndefined();
    const start = whatsappDelivery({
      from,
      id: "wamid.START-1",
      timestamp: "1767225700",
      type: "text",
      text: { body: "start" },
    });
    expect((await postWhatsapp(server.url, start)).status).toBe(200);
    expect(await db.selectFrom("notice_opt_outs").selectAll().execute()).toEqual([]);
  });
});
