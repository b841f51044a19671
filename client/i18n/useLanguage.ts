import { useTranslation } from "react-i18next";
import { isLanguage, type Language } from "./index.js";

/** The current UI language; components re-render when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : "en";
}
