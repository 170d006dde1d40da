/**
 * The value grammars of sbatch options. Each kind has a grammar in `values/registry.ts`;
 * the option table names one kind per option.
 */
export const VALUE_KINDS = [
  'flag', // no value
  'string', // stored as given, nothing checked on the client
  'name', // a name the cluster defines (account, partition, qos, reservation, wckey, ...)
  'path', // file or directory; for --input/--output/--error, filename patterns like %j
  'filename-pattern', // --output/--error/--input: a path with %j %A %a %x %u %N %n %t %% patterns
  'time', // [days-]hours:minutes:seconds and friends (time_str2mins)
  'time-seconds', // same grammar, read in seconds (delay-boot)
  'datetime', // --begin / --deadline (parse_time)
  'memory', // size with K/M/G/T suffix (str_to_mbytes)
  'mem-update', // MARGIN@DELAY (26.05+)
  'count', // positive integer (> 0)
  'count-or-zero', // non-negative integer (>= 0)
  'zero-or-one', // --wait-all-nodes
  'uint16', // 0..65533 (--segment)
  'nodes', // N, MIN-MAX, with k/m multipliers; lists/steps 23.02+
  'socket-core-thread', // S[:C[:T]] (--extra-node-info)
  'array', // job array index spec with optional %throttle
  'dependency', // type:jobid[:jobid...][,|?]...
  'mail-type', // comma list of events
  'mail-user', // e-mail address or user name
  'signal', // [R|B|BR|RB][:]SIG[@SECONDS]
  'open-mode', // append | truncate
  'cpu-freq', // p1[-p2][:gov]
  'distribution', // block|cyclic|plane=N|arbitrary ...[:...][,pack|nopack]
  'hint', // compute_bound | memory_bound | multithread | nomultithread
  'mem-bind', // [verbose,]none|rank|local|map_mem:...|mask_mem:...
  'gpu-bind', // [verbose,]closest|map_gpu:...|mask_gpu:...|none|per_task:N|single:N
  'gpu-freq', // comma list of frequencies, memory=..., verbose
  'acctg-freq', // N or task=N,energy=N,network=N,filesystem=N
  'profile', // none|all|energy,task,lustre,network
  'gres-flags', // disable-binding|enforce-binding|...
  'gres', // name[[:type]:count][,...]
  'gpus', // [type:]count (gpus, gpus-per-node, gpus-per-socket, gpus-per-task)
  'tres-per-task', // tres=count list
  'exclusive', // [user|mcs|topo|...]
  'switches', // COUNT[@TIME]
  'nice', // optional signed integer
  'priority', // TOP | integer
  'no-kill', // optional: set | off | no
  'yes-no', // yes | no (--kill-on-invalid-dep)
  'requeue', // optional value by version
  'get-user-env', // optional TIMEOUT[S|L] (until 24.11)
  'oom-kill-step', // optional 0 | 1
  'user', // user name or uid
  'group', // group name or gid
  'export', // ALL | NONE | NIL | list of NAME[=value]
  'propagate', // optional rlimit list
  'hostlist', // node names / ranges (nodelist, exclude)
  'constraint', // feature expression with & | [ ] * ( )
  'licenses', // name[:count][,|...]
  'clusters', // comma list of cluster names
  'command', // --wrap: a shell command
  'tres-bind', // gres/gpu:... binding spec
  'network', // site/network plugin specific
  'power', // power flags (22.05-23.11)
] as const;

export type ValueKind = (typeof VALUE_KINDS)[number];
