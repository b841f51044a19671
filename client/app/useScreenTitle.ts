import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

/** The navigation label that names each screen, by the first segment of its address. */
const SCREEN_TITLES: Record<string, { key: string; ns: string }> = {
  "": { key: "nav.controlRoom", ns: "translation" },
  wall: { key: "nav.wall", ns: "screens" },
  summary: { key: "nav.summary", ns: "screens" },
  about: { key: "nav.about", ns: "translation" },
  units: { key: "nav.units", ns: "ops" },
  tickets: { key: "titles.ticket", ns: "screens" },
  triage: { key: "nav.triage", ns: "ops" },
  intake: { key: "nav.intake", ns: "ops" },
  scorecards: { key: "nav.scorecards", ns: "admin" },
  officers: { key: "nav.officers", ns: "admin" },
  settings: { key: "nav.settings", ns: "admin" },
  login: { key: "login.title", ns: "access" },
  admin: { key: "nav.users", ns: "access" },
  audit: { key: "nav.audit", ns: "access" },
  notices: { key: "nav.notices", ns: "notices" },
};

/**
 * Gives every screen its own tab title ("Triage queue · Nigrani"), in the screen's language, so a
 * desk with several tabs open and the browser history tell them apart. /track sets its own.
 */
export function useScreenTitle(): void {
  const { pathname } = useLocation();
  const { t, i18n } = useTranslation();
  const segment = pathname.split("/")[1] ?? "";
  useEffect(() => {
    if (segment === "track") return;
    const entry = SCREEN_TITLES[segment];
    const app = t("app.name");
    // Keys from several namespaces, looked up by name: i18next's typed keys cannot follow a table.
    const lookup = i18n.t.bind(i18n) as (key: string) => string;
    document.title = entry ? `${lookup(`${entry.ns}:${entry.key}`)} · ${app}` : t("app.title");
  }, [segment, t, i18n, i18n.language]);
}
