// The name and version of the template contract, kept apart so that building a model does not
// load the schema that --from-context reads models back with.
export const MODEL_FORMAT = "weekly-report/model@1";
