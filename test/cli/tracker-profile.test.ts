import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, temp } from "./run.js";

const errorOf = (r: { out: string }) => JSON.parse(r.out).error as { code: string; message: string; issues?: { file: string; path: string }[] };
const PROFILE = {
  tool: "youtrack", itemsPath: "data",
  fields: { key: ["idReadable"], title: ["summary"], type: ["type"], status: ["state"], parent: ["parent", "idReadable"], points: ["estimate"], resolved: ["resolvedAt"] },
  packageTypes: ["Epic"], doneStates: ["Fixed"], inProgressStates: ["In Progress"], dateFormat: "iso",
};
const EXPORT = JSON.stringify({ data: [
  { idReadable: "YT-1", summary: "Checkout", type: "Epic", state: "Open" },
  { idReadable: "YT-2", summary: "Pay by card", type: "Task", state: "Fixed", parent: { idReadable: "YT-1" }, estimate: 3, resolvedAt: "2026-11-05" },
] });
const FLAGS = ["--project", "PRJ-CRM", "--planned-start", "2026-11-01", "--planned-finish", "2026-12-31", "--as-of", "2026-11-20"];

// Before: --tracker took only the five built-in export names (a YouTrack or a customised Jira export could not be
// read from the command line). After: --tracker also takes a profile file (.json, the built-ins' shape, checked by
// trackerProfileSchema); the export is read as CSV or JSON by its own extension.
describe("pmokit import --tracker FILE.json", () => {
  it("reads an export with a user-supplied profile", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "youtrack.json"), JSON.stringify(PROFILE));
    writeFileSync(join(cwd, "issues.json"), EXPORT);
    const r = await run(["validate", "issues.json", "--tracker", "youtrack.json", ...FLAGS, "--json"], cwd);
    expect([r.code, JSON.parse(r.out).counts]).toEqual([0, { "work-package": 1 }]);
  });

  it("refuses a bad profile naming the profile file and the path, and a name that is neither", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "bad.json"), JSON.stringify({ ...PROFILE, dateFormat: "dd.mm.yyyy" }));
    writeFileSync(join(cwd, "issues.json"), EXPORT);
    const bad = await run(["validate", "issues.json", "--tracker", "bad.json", ...FLAGS, "--json"], cwd);
    expect([bad.code, errorOf(bad).code, errorOf(bad).issues?.map((i) => [i.file.endsWith("bad.json"), i.path])]).toEqual([2, "validation", [[true, "dateFormat"]]]);
    const unknown = await run(["validate", "issues.json", "--tracker", "youtrack", ...FLAGS, "--json"], cwd);
    expect([unknown.code, errorOf(unknown).code, errorOf(unknown).message]).toEqual([2, "usage", "--tracker must be jira-csv, jira-json, azure-devops-csv, azure-devops-json, github-projects or a profile file (.json), got youtrack"]);
    writeFileSync(join(cwd, "issues.txt"), EXPORT);
    writeFileSync(join(cwd, "youtrack.json"), JSON.stringify(PROFILE));
    const txt = await run(["validate", "issues.txt", "--tracker", "youtrack.json", ...FLAGS, "--json"], cwd);
    expect([txt.code, errorOf(txt).code, errorOf(txt).message]).toEqual([2, "usage", "--tracker with a profile file reads a .csv or .json export, not .txt"]);
  });
});
