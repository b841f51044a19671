import type { Kysely } from "kysely";
import type { Database } from "../store/schema.js";

/**
 * What the discom chose to publish: which officers' numbers, and each unit's fuse-call centre.
 * Held in memory (a few thousand rows at most) and kept in the store; only administrators change
 * it, through the routes in http/public-admin.ts.
 */
export class PublicContacts {
  private readonly published = new Set<string>();
  private readonly fuseCalls = new Map<string, string>();
  /** Told after this node changed what is published (a cluster tells the other nodes). */
  onChanged?: () => void;

  private constructor() {}

  static async load(db: Kysely<Database>): Promise<PublicContacts> {
    const contacts = new PublicContacts();
    await contacts.reload(db);
    return contacts;
  }

  /** Reads what is published from the store again (another node changed it). */
  async reload(db: Kysely<Database>): Promise<void> {
    const phones = await db.selectFrom("public_officer_phones").select("officer_id").execute();
    const centres = await db.selectFrom("fuse_call_centres").select(["unit_id", "phone"]).execute();
    this.published.clear();
    for (const p of phones) this.published.add(p.officer_id);
    this.fuseCalls.clear();
    for (const c of centres) this.fuseCalls.set(c.unit_id, c.phone);
  }

  /** Did an administrator publish this officer's number? */
  isPublished(officerId: string): boolean {
    return this.published.has(officerId);
  }

  publishedIds(): string[] {
    return [...this.published];
  }

  async setPublished(
    db: Kysely<Database>,
    officerId: string,
    published: boolean,
    by: string,
    at: string,
  ): Promise<void> {
    if (published)
      await db
        .insertInto("public_officer_phones")
        .values({ officer_id: officerId, published_by: by, published_at: at })
        .onConflict((oc) =>
          oc.column("officer_id").doUpdateSet({ published_by: by, published_at: at }),
        )
        .execute();
    else await db.deleteFrom("public_officer_phones").where("officer_id", "=", officerId).execute();
    if (published) this.published.add(officerId);
    else this.published.delete(officerId);
    this.onChanged?.();
  }

  /** The fuse-call centre nearest up a path (the path runs root first): the unit and its number. */
  fuseCallOn(path: readonly string[]): { unitId: string; phone: string } | null {
    for (let i = path.length - 1; i >= 0; i--) {
      const phone = this.fuseCalls.get(path[i]);
      if (phone) return { unitId: path[i], phone };
    }
    return null;
  }

  fuseCallOf(unitId: string): string | null {
    return this.fuseCalls.get(unitId) ?? null;
  }

  async setFuseCall(
    db: Kysely<Database>,
    unitId: string,
    phone: string | null,
    by: string,
    at: string,
  ): Promise<void> {
    if (phone === null) {
      await db.deleteFrom("fuse_call_centres").where("unit_id", "=", unitId).execute();
      this.fuseCalls.delete(unitId);
      this.onChanged?.();
      return;
    }
    await db
      .insertInto("fuse_call_centres")
      .values({ unit_id: unitId, phone, updated_by: by, updated_at: at })
      .onConflict((oc) =>
        oc.column("unit_id").doUpdateSet({ phone, updated_by: by, updated_at: at }),
      )
      .execute();
    this.fuseCalls.set(unitId, phone);
    this.onChanged?.();
  }
}
