// A message that could not be sent is kept beside its report, so nothing is lost:
// reports/2022-11-11.yaml → reports/2022-11-11.unsent.eml (then .unsent-2.eml, .unsent-3.eml, ...).
import { existsSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { DeliveryError, WeeklyError } from "../core/errors.js";
import type { Io } from "../io/output.js";
import { displayPath } from "../io/paths.js";
import { writeFileAtomic } from "../io/write-atomic.js";

/** The failure, with a second line naming where the message now is (or why it could not be kept). */
export function keepUnsent(io: Io, failure: DeliveryError, reportFile: string, eml: string): DeliveryError {
  try {
    const saved = saveUnsent(reportFile, eml);
    return new DeliveryError(`${failure.message}\nthe message is saved in ${displayPath(io.cwd, saved)}`);
  } catch (e) {
    if (!(e instanceof WeeklyError)) throw e;
    const why = e.message;
    return new DeliveryError(`${failure.message}\nthe message could not be saved either: ${why}`);
  }
}

/** Write `eml` (atomically) to the first free .unsent name beside `reportFile`; returns its path. */
function saveUnsent(reportFile: string, eml: string): string {
  const dir = dirname(reportFile);
  const name = basename(reportFile, extname(reportFile));
  for (let n = 1; ; n++) {
    const file = join(dir, `${name}.unsent${n === 1 ? "" : `-${n}`}.eml`);
    if (existsSync(file)) continue;
    writeFileAtomic(file, eml);
    return file;
  }
}
