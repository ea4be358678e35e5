import { ValidationError } from "../../src/core/index.js";

/** The ValidationError `f` throws; any other outcome fails the test (another error is rethrown). */
export function validationErrorOf(f: () => unknown): ValidationError {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error("expected a ValidationError");
}

/**
 * The issue paths, dotted (`"riskEvents.0.impacts.1.cost"`), of the ValidationError `f` throws; `[]` when `f` returns
 * (so a test can assert an input is accepted); another error is rethrown.
 */
export function issuePathsOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => i.path.join("."));
    throw e;
  }
  return [];
}

/** The path of the first issue of the ValidationError `f` throws. */
export function firstIssuePath(f: () => unknown): readonly (string | number)[] {
  return validationErrorOf(f).issues[0]!.path;
}

/** As {@link firstIssuePath}, for a call that may reject (awaits it). */
export async function firstIssuePathAsync(f: () => unknown): Promise<readonly (string | number)[]> {
  try {
    await f();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues[0]!.path;
    throw e;
  }
  throw new Error("expected a ValidationError");
}

/** `[dotted path, message]` of each issue of the ValidationError `f` throws; `[]` when it returns; another error is rethrown. */
export function issuesOf(f: () => unknown): [string, string][] {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => [i.path.join("."), i.message]);
    throw e;
  }
  return [];
}

/** As {@link issuesOf}, for a call that may reject (awaits it). */
export async function issuesOfAsync(f: () => unknown): Promise<[string, string][]> {
  try {
    await f();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => [i.path.join("."), i.message]);
    throw e;
  }
  return [];
}
