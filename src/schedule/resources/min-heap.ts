/** @internal A binary min-heap of activity indices ordered by a rank array (levelling's priority order). */
export class MinHeap {
  private readonly items: number[] = [];
  constructor(private readonly rank: Int32Array) {}
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((this.rank[a[p] as number] as number) <= (this.rank[x] as number)) break;
      a[i] = a[p] as number;
      i = p;
    }
    a[i] = x;
  }
  pop(): number {
    const a = this.items;
    const top = a[0] as number;
    const last = a.pop() as number;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && (this.rank[a[r] as number] as number) < (this.rank[a[l] as number] as number) ? r : l;
        if ((this.rank[a[c] as number] as number) >= (this.rank[last] as number)) break;
        a[i] = a[c] as number;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}
