import type { TFunction } from "i18next";
import type { z } from "zod";
import {
  MIN_PASSWORD,
  passwordResetSchema,
  userCreateSchema,
  type Role,
  type UserCreateInput,
} from "../../../shared/access.js";
import { ApiRequestError } from "../../api/http.js";

/** The create-user form as typed, before it becomes a UserCreateInput. */
export interface UserDraft {
  username: string;
  name: string;
  role: Role;
  unitId: string;
  /** The chosen unit's name, shown next to the picker. */
  unitLabel: string;
  password: string;
  officerId: string;
}

export const EMPTY_DRAFT: UserDraft = {
  username: "",
  name: "",
  role: "control_room",
  unitId: "",
  unitLabel: "",
  password: "",
  officerId: "",
};

export type FieldErrors = Record<string, string>;

/** One translated sentence per refused field, from the same schema the server validates with. */
function issuesToErrors(issues: readonly z.core.$ZodIssue[], t: TFunction<"access">): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    if (!field || out[field]) continue;
    out[field] = issueText(field, issue, t);
  }
  return out;
}

function issueText(field: string, issue: z.core.$ZodIssue, t: TFunction<"access">): string {
  if (issue.code === "too_small") {
    if (field === "password") return t("users.errors.tooShort", { min: MIN_PASSWORD });
    return t("users.errors.required");
  }
  if (issue.code === "too_big") return t("users.errors.tooLong");
  if (field === "username") return t("users.errors.username");
  return t("users.errors.invalid");
}

/** The input to send, or the errors to show next to each field. */
export function validateUserDraft(
  draft: UserDraft,
  t: TFunction<"access">,
): { ok: true; input: UserCreateInput } | { ok: false; errors: FieldErrors } {
  const parsed = userCreateSchema.safeParse({
    username: draft.username,
    name: draft.name,
    role: draft.role,
    unitId: draft.unitId,
    password: draft.password,
    ...(draft.role === "officer" && draft.officerId ? { officerId: draft.officerId } : {}),
  });
  const errors = parsed.success ? {} : issuesToErrors(parsed.error.issues, t);
  // An officer's sign-in is tied to an officer in the officers table; the server needs which one.
  if (draft.role === "officer" && !draft.officerId) errors.officerId = t("users.errors.officer");
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}

/** A new password's error, or null when the schema accepts it (the server still checks commonness). */
export function validatePassword(password: string, t: TFunction<"access">): string | null {
  const parsed = passwordResetSchema.safeParse({ password });
  return parsed.success ? null : (issuesToErrors(parsed.error.issues, t).password ?? null);
}

/**
 * Field errors from a refused save: a weak password, a taken username, or the server's 400
 * naming fields (shown in the screen's language where we know the reason, else as sent).
 */
export function serverErrors(err: unknown, t: TFunction<"access">): FieldErrors | null {
  if (!(err instanceof ApiRequestError)) return null;
  if (err.code === "weak_password") return { password: t("users.errors.weak") };
  if (err.status === 409) return { username: t("users.errors.taken") };
  if (err.status !== 400 || Object.keys(err.fields).length === 0) return null;
  const out: FieldErrors = {};
  for (const [field, why] of Object.entries(err.fields)) {
    out[field] = /at least/.test(why)
      ? t("users.errors.tooShort", { min: MIN_PASSWORD })
      : /required/.test(why)
        ? t("users.errors.required")
        : why;
  }
  return out;
}
