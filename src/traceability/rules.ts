import * as z from "zod";
import { ValidationError, decodeWith, type ValidationIssue } from "../core/index.js";
import { artifactTypeSchema, requirementTypeSchema, traceLinkTypeSchema } from "../entities/index.js";
import { BUILT_IN_LINK_TYPES } from "./link-types.js";

/*
 * Coverage and structure rules as data. An item type's rule says what must cover it (needs, each "≥ min of any of
 * these types, through these link types"), whether it is a root, and which parents it may hang from. Severities of
 * the structural checks are stated here too, so nothing about a finding is implicit.
 */

/**
 * Every item type the graph can contain: the requirement types, the artifact types, and `test-case`, `test-run`,
 * `defect`.
 *
 * @example
 * ```ts
 * TRACE_ITEM_TYPES.includes("functional"); // true
 * ```
 */
export const TRACE_ITEM_TYPES: readonly string[] = Object.freeze([
  ...requirementTypeSchema.options,
  ...artifactTypeSchema.options,
  "test-case",
  "test-run",
  "defect",
]);

/**
 * The structural checks, each with a configurable severity.
 *
 * @example
 * ```ts
 * STRUCTURE_CHECKS.includes("cycle"); // true
 * ```
 */
export const STRUCTURE_CHECKS = [
  "dangling-link",
  "duplicate-item",
  "duplicate-link",
  "self-link",
  "cycle",
  "orphan",
  "disallowed-link",
  "unknown-link-type",
] as const;

/** One structural check. */
export type StructureCheck = (typeof STRUCTURE_CHECKS)[number];

const itemType = z.string().min(1).max(64);
const linkType = z.union([traceLinkTypeSchema, z.enum(["executes", "affects", "found-in"])]);
const severity = z.enum(["error", "warning", "info"]);

const needSchema = z.strictObject({
  /** Label used in reports (`"test"`); defaults to the types joined with `|`. */
  name: z.string().min(1).max(100).optional(),
  /** Any of these item types counts. */
  anyOf: z.array(itemType).min(1).max(50),
  /** How many distinct covering items are needed (quorum). */
  min: z.number().int().min(1).max(1000).default(1),
  /** Through which link types (default: every type that covers). */
  via: z.array(linkType).min(1).max(50).optional(),
});

const itemRuleSchema = z.strictObject({
  type: itemType,
  needs: z.array(needSchema).max(50).default([]),
  /** A root needs no parent (business requirements). */
  root: z.boolean().default(false),
  /** Parents it may hang from; an item with none of them is an orphan. Omit to skip the orphan check. */
  parents: z.strictObject({ anyOf: z.array(itemType).min(1).max(50), via: z.array(linkType).min(1).max(50) }).optional(),
});

/**
 * The zod schema of a rule set (the wire form users write); {@link defineTraceRules} decodes and checks it.
 *
 * @example
 * ```ts
 * traceRulesSchema.safeParse({ items: [{ type: "functional", needs: [{ anyOf: ["test-case"], via: ["verifies"] }] }] }).success; // true
 * ```
 */
export const traceRulesSchema = z.strictObject({
  items: z.array(itemRuleSchema).max(100).default([]),
  /** The office's own item types (levels such as `system`, test kinds such as `unit`), beside the built-in ones. */
  itemTypes: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/).max(64)).max(100).default([]),
  /**
   * Which entity field gives an item its type, per kind (default: a requirement's `type`, an artifact's
   * `artifactType`; test cases, runs and defects are typed by their kind). An item whose field is absent keeps the
   * default type.
   */
  typeFields: z.strictObject({ requirement: z.string().min(1).max(64), artifact: z.string().min(1).max(64), "test-case": z.string().min(1).max(64) }).partial().default({}),
  /**
   * `parents` (default): only rules naming `parents` find orphans. `needs`: besides, an item of a type some need asks
   * for (and not a root) is an orphan when none of its links counts for a need of the item it links to.
   */
  orphans: z.enum(["parents", "needs"]).default("parents"),
  linkTypes: z
    .array(z.strictObject({ name: traceLinkTypeSchema, inverse: z.string().min(1).max(100), covers: z.boolean().default(true) }))
    .max(100)
    .default([]),
  allowedLinks: z
    .array(z.strictObject({ from: z.array(itemType).min(1), linkType, to: z.array(itemType).min(1) }))
    .max(500)
    .optional(),
  parentLinkTypes: z.array(linkType).max(50).default(["derives", "refines"]),
  evidenceLinkTypes: z.array(linkType).min(1).max(50).default(["verifies"]),
  cycleLinkTypes: z.array(linkType).max(50).optional(),
  suspects: z
    .strictObject({
      transitiveLinkTypes: z.array(linkType).max(50).default(["derives", "refines", "satisfies", "implements", "verifies"]),
      depth: z.number().int().min(0).max(100).default(3),
    })
    .default({ transitiveLinkTypes: ["derives", "refines", "satisfies", "implements", "verifies"], depth: 3 }),
  fingerprintFields: z.record(z.string(), z.array(z.string().min(1)).max(100)).optional(),
  triggerFields: z.record(z.string(), z.array(z.string().min(1)).max(100)).optional(),
  severities: z.partialRecord(z.enum(STRUCTURE_CHECKS), severity).default({}),
});

/** A rule set as written (wire form). */
export type TraceRulesInput = z.input<typeof traceRulesSchema>;
/** A decoded, checked rule set. */
export type TraceRules = z.output<typeof traceRulesSchema> & { readonly severityOf: Readonly<Record<StructureCheck, "error" | "warning" | "info">> };

/**
 * Severity of each check when the rule set does not say: broken references, duplicates and cycles are errors
 * (StrictDoc refuses to export with them), the rest warnings; an undeclared custom link type is information.
 *
 * @example
 * ```ts
 * DEFAULT_SEVERITIES.cycle; // "error"
 * ```
 */
export const DEFAULT_SEVERITIES: Readonly<Record<StructureCheck, "error" | "warning" | "info">> = Object.freeze({
  "dangling-link": "error",
  "duplicate-item": "error",
  "duplicate-link": "warning",
  "self-link": "warning",
  cycle: "error",
  orphan: "warning",
  "disallowed-link": "warning",
  "unknown-link-type": "info",
});

/**
 * Decodes and checks a rule set: item types neither built in nor declared in `itemTypes`, rules for a type given twice, and needs that no allowed link
 * could ever satisfy are refused with the path of each problem.
 *
 * @throws {ValidationError} listing every problem.
 * @example
 * ```ts
 * const rules = defineTraceRules({
 *   items: [{ type: "functional", needs: [{ name: "test", anyOf: ["test-case"], via: ["verifies"], min: 1 }] }],
 * });
 * ```
 */
export function defineTraceRules(input: TraceRulesInput = {}): TraceRules {
  const r = decodeWith(traceRulesSchema, input, "trace rules");
  const issues: ValidationIssue[] = [];
  const known = new Set([...TRACE_ITEM_TYPES, ...r.itemTypes]);
  const types = (list: readonly string[], path: (string | number)[]) =>
    list.forEach((t, i) => {
      if (!known.has(t)) issues.push({ path: [...path, i], message: `unknown item type "${t}"`, code: "custom" });
    });
  const declared = new Set([...BUILT_IN_LINK_TYPES.map((d) => d.name), ...r.linkTypes.map((d) => d.name)]);
  const links = (list: readonly string[] | undefined, path: (string | number)[]) =>
    list?.forEach((t, i) => {
      if (!declared.has(t)) issues.push({ path: [...path, i], message: `link type "${t}" is not declared in linkTypes`, code: "custom" });
    });
  const seen = new Set<string>();
  r.items.forEach((rule, i) => {
    if (!known.has(rule.type)) issues.push({ path: ["items", i, "type"], message: `unknown item type "${rule.type}"`, code: "custom" });
    if (seen.has(rule.type)) issues.push({ path: ["items", i, "type"], message: `a rule for "${rule.type}" is given twice`, code: "custom" });
    seen.add(rule.type);
    rule.needs.forEach((n, j) => {
      types(n.anyOf, ["items", i, "needs", j, "anyOf"]);
      links(n.via, ["items", i, "needs", j, "via"]);
      if (r.allowedLinks && !satisfiable(r, rule.type, n.anyOf, n.via)) {
        issues.push({ path: ["items", i, "needs", j], message: `no allowed link lets ${n.anyOf.join("|")} cover ${rule.type}`, code: "custom" });
      }
    });
    if (rule.parents) {
      types(rule.parents.anyOf, ["items", i, "parents", "anyOf"]);
      links(rule.parents.via, ["items", i, "parents", "via"]);
    }
  });
  r.allowedLinks?.forEach((a, i) => {
    types(a.from, ["allowedLinks", i, "from"]);
    types(a.to, ["allowedLinks", i, "to"]);
    links([a.linkType], ["allowedLinks", i, "linkType"]);
  });
  links(r.parentLinkTypes, ["parentLinkTypes"]);
  links(r.evidenceLinkTypes, ["evidenceLinkTypes"]);
  links(r.cycleLinkTypes, ["cycleLinkTypes"]);
  links(r.suspects.transitiveLinkTypes, ["suspects", "transitiveLinkTypes"]);
  if (issues.length > 0) throw new ValidationError(issues, "trace rules");
  return { ...r, severityOf: { ...DEFAULT_SEVERITIES, ...r.severities } };
}

function satisfiable(r: z.output<typeof traceRulesSchema>, target: string, anyOf: readonly string[], via: readonly string[] | undefined): boolean {
  return (r.allowedLinks ?? []).some(
    (a) => a.to.includes(target) && a.from.some((f) => anyOf.includes(f)) && (via === undefined || via.includes(a.linkType)),
  );
}
