// weekly send: read → validate → (enrich) → model → render (the -f eml message) → deliver over SMTP.
// Asks first on a terminal; --dry-run shows the message and its envelope; a failed send leaves
// the message beside the report as .unsent.eml, which `weekly send FILE.eml` sends again.
import { resolve } from "node:path";
import { loadConfig } from "../config/load.js";
import { confirmSend } from "../deliver/confirm.js";
import { describeEnvelope, type Envelope, envelopeOf, messageIdOf } from "../deliver/envelope.js";
import { readSavedMessage } from "../deliver/resend.js";
import { sendMessage, smtpPassword, smtpTarget, Undelivered } from "../deliver/smtp.js";
import { keepUnsent } from "../deliver/unsent.js";
import type { LoadedConfig } from "../config/load.js";
import type { Io } from "../io/output.js";
import { displayPath } from "../io/paths.js";
import { renderEmail } from "../render/eml.js";
import { chooseTemplate, type PrepareOptions, prepareModel } from "./prepare.js";

export interface SendOptions extends PrepareOptions {
  template?: string;
  /** Print the message and its envelope; send nothing. */
  dryRun?: boolean;
  /** Send without asking. */
  yes?: boolean;
  /** Whether stdin is a terminal (cli.ts decides), so the question can be answered. */
  tty?: boolean;
}

/** A message ready to go, and where a copy goes if it does not. */
interface Outgoing {
  eml: string;
  envelope: Envelope;
  subject: string;
  loaded: LoadedConfig;
  beside: string;
}

export async function sendCommand(io: Io, opts: SendOptions): Promise<void> {
  const out = opts.file?.endsWith(".eml") ? savedMessage(io, opts) : await reportMessage(io, opts);
  const target = smtpTarget(out.loaded.config.smtp);
  if (opts.dryRun) {
    io.stdout.write(out.eml);
    io.stderr.write(`${describeEnvelope(out.envelope, target)}\n`);
    return;
  }
  const from = { trusted: out.loaded.trusted, file: out.loaded.file && displayPath(io.cwd, out.loaded.file) };
  const password = smtpPassword(target, io.env, from);
  if (password !== undefined && target.security === "none") {
    io.stderr.write(
      `warning: smtp.security is none: the password for ${target.user} crosses the network unencrypted\n`,
    );
  }
  await confirmSend(io, `Send "${out.subject}" to ${recipients(out.envelope.to.length)} via ${target.host}?`, opts);
  let accepted: number;
  try {
    accepted = await sendMessage(target, password, out.envelope, out.eml);
  } catch (e) {
    throw e instanceof Undelivered ? keepUnsent(io, e, out.beside, out.eml) : e;
  }
  io.stdout.write(`sent "${out.subject}" to ${recipients(accepted)} (message-id ${messageIdOf(out.eml)})\n`);
}

async function reportMessage(io: Io, opts: SendOptions): Promise<Outgoing> {
  const prepared = await prepareModel(io, opts, { command: "send", refusal: "not sent" });
  const choice = chooseTemplate(io, opts.template, "text", prepared);
  const eml = await renderEmail(prepared.model, choice, io.now(), prepared.config.timezone);
  const envelope = envelopeOf(prepared.model.mail);
  return { eml, envelope, subject: prepared.model.subject, loaded: prepared.loaded, beside: prepared.reportFile };
}

/** `weekly send reports/2022-11-11.unsent.eml`: the saved message, to those it did not reach. */
function savedMessage(io: Io, opts: SendOptions): Outgoing {
  const path = resolve(io.cwd, opts.file!);
  const saved = readSavedMessage(path, displayPath(io.cwd, path));
  const loaded = loadConfig({ cwd: io.cwd, explicit: opts.config, near: [resolve(path, "..")], env: io.env });
  return { ...saved, loaded, beside: path };
}

const recipients = (n: number) => `${n} recipient${n === 1 ? "" : "s"}`;
