import type { Finding } from '../../core/types';
import type { ParsedOption } from '../../slurm/getopt';
import { readDateTime, type DateTimeReading } from '../../slurm/values/datetime';
import { parseTimeToSeconds } from '../../slurm/values/time';
import { optionRange } from '../ranges';
import type { Rule } from '../types';

const ID = 'slurm/impossible-times';
const DAY = 86400;

/**
 * A --begin/--deadline value as seconds since the epoch, when it names a fixed moment (a Unix
 * time, `now±N`, or a date with its year); undefined for "the next time this date or clock time
 * comes round", which can never lie in the past.
 */
function moment(r: DateTimeReading, nowSeconds: number): { seconds: number; relative: boolean } | undefined {
  if (r.epoch !== undefined) return { seconds: r.epoch, relative: false };
  if (r.nowOffset !== undefined && r.date?.source === 'now') return { seconds: nowSeconds + r.nowOffset, relative: true };
  const d = r.date;
  if (d?.source === 'explicit' && d.year !== undefined) {
    const t = r.time ?? { hour: 0, minute: 0, second: 0 };
    return { seconds: Date.UTC(d.year, d.month - 1, d.day, t.hour, t.minute, t.second) / 1000, relative: false };
  }
  return undefined;
}

function read(o: ParsedOption | undefined, version: Parameters<typeof readDateTime>[1], now: number) {
  if (!o?.value) return undefined;
  const r = readDateTime(o.value, version);
  return r.ok ? moment(r.reading, now) : undefined;
}

/**
 * Time requests that cannot all hold: --time-min above --time, a --deadline before --begin (sbatch
 * refuses both), and a --deadline already in the past (the controller refuses it).
 */
export const impossibleTimes: Rule = {
  meta: { id: ID, description: 'Time requests that contradict each other or lie in the past', defaultSeverity: 'error', fixable: false, tip: 9 },
  check({ script, settings }) {
    const findings: Finding[] = [];
    const version = settings.version === 'any' ? 'master' : settings.version;
    const now = Math.floor((settings.now ?? Date.now()) / 1000);
    for (const component of script.components) {
      const last = new Map<string, ParsedOption>();
      for (const o of component.options) last.set(o.spec.name, o);
      const time = last.get('time');
      const timeMin = last.get('time-min');
      const limit = time?.value !== undefined ? parseTimeToSeconds(time.value) : undefined;
      const minimum = timeMin?.value !== undefined ? parseTimeToSeconds(timeMin.value) : undefined;
      // parseTimeToSeconds gives undefined for UNLIMITED and for invalid values (reported elsewhere).
      if (timeMin && limit !== undefined && limit > 0 && minimum !== undefined && minimum > limit) {
        findings.push({ code: ID, severity: 'error', range: optionRange(timeMin), message: `--time-min (${timeMin.value}) is longer than --time (${time?.value}); the controller refuses the job`, fixes: [], data: { kind: 'time-min' } });
      }
      const begin = read(last.get('begin'), version, now);
      const deadlineOption = last.get('deadline');
      const deadline = read(deadlineOption, version, now);
      if (deadlineOption && deadline && begin && deadline.seconds < begin.seconds && (deadline.relative === begin.relative || begin.seconds - deadline.seconds > DAY)) {
        findings.push({ code: ID, severity: 'error', range: optionRange(deadlineOption), message: '--deadline comes before --begin; sbatch refuses the script', fixes: [], data: { kind: 'deadline-before-begin' } });
      } else if (deadlineOption && deadline && !deadline.relative && deadline.seconds < now - DAY) {
        // NOTE: a day of slack, because Slurm reads dates in the cluster's time zone, not ours.
        findings.push({ code: ID, severity: 'error', range: optionRange(deadlineOption), message: `--deadline ${deadlineOption.value} has already passed; the controller refuses the job`, fixes: [], data: { kind: 'deadline-past' } });
      }
    }
    return findings;
  },
};
