/** Code-unit order of two strings (internal): every listing of a result is sorted with it. */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
