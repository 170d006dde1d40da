/**
 * Walks a tree-sitter-bash syntax tree once and collects the ShellModel. Iterative (an explicit
 * stack), so deeply nested input cannot overflow the JavaScript stack. Pure; tree-sitter is only
 * a type here.
 */
import type { SyntaxNode as Node } from './parser';
import { MAX_SHELL_ERRORS, emptyShellModel, type LoopInput, type ShellAssignment, type ShellCommand, type ShellLoop, type ShellModel, type ShellRedirect } from './model';
import { classifyForItem, countOf, OffsetMap, shellWord, staticValue } from './words';

/** Where a node sits: enclosing loops, command substitution, function, and whether inside an ERROR. */
interface Context {
  loops: number[];
  substitution?: number;
  functionName?: string;
  inError: boolean;
}

const DECLARATIONS = new Set(['export', 'local', 'declare', 'readonly', 'typeset']);
const REDIRECTS = new Set(['file_redirect', 'heredoc_redirect', 'herestring_redirect']);
/** `read` options that take a value (the value is not a variable name). */
const READ_OPTIONS_WITH_VALUE = new Set(['-a', '-d', '-i', '-n', '-N', '-p', '-t', '-u']);

function named(node: Node): Node[] {
  return node.namedChildren;
}

/**
 * A node's parent as seen by the walk. (tree-sitter's own `node.parent` searches down from the
 * root each time, which makes deeply nested input quadratic.)
 */
type ParentOf = (node: Node) => Node | null;

/** `<<` or `<<-`. */
function heredocOperator(node: Node): string {
  return node.children.find((c) => (c.type === '<<' || c.type === '<<-'))?.type ?? '<<';
}

/** The pipeline stage before a command or loop (`a | b`: `a` for `b`), seen through its redirections. */
function previousStage(node: Node, parentOf: ParentOf): Node | undefined {
  const parent = parentOf(node);
  const stage = parent && parent.type === 'redirected_statement' && parent.childForFieldName('body')?.id === node.id ? parent : node;
  const pipeline = parentOf(stage);
  if (!pipeline || pipeline.type !== 'pipeline') return undefined;
  const stages = named(pipeline);
  const at = stages.findIndex((s) => s.id === stage.id);
  return at > 0 ? stages[at - 1] : undefined;
}

/** Builds the model for the tree of `text`. Called by the parser right after parsing. */
export function extractShellModel(root: Node, text: string): ShellModel {
  const map = new OffsetMap(text);
  const model = emptyShellModel('parsed');
  const checkErrors = root.hasError;
  const commandOf = new Map<number, number>(); // node id -> command index
  const recordedHeredocs = new Map<number, number>(); // node id -> heredoc index
  const readFixups: { loop: number; node: Node }[] = [];
  // Two parallel stacks (node, its context) rather than one object per visited node.
  const stack: Node[] = [root];
  const contexts: Context[] = [{ loops: [], inError: false }];

  const parentOf: ParentOf = (node) => node.parent;
  const push = (node: Node, ctx: Context, _parent: Node) => {
    stack.push(node);
    contexts.push(ctx);
  };
  const pushChildren = (node: Node, ctx: Context, children: Node[] = node.children) => {
    for (let i = children.length - 1; i >= 0; i--) push(children[i], ctx, node);
  };

  /** Redirects of a node: its own redirect children plus those of a `redirected_statement` around it. */
  const redirectsOf = (node: Node): ShellRedirect[] => {
    const nodes = node.children.filter((c): c is Node => REDIRECTS.has(c.type));
    const parent = parentOf(node);
    if (parent && parent.type === 'redirected_statement' && parent.childForFieldName('body')?.id === node.id) {
      for (const c of parent.children) if (c && REDIRECTS.has(c.type)) nodes.push(c);
    }
    return nodes.flatMap((r) => redirect(r));
  };

  const redirect = (node: Node): ShellRedirect[] => {
    const range = map.range(node);
    const descriptor = node.childForFieldName('descriptor')?.text;
    if (node.type === 'herestring_redirect') {
      const target = named(node).find((c) => c.type !== 'file_descriptor');
      return [{ operator: '<<<', ...(descriptor ? { descriptor } : {}), ...(target ? { target: shellWord(target, map) } : {}), range }];
    }
    if (node.type === 'heredoc_redirect') {
      const start = named(node).find((c) => c.type === 'heredoc_start');
      const operator = heredocOperator(node);
      const heredoc = recordHeredoc(node, operator);
      const nested = named(node).filter((c) => c.type === 'file_redirect' || c.type === 'herestring_redirect').flatMap((c) => redirect(c));
      return [{ operator, ...(descriptor ? { descriptor } : {}), ...(start ? { target: shellWord(start, map) } : {}), heredoc, range }, ...nested];
    }
    const destination = node.childForFieldName('destination');
    const result = { operator: node.children.find((c) => !c.isNamed)?.type ?? '' } as ShellRedirect;
    if (descriptor) result.descriptor = descriptor;
    if (destination) result.target = shellWord(destination, map);
    result.range = range;
    return [result];
  };

  /** Adds a here-document once (by node) and returns its index. */
  const recordHeredoc = (node: Node, operator: string): number => {
    const known = recordedHeredocs.get(node.id);
    if (known !== undefined) return known;
    recordedHeredocs.set(node.id, model.heredocs.length);
    const start = named(node).find((c) => c.type === 'heredoc_start');
    const body = named(node).find((c) => c.type === 'heredoc_body');
    const end = named(node).find((c) => c.type === 'heredoc_end');
    const startText = start?.text ?? '';
    const quoted = /['"\\]/.test(startText);
    const delimiter = startText.replace(/\\(.)/g, '$1').replace(/["']/g, '');
    // Whole lines: from the line after the opening one up to the closing delimiter's line.
    const bodyEnd = end ? map.lineStart(end.startIndex) : body ? body.endIndex : node.endIndex;
    const bodyStart = Math.min(bodyEnd, body ? map.lineStart(body.startIndex) : bodyEnd);
    model.heredocs.push({ delimiter, quoted, stripTabs: operator === '<<-', range: map.range(node), bodyRange: map.span(bodyStart, bodyEnd), body: text.slice(bodyStart, bodyEnd) });
    return model.heredocs.length - 1;
  };

  const addCommand = (node: Node, ctx: Context, name: Node | null, args: Node[]): number => {
    const index = model.commands.length;
    const stage = previousStage(node, parentOf);
    const piped = stage !== undefined;
    const heredocsBefore = model.heredocs.length;
    // Built by assignment rather than with `...(cond ? {...} : {})` spreads, which V8 runs slowly;
    // the key order is the same.
    const command = {} as ShellCommand;
    if (name) command.name = shellWord(name, map);
    command.args = args.map((a) => shellWord(a, map));
    command.assignments = [];
    command.redirects = redirectsOf(node);
    command.loops = ctx.loops;
    if (ctx.substitution !== undefined) command.substitution = ctx.substitution;
    if (ctx.functionName !== undefined) command.functionName = ctx.functionName;
    command.piped = piped;
    command.range = map.range(node);
    for (let h = heredocsBefore; h < model.heredocs.length; h++) model.heredocs[h].command = index;
    model.commands.push(command);
    commandOf.set(node.id, index);
    return index;
  };

  const addLoop = (loop: ShellLoop, ctx: Context): Context => {
    const index = model.loops.length;
    const parent = ctx.loops[ctx.loops.length - 1];
    model.loops.push(parent !== undefined ? { ...loop, parent } : loop);
    return { ...ctx, loops: [...ctx.loops, index] };
  };

  const loopBase = (node: Node) => {
    const body = node.childForFieldName('body');
    return { range: map.range(node), bodyRange: body ? map.range(body) : map.range(node), redirects: redirectsOf(node) };
  };

  /** The `while` loop's input, from the redirect after `done` or the pipeline stage before the loop. */
  const loopInput = (node: Node, redirects: ShellRedirect[]): LoopInput | undefined => {
    const parent = parentOf(node);
    if (parent && parent.type === 'redirected_statement') {
      for (const r of parent.children) {
        if (!r) continue;
        if (r.type === 'herestring_redirect') {
          const word = named(r).find((c) => c.type !== 'file_descriptor');
          if (word) return { kind: 'herestring', word: shellWord(word, map) };
        }
        if (r.type === 'heredoc_redirect') {
          const h = redirects.find((x) => x.heredoc !== undefined);
          if (h?.heredoc !== undefined) return { kind: 'heredoc', heredoc: h.heredoc };
        }
        const op = r.children.find((c) => !c.isNamed)?.type;
        const destination = r.childForFieldName('destination');
        if (r.type === 'file_redirect' && op === '<' && !r.childForFieldName('descriptor') && destination) {
          if (destination.type === 'process_substitution') return { kind: 'process-substitution', range: map.range(destination), text: destination.text };
          return { kind: 'file', word: shellWord(destination, map) };
        }
      }
    }
    const stage = previousStage(node, parentOf);
    return stage ? { kind: 'pipe', range: map.range(stage), text: stage.text } : undefined;
  };

  const visitWhile = (node: Node, ctx: Context) => {
    const conditions = node.childrenForFieldName('condition').filter((c) => c.isNamed);
    const base = loopBase(node);
    const kind = node.firstChild?.type === 'until' ? 'until' : 'while';
    const condition = conditions.length > 0 ? text.slice(conditions[0].startIndex, conditions[conditions.length - 1].endIndex) : '';
    const input = loopInput(node, base.redirects);
    const inner = addLoop({ kind, ...base, condition, ...(input ? { input } : {}) }, ctx);
    const loop = model.loops[model.loops.length - 1];
    const readNode = conditions.length === 1 && conditions[0].type === 'command' && conditions[0].childForFieldName('name')?.text === 'read' ? conditions[0] : undefined;
    // Condition and body both run once per iteration: both are inside the loop.
    pushChildren(node, inner);
    if (readNode && loop.kind !== 'for-in' && loop.kind !== 'c-style') {
      const args = readNode.childrenForFieldName('argument');
      const variables = [];
      const options: string[] = [];
      for (let i = 0; i < args.length; i++) {
        const value = staticValue(args[i]) ?? args[i].text;
        if (value.startsWith('-') && variables.length === 0) {
          options.push(value);
          if (READ_OPTIONS_WITH_VALUE.has(value) && i + 1 < args.length) options.push(staticValue(args[++i]) ?? args[i].text);
        } else variables.push({ name: value, range: map.range(args[i]) });
      }
      if (variables.length === 0) variables.push({ name: 'REPLY', range: map.range(readNode) });
      // The read command is visited later (stack order); its index is known once visited.
      loop.read = { variables, options, command: -1 };
      readFixups.push({ loop: model.loops.length - 1, node: readNode });
    }
  };
  const visitAssignment = (node: Node, ctx: Context) => {
    const nameNode = node.childForFieldName('name');
    const valueNode = node.childForFieldName('value');
    const parent = parentOf(node);
    let scope: ShellAssignment['scope'] = 'plain';
    let command: number | undefined;
    if (parent?.type === 'command') scope = 'prefix';
    if (parent?.type === 'declaration_command') {
      const keyword = parent.firstChild?.type ?? '';
      scope = DECLARATIONS.has(keyword) ? (keyword as ShellAssignment['scope']) : 'declare';
    }
    if (parent && scope !== 'plain') command = commandOf.get(parent.id);
    const op = node.children.find((c) => (c.type === '=' || c.type === '+='))?.type;
    const value = valueNode && valueNode.type !== 'array' ? staticValue(valueNode) : valueNode ? undefined : '';
    const assignment = { name: nameNode?.text ?? '', valueText: valueNode?.text ?? '' } as ShellAssignment;
    if (value !== undefined) assignment.value = value;
    if (valueNode?.type === 'array') assignment.array = named(valueNode).map((c) => shellWord(c, map));
    assignment.append = op === '+=';
    assignment.scope = scope;
    if (command !== undefined) assignment.command = command;
    assignment.loops = ctx.loops;
    assignment.range = map.range(node);
    assignment.nameRange = nameNode ? map.range(nameNode) : map.range(node);
    if (command !== undefined && scope === 'prefix') model.commands[command].assignments.push(model.assignments.length);
    model.assignments.push(assignment);
    pushChildren(node, ctx, named(node).filter((c) => c.type !== 'variable_name'));
  };

  while (stack.length > 0) {
    const node = stack.pop()!;
    const ctx = contexts.pop()!;
    const type = node.type;
    if (checkErrors) {
      if (node.isMissing) {
        if (model.errors.length < MAX_SHELL_ERRORS) model.errors.push({ kind: 'missing', expected: node.type, range: map.range(node) });
        continue;
      }
      if (type === 'ERROR') {
        if (!ctx.inError && model.errors.length < MAX_SHELL_ERRORS) model.errors.push({ kind: 'error', range: map.range(node) });
        pushChildren(node, { ...ctx, inError: true });
        continue;
      }
    }
    switch (type) {
      case 'command': {
        const nameNode = node.childForFieldName('name');
        addCommand(node, ctx, nameNode?.firstNamedChild ?? nameNode, node.childrenForFieldName('argument'));
        pushChildren(node, ctx, named(node));
        break;
      }
      case 'declaration_command':
      case 'unset_command': {
        const keyword = node.firstChild;
        const args = named(node).filter((c) => !REDIRECTS.has(c.type));
        const index = model.commands.length;
        addCommand(node, ctx, null, args);
        if (keyword) model.commands[index].name = { text: keyword.text, value: keyword.text, glob: false, range: map.range(keyword) };
        pushChildren(node, ctx, named(node));
        break;
      }
      case 'variable_assignment':
        visitAssignment(node, ctx);
        break;
      case 'for_statement':
      case 'select_statement': {
        const variable = node.childForFieldName('variable');
        const values = node.childrenForFieldName('value');
        const body = node.childForFieldName('body');
        const inPositional = !node.children.some((c) => c.type === 'in');
        const inner = addLoop({ kind: 'for-in', ...loopBase(node), variable: { name: variable?.text ?? '', range: variable ? map.range(variable) : map.range(node) }, items: values.map((v) => classifyForItem(v, map)), inPositional }, ctx);
        // The item list is expanded once, before the loop runs; only the body is inside it.
        if (body) push(body, inner, node);
        pushChildren(node, ctx, values);
        break;
      }
      case 'c_style_for_statement': {
        const field = (name: string) => node.childrenForFieldName(name).map((c) => c.text).join(', ');
        const init = node.childForFieldName('initializer');
        const variableNode = init?.type === 'variable_assignment' ? init.childForFieldName('name') : init?.type === 'binary_expression' ? init.childForFieldName('left') : null;
        const [initializer, condition, update] = [field('initializer'), field('condition'), field('update')];
        const variable = variableNode ? { name: variableNode.text.replace(/^\$/, ''), range: map.range(variableNode) } : undefined;
        const count = variable ? countOf(variable.name, initializer, condition, update) : undefined;
        const inner = addLoop({ kind: 'c-style', ...loopBase(node), ...(variable ? { variable } : {}), initializer, condition, update, ...(count ? { count } : {}) }, ctx);
        const body = node.childForFieldName('body');
        if (body) push(body, inner, node);
        break;
      }
      case 'while_statement':
      case 'until_statement':
        visitWhile(node, ctx);
        break;
      case 'command_substitution': {
        const index = model.substitutions.length;
        const backquoted = node.text.startsWith('`');
        const open = backquoted ? 1 : 2;
        model.substitutions.push({ range: map.range(node), body: text.slice(node.startIndex + open, Math.max(node.startIndex + open, node.endIndex - 1)), backquoted, loops: ctx.loops });
        pushChildren(node, { ...ctx, substitution: index });
        break;
      }
      case 'heredoc_redirect':
        // Recorded with the command or loop it belongs to; still look inside for substitutions.
        recordHeredoc(node, heredocOperator(node));
        pushChildren(node, ctx, named(node).filter((c) => c.type === 'heredoc_body' || c.type === 'file_redirect'));
        break;
      case 'function_definition': {
        const name = node.childForFieldName('name');
        const body = node.childForFieldName('body');
        if (body) push(body, { ...ctx, functionName: name?.text ?? '' }, node);
        break;
      }
      default:
        if (node.childCount > 0) pushChildren(node, ctx);
    }
  }
  for (const f of readFixups) {
    const loop = model.loops[f.loop];
    const index = commandOf.get(f.node.id);
    if (loop.kind !== 'for-in' && loop.kind !== 'c-style' && loop.read && index !== undefined) loop.read.command = index;
  }
  return model;
}
