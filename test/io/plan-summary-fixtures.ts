import { decodeEntity } from "../../src/index.js";
import { loadSampleOffice } from "../../examples/office.js";

/*
 * Builders for the summary-task tests of scheduleInputFromPlan: the sample office's CRM project, and work packages and
 * milestones on it (every package planned Mon 2027-01-04 – Fri 01-08, its unlinked SNET anchor).
 */
const office = loadSampleOffice();

/** The CRM project, decoded, as scheduleInputFromPlan's `projects`. */
export const crm = [decodeEntity("project", office.project.find((p) => (p as { id: string }).id === "PRJ-CRM"))];

const raw = (office["work-package"] as Record<string, unknown>[]).find((r) => r.id === "wp-crm-3")!;

/** A package builder whose codes count up from `firstCode` (codes are unique within a plan). */
export function packageBuilder(firstCode: number) {
  let code = firstCode;
  return (id: string, extra: Record<string, unknown>) => {
    const { actualStart: _s, actualFinish: _f, durationDays: _d, predecessors: _p, parentId: _q, ...rest } = raw;
    return decodeEntity("work-package", {
      ...rest, id, code: String(code++), plannedStart: "2027-01-04", plannedFinish: "2027-01-08", progress: [], earningRule: { type: "percent-complete" }, timePhasedBudget: [], ...extra,
    });
  };
}

/** A milestone on the CRM project. */
export const milestone = (id: string, extra: Record<string, unknown>) =>
  decodeEntity("milestone", { id, version: 1, createdAt: "2026-01-05T09:00:00.000Z", updatedAt: "2026-01-05T09:00:00.000Z", projectId: "PRJ-CRM", name: id, key: false, ...extra });
