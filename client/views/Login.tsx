import "../panels/admin/admin.css";
import "./login.css";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { getDemoInfo, postSession } from "../api/access.js";
import { useRemote } from "../api/useRemote.js";
import { afterSignIn } from "../app/access.js";
import { LanguageToggle } from "../app/LanguageToggle.js";
import { signedIn } from "../app/session.js";
import { loadSession, useSession } from "../app/useSession.js";
import { useAddressLanguage } from "../i18n/useAddressLanguage.js";
import { loginErrorText } from "../panels/access/loginErrors.js";
import { LoginForm } from "../panels/access/LoginForm.js";

/** /login?next=: signs in and goes back to `next` (a path on this site) or the role's landing page. */
export default function Login() {
  const { t } = useTranslation("access");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get("next");
  const toggle = useAddressLanguage();
  const state = useSession();
  const demo = useRemote("demo", (signal) => getDemoInfo(signal));
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // Someone still signed in (a bookmark of /login) goes straight on.
  useEffect(() => loadSession(), []);

  if (state.status === "signed_in" && !busy) {
    return <Navigate to={afterSignIn(state.session.user, next)} replace />;
  }

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const session = await postSession({ username: username.trim(), password });
      signedIn(session);
      void navigate(afterSignIn(session.user, next), { replace: true });
    } catch (err) {
      setError(err);
      setPassword("");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <header className="login-page__header">
        <Link to="/about" className="brand">
          <span className="brand__mark" aria-hidden="true" />
          <span className="brand__name">{t("app.name", { ns: "translation" })}</span>
          <span className="brand__alt" aria-hidden="true">
            / {t("app.nameAlt", { ns: "translation" })}
          </span>
        </Link>
        <LanguageToggle onToggle={toggle} />
      </header>
      <main id="main" className="login-page__main">
        <LoginForm
          username={username}
          password={password}
          onUsername={setUsername}
          onPassword={setPassword}
          onSubmit={() => void submit()}
          busy={busy}
          error={error === null ? null : loginErrorText(error, t)}
          ended={state.status === "signed_out" && state.ended && error === null}
          demo={demo.data}
        />
        <p className="login-page__public">
          {t("login.publicLead")} <Link to="/track">{t("login.trackLink")}</Link> ·{" "}
          <Link to="/about">{t("login.aboutLink")}</Link>
        </p>
      </main>
    </div>
  );
}
