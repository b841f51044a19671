import "./admin.css";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { mayOpen } from "../../app/access.js";
import { useSession } from "../../app/useSession.js";

/**
 * Tabs between the administration screens the signed-in role may open; the unit travels between
 * scorecards and officers.
 */
export function AdminNav({ unit }: { unit?: string | null }) {
  const { t } = useTranslation("admin");
  const { t: ta } = useTranslation("access");
  const session = useSession();
  const role = session.status === "signed_in" ? session.session.user.role : null;
  const q = unit ? `?unit=${encodeURIComponent(unit)}` : "";
  const tabs = [
    { path: "/scorecards", to: `/scorecards${q}`, label: t("nav.scorecards") },
    { path: "/officers", to: `/officers${q}`, label: t("nav.officers") },
    { path: "/settings", to: "/settings", label: t("nav.settings") },
    { path: "/admin/users", to: "/admin/users", label: ta("nav.users") },
    { path: "/admin/keys", to: "/admin/keys", label: ta("nav.keys") },
    { path: "/audit", to: "/audit", label: ta("nav.audit") },
  ].filter((tab) => role !== null && mayOpen(role, tab.path));
  return (
    <nav className="adm-tabs" aria-label={t("nav.label")}>
      {tabs.map((tab) => (
        <NavLink key={tab.path} to={tab.to}>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}

/** Loading, error (with a retry) and nothing else: the states every admin section shows alike. */
export function LoadState(props: {
  loading: boolean;
  error?: string | null;
  onRetry?: () => void;
}) {
  const { t } = useTranslation("admin");
  if (props.error) {
    return (
      <div className="adm-state adm-state--error" role="alert">
        <span>{t("common.error", { message: props.error })}</span>
        {props.onRetry && (
          <button type="button" className="adm-button" onClick={props.onRetry}>
            {t("common.retry")}
          </button>
        )}
      </div>
    );
  }
  if (props.loading) {
    return (
      <p className="adm-state" role="status">
        {t("common.loading")}
      </p>
    );
  }
  return null;
}
