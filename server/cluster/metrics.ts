import { Gauge, type Registry } from "prom-client";
import type { Projections } from "../projections/counts.js";
import type { Cluster } from "./cluster.js";

/** A node's cluster state on /metrics: whether it holds the clock, Redis, its seq, catch-ups. */
export function registerClusterMetrics(
  registry: Registry,
  cluster: Cluster,
  projections: Projections,
): void {
  const gauge = (name: string, help: string, value: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(value());
      },
    });
  gauge(
    "nigrani_cluster_leader",
    "1 on the node holding the clock's lease (clock, escalations, outbox, outage inference)",
    () => (cluster.lease.held ? 1 : 0),
  );
  gauge("nigrani_cluster_redis_up", "1 while this node is connected to Redis", () =>
    cluster.redisUp() ? 1 : 0,
  );
  gauge(
    "nigrani_cluster_catchups",
    "Times this node caught up from the store after missing changes",
    () => cluster.bus.catchUps,
  );
  gauge("nigrani_projection_seq", "The seq this node's counts are at", () => projections.seq);
}
