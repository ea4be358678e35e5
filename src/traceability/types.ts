import { checkArguments, type Instant } from "../core/index.js";
import type { TraceLink } from "../entities/index.js";

/*
 * Shared shapes of the traceability calculators. Items are addressed by kind and id (ids are unique per kind only),
 * written `kind:id` where one string is needed (`requirement:FR-101`).
 */

/**
 * Kinds of item in the trace graph: the entity kinds a trace link can join.
 *
 * @example
 * ```ts
 * const kind: TraceItemKind = "test-case";
 * ```
 */
export type TraceItemKind = "requirement" | "artifact" | "test-case" | "test-run" | "defect";

/**
 * How serious a structural finding is. Each check's severity is configured in the rule set and stated on every
 * finding.
 *
 * @example
 * ```ts
 * const s: TraceSeverity = "error";
 * ```
 */
export type TraceSeverity = "error" | "warning" | "info";

/** A reference to one item of the graph. */
export interface TraceItemRef {
  /** Entity kind. */
  readonly kind: TraceItemKind;
  /** Its id. */
  readonly id: string;
}

/**
 * One node of the trace graph: an item with its rule type (a requirement's type such as `functional`, an
 * artifact's type such as `code`, or `test-case`, `test-run`, `defect`), its content fingerprints and when that
 * content last changed.
 */
export interface TraceItem extends TraceItemRef {
  /** `kind:id`. */
  readonly key: string;
  /** The type coverage rules talk about. */
  readonly type: string;
  /**
   * The status that retires the item under the rules' `inactive` statuses (`"rejected"`, `"deprecated"`…); absent
   * for an active item. An inactive item needs no coverage, covers nothing and gives no evidence.
   */
  readonly inactive?: string;
  /** The entity itself (memory form). */
  readonly entity: Readonly<Record<string, unknown>>;
  /** Fingerprint over the configured fingerprint fields (acknowledgements and baselines use it). */
  readonly fingerprint: string;
  /** Fingerprint over the suspect-trigger fields (links record it). Equal to `fingerprint` by default. */
  readonly triggerFingerprint: string;
  /** When the fingerprinted content (or the revision) last changed; a passing run before it is stale. */
  readonly changedAt: Instant | undefined;
  /**
   * When the trigger fields (the rules' `triggerFields`, by default the fingerprinted ones) last changed: a link
   * reviewed or made since stops the transitive suspicion of that change. Its own time, so an edit of a field outside
   * the trigger fields does not move it, and a trigger field outside the fingerprinted ones moves only this one.
   */
  readonly triggerChangedAt: Instant | undefined;
  /**
   * When the fingerprint last changed — what an acknowledgement pins: unlike `changedAt`, a raised `revision` alone
   * does not move it. A build takes the item's `triggerChangedAt` where the trigger fields are the fingerprinted ones
   * (the default), else its `changedAt`.
   */
  readonly fingerprintChangedAt: Instant | undefined;
}

/**
 * The input of a trace analysis: the entities of one office or project, in memory form (as decoded by the entity
 * codecs). Runs, defects and acknowledgements are optional.
 *
 * @example
 * ```ts
 * const input: TraceInput = { requirements, artifacts, testCases, testRuns, links };
 * ```
 */
export interface TraceInput {
  /** Requirements. */
  readonly requirements?: readonly TraceEntity[];
  /** Designs, code, database and operations changes. */
  readonly artifacts?: readonly TraceEntity[];
  /** Test cases. */
  readonly testCases?: readonly TraceEntity[];
  /** Test runs (evidence). */
  readonly testRuns?: readonly TraceEntity[];
  /** Defects. */
  readonly defects?: readonly TraceEntity[];
  /** Trace links. */
  readonly links?: readonly TraceLinkInput[];
  /** Audience acknowledgements. */
  readonly acknowledgements?: readonly AcknowledgementInput[];
  /**
   * When each item's fingerprinted content last changed, by `kind:id`. Items not listed use their `updatedAt`
   * (an upper bound: a status change also moves `updatedAt`, which can only make evidence look older, never newer).
   */
  readonly changedAt?: Readonly<Record<string, string>>;
  /**
   * When each item's trigger fields (the rules' `triggerFields`) last changed, by `kind:id`, where that differs from
   * its `changedAt` (default: the same time, the convention when only one is known).
   */
  readonly triggerChangedAt?: Readonly<Record<string, string>>;
}

/**
 * An entity as the graph reads it: any record with an `id` (requirements, artifacts, test cases, runs, defects in
 * memory form all qualify).
 */
export interface TraceEntity {
  /** The entity id. */
  readonly id: string;
  /** Other fields. */
  readonly [field: string]: unknown;
}

/**
 * A trace link as the graph reads it: the `TraceLink` entity in memory form, or a plain row — its times, like every
 * time the traceability functions take, are UTC instant strings (`2026-11-20T10:00:00Z` or with milliseconds),
 * checked and compared in canonical form.
 */
export type TraceLinkInput = Pick<TraceLink, "id" | "from" | "to" | "linkType"> &
  Partial<Pick<TraceLink, "targetFingerprint" | "targetRevision" | "reviewedBy" | "version" | "note">> & {
    /** When the link was made (a UTC instant). */
    readonly createdAt?: string | undefined;
    /** When it was last changed (a UTC instant). */
    readonly updatedAt?: string | undefined;
    /** When it was last reviewed against its target (a UTC instant). */
    readonly reviewedAt?: string | undefined;
  };

/** An acknowledgement as the analysis reads it (the `Acknowledgement` entity in memory form). */
export interface AcknowledgementInput {
  /** Acknowledgement id. */
  readonly id: string;
  /** Requirement acknowledged. */
  readonly requirementId: string;
  /** The audience the person acknowledged for. */
  readonly audienceRole: string;
  /** Who. */
  readonly personId: string;
  /** The requirement fingerprint read. */
  readonly fingerprint: string;
  /** When (a UTC instant). */
  readonly acknowledgedAt: string;
}

/**
 * `kind:id` of an item reference.
 *
 * @example
 * ```ts
 * itemKey({ kind: "requirement", id: "FR-101" }); // "requirement:FR-101"
 * ```
 */
export function itemKey(ref: TraceItemRef): string {
  checkArguments("itemKey", { ref: [ref, "object"] });
  return `${ref.kind}:${ref.id}`;
}
