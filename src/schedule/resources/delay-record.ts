import { fromEpochDay, type Decimal } from "../../core/index.js";
import type { CompiledNetwork } from "../engine/network.js";
import type { LevellingBlocker, LevellingDelay } from "../types.js";
import type { Idle } from "./idle.js";
import type { ResourceModel } from "./resource-model.js";
import { worksWithin, type Usage } from "./usage.js";

/** @internal Levelling's placement state that explains a delay: who holds what on which day. */
export interface PlacementState {
  readonly net: CompiledNetwork;
  readonly rm: ResourceModel;
  readonly idle: Idle;
  readonly usage: Usage;
  readonly es: Float64Array;
  readonly ef: Float64Array;
  readonly placed: Uint8Array;
}

/**
 * @internal The delay of activity j, `days` long, for the resources short on day `day` (`blockers`, by id): each with
 * the placed activities that held it that day, or the reason it had no capacity ("C waits 2 days for R1 (held by A)
 * and R2 (held by B)").
 */
export function delayRecord(s: PlacementState, j: number, days: Decimal, day: number, blockers: readonly number[]): LevellingDelay {
  const { net, rm, usage } = s;
  const id = net.spec.ids[j] as string;
  const date = fromEpochDay(net.origin + day);
  const held = blockers.map((r) => ({ r, heldBy: holders(s, r, day, j) }));
  const blockedBy: LevellingBlocker[] = held.map((b) => ({ resourceId: rm.ids[b.r] as string, heldBy: b.heldBy }));
  const why = held.map(({ r, heldBy }) => {
    const cause = heldBy.length > 0 ? `held by ${heldBy.join(", ")}` : usage.capacity(r, day) === 0 ? `${rm.ids[r]} does not work on ${date}` : `${rm.ids[r]} is short on ${date}`;
    return `${rm.ids[r]} (${cause})`;
  });
  const top = blockedBy[0] as LevellingBlocker;
  return {
    activityId: id,
    days,
    resourceId: top.resourceId,
    day: date,
    heldBy: top.heldBy,
    blockedBy,
    message: `${id} waits ${days.toFixed()} day${days.eq(1) ? "" : "s"} for ${why.length > 1 ? `${why.slice(0, -1).join(", ")} and ${why[why.length - 1]}` : why[0]}`,
  };
}

/** Placed activities that use resource r on the given day (excluding j), in input order. */
function holders({ net, rm, idle, es, ef, placed }: PlacementState, r: number, day: number, j: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < placed.length; i++) {
    if (!placed[i] || i === j || !(rm.uses[i] ?? []).some((u) => u.r === r)) continue;
    // Started work waiting for a predecessor does not hold the resource on the days it waits.
    if (worksWithin(net, idle, i, es[i] as number, ef[i] as number, day, day)) out.push(net.spec.ids[i] as string);
  }
  return out; // input order, as every list of activities in the results
}
