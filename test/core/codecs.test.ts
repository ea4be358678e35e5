import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { z } from "zod";
import { PmoDecimal, type Decimal } from "../../src/core/decimal.js";
import { ValidationError } from "../../src/core/errors.js";
import { money, type Money } from "../../src/core/money/money.js";
import { isoDate } from "../../src/core/dates/iso-date.js";
import { instant, type Instant } from "../../src/core/dates/instant.js";
import {
  currencyCodeSchema,
  decimalCodec,
  decimalStringSchema,
  decodeWith,
  encodeWith,
  idSchema,
  instantCodec,
  isoDateCodec,
  moneyCodec,
  moneyToWire,
} from "../../src/core/codecs.js";

function issuesOf(schema: z.ZodType, input: unknown): { path: PropertyKey[]; code: string }[] {
  const r = schema.safeDecode(input as never);
  expect(r.success).toBe(false);
  return (r.error as z.ZodError).issues.map((i) => ({ path: i.path, code: i.code }));
}

function decodeError(schema: z.ZodType, input: unknown, subject?: string): ValidationError {
  try {
    decodeWith(schema, input, subject);
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error("expected decodeWith to throw");
}

describe("decimalCodec", () => {
  it("decodes wire strings to Decimals and encodes in plain notation", () => {
    const d = decimalCodec.decode("0.075");
    expect(PmoDecimal.isDecimal(d)).toBe(true);
    expect(d.times(2).toFixed()).toBe("0.15");
    expect(decimalCodec.decode("12.50").toFixed()).toBe("12.5");
    expect(decimalCodec.encode(decimalCodec.decode("12.50"))).toBe("12.5"); // own decimals, not padded
    expect(decimalCodec.encode(new PmoDecimal("1e-7"))).toBe("0.0000001");
    expect(decimalCodec.encode(new PmoDecimal("1e21"))).toBe("1000000000000000000000");
    expect(decimalCodec.encode(new PmoDecimal("-0"))).toBe("0");
  });

  it.each(["1e3", "NaN", "", " 1", "Infinity", "+1", "1,5"])("rejects %j at the root", (bad) => {
    expect(issuesOf(decimalCodec, bad)[0]?.path).toEqual([]);
  });

  it("rejects non-strings and over-long strings", () => {
    expect(issuesOf(decimalCodec, 1.5)[0]?.code).toBe("invalid_type");
    expect(issuesOf(decimalCodec, "9".repeat(81))[0]?.code).toBe("too_big");
    expect(decimalStringSchema.safeParse("9".repeat(80)).success).toBe(true);
  });

  it("refuses to encode something that is not a finite Decimal", () => {
    expect(decimalCodec.safeEncode(new PmoDecimal(Number.NaN)).success).toBe(false);
    expect(decimalCodec.safeEncode("1.5" as unknown as Decimal).success).toBe(false);
  });

  it("property: decode ∘ encode is the identity on values, encode ∘ decode canonicalises", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: -20, max: 20 }), (u, shift) => {
        const d = new PmoDecimal(u.toString()).times(new PmoDecimal(10).pow(shift));
        const s = decimalCodec.encode(d);
        expect(decimalCodec.decode(s).eq(d)).toBe(true);
        expect(decimalCodec.encode(decimalCodec.decode(s))).toBe(s);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("currencyCodeSchema", () => {
  it("accepts ISO codes and rejects the rest", () => {
    expect(currencyCodeSchema.parse("CHF")).toBe("CHF");
    for (const bad of ["EURO", "eur", "XXX", "", 978]) expect(currencyCodeSchema.safeParse(bad).success).toBe(false);
  });
});

describe("moneyCodec", () => {
  it("decodes the wire form and encodes canonically", () => {
    const m = moneyCodec.decode({ amount: "1234.5", currency: "EUR" });
    expect(m.amount.toFixed()).toBe("1234.5");
    expect(m.currency).toBe("EUR");
    expect(Object.isFrozen(m)).toBe(true);
    expect(moneyCodec.encode(m)).toEqual({ amount: "1234.50", currency: "EUR" });
    expect(moneyCodec.encode(moneyCodec.decode({ amount: "-0.00", currency: "EUR" }))).toEqual({ amount: "0.00", currency: "EUR" });
    expect(moneyCodec.encode(moneyCodec.decode({ amount: "5", currency: "JPY" }))).toEqual({ amount: "5", currency: "JPY" });
    expect(moneyToWire(money("0.1", "KWD"))).toEqual({ amount: "0.100", currency: "KWD" });
  });

  it("rejects bad amounts and currencies with their paths", () => {
    for (const bad of ["1e3", "NaN", "", " 1", "Infinity"]) {
      expect(issuesOf(moneyCodec, { amount: bad, currency: "EUR" }).map((i) => i.path)).toEqual([["amount"]]);
    }
    expect(issuesOf(moneyCodec, { amount: "1.00", currency: "EURO" }).map((i) => i.path)).toEqual([["currency"]]);
    expect(issuesOf(moneyCodec, { amount: 1, currency: "EUR" }).map((i) => i.path)).toEqual([["amount"]]);
    // Both problems are reported.
    expect(issuesOf(moneyCodec, { amount: "1e3", currency: "eur" }).map((i) => i.path)).toEqual([["amount"], ["currency"]]);
    // The object is strict: unknown keys are refused.
    expect(issuesOf(moneyCodec, { amount: "1.00", currency: "EUR", note: "x" })[0]?.code).toBe("unrecognized_keys");
    expect(issuesOf(moneyCodec, "1.00 EUR")[0]?.path).toEqual([]);
  });

  it("keeps nested paths inside larger schemas", () => {
    const schema = z.object({ budget: moneyCodec, lines: z.array(z.object({ cost: moneyCodec })) });
    const e = decodeError(schema, { budget: { amount: "1", currency: "EURO" }, lines: [{ cost: { amount: "1" , currency: "EUR" } }, { cost: { amount: "1e3", currency: "EUR" } }] }, "plan");
    expect(e.subject).toBe("plan");
    expect(e.issues.map((i) => i.path)).toEqual([["budget", "currency"], ["lines", 1, "cost", "amount"]]);
    expect(e.message).toContain("lines[1].cost.amount");
  });

  it("refuses to encode a value that is not Money", () => {
    expect(moneyCodec.safeEncode({ amount: "1.00", currency: "EUR" } as unknown as Money).success).toBe(false);
    expect(moneyCodec.safeEncode({ amount: new PmoDecimal(1), currency: "EURO" } as unknown as Money).success).toBe(false);
    expect(moneyCodec.safeEncode({ amount: new PmoDecimal(Number.NaN), currency: "EUR" } as unknown as Money).success).toBe(false);
  });
});

describe("isoDateCodec", () => {
  it("decodes and encodes the same string", () => {
    expect(isoDateCodec.decode("2027-03-01")).toBe("2027-03-01");
    expect(isoDateCodec.decode("2024-02-29")).toBe("2024-02-29");
    expect(isoDateCodec.encode(isoDate("2027-03-01"))).toBe("2027-03-01");
  });

  it.each(["2026-02-30", "2026-13-01", "2026-1-01", "2023-02-29", "", "2026-01-01T00:00:00Z"])("rejects %j", (bad) => {
    expect(issuesOf(isoDateCodec, bad).map((i) => i.path)).toEqual([[]]);
  });

  it("rejects a non-date on encode", () => {
    expect(isoDateCodec.safeEncode("2026-02-30" as never).success).toBe(false);
  });

  it("reports the path inside an object", () => {
    const e = decodeError(z.object({ window: z.object({ start: isoDateCodec, end: isoDateCodec }) }), { window: { start: "2026-12-21", end: "2026-02-30" } });
    expect(e.issues.map((i) => i.path)).toEqual([["window", "end"]]);
  });
});

describe("instantCodec", () => {
  it("normalises on decode and on encode", () => {
    expect(instantCodec.decode("2026-11-25T14:03:00Z")).toBe("2026-11-25T14:03:00.000Z");
    expect(instantCodec.decode("2026-11-25T14:03:00.5Z")).toBe("2026-11-25T14:03:00.500Z");
    expect(instantCodec.encode(instant("2026-11-25T14:03:00Z"))).toBe("2026-11-25T14:03:00.000Z");
    expect(instantCodec.encode("2026-11-25T14:03:00Z" as Instant)).toBe("2026-11-25T14:03:00.000Z");
  });

  it.each(["2026-11-25T14:03:00+01:00", "2026-11-25T14:03:00.1234Z", "2026-02-30T00:00:00Z", "2026-11-25T14:03Z", "2026-11-25"])(
    "rejects %j",
    (bad) => {
      expect(issuesOf(instantCodec, bad).map((i) => i.path)).toEqual([[]]);
    },
  );

  it("reports the path inside an object", () => {
    const e = decodeError(z.object({ audit: z.object({ createdAt: instantCodec }) }), { audit: { createdAt: "2026-11-25T14:03:00+01:00" } }, "record");
    expect(e.issues.map((i) => i.path)).toEqual([["audit", "createdAt"]]);
  });
});

describe("idSchema", () => {
  it.each(["BR-012", "REQ-012", "prj.crm:2027", "0193a6f0-6c1e-7000-8000-000000000000", "a", "A_b", "x".repeat(128)])("accepts %j", (id) => {
    expect(idSchema.parse(id)).toBe(id);
  });

  it.each(["__proto__", "a b", "", "_x", "-x", ".x", "a/b", "../etc", "x".repeat(129), "constructor!", "é"])("rejects %j", (id) => {
    expect(idSchema.safeParse(id).success).toBe(false);
  });

  it("reports the path of a bad id", () => {
    const e = decodeError(z.object({ links: z.array(z.object({ id: idSchema })) }), { links: [{ id: "ok-1" }, { id: "__proto__" }] }, "links");
    expect(e.issues.map((i) => i.path)).toEqual([["links", 1, "id"]]);
  });
});

describe("decodeWith / encodeWith", () => {
  it("decode returns the memory form; errors become ValidationError with every issue", () => {
    const m = decodeWith(moneyCodec, { amount: "1.00", currency: "EUR" }, "money");
    expect(m.amount.toFixed()).toBe("1");
    const e = decodeError(moneyCodec, { amount: "1e3", currency: "EURO" }, "money");
    expect(e.code).toBe("validation");
    expect(e.subject).toBe("money");
    expect(e.issues.map((i) => i.path)).toEqual([["amount"], ["currency"]]);
    expect(e.message.split("\n")[0]).toBe("Invalid money (2 issues):");
  });

  it("encode returns the wire form; a bad memory value becomes a ValidationError", () => {
    expect(encodeWith(moneyCodec, money("1", "EUR"), "money")).toEqual({ amount: "1.00", currency: "EUR" });
    expect(encodeWith(isoDateCodec, isoDate("2026-01-01"))).toBe("2026-01-01");
    let caught: unknown;
    try {
      encodeWith(moneyCodec, { amount: "1", currency: "EUR" } as unknown as Money, "money");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).subject).toBe("money");
  });

  it("a whole record round-trips: decode(encode(decode(wire))) and encode agree", () => {
    const record = z.object({ id: idSchema, budget: moneyCodec, start: isoDateCodec, at: instantCodec, rate: decimalCodec });
    const wire = { id: "prj-1", budget: { amount: "250000.5", currency: "EUR" }, start: "2027-03-01", at: "2026-11-25T14:03:00Z", rate: "0.0750" };
    const memory = decodeWith(record, wire);
    const out = encodeWith(record, memory);
    expect(out).toEqual({ id: "prj-1", budget: { amount: "250000.50", currency: "EUR" }, start: "2027-03-01", at: "2026-11-25T14:03:00.000Z", rate: "0.075" });
    expect(encodeWith(record, decodeWith(record, out))).toEqual(out);
    expect(JSON.parse(JSON.stringify(out))).toEqual(out); // JSON-safe
  });
});
