// Plain data of a YAML file, fast: a reader of the plain shapes reports and configs are written
// in (block mappings and lists, one-line scalars and flow lists, `|` blocks), small enough to load
// at start-up (the full parser loads only when a file has a problem to place at its line). Where
// it is not sure that it reads the text as the full parser would, and that none of the text
// pitfalls the full parser names can be in it, the answer is undefined: the caller takes the full one.
import { keyText, NOT_SURE, refuse, scalar } from "./yaml-scalars.js";

/** More list items, lines or flow entries than any report has: refused before a parser sees them. */
export const MAX_YAML_ITEMS = 100_000;

/** Lines, and flow-list commas, in one pass: what a huge list costs the parser, counted cheaply. */
export function countItems(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  for (let i = text.indexOf(","); i !== -1; i = text.indexOf(",", i + 1)) n++;
  return n;
}

/** What no YAML file may hold (the full parser's errors), and a CR that ends a line on its own. */
const UNREADABLE = new RegExp(
  "[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x84\\x86-\\x9F\\uFFFE\\uFFFF]|\\r(?!\\n)" +
    "|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?:[^\\uD800-\\uDBFF]|^)[\\uDC00-\\uDFFF]",
);
const KEY = /^[A-Za-z0-9_][\w .\/-]*?:(?: +|$)/;
/** Longer implicit keys are refused by the full parser. */
const MAX_KEY = 1000;
const MAX_DEPTH = 64;
/** A literal block: `|`, `|-` or `|+` (`>` folds lines, which is left to the full parser). */
const BLOCK_HEADER = /^\|([+-]?)(?:[ \t]+#.*)?$/;

type Container = Record<string, unknown> | unknown[];
/** A mapping or a list, and the column its keys or dashes stand at. */
interface Frame {
  col: number;
  node: Container;
}
/** A key or a dash whose value starts on a later line (or is null). */
interface Open {
  col: number;
  isKey: boolean;
  set(value: unknown): void;
}
/** A `|` block being read: the column of its key or dash, its lines, its chomping. */
interface Block {
  owner: number;
  indent: number;
  lines: string[];
  chomp: string;
  set(value: string): void;
}

/** The data, when the quick reader is sure it reads the text as the full one would. */
export function quickYamlData(text: string): unknown {
  if (countItems(text) > MAX_YAML_ITEMS || UNREADABLE.test(text) || text.includes("\uFEFF", 1)) return undefined;
  try {
    return new Reader().read(text);
  } catch (e) {
    if (e === NOT_SURE) return undefined;
    throw e;
  }
}

class Reader {
  private root: Container | undefined;
  private readonly stack: Frame[] = [];
  private open: Open | undefined;
  private block: Block | undefined;
  /** After a scalar: a comment deeper than its key goes with that text, in the full parser's view. */
  private deepest = Number.POSITIVE_INFINITY;

  read(text: string): unknown {
    // After a BOM the full parser counts the BOM as a column of the first line.
    if (/^\uFEFF[ \t]/.test(text)) refuse();
    const lines = text.replace(/^\uFEFF/, "").split("\n");
    const ended = lines.at(-1) === "";
    if (ended) lines.pop();
    for (const raw of lines) this.line(raw.endsWith("\r") ? raw.slice(0, -1) : raw);
    if (this.block && !ended) refuse(); // a block's last line without its newline: left to the full parser
    if (this.block) this.endBlock(this.block);
    if (text.startsWith("\uFEFF") && Array.isArray(this.root)) refuse(); // the full parser misreads it
    return this.root;
  }

  private line(line: string): void {
    let col = 0;
    while (line[col] === " ") col++;
    if (this.block && this.inBlock(line, col)) return;
    if (col === line.length) return;
    if (line[col] === "#") {
      // One glued to its # may be text an author meant; one deeper than a scalar goes with it.
      if (col > this.deepest || /^#[^ \t]/.test(line.slice(col))) refuse();
      return;
    }
    // A tab outside a block: after a `:` or `-` it is a separator, which the scalars here do not look for.
    if (line.includes("\t") || col > this.deepest) refuse();
    this.content(line, col);
  }

  /** Whether the line is one of the `|` block's; at its end, the block's text is set. */
  private inBlock(line: string, col: number): boolean {
    const block = this.block as Block;
    if (line.length === 0) {
      block.lines.push("");
      return true;
    }
    // Blanks alone on a line of a block: how deep they are changes what the block holds.
    if (/^[ \t]+$/.test(line)) refuse();
    if (block.indent < 0 && col > block.owner) block.indent = col;
    if (block.indent >= 0 && col >= block.indent) {
      block.lines.push(line.slice(block.indent));
      return true;
    }
    if (col > block.owner) refuse(); // deeper than its key, less deep than its text
    this.endBlock(block);
    return false;
  }

  private endBlock(block: Block): void {
    this.block = undefined;
    let end = block.lines.length;
    while (end > 0 && block.lines[end - 1] === "") end--;
    if (end === 0 && block.chomp === "+") refuse();
    const body = block.lines.slice(0, end).join("\n");
    const breaks = block.chomp === "+" ? block.lines.length - end + 1 : 1;
    block.set(end === 0 || block.chomp === "-" ? body : body + "\n".repeat(breaks));
  }

  /** A line of keys, dashes and a value. */
  private content(line: string, start: number): void {
    let col = start;
    let rest = line.slice(col);
    let place = (kind: "map" | "list", at: number) => this.containerAt(kind, at);
    let item: { list: unknown[]; index: number; col: number } | undefined;
    while (rest === "-" || rest.startsWith("- ")) {
      const list = place("list", col) as unknown[];
      item = { list, index: list.push(null) - 1, col };
      const skip = rest.length === 1 ? 1 : 2 + (/^ */.exec(rest.slice(2)) as RegExpExecArray)[0].length;
      col += skip;
      rest = rest.slice(skip);
      const { list: into, index } = item;
      place = (kind, at) => this.nested(kind, at, (node) => (into[index] = node));
    }
    const key = KEY.exec(rest);
    if (key) {
      if (key[0].length > MAX_KEY) refuse();
      const map = place("map", col) as Record<string, unknown>;
      const name = keyText(key[0].slice(0, key[0].lastIndexOf(":")));
      if (Object.hasOwn(map, name)) refuse();
      map[name] = null;
      this.value(rest.slice(key[0].length), col, true, (v) => (map[name] = v));
    } else if (item) {
      const { list, index } = item;
      this.value(rest, item.col, false, (v) => (list[index] = v));
    } else refuse(); // neither an item nor a key: the line goes on a scalar above
  }

  /** What follows a key or a dash on its line: nothing (the value is below), a `|` block, or a scalar. */
  private value(rest: string, owner: number, isKey: boolean, set: (v: unknown) => void): void {
    this.deepest = Number.POSITIVE_INFINITY;
    if (rest === "" || (isKey && rest.startsWith("#"))) {
      this.open = { col: owner, isKey, set };
      return;
    }
    const header = BLOCK_HEADER.exec(rest);
    if (header) {
      this.block = { owner, indent: -1, lines: [], chomp: header[1] ?? "", set };
      return;
    }
    set(scalar(rest));
    this.deepest = owner;
  }

  /** The mapping or list that a key or dash at this column (the first on its line) belongs to. */
  private containerAt(kind: "map" | "list", col: number): Container {
    const open = this.open;
    if (open) {
      this.open = undefined;
      // A key's list may stand at the key's own column.
      if (col > open.col || (col === open.col && open.isKey && kind === "list"))
        return this.nested(kind, col, open.set);
      open.set(null);
    }
    if (this.root === undefined) return this.nested(kind, col, (node) => (this.root = node));
    const stack = this.stack;
    while (stack.length > 0 && (stack.at(-1) as Frame).col > col) stack.pop();
    const top = stack.at(-1);
    if (top === undefined || top.col !== col) refuse();
    if (Array.isArray(top.node) === (kind === "list")) return top.node;
    // The next key after a key's list at the key's column.
    const below = stack.at(-2);
    if (kind === "map" && below?.col === col && !Array.isArray(below.node)) {
      stack.pop();
      return below.node;
    }
    return refuse();
  }

  private nested(kind: "map" | "list", col: number, set: (node: Container) => void): Container {
    // Deeper than any report: the full parser runs out of stack somewhere below a thousand levels.
    if (this.stack.length >= MAX_DEPTH) refuse();
    const node: Container = kind === "list" ? [] : {};
    set(node);
    this.stack.push({ col, node });
    return node;
  }
}
