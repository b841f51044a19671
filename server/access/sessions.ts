import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Clock } from "../clock/clock.js";
import type { Database, SessionRow, UserRow } from "../store/schema.js";

export const SESSION_COOKIE = "nigrani_sid";

/** Only the SHA-256 of a session token is stored, so a copy of the database signs nobody in. */
export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

export interface ActiveSession {
  session: SessionRow;
  user: UserRow;
}

/** Server-side sessions (ASVS 7.2-7.4): 256-bit tokens, idle and absolute time-outs, ended on sign-out. */
export class Sessions {
  /** Called with the ids of sessions that just ended, so their live sockets can be closed. */
  onEnded: (sessionIds: string[]) => void = () => undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly limits: SessionLimits,
  ) {}

  /** A fresh session (a new token at every sign-in, never the one a visitor came with). */
  async create(userId: number, address: string): Promise<{ token: string; session: SessionRow }> {
    const token = randomBytes(32).toString("base64url");
    const now = this.clock.now().toISOString();
    const session: SessionRow = {
      id: tokenHash(token),
      user_id: userId,
      csrf_token: randomBytes(32).toString("base64url"),
      created_at: now,
      last_seen_at: now,
      address: address.slice(0, 80),
    };
    await this.db.insertInto("sessions").values(session).execute();
    return { token, session };
  }

  /** The live session behind a cookie token, or null (unknown, expired, or its user disabled). */
  async resume(token: string | undefined): Promise<ActiveSession | null> {
    if (!token || token.length > 100) return null;
    return this.resumeById(tokenHash(token), true);
  }

  async resumeById(id: string, touch: boolean): Promise<ActiveSession | null> {
    const session = await this.db
      .selectFrom("sessions")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!session) return null;
    const user = await this.db
      .selectFrom("users")
      .selectAll()
      .where("id", "=", session.user_id)
      .executeTakeFirst();
    const now = this.clock.now().getTime();
    const expired =
      now - Date.parse(session.last_seen_at) > this.limits.idleMs ||
      now - Date.parse(session.created_at) > this.limits.absoluteMs;
    if (!user || user.disabled === 1 || expired) {
      await this.end([session.id]);
      return null;
    }
    // Written at most once a minute: a busy screen must not turn every read into a write.
    if (touch && now - Date.parse(session.last_seen_at) > 60_000) {
      session.last_seen_at = new Date(now).toISOString();
      await this.db
        .updateTable("sessions")
        .set({ last_seen_at: session.last_seen_at })
        .where("id", "=", session.id)
        .execute();
    }
    return { session, user };
  }

  /** Marks sessions as in use now (those with a live screen open). */
  async touch(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable("sessions")
      .set({ last_seen_at: this.clock.now().toISOString() })
      .where("id", "in", [...ids])
      .execute();
  }

  async end(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.deleteFrom("sessions").where("id", "in", ids).execute();
    this.onEnded(ids);
  }

  /** Ends every session of a user (disabled, role or unit changed, password reset). */
  async endAllOf(userId: number): Promise<number> {
    const rows = await this.db
      .selectFrom("sessions")
      .select("id")
      .where("user_id", "=", userId)
      .execute();
    await this.end(rows.map((r) => r.id));
    return rows.length;
  }

  /** Deletes sessions past their time-outs; returns how many. */
  async sweep(): Promise<number> {
    const now = this.clock.now().getTime();
    const idleBefore = new Date(now - this.limits.idleMs).toISOString();
    const createdBefore = new Date(now - this.limits.absoluteMs).toISOString();
    const rows = await this.db
      .selectFrom("sessions")
      .select("id")
      .where((eb) =>
        eb.or([eb("last_seen_at", "<", idleBefore), eb("created_at", "<", createdBefore)]),
      )
      .execute();
    await this.end(rows.map((r) => r.id));
    return rows.length;
  }
}
