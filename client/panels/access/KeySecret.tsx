import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiKeyCreated } from "../../../shared/access.js";

/** The new key's secret, shown this once, with a copy button and a plain warning. */
export function KeySecret({ created, onDone }: { created: ApiKeyCreated; onDone(): void }) {
  const { t } = useTranslation("access");
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const doCopy = async () => {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopy("copied");
    } catch {
      // Clipboard access needs a secure context and permission; the key stays selectable.
      setCopy("failed");
    }
  };
  return (
    <section className="adm-section acc-secret" role="alert" aria-labelledby="key-secret-title">
      <header className="adm-section__header">
        <h2 id="key-secret-title" className="adm-section__title">
          {t("keys.secretTitle", { name: created.key.name })}
        </h2>
      </header>
      <div className="adm-section__body">
        <p className="acc-secret__warning">
          <span aria-hidden="true">⚠ </span>
          {t("keys.secretWarning")}
        </p>
        <div className="acc-secret__row">
          <code className="acc-secret__value" data-testid="key-secret">
            {created.secret}
          </code>
          <button type="button" className="adm-button" onClick={() => void doCopy()}>
            {copy === "copied" ? `✓ ${t("keys.copied")}` : t("keys.copy")}
          </button>
        </div>
        {copy === "failed" && <p className="adm-field-error">{t("keys.copyFailed")}</p>}
        <div className="adm-actions">
          <button type="button" className="adm-button adm-button--primary" onClick={onDone}>
            {t("keys.done")}
          </button>
        </div>
      </div>
    </section>
  );
}
