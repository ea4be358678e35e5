import type { Decimal, Metric } from "../core/index.js";
import type { PersonPending, RequirementAcknowledgement } from "./acknowledgements.js";
import type { EvidenceStatus } from "./evidence.js";
import type { TraceFieldChange } from "./fingerprint.js";
import type { LinkRevisionStatus } from "./revisions.js";
import type { TraceRules } from "./rules-schema.js";
import type { TraceFinding } from "./structure.js";

/*
 * The result of an analysis: plain readonly data, every list sorted by key (built lazily by lazy-result.ts).
 */

/** Coverage of one item whose type has a rule. */
export interface ItemCoverage {
  /** `kind:id`. */
  readonly item: string;
  /** Its type. */
  readonly type: string;
  /** Every need met. */
  readonly shallow: "covered" | "uncovered";
  /** Shallow, and every counted covering item deep-covered, recursively; `cycle` (ranked worst) in or above a loop of covering links. */
  readonly deep: "covered" | "uncovered" | "cycle";
  /** Each need: how many distinct items cover it, out of how many needed, and which. */
  readonly needs: readonly { readonly name: string; readonly anyOf: readonly string[]; readonly min: number; readonly count: number; readonly coveredBy: readonly string[]; readonly met: boolean }[];
  /** Names of the needs not met (OFT's `-type`). */
  readonly missing: readonly string[];
  /** Covering links from item types the rule does not ask for (OFT's `+type`). */
  readonly unwanted: readonly { readonly link: string; readonly from: string; readonly fromType: string }[];
}

/** An item left out of coverage and evidence because its status or a tag retires it (the rules' `inactive`, `inactiveTags`). */
export interface InactiveItem {
  /** `kind:id`. */
  readonly item: string;
  /** Its type. */
  readonly type: string;
  /** The status that retires it (`"rejected"`, `"obsolete"`, `"deprecated"`), else the tag (`"heading"`). */
  readonly status: string;
}

/** Coverage of one level (item type). */
export interface LevelCoverage {
  /** The item type. */
  readonly type: string;
  /** Active items of this type (those its rule applies to). */
  readonly items: number;
  /** Retired items of this type (the rules' `inactive`), counted in no figure here; listed in `result.inactive`. */
  readonly inactive: number;
  /** Shallow-covered items. */
  readonly shallowCovered: number;
  /** Deep-covered items. */
  readonly deepCovered: number;
  /**
   * Shallow-covered share in percent (`no-data` for a level without active items; its detail says `no items of this
   * type`, or `no active items of this type (2 inactive)` when every item of it is retired).
   */
  readonly shallowPercent: Metric<Decimal>;
  /** Deep-covered share in percent. */
  readonly deepPercent: Metric<Decimal>;
  /** Items not shallow-covered (the coverage debt), sorted. */
  readonly gaps: readonly string[];
  /**
   * Items whose deep coverage is `cycle`, sorted: those in a loop of counted covering links and those covered through
   * one (OFT's CYCLE). They are counted in `items`, never in `deepCovered`, so `items` = `deepCovered` + the
   * deep-uncovered items + `inCycle.length`; a loop's members and one path round it are its `cycle` finding.
   */
  readonly inCycle: readonly string[];
}

/** A suspect link. */
export interface SuspectLink {
  /** Link id. */
  readonly link: string;
  /** `kind:id` of the link's source. */
  readonly from: string;
  /** `kind:id` of the link's target. */
  readonly to: string;
  /** Link type. */
  readonly linkType: string;
  /** `direct`: the target changed; `transitive`: something further up changed. */
  readonly reason: "direct" | "transitive";
  /** The changed item suspicion comes from (the nearest, for a transitive link). */
  readonly origin: string;
  /** Links between the change and this one (1 = direct). */
  readonly distance: number;
  /** For a direct link: the trigger fields that changed since its review, when that content is known. */
  readonly changedFields?: readonly TraceFieldChange[];
}

/** A changed item and how far its change reaches. */
export interface ChangedItem {
  /** `kind:id`. */
  readonly item: string;
  /** Directly suspect links into it. */
  readonly directLinks: number;
  /** Links suspect through it, further down. */
  readonly transitiveLinks: number;
  /** Distinct items whose links became suspect because of it. */
  readonly blastRadius: number;
}

/** Test evidence of one item. */
export interface ItemEvidence {
  /** `kind:id`. */
  readonly item: string;
  /** The id. */
  readonly id: string;
  /** From its own tests only. */
  readonly own: EvidenceStatus;
  /** Combined with its children's roll-up. */
  readonly rolledUp: EvidenceStatus;
  /**
   * Its own tests, each with the run that decides its status (the latest in scope, or with
   * `evidence.environments: "worst-per-environment"` the worst environment's latest); with `evidence.tests:
   * "transitive"` also the tests of every item below it, each naming that item in `via`.
   */
  readonly tests: readonly TestEvidence[];
}

/** One test case's evidence for an item. */
export interface TestEvidence {
  /** `kind:id` of the test case. */
  readonly testCase: string;
  /** `kind:id` of the run that decides the status, when there is one. */
  readonly run?: string;
  /** Its result. */
  readonly result?: string;
  /** When it ran. */
  readonly executedAt?: string;
  /** The test's status for the item. */
  readonly status: EvidenceStatus;
  /** With transitive tests: the item below that the test verifies (absent for the item's own tests). */
  readonly via?: string;
  /** With `worst-per-environment`: the latest run per environment, environments in order. */
  readonly byEnvironment?: readonly { readonly environment: string; readonly run?: string; readonly result?: string; readonly executedAt?: string; readonly status: EvidenceStatus }[];
}

/** Everything an analysis finds. */
export interface TraceAnalysisResult {
  /**
   * The rule set every figure below was computed under. `rules.itemsSource` is `"default"` when no item rules were
   * given and those of `DEFAULT_TRACE_RULES` were used, `"given"` otherwise; `rules.items` lists them.
   */
  readonly rules: TraceRules;
  /** Per active item with a rule. */
  readonly coverage: readonly ItemCoverage[];
  /**
   * Items whose status retires them (the rules' `inactive`, by default rejected and obsolete requirements and
   * deprecated test cases), sorted by key: they need no coverage, cover nothing, give no evidence and make no link
   * suspect.
   */
  readonly inactive: readonly InactiveItem[];
  /** Per item type with a rule. */
  readonly levels: readonly LevelCoverage[];
  /** Structural findings. */
  readonly findings: readonly TraceFinding[];
  /** Suspect links (never a link from or into an inactive item: a retired item reopens nothing). */
  readonly suspects: readonly SuspectLink[];
  /**
   * Trace links never reviewed (no recorded target fingerprint), Doorstop's "needs initial review"; links from or into
   * an inactive item are not listed.
   */
  readonly unreviewedLinks: readonly string[];
  /**
   * Revision status (OpenFastTrace's `outdated` / `predated`) of every trace link that pins a `targetRevision` of a
   * target with a `revision`, by link id; beside the fingerprint-based `suspects`. As there, links from or into an
   * inactive item are not listed.
   */
  readonly linkRevisions: readonly LinkRevisionStatus[];
  /** Items whose change made links suspect, with the blast radius. */
  readonly changedItems: readonly ChangedItem[];
  /** Per active requirement (and any other active item with tests). */
  readonly evidence: readonly ItemEvidence[];
  /** Per requirement listing audiences. */
  readonly acknowledgements: readonly RequirementAcknowledgement[];
  /** Per person: what they still have to acknowledge. */
  readonly pendingByPerson: readonly PersonPending[];
}
