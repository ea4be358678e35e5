import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import {
  importMspdiBatches, mspdiToPmokit, readAllRecords, readImportChunks, readMspdi, writeImportedStream,
  type ImportMspdiBatchOptions, type ImportReport, type ImportedRecords,
} from "../../src/io/index.js";
import { createMemoryAdapter } from "../../src/storage/index.js";
import { IMPORTED_AT, fixtureText } from "./fixtures.js";

const FIXTURES = new URL("../../../shared/fixtures/mspdi/", import.meta.url);
const FILES = readdirSync(FIXTURES).filter((f) => f.endsWith(".xml")).sort();
const OPTIONS = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT, currency: "GBP" };
/** The text in pieces of `n` characters, as a stream would deliver it (elements and references cut anywhere). */
const pieces = (text: string, n: number) => Array.from({ length: Math.ceil(text.length / n) }, (_, i) => text.slice(i * n, (i + 1) * n));

interface Streamed {
  readonly batches: ImportedRecords[];
  readonly records: Record<string, unknown[]>;
  readonly reports?: { read: ImportReport; mapping: ImportReport };
}

async function stream(text: string, options: Partial<ImportMspdiBatchOptions> = {}, piece = 997): Promise<Streamed> {
  let reports: Streamed["reports"];
  const batches: ImportedRecords[] = [];
  for await (const b of importMspdiBatches(() => pieces(text, piece), { ...OPTIONS, ...options, onReport: (r) => (reports = r) })) batches.push(b);
  const records: Record<string, unknown[]> = {};
  for (const b of batches) for (const [kind, list] of Object.entries(b)) (records[kind] ??= []).push(...(list as unknown[]));
  return { batches, records, ...(reports ? { reports } : {}) };
}

/** The whole-document import's records, kinds without records left out. */
function whole(text: string, options: Partial<ImportMspdiBatchOptions> = {}) {
  const read = readMspdi(text, { currency: OPTIONS.currency });
  // The reader's options stay with the reader: mspdiToPmokit refuses keys it does not take.
  const { currency: _c, maxDepth: _d, ...mapping } = { ...OPTIONS, ...options } as ImportMspdiBatchOptions;
  const mapped = mspdiToPmokit(read.document, mapping);
  const records = Object.fromEntries(Object.entries(mapped.records).filter(([, list]) => (list ?? []).length > 0));
  return { records, read: read.report, mapping: mapped.report };
}

const issuesOf = async (run: () => Promise<unknown>): Promise<unknown> => {
  try {
    await run();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues;
    throw e;
  }
  return "no error";
};

describe("issue 18 #2: MSPDI imported as a stream, in batches", () => {
  it("reads every MSPDI fixture", () => {
    expect(FILES.length).toBe(12);
  });

  it.each(FILES)("%s: the same records, read report and mapping report as mspdiToPmokit(readMspdi(text))", async (file) => {
    const text = fixtureText(`mspdi/${file}`);
    const expected = whole(text);
    const got = await stream(text);
    expect(got.records).toEqual(expected.records);
    expect(got.reports?.read).toEqual(expected.read);
    expect(got.reports?.mapping).toEqual(expected.mapping);
  });

  it.each(["mpxj_task-baselines-project2019-mspdi.xml", "mpxj_mspditimephased.xml"])("%s: batches of 1 and the default give the same records, in the same order", async (file) => {
    const text = fixtureText(`mspdi/${file}`);
    const one = await stream(text, { batchSize: 1 }, 4096);
    const all = await stream(text, {}, 100_000);
    expect(one.batches.slice(1).every((b) => Object.values(b).flat().length === 1)).toBe(true);
    expect(one.batches.length).toBeGreaterThan(all.batches.length);
    expect(one.records).toEqual(all.records);
    // The project and resources first, then packages, milestones and cost entries, then assignments, then baselines.
    const rank: Record<string, number> = { project: 0, resource: 0, "work-package": 1, milestone: 1, "cost-entry": 1, assignment: 2, baseline: 3 };
    const ranks = one.batches.slice(1).map((b) => rank[Object.keys(b)[0]!]!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(Object.keys(one.batches[0]!)[0]).toBe("project");
  });

  it("a bad task late in the file: no batch after it, one error with every problem, as the whole-document import; nothing stored", async () => {
    const text = fixtureText("mspdi/mpxj_task-baselines-project2019-mspdi.xml");
    // Two problems in the last two tasks: each finishes before it starts.
    const breakTask = (xml: string, fromEnd: number) => {
      let at = xml.length;
      for (let i = 0; i < fromEnd; i++) at = xml.lastIndexOf("<Task>", at - 1);
      const f = xml.indexOf("<Finish>", at);
      return `${xml.slice(0, f)}<Finish>1990-01-01T17:00:00</Finish>${xml.slice(xml.indexOf("</Finish>", f) + "</Finish>".length)}`;
    };
    const bad = breakTask(breakTask(text, 1), 2);
    const wholeIssues = await issuesOf(async () => whole(bad));
    expect((wholeIssues as { path: unknown[] }[]).map((i) => i.path.slice(0, 2))).toEqual([["Task[UID=109]", "plannedFinish"], ["Task[UID=110]", "plannedFinish"]]);
    const seen: ImportedRecords[] = [];
    const streamIssues = await issuesOf(async () => {
      for await (const b of importMspdiBatches(() => pieces(bad, 2000), { ...OPTIONS, batchSize: 5 })) seen.push(b);
    });
    expect(streamIssues).toEqual(wholeIssues);
    expect(seen.length).toBeGreaterThan(1); // earlier tasks were yielded before the bad one came
    const adapter = createMemoryAdapter();
    await expect(writeImportedStream(adapter, importMspdiBatches(() => pieces(bad, 2000), { ...OPTIONS, batchSize: 5 }))).rejects.toThrow(ValidationError);
    const stored = await readAllRecords(adapter);
    expect(Object.values(stored).flat()).toEqual([]);
  });

  it("stores every batch in one transaction: the same records as writing the whole import", async () => {
    const text = fixtureText("mspdi/mpxj_task-baselines-project2019-mspdi.xml");
    const adapter = createMemoryAdapter();
    const written = await writeImportedStream(adapter, importMspdiBatches(() => pieces(text, 3000), { ...OPTIONS, batchSize: 7 }));
    const expected = whole(text).records;
    expect(written).toEqual(Object.fromEntries(Object.entries(expected).map(([k, list]) => [k, (list as unknown[]).length])));
    const stored = await readAllRecords(adapter);
    const byId = (list: readonly unknown[]) => [...list].sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1));
    for (const [kind, list] of Object.entries(expected)) expect(byId(stored[kind as keyof ImportedRecords]!)).toEqual(byId(list as unknown[]));
  });

  it("refuses forbidden characters, raw or as references, with the whole-document message, even when a chunk cuts them", async () => {
    const base = `<Project xmlns="http://schemas.microsoft.com/project"><StartDate>2027-01-04T08:00:00</StartDate><CurrencyCode>EUR</CurrencyCode>\n<Tasks><Task><UID>1</UID><Name>aXb</Name></Task></Tasks></Project>`;
    for (const bad of ["&#0;", "&#xD800;", "\u0001", "\uDC00"]) {
      const text = base.replace("X", bad);
      const message = (() => {
        try {
          readMspdi(text);
        } catch (e) {
          return (e as Error).message;
        }
        return "no error";
      })();
      expect(message).toMatch(/line 2/);
      for (const n of [3, 7, 1000]) {
        await expect(stream(text, {}, n), `${JSON.stringify(bad)} in pieces of ${n}`).rejects.toThrow(message);
      }
    }
    expect((await stream(base.replace("X", "&#x9;&#xE000;&#x10FFFF;\u{1F600}"), {}, 5)).records["work-package"]).toBeUndefined(); // no start date
  });

  it("refuses a DOCTYPE and deep nesting as the whole-document reader does", async () => {
    const dtd = `<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Project><Name>&xxe;</Name></Project>`;
    await expect(stream(dtd, {}, 4)).rejects.toThrow(/document type declaration at line 2 refused/);
    const deep = `<Project><CurrencyCode>EUR</CurrencyCode>${"<a>".repeat(300)}${"</a>".repeat(300)}</Project>`;
    await expect(stream(deep)).rejects.toThrow(/nested deeper than 256 levels/);
    await expect(stream("<REQ-IF/>")).rejects.toThrow(/not an MS Project XML file/);
    await expect(stream("<Project><Name>x</Nme></Project>")).rejects.toThrow(/malformed XML at line 1/);
  });

  it("a file without CurrencyCode needs the currency option; onCurrency sees the file's currency before any batch", async () => {
    const text = fixtureText("mspdi/mpxj_baselines.xml");
    const { currency: _, ...noCurrency } = OPTIONS;
    const issues = await issuesOf(async () => {
      for await (const _b of importMspdiBatches(() => [text], noCurrency)) expect.unreachable();
    });
    expect(issues).toEqual([expect.objectContaining({ path: ["CurrencyCode"], message: "the file has no CurrencyCode; pass options.currency" })]);
    const seen: string[] = [];
    await expect((async () => {
      for await (const _b of importMspdiBatches(() => [text], { ...OPTIONS, currency: "CHF", onCurrency: (c) => { seen.push(c); throw new Error(`refused ${c}`); } })) expect.unreachable();
    })()).rejects.toThrow("refused CHF");
    expect(seen).toEqual(["CHF"]);
  });

  it("the file reader's byte limit and the character limit apply to both passes", async () => {
    const text = fixtureText("mspdi/mpxj_mspdiresource.xml");
    const file = join(mkdtempSync(join(tmpdir(), "pmokit-mspdi-")), "plan.xml");
    writeFileSync(file, text);
    await expect(stream(text, { maxChars: 10_000 })).rejects.toThrow(/document is larger than 10000 characters/);
    const run = async (maxBytes: number) => {
      for await (const _b of importMspdiBatches(() => readImportChunks(file, { maxBytes, chunkBytes: 4096 }), OPTIONS));
    };
    await expect(run(10_000)).rejects.toThrow(/is larger than 10000 bytes/);
    await expect(run(1 << 20)).resolves.toBeUndefined();
  });

  it("a file that changes between the two passes is refused", async () => {
    const text = fixtureText("mspdi/mpxj_mspdiresource.xml");
    let opened = 0;
    const open = () => (opened++ === 0 ? [text] : [text.replace("</Tasks>", "<Task><UID>99</UID></Task></Tasks>")]);
    await expect((async () => {
      for await (const _b of importMspdiBatches(open, OPTIONS));
    })()).rejects.toThrow(/changed while it was read/);
  });
});
