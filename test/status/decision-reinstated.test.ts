import { describe, expect, it } from "vitest";
import { createMemoryAdapter, isoDate, isPmoError, type Decision } from "../../src/index.js";
import { pendingDecisions } from "../../src/status/index.js";
import { createPmo } from "../../src/services/index.js";
import { seedOffice } from "../services/office.js";

// A decision moved from superseded back to approved or rejected (reinstated) lost its `supersededOn`: the schema keeps
// it only with status superseded, and no closing entry was written, so views as of a day it was superseded judged it
// by its new decision. DEC-DCX-001 (proposed, recorded 2026-11-06) superseded on 2026-11-10, approved on 2026-11-20:
// before, pending as of 11-15 ("decided only on 2026-11-20"); now it keeps `closings: [{ supersededOn: "2026-11-10",
// reopenedOn: "2026-11-20" }]` and is not pending as of 11-15.

const NOW = "2026-11-20T09:00:00.000Z";
const d = (s: string) => isoDate(s);
async function office() {
  const adapter = createMemoryAdapter();
  await seedOffice(adapter, ["person", "project", "programme", "decision"]);
  return createPmo(adapter, { clock: () => NOW });
}
async function superseded() {
  const pmo = await office();
  await pmo.update("p-stefan-krause", "decision", "DEC-DCX-001", 1, { status: "superseded", supersededBy: "DEC-WMS-002", supersededOn: "2026-11-10" });
  return pmo;
}
function paths(p: Promise<unknown>): Promise<string[]> {
  return p.then(
    () => { throw new Error("accepted"); },
    (e: unknown) => {
      expect(isPmoError(e, "validation"), String(e)).toBe(true);
      return (e as { issues: { path: unknown[] }[] }).issues.map((i) => i.path.join("."));
    },
  );
}

describe("a decision superseded, then approved or rejected, keeps its supersession in closings", () => {
  it("DEC-DCX-001 superseded 11-10, approved 11-20: closings [{ supersededOn 11-10, reopenedOn 11-20 }]; pending as of 11-08, not as of 11-15 or 11-20", async () => {
    const pmo = await superseded();
    const dec = (await pmo.update("p-stefan-krause", "decision", "DEC-DCX-001", 2, {
      status: "approved", supersededBy: undefined, decidedBy: "p-stefan-krause", decidedOn: "2026-11-20", outcome: "One provider, two regions",
    })) as Decision;
    expect([dec.status, dec.supersededOn, dec.decidedOn, dec.closings]).toEqual(["approved", undefined, "2026-11-20", [{ supersededOn: "2026-11-10", supersededBy: "DEC-WMS-002", reopenedOn: "2026-11-20" }]]);
    // Proposed on 11-08 (recorded 11-06, superseded only 11-10); superseded on 11-15; approved on 11-20.
    expect(pendingDecisions([dec], { asOf: d("2026-11-08") }).map((x) => x.id)).toEqual(["DEC-DCX-001"]);
    expect(pendingDecisions([dec], { asOf: d("2026-11-15") }).map((x) => x.id)).toEqual([]);
    expect(pendingDecisions([dec], { asOf: d("2026-11-20") }).map((x) => x.id)).toEqual([]);
  });

  it("rejected alike; a decision day before the supersession it ends is refused at [decidedOn], nothing written", async () => {
    const pmo = await superseded();
    // decidedOn 11-08 ends the closing at the supersession (11-10, the latest day it keeps): 11-08 < 11-10.
    expect(await paths(pmo.update("p-stefan-krause", "decision", "DEC-DCX-001", 2, { status: "rejected", supersededBy: undefined, decidedBy: "p-stefan-krause", decidedOn: "2026-11-08" }))).toEqual(["decidedOn"]);
    const dec = (await pmo.update("p-stefan-krause", "decision", "DEC-DCX-001", 2, { status: "rejected", supersededBy: undefined, decidedBy: "p-stefan-krause", decidedOn: "2026-11-19" })) as Decision;
    expect([dec.status, dec.decidedOn, dec.closings]).toEqual(["rejected", "2026-11-19", [{ supersededOn: "2026-11-10", supersededBy: "DEC-WMS-002", reopenedOn: "2026-11-19" }]]);
    expect(pendingDecisions([dec], { asOf: d("2026-11-15") }).map((x) => x.id)).toEqual([]);
  });

  it("DEC-WMS-001 (approved 02-10 by p-henrik-larsen, superseded with no day) reinstated 11-20: its decision leaves for closings, decidedBy must be given anew", async () => {
    const pmo = await office();
    const seeded = await pmo.update("p-henrik-larsen", "decision", "DEC-WMS-001", 1, { description: "Pilot in Hamburg on 2026-11-02." });
    expect(seeded.version).toBe(2);
    // Without decidedBy: the earlier decider does not carry over to the new decision.
    expect(await paths(pmo.update("p-henrik-larsen", "decision", "DEC-WMS-001", 2, { status: "approved", supersededBy: undefined, decidedOn: "2026-11-20" }))).toEqual(["decidedBy"]);
    const dec = (await pmo.update("p-henrik-larsen", "decision", "DEC-WMS-001", 2, { status: "approved", supersededBy: undefined, decidedBy: "p-henrik-larsen", decidedOn: "2026-11-20" })) as Decision;
    // Superseded with no day: the first update (10-20 is the UTC day of its seeded updatedAt) wrote supersededOn 10-20.
    expect(dec.closings).toEqual([{ decidedOn: "2026-02-10", decidedBy: "p-henrik-larsen", outcome: "Pilot 2026-11-02", supersededOn: "2026-10-20", supersededBy: "DEC-WMS-002", reopenedOn: "2026-11-20" }]);
    // Decided (then superseded) all along from 02-10: not pending as of 06-01, pending as of 02-05.
    expect(pendingDecisions([dec], { asOf: d("2026-06-01") }).map((x) => x.id)).toEqual([]);
    expect(pendingDecisions([dec], { asOf: d("2026-02-05") }).map((x) => x.id)).toEqual(["DEC-WMS-001"]);
  });
});
