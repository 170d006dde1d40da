import { range, type Finding, type Fix } from '../../core/types';
import type { Rule } from '../types';
import { containerInvocations, misplacedOptions, type ContainerInvocation, type ContainerOption } from './invocation';

const ID = 'container/bind-after-image';

/** Moves the options in front of the image, when they and the image are on one line. */
function moveFix(inv: ContainerInvocation, options: ContainerOption[]): Fix | undefined {
  const image = inv.image;
  if (!image) return undefined;
  const first = options[0].word.range.start;
  const lastOption = options[options.length - 1];
  const end = (lastOption.valueWord ?? lastOption.word).range.end;
  const line = image.range.start.line;
  if (first.line !== line || end.line !== line) return undefined;
  const nextWord = inv.rest[inv.rest.indexOf(lastOption.valueWord ?? lastOption.word) + 1];
  const cutEnd = nextWord && nextWord.range.start.line === line ? nextWord.range.start.character : end.character;
  const cutStart = nextWord && nextWord.range.start.line === line ? first.character : image.range.end.character;
  const words = options.map((o) => [o.word.text, o.valueWord?.text].filter((t) => t !== undefined).join(' ')).join(' ');
  return {
    title: `Move ${options.map((o) => o.word.text).join(' ')} before the image`,
    edits: [
      { range: range(line, image.range.start.character, line, image.range.start.character), newText: `${words} ` },
      { range: range(line, cutStart, line, cutEnd), newText: '' },
    ],
    isPreferred: true,
    // NOTE: safe for exec and shell, where the options can only be meant for the container (as
    // written, exec tries to run a program called like the option). A runscript may read them.
    safe: inv.verb.value !== 'run',
  };
}

/**
 * `apptainer exec IMAGE --bind /x cmd` and the like: container options written after the image go
 * to the command (exec tries to run `--bind` as a program; a runscript gets them as arguments).
 */
export const bindAfterImage: Rule = {
  meta: { id: ID, description: 'Container options (--bind, --nv, ...) written after the image, where they go to the command', defaultSeverity: 'warning', fixable: true, tip: 7 },
  check({ shell }) {
    if (!shell || shell.status !== 'parsed') return [];
    const findings: Finding[] = [];
    for (const inv of containerInvocations(shell)) {
      if (!inv.image) continue;
      const options = misplacedOptions(inv);
      if (options.length === 0) continue;
      const first = options[0].word;
      const names = options.map((o) => o.word.text).join(' ');
      const fix = moveFix(inv, options);
      const goesTo = inv.verb.value === 'run' ? "become arguments of the image's runscript" : `become the command: ${inv.tool} tries to run a program named ${first.text}`;
      findings.push({
        code: ID,
        severity: 'warning',
        range: first.range,
        message: `${names} comes after the image ${inv.image.text}, so ${inv.tool} does not read it: the words ${goesTo}. Put container options between ${inv.verb.text} and the image`,
        fixes: fix ? [fix] : [],
        data: { options: options.map((o) => o.name) },
      });
    }
    return findings;
  },
};
