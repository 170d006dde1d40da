/**
 * The shell body of a job script as plain values: what commands run, inside which loops, with what
 * arguments, redirections, assignments, command substitutions and here-documents. Built once per
 * document version by a {@link ShellParser} and shared by every rule through `RuleContext.shell`.
 *
 * Positions are 0-based lines and UTF-16 columns, counted the way the rest of the project counts
 * them (`\n`, `\r\n` and `\r` end a line). Nothing here refers to tree-sitter: rules never see a
 * syntax tree, only these values.
 */
import type { Range } from '../core/types';

/** One shell word as written (an argument, a loop item, a redirection target). */
export interface ShellWord {
  /** The source text, quotes and expansions included. */
  text: string;
  /**
   * The value bash gives the word when it does not depend on the run: quotes removed, escapes
   * resolved. Undefined when it holds an expansion (`$x`, `$(...)`, `$((...))`, ...).
   */
  value?: string;
  /** True when an unquoted `*`, `?` or `[` makes the word a file-name pattern. */
  glob: boolean;
  range: Range;
}

/** A redirection attached to a command or a loop: `> out`, `2>&1`, `< list`, `<<< "$x"`, `<<EOF`. */
export interface ShellRedirect {
  /** The operator as written: `>`, `>>`, `<`, `&>`, `>&`, `<<<`, `<<`, `<<-`, ... */
  operator: string;
  /** The file descriptor written before the operator (`2` in `2>&1`), if any. */
  descriptor?: string;
  /** The file, descriptor or here-string; for a here-document its delimiter word. */
  target?: ShellWord;
  /** Index into `ShellModel.heredocs` when this is a here-document. */
  heredoc?: number;
  range: Range;
}

/** A variable assignment: `x=1`, `arr=(a b)`, `n+=1`, `export X=...`, or `X=1 cmd` (prefix). */
export interface ShellAssignment {
  name: string;
  /** The value's source text (empty for `x=`); for arrays the whole `( ... )`. */
  valueText: string;
  /** The value with quotes removed when it does not depend on the run (not for arrays). */
  value?: string;
  /** The elements of an array assignment `name=( ... )`. */
  array?: ShellWord[];
  /** True for `+=`. */
  append: boolean;
  /**
   * How it was made: `plain` (`x=1`), `prefix` (only for the command it precedes: `X=1 cmd`), or
   * the declaring builtin (`export`, `local`, `declare`, `readonly`, `typeset`).
   */
  scope: 'plain' | 'prefix' | 'export' | 'local' | 'declare' | 'readonly' | 'typeset';
  /** Index into `ShellModel.commands` of the command it prefixes or the `export`/... that makes it. */
  command?: number;
  /** Enclosing loops, outermost first (indices into `ShellModel.loops`). */
  loops: number[];
  range: Range;
  nameRange: Range;
}

/** A simple command (`sbatch --array=1-3 job.sh`) or a declaration builtin (`export A=1`). */
export interface ShellCommand {
  /** The command name; undefined only for a command made of prefix assignments or redirects. */
  name?: ShellWord;
  args: ShellWord[];
  /** Prefix assignments (`OMP_NUM_THREADS=4 srun ...`), indices into `ShellModel.assignments`. */
  assignments: number[];
  redirects: ShellRedirect[];
  /** Enclosing loops, outermost first (indices into `ShellModel.loops`); empty outside loops. */
  loops: number[];
  /** The innermost command substitution it runs in (index into `ShellModel.substitutions`). */
  substitution?: number;
  /** The shell function whose body holds it. */
  functionName?: string;
  /** True when it is a later stage of a pipeline (`... | cmd`). */
  piped: boolean;
  range: Range;
}

/** How a `for ... in` item expands. */
export type ForItem =
  /** A word with a fixed value (`a`, `"x y"`, `file.txt`). */
  | { kind: 'literal'; word: ShellWord; value: string }
  /** A numeric brace range `{1..10}` or `{0..100..5}` (bash counts toward `end`, step's sign ignored). */
  | { kind: 'range'; word: ShellWord; start: number; end: number; step: number; text: string }
  /** A brace list `{a,b,c}` (with optional text around it): its expansions in order. */
  | { kind: 'brace-list'; word: ShellWord; values: string[] }
  /**
   * `$(seq ...)` or a backquoted seq: its words, and the numbers when they are literal
   * (`seq LAST`, `seq FIRST LAST`, `seq FIRST STEP LAST`; options such as `-w` kept apart).
   */
  | { kind: 'seq'; word: ShellWord; args: ShellWord[]; options: string[]; first?: number; step?: number; last?: number }
  /** A file-name pattern (`*.fastq`, `data/run_?`). */
  | { kind: 'glob'; word: ShellWord; pattern: string }
  /** Anything that depends on the run (`$list`, `"${files[@]}"`, `$(cat list)`). */
  | { kind: 'expansion'; word: ShellWord };

/** A loop variable with where it is written. */
export interface LoopVariable {
  name: string;
  range: Range;
}

interface LoopBase {
  /** The whole loop, from its keyword to `done` (redirections after `done` not included). */
  range: Range;
  /** The `do ... done` group. */
  bodyRange: Range;
  /** The enclosing loop (index into `ShellModel.loops`), if nested. */
  parent?: number;
  /** Redirections written after `done`. */
  redirects: ShellRedirect[];
}

/** `for NAME in WORDS; do ...; done` (or `for NAME; do`, which walks `"$@"`). */
export interface ForInLoop extends LoopBase {
  kind: 'for-in';
  variable: LoopVariable;
  /** The items after `in`; empty with `inPositional` for `for NAME; do`. */
  items: ForItem[];
  /** True when there is no `in` (the loop walks the positional parameters). */
  inPositional: boolean;
}

/** `for ((init; condition; update)); do ...; done`. */
export interface CStyleForLoop extends LoopBase {
  kind: 'c-style';
  /** The variable set by the initializer (`i` in `i=0`), when there is one. */
  variable?: LoopVariable;
  initializer: string;
  condition: string;
  update: string;
  /**
   * The values the variable takes when the loop is a plain count (`i=A; i<B; i++` and friends with
   * literal numbers): first, last (inclusive) and step; undefined otherwise.
   */
  count?: { first: number; last: number; step: number };
}

/** Where a `while read` loop reads its lines from. */
export type LoopInput =
  | { kind: 'file'; word: ShellWord }
  | { kind: 'process-substitution'; range: Range; text: string }
  | { kind: 'herestring'; word: ShellWord }
  | { kind: 'heredoc'; heredoc: number }
  | { kind: 'pipe'; range: Range; text: string };

/** `while COND; do ...; done` or `until COND; do ...; done`. */
export interface WhileLoop extends LoopBase {
  kind: 'while' | 'until';
  /** The condition's source text. */
  condition: string;
  /** When the condition is a `read` command: its variable names (`REPLY` when none is given) and options. */
  read?: { variables: LoopVariable[]; options: string[]; command: number };
  /** The input of the loop (redirect after `done`, or the pipeline stage before it), if any. */
  input?: LoopInput;
}

export type ShellLoop = ForInLoop | CStyleForLoop | WhileLoop;

/** `$(...)` or a backquoted command. */
export interface CommandSubstitution {
  /** The whole substitution including `$(`/`)` or the backquotes. */
  range: Range;
  /** The text between the delimiters. */
  body: string;
  backquoted: boolean;
  /** Enclosing loops, outermost first. */
  loops: number[];
}

/** A here-document: `cmd <<EOF` ... `EOF`. */
export interface HereDoc {
  /** The delimiter word as bash compares it (quotes removed). */
  delimiter: string;
  /** True when the delimiter was quoted: the body is taken literally, without expansions. */
  quoted: boolean;
  /** True for `<<-` (leading tabs are stripped from the body and the closing line). */
  stripTabs: boolean;
  /** From `<<` through the closing delimiter line. */
  range: Range;
  /** The lines between the opening line and the closing delimiter (empty range when none). */
  bodyRange: Range;
  body: string;
  /** The command that reads it (index into `ShellModel.commands`), when it feeds a simple command. */
  command?: number;
}

/** A place tree-sitter-bash could not read: unexpected text, or something missing (`done`, `fi`). */
export interface ShellSyntaxError {
  kind: 'error' | 'missing';
  /** For `missing`: what was expected (`done`, `fi`, `"`, ...). */
  expected?: string;
  range: Range;
}

/** Everything the rules learn about the shell body of one document version. */
export interface ShellModel {
  /** `parsed`, or why nothing was extracted: the text was too large or the parser failed. */
  status: 'parsed' | 'too-large' | 'failed';
  /** Every simple command, in source order (commands inside `$(...)` after the one holding them). */
  commands: ShellCommand[];
  loops: ShellLoop[];
  assignments: ShellAssignment[];
  substitutions: CommandSubstitution[];
  heredocs: HereDoc[];
  /** Syntax errors, at most MAX_SHELL_ERRORS of them. */
  errors: ShellSyntaxError[];
}

/** Reads shell text into a ShellModel; never throws, whatever the text. */
export interface ShellParser {
  parse(text: string): ShellModel;
}

/** At most this many syntax errors are listed. */
export const MAX_SHELL_ERRORS = 100;

/** Returns a model with nothing in it, for text that could not be read (`status` says why). */
export function emptyShellModel(status: ShellModel['status']): ShellModel {
  return { status, commands: [], loops: [], assignments: [], substitutions: [], heredocs: [], errors: [] };
}
