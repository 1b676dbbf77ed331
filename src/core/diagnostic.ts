import { quoteControl } from "./text.js";

// One shape for every problem any stage finds: where (as fields, never inside the text), what,
// and how bad. Stages collect these; commands print them; only errors fail a command.

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  severity: Severity;
  /** The file as the user named it; absent for problems that belong to no file (Jira, flags). */
  file?: string;
  /** 1-based; absent when the problem is the file as a whole. */
  line?: number;
  col?: number;
  /** Dotted path into the document, e.g. sections[0].entries[2].ticket. */
  path?: string;
  message: string;
}

/** `file:line:col: warning: path: message`; errors and infos carry no severity word. */
export function formatDiagnostic(d: Diagnostic): string {
  const file = d.file === undefined ? undefined : quoteControl(d.file);
  const place = [file, d.line, d.line === undefined ? undefined : d.col].filter((p) => p !== undefined && p !== "");
  const where = place.length ? `${place.join(":")}: ` : "";
  const sev = d.severity === "warning" ? "warning: " : "";
  const path = d.path ? `${d.path}: ` : "";
  return `${where}${sev}${path}${d.message}`;
}

export const hasErrors = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity === "error");

export const errorsOf = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === "error");

/** In file order: by line, then column (stable for equal places). */
export function byPosition(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

export const error = (message: string, at: Omit<Diagnostic, "severity" | "message"> = {}): Diagnostic => ({
  severity: "error",
  ...at,
  message,
});

export const warning = (message: string, at: Omit<Diagnostic, "severity" | "message"> = {}): Diagnostic => ({
  severity: "warning",
  ...at,
  message,
});

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

export const info = (message: string, at: Omit<Diagnostic, "severity" | "message"> = {}): Diagnostic => ({
  severity: "info",
  ...at,
  message,
});
