// gates21 audit: RAG rule thresholds took only decimal strings ("0.95"), where the other calculator inputs (scoring
// ratings, schedule durations, SLOs, tolerances) take a decimal string or a finite number — and the rules
// decodeRagRules returns (thresholds as Decimals) could not be passed back to ragStatus: 16 issues for the defaults.
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { DEFAULT_RAG_RULES, decimal, decodeRagRules, isoDate, metric, ragRuleSchema } from "../../src/index.js";
import { ragStatus } from "../../src/status/index.js";
import { issuesOf } from "../support/errors.js";

const asOf = isoDate("2026-11-20");
// SPI 0.9: ≥ 0.85 and < 0.95 → amber; CPI 1 → green.
const figures = { spi: metric(decimal("0.9")), cpi: metric(decimal("1")) };
const colours = (rules: readonly unknown[]) => ragStatus({ id: "P" }, { asOf, rules, figures }).dimensions.map((d) => `${d.dimension}:${d.colour}`);

describe("RAG rule thresholds take a decimal the way other inputs do", () => {
  it("thresholds as numbers (0.95, 0.85) rate as the strings do (was: a ValidationError, expected string)", () => {
    const numbers = [
      { id: "spi", dimension: "schedule", kind: "index", figure: "spi", greenAtLeast: 0.95, amberAtLeast: 0.85 },
      { id: "cpi", dimension: "cost", kind: "index", figure: "cpi", greenAtLeast: 0.95, amberAtLeast: 0.85 },
    ];
    expect(colours(numbers)).toEqual(["schedule:amber", "cost:green"]);
    // 0.1 + 0.2 is read as the decimal its printed form names (0.30000000000000004), not rounded to 0.3.
    expect(decodeRagRules([{ id: "x", dimension: "cost", kind: "forecast-vs-budget", amberTolerance: 0.1 + 0.2 }])[0]).toMatchObject({ amberTolerance: decimal("0.30000000000000004") });
  });

  it("decodeRagRules' own output is taken back (was: 16 issues for the default rules), with the same colours", () => {
    expect(colours(decodeRagRules(DEFAULT_RAG_RULES))).toEqual(colours(DEFAULT_RAG_RULES));
    // The schema still encodes to the wire form: thresholds as decimal strings.
    expect(decodeRagRules(DEFAULT_RAG_RULES).map((r) => z.encode(ragRuleSchema, r))).toEqual(DEFAULT_RAG_RULES);
  });

  it("NaN, Infinity and exponent strings are still refused at their path", () => {
    const bad = (v: unknown) => issuesOf(() => decodeRagRules([{ id: "s", dimension: "schedule", kind: "index", figure: "spi", greenAtLeast: v, amberAtLeast: "0.85" }])).map(([p]) => p);
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, "9.5e-1", decimal("0.9").div(0)]) expect(bad(v)).toEqual(["0.greenAtLeast"]);
  });
});
