import "../panels/admin/admin.css";
import "../panels/access/access.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { UserUpdateInput, UserView } from "../../shared/access.js";
import { createUser, listUsers, resetPassword, updateUser } from "../api/access.js";
import { errorMessage } from "../api/http.js";
import { useRemote } from "../api/useRemote.js";
import { useSession } from "../app/useSession.js";
import { UserEditor, type UserEdit } from "../panels/access/UserEditor.js";
import {
  EMPTY_DRAFT,
  serverErrors,
  validatePassword,
  validateUserDraft,
  type FieldErrors,
  type UserDraft,
} from "../panels/access/userDraft.js";
import { UserForm } from "../panels/access/UserForm.js";
import { UsersTable } from "../panels/access/UsersTable.js";
import { AdminNav, LoadState } from "../panels/admin/AdminNav.js";
import { UnitChoice } from "./UnitChoice.js";

/** /admin/users: who may sign in, with which role and unit; create, change, disable, reset. */
export default function AdminUsers() {
  const { t } = useTranslation("access");
  const session = useSession();
  const selfId = session.status === "signed_in" ? session.session.user.id : null;
  const remote = useRemote("users", (signal) => listUsers(signal));
  const [updated, setUpdated] = useState<Record<number, UserView>>({});
  const [added, setAdded] = useState<UserView[]>([]);
  const [notice, setNotice] = useState("");
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState<UserDraft>(EMPTY_DRAFT);
  const [draftErrors, setDraftErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ user: UserView; edit: UserEdit } | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});

  const fetched = remote.data?.users ?? [];
  const known = new Set(fetched.map((u) => u.id));
  const users = [...fetched, ...added.filter((u) => !known.has(u.id))].map(
    (u) => updated[u.id] ?? u,
  );
  const replace = (u: UserView) => setUpdated((m) => ({ ...m, [u.id]: u }));

  const create = async () => {
    setFormError(null);
    const checked = validateUserDraft(draft, t);
    if (!checked.ok) {
      setDraftErrors(checked.errors);
      return;
    }
    setDraftErrors({});
    setBusyId(-1);
    try {
      const { user } = await createUser(checked.input);
      setAdded((a) => [...a, user]);
      setNotice(t("users.created", { username: user.username }));
      setDraft(EMPTY_DRAFT);
      setCreating(false);
    } catch (err) {
      const fields = serverErrors(err, t);
      if (fields) setDraftErrors(fields);
      else setFormError(t("common.refused", { message: errorMessage(err) }));
    } finally {
      setBusyId(null);
    }
  };

  const change = async (
    u: UserView,
    patch: UserUpdateInput,
    message: (username: string) => string,
  ) => {
    setBusyId(u.id);
    setRowErrors((e) => ({ ...e, [u.id]: "" }));
    setEditError(null);
    try {
      const { user } = await updateUser(u.id, patch);
      replace(user);
      setNotice(message(user.username));
      return true;
    } catch (err) {
      const why = t("common.refused", { message: errorMessage(err) });
      if (editing?.user.id === u.id) setEditError(why);
      else setRowErrors((e) => ({ ...e, [u.id]: why }));
      return false;
    } finally {
      setBusyId(null);
    }
  };

  const saveEdit = async () => {
    if (!editing) return;
    const { user, edit } = editing;
    const patch: UserUpdateInput = {};
    if (edit.name.trim() && edit.name.trim() !== user.name) patch.name = edit.name.trim();
    if (edit.role !== user.role) patch.role = edit.role;
    if (edit.unitId && edit.unitId !== user.unitId) patch.unitId = edit.unitId;
    if (Object.keys(patch).length === 0) {
      setEditing(null);
      return;
    }
    if (await change(user, patch, (username) => t("users.changed", { username }))) setEditing(null);
  };

  const reset = async (password: string) => {
    if (!editing) return;
    const invalid = validatePassword(password, t);
    setPasswordError(invalid);
    if (invalid) return;
    const { user } = editing;
    setBusyId(user.id);
    try {
      await resetPassword(user.id, password);
      setNotice(t("users.passwordReset", { username: user.username }));
      setEditing(null);
    } catch (err) {
      setPasswordError(
        serverErrors(err, t)?.password ?? t("common.refused", { message: errorMessage(err) }),
      );
    } finally {
      setBusyId(null);
    }
  };

  const edit = (u: UserView) => {
    setEditError(null);
    setPasswordError(null);
    setEditing((cur) =>
      cur?.user.id === u.id
        ? null
        : {
            user: u,
            edit: { name: u.name, role: u.role, unitId: u.unitId, unitLabel: u.unitName },
          },
    );
  };

  return (
    <div className="page adm-page acc-page">
      <AdminNav />
      <h1>{t("users.title")}</h1>
      <p className="adm-lead">{t("users.intro")}</p>
      <p className="adm-status-line" role="status">
        {notice && <span className="adm-ok">✓ {notice}</span>}
      </p>
      {creating ? (
        <UserForm
          draft={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          errors={draftErrors}
          busy={busyId === -1}
          onSubmit={() => void create()}
          onCancel={() => setCreating(false)}
          formError={formError}
          unitField={
            <UnitChoice
              officer={draft.role === "officer"}
              unitId={draft.unitId}
              unitLabel={draft.unitLabel}
              officerId={draft.officerId}
              invalid={Boolean(draftErrors.unitId || draftErrors.officerId)}
              onUnit={(unitId, unitLabel) => setDraft((d) => ({ ...d, unitId, unitLabel }))}
              onOfficer={(o) =>
                setDraft((d) => ({
                  ...d,
                  officerId: o.id,
                  unitId: o.unitId,
                  unitLabel: o.unitLabel,
                  name: d.name || o.name,
                }))
              }
            />
          }
        />
      ) : (
        <div className="adm-actions acc-create">
          <button
            type="button"
            className="adm-button adm-button--primary"
            onClick={() => {
              setNotice("");
              setCreating(true);
            }}
          >
            {t("users.create")}
          </button>
        </div>
      )}
      <LoadState
        loading={remote.status === "loading" && users.length === 0}
        error={remote.error?.message}
        onRetry={remote.reload}
      />
      {remote.status === "ready" && users.length === 0 && (
        <p className="adm-empty">{t("users.empty")}</p>
      )}
      {users.length > 0 && (
        <section className="adm-section" aria-labelledby="users-title">
          <header className="adm-section__header">
            <h2 id="users-title" className="adm-section__title">
              {t("users.count", { count: users.length })}
            </h2>
          </header>
          <UsersTable
            users={users}
            selfId={selfId}
            busyId={busyId}
            editingId={editing?.user.id ?? null}
            errors={rowErrors}
            onEdit={edit}
            onToggleDisabled={(u) =>
              void change(u, { disabled: !u.disabled }, (username) =>
                u.disabled
                  ? t("users.nowEnabled", { username })
                  : t("users.nowDisabled", { username }),
              )
            }
            editor={
              editing && (
                <UserEditor
                  key={editing.user.id}
                  user={editing.user}
                  edit={editing.edit}
                  onChange={(patch) =>
                    setEditing((e) => (e ? { ...e, edit: { ...e.edit, ...patch } } : e))
                  }
                  unitField={
                    <UnitChoice
                      officer={false}
                      unitId={editing.edit.unitId}
                      unitLabel={editing.edit.unitLabel}
                      officerId=""
                      invalid={false}
                      onUnit={(unitId, unitLabel) =>
                        setEditing((e) =>
                          e ? { ...e, edit: { ...e.edit, unitId, unitLabel } } : e,
                        )
                      }
                      onOfficer={() => undefined}
                    />
                  }
                  busy={busyId === editing.user.id}
                  error={editError}
                  passwordError={passwordError}
                  onSave={() => void saveEdit()}
                  onResetPassword={(p) => void reset(p)}
                  onClose={() => setEditing(null)}
                />
              )
            }
          />
        </section>
      )}
    </div>
  );
}
