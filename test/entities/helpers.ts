import { expect } from "vitest";
import type { z } from "zod";

/** Issue paths of a failed decode, dot-joined; fails the test when the input decodes. */
export function paths(schema: z.ZodType, input: unknown): string[] {
  const r = schema.safeDecode(input as never);
  expect(r.success).toBe(false);
  return r.error!.issues.map((i) => i.path.join("."));
}

/** A deep copy of the wire, changed by `edit`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function mutate<T>(wire: T, edit: (w: any) => void): unknown {
  const copy = structuredClone(wire);
  edit(copy);
  return copy;
}

/** The wire with a `__proto__` own key added at the top (as JSON.parse builds it). */
export function withProto(wire: unknown): unknown {
  return JSON.parse(JSON.stringify(wire).replace(/^\{/, '{"__proto__":{"polluted":true},'));
}

/** Decode then encode gives back exactly the canonical wire, to the byte. */
export function roundTrips(schema: z.ZodType, wire: unknown): void {
  const encoded = schema.encode(schema.decode(wire as never) as never);
  expect(encoded).toEqual(wire);
  expect(JSON.stringify(encoded)).toBe(JSON.stringify(wire));
}

/** A `__proto__` key is refused as an unknown key and never reaches a prototype. */
export function rejectsProto(schema: z.ZodType, wire: object): void {
  const r = schema.safeDecode(withProto(wire) as never);
  expect(r.success).toBe(false);
  expect(r.error!.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["__proto__"] });
  expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
}

/** A wire money value in euros. */
export function eur(amount: string): { amount: string; currency: string } {
  return { amount, currency: "EUR" };
}
