import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors, ticketActionSchema, type TicketAction } from "../../shared/schemas.js";
import type { TicketSummary } from "../../shared/tickets.js";
import { postTicketAction } from "../api/endpoints.js";
import { ApiRequestError } from "../api/http.js";
import { useLanguage } from "../i18n/useLanguage.js";
import type { ActionType } from "../panels/tickets/actions.js";
import { showError, type ShownError } from "../panels/tickets/errors.js";

export interface TicketActionRunner {
  busy: ActionType | null;
  failure: { type: ActionType; error: ShownError } | null;
  notice: string | null;
  /** Bumped after each success so forms start empty. */
  formKey: number;
  run(action: TicketAction): Promise<TicketSummary | null>;
}

/** Codes after which what the page shows is out of date (someone else acted; an attempt counted). */
const RELOAD_ON = new Set(["invalid_transition", "wrong_otp", "otp_locked", "not_found"]);

/**
 * Sends ticket actions: validated first with the shared schema (the same rules as the server),
 * then posted; errors come back in the screen's language, next to their fields.
 */
export function useTicketAction(number: string | null, refresh: () => void): TicketActionRunner {
  const { t } = useTranslation("ops");
  const lng = useLanguage();
  const [busy, setBusy] = useState<ActionType | null>(null);
  const [failure, setFailure] = useState<TicketActionRunner["failure"]>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  const run = useCallback(
    async (action: TicketAction): Promise<TicketSummary | null> => {
      if (!number) return null;
      const noteKey = action.type === "resolve" ? "errors.field.resolveNote" : "errors.field.note";
      const parsed = ticketActionSchema.safeParse(action);
      if (!parsed.success) {
        const err = new ApiRequestError(400, "invalid_input", "", fieldErrors(parsed.error));
        setFailure({ type: action.type, error: showError(err, t, lng, noteKey) });
        return null;
      }
      setBusy(action.type);
      setFailure(null);
      setNotice(null);
      try {
        const res = await postTicketAction(number, parsed.data);
        setNotice(t(`actions.done.${action.type}`, { number }));
        setFormKey((k) => k + 1);
        refresh();
        return res.ticket;
      } catch (err) {
        const e =
          err instanceof ApiRequestError ? err : new ApiRequestError(0, "client", String(err));
        setFailure({ type: action.type, error: showError(e, t, lng, noteKey) });
        if (RELOAD_ON.has(e.code)) refresh();
        return null;
      } finally {
        setBusy(null);
      }
    },
    [number, refresh, t, lng],
  );
  return { busy, failure, notice, formKey, run };
}
