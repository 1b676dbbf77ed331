// "Did you mean": the nearest of a few candidates to a mistyped word, and a Jira key from a near miss.
import { JIRA_KEY } from "./schemas.js";

/** Levenshtein distance. */
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

/** The candidate nearest to `word`, when it is near enough to be a typo of it. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** "str68", "str_68", "Str-068" → "STR-68"; undefined when the text does not look like a key. */
export function suggestKey(text: string): string | undefined {
  if (text.length > 40) return undefined; // no key is that long, and the pattern is slow on long runs of 0
  const m = /^([A-Za-z][A-Za-z0-9_]*?)[-_ ]?0*([1-9][0-9]*)$/.exec(text.trim());
  const guess = m ? `${m[1]!.toUpperCase()}-${m[2]}` : undefined;
  return guess && JIRA_KEY.test(guess) ? guess : undefined;
}
