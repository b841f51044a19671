import os from "node:os";
import type { ExpressionBuilder, Kysely } from "kysely";
import type { Config } from "../config.js";
import { fixedLimit } from "../store/limit.js";
import type { Database } from "../store/schema.js";

/**
 * How long a claim on a delivery holds unrenewed. Every saved step of progress renews it, so it
 * only has to outlast one window of messages (or one step of a CSV import); a node that dies
 * mid-delivery leaves the delivery to another node after this.
 */
export const CLAIM_MS = 30_000;

/** The delivery a node has claimed, with what it needs to process it from its saved progress. */
export interface ClaimedDelivery {
  id: number;
  channel: string;
  body: string;
  attempts: number;
  messages_done: number;
  summary: string | null;
}

/** Thrown when a write finds the delivery no longer claimed by us: another node has taken it over. */
export class ClaimLost extends Error {
  constructor(readonly delivery: number) {
    super(`inbox delivery ${delivery} is no longer claimed by this node`);
  }
}

/**
 * This node's name on its claims: the cluster's node id; without a cluster NODE_ID or the host
 * name, which a restarted node keeps, so it takes its own unfinished delivery back at once rather
 * than waiting for the claim to expire.
 */
export function claimOwnerFor(config: Config, clusterNodeId: string | undefined): string {
  return clusterNodeId ?? config.NODE_ID ?? os.hostname();
}

/**
 * A delivery `owner` may take: nobody's, a claim that has lapsed, or its own (left by this node
 * before a restart, or held over a retry's wait).
 */
function claimable(owner: string, at: string) {
  return (eb: ExpressionBuilder<Database, "inbox">) =>
    eb.or([
      eb("claimed_until", "is", null),
      eb("claimed_until", "<", at),
      eb("claimed_by", "=", owner),
    ]);
}

/**
 * Claims the oldest pending delivery of `lane` that `owner` may take, in one committed UPDATE,
 * and returns it (null when there is none). The candidate is read first, so an idle node polls
 * without writing; the UPDATE repeats the conditions, so on PostgreSQL a concurrent claimant waits
 * for the first to commit, re-checks them against the committed row and gets nothing (SQLite runs
 * one writer at a time anyway). A claimant that lost such a race tries the next candidate.
 */
export async function claimNext(
  db: Kysely<Database>,
  lane: string[],
  owner: string,
  now: Date,
): Promise<ClaimedDelivery | null> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + CLAIM_MS).toISOString();
  for (;;) {
    const candidate = await db
      .selectFrom("inbox")
      .select("id")
      .where("status", "=", "pending")
      .where("channel", "in", lane)
      .where(claimable(owner, at))
      .orderBy("id")
      .limit(fixedLimit(1))
      .executeTakeFirst();
    if (!candidate) return null;
    const claimed = await db
      .updateTable("inbox")
      .set({ claimed_by: owner, claimed_until: until })
      .where("id", "=", candidate.id)
      .where("status", "=", "pending")
      .where(claimable(owner, at))
      .returning(["id", "channel", "body", "attempts", "messages_done", "summary"])
      .executeTakeFirst();
    if (claimed) return { ...claimed, id: Number(claimed.id) };
  }
}
