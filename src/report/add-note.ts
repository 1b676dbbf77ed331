// Append a note to an entry of a report document (creating the entry, and the section when asked),
// keeping the file's comments and layout: the YAML document is edited, not rewritten from data.
import { isMap, isScalar, isSeq, Scalar, type Document, type YAMLMap, type YAMLSeq } from "yaml";
import { UserError } from "../errors.js";
import { editDistance } from "./problems.js";

export interface AddNote {
  ticket?: string;
  label?: string;
  text: string;
  /** Section title to put a new entry in (created when absent); default: where the project's tickets are. */
  section?: string;
}

/** Edits `doc`; says where the note went. */
export function addNote(doc: Document.Parsed, note: AddNote): { section: string; created: boolean } {
  const sections = doc.get("sections", true);
  if (!isSeq(sections)) throw new UserError("the report has no sections: list to add to");
  const key = note.ticket ? "ticket" : "label";
  const id = (note.ticket ?? note.label)!;
  for (const s of sections.items) {
    if (!isMap(s) || (note.section !== undefined && !sameTitle(s, note.section))) continue;
    const entry = entriesOf(s).find((e) => String(e.get(key) ?? "").toUpperCase() === id.toUpperCase());
    if (entry) {
      appendTo(doc, entry, note.text);
      return { section: String(s.get("title")), created: false };
    }
  }
  const section = chooseSection(doc, sections, note);
  const entry = doc.createNode({ [key]: id }) as YAMLMap;
  appendTo(doc, entry, note.text);
  (section.get("entries", true) as unknown as YAMLSeq).items.push(entry);
  return { section: String(section.get("title")), created: true };
}

function appendTo(doc: Document.Parsed, entry: YAMLMap, text: string): void {
  const scalar = doc.createNode(text) as Scalar;
  if (text.includes("\n")) scalar.type = Scalar.BLOCK_LITERAL;
  let notes: unknown = entry.get("notes", true);
  if (isScalar(notes)) {
    const seq = doc.createNode([]) as YAMLSeq;
    seq.items.push(notes);
    entry.set("notes", seq);
    notes = seq;
  }
  if (!isSeq(notes)) {
    entry.set("notes", doc.createNode([]));
    notes = entry.get("notes", true);
  }
  (notes as YAMLSeq).items.push(scalar);
  // Now there is progress to report.
  if (entry.has("progress")) entry.delete("progress");
}

/** --section (created when no section has that title), else the section of the project's tickets, else the only one. */
function chooseSection(doc: Document.Parsed, sections: YAMLSeq, note: AddNote): YAMLMap {
  const maps = sections.items.filter(isMap);
  if (note.section !== undefined) {
    const found = maps.find((s) => sameTitle(s, note.section!));
    if (found) return ensureEntries(doc, found);
    const created = doc.createNode({ title: note.section, entries: [] }) as YAMLMap;
    sections.items.push(created);
    return created;
  }
  const project = note.ticket?.split("-")[0];
  const byProject = project ? maps.find((s) => entriesOf(s).some((e) => String(e.get("ticket") ?? "").startsWith(`${project}-`))) : undefined;
  if (byProject) return byProject;
  if (maps.length === 1) return ensureEntries(doc, maps[0]!);
  const titles = maps.map((s) => JSON.stringify(String(s.get("title")))).join(", ");
  const projects = [...new Set(maps.flatMap((s) => entriesOf(s).map((e) => String(e.get("ticket") ?? "").split("-")[0]!)).filter(Boolean))];
  // A near miss: one letter off, or the same letters swapped (NTE for NET).
  const sorted = (w: string) => [...w].sort().join("");
  const near = project ? projects.find((p) => editDistance(p, project) <= 1 || sorted(p) === sorted(project)) : undefined;
  const hint = near ? `did you mean ${near}-${note.ticket!.split("-")[1]}? If not, ` : "";
  throw new UserError(`no section holds ${project ? `${project} tickets` : `(${note.label})`} yet; ${hint}name one with --section (there are ${titles})`);
}

function ensureEntries(doc: Document.Parsed, section: YAMLMap): YAMLMap {
  if (!isSeq(section.get("entries", true))) section.set("entries", doc.createNode([]));
  return section;
}

function entriesOf(section: YAMLMap): YAMLMap[] {
  const entries = section.get("entries", true);
  return isSeq(entries) ? entries.items.filter(isMap) : [];
}

const sameTitle = (s: YAMLMap, title: string) => String(s.get("title") ?? "").toLowerCase() === title.toLowerCase();
