import "../panels/admin/admin.css";
import "../panels/access/access.css";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { AUDIT_KINDS, type AuditEntry, type AuditQuery } from "../../shared/access.js";
import { getAudit } from "../api/access.js";
import { errorMessage } from "../api/http.js";
import { useRemote } from "../api/useRemote.js";
import {
  auditQuery,
  isAuditKind,
  NO_FILTER,
  type AuditFilter,
} from "../panels/access/auditFilter.js";
import { AuditTable } from "../panels/access/AuditTable.js";
import { FieldError } from "../panels/admin/FieldError.js";
import { AdminNav, LoadState } from "../panels/admin/AdminNav.js";

/** /audit: sign-ins, refusals and changes, filtered by kind, actor and period, a page at a time. */
export default function Audit() {
  const { t } = useTranslation("access");
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const [applied, setApplied] = useState<AuditQuery>({ limit: 50 });
  const [filterError, setFilterError] = useState<string | null>(null);
  const [more, setMore] = useState<{ key: string; entries: AuditEntry[]; next: number | null }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const key = JSON.stringify(applied);
  const first = useRemote(`audit:${key}`, (signal) => getAudit(applied, signal));

  // Later pages belong to the filter they were loaded for; a new filter starts again.
  const extra = more?.key === key ? more : undefined;
  const entries = [...(first.data?.entries ?? []), ...(extra?.entries ?? [])];
  const next = extra ? extra.next : (first.data?.nextCursor ?? null);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const q = auditQuery(filter, t);
    if (!q.ok) {
      setFilterError(q.error);
      return;
    }
    setFilterError(null);
    setApplied(q.query);
  };

  const loadMore = async () => {
    if (next === null) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await getAudit({ ...applied, cursor: next });
      setMore({
        key,
        entries: [...(extra?.entries ?? []), ...page.entries],
        next: page.nextCursor,
      });
    } catch (err) {
      setMoreError(errorMessage(err));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div className="page adm-page acc-page">
      <AdminNav />
      <h1>{t("audit.title")}</h1>
      <p className="adm-lead">{t("audit.intro")}</p>
      <form className="adm-filters acc-audit-filters" onSubmit={apply} noValidate>
        <label className="adm-field">
          <span className="adm-label">{t("audit.kind")}</span>
          <select
            className="adm-input adm-select"
            name="kind"
            value={filter.kind}
            onChange={(e) =>
              setFilter((f) => ({ ...f, kind: isAuditKind(e.target.value) ? e.target.value : "" }))
            }
          >
            <option value="">{t("audit.allKinds")}</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`audit.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="adm-field">
          <span className="adm-label">{t("audit.actor")}</span>
          <input
            className="adm-input"
            name="actor"
            placeholder={t("audit.actorHelp")}
            value={filter.actor}
            onChange={(e) => setFilter((f) => ({ ...f, actor: e.target.value }))}
          />
        </label>
        <label className="adm-field">
          <span className="adm-label">{t("audit.from")}</span>
          <input
            className={`adm-input${filterError ? " adm-input--invalid" : ""}`}
            type="date"
            name="from"
            value={filter.from}
            onChange={(e) => setFilter((f) => ({ ...f, from: e.target.value }))}
            aria-describedby={filterError ? "audit-period-error" : undefined}
          />
        </label>
        <label className="adm-field">
          <span className="adm-label">{t("audit.to")}</span>
          <input
            className={`adm-input${filterError ? " adm-input--invalid" : ""}`}
            type="date"
            name="to"
            value={filter.to}
            onChange={(e) => setFilter((f) => ({ ...f, to: e.target.value }))}
            aria-describedby={filterError ? "audit-period-error" : undefined}
          />
        </label>
        <button type="submit" className="adm-button adm-button--primary acc-audit-filters__go">
          {t("audit.apply")}
        </button>
        <FieldError id="audit-period-error" message={filterError} />
      </form>
      <LoadState
        loading={first.status === "loading" && entries.length === 0}
        error={first.error?.message}
        onRetry={first.reload}
      />
      {first.status === "ready" && entries.length === 0 && (
        <p className="adm-empty">{t("audit.empty")}</p>
      )}
      {entries.length > 0 && (
        <section className="adm-section" aria-labelledby="audit-title">
          <header className="adm-section__header">
            <h2 id="audit-title" className="adm-section__title">
              {t("audit.shown", { count: entries.length })}
            </h2>
          </header>
          <AuditTable entries={entries} />
          <p className="adm-section__foot">
            {next === null ? (
              <span className="adm-muted">{t("audit.end")}</span>
            ) : (
              <button
                type="button"
                className="adm-button"
                disabled={loadingMore}
                onClick={() => void loadMore()}
              >
                {t("common.loadMore")}
              </button>
            )}
            {moreError && <FieldError id="audit-more-error" message={moreError} />}
          </p>
        </section>
      )}
    </div>
  );
}
