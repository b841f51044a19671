import "./base.css";
import { SLA_LABELS, type SlaState } from "../../../shared/domain.js";
import { useLanguage } from "../../i18n/useLanguage.js";

/** An SLA state as a dot and its words, so colour is never the only signal. */
export function SlaBadge({ state }: { state: SlaState }) {
  const lng = useLanguage();
  return (
    <span className={`sla-badge sla-badge--${state}`} data-sla={state}>
      <span className={`sla-dot sla-dot--${state}`} aria-hidden="true" />
      {SLA_LABELS[state][lng]}
    </span>
  );
}
