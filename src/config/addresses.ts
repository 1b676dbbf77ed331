// Recipient lists as people type them: `--to a@x,b@x`, `--to a@x --to b@x`, and names with
// commas in quotes (`"Lead, The" <lead@example.com>`), split by nodemailer's address parser.
import addressparser from "nodemailer/lib/addressparser/index.js";

/** Each address once, as "Name <addr>" or "addr". */
export function splitAddressList(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    for (const a of addressparser(value, { flatten: true })) {
      if (!a.address) {
        if (a.name.trim()) out.push(a.name.trim()); // not an address: kept, so that validation names it
        continue;
      }
      const name = a.name.trim();
      out.push(name ? `${/[",;<>@()]/.test(name) ? JSON.stringify(name) : name} <${a.address}>` : a.address);
    }
  }
  return out;
}
