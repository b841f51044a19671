import type { TFunction } from "i18next";
import { apiKeyCreateSchema, type ApiKeyCreateInput } from "../../../shared/access.js";
import type { Channel } from "../../../shared/domain.js";
import type { FieldErrors } from "./userDraft.js";

/** The create-key form as typed: the rate stays text until it is checked. */
export interface KeyDraft {
  name: string;
  channels: Channel[];
  ratePerMinute: string;
}

export const EMPTY_KEY: KeyDraft = { name: "", channels: ["call_centre"], ratePerMinute: "60" };

/** The key to create, or the errors to show next to each field (the server's own schema). */
export function validateKeyDraft(
  draft: KeyDraft,
  t: TFunction<"access">,
): { ok: true; input: ApiKeyCreateInput } | { ok: false; errors: FieldErrors } {
  const rate = draft.ratePerMinute.trim();
  const parsed = apiKeyCreateSchema.safeParse({
    name: draft.name,
    channels: draft.channels,
    ratePerMinute: /^\d+$/.test(rate) ? Number(rate) : Number.NaN,
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "");
    if (errors[field]) continue;
    if (field === "name") errors.name = t("users.errors.required");
    else if (field === "channels") errors.channels = t("keys.errors.channels");
    else if (field === "ratePerMinute") errors.ratePerMinute = t("keys.errors.rate");
  }
  return { ok: false, errors };
}
