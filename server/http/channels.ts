import type { Router } from "express";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { IntakeContext } from "../intake/ingest.js";

export interface ChannelDeps {
  config: Config;
  intake: IntakeContext;
  log: Logger;
}

/**
 * The channels' own wire formats (WhatsApp and X webhooks, Open311, call-centre CSV). Mounted
 * before the JSON body parser, because webhook signatures are over the raw bytes.
 */
export function channelRouters(_deps: ChannelDeps): Router[] {
  return [];
}
