import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NigraniApp } from "../../../server/app.js";
import type { ManualClock } from "../../../server/clock/clock.js";
import { raiseIncident, resolveIncident } from "../../../server/incidents/commands.js";
import { touchContact } from "../../../server/intake/contacts.js";
import { optOut } from "../../../server/notices/opt-outs.js";
import { scheduleShutdown } from "../../../server/notices/shutdowns.js";
import { incidentNotices } from "../../../server/notices/stats.js";
import { sendDueNotices } from "../../../server/notices/sweep.js";
import type { Unit } from "../../../shared/network.js";
import { fileOn, startTestApp } from "../../support/app.js";

/** Feeders with at least `min` consumers, most first. */
async function busyFeeders(app: NigraniApp, min: number): Promise<Unit[]> {
  const counts = await app.store.consumersPerFeeder();
  return [...counts]
    .filter(([, n]) => n >= min)
    .sort((a, b) => b[1] - a[1])
    .map(([id]) => app.network.unit(id))
    .filter((u): u is Unit => !!u);
}

async function consumersOf(app: NigraniApp, feederId: string) {
  return app.store.kysely
    .selectFrom("consumers")
    .selectAll()
    .where("feeder_id", "=", feederId)
    .orderBy("account")
    .execute();
}

async function outboxOf(app: NigraniApp, kind: string) {
  return app.store.kysely.selectFrom("outbox").selectAll().where("kind", "=", kind).execute();
}

/** Raises an outage on one feeder from the supply-cut tickets already filed there. */
async function raiseOn(app: NigraniApp, feeder: Unit) {
  const { incident } = await raiseIncident(
    app.intake,
    { substationId: feeder.parentId ?? "", feederIds: [feeder.id], reports: 3 },
    (await consumersOf(app, feeder.id)).length,
  );
  if (!incident) throw new Error("no incident raised");
  await app.notices.outages.settle();
  return incident;
}

describe("outage notices by feeder", () => {
  let app: NigraniApp;
  let clock: ManualClock;
  let feeders: Unit[];
  beforeAll(async () => {
    // 12:00 IST: outside the default quiet hours.
    ({ app, clock } = await startTestApp());
    feeders = await busyFeeders(app, 8);
  });
  afterAll(() => app.close());

  it("tells each known consumer and each reporter exactly once, through the outbox, in their language", async () => {
    const feeder = feeders[0];
    const consumers = await consumersOf(app, feeder.id);
    const [english, onWhatsapp, stopped, reporterConsumer] = consumers;
    await app.store.kysely
      .updateTable("consumers")
      .set({ language: "en" })
      .where("account", "=", english.account)
      .execute();
    await touchContact(app.store.kysely, {
      channel: "whatsapp",
      address: onWhatsapp.phone,
      phone: onWhatsapp.phone,
      // Two days ago: WhatsApp's 24-hour window is closed, so only a template may go.
      at: new Date(clock.now().getTime() - 48 * 3_600_000).toISOString(),
      text: "My light is gone since morning",
    });
    await optOut(app.store.kysely, stopped.phone, "sms", clock.now().toISOString());
    // Two reporters: one is a consumer on the feeder (and must not hear twice), one is not known.
    const outsider = "9812300001";
    await fileOn(app, feeder, { phone: reporterConsumer.phone, text: "बिजली नहीं है" });
    await fileOn(app, feeder, { phone: outsider });
    const incident = await raiseOn(app, feeder);

    expect(await sendDueNotices(app.notices.deps)).toBe(consumers.length - 1 + 1);
    const sent = await outboxOf(app, "outage_notice");
    const recipients = sent.map((m) => m.recipient);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(recipients.sort()).toEqual(
      [...consumers.map((c) => c.phone).filter((p) => p !== stopped.phone), outsider].sort(),
    );
    const to = (phone: string) => sent.find((m) => m.recipient === phone)!;
    expect(to(english.phone).body).toMatch(/^Power notice: we know supply is off/);
    expect(to(english.phone).channel).toBe("sms");
    expect(to(consumers[4].phone).body).toMatch(/^बिजली सूचना:/);
    expect(to(consumers[4].phone).body).toContain(feeder.nameHi);
    // A consumer who writes to us on WhatsApp gets the notice template there, in their language.
    expect(to(onWhatsapp.phone).channel).toBe("whatsapp");
    expect(to(onWhatsapp.phone).format).toBe("template");
    expect(JSON.parse(to(onWhatsapp.phone).payload ?? "{}")).toMatchObject({
      template: { name: "nigrani_notice", language: { code: "en" } },
    });
    // The reporter's notice shows on their ticket.
    expect(to(reporterConsumer.phone).ticket_id).not.toBeNull();

    const view = await incidentNotices(app.store.kysely, incident.id);
    expect(view.outage).toMatchObject({ queued: consumers.length, optedOut: 1, waiting: 0 });
    // The demo has no gateway: nothing handed to one yet, so no delivery rate to claim.
    expect(view.delivery.pending).toBe(consumers.length);
    expect(view.delivery.deliveryRate).toBeNull();

    // Planning again (a restart, a second node) sends nobody a second notice.
    await raiseOn(app, feeder).catch(() => undefined);
    expect(await sendDueNotices(app.notices.deps)).toBe(0);
  });

  it("answers a new report from the feeder with the notice instead of a ticket number, counted as a call saved", async () => {
    const feeder = feeders[0];
    const [incident] = await app.store.kysely
      .selectFrom("incidents")
      .selectAll()
      .where("feeder_id", "=", feeder.id)
      .execute();
    const filed = await fileOn(app, feeder, { phone: "9812300002", text: "No power here" });
    expect(filed.ticket.incident_id).toBe(incident.id);
    const replies = await app.store.kysely
      .selectFrom("outbox")
      .selectAll()
      .where("ticket_id", "=", filed.ticket.id)
      .where("recipient", "=", "9812300002")
      .execute();
    expect(replies.map((m) => m.kind)).toEqual(["outage_notice"]);
    expect(replies[0].body).not.toContain(filed.ticket.number);
    expect(replies[0].body).toMatch(/^Power notice/);
    expect((await incidentNotices(app.store.kysely, incident.id)).callsSaved).toBe(1);
  });

  it("carries the restoration time an officer set, and tells those who did not report when supply is back", async () => {
    const feeder = feeders[1];
    await fileOn(app, feeder, { phone: "9812300003" });
    clock.set("2026-11-23T07:00:00.000Z");
    // Confirmed mode: nothing goes until an officer confirms and sets the time.
    app.notices.deps.rules.mode = "confirmed";
    try {
      const incident = await raiseOn(app, feeder);
      expect(await sendDueNotices(app.notices.deps)).toBe(0);
      const { setAnnouncement } = await import("../../../server/notices/outages.js");
      await setAnnouncement(
        app.notices.deps,
        incident.id,
        { crewAssigned: true, restoreBy: "2026-11-23T12:30:00.000Z" },
        "user:test",
      );
      const consumers = await consumersOf(app, feeder.id);
      expect(await sendDueNotices(app.notices.deps)).toBe(consumers.length + 1);
      const hindi = (await outboxOf(app, "outage_notice")).find(
        (m) => m.recipient === consumers[0].phone,
      )!;
      expect(hindi.body).toContain("मरम्मत दल काम पर लगा है");
      expect(hindi.body).toContain("18:00");

      await resolveIncident(
        app.intake,
        incident.id,
        "Jumper replaced, feeder charged",
        "user:test",
      );
      await app.notices.outages.settle();
      expect(await sendDueNotices(app.notices.deps)).toBe(consumers.length);
      const restored = await outboxOf(app, "restored_notice");
      expect(restored.map((m) => m.recipient).sort()).toEqual(consumers.map((c) => c.phone).sort());
      expect(restored[0].body).toMatch(/बिजली बहाल हो गई है.*उत्तर दें/);
      // The reporter is asked about their own ticket instead (once), not sent the restoration notice.
      const asked = (await outboxOf(app, "incident_notice")).filter(
        (m) => m.recipient === "9812300003",
      );
      expect(asked).toHaveLength(1);
    } finally {
      app.notices.deps.rules.mode = "inferred";
    }
  });

  it("holds notices in quiet hours and sends them when the window ends, at the per-incident rate", async () => {
    const feeder = feeders[2];
    const consumers = await consumersOf(app, feeder.id);
    await fileOn(app, feeder, { phone: "9812300004" });
    clock.set("2026-11-23T17:00:00.000Z"); // 22:30 IST
    const incident = await raiseOn(app, feeder);
    expect(await sendDueNotices(app.notices.deps)).toBe(0);
    clock.set("2026-11-24T01:25:00.000Z"); // 06:55 IST
    expect(await sendDueNotices(app.notices.deps)).toBe(0);
    expect((await incidentNotices(app.store.kysely, incident.id)).outage.waiting).toBe(
      consumers.length + 1,
    );
    clock.set("2026-11-24T01:31:00.000Z"); // 07:01 IST
    app.notices.deps.rules.ratePerMinute = 5;
    try {
      expect(await sendDueNotices(app.notices.deps)).toBe(5);
      clock.advance(30_000);
      expect(await sendDueNotices(app.notices.deps)).toBe(0);
      clock.advance(31_000);
      expect(await sendDueNotices(app.notices.deps)).toBe(5);
    } finally {
      app.notices.deps.rules.ratePerMinute = 120;
    }
    expect(await sendDueNotices(app.notices.deps)).toBe(consumers.length + 1 - 10);
  });

  it("does not announce an outage on a feeder inside a planned shutdown (its consumers know)", async () => {
    const feeder = feeders[3];
    clock.set("2026-11-24T06:30:00.000Z");
    const at = clock.now().getTime();
    const shutdown = await scheduleShutdown(
      app.notices.deps,
      {
        feederIds: [feeder.id],
        reason: "Transformer maintenance",
        startsAt: new Date(at - 3_600_000).toISOString(),
        endsAt: new Date(at + 3_600_000).toISOString(),
      },
      "user:test",
    );
    await sendDueNotices(app.notices.deps);
    await fileOn(app, feeder, { phone: "9812300005" });
    const incident = await raiseOn(app, feeder);
    expect((await incidentNotices(app.store.kysely, incident.id)).outage.planned).toBe(0);
    const told = await app.store.kysely
      .selectFrom("notices")
      .select("status")
      .where("subject", "=", `shutdown:${shutdown.id}`)
      .where("kind", "=", "shutdown")
      .execute();
    expect(told.length).toBe((await consumersOf(app, feeder.id)).length);
  });

  it("tells those already told each new restoration time once; a time overtaken before it went is not sent", async () => {
    const { setAnnouncement } = await import("../../../server/notices/outages.js");
    const feeder = feeders[4];
    const consumers = await consumersOf(app, feeder.id);
    clock.set("2026-11-25T06:30:00.000Z"); // 12:00 IST
    await fileOn(app, feeder, { phone: "9812300006" });
    const incident = await raiseOn(app, feeder);
    const told = consumers.length + 1;
    expect(await sendDueNotices(app.notices.deps)).toBe(told);
    const updates = async () =>
      (await outboxOf(app, "outage_notice")).filter((m) =>
        /नया अनुमानित समय|now expected back/.test(m.body),
      );

    const set = (restoreBy: string) =>
      setAnnouncement(app.notices.deps, incident.id, { restoreBy }, "user:test");
    await set("2026-11-25T12:30:00.000Z");
    expect(await sendDueNotices(app.notices.deps)).toBe(told);
    const first = await updates();
    expect(new Set(first.map((m) => m.recipient)).size).toBe(told);
    expect(first.every((m) => m.body.includes("18:00"))).toBe(true);
    // The same time again (a crew assigned, say) tells nobody anything new.
    await setAnnouncement(app.notices.deps, incident.id, { crewAssigned: true }, "user:test");
    await set("2026-11-25T12:30:00.000Z");
    expect(await sendDueNotices(app.notices.deps)).toBe(0);

    // Two changes in quiet hours: only the later time goes when the window ends.
    clock.set("2026-11-25T17:00:00.000Z"); // 22:30 IST
    await set("2026-11-25T20:30:00.000Z");
    await set("2026-11-26T03:30:00.000Z"); // 09:00 IST
    expect(await sendDueNotices(app.notices.deps)).toBe(0);
    clock.set("2026-11-26T01:31:00.000Z"); // 07:01 IST
    expect(await sendDueNotices(app.notices.deps)).toBe(told);
    const later = (await updates()).slice(first.length);
    expect(later).toHaveLength(told);
    expect(later.every((m) => m.body.includes("09:00"))).toBe(true);
    const view = await incidentNotices(app.store.kysely, incident.id);
    expect(view.updates).toMatchObject({ queued: 2 * told, waiting: 0 });
    expect(view.outage.queued).toBe(told);
  });
});
