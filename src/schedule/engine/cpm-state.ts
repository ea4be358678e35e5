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
   * The instant a not-started milestone stands for (see `milestoneInstant`), set once by the general kernel's forward
   * pass on mixed calendars and read by successors' anchors, the project finish and free float.
   */
  readonly instant: Float64Array;
  /** Project finish instant (latest early finish) and the backward pass's starting instant. */
  finishInstant: number;
  lateFromInstant: number;
}

/** @internal Allocates kernel state for n activities. */
export function cpmState(n: number): CpmState {
  return {
    esW: new Float64Array(n), efW: new Float64Array(n), lsW: new Float64Array(n), lfW: new Float64Array(n), span: new Float64Array(n),
    esDriver: new Int32Array(n), esByFinish: new Uint8Array(n), lfDriver: new Int32Array(n), lfByStart: new Uint8Array(n),
    mandatoryConflict: new Float64Array(n), leadClamped: new Uint8Array(n), lateInstant: new Float64Array(n), instant: new Float64Array(n), finishInstant: 0, lateFromInstant: 0,
  };
}
