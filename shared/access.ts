/**
 * Who may use Nigrani: users with a role bound to one unit, intake keys for machines, the audit
 * log. The server validates with these schemas and the client's sign-in and admin screens use the
 * same types, so a field renamed on one side fails to compile on the other.
 */
import { z } from "zod";
import { CHANNELS } from "./domain.js";
import { ROLES, type Role } from "./roles.js";

export { ROLES, type Role } from "./roles.js";
export const roleSchema = z.enum(ROLES);

/** ASVS 6.2.1 / 6.2.9: at least 8 characters, at most 128 (long passphrases allowed), no composition rules. */
export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 128;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, "must be 2 to 40 letters, digits, '.', '_' or '-'");

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD, `must be at least ${MIN_PASSWORD} characters`)
  .max(MAX_PASSWORD, `must be at most ${MAX_PASSWORD} characters`);

/** POST /api/v1/session: the password is not length-checked here, so a short one is a plain 401. */
export const signInSchema = z.strictObject({
  username: z.string().trim().toLowerCase().min(1, "is required").max(80),
  password: z.string().min(1, "is required").max(MAX_PASSWORD),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** The signed-in user as the client sees it. */
export interface SessionUser {
  id: number;
  username: string;
  name: string;
  role: Role;
  unitId: string;
  unitName: string;
  unitNameHi: string;
  /** The officer this sign-in belongs to, for role `officer`. */
  officerId: string | null;
}

/** GET / POST /api/v1/session. `csrfToken` goes back as `X-CSRF-Token` on every change. */
export interface SessionResponse {
  user: SessionUser;
  csrfToken: string;
  /** Demo mode: the sign-in page names the demo users. */
  demo: boolean;
}

/** GET /api/v1/session/demo (no sign-in needed): whether the login page should show demo users. */
export interface DemoInfo {
  demo: boolean;
  users: Array<{ username: string; role: Role; unitId: string }>;
}

export const userCreateSchema = z.strictObject({
  username: usernameSchema,
  name: z.string().trim().min(1, "is required").max(120),
  role: roleSchema,
  unitId: z.string().trim().min(1, "is required").max(100),
  password: passwordSchema,
  officerId: z.string().trim().min(1).max(100).optional(),
});
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    role: roleSchema.optional(),
    unitId: z.string().trim().min(1).max(100).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { message: "nothing to change", path: ["role"] });
export type UserUpdateInput = z.infer<typeof userUpdateSchema>;

export const passwordResetSchema = z.strictObject({ password: passwordSchema });

export interface UserView {
  id: number;
  username: string;
  name: string;
  role: Role;
  unitId: string;
  unitName: string;
  officerId: string | null;
  disabled: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

/** Channels a machine may file reports on; webhooks keep their own signatures. */
export const KEY_CHANNELS = CHANNELS;

export const apiKeyCreateSchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(120),
  channels: z
    .array(z.enum(KEY_CHANNELS))
    .min(1, "must name at least one channel")
    .max(CHANNELS.length),
  /** Reports a minute this key may file. */
  ratePerMinute: z.number().int().min(1).max(100_000),
});
export type ApiKeyCreateInput = z.infer<typeof apiKeyCreateSchema>;

export interface ApiKeyView {
  id: number;
  name: string;
  /** The first characters, to tell keys apart; the secret itself is shown once, at creation. */
  prefix: string;
  channels: string[];
  ratePerMinute: number;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface ApiKeyCreated {
  key: ApiKeyView;
  /** Shown once; only its hash is stored. */
  secret: string;
}

export const AUDIT_KINDS = [
  "sign_in",
  "sign_in_failed",
  "sign_out",
  "refused",
  "user_created",
  "user_changed",
  "password_reset",
  "key_created",
  "key_revoked",
  "settings_changed",
  "officer_leave",
  "import",
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const auditQuerySchema = z.strictObject({
  kind: z.enum(AUDIT_KINDS).optional(),
  actor: z.string().trim().min(1).max(80).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditEntry {
  id: number;
  at: string;
  kind: AuditKind;
  /** `user:<username>`, `key:<name>`, or `anonymous`. */
  actor: string;
  /** The client address the request came from. */
  address: string;
  detail: Record<string, unknown>;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextCursor: number | null;
}
