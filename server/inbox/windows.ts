import { isStorageFault } from "../store/faults.js";
import type { ClaimedDelivery } from "./claims.js";
import { WINDOW, type MessageHandler } from "./handlers.js";
import { Interrupted, renewed, writeClaimed, type Worker } from "./worker.js";

interface Failure {
  position: number;
  error: string;
  message: string;
}

/**
 * Processes a delivery's messages from where it got to, a window at a time. A message that fails
 * is recorded with its error and skipped; a storage fault stops here (thrown: tried again later,
 * from the last saved window; the messages are idempotent, so a window done twice changes nothing).
 */
export async function processMessages(
  w: Worker,
  row: ClaimedDelivery,
  handler: MessageHandler,
): Promise<{ ignored: string } | { messages: number; failed: number }> {
  const split = handler.split(row.body);
  if ("ignored" in split) return split;
  const { messages } = split;
  for (let start = row.messages_done; start < messages.length; start += WINDOW) {
    if (w.closed()) throw new Interrupted();
    const end = Math.min(start + WINDOW, messages.length);
    const window = { row, messages, start, end };
    await sideBySide(w, window, handler);
  }
  const failed = await w.db
    .selectFrom("inbox_failures")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("inbox_id", "=", row.id)
    .executeTakeFirst();
  return { messages: messages.length, failed: Number(failed?.n ?? 0) };
}

interface Window {
  row: ClaimedDelivery;
  messages: unknown[];
  start: number;
  end: number;
}

/** One window: each consumer's messages in order, consumers side by side. */
async function sideBySide(w: Worker, win: Window, handler: MessageHandler): Promise<void> {
  const byKey = new Map<string, number[]>();
  for (let i = win.start; i < win.end; i++) {
    const key = handler.keyOf(win.messages[i]);
    const positions = byKey.get(key);
    if (positions) positions.push(i);
    else byKey.set(key, [i]);
  }
  const failures: Failure[] = [];
  let fault: unknown = null;
  await Promise.all(
    [...byKey.values()].map(async (positions) => {
      for (const position of positions) {
        if (fault) return;
        try {
          await handler.process(win.messages[position]);
        } catch (err) {
          if (isStorageFault(err)) {
            fault = err;
            return;
          }
          failures.push(failed(w, win.messages, position, err));
        }
      }
    }),
  );
  if (fault) throw fault;
  await saveWindow(w, win, failures);
}

function failed(w: Worker, messages: unknown[], position: number, err: unknown): Failure {
  const error = err instanceof Error ? err.message : String(err);
  w.log.warn({ position, error }, "inbox: message could not be processed; skipped");
  return { position, error, message: JSON.stringify(messages[position]) ?? "null" };
}

/** Records a window's failures (in order) and the delivery's progress after it. */
async function saveWindow(w: Worker, win: Window, failures: Failure[]): Promise<void> {
  const at = w.now().toISOString();
  if (failures.length)
    await w.db
      .insertInto("inbox_failures")
      .values(
        failures
          .sort((a, b) => a.position - b.position)
          .map((f) => ({ inbox_id: win.row.id, ...f, at })),
      )
      .onConflict((oc) => oc.columns(["inbox_id", "position"]).doNothing())
      .execute();
  await writeClaimed(w, win.row.id, {
    messages_done: win.end,
    summary: JSON.stringify({ messages: win.messages.length, messagesDone: win.end }),
    ...renewed(w),
  });
}
