import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimal, money, ValidationError } from "../../src/core/index.js";
import {
  burnUpChart, coverageHeatMapChart, efficientFrontierChart, finishDistributionChart, ganttChart, readinessBurnDownChart, renderHtmlReport,
  resourceHistogramChart, sCurveChart, tornadoChart, validateReport, valueCostBubbleChart, type Report, type SvgMarkup,
} from "../../src/reports/index.js";
import { H, bubbleInput, burnDownInput, frontierInput, heatInput, sCurveInput } from "./fixtures.js";

// Every chart builder pmokit has, with hostile text in each of its text slots.
const BUILDERS: Record<string, (t: string) => SvgMarkup> = {
  "s-curve": (t) => sCurveChart({ ...sCurveInput(t), statusDate: "2026-11-20" } as never),
  bubble: (t) => valueCostBubbleChart({ ...bubbleInput(t), title: t }),
  frontier: (t) => efficientFrontierChart({ ...frontierInput(), title: t }),
  "heat-map": (t) => coverageHeatMapChart(heatInput(t)),
  "burn-down": (t) => readinessBurnDownChart({ ...burnDownInput(), title: t }),
  "burn-up": (t) => burnUpChart({
    title: t, scope: [{ date: "2026-09-01", value: 140 }, { date: "2026-10-23", value: 150 }],
    completed: [{ date: "2026-09-11", value: 20 }, { date: "2026-10-23", value: 90 }], forecast: { slowVelocity: 20, fastVelocity: 30, sprintDays: 14 }, statusDate: "2026-10-23",
  }),
  gantt: (t) => ganttChart({
    title: t,
    rows: [
      { id: "A", label: t, start: "2027-01-04", finish: "2027-01-15", critical: true, baseline: { start: "2027-01-04", finish: "2027-01-08" } },
      { id: "B", label: "Build", start: "2027-01-18", finish: "2027-02-12" },
      { id: "M", label: "Go-live", start: "2027-02-12", finish: "2027-02-12", milestone: true, critical: true },
    ],
    links: [{ from: "A", to: "B", type: "FS", driving: true }, { from: "B", to: "M", type: "SS" }],
    statusDate: "2027-01-20",
  }),
  "resource-histogram": (t) => resourceHistogramChart({ title: t, periods: [{ label: t, demand: decimal("25"), capacity: 20 }, { label: "2027-02", demand: 12, capacity: 20 }] }),
  "finish-distribution": (t) => finishDistributionChart({
    title: t,
    bins: [{ from: "2027-02-22", to: "2027-02-26", count: 1200, cumulative: decimal("0.24") }, { from: "2027-03-01", to: "2027-03-05", count: 2600, cumulative: 1 }],
    percentiles: [{ percent: 50, finish: "2027-03-03" }],
    target: { label: t, date: "2027-03-01" },
  }),
  tornado: (t) => tornadoChart({ title: t, bars: [{ label: t, value: decimal("0.62") }, { label: "UAT", value: -0.31 }] }),
};

const report = (svg: string): Report => ({ title: "t", sections: [{ heading: "h", blocks: [{ kind: "chart", svg: svg as SvgMarkup, caption: "c" }] }] });
function issue(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return [e.issues[0]!.path.join("."), e.issues[0]!.message];
    throw e;
  }
  throw new Error("expected a ValidationError");
}

describe("a chart block's SVG is refused unless it is markup pmokit's charts could have made", () => {
  it.each(Object.entries(BUILDERS))("%s: its own output passes, with hostile text and with plain text", (_, make) => {
    for (const t of [H, "CRM — plain & simple", "Q3 'north' \"south\""]) {
      const svg = make(t);
      expect(validateReport(report(svg))).toBeTruthy();
      expect(renderHtmlReport(report(svg))).toContain(svg);
    }
  });

  it("any title and label still passes (property)", () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }).filter((s) => s.trim() !== ""), fc.constantFrom(...Object.values(BUILDERS)), (t, make) => {
      expect(() => validateReport(report(make(t)))).not.toThrow();
    }), { numRuns: 150 });
  });

  const real = sCurveChart(sCurveInput());
  const inside = (markup: string) => real.replace("</svg>", `${markup}</svg>`);
  const HOSTILE_MARKUP: Record<string, string> = {
    script: inside("<script>alert(1)</script>"),
    "event attribute": inside('<rect width="1" height="1" onclick="alert(1)"/>'),
    "event attribute on the root": real.replace('role="img"', 'role="img" onload="alert(1)"'),
    "javascript: link": inside('<a href="javascript:alert(1)"><text x="1" y="1">x</text></a>'),
    foreignObject: inside('<foreignObject width="9" height="9"><div>x</div></foreignObject>'),
    "external use": inside('<use href="https://evil.example/x.svg#a"/>'),
    "remote image": inside('<image href="http://evil.example/x.png" width="9" height="9"/>'),
    "style attribute": inside('<rect width="1" height="1" style="fill:url(https://evil.example/)"/>'),
    "url() paint": inside('<rect width="1" height="1" fill="url(https://evil.example/p.svg#g)"/>'),
    "style element": inside("<style>@import url(https://evil.example/x.css);</style>"),
    comment: inside("<!-- x -->"),
    CDATA: inside("<![CDATA[ x ]]>"),
    "numeric character reference": inside('<text x="1" y="1">&#60;script&#62;</text>'),
    "upper-case script": inside("<SCRIPT>alert(1)</SCRIPT>"),
    "unclosed element": inside("<g>"),
    "markup after the root": `${real}<script>alert(1)</script><svg></svg>`,
    "second namespace": real.replace('xmlns="http://www.w3.org/2000/svg"', 'xmlns="http://www.w3.org/1999/xhtml"'),
  };
  it.each(Object.entries(HOSTILE_MARKUP))("refuses %s, with the block's path", (_, svg) => {
    // The old check (an opening <svg and a closing </svg>) let every one of these through.
    expect(svg.startsWith("<svg") && svg.endsWith("</svg>")).toBe(true);
    expect(issue(() => validateReport(report(svg)))[0]).toBe("sections.0.blocks.0.svg");
    expect(issue(() => renderHtmlReport(report(svg)))[0]).toBe("sections.0.blocks.0.svg");
  });

  it("names what it refused", () => {
    expect(issue(() => validateReport(report(HOSTILE_MARKUP["event attribute"]!)))[1]).toContain('"onclick"');
    expect(issue(() => validateReport(report(HOSTILE_MARKUP["script"]!)))[1]).toContain("<script>");
  });
});
