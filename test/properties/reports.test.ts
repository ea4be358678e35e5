import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimal, metric, missing, money } from "../../src/core/index.js";
import { cellPlain, cellText } from "../../src/reports/cells.js";
import { cents, fixed, percent, projectSection, renderJsonReport, renderMarkdownReport, tableToCsv, type Report } from "../../src/reports/index.js";
import { earnedValueSeries } from "../../src/variance/index.js";
import { input, pkgArb, statusArb } from "./ev-input.js";
import { expectClean, violations } from "./walk.js";

/* Report cells and the project section built from edge projects: no NaN, Infinity or negative zero in any text. */

describe("report cells from edge figures", () => {
  it("tiny negatives rounded away read 0, missing figures read n/a (reason)", () => {
    const tiny = fc.constantFrom("-0.001", "-0.004", "-0.0049", "0", "-0", "0.004", "-0.000000000000000000000000000001", "12.345");
    fc.assert(fc.property(tiny, fc.integer({ min: 0, max: 4 }), (x, places) => {
      const cells = [fixed(metric(decimal(x)), places), percent(metric(decimal(x)), places), cents(metric(money(x, "EUR"))), fixed(missing("ac-is-zero"), places)];
      for (const c of cells) {
        expect(violations(cellText(c))).toEqual([]);
        expect(violations(cellPlain(c))).toEqual([]);
        expectClean(c);
      }
    }), { seed: 13, numRuns: 100 });
  });
});

describe("project section from edge projects", () => {
  it("Markdown, CSV and JSON show no NaN, Infinity or negative zero", () => {
    fc.assert(fc.property(fc.array(pkgArb, { minLength: 1, maxLength: 3 }), statusArb, (specs, statusDate) => {
      let series;
      try {
        series = earnedValueSeries(input(specs, "PRJ-T"), { statusDate });
      } catch {
        return; // amounts past exact arithmetic: refused as a typed error (earned-value.test.ts checks that)
      }
      const section = projectSection({ code: "PRJ-T", name: "Edge", series });
      expectClean(section);
      const report: Report = { title: "Edge", sections: [section] };
      for (const text of [renderMarkdownReport(report), renderJsonReport(report)]) expect(violations(text.replace(/\d{4}-\d{2}-\d{2}/g, "D"))).toEqual([]);
      for (const b of section.blocks ?? []) if (b.kind === "table") expect(violations(tableToCsv(b.table))).toEqual([]);
    }), { seed: 13, numRuns: 60 });
  });
});
