import "./public-page.css";
import { useEffect, type ReactNode } from "react";
import { LanguageToggle } from "../app/LanguageToggle.js";
import { useAddressLanguage } from "../i18n/useAddressLanguage.js";

/**
 * The frame of a public page (/track, /outages): no sign-in and no control-room chrome, the
 * brand and a language toggle (`?lang=` from a consumer's link: useAddressLanguage).
 */
export function PublicPage(props: { brand: string; title: string; children: ReactNode }) {
  const { brand, title, children } = props;
  const toggleLanguage = useAddressLanguage();
  useEffect(() => {
    document.title = title;
  }, [title]);

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
