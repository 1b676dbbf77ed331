// The name and version of the template contract, kept apart so that building a model does not
// load the schema that --from-context reads models back with. @2: sections hold ordered items
// (entries and text), entries and titles carry their heading lines, the email its greeting,
// quote, sign-off and signature.
export const MODEL_FORMAT = "weekly-report/model@2";
