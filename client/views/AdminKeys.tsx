import "../panels/admin/admin.css";
import "../panels/access/access.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiKeyCreated, ApiKeyView } from "../../shared/access.js";
import { createKey, listKeys, revokeKey } from "../api/access.js";
import { ApiRequestError, errorMessage } from "../api/http.js";
import { useRemote } from "../api/useRemote.js";
import { EMPTY_KEY, validateKeyDraft, type KeyDraft } from "../panels/access/keyDraft.js";
import { KeyForm } from "../panels/access/KeyForm.js";
import { KeySecret } from "../panels/access/KeySecret.js";
import { KeysTable } from "../panels/access/KeysTable.js";
import type { FieldErrors } from "../panels/access/userDraft.js";
import { AdminNav, LoadState } from "../panels/admin/AdminNav.js";

/** /admin/keys: intake keys for machines; the secret is shown once, at creation. */
export default function AdminKeys() {
  const { t } = useTranslation("access");
  const remote = useRemote("keys", (signal) => listKeys(signal));
  const [changed, setChanged] = useState<Record<number, ApiKeyView>>({});
  const [added, setAdded] = useState<ApiKeyView[]>([]);
  const [draft, setDraft] = useState<KeyDraft>(EMPTY_KEY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [confirmId, setConfirmId] = useState<number | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [notice, setNotice] = useState("");

  const fetched = remote.data?.keys ?? [];
  const known = new Set(fetched.map((k) => k.id));
  const keys = [...added.filter((k) => !known.has(k.id)), ...fetched].map(
    (k) => changed[k.id] ?? k,
  );

  const create = async () => {
    setFormError(null);
    const checked = validateKeyDraft(draft, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const res = await createKey(checked.input);
      setAdded((a) => [res.key, ...a]);
      setCreated(res);
      setNotice("");
      setDraft(EMPTY_KEY);
    } catch (err) {
      if (err instanceof ApiRequestError && Object.keys(err.fields).length > 0)
        setErrors(err.fields);
      else setFormError(t("common.refused", { message: errorMessage(err) }));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (k: ApiKeyView) => {
    setBusyId(k.id);
    setRowErrors((e) => ({ ...e, [k.id]: "" }));
    try {
      await revokeKey(k.id);
      setChanged((c) => ({ ...c, [k.id]: { ...k, revokedAt: new Date().toISOString() } }));
      setNotice(t("keys.revoked", { name: k.name }));
      setConfirmId(null);
      remote.reload();
    } catch (err) {
      setRowErrors((e) => ({ ...e, [k.id]: t("common.refused", { message: errorMessage(err) }) }));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <div className="page adm-page acc-page">
      <AdminNav />
      <h1>{t("keys.title")}</h1>
      <p className="adm-lead">{t("keys.intro")}</p>
      <p className="adm-status-line" role="status">
        {notice && <span className="adm-ok">✓ {notice}</span>}
      </p>
      {created ? (
        <KeySecret created={created} onDone={() => setCreated(null)} />
      ) : (
        <KeyForm
          draft={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          errors={errors}
          busy={busy}
          formError={formError}
          onSubmit={() => void create()}
        />
      )}
      <LoadState
        loading={remote.status === "loading" && keys.length === 0}
        error={remote.error?.message}
        onRetry={remote.reload}
      />
      {remote.status === "ready" && keys.length === 0 && (
        <p className="adm-empty">{t("keys.empty")}</p>
      )}
      {keys.length > 0 && (
        <section className="adm-section" aria-labelledby="keys-title">
          <header className="adm-section__header">
            <h2 id="keys-title" className="adm-section__title">
              {t("keys.count", { count: keys.length })}
            </h2>
          </header>
          <KeysTable
            keys={keys}
            confirmId={confirmId}
            busyId={busyId}
            errors={rowErrors}
            onRevoke={(k) => setConfirmId(k.id)}
            onConfirm={(k) => void revoke(k)}
            onCancel={() => setConfirmId(null)}
          />
        </section>
      )}
    </div>
  );
}
