// The members of jira-client 8.2 that src/jira/ uses (its @types package would bring two dozen
// packages for types we do not need). Answers are `unknown`: we parse them ourselves.
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
    query?: Record<string, string | number | boolean>;
    intermediatePath?: string;
  }
  class JiraApi {
    constructor(options: JiraApiOptions);
    protected baseOptions: Record<string, unknown>;
    makeUri(options: UriOptions): string;
    makeRequestHeader(uri: string, options?: { method?: string; body?: unknown }): Record<string, unknown>;
    doRequest(requestOptions: Record<string, unknown>): Promise<unknown>;
    getCurrentUser(): Promise<unknown>;
    getServerInfo(): Promise<unknown>;
    searchJira(jql: string, optional?: Record<string, unknown>): Promise<unknown>;
    findIssue(
      key: string,
      expand?: string,
      fields?: string,
      properties?: string,
      fieldsByKeys?: boolean,
    ): Promise<unknown>;
    addCommentAdvanced(issueId: string, comment: Record<string, unknown>): Promise<unknown>;
    updateComment(
      issueId: string,
      commentId: string,
      comment: unknown,
      options?: Record<string, unknown>,
    ): Promise<unknown>;
    listTransitions(issueId: string): Promise<unknown>;
    transitionIssue(issueId: string, transition: Record<string, unknown>): Promise<unknown>;
    addWorklog(
      issueId: string,
      worklog: Record<string, unknown>,
      newEstimate?: string | null,
      options?: Record<string, string>,
    ): Promise<unknown>;
  }
  export default JiraApi;
}
