import type { NigraniApp } from "../../server/app.js";
import { generateReports } from "../../server/sim/index.js";
import type { ReportInput } from "../../shared/schemas.js";

/**
 * `n` simulated reports on the app's network (seed 9, 1,200 an hour with a storm every two hours),
 * each from a consumer on its feeder: the load every bench part files. Received now, each with its
 * own external id (`<prefix>-<i>`), as a channel would deliver them.
 */
export async function benchReports(
  app: NigraniApp,
  n: number,
  prefix: string,
): Promise<ReportInput[]> {
  const reports = await generateReports(
    {
      seed: 9,
      ratePerHour: 1200,
      stormsPerHour: 0.5,
      feeders: app.network.feeders,
      units: app.network.units,
      districtNames: new Map(
        [...app.network.districts.values()].map((d) => [d.id, { name: d.name, nameHi: d.nameHi }]),
      ),
      consumerOn: async (feederId: string, rnd: number) => {
        const c = await app.store.consumerOnFeeder(feederId, rnd);
        return c ? { account: c.account, feederId: c.feeder_id, phone: c.phone } : null;
      },
      now: () => new Date(),
    },
    n,
    new Date(),
  );
  return reports.map((r, i) => ({ ...r, receivedAt: undefined, externalId: `${prefix}-${i}` }));
}
