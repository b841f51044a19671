import { useEffect } from "react";
import { useSearchParams } from "react-router";
import { isLanguage, setLanguage } from "./index.js";
import { useLanguage } from "./useLanguage.js";

/**
 * `?lang=` in the address (a kiosk's or a consumer's link) sets the language without remembering
 * it, also when it changes inside the app. Returns the language toggle: it remembers the choice and
 * keeps an address that names a language in step, so a reload does not undo it.
 */
export function useAddressLanguage(): () => void {
  const lng = useLanguage();
  const [params, setParams] = useSearchParams();
  const urlLang = params.get("lang");
  useEffect(() => {
    if (isLanguage(urlLang)) setLanguage(urlLang, false);
  }, [urlLang]);
  return () => {
    const next = lng === "en" ? "hi" : "en";
    setLanguage(next, true);
    if (urlLang === null) return;
    const p = new URLSearchParams(params);
    p.set("lang", next);
    setParams(p, { replace: true });
  };
}
