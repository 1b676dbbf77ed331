// weekly send: read → validate → (enrich) → model → render (the -f eml message) → deliver over SMTP.
// Asks first on a terminal; --dry-run shows the message and its envelope; a failed send leaves
// the message beside the report as .unsent.eml.
import { resolve } from "node:path";
import { DeliveryError } from "../core/errors.js";
import { confirmSend } from "../deliver/confirm.js";
import { describeEnvelope, envelopeOf, messageIdOf } from "../deliver/envelope.js";
import { sendMessage, smtpPassword, smtpTarget } from "../deliver/smtp.js";
import { keepUnsent } from "../deliver/unsent.js";
import type { Io } from "../io/output.js";
import { renderEmail } from "../render/eml.js";
import type { TemplateChoice } from "../render/render.js";
import { type PrepareOptions, prepareModel } from "./prepare.js";

export interface SendOptions extends PrepareOptions {
  template?: string;
  /** Print the message and its envelope; send nothing. */
  dryRun?: boolean;
  /** Send without asking. */
  yes?: boolean;
  /** Whether stdin is a terminal (cli.ts decides), so the question can be answered. */
  tty?: boolean;
}

export async function sendCommand(io: Io, opts: SendOptions): Promise<void> {
  const { model, reportFile, config, configTemplate } = await prepareModel(io, opts, {
    command: "send",
    refusal: "not sent",
  });
  const target = smtpTarget(config.smtp);
  const file = opts.template ? resolve(io.cwd, opts.template) : configTemplate;
  const choice: TemplateChoice = file ? { file } : { format: "text" };
  const eml = await renderEmail(model, choice, io.now());
  const envelope = envelopeOf(model.mail);
  if (opts.dryRun) {
    io.stdout.write(eml);
    io.stderr.write(`${describeEnvelope(envelope, target)}\n`);
    return;
  }
  const password = smtpPassword(target, io.env);
  if (password !== undefined && target.security === "none") {
    io.stderr.write(
      `warning: smtp.security is none: the password for ${target.user} crosses the network unencrypted\n`,
    );
  }
  await confirmSend(io, `Send "${model.subject}" to ${recipients(envelope.to.length)} via ${target.host}?`, opts);
  let accepted: number;
  try {
    accepted = await sendMessage(target, password, envelope, eml);
  } catch (e) {
    throw e instanceof DeliveryError ? keepUnsent(io, e, reportFile, eml) : e;
  }
  io.stdout.write(`sent "${model.subject}" to ${recipients(accepted)} (message-id ${messageIdOf(eml)})\n`);
}

const recipients = (n: number) => `${n} recipient${n === 1 ? "" : "s"}`;
