/**
 * Errors are data: every pmokit error has a stable `code` you can switch on, and carries the facts that caused it
 * (paths, ids, versions) as fields rather than only in its message.
 *
 * @module
 */

/** The stable codes of every error pmokit throws. */
export type PmoErrorCode =
  | "validation"
  | "not-found"
  | "duplicate-id"
  | "version-conflict"
  | "infeasible"
  | "unsupported-capability"
  | "currency-mismatch"
  | "storage"
  | "transaction-misuse";

/**
 * Base class of every pmokit error. Prefer {@link isPmoError} over `instanceof` when a value may come from another
 * copy of the package (ESM and CJS builds loaded side by side).
 *
 * @example
 * ```ts
 * try { await repo.update(project); } catch (e) {
 *   if (isPmoError(e, "version-conflict")) reloadAndRetry();
 * }
 * ```
 */
export abstract class PmoError extends Error {
  /** Stable machine-readable code. */
  abstract readonly code: PmoErrorCode;
}

/** One problem found in an input: where it is (the path into the input) and what is wrong. */
export interface ValidationIssue {
  /** Path from the root of the validated value, e.g. `["benefits", 0, "amount", "currency"]`. */
  readonly path: readonly (string | number)[];
  /** Human-readable description of the problem. */
  readonly message: string;
  /** The zod issue code (`invalid_type`, `too_small`, …) or a pmokit code such as `custom`. */
  readonly code: string;
}

/**
 * Formats a path as `a.b[0].c`, or `(root)` for the empty path.
 *
 * @example
 * ```ts
 * formatPath(["benefits", 0, "amount"]); // "benefits[0].amount"
 * ```
 */
export function formatPath(path: readonly (string | number)[]): string {
  if (!Array.isArray(path)) throw ValidationError.single(["path"], "expected an array of keys and indices", "formatPath");
  return pathText(path);
}

/**
 * formatPath without its argument guard, for ValidationError's own message: a bundle that only throws keeps no
 * guard of formatPath, and an issue whose path is no array prints it as it is rather than failing.
 */
function pathText(path: readonly (string | number)[]): string {
  if (!Array.isArray(path)) return String(path);
  if (!path.length) return "(root)";
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : (i ? "." : "") + String(p)))
    .join("");
}

/**
 * Input failed validation. `issues` lists every problem with its path; nothing was written.
 *
 * @example
 * ```ts
 * try { decodeEntity("project", wire); } catch (e) {
 *   if (e instanceof ValidationError) for (const i of e.issues) console.log(formatPath(i.path), i.message);
 * }
 * ```
 */
export class ValidationError extends PmoError {
  readonly code = "validation" as const;
  /** Every issue found, in input order. */
  readonly issues: readonly ValidationIssue[];
  /** What was being validated (an entity kind, a function argument), if known. */
  readonly subject: string | undefined;

  constructor(issues: readonly ValidationIssue[], subject?: string) {
    const head = subject ? `Invalid ${subject}` : "Invalid input";
    const lines = issues.map((i) => `  - ${pathText(i.path)}: ${i.message}`);
    super([`${head} (${issues.length} issue${issues.length === 1 ? "" : "s"}):`, ...lines].join("\n"));
    this.name = "ValidationError";
    this.issues = issues;
    this.subject = subject;
  }

  /**
   * Builds a ValidationError from zod's issues (anything with `issues: { path, message, code }[]`).
   *
   * @example
   * ```ts
   * const r = schema.safeParse(input);
   * if (!r.success) throw ValidationError.fromZod(r.error, "request");
   * ```
   */
  static fromZod(
    error: { readonly issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[] },
    subject?: string,
  ): ValidationError {
    return new ValidationError(
      error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === "number" ? p : String(p))),
        message: i.message,
        code: i.code ?? "custom",
      })),
      subject,
    );
  }

  /**
   * Shorthand for a single issue.
   *
   * @example
   * ```ts
   * throw ValidationError.single(["weights", 2], "weight must not be negative", "weights");
   * ```
   */
  static single(path: readonly (string | number)[], message: string, subject?: string): ValidationError {
    return new ValidationError([{ path, message, code: "custom" }], subject);
  }
}

/**
 * A record that was asked for by id does not exist.
 *
 * @example
 * ```ts
 * throw new NotFoundError("project", "prj-1");
 * ```
 */
export class NotFoundError extends PmoError {
  readonly code = "not-found" as const;
  constructor(
    /** Entity kind looked up. */
    readonly kind: string,
    /** Id that was not found. */
    readonly id: string,
  ) {
    super(`${kind} ${JSON.stringify(id)} not found`);
    this.name = "NotFoundError";
  }
}

/**
 * An insert used an id that is already taken.
 *
 * @example
 * ```ts
 * throw new DuplicateIdError("project", "prj-1");
 * ```
 */
export class DuplicateIdError extends PmoError {
  readonly code = "duplicate-id" as const;
  constructor(
    /** Entity kind written. */
    readonly kind: string,
    /** Id that already exists. */
    readonly id: string,
  ) {
    super(`${kind} ${JSON.stringify(id)} already exists`);
    this.name = "DuplicateIdError";
  }
}

/**
 * A compare-and-set write lost: the stored version is not the one the writer read.
 * Reload the record, re-apply the change and try again.
 *
 * @example
 * ```ts
 * throw new VersionConflictError("project", "prj-1", 3, 4);
 * ```
 */
export class VersionConflictError extends PmoError {
  readonly code = "version-conflict" as const;
  constructor(
    /** Entity kind written. */
    readonly kind: string,
    /** Id of the record. */
    readonly id: string,
    /** The version the writer expected to replace. */
    readonly expectedVersion: number,
    /** The version actually stored (`null` when the record no longer exists). */
    readonly actualVersion: number | null,
  ) {
    super(
      `${kind} ${JSON.stringify(id)}: expected version ${expectedVersion}, found ${
        actualVersion === null ? "no record" : `version ${actualVersion}`
      }`,
    );
    this.name = "VersionConflictError";
  }
}

/**
 * A problem has no solution (for example forced-in requests cost more than the budget).
 * `conflicts` names the smallest set of constraints found to clash, in plain words.
 *
 * @example
 * ```ts
 * throw new InfeasibleError("forced-in requests exceed the 2027 budget", ["budget 2027", "forced in: REQ-7"]);
 * ```
 */
export class InfeasibleError extends PmoError {
  readonly code = "infeasible" as const;
  constructor(
    /** Plain-words cause. */
    readonly reason: string,
    /** Constraints that conflict. */
    readonly conflicts: readonly string[] = [],
  ) {
    super(conflicts.length > 0 ? `${reason} (conflicting: ${conflicts.join("; ")})` : reason);
    this.name = "InfeasibleError";
  }
}

/**
 * An adapter was asked for an operation it does not declare in its capabilities. pmokit never falls back silently
 * to a weaker behaviour (for example running a "transaction" as unguarded sequential writes).
 *
 * @example
 * ```ts
 * throw new UnsupportedCapabilityError("my-kv", "transactions.interactive");
 * ```
 */
export class UnsupportedCapabilityError extends PmoError {
  readonly code = "unsupported-capability" as const;
  constructor(
    /** Adapter name. */
    readonly adapter: string,
    /** Capability that is missing, e.g. `transactions.interactive` or `filter.contains`. */
    readonly capability: string,
  ) {
    super(`storage adapter ${JSON.stringify(adapter)} does not support ${capability}`);
    this.name = "UnsupportedCapabilityError";
  }
}

/**
 * Two amounts in different currencies were combined without an exchange-rate table.
 *
 * @example
 * ```ts
 * throw new CurrencyMismatchError("EUR", "USD");
 * ```
 */
export class CurrencyMismatchError extends PmoError {
  readonly code = "currency-mismatch" as const;
  constructor(
    /** Currency of the left operand (or of the first amount). */
    readonly expected: string,
    /** The currency that did not match. */
    readonly actual: string,
  ) {
    super(`currency mismatch: ${expected} vs ${actual}`);
    this.name = "CurrencyMismatchError";
  }
}

/**
 * What went wrong in the database, as a stable code:
 * - `storage-connection-lost`: the connection broke or the session was terminated (retryable: the statement did not
 *   commit, or — for a lost COMMIT — may have; retry only idempotent work).
 * - `storage-serialization-failure`: the database aborted the transaction to keep it serializable (retryable).
 * - `storage-deadlock`: the database chose this transaction as a deadlock victim (retryable).
 * - `storage-busy`: another process holds the lock past the busy timeout, or a lock wait timed out (retryable).
 * - `storage-constraint`: a constraint the port does not map to a pmokit error refused the write (not retryable).
 * - `storage-too-large`: the record (or the statement that writes it) is larger than the database accepts — on
 *   MySQL/MariaDB, `max_allowed_packet` (not retryable: the same record fails again; raise the server limit).
 * - `storage-contention`: other writers kept changing the records the call needed for longer than its bound — a
 *   compare-and-set whose row kept being deleted and inserted again at the version expected. Not a version conflict:
 *   the expected version was found (retryable).
 * - `storage-failure`: any other database error (not retryable).
 */
export type StorageErrorCode =
  | "storage-connection-lost"
  | "storage-serialization-failure"
  | "storage-deadlock"
  | "storage-busy"
  | "storage-constraint"
  | "storage-too-large"
  | "storage-contention"
  | "storage-failure";

/**
 * A database failure. `storageCode` says what happened, `retryable` whether running the same (idempotent) work again
 * may succeed, and `cause` holds the driver's own error. Adapters throw this instead of their driver's classes.
 *
 * @example
 * ```ts
 * try { await repo.update(project); } catch (e) {
 *   if (e instanceof StorageError && e.retryable) scheduleRetry();
 * }
 * ```
 */
export class StorageError extends PmoError {
  readonly code = "storage" as const;
  constructor(
    /** What went wrong (see {@link StorageErrorCode}). */
    readonly storageCode: StorageErrorCode,
    /** Whether the same idempotent work may succeed when run again. */
    readonly retryable: boolean,
    /** The adapter that failed. */
    readonly adapter: string,
    message: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super(`${adapter}: ${storageCode}: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "StorageError";
  }
}

/**
 * Why a transaction handle refused a call:
 * - `finished`: its transaction has committed or rolled back; use the adapter (or a new transaction) instead.
 * - `suspended`: a nested transaction started on it is still running; use the nested handle until it returns.
 * - `adapter-in-transaction`: the adapter itself (not the handle) was called from inside its own transaction's
 *   function while that transaction is open. On a one-connection database (SQLite, PGlite) the call would wait for
 *   the transaction, which waits for the call — forever; elsewhere it would run outside the transaction. Use `tx`.
 */
export type TransactionMisuseReason = "finished" | "suspended" | "adapter-in-transaction";

/**
 * A transaction handle (`tx`) was used when it may not be: after its transaction ended, or while a nested
 * transaction started on it is open; or the adapter itself was called inside its own transaction's function (where
 * it must be `tx`). Thrown before anything is read or written, on every adapter alike (on SQL,
 * a handle and its nested transactions share one connection, so a write through the outer handle would silently
 * become part of the savepoint). A programming error: not retryable.
 *
 * @example
 * ```ts
 * await runInTransaction(adapter, async (tx) => {
 *   await runInTransaction(tx, async (inner) => {
 *     await inner.store("project").get("PRJ-1");     // the nested handle: fine
 *     await tx.store("project").get("PRJ-1");        // throws TransactionMisuseError, reason "suspended"
 *   });
 *   await adapter.store("project").get("PRJ-1");     // throws TransactionMisuseError, reason "adapter-in-transaction"
 * });
 * ```
 */
export class TransactionMisuseError extends PmoError {
  readonly code = "transaction-misuse" as const;
  constructor(
    /** Adapter name. */
    readonly adapter: string,
    /** What was wrong (see {@link TransactionMisuseReason}). */
    readonly reason: TransactionMisuseReason,
  ) {
    super(
      reason === "finished"
        ? `${adapter}: this transaction has already finished; use the adapter, not the old tx`
        : reason === "suspended"
          ? `${adapter}: this transaction handle is suspended while a nested transaction on it runs; use the nested handle`
          : `${adapter}: called inside its own transaction; use the transaction handle (tx)`,
    );
    this.name = "TransactionMisuseError";
  }
}

/**
 * True when `value` is a pmokit error, optionally with the given code. Works across duplicate copies of pmokit,
 * where `instanceof` would not.
 *
 * @example
 * ```ts
 * if (isPmoError(err, "not-found")) return null;
 * ```
 */
export function isPmoError(value: unknown, code?: PmoErrorCode): value is PmoError {
  if (!(value instanceof Error)) return false;
  const c = (value as { code?: unknown }).code;
  const codes: readonly string[] = [
    "validation",
    "not-found",
    "duplicate-id",
    "version-conflict",
    "infeasible",
    "unsupported-capability",
    "currency-mismatch",
    "storage",
    "transaction-misuse",
  ];
  if (typeof c !== "string" || !codes.includes(c)) return false;
  return code === undefined || c === code;
}
