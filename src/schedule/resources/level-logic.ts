import { COMPLETE, type CompiledNetwork } from "../engine/network.js";
import { linkStart } from "./levelled-violations.js";

/**
 * @internal The earliest start position of j (its own W-space) given its predecessors' levelled dates; records in
 * `pusher[j]` the predecessor that sets it when it is later than the CPM start (the smallest id among equals). For the
 * remaining part of started work (`started`) FS, FF and SF links bind (not SS), as in the CPM forward pass.
 */
export function logicStart(
  net: CompiledNetwork,
  j: number,
  d: number,
  es: Float64Array,
  ef: Float64Array,
  cpmStart: number,
  pusher: Int32Array,
  started: boolean,
  milestoneAt: (i: number) => number,
): number {
  let w = cpmStart;
  for (let p = net.graph.predStart[j] as number; p < (net.graph.predStart[j + 1] as number); p++) {
    const k = net.graph.predLinks[p] as number;
    if (started && net.spec.linkType[k] === 1) continue; // SS: its start is history (SF binds its finish)
    const i = net.spec.linkFrom[k] as number;
    const a = linkStart(net, k, j, d, es, ef, milestoneAt);
    if (a > w || (a === w && a > cpmStart && (net.spec.ids[i] as string) < (net.spec.ids[pusher[j] as number] as string))) {
      w = a;
      if (a > cpmStart) pusher[j] = i;
    }
  }
  return w;
}

/** @internal Whether started work j has an FS, FF or SF predecessor that is not complete (whose levelled dates may move). */
export function livePredecessor(net: CompiledNetwork, j: number): boolean {
  for (let p = net.graph.predStart[j] as number; p < (net.graph.predStart[j + 1] as number); p++) {
    const k = net.graph.predLinks[p] as number;
    const t = net.spec.linkType[k] as number;
    if (t !== 1 && net.state[net.spec.linkFrom[k] as number] !== COMPLETE) return true;
  }
  return false;
}
