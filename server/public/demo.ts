import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Network } from "../network/loaded-network.js";
import type { Officers } from "../officers/officers.js";
import type { Database } from "../store/schema.js";
import type { PublicContacts } from "./contacts.js";

/** Who the demo's published choices are recorded as made by. */
const DEMO_ACTOR = "system:demo";

/**
 * The demo's public contacts, on a first start with none chosen yet: Buxar published every
 * officer's mobile number (as the real district did), so its officers' numbers are public; every
 * sub-division gets a synthetic fuse-call number (91000 and five digits from its id, like the
 * generated officers' 90000 numbers). Elsewhere numbers stay private until an administrator
 * publishes them.
 */
export async function seedDemoContacts(
  db: Kysely<Database>,
  network: Network,
  officers: Officers,
  contacts: PublicContacts,
  at: string,
): Promise<void> {
  const chosen =
    (await db.selectFrom("public_officer_phones").select("officer_id").limit(1).execute()).length +
    (await db.selectFrom("fuse_call_centres").select("unit_id").limit(1).execute()).length;
  if (chosen > 0) return;
  const buxar = [...network.districts.values()].find((d) => d.name === "Buxar");
  // One transaction: a few hundred rows, one durable commit.
  await db.transaction().execute(async (trx) => {
    for (const o of officers.all()) {
      if (buxar && network.unit(o.unit_id)?.districtId === buxar.id)
        await contacts.setPublished(trx, o.id, true, DEMO_ACTOR, at);
    }
    for (const u of network.units.values()) {
      if (u.kind !== "subdivision") continue;
      const n = parseInt(createHash("sha1").update(u.id).digest("hex").slice(0, 8), 16) % 100_000;
      await contacts.setFuseCall(trx, u.id, `91000${String(n).padStart(5, "0")}`, DEMO_ACTOR, at);
    }
  });
}
