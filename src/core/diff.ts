// Which lines two texts differ in: Myers' O(ND) diff, as hunks of a (what was) and b (what is).
// Texts that differ in many places come back as one hunk over their differing middle.

export interface Hunk {
  /** a[aStart, aEnd) became b[bStart, bEnd). */
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

const MAX_EDITS = 1000;

export function diffLines(a: readonly string[], b: readonly string[]): Hunk[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let aEnd = a.length;
  let bEnd = b.length;
  while (aEnd > start && bEnd > start && a[aEnd - 1] === b[bEnd - 1]) aEnd--, bEnd--;
  if (start === aEnd && start === bEnd) return [];
  const middle = { aStart: start, aEnd, bStart: start, bEnd };
  return myers(a, b, middle) ?? [middle];
}

/** The shortest edit script of a and b inside `range`, as hunks; undefined past MAX_EDITS edits. */
function myers(a: readonly string[], b: readonly string[], range: Hunk): Hunk[] | undefined {
  const n = range.aEnd - range.aStart;
  const m = range.bEnd - range.bStart;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
      let x = down ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[range.aStart + x] === b[range.bStart + y]) x++, y++;
      v[offset + k] = x;
      if (x >= n && y >= m) return hunksOf(backtrack(trace, offset, n, m), range);
    }
  }
  return undefined;
}

/** The matched pairs (x, y) of the edit path, from the end to the start. */
function backtrack(trace: Int32Array[], offset: number, n: number, m: number): [number, number][] {
  const pairs: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[offset + prevK]!;
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) pairs.push([--x, --y]);
    if (d > 0) [x, y] = [prevX, prevY];
  }
  return pairs;
}

/** The runs between matched pairs, as hunks in the whole texts' numbering. */
function hunksOf(pairs: [number, number][], range: Hunk): Hunk[] {
  const out: Hunk[] = [];
  let x = 0;
  let y = 0;
  const n = range.aEnd - range.aStart;
  const m = range.bEnd - range.bStart;
  for (const [px, py] of [...pairs.reverse(), [n, m] as [number, number]]) {
    if (px > x || py > y) {
      out.push({
        aStart: range.aStart + x,
        aEnd: range.aStart + px,
        bStart: range.bStart + y,
        bEnd: range.bStart + py,
      });
    }
    x = px + 1;
    y = py + 1;
  }
  return out;
}
