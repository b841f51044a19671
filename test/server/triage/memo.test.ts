import { describe, expect, it } from "vitest";
import { memoised } from "../../../server/triage/memo.js";
import { placeKey } from "../../../server/triage/place-text.js";
import { phoneticKey } from "../../../server/triage/normalise.js";
import { buildGazetteer, findPlace, loadDistrictList } from "../../../server/triage/places.js";

describe("memoised", () => {
  it("answers what the function answers, computing each word once", () => {
    const calls: string[] = [];
    const upper = memoised((w: string) => (calls.push(w), w.toUpperCase()));
    expect([upper("bijli"), upper("meter"), upper("bijli")]).toEqual(["BIJLI", "METER", "BIJLI"]);
    expect(calls).toEqual(["bijli", "meter"]);
  });

  it("remembers falsy answers too", () => {
    let calls = 0;
    const empty = memoised(() => (calls++, ""));
    empty("!!");
    empty("!!");
    expect(calls).toBe(1);
  });

  it("forgets everything once full, then answers the same again", () => {
    const calls: string[] = [];
    const twice = memoised((w: string) => (calls.push(w), w + w), 2);
    expect([twice("a"), twice("b"), twice("c"), twice("a")]).toEqual(["aa", "bb", "cc", "aa"]);
    expect(calls).toEqual(["a", "b", "c", "a"]);
  });
});

describe("remembered word keys", () => {
  it("give the same keys however often and in whatever order they are asked", () => {
    const words = ["Gorakhpur", "Gorakpur", "लखनऊ", "लखनउ", "bijlee", "बिजली", "meter", "Allahbad"];
    const first = words.map((w) => [placeKey(w), phoneticKey(w.toLowerCase())]);
    const again = [...words].reverse().map((w) => [placeKey(w), phoneticKey(w.toLowerCase())]);
    expect(again.reverse()).toEqual(first);
    expect(placeKey("Gorakhpur")).toBe(placeKey("Gorakpur"));
    expect(phoneticKey("bijlee")).toBe(phoneticKey("बिजली"));
  });
});

describe("findPlace: phrases grown word by word", () => {
  const g = buildGazetteer(loadDistrictList(), [
    {
      id: "f-1",
      kind: "feeder",
      name: "11 kV Feeder Gomti Nagar Extension",
      nameHi: "",
      districtId: "lucknow",
    },
    {
      id: "s-1",
      kind: "substation",
      name: "33/11 kV Substation Gomti",
      nameHi: "",
      districtId: "lucknow",
    },
  ]);

  it("takes the longest name that starts at a word", () => {
    expect(findPlace("Lucknow, Gomti Nagar Extension feeder trip", g).unitId).toBe("f-1");
    expect(findPlace("Lucknow, Gomti substation se supply band", g).unitId).toBe("s-1");
  });

  it("finds no name where only its first words are written", () => {
    expect(findPlace("Lucknow, Gomti Nagar Extension ke paas", g).unitId).toBeNull();
  });
});
