import { scaleLinear, type ScaleLinear } from "d3-scale";
import { bottomAxis, leftAxis, MARGIN, numberTickFormat, type Tick } from "./svg.js";

/**
 * Linear x/y scales over amounts with nice domains including zero, and both axes drawn. `inset` keeps the scales
 * that many pixels inside the axes (room for marks drawn around a point, such as bubbles); `rightMargin` widens the
 * space right of the plot (a side legend). @internal
 */
export function xyFrame(
  xs: readonly number[],
  ys: readonly number[],
  size: { readonly width: number; readonly height: number },
  xTitle: string,
  yTitle: string,
  top: number,
  options: { readonly inset?: number; readonly rightMargin?: number } = {},
): { x: ScaleLinear<number, number>; y: ScaleLinear<number, number>; axes: string; box: { left: number; right: number; top: number; bottom: number } } {
  const inset = options.inset ?? 0;
  const left = MARGIN.left, right = size.width - (options.rightMargin ?? MARGIN.right), bottom = size.height - MARGIN.bottom;
  const x = scaleLinear().domain([Math.min(0, ...xs), Math.max(1, ...xs)]).nice(6).range([left + inset, right - inset]);
  const y = scaleLinear().domain([Math.min(0, ...ys), Math.max(1, ...ys)]).nice(6).range([bottom - inset, top + inset]);
  const xCount = Math.max(2, Math.floor((right - left) / 90));
  const xv = x.ticks(xCount), yv = y.ticks(6);
  const xf = numberTickFormat(xv), yf = numberTickFormat(yv);
  const xt: Tick[] = xv.map((v) => ({ at: x(v), label: xf(v) }));
  const yt: Tick[] = yv.map((v) => ({ at: y(v), label: yf(v) }));
  return { x, y, axes: bottomAxis(xt, left, right, bottom, top, xTitle) + leftAxis(yt, bottom, top, left, right, yTitle), box: { left, right, top, bottom } };
}
