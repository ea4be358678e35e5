/*
 * Seeded cases for the differential test of the finance functions against LibreOffice Calc
 * (finance-calc.test.ts), and the one spreadsheet (flat ODF, .fods) that holds them as Calc formulas.
 *
 * Every input is a short decimal string: pmokit reads it exactly, Calc reads it into the nearest binary64, so the
 * two start from inputs that differ by at most half an ulp (~1e-16 relative).
 */
import { seededRandom } from "../../src/prioritization/sensitivity/random.js";

/** The seeded generator (mulberry32) the sensitivity analysis uses: the same cases on every run and machine. */
export const rng = seededRandom;

export type Fn = "NPV" | "NPV0" | "XNPV" | "IRR" | "XIRR" | "MIRR" | "PMT" | "PV" | "FV" | "NPER" | "RATE";

export interface Case {
  readonly id: string;
  readonly fn: Fn;
  /** Scalar arguments (rate, nper, pmt, pv, fv, type, finance/reinvest rate), as decimal strings. */
  readonly args: Readonly<Record<string, string>>;
  /** Cash flows (NPV, IRR, MIRR, XNPV, XIRR). */
  readonly flows?: readonly string[];
  /** ISO dates of the flows (XNPV, XIRR). */
  readonly dates?: readonly string[];
}

/** The Calc formula of a case; `data` is the A1 range on the case's row that holds its flows (and the dates below them). */
function formula(c: Case, flowsRange: string, datesRange: string): string {
  const a = c.args;
  switch (c.fn) {
    case "NPV":
      return `NPV(${a.rate};${flowsRange})`;
    case "NPV0":
      // The t = 0 convention in spreadsheet terms: the first flow undiscounted plus NPV of the rest.
      return c.flows!.length === 1 ? `${c.flows![0]}` : `${c.flows![0]}+NPV(${a.rate};${flowsRange.replace(/^\[\.B/, "[.C")})`;
    case "XNPV":
      return `XNPV(${a.rate};${flowsRange};${datesRange})`;
    case "IRR":
      return `IRR(${flowsRange})`;
    case "XIRR":
      return `XIRR(${flowsRange};${datesRange})`;
    case "MIRR":
      return `MIRR(${flowsRange};${a.financeRate};${a.reinvestRate})`;
    case "PMT":
      return `PMT(${a.rate};${a.nper};${a.pv};${a.fv};${a.type})`;
    case "PV":
      return `PV(${a.rate};${a.nper};${a.pmt};${a.fv};${a.type})`;
    case "FV":
      return `FV(${a.rate};${a.nper};${a.pmt};${a.pv};${a.type})`;
    case "NPER":
      return `NPER(${a.rate};${a.pmt};${a.pv};${a.fv};${a.type})`;
    case "RATE":
      return `RATE(${a.nper};${a.pmt};${a.pv};${a.fv};${a.type})`;
  }
}

function column(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Calc's serial day number of an ISO date (day 0 = 1899-12-30, so 1970-01-01 = 25569). */
export function serialDay(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25569;
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * One flat-ODF spreadsheet: row 2k+1 holds case k's formula in column A and its flows from column B, row 2k+2 the
 * flows' dates (serial days) under them. The formula is wrapped in TEXT(…; 15 significant digits in exponent form),
 * so the CSV export carries the full double (no percent or currency format inferred by RATE, IRR…) and an error
 * value (#NUM!, Err:523) passes through as itself.
 */
export function buildFods(cases: readonly Case[]): string {
  const cell = (v: string) => `<table:table-cell office:value-type="float" office:value="${v}"/>`;
  const rows = cases.flatMap((c, k) => {
    const r1 = 2 * k + 1;
    const n = Math.max(c.flows?.length ?? 0, 1);
    const flowsRange = `[.B${r1}:.${column(n)}${r1}]`;
    const datesRange = `[.B${r1 + 1}:.${column(n)}${r1 + 1}]`;
    const f = `of:=TEXT(${formula(c, flowsRange, datesRange)};"0.00000000000000E+000")`;
    return [
      `<table:table-row><table:table-cell table:formula="${xmlEscape(f)}"/>${(c.flows ?? []).map(cell).join("")}</table:table-row>`,
      `<table:table-row><table:table-cell/>${(c.dates ?? []).map((d) => cell(String(serialDay(d)))).join("")}</table:table-row>`,
    ];
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="cases">
${rows.join("\n")}
</table:table></office:spreadsheet></office:body></office:document>
`;
}

/** A Calc result read back: a number, or the error text Calc shows (#NUM!, #DIV/0!, Err:523 …). */
export type CalcResult = { readonly value: number } | { readonly error: string };

/** Column A of the exported CSV, one result per case (the odd rows). */
export function parseResults(csv: string, count: number): CalcResult[] {
  const lines = csv.split(/\r?\n/);
  const out: CalcResult[] = [];
  for (let k = 0; k < count; k++) {
    const first = (lines[2 * k] ?? "").split(",")[0]!.replace(/^"|"$/g, "");
    const n = Number(first);
    out.push(first !== "" && Number.isFinite(n) ? { value: n } : { error: first });
  }
  return out;
}

/* ---- the generator ---- */

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
/** A money amount with cents, magnitude up to `max`. */
const amount = (r: () => number, max: number, sign: 1 | -1 = r() < 0.5 ? 1 : -1) => ((sign * Math.round(r() * max * 100)) / 100).toFixed(2);

const RATES = ["0", "0.05", "0.1", "0.0875", "0.005", "0.25", "1.5", "-0.05", "-0.3", "-0.75", "0.0001", "0.12"];

/** Flows of a few shapes: one sign change (investment then returns), several, none, with zeros. */
function flows(r: () => number, shape: "one" | "several" | "none" | "any", length: number): string[] {
  const out: string[] = [];
  const invest = int(r, 1, Math.min(3, length - 1));
  for (let i = 0; i < length; i++) {
    if (r() < 0.12) {
      out.push("0");
      continue;
    }
    switch (shape) {
      case "one":
        out.push(i < invest ? amount(r, 100_000, -1) : amount(r, 60_000, 1));
        break;
      case "several":
        out.push(amount(r, 50_000, r() < 0.55 ? 1 : -1));
        break;
      case "none":
        out.push(amount(r, 10_000, 1));
        break;
      case "any":
        out.push(amount(r, 100_000));
        break;
    }
  }
  if (shape === "one") {
    // Make sure of one sign change: a negative first, a positive last.
    out[0] = amount(r, 100_000, -1).replace(/^-0\.00$/, "-1.00");
    out[length - 1] = amount(r, 60_000, 1).replace(/^0\.00$/, "1.00");
  }
  return out.map((s) => (s === "-0.00" ? "0.00" : s));
}

function dates(r: () => number, n: number): string[] {
  const start = Date.UTC(2020, 0, 1) / 86_400_000 + int(r, 0, 2000);
  const out = [start];
  for (let i = 1; i < n; i++) {
    // Mostly ascending; sometimes the same day, sometimes out of order (never before the first).
    const prev = out[i - 1]!;
    out.push(r() < 0.1 ? start + int(r, 0, prev - start) : prev + int(r, 0, 400));
  }
  return out.map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
}

/** The seeded cases, a few hundred in all. */
export function generateCases(seed = 20261205): Case[] {
  const r = rng(seed);
  const cases: Case[] = [];
  const add = (c: Omit<Case, "id">) => cases.push({ ...c, id: `${c.fn}-${cases.filter((x) => x.fn === c.fn).length + 1}` });
  const shapes = ["one", "several", "none", "any"] as const;

  for (let i = 0; i < 60; i++) add({ fn: "NPV", args: { rate: pick(r, RATES) }, flows: flows(r, pick(r, shapes), int(r, 1, 12)) });
  for (let i = 0; i < 20; i++) add({ fn: "NPV0", args: { rate: pick(r, RATES) }, flows: flows(r, pick(r, shapes), int(r, 1, 10)) });
  for (let i = 0; i < 40; i++) {
    const n = int(r, 1, 10);
    add({ fn: "XNPV", args: { rate: pick(r, RATES) }, flows: flows(r, pick(r, shapes), n), dates: dates(r, n) });
  }
  for (let i = 0; i < 70; i++) {
    const shape = i < 40 ? "one" : i < 60 ? "several" : "none";
    add({ fn: "IRR", args: {}, flows: flows(r, shape, int(r, 2, 12)) });
  }
  for (let i = 0; i < 35; i++) {
    const n = int(r, 2, 9);
    const shape = i < 25 ? "one" : i < 31 ? "several" : "none";
    add({ fn: "XIRR", args: {}, flows: flows(r, shape, n), dates: dates(r, n) });
  }
  for (let i = 0; i < 45; i++) {
    add({
      fn: "MIRR",
      args: { financeRate: pick(r, RATES), reinvestRate: pick(r, RATES) },
      flows: flows(r, i < 38 ? pick(r, ["one", "several", "any"] as const) : "none", int(r, 1, 10)),
    });
  }
  const nper = () => pick(r, ["0", "1", "12", "36", "240", "7.5", String(int(r, 2, 60))]);
  const annuityRate = () => pick(r, [...RATES, "0.0066666667", "0.004"]);
  const type = () => (r() < 0.5 ? "0" : "1");
  const fv = () => (r() < 0.4 ? "0" : amount(r, 20_000));
  for (let i = 0; i < 40; i++) add({ fn: "PMT", args: { rate: annuityRate(), nper: nper(), pv: amount(r, 200_000), fv: fv(), type: type() } });
  for (let i = 0; i < 40; i++) add({ fn: "PV", args: { rate: annuityRate(), nper: nper(), pmt: amount(r, 2_000), fv: fv(), type: type() } });
  for (let i = 0; i < 40; i++) add({ fn: "FV", args: { rate: annuityRate(), nper: nper(), pmt: amount(r, 2_000), pv: amount(r, 50_000), type: type() } });
  for (let i = 0; i < 45; i++) {
    const rate = i % 9 === 0 ? "0" : annuityRate();
    add({ fn: "NPER", args: { rate, pmt: i % 15 === 0 ? "0" : amount(r, 3_000), pv: amount(r, 50_000), fv: fv(), type: type() } });
  }
  for (let i = 0; i < 45; i++) {
    // Mostly a loan or a savings plan (signs that balance), some with signs that cannot balance.
    const pv = amount(r, 50_000, 1);
    const pmt = i % 10 === 9 ? amount(r, 2_000, 1) : amount(r, 2_000, -1);
    add({ fn: "RATE", args: { nper: pick(r, ["12", "36", "60", "120", "7.5", String(int(r, 2, 48))]), pmt, pv, fv: fv(), type: type() } });
  }
  // Hand-picked edges: too few flows, no periods, no cash flow at all, a double root, two roots, zero rates.
  add({ fn: "IRR", args: {}, flows: ["-100"] });
  add({ fn: "IRR", args: {}, flows: ["-1", "2", "-1"] });
  add({ fn: "IRR", args: {}, flows: ["-100", "230", "-132"] });
  add({ fn: "IRR", args: {}, flows: ["0", "0", "-100", "0", "121"] });
  add({ fn: "XIRR", args: {}, flows: ["-100"], dates: ["2024-01-01"] });
  add({ fn: "XIRR", args: {}, flows: ["-100", "110"], dates: ["2024-01-01", "2024-01-01"] });
  add({ fn: "MIRR", args: { financeRate: "0", reinvestRate: "0" }, flows: ["-100", "0", "0"] });
  add({ fn: "NPV", args: { rate: "0" }, flows: ["0"] });
  add({ fn: "RATE", args: { nper: "0", pmt: "-100", pv: "1000", fv: "0", type: "0" } });
  add({ fn: "RATE", args: { nper: "10", pmt: "0", pv: "0", fv: "0", type: "0" } });
  add({ fn: "RATE", args: { nper: "10", pmt: "0", pv: "-1000", fv: "2000", type: "1" } });
  add({ fn: "PMT", args: { rate: "0", nper: "12", pv: "1200", fv: "0", type: "1" } });
  add({ fn: "NPER", args: { rate: "0", pmt: "-100", pv: "1000", fv: "0", type: "1" } });
  add({ fn: "NPER", args: { rate: "0.01", pmt: "-10", pv: "1000", fv: "0", type: "0" } });
  // Dated flows whose first listed is not the earliest (XIRR takes any order; XNPV refuses, see knownDifference),
  // a leap year's 366 days, a zero first flow.
  const early = { flows: ["-1000", "300", "400", "500"], dates: ["2024-03-01", "2024-01-01", "2024-09-01", "2025-03-01"] };
  add({ fn: "XIRR", args: {}, ...early });
  add({ fn: "XNPV", args: { rate: "0.1" }, ...early });
  add({ fn: "XIRR", args: {}, flows: ["-1000", "1100"], dates: ["2024-01-01", "2025-01-01"] });
  add({ fn: "XNPV", args: { rate: "0.1" }, flows: ["-1000", "1100"], dates: ["2024-01-01", "2025-01-01"] });
  add({ fn: "XIRR", args: {}, flows: ["0", "-1000", "300", "400", "500"], dates: ["2024-01-01", "2024-02-01", "2024-09-01", "2025-03-01", "2025-09-01"] });
  // MIRR with zero flows: leading, inside and trailing zeros count as periods (n − 1 in the exponent).
  for (const f of [["0", "-100", "150"], ["-100", "0", "150", "0"], ["-100", "150", "0", "0"], ["-100", "-50", "0", "200"]]) add({ fn: "MIRR", args: { financeRate: "0.1", reinvestRate: "0.12" }, flows: f });
  add({ fn: "MIRR", args: { financeRate: "-0.5", reinvestRate: "-0.2" }, flows: ["-100", "50", "80"] });
  // Long horizons: a 30-year monthly mortgage as flows, 600 tiny flows, annuities over 600 to 10,000 periods.
  const mortgage = ["-200000", ...Array<string>(360).fill("1073.64")];
  add({ fn: "IRR", args: {}, flows: mortgage });
  add({ fn: "NPV", args: { rate: "0.004" }, flows: mortgage });
  add({ fn: "IRR", args: {}, flows: ["-1000", ...Array<string>(600).fill("1")] });
  add({ fn: "RATE", args: { nper: "360", pmt: "-1073.64", pv: "200000", fv: "0", type: "0" } });
  add({ fn: "PMT", args: { rate: "0.004", nper: "600", pv: "100000", fv: "0", type: "0" } });
  add({ fn: "PMT", args: { rate: "0.0000001", nper: "1200", pv: "100000", fv: "0", type: "1" } });
  add({ fn: "FV", args: { rate: "0.01", nper: "10000", pmt: "-1", pv: "0", type: "1" } });
  // Negative rates with payments at the beginning and at the end of the period.
  add({ fn: "PV", args: { rate: "-0.01", nper: "1000", pmt: "-1", fv: "0", type: "1" } });
  add({ fn: "NPER", args: { rate: "-0.01", pmt: "-100", pv: "1000", fv: "0", type: "1" } });
  add({ fn: "NPER", args: { rate: "-0.01", pmt: "-100", pv: "1000", fv: "0", type: "0" } });
  add({ fn: "PMT", args: { rate: "-0.5", nper: "3", pv: "1000", fv: "0", type: "1" } });
  add({ fn: "RATE", args: { nper: "10", pmt: "-90", pv: "1000", fv: "0", type: "1" } });
  return cases;
}
