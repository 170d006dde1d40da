"""Maestro study specification and Merlin (Maestro + merlin block) schemas."""
from common import *

MDOC = "https://maestrowf.readthedocs.io/en/latest/Maestro/specification.html"
MERDOC = "https://merlin.readthedocs.io/en/latest/user_guide/specification/"

def count(desc, minimum=1, **kw):
    return P(desc, {"anyOf": [{"type": "integer", "minimum": minimum}, {"type": "string", "pattern": TOKEN, "description": "A token such as `$(NODES)` replaced by a variable or parameter."}]}, **kw)

def nonempty(desc, **kw):
    return P(desc, {"type": "string", "minLength": 1}, **kw)

def walltime(desc, **kw):
    return P(desc, {"anyOf": [{"type": "string", "minLength": 1}, {"type": "integer", "minimum": 0}]}, slurm="time", examples=["02:00:00"], **kw)

def study_description(merlin):
    docs = (MERDOC + "#the-description-block") if merlin else (MDOC + "#description-description")
    return obj("Name and purpose of the study; other keys are allowed for your own documentation.", {
        "name": nonempty("Name of the study; the output directory is named after it (with a timestamp).", examples=["surrogate_ensemble" if merlin else "lulesh_size_sweep"]),
        "description": nonempty("What the study is for.", examples=["Simulation ensemble and surrogate training." if merlin else "Sweep of LULESH problem size and iteration count."])},
        required=["name", "description"], docs=docs)

def env_block(merlin):
    docs = (MERDOC + "#the-env-block") if merlin else (MDOC + "#environment-env")
    var_value = {"anyOf": [{"type": "string", "minLength": 1}, {"type": "number"}] + ([{"type": "array"}] if merlin else [])}
    props = {
        "variables": P("Fixed values substituted as `$(NAME)` into steps, labels and dependencies; `OUTPUT_PATH` sets where study outputs go.",
                       {"type": "object", "additionalProperties": dict(var_value, description="The variable's value (an empty string is refused)."), "propertyNames": {"minLength": 1}},
                       examples=[{"OUTPUT_PATH": "./sample_output/lulesh", "SIZE_MAX": 100}], docs=docs),
        "labels": P("Named strings that may themselves use variables and parameter labels, e.g. `outfile: $(SIZE.label).log`.", {"type": "object", "additionalProperties": {"type": ["string", "number"]}}, docs=docs),
        "sources": P("Scripts or settings sourced into the environment (reserved; Maestro does not act on it yet).", {"type": "array"}),
        "dependencies": obj("Things that must be fetched or present before the study starts; each is usable as a `$(name)` token.", {
            "paths": P("Paths that must exist before the study launches.", {"type": "array", "items": obj("A path dependency.", {
                "name": nonempty("Token name for the path.", examples=["LULESH_SRC"]),
                "path": nonempty("The path that must exist.", examples=["/usr/workspace/lulesh"])}, required=["name", "path"], additional=False)}),
            "git": P("Repositories cloned before the study launches.", {"type": "array", "items": obj("A git dependency.", {
                "name": nonempty("Token name for the clone.", examples=["LULESH"]),
                "path": nonempty("Directory to clone into (the repository goes in a subdirectory named after `name`).", examples=["$(OUTPUT_PATH)"]),
                "url": nonempty("Repository URL.", examples=["https://github.com/LLNL/LULESH.git"]),
                "tag": nonempty("Tag or branch to check out after cloning.")}, required=["name", "path", "url"], unknown="warning")}),
            "spack": obj("A Spack package dependency (experimental in Maestro).", {
                "name": nonempty("Token name."), "type": P("Kind of dependency.", {"type": "string"}), "package_name": nonempty("Spack package name.")},
                required=["type", "package_name"], unknown="warning")},
            unknown="warning", docs=docs)}
    return obj("Variables, labels and dependencies shared by all steps.", props, additional=None if merlin else False, unknown="warning" if merlin else None, docs=docs)

def maestro_batch():
    props = {
        "type": P("Scheduler that runs the steps: `local`, `slurm`, `lsf` or `flux`.", {"type": "string", "enum": ["local", "slurm", "lsf", "flux"]}, default="local", examples=["slurm"]),
        "host": nonempty("Name of the cluster the study runs on (required for slurm and lsf).", examples=["quartz"]),
        "bank": nonempty("Account charged for the jobs (Slurm `--account`).", slurm="account", examples=["baasic"]),
        "queue": nonempty("Partition or queue the step jobs go to (Slurm `--partition`).", slurm="partition", examples=["pbatch"]),
        "nodes": count("Default node count for step jobs (steps may set their own)."),
        "procs": count("Default task count for step jobs (steps may set their own)."),
        "gpus": P("GPUs per job (Slurm: requested as `--gres=gpu:N`).", {"type": ["string", "integer"]}),
        "reservation": nonempty("Reservation the jobs run in.", slurm="reservation"),
        "qos": nonempty("Quality of service for the jobs.", slurm="qos", examples=["standby"]),
        "shell": nonempty("Shell that runs the generated step scripts.", default="/bin/bash"),
        "flux_uri": nonempty("URI of the Flux instance to submit to (Flux only)."),
        "uri": nonempty("URI of the Flux instance, as read by Maestro's Flux adapter."),
        "version": nonempty("Flux adapter version, to match the broker's API."),
        "args": P("Extra scheduler arguments, name to value (Flux).", {"type": "object"}),
    }
    return obj("Scheduler settings that make the steps portable: which scheduler, cluster, account and partition to use.", props, unknown="warning",
               docs=MDOC + "#batch-batch",
               allOf=[{"if": {"required": ["type"], "properties": {"type": {"enum": ["slurm", "lsf"]}}}, "then": {"required": ["host", "bank", "queue"]}}])

def run_props(merlin):
    p = {
        "cmd": nonempty("Shell commands of the step; may use `$(VAR)`, `$(PARAM)`, `$(LAUNCHER)` and `$(step.workspace)` tokens.", examples=["$(LAUNCHER) $(LULESH)/lulesh2.0 -s $(SIZE) -i $(ITERATIONS)"]),
        "depends": P("Steps that must finish first; a `_*` suffix (e.g. `run-sim_*`) waits for every parameter combination of that step.", {"type": "array", "items": {"type": "string", "minLength": 1}, "uniqueItems": True}, examples=[["make-lulesh"], ["run-lulesh_*"]]),
        "pre": nonempty("Commands run before `cmd`."),
        "post": nonempty("Commands run after `cmd`."),
        "restart": nonempty("Commands run instead of `cmd` when the step is restarted, e.g. after hitting its walltime."),
        "nodes": count("Nodes for this step's job; also used by `$(LAUNCHER)`.", slurm="nodes"),
        "procs": count("Tasks (processes) for this step; used by `$(LAUNCHER)`.", slurm="ntasks"),
        "gpus": count("GPUs for this step.", minimum=0),
        "cores per task": count("Cores per task (Slurm `-c`)."),
        "tasks per rs": count("Tasks per resource set (LSF jsrun)."),
        "rs per node": count("Resource sets per node (LSF jsrun)."),
        "cpus per rs": count("CPUs per resource set (LSF jsrun)."),
        "bind": nonempty("Task binding (LSF jsrun `-b`)."),
        "bind gpus": nonempty("GPU binding (LSF jsrun)."),
        "walltime": walltime("Time limit of the step's job, e.g. `01:30:00`; overrides the batch block."),
        "reservation": nonempty("Reservation for this step; overrides the batch block.", slurm="reservation"),
        "exclusive": P("Ask for whole nodes for this step.", {"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": TOKEN}]}),
        "nested": P("Run the step inside a nested scheduler instance (Flux).", {"type": "boolean"}),
        "waitable": P("Run the step as a waitable job (Flux).", {"type": "boolean"}),
        "priority": P("Scheduling priority: a named level or a number from 0 to 1.", {"anyOf": [{"type": "string", "enum": ["HELD", "MINIMAL", "LOW", "MEDIUM", "HIGH", "EXPEDITED", "held", "minimal", "low", "medium", "high", "expedited", "Held", "Minimal", "Low", "Medium", "High", "Expedited"]}, {"type": "number", "minimum": 0, "maximum": 1}]}),
        "qos": nonempty("Quality of service for this step; overrides the batch block.", slurm="qos"),
    }
    if merlin:
        p.update({
            "task_queue": nonempty("Celery queue the step's tasks are sent to; workers pick up tasks from the queues of their steps.", default="merlin", examples=["sim_queue"]),
            "shell": nonempty("Interpreter for `cmd`, e.g. `/bin/bash` or `/usr/bin/env python3`.", default="/bin/bash"),
            "max_retries": P("How often the step is retried after a `$(MERLIN_RETRY)` exit or a soft failure.", {"type": "integer", "minimum": 1}, default=30),
            "retry_delay": P("Seconds to wait before a retry.", {"type": "integer", "minimum": 0}),
            "batch": obj("Overrides the batch block for this step.", {"type": P("Scheduler for this step.", {"type": "string", "minLength": 1})}, unknown="warning"),
            "slurm": nonempty("Extra flags added verbatim to the `srun` launch of this step.", slurm="*", examples=["--exclusive --mpibind=off"]),
            "flux": nonempty("Extra flags added verbatim to the `flux run` launch of this step."),
            "lsf": nonempty("Extra flags added verbatim to the `jsrun` launch of this step."),
            "gpus per task": P("GPUs per task (Flux and LSF launchers).", {"type": "integer", "minimum": 0}),
            "num resource set": P("Number of resource sets (LSF jsrun `-n`).", {"type": "integer", "minimum": 1}),
            "launch distribution": nonempty("Task distribution for LSF jsrun (`-d`)."),
            "launch_distribution": nonempty("Task distribution for LSF jsrun (`-d`), as spelled in Merlin's key list."),
            "exit_on_error": P("LSF jsrun `-X`: 1 stops on the first error, 0 does not.", {"type": "integer", "enum": [0, 1]}),
        })
    return p

def study_step(merlin):
    docs = (MERDOC + "#the-study-block") if merlin else (MDOC + "#study-study")
    run = obj("What the step runs and the resources its job needs.", run_props(merlin), required=["cmd"],
              additional=None if merlin else False, unknown="warning" if merlin else None,
              docs=(MERDOC + "#the-run-property") if merlin else (MDOC + "#run"))
    return obj("One step of the study.", {
        "name": nonempty("Unique name of the step; other steps depend on it and refer to its directory as `$(name.workspace)`.", examples=["run-lulesh"]),
        "description": nonempty("What the step does."),
        "run": run},
        required=["name", "description", "run"], additional=None if merlin else False, unknown="warning" if merlin else None, docs=docs,
        snippet={"label": "study step", "nameKey": "name", "namePlaceholder": "step-name",
                 "body": "description: ${2:What this step does}\nrun:\n  cmd: |\n    ${3:echo \"hello\"}\n  depends: [${4}]"})

def parameters(merlin):
    docs = (MERDOC + "#the-globalparameters-block") if merlin else (MDOC + "#parameters-globalparameters")
    param = obj("A parameter: its values and how to label them in directory names.", {
        "values": P("One value per study instance; all parameters must list the same number of values (they are combined position by position).", {"type": "array"}, examples=[[10, 20, 30]]),
        "label": nonempty("Label pattern for directory names; `%%` is replaced by the value, e.g. `SIZE.%%`.", examples=["SIZE.%%"])},
        required=["values", "label"], additional=None if merlin else False, unknown="warning" if merlin else None, docs=docs,
        snippet={"label": "parameter", "namePlaceholder": "PARAM", "body": "values: [${2:1, 2, 3}]\nlabel: ${1}.%%"})
    return P("Parameters that expand the study: each step that uses `$(NAME)` runs once per value.", {"type": "object", "additionalProperties": param}, docs=docs)

def merlin_block():
    worker = obj("A Celery worker: which steps' queues it serves and where it runs.", {
        "args": nonempty("Arguments for `celery worker`, e.g. `-l INFO --concurrency 4 --prefetch-multiplier 1 -Ofair`.", examples=["-l INFO --concurrency 36 --prefetch-multiplier 1 -Ofair"]),
        "steps": P("Names of the steps whose task queues this worker serves; `all` means every step.", {"type": "array", "items": {"type": "string"}, "uniqueItems": True}, default=["all"], examples=[["sim_runs"], ["train", "predict"]]),
        "nodes": P("Nodes this worker runs on (default: all nodes of the allocation).", {"anyOf": [{"type": "null"}, {"type": "integer", "minimum": 1}, {"type": "string", "pattern": TOKEN}]}),
        "batch": P("Overrides the batch block for this worker, e.g. run it under Flux or on a different partition.", {"type": ["object", "null"], "if": {"type": "object"}, "then": ref("Batch")}),
        "machines": P("Host names allowed to start this worker; needs an absolute OUTPUT_PATH shared by all of them.", {"type": "array", "items": {"type": "string"}, "uniqueItems": True})},
        unknown="warning", docs=MERDOC + "#resources",
        snippet={"label": "Merlin worker", "namePlaceholder": "worker_name", "body": "args: ${2:-l INFO --concurrency 4 --prefetch-multiplier 1 -Ofair}\nsteps: [${3:all}]"})
    resources = obj("The task server and the workers that run the steps.", {
        "task_server": P("Task server; only `celery` is supported.", {"type": "string", "enum": ["celery"]}, default="celery"),
        "overlap": P("Allow several workers to serve the same queues.", {"type": "boolean"}, default=False),
        "workers": P("Workers by name; each serves the queues of its `steps`.", {"type": "object", "additionalProperties": worker, "minProperties": 1})},
        unknown="warning", docs=MERDOC + "#resources")
    samples = obj("How samples are generated and where they are stored; each sample becomes one task per step that uses its columns.", {
        "generate": obj("How samples are made.", {"cmd": nonempty("Command that writes the samples file, e.g. a Python script sampling the input space.", examples=["python3 $(SPECROOT)/make_samples.py -n $(N_SAMPLES) -outfile=$(MERLIN_INFO)/samples.npy"])}, required=["cmd"], unknown="warning"),
        "file": nonempty("The samples file (.npy, .csv or .tab) written by the generate command.", examples=["$(MERLIN_INFO)/samples.npy"]),
        "column_labels": P("Names of the sample columns, used as `$(NAME)` tokens in steps.", {"type": "array", "items": {"type": "string"}, "uniqueItems": True}, examples=[["X0", "X1"]]),
        "level_max_dirs": P("Most sample directories per level of the sample hierarchy.", {"type": "integer", "minimum": 1}, default=25)},
        unknown="warning", docs=MERDOC + "#samples")
    return obj("Merlin settings: the Celery workers and the samples that drive the ensemble.", {
        "resources": resources,
        "samples": dict(samples, type=["object", "null"], description="Sample generation; leave it out (or null) for a study without samples.")},
        unknown="warning", docs=MERDOC + "#the-merlin-block")

def merlin_batch():
    ns = lambda d, **kw: P(d, {"type": ["string", "null"]}, **kw)
    return obj("Scheduler settings for the workers' allocation and step launches.", {
        "type": P("Scheduler: `local`, `slurm`, `flux`, `lsf` or `pbs`.", {"type": ["string", "null"], "enum": ["local", "slurm", "flux", "lsf", "pbs", None]}, default="local", examples=["slurm"]),
        "bank": ns("Account charged for the allocation (Slurm `--account`).", slurm="account"),
        "queue": ns("Partition or queue of the allocation (Slurm `--partition`).", slurm="partition", examples=["pbatch"]),
        "dry_run": P("Set up the workspaces and scripts without running the commands.", {"type": "boolean"}, default=False),
        "shell": ns("Shell used to run the steps.", default="/bin/bash"),
        "nodes": count("Nodes for all workers unless a worker sets its own.", slurm="nodes"),
        "walltime": walltime("Time limit of the batch allocation that runs the workers (hh:mm:ss, mm:ss or ss)."),
        "launch_pre": ns("Commands run before the parallel launcher (srun, jsrun, ...)."),
        "launch_args": ns("Extra arguments for the parallel launcher."),
        "worker_launch": ns("Replaces the launch command Merlin builds for the workers."),
        "flux_path": ns("Directory containing the flux binary."),
        "flux_start_opts": ns("Options for `flux start`."),
        "flux_exec": ns("Command used to start workers on all nodes when flux_exec_workers is true."),
        "flux_exec_workers": P("Start the workers on every node with flux exec.", {"type": "boolean"})},
        unknown="warning", docs=MERDOC + "#the-batch-block")

def build(merlin):
    docs = MERDOC if merlin else MDOC
    props = {
        "description": study_description(merlin),
        "env": env_block(merlin),
        "batch": ref("Batch"),
        "study": P("The steps of the workflow; at least one.", {"type": "array", "minItems": 1, "items": ref("StudyStep")}, docs=(MERDOC + "#the-study-block") if merlin else (MDOC + "#study-study")),
        "global.parameters": parameters(merlin),
    }
    defs = {"StudyStep": study_step(merlin), "Batch": merlin_batch() if merlin else maestro_batch()}
    if merlin:
        props["merlin"] = merlin_block()
        props["user"] = P("Free-form block for YAML anchors (`&name`) reused elsewhere with `<<: *name`; Merlin ignores its content.", {"type": ["object", "null"]}, docs=MERDOC + "#the-user-block")
    body = {"type": "object", "required": ["description", "study"], "properties": props, "x-unknown-keys": "warning", "$defs": defs}
    if merlin:
        return root("merlin-study", "Merlin study specification",
                    "A Merlin study: the Maestro study blocks (description, env, batch, study, global.parameters) plus the `merlin` block with Celery workers and sample generation, for large ensembles and ML loops.",
                    body, docs=docs)
    return root("maestro-study", "Maestro study specification",
                "A Maestro (maestrowf) study: description, environment, batch settings, steps with their dependencies, and global parameters that expand the steps into a parameter study.",
                body, docs=docs)

if __name__ == "__main__":
    write("maestro-study", build(False))
    write("merlin-study", build(True))
