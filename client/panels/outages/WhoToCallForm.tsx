import "./who-to-call.css";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { LookupBy } from "../../views/OutagesApi.js";

export interface WhoToCallFormProps {
  busy: boolean;
  /** The field problem to show under the input (already worded), or null. */
  problem: string | null;
  onLookup(by: LookupBy, value: string): void;
}

const KINDS: readonly LookupBy[] = ["account", "ticket", "place"];

/** One of account number, complaint number or place; large targets for a phone. */
export function WhoToCallForm({ busy, problem, onLookup }: WhoToCallFormProps) {
  const { t } = useTranslation("public");
  const id = useId();
  const [by, setBy] = useState<LookupBy>("account");
  const [value, setValue] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onLookup(by, value);
  };
  const help = {
    account: t("call.accountHelp"),
    ticket: t("call.ticketHelp"),
    place: t("call.placeHelp"),
  };
  const label = { account: t("call.account"), ticket: t("call.ticket"), place: t("call.place") };
  return (
    <form className="call-form" onSubmit={submit} noValidate>
      <fieldset className="call-form__by">
        <legend>{t("call.by")}</legend>
        {KINDS.map((k) => (
          <label key={k} className="call-form__choice">
            <input
              type="radio"
              name={`${id}-by`}
              value={k}
              checked={by === k}
              onChange={() => setBy(k)}
            />
            <span>{label[k]}</span>
          </label>
        ))}
      </fieldset>
      <div className="call-form__field">
        <label htmlFor={`${id}-value`}>{label[by]}</label>
        <div className="call-form__row">
          <input
            id={`${id}-value`}
            name={by}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            inputMode={by === "account" ? "numeric" : "text"}
            autoComplete="off"
            autoCapitalize={by === "ticket" ? "characters" : "off"}
            aria-describedby={`${id}-help${problem ? ` ${id}-problem` : ""}`}
            aria-invalid={problem ? true : undefined}
            data-testid="call-value"
          />
          <button type="submit" className="call-form__submit" disabled={busy}>
            {busy ? t("call.searching") : t("call.submit")}
          </button>
        </div>
        <p id={`${id}-help`} className="call-form__help">
          {help[by]}
        </p>
        {problem && (
          <p id={`${id}-problem`} className="call-form__problem" role="alert">
            {problem}
          </p>
        )}
      </div>
    </form>
  );
}
