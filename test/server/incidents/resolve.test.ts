import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveIncident } from "../../../server/incidents/commands.js";
import { startTestServer, type TestServer } from "../../support/server.js";
import { raiseOutageOn } from "../public/support.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("resolving an incident whose tickets were all closed on their own", () => {
  it("reaches the bus all the same: the map drops its marker and its newest ticket keeps the note", async () => {
    const { app } = server;
    const { incident } = await raiseOutageOn(server.url, app, app.network.feeders[12]);
    expect(app.projections.incidentsUnder("network").map((i) => i.id)).toContain(incident.id);
    await app.store.kysely
      .updateTable("tickets")
      .set({ status: "closed" })
      .where("incident_id", "=", incident.id)
      .execute();
    const res = await resolveIncident(
      app.intake,
      incident.id,
      "Supply restored at 33 kV",
      "user:xen",
    );
    expect(res.ticketsResolved).toBe(0);
    // The projections hear of incidents only from the bus: the control room's marker is gone.
    expect(res.changes[0].incident?.status).toBe("resolved");
    expect(app.projections.incidentsUnder("network").map((i) => i.id)).not.toContain(incident.id);
    const newest = res.changes[0].after;
    expect(newest.status).toBe("closed");
    const events = await app.store.eventsOfTicket(newest.id);
    expect(events.at(-1)).toMatchObject({ type: "note", actor: "user:xen" });
    expect(JSON.parse(events.at(-1)!.data)).toEqual({
      text: "Supply restored at 33 kV",
      incident: incident.id,
    });
    expect(res.incident.last_seq).toBe(events.at(-1)!.seq);
  });
});
