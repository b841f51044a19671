import type { TFunction } from "i18next";
import { STATUS_LABELS, type Status } from "../../../shared/domain.js";
import type { ApiRequestError } from "../../api/http.js";
import type { Language } from "../../i18n/index.js";
import { formatCount } from "../../i18n/format.js";

/** A server or validation error as a form shows it: one message, and one line per field. */
export interface ShownError {
  message: string | null;
  fields: Record<string, string>;
}

const FIELD_KEYS = {
  officerId: "errors.field.officerId",
  reason: "errors.field.reason",
  note: "errors.field.note",
  text: "errors.field.text",
  into: "errors.field.into",
  otp: "errors.field.otp",
  category: "errors.field.category",
  feederId: "errors.field.feederId",
  url: "errors.field.url",
  consumerAccount: "errors.field.consumerAccount",
  phone: "errors.field.phone",
} as const;

const CODE_KEYS = {
  network: "errors.code.network",
  not_found: "errors.code.not_found",
  unknown_officer: "errors.code.unknown_officer",
  officer_out_of_area: "errors.code.officer_out_of_area",
  bad_merge_target: "errors.code.bad_merge_target",
  top_of_ladder: "errors.code.top_of_ladder",
  unknown_feeder: "errors.code.unknown_feeder",
  otp_locked: "errors.code.otp_locked",
} as const;

/**
 * Puts an API error into the screen's language where the cause is known (field rules, state
 * conflicts, wrong codes); anything else shows the server's own message.
 */
export function showError(
  err: ApiRequestError,
  t: TFunction<"ops">,
  lng: Language,
  /** The resolve note has a longer minimum than other notes. */
  noteKey: "errors.field.note" | "errors.field.resolveNote" = "errors.field.note",
): ShownError {
  const fields: Record<string, string> = {};
  for (const [field, why] of Object.entries(err.fields)) {
    const key = field === "note" ? noteKey : FIELD_KEYS[field as keyof typeof FIELD_KEYS];
    fields[field] = key ? t(key) : why;
  }
  if (err.code === "invalid_input" && err.fields.reason && err.message.includes("reassign")) {
    fields.reason = t("errors.field.reasonReassign");
  }
  if (err.code === "invalid_transition") {
    const status = err.extra.status;
    const label =
      typeof status === "string" && status in STATUS_LABELS
        ? STATUS_LABELS[status as Status][lng]
        : String(status ?? "–");
    return { message: t("errors.code.invalid_transition", { status: label }), fields };
  }
  if (err.code === "wrong_otp") {
    const left = typeof err.extra.attemptsLeft === "number" ? err.extra.attemptsLeft : 0;
    return {
      message: t("errors.code.wrong_otp", { count: left, n: formatCount(left, lng) }),
      fields,
    };
  }
  const key = CODE_KEYS[err.code as keyof typeof CODE_KEYS];
  if (key) return { message: t(key), fields };
  if (err.code === "invalid_input" && Object.keys(fields).length > 0) {
    return { message: t("errors.code.invalid_input"), fields };
  }
  return { message: err.message, fields };
}
