import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ManualClock } from "../../../server/clock/clock.js";
import type { NigraniApp } from "../../../server/app.js";
import { istHour } from "../../../server/sim/curve.js";
import type { SimPeople } from "../../../server/sim/people.js";
import { fileSimulatedReport } from "../../../server/sim/wiring.js";
import type { GeneratedReport } from "../../../server/sim/stream.js";
import { fileOn, startTestApp } from "../../support/app.js";

let app: NigraniApp;
let clock: ManualClock;
let people: SimPeople;

/** Moves the clock in five-minute steps, running the clock's sweeps and the people's steps. */
async function live(hours: number): Promise<void> {
  for (let i = 0; i < hours * 12; i++) {
    clock.advance(5 * 60_000);
    await app.sweeper.runOnce();
    await people.tick();
  }
}

const eventsOf = (ticketId: number) =>
  app.store.kysely
    .selectFrom("ticket_events")
    .select(["type", "actor", "at", "data"])
    .where("ticket_id", "=", ticketId)
    .orderBy("seq")
    .execute();

beforeAll(async () => {
  ({ app, clock } = await startTestApp({
    config: { SIMULATOR: true, SIM_HISTORY_DAYS: 0, SIM_RATE: 0 },
  }));
  if (!app.demo) throw new Error("the demo is not wired");
  people = app.demo.people;
});
afterAll(() => app.close());

describe("simulated people", () => {
  it("work tickets through the same commands, under names that say they are simulated", async () => {
    const filed = [];
    for (let i = 0; i < 24; i++) {
      const feeder = app.network.feeders[(i * 7) % app.network.feeders.length];
      filed.push(
        await fileOn(app, feeder, i % 3 ? {} : { category: "bill_generation", text: "bill galat" }),
      );
    }
    await live(24 * 8);
    let resolved = 0;
    for (const { ticket } of filed) {
      const events = await eventsOf(ticket.id);
      const created = Date.parse(events[0].at);
      for (const e of events.filter((x) => x.actor !== null)) {
        expect(e.actor).toMatch(/^sim:(officer:[\w-]+|consumer)$/);
        expect(Date.parse(e.at)).toBeGreaterThan(created);
      }
      const starts = events.filter(
        (e) => e.type === "status_changed" && JSON.parse(e.data).to === "in_progress",
      );
      const resolves = events.filter(
        (e) => e.type === "status_changed" && JSON.parse(e.data).to === "resolved",
      );
      resolved += resolves.length > 0 ? 1 : 0;
      for (const r of resolves) {
        expect(JSON.parse(r.data).note).toEqual(expect.any(String));
        expect(app.officers.get(r.actor?.replace("sim:officer:", ""))).toBeDefined();
      }
      // Commercial staff take tickets up in office hours (10:00-17:00 IST).
      if (ticket.category === "bill_generation")
        for (const s of starts) {
          const h = istHour(Date.parse(s.at));
          expect(h >= 10 && h < 17, s.at).toBe(true);
        }
    }
    expect(resolved).toBeGreaterThan(filed.length / 2);
  }, 120_000);

  it("clear the triage queue with what the consumer really meant", async () => {
    const feeder = app.network.feeders[3];
    const report: GeneratedReport = {
      atMs: clock.now().getTime(),
      input: { channel: "whatsapp", text: "kuch karo bhai", phone: "9876500011" },
      topic: "supply_cut",
      lang: "hinglish",
      channel: "whatsapp",
      feederId: feeder.id,
      substationId: feeder.parentId,
      stormId: null,
    };
    const filed = await fileSimulatedReport(app.intake, people, report.input, report);
    expect(filed.ticket.needs_triage).toBe(1);
    await live(2);
    const t = await app.store.getTicket(filed.ticket.id);
    expect(t).toMatchObject({ feeder_id: feeder.id, category: "supply_cut", needs_triage: 0 });
    const events = await eventsOf(filed.ticket.id);
    expect(events.filter((e) => e.actor === "sim:control-room").map((e) => e.type)).toEqual(
      expect.arrayContaining(["categorised", "located"]),
    );
    const [stored] = await app.store.reportsOfTicket(filed.ticket.id);
    expect(JSON.parse(stored.raw ?? "{}")).toMatchObject({ simulated: true, topic: "supply_cut" });
  });
});
