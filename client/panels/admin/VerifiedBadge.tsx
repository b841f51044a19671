import { useTranslation } from "react-i18next";

/** "Verified" or "Not verified" in words and a symbol (never colour alone); the source on hover. */
export function VerifiedBadge({ verified, source }: { verified: boolean; source: string }) {
  const { t } = useTranslation("admin");
  const hint = verified ? t("settings.verifiedHint") : t("settings.notVerifiedHint");
  return (
    <span
      className={`adm-badge ${verified ? "adm-badge--verified" : "adm-badge--unverified"}`}
      title={source ? `${hint}. ${t("settings.source")}: ${source}` : hint}
      data-verified={verified}
    >
      <span aria-hidden="true" className="adm-badge__mark">
        {verified ? "✓" : "!"}
      </span>
      {verified ? t("settings.verified") : t("settings.notVerified")}
    </span>
  );
}
