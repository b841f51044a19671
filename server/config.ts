import { z } from "zod";
import { parseQuietHours } from "./notices/quiet-hours.js";

/**
 * Configuration comes only from environment variables, validated at start. Every secret has a demo
 * default so `npm start` works on a fresh machine, and production mode refuses to run with one.
 */
const DEMO = "demo-not-secret";

const bool = z
  .enum(["on", "off", "true", "false", "1", "0"])
  .transform((v) => v === "on" || v === "true" || v === "1");

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  /** postgres://... switches the store from the SQLite file under DATA_DIR to PostgreSQL. */
  DATABASE_URL: z
    .string()
    .url()
    .refine((u) => /^postgres(ql)?:\/\//.test(u), "must be a postgres:// URL")
    .optional(),
  /** Connections per node; at least 2, since seeding holds one for its lock while using others. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(10),
  /** PostgreSQL cancels a statement (or a lock wait) after this long; the request gets 503. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  REDIS_URL: z.string().url().optional(),
  /** Prefix of the cluster's Redis keys and channels: clusters sharing one Redis need different ones. */
  CLUSTER_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, "must be 1 to 64 letters, digits, dots, dashes or underscores")
    .default("nigrani"),
  /** This node's name in a cluster (leases, outbox claims, logs); host name and pid when unset. */
  NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, "must be 1 to 64 letters, digits, dots, dashes or underscores")
    .optional(),
  /** How long the clock's lease lasts unrenewed: the most a dead node delays the clock. */
  LEASE_TTL_MS: z.coerce.number().int().min(500).max(120_000).default(5000),
  /** How long a node waits for a missing seq from another node before reading it from the store. */
  CLUSTER_GAP_WAIT_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SIMULATOR: bool.default(true),
  /** Live simulated reports per hour: about one a minute, near enough the history's rate that "today against the last 7 days" reads true. */
  SIM_RATE: z.coerce.number().min(0).max(1_000_000).default(60),
  SIM_SEED: z.coerce.number().int().default(1912),
  /** Chance per hour that a storm hits one substation's feeders. */
  SIM_STORMS_PER_HOUR: z.coerce.number().min(0).max(60).default(0.15),
  /** Days of history written on first start with an empty store (0: none). */
  SIM_HISTORY_DAYS: z.coerce.number().int().min(0).max(90).default(14),
  /** Average reports per hour in that history (kept modest so first start takes seconds). */
  SIM_HISTORY_RATE: z.coerce.number().min(0).max(10_000).default(4),
  /** How many times faster than real time the demo's clock runs (SLA clock and simulated people too). */
  SIM_SPEED: z.coerce.number().min(0.1).max(3600).default(1),
  NETWORK_SEED: z.coerce.number().int().default(2017),
  NETWORK_FEEDERS: z.coerce.number().int().min(10).max(100_000).default(3000),
  NETWORK_CONSUMERS: z.coerce.number().int().min(0).max(5_000_000).default(200_000),
  CLIENT_DIR: z.string().default("./dist/client"),
  /**
   * Optional map tiles under the labelled district base, as Leaflet's URL template
   * (https://tiles.example/{z}/{x}/{y}.png, `{s}` allowed); unset: the base alone.
   */
  MAP_TILE_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), "must be an http(s) URL")
    .refine(
      (u) => ["{z}", "{x}", "{y}"].every((p) => u.includes(p)),
      "must contain {z}, {x} and {y} (a Leaflet tile URL template)",
    )
    .optional(),
  /** The tiles' credit line shown on every map (required with MAP_TILE_URL, plain text). */
  MAP_TILE_ATTRIBUTION: z.string().trim().min(1).max(300).optional(),
  WHATSAPP_APP_SECRET: z.string().min(1).default(DEMO),
  WHATSAPP_VERIFY_TOKEN: z.string().min(1).default(DEMO),
  WHATSAPP_TOKEN: z.string().min(1).default(DEMO),
  WHATSAPP_PHONE_NUMBER_ID: z.string().min(1).default("000000000000000"),
  /** The Graph API's host, without a version (that is WHATSAPP_GRAPH_VERSION). */
  WHATSAPP_API_URL: z
    .string()
    .url()
    .refine(
      (u) => !/\/v\d+\.\d+\/?$/.test(u),
      "must not end with the Graph API version: set WHATSAPP_GRAPH_VERSION instead",
    )
    .default("https://graph.facebook.com"),
  /** v26.0 (July 2026) is current; v21.0 is retired on 21 January 2027. */
  WHATSAPP_GRAPH_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, "must look like v26.0")
    .default("v26.0"),
  /** The SMS gateway's send endpoint; without it SMS are recorded as "not sent: no gateway configured". */
  SMS_GATEWAY_URL: z.string().url().optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  /** The DLT-registered sender header (six letters in India). */
  SMS_SENDER_ID: z
    .string()
    .regex(/^[A-Za-z0-9]{3,11}$/, "must be 3 to 11 letters or digits")
    .default("NIGRNI"),
  SMS_DLT_ENTITY_ID: z
    .string()
    .regex(/^[0-9]{10,25}$/, "must be the DLT entity id (digits)")
    .optional(),
  /** kind=DLT template id pairs, comma-separated (see README.md, "SMS gateway"). */
  SMS_DLT_TEMPLATES: z
    .string()
    .regex(
      /^\s*([a-z_]+=[0-9]{10,25})(\s*,\s*[a-z_]+=[0-9]{10,25})*\s*$/,
      "must be kind=templateId pairs separated by commas",
    )
    .optional(),
  /** Keys X-Gateway-Signature on the gateway's delivery reports; without it reports are refused. */
  SMS_STATUS_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /** Page access token for Messenger replies; without it they are recorded as not sent. */
  MESSENGER_PAGE_TOKEN: z.string().min(1).optional(),
  /** Instagram professional account token for Instagram replies; likewise. */
  INSTAGRAM_TOKEN: z.string().min(1).optional(),
  /** X's API host for direct-message replies. */
  X_API_URL: z.string().url().default("https://api.x.com"),
  /** OAuth 2.0 user token (dm.write) of the discom's X account; without it DM replies are not sent. */
  X_DM_TOKEN: z.string().min(1).optional(),
  X_CONSUMER_SECRET: z.string().min(1).default(DEMO),
  /** Keys X-Twitter-Webhooks-Signature-OAuth2 (newer X apps); without it only the legacy header is checked. */
  X_OAUTH2_CLIENT_SECRET: z.string().min(1).optional(),
  /** The one jurisdiction_id Open311 accepts; the host name of PUBLIC_URL when unset. */
  OPEN311_JURISDICTION_ID: z.string().min(1).max(100).optional(),
  /** The contact line of Open311's discovery document. */
  OPEN311_CONTACT: z.string().min(1).max(500).optional(),
  OTP_SECRET: z.string().min(1).default(DEMO),
  /** Base URL consumers are sent to for /track links. */
  PUBLIC_URL: z.string().url().default("http://localhost:3000"),
  /** Demo mode seeds one user per role with this password (refused in production). */
  DEMO_PASSWORD: z.string().min(1).default("demo"),
  /** Demo mode seeds an intake key with this value (refused in production). */
  DEMO_INTAKE_KEY: z.string().min(8).default("demo-intake-key"),
  /** A session ends after this long without a request or an open live screen (ASVS 7.3.1). */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(8 * 60),
  /** ... and after this long whatever happens (ASVS 7.3.2): a wall screen signs in again weekly. */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(90 * 24)
    .default(7 * 24),
  /**
   * Express's `trust proxy`: "false" (default: the socket's address is the client), "true", a hop
   * count, or a comma-separated list of proxy addresses/subnets, so limits key on the real client.
   */
  TRUST_PROXY: z.string().default("false"),
  /** Extra origins (comma-separated) allowed to open the live socket besides PUBLIC_URL's. */
  ALLOWED_ORIGINS: z.string().default(""),
  /** Interval of the clock's sweep (SLA states, escalations, unconfirmed closures, outbox). */
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** When an inferred feeder outage is announced to its consumers: at once, once confirmed, or never. */
  OUTAGE_NOTICES: z.enum(["inferred", "confirmed", "off"]).default("inferred"),
  /** Hours (IST) in which notices wait instead of going out, e.g. 22:00-07:00; "off" for none. */
  NOTICE_QUIET_HOURS: z
    .string()
    .refine((v) => {
      try {
        parseQuietHours(v);
        return true;
      } catch {
        return false;
      }
    }, "must look like 22:00-07:00 (IST) or be off")
    .default("22:00-07:00"),
  /** Notices per incident or shutdown handed to the outbox each minute. */
  NOTICE_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  /** How long before a planned shutdown its consumers are told. */
  SHUTDOWN_NOTICE_LEAD_HOURS: z.coerce
    .number()
    .min(0)
    .max(7 * 24)
    .default(24),
  /** Webhook deliveries are stored and answered at once, then processed by the inbox worker. */
  WEBHOOK_INBOX: bool.default(true),
  /** A screen's live byte budget (token bucket rate and burst, bytes a second). */
  LIVE_BYTES_PER_SECOND: z.coerce.number().int().min(1000).max(10_000_000).default(16_000),
  /** Past this many bytes unread a screen gets no deltas until it drains, then a fresh snapshot. */
  LIVE_MAX_BUFFERED_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1 << 30)
    .default(256 * 1024),
  /** A lagging screen that has not drained within this many ms is cut off. */
  LIVE_STALLED_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** How many subscribes one socket may send in 10 s (a resubscribing screen costs a snapshot). */
  LIVE_SUBSCRIBES_PER_10S: z.coerce.number().int().min(1).max(100_000).default(20),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  const config = parsed.data;
  if (config.MAP_TILE_URL && !config.MAP_TILE_ATTRIBUTION)
    throw new ConfigError(
      "invalid configuration:\n  MAP_TILE_ATTRIBUTION: is required with MAP_TILE_URL (tile licences ask for credit)",
    );
  // A production deployment never makes up complaints unless someone asked for it by name.
  if (config.NODE_ENV === "production" && env.SIMULATOR === undefined) config.SIMULATOR = false;
  if (config.NODE_ENV === "production") {
    const problems = productionProblems(config, env);
    if (problems.length)
      throw new ConfigError(
        `production mode refuses to start:\n${problems.map((p) => `  ${p}`).join("\n")}`,
      );
  }
  return config;
}

/** Secrets that must be set, long and not demo values before Nigrani runs in production. */
const SECRETS = [
  "OTP_SECRET",
  "WHATSAPP_APP_SECRET",
  "WHATSAPP_VERIFY_TOKEN",
  "X_CONSUMER_SECRET",
] as const;
const MIN_SECRET = 16;

function productionProblems(config: Config, env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  for (const name of SECRETS) {
    const v = config[name];
    if (env[name] === undefined) problems.push(`${name}: is not set`);
    else if (v === DEMO) problems.push(`${name}: is the demo value`);
    else if (v.length < MIN_SECRET)
      problems.push(`${name}: must be at least ${MIN_SECRET} characters`);
  }
  if (config.WHATSAPP_TOKEN === DEMO) problems.push("WHATSAPP_TOKEN: is the demo value");
  if (env.DEMO_PASSWORD !== undefined)
    problems.push("DEMO_PASSWORD: demo users are not seeded in production; unset it");
  if (env.DEMO_INTAKE_KEY !== undefined)
    problems.push("DEMO_INTAKE_KEY: the demo key is not seeded in production; unset it");
  if (!config.PUBLIC_URL.startsWith("https://"))
    problems.push("PUBLIC_URL: must be https:// (cookies are Secure)");
  return problems;
}

/** Express's `trust proxy` value from TRUST_PROXY. */
export function trustProxy(config: Config): boolean | number | string {
  const v = config.TRUST_PROXY.trim();
  if (v === "false" || v === "") return false;
  if (v === "true") return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

/** Origins allowed to open the live socket: PUBLIC_URL's and ALLOWED_ORIGINS. */
export function allowedOrigins(config: Config): Set<string> {
  const out = new Set([new URL(config.PUBLIC_URL).origin]);
  for (const o of config.ALLOWED_ORIGINS.split(","))
    if (o.trim()) out.add(new URL(o.trim()).origin);
  return out;
}

/** The map tiles the client draws under its base, or null when none are configured. */
export function mapTiles(config: Config): { url: string; attribution: string } | null {
  if (!config.MAP_TILE_URL) return null;
  return { url: config.MAP_TILE_URL, attribution: config.MAP_TILE_ATTRIBUTION ?? "" };
}

/** The tile server as a CSP source: its origin, with a `{s}` subdomain as a wildcard. */
export function mapTileSource(config: Config): string | null {
  const m = config.MAP_TILE_URL ? /^https?:\/\/[^/?#]+/.exec(config.MAP_TILE_URL) : null;
  return m ? m[0].replace("{s}", "*") : null;
}

/** Demo mode: anything but production seeds demo users and the demo key. */
export const isDemoMode = (config: Config) => config.NODE_ENV !== "production";

/** Config for tests: defaults, an in-memory store, no simulator, a small network. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...configSchema.parse({ NODE_ENV: "test", LOG_LEVEL: "silent", SIMULATOR: "off" }),
    NETWORK_FEEDERS: 300,
    NETWORK_CONSUMERS: 5000,
    // Channel tests read what a delivery did from its answer; inbox tests turn this on.
    WEBHOOK_INBOX: false,
    PORT: 0,
    HOST: "127.0.0.1",
    ...overrides,
  };
}
