import type { Acknowledgement, Requirement, TraceLink } from "../entities/index.js";
import { requirementFingerprint } from "../traceability/index.js";

/*
 * The sample office (examples/data) stores PLACEHOLDER fingerprints — eight seeded FNV-1a rounds over
 * `[key, title, statement, acceptanceCriteria]` (examples/data/build-office.ts, `placeholderFingerprint`) — because
 * the data was written before pmokit's real fingerprint existed. This file reproduces that hash only to recognise
 * the placeholders: one that matches the requirement's current content becomes the real fingerprint of that content;
 * any other (taken from an earlier statement, like FR-102's and TR-001's) is kept, and stays stale. Real datasets carry real fingerprints and pass through unchanged.
 */

function fnv1a32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function placeholderOf(r: Requirement): string {
  const content = JSON.stringify([r.key, r.title, r.statement, r.acceptanceCriteria]);
  let out = "";
  for (let round = 0; round < 8; round++) out += fnv1a32(`${round}|${content}`, Math.imul(round + 1, 0x9e3779b9)).toString(16).padStart(8, "0");
  return out;
}

/**
 * Translates the sample office's placeholder fingerprints on trace links and acknowledgements into real ones (see
 * above). Fingerprints that are not a placeholder of the current content are kept: they were real already, or
 * they are stale and stay stale.
 *
 * @example
 * ```ts
 * const { links, acknowledgements } = realSampleFingerprints(requirements, links, acknowledgements);
 * ```
 */
export function realSampleFingerprints(
  requirements: readonly Requirement[],
  links: readonly TraceLink[],
  acknowledgements: readonly Acknowledgement[],
): { readonly links: TraceLink[]; readonly acknowledgements: Acknowledgement[] } {
  const byId = new Map(requirements.map((r) => [r.id, r] as const));
  // Only a placeholder of the current content is translated; anything else cannot equal the real fingerprint of the
  // current content, so it stays stale (or current, when it is already real) without being touched.
  const real = (id: string, stored: string): string => {
    const r = byId.get(id);
    return r !== undefined && stored === placeholderOf(r) ? requirementFingerprint(r) : stored;
  };
  return {
    links: links.map((l) => (l.targetFingerprint === undefined || l.to.kind !== "requirement" ? l : { ...l, targetFingerprint: real(l.to.id, l.targetFingerprint) })),
    acknowledgements: acknowledgements.map((a) => ({ ...a, fingerprint: real(a.requirementId, a.fingerprint) })),
  };
}

