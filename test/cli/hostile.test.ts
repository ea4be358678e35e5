import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { readReqif, writeReqif } from "../../src/io/index.js";
import { HEAVY, dataset, run, temp } from "./run.js";

const RAW_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
const REQUIREMENTS = "id,projectId,key,type,title,statement,priority,verificationMethod,status,acceptanceCriteria\n";
const requirementRow = (id: string) => `${id},prj-a,FR-1,functional,T,The system shall.,should,test,proposed,Works\n`;

describe("issue 18 #1: bounded reads from the command line", () => {
  it("validate /dev/zero, and a .csv name that leads to it, are refused at once, exit 2", async () => {
    const cwd = temp();
    const r = await run(["validate", "/dev/zero", "--kind", "requirement"], cwd);
    expect([r.code, r.err]).toEqual([2, "pmokit: /dev/zero: unknown file type (expected .json, .xml, .reqif, .reqifz, .csv, .xlsx or a folder)\n"]);
    symlinkSync("/dev/zero", join(cwd, "zero.csv"));
    const z = await run(["validate", "zero.csv", "--kind", "requirement"], cwd);
    expect([z.code, z.err]).toEqual([2, `pmokit: ${join(cwd, "zero.csv")} is not a regular file (a folder, device or pipe); refused unless allowNonRegular is set\n`]);
  });

  it("a dataset that is not UTF-8 is refused with the byte offset, not read as U+FFFD", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "office.json"), Buffer.concat([Buffer.from('{"format":"pmokit-dataset","description":"Caf'), Buffer.from([0xe9]), Buffer.from('"}')]));
    const r = await run(["validate", "office.json"], cwd);
    expect([r.code, r.err]).toEqual([2, `pmokit: ${join(cwd, "office.json")}: not valid UTF-8 at byte offset 45 (save the file as UTF-8)\n`]);
  });
});

describe("issue 18 #4: text from files is printed escaped, one line each", () => {
  it("a file name with an escape sequence and a newline stays on one line", async () => {
    const cwd = temp();
    const name = "evil\u001b[2J\u001b[H\nNO-GO cleared.csv";
    writeFileSync(join(cwd, name), REQUIREMENTS + requirementRow("r1"));
    const ok = await run(["validate", name, "--kind", "requirement"], cwd);
    expect([ok.code, ok.out]).toEqual([0, "evil\\x1b[2J\\x1b[H\\nNO-GO cleared.csv: valid (1 requirement)\n"]);
    const missing = await run(["validate", `${name}.gone`, "--kind", "requirement"], cwd);
    expect(missing.code).toBe(2);
    expect(missing.err.split("\n")).toHaveLength(2); // one line and the final line feed
    expect(missing.err).not.toMatch(RAW_CONTROL);
  });

  it("names from the database cannot steer the terminal (text and JSON)", async () => {
    const cwd = temp();
    const office = loadSampleOffice();
    // A gate name with a clear-screen sequence, a one-byte CSI (U+009B) and a bidi override.
    const gate = (office.gate as Record<string, unknown>[]).map((g) => ({ ...g, name: `Go\u001b[2J\u009b31m\u202eon` }));
    writeFileSync(join(cwd, "office.json"), dataset({ ...office, gate } as Record<string, unknown[]>));
    expect((await run(["init", "db.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", "office.json", "--db", "db.sqlite"], cwd)).code).toBe(0);
    const text = await run(["rollout", "--db", "db.sqlite"], cwd);
    expect(text.out).toContain("Go\\x1b[2J\\x9b31m\\u202eon: NO-GO");
    expect(text.out).not.toMatch(RAW_CONTROL);
    const json = await run(["rollout", "--db", "db.sqlite", "--json"], cwd);
    expect(json.out).not.toMatch(RAW_CONTROL);
    expect((JSON.parse(json.out) as { gate: { name: string } }[])[0]!.gate.name).toBe("Go\u001b[2J\u009b31m\u202eon");
  }, HEAVY);
});

describe("issue 18 #5: validate and import agree", () => {
  const both = async (cwd: string, file: string, extra: string[] = []) => {
    expect((await run(["init", "db.sqlite"], cwd)).code).toBe(0);
    const v = await run(["validate", file, ...extra], cwd);
    const i = await run(["import", file, "--db", "db.sqlite", ...extra], cwd);
    return { v, i };
  };

  it("two CSV rows with the same id: both exit 2 with the same line", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "reqs.csv"), REQUIREMENTS + requirementRow("r1") + requirementRow("r1"));
    const { v, i } = await both(cwd, "reqs.csv", ["--kind", "requirement"]);
    expect([v.code, i.code]).toEqual([2, 2]);
    expect(v.err).toBe(`pmokit: ${join(cwd, "reqs.csv")}: [3].id: id r1 is already used on line 2\n`);
    expect(i.err).toBe(v.err);
  });

  it("ReqIF identifiers that are not ids and would collide: both exit 0, every object stored", async () => {
    const cwd = temp();
    const { document } = readReqif(readFileSync(new URL("../../../shared/fixtures/reqif/strictdoc_export_sample2.reqif", import.meta.url), "utf8"));
    const renamed = new Map([[document.specObjects[0]!.identifier, "bad id"], [document.specObjects[1]!.identifier, "obj-1"]]);
    const fix = (id: string) => renamed.get(id) ?? id;
    writeFileSync(join(cwd, "spec.reqif"), writeReqif({
      ...document,
      specObjects: document.specObjects.map((o) => ({ ...o, identifier: fix(o.identifier) })),
      specifications: document.specifications.map((s) => ({ ...s, children: s.children.map(function walk(h): typeof h { return { ...h, objectRef: fix(h.objectRef), children: h.children.map(walk) }; }) })),
    }));
    const { v, i } = await both(cwd, "spec.reqif", ["--project", "prj-a"]);
    // Both agree, and both name the renamed identifier (the importer's warning, dropped before).
    expect([v.code, v.out, i.code]).toEqual([0, "spec.reqif: valid (18 requirements)\n", 0]);
    expect(i.err.split("\n")[0]).toBe("warning: spec.reqif: SPEC-OBJECT[bad id]: IDENTIFIER is not a usable pmokit id; imported as prj-a:obj-1-2");
    // Import adds the check of references against the database, which holds no project prj-a (validate checks the
    // file alone, and a file without projects may name stored ones).
    expect(i.err.slice(0, v.err.length)).toBe(v.err);
    expect(i.err.slice(v.err.length)).toMatch(/^warning: spec\.reqif: no project prj-a in the file or db\.sqlite \(18 places: .* and 15 more\)\n$/);
  });

  it("MSPDI with &#0;: both refuse it", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "plan.xml"), `<Project xmlns="http://schemas.microsoft.com/project"><Name>a&#0;b</Name><CurrencyCode>EUR</CurrencyCode></Project>`);
    const flags = ["--project", "prj-a", "--code", "PRJ-A", "--manager", "p-1", "--sponsor", "p-2", "--actor", "p-1"];
    const { v, i } = await both(cwd, "plan.xml", flags);
    expect([v.code, i.code]).toEqual([2, 2]);
    expect(v.err).toBe(`pmokit: ${join(cwd, "plan.xml")}: character reference &#0; at line 1 is not an XML character; refused\n`);
    expect(i.err).toBe(v.err);
  });
});

describe("issue 18 #3: report writing is all or nothing", () => {
  // Every file below a folder with its content, to compare before and after.
  const snapshot = (dir: string): Record<string, string> =>
    Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true })
      .map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), e.isDirectory() ? "<folder>" : readFileSync(join(e.parentPath, e.name), "utf8")]));
  const office = async () => {
    const cwd = temp();
    expect((await run(["init", "db.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", join(process.cwd(), "examples", "data"), "--db", "db.sqlite"], cwd)).code).toBe(0);
    return cwd;
  };

  it("a chart path blocked by a folder: exit 2, one typed line, report.md and every chart unchanged, no temp file", async () => {
    const cwd = await office();
    mkdirSync(join(cwd, "r", "charts", "coverage.svg"), { recursive: true });
    writeFileSync(join(cwd, "r", "report.md"), "the previous report");
    writeFileSync(join(cwd, "r", "charts", "burn-down.svg"), "<svg>old</svg>");
    const before = snapshot(join(cwd, "r"));
    const r = await run(["report", "--format", "md", "--out", "r/report.md", "--db", "db.sqlite"], cwd);
    expect([r.code, r.err]).toEqual([2, `pmokit: ${join(cwd, "r", "charts", "coverage.svg")}: is a folder, so the report file cannot be written there; nothing was changed\n`]);
    expect(snapshot(join(cwd, "r"))).toEqual(before);
    // Once the way is clear, the same command replaces everything and leaves no temporary folder.
    rmSync(join(cwd, "r", "charts", "coverage.svg"), { recursive: true });
    const ok = await run(["report", "--format", "md", "--out", "r/report.md", "--db", "db.sqlite", "--as-of", "2026-11-20"], cwd);
    expect([ok.code, ok.err]).toEqual([0, ""]);
    expect(readFileSync(join(cwd, "r", "report.md"), "utf8")).not.toBe("the previous report");
    expect(readdirSync(join(cwd, "r")).filter((n) => n.startsWith(".pmokit"))).toEqual([]);
  }, HEAVY);

  it("--out . is refused before any work and leaves nothing anywhere", async () => {
    const cwd = await office();
    const before = readdirSync(join(cwd, "..")).length;
    const r = await run(["report", "--format", "md", "--out", ".", "--db", "db.sqlite"], cwd);
    expect([r.code, r.err]).toEqual([2, `pmokit: ${cwd}: is a folder; --out names the report file (e.g. report.md)\n`]);
    expect(readdirSync(cwd).sort()).toEqual(["db.sqlite"]);
    expect(readdirSync(join(cwd, "..")).length).toBe(before);
  }, HEAVY);

  it("--out under /proc fails at once instead of spinning in mkdir", async () => {
    const cwd = await office();
    const t0 = performance.now();
    const r = await run(["report", "--format", "html", "--out", "/proc/pmokit/deep/report.html", "--db", "db.sqlite"], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^pmokit: \/proc\/pmokit\/deep: cannot write the output folder \(E[A-Z]+\)\n$/);
    expect(performance.now() - t0).toBeLessThan(20_000);
  }, HEAVY);
});
