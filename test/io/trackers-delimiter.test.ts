import { describe, expect, it } from "vitest";
import { JIRA_CSV_PROFILE, readTrackerCsv } from "../../src/io/index.js";
import { firstIssuePath } from "../support/errors.js";

// A Jira CSV export opened and saved again in a German Excel is `;`-separated (and its points keep the decimal comma).
// Before: readTrackerCsv knew only `,` and refused such a file ("no "Issue key" column"). After: `delimiter`, as
// importCsv's.
const rows = [
  ["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Parent", "Custom field (Story point estimate)", "Resolved"],
  ["Lead capture", "CRM-1", "10001", "Epic", "In Progress", "", "", ""],
  ["Form; with a semicolon", "CRM-2", "10002", "Story", "Done", "10001", "1,5", "03/Nov/26 4:10 PM"],
];
const csv = (d: string) => rows.map((r) => r.map((c) => (c.includes(d) || c.includes(",") ? `"${c}"` : c)).join(d)).join("\n");

describe("readTrackerCsv delimiter", () => {
  it("reads a `;` and a tab export like the `,` one", () => {
    const want = readTrackerCsv(csv(","), JIRA_CSV_PROFILE).items;
    expect(want.map((i) => [i.key, i.parentKey, i.points, i.resolved])).toEqual([["CRM-1", undefined, undefined, undefined], ["CRM-2", "CRM-1", "1.5", "2026-11-03"]]);
    expect(readTrackerCsv(csv(";"), JIRA_CSV_PROFILE, { delimiter: ";" }).items).toEqual(want);
    expect(readTrackerCsv(csv("\t"), JIRA_CSV_PROFILE, { delimiter: "\t" }).items).toEqual(want);
  });

  it("refuses another delimiter at its path", () => {
    expect(firstIssuePath(() => readTrackerCsv(csv(","), JIRA_CSV_PROFILE, { delimiter: "|" as never }))).toEqual(["delimiter"]);
  });
});
