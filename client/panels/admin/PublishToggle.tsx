import { useTranslation } from "react-i18next";
import type { OfficerWire } from "../../api/types.js";

/** Whether the public "who to call" page shows this officer's number: one checkbox per officer. */
export function PublishToggle(props: {
  officer: OfficerWire;
  name: string;
  checked: boolean;
  disabled: boolean;
  onChange(officer: OfficerWire, isPublic: boolean): void;
}) {
  const { t } = useTranslation("public");
  return (
    <label className="adm-publish" title={t("admin.publishFor", { name: props.name })}>
      <input
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        aria-label={t("admin.publishFor", { name: props.name })}
        data-publish={props.officer.id}
        onChange={(e) => props.onChange(props.officer, e.target.checked)}
      />
      <span aria-hidden="true">{t("admin.publish")}</span>
    </label>
  );
}
