import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import type { SessionUser } from "../../shared/access.js";
import { deleteSession } from "../api/access.js";
import { ApiRequestError, errorMessage } from "../api/http.js";
import type { Language } from "../i18n/index.js";
import { useLanguage } from "../i18n/useLanguage.js";
import { roleName } from "../panels/access/roles.js";
import { loginPath } from "./access.js";
import { signedOut } from "./session.js";
import type { SessionState } from "./session.js";

/** "Control room · Purvanchal VVNL": the role and the unit it is bound to, in the screen's language. */
export function userScope(user: SessionUser, lng: Language, role: string): string {
  const unit = lng === "hi" && user.unitNameHi ? user.unitNameHi : user.unitName;
  return `${role} · ${unit}`;
}

/** The header's corner: who is signed in and a sign-out button, or a sign-in link on /about. */
export function UserBox({ state }: { state: SessionState }) {
  const { t } = useTranslation("access");
  const lng = useLanguage();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (state.status !== "signed_in") {
    if (state.status !== "signed_out") return null;
    return (
      <Link className="user-box__in" to={loginPath(`${pathname}${search}`)}>
        {t("header.signIn")}
      </Link>
    );
  }
  const { user } = state.session;

  const signOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await deleteSession();
    } catch (err) {
      // A session the server already forgot is as signed out as it gets; anything else is shown.
      if (!(err instanceof ApiRequestError && err.status === 401)) {
        setError(t("header.signOutFailed", { message: errorMessage(err) }));
        setBusy(false);
        return;
      }
    }
    signedOut();
    void navigate("/login", { replace: true });
  };

  return (
    <div className="user-box">
      <div className="user-box__who" title={t("header.user", { name: user.name })}>
        <span className="user-box__name">{user.name}</span>
        <span className="user-box__scope">{userScope(user, lng, roleName(user.role, t))}</span>
      </div>
      <button
        type="button"
        className="user-box__out"
        onClick={() => void signOut()}
        disabled={busy}
      >
        {t("header.signOut")}
      </button>
      {error && (
        <span className="adm-field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
