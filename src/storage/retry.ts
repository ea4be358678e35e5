import { StorageError, ValidationError, isPmoError } from "../core/errors.js";
import { checkOptionKeys } from "../core/guard.js";

/** Options of {@link withRetry}. */
export interface RetryOptions {
  /** Most tries in all, the first included. Default 3. */
  readonly attempts?: number;
  /** Milliseconds to wait before try `n + 1`, given the number `n` of failed tries so far. Default 50 · 2^(n−1), at most 2000. */
  readonly backoff?: (failedTries: number) => number;
  /** Which errors are worth another try. Default: a {@link StorageError} whose `retryable` is true. */
  readonly retryOn?: (error: unknown) => boolean;
  /** Waits; inject a fake in tests. Default: a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * True for a {@link StorageError} the database says may succeed when the same work runs again (connection lost,
 * serialization failure, deadlock, busy).
 *
 * @example
 * ```ts
 * try { await work(); } catch (e) { if (isRetryableStorageError(e)) await work(); else throw e; }
 * ```
 */
export function isRetryableStorageError(error: unknown): error is StorageError {
  return isPmoError(error, "storage") && (error as StorageError).retryable === true;
}

const defaultBackoff = (failedTries: number): number => Math.min(2000, 50 * 2 ** (failedTries - 1));
const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs an idempotent workflow, running it again after a retryable storage failure — a dropped connection, a
 * serialization failure, a deadlock, a busy SQLite file — up to `attempts` tries in all, waiting `backoff` between.
 * Any other error, and the last retryable one, is thrown unchanged. Run only work that is safe to repeat: a
 * transaction (which rolled back when it failed) or reads; a lost COMMIT may have landed, so make writes
 * compare-and-set (`update` with a version, `insert` with a fixed id) and treat DuplicateIdError accordingly.
 *
 * @throws {ValidationError} for a `fn` that is not a function or attempts that are not a whole number ≥ 1.
 * @example
 * ```ts
 * const project = await withRetry(() =>
 *   runInTransaction(adapter, async (tx) => {
 *     const repos = createRepositories(tx);
 *     const p = await repos.project.require("prj-crm");
 *     return repos.project.update({ ...p, lifecycle: "executing" });
 *   }),
 *   { attempts: 5 },
 * );
 * ```
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  if (typeof fn !== "function") throw ValidationError.single(["fn"], "expected a function to run", "withRetry");
  checkOptionKeys("withRetry", options, { attempts: 1, backoff: 1, retryOn: 1, sleep: 1 } satisfies Record<keyof RetryOptions, 1>);
  const attempts = options?.attempts ?? 3;
  if (!Number.isSafeInteger(attempts) || attempts < 1) {
    throw ValidationError.single(["attempts"], "attempts is a whole number ≥ 1", "withRetry");
  }
  const backoff = options?.backoff ?? defaultBackoff;
  const retryOn = options?.retryOn ?? isRetryableStorageError;
  const sleep = options?.sleep ?? timer;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      if (attempt >= attempts || !retryOn(e)) throw e;
      const wait = backoff(attempt);
      await sleep(Number.isFinite(wait) && wait > 0 ? wait : 0);
    }
  }
}
