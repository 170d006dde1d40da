"""Snakemake profile (config.yaml) schema: each key is a long command-line option without the dashes."""
from common import *

CLI = "https://snakemake.readthedocs.io/en/stable/executing/cli.html"
SLURM = "https://snakemake.github.io/snakemake-plugin-catalog/plugins/executor/slurm.html"
GENERIC = "https://snakemake.github.io/snakemake-plugin-catalog/plugins/executor/cluster-generic.html"
VERS = {"789": (None, None), "89": ("8.0", None), "9": ("9.0", None), "7": (None, "8.0"), "78": (None, "9.0"), "8": ("8.0", "9.0")}

ENV_REF = "^\\s*\\$\\{?[A-Za-z_][A-Za-z0-9_]*\\}?\\s*$"
DEFS = {
    "flag": {"description": "A switch: true adds the option, false leaves it out.", "anyOf": [{"type": "boolean"}, {"type": "string", "enum": ["true", "false", "yes", "no", "True", "False", "on", "off"]}, {"type": "integer", "enum": [0, 1]}]},
    "integer": {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": ENV_REF, "description": "An environment variable, expanded when the profile is read."}]},
    "count": {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": ENV_REF, "description": "An environment variable, expanded when the profile is read."}]},
    "nonNegative": {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": ENV_REF, "description": "An environment variable, expanded when the profile is read."}]},
    "number": {"anyOf": [{"type": "number"}, {"type": "string", "pattern": ENV_REF, "description": "An environment variable, expanded when the profile is read."}]},
    "list": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": ["string", "number"]}}]},
}
def BOOL():
    return {"$ref": "#/$defs/flag"}
def INT(minimum=None):
    return {"$ref": "#/$defs/" + {None: "integer", 1: "count", 0: "nonNegative"}[minimum]}
def NUM():
    return {"$ref": "#/$defs/number"}
def STR():
    return {"type": "string"}
def LIST():
    return {"$ref": "#/$defs/list"}
def ENUM(values):
    return {"type": "string", "enum": values}
def LENUM(values):
    return {"anyOf": [{"type": "string", "enum": values}, {"type": "array", "items": {"type": "string", "enum": values}}]}
def KV(value_desc, pattern="^[A-Za-z_][A-Za-z0-9_]*=", value=None):
    v = value or {"type": ["string", "number", "boolean"], "description": value_desc}
    return {"anyOf": [
        {"type": "object", "additionalProperties": v},
        {"type": "array", "items": {"type": "string", "pattern": pattern}},
        {"type": "string", "pattern": pattern}]}

# name: (versions, kind, description, extras)
OPTS = {}
def opt(name, vers, schema, desc, aliases=(), **extra):
    OPTS[name] = (vers, schema, desc, aliases, extra)

# ---- execution and resources
opt("cores", "789", {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "enum": ["all"]}, {"type": "string", "pattern": ENV_REF}]},
    "How many CPU cores Snakemake may use at once on this machine (local runs); `all` takes every core it can see.", examples=[8, "all"])
opt("jobs", "789", {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "enum": ["unlimited"]}, {"type": "string", "pattern": ENV_REF}]},
    "How many jobs may be queued or running at the same time; with a cluster executor this caps the jobs Snakemake keeps in the scheduler.", examples=[100, "unlimited"])
opt("local-cores", "789", INT(1), "Cores for rules that run on the submitting node (localrules) while other jobs go to the cluster.", examples=[2])
opt("resources", "789", KV("Total amount of this resource that all running jobs together may use."),
    "Global limits on resources summed over all jobs running at once, e.g. a cap on parallel downloads or total memory.", aliases=("res",), examples=[{"mem_mb": 500000, "network_io": 4}])
opt("set-threads", "789", KV("Threads for this rule.", value={"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string"}], "description": "Threads for this rule (a number or a Python expression)."}),
    "Overrides the `threads` of named rules, mapping rule name to thread count.", examples=[{"bwa_mem": 16, "samtools_sort": 4}])
opt("max-threads", "789", INT(1), "Upper bound on the threads any single rule may get, whatever the rule asks for.", examples=[32])
opt("set-resources", "789", None, "Per-rule resource overrides: a mapping from rule name to the resources that rule should request (for SLURM: runtime, mem_mb, slurm_partition, cpus_per_task, ...).")
opt("set-scatter", "789", KV("Number of parts."), "Sets how many parts a named scatter-gather process is split into.", examples=[{"split": 8}])
opt("set-resource-scopes", "789", KV("Scope of the resource.", value={"type": "string", "enum": ["global", "local"], "description": "global: counted across all jobs Snakemake runs; local: counted only within each submitted (group) job."}),
    "Declares for each resource whether its limit counts across the whole workflow (`global`) or only inside a single submitted group job (`local`).", examples=[{"fast_io": "local"}])
opt("default-resources", "789", None, "Resources every rule receives unless it sets its own; on SLURM this is where the account, partition, runtime and memory defaults go.", aliases=("default-res",))
opt("preemptible-rules", "789", LIST(), "Rules allowed to run on preemptible (cheaper, interruptible) cloud instances; an empty list means all rules.")
opt("preemptible-retries", "89", INT(0), "How often a job on a preemptible instance is retried after being preempted.")
opt("preemption-default", "7", INT(0), "Default number of preemptible retries for all rules (Google Life Sciences executor).")
opt("configfile", "789", LIST(), "One or more YAML/JSON files whose keys are merged into the workflow's `config` dictionary.", aliases=("configfiles",), examples=[["config/config.yaml"]])
opt("config", "789", KV("Config value.", pattern="^[^=]+="), "Sets individual entries of the workflow's `config` dictionary, overriding the config files.", examples=[{"samples": "config/samples.tsv"}])
opt("replace-workflow-config", "9", BOOL(), "Replace the workflow's config with the given config files instead of merging them into it.")
opt("envvars", "789", LIST(), "Names of environment variables that must be set and are passed on to jobs running remotely.", examples=[["TMPDIR"]])
opt("directory", "789", STR(), "Working directory in which the workflow runs; relative paths in the Snakefile are resolved from here.")
opt("snakefile", "789", STR(), "Path of the Snakefile to run instead of the default `Snakefile` or `workflow/Snakefile`.", examples=["workflow/Snakefile"])
opt("profile", "789", STR(), "Another profile to load; chaining profiles from inside a profile is unusual.")
opt("workflow-profile", "789", STR(), "Path of the workflow-specific profile directory (default `profiles/default` next to the workflow); `none` disables it.", examples=["profiles/slurm"])
opt("cache", "789", LIST(), "Rules whose output is stored in and reused from the between-workflow cache named by $SNAKEMAKE_OUTPUT_CACHE.")
# ---- behaviour
opt("dry-run", "789", BOOL(), "Only show which jobs would run; nothing is executed. Rarely wanted in a profile.", aliases=("dryrun",))
opt("touch", "789", BOOL(), "Mark existing output files as up to date by touching them instead of running jobs.")
opt("keep-going", "789", BOOL(), "After a job fails, keep running independent jobs instead of stopping the whole workflow.", default=False)
opt("rerun-triggers", "789", LENUM(["mtime", "params", "input", "software-env", "code"]), "Which kinds of change make Snakemake rerun a job whose output exists.", examples=[["mtime"]])
opt("force", "789", BOOL(), "Rerun the target rules even if their output is up to date.")
opt("executor", "89", {"anyOf": [{"type": "string", "enum": ["slurm", "cluster-generic", "cluster-sync", "local", "dryrun", "touch", "slurm-jobstep", "lsf", "flux", "kubernetes", "googlebatch", "aws-batch", "azure-batch", "tes", "drmaa"]}, {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}]},
    "Executor plugin that runs the jobs: `slurm` submits each job with sbatch, `cluster-generic` uses your own submit command; the plugin must be installed.", examples=["slurm"], docs=SLURM)
opt("forceall", "789", BOOL(), "Rerun every job needed for the targets, even up-to-date ones.")
opt("forcerun", "789", LIST(), "Rules or files to rerun unconditionally, together with everything downstream of them.")
opt("consider-ancient", "89", KV("Input names or indices.", pattern="^[^=]+="), "Per rule, inputs whose modification time is ignored when deciding whether to rerun.")
opt("prioritize", "789", LIST(), "Targets whose jobs get the highest priority in scheduling.")
opt("batch", "789", {"anyOf": [{"type": "string", "pattern": "^[^=]+=\\d+/\\d+$"}, {"type": "object", "additionalProperties": {"type": "string", "pattern": "^\\d+/\\d+$"}}]},
    "Builds the DAG in batches: `RULE=BATCH/BATCHES` runs only batch BATCH of BATCHES for the inputs of an aggregating rule.", examples=["aggregate=1/3"])
opt("until", "789", LIST(), "Run only up to (and including) these rules or files.")
opt("omit-from", "789", LIST(), "Leave out these rules or files and everything downstream of them.")
opt("rerun-incomplete", "789", BOOL(), "Rerun jobs whose output was left incomplete by an earlier, interrupted run.", aliases=("ri",))
opt("shadow-prefix", "789", STR(), "Directory under which shadow directories for rules with `shadow:` are created (e.g. node-local scratch).", examples=["/scratch/$USER"])
opt("strict-dag-evaluation", "9", LENUM(["functions", "cyclic-graph", "periodic-wildcards"]), "Turn certain DAG-building problems that are normally tolerated into errors.")
opt("scheduler", "789", {"anyOf": [{"type": "string", "enum": ["ilp", "greedy"]}, {"type": "string"}]}, "How Snakemake picks the next jobs to run: `ilp` solves an optimisation problem, `greedy` is faster for very large DAGs.", examples=["greedy"])
opt("scheduler-ilp-solver", "78", STR(), "The linear-programming solver used by the `ilp` scheduler (from the PuLP solvers installed).")
opt("scheduler-solver-path", "789", STR(), "Directory to add to PATH so the ILP scheduler can find its solver.")
opt("scheduler-greediness", "89", NUM(), "Between 0 and 1: how greedy the scheduler is; lower values plan more carefully but take longer.", aliases=("greediness",))
opt("greediness", "7", NUM(), "Between 0 and 1: how greedy the scheduler is; lower values plan more carefully but take longer.")
opt("scheduler-subsample", "89", INT(1), "Consider at most this many ready jobs per scheduling round, to keep the ILP small.")
opt("conda-base-path", "789", STR(), "Path of the conda installation to use when the conda on PATH is not the one wanted.")
opt("no-subworkflows", "789", BOOL(), "Do not evaluate or run subworkflows.", aliases=("nosw",))
opt("precommand", "789", STR(), "Shell command run before each job on the execution node, e.g. loading a module.")
opt("groups", "789", KV("Group name.", pattern="^[^=]+="), "Assigns rules to job groups so they are submitted together as one cluster job.", examples=[{"bwa_mem": "align", "samtools_sort": "align"}])
opt("group-components", "789", KV("Number of connected components.", pattern="^[^=]+=", value={"type": ["integer", "string"], "description": "How many connected components of this group go into one submitted job."}),
    "How many connected components of a group are packed into one cluster job, to submit many small jobs as fewer larger ones.", examples=[{"align": 8}])
# ---- reports and utilities (rarely in profiles, but accepted)
opt("report", "789", STR(), "Write an HTML (or .zip) report of the workflow run to this file instead of running it.")
opt("report-after-run", "9", BOOL(), "Create the report right after the workflow has run.")
opt("report-stylesheet", "789", STR(), "Custom CSS file for the report.")
opt("report-metadata", "9", STR(), "YAML file with metadata shown in the report.")
opt("reporter", "89", STR(), "Report plugin used to render the report.")
opt("draft-notebook", "789", STR(), "Create a skeleton Jupyter notebook for the given target's rule.")
opt("edit-notebook", "789", STR(), "Open the notebook of the given target's rule for interactive editing.")
opt("notebook-listen", "789", STR(), "Address and port the notebook server listens on when editing.", default="localhost:8888")
opt("lint", "789", {"anyOf": [{"type": "string", "enum": ["text", "json"]}, BOOL()]}, "Check the workflow for common mistakes and style problems instead of running it.")
opt("generate-unit-tests", "789", STR(), "Generate pytest unit tests for each rule from a finished run, in this directory.")
opt("containerize", "789", {"anyOf": [BOOL(), {"type": "string", "enum": ["dockerfile", "apptainer"]}]}, "Print a container definition that bundles all conda environments of the workflow.")
opt("export-cwl", "789", STR(), "Export the workflow as CWL to this file.")
opt("list-rules", "89", BOOL(), "List the rules of the workflow.", aliases=("list",))
opt("list", "7", BOOL(), "List the rules of the workflow.")
opt("list-target-rules", "789", BOOL(), "List rules that can be used as targets.", aliases=("lt",))
opt("dag", "789", {"anyOf": [BOOL(), {"type": "string", "enum": ["dot", "mermaid-js"]}]}, "Print the job graph (dot or mermaid) instead of running.")
opt("rulegraph", "789", {"anyOf": [BOOL(), {"type": "string", "enum": ["dot", "mermaid-js"]}]}, "Print the graph of rules (not jobs) instead of running.")
opt("filegraph", "789", BOOL(), "Print the graph of rules with their input and output files.")
opt("d3dag", "789", BOOL(), "Print the job graph in D3.js-compatible JSON.")
opt("summary", "789", BOOL(), "Print a table of output files and their status.")
opt("detailed-summary", "789", BOOL(), "Like `summary`, with the input files and shell command of each output.")
opt("archive", "789", STR(), "Pack the workflow, its code and its inputs into a tarball.")
opt("cleanup-metadata", "789", LIST(), "Remove Snakemake's metadata records for these files.", aliases=("cm",))
opt("cleanup-shadow", "789", BOOL(), "Delete leftover shadow directories.")
opt("skip-script-cleanup", "789", BOOL(), "Keep the temporary scripts Snakemake writes for `script:` rules.")
opt("unlock", "789", BOOL(), "Remove a stale lock left by a killed Snakemake process.")
opt("list-changes", "89", {"type": "string", "enum": ["input", "code", "params"]}, "List output files whose input, code or params changed since they were made.", aliases=("lc",))
opt("list-code-changes", "7", BOOL(), "List output files whose rule code changed since they were made.")
opt("list-version-changes", "7", BOOL(), "List output files whose rule version changed.", aliases=("lv",))
opt("list-input-changes", "789", BOOL(), "List output files whose input files changed.", aliases=("li",))
opt("list-params-changes", "789", BOOL(), "List output files whose params changed.", aliases=("lp",))
opt("list-untracked", "789", BOOL(), "List files in the working directory that no rule produces or uses.", aliases=("lu",))
opt("delete-all-output", "789", BOOL(), "Delete every output file of the workflow.")
opt("delete-temp-output", "789", BOOL(), "Delete the workflow's temporary (temp()) output files.")
opt("keep-incomplete", "789", BOOL(), "Keep output of failed jobs instead of deleting it.")
opt("drop-metadata", "789", BOOL(), "Do not record metadata for the output files.")
opt("printshellcmds", "789", BOOL(), "Print the shell command of each job as it starts.", default=False)
opt("debug-dag", "789", BOOL(), "Print how wildcards and inputs were resolved while building the DAG.")
opt("nocolor", "789", BOOL(), "Do not colour the log output.")
opt("quiet", "789", LENUM(["progress", "rules", "all", "host", "reason"]), "Which kinds of messages to suppress (v7 accepts progress, rules, all).", examples=[["progress"]])
opt("print-compilation", "789", BOOL(), "Print the Python code the Snakefile compiles to.")
opt("verbose", "789", BOOL(), "Print debugging output.")
opt("force-use-threads", "789", BOOL(), "Run local jobs in threads instead of processes.")
opt("allow-ambiguity", "789", BOOL(), "When several rules can make a file, pick one silently instead of failing.")
opt("nolock", "789", BOOL(), "Do not lock the working directory (risky if two runs share it).")
opt("ignore-incomplete", "789", BOOL(), "Do not check for incomplete output files.", aliases=("ii",))
opt("max-inventory-time", "789", INT(0), "Seconds to spend indexing existing files per directory.", default=20)
opt("trust-io-cache", "9", BOOL(), "Trust the cached file inventory from a previous dry run.")
opt("max-checksum-file-size", "9", {"anyOf": [{"type": "integer"}, {"type": "string"}]}, "Compute checksums only for files smaller than this (bytes or with a unit).", default=1000000)
opt("latency-wait", "789", INT(0), "Seconds to wait for a job's output files to appear; raise it on shared file systems where files show up late on the submit host.", aliases=("output-wait",), default=5, examples=[60])
opt("wait-for-free-local-storage", "9", STR(), "Wait until this much local storage is free before retrieving storage files.")
opt("wait-for-files", "789", LIST(), "Files a job waits for before starting (set by Snakemake itself on remote jobs).")
opt("wait-for-files-file", "789", STR(), "File listing the files to wait for.")
opt("runtime-source-cache-path", "9", STR(), "Where workflow sources are cached at runtime.")
opt("queue-input-wait-time", "89", INT(0), "Seconds between checks of queue inputs.", default=10)
opt("omit-flags", "9", LIST(), "Output flags (such as temp or protected) to ignore.")
opt("notemp", "789", BOOL(), "Keep files marked temp() instead of deleting them.", aliases=("no-temp", "nt"))
opt("all-temp", "789", BOOL(), "Treat every output file as temporary (for tests).")
opt("unneeded-temp-files", "89", LIST(), "Temp files that may be deleted right away (set by Snakemake itself).")
opt("keep-storage-local-copies", "89", BOOL(), "Keep the local copies of files fetched from storage plugins.")
opt("not-retrieve-storage", "9", BOOL(), "Do not download input files from storage; assume they are present.")
opt("target-files-omit-workdir-adjustment", "89", BOOL(), "Do not adjust target paths relative to the working directory.")
opt("allowed-rules", "789", LIST(), "Only these rules may run (used internally for remote jobs).")
opt("max-jobs-per-timespan", "89", {"type": "string", "pattern": "^\\d+/\\d*(ms|s|m|h)$"}, "Submission rate limit, as COUNT/TIMESPAN, e.g. `100/1s`; protects the scheduler from bursts.", default="100/1s", examples=["20/1s"])
opt("max-jobs-per-second", "789", NUM(), "Older rate limit: at most this many job submissions per second.", examples=[10])
opt("max-status-checks-per-second", "789", NUM(), "At most this many job status queries per second, to spare the scheduler.", default=10)
opt("seconds-between-status-checks", "89", INT(0), "Seconds between two rounds of job status checks.", default=10)
opt("retries", "789", INT(0), "How many times a failed job is retried; each retry raises `attempt`, which resource callables can use to ask for more.", aliases=("restart-times",), default=0, examples=[2])
opt("wrapper-prefix", "789", STR(), "Where `wrapper:` directives fetch wrappers from (a URL or local path).")
opt("default-storage-provider", "89", STR(), "Storage plugin used for all inputs and outputs (e.g. s3, fs).")
opt("default-storage-prefix", "89", STR(), "Prefix (bucket, path) put before every file when the default storage provider is used.")
opt("local-storage-prefix", "89", STR(), "Local directory where storage-plugin files are kept.", default=".snakemake/storage")
opt("remote-job-local-storage-prefix", "89", STR(), "Local storage directory on the execution nodes.", default=".snakemake/storage")
opt("shared-fs-usage", "89", LENUM(["input-output", "persistence", "software-deployment", "source-cache", "sources", "storage-local-copies", "software-deployment-cache", "none"]),
    "What the submit host and the compute nodes share through the file system; on a normal HPC cluster leave it at the default (everything).")
opt("no-hooks", "789", BOOL(), "Do not run the onstart/onsuccess/onerror handlers.")
opt("debug", "789", BOOL(), "Allow breakpoints in run: blocks (forces local, single-core execution).")
opt("runtime-profile", "789", STR(), "Write a Python profile of Snakemake itself to this file.")
opt("local-groupid", "789", STR(), "Name of the local group (internal).", default="local")
opt("attempt", "789", INT(1), "Attempt number (set by Snakemake for remote jobs).", default=1)
opt("show-failed-logs", "789", BOOL(), "Print the log files of failed jobs at the end.")
opt("logger", "9", LIST(), "Logger plugins to use.")
opt("log-handler-script", "78", STR(), "Python file with a log handler function.")
opt("log-service", "78", ENUM(["none", "slack", "wms"]), "Send log messages to this service.")
opt("wms-monitor", "78", STR(), "Address of a panoptes-style workflow monitor.")
opt("wms-monitor-arg", "78", KV("Argument value.", pattern="^[^=]+="), "Extra arguments for the workflow monitor.")
opt("job-deploy-sources", "89", BOOL(), "Deploy the workflow sources into remote jobs.")
opt("benchmark-extended", "89", BOOL(), "Record extra columns in benchmark files.")
opt("persistence-backend", "9", ENUM(["file", "db"]), "Where Snakemake stores job metadata.", default="file")
opt("persistence-backend-db-url", "9", STR(), "Database URL for the `db` persistence backend.")
opt("container-image", "789", STR(), "Container image with Snakemake used for jobs on cloud executors.")
opt("immediate-submit", "789", BOOL(), "Submit all jobs at once and let the cluster handle dependencies (needs a special submit script).", aliases=("is",))
opt("jobscript", "789", STR(), "Template for the job script submitted to the cluster.", aliases=("js",))
opt("jobname", "789", STR(), "Pattern of the job script and job names; may use {name}, {jobid}, {rulename}.", aliases=("jn",), default="snakejob.{name}.{jobid}.sh")
opt("software-deployment-method", "89", LENUM(["conda", "apptainer", "env-modules"]), "How rules get their software: conda environments, Apptainer containers or environment modules.",
    aliases=("deployment-method", "deployment", "sdm"), examples=[["conda", "apptainer"]])
opt("container-cleanup-images", "89", BOOL(), "Delete container images no longer used by the workflow.")
opt("cleanup-containers", "7", BOOL(), "Delete container images no longer used by the workflow.")
opt("use-conda", "789", BOOL(), "Build and use the conda environments given in rules (`conda:`).")
opt("conda-not-block-search-path-envvars", "789", BOOL(), "Do not unset variables such as R_LIBS and PYTHONPATH inside conda environments.")
opt("list-conda-envs", "789", BOOL(), "List the conda environments of the workflow.")
opt("conda-prefix", "789", STR(), "Directory where conda environments are created; put it on a shared file system so nodes can reuse them.", examples=["/shared/conda-envs"])
opt("conda-cleanup-envs", "789", BOOL(), "Delete conda environments no longer used by the workflow.")
opt("conda-cleanup-pkgs", "789", {"type": "string", "enum": ["tarballs", "cache"]}, "Clean up conda packages after creating environments.")
opt("conda-create-envs-only", "789", BOOL(), "Only create the conda environments, then stop.")
opt("conda-frontend", "789", ENUM(["conda", "mamba"]), "Program used to create conda environments.", examples=["conda"])
opt("use-apptainer", "89", BOOL(), "Run rules that declare `container:` inside Apptainer/Singularity.", aliases=("use-singularity",))
opt("use-singularity", "7", BOOL(), "Run rules that declare `singularity:`/`container:` inside Singularity.")
opt("apptainer-prefix", "89", STR(), "Directory where container images are stored; share it between nodes.", aliases=("singularity-prefix",))
opt("singularity-prefix", "7", STR(), "Directory where Singularity images are stored.")
opt("apptainer-args", "89", STR(), "Extra arguments for `apptainer exec`, e.g. bind mounts for scratch.", aliases=("singularity-args",), examples=["--bind /scratch"])
opt("singularity-args", "7", STR(), "Extra arguments for `singularity exec`.")
opt("use-envmodules", "789", BOOL(), "Load the environment modules given in rules (`envmodules:`) before running them.")
opt("deploy-sources", "89", {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 2}, "Internal: query and checksum of the sources archive to deploy.")
opt("target-jobs", "789", LIST(), "Internal: jobs to run, used for remote jobs.")
opt("mode", "789", {"anyOf": [{"type": "string", "enum": ["default", "subprocess", "remote"]}, {"type": "integer"}]}, "Internal execution mode; do not set it in a profile.")
# ---- v7 cluster and cloud options (removed in v8: replaced by executor plugins)
opt("cluster", "7", STR(), "Snakemake 7: command used to submit each job, e.g. `sbatch --partition={resources.partition} --time={resources.runtime}`; in Snakemake 8 use `executor: cluster-generic` with `cluster-generic-submit-cmd`, or `executor: slurm`.", examples=["sbatch --parsable --partition={resources.partition} --cpus-per-task={threads} --mem={resources.mem_mb} --time={resources.runtime}"])
opt("cluster-sync", "7", STR(), "Snakemake 7: like `cluster`, for a submit command that blocks until the job finishes (e.g. `sbatch --wait`).")
opt("cluster-status", "7", STR(), "Snakemake 7: script that prints `success`, `running` or `failed` for a job id printed by the submit command.", examples=["status-sacct.sh"])
opt("cluster-cancel", "7", STR(), "Snakemake 7: command that cancels jobs when Snakemake is interrupted, e.g. `scancel`.", examples=["scancel"])
opt("cluster-cancel-nargs", "7", INT(1), "Snakemake 7: how many job ids are passed to one call of the cancel command.", default=1000)
opt("cluster-sidecar", "7", STR(), "Snakemake 7: long-running helper started next to Snakemake, e.g. to batch status queries.")
opt("cluster-config", "7", LIST(), "Snakemake 7 (deprecated already there): YAML/JSON file with per-rule cluster settings; use resources instead.")
opt("drmaa", "7", STR(), "Snakemake 7: submit through DRMAA with these extra arguments.")
opt("drmaa-log-dir", "7", STR(), "Snakemake 7: directory for DRMAA job logs.")
opt("slurm", "7", BOOL(), "Snakemake 7.19+: run jobs on SLURM with the built-in executor (Snakemake 8: `executor: slurm`).")
opt("slurm-jobstep", "7", BOOL(), "Snakemake 7: internal flag used inside SLURM jobs.")
opt("kubernetes", "7", STR(), "Snakemake 7: run jobs on Kubernetes in this namespace.")
opt("k8s-cpu-scalar", "7", NUM(), "Snakemake 7: fraction of a node's CPUs Kubernetes jobs may request.")
opt("k8s-service-account-name", "7", STR(), "Snakemake 7: Kubernetes service account for jobs.")
opt("tibanna", "7", BOOL(), "Snakemake 7: run jobs on AWS with Tibanna.")
opt("tibanna-sfn", "7", STR(), "Snakemake 7: Tibanna step function name.")
opt("tibanna-config", "7", LIST(), "Snakemake 7: extra Tibanna settings.")
opt("google-lifesciences", "7", BOOL(), "Snakemake 7: run jobs with the Google Life Sciences API.")
opt("google-lifesciences-regions", "7", LIST(), "Snakemake 7: Google Cloud regions to use.")
opt("google-lifesciences-location", "7", STR(), "Snakemake 7: Google Cloud location.")
opt("google-lifesciences-keep-cache", "7", BOOL(), "Snakemake 7: keep the source cache in the bucket.")
opt("google-lifesciences-service-account-email", "7", STR(), "Snakemake 7: service account for jobs.")
opt("google-lifesciences-network", "7", STR(), "Snakemake 7: network for jobs.")
opt("google-lifesciences-subnetwork", "7", STR(), "Snakemake 7: subnetwork for jobs.")
opt("tes", "7", STR(), "Snakemake 7: URL of a GA4GH TES server to send jobs to.")
opt("az-batch", "7", BOOL(), "Snakemake 7: run jobs on Azure Batch.")
opt("az-batch-enable-autoscale", "7", BOOL(), "Snakemake 7: let Azure Batch autoscale the pool.")
opt("az-batch-account-url", "7", STR(), "Snakemake 7: Azure Batch account URL.")
opt("flux", "78", BOOL(), "Run jobs with the Flux scheduler (built-in until 8; a plugin in 9).")
opt("default-remote-provider", "7", ENUM(["S3", "GS", "FTP", "SFTP", "S3Mocked", "gfal", "gridftp", "iRODS", "AzBlob", "XRootD"]), "Snakemake 7: remote provider for all files (Snakemake 8: storage plugins).")
opt("default-remote-prefix", "7", STR(), "Snakemake 7: prefix for remote files.")
opt("keep-remote", "7", BOOL(), "Snakemake 7: keep local copies of remote files.")
opt("keep-target-files", "7", BOOL(), "Snakemake 7: do not adjust target file paths.")
opt("no-shared-fs", "7", BOOL(), "Snakemake 7: the nodes do not share a file system with the submit host.")
opt("reason", "7", BOOL(), "Snakemake 7: print why each job runs (Snakemake 8 always does).")
opt("stats", "7", STR(), "Snakemake 7: write run-time statistics to this JSON file.")
opt("gui", "7", STR(), "Snakemake 7: start the web GUI on this port.")
opt("bash-completion", "7", BOOL(), "Snakemake 7: print the bash completion script.")
opt("overwrite-shellcmd", "7", STR(), "Snakemake 7: replace every rule's shell command (debugging).")

# ---- SLURM executor plugin settings (snakemake-executor-plugin-slurm); `since` is the plugin version
PLUGIN = {}
def popt(name, since, schema, desc, **extra):
    PLUGIN[name] = (since, schema, desc, extra)
popt("slurm-logdir", "0.12.0", STR(), "Directory for the SLURM log files of jobs (default: .snakemake/slurm_logs in the working directory).", examples=["logs/slurm"])
popt("slurm-keep-successful-logs", "0.12.0", BOOL(), "Keep the SLURM log files of jobs that succeeded; by default only failed jobs' logs are kept.", default=False)
popt("slurm-delete-logfiles-older-than", "0.12.0", INT(), "Delete SLURM log files older than this many days at the start of a run; 0 or less keeps them all.", default=10)
popt("slurm-init-seconds-before-status-checks", "0.8.0", INT(1), "Seconds to wait after submitting before the first status query.", default=40)
popt("slurm-requeue", "0.11.0", BOOL(), "Submit jobs with `--requeue` so that SLURM itself re-queues jobs that fail or are preempted.", default=False)
popt("slurm-no-account", "1.0.1", BOOL(), "Submit without any `--account`, for clusters that have no accounts.", default=False)
popt("slurm-status-attempts", "1.1.0", INT(1), "How many failed status queries are tolerated before Snakemake gives up on the jobs.", default=5)
popt("slurm-reservation", "1.4.0", STR(), "Submit all jobs into this SLURM reservation (`--reservation`).", slurm="reservation")
popt("slurm-efficiency-report", "1.5.0", BOOL(), "At the end of the run, write a CSV report of how much of the requested CPU and memory each job used.", default=False)
popt("slurm-efficiency-report-path", "1.5.0", STR(), "Where the efficiency report is written (default: the working directory).")
popt("slurm-efficiency-threshold", "1.5.0", NUM(), "Jobs that used less than this fraction of their request are flagged in the efficiency report.", default=0.8)
popt("slurm-qos", "1.7.0", STR(), "Quality of service for all jobs (`--qos`).", slurm="qos")
popt("slurm-partition-config", "2.0.0", STR(), "YAML file describing partition limits; each job is then sent to the best-fitting partition automatically.")
popt("slurm-status-command", "2.0.1", {"type": "string", "enum": ["sacct", "squeue"]}, "Command used to query job states; `squeue` needs a large enough MinJobAge on the cluster.")
popt("slurm-pass-command-as-script", "2.1.0", BOOL(), "Feed the job command to sbatch as a script on standard input instead of on the command line (for clusters with a short command-line limit).", default=False)
popt("slurm-jobname-prefix", "2.2.0", {"type": "string", "pattern": "^[A-Za-z0-9_-]{0,50}$"}, "Text put in front of every job name; letters, digits, `_` and `-`, at most 50 characters.")
popt("slurm-exclude-failed-nodes", "2.3.0", STR(), "Comma-separated nodes to keep jobs away from (`--exclude`).", slurm="exclude")
popt("slurm-array-jobs", "2.6.0", STR(), "Rules (comma-separated, or `all`) whose jobs are submitted together as SLURM job arrays.", examples=["all", "simulate,plot"])
popt("slurm-array-limit", "2.6.0", INT(1), "Largest number of tasks in one array submission; stay below the cluster's MaxArraySize.", default=1000)
# cluster-generic executor plugin
popt("cluster-generic-submit-cmd", "0.1.0", STR(), "Command that submits one job script and prints its job id, with {resources.x}, {threads}, {rule} placeholders, e.g. `sbatch --parsable ...`.", examples=["sbatch --parsable --partition={resources.slurm_partition} --cpus-per-task={threads} --mem={resources.mem_mb} --time={resources.runtime} --output=logs/{rule}/%j.out"])
popt("cluster-generic-status-cmd", "0.1.0", STR(), "Script called with a job id that prints `success`, `running` or `failed`.")
popt("cluster-generic-cancel-cmd", "0.1.0", STR(), "Command that cancels the given job ids when Snakemake is stopped, e.g. `scancel`.", examples=["scancel"])
popt("cluster-generic-cancel-nargs", "0.1.0", INT(1), "How many job ids are passed to one call of the cancel command.", default=20)
popt("cluster-generic-sidecar-cmd", "0.1.0", STR(), "Long-running helper started next to Snakemake, e.g. to batch status queries.")

# ---- resources Snakemake core and the SLURM plugin understand
RES_DOC = "https://snakemake.readthedocs.io/en/stable/snakefiles/rules.html#resources"
def RVAL(kind):
    expr = {"type": "string", "description": "A value or a Python expression evaluated per job (may use input, attempt, threads, wildcards)."}
    if kind == "int":
        return {"anyOf": [{"type": "integer", "minimum": 0}, expr]}
    if kind == "num":
        return {"anyOf": [{"type": "number", "minimum": 0}, expr]}
    if kind == "bool":
        return {"anyOf": [{"type": "boolean"}, expr]}
    return {"type": ["string", "number"]}
RESOURCES = {
    "runtime": ("int", "Walltime of each job in minutes, or a string with a unit such as `2h` or `90m`; the SLURM plugin turns it into `--time`.", [720, "12h"], None),
    "mem_mb": ("int", "Memory per job in megabytes; the SLURM plugin requests it with `--mem`.", [16000], None),
    "mem": ("str", "Memory per job with a unit, e.g. `16GB`; an alternative to mem_mb.", ["16GB"], None),
    "mem_mib": ("int", "Memory per job in mebibytes.", [15259], None),
    "mem_mb_per_cpu": ("int", "Memory per CPU in megabytes (`--mem-per-cpu`); use instead of mem_mb, not with it.", [4000], None),
    "disk_mb": ("int", "Scratch disk space per job in megabytes.", [10000], None),
    "disk": ("str", "Disk space per job with a unit, e.g. `10GB`.", ["10GB"], None),
    "disk_mib": ("int", "Disk space per job in mebibytes.", [9537], None),
    "tmpdir": ("str", "Temporary directory for the job; Snakemake sets $TMPDIR to it.", ["/scratch/$USER"], None),
    "slurm_partition": ("str", "SLURM partition the jobs are submitted to (`--partition`).", ["compute"], "partition"),
    "slurm_account": ("str", "SLURM account charged for the jobs (`--account`); without it the plugin tries to guess one.", ["proj-genomics"], "account"),
    "slurm_cluster": ("str", "Cluster(s) of a multi-cluster setup to submit to (`--clusters`); `cluster` and `clusters` are accepted too.", ["cluster2"], "clusters"),
    "clusters": ("str", "Cluster(s) of a multi-cluster setup to submit to (`--clusters`).", ["cluster2"], "clusters"),
    "cluster": ("str", "Cluster of a multi-cluster setup to submit to (`--clusters`).", ["cluster2"], "clusters"),
    "cpus_per_task": ("int", "CPUs per task (`--cpus-per-task`); for ordinary multithreaded rules `threads` is the better way.", [8], "cpus-per-task"),
    "tasks": ("int", "Number of tasks (MPI ranks) for the job (`--ntasks`).", [64], "ntasks"),
    "tasks_per_node": ("int", "Tasks per node (`--ntasks-per-node`).", [32], "ntasks-per-node"),
    "nodes": ("int", "Number of nodes (`--nodes`); passed only when set.", [2], "nodes"),
    "mpi": ("str", "Launcher used for `{resources.mpi}` in MPI rules, e.g. `srun` or `mpiexec`.", ["srun"], None),
    "constraint": ("str", "Node features required (`--constraint`), e.g. `haswell` or `gpu&bigmem`.", ["skylake"], "constraint"),
    "qos": ("str", "Quality of service for the job (`--qos`).", ["long"], "qos"),
    "gpu": ("int", "Number of GPUs per job; the SLURM plugin requests them with `--gpus` (with gpu_model if set).", [1], None),
    "gpu_model": ("str", "GPU model to ask for together with `gpu`, e.g. `a100`.", ["a100"], None),
    "gres": ("str", "Generic resources passed to `--gres`, e.g. `gpu:a100:2`; use either gres or gpu.", ["gpu:a100:2"], "gres"),
    "cpus_per_gpu": ("int", "CPUs per GPU (`--cpus-per-gpu`); zero or less leaves the CPU request to the cluster default.", [8], "cpus-per-gpu"),
    "tasks_per_gpu": ("int", "Tasks per GPU (`--ntasks-per-gpu`); zero or less leaves it unset.", [1], "ntasks-per-gpu"),
    "slurm_extra": ("str", "Further sbatch options as one string, e.g. `--mail-type=FAIL --exclusive`; options the plugin sets itself (partition, account, time, memory, CPUs, job name, output) are refused.", ["--mail-type=FAIL --mail-user=me@example.org"], "*"),
    "slurm_requeue": ("bool", "Requeue this job with SLURM's own mechanism when it fails (`--requeue`).", [True], None),
}

def resource_map(desc, examples):
    return {"$ref": "#/$defs/resources", "description": desc, "examples": examples}

def resources_def():
    props = {}
    for name, (kind, rdesc, ex, slurm) in RESOURCES.items():
        s = RVAL(kind)
        props[name] = P(rdesc, s, examples=ex, slurm=slurm, docs=SLURM if name.startswith("slurm") or slurm else RES_DOC)
    return {"type": "object", "description": "Resources a job requests, by name: Snakemake's standard ones and those the SLURM executor plugin turns into sbatch options.", "properties": props,
            "additionalProperties": {"type": ["string", "number", "boolean"], "description": "A custom resource; rules can use it in their commands and it counts against `resources` limits."}}

def main():
    props = {}
    for name, (vers, schema, desc, aliases, extra) in OPTS.items():
        since, removed = VERS[vers]
        if name == "default-resources":
            schema = {"anyOf": [
                resource_map("Default resources as a mapping from resource name to value.", [{"slurm_partition": "compute", "slurm_account": "proj-genomics", "runtime": 60, "mem_mb": 4000}]),
                {"type": "array", "items": {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*="}, "description": "Default resources as NAME=VALUE strings, as on the command line."}]}
        if name == "set-resources":
            schema = {"anyOf": [
                {"type": "object", "description": "Rule name to the resources that rule requests.",
                 "additionalProperties": resource_map("Resources for this rule.", [{"runtime": 720, "mem_mb": 64000, "cpus_per_task": 16}]),
                 "x-snippet": {"label": "resources for a rule", "namePlaceholder": "rule_name",
                               "body": "slurm_partition: ${2:compute}\nruntime: ${3:60}\nmem_mb: ${4:4000}\ncpus_per_task: ${5:1}"}},
                {"type": "array", "items": {"type": "string", "pattern": "^[^:=]+:[A-Za-z_][A-Za-z0-9_]*="}, "description": "RULE:RESOURCE=VALUE strings, as on the command line."}]}
        docs = extra.pop("docs", CLI)
        s = P(desc, schema, since=since, removed=removed, docs=docs, **extra)
        props[name] = s
        for a in aliases:
            props[a] = dict(s, description="Same as `%s`. %s" % (name, desc))
    for name, (since, schema, desc, extra) in PLUGIN.items():
        plugin = "slurm" if name.startswith("slurm-") else "cluster-generic"
        s = P(desc, schema, docs=SLURM if plugin == "slurm" else GENERIC, **extra)
        s["x-plugin"] = {"name": "snakemake-executor-plugin-" + plugin, "since": since}
        props[name] = s
    body = {
        "type": "object",
        "properties": dict(sorted(props.items())),
        "$defs": dict(DEFS, resources=resources_def()),
        "propertyNames": {"pattern": "^(--)?[a-z0-9]+(-[a-z0-9]+)*$", "description": "Snakemake reads each key as a long option name: lowercase words joined by `-` (not `_`)."},
        "x-unknown-keys": "warning",
        "x-plugin-prefixes": ["storage-", "report-", "logger-", "scheduler-", "kubernetes-", "googlebatch-", "lsf-", "flux-", "aws-batch-", "azure-batch-", "tes-", "drmaa-", "pcluster-", "slurm-jobstep-", "cluster-sync-"],
        "examples": [{"executor": "slurm", "jobs": 100, "default-resources": {"slurm_account": "proj-genomics", "slurm_partition": "compute", "runtime": 60, "mem_mb": 4000}}],
    }
    s = root("snakemake-profile", "Snakemake profile (config.yaml)",
             "A Snakemake profile: every key is a command-line option written without the leading dashes, with the value it would take on the command line. Covers Snakemake 7, 8 and 9 and the SLURM and cluster-generic executor plugins.",
             body, docs="https://snakemake.readthedocs.io/en/stable/executing/cli.html#profiles")
    write("snakemake-profile", s)

if __name__ == "__main__":
    main()
