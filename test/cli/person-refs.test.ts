import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { PERSON_FIELDS, unknownPeople } from "../../src/cli/person-refs.js";

// The table of person fields is checked against real records: with the sample office's people replaced by one
// stranger, every reference of the sample is reported, so every path of the table that the sample fills is found
// (a misspelt path would silently check nothing).
const office = loadSampleOffice() as unknown as Record<string, unknown[]>;

describe("validate's person references", () => {
  it("every person field the sample office fills is read at its path", () => {
    const issues = unknownPeople({ ...office, person: [{ id: "p-stranger" }] } as never);
    const fields = new Set(issues.map((i) => `${String(i.path[1])}:${i.path.slice(3).map((p) => (typeof p === "number" ? "*" : p)).join(".")}`));
    const table = Object.entries(PERSON_FIELDS).flatMap(([kind, paths]) => paths.map((p) => `${kind}:${p}`));
    // Fields the sample leaves empty: no manager on a person, no closings, no gate votes or decision yet.
    const unfilled = ["person:managerId", "change-request:closings.*.decidedBy", "decision:closings.*.decidedBy", "gate:approvals.*.personId", "gate:decision.decidedBy"];
    expect([...fields].sort()).toEqual(table.filter((f) => !unfilled.includes(f)).sort());
    // The stranger's own record refers to no one; each issue names the id it did not find.
    expect(issues.every((i) => /^no person \S+ in the file$/.test(i.message) && !i.message.includes("p-stranger"))).toBe(true);
  });

  it("the sample's own people resolve every reference; a file without people is not checked", () => {
    expect(unknownPeople(office as never)).toEqual([]);
    expect(unknownPeople({ risk: office["risk"] } as never)).toEqual([]);
  });
});
