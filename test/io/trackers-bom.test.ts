import { describe, expect, it } from "vitest";
import { JIRA_JSON_PROFILE, readTrackerJson, readTrackerProfile } from "../../src/io/index.js";

// readFileSync(path, "utf8") keeps a UTF-8 byte order mark, and Windows tools (PowerShell 5's Out-File -Encoding
// utf8, Notepad) write one. Before: readTrackerJson(text) with it was "malformed JSON: Unexpected token" although the
// CSV reader and readImportFile skip a BOM. After: one leading U+FEFF is skipped, as csv-parse's `bom` does.
describe("tracker JSON with a byte order mark", () => {
  it("reads the export and a profile", () => {
    const text = `\ufeff${JSON.stringify({ issues: [{ id: "1", key: "A-1", fields: { summary: "Epic", issuetype: { name: "Epic" }, status: { name: "To Do" } } }] })}`;
    expect(readTrackerJson(text, JIRA_JSON_PROFILE).items.map((i) => i.key)).toEqual(["A-1"]);
    expect(readTrackerProfile(`\ufeff${JSON.stringify(JIRA_JSON_PROFILE)}`).tool).toBe("jira");
  });
});
