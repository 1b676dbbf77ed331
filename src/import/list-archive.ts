// What mailing-list archives (pipermail, HyperKitty) do to a message: addresses written
// `user at host (Name)` so that robots cannot harvest them, and a note where an attachment (the
// HTML part) was scrubbed. The address is read back as the sender wrote it; the note, which the
// author never wrote, is left out and named.

const OBFUSCATED = /^([^\s@<>()"]+) at ([A-Za-z0-9.-]+\.[A-Za-z]{2,})(?:\s+\((.*)\))?$/;

/** `jane.doe at example.org (Jane Doe)` → `Jane Doe <jane.doe@example.org>`; other addresses as they are. */
export function readableAddress(address: string): string {
  const m = OBFUSCATED.exec(address.trim());
  if (!m) return address;
  const email = `${m[1]}@${m[2]}`;
  const name = m[3]?.trim();
  if (!name) return email;
  return /[",;<>@]/.test(name) ? `"${name.replace(/(["\\])/g, "\\$1")}" <${email}>` : `${name} <${email}>`;
}

const NEXT_PART = /^-{5,} next part -{5,}$/;

/**
 * Where a body ends before an archive's "next part" note (`-------------- next part ----`,
 * `An HTML attachment was scrubbed...`, `URL: <...>`), and that note's length; undefined when the
 * body has none.
 */
export function scrubbedNoteAt(body: readonly string[]): { start: number; lines: number } | undefined {
  for (let k = Math.max(0, body.length - 8); k < body.length; k++) {
    if (!NEXT_PART.test(body[k]!.trim())) continue;
    const rest = body.slice(k + 1).filter((l) => l.trim() !== "");
    const archive = rest.every((l) => /^(?:An? .* was scrubbed\.\.\.|Name: |Type: |Size: |Desc: |URL: )/.test(l));
    if (archive && rest.length > 0) return { start: k, lines: body.length - k };
  }
  return undefined;
}

/** A TextDecoder per charset label (made once: making one costs more than a header's decoding), null when unknown. */
const DECODERS = new Map<string, TextDecoder | null>();

function decoderFor(label: string): TextDecoder | null {
  let decoder = DECODERS.get(label);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = null;
    }
    if (DECODERS.size < 100) DECODERS.set(label, decoder);
  }
  return decoder;
}

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

/** RFC 2047 encoded words (`=?utf-8?Q?In=C3=AAs?=`) decoded, for the raw header lines mailparser cannot read. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(ENCODED_WORD, (all, charset: string, kind: string, text: string) => {
      const bytes =
        kind.toUpperCase() === "B"
          ? Buffer.from(text, "base64")
          : Buffer.from(
              text
                .replace(/_/g, " ")
                .replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
              "latin1",
            );
      const decoder = decoderFor(charset.replace(/\*.*$/, ""));
      // A charset Node does not know: the word stays as it was written.
      return decoder ? decoder.decode(bytes) : all;
    });
}
