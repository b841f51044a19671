import { describe, expect, it } from "vitest";
import {
  generateConsumers,
  generateNetwork,
  isValidAccount,
} from "../../../server/network/generate.js";
import { accountNumber } from "../../../server/network/consumers.js";

const units = generateNetwork({ seed: 11, feeders: 3000 });

describe("generateConsumers", () => {
  it("is deterministic for a seed and differs for another", () => {
    const a = [...generateConsumers(units, { seed: 11, count: 5000 })];
    const b = [...generateConsumers(units, { seed: 11, count: 5000 })];
    const c = [...generateConsumers(units, { seed: 12, count: 5000 })];
    expect(a).toHaveLength(5000);
    expect(b).toEqual(a);
    expect(c.map((x) => x.account)).not.toEqual(a.map((x) => x.account));
  });

  it("streams 200,000 consumers with unique, valid accounts", () => {
    const feederIds = new Set(units.filter((u) => u.kind === "feeder").map((u) => u.id));
    const accounts = new Set<string>();
    const phones = new Set<string>();
    let n = 0;
    for (const c of generateConsumers(units, { seed: 11, count: 200_000 })) {
      n++;
      accounts.add(c.account);
      phones.add(c.phone);
      if (n % 997 === 0) {
        expect(c.account).toMatch(/^[1-9][0-9]{9}$/);
        expect(isValidAccount(c.account)).toBe(true);
        expect(feederIds.has(c.feederId)).toBe(true);
        expect(c.phone).toMatch(/^555[0-9]{7}$/);
        expect(c.name).toMatch(/^[A-Z][A-Za-z. ]+ [A-Z][a-z]+$/);
        expect(c.nameHi).toMatch(/^[\u0900-\u097F. ]+$/);
      }
    }
    expect(n).toBe(200_000);
    expect(accounts.size).toBe(200_000);
    expect(phones.size).toBe(200_000);
  });

  it("gives urban feeders more consumers than rural ones on average", () => {
    const perFeeder = new Map<string, number>();
    for (const c of generateConsumers(units, { seed: 11, count: 30_000 }))
      perFeeder.set(c.feederId, (perFeeder.get(c.feederId) ?? 0) + 1);
    const avg = (urban: boolean) => {
      const f = units.filter((u) => u.kind === "feeder" && u.urban === urban);
      return f.reduce((s, u) => s + (perFeeder.get(u.id) ?? 0), 0) / f.length;
    };
    expect(avg(true)).toBeGreaterThan(2 * avg(false));
  });

  it("yields nothing for a network without feeders or a count of zero", () => {
    expect([
      ...generateConsumers(
        units.filter((u) => u.kind !== "feeder"),
        { seed: 1, count: 10 },
      ),
    ]).toEqual([]);
    expect([...generateConsumers(units, { seed: 1, count: 0 })]).toEqual([]);
  });
});

describe("isValidAccount", () => {
  const good = accountNumber(12345, 11);

  it("accepts generated numbers and rejects malformed ones", () => {
    expect(isValidAccount(good)).toBe(true);
    expect(isValidAccount(good.slice(0, 9))).toBe(false);
    expect(isValidAccount(`${good}0`)).toBe(false);
    expect(isValidAccount(good.replace(/^./, "x"))).toBe(false);
  });

  it("catches every single-digit typo and every swap of neighbouring digits", () => {
    for (let i = 0; i < 100; i++) {
      const account = accountNumber(i * 7919, 3);
      expect(isValidAccount(account)).toBe(true);
      for (let p = 0; p < 10; p++) {
        for (let d = 0; d < 10; d++) {
          if (String(d) === account[p]) continue;
          const typo = account.slice(0, p) + d + account.slice(p + 1);
          expect(isValidAccount(typo), typo).toBe(false);
        }
        if (p < 9 && account[p] !== account[p + 1]) {
          const swapped = account.slice(0, p) + account[p + 1] + account[p] + account.slice(p + 2);
          expect(isValidAccount(swapped), swapped).toBe(false);
        }
      }
    }
  });
});
