import os from "node:os";
import { createAdapter } from "@socket.io/redis-adapter";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Store } from "../store/store.js";
import { ClusterBus } from "./bus.js";
import { Lease } from "./lease.js";
import { openRedis, readyWithin } from "./redis.js";
import { ClusterSignals } from "./signals.js";

/** This node's part in a cluster: the Redis connections and what runs over them. */
export interface Cluster {
  nodeId: string;
  bus: ClusterBus;
  /** Held by the one node that runs the clock, outbox dispatch and outage inference. */
  lease: Lease;
  signals: ClusterSignals;
  /** Socket.IO's Redis adapter (see README, "Several nodes"). */
  adapter: ReturnType<typeof createAdapter>;
  redisUp(): boolean;
  close(): Promise<void>;
}

/** A name for this node in logs, leases and outbox claims: NODE_ID, else host and pid. */
export function nodeIdFor(config: Config): string {
  return config.NODE_ID ?? `${os.hostname()}-${process.pid}`;
}

/**
 * Connects a node to the cluster's Redis (REDIS_URL). Waits a few seconds for Redis, then starts
 * either way: a node whose Redis is down serves its own screens and catches up when it returns.
 */
export async function openCluster(config: Config, store: Store, log: Logger): Promise<Cluster> {
  const url = config.REDIS_URL;
  if (!url) throw new Error("openCluster needs REDIS_URL");
  const nodeId = nodeIdFor(config);
  const prefix = config.CLUSTER_NAME;
  const pub = openRedis(url, "pub", log, { queueWhileDown: false });
  const sub = openRedis(url, "sub", log, { queueWhileDown: true });
  // The adapter's own pair: it subscribes to its own channels, and while Redis is down its
  // cross-node requests fail rather than pile up.
  const adapterPub = openRedis(url, "adapter-pub", log, { queueWhileDown: false });
  const adapterSub = openRedis(url, "adapter-sub", log, { queueWhileDown: true });
  const up = await Promise.all([pub, sub, adapterPub, adapterSub].map((r) => readyWithin(r, 3000)));
  if (!up.every(Boolean))
    log.warn({ redis: url }, "cluster: Redis not reachable at start; running on this node alone");
  const bus = new ClusterBus({
    pub,
    sub,
    nodeId,
    channel: `${prefix}:changes`,
    log,
    gapWaitMs: config.CLUSTER_GAP_WAIT_MS,
    async committedBetween(after, until) {
      return (await store.eventsBetween(after, until, 1)).length > 0;
    },
  });
  await bus.connect();
  const signals = new ClusterSignals(pub, sub, nodeId, log, `${prefix}:signals`);
  const lease = new Lease(pub, {
    key: `${prefix}:lease:clock`,
    owner: nodeId,
    ttlMs: config.LEASE_TTL_MS,
    log,
  });
  const adapter = createAdapter(adapterPub, adapterSub, { key: `${prefix}:io` });
  log.info({ nodeId }, "cluster: node joined");
  return {
    nodeId,
    bus,
    lease,
    signals,
    adapter,
    redisUp: () => pub.status === "ready" && sub.status === "ready",
    async close() {
      await lease.stop();
      await bus.close();
      await Promise.all([pub, sub, adapterPub, adapterSub].map((r) => quit(r)));
    },
  };
}

async function quit(redis: Redis): Promise<void> {
  if (redis.status === "ready") await redis.quit().catch(() => redis.disconnect());
  else redis.disconnect();
}
