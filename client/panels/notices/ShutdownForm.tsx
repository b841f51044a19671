import "../tickets/base.css";
import "../admin/admin-controls.css";
import "./notices.css";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { shutdownInputSchema, type ShutdownInput } from "../../../shared/notices.js";
import { fieldErrors } from "../../../shared/schemas.js";
import { placeName } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { UnitPicker, type UnitHit } from "../admin/UnitPicker.js";
import { describedBy, Field, FormError } from "../tickets/Field.js";
import { istInputToIso } from "./istInput.js";

export interface ShutdownFormProps {
  /** What is typed in the feeder search, and the feeders it found (the view searches). */
  query: string;
  onQuery(q: string): void;
  hits: readonly UnitHit[];
  searchStatus: "idle" | "loading" | "ready" | "error";
  /** Initial window, as IST datetime-local values. */
  defaultStart: string;
  defaultEnd: string;
  busy: boolean;
  /** The server's refusal: field errors by input name, or a message for the whole form. */
  serverFields: Readonly<Record<string, string>>;
  serverError: string | null;
  done: string | null;
  onSubmit(input: ShutdownInput): void;
}

const FIELDS = ["feederIds", "reason", "startsAt", "endsAt"] as const;

/** Feeders, reason and window of a planned shutdown, checked with the API's own schema. */
export function ShutdownForm(props: ShutdownFormProps) {
  const { t } = useTranslation("notices");
  const lng = useLanguage();
  const id = useId();
  const [feeders, setFeeders] = useState<UnitHit[]>([]);
  const [reason, setReason] = useState("");
  const [startsAt, setStartsAt] = useState(props.defaultStart);
  const [endsAt, setEndsAt] = useState(props.defaultEnd);
  const [local, setLocal] = useState<Record<string, string>>({});
  // The schema's and the server's reasons are English: each field shows its own translated rule.
  const raw = { ...props.serverFields, ...local };
  const errors: Partial<Record<(typeof FIELDS)[number], string>> = {};
  for (const f of FIELDS) if (raw[f]) errors[f] = t(`form.errors.${f}`);

  const submit = () => {
    const input = {
      feederIds: feeders.map((f) => f.id),
      reason,
      startsAt: istInputToIso(startsAt),
      endsAt: istInputToIso(endsAt),
    };
    const parsed = shutdownInputSchema.safeParse(input);
    if (!parsed.success) {
      setLocal(fieldErrors(parsed.error));
      return;
    }
    setLocal({});
    props.onSubmit(parsed.data);
  };

  return (
    <form
      className="panel ops-panel notices-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <header className="panel__header">
        <h2 id={`${id}-title`} className="panel__title">
          {t("form.title")}
        </h2>
      </header>
      <div className="notices-form__body">
        <fieldset className="notices-form__feeders" aria-describedby={`${id}-feeders-state`}>
          <legend className="field__label">{t("form.feeders")}</legend>
          {feeders.length === 0 ? (
            <p
              id={`${id}-feeders-state`}
              className={errors.feederIds ? "field__error" : "field__hint"}
            >
              {errors.feederIds ?? t("form.noFeeders")}
            </p>
          ) : (
            <ul className="notices-chips" id={`${id}-feeders-state`}>
              {feeders.map((f) => (
                <li key={f.id} className="notices-chip" data-feeder={f.id}>
                  {placeName(f, lng)}
                  <button
                    type="button"
                    className="notices-chip__remove"
                    aria-label={t("form.remove", { name: placeName(f, lng) })}
                    onClick={() => setFeeders((list) => list.filter((x) => x.id !== f.id))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <UnitPicker
            query={props.query}
            onQuery={props.onQuery}
            hits={props.hits.filter((h) => !feeders.some((f) => f.id === h.id))}
            status={props.searchStatus}
            label={t("form.feederSearch")}
            onPick={(hit) => {
              setFeeders((list) => [...list, hit]);
              props.onQuery("");
            }}
          />
        </fieldset>
        <Field
          id={`${id}-reason`}
          label={t("form.reason")}
          error={errors.reason}
          hint={t("form.reasonHint")}
        >
          <input
            {...describedBy(`${id}-reason`, errors.reason, t("form.reasonHint"))}
            className="field__input"
            name="reason"
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        <div className="notices-form__window">
          <Field id={`${id}-from`} label={t("form.startsAt")} error={errors.startsAt}>
            <input
              {...describedBy(`${id}-from`, errors.startsAt)}
              className="field__input"
              type="datetime-local"
              name="startsAt"
              value={startsAt}
              onChange={(e) => setStartsAt(e.target.value)}
            />
          </Field>
          <Field id={`${id}-to`} label={t("form.endsAt")} error={errors.endsAt}>
            <input
              {...describedBy(`${id}-to`, errors.endsAt)}
              className="field__input"
              type="datetime-local"
              name="endsAt"
              value={endsAt}
              onChange={(e) => setEndsAt(e.target.value)}
            />
          </Field>
        </div>
        <p className="field__hint">{t("form.leadHint")}</p>
        <FormError message={props.serverError} />
        {props.done && (
          <p className="notice" role="status">
            {props.done}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={props.busy}>
          {props.busy ? t("form.saving") : t("form.submit")}
        </button>
      </div>
    </form>
  );
}
