import * as z from "zod";
import { decodeWith, toDecimalString, ValidationError, type Instant, checkArguments, checkOptionKeys } from "../core/index.js";
import { checklistItemSchema, personRoleSchema, refSchema, type ChecklistItem } from "../entities/index.js";
import type { RolloutSchedule } from "./schedule.js";

/** Options of {@link instantiateChecklist}. */
export interface InstantiateChecklistOptions {
  /** The plan the items belong to. */
  readonly rolloutPlanId: string;
  /** Creation instant of the items. */
  readonly at: Instant;
  /** Prefix of the item ids (default `"ci-"`): item id = prefix + template item id. */
  readonly idPrefix?: string;
  /** Who fills each role: the item's owner and RACI persons. Roles without a person keep only `ownerRole`. */
  readonly assignees?: Partial<Record<z.output<typeof personRoleSchema>, string>>;
}

/**
 * Turns a scheduled template into checklist items of a plan (status `todo`, due days set, dependencies re-pointed at
 * the new ids, RACI filled from `assignees`), each checked by the checklist-item schema.
 *
 * @throws {ValidationError} when `assignees` names an unknown role or gives a person id that is not an id (path
 *   `["assignees", role]`), an id would be invalid or an item does not pass the schema.
 * @example
 * ```ts
 * const items = instantiateChecklist(scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, { goLive, calendar }), {
 *   rolloutPlanId: "rp-crm", at: instant("2026-09-18T14:00:00Z"), assignees: { sponsor: "p-ana-costa" },
 * });
 * ```
 */
export function instantiateChecklist(schedule: RolloutSchedule, options: InstantiateChecklistOptions): ChecklistItem[] {
  checkArguments("instantiateChecklist", { schedule: [schedule, "object"], options: [options, "object"] });
  checkArguments("instantiateChecklist", { "schedule.items": [schedule.items, "object[]"] });
  checkOptionKeys("instantiateChecklist", options, { rolloutPlanId: 1, at: 1, idPrefix: 1, assignees: 1 } satisfies Record<keyof InstantiateChecklistOptions, 1>);
  const prefix = options.idPrefix ?? "ci-";
  checkArguments("instantiateChecklist", { assignees: [options.assignees, "object?"] });
  const issues: { path: (string | number)[]; message: string; code: string }[] = [];
  // A misspelt role ("sponser") used to be ignored, leaving its items without owner or accountable person.
  const who = new Map<string, string>();
  for (const [role, personId] of Object.entries(options.assignees ?? {})) {
    if (!personRoleSchema.safeParse(role).success) issues.push({ path: ["assignees", role], message: `unknown role ${JSON.stringify(role)}`, code: "custom" });
    else if (personId === undefined) continue;
    else if (!refSchema.safeParse(personId).success) issues.push({ path: ["assignees", role], message: "expected a person id", code: "custom" });
    else who.set(role, personId);
  }
  if (issues.length > 0) throw new ValidationError(issues, "checklist assignees");
  const items = schedule.items.map((e, i) => {
    const raci = new Map<string, { personId: string; raci: string }>();
    for (const r of e.raci) {
      const personId = who.get(r.role);
      if (personId !== undefined) raci.set(`${personId}/${r.raci}`, { personId, raci: r.raci });
    }
    const owner = who.get(e.ownerRole);
    const wire = {
      id: prefix + e.id,
      version: 1,
      createdAt: options.at,
      updatedAt: options.at,
      rolloutPlanId: options.rolloutPlanId,
      code: e.code,
      title: e.title,
      ...(e.description !== undefined ? { description: e.description } : {}),
      phase: e.phase,
      category: e.category,
      ownerRole: e.ownerRole,
      ...(owner !== undefined ? { ownerId: owner } : {}),
      raci: [...raci.values()],
      anchor: e.anchor,
      tMinusDays: e.tMinusDays,
      dependsOn: e.dependsOn.map((d) => prefix + d),
      blocking: e.blocking,
      ...(e.freezeExempt !== undefined ? { freezeExempt: e.freezeExempt } : {}),
      gateIds: e.gateIds,
      status: "todo",
      dueDate: e.dueDate,
      evidenceRequired: e.evidenceRequired,
      ...(e.evidenceRule
        ? { evidenceRule: { all: e.evidenceRule.all.map((c) => ({ fact: c.fact, op: c.op, threshold: toDecimalString(c.threshold) })) } }
        : {}),
    };
    try {
      return decodeWith(checklistItemSchema, wire, "checklist item");
    } catch (err) {
      if (err instanceof ValidationError) issues.push(...err.issues.map((x) => ({ ...x, path: [i, ...x.path] })));
      else throw err;
      return undefined;
    }
  });
  if (issues.length > 0) throw new ValidationError(issues, "checklist");
  return items as ChecklistItem[];
}
