import "./base.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { OFFICER_ROLES, ROLE_TITLES } from "../../../shared/officers.js";
import type { TicketAction } from "../../../shared/schemas.js";
import type { OfficerWire } from "../../api/types.js";
import { formatCount } from "../../i18n/format.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import type { ShownError } from "./errors.js";
import { describedBy, Field, FormError } from "./Field.js";

/** What every action form gets: whether it is sending, what went wrong, and where to send. */
export interface ActionFormProps {
  busy: boolean;
  error: ShownError | null;
  onSubmit(action: TicketAction): void;
}

export interface AssignFormProps extends ActionFormProps {
  officers: readonly OfficerWire[];
  officersLoading: boolean;
  officersError?: string | null;
  currentAssigneeId: string | null;
}

/** Assign (or reassign, with a reason) to an officer of the ticket's division. */
export function AssignForm(props: AssignFormProps) {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  const [officerId, setOfficerId] = useState("");
  const [reason, setReason] = useState("");
  const reassign = props.currentAssigneeId !== null;
  const fields = props.error?.fields ?? {};
  const choices = props.officers.filter((o) => o.id !== props.currentAssigneeId);
  return (
    <form
      noValidate
      className="action-form"
      data-action="assign"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit({ type: "assign", officerId, ...(reason.trim() ? { reason } : {}) });
      }}
    >
      <FormError message={props.error?.message} />
      <Field
        id="assign-officer"
        label={t("actions.officer")}
        error={fields.officerId ?? props.officersError}
        hint={props.officersLoading ? t("actions.officersLoading") : null}
      >
        <select
          {...describedBy("assign-officer", fields.officerId ?? props.officersError)}
          value={officerId}
          onChange={(e) => setOfficerId(e.target.value)}
          required
        >
          <option value="">{t("actions.chooseOfficer")}</option>
          {OFFICER_ROLES.map((role) => {
            const group = choices.filter((o) => o.role === role);
            if (group.length === 0) return null;
            return (
              <optgroup key={role} label={`${ROLE_TITLES[role][lng]} (${ROLE_TITLES[role].short})`}>
                {group.map((o) => (
                  <option key={o.id} value={o.id}>
                    {officerLabel(o, lng)}
                    {o.on_leave ? ` (${t("actions.onLeave")})` : ""}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </Field>
      {reassign && (
        <Field id="assign-reason" label={t("actions.reassignReason")} error={fields.reason}>
          <input
            {...describedBy("assign-reason", fields.reason)}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            minLength={3}
            maxLength={1000}
          />
        </Field>
      )}
      <button type="submit" className="button button--primary" disabled={props.busy}>
        {props.busy
          ? t("actions.sending")
          : t(reassign ? "actions.reassignSubmit" : "actions.assignSubmit")}
      </button>
    </form>
  );
}

export function officerLabel(
  o: Pick<OfficerWire, "name" | "name_hi" | "designation" | "designation_hi">,
  lng: "en" | "hi",
) {
  return lng === "hi"
    ? `${o.name_hi || o.name}, ${o.designation_hi || o.designation}`
    : `${o.name}, ${o.designation}`;
}

type TextAction = "start" | "resolve" | "reopen" | "escalate" | "note";
const TEXT_FIELD: Record<
  TextAction,
  { field: "note" | "reason" | "text"; min: number; required: boolean }
> = {
  start: { field: "note", min: 0, required: false },
  resolve: { field: "note", min: 5, required: true },
  reopen: { field: "reason", min: 3, required: true },
  escalate: { field: "reason", min: 3, required: true },
  note: { field: "text", min: 1, required: true },
};

/** Start, resolve, reopen, escalate or add a note: one text (a note or a reason) and a button. */
export function TextActionForm(props: ActionFormProps & { type: TextAction }) {
  const { t } = useTranslation("ops");
  const [value, setValue] = useState("");
  const spec = TEXT_FIELD[props.type];
  const id = `action-${props.type}-${spec.field}`;
  const error = props.error?.fields[spec.field];
  return (
    <form
      noValidate
      className="action-form"
      data-action={props.type}
      onSubmit={(e) => {
        e.preventDefault();
        const text = value.trim();
        const action = { type: props.type, [spec.field]: text } as TicketAction;
        props.onSubmit(props.type === "start" && !text ? { type: "start" } : action);
      }}
    >
      <FormError message={props.error?.message} />
      <Field
        id={id}
        label={t(`actions.field.${props.type}`)}
        error={error}
        hint={t(`actions.hint.${props.type}`)}
      >
        <textarea
          {...describedBy(id, error, t(`actions.hint.${props.type}`))}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          required={spec.required}
          minLength={spec.min || undefined}
          maxLength={2000}
          rows={3}
        />
      </Field>
      <button type="submit" className="button button--primary" disabled={props.busy}>
        {props.busy ? t("actions.sending") : t(`actions.submit.${props.type}`)}
      </button>
    </form>
  );
}

/** Merge this ticket into another (a duplicate of it). */
export function MergeForm(props: ActionFormProps) {
  const { t } = useTranslation("ops");
  const [into, setInto] = useState("");
  const error = props.error?.fields.into;
  return (
    <form
      noValidate
      className="action-form"
      data-action="merge"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit({ type: "merge", into: into.trim().toUpperCase() });
      }}
    >
      <FormError message={props.error?.message} />
      <Field
        id="merge-into"
        label={t("actions.field.merge")}
        error={error}
        hint={t("actions.hint.merge")}
      >
        <input
          {...describedBy("merge-into", error, t("actions.hint.merge"))}
          value={into}
          onChange={(e) => setInto(e.target.value)}
          required
          maxLength={40}
          autoCapitalize="characters"
          spellCheck={false}
        />
      </Field>
      <button type="submit" className="button button--primary" disabled={props.busy}>
        {props.busy ? t("actions.sending") : t("actions.submit.merge")}
      </button>
    </form>
  );
}

/** Close with the 6-digit code the consumer received; shows attempts left, or that it is locked. */
export function OtpForm(props: ActionFormProps & { attemptsLeft: number | null }) {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  const [otp, setOtp] = useState("");
  const locked = props.attemptsLeft === 0;
  const error = props.error?.fields.otp;
  const hint = locked
    ? t("actions.otpLocked")
    : props.attemptsLeft === null
      ? t("actions.hint.confirm_otp")
      : t("actions.attemptsLeft", {
          count: props.attemptsLeft,
          n: formatCount(props.attemptsLeft, lng),
        });
  return (
    <form
      noValidate
      className="action-form"
      data-action="confirm_otp"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit({ type: "confirm_otp", otp: otp.trim() });
      }}
    >
      <FormError message={props.error?.message} />
      <Field id="otp-code" label={t("actions.field.confirm_otp")} error={error} hint={hint}>
        <input
          {...describedBy("otp-code", error, hint)}
          className="otp-input"
          value={otp}
          onChange={(e) => setOtp(e.target.value.replace(/\D/g, "").slice(0, 6))}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="\d{6}"
          required
          disabled={locked}
        />
      </Field>
      <button type="submit" className="button button--primary" disabled={props.busy || locked}>
        {props.busy ? t("actions.sending") : t("actions.submit.confirm_otp")}
      </button>
    </form>
  );
}
