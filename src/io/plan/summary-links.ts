import type { EntityOf } from "../../entities/index.js";
import { scheduleNetwork, type LinkLag, type ScheduleInput, type ScheduleLinkInput, type ScheduleOptions } from "../../schedule/index.js";

type Pred = NonNullable<EntityOf<"work-package">["predecessors"]>[number];

/** A link that joins a summary at its rolled-up start (from it: SS, SF) or finish (into it: FF, SF) — one leaf carries it. */
interface Deferred {
  readonly from: string;
  readonly to: string;
  readonly type: ScheduleLinkInput["type"];
  readonly lag: LinkLag | undefined;
  /** Candidate leaves on each side (one when that side is a leaf or spreads to every leaf). */
  readonly froms: readonly string[];
  readonly tos: readonly string[];
  /** Whether the predecessor side is a summary's start (its earliest leaf start) and the successor side its finish. */
  readonly fromStart: boolean;
  readonly toFinish: boolean;
}

/** The summary-aware link builder: what {@link summaryLinks} returns. */
export interface SummaryLinks {
  /** Leaf links (every link to or from a summary spread over the leaves it binds). */
  readonly links: ScheduleLinkInput[];
  /**
   * Activities a link reaches (not counting a leaf that may carry an FF or SF link into its summary: it keeps its
   * planned-start anchor, the link bounds the summary's finish).
   */
  readonly linked: ReadonlySet<string>;
  /**
   * Adds the links that join a summary's start or finish, each from or to the one leaf that carries it, chosen on the
   * schedule `options` give (scheduleNetwork's: milestone dating and out-of-sequence progress move early dates).
   */
  readonly resolve: (input: ScheduleInput, options?: ScheduleOptions) => ScheduleLinkInput[];
}

/**
 * Spreads the packages' and milestones' links over leaves, as MS Project reads a link to or from a summary: a summary
 * is not scheduled, its start is its earliest leaf start and its finish its latest leaf finish, and its leaves are its
 * leaf packages and the milestones under it (a milestone was no leaf: a link from the summary did not wait for it).
 * - Into a summary, a link binding the successor's start (FS, SS) binds every leaf: each starts no earlier, none waits
 *   for another. One binding its finish (FF, SF) binds the summary's finish — the leaf that finishes the summary
 *   (it pushed every leaf's finish).
 * - From a summary, a link from its finish (FS, FF) leaves from every leaf (the latest finish drives); one from its
 *   start (SS, SF) from the leaf that starts the summary (it left from every first leaf, so the successor waited for
 *   the latest of their starts).
 * The leaf that starts or finishes a summary is read off a schedule of the network without these links (earliest
 * early start, latest early finish; ties to the smaller id), then checked once more with them — scheduled with the
 * options the plan is scheduled with (`resolve`'s), since they can change which leaf is first or last.
 */
export function summaryLinks(workPackages: readonly EntityOf<"work-package">[], milestones: readonly EntityOf<"milestone">[], notes: string[]): SummaryLinks {
  const children = new Map<string, string[]>();
  for (const w of workPackages) if (w.parentId) children.set(w.parentId, [...(children.get(w.parentId) ?? []), w.id]);
  const milestonesOf = new Map<string, string[]>();
  for (const m of milestones) if (m.workPackageId) milestonesOf.set(m.workPackageId, [...(milestonesOf.get(m.workPackageId) ?? []), m.id]);
  const isSummary = (id: string) => children.has(id);
  // A leaf package's own milestones are leaves of the summaries above it too (they are inside them).
  const leavesOf = (id: string): string[] => (isSummary(id) ? [...children.get(id)!.flatMap(leavesOf), ...(milestonesOf.get(id) ?? [])] : [id, ...(milestonesOf.get(id) ?? [])]);
  const leavesOfSummary = (id: string) => leavesOf(id).filter((x) => !isSummary(x));
  const lagOf = (l: Pred["lag"]): LinkLag | undefined =>
    l === undefined ? undefined : l.kind === "percent" ? { percent: l.percent.toFixed() } : l.kind === "elapsed-days" ? { elapsedDays: l.days.toFixed() } : { days: l.days.toFixed() };
  const links: ScheduleLinkInput[] = [];
  const deferred: Deferred[] = [];
  const seen = new Set<string>();
  const push = (f: string, t: string, type: ScheduleLinkInput["type"], lag: LinkLag | undefined) => {
    if (f === t || seen.has(`${f}\u0000${t}`)) return;
    seen.add(`${f}\u0000${t}`);
    links.push({ from: f, to: t, type, ...(lag ? { lag } : {}) });
  };
  const add = (to: string, preds: readonly Pred[] | undefined) => {
    for (const l of preds ?? []) {
      const froms = isSummary(l.predecessorId) ? leavesOfSummary(l.predecessorId) : [l.predecessorId];
      const tos = isSummary(to) ? leavesOfSummary(to) : [to];
      const fromStart = isSummary(l.predecessorId) && (l.type === "SS" || l.type === "SF") && froms.length > 1;
      const toFinish = isSummary(to) && (l.type === "FF" || l.type === "SF") && tos.length > 1;
      if (fromStart || toFinish) deferred.push({ from: l.predecessorId, to, type: l.type, lag: lagOf(l.lag), froms, tos, fromStart, toFinish });
      else {
        if (froms.length > 1 || tos.length > 1) notes.push(`${l.predecessorId} → ${to} (${l.type}) joins a summary: applied to its ${froms.length * tos.length} leaf pairs`);
        for (const f of froms) for (const t of tos) push(f, t, l.type, lagOf(l.lag));
      }
    }
  };
  for (const w of workPackages) add(w.id, w.predecessors);
  for (const m of milestones) add(m.id, m.predecessors);

  const resolve = (input: ScheduleInput, options: ScheduleOptions = {}): ScheduleLinkInput[] => {
    if (deferred.length === 0) return links;
    const pick = (dates: ReadonlyMap<string, { start: string; finish: string }>, ids: readonly string[], latest: boolean) =>
      [...ids].sort((a, b) => {
        const x = dates.get(a), y = dates.get(b);
        const c = latest ? (y?.finish ?? "").localeCompare(x?.finish ?? "") : (x?.start ?? "\uffff").localeCompare(y?.start ?? "\uffff");
        return c || (a < b ? -1 : 1);
      })[0] as string;
    const withChoices = (choices: readonly (readonly [string, string])[]): ScheduleLinkInput[] => {
      const out = [...links];
      const taken = new Set(seen);
      choices.forEach(([f, t], i) => {
        const d = deferred[i] as Deferred;
        for (const from of d.fromStart ? [f] : d.froms) for (const to of d.toFinish ? [t] : d.tos) {
          if (from === to || taken.has(`${from}\u0000${to}`)) continue;
          taken.add(`${from}\u0000${to}`);
          out.push({ from, to, type: d.type, ...(d.lag ? { lag: d.lag } : {}) });
        }
      });
      return out;
    };
    // The leaves that start and finish each summary, on the network without these links, then with the chosen ones
    // (a choice could move another summary's leaves); two rounds that agree end it.
    let choices: (readonly [string, string])[] | undefined;
    let current = links;
    for (let round = 0; round < 4; round++) {
      let dates: Map<string, { start: string; finish: string }>;
      try {
        dates = new Map(scheduleNetwork({ ...input, links: current }, options).activities.map((a) => [a.id, { start: a.earlyStart, finish: a.earlyFinish }] as const));
      } catch {
        break; // a network the calculator refuses: it will refuse it again, with the paths
      }
      const next = deferred.map((d) => [d.fromStart ? pick(dates, d.froms, false) : "", d.toFinish ? pick(dates, d.tos, true) : ""] as const);
      const same = choices !== undefined && next.every((c, i) => c[0] === choices![i]![0] && c[1] === choices![i]![1]);
      choices = next;
      current = withChoices(choices);
      if (same) break;
    }
    if (choices === undefined) {
      const all = [...links];
      for (const d of deferred) for (const from of d.froms) for (const to of d.tos) if (from !== to) all.push({ from, to, type: d.type, ...(d.lag ? { lag: d.lag } : {}) });
      return all;
    }
    deferred.forEach((d, i) => {
      const [f, t] = choices![i]!;
      const parts = [
        ...(d.fromStart ? [`from ${f}, the leaf that starts ${d.from} (a summary starts with its earliest leaf)`] : []),
        ...(d.toFinish ? [`into ${t}, the leaf that finishes ${d.to} (it binds the summary's finish; no other leaf is pushed)`] : []),
      ];
      notes.push(`${d.from} → ${d.to} (${d.type}) joins a summary: linked ${parts.join(" and ")}`);
    });
    return withChoices(choices);
  };
  const linked = new Set([...links.map((l) => l.to), ...deferred.flatMap((d) => (d.toFinish ? [] : d.tos))]);
  return { links, linked, resolve };
}
