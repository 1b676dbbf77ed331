// Append a note to an entry of a report document (creating the entry, and the section when asked),
// keeping the file's comments and layout: the YAML document is edited, not rewritten from data.
import { type Document, isScalar, isSeq, Scalar, type YAMLMap, type YAMLSeq } from "yaml";
import { UsageError, UserError } from "../core/errors.js";
import { editDistance } from "../core/suggest.js";
import { entryKeys, entryMaps, projectOf, sectionForTicket, sectionMaps } from "./sections.js";

export interface AddNote {
  ticket?: string;
  label?: string;
  text: string;
  /** Section title to put a new entry in (created when absent); default: where the project's tickets are. */
  section?: string;
  /** The ticket's key before it moved in Jira: an entry under it is the ticket's, and takes the new key. */
  formerly?: string;
}

export interface AddedNote {
  section: string;
  created: boolean;
  /** The entry's ticket or label as the file writes it (`misc` finds the `MISC` entry). */
  id: string;
}

/** Edits `doc`; says where the note went. */
export function addNote(doc: Document.Parsed, note: AddNote): AddedNote {
  const sections = doc.get("sections", true);
  if (!isSeq(sections)) throw new UserError("the report has no sections: list to add to");
  const maps = sectionMaps(sections);
  for (const s of maps) {
    if (note.section !== undefined && !sameTitle(s, note.section)) continue;
    const entry = entryMaps(s).find((e) => matches(e, note));
    if (entry) {
      appendTo(doc, entry, note.text);
      const id = note.ticket ?? String(entry.get("label"));
      return { section: titleOf(s), created: false, id };
    }
  }
  const section = chooseSection(doc, sections, maps, note);
  const entry = doc.createNode(note.ticket ? { ticket: note.ticket } : { label: note.label }) as YAMLMap;
  appendTo(doc, entry, note.text);
  entriesOf(doc, section).items.push(entry);
  return { section: titleOf(section), created: true, id: (note.ticket ?? note.label)! };
}

function matches(entry: YAMLMap, note: AddNote): boolean {
  if (note.ticket) {
    const keys = entryKeys(entry);
    if (keys.includes(note.ticket.toUpperCase())) return true;
    if (!note.formerly || !keys.includes(note.formerly.toUpperCase())) return false;
    const ticket = entry.get("ticket", true);
    if (isScalar(ticket)) ticket.value = note.ticket; // the same issue, under the key Jira knows it by now
    return true;
  }
  return String(entry.get("label") ?? "").toUpperCase() === note.label!.toUpperCase();
}

function appendTo(doc: Document.Parsed, entry: YAMLMap, text: string): void {
  const scalar = doc.createNode(text) as Scalar;
  if (text.includes("\n")) scalar.type = Scalar.BLOCK_LITERAL;
  const pair = entry.items.find((p) => isScalar(p.key) && p.key.value === "notes");
  if (pair && isSeq(pair.value)) pair.value.items.push(scalar);
  else if (pair) {
    // `notes: one line` becomes a list of two; the line keeps its node (and so its comments).
    const seq = doc.createNode([]) as YAMLSeq;
    if (pair.value !== null) seq.items.push(pair.value);
    seq.items.push(scalar);
    pair.value = seq;
  } else {
    const seq = doc.createNode([]) as YAMLSeq;
    seq.items.push(scalar);
    entry.items.push(doc.createPair("notes", seq));
  }
  // Now there is progress to report; what was said about the "no progress" (comments above and
  // beside it, a `# last week:` block) stays, above the notes.
  const progress = entry.items.find((p) => isScalar(p.key) && p.key.value === "progress");
  if (!progress) return;
  const said = [
    commentOf(progress.key, "commentBefore"),
    commentOf(progress.value, "commentBefore"),
    commentOf(progress.value, "comment"),
  ];
  entry.delete("progress");
  // The importer keeps how the author said "no progress" as the entry's text: it is no longer so.
  const own = entry.get("text");
  if (typeof own === "string" && !own.trimEnd().includes("\n")) entry.delete("text");
  const kept = said.filter((c): c is string => c !== undefined);
  const notesKey = entry.items.find((p) => isScalar(p.key) && p.key.value === "notes")?.key;
  if (kept.length && isScalar(notesKey))
    notesKey.commentBefore = [notesKey.commentBefore, ...kept].filter(Boolean).join("\n");
}

function commentOf(node: unknown, field: "comment" | "commentBefore"): string | undefined {
  return isScalar(node) && node[field] ? node[field] : undefined;
}

/** --section (created when no section has that title), else the section of the project's tickets. */
function chooseSection(doc: Document.Parsed, sections: YAMLSeq, maps: YAMLMap[], note: AddNote): YAMLMap {
  if (note.section !== undefined) {
    const found = maps.find((s) => sameTitle(s, note.section!));
    if (found) return ensureEntries(doc, found);
    const created = doc.createNode({ title: note.section, entries: [] }) as YAMLMap;
    sections.items.push(created);
    return created;
  }
  const found = note.ticket ? sectionForTicket(maps, note.ticket) : maps.length === 1 ? maps[0] : undefined;
  if (found) return ensureEntries(doc, found);
  const titles = maps.map(titleOf).join(", ");
  const project = note.ticket ? projectOf(note.ticket) : undefined;
  const projects = [...new Set(maps.flatMap((s) => entryMaps(s).flatMap(entryKeys).map(projectOf)))];
  // A near miss: one letter off, or the same letters swapped (NTE for NET).
  const sorted = (w: string) => [...w].sort().join("");
  const near = project
    ? projects.find((p) => editDistance(p, project) <= 1 || sorted(p) === sorted(project))
    : undefined;
  const hint = near ? `did you mean ${near}-${note.ticket!.split("-")[1]}? If not, ` : "";
  const what = project ? `${project} tickets` : `(${note.label})`;
  throw new UsageError(`no section holds ${what} yet; ${hint}name one with --section (there are ${titles})`);
}

/**
 * New entries for tickets the report lacks (`weekly new --from-jira`), each with "No progress"
 * yet: in the section that holds its project's tickets, else a new section named after the project.
 */
export function addTicketEntries(doc: Document.Parsed, keys: readonly string[]): void {
  const sections = doc.get("sections", true);
  if (!isSeq(sections)) return;
  for (const key of keys) {
    let target = sectionForTicket(sectionMaps(sections), key);
    if (!target) {
      target = doc.createNode({ title: projectOf(key), entries: [] }) as YAMLMap;
      sections.items.push(target);
    }
    entriesOf(doc, target).items.push(doc.createNode({ ticket: key, progress: "none" }));
  }
}

function ensureEntries(doc: Document.Parsed, section: YAMLMap): YAMLMap {
  entriesOf(doc, section);
  return section;
}

/** A section's `entries:` list, made when it has none. */
function entriesOf(doc: Document.Parsed, section: YAMLMap): YAMLSeq {
  const entries = section.get("entries", true);
  if (isSeq(entries)) return entries;
  const made = doc.createNode([]) as YAMLSeq;
  section.set("entries", made);
  return made;
}

/** A section as messages name it: its title, quoted, or "the untitled section". */
const titleOf = (s: YAMLMap) => {
  const title = s.get("title");
  return title === undefined ? "the untitled section" : JSON.stringify(String(title));
};

const sameTitle = (s: YAMLMap, title: string) => String(s.get("title") ?? "").toLowerCase() === title.toLowerCase();
