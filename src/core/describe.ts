/** @internal Shared by every error message that shows a caller's value; imports nothing, so any core file may use it. */

/** A short, safe description of a value for messages (never throws, never prints a whole object). */
export function describeValue(value: unknown): string {
  if (value == null) return String(value); // "null", "undefined"
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  if (type === "string") return JSON.stringify((value as string).length > 40 ? `${(value as string).slice(0, 40)}…` : value);
  // "a symbol", "a function", "an object"; a number, boolean or bigint with its value ("number 3").
  return type === "object" ? "an object" : type === "symbol" || type === "function" ? `a ${type}` : `${type} ${String(value)}`;
}

