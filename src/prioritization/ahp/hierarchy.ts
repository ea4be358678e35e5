import { ValidationError, type ValidationIssue, checkArguments, checkOptionKeys } from "../../core/index.js";
import type { PairwiseMatrix } from "./matrix.js";
import { AHP_OPTION_KEYS, ahpWeights, consistencyThreshold, type AhpOptions, type AhpResult } from "./weights.js";

/**
 * A node of an AHP hierarchy: the goal, a criterion or a sub-criterion. A node with `children` compares them in
 * `compare` (children × children); a node without children is a leaf criterion and compares the alternatives in
 * `compare` (alternatives × alternatives, in the order of {@link AhpHierarchy.alternatives}).
 */
export interface AhpNode {
  /** Unique id in the hierarchy. */
  readonly id: string;
  /** Display name. Default: the id. */
  readonly name?: string;
  /** The pairwise judgements among the children, or among the alternatives at a leaf. */
  readonly compare: PairwiseMatrix;
  /** Sub-criteria. Omit at a leaf. */
  readonly children?: readonly AhpNode[];
}

/** A whole hierarchy: the goal node and the alternatives judged under every leaf criterion. */
export interface AhpHierarchy {
  /** The top of the tree (its `compare` weighs the main criteria). */
  readonly goal: AhpNode;
  /** The alternatives' ids, in the order of every leaf's matrix. */
  readonly alternatives: readonly string[];
}

/**
 * Options of {@link ahpHierarchy}: those of {@link ahpWeights} for every node, plus the synthesis mode.
 * The default RI table is `"donegan-dodd"` (as for {@link ahpWeights}); textbook examples use Saaty's — pass
 * `riTable: "saaty-classic"` to reproduce them.
 */
export interface AhpHierarchyOptions extends AhpOptions {
  /**
   * How alternatives' local priorities are combined. `"distributive"` (default): as they are (they sum to 1 under each
   * leaf) — the share of each leaf's weight an alternative takes. `"ideal"`: each leaf's priorities divided by the
   * best one there (the best gets 1), so adding or removing a poor alternative cannot reorder the others (Saaty's
   * remedy for rank reversal); the final priorities are then normalised to sum to 1.
   */
  readonly mode?: "distributive" | "ideal";
}

/** One node's result: its local AHP result and its weight in the goal. */
export interface AhpNodeResult {
  /** The node's id. */
  readonly id: string;
  /** The node's name. */
  readonly name: string;
  /** The node's weight in the goal: the product of local weights from the goal down (the goal itself: 1). */
  readonly globalWeight: number;
  /** The node's own weight among its siblings (the goal: 1). */
  readonly localWeight: number;
  /** The AHP result of the node's matrix (children's or alternatives' weights, λmax, CI, RI, CR, consistent). */
  readonly local: AhpResult;
  /** What `local.weights` weigh: the children's ids, or the alternatives at a leaf. */
  readonly compares: readonly string[];
}

/** The synthesis of a hierarchy. */
export interface AhpHierarchyResult {
  /** The synthesis mode used. */
  readonly mode: "distributive" | "ideal";
  /** Every node, goal first, depth-first in the input order. */
  readonly nodes: readonly AhpNodeResult[];
  /** Global weights of the leaf criteria (sum to 1). */
  readonly leafWeights: readonly { readonly id: string; readonly weight: number }[];
  /** Final priorities of the alternatives (sum to 1), in input order. */
  readonly priorities: readonly { readonly alternative: string; readonly priority: number }[];
  /** True when every node's CR is within the threshold. */
  readonly consistent: boolean;
  /** Ids of the nodes whose CR is above the threshold. */
  readonly inconsistentNodes: readonly string[];
}

const HIERARCHY_OPTION_KEYS = { ...AHP_OPTION_KEYS, mode: 1 } satisfies Record<keyof AhpHierarchyOptions, 1>;

/**
 * Synthesises an AHP hierarchy: local priorities at every node (with CR per node), global criterion weights as the
 * products of local weights down the tree, and the alternatives' final priorities in distributive or ideal mode.
 *
 * @throws {ValidationError} for a malformed hierarchy (duplicate ids, a matrix whose size does not match its children
 * or the alternatives, fewer than one alternative) with the path of each problem, a malformed matrix, or an unknown
 * option key (at `options.<key>`).
 * @example
 * ```ts
 * // Hand-derived with consistent judgements: quality is 3× cost → weights 0.25 / 0.75.
 * // Under cost A is 2× B (2/3, 1/3); under quality B is 4× A (0.2, 0.8).
 * const r = ahpHierarchy({
 *   goal: { id: "goal", compare: [[1, "1/3"], [3, 1]], children: [
 *     { id: "cost", compare: [[1, 2], ["1/2", 1]] },
 *     { id: "quality", compare: [[1, "1/4"], [4, 1]] },
 *   ] },
 *   alternatives: ["A", "B"],
 * });
 * // distributive: A = 0.25·2/3 + 0.75·0.2 = 0.31667, B = 0.68333
 * r.priorities.map((p) => p.priority.toFixed(5)); // ["0.31667", "0.68333"]
 * ```
 */
export function ahpHierarchy(hierarchy: AhpHierarchy, options: AhpHierarchyOptions = {}): AhpHierarchyResult {
  checkArguments("ahpHierarchy", { hierarchy: [hierarchy, "object"], options: [options, "object"] });
  checkOptionKeys("ahpHierarchy", options, HIERARCHY_OPTION_KEYS, ["options"]);
  const mode = options.mode ?? "distributive";
  if (mode !== "distributive" && mode !== "ideal") {
    throw ValidationError.single(["options", "mode"], 'mode must be "distributive" or "ideal"', "AHP hierarchy");
  }
  checkShape(hierarchy);
  const alts = hierarchy.alternatives;
  const threshold = consistencyThreshold(options.threshold, "AHP hierarchy");
  const { mode: _mode, ...nodeOptions } = options;
  const nodes: AhpNodeResult[] = [];
  const leafWeights: { id: string; weight: number }[] = [];
  const totals = new Array<number>(alts.length).fill(0);
  const visit = (node: AhpNode, globalWeight: number, localWeight: number, path: (string | number)[]) => {
    let local: AhpResult;
    try {
      local = ahpWeights(node.compare, nodeOptions);
    } catch (e) {
      // Re-anchor the matrix's problems at the node's place in the hierarchy.
      if (e instanceof ValidationError) throw new ValidationError(e.issues.map((i) => ({ ...i, path: [...path, "compare", ...i.path.slice(1)] })), "AHP hierarchy");
      throw e;
    }
    const children = node.children ?? [];
    nodes.push({ id: node.id, name: node.name ?? node.id, globalWeight, localWeight, local, compares: children.length > 0 ? children.map((c) => c.id) : alts });
    if (children.length === 0) {
      leafWeights.push({ id: node.id, weight: globalWeight });
      const best = Math.max(...local.weights);
      local.weights.forEach((w, k) => (totals[k]! += globalWeight * (mode === "ideal" ? w / best : w)));
      return;
    }
    children.forEach((c, k) => visit(c, globalWeight * local.weights[k]!, local.weights[k]!, [...path, "children", k]));
  };
  visit(hierarchy.goal, 1, 1, ["goal"]);
  const sum = totals.reduce((a, b) => a + b, 0);
  const inconsistentNodes = nodes.filter((n) => n.local.cr > threshold).map((n) => n.id);
  return {
    mode,
    nodes,
    leafWeights,
    priorities: alts.map((alternative, k) => ({ alternative, priority: totals[k]! / sum })),
    consistent: inconsistentNodes.length === 0,
    inconsistentNodes,
  };
}

/** Structure checks, every problem at once with its path. */
function checkShape(h: AhpHierarchy): void {
  if (typeof h !== "object" || h === null) throw ValidationError.single([], "expected { goal, alternatives }", "AHP hierarchy");
  const issues: ValidationIssue[] = [];
  const alts = h.alternatives;
  if (!Array.isArray(alts) || alts.length === 0 || alts.some((a) => typeof a !== "string")) {
    issues.push({ path: ["alternatives"], message: "give at least one alternative id", code: "custom" });
  } else if (new Set(alts).size !== alts.length) {
    issues.push({ path: ["alternatives"], message: "alternative ids must be unique", code: "custom" });
  }
  const ids = new Set<string>();
  const walk = (node: AhpNode, path: (string | number)[]) => {
    if (typeof node !== "object" || node === null || typeof node.id !== "string") {
      issues.push({ path, message: "expected a node { id, compare, children? }", code: "custom" });
      return;
    }
    if (ids.has(node.id)) issues.push({ path: [...path, "id"], message: `duplicate node id ${JSON.stringify(node.id)}`, code: "custom" });
    ids.add(node.id);
    const children = node.children ?? [];
    if (!Array.isArray(children)) {
      issues.push({ path: [...path, "children"], message: "expected an array of nodes", code: "custom" });
      return;
    }
    const expected = children.length > 0 ? children.length : Array.isArray(alts) ? alts.length : 0;
    const size = Array.isArray(node.compare) ? node.compare.length : -1;
    if (size !== expected) {
      const what = children.length > 0 ? `${children.length} children` : `${expected} alternatives`;
      issues.push({ path: [...path, "compare"], message: `expected a ${expected}×${expected} matrix for ${what}, got ${size < 0 ? "none" : `${size} rows`}`, code: "custom" });
    }
    children.forEach((c, k) => walk(c, [...path, "children", k]));
  };
  walk(h.goal, ["goal"]);
  if (issues.length > 0) throw new ValidationError(issues, "AHP hierarchy");
}
