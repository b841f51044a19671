import type { Kysely } from "kysely";
import type {
  Role,
  SessionUser,
  UserCreateInput,
  UserUpdateInput,
  UserView,
} from "../../shared/access.js";
import type { Network } from "../network/loaded-network.js";
import type { Officers } from "../officers/officers.js";
import type { Database, UserRow } from "../store/schema.js";
import { hashPassword, passwordProblem } from "./passwords.js";

/** A refused change to a user, with the field at fault (the route turns it into a 400 or 409). */
export class UserError extends Error {
  constructor(
    readonly code: "invalid_input" | "weak_password" | "taken" | "not_found",
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Users: the commands that create and change sign-ins. Nothing else writes the users table. */
export class Users {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly network: Network,
    private readonly officers: Officers,
  ) {}

  byUsername(username: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom("users")
      .selectAll()
      .where("username", "=", username)
      .executeTakeFirst();
  }

  byId(id: number): Promise<UserRow | undefined> {
    return this.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async list(): Promise<UserView[]> {
    const rows = await this.db.selectFrom("users").selectAll().orderBy("username").execute();
    return rows.map((r) => this.present(r));
  }

  /** Checks that the unit exists and, for an officer, that the officer exists and heads that unit. */
  private checkPlacement(role: Role, unitId: string, officerId: string | null | undefined): string {
    if (role === "officer") {
      if (!officerId)
        throw new UserError(
          "invalid_input",
          "officerId",
          "an officer's sign-in must name the officer",
        );
      const officer = this.officers.get(officerId);
      if (!officer) throw new UserError("invalid_input", "officerId", `no officer ${officerId}`);
      return officer.unit_id;
    }
    if (!this.network.unit(unitId))
      throw new UserError("invalid_input", "unitId", `no unit ${unitId}`);
    return unitId;
  }

  async create(
    input: UserCreateInput,
    at: string,
    opts: { demo?: boolean; hash?: string } = {},
  ): Promise<UserRow> {
    const unitId = this.checkPlacement(input.role, input.unitId, input.officerId);
    if (!opts.hash) {
      const weak = await passwordProblem(input.password, input.username);
      if (weak) throw new UserError("weak_password", "password", `password ${weak}`);
    }
    if (await this.byUsername(input.username))
      throw new UserError("taken", "username", `username ${input.username} is taken`);
    const row = await this.db
      .insertInto("users")
      .values({
        username: input.username,
        name: input.name,
        role: input.role,
        unit_id: unitId,
        officer_id: input.role === "officer" ? (input.officerId ?? null) : null,
        password_hash: opts.hash ?? (await hashPassword(input.password)),
        disabled: 0,
        demo: opts.demo ? 1 : 0,
        created_at: at,
        last_sign_in_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ...row, id: Number(row.id) };
  }

  async update(id: number, patch: UserUpdateInput): Promise<{ before: UserRow; after: UserRow }> {
    const before = await this.byId(id);
    if (!before) throw new UserError("not_found", "id", `no user ${id}`);
    const role = (patch.role ?? before.role) as Role;
    let unitId = patch.unitId ?? before.unit_id;
    if (patch.role !== undefined || patch.unitId !== undefined)
      unitId = this.checkPlacement(role, unitId, before.officer_id);
    await this.db
      .updateTable("users")
      .set({
        name: patch.name ?? before.name,
        role,
        unit_id: unitId,
        disabled: patch.disabled === undefined ? before.disabled : patch.disabled ? 1 : 0,
      })
      .where("id", "=", id)
      .execute();
    return { before, after: (await this.byId(id))! };
  }

  async resetPassword(id: number, password: string): Promise<UserRow> {
    const user = await this.byId(id);
    if (!user) throw new UserError("not_found", "id", `no user ${id}`);
    const weak = await passwordProblem(password, user.username);
    if (weak) throw new UserError("weak_password", "password", `password ${weak}`);
    await this.db
      .updateTable("users")
      .set({ password_hash: await hashPassword(password), demo: 0 })
      .where("id", "=", id)
      .execute();
    return user;
  }

  async signedIn(id: number, at: string): Promise<void> {
    await this.db.updateTable("users").set({ last_sign_in_at: at }).where("id", "=", id).execute();
  }

  async demoUsernames(): Promise<string[]> {
    const rows = await this.db
      .selectFrom("users")
      .select("username")
      .where("demo", "=", 1)
      .execute();
    return rows.map((r) => r.username);
  }

  present(r: UserRow): UserView {
    const unit = this.network.unit(r.unit_id);
    return {
      id: Number(r.id),
      username: r.username,
      name: r.name,
      role: r.role as Role,
      unitId: r.unit_id,
      unitName: unit?.name ?? r.unit_id,
      officerId: r.officer_id,
      disabled: r.disabled === 1,
      createdAt: r.created_at,
      lastSignInAt: r.last_sign_in_at,
    };
  }

  presentSession(r: UserRow): SessionUser {
    const { id, username, name, role, unitId, unitName, officerId } = this.present(r);
    const unitNameHi = this.network.unit(r.unit_id)?.nameHi ?? r.unit_id;
    return { id, username, name, role, unitId, unitName, unitNameHi, officerId };
  }
}
