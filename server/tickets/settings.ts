import type { Kysely } from "kysely";
import { CATEGORIES, type CategoryId } from "../../shared/domain.js";
import type { SettingsUpdate } from "../../shared/schemas.js";
import type { OfficerRole } from "../officers/roles.js";
import type { Database } from "../store/schema.js";
import { DEFAULT_SLA_LIMITS, type SlaLimit } from "./sla.js";

export interface RoutingRule {
  category: CategoryId;
  role: OfficerRole;
  unitId?: string;
}

/**
 * Technical complaints go to the JE of the feeder's substation; commercial ones to the SDO of the
 * sub-division. A discom that reorganises (Lucknow's functional verticals, 2025) adds rules with
 * a unitId, which win for tickets under that unit.
 */
export const DEFAULT_ROUTING: RoutingRule[] = Object.values(CATEGORIES).map((c) => ({
  category: c.id,
  role: c.wing === "technical" ? "je" : "sdo",
}));

export interface LifecycleSettings {
  routing: RoutingRule[];
  slaLimits: SlaLimit[];
  /** A resolved ticket with no answer from the consumer within this time closes as unconfirmed. */
  confirmWindowHours: number;
  /** Wrong OTPs allowed before the code is locked (the consumer must answer the feedback request). */
  otpMaxAttempts: number;
}

export const DEFAULT_SETTINGS: LifecycleSettings = {
  routing: DEFAULT_ROUTING,
  slaLimits: DEFAULT_SLA_LIMITS,
  confirmWindowHours: 72,
  otpMaxAttempts: 5,
};

/** Settings live in the store so an administrator's change survives restarts; reads are in memory. */
export class SettingsStore {
  private current: LifecycleSettings = DEFAULT_SETTINGS;
  /** Called after this process changed the settings (a cluster tells its other nodes to reload). */
  onChanged: (() => void) | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  async load(): Promise<void> {
    const row = await this.db
      .selectFrom("settings")
      .select("value")
      .where("key", "=", "lifecycle")
      .executeTakeFirst();
    this.current = row
      ? { ...DEFAULT_SETTINGS, ...(JSON.parse(row.value) as Partial<LifecycleSettings>) }
      : DEFAULT_SETTINGS;
  }

  get(): LifecycleSettings {
    return this.current;
  }

  async update(patch: SettingsUpdate, at: string): Promise<LifecycleSettings> {
    const next = { ...this.current, ...patch } as LifecycleSettings;
    const value = JSON.stringify(next);
    await this.db
      .insertInto("settings")
      .values({ key: "lifecycle", value, updated_at: at })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: at }))
      .execute();
    this.current = next;
    this.onChanged?.();
    return next;
  }
}

/** The routing rule for a ticket: the most specific unit rule on its path, else the general one. */
export function ruleFor(
  routing: RoutingRule[],
  category: CategoryId,
  path: string[],
): RoutingRule | undefined {
  let best: RoutingRule | undefined;
  let depth = -1;
  for (const r of routing) {
    if (r.category !== category) continue;
    const d = r.unitId ? path.indexOf(r.unitId) : 0;
    if (r.unitId && d < 0) continue;
    if (d > depth || (d === depth && !r.unitId)) {
      best = r;
      depth = d;
    }
  }
  return best;
}
