import { assembleAcknowledgements, assembleCoverage, assembleEvidence, assembleInactive, assembleLevels, assembleSuspects } from "./assemble.js";
import type { Engine } from "./engine.js";
import type { TraceAnalysisResult } from "./result.js";
import { linkRevisions } from "./revisions.js";
import { checkStructure } from "./structure.js";

/*
 * The result object handed out by `result()` (internal). Its listings are plain readonly data, each built from the
 * analysis state the first time it is read (a report that reads only the levels and findings does not pay for 70,000
 * coverage entries); the next edit builds any listing not read yet first, so a result always describes the graph as
 * it was when `result()` was called.
 */

/** The result of engine `e`, each listing built when first read (or before the next edit changes the state). */
export function materialize(e: Engine, opts: { evidenceOnly?: boolean } = {}): TraceAnalysisResult {
  const rules = e.graph.store.rules;
  if (opts.evidenceOnly) return { rules, coverage: [], inactive: [], levels: [], findings: [], suspects: [], unreviewedLinks: [], linkRevisions: [], changedItems: [], evidence: assembleEvidence(e), acknowledgements: [], pendingByPerson: [] };
  // Once every listing is built, the result no longer depends on the state and leaves the pending set.
  let left = 8;
  const built = () => {
    if (--left === 0) e.pending.delete(force);
  };
  const coverage = once(() => assembleCoverage(e).coverage, built);
  const levels = once(() => assembleLevels(e), built);
  // Acknowledgements as of `asOf` (one given after it has not happened yet), as the statuses read them.
  const findings = once(() => checkStructure(e.graph.store, e.c, [...e.acks.values()].flat()), built);
  const suspects = once(() => assembleSuspects(e), built);
  const evidence = once(() => assembleEvidence(e), built);
  const acks = once(() => assembleAcknowledgements(e), built);
  const revisions = once(() => linkRevisions(e.graph.store), built);
  const inactive = once(() => assembleInactive(e), built);
  const all = [coverage, levels, findings, suspects, evidence, acks, revisions, inactive];
  const force = (): void => {
    for (const f of all) f();
  };
  // Many results taken between two edits and never read in full: build the older ones rather than keep them waiting.
  if (e.pending.size >= MAX_PENDING) for (const f of [...e.pending]) f();
  e.pending.add(force);
  return {
    rules,
    get coverage() {
      return coverage();
    },
    get inactive() {
      return inactive();
    },
    get levels() {
      return levels();
    },
    get findings() {
      return findings();
    },
    get suspects() {
      return suspects().suspects;
    },
    get unreviewedLinks() {
      return suspects().unreviewedLinks;
    },
    get linkRevisions() {
      return revisions();
    },
    get changedItems() {
      return suspects().changedItems;
    },
    get evidence() {
      return evidence();
    },
    get acknowledgements() {
      return acks().acknowledgements;
    },
    get pendingByPerson() {
      return acks().pendingByPerson;
    },
  };
}

const MAX_PENDING = 16;

/** `f`, evaluated on the first call only (then `after` is told). */
function once<T>(f: () => T, after: () => void): () => T {
  let done = false;
  let value: T | undefined;
  return () => {
    if (!done) {
      value = f();
      done = true;
      after();
    }
    return value as T;
  };
}
