import "./session.css";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useLocation } from "react-router";
import type { SessionUser } from "../../shared/access.js";
import { useAddressLanguage } from "../i18n/useAddressLanguage.js";
import { useConnection, useLiveUnit, useLiveUpdatedAt, useNow } from "../live/hooks.js";
import { ConnectionBadge } from "../panels/ConnectionBadge.js";
import { homeUnit, navFor, type NavItem } from "./access.js";
import { LanguageToggle } from "./LanguageToggle.js";
import { loadSession, useSession } from "./useSession.js";
import { UserBox } from "./UserBox.js";
import { useScreenTitle } from "./useScreenTitle.js";

// The one "Admin" link stands for all the administration screens.
const ADMIN_PATHS = /^\/(scorecards|officers|settings|admin|audit)(\/|$)/;

/** The header's connection badge; it exists only for a signed-in user, whose socket it watches. */
function LiveBadge() {
  // The whole app shows live state in its header, so the shell keeps the subscription: at the
  // summary-sized level, unless the screen below asks for more (the control room's feed).
  useLiveUnit(undefined, "counts");
  const connection = useConnection();
  const updatedAt = useLiveUpdatedAt();
  const now = useNow(2000);
  return (
    <ConnectionBadge
      status={connection.status}
      updatedAt={updatedAt}
      now={now}
      error={connection.error}
    />
  );
}

/** The links a role may use, in the header's order; signed out, only About. */
function NavLinks({ user }: { user: SessionUser | null }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items: NavItem[] = user ? navFor(user.role) : ["about"];
  const unitsHome = user ? `/units/${encodeURIComponent(homeUnit(user))}` : "/units/network";
  const link = (item: NavItem) => {
    switch (item) {
      case "controlRoom":
        return (
          <NavLink key={item} to="/" end>
            {t("nav.controlRoom")}
          </NavLink>
        );
      case "units":
        return (
          <NavLink
            key={item}
            to={user?.role === "officer" ? unitsHome : "/units/network"}
            className={({ isActive }) =>
              isActive || pathname.startsWith("/units/") ? "active" : ""
            }
          >
            {user?.role === "officer"
              ? t("nav.myUnit", { ns: "access" })
              : t("nav.units", { ns: "ops" })}
          </NavLink>
        );
      case "triage":
        return (
          <NavLink key={item} to="/triage">
            {t("nav.triage", { ns: "ops" })}
          </NavLink>
        );
      case "intake":
        return (
          <NavLink key={item} to="/intake">
            {t("nav.intake", { ns: "ops" })}
          </NavLink>
        );
      case "notices":
        return (
          <NavLink key={item} to="/notices">
            {t("nav.notices", { ns: "notices" })}
          </NavLink>
        );
      case "admin":
        return (
          <NavLink
            key={item}
            to={user?.role === "admin" ? "/admin/users" : "/scorecards"}
            className={({ isActive }) => (isActive || ADMIN_PATHS.test(pathname) ? "active" : "")}
          >
            {t("nav.link", { ns: "admin" })}
          </NavLink>
        );
      case "summary":
        return (
          <NavLink key={item} to="/summary">
            {t("nav.summary", { ns: "screens" })}
          </NavLink>
        );
      case "wall":
        return (
          <NavLink key={item} to="/wall">
            {t("nav.wall", { ns: "screens" })}
          </NavLink>
        );
      case "about":
        return (
          <NavLink key={item} to="/about">
            {t("nav.about")}
          </NavLink>
        );
    }
  };
  return (
    <nav className="app-nav" aria-label={t("nav.label")}>
      {items.map(link)}
    </nav>
  );
}

/** Header (name, navigation for the user's role, language, connection, user) above every screen. */
export function Layout() {
  const { t } = useTranslation();
  const toggle = useAddressLanguage();
  useScreenTitle();
  const session = useSession();
  const user = session.status === "signed_in" ? session.session.user : null;

  // /about shows who is signed in too, so the shell asks once whatever the screen.
  useEffect(() => loadSession(), []);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__brand">
          <NavLink to={user ? "/" : "/about"} className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">{t("app.name")}</span>
            <span className="brand__alt" aria-hidden="true">
              / {t("app.nameAlt")}
            </span>
          </NavLink>
          <span className="app-header__tagline">{t("app.tagline")}</span>
        </div>
        <NavLinks user={user} />
        <div className="app-header__tools">
          <LanguageToggle onToggle={toggle} />
          {user && <LiveBadge />}
          <UserBox state={session} />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
