import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { dataset, run, temp } from "./run.js";

// `pmokit trace` and OpenFastTrace's revision statuses: the library's result lists every link that pins a revision of
// its target (`linkRevisions`: covers / outdated / predated, with both revisions); before, the command printed none of
// them and its JSON had no `linkRevisions`, so a link made against an older revision went unseen.

describe("trace prints outdated and predated links", () => {
  const office = loadSampleOffice();
  const base = { version: 1, createdAt: "2026-03-09T10:00:00.000Z", updatedAt: "2026-03-09T10:00:00.000Z" };
  const { audiences: _a, parentId: _p, ...tr001 } = (office.requirement as Record<string, unknown>[]).find((r) => r.id === "TR-001")!;
  // TR-901 is at revision 2.
  const transition = { ...tr001, id: "TR-901", key: "TR-901", revision: 2 };
  const artifact = (id: string) => ({ ...(office.artifact as Record<string, unknown>[])[0], id, artifactType: "document", name: `Document ${id}` });
  const satisfies = (from: string, targetRevision: number) => ({ ...base, id: `tl-${from}`, from: { kind: "artifact", id: from }, to: { kind: "requirement", id: "TR-901" }, linkType: "satisfies", targetRevision });
  const trace = async (links: Record<string, unknown>[], json: boolean) => {
    const cwd = temp();
    const records = { person: office.person, portfolio: office.portfolio, programme: office.programme, project: office.project, requirement: [transition], artifact: links.map((l) => artifact((l.from as { id: string }).id)), "trace-link": links };
    writeFileSync(join(cwd, "office.json"), dataset(records));
    expect((await run(["init", "t.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", "office.json", "--db", "t.sqlite"], cwd)).code).toBe(0);
    return run(["trace", "--db", "t.sqlite", ...(json ? ["--json"] : [])], cwd);
  };

  it("JSON: linkRevisions with both revisions, as the library reports them", async () => {
    // art-a pins revision 1 of TR-901 (now 2): outdated; art-b pins 3 (does not exist yet): predated; art-c pins 2: covers.
    const r = await trace([satisfies("art-a", 1), satisfies("art-b", 3), satisfies("art-c", 2)], true);
    const j = JSON.parse(r.out) as { linkRevisions: unknown[]; uncovered: string[] };
    expect(j.linkRevisions).toEqual([
      { link: "tl-art-a", from: "artifact:art-a", to: "requirement:TR-901", linkType: "satisfies", status: "outdated", linkRevision: 1, itemRevision: 2 },
      { link: "tl-art-b", from: "artifact:art-b", to: "requirement:TR-901", linkType: "satisfies", status: "predated", linkRevision: 3, itemRevision: 2 },
      { link: "tl-art-c", from: "artifact:art-c", to: "requirement:TR-901", linkType: "satisfies", status: "covers", linkRevision: 2, itemRevision: 2 },
    ]);
    // art-c still covers TR-901, so nothing is uncovered; the two stale links are findings of their own: exit 1.
    expect([r.code, j.uncovered]).toEqual([1, []]);
  });

  it("text: one line per outdated or predated link (none for a link at the current revision)", async () => {
    const r = await trace([satisfies("art-a", 1), satisfies("art-b", 3), satisfies("art-c", 2)], false);
    expect(r.code).toBe(1);
    expect(r.out.split("\n").filter((l) => /dated/.test(l))).toEqual([
      "outdated tl-art-a (art-a satisfies TR-901): pins revision 1, TR-901 is at revision 2",
      "predated tl-art-b (art-b satisfies TR-901): pins revision 3, TR-901 is at revision 2",
    ]);
  });

  it("a link at the current revision only: exit 0 and no revision line", async () => {
    const r = await trace([satisfies("art-c", 2)], false);
    expect([r.code, r.out.includes("dated")]).toEqual([0, false]);
  });
});

describe("trace JSON names the items of each level in a loop of covering links", () => {
  it("every level carries inCycle (the default rules allow no covering loop, so it is empty here)", async () => {
    // Before: a level's JSON had no inCycle, so items in a loop were counted in `items` and named nowhere.
    const cwd = temp();
    expect((await run(["init", "e.sqlite"], cwd)).code).toBe(0);
    const j = JSON.parse((await run(["trace", "--db", "e.sqlite", "--json"], cwd)).out) as { levels: { type: string; inCycle: unknown }[] };
    expect(j.levels.map((l) => [l.type, l.inCycle])).toEqual([["business", []], ["functional", []], ["non-functional", []], ["stakeholder", []], ["test-case", []], ["transition", []]]);
  });
});
