// The few members of jira-client 8.2 that src/jira/client.ts uses (its @types package would
// bring two dozen packages for types we do not need).
declare module "jira-client" {
  interface JiraApiOptions {
    protocol?: string;
    host: string;
    port?: string | null;
    base?: string;
    apiVersion?: string;
    username?: string;
    password?: string;
    bearer?: string;
    timeout?: number;
    strictSSL?: boolean;
    request?: (options: unknown) => Promise<unknown>;
  }
  interface UriOptions {
    pathname: string;
    query?: Record<string, string>;
    intermediatePath?: string;
  }
  class JiraApi {
    constructor(options: JiraApiOptions);
    makeUri(options: UriOptions): string;
    makeRequestHeader(uri: string, options?: { method?: string; body?: unknown }): Record<string, unknown>;
    doRequest(requestOptions: Record<string, unknown>): Promise<unknown>;
    getCurrentUser(): Promise<unknown>;
    getServerInfo(): Promise<unknown>;
    searchJira(jql: string, optional?: Record<string, unknown>): Promise<unknown>;
    findIssue(key: string, expand?: string, fields?: string, properties?: string, fieldsByKeys?: boolean): Promise<unknown>;
  }
  export default JiraApi;
}
