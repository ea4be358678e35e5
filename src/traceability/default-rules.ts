import type { TraceRulesInput } from "./rules-schema.js";

const REQUIREMENTS = ["business", "stakeholder", "functional", "non-functional", "transition"];
const BUILDS = ["code", "database-change", "operations-change", "configuration"];

/*
 * The default item rules: a rule set that gives no `items` measures coverage with these (defineTraceRules), so an
 * analysis called without rules reports real levels instead of none.
 */
type ItemRulesInput = NonNullable<TraceRulesInput["items"]>;

const ITEM_RULES: ItemRulesInput = [
  { type: "business", root: true, needs: [{ name: "derived requirement", anyOf: ["stakeholder", "functional", "non-functional", "transition"], via: ["derives", "refines"], min: 1 }] },
  {
    type: "stakeholder",
    needs: [{ name: "functional requirement", anyOf: ["functional"], via: ["refines", "derives"], min: 1 }],
    parents: { anyOf: ["business"], via: ["derives"] },
  },
  {
    type: "functional",
    needs: [
      { name: "implementation", anyOf: BUILDS, via: ["implements"], min: 1 },
      { name: "test", anyOf: ["test-case"], via: ["verifies"], min: 1 },
    ],
    parents: { anyOf: ["business", "stakeholder"], via: ["derives", "refines"] },
  },
  {
    type: "non-functional",
    needs: [{ name: "realisation", anyOf: [...BUILDS, "design", "document"], via: ["implements", "satisfies"], min: 1 }],
    parents: { anyOf: ["business", "stakeholder"], via: ["derives", "refines"] },
  },
  {
    type: "transition",
    needs: [{ name: "realisation", anyOf: [...BUILDS, "design", "document"], via: ["implements", "satisfies"], min: 1 }],
    parents: { anyOf: ["business", "stakeholder"], via: ["derives", "refines"] },
  },
  { type: "test-case", parents: { anyOf: REQUIREMENTS, via: ["verifies"] } },
];

/** @internal The item rules of {@link DEFAULT_TRACE_RULES}. */
export const DEFAULT_ITEM_RULES: ItemRulesInput = Object.freeze(ITEM_RULES) as ItemRulesInput;

/**
 * A starting rule set for an IT PMO, as the issue describes it: a business requirement needs at least one
 * stakeholder, functional, non-functional or transition requirement deriving from it; a stakeholder requirement needs
 * a refining functional requirement; a functional requirement needs at least one implementing artifact and one
 * verifying test case; non-functional and transition requirements need something that implements or satisfies them.
 * Every requirement but a business one must hang from a parent, and every test case must verify something. Rejected
 * and obsolete requirements and deprecated test cases are inactive: left out of coverage and evidence, listed apart.
 * Copy and adapt it: rules are data.
 *
 * Its item rules are the default: an analysis called without rules, or with rules that give no `items`, measures
 * coverage with them (the result's `rules.itemsSource` is then `"default"`).
 *
 * @example
 * ```ts
 * const rules = defineTraceRules({ ...DEFAULT_TRACE_RULES, severities: { orphan: "error" } });
 * analyzeTraceability(input).rules.items.map((r) => r.type);
 * // ["business", "stakeholder", "functional", "non-functional", "transition", "test-case"]
 * ```
 */
export const DEFAULT_TRACE_RULES: TraceRulesInput = /* @__PURE__ */ Object.freeze({
  items: DEFAULT_ITEM_RULES,
  parentLinkTypes: ["derives", "refines"],
  evidenceLinkTypes: ["verifies"],
  inactive: { requirement: ["rejected", "obsolete"], "test-case": ["deprecated"] },
}) as TraceRulesInput;
