import { describe, expect, it } from "vitest";
import { decodeEntity, entityKindNames, ValidationError, type EntityKind } from "../../src/index.js";
import { importDataset } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";

// A record missing a required field said "Invalid input: expected string, received undefined" (zod's words for a
// value of the wrong type), so a user could not tell the field was simply absent. decodeWith gives zod one error map
// for every schema: an absent field reads "required field is missing" at its path; zod's other messages, and a
// schema's own, are kept.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const office = loadSampleOffice() as unknown as Record<EntityKind, any[]>;
const MISSING = "required field is missing";

function issuesOf(kind: EntityKind, wire: unknown): { path: string; message: string; code: string }[] {
  try {
    decodeEntity(kind, wire);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code }));
  }
  throw new Error(`${kind}: expected a ValidationError`);
}

const without = (record: Record<string, unknown>, key: string): Record<string, unknown> => {
  const copy = structuredClone(record);
  delete copy[key];
  return copy;
};

describe("a missing required field reads as missing, for every entity kind", () => {
  it("risk without ownerId, issue without title, work package without projectId: one issue, at the field", () => {
    expect(issuesOf("risk", without(office.risk[0], "ownerId"))).toEqual([{ path: "ownerId", message: MISSING, code: "invalid_type" }]);
    expect(issuesOf("issue", without(office.issue[0], "title"))).toEqual([{ path: "title", message: MISSING, code: "invalid_type" }]);
    expect(issuesOf("work-package", without(office["work-package"][0], "projectId"))).toEqual([{ path: "projectId", message: MISSING, code: "invalid_type" }]);
  });

  it("an enum, a money object and a nested field (zod's codes kept, the message says missing)", () => {
    // status is an enum: zod said 'Invalid option: expected one of "identified"|…', which does not say it is absent.
    expect(issuesOf("risk", without(office.risk[0], "status"))).toEqual([{ path: "status", message: MISSING, code: "invalid_value" }]);
    const project = structuredClone(office.project.find((p) => p.stakeholders.length > 0));
    delete project.stakeholders[0].personId;
    expect(issuesOf("project", project)).toEqual([{ path: "stakeholders.0.personId", message: MISSING, code: "invalid_type" }]);
    const cost = structuredClone(office["cost-entry"][0]);
    delete cost.amount.currency;
    expect(issuesOf("cost-entry", cost)).toEqual([{ path: "amount.currency", message: MISSING, code: expect.any(String) }]);
  });

  it("every kind of the sample office: each top-level field whose absence is refused by type says it is missing", () => {
    let checked = 0;
    const kinds = new Set<string>();
    for (const kind of entityKindNames()) {
      const record = office[kind]?.[0];
      if (record === undefined) continue;
      for (const key of Object.keys(record)) {
        let issues: { path: string; message: string; code: string }[];
        try {
          decodeEntity(kind, without(record, key));
          continue; // optional or defaulted
        } catch (e) {
          issues = (e as ValidationError).issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code }));
        }
        // A refinement's own words (a waived item needs a waiver) are custom issues; zod's type refusals are not.
        for (const i of issues.filter((x) => x.path === key && x.code !== "custom")) {
          expect(`${kind}.${i.path}: ${i.message}`).toBe(`${kind}.${key}: ${MISSING}`);
          checked++;
          kinds.add(kind);
        }
      }
    }
    // Every kind has at least its id, version, createdAt and updatedAt required.
    expect(kinds.size).toBe(entityKindNames().filter((k) => office[k]?.[0] !== undefined).length);
    expect(checked).toBeGreaterThanOrEqual(4 * kinds.size);
  });

  it("zod's other messages are kept: a wrong type, a bad date", () => {
    expect(issuesOf("risk", { ...office.risk[0], ownerId: 5 })).toEqual([{ path: "ownerId", message: "Invalid input: expected string, received number", code: "invalid_type" }]);
    expect(issuesOf("risk", { ...office.risk[0], ownerId: null })).toEqual([{ path: "ownerId", message: "Invalid input: expected string, received null", code: "invalid_type" }]);
  });

  it("a dataset file says the same, at records.<kind>[i].<field>", () => {
    const text = JSON.stringify({ format: "pmokit-dataset", formatVersion: 1, records: { risk: [without(office.risk[0], "title")] } });
    let error: unknown;
    try {
      importDataset(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: ["records", "risk", 0, "title"], message: MISSING, code: "invalid_type" }]);
  });
});
