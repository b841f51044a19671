import { useTranslation } from "react-i18next";
import { useLanguage } from "../i18n/useLanguage.js";

/** One click switches between English and Hindi; the button names the language it switches to. */
export function LanguageToggle({ onToggle }: { onToggle: () => void }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <button
      type="button"
      className="lang-toggle"
      onClick={onToggle}
      title={t("language.switchLabel")}
      lang={lng === "en" ? "hi" : "en"}
      data-testid="lang-toggle"
    >
      {t("language.switchTo")}
    </button>
  );
}
