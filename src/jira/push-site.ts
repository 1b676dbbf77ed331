// A site to write to: its kind (Cloud or Data Center, from the cache or /serverInfo), a reading
// client and a writing one, both with the user's credentials, both for this site only.
import { readCache, writeCache } from "./cache.js";
import type { Deployment, JiraClient } from "./client.js";
import type { JiraSetup } from "./setup.js";
import { connect } from "./site.js";
import { createJiraWriter, type JiraWriter } from "./writer.js";

export async function connectWriter(
  setup: JiraSetup,
): Promise<{ client: JiraClient; writer: JiraWriter; deployment: Deployment }> {
  const cache = readCache(setup.cacheFile, setup.url);
  const known = cache.deployment;
  const { client, deployment } = await connect(setup, cache);
  if (known !== deployment) writeCache(setup.cacheFile, cache);
  const writer = await createJiraWriter({ url: setup.url, deployment }, setup.credentials!, setup.timeoutMs, setup.log);
  return { client, writer, deployment };
}
