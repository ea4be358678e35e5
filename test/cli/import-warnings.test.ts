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
    expect([r.code, r.out]).toEqual([0, "imported 3 requirements into db.sqlite\n"]);
    const lines = r.err.trimEnd().split("\n");
    // 3 warnings of the mapping (reqif.test's fixture table: 3 objects, 1 relation whose ends are missing), then the
    // import's check of references: the database holds no project prj-a.
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^warning: ea\.reqif: no project prj-a in the file or db\.sqlite \(3 places: /);
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

describe("--local-time-offset reads a ReqIF file's zone-less times", () => {
  // DOORS 9 writes LAST-CHANGE and ReqIF.ForeignCreatedOn without a time zone. Without an offset the library stamps
  // such objects with the import time (warning import-time), so every test run before the import reads as older than
  // its requirement (STALE); the library had `localTimeOffset`, the command line had no way to pass it.
  const DOORS = "doors9_ibm-rational-doors_example-from-a-user.reqif";

  it("with +02:00 the 3 objects keep their own times and the import-time warning is gone; a bad offset is exit 2", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "doors.reqif"), readFileSync(new URL(DOORS, FIXTURES), "utf8"));
    const codes = async (extra: string[]) => {
      const v = await run(["validate", "doors.reqif", "--project", "prj-a", "--json", ...extra], cwd);
      return [v.code, (JSON.parse(v.out) as { warnings: { code: string }[] }).warnings.map((w) => w.code)];
    };
    expect(await codes([])).toEqual([0, ["import-time", "foreign-time"]]);
    expect(await codes(["--local-time-offset", "+02:00"])).toEqual([0, []]);
    expect((await run(["init", "db.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", "doors.reqif", "--project", "prj-a", "--local-time-offset", "+02:00", "--db", "db.sqlite", "--imported-at", "2026-12-07T09:00:00Z"], cwd)).code).toBe(0);
    const bad = await run(["validate", "doors.reqif", "--project", "prj-a", "--local-time-offset", "CEST"], cwd);
    expect([bad.code, bad.err]).toEqual([2, 'pmokit: --local-time-offset: expected a UTC offset such as "+02:00" or "Z", not "CEST"\n']);
    const csv = await run(["validate", "doors.csv", "--kind", "requirement", "--local-time-offset", "+02:00"], cwd);
    expect(csv.code).toBe(2);
  }, HEAVY);
});
