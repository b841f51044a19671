import type { Logger } from "pino";
import type { Kysely } from "kysely";
import { CHANNELS, ROOT_UNIT_ID } from "../../shared/domain.js";
import type { DemoInfo, Role } from "../../shared/access.js";
import type { Clock } from "../clock/clock.js";
import type { Network } from "../network/loaded-network.js";
import type { Officers } from "../officers/officers.js";
import type { Database } from "../store/schema.js";
import { AuditLog } from "./audit.js";
import { ApiKeys } from "./keys.js";
import { hashPassword } from "./passwords.js";
import { Sessions, type SessionLimits } from "./sessions.js";
import { SignInLimiter } from "./sign-in-limiter.js";
import { Users } from "./users.js";

/** Everything that decides who is who: users, sessions, keys, the audit log, the sign-in limiter. */
export class Access {
  readonly users: Users;
  readonly sessions: Sessions;
  readonly keys: ApiKeys;
  readonly audit: AuditLog;
  readonly signInLimiter = new SignInLimiter();
  demo: DemoInfo = { demo: false, users: [] };

  constructor(
    db: Kysely<Database>,
    network: Network,
    officers: Officers,
    clock: Clock,
    limits: SessionLimits,
  ) {
    this.users = new Users(db, network, officers);
    this.sessions = new Sessions(db, clock, limits);
    this.keys = new ApiKeys(db, clock);
    this.audit = new AuditLog(db, clock);
  }
}

export const DEMO_KEY_NAME = "demo intake";

/** The demo users the issue names: one per role, two officers with a real place in the hierarchy. */
function demoUsers(network: Network, officers: Officers) {
  const officerIn = (role: string, kind: string, district: string) =>
    officers
      .all()
      .find(
        (o) =>
          o.role === role &&
          network.unit(o.unit_id)?.kind === kind &&
          network.unit(o.unit_id)?.districtId === district,
      );
  const users: Array<{
    username: string;
    name: string;
    role: Role;
    unitId: string;
    officerId?: string;
  }> = [
    { username: "admin", name: "Demo administrator", role: "admin", unitId: ROOT_UNIT_ID },
    { username: "control", name: "Demo control room", role: "control_room", unitId: ROOT_UNIT_ID },
    { username: "minister", name: "Demo minister", role: "minister", unitId: ROOT_UNIT_ID },
    { username: "agent", name: "Demo 1912 agent", role: "call_centre", unitId: ROOT_UNIT_ID },
  ];
  for (const [username, role, kind, district] of [
    ["se.gorakhpur", "se", "circle", "gorakhpur"],
    ["xen.varanasi", "xen", "division", "varanasi"],
  ] as const) {
    const o = officerIn(role, kind, district);
    if (o)
      users.push({ username, name: o.name, role: "officer", unitId: o.unit_id, officerId: o.id });
  }
  return users;
}

/**
 * Demo mode: seeds one user per role (password DEMO_PASSWORD) and the intake key DEMO_INTAKE_KEY,
 * once; they are flagged `demo`, and production refuses to start while any exists.
 */
export async function seedDemo(
  access: Access,
  network: Network,
  officers: Officers,
  opts: { password: string; intakeKey: string; at: string; log: Logger },
): Promise<void> {
  const wanted = demoUsers(network, officers);
  let hash: string | undefined;
  for (const u of wanted) {
    if (await access.users.byUsername(u.username)) continue;
    // One hash for all demo users: they share the demo password anyway, and scrypt is slow on purpose.
    hash ??= await hashPassword(opts.password);
    await access.users.create({ ...u, password: opts.password }, opts.at, { demo: true, hash });
  }
  if (!(await access.keys.byName(DEMO_KEY_NAME))) {
    await access.keys.create(
      { name: DEMO_KEY_NAME, channels: [...CHANNELS], ratePerMinute: 6000 },
      "system:demo",
      opts.intakeKey,
    );
  }
  access.demo = {
    demo: true,
    users: wanted.map((u) => ({ username: u.username, role: u.role, unitId: u.unitId })),
  };
  if (hash)
    opts.log.info(
      { users: wanted.map((u) => u.username) },
      "demo users seeded (password from DEMO_PASSWORD)",
    );
}
