import type { SweepTask } from "../clock/sweeper.js";
import { enqueueMessage, type OutboundChannel } from "../outbox/outbox.js";
import type { NoticeDeps } from "./deps.js";
import { optedOut } from "./opt-outs.js";
import type { NoticeKind } from "./plan.js";
import { isQuiet } from "./quiet-hours.js";
import type { NoticeRow } from "./schema.js";
import { isStale, loadSubject, MESSAGE_KIND, noticeBody } from "./subjects.js";

const BATCH = 2000;

/**
 * Hands due notices to the outbox: nothing in quiet hours (they wait, and go when the window
 * ends), at most `ratePerMinute` per subject per minute, none to an opted-out person, none that
 * lost its point. The outbox then sends them with its own retries and statuses. Each step is
 * idempotent (the outbox row's dedupe key is the notice's id), so a crash mid-way repeats nothing.
 */
export async function sendDueNotices(deps: NoticeDeps): Promise<number> {
  const now = deps.clock.now();
  if (isQuiet(now, deps.rules.quietHours)) return 0;
  const at = now.toISOString();
  const due = await deps.db
    .selectFrom("notices")
    .selectAll()
    .where("status", "=", "waiting")
    .where("send_after", "<=", at)
    .orderBy("id")
    .limit(BATCH)
    .execute();
  const bySubject = new Map<string, NoticeRow[]>();
  for (const n of due) bySubject.set(n.subject, [...(bySubject.get(n.subject) ?? []), n]);
  let queued = 0;
  for (const [subject, rows] of bySubject) queued += await sendSubject(deps, subject, rows, now);
  return queued;
}

async function sendSubject(
  deps: NoticeDeps,
  subject: string,
  rows: NoticeRow[],
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  const s = await loadSubject(deps, subject);
  const setStatus = (ids: number[], status: string) =>
    ids.length
      ? deps.db.updateTable("notices").set({ status }).where("id", "in", ids).execute()
      : Promise.resolve();
  if (!s) {
    await setStatus(
      rows.map((r) => r.id),
      "cancelled",
    );
    return 0;
  }
  const stale = rows.filter((r) => isStale(r.kind as NoticeKind, s, at));
  await setStatus(
    stale.map((r) => r.id),
    "cancelled",
  );
  const live = rows.filter((r) => !stale.includes(r));
  const since = new Date(now.getTime() - 60_000).toISOString();
  const recent = await deps.db
    .selectFrom("notices")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("subject", "=", subject)
    .where("queued_at", ">=", since)
    .executeTakeFirstOrThrow();
  const budget = Math.max(0, deps.rules.ratePerMinute - Number(recent.n));
  const stopped = await optedOut(
    deps.db,
    live.map((r) => r.recipient_key),
  );
  await setStatus(
    live.filter((r) => stopped.has(r.recipient_key)).map((r) => r.id),
    "opted_out",
  );
  const sendable = live.filter((r) => !stopped.has(r.recipient_key)).slice(0, budget);
  for (const n of sendable) {
    const language = n.language === "en" ? "en" : "hi";
    const dedupeKey = `notice:${n.id}`;
    let outboxId = await enqueueMessage(
      deps.db,
      {
        ticketId: n.ticket_id,
        channel: n.channel as OutboundChannel,
        recipient: n.recipient,
        kind: MESSAGE_KIND[n.kind as NoticeKind],
        body: noticeBody(deps, n.kind as NoticeKind, s, language),
        dedupeKey,
        language,
      },
      at,
    );
    // Queued before a crash that came before this row was marked: find that message.
    outboxId ??=
      (
        await deps.db
          .selectFrom("outbox")
          .select("id")
          .where("dedupe_key", "=", dedupeKey)
          .executeTakeFirst()
      )?.id ?? null;
    await deps.db
      .updateTable("notices")
      .set({ status: "queued", outbox_id: outboxId, queued_at: at })
      .where("id", "=", n.id)
      .execute();
  }
  return sendable.length;
}

export function noticesSweep(deps: NoticeDeps): SweepTask {
  return {
    name: "notices",
    async run() {
      const n = await sendDueNotices(deps);
      if (n) deps.log.info({ notices: n }, "notices handed to the outbox");
    },
  };
}
