import * as z from "zod";
import { artifactTypeSchema, requirementStatusSchema, requirementTypeSchema, testCaseStatusSchema, traceLinkTypeSchema } from "../entities/index.js";

/*
 * The wire form of a rule set: its zod schema and the item types and checks it names. Kept apart from
 * `defineTraceRules` (rules.ts) so that the default rules (default-rules.ts) can be typed by it while rules.ts reads
 * them, without an import cycle.
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
  "dangling-acknowledgement",
  "unknown-audience",
] as const;

/**
 * The lifecycle states that retire an item, per kind with a retired state (artifacts have no status): a `rejected`
 * or `obsolete` requirement, a `deprecated` test case. Like OpenFastTrace, which leaves rejected items out of its
 * defect rule, and Doorstop, which skips inactive items.
 *
 * @example
 * ```ts
 * DEFAULT_INACTIVE_STATUSES.requirement; // ["rejected", "obsolete"]
 * ```
 */
export const DEFAULT_INACTIVE_STATUSES: Readonly<{ requirement: readonly string[]; "test-case": readonly string[] }> = Object.freeze({
  requirement: Object.freeze(["rejected", "obsolete"]),
  "test-case": Object.freeze(["deprecated"]),
});

/**
 * The tags that make an item inactive when the rules name none for its kind: a requirement tagged `heading` (a chapter
 * heading a ReqIF, DOORS or Polarion import brings in beside the requirements proper) is structure, not a requirement,
 * so it needs no coverage. DOORS' "Object Type" and Polarion's heading work items are left out of coverage the same way.
 *
 * @example
 * ```ts
 * DEFAULT_INACTIVE_TAGS.requirement; // ["heading"]
 * ```
 */
export const DEFAULT_INACTIVE_TAGS: Readonly<{ requirement: readonly string[]; "test-case": readonly string[] }> = Object.freeze({
  requirement: Object.freeze(["heading"]),
  "test-case": Object.freeze([]),
});

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
  /**
   * The item rules. Omitted: `DEFAULT_TRACE_RULES`' item rules. An empty list is refused: it would measure no
   * coverage at all (no level, no gap) and look like a clean result.
   */
  items: z
    .array(itemRuleSchema)
    .min(1, "an empty item list measures nothing: omit items to use DEFAULT_TRACE_RULES")
    .max(100)
    .optional(),
  /** The office's own item types (levels such as `system`, test kinds such as `unit`), beside the built-in ones. */
  itemTypes: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/).max(64)).max(100).default([]),
  /**
   * Which entity field gives an item its type, per kind (default: a requirement's `type`, an artifact's
   * `artifactType`; test cases, runs and defects are typed by their kind). An item whose field is absent keeps the
   * default type.
   */
  typeFields: z.strictObject({ requirement: z.string().min(1).max(64), artifact: z.string().min(1).max(64), "test-case": z.string().min(1).max(64) }).partial().default({}),
  /**
   * Which statuses make an item inactive, per kind (default {@link DEFAULT_INACTIVE_STATUSES}; a kind not given keeps
   * its default). An inactive item needs no coverage (no gap, not counted in its level), covers nothing, gives no test
   * evidence, is no orphan, needs no acknowledgement, and is listed in the result's `inactive`. An empty list counts every status as active.
   */
  inactive: z.strictObject({ requirement: z.array(requirementStatusSchema).max(20), "test-case": z.array(testCaseStatusSchema).max(20) }).partial().default({}),
  /**
   * Which tags make an item inactive, per kind, as `inactive` does for statuses (default {@link DEFAULT_INACTIVE_TAGS}:
   * a requirement tagged `heading`; a kind not given keeps its default; an empty list counts no tag). A status that
   * retires the item is named before a tag.
   */
  inactiveTags: z.strictObject({ requirement: z.array(z.string().min(1).max(64)).max(20), "test-case": z.array(z.string().min(1).max(64)).max(20) }).partial().default({}),
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
/** One decoded item rule. */
export type TraceItemRule = NonNullable<z.output<typeof traceRulesSchema>["items"]>[number];
/** A decoded, checked rule set. */
export type TraceRules = Omit<z.output<typeof traceRulesSchema>, "items"> & {
  /** The item rules the analysis measures coverage with. */
  readonly items: TraceItemRule[];
  /** `default`: the rule set gave no `items`, so these are `DEFAULT_TRACE_RULES`' item rules; `given`: its own. */
  readonly itemsSource: "default" | "given";
  /** Severity of every structural check: the rule set's, else `DEFAULT_SEVERITIES`. */
  readonly severityOf: Readonly<Record<StructureCheck, "error" | "warning" | "info">>;
};
