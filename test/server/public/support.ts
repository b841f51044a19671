import type { NigraniApp } from "../../../server/app.js";
import { raiseIncident } from "../../../server/incidents/commands.js";
import type { Unit } from "../../../shared/network.js";
import { postReport } from "../../support/server.js";

/** A seeded consumer on a feeder (account, name and phone as the store holds them). */
export async function consumerOn(app: NigraniApp, feeder: Unit, rnd = 0.5) {
  const c = await app.store.consumerOnFeeder(feeder.id, rnd);
  if (!c) throw new Error(`no consumer on ${feeder.id}`);
  return c;
}

/**
 * A feeder outage as the watcher would raise it: supply-cut reports from seeded consumers on the
 * feeder (with their accounts and phones, as a call centre files them), then the incident.
 */
export async function raiseOutageOn(url: string, app: NigraniApp, feeder: Unit, reports = 3) {
  const reporters = [];
  for (let i = 0; i < reports; i++) {
    const c = await consumerOn(app, feeder, (i + 0.5) / reports);
    reporters.push(c);
    await postReport(url, {
      channel: "call_centre",
      text: `No supply since morning, account ${c.account}, call me on ${c.phone}`,
      consumerAccount: c.account,
      phone: c.phone,
      lat: feeder.lat,
      lon: feeder.lon,
      category: "supply_cut",
    });
  }
  const substationId = feeder.parentId!;
  const { incident } = await raiseIncident(
    app.intake,
    { substationId, feederIds: [feeder.id], reports },
    await app.store.consumersOn([feeder.id]),
  );
  if (!incident) throw new Error("no incident raised");
  return { incident, reporters };
}
