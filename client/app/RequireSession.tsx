import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { guardDecision, loadSession, useSession } from "./useSession.js";

/** While the server is unreachable the guard asks again this often, so a wall PC recovers alone. */
const RETRY_MS = 5000;

/**
 * The router's guard around every screen but /track, /about and /login: it loads the session once
 * and renders its screens only for a signed-in user whose role may use them.
 */
export function RequireSession() {
  const { t } = useTranslation("access");
  const state = useSession();
  const location = useLocation();
  const here = `${location.pathname}${location.search}${location.hash}`;
  const decision = guardDecision(state, location.pathname, here);

  useEffect(() => loadSession(), []);
  useEffect(() => {
    if (decision.kind !== "error") return;
    const timer = setTimeout(() => loadSession(true), RETRY_MS);
    return () => clearTimeout(timer);
  }, [decision.kind]);

  switch (decision.kind) {
    case "wait":
      return (
        <p className="guard-state" role="status">
          {t("guard.checking")}
        </p>
      );
    case "error":
      return (
        <div className="guard-state guard-state--error" role="alert">
          <p>{t("guard.unreachable")}</p>
          <button type="button" className="adm-button" onClick={() => loadSession(true)}>
            {t("guard.retry")}
          </button>
        </div>
      );
    case "redirect":
      return <Navigate to={decision.to} replace />;
    case "render":
      return <Outlet />;
  }
}
