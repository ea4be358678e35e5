import type { RagColour } from "./rag-evaluate.js";

/** Why an overall status has no computed colour: too few dimensions could be rated. */
export interface InsufficientData<D extends string = string> {
  /** Always `insufficient-data`. */
  readonly reason: "insufficient-data";
  /** The minimum of rated dimensions that applied. */
  readonly minimumRated: number;
  /** Dimensions that could be rated. */
  readonly rated: readonly D[];
  /** Dimensions with rules but no colour (every rule lacked a figure). */
  readonly unrated: readonly D[];
  /** In words: "1 of 7 dimensions rated, at least 2 needed; not rated: cost, …". */
  readonly explanation: string;
}

/** Default minimum of rated dimensions: two (say schedule and cost), or all dimensions with rules when fewer. */
const DEFAULT_MINIMUM = 2;

/**
 * Checks that enough dimensions were rated for an overall colour (issue 17: never green from nothing). Returns the
 * typed shortfall, or `undefined` when there are enough.
 *
 * @example
 * ```ts
 * insufficientData([{ dimension: "schedule", colour: "green" }, { dimension: "cost", colour: undefined }])?.explanation;
 * // "1 of 2 dimensions rated, at least 2 needed; not rated: cost"
 * ```
 */
export function insufficientData<D extends string>(
  dimensions: readonly { readonly dimension: D; readonly colour: RagColour | undefined }[],
  minimum?: number,
): InsufficientData<D> | undefined {
  const rated = dimensions.filter((d) => d.colour !== undefined).map((d) => d.dimension);
  const unrated = dimensions.filter((d) => d.colour === undefined).map((d) => d.dimension);
  const minimumRated = minimum ?? Math.max(1, Math.min(DEFAULT_MINIMUM, dimensions.length));
  if (rated.length >= minimumRated) return undefined;
  const explanation = `${rated.length} of ${dimensions.length} dimensions rated, at least ${minimumRated} needed${unrated.length > 0 ? `; not rated: ${unrated.join(", ")}` : ""}`;
  return { reason: "insufficient-data", minimumRated, rated, unrated, explanation };
}
