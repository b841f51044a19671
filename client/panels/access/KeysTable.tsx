import { useTranslation } from "react-i18next";
import type { ApiKeyView } from "../../../shared/access.js";
import { CHANNEL_LABELS, CHANNELS, type Channel } from "../../../shared/domain.js";
import { useLanguage } from "../../i18n/useLanguage.js";
import { formatWhen } from "./format.js";

function isChannel(c: string): c is Channel {
  return (CHANNELS as readonly string[]).includes(c);
}

/** Every intake key: its prefix, channels, rate, use and whether it is revoked; revoke asks first. */
export function KeysTable(props: {
  keys: readonly ApiKeyView[];
  confirmId: number | null;
  busyId: number | null;
  errors: Readonly<Record<number, string>>;
  onRevoke(key: ApiKeyView): void;
  onConfirm(key: ApiKeyView): void;
  onCancel(): void;
}) {
  const { t } = useTranslation("access");
  const lng = useLanguage();
  const channels = (k: ApiKeyView) =>
    k.channels.map((c) => (isChannel(c) ? CHANNEL_LABELS[c][lng] : c)).join(", ");
  return (
    <div className="adm-scroll">
      <table className="adm-table adm-table--cards acc-keys">
        <thead>
          <tr>
            <th scope="col">{t("keys.name")}</th>
            <th scope="col">{t("keys.prefix")}</th>
            <th scope="col">{t("keys.channels")}</th>
            <th scope="col">{t("keys.rate")}</th>
            <th scope="col">{t("keys.created")}</th>
            <th scope="col">{t("keys.lastUsed")}</th>
            <th scope="col">{t("keys.status")}</th>
          </tr>
        </thead>
        <tbody>
          {props.keys.map((k) => (
            <tr key={k.id} className={k.revokedAt ? "acc-row--disabled" : undefined}>
              <th scope="row">{k.name}</th>
              <td data-label={t("keys.prefix")}>
                <code>{k.prefix}…</code>
              </td>
              <td data-label={t("keys.channels")}>{channels(k)}</td>
              <td data-label={t("keys.rate")} className="adm-num">
                {k.ratePerMinute.toLocaleString(lng === "hi" ? "hi-IN" : "en-IN")}
              </td>
              <td data-label={t("keys.created")}>
                {formatWhen(k.createdAt, lng)}{" "}
                <span className="adm-muted">{t("common.by", { who: k.createdBy })}</span>
              </td>
              <td data-label={t("keys.lastUsed")}>
                {k.lastUsedAt ? formatWhen(k.lastUsedAt, lng) : t("common.never")}
              </td>
              <td data-label={t("keys.status")}>
                {k.revokedAt ? (
                  <span className="acc-status acc-status--disabled">
                    {t("keys.revokedAt", { at: formatWhen(k.revokedAt, lng) })}
                  </span>
                ) : props.confirmId === k.id ? (
                  <span className="acc-confirm">
                    <span>{t("keys.revokeConfirm", { name: k.name })}</span>
                    <button
                      type="button"
                      className="adm-button adm-button--danger"
                      disabled={props.busyId === k.id}
                      onClick={() => props.onConfirm(k)}
                    >
                      {t("keys.revokeYes")}
                    </button>
                    <button
                      type="button"
                      className="adm-button adm-button--quiet"
                      onClick={props.onCancel}
                    >
                      {t("common.cancel")}
                    </button>
                  </span>
                ) : (
                  <span className="acc-row-actions">
                    <span className="acc-status acc-status--active">{t("keys.active")}</span>
                    <button
                      type="button"
                      className="adm-button adm-button--quiet"
                      aria-label={`${t("keys.revoke")}: ${k.name}`}
                      onClick={() => props.onRevoke(k)}
                    >
                      {t("keys.revoke")}
                    </button>
                  </span>
                )}
                {props.errors[k.id] && (
                  <span className="adm-field-error" role="alert">
                    {props.errors[k.id]}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
