// Comment bodies and worklog comments (jira-write-notes.md, "Body formats"): Cloud REST v3 takes an Atlassian
// Document Format document, REST v2 a wiki markup string. The ADF check knows only the nodes and marks a plain-text
// converter needs and applies the @atlaskit/adf-schema rules the notes list; anything else is refused, naming the
// JSON path of the first violation, so a converter that drifts finds out at once.
import { isObject } from "./reply.js";

type Node = Record<string, unknown>;
type Check = (node: Node, path: string) => string | undefined;

const BLOCKS = ["paragraph", "bulletList", "orderedList", "codeBlock"];
const INLINE = ["text", "hardBreak"];
const MARKS = ["strong", "em", "code", "link"];

export const INVALID_BODY = "Comment body is not valid!";
export const EMPTY_BODY = "Comment body can not be empty!";

/** Why a body is refused ("Comment body ..." text for errors.comment), or undefined when it is fine. */
export function bodyProblem(body: unknown, version: string): string | undefined {
  if (body === undefined || (typeof body === "string" && body.trim() === "")) return EMPTY_BODY;
  if (version !== "3") return typeof body === "string" ? undefined : `${INVALID_BODY} REST v2 takes a wiki string.`;
  if (typeof body === "string") return INVALID_BODY;
  const problem = adfProblem(body);
  if (problem) return `${INVALID_BODY} ${problem}`;
  return isObject(body) && Array.isArray(body.content) && body.content.length === 0 ? EMPTY_BODY : undefined;
}

/** The first rule an ADF document breaks, as "<JSON path>: <reason>". */
export function adfProblem(doc: unknown): string | undefined {
  if (!isObject(doc)) return "$: an ADF document is an object";
  if (doc.type !== "doc") return '$.type: must be "doc"';
  if (doc.version !== 1) return "$.version: must be 1";
  if (!Array.isArray(doc.content)) return "$.content: must be an array";
  return children(doc, "$", BLOCKS);
}

function children(parent: Node, path: string, allowed: string[]): string | undefined {
  const content = parent.content ?? [];
  if (!Array.isArray(content)) return `${path}.content: must be an array`;
  for (const [i, child] of content.entries()) {
    const problem = node(child, `${path}.content[${i}]`, allowed, String(parent.type));
    if (problem) return problem;
  }
  return undefined;
}

function node(value: unknown, path: string, allowed: string[], parent: string): string | undefined {
  if (!isObject(value) || typeof value.type !== "string") return `${path}: a node is an object with a "type"`;
  const check = NODES[value.type];
  if (!check) return `${path}: unknown node type "${value.type}"`;
  if (!allowed.includes(value.type)) return `${path}: ${value.type} is not allowed directly inside ${parent}`;
  if (value.type !== "text" && value.text !== undefined) return `${path}: only text nodes have "text"`;
  return check(value, path);
}

const NODES: Record<string, Check> = {
  paragraph: (n, p) => noMarks(n, p) ?? children(n, p, INLINE),
  text: (n, p) => textProblem(n, p) ?? marksProblem(n.marks, p),
  hardBreak: (n, p) => noMarks(n, p) ?? (n.content === undefined ? undefined : `${p}: hardBreak takes no content`),
  codeBlock: (n, p) => noMarks(n, p) ?? languageProblem(n, p) ?? children(n, p, ["text"]) ?? plainText(n, p),
  bulletList: (n, p) => noMarks(n, p) ?? nonEmpty(n, p) ?? children(n, p, ["listItem"]),
  orderedList: (n, p) => noMarks(n, p) ?? nonEmpty(n, p) ?? children(n, p, ["listItem"]),
  listItem: (n, p) => noMarks(n, p) ?? nonEmpty(n, p) ?? children(n, p, BLOCKS),
};

function textProblem(n: Node, path: string): string | undefined {
  if (typeof n.text !== "string" || n.text === "") return `${path}: a text node needs a non-empty "text" string`;
  return n.content === undefined ? undefined : `${path}: a text node has no content`;
}

function marksProblem(marks: unknown, path: string): string | undefined {
  if (marks === undefined) return undefined;
  if (!Array.isArray(marks)) return `${path}.marks: must be an array`;
  for (const [i, mark] of marks.entries()) {
    const at = `${path}.marks[${i}]`;
    if (!isObject(mark) || typeof mark.type !== "string" || !MARKS.includes(mark.type)) {
      return `${at}: unknown mark (known: ${MARKS.join(", ")})`;
    }
    const href = isObject(mark.attrs) ? mark.attrs.href : undefined;
    if (mark.type === "link" && (typeof href !== "string" || href === "")) return `${at}: a link needs attrs.href`;
  }
  return undefined;
}

const noMarks: Check = (n, p) => (n.marks === undefined ? undefined : `${p}: ${String(n.type)} takes no marks`);

function nonEmpty(n: Node, path: string): string | undefined {
  const ok = Array.isArray(n.content) && n.content.length > 0;
  return ok ? undefined : `${path}: ${String(n.type)} needs at least one child in "content"`;
}

function languageProblem(n: Node, path: string): string | undefined {
  const language = isObject(n.attrs) ? n.attrs.language : undefined;
  return language === undefined || typeof language === "string" ? undefined : `${path}.attrs.language: a string`;
}

/** codeBlock text takes no marks (children() has already checked they are text nodes). */
function plainText(n: Node, path: string): string | undefined {
  const content = (n.content ?? []) as Node[];
  const marked = content.findIndex((child) => child.marks !== undefined);
  return marked < 0 ? undefined : `${path}.content[${marked}]: text inside codeBlock takes no marks`;
}
