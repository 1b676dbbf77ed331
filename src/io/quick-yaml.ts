// Plain data of a YAML file, fast, for commands that read many files (the team roll-up reads a
// year of reports): js-yaml, about five times quicker than the `yaml` library's document model.
// Only for text it reads the same way (YAML 1.2's core schema, no anchors or aliases, no
// duplicate keys): anything else is undefined, and the caller takes the full parser, which also
// gives every problem its line:col.
import { CORE_SCHEMA, load } from "js-yaml";
import { countItems, MAX_YAML_ITEMS } from "./yaml.js";

/** An anchor or an alias outside quotes: the `yaml` library bounds what aliases expand to. */
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,:-])[&*][^\s,[\]{}]/m;

export function quickYamlData(text: string): unknown {
  if (ANCHOR_OR_ALIAS.test(text) || countItems(text) > MAX_YAML_ITEMS) return undefined;
  try {
    return load(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
}
