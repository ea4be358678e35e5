/**
 * The text an element keeps: exactly as written (leading and trailing white space included: XML white space is
 * significant, and `<Name> Task</Name>` names " Task") when it has no child elements and its text is not blank; else
 * its pieces trimmed, so the indentation between child elements (what pmokit's writers and every pretty-printer add)
 * is dropped.
 *
 * @example
 * ```ts
 * ownText({ text: "Task", exact: " Task" }); // " Task"
 * ownText({ text: undefined, exact: "\n  ", kids: true }); // undefined
 * ```
 */
export function ownText(frame: { text: string | undefined; exact?: string; kids?: boolean }): string | undefined {
  return frame.kids !== true && frame.exact !== undefined && frame.exact.trim() !== "" ? frame.exact : frame.text;
}
