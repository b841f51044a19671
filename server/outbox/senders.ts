import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Sender } from "./dispatcher.js";

/** Senders per outbound channel; channels without one are recorded by the log sender. */
export function outboundSenders(_config: Config, _log: Logger): Partial<Record<string, Sender>> {
  return {};
}
