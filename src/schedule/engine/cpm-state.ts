/** @internal Driver codes below 0 (≥ 0 is a link index). */
export const D = { projectStart: -1, constraint: -2, actual: -3, statusDate: -4, projectFinish: -5, deadline: -6, duration: -7 } as const;

/**
 * @internal The kernel's working state, reusable across runs (Monte Carlo). Positions are W-space minutes on each
 * activity's own calendar. Drivers: for the forward pass the link (≥ 0) or code that set the start position, and
 * whether it bound the finish (FF/SF links, FNET/MFO) rather than the start; likewise for the backward pass.
 */
export interface CpmState {
  readonly esW: Float64Array;
  readonly efW: Float64Array;
  readonly lsW: Float64Array;
  readonly lfW: Float64Array;
  /** Duration scheduled by the passes: the remaining duration for started work. */
  readonly span: Float64Array;
  readonly esDriver: Int32Array;
  readonly esByFinish: Uint8Array;
  readonly lfDriver: Int32Array;
  readonly lfByStart: Uint8Array;
  /** Positive when a must-start/finish-on date overrode logic that wanted later (minutes). */
  readonly mandatoryConflict: Float64Array;
  /** 1 when a lead asked for a start before the project start (clamped). */
  readonly leadClamped: Uint8Array;
  /**
   * The latest instant a not-started milestone may be reached (general kernel, mixed calendars): its late position
   * leaves a stretch of non-working time in which its date — and the project finish, when it ends the network —
   * still moves under the dating convention.
   */
  readonly lateInstant: Float64Array;
  /**
   * 1 when a milestone may still be DATED at the morning of its `lateInstant` (a day boundary is both the evening of
   * one day and the morning of the next, a day later): the bound is a morning (a successor's start, a finish dated at a
   * morning). 0: the bound is an evening, and a reach dated that morning (from a start, or moved to the next working
   * morning) passes it.
   */
  readonly lateMorning: Uint8Array;
  /**
   * The instant a not-started milestone stands for (see `milestoneInstant`), set once by the general kernel's forward
   * pass on mixed calendars and read by successors' anchors, the project finish and free float.
   */
  readonly instant: Float64Array;
  /** 1 when `instant` is a day boundary at which the milestone is dated on the morning's day (see `lateMorning`). */
  readonly instantMorning: Uint8Array;
  /** Project finish instant (latest early finish) and the backward pass's starting instant. */
  finishInstant: number;
  lateFromInstant: number;
  /** 1 when the project finish instant is a morning: a milestone dated at that morning finishes the network. */
  finishMorning: number;
}

/** @internal Allocates kernel state for n activities. */
export function cpmState(n: number): CpmState {
  return {
    esW: new Float64Array(n), efW: new Float64Array(n), lsW: new Float64Array(n), lfW: new Float64Array(n), span: new Float64Array(n),
    esDriver: new Int32Array(n), esByFinish: new Uint8Array(n), lfDriver: new Int32Array(n), lfByStart: new Uint8Array(n),
    mandatoryConflict: new Float64Array(n), leadClamped: new Uint8Array(n), lateInstant: new Float64Array(n),
    lateMorning: new Uint8Array(n), instant: new Float64Array(n), instantMorning: new Uint8Array(n), finishInstant: 0, lateFromInstant: 0, finishMorning: 0,
  };
}

/**
 * @internal Whether link k wins a tie with link `by` (both set one date): the one whose other end has the smaller id —
 * the predecessor for early dates (`end` = linkFrom), the successor for late ones (`end` = linkTo) — so the driver never
 * depends on the order of the input lists. A string compare only when two links tie (one link per pair: ids differ).
 */
export function smallerEnd(ids: readonly string[], end: Int32Array, k: number, by: number): boolean {
  return (ids[end[k] as number] as string) < (ids[end[by] as number] as string);
}
