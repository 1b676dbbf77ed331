// A message that could not be sent is kept beside its report, so nothing is lost:
// reports/2022-11-11.yaml → reports/2022-11-11.unsent.eml (then .unsent-2.eml, ...). The copy
// names, in an X-Weekly-Send-To header, the recipients who did not get it (Bcc ones included,
// whom the message's own headers never name), so that `weekly send FILE.eml` reaches exactly them.
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { DeliveryError, WeeklyError } from "../core/errors.js";
import type { Io } from "../io/output.js";
import { displayPath } from "../io/paths.js";
import { writeFileAtomic } from "../io/write-atomic.js";
import type { Undelivered } from "./smtp.js";

export const SEND_TO_HEADER = "X-Weekly-Send-To";

/** The failure, with a second line naming where the message now is (or why it could not be kept). */
export function keepUnsent(io: Io, failure: Undelivered, beside: string, eml: string): DeliveryError {
  try {
    const saved = displayPath(io.cwd, saveUnsent(beside, `${SEND_TO_HEADER}: ${failure.pending.join(", ")}\r\n${eml}`));
    const who = `${failure.pending.length} recipient${failure.pending.length === 1 ? "" : "s"} it did not reach`;
    return new DeliveryError(
      `${failure.message}\nthe message is saved in ${saved}; to send it to the ${who}: weekly send ${saved}`,
    );
  } catch (e) {
    if (!(e instanceof WeeklyError)) throw e;
    return new DeliveryError(`${failure.message}\nthe message could not be saved either: ${e.message}`);
  }
}

/** Write `eml` (atomically) to the first free .unsent name beside `file` (a report, or an earlier copy). */
function saveUnsent(file: string, eml: string): string {
  const dir = dirname(file);
  const name = basename(file).replace(/(\.unsent(-\d+)?)?\.(ya?ml|eml)$/, "");
  for (let n = 1; ; n++) {
    const path = join(dir, `${name}.unsent${n === 1 ? "" : `-${n}`}.eml`);
    if (existsSync(path)) continue;
    writeFileAtomic(path, eml);
    return path;
  }
}
