import "./base.css";
import "./tickets.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CategoryId } from "../../../shared/domain.js";
import type { TicketAction } from "../../../shared/schemas.js";
import {
  AssignForm,
  MergeForm,
  OtpForm,
  TextActionForm,
  type ActionFormProps,
  type AssignFormProps,
} from "./ActionForms.js";
import type { ActionType } from "./actions.js";
import type { ShownError } from "./errors.js";
import { CategoriseForm, FeederPicker, type FeederPickerProps } from "./TriageForms.js";

export interface TicketActionsProps {
  available: readonly ActionType[];
  /** The action being sent, if any. */
  busy: ActionType | null;
  failure: { type: ActionType; error: ShownError } | null;
  /** What the last action did, or why the page reloaded. */
  notice: string | null;
  /** Changes after every successful action, so the forms start empty again. */
  formKey: number;
  onAction(action: TicketAction): void;
  assign: Omit<AssignFormProps, keyof ActionFormProps>;
  otpAttemptsLeft: number | null;
  feeder: Omit<FeederPickerProps, keyof ActionFormProps | "idPrefix">;
  category: CategoryId | null;
}

/** The actions the ticket's status allows: a row of buttons, and the chosen action's form. */
export function TicketActions(props: TicketActionsProps) {
  const { t } = useTranslation("ops");
  const [chosen, setChosen] = useState<ActionType | null>(null);
  const current =
    chosen && props.available.includes(chosen) ? chosen : (props.available[0] ?? null);
  const common = (type: ActionType): ActionFormProps => ({
    busy: props.busy === type,
    error: props.failure?.type === type ? props.failure.error : null,
    onSubmit: props.onAction,
  });
  return (
    <section className="panel ops-panel ticket-actions" aria-labelledby="actions-title">
      <header className="panel__header">
        <h2 id="actions-title" className="panel__title">
          {t("actions.title")}
        </h2>
      </header>
      <div className="ticket-actions__body">
        {props.notice && (
          <p className="notice" role="status">
            {props.notice}
          </p>
        )}
        {current === null ? (
          <p className="ops-empty">{t("actions.none")}</p>
        ) : (
          <>
            <div className="action-tabs" role="group" aria-label={t("actions.choose")}>
              {props.available.map((a) => (
                <button
                  key={a}
                  type="button"
                  className="action-tab"
                  aria-pressed={a === current}
                  data-action-tab={a}
                  onClick={() => setChosen(a)}
                >
                  {t(`actions.name.${a}`)}
                </button>
              ))}
            </div>
            <div className="action-pane" key={`${current}:${props.formKey}`}>
              {current === "assign" && <AssignForm {...common("assign")} {...props.assign} />}
              {(current === "start" ||
                current === "resolve" ||
                current === "reopen" ||
                current === "escalate" ||
                current === "note") && <TextActionForm {...common(current)} type={current} />}
              {current === "merge" && <MergeForm {...common("merge")} />}
              {current === "confirm_otp" && (
                <OtpForm {...common("confirm_otp")} attemptsLeft={props.otpAttemptsLeft} />
              )}
              {current === "categorise" && (
                <CategoriseForm
                  {...common("categorise")}
                  idPrefix="ticket"
                  current={props.category}
                />
              )}
              {current === "place" && (
                <FeederPicker {...common("place")} idPrefix="ticket" {...props.feeder} />
              )}
            </div>
          </>
        )}
      </div>
    </section>
  );
}
