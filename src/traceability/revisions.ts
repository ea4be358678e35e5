import type { TraceStore } from "./store.js";
import { cmp } from "./order.js";

/*
 * Revision-based link status (OpenFastTrace): an item carries an integer `revision` its authors raise when its meaning
 * changes, and a link pins the revision it was made against (`targetRevision`). A link pinning an older revision is
 * `outdated`, a newer one `predated`, the same one `covers`. It sits beside the fingerprint-based suspect links: a
 * fingerprint sees every edit, a revision only the edits someone declared significant.
 */

/** One link's revision status. */
export interface LinkRevisionStatus {
  /** Link id. */
  readonly link: string;
  /** `kind:id` of the link's source. */
  readonly from: string;
  /** `kind:id` of the link's target. */
  readonly to: string;
  /** Link type (`verifies`), as in `suspects`. */
  readonly linkType: string;
  /** `covers` (same revision), `outdated` (the link names an older one), `predated` (a newer one than exists). */
  readonly status: "covers" | "outdated" | "predated";
  /** The revision the link pins. */
  readonly linkRevision: number;
  /** The target's current revision. */
  readonly itemRevision: number;
}

/**
 * Whether link `l` pins a revision other than its target's current one (outdated or predated). As in OpenFastTrace,
 * whose linker counts coverage only for a link naming the target's exact revision, such a link covers nothing.
 * Links without `targetRevision`, or into a target without `revision`, are not judged.
 */
export function pinsOtherRevision(store: TraceStore, l: number): boolean {
  // A missing target (-1) has no revision.
  const pinned = store.linkRev[l];
  const current = store.nodeRev[store.to[l] as number];
  return pinned !== undefined && current !== undefined && current !== pinned;
}

/**
 * Revision status of every live trace link that pins a revision of a target that has one, sorted by link id; links
 * from or into a retired item (the rules' `inactive`) are left out, as `suspects` leaves them out.
 */
export function linkRevisions(store: TraceStore): LinkRevisionStatus[] {
  const out: LinkRevisionStatus[] = [];
  for (let l = 0; l < store.links.length; l++) {
    const s = store.links[l]!;
    const pinned = store.linkRev[l];
    const t = store.to[l] as number;
    const current = store.nodeRev[t];
    // A retired item reopens nothing (as for suspects): its links wait for no review (a missing source, -1, is none).
    if (store.alive[l] !== 1 || pinned === undefined || current === undefined || store.items[t]!.inactive || store.items[store.from[l] as number]?.inactive) continue;
    const status = pinned === current ? "covers" : pinned < current ? "outdated" : "predated";
    out.push({ link: s.id, from: s.fromKey, to: s.toKey, linkType: store.reg.def(s.type).name, status, linkRevision: pinned, itemRevision: current });
  }
  return out.sort((a, b) => cmp(a.link, b.link));
}
