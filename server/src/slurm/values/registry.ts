import type { ValueGrammar } from './grammar';
import type { ValueKind } from './kinds';
import { ACCTG_FREQ_GRAMMAR, PROFILE_GRAMMAR } from './accounting';
import { ARRAY_GRAMMAR } from './array';
import { DISTRIBUTION_GRAMMAR, HINT_GRAMMAR, MEM_BIND_GRAMMAR } from './binding';
import {
  COUNT_GRAMMAR, COUNT_OR_ZERO_GRAMMAR, NICE_GRAMMAR, PRIORITY_GRAMMAR, SOCKET_CORE_THREAD_GRAMMAR, SWITCHES_GRAMMAR, UINT16_GRAMMAR, ZERO_OR_ONE_GRAMMAR,
} from './counts';
import { DATETIME_GRAMMAR } from './datetime';
import { DEPENDENCY_GRAMMAR } from './dependency';
import { EXPORT_GRAMMAR, PROPAGATE_GRAMMAR } from './export';
import {
  EXCLUSIVE_GRAMMAR, FLAG_GRAMMAR, GET_USER_ENV_GRAMMAR, NO_KILL_GRAMMAR, OOM_KILL_STEP_GRAMMAR, OPEN_MODE_GRAMMAR, POWER_GRAMMAR, REQUEUE_GRAMMAR, YES_NO_GRAMMAR,
} from './flags';
import { CPU_FREQ_GRAMMAR, GPU_FREQ_GRAMMAR } from './frequency';
import { GPU_BIND_GRAMMAR, TRES_BIND_GRAMMAR } from './gpuBinding';
import { GPUS_GRAMMAR, GRES_FLAGS_GRAMMAR, GRES_GRAMMAR, LICENSES_GRAMMAR, TRES_PER_TASK_GRAMMAR } from './gres';
import { CONSTRAINT_GRAMMAR, HOSTLIST_GRAMMAR } from './hostlist';
import { MAIL_TYPE_GRAMMAR, MAIL_USER_GRAMMAR } from './mail';
import { MEM_UPDATE_GRAMMAR, MEMORY_GRAMMAR } from './memory';
import {
  CLUSTERS_GRAMMAR, COMMAND_GRAMMAR, FILENAME_PATTERN_GRAMMAR, GROUP_GRAMMAR, NAME_GRAMMAR, NETWORK_GRAMMAR, PATH_GRAMMAR, STRING_GRAMMAR, USER_GRAMMAR,
} from './names';
import { NODES_GRAMMAR } from './nodes';
import { SIGNAL_GRAMMAR } from './signal';
import { TIME_GRAMMAR, TIME_SECONDS_GRAMMAR } from './time';

/**
 * The grammar of every kind of sbatch option value. The option table names a kind
 * per option; validation, hover and completion look the grammar up here.
 */
export const GRAMMARS: Record<ValueKind, ValueGrammar> = {
  flag: FLAG_GRAMMAR,
  string: STRING_GRAMMAR,
  name: NAME_GRAMMAR,
  path: PATH_GRAMMAR,
  'filename-pattern': FILENAME_PATTERN_GRAMMAR,
  time: TIME_GRAMMAR,
  'time-seconds': TIME_SECONDS_GRAMMAR,
  datetime: DATETIME_GRAMMAR,
  memory: MEMORY_GRAMMAR,
  'mem-update': MEM_UPDATE_GRAMMAR,
  count: COUNT_GRAMMAR,
  'count-or-zero': COUNT_OR_ZERO_GRAMMAR,
  'zero-or-one': ZERO_OR_ONE_GRAMMAR,
  uint16: UINT16_GRAMMAR,
  nodes: NODES_GRAMMAR,
  'socket-core-thread': SOCKET_CORE_THREAD_GRAMMAR,
  array: ARRAY_GRAMMAR,
  dependency: DEPENDENCY_GRAMMAR,
  'mail-type': MAIL_TYPE_GRAMMAR,
  'mail-user': MAIL_USER_GRAMMAR,
  signal: SIGNAL_GRAMMAR,
  'open-mode': OPEN_MODE_GRAMMAR,
  'cpu-freq': CPU_FREQ_GRAMMAR,
  distribution: DISTRIBUTION_GRAMMAR,
  hint: HINT_GRAMMAR,
  'mem-bind': MEM_BIND_GRAMMAR,
  'gpu-bind': GPU_BIND_GRAMMAR,
  'gpu-freq': GPU_FREQ_GRAMMAR,
  'acctg-freq': ACCTG_FREQ_GRAMMAR,
  profile: PROFILE_GRAMMAR,
  'gres-flags': GRES_FLAGS_GRAMMAR,
  gres: GRES_GRAMMAR,
  gpus: GPUS_GRAMMAR,
  'tres-per-task': TRES_PER_TASK_GRAMMAR,
  exclusive: EXCLUSIVE_GRAMMAR,
  switches: SWITCHES_GRAMMAR,
  nice: NICE_GRAMMAR,
  priority: PRIORITY_GRAMMAR,
  'no-kill': NO_KILL_GRAMMAR,
  'yes-no': YES_NO_GRAMMAR,
  requeue: REQUEUE_GRAMMAR,
  'get-user-env': GET_USER_ENV_GRAMMAR,
  'oom-kill-step': OOM_KILL_STEP_GRAMMAR,
  user: USER_GRAMMAR,
  group: GROUP_GRAMMAR,
  export: EXPORT_GRAMMAR,
  propagate: PROPAGATE_GRAMMAR,
  hostlist: HOSTLIST_GRAMMAR,
  constraint: CONSTRAINT_GRAMMAR,
  licenses: LICENSES_GRAMMAR,
  clusters: CLUSTERS_GRAMMAR,
  command: COMMAND_GRAMMAR,
  'tres-bind': TRES_BIND_GRAMMAR,
  network: NETWORK_GRAMMAR,
  power: POWER_GRAMMAR,
};

/**
 * The grammar for a kind of value. Called by validation, hover and completion
 * with the kind the option table gives; always returns a grammar.
 */
export function grammarFor(kind: ValueKind): ValueGrammar {
  return GRAMMARS[kind] ?? STRING_GRAMMAR;
}
