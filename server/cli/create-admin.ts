import { ROOT_UNIT_ID } from "../../shared/domain.js";
import { userCreateSchema } from "../../shared/access.js";
import { Access } from "../access/access.js";
import { UserError } from "../access/users.js";
import { systemClock } from "../clock/clock.js";
import { loadConfig } from "../config.js";
import { loadDistricts } from "../network/districts.js";
import { Network } from "../network/loaded-network.js";
import { Officers } from "../officers/officers.js";
import { openStore, storeName, type StoreConfig } from "../store/open.js";

/**
 * The first administrator of a production store, which seeds no demo users. The password comes
 * from NIGRANI_ADMIN_PASSWORD, never the command line (where `ps` would show it).
 */
export async function createAdmin(
  where: StoreConfig,
  input: { username: string; name: string; password: string },
): Promise<{ ok: true } | { ok: false; problems: string[] }> {
  const parsed = userCreateSchema.safeParse({ ...input, role: "admin", unitId: ROOT_UNIT_ID });
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    };
  const store = await openStore(where);
  try {
    const network = new Network(await store.loadUnits(), loadDistricts());
    if (!network.unit(ROOT_UNIT_ID))
      return { ok: false, problems: ["the store has no network yet: start the server once first"] };
    const officers = await Officers.load(store.kysely);
    const access = new Access(store.kysely, network, officers, systemClock, {
      idleMs: 1,
      absoluteMs: 1,
    });
    await access.users.create(parsed.data, systemClock.now().toISOString());
    await access.audit.record(
      "user_created",
      { actor: "system:create-admin", address: "local" },
      {
        username: parsed.data.username,
        role: "admin",
      },
    );
    return { ok: true };
  } catch (err) {
    if (err instanceof UserError) return { ok: false, problems: [`${err.field}: ${err.message}`] };
    throw err;
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const [username, ...name] = process.argv.slice(2);
  const password = process.env.NIGRANI_ADMIN_PASSWORD ?? "";
  if (!username || name.length === 0 || !password) {
    console.error('usage: NIGRANI_ADMIN_PASSWORD=... npm run create-admin -- USERNAME "Full name"');
    process.exit(2);
  }
  const config = loadConfig();
  const result = await createAdmin(config, { username, name: name.join(" "), password });
  if (!result.ok) {
    for (const p of result.problems) console.error(p);
    process.exit(1);
  }
  console.log(`administrator ${username} created in ${storeName(config)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
