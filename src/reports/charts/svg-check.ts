/**
 * The guard on a chart block's markup. The HTML report embeds a chart's SVG as is, so a hand-built string could
 * carry a script, an event attribute, a link or a reference to a remote file into the report. Nothing is
 * sanitised: markup outside what pmokit's chart functions emit is refused, so a report never shows a chart that
 * differs from the one its author passed.
 */

const NS = "http://www.w3.org/2000/svg";
const PAINT = ["fill", "stroke", "stroke-width", "stroke-dasharray"];
const SHAPE = ["class", ...PAINT];
// Per element, the attributes pmokit's charts write. No href, style, on*, xml:*, id references or url() paints.
const ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  svg: ["xmlns", "class", "width", "height", "viewBox", "role", "aria-labelledby", "font-family", "fill"],
  title: ["id"],
  desc: ["id"],
  g: ["class", "font-size"],
  rect: [...SHAPE, "x", "y", "width", "height"],
  line: [...SHAPE, "x1", "y1", "x2", "y2"],
  path: [...SHAPE, "d", "stroke-linejoin", "transform"],
  circle: [...SHAPE, "cx", "cy", "r", "fill-opacity"],
  text: ["class", "x", "y", "text-anchor", "font-size", "font-weight", "transform", "fill"],
};
// Entities the escaping writes; any other `&` (a numeric reference could spell anything) is refused.
const BAD_AMP = /&(?!(?:amp|lt|gt|quot|#39);)/;
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*)((?:[ \t\n\r]+[A-Za-z][A-Za-z0-9:-]*="[^"<]*")*)[ \t\n\r]*(\/?)>/y;
const ATTR = /([A-Za-z][A-Za-z0-9:-]*)="([^"<]*)"/g;
const RGB = /^rgb\(\d{1,3}, ?\d{1,3}, ?\d{1,3}\)$/;
const TRANSFORM = /^(?:translate|rotate)\([-0-9.eE, ]*\)$/;

function attrProblem(element: string, name: string, value: string): string | undefined {
  const allowed = Object.hasOwn(ELEMENTS, element) ? ELEMENTS[element]! : [];
  if (!allowed.includes(name)) return `<${element}> has an attribute ${JSON.stringify(name)} that pmokit's charts never write`;
  if (BAD_AMP.test(value)) return `<${element} ${name}> holds a character reference`;
  if (name === "xmlns") return value === NS ? undefined : "the SVG namespace is not http://www.w3.org/2000/svg";
  if (name === "transform") return TRANSFORM.test(value) ? undefined : `<${element} transform> is not a translate or rotate`;
  if ((name === "fill" || name === "stroke") && RGB.test(value)) return undefined;
  // No colon or parenthesis: no URL, url() paint or scheme can appear in a value.
  return /[:()]/.test(value) ? `<${element} ${name}> holds a URL or function` : undefined;
}

/**
 * Why a chart block's markup is not one pmokit's chart functions could have made, or `undefined` when it could: one
 * `<svg>` root in the SVG namespace, then only the elements and attributes the charts write (svg, title, desc, g,
 * rect, line, path, circle, text), attribute values without URLs, `url()` or character references other than the
 * five the escaping writes, and no comment, CDATA, processing instruction or text outside the root. So no
 * `<script>`, `on*=` handler, `javascript:` or remote `href`, `<foreignObject>`, `<use>`, `<image>` or `style` can
 * pass. @internal
 */
export function chartSvgProblem(svg: string): string | undefined {
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < svg.length) {
    const lt = svg.indexOf("<", i);
    const text = svg.slice(i, lt < 0 ? svg.length : lt);
    if (text !== "" && (stack.length === 0 || BAD_AMP.test(text))) return stack.length === 0 ? "text outside the <svg> element" : "text holds a character reference";
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(svg);
    if (!m) return `markup at ${lt} is not a plain tag (comment, CDATA, processing instruction or malformed tag)`;
    const [whole, close, name, attrs, selfClose] = m as unknown as [string, string, string, string, string];
    if (close) {
      if (attrs || selfClose || stack.pop() !== name) return `</${name}> does not close the open element`;
    } else {
      if (!Object.hasOwn(ELEMENTS, name) || (name === "svg") !== (stack.length === 0)) return `<${name}> is not an element pmokit's charts write there`;
      if (name === "svg" && ++roots > 1) return "more than one <svg> root";
      for (const a of attrs.matchAll(ATTR)) {
        const problem = attrProblem(name, a[1]!, a[2]!);
        if (problem) return problem;
      }
      if (!selfClose) stack.push(name);
    }
    i = lt + whole.length;
  }
  return roots === 1 && stack.length === 0 ? undefined : "not one complete <svg> element";
}
