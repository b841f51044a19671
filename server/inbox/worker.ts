import type { Kysely, Updateable } from "kysely";
import type { Logger } from "pino";
import type { Database, InboxTable } from "../store/schema.js";
import { ClaimLost, CLAIM_MS } from "./claims.js";

/** What processing a delivery needs of the worker that claimed it. */
export interface Worker {
  db: Kysely<Database>;
  log: Logger;
  /** This node's name on its claims. */
  owner: string;
  now(): Date;
  /** True once the worker is closing: a delivery stops between two windows. */
  closed(): boolean;
}

/** The worker was closed between two windows of a delivery. */
export class Interrupted extends Error {
  constructor() {
    super("inbox closed mid-delivery");
  }
}

/**
 * Writes to a delivery this node has claimed; throws ClaimLost when it is no longer ours (its
 * claim lapsed and another node took the delivery over), so nothing is written over that node's.
 */
export async function writeClaimed(
  w: Worker,
  id: number,
  patch: Updateable<InboxTable>,
): Promise<void> {
  const result = await w.db
    .updateTable("inbox")
    .set(patch)
    .where("id", "=", id)
    .where("claimed_by", "=", w.owner)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new ClaimLost(id);
}

/** Saved progress renews the claim: a node still working keeps its delivery. */
export function renewed(w: Worker): Updateable<InboxTable> {
  return { claimed_until: new Date(w.now().getTime() + CLAIM_MS).toISOString() };
}
