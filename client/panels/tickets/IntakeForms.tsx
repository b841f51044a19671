import "./base.css";
import "./triage.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from "../../../shared/domain.js";
import type { OfficerWire, UnitSearchHit } from "../../api/types.js";
import { placeName } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { officerLabel } from "./ActionForms.js";
import type { ShownError } from "./errors.js";
import { describedBy, Field, FormError } from "./Field.js";

export interface CallDraft {
  channel: "officer_phone" | "walk_in";
  officerId: string;
  account: string;
  phone: string;
  text: string;
  category: CategoryId | "";
}

export interface OfficePicker {
  query: string;
  onQueryChange(q: string): void;
  results: readonly UnitSearchHit[];
  searching: boolean;
  chosen: { id: string; name: string; nameHi: string } | null;
  onChoose(hit: UnitSearchHit | null): void;
  officers: readonly OfficerWire[];
  officersLoading: boolean;
}

export interface SubmitState {
  busy: boolean;
  error: ShownError | null;
}

/** A call on an officer's published number or a visit to a counter, typed in by the officer. */
export function CallForm(
  props: SubmitState & { office: OfficePicker; onSubmit(d: CallDraft): void },
) {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  const [d, setD] = useState<CallDraft>({
    channel: "officer_phone",
    officerId: "",
    account: "",
    phone: "",
    text: "",
    category: "",
  });
  const set = <K extends keyof CallDraft>(k: K, v: CallDraft[K]) => setD((x) => ({ ...x, [k]: v }));
  const f = props.error?.fields ?? {};
  const o = props.office;
  return (
    <form
      noValidate
      className="intake-form"
      aria-labelledby="call-title"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(d);
      }}
    >
      <h2 id="call-title">{t("intake.callTitle")}</h2>
      <FormError message={props.error?.message} />
      <fieldset className="choice-group">
        <legend className="field__label">{t("intake.channel")}</legend>
        <div className="choice-group__options">
          {(["officer_phone", "walk_in"] as const).map((c) => (
            <label key={c} className={`choice${d.channel === c ? " choice--on" : ""}`}>
              <input
                type="radio"
                name="intake-channel"
                checked={d.channel === c}
                onChange={() => set("channel", c)}
              />
              <span>{t(`intake.channel_${c}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {o.chosen ? (
        <p className="intake-form__office">
          {t("intake.office")}: <strong>{placeName(o.chosen, lng)}</strong>{" "}
          <button type="button" className="button button--quiet" onClick={() => o.onChoose(null)}>
            {t("intake.changeOffice")}
          </button>
        </p>
      ) : (
        <Field id="intake-office" label={t("intake.findOffice")} hint={t("intake.findOfficeHint")}>
          <input
            {...describedBy("intake-office", null, t("intake.findOfficeHint"))}
            type="search"
            value={o.query}
            onChange={(e) => o.onQueryChange(e.target.value)}
            autoComplete="off"
          />
          <ul className="office-hits" aria-live="polite">
            {o.searching && <li className="muted">{t("triage.searching")}</li>}
            {o.results.map((r) => (
              <li key={r.id}>
                <button type="button" className="office-hit" onClick={() => o.onChoose(r)}>
                  {placeName(r, lng)}
                  <span className="muted">
                    {" "}
                    ·{" "}
                    {r.path
                      .slice(-2)
                      .map((p) => placeName(p, lng))
                      .join(" › ")}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </Field>
      )}
      <Field
        id="intake-officer"
        label={t("intake.officer")}
        error={f.officerId}
        hint={o.officersLoading ? t("actions.officersLoading") : null}
      >
        <select
          {...describedBy("intake-officer", f.officerId)}
          value={d.officerId}
          onChange={(e) => set("officerId", e.target.value)}
          required
          disabled={!o.chosen}
        >
          <option value="">
            {o.chosen ? t("actions.chooseOfficer") : t("intake.officeFirst")}
          </option>
          {o.officers.map((x) => (
            <option key={x.id} value={x.id}>
              {officerLabel(x, lng)}
            </option>
          ))}
        </select>
      </Field>
      <div className="field-pair">
        <Field
          id="intake-account"
          label={t("intake.account")}
          error={f.consumerAccount}
          hint={t("intake.accountHint")}
        >
          <input
            {...describedBy("intake-account", f.consumerAccount, t("intake.accountHint"))}
            value={d.account}
            onChange={(e) => set("account", e.target.value.replace(/\s/g, ""))}
            inputMode="numeric"
            autoComplete="off"
            maxLength={16}
          />
        </Field>
        <Field
          id="intake-phone"
          label={t("intake.phone")}
          error={f.phone}
          hint={t("intake.phoneHint")}
        >
          <input
            {...describedBy("intake-phone", f.phone, t("intake.phoneHint"))}
            value={d.phone}
            onChange={(e) => set("phone", e.target.value)}
            type="tel"
            autoComplete="off"
            maxLength={20}
          />
        </Field>
      </div>
      <Field id="intake-text" label={t("intake.text")} error={f.text}>
        <textarea
          {...describedBy("intake-text", f.text)}
          value={d.text}
          onChange={(e) => set("text", e.target.value)}
          required
          maxLength={4000}
          rows={4}
        />
      </Field>
      <Field id="intake-category" label={t("intake.category")} error={f.category}>
        <select
          {...describedBy("intake-category", f.category)}
          value={d.category}
          onChange={(e) => set("category", e.target.value as CallDraft["category"])}
        >
          <option value="">{t("intake.categoryAuto")}</option>
          {CATEGORY_IDS.map((c) => (
            <option key={c} value={c}>
              {CATEGORIES[c][lng]}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="button button--primary" disabled={props.busy}>
        {props.busy ? t("actions.sending") : t("intake.submitCall")}
      </button>
    </form>
  );
}

/** A post on X that reached the discom some other way: its link and its words. */
export function XPasteForm(
  props: SubmitState & { onSubmit(d: { url: string; text: string }): void },
) {
  const { t } = useTranslation("ops");
  const [url, setUrl] = useState("");
  const [text, setText] = useState("");
  const f = props.error?.fields ?? {};
  return (
    <form
      noValidate
      className="intake-form"
      aria-labelledby="x-title"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit({ url: url.trim(), text });
      }}
    >
      <h2 id="x-title">{t("intake.xTitle")}</h2>
      <FormError message={props.error?.message} />
      <Field id="x-url" label={t("intake.xUrl")} error={f.url} hint={t("intake.xUrlHint")}>
        <input
          {...describedBy("x-url", f.url, t("intake.xUrlHint"))}
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          required
          maxLength={500}
          placeholder="https://x.com/…/status/…"
        />
      </Field>
      <Field id="x-text" label={t("intake.xText")} error={f.text}>
        <textarea
          {...describedBy("x-text", f.text)}
          value={text}
          onChange={(e) => setText(e.target.value)}
          required
          maxLength={4000}
          rows={4}
        />
      </Field>
      <button type="submit" className="button button--primary" disabled={props.busy}>
        {props.busy ? t("actions.sending") : t("intake.submitX")}
      </button>
    </form>
  );
}
