// weekly doctor: what a new user runs when something is off (like `gh auth status`, `brew
// doctor`): the config and why it is the one, the reports and the week, Jira (site, kind, where
// the credentials come from, who /myself says you are, the cache), SMTP (reachable, TLS, login
// accepted: nothing is sent), the template. One line each; exit 1 when anything is a problem.
import { ProblemsFound } from "../core/errors.js";
import { describeTarget, smtpTarget, verifySmtp } from "../deliver/smtp.js";
import type { Io } from "../io/output.js";
import { displayPath } from "../io/paths.js";
import { describeFailure } from "../jira/failures.js";
import { exposedNetrcWarning, type JiraSetup, plainHttpWarning, setupFor } from "../jira/setup.js";
import { failureOf } from "../jira/transport.js";
import type { LoadedConfig } from "../config/load.js";
import { ageOf, configFindings, type Finding, ok, problem, reportFindings, warn } from "./doctor-checks.js";

export async function doctorCommand(io: Io, opts: { config?: string; jiraUrl?: string }): Promise<void> {
  const { findings, loaded } = configFindings(io, opts.config);
  if (loaded) {
    findings.push(...reportFindings(io, loaded));
    findings.push(...(await jiraFindings(io, loaded, opts.jiraUrl)));
    findings.push(...(await smtpFindings(io, loaded)));
  }
  const mark = { ok: "ok     ", warning: "warning", problem: "problem" } as const;
  for (const f of findings) {
    io.stdout.write(`${mark[f.status]}  ${f.what.padEnd(10)} ${f.text}${f.fix ? ` (fix: ${f.fix})` : ""}\n`);
  }
  const problems = findings.filter((f) => f.status === "problem").length;
  if (problems > 0) throw new ProblemsFound(problems);
}

async function jiraFindings(io: Io, loaded: LoadedConfig, flag?: string): Promise<Finding[]> {
  let setup: JiraSetup | undefined;
  try {
    setup = setupFor(io, loaded, flag);
  } catch (e) {
    return [problem("jira", e instanceof Error ? e.message : String(e))];
  }
  if (!setup) return [ok("jira", "no site configured: summaries come from the file (jira.url or JIRA_URL adds them)")];
  const host = new URL(setup.url).host;
  const out: Finding[] = [ok("jira", `${setup.url} (deployment: ${setup.deployment})`)];
  for (const n of setup.notices) out.push(warn("jira", n.message));
  for (const w of [plainHttpWarning(setup), exposedNetrcWarning(setup)]) if (w) out.push(warn("jira", w.message));
  const creds = setup.credentials;
  if (!creds) {
    out.push(
      problem(
        "jira",
        `no credentials for ${host}`,
        "export JIRA_API_TOKEN (and JIRA_USER for Cloud), or a ~/.netrc entry",
      ),
    );
    return out;
  }
  const from = creds.source === "env" ? "JIRA_API_TOKEN in the environment" : "~/.netrc";
  out.push(
    ok("jira", `credentials: ${creds.scheme === "basic" ? `${creds.user}, ` : ""}${creds.scheme} auth, from ${from}`),
  );
  try {
    const { readCache } = await import("../jira/cache.js");
    const { connect } = await import("../jira/site.js");
    const { withRetry } = await import("../jira/retry.js");
    const { client, deployment } = await connect(setup, readCache(setup.cacheFile, setup.url));
    const me = await withRetry(() => client.myself(), setup.retry);
    const who = me.displayName ? `signed in as ${me.displayName}` : "no user: Jira answers as to an anonymous caller";
    out.push(
      me.displayName
        ? ok("jira", `${who} (${deployment})`)
        : problem("jira", who, "check JIRA_USER and JIRA_API_TOKEN"),
    );
  } catch (e) {
    out.push(problem("jira", `${host}: ${describeFailure(failureOf(e), setup.url)}`));
  }
  const age = ageOf(setup.cacheFile, io.now());
  out.push(
    ok(
      "cache",
      age
        ? `${displayPath(io.cwd, setup.cacheFile)}, written ${age} ago`
        : `none yet (${displayPath(io.cwd, setup.cacheFile)})`,
    ),
  );
  return out;
}

async function smtpFindings(io: Io, loaded: LoadedConfig): Promise<Finding[]> {
  if (!loaded.config.smtp) return [ok("smtp", "not configured: weekly send needs smtp: in weekly.config.yaml")];
  const target = smtpTarget(loaded.config.smtp);
  const password = target.user === undefined ? undefined : io.env.WEEKLY_SMTP_PASSWORD;
  const out: Finding[] = [];
  if (target.user !== undefined && !password) {
    out.push(
      warn(
        "smtp",
        `${target.user}: WEEKLY_SMTP_PASSWORD is not set, so the login is not tried`,
        "export WEEKLY_SMTP_PASSWORD",
      ),
    );
  }
  if (target.user !== undefined && password && !loaded.trusted) {
    out.push(warn("smtp", "the config is not one you chose: the password is not sent to its server", "--config FILE"));
    return out;
  }
  const failure = await verifySmtp(target, password);
  const login = target.user && password ? `, login as ${target.user} accepted` : "";
  out.push(
    failure ? problem("smtp", failure) : ok("smtp", `${describeTarget(target)} answers${login}; nothing was sent`),
  );
  return out;
}
