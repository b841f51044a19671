import "./admin.css";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

/** Tabs between the three administration screens; the unit travels between scorecards and officers. */
export function AdminNav({ unit }: { unit?: string | null }) {
  const { t } = useTranslation("admin");
  const q = unit ? `?unit=${encodeURIComponent(unit)}` : "";
  return (
    <nav className="adm-tabs" aria-label={t("nav.label")}>
      <NavLink to={`/scorecards${q}`}>{t("nav.scorecards")}</NavLink>
      <NavLink to={`/officers${q}`}>{t("nav.officers")}</NavLink>
      <NavLink to="/settings">{t("nav.settings")}</NavLink>
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
