import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PmoDecimal, decimal, type Decimal } from "../../src/core/decimal.js";
import {
  combineMetrics,
  flatMapMetric,
  hasValue,
  mapMetric,
  metric,
  metricOr,
  missing,
  ratio,
  METRIC_REASONS,
  type Metric,
} from "../../src/core/metric.js";

describe("metric / missing / hasValue", () => {
  it("metric wraps a value; missing carries a reason and optional detail", () => {
    expect(metric(42)).toEqual({ value: 42 });
    expect(Object.keys(metric(42))).toEqual(["value"]);
    expect(missing("pv-is-zero")).toStrictEqual({ reason: "pv-is-zero" });
    expect("detail" in missing("pv-is-zero")).toBe(false); // no `detail: undefined` key
    expect(missing("pv-is-zero", "no work was planned")).toStrictEqual({ reason: "pv-is-zero", detail: "no work was planned" });
    expect(missing("my-own-reason").reason).toBe("my-own-reason");
  });

  it("hasValue distinguishes values (even falsy ones) from missing", () => {
    expect(hasValue(metric(0))).toBe(true);
    expect(hasValue(metric(""))).toBe(true);
    expect(hasValue(metric(undefined))).toBe(true); // a value that happens to be undefined is still a value
    expect(hasValue(metric(null))).toBe(true);
    expect(hasValue(missing("no-data"))).toBe(false);
  });

  it("issue 12: a missing figure has no value key, so `\"value\" in m` cannot mistake it for a figure", () => {
    const m: Metric<number> = missing("ac-is-zero", "nothing booked yet");
    expect("value" in m).toBe(false);
    expect(Object.keys(m)).toEqual(["reason", "detail"]);
    expect(m.value).toBeUndefined(); // reading it still gives undefined
    expect(JSON.stringify(missing("pv-is-zero"))).toBe('{"reason":"pv-is-zero"}');
    // Whatever the helpers pass through keeps the shape.
    expect("value" in flatMapMetric(metric(1), () => missing("odd"))).toBe(false);
    expect("value" in combineMetrics([metric(1), missing("no-data")], (a, b) => a + (b as number))).toBe(false);
    expect("value" in ratio(decimal("1"), decimal("0"), "ac-is-zero")).toBe(false);
    expect("value" in metric(undefined)).toBe(true);
  });
});

describe("mapMetric / flatMapMetric", () => {
  it("map applies to values and passes missing through unchanged (same object)", () => {
    expect(mapMetric(metric(2), (v) => v * 10)).toEqual({ value: 20 });
    const m = missing("ac-is-zero", "detail");
    let called = false;
    const out = mapMetric(m as Metric<number>, () => {
      called = true;
      return 1;
    });
    expect(out).toBe(m);
    expect(called).toBe(false);
  });

  it("flatMap chains computations that may be missing", () => {
    const half = (v: number): Metric<number, "odd"> => (v % 2 === 0 ? metric(v / 2) : missing("odd"));
    expect(flatMapMetric(metric(8), half)).toEqual({ value: 4 });
    expect(flatMapMetric(metric(7), half)).toStrictEqual({ reason: "odd" });
    const first = missing("no-data");
    expect(flatMapMetric(first as Metric<number>, half)).toBe(first);
    expect(flatMapMetric(flatMapMetric(metric(8), half), half)).toEqual({ value: 2 });
  });

  it("property: functor and monad laws", () => {
    const arbMetric = fc.oneof(fc.integer().map((v) => metric(v) as Metric<number>), fc.constantFrom("a", "b").map((r) => missing(r) as Metric<number>));
    fc.assert(
      fc.property(arbMetric, fc.integer(), (m, k) => {
        const f = (v: number) => v + k;
        const g = (v: number) => v * 3;
        expect(mapMetric(m, (v) => v)).toEqual(m);
        expect(mapMetric(mapMetric(m, f), g)).toEqual(mapMetric(m, (v) => g(f(v))));
        expect(flatMapMetric(m, (v) => metric(f(v)))).toEqual(mapMetric(m, f));
        expect(flatMapMetric(m, metric)).toEqual(m);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("combineMetrics", () => {
  it("passes values in order when all are present", () => {
    expect(combineMetrics([metric(1), metric(2), metric(3)], (a, b, c) => `${a}${b}${c}`)).toEqual({ value: "123" });
    expect(combineMetrics([], () => "none")).toEqual({ value: "none" });
  });

  it("returns the first missing one, in argument order", () => {
    const a = missing("pv-is-zero");
    const b = missing("ac-is-zero");
    expect(combineMetrics([metric(1), a, b], () => 0)).toBe(a);
    expect(combineMetrics([b, metric(1), a], () => 0)).toBe(b);
    expect(combineMetrics([metric(1), metric(2), b], () => 0)).toBe(b);
    let called = false;
    combineMetrics([a], () => {
      called = true;
    });
    expect(called).toBe(false);
  });

  it("property: result is missing iff some input is, and then it is the first missing", () => {
    const arbMetric = fc.oneof(fc.integer().map((v) => metric(v) as Metric<number, string>), fc.string().map((r) => missing(`r:${r}`) as Metric<number, string>));
    fc.assert(
      fc.property(fc.array(arbMetric, { maxLength: 8 }), (ms) => {
        const out = combineMetrics(ms, (...vs) => vs.reduce<number>((s, v) => s + (v as number), 0));
        const firstMissing = ms.find((m) => !hasValue(m));
        if (firstMissing) expect(out).toBe(firstMissing);
        else expect(out).toEqual({ value: ms.reduce((s, m) => s + (m.value as number), 0) });
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("metricOr", () => {
  it("returns the value or the fallback", () => {
    expect(metricOr(metric(5), null)).toBe(5);
    expect(metricOr(metric(0), 99)).toBe(0);
    expect(metricOr(missing("no-data"), null)).toBeNull();
    expect(metricOr(missing("no-data"), "n/a")).toBe("n/a");
  });
});

describe("ratio", () => {
  it("divides at 34 significant digits", () => {
    const cpi = ratio(decimal("90"), decimal("100"), "ac-is-zero");
    expect(hasValue(cpi) && cpi.value.toFixed()).toBe("0.9");
    const third = ratio(decimal("1"), decimal("3"), "divisor-is-zero");
    expect(hasValue(third) && third.value.toFixed()).toBe(`0.${"3".repeat(34)}`);
    const neg = ratio(decimal("-5"), decimal("2"), "divisor-is-zero");
    expect(hasValue(neg) && neg.value.toFixed()).toBe("-2.5");
  });

  it("a zero denominator gives the reason, never Infinity or NaN", () => {
    expect(ratio(decimal("1"), decimal("0"), "ac-is-zero")).toStrictEqual({ reason: "ac-is-zero" });
    expect(ratio(decimal("0"), decimal("0"), "pv-is-zero")).toStrictEqual({ reason: "pv-is-zero" });
    expect(ratio(decimal("-1"), decimal("-0"), "bac-is-zero")).toStrictEqual({ reason: "bac-is-zero" });
  });

  it("property: never Infinity/NaN; value × denominator ≈ numerator", () => {
    const dec = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 })).map(([u, s]) => new PmoDecimal(u).div(new PmoDecimal(10).pow(s)));
    fc.assert(
      fc.property(dec, dec, (n, d) => {
        const r = ratio(n, d, "divisor-is-zero");
        if (d.isZero()) {
          expect(r).toStrictEqual({ reason: "divisor-is-zero" });
          return;
        }
        expect(hasValue(r)).toBe(true);
        const v = r.value as Decimal;
        expect(v.isFinite()).toBe(true);
        // |v·d − n| ≤ |n|·10^-32: the quotient has 34 significant digits.
        expect(v.times(d).minus(n).abs().lte(n.abs().times("1e-32"))).toBe(true);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("issue 12: every reason the library emits is listed", () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
  // Literal reasons: missing("…"), and the reason arguments of the percentage helpers (kpiRatio, pct).
  const emitted = (dir: string) => {
    const out = new Set<string>();
    for (const f of files(dir)) {
      const text = readFileSync(f, "utf8");
      for (const m of text.matchAll(/missing\("([a-z0-9-]+)"/g)) out.add(m[1]!);
      for (const m of text.matchAll(/(?:kpiRatio|pct)\([^;]*?"([a-z]+(?:-[a-z]+)+)"\)/g)) out.add(m[1]!);
      // SPI(t) fractions carry their reason: { num, den, reason: "…" } (spiTFraction, PROJECT_LEVEL_ONLY).
      for (const m of text.matchAll(/den: [^,]+, reason: "([a-z-]+)"/g)) out.add(m[1]!);
    }
    return [...out].sort();
  };

  it("issue 12: every missing(\"…\") reason in src is in METRIC_REASONS and explained in MetricReason's docs", () => {
    const listed = new Set<string>(METRIC_REASONS);
    const all = emitted("src");
    expect(all.length).toBeGreaterThan(30);
    expect(all.filter((r) => !listed.has(r))).toEqual([]);
    const tsdoc = readFileSync("src/core/metric.ts", "utf8").split("export type MetricReason")[0]!.split("export const METRIC_REASONS")[1]!;
    expect(METRIC_REASONS.filter((r) => !tsdoc.includes(`\`${r}\``))).toEqual([]);
  });

  it("issue 12: every reason earned value emits is in docs/earned-value.md", () => {
    const guide = readFileSync("docs/earned-value.md", "utf8");
    const variance = emitted("src/variance");
    expect(variance).toEqual(expect.arrayContaining(["complete", "no-eac", "before-start", "project-level-only"]));
    expect(variance.filter((r) => !guide.includes(`\`${r}\``))).toEqual([]);
  });
});
