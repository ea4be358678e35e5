import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  CurrencyMismatchError,
  DuplicateIdError,
  InfeasibleError,
  NotFoundError,
  PmoError,
  TransactionMisuseError,
  UnsupportedCapabilityError,
  ValidationError,
  VersionConflictError,
  formatPath,
  isPmoError,
  type PmoErrorCode,
} from "../../src/core/errors.js";

describe("formatPath", () => {
  it("formats paths as a.b[0].c and the empty path as (root)", () => {
    expect(formatPath([])).toBe("(root)");
    expect(formatPath(["benefits", 0, "amount", "currency"])).toBe("benefits[0].amount.currency");
    expect(formatPath(["a"])).toBe("a");
    expect(formatPath([0])).toBe("[0]");
    expect(formatPath([0, "a", 1, 2])).toBe("[0].a[1][2]");
    expect(formatPath(["blackouts", 0, "end"])).toBe("blackouts[0].end");
  });
});

describe("ValidationError", () => {
  it("carries issues and subject, and lists them in the message", () => {
    const e = new ValidationError(
      [
        { path: ["amount"], message: "not a decimal", code: "custom" },
        { path: [], message: "bad", code: "invalid_type" },
      ],
      "money",
    );
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(PmoError);
    expect(e.code).toBe("validation");
    expect(e.name).toBe("ValidationError");
    expect(e.subject).toBe("money");
    expect(e.issues).toHaveLength(2);
    expect(e.message).toBe("Invalid money (2 issues):\n  - amount: not a decimal\n  - (root): bad");
  });

  it("uses singular wording and a generic head without a subject", () => {
    const e = new ValidationError([{ path: ["x", 1], message: "too big", code: "custom" }]);
    expect(e.subject).toBeUndefined();
    expect(e.message).toBe("Invalid input (1 issue):\n  - x[1]: too big");
  });

  it("an issue whose path is no array (from plain JS) prints it as given; formatPath itself still refuses it", () => {
    const e = new ValidationError([{ path: "budget" as never, message: "too big", code: "custom" }]);
    expect(e.message).toBe("Invalid input (1 issue):\n  - budget: too big");
    expect(() => formatPath("budget" as never)).toThrow(ValidationError);
  });

  it("single() builds one custom issue", () => {
    const e = ValidationError.single(["weights", 2], "weight must not be negative", "weights");
    expect(e.issues).toEqual([{ path: ["weights", 2], message: "weight must not be negative", code: "custom" }]);
    expect(e.message).toBe("Invalid weights (1 issue):\n  - weights[2]: weight must not be negative");
  });

  it("fromZod keeps every path, message and code", () => {
    const schema = z.object({
      name: z.string(),
      budget: z.object({ amount: z.string().regex(/^\d+$/), currency: z.string().length(3) }),
      tags: z.array(z.string()),
    });
    const r = schema.safeParse({ name: 1, budget: { amount: "1e3", currency: "EURO" }, tags: ["ok", 2] });
    expect(r.success).toBe(false);
    const e = ValidationError.fromZod(r.error as z.ZodError, "request");
    expect(e.subject).toBe("request");
    expect(e.issues.map((i) => i.path)).toEqual([["name"], ["budget", "amount"], ["budget", "currency"], ["tags", 1]]);
    expect(e.issues.map((i) => i.code)).toEqual(["invalid_type", "invalid_format", "too_big", "invalid_type"]);
    expect(e.message).toContain("  - tags[1]: ");
    expect(e.message.startsWith("Invalid request (4 issues):")).toBe(true);
  });

  it("fromZod converts symbol keys to strings and defaults the code to custom", () => {
    const sym = Symbol("k");
    const e = ValidationError.fromZod({ issues: [{ path: [sym, 3, "x"], message: "m" }] });
    expect(e.issues).toEqual([{ path: ["Symbol(k)", 3, "x"], message: "m", code: "custom" }]);
  });
});

describe("the other errors", () => {
  it("NotFoundError", () => {
    const e = new NotFoundError("project", "prj-1");
    expect([e.code, e.name, e.kind, e.id, e.message]).toEqual(["not-found", "NotFoundError", "project", "prj-1", 'project "prj-1" not found']);
  });

  it("DuplicateIdError", () => {
    const e = new DuplicateIdError("project", "prj-1");
    expect([e.code, e.name, e.kind, e.id, e.message]).toEqual(["duplicate-id", "DuplicateIdError", "project", "prj-1", 'project "prj-1" already exists']);
  });

  it("VersionConflictError, with and without a stored record", () => {
    const e = new VersionConflictError("project", "prj-1", 3, 4);
    expect([e.code, e.name, e.kind, e.id, e.expectedVersion, e.actualVersion]).toEqual(["version-conflict", "VersionConflictError", "project", "prj-1", 3, 4]);
    expect(e.message).toBe('project "prj-1": expected version 3, found version 4');
    const gone = new VersionConflictError("project", "prj-1", 3, null);
    expect(gone.actualVersion).toBeNull();
    expect(gone.message).toBe('project "prj-1": expected version 3, found no record');
  });

  it("InfeasibleError, with and without conflicts", () => {
    const e = new InfeasibleError("forced-in requests exceed the 2027 budget", ["budget 2027", "forced in: REQ-7"]);
    expect([e.code, e.name, e.reason]).toEqual(["infeasible", "InfeasibleError", "forced-in requests exceed the 2027 budget"]);
    expect(e.conflicts).toEqual(["budget 2027", "forced in: REQ-7"]);
    expect(e.message).toBe("forced-in requests exceed the 2027 budget (conflicting: budget 2027; forced in: REQ-7)");
    const plain = new InfeasibleError("no solution");
    expect(plain.conflicts).toEqual([]);
    expect(plain.message).toBe("no solution");
  });

  it("UnsupportedCapabilityError", () => {
    const e = new UnsupportedCapabilityError("my-kv", "transactions.interactive");
    expect([e.code, e.name, e.adapter, e.capability, e.message]).toEqual([
      "unsupported-capability",
      "UnsupportedCapabilityError",
      "my-kv",
      "transactions.interactive",
      'storage adapter "my-kv" does not support transactions.interactive',
    ]);
  });

  it("CurrencyMismatchError", () => {
    const e = new CurrencyMismatchError("EUR", "USD");
    expect([e.code, e.name, e.expected, e.actual, e.message]).toEqual(["currency-mismatch", "CurrencyMismatchError", "EUR", "USD", "currency mismatch: EUR vs USD"]);
  });

  it("every error is an Error and a PmoError with a stack", () => {
    for (const e of [
      new ValidationError([]),
      new NotFoundError("k", "i"),
      new DuplicateIdError("k", "i"),
      new VersionConflictError("k", "i", 1, 2),
      new InfeasibleError("r"),
      new UnsupportedCapabilityError("a", "c"),
      new CurrencyMismatchError("EUR", "USD"),
    ]) {
      expect(e).toBeInstanceOf(Error);
      expect(e).toBeInstanceOf(PmoError);
      expect(typeof e.stack).toBe("string");
    }
  });
});

describe("isPmoError", () => {
  const all: [PmoError, PmoErrorCode][] = [
    [new ValidationError([]), "validation"],
    [new NotFoundError("k", "i"), "not-found"],
    [new DuplicateIdError("k", "i"), "duplicate-id"],
    [new VersionConflictError("k", "i", 1, null), "version-conflict"],
    [new InfeasibleError("r"), "infeasible"],
    [new UnsupportedCapabilityError("a", "c"), "unsupported-capability"],
    [new CurrencyMismatchError("EUR", "USD"), "currency-mismatch"],
    [new TransactionMisuseError("a", "suspended"), "transaction-misuse"],
  ];

  it("recognises each error without a code and with its own code only", () => {
    for (const [e, code] of all) {
      expect(isPmoError(e)).toBe(true);
      expect(isPmoError(e, code)).toBe(true);
      for (const [, other] of all) if (other !== code) expect(isPmoError(e, other)).toBe(false);
    }
  });

  it("works across copies of the package (duck-typed on Error + known code)", () => {
    const foreign = Object.assign(new Error("not found"), { code: "not-found" });
    expect(isPmoError(foreign)).toBe(true);
    expect(isPmoError(foreign, "not-found")).toBe(true);
    expect(isPmoError(foreign, "validation")).toBe(false);
  });

  it("rejects non-errors and errors with other codes", () => {
    expect(isPmoError(Object.assign(new Error("x"), { code: "ENOENT" }))).toBe(false);
    expect(isPmoError(new Error("x"))).toBe(false);
    expect(isPmoError({ code: "validation", message: "x" })).toBe(false); // not an Error
    expect(isPmoError("validation")).toBe(false);
    expect(isPmoError(null)).toBe(false);
    expect(isPmoError(undefined)).toBe(false);
  });
});
