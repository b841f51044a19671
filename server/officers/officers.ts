import type { Kysely, Selectable } from "kysely";
import type { Database, OfficerTable } from "../store/schema.js";
import type { Network } from "../network/loaded-network.js";
import { ROLE_UNIT_KIND, type OfficerRole } from "./roles.js";

export type OfficerRow = Selectable<OfficerTable>;

/**
 * The officers, held in memory (a few thousand rows) and kept in the store. Finding "the JE of
 * this feeder's substation" is a walk up the feeder's path.
 */
export class Officers {
  private byId = new Map<string, OfficerRow>();
  private byUnitRole = new Map<string, OfficerRow>();

  /** Called after this process changed an officer (a cluster tells its other nodes to reload). */
  onChanged: (() => void) | null = null;

  constructor(rows: OfficerRow[]) {
    this.fill(rows);
  }

  private fill(rows: OfficerRow[]): void {
    this.byId = new Map();
    this.byUnitRole = new Map();
    for (const o of rows) {
      this.byId.set(o.id, o);
      this.byUnitRole.set(`${o.unit_id}:${o.role}`, o);
    }
  }

  /** Reloads from the store in place (another node changed an officer). */
  async refresh(db: Kysely<Database>): Promise<void> {
    this.fill(await db.selectFrom("officers").selectAll().execute());
  }

  static async load(db: Kysely<Database>): Promise<Officers> {
    return new Officers(await db.selectFrom("officers").selectAll().execute());
  }

  static async replaceAll(db: Kysely<Database>, rows: OfficerRow[]): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom("officers").execute();
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto("officers")
          .values(rows.slice(i, i + 500))
          .execute();
    });
  }

  get(id: string | null | undefined): OfficerRow | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  all(): OfficerRow[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }

  /** The officer holding `role` over a unit on `path` (e.g. the JE of the feeder's substation). */
  holder(network: Network, path: string[], role: OfficerRole): OfficerRow | undefined {
    const kind = ROLE_UNIT_KIND[role];
    for (const id of path) {
      if (network.unit(id)?.kind === kind) return this.byUnitRole.get(`${id}:${role}`);
    }
    return undefined;
  }

  /** Who actually acts: the officer, or their stand-in while they are on leave. */
  acting(officer: OfficerRow | undefined): OfficerRow | undefined {
    let o = officer;
    for (let hops = 0; o?.on_leave && o.stand_in_id && hops < 5; hops++)
      o = this.byId.get(o.stand_in_id);
    return o;
  }

  async setLeave(
    db: Kysely<Database>,
    id: string,
    onLeave: boolean,
    standInId: string | null,
  ): Promise<OfficerRow> {
    const o = this.byId.get(id);
    if (!o) throw new Error(`no officer ${id}`);
    const updated = { ...o, on_leave: onLeave ? 1 : 0, stand_in_id: onLeave ? standInId : null };
    await db
      .updateTable("officers")
      .set({ on_leave: updated.on_leave, stand_in_id: updated.stand_in_id })
      .where("id", "=", id)
      .execute();
    this.byId.set(id, updated);
    this.byUnitRole.set(`${o.unit_id}:${o.role}`, updated);
    this.onChanged?.();
    return updated;
  }
}
