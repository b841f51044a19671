import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { ApiKeyCreateInput, ApiKeyView } from "../../shared/access.js";
import type { Clock } from "../clock/clock.js";
import type { ApiKeyRow, Database } from "../store/schema.js";

const hashKey = (secret: string) => createHash("sha256").update(secret).digest("hex");

/**
 * Intake keys for machines (call-centre CRM, Open311 apps): 256-bit random secrets shown once,
 * stored as SHA-256, each limited to its channels and to a rate, revocable at once.
 */
export class ApiKeys {
  /** Live keys by hash; reloaded after every change so a revoked key stops working at once. */
  private live: Map<string, ApiKeyRow> | null = null;
  private readonly hits = new Map<number, { minute: number; count: number; previous: number }>();
  /** Told after this node created or revoked a key (a cluster tells the other nodes). */
  onChanged?: () => void;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  private async liveKeys(): Promise<Map<string, ApiKeyRow>> {
    if (this.live) return this.live;
    const rows = await this.db
      .selectFrom("api_keys")
      .selectAll()
      .where("revoked_at", "is", null)
      .execute();
    this.live = new Map(rows.map((r) => [r.key_hash, { ...r, id: Number(r.id) }]));
    return this.live;
  }

  /** Creates a key; `secret` lets demo mode seed a known one, otherwise a random one is made. */
  async create(
    input: ApiKeyCreateInput,
    createdBy: string,
    secret?: string,
  ): Promise<{ row: ApiKeyRow; secret: string }> {
    const value = secret ?? `nk_${randomBytes(32).toString("base64url")}`;
    const row = await this.db
      .insertInto("api_keys")
      .values({
        name: input.name,
        prefix: value.slice(0, 10),
        key_hash: hashKey(value),
        channels: JSON.stringify(input.channels),
        rate_per_minute: input.ratePerMinute,
        created_at: this.clock.now().toISOString(),
        created_by: createdBy,
        revoked_at: null,
        last_used_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    this.changed();
    return { row: { ...row, id: Number(row.id) }, secret: value };
  }

  async revoke(id: number): Promise<ApiKeyRow | undefined> {
    const row = await this.db
      .selectFrom("api_keys")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row || row.revoked_at) return row;
    await this.db
      .updateTable("api_keys")
      .set({ revoked_at: this.clock.now().toISOString() })
      .where("id", "=", id)
      .execute();
    this.changed();
    return row;
  }

  /** Forgets the live keys: the next check reads them from the store (another node changed them). */
  invalidate(): void {
    this.live = null;
  }

  private changed(): void {
    this.invalidate();
    this.onChanged?.();
  }

  async list(): Promise<ApiKeyView[]> {
    const rows = await this.db.selectFrom("api_keys").selectAll().orderBy("id").execute();
    return rows.map(presentKey);
  }

  async byName(name: string): Promise<ApiKeyRow | undefined> {
    return this.db.selectFrom("api_keys").selectAll().where("name", "=", name).executeTakeFirst();
  }

  /** The live key for a presented secret, or undefined. */
  async verify(secret: string | undefined): Promise<ApiKeyRow | undefined> {
    if (!secret || secret.length > 200) return undefined;
    const row = (await this.liveKeys()).get(hashKey(secret));
    if (row) {
      const now = this.clock.now();
      if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
        row.last_used_at = now.toISOString();
        await this.db
          .updateTable("api_keys")
          .set({ last_used_at: row.last_used_at })
          .where("id", "=", row.id)
          .execute();
      }
    }
    return row;
  }

  /**
   * Counts one use against the key's rate (a sliding window estimated from this minute's and the
   * last minute's counts: O(1) per report however high the rate); returns seconds to wait, else 0.
   */
  take(keyId: number, ratePerMinute: number): number {
    const t = Date.now();
    const minute = Math.floor(t / 60_000);
    let w = this.hits.get(keyId);
    if (!w || w.minute < minute - 1) w = { minute, count: 0, previous: 0 };
    else if (w.minute === minute - 1) w = { minute, count: 0, previous: w.count };
    const elapsed = (t % 60_000) / 60_000;
    if (w.previous * (1 - elapsed) + w.count >= ratePerMinute) {
      this.hits.set(keyId, w);
      return Math.max(1, Math.ceil(60 - elapsed * 60));
    }
    w.count++;
    this.hits.set(keyId, w);
    return 0;
  }
}

export function presentKey(r: ApiKeyRow): ApiKeyView {
  return {
    id: Number(r.id),
    name: r.name,
    prefix: r.prefix,
    channels: JSON.parse(r.channels) as string[],
    ratePerMinute: r.rate_per_minute,
    createdAt: r.created_at,
    createdBy: r.created_by,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  };
}
