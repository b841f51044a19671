import type { TFunction } from "i18next";
import { ApiRequestError } from "../../api/http.js";

/** The one sentence a failed sign-in shows, in the screen's language. */
export function loginErrorText(err: unknown, t: TFunction<"access">): string {
  if (!(err instanceof ApiRequestError)) return t("login.errors.unknown");
  if (err.code === "bad_credentials" || err.status === 401) return t("login.errors.badCredentials");
  if (err.code === "rate_limited" || err.status === 429) {
    return err.retryAfter === null
      ? t("login.errors.rateLimited")
      : t("login.errors.rateLimitedWait", { wait: waitText(err.retryAfter, t) });
  }
  if (err.status === 0 || err.status >= 500) {
    return err.retryAfter === null
      ? t("login.errors.serverDown")
      : t("login.errors.serverBusy", { wait: waitText(err.retryAfter, t) });
  }
  if (err.status === 400) return t("login.errors.missing");
  return t("login.errors.unknown");
}

/** "45 seconds" / "3 minutes", rounded up so the person never tries a moment too soon. */
export function waitText(seconds: number, t: TFunction<"access">): string {
  if (seconds < 90) return t("login.wait.seconds", { count: Math.max(1, Math.ceil(seconds)) });
  return t("login.wait.minutes", { count: Math.ceil(seconds / 60) });
}
