import {
  blackoutOn,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  ValidationError,
  type BlackoutWindow,
  type IsoDate,
  type ValidationIssue,
  type WorkingCalendar,
} from "../core/index.js";

/** An item moved out of a blackout window, and why. */
export interface BlackoutMove {
  /** The day the offset gave. */
  readonly from: IsoDate;
  /**
   * The last working day before the window (outside every window); for an item after its anchor (negative offset), or
   * after go-live when moving back would put it on or before go-live, the first working day after it.
   */
  readonly to: IsoDate;
  /** The window the day fell in. */
  readonly window: BlackoutWindow;
  /**
   * Every window the move stepped over — the one the day fell in and each chained, adjacent or overlapping window
   * between `to` and `from` — in calendar order.
   */
  readonly windows: readonly BlackoutWindow[];
  /** Plain-words note for the plan naming every window stepped over. */
  readonly note: string;
  /**
   * Present when the move went to a later day than the freeze rule alone gives, so the item is not due before this
   * dependency (kept in the freeze, exempt from it, or moved forward out of it): its id and due day.
   */
  readonly after?: { readonly itemId: string; readonly dueDate: IsoDate };
}


/**
 * A dependant kept on its nominal day inside a blackout window: a freeze move (or a dependency kept in the freeze, or
 * exempt from it) would date it before an item it depends on, and no working day from that item's due day to go-live
 * is outside every window. It stays on its own day — after its dependency — rather than before it, and this says so.
 */
export interface DependantWarning {
  /** `dependant-in-blackout`. */
  readonly code: "dependant-in-blackout";
  /** The item (template entry id, or checklist item id). */
  readonly itemId: string;
  /** The dependency it must not be due before (the latest-due one). */
  readonly dependsOnId: string;
  /** The day it stays on (its nominal day, inside the windows). */
  readonly date: IsoDate;
  /** The windows the day lies in, in calendar order. */
  readonly windows: readonly BlackoutWindow[];
  /** Plain words naming the item, the freeze, the dependency and go-live. */
  readonly message: string;
}

/** @internal One item as the dependency pass reads it, in dependency order. */
export interface DatedNode {
  readonly id: string;
  readonly name: string;
  readonly dependsOn: readonly string[];
  readonly nominal: IsoDate;
  readonly due: IsoDate;
  readonly freezeExempt?: boolean | undefined;
}

/** @internal What the dependency pass changed for one item. */
export interface DependencyShift {
  readonly due: IsoDate;
  /** Set when the item moved to a day after its dependency: the window its nominal day lies in and those stepped over. */
  readonly move?: { readonly window: BlackoutWindow; readonly windows: readonly BlackoutWindow[]; readonly after: { readonly itemId: string; readonly dueDate: IsoDate; readonly name: string } };
  readonly warning?: DependantWarning;
  /**
   * Set (with `due` unchanged) for an item after go-live's T0 that must go after its dependency but whose first free
   * working day on or after the dependency's day would fall past 9999-12-31: the caller refuses it, naming the item.
   */
  readonly beyond?: { readonly itemId: string; readonly dueDate: IsoDate; readonly name: string };
}

/** The day `f` gives, or `undefined` when the calendar refuses it as outside years 0001–9999 (any other error is rethrown). */
function inDateRange(f: () => IsoDate): IsoDate | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof ValidationError && /outside years 0001–9999$/.test(e.issues[0]?.message ?? "")) return undefined;
    throw e;
  }
}

/**
 * @internal Keeps dependants after their dependencies through freeze moves. For each item (in dependency order, with
 * the days already shifted), the dependencies whose nominal day is on or before the item's own nominal day (its offset
 * agrees with them) give the earliest day it may be due. An item due before that goes to the first working day on or
 * after it that is outside every window (that very day for an item exempt from the freeze) — never past go-live's T0
 * when its nominal day is on or before it; else, when its nominal day (inside a window) is on or after that day, it
 * keeps its nominal day with a `dependant-in-blackout` warning; else it is left, and the `dependency-due-later` finding
 * names it. With no such day before 9999-12-31 the item is past go-live's limit when it has one (the warning, or left),
 * else it is marked `beyond` for the caller to refuse. One pass in dependency order is the fixpoint: an item's day depends only on its dependencies' final days.
 * An item whose nominal day is outside every window is skipped, and needs no move: that day is a free working day, and
 * every day this pass or a freeze move gives an item is the first free working day at or after a day on or before its
 * own nominal day (or earlier), so a dependency nominally on or before it is never due after it (by induction along
 * the chain; test/rollout/dependant-chains.test.ts checks it over generated chains).
 */
export function keepDependencyOrder(calendar: WorkingCalendar, nodes: readonly DatedNode[], goT0: IsoDate | undefined): Map<string, DependencyShift> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const due = new Map(nodes.map((n) => [n.id, n.due]));
  const out = new Map<string, DependencyShift>();
  for (const n of nodes) {
    let need: IsoDate | undefined;
    let dep: DatedNode | undefined;
    for (const d of n.dependsOn) {
      const x = byId.get(d);
      const day = due.get(d);
      if (x === undefined || day === undefined || x.nominal > n.nominal) continue;
      if (need === undefined || day > need) [need, dep] = [day, x];
    }
    const window = blackoutOn(calendar, n.nominal);
    if (need === undefined || dep === undefined || n.due >= need || !window) continue;
    const to = n.freezeExempt === true || !blackoutOn(calendar, need) ? need : inDateRange(() => nextWorkingDay(calendar, need, { skipBlackouts: true }));
    const limit = goT0 !== undefined && n.nominal <= goT0 ? goT0 : undefined;
    if (to === undefined && limit === undefined) {
      out.set(n.id, { due: n.due, beyond: { itemId: dep.id, dueDate: need, name: dep.name } });
    } else if (to !== undefined && (limit === undefined || to <= limit)) {
      const [lo, hi] = to > n.nominal ? [n.nominal, to] : [to, n.nominal];
      // Every window with a day between the two days (the one the nominal day lies in included).
      const windows = calendar.blackouts.filter((b) => b.end >= lo && b.start <= hi);
      out.set(n.id, { due: to, move: { window, windows, after: { itemId: dep.id, dueDate: need, name: dep.name } } });
      due.set(n.id, to);
    } else if (n.nominal >= need) {
      const windows = calendar.blackouts.filter((b) => b.start <= n.nominal && b.end >= n.nominal);
      const span = windows.map((w) => `the blackout ${w.start}…${w.end} (${w.reason})`).join(" and ");
      const message =
        `${n.name} (due ${n.nominal}) stays on ${n.nominal} inside ${span}: its dependency ${dep.name} is due ${need} ` +
        `and no working day from then to go-live ${limit} is outside it`;
      out.set(n.id, { due: n.nominal, warning: { code: "dependant-in-blackout", itemId: n.id, dependsOnId: dep.id, date: n.nominal, windows, message } });
      due.set(n.id, n.nominal);
    }
  }
  return out;
}

/** @internal The recorded move out of a blackout window, naming every window stepped over. */
export function blackoutMove(
  from: IsoDate,
  to: IsoDate,
  window: BlackoutWindow,
  windows: readonly BlackoutWindow[],
  after?: { readonly itemId: string; readonly dueDate: IsoDate; readonly name: string },
): BlackoutMove {
  const span = (w: BlackoutWindow) => `${w.start}…${w.end} (${w.reason})`;
  const others = windows.filter((w) => w !== window);
  const also = others.length === 0 ? "" : `; also stepped over ${others.map((w) => `the blackout ${span(w)}`).join(", ")}`;
  const note = `moved from ${from} to ${to}: ${from} is inside the blackout ${span(window)}${also}`;
  if (after === undefined) return { from, to, window, windows, note };
  return { from, to, window, windows, after: { itemId: after.itemId, dueDate: after.dueDate }, note: `${note}; not before its dependency ${after.name}, due ${after.dueDate}` };
}

/**
 * @internal Applies the dependency pass ({@link keepDependencyOrder}) to items in dependency order: each shifted item
 * gets its new due day and move (or loses its move, kept on its nominal day); returns the items and the warnings.
 * A go-live with no working day on or before it has no T0 (no item is nominally by it). An item whose move after its
 * dependency would fall past 9999-12-31 is refused: `place` gives its issue path and label (`CODE (T+n)`), `subject`
 * the error's subject.
 */
export function shiftDependants<T extends { readonly id: string; readonly code?: string | undefined; readonly dependsOn: readonly string[]; readonly freezeExempt?: boolean | undefined }>(
  calendar: WorkingCalendar,
  items: readonly T[],
  dates: ReadonlyMap<string, { readonly nominal: IsoDate; readonly due: IsoDate; readonly move?: BlackoutMove | undefined }>,
  goLive: IsoDate,
  place: (item: T) => readonly [readonly (string | number)[], string],
  subject: string,
): { readonly dates: Map<string, { readonly nominal: IsoDate; readonly due: IsoDate; readonly move?: BlackoutMove | undefined }>; readonly warnings: DependantWarning[] } {
  const nodes = items.map((i) => ({ id: i.id, name: i.code ?? i.id, dependsOn: i.dependsOn, freezeExempt: i.freezeExempt, ...dates.get(i.id)! }));
  const goT0 = isWorkingDay(calendar, goLive) ? goLive : inDateRange(() => previousWorkingDay(calendar, goLive));
  const shifts = keepDependencyOrder(calendar, nodes, goT0);
  const issues = items.flatMap((i): ValidationIssue[] => {
    const b = shifts.get(i.id)?.beyond;
    if (b === undefined) return [];
    const [path, label] = place(i);
    return [{ path: [...path], message: `${label} would be due outside years 0001–9999: no free working day after its dependency ${b.name} (due ${b.dueDate})`, code: "custom" }];
  });
  if (issues.length > 0) throw new ValidationError(issues, subject);
  const out = new Map(dates);
  const warnings: DependantWarning[] = [];
  for (const [id, s] of shifts) {
    const { nominal } = dates.get(id)!;
    out.set(id, { nominal, due: s.due, move: s.move ? blackoutMove(nominal, s.due, s.move.window, s.move.windows, s.move.after) : undefined });
    if (s.warning) warnings.push(s.warning);
  }
  return { dates: out, warnings };
}
