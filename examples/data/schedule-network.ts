/**
 * The sample office's schedule network: dependency links, constraints and deadlines of the packages and milestones,
 * the resources (named people, roles and skill pools with cost rates) and their assignments. `build-office.ts` merges
 * the links into the work packages and milestones it builds and writes the resources and assignments.
 *
 * Milestones that mark a package's completion follow it finish-to-finish (reached when the package finishes).
 *
 * The story: in CRM the DBA Olga Petrova is booked full time on the data migration and half time on the integrations
 * at once (an over-allocation levelling resolves); the go-live has a deadline of 2027-03-01; the consent module could
 * not start before the change request was approved (start no earlier than 2026-10-01). In WMS the rollout waits for
 * both the configuration and the late scanner delivery. Links cross projects once: the data centre's ERP wave (DCX
 * 4.3) cannot start before the e-invoicing go-live, so that the ERP is not moved while e-invoicing beds in.
 *
 * @module
 */
import type { WireOf } from "../../src/index.js";

type Link = NonNullable<WireOf<"work-package">["predecessors"]>[number];
type Constraint = NonNullable<WireOf<"work-package">["constraint"]>;

/** `pred` → this item, finish-to-start unless another type is given; `lag` in working days. */
function link(pred: string, type: Link["type"] = "FS", lag?: number): Link {
  return { predecessorId: pred, type, ...(lag === undefined ? {} : { lag: { kind: "working-days", days: String(lag) } }) };
}

/** The scheduling fields of one package or milestone. */
export interface NetworkFields {
  /** Its predecessors. */
  readonly predecessors?: Link[];
  /** Its date constraint. */
  readonly constraint?: Constraint;
  /** Its deadline. */
  readonly deadline?: string;
}

/** Scheduling fields by work package or milestone id. Summary packages (2, 4 …) carry none: they roll up. */
export const NETWORK: Readonly<Record<string, NetworkFields>> = {
  // CRM replacement
  "ms-crm-design": { predecessors: [link("wp-crm-2.1", "FF")] },
  "wp-crm-2.2": { predecessors: [link("wp-crm-2.1", "SS", 45)] },
  "wp-crm-2.3": { predecessors: [link("wp-crm-2.1", "SS", 65)] },
  "wp-crm-2.4": { predecessors: [link("ms-crm-design")], constraint: { kind: "snet", date: "2026-10-01" } },
  "wp-crm-3": { predecessors: [link("wp-crm-2.1", "SS", 65)] },
  "ms-crm-dry-run-1": { predecessors: [link("wp-crm-3", "SS", 95)] },
  "wp-crm-4.1": { predecessors: [link("wp-crm-2.2", "SS", 85)] },
  "ms-crm-build": { predecessors: [link("wp-crm-2.2"), link("wp-crm-2.3"), link("wp-crm-2.4")] },
  "wp-crm-4.2": { predecessors: [link("ms-crm-build", "FS", -15), link("wp-crm-4.1", "FF", 15)] },
  "ms-crm-uat": { predecessors: [link("wp-crm-4.2")] },
  "wp-crm-5": { predecessors: [link("wp-crm-4.1", "SS", 45)] },
  "wp-crm-6": { predecessors: [link("ms-crm-uat"), link("wp-crm-3", "FF", -5)] },
  "ms-crm-go-live": { predecessors: [link("wp-crm-6", "SS", 5), link("wp-crm-5", "FF")], deadline: "2027-03-01" },
  "ms-crm-hypercare-exit": { predecessors: [link("wp-crm-6")] },
  "ms-crm-close": { predecessors: [link("ms-crm-hypercare-exit", "FS", 24)] },
  // WMS upgrade
  "ms-wms-design": { predecessors: [link("wp-wms-2.1", "FF")] },
  "wp-wms-2.2": { predecessors: [link("ms-wms-design")] },
  "wp-wms-2.3": { predecessors: [link("wp-wms-2.1", "SS", 20)] },
  "wp-wms-2.4": { predecessors: [link("wp-wms-2.2", "SS")] },
  "ms-wms-scanners": { predecessors: [link("wp-wms-3")] },
  "ms-wms-config": { predecessors: [link("wp-wms-2.2"), link("wp-wms-2.3")] },
  "wp-wms-4.1": { predecessors: [link("ms-wms-config"), link("ms-wms-scanners")] },
  "ms-wms-pilot": { predecessors: [link("wp-wms-4.1", "SS", 5)] },
  "wp-wms-4.2": { predecessors: [link("wp-wms-4.1", "FS", 10)] },
  "wp-wms-5": { predecessors: [link("ms-wms-config", "FS", -20)] },
  "ms-wms-sites": { predecessors: [link("wp-wms-4.2")] },
  "ms-wms-close": { predecessors: [link("ms-wms-sites", "FS", 20)] },
  // E-invoicing
  "ms-einv-mapping": { predecessors: [link("wp-einv-2", "FF")] },
  "wp-einv-3": { predecessors: [link("wp-einv-2", "SS", 20)] },
  "ms-einv-provider": { predecessors: [link("wp-einv-3", "FF")] },
  "wp-einv-4.1": { predecessors: [link("ms-einv-mapping", "FS", -10)] },
  "wp-einv-4.2": { predecessors: [link("wp-einv-4.1", "SS", 10)] },
  "ms-einv-outbound": { predecessors: [link("wp-einv-4.1", "FF")] },
  "wp-einv-5": { predecessors: [link("ms-einv-provider"), link("wp-einv-4.1", "SS", 60)] },
  "wp-einv-6": { predecessors: [link("wp-einv-4.1", "SS", 85)] },
  "ms-einv-customers": { predecessors: [link("wp-einv-5")] },
  "wp-einv-7": { predecessors: [link("wp-einv-5", "FF", 10), link("ms-einv-outbound")] },
  "ms-einv-go-live": { predecessors: [link("wp-einv-7", "SS", 10)], deadline: "2026-12-31" },
  "ms-einv-close": { predecessors: [link("wp-einv-7")] },
  // Data centre exit
  "ms-dcx-discovery": { predecessors: [link("wp-dcx-2")] },
  "wp-dcx-3": { predecessors: [link("wp-dcx-2", "SS", 25)] },
  "wp-dcx-7": { predecessors: [link("wp-dcx-3", "SS")] },
  "ms-dcx-landing-zone": { predecessors: [link("wp-dcx-3"), link("wp-dcx-7")] },
  "wp-dcx-4.1": { predecessors: [link("ms-dcx-landing-zone"), link("ms-dcx-discovery")] },
  "ms-dcx-wave-1": { predecessors: [link("wp-dcx-4.1")] },
  "wp-dcx-4.2": { predecessors: [link("wp-dcx-4.1")] },
  "ms-dcx-wave-2": { predecessors: [link("wp-dcx-4.2")] },
  "wp-dcx-4.3": { predecessors: [link("wp-dcx-4.2"), link("ms-einv-go-live", "FS", 20)], constraint: { kind: "snet", date: "2027-09-01" } },
  "ms-dcx-erp": { predecessors: [link("wp-dcx-4.3")] },
  "wp-dcx-6": { predecessors: [link("wp-dcx-4.3")] },
  "ms-dcx-exit": { predecessors: [link("wp-dcx-6")], deadline: "2027-12-17" },
};

/** Where each open risk's delay lands when it occurs (schedule risk analysis). */
export const RISK_IMPACTS: Readonly<Record<string, string[]>> = {
  "RSK-CRM-001": ["wp-crm-3"],
  "RSK-CRM-002": ["wp-crm-4.2"],
  "RSK-WMS-002": ["wp-wms-2.2"],
  "RSK-WMS-003": ["wp-wms-4.2"],
  "RSK-DCX-001": ["wp-dcx-6"],
};

/**
 * Three-point estimates as factors of the planned working days (Monday to Friday between the planned dates):
 * [distribution, optimistic, pessimistic]. The most likely duration is the plan.
 */
const ESTIMATES: Readonly<Record<string, readonly ["pert" | "triangular", number, number]>> = {
  "wp-crm-2.3": ["pert", 0.95, 1.3],
  "wp-crm-2.4": ["triangular", 0.9, 1.4],
  "wp-crm-3": ["pert", 0.95, 1.35],
  "wp-crm-4.1": ["pert", 0.9, 1.25],
  "wp-crm-4.2": ["triangular", 0.9, 1.5],
  "wp-crm-5": ["pert", 0.9, 1.2],
  "wp-crm-6": ["triangular", 0.9, 1.3],
  "wp-wms-2.2": ["pert", 0.95, 1.3],
  "wp-wms-4.1": ["triangular", 0.9, 1.5],
  "wp-wms-4.2": ["pert", 0.9, 1.4],
  "wp-dcx-3": ["pert", 0.9, 1.3],
  "wp-dcx-4.2": ["pert", 0.9, 1.35],
  "wp-dcx-4.3": ["triangular", 0.9, 1.5],
};

/** The duration estimate of a package, from its planned weekdays and its factors (one decimal), if it has one. */
export function durationEstimateFor(id: string, start: string, finish: string): WireOf<"work-package">["durationEstimate"] {
  const e = ESTIMATES[id];
  if (!e) return undefined;
  let days = 0;
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${finish}T00:00:00Z`); t += 86_400_000) {
    const w = new Date(t).getUTCDay();
    if (w !== 0 && w !== 6) days++;
  }
  const r = (f: number) => (Math.round(days * f * 10) / 10).toFixed(1);
  return { kind: e[0], min: r(e[1]), mostLikely: String(days), max: r(e[2]) };
}

const T0 = "2026-01-05T09:00:00.000Z";
const stamp = { version: 1, createdAt: T0, updatedAt: T0 };
const rate = (from: string, euros: string) => ({ effectiveFrom: from, perHour: { amount: euros, currency: "EUR" } });

/** The resources: named people where a person is the constraint, roles and skill pools elsewhere. */
export function buildResources(): WireOf<"resource">[] {
  const person = (id: string, name: string, personId: string, skills: string[], euros: string): WireOf<"resource"> => ({
    id, ...stamp, name, type: "person", personId, skills, maxUnits: "1", costRates: [rate("2026-01-01", euros), rate("2027-01-01", String(Number(euros) + 4) + ".00")], active: true,
  });
  return [
    person("res-olga-petrova", "Olga Petrova (DBA)", "p-olga-petrova", ["dba", "sql", "data-migration"], "92.00"),
    person("res-marco-rossi", "Marco Rossi (Dynamics developer)", "p-marco-rossi", ["crm-dynamics", "integration"], "96.00"),
    person("res-lena-hoffmann", "Lena Hoffmann (integration developer)", "p-lena-hoffmann", ["integration", "java", "sap-fi"], "94.00"),
    person("res-aylin-yilmaz", "Aylin Yilmaz (QA)", "p-aylin-yilmaz", ["testing"], "78.00"),
    person("res-paul-richter", "Paul Richter (trainer)", "p-paul-richter", ["training", "change-management"], "72.00"),
    person("res-yusuf-demir", "Yusuf Demir (architect)", "p-yusuf-demir", ["architecture", "integration", "cloud"], "115.00"),
    {
      id: "res-brightline-consultants", ...stamp, name: "Brightline Dynamics consultants", type: "skill", skills: ["crm-dynamics"], maxUnits: "4",
      costRates: [{ effectiveFrom: "2026-01-01", perHour: { amount: "120.00", currency: "EUR" }, perUse: { amount: "1500.00", currency: "EUR" } }], active: true,
      notes: "Framework contract: up to four consultants at once; a one-off onboarding fee per engagement.",
    },
    {
      id: "res-business-analysts", ...stamp, name: "Business analysts", type: "role", skills: ["business-analysis"], maxUnits: "2",
      costRates: [rate("2026-01-01", "85.00")], active: true,
    },
    {
      id: "res-wms-consultants", ...stamp, name: "WMS vendor consultants", type: "skill", skills: ["wms"], maxUnits: "3",
      calendar: { name: "Vendor calendar (Poland)", workingWeekdays: [1, 2, 3, 4, 5], holidays: [{ date: "2026-12-24", name: "Wigilia" }] },
      costRates: [rate("2026-01-01", "110.00")], active: true,
    },
    {
      id: "res-cloud-engineers", ...stamp, name: "Cloud and network engineers", type: "skill", skills: ["cloud", "network"], maxUnits: "3",
      costRates: [rate("2026-01-01", "98.00")], active: true,
    },
  ];
}

/** Package × resource: units per working day, work in hours (units × 8 h × working days, rounded to the hour). */
const ASSIGNMENTS: readonly [project: string, wp: string, resource: string, units: string, hours: string, contour?: WireOf<"assignment">["contour"]][] = [
  ["PRJ-CRM", "wp-crm-2.1", "res-yusuf-demir", "1", "528"],
  ["PRJ-CRM", "wp-crm-2.1", "res-business-analysts", "1", "528"],
  ["PRJ-CRM", "wp-crm-2.2", "res-marco-rossi", "1", "1304"],
  ["PRJ-CRM", "wp-crm-2.2", "res-brightline-consultants", "2", "2608", "bell"],
  ["PRJ-CRM", "wp-crm-2.3", "res-lena-hoffmann", "1", "1336"],
  ["PRJ-CRM", "wp-crm-2.3", "res-olga-petrova", "0.5", "668"],
  ["PRJ-CRM", "wp-crm-2.4", "res-marco-rossi", "0.5", "348"],
  ["PRJ-CRM", "wp-crm-3", "res-olga-petrova", "1", "1528", "back-loaded"],
  ["PRJ-CRM", "wp-crm-4.1", "res-aylin-yilmaz", "1", "880"],
  ["PRJ-CRM", "wp-crm-4.2", "res-aylin-yilmaz", "0.5", "120"],
  ["PRJ-CRM", "wp-crm-4.2", "res-business-analysts", "1", "240"],
  ["PRJ-CRM", "wp-crm-5", "res-paul-richter", "1", "672", "back-loaded"],
  ["PRJ-CRM", "wp-crm-6", "res-brightline-consultants", "1", "200"],
  ["PRJ-WMS", "wp-wms-2.2", "res-wms-consultants", "2", "2400"],
  ["PRJ-WMS", "wp-wms-2.3", "res-lena-hoffmann", "0.5", "680"],
  ["PRJ-WMS", "wp-wms-4.1", "res-wms-consultants", "2", "960"],
  ["PRJ-WMS", "wp-wms-4.2", "res-wms-consultants", "3", "3120"],
  ["PRJ-DCX", "wp-dcx-3", "res-cloud-engineers", "2", "1360"],
  ["PRJ-DCX", "wp-dcx-4.1", "res-cloud-engineers", "2", "1040"],
  ["PRJ-DCX", "wp-dcx-4.2", "res-cloud-engineers", "3", "2040"],
  ["PRJ-DCX", "wp-dcx-4.3", "res-cloud-engineers", "3", "1032"],
  ["PRJ-DCX", "wp-dcx-4.3", "res-olga-petrova", "0.5", "172"],
  ["PRJ-EINV", "wp-einv-4.1", "res-lena-hoffmann", "0.5", "420"],
];

/** The assignments (`as-<package>-<resource>`). */
export function buildAssignments(): WireOf<"assignment">[] {
  return ASSIGNMENTS.map(([projectId, wp, res, units, work, contour]) => ({
    id: `as-${wp.slice(3)}-${res.slice(4)}`, ...stamp, projectId, workPackageId: wp, resourceId: res, units, work, contour: contour ?? "flat",
  }));
}
