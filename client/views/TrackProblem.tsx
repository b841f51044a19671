import { useTranslation } from "react-i18next";
import type { TrackError } from "./TrackApi.js";

/** 404, 429 and the rest, each said plainly with what to do next. */
export function TrackProblem({ error }: { error: TrackError }) {
  const { t } = useTranslation("screens");
  const text =
    error.kind === "not_found"
      ? t("track.notFound")
      : error.kind === "rate_limited"
        ? t("track.rateLimited", { seconds: error.retryAfter ?? 60 })
        : error.kind === "network"
          ? t("track.networkError")
          : error.kind === "not_awaiting"
            ? t("track.notAwaiting")
            : error.kind === "wrong_otp"
              ? t("track.wrongOtp", { count: error.attemptsLeft ?? 0 })
              : error.kind === "otp_locked"
                ? t("track.otpLocked")
                : error.kind === "invalid"
                  ? t("track.invalid")
                  : t("track.serverError");
  return (
    <div className="track__problem" role="alert" data-problem={error.kind}>
      <strong>{t(`track.problemTitle.${error.kind}`)}</strong>
      <p>{text}</p>
    </div>
  );
}
