import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../shared/access.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { detailText } from "./auditFilter.js";
import { formatWhen } from "./format.js";

/** Audit entries, newest first as the server sends them. Detail is text, never markup. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t } = useTranslation("access");
  const lng = useLanguage();
  return (
    <div className="adm-scroll">
      <table className="adm-table adm-table--cards acc-audit">
        <thead>
          <tr>
            <th scope="col">{t("audit.at")}</th>
            <th scope="col">{t("audit.kind")}</th>
            <th scope="col">{t("audit.actor")}</th>
            <th scope="col">{t("audit.address")}</th>
            <th scope="col">{t("audit.detail")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className={`acc-audit--${e.kind}`}>
              <th scope="row">{formatWhen(e.at, lng)}</th>
              <td data-label={t("audit.kind")}>
                <span className={`acc-kind acc-kind--${e.kind}`}>{t(`audit.kinds.${e.kind}`)}</span>
              </td>
              <td data-label={t("audit.actor")}>
                <code>{e.actor}</code>
              </td>
              <td data-label={t("audit.address")}>
                <code>{e.address}</code>
              </td>
              <td data-label={t("audit.detail")} className="acc-audit__detail">
                {detailText(e.detail)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
