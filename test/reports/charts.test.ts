import fc from "fast-check";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { decimal, money, ValidationError } from "../../src/core/index.js";
import {
  coverageHeatMapChart, efficientFrontierChart, finishDistributionChart, readinessBurnDownChart, sCurveChart, valueCostBubbleChart,
} from "../../src/reports/index.js";
import { H, HOSTILE, bubbleInput, burnDownInput, frontierInput, heatInput, sCurveInput } from "./fixtures.js";

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
const tickLabels = (svg: string, axis: "x" | "y") => {
  const g = svg.match(new RegExp(`<g class="axis axis-${axis}"[^>]*>(.*?)</g>`))?.[1] ?? "";
  return [...g.matchAll(/<text x="[^"]*" y="[^"]*"(?: text-anchor="(?:middle|end)")?>([^<]*)<\/text>/g)].map((m) => m[1]);
};
function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => i.path);
    throw e;
  }
  throw new Error("expected a ValidationError");
}
/** Relative luminance on 0–255 (ITU-R BT.601 weights), i.e. the grey a greyscale printer makes of a colour. */
const grey = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
};

const ALL = {
  "s-curve": () => sCurveChart(sCurveInput()),
  bubble: () => valueCostBubbleChart(bubbleInput()),
  frontier: () => efficientFrontierChart(frontierInput()),
  "heat-map": () => coverageHeatMapChart(heatInput()),
  "burn-down": () => readinessBurnDownChart(burnDownInput()),
};

describe.each(Object.entries(ALL))("%s chart — common rules", (kind, make) => {
  const svg = make();

  it("is deterministic: same input, identical string", () => {
    expect(make()).toBe(svg);
  });

  it("is well-formed XML, a standalone SVG with role img labelled by its <title> and <desc>", () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" class="pmk-chart pmk-${kind}"`)).toBe(true);
    const ids = svg.match(/aria-labelledby="([^ "]+) ([^"]+)"/);
    expect(ids).not.toBeNull();
    expect(svg).toContain(`<title id="${ids?.[1]}">`);
    expect(svg).toMatch(new RegExp(`<desc id="${ids?.[2]}">[^<]{20,}</desc>`));
    expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
  });

  it("has a legend and axis titles", () => {
    expect(count(svg, /<g class="legend-item">/g)).toBeGreaterThanOrEqual(2);
    expect(count(svg, /class="axis-title"/g)).toBe(2);
  });

  it("contains no script, event handler, external reference or NaN", () => {
    expect(svg).not.toMatch(/<script|\son\w+=|href=|url\(|NaN|Infinity|undefined/);
  });
});

describe("sCurveChart", () => {
  const svg = sCurveChart(sCurveInput());

  it("draws PV, EV, AC and two dashed forecast lines, with a status-date marker", () => {
    expect(count(svg, /<g class="series series-/g)).toBe(5);
    expect(count(svg, /<path d="M[^"]*" fill="none"[^>]*stroke-dasharray="7 4"/g)).toBe(2);
    expect(svg).toContain('<g class="ref-line ref-statusDate">');
    expect(svg).toContain(">Status date 2026-11-20</text>");
    expect(count(svg, /<g class="legend-item">/g)).toBe(6);
  });

  it("labels dates YYYY-MM and money with thousands separators and the currency", () => {
    const xs = tickLabels(svg, "x");
    expect(xs.length).toBeGreaterThanOrEqual(4);
    for (const t of xs) expect(t).toMatch(/^\d{4}-\d{2}$/);
    expect(tickLabels(svg, "y")).toEqual(["0", "100,000", "200,000", "300,000", "400,000", "500,000"]);
    expect(svg).toContain(">Cumulative cost (EUR)</text>");
  });

  it("tells day-level ticks as YYYY-MM-DD when the span is short", () => {
    const short = sCurveChart({ title: "t", pv: [{ date: "2026-11-02", value: 1 }, { date: "2026-11-20", value: 5 }], ev: [], ac: [] });
    for (const t of tickLabels(short, "x")) expect(t).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("prints figures exactly (money never goes through a float for text)", () => {
    expect(svg).toContain("Actual cost (AC) EUR 331,250.75 on 2026-11-20");
    const big = sCurveChart({ title: "Big", pv: [{ date: "2026-01-31", value: money("12345678901234567.89", "EUR") }], ev: [], ac: [] });
    expect(big).toContain("EUR 12,345,678,901,234,567.89");
  });

  it("tells series apart without colour: grey levels, markers and dashes differ", () => {
    const colours = ["pv", "ev", "ac"].map((k) => svg.match(new RegExp(`series-${k}"><path d="[^"]*" fill="none" stroke="(#[0-9A-Fa-f]{6})"`))?.[1] ?? "");
    const g = colours.map(grey).sort((a, b) => a - b);
    expect(g[1]! - g[0]!).toBeGreaterThan(40);
    expect(g[2]! - g[1]!).toBeGreaterThan(40);
    const markerOf = (k: string) => svg.match(new RegExp(`series-${k}">.*?<path class="marker" d="([^"]+)"`))?.[1];
    expect(new Set(["pv", "ev", "ac"].map(markerOf)).size).toBe(3);
  });

  it("escapes hostile titles and gives different charts different ids", () => {
    const hostile = sCurveChart(sCurveInput(`S ${H}`));
    for (const h of HOSTILE) expect(hostile).not.toContain(h);
    expect(XMLValidator.validate(hostile)).toBe(true);
    expect(hostile.match(/aria-labelledby="([^"]+)"/)?.[1]).not.toBe(svg.match(/aria-labelledby="([^"]+)"/)?.[1]);
  });

  it("rejects bad points with their paths", () => {
    const input = sCurveInput();
    expect(issuesOf(() => sCurveChart({ ...input, ev: [input.ev[0]!, { date: "2026-13-01", value: Number.NaN }] }))).toEqual([
      ["ev", 1, "date"],
      ["ev", 1, "value"],
    ]);
    expect(issuesOf(() => sCurveChart({ ...input, ac: [{ date: "2026-06-30", value: money("1", "USD") }] }))).toEqual([["ac", 0, "value", "currency"]]);
    expect(issuesOf(() => sCurveChart({ ...input, pv: [input.pv[0]!, input.pv[0]!] }))).toEqual([["pv"]]);
    expect(issuesOf(() => sCurveChart({ ...input, title: "", width: 10 }))).toEqual([["width"], ["title"]]);
  });
});

describe("valueCostBubbleChart", () => {
  const svg = valueCostBubbleChart(bubbleInput());

  it("fills selected bubbles and dashes the outline of the others", () => {
    expect(count(svg, /<g class="bubble selected">/g)).toBe(2);
    expect(count(svg, /<g class="bubble not-selected">/g)).toBe(2);
    expect(count(svg, /<circle [^>]*stroke-dasharray="3 2"/g)).toBe(2);
    expect(svg).toContain("2 selected, 2 not selected");
    expect(tickLabels(svg, "x")).toContain("1,000,000");
  });

  it("draws big bubbles first so small ones stay visible", () => {
    const order = [...svg.matchAll(/<g class="bubble [^"]+"><title>([^<]+)<\/title>/g)].map((m) => m[1]);
    expect(order).toEqual(["Data lake", "CRM", "E-invoicing", "Chatbot"]);
  });

  it("clips long labels on the chart but keeps the full (escaped) text in a <title>", () => {
    const hostile = valueCostBubbleChart(bubbleInput(`CRM ${H}`));
    expect(XMLValidator.validate(hostile)).toBe(true);
    for (const h of HOSTILE) expect(hostile).not.toContain(h);
    expect(hostile).toContain("&lt;script&gt;window.__pwned = 1&lt;/script&gt;");
  });

  // The axes' box (from the axis lines) and every bubble circle of the plot, to check nothing is cut at an edge.
  const frame = (chart: string) => {
    const n = (m: RegExpMatchArray | null, i: number) => Number(m?.[i]);
    const xAxis = chart.match(/<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="[\d.]+" stroke="#333333"\/><text class="axis-title"[^>]*>[^<]*<\/text><\/g><g class="axis axis-y"/);
    const yAxis = chart.match(/<line x1="[\d.]+" y1="([\d.]+)" x2="[\d.]+" y2="([\d.]+)" stroke="#333333"\/><text class="axis-title"[^>]*transform/);
    const plot = chart.match(/<g class="plot">(.*?)<\/g><g class="legend"/)?.[1] ?? "";
    const circles = [...plot.matchAll(/<circle cx="([-\d.]+)" cy="([-\d.]+)" r="([\d.]+)"/g)].map((m) => ({ cx: Number(m[1]), cy: Number(m[2]), r: Number(m[3]) }));
    return { left: n(xAxis, 1), right: n(xAxis, 3), bottom: n(yAxis, 1), top: n(yAxis, 2), circles };
  };

  it("keeps every bubble inside the axes, even at zero cost or value and at the largest values (property)", () => {
    const before = frame(svg);
    expect(before.circles).toHaveLength(4);
    fc.assert(
      fc.property(
        fc.array(fc.record({ cost: fc.integer({ min: 0, max: 10_000_000 }), value: fc.integer({ min: 0, max: 1000 }), size: fc.integer({ min: 0, max: 5000 }), selected: fc.boolean() }), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (rows, sized) => {
          const chart = valueCostBubbleChart({
            title: "t",
            bubbles: rows.map((b, i) => ({ label: `B${i}`, cost: money(String(b.cost), "EUR"), value: b.value, selected: b.selected, ...(sized ? { size: b.size } : {}) })),
          });
          const f = frame(chart);
          expect(f.circles).toHaveLength(rows.length);
          // Outline included (stroke 1.5: 0.75 outside the radius).
          for (const c of f.circles) {
            expect(c.cx - c.r - 0.75).toBeGreaterThanOrEqual(f.left);
            expect(c.cx + c.r + 0.75).toBeLessThanOrEqual(f.right);
            expect(c.cy - c.r - 0.75).toBeGreaterThanOrEqual(f.top);
            expect(c.cy + c.r + 0.75).toBeLessThanOrEqual(f.bottom);
          }
        },
      ),
      { numRuns: 60, seed: 17 },
    );
  });

  it("names the currency on the cost axis, also under a title of the caller's", () => {
    const xTitle = (chart: string) => chart.match(/<g class="axis axis-x".*?<text class="axis-title"[^>]*>([^<]*)<\/text>/)?.[1];
    expect(xTitle(svg)).toBe("Cost (EUR)");
    expect(xTitle(valueCostBubbleChart({ ...bubbleInput(), xTitle: "Estimated cost" }))).toBe("Estimated cost (EUR)");
    expect(xTitle(valueCostBubbleChart({ ...bubbleInput(), xTitle: "Cost in EUR" }))).toBe("Cost in EUR");
    expect(xTitle(valueCostBubbleChart({ ...bubbleInput(), bubbles: bubbleInput().bubbles.map((b) => ({ ...b, cost: 1000 })) }))).toBe("Cost");
  });

  it("explains bubble area with reference bubbles drawn on the chart's own scale", () => {
    const chart = valueCostBubbleChart({ ...bubbleInput(), sizeTitle: "integration demand (hours)" });
    const legend = chart.match(/<g class="size-legend"[^>]*>(.*?)<\/g>(?:<\/svg>)/)?.[1] ?? "";
    // The title wraps at 22 characters: "Bubble area:" + "integration demand" + "(hours)".
    expect([...legend.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(["Bubble area:", "integration demand", "(hours)", "8", "6", "4"]);
    // Sizes 1…8: reference values are d3's round ticks of [0, 8] (step 2), the largest three: 8, 6, 4. Radius =
    // 3 + 21·√(v/8): 24, 3 + 21·√0.75 = 21.19, 3 + 21·√0.5 = 17.85 — the radii the bubbles of those sizes get.
    expect([...legend.matchAll(/<circle [^>]*r="([\d.]+)"/g)].map((m) => m[1])).toEqual(["24", "21.19", "17.85"]);
    const dataLake = chart.match(/<title>Data lake<\/title><circle [^>]*r="([\d.]+)"/)?.[1];
    expect(dataLake).toBe("24"); // size 8, the largest
    expect(chart).toContain("Bubble area: integration demand (hours).</desc>");
    // Without sizes every bubble is the same and there is nothing to explain.
    const plain = valueCostBubbleChart({ ...bubbleInput(), bubbles: bubbleInput().bubbles.map(({ size: _, ...b }) => b) });
    expect(plain).not.toContain("size-legend");
  });

  it("rejects bad bubbles with their paths", () => {
    const b = bubbleInput().bubbles;
    expect(issuesOf(() => valueCostBubbleChart({ title: "t", bubbles: [{ ...b[0]!, size: -1 }, { ...b[1]!, cost: money("1", "USD"), selected: "yes" as unknown as boolean }] }))).toEqual([
      ["bubbles", 0, "size"],
      ["bubbles", 1, "cost", "currency"],
      ["bubbles", 1, "selected"],
    ]);
  });
});

describe("efficientFrontierChart", () => {
  const svg = efficientFrontierChart(frontierInput());

  it("draws the frontier solid and the ranking curve dashed, with the budget line", () => {
    expect(count(svg, /<g class="series series-frontier"><path d="M[^"]*" fill="none" stroke="#0072B2" stroke-width="2.5"\/>/g)).toBe(1);
    expect(count(svg, /<g class="series series-ranking"><path d="M[^"]*" fill="none" stroke="#D55E00" stroke-width="2" stroke-dasharray="7 4"\/>/g)).toBe(1);
    expect(svg).toContain(">Budget EUR 1,000,000.00</text>");
    expect(svg).toContain("best value 209");
  });

  it("names the currency on the cost axis, whatever title the caller gives it", () => {
    // A caller's xTitle "Estimated cost" dropped the currency: amounts without it.
    expect(efficientFrontierChart({ ...frontierInput(), xTitle: "Estimated cost" })).toContain(">Estimated cost (EUR)</text>");
    expect(efficientFrontierChart({ ...frontierInput(), xTitle: "Cost in EUR" })).toContain(">Cost in EUR</text>");
  });

  it("rejects a bad point with its path", () => {
    expect(issuesOf(() => efficientFrontierChart({ ...frontierInput(), ranking: [{ cost: money("1", "EUR"), value: Number.POSITIVE_INFINITY }] }))).toEqual([["ranking", 0, "value"]]);
  });
});

describe("long legend and reference-line labels", () => {
  it("keep the whole text in a <title> where the chart shortens them", () => {
    // A target label longer than 40 characters was cut with "…" and its end was nowhere in the chart.
    const label = "Planned finish agreed with the steering committee on 2026-09-01";
    const svg = finishDistributionChart({ title: "t", bins: [{ from: "2027-01-01", to: "2027-01-02", count: 1, cumulative: 1 }], target: { label, date: "2027-01-02" } });
    expect(svg).toContain(`<title>${label}</title>Planned finish agreed with the steering…</text>`);
    expect(svg.match(new RegExp(`<title>${label}</title>`, "g"))).toHaveLength(2); // the legend and the line
  });
});

describe("coverageHeatMapChart", () => {
  const svg = coverageHeatMapChart(heatInput());

  it("draws one cell per row and column, n/a cells dashed, with labels", () => {
    expect(count(svg, /<g class="cell">/g)).toBe(14);
    expect(count(svg, /<g class="cell na">/g)).toBe(2);
    expect(svg).toContain(">12 of 20</text>");
    expect(svg).toContain(">75%</text>");
    expect(count(svg, /<g class="legend-item">/g)).toBe(6);
  });

  it("darkens with the value (so it reads in greyscale) and prints white text on dark cells", () => {
    const fills = [...svg.matchAll(/<g class="cell"><rect [^>]*fill="rgb\((\d+), (\d+), (\d+)\)"\/><text [^>]*fill="(#[0-9a-f]+)">([^<]+)</g)].map((m) => ({
      grey: 0.299 * Number(m[1]) + 0.587 * Number(m[2]) + 0.114 * Number(m[3]),
      text: m[4],
      label: m[5],
    }));
    const full = fills.find((f) => f.label === "100%")!, half = fills.find((f) => f.label === "50%")!, none = fills.find((f) => f.label === "0%")!;
    expect(full.grey).toBeLessThan(half.grey);
    expect(half.grey).toBeLessThan(none.grey);
    expect(full.text).toBe("#ffffff");
    expect(none.text).toBe("#111111");
  });

  it("never prints 100% for coverage short of full, nor 0% for some coverage", () => {
    // 199 of 200 covered (0.995) printed "100%"; 0.004 printed "0%"; 0.285 (a double just under) printed 28%.
    const odd = coverageHeatMapChart({ title: "t", rows: ["r"], columns: ["a", "b", "c", "d", "e"], cells: [[{ value: 0.995 }, { value: decimal("0.9999") }, { value: 0.004 }, { value: 0.285 }, { value: 1 }]] });
    expect([...odd.matchAll(/<g class="cell"><rect [^>]*\/><text [^>]*>([^<]+)</g)].map((m) => m[1])).toEqual(["99.5%", "99.99%", "0.4%", "29%", "100%"]);
  });

  it("rejects values outside 0–1 and ragged rows with their paths", () => {
    const input = heatInput();
    const cells = input.cells.map((r) => [...r]);
    cells[1]![2] = { value: 1.5 };
    cells[3] = cells[3]!.slice(0, 2);
    expect(issuesOf(() => coverageHeatMapChart({ ...input, cells }))).toEqual([["cells", 1, 2, "value"], ["cells", 3]]);
  });
});

describe("readinessBurnDownChart", () => {
  const svg = readinessBurnDownChart(burnDownInput());

  it("draws open items, the dashed ideal line to zero at go-live, status date and go-live markers", () => {
    expect(count(svg, /<g class="series series-/g)).toBe(2);
    expect(svg).toContain('<g class="ref-line ref-goLive">');
    expect(svg).toContain('<g class="ref-line ref-statusDate">');
    expect(svg).toContain("from 42 on 2026-10-01 to 21 on 2026-11-20; go-live 2027-01-11");
  });

  it("shows whole numbers on the count axis", () => {
    for (const t of tickLabels(svg, "y")) expect(t).toMatch(/^\d+$/);
    const small = readinessBurnDownChart({ title: "t", open: [{ date: "2026-10-01", value: 2 }, { date: "2026-10-08", value: 1 }] });
    expect(tickLabels(small, "y")).toEqual(["0", "1", "2"]);
  });

  it("rejects counts that are not whole numbers", () => {
    expect(issuesOf(() => readinessBurnDownChart({ ...burnDownInput(), open: [{ date: "2026-10-01", value: 2.5 }, { date: "2026-10-02", value: -1 }] }))).toEqual([
      ["open", 0, "value"],
      ["open", 1, "value"],
    ]);
  });
});
