import { PmoDecimal, fromEpochDay } from "../../core/index.js";
import type { CompiledNetwork } from "../engine/network.js";
import type { LevellingUnresolved, LevellingUnresolvedReason } from "../types.js";
import { MICRO, type ResourceModel } from "./resource-model.js";

/**
 * @internal What levelling could not resolve, one entry per activity: started work can be unresolved twice (its done
 * part, then its remaining part), and several resources at once; each (resource, reason) is a cause, kept at its
 * first day.
 */
export class UnresolvedLog {
  private readonly of = new Map<number, { r: number; reason: LevellingUnresolvedReason; day: number }[]>();
  constructor(
    private readonly net: CompiledNetwork,
    private readonly rm: ResourceModel,
  ) {}

  /** Records that activity j over-allocates resource `c.r` from day `c.day` for `reason` (the first day per cause). */
  add(j: number, c: { day: number; r: number }, reason: LevellingUnresolvedReason): void {
    const list = this.of.get(j) ?? [];
    if (!list.some((x) => x.r === c.r && x.reason === reason)) list.push({ r: c.r, reason, day: c.day });
    this.of.set(j, list);
  }

  has(j: number): boolean {
    return this.of.has(j);
  }

  /** Whether activity j asks more units of r than r has at most. */
  overMax(j: number, r: number): boolean {
    return ((this.rm.uses[j] ?? []).find((u) => u.r === r)?.micro ?? 0) > (this.rm.maxMicro[r] as number);
  }

  /** The result's `unresolved` list, in the order the activities were found. */
  entries(): LevellingUnresolved[] {
    const { net, rm } = this;
    return [...this.of].map(([j, list]): LevellingUnresolved => {
      const first = list[0] as (typeof list)[number];
      const causes = list.map((c) => ({ resourceId: rm.ids[c.r] as string, reason: c.reason, day: fromEpochDay(net.origin + c.day) }));
      const message = `${list.map((c) => this.because(j, c.r, c.reason)).join("; ")}: it cannot be levelled and stays over-allocated`;
      return { activityId: net.spec.ids[j] as string, resourceId: rm.ids[first.r] as string, reason: first.reason, day: fromEpochDay(net.origin + first.day), causes, message };
    });
  }

  private because(j: number, r: number, reason: LevellingUnresolvedReason): string {
    const id = this.net.spec.ids[j] as string;
    const rid = this.rm.ids[r] as string;
    const units = (this.rm.uses[j] ?? []).find((u) => u.r === r)?.micro ?? 0;
    return reason === "exceeds-max-units"
      ? `${id} needs ${new PmoDecimal(units).div(MICRO).toFixed()} units of ${rid}, which has at most ${new PmoDecimal(this.rm.maxMicro[r] as number).div(MICRO).toFixed()}`
      : reason === "beyond-float"
        ? `${id} would wait for ${rid} beyond its total float (within-slack)`
        : reason === "resource-calendar"
          ? `${rid} does not work every day ${id} works in any window`
          : `${id}'s dates are fixed (started, complete or must-start/finish-on) and overlap other fixed work on ${rid}`;
  }
}
