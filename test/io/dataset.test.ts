import { describe, expect, it } from "vitest";
import { DuplicateIdError, ValidationError } from "../../src/core/index.js";
import { createMemoryAdapter } from "../../src/storage/index.js";
import { datasetJsonSchema, exportDataset, importDataset, readAllRecords, writeImportedRecords, type ImportedRecords } from "../../src/io/index.js";
import { loadSampleOffice, SAMPLE_KINDS } from "../../examples/office.js";

const sampleText = () => {
  const office = loadSampleOffice();
  return JSON.stringify({ format: "pmokit-dataset", formatVersion: 1, records: office });
};

describe("pmokit dataset", () => {
  it("round-trips the sample office byte for byte", () => {
    const { records, report } = importDataset(sampleText());
    // examples/data/README.md: 4 projects, 42 work packages, 13 requests.
    expect([report.counts["project"], report.counts["work-package"], report.counts["request"]]).toEqual([4, 42, 13]);
    const text = exportDataset(records, { exportedAt: "2026-11-25T12:00:00.000Z" });
    const again = importDataset(text);
    expect(exportDataset(again.records, { exportedAt: "2026-11-25T12:00:00.000Z" })).toBe(text);
    // The records are the sample files' canonical wire records, sorted by id.
    const office = loadSampleOffice();
    const parsed = JSON.parse(text) as { records: Record<string, unknown[]> };
    for (const kind of SAMPLE_KINDS) expect(parsed.records[kind] ?? []).toEqual(office[kind]);
  });

  it("reads a dataset saved with a UTF-8 byte order mark (before: \"not valid JSON: Unexpected token\")", () => {
    const { report } = importDataset(`\ufeff${sampleText()}`);
    expect([report.counts["project"], report.counts["work-package"], report.counts["request"]]).toEqual([4, 42, 13]);
    // Only a leading mark is dropped: one inside the text is still not JSON.
    expect(() => importDataset(` \ufeff${sampleText()}`)).toThrow(ValidationError);
  });

  it("stores a whole import in one transaction and reads it back", async () => {
    const adapter = createMemoryAdapter();
    const { records } = importDataset(sampleText());
    const written = await writeImportedRecords(adapter, records);
    expect(written.project).toBe(4);
    const back = await readAllRecords(adapter);
    expect(exportDataset(back)).toBe(exportDataset(records));
  });

  it("writes nothing when one record fails to store (all-or-nothing)", async () => {
    const adapter = createMemoryAdapter();
    const { records } = importDataset(sampleText());
    await writeImportedRecords(adapter, { "cost-entry": records["cost-entry"]!.slice(0, 1) });
    // The second import contains that cost entry again: a duplicate id after projects and packages were written.
    await expect(writeImportedRecords(adapter, records)).rejects.toBeInstanceOf(DuplicateIdError);
    const left: ImportedRecords = await readAllRecords(adapter);
    expect([left.project?.length, left["work-package"]?.length, left["cost-entry"]?.length]).toEqual([0, 0, 1]);
  });

  it("collects every invalid record with its path before returning anything", () => {
    const bad = JSON.stringify({
      format: "pmokit-dataset", formatVersion: 1,
      records: { project: [{ id: "p1" }], "cost-entry": [], martian: [] },
    });
    try {
      importDataset(bad);
      expect.unreachable();
    } catch (e) {
      const paths = (e as ValidationError).issues.map((i) => i.path.slice(0, 3).join("/"));
      expect(paths).toContain("records/project/0");
      expect(paths).toContain("records/martian");
    }
    expect(() => importDataset('{"format":"pmokit-dataset","formatVersion":2,"records":{}}')).toThrow(/unsupported version 2/);
    expect(() => importDataset("{not json")).toThrow(/not valid JSON/);
  });

  it("publishes a JSON Schema with one array per entity kind", () => {
    const schema = datasetJsonSchema() as { properties: { records: { properties: Record<string, { type: string }> } } };
    expect(Object.keys(schema.properties.records.properties)).toEqual([...SAMPLE_KINDS]);
    expect(schema.properties.records.properties["project"]!.type).toBe("array");
  });
});
