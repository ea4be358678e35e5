/**
 * The sample office's records, embedded: each `examples/data/<kind>.json` is bundled into the `pmokit/office` build,
 * so the sample loads the same way from a source checkout, the ESM and the CJS build, a browser or a worker — no
 * file system, no path relative to a module that bundling moves.
 *
 * @module
 */
import person from "../../examples/data/person.json" with { type: "json" };
import resource from "../../examples/data/resource.json" with { type: "json" };
import portfolio from "../../examples/data/portfolio.json" with { type: "json" };
import programme from "../../examples/data/programme.json" with { type: "json" };
import request from "../../examples/data/request.json" with { type: "json" };
import project from "../../examples/data/project.json" with { type: "json" };
import workPackage from "../../examples/data/work-package.json" with { type: "json" };
import milestone from "../../examples/data/milestone.json" with { type: "json" };
import assignment from "../../examples/data/assignment.json" with { type: "json" };
import baseline from "../../examples/data/baseline.json" with { type: "json" };
import costEntry from "../../examples/data/cost-entry.json" with { type: "json" };
import risk from "../../examples/data/risk.json" with { type: "json" };
import issue from "../../examples/data/issue.json" with { type: "json" };
import decision from "../../examples/data/decision.json" with { type: "json" };
import changeRequest from "../../examples/data/change-request.json" with { type: "json" };
import action from "../../examples/data/action.json" with { type: "json" };
import statusReport from "../../examples/data/status-report.json" with { type: "json" };
import requirement from "../../examples/data/requirement.json" with { type: "json" };
import artifact from "../../examples/data/artifact.json" with { type: "json" };
import testCase from "../../examples/data/test-case.json" with { type: "json" };
import testRun from "../../examples/data/test-run.json" with { type: "json" };
import defect from "../../examples/data/defect.json" with { type: "json" };
import traceLink from "../../examples/data/trace-link.json" with { type: "json" };
import acknowledgement from "../../examples/data/acknowledgement.json" with { type: "json" };
import rolloutPlan from "../../examples/data/rollout-plan.json" with { type: "json" };
import gate from "../../examples/data/gate.json" with { type: "json" };
import checklistItem from "../../examples/data/checklist-item.json" with { type: "json" };
import serviceOutage from "../../examples/data/service-outage.json" with { type: "json" };
import auditEvent from "../../examples/data/audit-event.json" with { type: "json" };

/** The wire records of every kind of the sample office, as the JSON files hold them (shared: copy before handing out). */
export const SAMPLE_WIRE: Readonly<Record<string, readonly unknown[]>> = {
  "person": person,
  "resource": resource,
  "portfolio": portfolio,
  "programme": programme,
  "request": request,
  "project": project,
  "work-package": workPackage,
  "milestone": milestone,
  "assignment": assignment,
  "baseline": baseline,
  "cost-entry": costEntry,
  "risk": risk,
  "issue": issue,
  "decision": decision,
  "change-request": changeRequest,
  "action": action,
  "status-report": statusReport,
  "requirement": requirement,
  "artifact": artifact,
  "test-case": testCase,
  "test-run": testRun,
  "defect": defect,
  "trace-link": traceLink,
  "acknowledgement": acknowledgement,
  "rollout-plan": rolloutPlan,
  "gate": gate,
  "checklist-item": checklistItem,
  "service-outage": serviceOutage,
  "audit-event": auditEvent,
};
