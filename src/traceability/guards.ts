/**
 * @internal Argument checks for the traceability entry points that take a built graph or a running analysis: a
 * plain object in their place is a ValidationError, never a TypeError from deep inside.
 */
import { ValidationError, checkArguments } from "../core/index.js";
import { TraceGraph } from "./graph.js";

/** A graph from buildTraceGraph. */
export function requireTraceGraph(graph: unknown, subject: string, name = "graph"): TraceGraph {
  if (!(graph instanceof TraceGraph)) throw ValidationError.single([name], "expected a trace graph from buildTraceGraph", subject);
  return graph;
}

/** An analysis from analyzeTraceGraph (its graph and its result method). */
export function requireTraceAnalysis<A>(analysis: A, subject: string): A {
  checkArguments(subject, { analysis: [analysis, "object"] });
  const a = analysis as { readonly graph?: unknown; readonly result?: unknown };
  requireTraceGraph(a.graph, subject, "analysis.graph");
  if (typeof a.result !== "function") throw ValidationError.single(["analysis", "result"], "expected an analysis from analyzeTraceGraph", subject);
  return analysis;
}
