import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countRecords, mspdiToPmokit, readAllRecords, readMspdi } from "../../src/io/index.js";
import { openSqlite } from "../../src/cli/sqlite.js";
import { HEAVY, run, temp } from "./run.js";

// Issue 18 #2: `pmokit validate` and `pmokit import` stream MS Project XML; they agree with each other and with the
// whole-document import, and a bad task late in the file stores nothing.

const FIXTURES = new URL("../../../shared/fixtures/mspdi/", import.meta.url);
const FLAGS = ["--project", "prj-x", "--code", "PRJ-X", "--manager", "p-1", "--sponsor", "p-2", "--actor", "p-1", "--imported-at", "2026-11-25T12:00:00.000Z"];
const FILE = "mpxj_task-baselines-project2019-mspdi.xml";

describe("pmokit validate/import of MS Project XML (streamed)", () => {
  it("validate counts what import stores, and both equal mspdiToPmokit(readMspdi(text))", async () => {
    const cwd = temp();
    const text = readFileSync(new URL(FILE, FIXTURES), "utf8");
    writeFileSync(join(cwd, "plan.xml"), text);
    const expected = mspdiToPmokit(readMspdi(text).document, {
      projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-1", sponsorId: "p-2", importedBy: "p-1", importedAt: "2026-11-25T12:00:00.000Z",
    }).records;
    const v = await run(["validate", "plan.xml", ...FLAGS, "--json"], cwd);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.out).counts).toEqual(countRecords(expected));
    expect((await run(["init", "p.sqlite"], cwd)).code).toBe(0);
    const i = await run(["import", "plan.xml", ...FLAGS, "--db", "p.sqlite", "--json"], cwd);
    expect(i.code).toBe(0);
    expect(JSON.parse(i.out).written).toEqual(countRecords(expected));
    const store = await openSqlite(join(cwd, "p.sqlite"));
    const stored = await readAllRecords(store.adapter);
    await store.close();
    expect(stored["work-package"]!.map((w) => w.id).sort()).toEqual(expected["work-package"]!.map((w) => w.id).sort());
    const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(stored.baseline!)).toEqual(byId(expected.baseline!));
  }, HEAVY);

  it("a bad task late in the file: validate and import give the same error; nothing is stored", async () => {
    const cwd = temp();
    const text = readFileSync(new URL(FILE, FIXTURES), "utf8");
    const last = text.lastIndexOf("<Task>");
    const f = text.indexOf("<Finish>", last);
    writeFileSync(join(cwd, "plan.xml"), `${text.slice(0, f)}<Finish>1990-01-01T17:00:00</Finish>${text.slice(text.indexOf("</Finish>", f) + 9)}`);
    const v = await run(["validate", "plan.xml", ...FLAGS], cwd);
    expect(v.code).toBe(2);
    expect(v.err).toMatch(/Task\[UID=110\].*plannedFinish.*cannot finish before it starts/);
    expect((await run(["init", "p.sqlite"], cwd)).code).toBe(0);
    const i = await run(["import", "plan.xml", ...FLAGS, "--db", "p.sqlite"], cwd);
    expect([i.code, i.err.split("\n")[0]]).toEqual([2, v.err.split("\n")[0]]);
    const store = await openSqlite(join(cwd, "p.sqlite"));
    const stored = await readAllRecords(store.adapter);
    await store.close();
    expect(Object.values(stored).flat()).toEqual([]);
  }, HEAVY);
});
