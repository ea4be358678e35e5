import { pertAt, shapeOf, type Quantile } from "./distributions.js";
import { inverseNormal } from "./random.js";

/*
 * The durations of an iteration from its uniforms: each distribution kind in its own loop over flat parameter arrays.
 * Calling each activity's quantile closure was a call site with four closure kinds (not inlined): about 0.13 s of
 * CPU per call at 10,000 × 1,000 (1.58 s → 1.45 s measured alternately). The arithmetic is the closures' own, operation for operation (distributions.ts),
 * and each activity is written once, so the durations are the same doubles, rounded the same way.
 */

/** Activity, unit and parameters of the draws of one kind. */
interface Kind {
  readonly activity: Int32Array;
  readonly unit: Int32Array;
  /** Up to four parameters per draw, by kind: triangular a, b, m, fc; uniform a, b; lognormal mu, s; PERT a, b. */
  readonly p: Float64Array;
}

/** @internal The uncertain activities of a model, grouped by the kind of their distribution. */
export interface Sampler {
  readonly triangular: Kind;
  readonly uniform: Kind;
  readonly lognormal: Kind;
  readonly pert: Kind & { readonly cdf: readonly Float64Array[]; readonly guide: readonly Int32Array[] };
  /** Quantiles of no known shape (none today): called as they are. */
  readonly other: readonly { readonly activity: number; readonly unit: number; readonly quantile: Quantile }[];
}

type Draw = { readonly activity: number; readonly unit: number; readonly quantile: Quantile };

/** @internal Groups the draws by kind. */
export function sampler(draws: readonly Draw[]): Sampler {
  const by = (kind: string) => draws.filter((d) => shapeOf(d.quantile)?.kind === kind);
  const kind = (list: readonly Draw[], params: (d: Draw) => number[]): Kind => ({
    activity: Int32Array.from(list, (d) => d.activity),
    unit: Int32Array.from(list, (d) => d.unit),
    p: Float64Array.from(list.flatMap((d) => [...params(d), 0, 0, 0, 0].slice(0, 4))),
  });
  const shape = (d: Draw) => shapeOf(d.quantile) as NonNullable<ReturnType<typeof shapeOf>>;
  const pert = by("pert");
  return {
    triangular: kind(by("triangular"), (d) => {
      const s = shape(d);
      return s.kind === "triangular" ? [s.a, s.b, s.m, s.fc] : [];
    }),
    uniform: kind(by("uniform"), (d) => {
      const s = shape(d);
      return s.kind === "uniform" ? [s.a, s.b] : [];
    }),
    lognormal: kind(by("lognormal"), (d) => {
      const s = shape(d);
      return s.kind === "lognormal" ? [s.mu, s.s] : [];
    }),
    pert: {
      ...kind(pert, (d) => {
        const s = shape(d);
        return s.kind === "pert" ? [s.a, s.b] : [];
      }),
      cdf: pert.map((d) => (shape(d) as { cdf: Float64Array }).cdf),
      guide: pert.map((d) => (shape(d) as { guide: Int32Array }).guide),
    },
    other: draws.filter((d) => shapeOf(d.quantile) === undefined),
  };
}

/** @internal dur[activity] = round(quantile(u[unit])) for every uncertain activity. */
export function sample(s: Sampler, u: Float64Array, dur: Float64Array): void {
  {
    const { activity, unit, p } = s.triangular;
    for (let x = 0; x < activity.length; x++) {
      const v = u[unit[x] as number] as number;
      const a = p[4 * x] as number;
      const b = p[4 * x + 1] as number;
      const m = p[4 * x + 2] as number;
      dur[activity[x] as number] = Math.round(v < (p[4 * x + 3] as number) ? a + Math.sqrt(v * (b - a) * (m - a)) : b - Math.sqrt((1 - v) * (b - a) * (b - m)));
    }
  }
  {
    const { activity, unit, p } = s.uniform;
    for (let x = 0; x < activity.length; x++) {
      const a = p[4 * x] as number;
      dur[activity[x] as number] = Math.round(a + (u[unit[x] as number] as number) * ((p[4 * x + 1] as number) - a));
    }
  }
  {
    const { activity, unit, p } = s.lognormal;
    for (let x = 0; x < activity.length; x++) {
      dur[activity[x] as number] = Math.round(Math.exp((p[4 * x] as number) + (p[4 * x + 1] as number) * inverseNormal(u[unit[x] as number] as number)));
    }
  }
  {
    const { activity, unit, p, cdf, guide } = s.pert;
    for (let x = 0; x < activity.length; x++) {
      dur[activity[x] as number] = Math.round(pertAt(cdf[x] as Float64Array, guide[x] as Int32Array, p[4 * x] as number, p[4 * x + 1] as number, u[unit[x] as number] as number));
    }
  }
  for (const o of s.other) dur[o.activity] = Math.round(o.quantile(u[o.unit] as number));
}
