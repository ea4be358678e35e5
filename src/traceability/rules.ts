import type * as z from "zod";
import { ValidationError, decodeWith, type ValidationIssue } from "../core/index.js";
import { DEFAULT_ITEM_RULES } from "./default-rules.js";
import { DEFAULT_FINGERPRINT_FIELDS } from "./fingerprint.js";
import { BUILT_IN_LINK_TYPES } from "./link-types.js";
import { STRUCTURE_CHECKS, TRACE_ITEM_TYPES, traceRulesSchema, type StructureCheck, type TraceRules, type TraceRulesInput } from "./rules-schema.js";

export { DEFAULT_INACTIVE_STATUSES, DEFAULT_INACTIVE_TAGS, STRUCTURE_CHECKS, TRACE_ITEM_TYPES, traceRulesSchema, type StructureCheck, type TraceItemRule, type TraceRules, type TraceRulesInput } from "./rules-schema.js";

/*
 * Coverage and structure rules as data (the schema is in rules-schema.ts). An item type's rule says what must cover it (needs, each "≥ min of any of
 * these types, through these link types"), whether it is a root, and which parents it may hang from. Severities of
 * the structural checks are stated here too, so nothing about a finding is implicit.
 */

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
  "dangling-acknowledgement": "warning",
  "unknown-audience": "warning",
});

/**
 * Decodes and checks a rule set: item types neither built in nor declared in `itemTypes`, rules for a type given
 * twice, needs that no allowed link could ever satisfy, and `fingerprintFields` / `triggerFields` keyed by something
 * other than an item kind are refused with the path of each problem.
 *
 * A rule set that gives no `items` (nothing at all, `{}`, or only other fields such as `severities`) measures
 * coverage with the item rules of {@link DEFAULT_TRACE_RULES}, and says so in `itemsSource: "default"`; an empty
 * `items` list is refused (path `["items"]`), because it would report no level and no gap as if all were well.
 *
 * @throws {ValidationError} listing every problem.
 * @example
 * ```ts
 * const rules = defineTraceRules({
 *   items: [{ type: "functional", needs: [{ name: "test", anyOf: ["test-case"], via: ["verifies"], min: 1 }] }],
 * });
 * defineTraceRules({ severities: { orphan: "error" } }).itemsSource; // "default": DEFAULT_TRACE_RULES' item rules
 * ```
 */
export function defineTraceRules(input: TraceRulesInput = {}): TraceRules {
  const defaulted = typeof input === "object" && input !== null && !Array.isArray(input) && input.items === undefined;
  const r = decodeWith(traceRulesSchema, defaulted ? { ...input, items: DEFAULT_ITEM_RULES } : input, "trace rules");
  const items = r.items ?? [];
  const issues: ValidationIssue[] = [];
  const bad = (path: (string | number)[], message: string) => issues.push({ path, message, code: "custom" });
  const known = new Set([...TRACE_ITEM_TYPES, ...r.itemTypes]);
  const types = (list: readonly string[], path: (string | number)[]) =>
    list.forEach((t, i) => {
      if (!known.has(t)) bad([...path, i], `unknown item type "${t}"`);
    });
  const declared = new Set([...BUILT_IN_LINK_TYPES.map((d) => d.name), ...r.linkTypes.map((d) => d.name)]);
  const links = (list: readonly string[] | undefined, path: (string | number)[]) =>
    list?.forEach((t, i) => {
      if (!declared.has(t)) bad([...path, i], `link type "${t}" is not declared in linkTypes`);
    });
  const seen = new Set<string>();
  items.forEach((rule, i) => {
    if (!known.has(rule.type)) bad(["items", i, "type"], `unknown item type "${rule.type}"`);
    if (seen.has(rule.type)) bad(["items", i, "type"], `a rule for "${rule.type}" is given twice`);
    seen.add(rule.type);
    rule.needs.forEach((n, j) => {
      types(n.anyOf, ["items", i, "needs", j, "anyOf"]);
      links(n.via, ["items", i, "needs", j, "via"]);
      if (r.allowedLinks && !satisfiable(r, rule.type, n.anyOf, n.via)) {
        bad(["items", i, "needs", j], `no allowed link lets ${n.anyOf.join("|")} cover ${rule.type}`);
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
  // A misspelt kind ("requirment") would silently keep the default fields: the fields meant would never count. The
  // keys as given: the decoded records have dropped a `__proto__` key, which must be refused as any other.
  for (const field of ["fingerprintFields", "triggerFields", "severities"] as const) {
    const keys = field == "severities" ? STRUCTURE_CHECKS : Object.keys(DEFAULT_FINGERPRINT_FIELDS);
    for (const key of Object.keys(input[field] ?? {})) {
      if (!(keys as readonly string[]).includes(key)) bad([field, key], `unknown key "${key}" (one of ${keys.join(", ")})`);
    }
  }
  if (issues.length > 0) {
    // A problem inside item rules the caller did not write (say, defaults that their allowedLinks forbid) names them.
    const origin = (i: ValidationIssue) => (defaulted && i.path[0] === "items" ? { ...i, message: `${i.message} (in the item rules of DEFAULT_TRACE_RULES, used because the rule set gives no items)` } : i);
    throw new ValidationError(issues.map(origin), "trace rules");
  }
  return { ...r, items, itemsSource: defaulted ? "default" : "given", severityOf: { ...DEFAULT_SEVERITIES, ...r.severities } };
}

function satisfiable(r: z.output<typeof traceRulesSchema>, target: string, anyOf: readonly string[], via: readonly string[] | undefined): boolean {
  return (r.allowedLinks ?? []).some(
    (a) => a.to.includes(target) && a.from.some((f) => anyOf.includes(f)) && (via === undefined || via.includes(a.linkType)),
  );
}

/**
 * The issue, if any, of an item whose type field (`typeFields`) names a type that is neither built in nor declared
 * in `itemTypes`: such an item would match no rule and drop out of every coverage level unseen. Also a requirement's
 * `audiences` that is not a list of roles, each once, and a defect's `requirementIds` that is not a list of ids, each
 * once (the entity schemas refuse a repeat the same way): a repeated audience was pending twice, a repeated
 * requirement made two `affects` links with one id, and a string was read as no audience or requirement at all.
 * Internal.
 */
export function typeFieldIssue(rules: TraceRules, kind: string, entity: object, path: readonly (string | number)[]): ValidationIssue | undefined {
  const field = (rules.typeFields as Record<string, string | undefined>)[kind];
  // A requirement's audiences, a defect's requirementIds: at the first entry that is no id or repeats one; at the
  // field itself when it is no list.
  const [f, what, each] = kind == "requirement" ? ["audiences", "audience", "role"] : kind == "defect" ? ["requirementIds", "requirement", "requirement id"] : [];
  const a = f && (entity as Record<string, unknown>)[f];
  const j = a == null ? -1 : Array.isArray(a) ? a.findIndex((x, i) => typeof x != "string" || a.indexOf(x) < i) : -2;
  if (j != -1) return { path: [...path, f!, ...(j < 0 ? [] : [j])], message: j < 0 ? "expected an array" : typeof (a as unknown[])[j] == "string" ? what + " listed twice" : "expected a " + each, code: "custom" };
  const e = entity as Record<string, unknown>;
  // Without a type field's value the built-in field gives the type (a requirement's type, an artifact's artifactType):
  // a misspelt or missing one would drop the item out of every level unseen, as a misspelt level would.
  const at = field && Object.hasOwn(e, field) && e[field] != null && e[field] !== "" ? field : kind == "requirement" ? "type" : kind == "artifact" ? "artifactType" : "";
  const value = e[at];
  if (!at || (typeof value == "string" && (TRACE_ITEM_TYPES.includes(value) || rules.itemTypes.includes(value)))) return undefined;
  return { path: [...path, at], message: `unknown item type ${JSON.stringify(value)} in ${at}: declare it in the rules' itemTypes`, code: "custom" };
}
