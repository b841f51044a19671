import "./public-page.css";
import { useEffect, type ReactNode } from "react";
import { useSearchParams } from "react-router";
import { LanguageToggle } from "../app/LanguageToggle.js";
import { isLanguage, setLanguage } from "../i18n/index.js";
import { useLanguage } from "../i18n/useLanguage.js";

/**
 * The frame of a public page (/track, /outages): no sign-in and no control-room chrome, the
 * brand and a language toggle. `?lang=` in the address (a link in a consumer's message) sets the
 * language without remembering it; the toggle remembers it and keeps the address in step.
 */
export function PublicPage(props: { brand: string; title: string; children: ReactNode }) {
  const { brand, title, children } = props;
  const lng = useLanguage();
  const [params, setParams] = useSearchParams();
  const urlLang = params.get("lang");

  useEffect(() => {
    if (isLanguage(urlLang)) setLanguage(urlLang, false);
  }, [urlLang]);
  useEffect(() => {
    document.title = title;
  }, [title]);

  const toggleLanguage = () => {
    const next = lng === "en" ? "hi" : "en";
    setLanguage(next, true);
    if (urlLang === null) return;
    const p = new URLSearchParams(params);
    p.set("lang", next);
    setParams(p, { replace: true });
  };

  return (
    <div className="public-page">
      <header className="public-page__header">
        <p className="public-page__brand">
          <span className="brand__mark" aria-hidden="true" />
          {brand}
        </p>
        <LanguageToggle onToggle={toggleLanguage} />
      </header>
      {children}
    </div>
  );
}
