import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useLocation, useSearchParams } from "react-router";
import { useScreenTitle } from "./useScreenTitle.js";
import { isLanguage, setLanguage } from "../i18n/index.js";
import { useLanguage } from "../i18n/useLanguage.js";
import { useConnection, useLiveUnit, useLiveUpdatedAt, useNow } from "../live/hooks.js";
import { ConnectionBadge } from "../panels/ConnectionBadge.js";
import { LanguageToggle } from "./LanguageToggle.js";

// The one "Admin" link stands for all three administration screens.
const ADMIN_PATHS = /^\/(scorecards|officers|settings)(\/|$)/;

/** Header (name, navigation, language, connection) above every screen. */
export function Layout() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  useScreenTitle();
  const urlLang = params.get("lang");
  // The whole app shows live state in its header, so the shell keeps the subscription.
  useLiveUnit();
  const connection = useConnection();
  const updatedAt = useLiveUpdatedAt();
  const now = useNow(2000);

  // ?lang= in the address wins, also when it changes inside the app.
  useEffect(() => {
    if (isLanguage(urlLang)) setLanguage(urlLang, false);
  }, [urlLang]);

  const toggle = () => {
    const next = lng === "en" ? "hi" : "en";
    setLanguage(next, true);
    if (urlLang !== null) {
      const p = new URLSearchParams(params);
      p.set("lang", next);
      setParams(p, { replace: true });
    }
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__brand">
          <NavLink to="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">{t("app.name")}</span>
            <span className="brand__alt" aria-hidden="true">
              / {t("app.nameAlt")}
            </span>
          </NavLink>
          <span className="app-header__tagline">{t("app.tagline")}</span>
        </div>
        <nav className="app-nav" aria-label={t("nav.label")}>
          <NavLink to="/" end>
            {t("nav.controlRoom")}
          </NavLink>
          <NavLink
            to="/units/network"
            className={({ isActive }) =>
              isActive || pathname.startsWith("/units/") ? "active" : ""
            }
          >
            {t("nav.units", { ns: "ops" })}
          </NavLink>
          <NavLink to="/triage">{t("nav.triage", { ns: "ops" })}</NavLink>
          <NavLink to="/intake">{t("nav.intake", { ns: "ops" })}</NavLink>
          <NavLink
            to="/scorecards"
            className={({ isActive }) => (isActive || ADMIN_PATHS.test(pathname) ? "active" : "")}
          >
            {t("nav.link", { ns: "admin" })}
          </NavLink>
          <NavLink to="/summary">{t("nav.summary", { ns: "screens" })}</NavLink>
          <NavLink to="/wall">{t("nav.wall", { ns: "screens" })}</NavLink>
          <NavLink to="/about">{t("nav.about")}</NavLink>
        </nav>
        <div className="app-header__tools">
          <LanguageToggle onToggle={toggle} />
          <ConnectionBadge
            status={connection.status}
            updatedAt={updatedAt}
            now={now}
            error={connection.error}
          />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
