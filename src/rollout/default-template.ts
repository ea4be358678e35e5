import type { z } from "zod";
import type { personRoleSchema } from "../entities/index.js";
import { decodeRolloutTemplate, type RolloutTemplate, type RolloutTemplateEntryInput } from "./template.js";

/*
 * The default IT rollout template. Item content follows the sources in docs/rollout.md (ITIL 4 release and
 * deployment, Microsoft's go-live checklist, Google's launch checklist, ServiceNow change and CAB, ITIL early-life
 * support); the offsets, owners and blocking flags are pmokit defaults that no standard sets.
 */

type PersonRole = z.output<typeof personRoleSchema>;

type Row = Omit<RolloutTemplateEntryInput, "raci"> & { accountable: PersonRole; responsible?: PersonRole[] };

function row(r: Row): RolloutTemplateEntryInput {
  const { accountable, responsible, ...rest } = r;
  const resp = responsible ?? [r.ownerRole];
  return {
    ...rest,
    raci: [
      ...resp.filter((x) => x !== accountable).map((role) => ({ role, raci: "responsible" as const })),
      { role: accountable, raci: "accountable" as const },
    ],
  };
}

const ROWS: readonly Row[] = [
  // Governance and scope
  { id: "gov-scope", code: "GOV-01", title: "Release scope and rollout plan agreed and signed off by stakeholders", phase: "initiate", category: "governance", ownerRole: "project-manager", accountable: "sponsor", tMinusDays: 30, blocking: true, evidenceRequired: "Signed scope and plan (steering committee minutes)" },
  { id: "com-plan", code: "COM-01", title: "Stakeholder register and communications plan approved", phase: "initiate", category: "communications", ownerRole: "pmo-analyst", accountable: "project-manager", tMinusDays: 25, blocking: false, dependsOn: ["gov-scope"], evidenceRequired: "Link to the approved communications plan" },
  { id: "chg-request", code: "CHG-01", title: "Change request raised, risk assessed, blackout and conflict check clean", phase: "prepare", category: "governance", ownerRole: "change-manager", accountable: "change-manager", tMinusDays: 25, blocking: true, dependsOn: ["gov-scope"], evidenceRequired: "Change request link with risk assessment" },
  // Testing
  { id: "tst-exit", code: "TST-01", title: "SIT, UAT and performance tests done; test exit criteria signed off by the business", phase: "test", category: "testing", ownerRole: "qa", accountable: "product-owner", tMinusDays: 15, blocking: true, dependsOn: ["gov-scope"], evidenceRequired: "Signed test exit report", evidenceRule: { all: [{ fact: "defects.openCritical", op: "=", threshold: "0" }, { fact: "defects.openHigh", op: "=", threshold: "0" }] } },
  // Training
  { id: "trn-announce", code: "TRN-01", title: "Training announced and readiness survey sent", phase: "prepare", category: "training", ownerRole: "change-manager", accountable: "change-manager", tMinusDays: 15, blocking: false, dependsOn: ["com-plan"], evidenceRequired: "Link to the announcement and the survey" },
  { id: "trn-materials", code: "TRN-02", title: "Training materials complete (guides, videos, sandbox exercises)", phase: "prepare", category: "training", ownerRole: "trainer", accountable: "change-manager", tMinusDays: 12, blocking: true, evidenceRequired: "Training materials approved by the product owner" },
  { id: "trn-key-users", code: "TRN-03", title: "Key users trained first (train the trainer)", phase: "prepare", category: "training", ownerRole: "trainer", accountable: "change-manager", tMinusDays: 10, blocking: true, dependsOn: ["trn-materials"], evidenceRequired: "Attendance of at least 90% of key users", evidenceRule: { all: [{ fact: "training.keyUsers.completionPercent", op: ">=", threshold: "90" }] } },
  { id: "trn-sessions", code: "TRN-04", title: "Training sessions delivered per audience before its wave", phase: "prepare", category: "training", ownerRole: "trainer", accountable: "change-manager", tMinusDays: 5, blocking: false, dependsOn: ["trn-key-users", "trn-announce"], evidenceRequired: "Attendance per audience", evidenceRule: { all: [{ fact: "training.endUsers.completionPercent", op: ">=", threshold: "90" }] } },
  // Distribution and installation
  { id: "dst-package", code: "DST-01", title: "Installation package built, signed and loaded into the distribution tool", phase: "prepare", category: "distribution-installation", ownerRole: "operations", accountable: "operations", tMinusDays: 12, blocking: true, dependsOn: ["chg-request"], evidenceRequired: "Package id and version in the distribution tool" },
  { id: "dst-pilot", code: "DST-02", title: "Pilot ring deployed; deployment approach (phased, pull or big bang) chosen", phase: "deploy", category: "distribution-installation", ownerRole: "operations", accountable: "operations", tMinusDays: 10, blocking: true, dependsOn: ["dst-package", "tst-exit"], evidenceRequired: "Pilot ring install success of at least 95%", evidenceRule: { all: [{ fact: "distribution.pilot.installSuccessPercent", op: ">=", threshold: "95" }] } },
  // Help desk
  { id: "hlp-kb", code: "HLP-01", title: "Knowledge articles published for the service desk and self-service", phase: "prepare", category: "help-desk", ownerRole: "help-desk", accountable: "operations", tMinusDays: 10, blocking: true, evidenceRequired: "At least 20 knowledge articles published", evidenceRule: { all: [{ fact: "helpDesk.knowledgeArticles.published", op: ">=", threshold: "20" }] } },
  { id: "hlp-triage", code: "HLP-02", title: "Triage scripts and escalation paths to second and third line ready", phase: "prepare", category: "help-desk", ownerRole: "help-desk", accountable: "operations", tMinusDays: 10, blocking: true, evidenceRequired: "Link to the triage scripts" },
  { id: "hlp-categories", code: "HLP-03", title: "Ticket categories and assignment groups configured in the service desk tool", phase: "prepare", category: "help-desk", ownerRole: "help-desk", accountable: "operations", tMinusDays: 10, blocking: true, evidenceRequired: "Configuration change record" },
  { id: "hlp-staffing", code: "HLP-04", title: "Service desk staffing plan for go-live and hypercare", phase: "prepare", category: "help-desk", ownerRole: "help-desk", accountable: "operations", tMinusDays: 10, blocking: true, evidenceRequired: "Staffing roster" },
  { id: "hlp-support-plan", code: "HLP-05", title: "Support plan signed by the service owner", phase: "prepare", category: "help-desk", ownerRole: "help-desk", accountable: "operations", tMinusDays: 8, blocking: true, dependsOn: ["hlp-kb", "hlp-triage", "hlp-categories", "hlp-staffing"], evidenceRequired: "Signed support plan" },
  // Communications
  { id: "com-dept-heads", code: "COM-02", title: "Department heads told the date and asked to confirm", phase: "prepare", category: "communications", ownerRole: "pmo-analyst", accountable: "project-manager", tMinusDays: 8, blocking: false, dependsOn: ["com-plan"], evidenceRequired: "Replies from department heads" },
  { id: "com-all-users", code: "COM-03", title: "All-user notice with preparation steps and support routes", phase: "deploy", category: "communications", ownerRole: "change-manager", accountable: "project-manager", tMinusDays: 5, blocking: false, dependsOn: ["com-dept-heads", "hlp-support-plan"], evidenceRequired: "Link to the notice" },
  // Change approval, access, rollback, cutover rehearsal
  { id: "chg-cab", code: "CHG-02", title: "CAB approval of the change", phase: "prepare", category: "governance", ownerRole: "change-manager", accountable: "change-manager", tMinusDays: 7, blocking: true, dependsOn: ["chg-request", "tst-exit"], evidenceRequired: "CAB approval record" },
  { id: "acc-licences", code: "ACC-01", title: "Licences and security roles assigned to every user of the first waves", phase: "prepare", category: "access", ownerRole: "security", accountable: "security", tMinusDays: 5, blocking: true, evidenceRequired: "Licence and role assignment report" },
  { id: "rbk-tested", code: "RBK-01", title: "Rollback tested; kill switch or feature flag works", phase: "test", category: "rollback", ownerRole: "developer", accountable: "architect", tMinusDays: 5, blocking: true, dependsOn: ["dst-package"], evidenceRequired: "Rollback test record" },
  { id: "cut-rehearsal", code: "CUT-01", title: "Cutover runbook rehearsed (order, timings, verification steps)", phase: "test", category: "cutover", ownerRole: "operations", accountable: "project-manager", tMinusDays: 3, blocking: true, dependsOn: ["rbk-tested"], evidenceRequired: "Rehearsal log with timings" },
  { id: "com-bu-confirm", code: "COM-04", title: "Readiness confirmed with each business unit", phase: "deploy", category: "communications", ownerRole: "pmo-analyst", accountable: "project-manager", tMinusDays: 3, blocking: false, dependsOn: ["com-all-users"], evidenceRequired: "Replies from each business unit" },
  // Go/no-go and cutover
  { id: "gng-meeting", code: "GNG-01", title: "Go/no-go meeting: every blocking item closed or waived", phase: "deploy", category: "governance", ownerRole: "project-manager", accountable: "sponsor", tMinusDays: 2, blocking: true, dependsOn: ["chg-cab", "tst-exit", "dst-pilot", "hlp-support-plan", "trn-key-users", "acc-licences", "rbk-tested", "cut-rehearsal"], evidenceRequired: "Go/no-go decision record" },
  { id: "com-reminder", code: "COM-05", title: "Final reminder to all users", phase: "deploy", category: "communications", ownerRole: "change-manager", accountable: "project-manager", tMinusDays: 1, blocking: false, dependsOn: ["gng-meeting"], evidenceRequired: "Link to the reminder" },
  { id: "cut-run", code: "CUT-02", title: "Run the cutover in sequence", phase: "cutover", category: "cutover", ownerRole: "operations", accountable: "project-manager", anchor: "cutover-start", tMinusDays: 0, blocking: true, dependsOn: ["gng-meeting"], evidenceRequired: "Cutover log" },
  { id: "cut-checkpoint", code: "CUT-03", title: "Cutover exit criteria met and signed off at the checkpoint", phase: "cutover", category: "cutover", ownerRole: "project-manager", accountable: "sponsor", tMinusDays: 0, blocking: true, dependsOn: ["cut-run"], evidenceRequired: "Signed cutover checkpoint" },
  // Hypercare, hand-over, review
  { id: "dst-waves", code: "DST-03", title: "Remaining waves installed", phase: "hypercare", category: "distribution-installation", ownerRole: "operations", accountable: "operations", tMinusDays: -10, blocking: true, dependsOn: ["cut-checkpoint"], evidenceRequired: "Install success of at least 95% across the waves", evidenceRule: { all: [{ fact: "distribution.waves.installSuccessPercent", op: ">=", threshold: "95" }] } },
  { id: "hyp-daily", code: "HYP-01", title: "Hypercare: daily incident and KPI review with extra incident and problem staff", phase: "hypercare", category: "hypercare", ownerRole: "operations", accountable: "operations", tMinusDays: -1, blocking: false, dependsOn: ["cut-checkpoint"], evidenceRequired: "Daily hypercare reports" },
  { id: "hyp-exit", code: "HYP-02", title: "Early-life support exit criteria met (users can work, SLAs met, training and knowledge transfer done)", phase: "hypercare", category: "hypercare", ownerRole: "operations", accountable: "operations", responsible: ["operations", "help-desk"], anchor: "hypercare-end", tMinusDays: 0, blocking: true, dependsOn: ["hyp-daily", "dst-waves"], evidenceRequired: "Signed ELS exit report" },
  { id: "ops-handover", code: "OPS-01", title: "Hand-over to operations (business as usual)", phase: "close", category: "operations", ownerRole: "operations", accountable: "operations", anchor: "hypercare-end", tMinusDays: -1, blocking: true, dependsOn: ["hyp-exit"], evidenceRequired: "Signed operational acceptance" },
  { id: "cls-pir", code: "CLS-01", title: "Post-implementation review and lessons learned", phase: "close", category: "governance", ownerRole: "project-manager", accountable: "sponsor", anchor: "hypercare-end", tMinusDays: -10, blocking: false, dependsOn: ["ops-handover"], evidenceRequired: "Post-implementation review document" },
];

/**
 * The complete default IT rollout template: 31 items from scope sign-off (T-30) through training, distribution,
 * help-desk preparation, access, rollback, cutover rehearsal, go/no-go (T-2), cutover (T0), hypercare and
 * hand-over to the post-implementation review. Offsets are business days before the anchor (go-live unless stated).
 *
 * @example
 * ```ts
 * const schedule = scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, { goLive: isoDate("2027-03-01"), calendar: office });
 * schedule.items.find((i) => i.code === "GNG-01")?.dueDate; // two working days before go-live
 * ```
 */
export const DEFAULT_IT_ROLLOUT_TEMPLATE: RolloutTemplate = deepFreeze(
  decodeRolloutTemplate({ id: "tpl-it-rollout", name: "Default IT rollout", version: "1", entries: ROWS.map(row) }),
);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) if (typeof v === "object" && v !== null && !("toFixed" in v)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
