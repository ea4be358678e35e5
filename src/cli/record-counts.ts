/**
 * Records counted per entity kind, as `import` and `validate` print them: `3 requirements, 1 cost-entry, 2 people`
 * (kind names as `--kind` takes them, plural when the count is not 1); empty when there are none.
 *
 * @example
 * ```ts
 * recordCounts({ requirement: 3, "cost-entry": 2, person: 1 }); // "3 requirements, 2 cost-entries, 1 person"
 * ```
 */
export function recordCounts(counts: Readonly<Record<string, number | undefined>>): string {
  return Object.entries(counts).flatMap(([kind, n]) => (n === undefined ? [] : [[kind, n] as const])).map(([kind, n]) => `${n} ${n === 1 ? kind : kind === "person" ? "people" : kind.endsWith("y") ? `${kind.slice(0, -1)}ies` : `${kind}s`}`).join(", ");
}
