// The built-in templates, precompiled at build (and test) time by scripts/templates-module.js.
declare module "virtual:weekly-templates" {
  /** Handlebars template specs by name: "report.txt", "report.md", ... */
  export const templates: Record<string, unknown>;
  /** Partial specs by name: "entry", "section", "trailer", ... */
  export const partials: Record<string, unknown>;
}
