import { vi } from "vitest";
import { money, decimal } from "../../src/core/index.js";
import {
  coverageHeatMapChart, efficientFrontierChart, ragCell, readinessBurnDownChart, sCurveChart, valueCostBubbleChart,
  type Report,
} from "../../src/reports/index.js";

/** Text that would run script or break out of markup if any renderer forgot to escape it. */
export const HOSTILE = [
  "<script>window.__pwned = 1</script>",
  '" onload="window.__pwned=2',
  "</svg><script>window.__pwned=3</script>",
  "<img src=x onerror=\"window.__pwned=4\">",
  "' onmouseover='window.__pwned=5",
  "]]><svg onload=window.__pwned=6>",
] as const;
export const H = HOSTILE.join(" ");

const eur = (a: string) => money(a, "EUR");

/** Monthly cumulative series shaped like the CRM project of the sample office (hand-made, not computed). */
export function sCurveInput(title = "CRM replacement — S-curve") {
  return {
    title,
    pv: [
      { date: "2026-06-30", value: eur("20000.00") },
      { date: "2026-07-31", value: eur("65000.00") },
      { date: "2026-08-31", value: eur("130000.00") },
      { date: "2026-09-30", value: eur("210000.00") },
      { date: "2026-10-31", value: eur("300000.00") },
      { date: "2026-11-30", value: eur("380000.00") },
      { date: "2026-12-31", value: eur("440000.00") },
    ],
    ev: [
      { date: "2026-06-30", value: eur("18000.00") },
      { date: "2026-07-31", value: eur("58000.00") },
      { date: "2026-08-31", value: eur("115000.00") },
      { date: "2026-09-30", value: eur("186000.00") },
      { date: "2026-10-31", value: eur("262000.00") },
      { date: "2026-11-20", value: eur("301500.50") },
    ],
    ac: [
      { date: "2026-06-30", value: eur("21000.00") },
      { date: "2026-07-31", value: eur("66000.00") },
      { date: "2026-08-31", value: eur("131000.00") },
      { date: "2026-09-30", value: eur("207000.00") },
      { date: "2026-10-31", value: eur("291000.00") },
      { date: "2026-11-20", value: eur("331250.75") },
    ],
    forecast: {
      ac: [{ date: "2026-11-20", value: eur("331250.75") }, { date: "2027-02-28", value: eur("486000.00") }],
      ev: [{ date: "2026-11-20", value: eur("301500.50") }, { date: "2027-02-28", value: eur("440000.00") }],
    },
    statusDate: "2026-11-20",
  };
}

export function bubbleInput(label = "CRM") {
  return {
    title: "Intake — value vs cost",
    bubbles: [
      { label, cost: eur("450000"), value: 78, size: 5, selected: true },
      { label: "Data lake", cost: eur("900000"), value: 61, size: 8, selected: false },
      { label: "E-invoicing", cost: eur("180000"), value: 70, size: 2, selected: true },
      { label: "Chatbot", cost: eur("120000"), value: decimal("35.5"), size: 1, selected: false },
    ],
  };
}

export function frontierInput() {
  return {
    title: "Efficient frontier vs ranking",
    frontier: [
      { cost: eur("0"), value: 0 },
      { cost: eur("180000"), value: 70 },
      { cost: eur("630000"), value: 148 },
      { cost: eur("1200000"), value: 209 },
    ],
    ranking: [
      { cost: eur("0"), value: 0 },
      { cost: eur("450000"), value: 78 },
      { cost: eur("630000"), value: 148 },
      { cost: eur("1530000"), value: 209 },
    ],
    budget: eur("1000000.00"),
  };
}

export function heatInput(row = "Business") {
  return {
    title: "Requirement coverage by level",
    rows: [row, "Stakeholder", "Functional", "Non-functional"],
    columns: ["Designed", "Implemented", "Tested", "Passed"],
    cells: [
      [{ value: 1 }, { value: 1 }, { value: 0.9 }, { value: 0.8 }],
      [{ value: 0.95 }, { value: 0.8 }, { value: 0.6, label: "12 of 20" }, null],
      [{ value: decimal("0.75") }, { value: 0.5 }, { value: 0.25 }, { value: 0 }],
      [{ value: 0.5 }, null, { value: 0.1 }, { value: 0 }],
    ],
    rowTitle: "Requirement level",
    columnTitle: "Coverage",
  };
}

export function burnDownInput() {
  return {
    title: "Rollout readiness — open items",
    open: [
      { date: "2026-10-01", value: 42 },
      { date: "2026-10-15", value: 37 },
      { date: "2026-11-01", value: 30 },
      { date: "2026-11-15", value: 24 },
      { date: "2026-11-20", value: 21 },
    ],
    ideal: { start: { date: "2026-10-01", value: 42 }, target: "2027-01-11" },
    statusDate: "2026-11-20",
    goLive: "2027-01-11",
  };
}

/** A report with every chart and block kind, and hostile text in every user-text slot. */
export function hostileReport(): Report {
  return {
    title: `Northwind PMO ${H}`,
    subtitle: H,
    asOf: "2026-11-20",
    sections: [
      {
        heading: `Portfolio health ${H}`,
        blocks: [
          { kind: "paragraph", text: `Summary ${H}\nsecond line` },
          {
            kind: "table",
            table: {
              caption: H,
              columns: ["Project", "Cost", "CPI", "EAC"],
              rows: [
                [`CRM ${H}`, ragCell("amber", `CPI < 0.95 ${H}`), decimal("0.91"), eur("486000.00")],
                ["WMS", ragCell("red", "CPI < 0.90"), { reason: "ac-is-zero" }, eur("-1250.50")],
                ["E-invoicing", ragCell("green"), decimal("1.02"), eur("1234567.89")],
              ],
            },
          },
          { kind: "figures", items: [{ label: `CPI ${H}`, value: decimal("0.91") }, { label: "EAC", value: eur("486000.00") }] },
          { kind: "list", items: [`Not selected: Data lake ${H}`, "Not selected: Chatbot"] },
        ],
      },
      {
        heading: "Charts",
        blocks: [
          { kind: "chart", svg: sCurveChart(sCurveInput(`S-curve ${H}`)), caption: `S-curve ${H}` },
          { kind: "chart", svg: valueCostBubbleChart(bubbleInput(`CRM ${H}`)), caption: "Value vs cost" },
          { kind: "chart", svg: efficientFrontierChart(frontierInput()), caption: "Frontier" },
          { kind: "chart", svg: coverageHeatMapChart(heatInput(`Business ${H}`)), caption: "Coverage" },
          { kind: "chart", svg: readinessBurnDownChart(burnDownInput()), caption: "Burn-down" },
        ],
        sections: [{ heading: `Sub ${H}`, blocks: [{ kind: "paragraph", text: "nested" }] }],
      },
    ],
  };
}

/**
 * Runs `fn` as if the machine's locale ordered every text the other way round: `localeCompare` follows the locale
 * (Lithuanian sorts "y" before "j"), so an order that must not depend on the machine is checked under this one too.
 */
export function underReversedLocale<T>(fn: () => T): T {
  const spy = vi.spyOn(String.prototype, "localeCompare").mockImplementation(function (this: string, other: string) {
    return this < other ? 1 : this > other ? -1 : 0;
  });
  try {
    return fn();
  } finally {
    spy.mockRestore();
  }
}
