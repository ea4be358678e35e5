import { readImportFile } from "../io/index.js";
import { validateScoringModel, type ScoringModel } from "../prioritization/index.js";
import { CliError, toCliError } from "./errors.js";

/**
 * Reads a scoring model from a JSON file — the shape `scoreRequests` takes (weighted sum, WSJF, RICE, ICE or a
 * formula; `pmokit model --print` writes the built-in one to start from) — through the bounded, strict-UTF-8 reader,
 * and validates it with the library's own `validateScoringModel`. Every problem is a validation error naming the
 * file and the path (`model.json: criteria[0].weight: weights must not be negative`).
 *
 * @throws {CliError} when the file cannot be read, is not JSON or is not a valid model (exit 2).
 * @example
 * ```ts
 * const model = await readModelFile("intake-model.json");
 * ```
 */
export async function readModelFile(file: string): Promise<ScoringModel> {
  let text: string;
  try {
    text = await readImportFile(file);
  } catch (e) {
    throw toCliError(e, { file });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  try {
    return validateScoringModel(parsed as ScoringModel);
  } catch (e) {
    throw toCliError(e, { file });
  }
}
