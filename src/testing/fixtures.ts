import type { StoredRecord } from "../storage/port.js";

/** @internal Instants the kit stamps on records it writes directly through a store. */
export const T0 = "2026-01-05T09:00:00.000Z";

/** @internal A valid `person` wire record. */
export function personRecord(
  id: string,
  fields: { name?: string; roles?: string[]; power?: number; organisationUnit?: string; version?: number } = {},
): StoredRecord {
  const rec: Record<string, unknown> = {
    id,
    version: fields.version ?? 1,
    createdAt: T0,
    updatedAt: T0,
    name: fields.name ?? `Person ${id}`,
    roles: fields.roles ?? ["developer"],
    skills: [],
    active: true,
  };
  if (fields.power !== undefined) rec["power"] = fields.power;
  if (fields.organisationUnit !== undefined) rec["organisationUnit"] = fields.organisationUnit;
  return rec as StoredRecord;
}

/** @internal The filter data set: eight people whose expected matches are written out by hand in the suite. */
export const FILTER_PEOPLE: readonly StoredRecord[] = [
  personRecord("p01", { name: "Ana Costa", roles: ["sponsor"], power: 5, organisationUnit: "Sales" }),
  personRecord("p02", { name: "Ben Okafor", roles: ["project-manager"], power: 3, organisationUnit: "IT" }),
  personRecord("p03", { name: "Chen Wei", roles: ["developer", "dba"], power: 2, organisationUnit: "IT" }),
  personRecord("p04", { name: "Dana Levi", roles: ["qa"], power: 1, organisationUnit: "IT" }),
  personRecord("p05", { name: "Eva Novak", roles: ["business-analyst"], power: 3, organisationUnit: "Finance" }),
  personRecord("p06", { name: "Femi Adeyemi", roles: ["operations"], power: 4 }),
  personRecord("p07", { name: "Gus Berg", roles: ["help-desk", "trainer"], power: 2, organisationUnit: "Support" }),
  personRecord("p08", { name: "Hana Sato", roles: ["developer"], power: 5, organisationUnit: "IT" }),
];
