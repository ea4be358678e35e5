import { z } from "zod";
import { costEntrySchema, money, requirementSchema, sumMoney, workPackageSchema, PmoDecimal } from "../src/index.js";
import { amountString, intBetween, seededRandom } from "./lib/random.js";
import { heapMiB, report, time } from "./lib/measure.js";

/*
 * Foundation benchmarks (issue: foundation).
 * 1. Decoding 100,000 sample-shaped wire records through pmokit's entity codecs, against a plain zod schema of the
 *    same shape (strings stay strings, no cross-field rules) parsing the same objects in the same run: the ratio is
 *    the price of exact values and validation.
 * 2. Summing 10⁶ Money amounts, against summing the same Decimals directly and a Float64Array loop (which is fast
 *    and wrong: it is there for scale only).
 */

const T = "2026-01-05T09:00:00.000Z";
const N = 100_000;

function makeRecords(seed: number): { kind: "cost" | "wp" | "req"; wire: Record<string, unknown> }[] {
  const rnd = seededRandom(seed);
  const out: { kind: "cost" | "wp" | "req"; wire: Record<string, unknown> }[] = [];
  for (let i = 0; i < N; i++) {
    const base = { id: `r-${i}`, version: 1, createdAt: T, updatedAt: T };
    const pick = i % 10;
    if (pick < 5) {
      const month = intBetween(rnd, 1, 12);
      out.push({
        kind: "cost",
        wire: {
          ...base, projectId: `PRJ-${i % 40}`, workPackageId: `wp-${i % 400}`,
          date: `2026-${String(month).padStart(2, "0")}-${String(intBetween(rnd, 1, 28)).padStart(2, "0")}`,
          amount: { amount: amountString(rnd, 50_000), currency: "EUR" },
          category: "contractors", expenditure: "opex", sourceRef: `INV-${i}`,
        },
      });
    } else if (pick < 7) {
      // A year of monthly slices and monthly progress, as the sample office's packages have.
      const slices = Array.from({ length: 12 }, (_, m) => {
        const mm = String(m + 1).padStart(2, "0");
        return { start: `2026-${mm}-01`, finish: `2026-${mm}-28`, amount: { amount: amountString(rnd, 20_000), currency: "EUR" } };
      });
      const progress = Array.from({ length: 10 }, (_, m) => ({
        date: `2026-${String(m + 1).padStart(2, "0")}-28`,
        percentComplete: String(Math.min(100, (m + 1) * 9)),
      }));
      out.push({
        kind: "wp",
        wire: {
          ...base, projectId: `PRJ-${i % 40}`, code: `1.${i % 9}.${i % 7}`, name: `Work package ${i}`,
          plannedStart: "2026-01-01", plannedFinish: "2026-12-31", timePhasedBudget: slices,
          earningRule: { type: "percent-complete" }, progress,
        },
      });
    } else {
      out.push({
        kind: "req",
        wire: {
          ...base, projectId: `PRJ-${i % 40}`, key: `FR-${i}`, type: "functional", title: `Requirement ${i}`,
          statement: "The system shall export every approved invoice to the tax authority's portal within one hour.",
          priority: "must", acceptanceCriteria: ["Exported within 60 minutes", "Rejected invoices are reported"],
          verificationMethod: "test", status: "approved", audiences: ["developer", "operations"],
        },
      });
    }
  }
  return out;
}

// Plain mirrors of the same shapes: what a user would write without exact values or cross-field rules.
const plainMoney = z.object({ amount: z.string(), currency: z.string() });
const plainBase = { id: z.string(), version: z.number(), createdAt: z.string(), updatedAt: z.string() };
const plainCost = z.object({
  ...plainBase, projectId: z.string(), workPackageId: z.string().optional(), date: z.string(), amount: plainMoney,
  category: z.string(), expenditure: z.string(), sourceRef: z.string().optional(),
});
const plainWp = z.object({
  ...plainBase, projectId: z.string(), code: z.string(), name: z.string(), plannedStart: z.string(), plannedFinish: z.string(),
  timePhasedBudget: z.array(z.object({ start: z.string(), finish: z.string(), amount: plainMoney })),
  earningRule: z.object({ type: z.string() }),
  progress: z.array(z.object({ date: z.string(), percentComplete: z.string().optional() })),
});
const plainReq = z.object({
  ...plainBase, projectId: z.string(), key: z.string(), type: z.string(), title: z.string(), statement: z.string(),
  priority: z.string(), acceptanceCriteria: z.array(z.string()), verificationMethod: z.string(), status: z.string(),
  audiences: z.array(z.string()).optional(),
});

/** Runs the foundation benchmarks and prints their tables. */
export async function runCoreBenchmarks(): Promise<void> {
  const records = makeRecords(20261125);
  const codec = { cost: costEntrySchema, wp: workPackageSchema, req: requirementSchema } as const;
  const plain = { cost: plainCost, wp: plainWp, req: plainReq } as const;
  // Sanity: every record is valid for both, so the comparison measures the same work.
  for (const r of records.slice(0, 200)) {
    codec[r.kind].decode(r.wire as never);
    plain[r.kind].parse(r.wire);
  }
  const plainRun = () => {
    let n = 0;
    for (const r of records) n += (plain[r.kind].parse(r.wire) as { version: number }).version;
    return n;
  };
  const codecRun = () => {
    let n = 0;
    for (const r of records) n += (codec[r.kind].decode(r.wire as never) as { version: number }).version;
    return n;
  };
  const before = heapMiB();
  const decoded = records.map((r) => codec[r.kind].decode(r.wire as never));
  const heldMiB = heapMiB() - before;
  const p = await time(`plain z.object().parse, ${N.toLocaleString("en")} records`, plainRun, 5);
  const c = await time(`pmokit codecs .decode, ${N.toLocaleString("en")} records`, codecRun, 5);
  report(
    "Decoding 100k sample-shaped entities (50% cost entries, 20% work packages with 12 slices + 10 progress records, 30% requirements)",
    [p, c],
    `Codec overhead: ${(c.medianMs / p.medianMs).toFixed(2)}× a plain parse; ${(c.medianMs * 1000 / N).toFixed(1)} µs per record. ` +
      `${decoded.length.toLocaleString("en")} decoded records hold ≈ ${heldMiB.toFixed(0)} MiB of heap.`,
  );

  const rnd = seededRandom(7);
  const amounts = Array.from({ length: 1_000_000 }, () => money(amountString(rnd, 1000), "EUR"));
  const floats = Float64Array.from(amounts, (m) => m.amount.toNumber());
  const cents = money("0.01", "EUR");
  const pennies = Array.from({ length: 1_000_000 }, () => cents);
  const exact = sumMoney(pennies);
  if (exact.amount.toFixed(2) !== "10000.00") throw new Error(`1e6 × 0.01 summed to ${exact.amount.toFixed()}`);
  let floatPennies = 0;
  for (let i = 0; i < 1_000_000; i++) floatPennies += 0.01;
  const f = await time("Float64Array loop (inexact, for scale)", () => {
    let s = 0;
    for (let i = 0; i < floats.length; i++) s += floats[i] as number;
    return s;
  });
  const d = await time("Decimal.plus loop over the same amounts", () => {
    let s = new PmoDecimal(0);
    for (const m of amounts) s = s.plus(m.amount);
    return s;
  });
  const m = await time("sumMoney(10⁶ Money)", () => sumMoney(amounts));
  report(
    "Summing 10⁶ Money amounts",
    [f, d, m],
    `Exactness: sumMoney of 10⁶ × 0.01 EUR = ${exact.amount.toFixed(2)} (a float loop gives ${floatPennies}). ` +
      `sumMoney costs ${(m.medianMs / d.medianMs).toFixed(2)}× a bare Decimal loop (currency checks included).`,
  );
}
