import { Router } from "express";
import type { Logger } from "pino";
import type { Access } from "../access/access.js";
import type { Config } from "../config.js";
import type { Inbox } from "../inbox/inbox.js";
import type { IntakeContext } from "../intake/ingest.js";
import type { Metrics } from "../metrics.js";
import { callCentreRouter } from "./call-centre.js";
import { messengerRouter } from "./messenger.js";
import { open311Router } from "./open311.js";
import { open311DiscoveryRouter } from "./open311-discovery.js";
import { smsRouter } from "./sms.js";
import { whatsappRouter } from "./whatsapp.js";
import { xRouter } from "./x.js";
import type { Guard } from "./guard.js";

export interface ChannelDeps {
  config: Config;
  intake: IntakeContext;
  log: Logger;
  access: Access;
  guard: Guard;
  /** When set, webhook deliveries are stored here and answered at once (see inbox/inbox.ts). */
  inbox?: Inbox | null;
  /** Background imports (a 1912 CSV sent with `Prefer: respond-async`). */
  imports?: Inbox;
  metrics: Metrics;
}

/**
 * The channels' own wire formats (WhatsApp and X webhooks, Open311, call-centre CSV). Mounted
 * before the JSON body parser, because webhook signatures are over the raw bytes; each route picks
 * its own body parser.
 */
export function channelRouters(deps: ChannelDeps): Router[] {
  // Open311 answers every path under its prefix itself, unknown ones with its own 404 format.
  const open311 = Router();
  open311.use("/open311/v2", open311Router(deps));
  return [
    whatsappRouter(deps),
    xRouter(deps),
    smsRouter(deps),
    messengerRouter(deps),
    callCentreRouter(deps),
    open311DiscoveryRouter(deps.config),
    open311,
  ];
}
