// Secrets never reach a message: every form in which a secret may travel (as typed, or base64
// inside an HTTP Basic header or an SMTP AUTH PLAIN/LOGIN line) is cut out of a text before it is
// shown, and before the text is shortened (a cut could split a secret and hide it from the scrub).

/**
 * The forms of a secret that may come back in a server's text: the secret, and the part of its
 * base64 that is the same wherever it stands in a longer base64 run (each of the 3 alignments).
 */
export function secretForms(secret: string): string[] {
  const forms = [secret];
  for (let k = 0; k < 3; k++) {
    const bytes = Buffer.concat([Buffer.alloc(k), Buffer.from(secret, "utf8")]);
    const full = Math.floor(bytes.length / 3);
    const stable = bytes
      .subarray(0, full * 3)
      .toString("base64")
      .slice(k > 0 ? 4 : 0);
    if (stable.length >= 4) forms.push(stable);
  }
  return [...new Set(forms)].filter((f) => f.length > 0);
}

/** `text` with every form of every secret replaced by ***. */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  const forms = secrets.flatMap((s) => (s ? secretForms(s) : [])).sort((a, b) => b.length - a.length);
  let out = text;
  for (const form of forms) out = out.split(form).join("***");
  return out;
}
