import { describe, expect, it } from "vitest";
import { sampleOfficeRecords } from "../../src/office/index.js";
import { HEAVY, importIntoFreshDatabase, run, temp } from "./run.js";

// `pmokit score` printed each request by its id only: the sample's ids happen to be its keys, but an imported request's
// id is the tool's number or UUID, which names nothing. A line now gives the key (the id when there is none) and the title.
describe("pmokit score names requests by key and title", () => {
  it("an imported request with a tool's id is printed by its key, with its title", async () => {
    const office = sampleOfficeRecords();
    // REQ-2027-007 under a tracker's UUID (no other request depends on it); the rest of the sample's intake unchanged.
    const request = office.request.map((r) => (r.id === "REQ-2027-007" ? { ...r, id: "0f9c2b7e-5d41-4a8e-9b1c-2e7f6a3d8c10" } : r));
    const cwd = temp();
    const { init, imported } = await importIntoFreshDatabase(cwd, { person: office.person, portfolio: office.portfolio, request });
    expect([init, imported.code]).toEqual([0, 0]);
    const r = await run(["score", "--db", "p.sqlite", "--as-of", "2026-11-20"], cwd);
    const lines = r.out.split("\n");
    // Ranks and scores as before (0.682, 0.659, 0.591 for REQ-2027-002, -001, -007: docs/prioritization.md's table at
    // three places); the titles are those of examples/data/request.json.
    expect(lines[1]).toBe("  2  REQ-2027-002   scored     0.682  Route optimisation for last-mile delivery");
    expect(lines[3]).toBe("  4  REQ-2027-007   scored     0.591  Immutable backup and restore testing");
    expect(r.out).not.toContain("0f9c2b7e");
    // JSON keeps the id, as every other command's JSON does.
    const json = JSON.parse((await run(["score", "--db", "p.sqlite", "--as-of", "2026-11-20", "--json"], cwd)).out) as { rank: number; request: string }[];
    expect(json.find((e) => e.rank === 4)?.request).toBe("0f9c2b7e-5d41-4a8e-9b1c-2e7f6a3d8c10");
  }, HEAVY);
});
