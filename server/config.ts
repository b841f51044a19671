import { z } from "zod";

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
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SIMULATOR: bool.default(true),
  SIM_RATE: z.coerce.number().min(0).max(1_000_000).default(1200),
  SIM_SEED: z.coerce.number().int().default(1912),
  /** Chance per hour that a storm hits one substation's feeders. */
  SIM_STORMS_PER_HOUR: z.coerce.number().min(0).max(60).default(0.15),
  NETWORK_SEED: z.coerce.number().int().default(2017),
  NETWORK_FEEDERS: z.coerce.number().int().min(10).max(100_000).default(3000),
  NETWORK_CONSUMERS: z.coerce.number().int().min(0).max(5_000_000).default(200_000),
  CLIENT_DIR: z.string().default("./dist/client"),
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
  OPEN311_API_KEY: z.string().min(1).default(DEMO),
  /** The one jurisdiction_id Open311 accepts; the host name of PUBLIC_URL when unset. */
  OPEN311_JURISDICTION_ID: z.string().min(1).max(100).optional(),
  /** The contact line of Open311's discovery document. */
  OPEN311_CONTACT: z.string().min(1).max(500).optional(),
  OTP_SECRET: z.string().min(1).default(DEMO),
  /** Base URL consumers are sent to for /track links. */
  PUBLIC_URL: z.string().url().default("http://localhost:3000"),
  /** Interval of the clock's sweep (SLA states, escalations, unconfirmed closures, outbox). */
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
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
  if (config.NODE_ENV === "production") {
    const demo = Object.entries(config)
      .filter(([, v]) => v === DEMO)
      .map(([k]) => k);
    if (demo.length)
      throw new ConfigError(`production mode needs real values for: ${demo.join(", ")}`);
  }
  return config;
}

/** Config for tests: defaults, an in-memory store, no simulator, a small network. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...configSchema.parse({ NODE_ENV: "test", LOG_LEVEL: "silent", SIMULATOR: "off" }),
    NETWORK_FEEDERS: 300,
    NETWORK_CONSUMERS: 5000,
    PORT: 0,
    HOST: "127.0.0.1",
    ...overrides,
  };
}
