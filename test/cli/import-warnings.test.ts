import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HEAVY, run, temp } from "./run.js";

// `pmokit import` and `validate` dropped the importer's warnings: the Enterprise Architect ReqIF sample's relation
// between two spec objects the file lacks was left out of the links (a `dangling-reference` warning of
// `reqifToPmokit`), and the command said only "imported 3 requirement". The warnings are now printed on stderr, one a
// line naming the file (in `--json`, as `warnings`), for every format whose importer reports them.

const FIXTURES = new URL("../../../shared/fixtures/reqif/", import.meta.url);
const EA = "enterprise-architect-8_microtool-in-step_example.reqif";

describe("import and validate print the importer's warnings", () => {
  it("ReqIF: a relation left out for its missing ends is named on stderr (before: nothing)", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "ea.reqif"), readFileSync(new URL(EA, FIXTURES), "utf8"));
    expect((await run(["init", "db.sqlite"], cwd)).code).toBe(0);
    const r = await run(["import", "ea.reqif", "--project", "prj-a", "--db", "db.sqlite"], cwd);
    expect([r.code, r.out]).toEqual([0, "imported 3 requirement into db.sqlite\n"]);
    const lines = r.err.trimEnd().split("\n");
    // 3 warnings of the mapping (reqif.test's fixture table: 3 objects, 1 relation whose ends are missing).
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("warning: ea.reqif: SPEC-RELATION[ADB3C6E4-8014-4167-9D21-A8E13D98C6CA]: refers to missing spec objects FUNC-REQ-1 (source) and FUNC-REQ-2 (target); link left out");
    const v = await run(["validate", "ea.reqif", "--project", "prj-a", "--json"], cwd);
    const out = JSON.parse(v.out) as { valid: boolean; warnings: { code: string }[] };
    expect([v.code, out.valid, out.warnings.map((w) => w.code), v.err]).toEqual([0, true, ["dangling-reference", "dangling-reference", "dangling-reference"], ""]);
  }, HEAVY);

  it("CSV: a file whose every line ends with the delimiter says its empty last column was dropped", async () => {
    const cwd = temp();
    // exportCsv's requirement columns, every line ending with an extra `;` (as some tools write it).
    const header = "id;projectId;key;type;title;statement;rationale;priority;acceptanceCriteria;verificationMethod;status;ownerId;parentId;sourceStakeholderId;audiences;tags";
    writeFileSync(join(cwd, "reqs.csv"), `${header};\nr-1;prj-a;FR-1;functional;Quotes;Quotes go out the same day.;;must;;test;approved;;;;;;\n`);
    const v = await run(["validate", "reqs.csv", "--kind", "requirement", "--delimiter", ";"], cwd);
    expect([v.code, v.out]).toEqual([0, "reqs.csv: valid (1 requirement)\n"]);
    expect(v.err).toMatch(/^warning: reqs\.csv: .*;/);
    expect(v.err.trimEnd().split("\n")).toHaveLength(1);
  }, HEAVY);
});
