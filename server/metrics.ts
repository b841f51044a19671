import { Counter, Gauge, Registry, collectDefaultMetrics } from "prom-client";

/** Prometheus metrics, one registry per app so tests can run several apps in one process. */
export interface Metrics {
  registry: Registry;
  reportsReceived: Counter<"channel" | "outcome">;
  channelErrors: Counter<"channel" | "code">;
}

interface LiveStats {
  resets: number;
  cutOff: number;
  deltaBytes: number;
}

export function createMetrics(sources: {
  openTickets: () => number;
  socketClients: () => number;
  /** Slow screens reset to a snapshot and cut off, and live bytes written to screens. */
  liveStats?: () => LiveStats;
}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const reportsReceived = new Counter({
    name: "nigrani_reports_received_total",
    help: "Reports received, by channel and outcome (created a ticket, joined one, duplicate delivery)",
    labelNames: ["channel", "outcome"] as const,
    registers: [registry],
  });
  const channelErrors = new Counter({
    name: "nigrani_channel_errors_total",
    help: "Errors a channel reported to us in its webhooks (not about one message), by channel and code",
    labelNames: ["channel", "code"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "nigrani_tickets_open",
    help: "Open tickets in the whole network",
    registers: [registry],
    collect() {
      this.set(sources.openTickets());
    },
  });
  new Gauge({
    name: "nigrani_socket_clients",
    help: "Connected live (Socket.IO) clients on this node",
    registers: [registry],
    collect() {
      this.set(sources.socketClients());
    },
  });
  const live = sources.liveStats;
  if (live) {
    const liveCounter = (name: string, help: string, pick: (s: LiveStats) => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(pick(live()));
        },
      });
    liveCounter(
      "nigrani_live_slow_resets_total",
      "Slow screens reset to a fresh snapshot after draining",
      (s) => s.resets,
    );
    liveCounter(
      "nigrani_live_cut_off_total",
      "Slow screens disconnected at their buffer bound",
      (s) => s.cutOff,
    );
    liveCounter(
      "nigrani_live_delta_bytes_total",
      "Bytes of live deltas written to screens",
      (s) => s.deltaBytes,
    );
  }
  return { registry, reportsReceived, channelErrors };
}
