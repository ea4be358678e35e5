import { describe, expect, it } from "vitest";
import { checkOptionKeys } from "../../src/core/index.js";
import { issuesOf as issues } from "../support/errors.js";

const KEYS = { asOf: 1, method: 1 } as const;
describe("checkOptionKeys", () => {
  it("passes known keys, undefined and non-objects (left to checkArguments)", () => {
    expect(issues(() => checkOptionKeys("earnedValue", { asOf: "2026-11-20", method: undefined }, KEYS))).toEqual([]);
    expect(issues(() => checkOptionKeys("earnedValue", undefined, KEYS))).toEqual([]);
    expect(issues(() => checkOptionKeys("earnedValue", 5, KEYS))).toEqual([]);
  });
  it("refuses every unknown key, one issue each, at the path given + the key, naming the keys taken", () => {
    expect(issues(() => checkOptionKeys("earnedValue", { asof: "2026-11-20", methd: "x", asOf: "2026-11-20" }, KEYS, ["options"]))).toEqual([
      ["options.asof", "unknown option (earnedValue takes asOf, method)"],
      ["options.methd", "unknown option (earnedValue takes asOf, method)"],
    ]);
    // An unknown key is refused even when its value is undefined: the caller meant some option.
    expect(issues(() => checkOptionKeys("f", { asof: undefined }, KEYS))).toEqual([["asof", "unknown option (f takes asOf, method)"]]);
  });
  it("reads own keys only: __proto__ and constructor are unknown options, not the known table's prototype", () => {
    const o = JSON.parse('{"__proto__": 1, "constructor": 2, "toString": 3}') as object;
    expect(issues(() => checkOptionKeys("f", o, KEYS)).map((i) => i[0])).toEqual(["__proto__", "constructor", "toString"]);
  });
  it("a subject that is not a string is named \"options\": String() of a null-prototype object threw a TypeError", () => {
    // Found by the errors-as-data property at 10× its runs (args: a null-prototype object, an object with a key).
    for (const subject of [Object.create(null), { toString: 1 }, Symbol("s"), 5]) {
      expect(issues(() => checkOptionKeys(subject as never, { a: 1 }, KEYS))).toEqual([["a", "unknown option (options takes asOf, method)"]]);
    }
  });
});
