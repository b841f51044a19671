import { useTranslation } from "react-i18next";
import { FieldError } from "./FieldError.js";

export interface LifecycleFieldsProps {
  confirmWindowHours: string;
  otpMaxAttempts: string;
  errors: Readonly<Record<string, string>>;
  onChange(patch: { confirmWindowHours?: string; otpMaxAttempts?: string }): void;
  disabled?: boolean;
}

/** The confirmation window and the OTP tries, each with one line on what it does. */
export function LifecycleFields(props: LifecycleFieldsProps) {
  const { t } = useTranslation("admin");
  const fields = [
    {
      name: "confirmWindowHours" as const,
      label: t("settings.confirmWindow"),
      help: t("settings.confirmWindowHelp"),
      inputMode: "decimal" as const,
    },
    {
      name: "otpMaxAttempts" as const,
      label: t("settings.otpTries"),
      help: t("settings.otpTriesHelp"),
      inputMode: "numeric" as const,
    },
  ];
  return (
    <div className="adm-fields">
      {fields.map((f) => {
        const err = props.errors[f.name];
        return (
          <div key={f.name} className="adm-field">
            <label htmlFor={`field-${f.name}`} className="adm-label adm-label--strong">
              {f.label}
            </label>
            <input
              id={`field-${f.name}`}
              name={f.name}
              className={`adm-input adm-input--num${err ? " adm-input--invalid" : ""}`}
              inputMode={f.inputMode}
              value={props[f.name]}
              disabled={props.disabled}
              aria-invalid={err ? true : undefined}
              aria-describedby={`field-${f.name}-help${err ? ` field-${f.name}-error` : ""}`}
              onChange={(e) => props.onChange({ [f.name]: e.target.value })}
            />
            <p id={`field-${f.name}-help`} className="adm-help">
              {f.help}
            </p>
            <FieldError id={`field-${f.name}-error`} message={err} />
          </div>
        );
      })}
    </div>
  );
}
