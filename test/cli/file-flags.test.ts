import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSqlite } from "../../src/cli/sqlite.js";
import { decodeEntity } from "../../src/entities/index.js";
import { exportCsv, readAllRecords } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import { run, temp } from "./run.js";

const costsCsv = (delimiter: "," | ";" | "\t") => {
  const base = loadSampleOffice()["cost-entry"][0] as Record<string, unknown>;
  return exportCsv("cost-entry", [decodeEntity("cost-entry", { ...base, id: "ce-d", description: "Fee,=1+1; more" })], { delimiter });
};

const errorOf = (r: { out: string }) => JSON.parse(r.out).error as { code: string; message: string };

// Before: the CLI read every CSV as `,`-separated; a `;` file from a German Excel was refused row by row.
describe("pmokit import/validate --delimiter", () => {
  it.each([[";", ";"], ["tab", "\t"]] as const)("reads a %s-separated CSV", async (flag, d) => {
    const cwd = temp();
    writeFileSync(join(cwd, "costs.csv"), costsCsv(d));
    const r = await run(["validate", "costs.csv", "--kind", "cost-entry", "--delimiter", flag, "--json"], cwd);
    expect([r.code, JSON.parse(r.out).counts]).toEqual([0, { "cost-entry": 1 }]);
    // The same file without the flag is not a `,` file: refused.
    expect((await run(["validate", "costs.csv", "--kind", "cost-entry", "--json"], cwd)).code).toBe(2);
  });

  it("refuses another separator and a delimiter for a file that is no CSV", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "costs.csv"), costsCsv(","));
    const bad = await run(["validate", "costs.csv", "--kind", "cost-entry", "--delimiter", "|", "--json"], cwd);
    expect([bad.code, errorOf(bad).code, errorOf(bad).message]).toEqual([2, "usage", '--delimiter must be "," ";" or "tab", got |']);
    writeFileSync(join(cwd, "office.json"), JSON.stringify({ format: "pmokit-dataset", formatVersion: 1, records: {} }));
    const json = await run(["validate", "office.json", "--delimiter", ";", "--json"], cwd);
    expect([json.code, errorOf(json).code, errorOf(json).message]).toEqual([2, "usage", "--delimiter applies to CSV (.csv) files only"]);
  });
});

// A Jira REST search export: epic A-1, story A-2 (2 points) resolved 2026-11-21T02:00:00Z — 20 November, 21:00 in
// New York (UTC−5 in November). With --as-of 2026-11-20, the story counts as done by the status date only when its
// day is read in the team's zone.
const jira = JSON.stringify({ startAt: 0, maxResults: 50, total: 2, issues: [
  { id: "1", key: "A-1", fields: { summary: "Epic", issuetype: { name: "Epic" }, status: { name: "In Progress", statusCategory: { key: "indeterminate" } } } },
  { id: "2", key: "A-2", fields: { summary: "Story", issuetype: { name: "Story" }, status: { name: "Done", statusCategory: { key: "done" } }, parent: { key: "A-1" }, customfield_10016: 2, resolutiondate: "2026-11-21T02:00:00.000Z" } },
] });
const trackerFlags = ["--tracker", "jira-json", "--project", "PRJ-CRM", "--planned-start", "2026-11-01", "--planned-finish", "2026-12-31", "--as-of", "2026-11-20"];

async function importedProgress(cwd: string, extra: readonly string[]): Promise<unknown> {
  expect((await run(["init", "t.sqlite"], cwd)).code).toBe(0);
  const r = await run(["import", "jira.json", ...trackerFlags, ...extra, "--db", "t.sqlite", "--imported-at", "2026-11-20T12:00:00Z"], cwd);
  // The database holds no project PRJ-CRM: the import's check of references says so, and stores the package.
  expect([r.code, r.err]).toEqual([0, "warning: jira.json: record work-package[0] (PRJ-CRM-A-1) at projectId: no project PRJ-CRM in the file or t.sqlite\n"]);
  const store = await openSqlite(join(cwd, "t.sqlite"));
  try {
    const wp = (await readAllRecords(store.adapter))["work-package"] ?? [];
    return wp.map((w) => w.progress.map((p) => [p.date, p.unitsComplete?.toFixed()]));
  } finally {
    await store.close();
  }
}

describe("pmokit import --tracker --time-zone", () => {
  it("reads the export's instants in the team's zone: done on 2026-11-20 in New York, after the status date in UTC", async () => {
    const ny = temp();
    writeFileSync(join(ny, "jira.json"), jira);
    expect(await importedProgress(ny, ["--time-zone", "America/New_York"])).toEqual([[["2026-11-20", "2"]]]);
    const utc = temp();
    writeFileSync(join(utc, "jira.json"), jira);
    // Without the zone the story is done on 2026-11-21, after the status date: the started epic has 0 points done.
    expect(await importedProgress(utc, [])).toEqual([[["2026-11-20", "0"]]]);
  });

  it("refuses a zone Intl does not know, and --time-zone without --tracker, as usage errors", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "jira.json"), jira);
    const bad = await run(["validate", "jira.json", ...trackerFlags, "--time-zone", "Mars/Olympus", "--json"], cwd);
    expect([bad.code, errorOf(bad).code, errorOf(bad).message]).toEqual([2, "usage", "--time-zone must be an IANA time zone such as Europe/Berlin, got Mars/Olympus"]);
    const alone = await run(["validate", "jira.json", "--time-zone", "Europe/Berlin", "--json"], cwd);
    expect([alone.code, errorOf(alone).code, errorOf(alone).message]).toEqual([2, "usage", "--time-zone applies to work-tracker exports (--tracker) only"]);
    const missing = await run(["validate", "jira.json", "--tracker", "jira-json", "--json"], cwd);
    expect([missing.code, errorOf(missing).message]).toEqual([2, "jira-json import needs --project, --planned-start, --planned-finish"]);
    const ok = await run(["validate", "jira.json", ...trackerFlags, "--time-zone", "Europe/Berlin", "--json"], cwd);
    expect([ok.code, JSON.parse(ok.out).counts]).toEqual([0, { "work-package": 1 }]);
  });
});

describe("pmokit validate --tracker jira-csv --delimiter", () => {
  it("reads a `;` Jira CSV export; --delimiter on a JSON export is a usage error", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "jira.csv"), "Summary;Issue key;Issue id;Issue Type;Status;Parent;Custom field (Story point estimate);Resolved\nEpic;A-1;1;Epic;In Progress;;;\nStory;A-2;2;Story;Done;1;2;03/Nov/26 4:10 PM\n");
    const flags = ["--tracker", "jira-csv", "--project", "PRJ-CRM", "--planned-start", "2026-11-01", "--planned-finish", "2026-12-31", "--as-of", "2026-11-20"];
    const ok = await run(["validate", "jira.csv", ...flags, "--delimiter", ";", "--json"], cwd);
    expect([ok.code, JSON.parse(ok.out).counts]).toEqual([0, { "work-package": 1 }]);
    writeFileSync(join(cwd, "jira.json"), jira);
    const bad = await run(["validate", "jira.json", ...trackerFlags, "--delimiter", ";", "--json"], cwd);
    expect([bad.code, errorOf(bad).message]).toEqual([2, "--delimiter applies to CSV (.csv) files only"]);
  });
});
