import { readFileSync } from "node:fs";
import { SaxesParser } from "saxes";
import { mspdiToPmokit, parseXmlSafely, readMspdi, readReqif, reqifToPmokit, writeReqif, type ReqifDocument } from "../src/io/index.js";
import { reqifFromTree, reqifXmlOptions } from "../src/io/reqif/read.js";
import { runCsvMemoryBenchmark } from "./io-csv.js";
import { runMspdiMemoryBenchmark } from "./io-mspdi.js";
import { heapMiB, report, time, type Timing } from "./lib/measure.js";
import { intBetween, seededRandom } from "./lib/random.js";

/*
 * File import benchmarks (issue: interop).
 * 1. The largest MSPDI fixture (mpxj_mspditimephased.xml, 719 KB: 41 tasks, 42 resources, 40 assignments, 2,358
 *    time-phased rows): readMspdi alone, then read + map to validated pmokit entities.
 * 2. A generated ReqIF file of 100,000 spec objects (foreign id + XHTML text each, 20,000 relations, one outline): the
 *    bare saxes pass (the floor: tokenising and well-formedness checks, no handlers), readReqif (one streaming saxes
 *    pass that also flattens the XHTML), then read + map to validated requirements and trace links — the goal: the
 *    whole import under 5 s. Last, the previous reader (fast-xml-parser validate + parse, same extraction) as the
 *    baseline it replaced, measured after the memory figures so its peak does not hide the streaming reader's.
 * Peak memory is the process's maximum resident set size after each stage (it only grows).
 * 3. A generated CSV of 1,000,000 cost entries (PMOKIT_BENCH_CSV_ROWS to change it): peak RSS and time of a bare
 *    csv-parse pass, `pmokit validate` and `pmokit import`, each in its own child process (bench/io-csv.ts).
 * 4. A generated MS Project plan of 200,000 tasks and 180,000 assignments (361 MB; PMOKIT_BENCH_MSPDI_TASKS to change
 *    it): peak RSS and time of a bare saxes pass, `pmokit validate` and `pmokit import` (two streaming passes), each in
 *    its own child process (bench/io-mspdi.ts).
 */

const T = "2026-11-25T12:00:00.000Z";
const N = 100_000;
const peakMiB = () => process.resourceUsage().maxRSS / 1024;

/**
 * A seeded 100k-object ReqIF document shaped like a DOORS/Polarion export: a foreign id and an XHTML text per object,
 * one relation per five objects, every object in one specification's outline.
 */
function makeReqif(seed: number): string {
  const rnd = seededRandom(seed);
  const doc: ReqifDocument = {
    header: { identifier: "bench-header", title: "bench", reqifVersion: "1.0" },
    datatypes: [{ identifier: "dt-s", kind: "STRING" }, { identifier: "dt-x", kind: "XHTML" }],
    specTypes: [
      { identifier: "sot", kind: "SPEC-OBJECT-TYPE", longName: "Requirement", attributes: [
        { identifier: "ad-fid", longName: "ReqIF.ForeignID", kind: "STRING", datatypeRef: "dt-s" },
        { identifier: "ad-text", longName: "ReqIF.Text", kind: "XHTML", datatypeRef: "dt-x" },
      ] },
      { identifier: "srt", kind: "SPEC-RELATION-TYPE", longName: "refines", attributes: [] },
      { identifier: "spt", kind: "SPECIFICATION-TYPE", attributes: [] },
    ],
    specObjects: Array.from({ length: N }, (_, i) => ({
      identifier: `o${i}`, lastChange: T, typeRef: "sot", values: [
        { kind: "STRING" as const, definitionRef: "ad-fid", value: `FR-${i + 1}` },
        { kind: "XHTML" as const, definitionRef: "ad-text", value: `<xhtml:div><xhtml:p>The system shall process order batch ${intBetween(rnd, 1, 9999)} within <xhtml:b>${intBetween(rnd, 1, 60)}</xhtml:b> seconds.</xhtml:p></xhtml:div>` },
      ],
    })),
    specRelations: Array.from({ length: N / 5 }, (_, i) => ({ identifier: `l${i}`, typeRef: "srt", source: `o${i * 5 + 1}`, target: `o${i * 5}`, values: [] })),
    specifications: [{ identifier: "spec", typeRef: "spt", values: [], children: Array.from({ length: N }, (_, i) => ({ identifier: `h${i}`, objectRef: `o${i}`, children: [] })) }],
  };
  return writeReqif(doc);
}

/** Times one run of a slow case (a single sample: each takes seconds). */
function once(name: string, fn: () => unknown): Timing {
  const t0 = performance.now();
  fn();
  const ms = performance.now() - t0;
  return { name, medianMs: ms, p25Ms: ms, p75Ms: ms, samples: 1 };
}

/** Runs the import benchmarks and prints their tables. */
export async function runIoBenchmarks(): Promise<void> {
  const mspdi = readFileSync(new URL("../../shared/fixtures/mspdi/mpxj_mspditimephased.xml", import.meta.url), "utf8");
  const opts = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: T };
  const r1 = await time("readMspdi (parse + typed model)", () => readMspdi(mspdi));
  const r2 = await time("readMspdi + mspdiToPmokit (validated entities)", () => mspdiToPmokit(readMspdi(mspdi).document, opts));
  report(
    `Import of the largest MSPDI fixture (mpxj_mspditimephased.xml, ${(mspdi.length / 1024).toFixed(0)} KiB)`,
    [r1, r2],
    `Peak RSS so far: ${peakMiB().toFixed(0)} MiB.`,
  );

  const before = heapMiB();
  const xml = makeReqif(20261125);
  const rssAfterGen = peakMiB();
  const n = N.toLocaleString("en");
  const q0 = once(`saxes pass alone, no handlers (floor), ${n} objects`, () => new SaxesParser({ xmlns: false, position: true }).write(xml).close());
  const q1 = once(`readReqif (streaming, saxes), ${n} objects`, () => readReqif(xml));
  const rssAfterRead = peakMiB();
  const q2 = once(`readReqif + reqifToPmokit (whole import), ${n} objects`, () => reqifToPmokit(readReqif(xml).document, { projectId: "prj-b", importedAt: T }));
  let held: ReturnType<typeof reqifToPmokit> | undefined = reqifToPmokit(readReqif(xml).document, { projectId: "prj-b", importedAt: T });
  const heldMiB = heapMiB() - before;
  const rssAfterMap = peakMiB();
  const counts = `${held.records.requirement.length.toLocaleString("en")} requirements and ${held.records["trace-link"].length.toLocaleString("en")} links`;
  held = undefined;
  const q3 = once(`previous reader: fast-xml-parser validate + parse, same extraction (baseline), ${n} objects`, () =>
    reqifFromTree(parseXmlSafely(xml, "ReqIF file", reqifXmlOptions())));
  const mb = xml.length / 1e6;
  report(
    `Import of a generated ReqIF file: ${n} spec objects, ${(N / 5).toLocaleString("en")} relations, ${(xml.length / 1024 / 1024).toFixed(0)} MiB of XML`,
    [q0, q1, q2, q3],
    `Goal: the whole import (read + map) under 5 s — ${q2.medianMs < 5000 ? "met" : "NOT met"} (${(q2.medianMs / 1000).toFixed(2)} s). ` +
      `Throughput: saxes alone ${(mb / (q0.medianMs / 1000)).toFixed(0)} MB/s, readReqif ${(mb / (q1.medianMs / 1000)).toFixed(0)} MB/s, ` +
      `previous reader ${(mb / (q3.medianMs / 1000)).toFixed(0)} MB/s. ` +
      `Peak RSS: ${rssAfterGen.toFixed(0)} MiB after generating the file, ${rssAfterRead.toFixed(0)} MiB after reading it, ` +
      `${rssAfterMap.toFixed(0)} MiB after mapping; the ${counts} (with the XML text) hold ≈ ${heldMiB.toFixed(0)} MiB of heap.`,
  );

  runCsvMemoryBenchmark(Number(process.env["PMOKIT_BENCH_CSV_ROWS"] ?? 1_000_000));
  runMspdiMemoryBenchmark(Number(process.env["PMOKIT_BENCH_MSPDI_TASKS"] ?? 200_000));
}
