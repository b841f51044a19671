import type { Clock } from "../clock/clock.js";
import type { Network } from "../network/loaded-network.js";
import type { Officers } from "../officers/officers.js";
import type { SettingsStore } from "./settings.js";
import type { CommandRunner } from "./writer.js";

/** What every ticket command needs. */
export interface TicketContext {
  /** The ticket writer (the one path by which tickets change). */
  writer: CommandRunner;
  network: Network;
  clock: Clock;
  settings: SettingsStore;
  officers: Officers;
  /** Keys the closure-OTP hashes. */
  otpSecret: string;
  /** Base URL consumers use for /track links in messages. */
  publicUrl: string;
}

/** An action refused for a reason the caller can show (HTTP status, stable code, message). */
export class TicketError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
