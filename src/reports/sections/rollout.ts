import { checkArguments, checkOptionKeys, addDays, toEpochDay, ValidationError, type IsoDate } from "../../core/index.js";
import { GATE_OUTCOME_TEXT } from "./gate-outcome.js";
import { checklistPhaseSchema, type ChecklistItem } from "../../entities/index.js";
import { readinessProgress, type GateEvaluation, type ReadinessCount, type ReadinessProgress, type RolloutFacts, type WaveProgress } from "../../rollout/index.js";
import { readinessBurnDownChart } from "../charts/burn-down.js";
import { toneCell, type CellValue } from "../cells.js";
import type { ReportBlock, ReportSection } from "../report.js";
import { byCodePoint, chartFile, percent, personName, type PeopleNames } from "./shared.js";

/** One point of a readiness burn-down: applicable checklist items not yet done on a day. */
export interface OpenItemsPoint {
  /** The day. */
  readonly date: IsoDate;
  /** Items still to do (applicable − done) on that day. */
  readonly value: number;
}

/**
 * The readiness burn-down series: for each day from `from` to `to` every `stepDays`, how many applicable checklist
 * items were not done yet, judged as `readinessProgress` judges them on that day (an item done later still counts
 * as open earlier; the last point is always `to`).
 *
 * @throws {ValidationError} when `to` is before `from` or the step is not a positive whole number.
 * @example
 * ```ts
 * openItemsSeries(items, { from: "2026-09-18", to: "2026-11-20", stepDays: 7 }); // [{ date: "2026-09-18", value: 46 }, …]
 * ```
 */
export function openItemsSeries(
  items: readonly ChecklistItem[],
  options: { readonly from: IsoDate; readonly to: IsoDate; readonly stepDays?: number; readonly facts?: RolloutFacts },
): OpenItemsPoint[] {
  checkArguments("openItemsSeries", { items: [items, "object[]"], options: [options, "object"] });
  checkOptionKeys("openItemsSeries", options, { from: 1, to: 1, stepDays: 1, facts: 1 } satisfies Record<keyof typeof options, 1>);
  const step = options.stepDays ?? 7;
  if (!Number.isInteger(step) || step < 1) throw ValidationError.single(["stepDays"], "the step is a whole number of days from 1", "readiness burn-down");
  if (options.to < options.from) throw ValidationError.single(["to"], `${options.to} is before ${options.from}`, "readiness burn-down");
  // One readiness pass per step: a `to` centuries away (3026 for 2026) ran ~52,000 of them (91 s on the sample office).
  // Earned value's bound, one Gregorian cycle.
  if (toEpochDay(options.to) - toEpochDay(options.from) > 146097) throw ValidationError.single(["to"], `more than 400 years (146,097 days) after from (${options.from})`, "readiness burn-down");
  const out: OpenItemsPoint[] = [];
  const at = (date: IsoDate) => {
    const o = readinessProgress(items, { asOf: date, ...(options.facts ? { facts: options.facts } : {}) }).overall;
    out.push({ date, value: o.applicable - o.done });
  };
  let d = options.from;
  for (; d < options.to; d = addDays(d, step)) at(d);
  at(options.to);
  return out;
}

/** What the rollout section shows. */
export interface RolloutSectionInput {
  /** Plan name. */
  readonly name: string;
  /** The status date. */
  readonly asOf: IsoDate;
  /** Planned go-live. */
  readonly goLive?: IsoDate;
  /** `readinessProgress` result. */
  readonly progress: ReadinessProgress;
  /** `evaluateGate` result of the gate to decide (go/no-go). */
  readonly gate?: GateEvaluation;
  /**
   * `evaluateGate` results of every gate of the plan, in the order to show them (planned date): a table of each gate's
   * outcome, open blocking items and approvals, so an earlier gate (a readiness exit) is seen beside the go/no-go.
   */
  readonly gates?: readonly GateEvaluation[];
  /** `waveProgress(plan).waves`. */
  readonly waves?: readonly WaveProgress[];
  /** `openItemsSeries` result, for the burn-down chart. */
  readonly burnDown?: readonly OpenItemsPoint[];
  /** The plan's checklist items: each blocking item's owner is looked up here. */
  readonly items?: readonly ChecklistItem[];
  /** People's names by id: owners and approvers who have not voted are shown by name. */
  readonly people?: PeopleNames;
}

// Phases read in the order a rollout goes through them (initiate … close), not in the order items happen to come.
const PHASES: readonly string[] = checklistPhaseSchema.options;
const phaseRank = (phase: string) => (PHASES.includes(phase) ? PHASES.indexOf(phase) : PHASES.length);
const countRow = (name: string, c: ReadinessCount): CellValue[] => [name, c.total, c.applicable, c.done, c.waived, c.skipped + c.notApplicable, percent(c.percent, 1)];
const COUNT_COLUMNS = ["", "Items", "Applicable", "Done", "Waived", "Excluded", "Ready %"];

// A blocked item is the one that cannot move without help: its status carries the bad tone.
const itemStatus = (status: string): CellValue => (status === "blocked" ? toneCell("bad", status) : status);

// The recorded decision, judged now and on its own day (a GO taken before its evidence is named as such).
function recordedText(r: NonNullable<GateEvaluation["recorded"]>): string {
  const then = r.contradictedThen ? `taken against the evidence of that day: ${GATE_OUTCOME_TEXT[r.outcomeThen]} then` : "";
  const notes = [then, r.contradicts ? "contradicted by the evidence" : ""].filter(Boolean).join("; ");
  return `recorded decision ${GATE_OUTCOME_TEXT[r.outcome]} on ${r.decidedOn}${notes ? ` (${notes})` : ""}`;
}

function gateBlocks(g: GateEvaluation, items: readonly ChecklistItem[] | undefined, people: PeopleNames | undefined): ReportBlock[] {
  const who = (id: string) => personName(people, id);
  const notVoted = g.approvals.notVoted.length > 0 ? `; not voted yet: ${g.approvals.notVoted.map(who).join(", ")}` : "";
  const blocks: ReportBlock[] = [
    { kind: "paragraph", text: `${g.gateName}: ${GATE_OUTCOME_TEXT[g.outcome]} at ${g.asOf} — approvals ${g.approvals.approving} of ${g.approvals.required} required${notVoted}${g.recorded ? `; ${recordedText(g.recorded)}` : ""}.` },
    { kind: "list", items: g.reasons },
  ];
  if (g.blockers.length > 0) {
    // Due and Owner columns only when some blocking item has one: an all-empty column says nothing.
    const owners = new Map((items ?? []).flatMap((i) => (i.ownerId === undefined ? [] : [[i.id, who(i.ownerId)] as const])));
    const due = g.blockers.some((b) => b.dueDate !== undefined);
    const owned = g.blockers.some((b) => owners.has(b.id));
    blocks.push({
      kind: "table",
      table: {
        caption: "Blocking items holding the gate",
        columns: ["Item", "Title", "Status", ...(due ? ["Due"] : []), ...(owned ? ["Owner"] : []), "Why"],
        rows: g.blockers.map((b) => [b.code ?? b.id, b.title, itemStatus(b.status), ...(due ? [b.dueDate ?? ""] : []), ...(owned ? [owners.get(b.id) ?? ""] : []), b.why]),
      },
    });
  }
  if (g.openAdvisory.length > 0) blocks.push({ kind: "list", items: g.openAdvisory.map((a) => `advisory open: ${a.code ?? a.id} ${a.title}`) });
  return blocks;
}

// The step the series was sampled at, as it was (its last point is the status date, which may come sooner).
function cadence(points: readonly OpenItemsPoint[]): string {
  const days = points.slice(1).map((p, i) => toEpochDay(p.date) - toEpochDay(points[i]!.date));
  const step = days[0];
  if (step === undefined) return `on ${points[0]!.date}`;
  if (!days.slice(0, -1).every((d) => d === step) || days[days.length - 1]! > step) return "at the days given";
  return step === 7 ? "week by week" : step === 1 ? "day by day" : `every ${step} days`;
}

/**
 * The rollout section: readiness per phase and per category, the burn-down of open items to go-live, every gate's
 * outcome (with `gates`), the decision of the gate to decide with its blocking items and reasons, and wave progress
 * (installed, trained, install success).
 *
 * @example
 * ```ts
 * const progress = readinessProgress(items, { asOf: "2026-11-20" });
 * const gate = evaluateGate({ plan, items, gates }, "gate-crm-go-no-go", { asOf: "2026-11-20" });
 * rolloutSection({ name: plan.name, asOf: "2026-11-20", goLive: plan.goLive, progress, gate, gates: [gate], waves: waveProgress(plan, { asOf: "2026-11-20" }).waves });
 * ```
 */
export function rolloutSection(input: RolloutSectionInput): ReportSection {
  checkArguments("rolloutSection", { input: [input, "object"] });
  checkOptionKeys("rolloutSection", input, { name: 1, asOf: 1, goLive: 1, progress: 1, gate: 1, gates: 1, waves: 1, burnDown: 1, items: 1, people: 1 } satisfies Record<keyof RolloutSectionInput, 1>, ["input"]);
  checkArguments("rolloutSection", { "input.progress": [input.progress, "object"], "input.items": [input.items, "object[]?"], "input.people": [input.people, "object?"] });
  const p = input.progress;
  const blocks: ReportBlock[] = [
    { kind: "figures", items: [{ label: "Ready", value: percent(p.overall.percent, 1) }, { label: "Done", value: p.overall.done }, { label: "Applicable", value: p.overall.applicable }, ...(input.goLive ? [{ label: "Go-live", value: input.goLive }] : [])] },
    { kind: "table", table: { caption: "Readiness per phase", columns: ["Phase", ...COUNT_COLUMNS.slice(1)], rows: Object.entries(p.byPhase).sort(([a], [b]) => phaseRank(a) - phaseRank(b) || byCodePoint(a, b)).map(([k, c]) => countRow(k, c)) } },
    { kind: "table", table: { caption: "Readiness per category", columns: ["Category", ...COUNT_COLUMNS.slice(1)], rows: Object.entries(p.byCategory).sort(([a], [b]) => byCodePoint(a, b)).map(([k, c]) => countRow(k, c)) } },
  ];
  if (input.burnDown && input.burnDown.length > 0) {
    const first = input.burnDown[0]!;
    blocks.push({
      kind: "chart",
      svg: readinessBurnDownChart({
        title: `${input.name}: open readiness items`,
        description: `Applicable checklist items not yet done, ${cadence(input.burnDown)}${input.goLive ? ", against a straight line to zero at go-live" : ""}.`,
        open: input.burnDown,
        ...(input.goLive ? { ideal: { start: first, target: input.goLive }, goLive: input.goLive } : {}),
        statusDate: input.asOf,
      }),
      caption: `Open readiness items to ${input.asOf}${input.goLive ? `, ideal line to zero at go-live ${input.goLive}` : ""}.`,
      file: chartFile("readiness-burn-down", input.name),
    });
  }
  if (input.gates && input.gates.length > 0) {
    blocks.push({
      kind: "table",
      table: {
        caption: `Gates at ${input.asOf}`,
        columns: ["Gate", "Outcome", { header: "Blocking items open", align: "right" }, "Approvals", "Deciding rule"],
        rows: input.gates.map((g) => [g.gateName, GATE_OUTCOME_TEXT[g.outcome], g.blockers.length, `${g.approvals.approving} of ${g.approvals.required}`, g.reasons.join("; ")]),
      },
    });
  }
  const sections: ReportSection[] = [];
  if (input.gate) sections.push({ heading: `Gate decision: ${input.gate.gateName}`, blocks: gateBlocks(input.gate, input.items, input.people) });
  if (input.waves && input.waves.length > 0) {
    sections.push({
      heading: "Wave progress",
      blocks: [{ kind: "table", table: { columns: ["Wave", "Audience", "Timing", "Targeted", "Installed", "Trained", "Failed", "Installed %", "Trained %", "Install success %"], rows: input.waves.map((w) => [w.name, w.audience, w.timing, w.targeted, w.installed, w.trained, w.failed, percent(w.installedPercent, 1), percent(w.trainedPercent, 1), percent(w.installSuccessPercent, 1)]) } }],
    });
  }
  return { heading: `Rollout — ${input.name}`, blocks, ...(sections.length > 0 ? { sections } : {}) };
}
