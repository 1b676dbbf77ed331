// A problem found in a file: where, what, how bad. Collected, never thrown one by one.

export type Severity = "error" | "warning";

export interface Problem {
  file: string;
  /** 1-based; 0 when the problem is the file as a whole (missing, binary, empty). */
  line: number;
  col: number;
  /** Dotted path into the document, e.g. sections[0].entries[2].ticket; "" for the file as a whole. */
  path: string;
  message: string;
  severity: Severity;
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.col}: ` : `${p.file}: `;
  const sev = p.severity === "warning" ? "warning: " : "";
  const path = p.path ? `${p.path}: ` : "";
  return `${where}${sev}${path}${p.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

export const hasErrors = (ps: readonly Problem[]) => ps.some((p) => p.severity === "error");

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
