import { parseAllDocuments, type CollectionTag, type Document, type DocumentOptions, type Node, type ParseOptions, type ScalarTag, type SchemaOptions, type YAMLError } from 'yaml';

type Tags = (ScalarTag | CollectionTag | string)[];
import type { Finding, Range, Severity } from '../../core/types';
import { positionAt, splitLines, type TextLines } from '../../slurm/lines';
import { duplicateKeyFinding } from './duplicates';
import { syntaxFinding, tooComplexFinding } from './syntaxFindings';
import { toPlainValue } from './toValue';

/** One YAML document of a file (a file may hold several, separated by `---`). */
export interface YamlDocumentReading {
  /** The `yaml` package's document: nodes with source offsets, comments, anchors. */
  document: Document.Parsed;
  /** The document as plain data, as the engine's loader would see it. */
  value: unknown;
  /** False when limits (depth, alias expansion) stopped reading: schema checks skip the document. */
  complete: boolean;
  /** True when the document has anchors or aliases. */
  usesAnchors: boolean;
}

/** A workflow file read with exact positions: its documents, and the problems found while reading. */
export interface YamlReading {
  text: string;
  lines: TextLines;
  documents: YamlDocumentReading[];
  /** `workflow/yaml-syntax` findings (errors, and warnings such as unknown tags). */
  syntax: Finding[];
  /** `workflow/duplicate-key` findings, one per repeated key, at the later key. */
  duplicates: Finding[];
  /** `workflow/too-complex` findings: nesting deeper than the limit, alias bombs. */
  tooComplex: Finding[];
  /** How the text was read (an incremental re-read must read the same way). */
  options?: ReadOptions;
}

/** Files longer than this (about 200,000 lines of YAML) are not read at all. */
export const MAX_TEXT_CHARS = 8_000_000;

/** How to read a file: which YAML version its engine's loader follows, and how bad a duplicate key is. */
export interface ReadOptions {
  yamlVersion: '1.1' | '1.2';
  json: boolean;
  duplicateKeySeverity: Severity;
  /** Who refuses a repeated key (named in the message when duplicates are errors). */
  refusedBy?: string;
}

/**
 * The YAML 1.1 schema of the `yaml` package with PyYAML's booleans: `yes`/`no`, `on`/`off`,
 * `true`/`false` in three casings, but not `y`/`n` (which PyYAML and SnakeYAML read as text).
 */
function pyYamlBooleans(tags: Tags): (ScalarTag | CollectionTag)[] {
  return tags.filter((t): t is ScalarTag | CollectionTag => typeof t === 'object').map((t) => {
    if (t.tag !== 'tag:yaml.org,2002:bool' || !('test' in t) || !t.test) return t;
    const isTrue = t.identify?.(true) === true;
    return { ...t, test: isTrue ? /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/ : /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/ } as ScalarTag;
  });
}

/** The `yaml` package's options for reading the way `options` say (also for incremental re-reads). */
export function parseOptions(options: ReadOptions): ParseOptions & DocumentOptions & SchemaOptions {
  return {
    version: options.json ? '1.2' : options.yamlVersion,
    prettyErrors: false,
    uniqueKeys: false,
    strict: false,
    intAsBigInt: false,
    customTags: options.json || options.yamlVersion === '1.2' ? undefined : (tags) => pyYamlBooleans(tags as Tags),
  };
}

/** The range of source offsets [start, end) in the text. */
export function offsetRange(reading: Pick<YamlReading, 'lines'>, start: number, end: number): Range {
  return { start: positionAt(reading.lines.starts, start), end: positionAt(reading.lines.starts, Math.max(start, end)) };
}

/** The range a node's value covers (without trailing comments), or the document start when it has none. */
export function nodeRange(reading: Pick<YamlReading, 'lines'>, node: Node | null | undefined): Range {
  const r = node?.range;
  return r ? offsetRange(reading, r[0], r[1]) : offsetRange(reading, 0, 0);
}

/**
 * Where an unclosed quoted string starts: the reader reports the end of the file, but the quote
 * that opened it is what needs fixing. Searches back for that quote where a value can start.
 */
function openingQuote(text: string, end: number, quote: string): number | undefined {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    const before = i === 0 ? '\n' : text[i - 1];
    if (/[\s:[{,?-]/.test(before)) return i;
  }
  return undefined;
}

function errorFindings(reading: YamlReading, errors: readonly YAMLError[], severity: Severity, seen: Set<string>): void {
  for (const e of errors) {
    let [start, end] = e.pos;
    const quote = e.code === 'MISSING_CHAR' ? /^Missing closing (["'])quote/.exec(e.message)?.[1] : undefined;
    const open = quote ? openingQuote(reading.text, start, quote) : undefined;
    if (open !== undefined) {
      start = open;
      const line = positionAt(reading.lines.starts, open).line;
      end = reading.lines.starts[line] + reading.lines.lines[line].length;
    }
    if (e.code === 'BAD_INDENT' && /^[ \t]*$/.test(reading.text.slice(start, end))) {
      // Point at what is misplaced, not at the blanks before it.
      const line = positionAt(reading.lines.starts, start).line;
      const text = reading.lines.lines[line];
      const first = text.search(/\S/);
      if (first >= 0) {
        start = reading.lines.starts[line] + first;
        end = start + (/^[^\s:]+/.exec(text.slice(first))?.[0].length ?? 1);
      }
    }
    // One syntax finding a line: what follows the first problem on a line is mostly its echo.
    const key = `${positionAt(reading.lines.starts, start).line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const range = offsetRange(reading, start, end);
    if (e.code === 'RESOURCE_EXHAUSTION') reading.tooComplex.push(tooComplexFinding(range, 'depth'));
    else reading.syntax.push(syntaxFinding(reading, e, range, severity));
  }
}

/**
 * Reads a YAML (or JSON) file with exact positions: every document, its plain value, syntax errors
 * and warnings, duplicate keys (each one, at the later key, with a fix removing that entry), tabs in
 * indentation, and limits (nesting depth, alias expansion) that stop a hostile file early. Called
 * once per document version by the analysis. Never throws; any text gets an answer.
 */
export function readYaml(text: string, options: ReadOptions): YamlReading {
  const reading: YamlReading = { text, lines: splitLines(text), documents: [], syntax: [], duplicates: [], tooComplex: [], options };
  if (text.length > MAX_TEXT_CHARS) {
    reading.tooComplex.push(tooComplexFinding(offsetRange(reading, 0, 0), 'size', `${Math.round(text.length / 1_000_000)} million characters`));
    return reading;
  }
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, parseOptions(options)) as Document.Parsed[];
  } catch (err) {
    // The parser reports problems as errors; a throw would be a bug in it. Say so, and stop.
    reading.syntax.push({ code: 'workflow/yaml-syntax', severity: 'error', range: offsetRange(reading, 0, 0), message: `The YAML reader failed on this file: ${String(err)}`, fixes: [] });
    return reading;
  }
  const seen = new Set<string>();
  for (const document of docs) {
    errorFindings(reading, document.errors, 'error', seen);
    errorFindings(reading, document.warnings, 'warning', seen);
    const plain = toPlainValue(document, !options.json && options.yamlVersion === '1.1');
    for (const d of plain.duplicates) reading.duplicates.push(duplicateKeyFinding(reading, d, options.duplicateKeySeverity, options.refusedBy));
    for (const p of plain.problems) {
      const range = nodeRange(reading, p.node);
      if (p.kind === 'unknown-alias') reading.syntax.push({ code: 'workflow/yaml-syntax', severity: 'error', range, message: `The alias *${p.alias} refers to no anchor &${p.alias} before it.`, fixes: [] });
      else reading.tooComplex.push(tooComplexFinding(range, p.kind, p.alias));
    }
    const tooDeep = document.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION');
    reading.documents.push({ document, value: plain.value, complete: plain.complete && !tooDeep, usesAnchors: plain.usesAnchors });
  }
  return reading;
}
