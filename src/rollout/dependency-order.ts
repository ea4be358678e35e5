import { ValidationError, checkArguments } from "../core/index.js";
import { requireUniqueIds } from "./unique.js";

/** Anything with an id and the ids it depends on (template entries, checklist items). */
export interface DependencyNode {
  /** The node's id. */
  readonly id: string;
  /** Ids that must come first. */
  readonly dependsOn: readonly string[];
}

/**
 * Orders nodes so that every node comes after the nodes it depends on; among nodes that are free at the same time
 * the input order is kept, so the result is deterministic.
 *
 * @throws {ValidationError} when an id is listed twice (path `[index, "id"]`), a dependency names an unknown id (path `[index, "dependsOn", j]`) or the
 *   dependencies form a cycle; the message names the cycle (`a → b → c → a`).
 * @example
 * ```ts
 * orderByDependencies([{ id: "b", dependsOn: ["a"] }, { id: "a", dependsOn: [] }]).map((n) => n.id); // ["a", "b"]
 * ```
 */
export function orderByDependencies<T extends DependencyNode>(nodes: readonly T[], subject = "dependencies"): T[] {
  checkArguments("orderByDependencies", { nodes: [nodes, "object[]"], subject: [subject, "string?"] });
  nodes.forEach((n, i) => checkArguments(subject, { [`nodes[${i}].id`]: [n.id, "string"], [`nodes[${i}].dependsOn`]: [n.dependsOn, "array"] }));
  requireUniqueIds(nodes, [], subject);
  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(n.id, i));
  const unknown = nodes.flatMap((n, i) =>
    n.dependsOn.flatMap((d, j) => (index.has(d) ? [] : [{ path: [i, "dependsOn", j], message: `unknown dependency ${d}`, code: "custom" }])),
  );
  if (unknown.length > 0) throw new ValidationError(unknown, subject);
  const pending = nodes.map((n) => new Set(n.dependsOn).size);
  const dependants = nodes.map(() => [] as number[]);
  nodes.forEach((n, i) => new Set(n.dependsOn).forEach((d) => dependants[index.get(d)!]!.push(i)));
  const out: T[] = [];
  const done = new Array<boolean>(nodes.length).fill(false);
  // Repeated scans keep input order among ready nodes; template sizes (tens to hundreds) make this cheap.
  let progressed = true;
  while (out.length < nodes.length && progressed) {
    progressed = false;
    for (let i = 0; i < nodes.length; i++) {
      if (done[i] || pending[i] !== 0) continue;
      done[i] = true;
      out.push(nodes[i]!);
      for (const k of dependants[i]!) pending[k] = pending[k]! - 1;
      progressed = true;
      break;
    }
  }
  if (out.length < nodes.length) {
    const cycle = findCycle(nodes, index, done);
    throw ValidationError.single([index.get(cycle[0]!)!, "dependsOn"], `dependency cycle: ${cycle.join(" → ")}`, subject);
  }
  return out;
}

/** A cycle among the nodes not yet ordered, as ids with the first repeated at the end. */
function findCycle(nodes: readonly DependencyNode[], index: Map<string, number>, done: readonly boolean[]): string[] {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === "done") return undefined;
    if (state.get(id) === "visiting") return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, "visiting");
    stack.push(id);
    for (const d of nodes[index.get(id)!]!.dependsOn) {
      if (done[index.get(d)!]) continue;
      const c = visit(d);
      if (c) return c;
    }
    stack.pop();
    state.set(id, "done");
    return undefined;
  };
  for (let i = 0; i < nodes.length; i++) {
    if (done[i]) continue;
    const c = visit(nodes[i]!.id);
    if (c) return c;
  }
  return [];
}
