import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { decodeEntity, type EntityKind } from "../../src/index.js";
import { exportCsv } from "../../src/io/index.js";
import { dataset, run, temp } from "./run.js";

// `pmokit import` stored a risk whose owner named no person and a work package of no project without a word:
// `validate` checks the file's own references (the people and projects may be stored already), and `import` checked
// none. Import now looks every person and record reference up in the file and in the database, in the import's
// transaction, and names each that names nothing as a warning — the convention of an importer's findings besides the
// records (a ReqIF link to a missing object): stored, exit 0, one line each on stderr, in `--json`'s `warnings`.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const office = loadSampleOffice() as unknown as Record<EntityKind, any[]>;
const crm = office.project.find((p) => p.id === "PRJ-CRM");
const risk = office.risk.find((r) => r.projectId === "PRJ-CRM" && r.programmeId === undefined && r.scheduleImpactOn === undefined);

/** A database holding the sample's people, portfolios, programmes and the CRM project (and its request). */
async function seeded(cwd: string): Promise<void> {
  const request = office.request.filter((r) => r.id === crm.requestId);
  writeFileSync(join(cwd, "base.json"), dataset({ person: office.person, portfolio: office.portfolio, programme: office.programme, request, project: [crm] }));
  expect((await run(["init", "p.sqlite"], cwd)).code).toBe(0);
  const base = await run(["import", "base.json", "--db", "p.sqlite"], cwd);
  expect([base.code, base.err]).toEqual([0, ""]);
}

describe("pmokit import: references are looked up in the file and the database", () => {
  it("a risk file without people or projects imports when the database holds its owner and project", async () => {
    const cwd = temp();
    await seeded(cwd);
    writeFileSync(join(cwd, "risks.json"), dataset({ risk: [risk] }));
    const r = await run(["import", "risks.json", "--db", "p.sqlite"], cwd);
    expect([r.code, r.err, r.out]).toEqual([0, "", "imported 1 risk into p.sqlite\n"]);
  });

  it("a risk whose owner and project are in neither is stored with a warning for each", async () => {
    const cwd = temp();
    await seeded(cwd);
    const ghost = { ...risk, id: "RSK-GHOST", ownerId: "p-ghost", projectId: "PRJ-GONE" };
    writeFileSync(join(cwd, "risks.json"), dataset({ risk: [risk, ghost] }));
    const r = await run(["import", "risks.json", "--db", "p.sqlite"], cwd);
    expect([r.code, r.out, r.err]).toEqual([
      0,
      "imported 2 risks into p.sqlite\n",
      "warning: risks.json: record risk[1] (RSK-GHOST) at ownerId: no person p-ghost in the file or p.sqlite\n" +
        "warning: risks.json: record risk[1] (RSK-GHOST) at projectId: no project PRJ-GONE in the file or p.sqlite\n",
    ]);
    writeFileSync(join(cwd, "more.json"), dataset({ risk: [{ ...ghost, id: "RSK-GHOST-2" }] }));
    const json = await run(["import", "more.json", "--db", "p.sqlite", "--json"], cwd);
    expect([json.code, json.err, JSON.parse(json.out).warnings]).toEqual([0, "", [
      { path: "record risk[0] (RSK-GHOST-2) at ownerId", message: "no person p-ghost in the file or p.sqlite", code: "unknown-person" },
      { path: "record risk[0] (RSK-GHOST-2) at projectId", message: "no project PRJ-GONE in the file or p.sqlite", code: "unknown-reference" },
    ]]);
  });

  it("a reference to a record of the same file is found there", async () => {
    const cwd = temp();
    await seeded(cwd);
    const project = { ...crm, id: "PRJ-NEW", code: "PRJ-NEW", requestId: undefined };
    writeFileSync(join(cwd, "new.json"), dataset({ project: [project], risk: [{ ...risk, id: "RSK-NEW", projectId: "PRJ-NEW" }] }));
    const r = await run(["import", "new.json", "--db", "p.sqlite"], cwd);
    expect([r.code, r.err, r.out]).toEqual([0, "", "imported 1 project, 1 risk into p.sqlite\n"]);
  });

  it("a CSV of requirements naming a project the database does not hold: one warning naming every place", async () => {
    const cwd = temp();
    await seeded(cwd);
    const base = office.requirement.find((r) => r.projectId === "PRJ-CRM" && r.parentId === undefined && r.ownerId !== undefined);
    const good = decodeEntity("requirement", { ...base, sourceStakeholderId: undefined });
    const bad = (n: number) => decodeEntity("requirement", { ...base, id: `req-bad-${n}`, key: `FR-99${n}`, projectId: "PRJ-GONE", sourceStakeholderId: undefined });
    writeFileSync(join(cwd, "reqs.csv"), exportCsv("requirement", [good, bad(1), bad(2), bad(3), bad(4)]));
    const r = await run(["import", "reqs.csv", "--kind", "requirement", "--db", "p.sqlite"], cwd);
    expect([r.code, r.out, r.err]).toEqual([0, "imported 5 requirements into p.sqlite\n", "warning: reqs.csv: no project PRJ-GONE in the file or p.sqlite (4 places: record requirement[1] (req-bad-1) at projectId, record requirement[2] (req-bad-2) at projectId, record requirement[3] (req-bad-3) at projectId and 1 more)\n"]);
  });

  it("the sample office into an empty database: every reference is found in the file, no warning", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "office.json"), dataset(office));
    expect((await run(["init", "p.sqlite"], cwd)).code).toBe(0);
    const r = await run(["import", "office.json", "--db", "p.sqlite"], cwd);
    expect([r.code, r.err]).toEqual([0, ""]);
  });
});
