import type { Sender } from "./dispatcher.js";
import { SendError } from "./send-error.js";

export interface XSenderConfig {
  /** https://api.x.com (X_API_URL) */
  apiUrl: string;
  /** OAuth 2.0 user access token of the discom's account with dm.write (X_DM_TOKEN). */
  token: string;
  timeoutMs?: number;
}

/**
 * Answers on X by direct message (`POST /2/dm_conversations/with/{user id}/messages`). Only
 * consumers who wrote a DM are addressed `dm:<user id>`; a public mention is not answered in
 * public, because our acknowledgement carries the closure OTP: that row fails, saying why.
 */
export function xSender(cfg: XSenderConfig): Sender {
  const base = cfg.apiUrl.replace(/\/+$/, "");
  return {
    async send(msg) {
      const m = /^dm:([0-9]{1,30})$/.exec(msg.recipient);
      if (!m)
        throw new SendError("not a DM conversation: a public reply would expose the OTP", true);
      const res = await fetch(`${base}/2/dm_conversations/with/${m[1]}/messages`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${cfg.token}` },
        body: JSON.stringify({ text: msg.body.slice(0, 10_000) }),
        signal: AbortSignal.timeout(cfg.timeoutMs ?? 15_000),
      });
      const text = await res.text();
      if (!res.ok) {
        const permanent = res.status >= 400 && res.status < 500 && ![408, 429].includes(res.status);
        throw new SendError(`X API ${res.status}: ${text.slice(0, 200)}`, permanent);
      }
      let id: unknown = null;
      try {
        id = (JSON.parse(text) as { data?: { dm_event_id?: unknown } }).data?.dm_event_id;
      } catch {
        // No id to keep: the message went out all the same.
      }
      return { externalId: typeof id === "string" ? id : null };
    },
  };
}
