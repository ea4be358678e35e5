import * as z from "zod";
import { ZOD_MESSAGES } from "../../core/codecs/decode.js";
import { ValidationError } from "../../core/index.js";
import { duplicateJsonKeys } from "../json-keys.js";
import type { TrackerProfile } from "./profiles.js";

const name = z.string().trim().min(1).max(200);
/** A column header (CSV) or a property path, one segment per level (JSON). */
const field = z.union([name, z.array(name).min(1).max(32)]);
const names = z.array(name).max(1000);

/**
 * The zod schema of a work-tracker mapping profile: the shape of the built-in profiles (`JIRA_CSV_PROFILE` …), strict
 * (an unknown key such as `doneState` is refused, not ignored). `tool` names the tool in the import report: lower
 * case letters, digits and `-`.
 *
 * @example
 * ```ts
 * trackerProfileSchema.safeParse(JIRA_JSON_PROFILE).success; // true
 * ```
 */
export const trackerProfileSchema = z.strictObject({
  tool: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: "a tool name of lower-case letters, digits and - (such as youtrack)" }),
  itemsPath: name.optional(),
  fields: z.strictObject({
    key: field, id: field.optional(), title: field, type: field.optional(), status: field, statusCategory: field.optional(), parent: field.optional(),
    points: field.optional(), sprint: field.optional(), resolved: field.optional(), resolution: field.optional(),
  }),
  packageTypes: names,
  doneStates: names,
  inProgressStates: names,
  toDoStates: names.optional(),
  excludedStates: names.optional(),
  excludedResolutions: names.optional(),
  dateFormat: z.enum(["iso", "jira", "month-day-year", "day-month-year"]),
});

/**
 * A profile checked against {@link trackerProfileSchema}: the profile with its names trimmed, or a ValidationError listing every
 * problem, each path under `prefix` (`["profile", "fields", "points"]`).
 *
 * @example
 * ```ts
 * checkTrackerProfile(JIRA_CSV_PROFILE, ["profile"], "jira CSV export");
 * ```
 * @internal
 */
export function checkTrackerProfile(profile: unknown, prefix: readonly string[], subject: string): TrackerProfile {
  const r = trackerProfileSchema.safeParse(profile, ZOD_MESSAGES);
  if (!r.success) {
    throw new ValidationError(r.error.issues.map((i) => ({ path: [...prefix, ...i.path.map((p) => (typeof p === "number" ? p : String(p)))], message: i.message, code: i.code })), subject);
  }
  return r.data as TrackerProfile; // names trimmed: a header "Summary " in a profile file still finds the column
}

/**
 * Reads a mapping profile from JSON text (a `tracker.json` beside the export; CLI `--tracker tracker.json`): the shape
 * of the built-in profiles, checked by {@link trackerProfileSchema}. A key given twice in one object is refused at its
 * path (JSON.parse would keep the last).
 *
 * @throws {ValidationError} on malformed JSON, a key given twice, or a profile the schema refuses (zod paths).
 * @example
 * ```ts
 * const profile = readTrackerProfile(readFileSync("youtrack.json", "utf8"));
 * const exported = readTrackerJson(readFileSync("issues.json", "utf8"), profile);
 * ```
 */
export function readTrackerProfile(json: string): TrackerProfile {
  const subject = "tracker profile";
  if (json.startsWith("\ufeff")) json = json.slice(1); // a UTF-8 byte order mark (readFileSync keeps it)
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw ValidationError.single([], `malformed JSON: ${(e as Error).message}`, subject);
  }
  const twice = duplicateJsonKeys(json);
  if (twice.length > 0) throw new ValidationError(twice.map((d) => ({ path: [...d.path, d.key], message: `key "${d.key}" is given twice (JSON keeps only the last)`, code: "custom" })), subject);
  return checkTrackerProfile(value, [], subject);
}
