import { describe, expect, it } from "vitest";
import { assessItem, checkEvidenceRule, evaluateGate, overdueItems, readinessFigures, readinessProgress } from "../../src/rollout/index.js";
import { sampleRollout } from "./helpers.js";
import { firstIssuePath } from "../support/errors.js";

// Readiness is judged as of a day compared as a string with due days, waiver expiries and the UTC day of votes. An
// unchecked "2026-3-1" sorted after every day of 2026-01…09 and "yesterday" after every day: items counted overdue,
// waivers expired and votes cast "before" a day that does not exist.

const { items, gates } = sampleRollout();
const gate = gates[0]!;

const pathOf = firstIssuePath;

describe("rollout readiness refuses an as-of day that is not a calendar date", () => {
  const calls: [string, (asOf: never) => unknown][] = [
    ["readinessProgress", (asOf) => readinessProgress(items, { asOf })],
    ["overdueItems", (asOf) => overdueItems(items, { asOf })],
    ["readinessFigures", (asOf) => readinessFigures({ items, gates }, { asOf })],
    ["evaluateGate", (asOf) => evaluateGate({ items, gates }, gate.id, { asOf })],
    ["assessItem", (asOf) => assessItem(items[0]!, { asOf, facts: new Map() })],
    ["checkEvidenceRule", (asOf) => checkEvidenceRule(items[0]!, new Map(), { asOf })],
  ];
  for (const [name, call] of calls) {
    it(`${name}: ValidationError at ["asOf"]`, () => {
      for (const bad of ["2026-3-1", "2026-02-30", "yesterday", "2026-03-01T00:00:00.000Z"]) expect(pathOf(() => call(bad as never))).toEqual(["asOf"]);
    });
  }
});
