import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { HEAVY, dataset, run, temp } from "./run.js";

describe("pmokit --help", () => {
  it("lists every command and answers --help on each with exit 0", async () => {
    const cwd = temp();
    const top = await run(["--help"], cwd);
    expect(top.code).toBe(0);
    for (const c of ["init", "import", "validate", "score", "select", "evm", "trace", "rollout", "schedule", "risk", "report", "template", "model", "demo"]) {
      expect(top.out).toContain(c);
      const r = await run([c, "--help"], cwd);
      expect([c, r.code, r.out.startsWith(`Usage: pmokit ${c}`)]).toEqual([c, 0, true]);
    }
  });

  it("exits 2 on an unknown command or option", async () => {
    const cwd = temp();
    expect((await run(["bogus"], cwd)).code).toBe(2);
    const none = await run([], cwd);
    expect([none.code, none.err.startsWith("Usage: pmokit")]).toEqual([2, true]);
    const r = await run(["evm", "--nope"], cwd);
    expect([r.code, r.err.trim().split("\n")]).toEqual([2, ["pmokit: unknown option '--nope'"]]);
  });
});

describe("a database session", () => {
  const cwd = temp();
  const data = join(process.cwd(), "examples", "data");

  it("init, import the sample office, then analyse it with exit codes for findings", async () => {
    expect((await run(["init", "office.sqlite"], cwd)).code).toBe(0);
    const imported = await run(["import", data, "--db", "office.sqlite", "--json"], cwd);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out).written.project).toBe(4);

    const score = await run(["score", "--db", "office.sqlite", "--json"], cwd);
    expect(score.code).toBe(0);
    // Open requests only (6 of 13). REQ-2027-001 rates 5,4,2,3, complexity 3 (a cost), absolute on 1–5, weights
    // 3,3,2,2,1: (3·1 + 3·0.75 + 2·0.25 + 2·0.5 + 1·0.5) / 11 = 7.25/11 = 0.659090909…
    expect(JSON.parse(score.out)).toHaveLength(6);
    expect(JSON.parse(score.out)[2]).toEqual({ rank: 3, request: "REQ-2027-001", status: "scored", score: "0.659090909", reason: null });

    // WMS is red (SPI 0.65, CPI 0.88): a finding, exit 1.
    const evm = await run(["evm", "--db", "office.sqlite", "--json"], cwd);
    expect(evm.code).toBe(1);
    // Money in its wire form (the currency beside the amount), indices exact (not cut to 4 places), the colour with its rule.
    const wms = (JSON.parse(evm.out) as { project: string; ev: unknown; cpi: string; rag: string; rule: string }[]).find((p) => p.project === "PRJ-WMS")!;
    expect([wms.ev, wms.cpi, wms.rag]).toEqual([{ amount: "909747.67", currency: "EUR" }, "0.881643545160233588700017212323287", "red"]);
    expect(wms.rule).toBe("Schedule: SPI 0.654 < 0.85 → red; finish slip days 176 > 20 → red · Cost: EAC EUR 2,027,349.95 > EUR 1,876,770.00 → red · Risks and issues: open critical issues 1 → red");
    const evmText = await run(["evm", "--db", "office.sqlite"], cwd);
    expect(evmText.out).toContain("           why PRJ-WMS red: Schedule: SPI 0.654 < 0.85 → red;");

    const select = await run(["select", "--db", "office.sqlite", "--json"], cwd);
    expect([select.code, JSON.parse(select.out).selected]).toEqual([0, ["REQ-2027-002", "REQ-2027-003", "REQ-2027-007"]]);
    const trace = await run(["trace", "--db", "office.sqlite", "--json"], cwd);
    expect([trace.code, JSON.parse(trace.out).suspects]).toEqual([1, ["tl-TC-014-verifies-TR-001"]]);
    const rollout = await run(["rollout", "--db", "office.sqlite"], cwd);
    expect(rollout.code).toBe(1);
    expect(rollout.out).toContain("Go/No-Go for the CRM cutover: NO-GO");
  }, HEAVY);

  it("writes reports in each format; Markdown with its chart files", async () => {
    for (const [format, file] of [["html", "r/index.html"], ["md", "r/report.md"], ["csv", "r/health.csv"], ["json", "r/report.json"], ["xlsx", "r/report.xlsx"]] as const) {
      const r = await run(["report", "--format", format, "--out", file, "--db", "office.sqlite"], cwd);
      // No --as-of: the data's status date (the sample's projects': 2026-11-20) stands in, and a finished command says so.
      expect([format, r.code, r.err]).toEqual([format, 0, "pmokit: as of 2026-11-20, the data's status date (no --as-of given)\n"]);
      expect(existsSync(join(cwd, file))).toBe(true);
    }
    expect(readdirSync(join(cwd, "r", "charts")).sort()).toContain("coverage.svg");
    const health = readFileSync(join(cwd, "r", "health.csv"), "utf8").split("\r\n");
    expect(health[0]).toMatch(/^Project,Name,Overall,.*,EAC \(EUR\),EAC method,Forecast finish$/);
    expect(health[1]).toContain(",1201841.04,EAC₁ (BAC / CPI),2027-05-04");
    expect(readFileSync(join(cwd, "r", "index.html"), "utf8")).toContain("<svg");
    // An xlsx file is a zip archive: "PK" first.
    expect(readFileSync(join(cwd, "r", "report.xlsx")).subarray(0, 2).toString("latin1")).toBe("PK");
  }, HEAVY);
});

describe("bad input: one line, exit 2, nothing half-written", () => {
  it("a missing database file", async () => {
    const cwd = temp();
    const r = await run(["evm", "--db", "nothing.sqlite"], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`pmokit: ${join(cwd, "nothing.sqlite")}: no such database file (create it with \`pmokit init ${join(cwd, "nothing.sqlite")}\`)\n`);
    expect(existsSync(join(cwd, "nothing.sqlite"))).toBe(false);
  });

  it("a corrupt database file", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "bad.sqlite"), "this is not a database, just text ".repeat(200));
    const r = await run(["score", "--db", "bad.sqlite"], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^pmokit: .*bad\.sqlite: not a usable SQLite database \(file is not a database\)\n$/);
  });

  it("a dataset failing validation names the file, the record and the path, and stores nothing", async () => {
    const cwd = temp();
    const office = loadSampleOffice();
    const project = (office.project as Record<string, unknown>[]).map((p, i) => (i === 1 ? { ...p, plannedStart: "2026-13-45" } : p));
    writeFileSync(join(cwd, "office.json"), dataset({ person: office.person, project }));
    const v = await run(["validate", "office.json"], cwd);
    expect(v.code).toBe(2);
    const id = (office.project[1] as { id: string }).id;
    expect(v.err).toMatch(new RegExp(`^pmokit: .*office\\.json: record project\\[1\\] \\(${id}\\) at plannedStart: .+\\n$`));

    expect((await run(["init", "db.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", "office.json", "--db", "db.sqlite"], cwd)).code).toBe(2);
    // All or nothing: the valid people were not stored either.
    expect(JSON.parse((await run(["score", "--db", "db.sqlite", "--json"], cwd)).out)).toEqual([]);
  });

  it("malformed JSON", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "broken.json"), "{ \"format\": ");
    const r = await run(["validate", "broken.json"], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^pmokit: .*broken\.json: not valid JSON/);
  });

  it("an unwritable output folder, before any work and without leftovers", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "a-file"), "x");
    // A folder inside a regular file can never be created, whoever runs the test.
    const r = await run(["demo", "--out", "a-file/report", "--db", "demo.sqlite"], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^pmokit: .*a-file\/report: cannot write the output folder \(ENOTDIR\)\n$/);
    expect(existsSync(join(cwd, "demo.sqlite"))).toBe(false);
    expect(readdirSync(cwd)).toEqual(["a-file"]);
  });
});

describe("more bad input", () => {
  it("init refuses a file that is not a SQLite database and leaves it as it was", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "notes.sqlite"), "meeting notes ".repeat(100));
    const r = await run(["init", "notes.sqlite"], cwd);
    expect(r.code).toBe(2);
    expect(readFileSync(join(cwd, "notes.sqlite"), "utf8")).toBe("meeting notes ".repeat(100));
  });

  it("report to an unwritable place and an unknown format are exit 2", async () => {
    const cwd = temp();
    expect((await run(["init", "db.sqlite"], cwd)).code).toBe(0);
    writeFileSync(join(cwd, "a-file"), "x");
    const r = await run(["report", "--format", "md", "--out", "a-file/sub/report.md", "--db", "db.sqlite"], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot write the output folder \(ENOTDIR\)\n$/);
    const bad = await run(["report", "--format", "pdf", "--out", "x.pdf", "--db", "db.sqlite"], cwd);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("pdf");
    expect(readdirSync(cwd).sort()).toEqual(["a-file", "db.sqlite"]);
  });

  it("an import format that needs options says which", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "reqs.csv"), "key,title\n");
    const r = await run(["validate", "reqs.csv"], cwd);
    expect([r.code, r.err]).toEqual([2, "pmokit: CSV import needs --kind\n"]);
    // MS Project XML needs five flags: a run names every one missing, not one per attempt.
    writeFileSync(join(cwd, "plan.xml"), "<Project/>");
    const plan = await run(["validate", "plan.xml", "--project", "PRJ-X"], cwd);
    expect([plan.code, plan.err]).toEqual([2, "pmokit: MSPDI import needs --code, --manager, --sponsor, --actor\n"]);
  });
});

describe("pmokit demo", () => {
  it("runs the whole office on a fresh SQLite file and writes the same report twice, byte for byte", async () => {
    const cwd = temp();
    const data = join(process.cwd(), "examples", "data");
    const first = await run(["demo", "--data", data, "--out", "one", "--db", ".pmokit/demo.sqlite"], cwd);
    expect([first.code, first.err]).toEqual([0, ""]);
    expect(first.out).toContain("SELECTION  optimal: REQ-2027-002, REQ-2027-003, REQ-2027-007");
    expect(first.out).toMatch(/PRJ-WMS +red +0\.88 +0\.65 +0\.75/);
    const second = await run(["demo", "--data", data, "--out", "two", "--db", ".pmokit/demo.sqlite"], cwd);
    expect(second.code).toBe(0);
    for (const f of ["index.html", "report.md", "charts/s-curve-PRJ-CRM.svg"]) {
      expect(readFileSync(join(cwd, "two", f), "utf8")).toBe(readFileSync(join(cwd, "one", f), "utf8"));
    }
    expect(readFileSync(join(cwd, "one", "index.html"), "utf8")).toContain("2026-11-20");
    expect(readFileSync(join(cwd, "two", "report.xlsx")).equals(readFileSync(join(cwd, "one", "report.xlsx")))).toBe(true);
  }, HEAVY);
});
