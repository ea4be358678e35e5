import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { decimal } from "../../src/core/index.js";
import { finishDistributionChart, ganttChart, resourceHistogramChart, tornadoChart } from "../../src/reports/index.js";
import { H } from "./fixtures.js";
import { validationErrorOf } from "../support/errors.js";

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
const issuesOf = (fn: () => unknown): string[] => validationErrorOf(fn).issues.map((i) => i.path.join("."));
/** Relative luminance on 0–255 (ITU-R BT.601), the grey a greyscale printer makes of a colour. */
const grey = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
};

const gantt = (title = "CRM — schedule", label = "Design") =>
  ganttChart({
    title,
    rows: [
      { id: "A", label, start: "2027-01-04", finish: "2027-01-15", critical: true, baseline: { start: "2027-01-04", finish: "2027-01-08" } },
      { id: "B", label: "Build", start: "2027-01-18", finish: "2027-02-12", critical: true },
      { id: "C", label: "Training", start: "2027-01-25", finish: "2027-02-05" },
      { id: "M", label: "Go-live", start: "2027-02-12", finish: "2027-02-12", milestone: true, critical: true },
    ],
    links: [{ from: "A", to: "B", type: "FS", driving: true }, { from: "B", to: "C", type: "SS" }, { from: "B", to: "M", type: "FS", driving: true }],
    statusDate: "2027-01-20",
  });
const histogram = (title = "DBA — demand vs capacity") =>
  resourceHistogramChart({ title, periods: [{ label: "2027-01", demand: decimal("25"), capacity: 20 }, { label: "2027-02", demand: 12, capacity: 20 }, { label: "2027-03", demand: 21, capacity: 21 }] });
const distribution = (title = "Finish dates") =>
  finishDistributionChart({
    title,
    bins: [
      { from: "2027-02-22", to: "2027-02-26", count: 1200, cumulative: decimal("0.24") },
      { from: "2027-03-01", to: "2027-03-05", count: 2600, cumulative: 0.76 },
      { from: "2027-03-08", to: "2027-03-12", count: 1200, cumulative: 1 },
    ],
    percentiles: [{ percent: 50, finish: "2027-03-03" }, { percent: 80, finish: "2027-03-08" }],
    target: { label: "Deadline 2027-03-01", date: "2027-03-01" },
  });
const tornado = (title = "What drives the finish", label = "Data migration") =>
  tornadoChart({ title, bars: [{ label, value: decimal("0.62") }, { label: "UAT", value: 0.31 }, { label: "Training", value: -0.05 }] });

const ALL = { gantt, "resource-histogram": histogram, "finish-distribution": distribution, tornado };

describe.each(Object.entries(ALL))("%s chart — common rules", (kind, make) => {
  const svg = make();

  it("is deterministic, well-formed, a labelled standalone SVG without scripts, references or NaN", () => {
    expect(make()).toBe(svg);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" class="pmk-chart pmk-${kind}"`)).toBe(true);
    expect(svg).toMatch(/<desc id="[^"]+">[^<]{20,}<\/desc>/);
    expect(svg).not.toMatch(/<script|\son\w+=|href=|url\(|NaN|Infinity|undefined/);
  });

  it("escapes hostile titles", () => {
    const hostile = (make as (t: string) => string)(H);
    expect(hostile).not.toMatch(/<script|\son\w+="/);
    expect(XMLValidator.validate(hostile)).toBe(true);
  });
});

describe("ganttChart", () => {
  const svg = gantt();

  it("draws bars, a milestone diamond, a baseline bar, critical rows, dependency arrows and the status-date line", () => {
    expect(count(svg, /<g class="row critical/g)).toBe(3);
    expect(count(svg, /<g class="row critical milestone">/g)).toBe(1);
    expect(count(svg, /<rect class="baseline"/g)).toBe(1);
    expect(count(svg, /<g class="link link-FS">/g)).toBe(2);
    expect(count(svg, /<g class="link link-SS">/g)).toBe(1);
    // Non-driving links are dashed; driving ones solid.
    expect(count(svg, /<g class="link [^"]+"><title>[^<]*<\/title><path d="[^"]*" fill="none" stroke="#333333" stroke-width="1" stroke-dasharray="3 2"\/>/g)).toBe(1);
    expect(svg).toContain('<g class="ref-line ref-statusDate">');
    expect(svg).toContain("<title>Design: 2027-01-04 to 2027-01-15 (critical); baseline 2027-01-04 to 2027-01-08</title>");
  });

  it("sizes bars by calendar days: Build (26 days) is 26/12 as wide as Design (12 days), the baseline 5/12", () => {
    const widths = [...svg.matchAll(/<rect class="(bar|baseline)" x="[^"]+" y="[^"]+" width="([^"]+)"/g)].map((m) => [m[1], Number(m[2])] as const);
    const design = widths[1]![1], baseline = widths[0]![1], build = widths[2]![1];
    expect(build / design).toBeCloseTo(26 / 12, 2);
    expect(baseline / design).toBeCloseTo(5 / 12, 2);
  });

  it("critical and other bars differ in grey level and outline", () => {
    expect(Math.abs(grey("#D55E00") - grey("#56B4E9"))).toBeGreaterThan(35);
    expect(svg).toContain('fill="#D55E00" stroke="#000000" stroke-width="1.5"');
  });

  it("refuses bad dates, a finish before the start, duplicate ids and links to unknown rows, with paths", () => {
    expect(issuesOf(() => ganttChart({
      title: "t",
      rows: [{ id: "A", label: "a", start: "2027-02-30", finish: "2027-01-01" }, { id: "A", label: "b", start: "2027-01-02", finish: "2027-01-01" }],
      links: [{ from: "A", to: "Z", type: "FS" }],
    }))).toEqual(["rows.0.start", "rows.0.finish", "rows.1.finish", "rows.1.id", "links.0.to"]);
  });

  it("refuses a link type that is not FS, SS, FF or SF: it names the arrow's class, so it could carry markup", () => {
    const rows = [{ id: "A", label: "a", start: "2027-01-04", finish: "2027-01-05" }, { id: "B", label: "b", start: "2027-01-06", finish: "2027-01-07" }];
    const hostile = '"><text>forged</text><g class="';
    expect(issuesOf(() => ganttChart({ title: "t", rows, links: [{ from: "A", to: "B", type: hostile as "FS" }, { from: "A", to: "B" } as never] }))).toEqual(["links.0.type", "links.1.type"]);
  });
});

describe("resourceHistogramChart", () => {
  const svg = histogram();
  it("draws demand, the overload above capacity in near-black, and the capacity step line", () => {
    expect(count(svg, /<g class="period overloaded">/g)).toBe(1);
    expect(count(svg, /<g class="period">/g)).toBe(2);
    expect(svg).toContain("<title>2027-01: demand 25 of capacity 20 (over capacity)</title>");
    expect(svg).toContain('class="capacity"');
    expect(svg).toMatch(/<desc id="[^"]+">3 periods; demand above capacity in 2027-01\.<\/desc>/);
    expect(Math.abs(grey("#56B4E9") - grey("#111111"))).toBeGreaterThan(100);
  });
  it("refuses a negative or non-finite figure", () => {
    expect(issuesOf(() => resourceHistogramChart({ title: "t", periods: [{ label: "a", demand: -1, capacity: Number.NaN }] }))).toEqual(["periods.0.demand", "periods.0.capacity", "periods.0.capacity"]);
  });
});

describe("finishDistributionChart", () => {
  const svg = distribution();
  it("draws bins, the cumulative curve with percent axis, and P50, P80 and target lines", () => {
    expect(count(svg, /<rect class="bin"/g)).toBe(3);
    expect(svg).toContain('<g class="ref-line ref-p50">');
    expect(svg).toContain('<g class="ref-line ref-p80">');
    expect(svg).toContain('<g class="ref-line ref-target">');
    expect(svg).toContain("<title>2027-03-01 to 2027-03-05: 2600 iterations, 76.0% by 2027-03-05</title>");
    expect(svg).toContain(">100%</text>");
  });
  it("refuses a cumulative share above 1 and a fractional count", () => {
    expect(issuesOf(() => finishDistributionChart({ title: "t", bins: [{ from: "2027-01-01", to: "2027-01-02", count: 1.5, cumulative: 1.2 }] }))).toEqual(["bins.0.count", "bins.0.cumulative"]);
  });
  it("refuses a percentile that is not a number from 0 to 100: it names the line's class, so it could carry markup", () => {
    const bins = [{ from: "2027-01-01", to: "2027-01-02", count: 1, cumulative: 1 }];
    const hostile = '50"><text>forged</text><g class="';
    expect(issuesOf(() => finishDistributionChart({ title: "t", bins, percentiles: [{ percent: hostile as never, finish: "2027-01-02" }, { percent: 101, finish: "2027-01-02" }, { percent: Number.NaN, finish: "2027-01-02" }] })))
      .toEqual(["percentiles.0.percent", "percentiles.1.percent", "percentiles.2.percent"]);
  });
});

describe("tornadoChart", () => {
  const svg = tornado();
  it("draws positive bars right and negative left of zero, printing two decimals", () => {
    expect(count(svg, /<g class="bar positive">/g)).toBe(2);
    expect(count(svg, /<g class="bar negative">/g)).toBe(1);
    expect(svg).toContain(">0.62</text>");
    expect(svg).toContain(">-0.05</text>");
  });
  it("refuses a value outside −1…1", () => {
    expect(issuesOf(() => tornadoChart({ title: "t", bars: [{ label: "a", value: 1.5 }] }))).toEqual(["bars.0.value"]);
  });
});
