import { checkArguments } from "../../core/index.js";

/** A work package as an earned-value warning names it: its id and name (`EarnedValueResult.packages` has both). */
export interface NamedPackage {
  /** Work package id. */
  readonly id: string;
  /** Its name. */
  readonly name: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * An earned-value warning's message with its work package named as people read it, name with id (`Project management
 * (wp-crm-1) is level of effort: …`; the calculator's message names the id only, `wp-crm-1 is level of effort: …`).
 * The id is replaced where it stands as a whole (not inside a longer id); a package not in `packages`, or a warning
 * about no package, keeps its message. `pmokit evm` and the report's project sections write warnings this way.
 *
 * @example
 * ```ts
 * const w = { code: "loe-hides-schedule-variance", packageId: "wp-crm-1", message: "wp-crm-1 is level of effort: EV equals PV, so it can never show a schedule variance" };
 * earnedValueWarningText(w, [{ id: "wp-crm-1", name: "Project management" }]);
 * // "Project management (wp-crm-1) is level of effort: EV equals PV, so it can never show a schedule variance"
 * ```
 */
export function earnedValueWarningText(warning: { readonly packageId?: string | undefined; readonly message: string }, packages: readonly NamedPackage[]): string {
  checkArguments("earnedValueWarningText", { warning: [warning, "object"], packages: [packages, "object[]"] });
  checkArguments("earnedValueWarningText", { "warning.message": [warning.message, "string"], "warning.packageId": [warning.packageId, "string?"] });
  const id = warning.packageId;
  const name = id === undefined ? undefined : packages.find((p) => p.id === id)?.name;
  if (id === undefined || name === undefined || name === "") return warning.message;
  return warning.message.replace(new RegExp(`(?<![\\w.:-])${escape(id)}(?![\\w.:-]*[\\w])`, "u"), () => packageLabel({ id, name }));
}

/** @internal A package as the warnings name it: `Project management (wp-crm-1)`. */
export function packageLabel(p: NamedPackage): string {
  return `${p.name} (${p.id})`;
}
