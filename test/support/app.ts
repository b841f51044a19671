import { ManualClock } from "../../server/clock/clock.js";
import { testConfig, type Config } from "../../server/config.js";
import { createApp, type NigraniApp } from "../../server/app.js";
import { ingestReport } from "../../server/intake/ingest.js";
import type { ReportInput } from "../../shared/schemas.js";
import type { Unit } from "../../shared/network.js";
import { createTestSchema, TEST_DATABASE } from "./database.js";

/**
 * The app without HTTP, on an in-memory store (or a fresh PostgreSQL schema, dropped at close,
 * with TEST_DATABASE=postgres) and a manual clock: for command-level tests.
 */
export async function startTestApp(
  opts: { config?: Partial<Config>; clock?: ManualClock } = {},
): Promise<{ app: NigraniApp; clock: ManualClock }> {
  const clock = opts.clock ?? new ManualClock();
  const schema = TEST_DATABASE === "postgres" ? await createTestSchema() : null;
  const app = await createApp({
    config: testConfig({
      DATA_DIR: ":memory:",
      ...(schema ? { DATABASE_URL: schema.url } : {}),
      ...opts.config,
    }),
    clock,
  }).catch(async (err: unknown) => {
    await schema?.drop();
    throw err;
  });
  if (schema) {
    const close = app.close.bind(app);
    app.close = () => close().finally(schema.drop);
  }
  return { app, clock };
}

/** Files a placed, categorised report through intake, as a channel would. */
export async function fileOn(app: NigraniApp, feeder: Unit, input: Partial<ReportInput> = {}) {
  return ingestReport(app.intake, {
    channel: "call_centre",
    text: "No supply since two hours",
    category: "supply_cut",
    lat: feeder.lat,
    lon: feeder.lon,
    phone: `98${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`,
    ...input,
  });
}

/** The closure OTP the consumer was sent (read from the outbox, as the consumer would read the SMS). */
export async function otpSentFor(app: NigraniApp, ticketId: number): Promise<string> {
  const msg = await app.store.kysely
    .selectFrom("outbox")
    .select("body")
    .where("ticket_id", "=", ticketId)
    .where("kind", "=", "ticket_ack")
    .executeTakeFirstOrThrow();
  const m = /OTP[^0-9]*(\d{6})/.exec(msg.body);
  if (!m) throw new Error("no OTP in the acknowledgement");
  return m[1];
}

/** Feeders of a given kind of area (urban, rural or A-class). */
export function feederWhere(app: NigraniApp, pred: (f: Unit) => boolean): Unit {
  const f = app.network.feeders.find(pred);
  if (!f) throw new Error("no feeder matches");
  return f;
}
