// The first report of someone who has none yet: one section and one entry to show the shape.
import { schemaReference } from "../io/package-files.js";

/** The example note of a first week: `check` warns while it is still there. */
export const STARTER_NOTE =
  "What happened this week. Indented lines, tables and blank lines\nare printed as written.\n";

export function starterReport(weekEnding: string, folder: string): string {
  const ref = schemaReference("report", folder);
  const head = ref ? `# yaml-language-server: $schema=${ref}\n` : "";
  return `${head}# The week ending ${weekEnding}. \`weekly check\` validates it; \`weekly render\` prints the email.
sections:
  - title: My project
    entries:
      - label: MISC
        notes:
          - |
${STARTER_NOTE.replace(/^(?=.)/gm, "            ")}`;
}
