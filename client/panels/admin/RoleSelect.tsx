import { OFFICER_ROLES, ROLE_TITLES, type OfficerRole } from "../../../shared/officers.js";
import type { Language } from "../../i18n/index.js";
import { useLanguage } from "../../i18n/useLanguage.js";

/** "JE · Junior Engineer" / "JE · अवर अभियंता". */
export function roleLabel(role: OfficerRole, lng: Language): string {
  const r = ROLE_TITLES[role];
  return `${r.short} · ${r[lng]}`;
}

/** A select of the escalation ladder's ranks, bottom to top. */
export function RoleSelect(props: {
  value: OfficerRole;
  onChange(role: OfficerRole): void;
  label: string;
  disabled?: boolean;
  id?: string;
}) {
  const lng = useLanguage();
  return (
    <select
      id={props.id}
      className="adm-input adm-select"
      value={props.value}
      aria-label={props.label}
      disabled={props.disabled}
      onChange={(e) => {
        const role = OFFICER_ROLES.find((r) => r === e.target.value);
        if (role) props.onChange(role);
      }}
    >
      {OFFICER_ROLES.map((r) => (
        <option key={r} value={r}>
          {roleLabel(r, lng)}
        </option>
      ))}
    </select>
  );
}
