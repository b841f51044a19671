import { Redis } from "ioredis";
import type { Logger } from "pino";

/**
 * One Redis connection for the cluster. Commands fail at once while Redis is away instead of
 * queueing in memory (`queueWhileDown: false`): the store is the truth, and a node that missed
 * messages catches up from it when Redis returns. Reconnects forever, at most every 2 s.
 */
export function openRedis(
  url: string,
  name: string,
  log: Logger,
  opts: { queueWhileDown: boolean },
): Redis {
  const redis = new Redis(url, {
    connectionName: `nigrani-${name}`,
    lazyConnect: true,
    enableOfflineQueue: opts.queueWhileDown,
    maxRetriesPerRequest: opts.queueWhileDown ? null : 1,
    retryStrategy: (times) => Math.min(100 * times, 2000),
  });
  // ioredis reports every failed reconnect; one line per outage is enough.
  let down = false;
  redis.on("error", (err: Error) => {
    if (down) return;
    down = true;
    log.warn({ redis: name, err: err.message }, "cluster: Redis connection lost; retrying");
  });
  redis.on("ready", () => {
    if (down) log.info({ redis: name }, "cluster: Redis connection back");
    down = false;
  });
  return redis;
}

/** Resolves true once the connection is ready, false after `ms` (the node then starts degraded). */
export function readyWithin(redis: Redis, ms: number): Promise<boolean> {
  if (redis.status === "ready") return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      redis.off("ready", onReady);
      resolve(false);
    }, ms);
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    redis.once("ready", onReady);
    if (redis.status === "wait") redis.connect().catch(() => undefined);
  });
}
