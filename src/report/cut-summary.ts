// A ticket's summary cut to fit its heading line, `[KEY] (summary) [Status]`: what the model
// prints and what import expects.

/** Characters left for the summary on a heading line of `width` that starts `lead` ("[KEY]") and ends `tail`. */
export function headingRoom(width: number, lead: string, tail = ""): number {
  return width - [...lead].length - [..." ()"].length - [...tail].length;
}

/** Cut at a word boundary so that the text plus " ..." fits in `room` characters. */
export function cutSummary(text: string, room: number): string {
  const chars = [...text];
  if (chars.length <= room) return text;
  const words = text.split(" ");
  let out = "";
  for (const w of words) {
    const next = out ? `${out} ${w}` : w;
    if ([...next].length + 4 > room) break;
    out = next;
  }
  if (!out) out = chars.slice(0, Math.max(1, room - 4)).join("");
  return `${out} ...`;
}
