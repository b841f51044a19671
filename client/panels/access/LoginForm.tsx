import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { DemoInfo } from "../../../shared/access.js";
import { roleName } from "./roles.js";

export interface LoginFormProps {
  username: string;
  password: string;
  onUsername(value: string): void;
  onPassword(value: string): void;
  onSubmit(): void;
  busy: boolean;
  /** The sentence to show above the button, already translated. */
  error: string | null;
  /** The session ended on its own (time-out, signed out elsewhere), not by choice. */
  ended: boolean;
  demo: DemoInfo | null;
}

/** The sign-in form: username, password, one clear error, and the demo users in demo mode. */
export function LoginForm(props: LoginFormProps) {
  const { t } = useTranslation("access");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!props.busy) props.onSubmit();
  };
  return (
    <div className="login">
      <form className="login__form" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">{t("login.title")}</h1>
        {props.ended && (
          <p className="login__notice" role="status">
            {t("login.ended")}
          </p>
        )}
        <label className="adm-field">
          <span className="adm-label">{t("login.username")}</span>
          <input
            className="adm-input"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={props.username}
            onChange={(e) => props.onUsername(e.target.value)}
            aria-invalid={props.error ? true : undefined}
            aria-describedby={props.error ? "login-error" : undefined}
          />
        </label>
        <label className="adm-field">
          <span className="adm-label">{t("login.password")}</span>
          <input
            className="adm-input"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={props.password}
            onChange={(e) => props.onPassword(e.target.value)}
            aria-invalid={props.error ? true : undefined}
            aria-describedby={props.error ? "login-error" : undefined}
          />
        </label>
        {props.error && (
          <p id="login-error" className="login__error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {props.error}
          </p>
        )}
        <button
          type="submit"
          className="adm-button adm-button--primary login__submit"
          disabled={props.busy}
        >
          {props.busy ? t("login.signingIn") : t("login.submit")}
        </button>
      </form>
      {props.demo?.demo && <DemoUsers demo={props.demo} />}
    </div>
  );
}

function DemoUsers({ demo }: { demo: DemoInfo }) {
  const { t } = useTranslation("access");
  return (
    <aside className="login__demo" aria-labelledby="login-demo-title">
      <h2 id="login-demo-title">{t("login.demo.title")}</h2>
      <p>{t("login.demo.intro")}</p>
      <table className="login__demo-users">
        <thead>
          <tr>
            <th scope="col">{t("login.username")}</th>
            <th scope="col">{t("login.demo.role")}</th>
          </tr>
        </thead>
        <tbody>
          {demo.users.map((u) => (
            <tr key={u.username}>
              <td>
                <code>{u.username}</code>
              </td>
              <td>{roleName(u.role, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="login__demo-password">{t("login.demo.password")}</p>
    </aside>
  );
}
