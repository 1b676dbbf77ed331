// Which section of a report document a ticket belongs in: the one rule that `weekly add` and
// `weekly new --from-jira` share. Works on the YAML document, so edits keep the file's comments.
import { isMap, isScalar, isSeq, type YAMLMap, type YAMLSeq } from "yaml";

/** How edited report documents are written back: no re-wrapping, flow lists as the user writes them. */
export const YAML_OUT = { lineWidth: 0, flowCollectionPadding: false } as const;

/** The section maps of a report document's `sections:` list (none when it has no such list). */
export function sectionMaps(sections: unknown): YAMLMap[] {
  return isSeq(sections) ? (sections as YAMLSeq).items.filter(isMap) : [];
}

/** The entry maps of a section. */
export function entryMaps(section: YAMLMap): YAMLMap[] {
  const entries = section.get("entries", true);
  return isSeq(entries) ? entries.items.filter(isMap) : [];
}

/** The ticket keys an entry is about (`ticket:`, or each of `tickets:`), upper case. */
export function entryKeys(entry: YAMLMap): string[] {
  const one = entry.get("ticket");
  const many = entry.get("tickets", true);
  const keys = isSeq(many) ? many.items.filter(isScalar).map((k) => String(k.value)) : [];
  return [...(one === undefined ? [] : [String(one)]), ...keys].map((k) => k.toUpperCase());
}

export const projectOf = (key: string) => key.split("-")[0]!.toUpperCase();

/**
 * The section for a ticket: the first that holds a ticket of its project, else the only section
 * when it holds no other project's tickets (a catch-all, like the first week's "My project");
 * undefined otherwise: the caller asks (add) or makes a section for the project (new --from-jira).
 */
export function sectionForTicket(sections: readonly YAMLMap[], key: string): YAMLMap | undefined {
  const project = projectOf(key);
  const projects = (s: YAMLMap) => entryMaps(s).flatMap(entryKeys).map(projectOf);
  const holds = sections.find((s) => projects(s).includes(project));
  if (holds) return holds;
  return sections.length === 1 && projects(sections[0]!).length === 0 ? sections[0] : undefined;
}
