import * as z from "zod";
import { decodeWith, ValidationError, type ValidationIssue, checkArguments } from "../core/index.js";
import {
  checklistCategorySchema,
  checklistPhaseSchema,
  evidenceConditionSchema,
  personRoleSchema,
  raciSchema,
  refSchema,
} from "../entities/index.js";

/**
 * One entry of a rollout template: a checklist item before it belongs to a plan. It has the shape of a
 * `ChecklistItem` (phase, category, owner role, anchor, T-minus offset in business days, dependencies, blocking or
 * advisory, evidence required, automatic evidence rule) with roles instead of people in its RACI.
 *
 * @example
 * ```ts
 * rolloutTemplateEntrySchema.decode({
 *   id: "cab", code: "CHG-02", title: "CAB approval", phase: "prepare", category: "governance",
 *   ownerRole: "change-manager", tMinusDays: 7, blocking: true, evidenceRequired: "CAB approval record",
 *   raci: [{ role: "change-manager", raci: "accountable" }],
 * });
 * ```
 */
export const rolloutTemplateEntrySchema = z.strictObject({
  /** Template item id, unique within the template; plan items keep it as their origin. */
  id: refSchema,
  /** Short human code ("TRN-03"). */
  code: z.string().max(32).regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, { message: "codes look like TRN-03" }),
  /** What has to be done. */
  title: z.string().trim().min(1).max(300),
  /** Details, verification steps, where the item comes from. */
  description: z.string().max(20_000).optional(),
  /** Rollout phase. */
  phase: checklistPhaseSchema,
  /** Readiness area. */
  category: checklistCategorySchema,
  /** Role that owns the item. */
  ownerRole: personRoleSchema,
  /** RACI by role; exactly one accountable role. */
  raci: z.array(z.strictObject({ role: personRoleSchema, raci: raciSchema })).min(1).max(50),
  /** Plan date the offset counts from. */
  anchor: z.enum(["go-live", "cutover-start", "hypercare-end"]).default("go-live"),
  /** Business days before the anchor (T-10 is 10; negative is after the anchor). */
  tMinusDays: z.number().int().min(-1_000).max(1_000),
  /** Template ids of the items that must close first. */
  dependsOn: z.array(refSchema).max(200).default([]),
  /** Blocking items hold their gates; advisory ones make a go conditional. */
  blocking: z.boolean(),
  /**
   * True for an item allowed during a change freeze (a communication, a reminder): it keeps its nominal due day in a
   * blackout window — no move, no `cutover-step-in-blackout` warning. Absent or false: the freeze rules apply.
   */
  freezeExempt: z.boolean().optional(),
  /** Template gate ids whose scope names this item explicitly (gates usually scope by phase). */
  gateIds: z.array(refSchema).max(50).default([]),
  /** The evidence that proves the item done, in plain words. */
  evidenceRequired: z.string().trim().min(1).max(2_000),
  /** Automatic evidence check over supplied facts. */
  evidenceRule: z.strictObject({ all: z.array(evidenceConditionSchema).min(1).max(50) }).optional(),
});

/**
 * A rollout template: a named, versioned list of checklist entries that a plan is scheduled from.
 *
 * @example
 * ```ts
 * const template = rolloutTemplateSchema.decode({ id: "tpl-mini", name: "Minimal", version: "1", entries: [] });
 * ```
 */
export const rolloutTemplateSchema = z.strictObject({
  /** Template id. */
  id: refSchema,
  /** Template name. */
  name: z.string().trim().min(1).max(300),
  /** Template version label. */
  version: z.string().trim().min(1).max(32),
  /** The entries, in presentation order. */
  entries: z.array(rolloutTemplateEntrySchema).max(2_000),
});

/** A template entry, in memory form. */
export type RolloutTemplateEntry = z.output<typeof rolloutTemplateEntrySchema>;
/** A template entry, as written in data (defaults optional, decimals as strings). */
export type RolloutTemplateEntryInput = z.input<typeof rolloutTemplateEntrySchema>;
/** A rollout template, in memory form. */
export type RolloutTemplate = z.output<typeof rolloutTemplateSchema>;
/** A rollout template, as written in data. */
export type RolloutTemplateInput = z.input<typeof rolloutTemplateSchema>;

/**
 * Decodes and checks a rollout template: the shape of every entry, unique ids, dependencies that name entries of
 * the template, and exactly one accountable role per entry (RACI: many responsible, one accountable).
 *
 * @throws {ValidationError} listing every problem with its path (`entries[3].dependsOn[0]`).
 * @example
 * ```ts
 * const template = decodeRolloutTemplate(JSON.parse(text));
 * template.entries.length;
 * ```
 */
export function decodeRolloutTemplate(input: unknown): RolloutTemplate {
  const t = decodeWith(rolloutTemplateSchema, input, "rollout template");
  const issues = templateStructureIssues(t);
  if (issues.length > 0) throw new ValidationError(issues, "rollout template");
  return t;
}

/**
 * The structural problems of a decoded template: duplicate ids, dependencies on unknown or the same entries, and
 * entries without exactly one accountable role. Empty when the template is sound.
 *
 * @example
 * ```ts
 * templateStructureIssues(DEFAULT_IT_ROLLOUT_TEMPLATE); // []
 * ```
 */
export function templateStructureIssues(t: Pick<RolloutTemplate, "entries">): ValidationIssue[] {
  checkArguments("templateStructureIssues", { t: [t, "object"] });
  checkArguments("templateStructureIssues", { "t.entries": [t.entries, "object[]"] });
  const issues: ValidationIssue[] = [];
  const ids = new Set<string>();
  t.entries.forEach((e, i) => {
    if (ids.has(e.id)) issues.push({ path: ["entries", i, "id"], message: `duplicate template item id ${e.id}`, code: "custom" });
    ids.add(e.id);
  });
  t.entries.forEach((e, i) => {
    e.dependsOn.forEach((d, j) => {
      if (d === e.id) issues.push({ path: ["entries", i, "dependsOn", j], message: "an item cannot depend on itself", code: "custom" });
      else if (!ids.has(d)) issues.push({ path: ["entries", i, "dependsOn", j], message: `unknown dependency ${d}`, code: "custom" });
    });
    const accountable = e.raci.filter((r) => r.raci === "accountable").length;
    if (accountable !== 1) {
      issues.push({ path: ["entries", i, "raci"], message: `exactly one accountable role is needed, found ${accountable}`, code: "custom" });
    }
  });
  return issues;
}
