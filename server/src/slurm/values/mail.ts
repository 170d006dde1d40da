import type { ValueGrammar, ValueProblem } from './grammar';
import { error, joinWords, tokenize, warning, own } from './util';

/**
 * `--mail-type`: Slurm's `parse_mail_type`. A comma list, any case. NONE clears
 * everything and stops the reading; unknown words are skipped without a message;
 * the value is refused only when nothing valid is found. `--mail-user` is stored
 * as given.
 */

/** The events and what each means, in the order hover lists them. */
const EVENTS: Record<string, string> = {
  BEGIN: 'when the job starts',
  END: 'when it ends',
  FAIL: 'if it fails',
  REQUEUE: 'if it is requeued',
  INVALID_DEPEND: 'if its dependency can never be met',
  STAGE_OUT: 'when burst buffer stage-out finishes',
  TIME_LIMIT: 'when it reaches its time limit',
  TIME_LIMIT_90: 'at 90% of its time limit',
  TIME_LIMIT_80: 'at 80% of its time limit',
  TIME_LIMIT_50: 'at 50% of its time limit',
  ARRAY_TASKS: 'for every array task separately',
};

/** What ALL stands for (not the time-limit warnings, not ARRAY_TASKS). */
const ALL_EVENTS = ['BEGIN', 'END', 'FAIL', 'INVALID_DEPEND', 'REQUEUE', 'STAGE_OUT'];

/** What a `--mail-type` value selects. */
export interface MailTypeReading {
  /** Events selected, upper case, in EVENTS order; empty for NONE. */
  events: string[];
  none: boolean;
  unknown: { text: string; start: number }[];
  /** Words after NONE, which are never read. */
  afterNone: { text: string; start: number }[];
  /** Valid words before NONE, which NONE clears. */
  clearedByNone: string[];
}

/**
 * Reads a `--mail-type` value; returns undefined when sbatch refuses it
 * (nothing valid and no NONE).
 */
export function readMailType(value: string): MailTypeReading | undefined {
  const selected = new Set<string>();
  const reading: MailTypeReading = { events: [], none: false, unknown: [], afterNone: [], clearedByNone: [] };
  const tokens = tokenize(value, ',');
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].text.toUpperCase();
    if (word === 'NONE') {
      reading.none = true;
      reading.clearedByNone = [...selected];
      selected.clear();
      reading.afterNone = tokens.slice(i + 1);
      break;
    }
    if (word === 'ALL') ALL_EVENTS.forEach((e) => selected.add(e));
    else if (own(EVENTS, word) !== undefined) selected.add(word);
    else reading.unknown.push(tokens[i]);
  }
  if (selected.size === 0 && !reading.none) return undefined;
  reading.events = Object.keys(EVENTS).filter((e) => selected.has(e));
  return reading;
}

function validateMailType(value: string): ValueProblem[] {
  const reading = readMailType(value);
  if (!reading) {
    return [error(`Invalid --mail-type specification: none of ${JSON.stringify(value)} is a mail event. Use NONE, ALL, BEGIN, END, FAIL, REQUEUE, INVALID_DEPEND, STAGE_OUT, TIME_LIMIT, TIME_LIMIT_90, TIME_LIMIT_80, TIME_LIMIT_50 or ARRAY_TASKS.`)];
  }
  const problems: ValueProblem[] = [];
  for (const u of reading.unknown) {
    problems.push(warning(`${JSON.stringify(u.text)} is not a mail event; sbatch skips it without a message.`, u.start, u.start + u.text.length));
  }
  if (reading.clearedByNone.length) {
    problems.push(warning(`NONE turns off the events before it (${reading.clearedByNone.join(', ')}).`));
  }
  if (reading.afterNone.length) {
    const first = reading.afterNone[0];
    problems.push(warning('sbatch stops reading at NONE: what follows is ignored.', first.start, value.length));
  }
  return problems;
}

/** Puts a valid mail-type value into words. */
export function describeMailType(reading: MailTypeReading): string {
  if (reading.events.length === 0) return 'no mail';
  const perTask = reading.events.includes('ARRAY_TASKS');
  const moments = reading.events.filter((e) => e !== 'ARRAY_TASKS').map((e) => EVENTS[e]);
  if (moments.length === 0) return 'mail for every array task separately, but no event is chosen, so no mail is sent';
  return `mail ${joinWords(moments, 'and')}${perTask ? ', for every array task separately' : ''}`;
}

/** `--mail-type`. */
export const MAIL_TYPE_GRAMMAR: ValueGrammar = {
  validate: validateMailType,
  describe: (value) => {
    const reading = readMailType(value);
    return reading ? describeMailType(reading) : undefined;
  },
  completions: () => ['END,FAIL', 'ALL', 'BEGIN', 'END', 'FAIL', 'REQUEUE', 'NONE', 'TIME_LIMIT', 'TIME_LIMIT_90', 'TIME_LIMIT_80', 'TIME_LIMIT_50', 'INVALID_DEPEND', 'STAGE_OUT', 'ARRAY_TASKS'],
};

/** `--mail-user`: stored as given; the site's mailer decides what it accepts. */
export const MAIL_USER_GRAMMAR: ValueGrammar = {
  validate: (value) => {
    if (/\s/.test(value)) return [warning('The address contains white space; the mailer will probably not deliver to it.')];
    return [];
  },
};
