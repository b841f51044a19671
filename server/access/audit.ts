import type { Kysely } from "kysely";
import type { AuditEntry, AuditKind, AuditPage, AuditQuery } from "../../shared/access.js";
import type { Clock } from "../clock/clock.js";
import type { Database } from "../store/schema.js";

/** Who did it, from where: written for sign-ins, refusals and every change to access or settings. */
export interface AuditSource {
  actor: string;
  address: string;
}

/** The audit log (ASVS 16.3): append-only, read by admins on /audit. */
export class AuditLog {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async record(
    kind: AuditKind,
    source: AuditSource,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    await this.db
      .insertInto("audit_log")
      .values({
        at: this.clock.now().toISOString(),
        kind,
        actor: source.actor.slice(0, 120),
        address: source.address.slice(0, 80),
        detail: JSON.stringify(detail).slice(0, 4000),
      })
      .execute();
  }

  async page(q: AuditQuery): Promise<AuditPage> {
    const limit = q.limit ?? 100;
    let query = this.db
      .selectFrom("audit_log")
      .selectAll()
      .orderBy("id", "desc")
      .limit(limit + 1);
    if (q.kind) query = query.where("kind", "=", q.kind);
    if (q.actor) query = query.where("actor", "=", q.actor);
    if (q.from) query = query.where("at", ">=", new Date(q.from).toISOString());
    if (q.to) query = query.where("at", "<", new Date(q.to).toISOString());
    if (q.cursor) query = query.where("id", "<", q.cursor);
    const rows = await query.execute();
    const entries: AuditEntry[] = rows.slice(0, limit).map((r) => ({
      id: Number(r.id),
      at: r.at,
      kind: r.kind as AuditKind,
      actor: r.actor,
      address: r.address,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
    return {
      entries,
      nextCursor: rows.length > limit ? entries[entries.length - 1].id : null,
    };
  }
}
