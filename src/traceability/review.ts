import { ValidationError, checkArguments, checkOptionKeys, instant, type Instant } from "../core/index.js";
import { requireTraceAnalysis } from "./guards.js";
import type { TraceAnalysis } from "./analysis.js";
import type { TraceLinkInput } from "./types.js";

/*
 * Reviewing links: a review records the target's current trigger fingerprint and the review time on the link, which
 * clears a direct suspicion (the fingerprints match again) and a transitive one (the review is newer than the change).
 * Both operations are pure: they return updated links for you to store, and `link-updated` edits for the analysis.
 */

/** Who reviews, and when. */
export interface ReviewOptions {
  /** The review instant (ISO, UTC). */
  readonly at: string;
  /** The reviewer's person id. */
  readonly reviewedBy?: string;
}
const REVIEW_OPTION_KEYS = { at: 1, reviewedBy: 1 } satisfies Record<keyof ReviewOptions, 1>;

/**
 * Marks one link reviewed against its target's current content: records the target's trigger fingerprint (and its
 * `revision`, when it has one) and the review instant.
 *
 * @throws {ValidationError} when the link's target is not in the graph or `at` is not an instant.
 * @example
 * ```ts
 * const fresh = reviewLink(analysis, link, { at: "2026-11-21T10:00:00.000Z", reviewedBy: "p-aylin-yilmaz" });
 * analysis.apply({ type: "link-updated", link: fresh });
 * ```
 */
export function reviewLink<L extends TraceLinkInput>(analysis: TraceAnalysis, link: L, options: ReviewOptions): L {
  requireTraceAnalysis(analysis, "reviewLink");
  checkArguments("reviewLink", { link: [link, "object"], options: [options, "object"] });
  checkOptionKeys("reviewLink", options, REVIEW_OPTION_KEYS);
  checkArguments("reviewLink", { "link.to": [link.to, "object"] });
  const at = toInstant(options.at);
  const target = analysis.graph.item(`${link.to.kind}:${link.to.id}`);
  if (!target) throw ValidationError.single(["to"], `the link's target ${link.to.kind}:${link.to.id} is not in the graph`, "link review");
  const { reviewedBy: _drop, ...rest } = link;
  // A target that carries a revision is pinned at it too, so the review also clears an outdated/predated status.
  const revision = target.entity.revision;
  return {
    ...rest,
    targetFingerprint: target.triggerFingerprint,
    ...(typeof revision === "number" ? { targetRevision: revision } : {}),
    reviewedAt: at,
    ...(options.reviewedBy !== undefined ? { reviewedBy: options.reviewedBy } : {}),
  } as unknown as L;
}

/** Which suspects to clear. */
export interface ClearSuspectsOptions extends ReviewOptions {
  /** Only links into these items (`kind:id`), as `doorstop clear ITEM PARENT…` — default all. */
  readonly targets?: readonly string[];
  /** Also review links never reviewed (default false). */
  readonly includeUnreviewed?: boolean;
}

/**
 * Reviews every suspect link (direct and transitive) — or those into the chosen targets — and returns the updated
 * links, in link id order. Apply them as `link-updated` edits (or store them and rebuild).
 *
 * @example
 * ```ts
 * const updated = clearSuspects(analysis, links, { at: "2026-11-21T10:00:00.000Z", reviewedBy: "p-ana-costa" });
 * for (const link of updated) analysis.apply({ type: "link-updated", link });
 * analysis.result().suspects.length; // 0
 * ```
 */
export function clearSuspects<L extends TraceLinkInput>(analysis: TraceAnalysis, links: readonly L[], options: ClearSuspectsOptions): L[] {
  requireTraceAnalysis(analysis, "clearSuspects");
  checkArguments("clearSuspects", { links: [links, "object[]"], options: [options, "object"] });
  checkOptionKeys("clearSuspects", options, { ...REVIEW_OPTION_KEYS, targets: 1, includeUnreviewed: 1 } satisfies Record<keyof ClearSuspectsOptions, 1>);
  const { targets: _t, includeUnreviewed: _u, ...review } = options;
  const r = analysis.result();
  const ids = new Set<string>();
  for (const s of r.suspects) if (!options.targets || options.targets.includes(s.to)) ids.add(s.link);
  if (options.includeUnreviewed) {
    for (const id of r.unreviewedLinks) ids.add(id);
  }
  const byId = new Map(links.map((l) => [l.id, l]));
  return [...ids]
    .sort()
    .map((id) => byId.get(id))
    .filter((l): l is L => l !== undefined && (!options.targets || options.targets.includes(`${l.to.kind}:${l.to.id}`)))
    .map((l) => reviewLink(analysis, l, review));
}

function toInstant(at: string): Instant {
  try {
    return instant(at);
  } catch {
    throw ValidationError.single(["at"], "expected an ISO instant such as 2026-11-21T10:00:00.000Z", "link review");
  }
}
