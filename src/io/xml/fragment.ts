import { SaxesParser } from "saxes";

/**
 * Why a text written as markup inside an element (an XHTML value of ReqIF) is not a well-formed XML fragment —
 * saxes' first complaint (`unmatched closing tag: v.`, `inappropriately located doctype declaration.`) — or
 * `undefined` when it is one. Such a text, written as-is, would change the file around it: a closing tag ends the
 * element early and what follows becomes elements of the file. An undefined entity (`&nbsp;`) is no complaint: the
 * readers keep it as written. @internal
 *
 * @example
 * ```ts
 * xmlFragmentProblem("<xhtml:p>a</xhtml:p>"); // undefined
 * xmlFragmentProblem("a</THE-VALUE><X/>");    // "unmatched closing tag: THE-VALUE."
 * ```
 */
export function xmlFragmentProblem(markup: string): string | undefined {
  const parser = new SaxesParser({ xmlns: false });
  let problem: string | undefined;
  parser.on("error", (e) => {
    if (!e.message.endsWith("undefined entity.")) problem ??= e.message.replace(/^\d+:\d+: /, "");
  });
  parser.write(`<v>${markup}</v>`).close();
  return problem;
}
