import "./track.css";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PublicPage } from "./PublicPage.js";
import {
  checkLookup,
  lookupTicket,
  normaliseNumber,
  LINK_TOKEN,
  TrackError,
  type PublicTicket,
  type TrackKey,
} from "./TrackApi.js";
import { TrackProblem } from "./TrackProblem.js";
import { TrackResult } from "./TrackResult.js";

/**
 * /track: the public status page a consumer opens from the link in their SMS or WhatsApp message.
 * Ticket number (prefilled from `?n=`) plus the last 4 digits of the phone they complained from.
 * It has no control-room navigation and never shows anyone's phone number.
 */
export default function Track() {
  const { t } = useTranslation("screens");
  const [params, setParams] = useSearchParams();
  const [number, setNumber] = useState(() => normaliseNumber(params.get("n") ?? ""));
  const [phone4, setPhone4] = useState("");
  const [invalid, setInvalid] = useState<{ number?: true; phone4?: true }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TrackError | null>(null);
  const [found, setFound] = useState<{
    ticket: PublicTicket;
    token: string | null;
    lookup: number;
  } | null>(null);
  // The link in the consumer's message carries a token: with it the page opens the ticket at once
  // and takes their answer without asking for the code.
  const [token] = useState(() => {
    const t = params.get("t");
    return t && LINK_TOKEN.test(t) ? t : null;
  });
  const resultRef = useRef<HTMLDivElement>(null);
  const id = useId();

  const show = async (n: string, key: TrackKey) => {
    setBusy(true);
    setError(null);
    try {
      const ticket = await lookupTicket(n, key);
      // A new lookup starts a fresh result (and feedback form); an answer only updates the ticket.
      setFound((f) => ({
        ticket,
        token: "token" in key ? key.token : null,
        lookup: (f?.lookup ?? 0) + 1,
      }));
      // The number (not the phone digits) goes in the address, so a reload shows the form filled in.
      const p = new URLSearchParams(params);
      p.set("n", n);
      setParams(p, { replace: true });
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (err) {
      setFound(null);
      setError(err instanceof TrackError ? err : new TrackError("server", String(err)));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = normaliseNumber(number);
    setNumber(n);
    const problems = checkLookup(n, phone4);
    setInvalid(problems);
    if (problems.number || problems.phone4) return;
    await show(n, { phone4 });
  };

  const opened = useRef(false);
  useEffect(() => {
    const n = normaliseNumber(params.get("n") ?? "");
    if (opened.current || !token || checkLookup(n, "0000").number) return;
    opened.current = true;
    void show(n, { token });
    // Only on arrival from the link.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <PublicPage brand={t("track.brand")} title={t("track.pageTitle")}>
      <main className="track__main">
        <h1 className="track__title">{t("track.title")}</h1>
        <p className="track__intro">{t("track.intro")}</p>
        <form className="track__form" onSubmit={submit} noValidate>
          <div className="track__field">
            <label htmlFor={`${id}-n`}>{t("track.number")}</label>
            <input
              id={`${id}-n`}
              name="number"
              value={number}
              onChange={(e) => setNumber(e.target.value)}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              placeholder="LKO-000123"
              aria-invalid={invalid.number ? true : undefined}
              aria-describedby={`${id}-n-hint`}
              required
            />
            <p
              id={`${id}-n-hint`}
              className={invalid.number ? "track__hint track__hint--error" : "track__hint"}
            >
              {invalid.number ? t("track.numberInvalid") : t("track.numberHint")}
            </p>
          </div>
          <div className="track__field">
            <label htmlFor={`${id}-p`}>{t("track.phone4")}</label>
            <input
              id={`${id}-p`}
              name="phone4"
              value={phone4}
              onChange={(e) => setPhone4(e.target.value.replace(/\D/g, "").slice(0, 4))}
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              placeholder="1234"
              aria-invalid={invalid.phone4 ? true : undefined}
              aria-describedby={`${id}-p-hint`}
              required
            />
            <p
              id={`${id}-p-hint`}
              className={invalid.phone4 ? "track__hint track__hint--error" : "track__hint"}
            >
              {invalid.phone4 ? t("track.phone4Invalid") : t("track.phone4Hint")}
            </p>
          </div>
          <button type="submit" className="track__button" disabled={busy}>
            {busy ? t("track.looking") : t("track.lookUp")}
          </button>
        </form>
        {error && <TrackProblem error={error} />}
        <div ref={resultRef} tabIndex={-1} className="track__result-anchor">
          {found && (
            <TrackResult
              key={found.lookup}
              ticket={found.ticket}
              token={found.token}
              onUpdate={(ticket) => setFound({ ...found, ticket })}
            />
          )}
        </div>
      </main>
      <footer className="track__footer">{t("track.footer")}</footer>
    </PublicPage>
  );
}
