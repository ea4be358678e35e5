import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { readAllRecords } from "../../src/io/index.js";
import { todayUtc } from "../../src/cli/clock.js";
import { openSqlite } from "../../src/cli/sqlite.js";
import { HEAVY, TEST_NOW, dataset, run, temp } from "./run.js";

// Issue 17, a newcomer's first hour: the clock, JSON errors, every validation problem, MSPDI currencies, trace findings.

const DATA = join(process.cwd(), "examples", "data");
const FIXTURES = new URL("../../../shared/fixtures/mspdi/", import.meta.url);
const REQUIREMENTS = "id,projectId,key,type,title,statement,priority,verificationMethod,status,acceptanceCriteria\n";
const at = (iso: string) => () => new Date(iso);

describe("--as-of defaults to the data's status date, else today (UTC), read from the one clock", () => {
  const cwd = temp();
  beforeAll(async () => {
    expect((await run(["init", "o.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", DATA, "--db", "o.sqlite"], cwd)).code).toBe(0);
    // The sample without its projects' status date: only the clock can stand in for --as-of.
    const undated = join(cwd, "undated");
    mkdirSync(undated);
    for (const file of readdirSync(DATA).filter((f) => f.endsWith(".json"))) copyFileSync(join(DATA, file), join(undated, file));
    const projects = JSON.parse(readFileSync(join(DATA, "project.json"), "utf8")) as Record<string, unknown>[];
    writeFileSync(join(undated, "project.json"), JSON.stringify(projects.map(({ statusDate: _, ...p }) => p)));
    expect((await run(["init", "u.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", undated, "--db", "u.sqlite"], cwd)).code).toBe(0);
  }, HEAVY);

  it("evm without --as-of, on data with no project status date, is evm at the clock's UTC date", async () => {
    // 2027-01-15T00:30 at UTC−05:00 is 05:30 UTC: still the 15th. Earned value at that date, not at the sample's.
    const clock = at("2027-01-14T19:30:00.000-05:00");
    const implicit = await run(["evm", "--db", "u.sqlite", "--json"], cwd, clock);
    const explicit = await run(["evm", "--db", "u.sqlite", "--json", "--as-of", "2027-01-15"], cwd);
    const sample = await run(["evm", "--db", "u.sqlite", "--json", "--as-of", "2026-11-20"], cwd, clock);
    expect(implicit.out).toBe(explicit.out);
    expect(implicit.err).toContain("pmokit: as of 2027-01-15, today in UTC (no --as-of given)");
    // With the sample's status dates, the same clock does not move the figures: the data's 2026-11-20 stands in.
    const dated = await run(["evm", "--db", "o.sqlite", "--json"], cwd, clock);
    expect([dated.out, dated.err]).toEqual([(await run(["evm", "--db", "o.sqlite", "--json", "--as-of", "2026-11-20"], cwd)).out, "pmokit: as of 2026-11-20, the data's status date (no --as-of given)\n"]);
    // Later status date, more planned value: PRJ-CRM's PV grows between 2026-11-20 and 2027-01-15.
    const pv = (out: string) => Number((JSON.parse(out) as { project: string; pv: { amount: string } }[]).find((p) => p.project === "PRJ-CRM")!.pv.amount);
    expect(pv(implicit.out)).toBeGreaterThan(pv(sample.out));
    expect(todayUtc({ stdout: process.stdout, stderr: process.stderr, cwd, now: at("2026-11-20T23:30:00.000-02:00") })).toBe("2026-11-21");
  }, HEAVY);

  it("--help says where the default comes from; a bad date is exit 2", async () => {
    // Every analysis takes the data's status date first, as the demo does (an old MS Project plan is scheduled and
    // measured at its own date), else today.
    for (const c of ["score", "select", "evm", "trace", "rollout", "report"]) {
      expect((await run([c, "--help"], cwd)).out.replace(/\s+/g, " ")).toContain("status date YYYY-MM-DD (default: the data's status date: the latest project statusDate (an MS Project file's StatusDate, else its CurrentDate), else today in UTC)");
    }
    for (const c of ["schedule", "risk"]) {
      expect((await run([c, "--help"], cwd)).out.replace(/\s+/g, " ")).toContain("status date YYYY-MM-DD (default: the latest statusDate of all the projects, with or without --project, as the report takes it (an MS Project file's StatusDate, else its CurrentDate), else today in UTC)");
    }
    const bad = await run(["evm", "--db", "o.sqlite", "--as-of", "2026-02-30"], cwd);
    expect([bad.code, bad.err]).toEqual([2, "pmokit: --as-of must be a calendar date YYYY-MM-DD, got 2026-02-30\n"]);
  });

  it("the demo keeps the data's status date whatever the day: 2026-11-20 for the sample", async () => {
    const out = temp();
    const r = await run(["demo", "--data", DATA, "--out", "r", "--db", "d.sqlite", "--json"], out, at("2031-06-01T12:00:00.000Z"));
    expect([r.code, JSON.parse(r.out).statusDate]).toEqual([0, "2026-11-20"]);
    expect(readFileSync(join(out, "r", "report.md"), "utf8")).toContain("2026-11-20");
    expect((await run(["demo", "--help"], out)).out.replace(/\s+/g, " ")).toContain("the data's status date — the latest project statusDate, 2026-11-20 for the sample — else today in UTC");
  }, HEAVY);

  it("--imported-at defaults to the same clock", async () => {
    const db = temp();
    writeFileSync(join(db, "reqs.csv"), `${REQUIREMENTS}r1,prj-a,FR-1,functional,T,The system shall.,should,test,proposed,Works\n`);
    expect((await run(["init", "i.sqlite"], db)).code).toBe(0);
    expect((await run(["import", "reqs.csv", "--kind", "requirement", "--db", "i.sqlite"], db)).code).toBe(0);
    const store = await openSqlite(join(db, "i.sqlite"));
    const records = await readAllRecords(store.adapter);
    await store.close();
    expect(records.requirement?.map((r) => r.createdAt)).toEqual([TEST_NOW.toISOString()]);
  });

  it("--imported-at is checked as an instant: a bad one is a usage error, not ignored or a problem on every row", async () => {
    const db = temp();
    writeFileSync(join(db, "reqs.csv"), `${REQUIREMENTS}r1,prj-a,FR-1,functional,T,The system shall.,should,test,proposed,Works\n`);
    const bad = await run(["validate", "reqs.csv", "--kind", "requirement", "--imported-at", "yesterday", "--json"], db);
    expect([bad.code, JSON.parse(bad.out).error.code, JSON.parse(bad.out).error.message]).toEqual([2, "usage", "--imported-at must be a UTC date-time such as 2026-11-20T09:00:00Z, got yesterday"]);
    expect((await run(["init", "i.sqlite"], db)).code).toBe(0);
    expect((await run(["import", "reqs.csv", "--kind", "requirement", "--db", "i.sqlite", "--imported-at", "2026-11-25T08:00:00Z"], db)).code).toBe(0);
    const store = await openSqlite(join(db, "i.sqlite"));
    const records = await readAllRecords(store.adapter);
    await store.close();
    expect(records.requirement?.map((r) => r.createdAt)).toEqual(["2026-11-25T08:00:00.000Z"]);
  });
});

describe("--json: errors as JSON on stdout, the same exit codes", () => {
  const cwd = temp();
  type ErrorJson = { error: { code: string; message: string; issues: { file?: string; record?: { kind: string; index: number; id?: string }; path: string; message: string }[]; issueCount: number } };
  const error = (out: string) => (JSON.parse(out) as ErrorJson).error;

  it("a usage error, a missing database, a missing option", async () => {
    const usage = await run(["evm", "--nope", "--json"], cwd);
    expect([usage.code, usage.err, JSON.parse(usage.out)]).toEqual([2, "", { error: { code: "usage", message: "unknown option '--nope'", issues: [], issueCount: 0, complete: true } }]);
    const db = await run(["trace", "--db", "none.sqlite", "--json"], cwd);
    expect([db.code, db.err, error(db.out).code, error(db.out).message]).toEqual([2, "", "no-database", `${join(cwd, "none.sqlite")}: no such database file (create it with \`pmokit init ${join(cwd, "none.sqlite")}\`)`]);
    writeFileSync(join(cwd, "reqs.csv"), REQUIREMENTS);
    const kind = await run(["validate", "reqs.csv", "--json"], cwd);
    expect([kind.code, error(kind.out).code, error(kind.out).message]).toEqual([2, "usage", "CSV import needs --kind"]);
    // Without --json nothing changes: one line on stderr, nothing on stdout.
    const text = await run(["evm", "--nope"], cwd);
    expect([text.code, text.out, text.err]).toEqual([2, "", "pmokit: unknown option '--nope'\n"]);
  });

  it("a validation error lists every problem with its file, record and path", async () => {
    const office = loadSampleOffice();
    const project = (office.project as Record<string, unknown>[]).map((p, i) => (i === 1 ? { ...p, plannedStart: "2026-13-45" } : i === 3 ? { ...p, lifecycle: "dreaming" } : p));
    const person = (office.person as Record<string, unknown>[]).map((p, i) => (i === 0 ? { ...p, roles: "qa" } : p));
    writeFileSync(join(cwd, "office.json"), dataset({ person, project }));
    const file = join(cwd, "office.json");
    const ids = (kind: "person" | "project", i: number) => (office[kind][i] as { id: string }).id;

    const j = await run(["import", "office.json", "--db", "x.sqlite", "--json"], cwd);
    expect([j.code, j.err]).toEqual([2, ""]);
    const e = error(j.out);
    expect([e.code, e.issueCount]).toEqual(["validation", 3]);
    expect(e.issues.map((i) => [i.file, i.record, i.path])).toEqual([
      [file, { kind: "person", index: 0, id: ids("person", 0) }, "roles"],
      [file, { kind: "project", index: 1, id: ids("project", 1) }, "plannedStart"],
      [file, { kind: "project", index: 3, id: ids("project", 3) }, "lifecycle"],
    ]);

    // validate without --json: every problem on its own line, then the count.
    const v = await run(["validate", "office.json"], cwd);
    const lines = v.err.trimEnd().split("\n");
    expect([v.code, lines.length, lines[3]]).toEqual([2, 4, "pmokit: office.json: 3 problems"]);
    expect(lines[0]).toMatch(new RegExp(`^pmokit: ${file}: record person\\[0\\] \\(${ids("person", 0)}\\) at roles: .+`));
    expect(lines[1]).toMatch(new RegExp(`^pmokit: ${file}: record project\\[1\\] \\(${ids("project", 1)}\\) at plannedStart: expected a real calendar date YYYY-MM-DD$`));
    expect(lines[2]).toMatch(new RegExp(`^pmokit: ${file}: record project\\[3\\] \\(${ids("project", 3)}\\) at lifecycle: .+`));
    // import keeps its one line: the first problem and how many more.
    const i = await run(["import", "office.json", "--db", "x.sqlite"], cwd);
    expect(i.err).toBe(`${lines[0]} (and 2 more)\n`);
  });

  it("a folder of per-kind files names each problem's own file", async () => {
    const dir = temp();
    const office = loadSampleOffice();
    writeFileSync(join(dir, "person.json"), JSON.stringify((office.person as Record<string, unknown>[]).map((p, i) => (i === 2 ? { ...p, name: "" } : p))));
    writeFileSync(join(dir, "project.json"), JSON.stringify((office.project as Record<string, unknown>[]).map((p, i) => (i === 0 ? { ...p, code: 7 } : p))));
    const v = await run(["validate", dir, "--json"], dir);
    expect(error(v.out).issues.map((i) => [i.file, i.record?.kind, i.record?.index, i.path])).toEqual([[join(dir, "person.json"), "person", 2, "name"], [join(dir, "project.json"), "project", 0, "code"]]);
  });

  it("1,005 bad records in a dataset: the first 1,000 listed, then how many more and the total", async () => {
    const people = Array.from({ length: 1005 }, (_, k) => ({ id: `p-${k}`, version: 1, createdAt: "2026-01-05T09:00:00.000Z", updatedAt: "2026-01-05T09:00:00.000Z", name: `P ${k}`, roles: "qa" }));
    writeFileSync(join(cwd, "people.json"), dataset({ person: people }));
    const v = await run(["validate", "people.json"], cwd);
    const lines = v.err.trimEnd().split("\n");
    expect([v.code, lines.length]).toEqual([2, 1002]);
    expect(lines[999]).toMatch(new RegExp(`^pmokit: ${join(cwd, "people.json")}: record person\\[999\\] \\(p-999\\) at roles: `));
    expect(lines.slice(1000)).toEqual(["pmokit: … 5 more not listed (the first 1000 are)", "pmokit: people.json: 1005 problems"]);
    const j = await run(["validate", "people.json", "--json"], cwd);
    expect([error(j.out).issues.length, error(j.out).issueCount, JSON.parse(j.out).error.complete]).toEqual([1000, 1005, true]);
  });

  it("a CSV with 1,005 bad rows: checked as it streams, it stops after the first 1,000 problems and says so", async () => {
    const rows = Array.from({ length: 1005 }, (_, k) => `r${k},prj-a,FR-${k},functional,T,The system shall.,bogus,test,proposed,Works\n`);
    writeFileSync(join(cwd, "bad.csv"), REQUIREMENTS + rows.join(""));
    const v = await run(["validate", "bad.csv", "--kind", "requirement"], cwd);
    const lines = v.err.trimEnd().split("\n");
    expect([v.code, lines.length]).toEqual([2, 1001]);
    // Line 2 is the first row; the priority column holds the problem.
    expect(lines[0]).toMatch(new RegExp(`^pmokit: ${join(cwd, "bad.csv")}: \\[2\\]\\.priority: `));
    expect(lines[999]).toMatch(new RegExp(`^pmokit: ${join(cwd, "bad.csv")}: \\[1001\\]\\.priority: `));
    expect(lines[1000]).toBe("pmokit: bad.csv: more than 1000 problems; checking stopped after the first 1000 (a CSV is checked as it is read)");
    const j = await run(["validate", "bad.csv", "--kind", "requirement", "--json"], cwd);
    expect([error(j.out).issues.length, JSON.parse(j.out).error.complete]).toEqual([1000, false]);
    // 1,000 problems exactly are all of them: complete, with the plain count.
    writeFileSync(join(cwd, "k.csv"), REQUIREMENTS + rows.slice(0, 1000).join(""));
    expect((await run(["validate", "k.csv", "--kind", "requirement"], cwd)).err.trimEnd().split("\n").slice(-1)).toEqual(["pmokit: k.csv: 1000 problems"]);
  });
});

describe("MS Project files without a CurrencyCode: --currency", () => {
  const flags = ["--project", "prj-b", "--code", "PRJ-B", "--manager", "p-1", "--sponsor", "p-2", "--actor", "p-1"];

  it("mpxj_baselines.xml has no CurrencyCode: refused without --currency, read in it with", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "plan.xml"), readFileSync(new URL("mpxj_baselines.xml", FIXTURES)));
    const none = await run(["validate", "plan.xml", ...flags], cwd);
    expect([none.code, none.err]).toEqual([2, `pmokit: ${join(cwd, "plan.xml")}: CurrencyCode: the file has no CurrencyCode (MS Project 2003); pass --currency <ISO 4217 code>, e.g. --currency EUR\n`]);
    const ok = await run(["validate", "plan.xml", ...flags, "--currency", "EUR"], cwd);
    // The fixture's baselines 1–10 finish before they start (NOTES.md: a test-data oddity): the importer's warnings,
    // one line for the ten baselines, are printed (they were dropped before).
    expect(ok.code).toBe(0);
    // The same message at ten places is one line.
    expect(ok.err).toBe("warning: plan.xml: baseline finishes before it starts; the task's current dates are used (10 places: Task[UID=1]/Baseline[Number=1], Task[UID=1]/Baseline[Number=2], Task[UID=1]/Baseline[Number=3] and 7 more)\n" +
      // Its BaselineForEarnedValue (0) names a baseline it does not have: said, with the flag to choose another.
      "warning: plan.xml: Project/BaselineForEarnedValue: BaselineForEarnedValue 0 names baseline 0, which the file does not have (its baselines: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10): earned value will be n/a (no-baseline); import it into a new database with --baseline N (one of 1, 2, 3, 4, 5, 6, 7, 8, 9, 10) to measure against that baseline\n");
    expect((await run(["init", "p.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", "plan.xml", ...flags, "--currency", "CHF", "--db", "p.sqlite"], cwd)).code).toBe(0);
    const store = await openSqlite(join(cwd, "p.sqlite"));
    const records = await readAllRecords(store.adapter);
    await store.close();
    expect(records.project?.map((p) => p.budget.currency)).toEqual(["CHF"]);
  });

  it("a file whose CurrencyCode differs from --currency is refused; the same code is fine", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "rates.xml"), readFileSync(new URL("mpxj_mspdicostratetable.xml", FIXTURES)));
    const clash = await run(["validate", "rates.xml", ...flags, "--currency", "EUR", "--json"], cwd);
    expect(clash.code).toBe(2);
    expect(JSON.parse(clash.out).error.issues).toEqual([{ file: join(cwd, "rates.xml"), path: "CurrencyCode", message: "the file's amounts are in GBP, but --currency says EUR; refused (drop --currency to import in GBP)" }]);
    expect((await run(["validate", "rates.xml", ...flags, "--currency", "GBP"], cwd)).code).toBe(0);
    expect((await run(["validate", "rates.xml", ...flags], cwd)).code).toBe(0);
  });

  it("--currency on another format is a usage error, not silently ignored", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "office.json"), dataset({}));
    const r = await run(["validate", "office.json", "--currency", "EUR"], cwd);
    expect([r.code, r.err]).toEqual([2, "pmokit: --currency applies to MS Project XML (.xml) files only; a .json carries the currency on every amount\n"]);
  });
});

describe("trace exits 1 on uncovered requirements", () => {
  const office = loadSampleOffice();
  const base = { version: 1, createdAt: "2026-03-09T10:00:00.000Z", updatedAt: "2026-03-09T10:00:00.000Z" };
  // The sample's TR-001 as a new requirement, without its audiences (no acknowledgements are due) or parent.
  const { audiences: _a, parentId: _p, ...tr001 } = (office.requirement as Record<string, unknown>[]).find((r) => r.id === "TR-001")!;
  const transition = { ...tr001, id: "TR-901", key: "TR-901" };
  const doc = { ...(office.artifact as Record<string, unknown>[])[0], id: "art-runbook", artifactType: "document", name: "Cutover runbook" };
  const link = { ...base, id: "tl-runbook-satisfies-TR-901", from: { kind: "artifact", id: "art-runbook" }, to: { kind: "requirement", id: "TR-901" }, linkType: "satisfies" };
  const trace = async (records: Record<string, unknown[]>) => {
    const cwd = temp();
    writeFileSync(join(cwd, "office.json"), dataset({ person: office.person, portfolio: office.portfolio, programme: office.programme, project: office.project, ...records }));
    expect((await run(["init", "t.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", "office.json", "--db", "t.sqlite"], cwd)).code).toBe(0);
    const r = await run(["trace", "--db", "t.sqlite", "--json"], cwd);
    return { code: r.code, json: JSON.parse(r.out) as { uncovered: string[]; suspects: string[]; acknowledgementGaps: unknown[]; inactive: unknown[] } };
  };

  it("a transition requirement nothing realises: exit 1, no suspects and no acknowledgement gaps", async () => {
    const r = await trace({ requirement: [transition] });
    expect([r.code, r.json.uncovered, r.json.suspects, r.json.acknowledgementGaps]).toEqual([1, ["requirement:TR-901"], [], []]);
  });

  it("the same requirement rejected (or obsolete): nobody will build it, so exit 0, and it is listed as inactive", async () => {
    // Before: exit 1 with uncovered ["requirement:TR-901"], for a requirement nobody will realise.
    for (const status of ["rejected", "obsolete"]) {
      const r = await trace({ requirement: [{ ...transition, status }] });
      expect([r.code, r.json.uncovered, r.json.inactive]).toEqual([0, [], [{ item: "requirement:TR-901", status }]]);
    }
  });

  it("the same requirement satisfied by a document: exit 0", async () => {
    const r = await trace({ requirement: [transition], artifact: [doc], "trace-link": [link] });
    expect([r.code, r.json.uncovered, r.json.suspects]).toEqual([0, [], []]);
  });
});
