import { Counter, Gauge, Registry, collectDefaultMetrics } from "prom-client";

/** Prometheus metrics, one registry per app so tests can run several apps in one process. */
export interface Metrics {
  registry: Registry;
  reportsReceived: Counter<"channel" | "outcome">;
  channelErrors: Counter<"channel" | "code">;
}

export function createMetrics(sources: {
  openTickets: () => number;
  socketClients: () => number;
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
  return { registry, reportsReceived, channelErrors };
}
