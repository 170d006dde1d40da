"""CWL v1.2 document schema (v1.0 and v1.1 differences as conditionals on cwlVersion)."""
from common import *
from cwl_types import DOC, CLT, WF, EXPR, if_type, type_family, shared_defs
from cwl_reqs import requirement_defs, V11_CLASSES

OP = DOC + "Workflow.html#Operation"
ET = DOC + "Workflow.html#ExpressionTool"

def param(desc, kind, prefix, *, is_input, extra=None, docs=None, snippet=None):
    props = {
        "id": P("Name of the parameter (in a map it is the key instead).", {"type": "string"}, examples=["reads" if is_input else "sorted_bam"]),
        "label": P("A short human-readable title.", {"type": "string"}),
        "doc": ref("Doc"),
        "type": ref(prefix + "Type"),
        "secondaryFiles": ref("SecondaryFiles"),
        "streamable": P("The file may be read or written as a stream (no seeking).", {"type": "boolean"}, default=False),
        "format": ref("InputFormat" if is_input else "OutputFormat"),
    }
    if is_input:
        props["loadContents"] = ref("LoadContents")
        props["loadListing"] = ref("LoadListing")
        props["default"] = P("Value used when the input is not given; may be a File/Directory object.", {}, examples=[4])
    props.update(extra or {})
    return obj(desc, props, required=["type"], additional=False, ext=True, docs=docs, snippet=snippet)

def collection(desc, param_def, prefix, key="id", docs=None):
    """A list of parameters (each with an id) or a map from id to type shorthand or parameter object."""
    return {"description": desc, "type": ["array", "object"],
            "items": {"type": "object", "$ref": "#/$defs/" + param_def, "required": [key]},
            "additionalProperties": {"description": "The parameter's type (shorthand), or an object describing it.",
                                     "type": ["string", "array", "object"],
                                     "allOf": [if_type("string", ref(prefix + "TypeName")), if_type("object", ref(param_def))],
                                     "items": ref(prefix + "TypeUnionItem")},
            "x-docs-url": docs or (DOC + "Process.html#Process")}

def each_entry(schema):
    """Applies `schema` to every entry of a list or every value of a map."""
    return {"if": {"type": "array"}, "then": {"type": "array", "items": schema},
            "else": {"if": {"type": "object"}, "then": {"type": "object", "additionalProperties": schema}}}

def process_props(inputs_def, outputs_def, cls, docs):
    return {
        "class": P("The kind of process: `%s`." % cls, {"const": cls}, docs=docs),
        "cwlVersion": ref("CWLVersion"),
        "id": P("Identifier of the process; required for each process in a `$graph`, where `#id` refers to it.", {"type": "string"}, examples=["main"]),
        "label": P("A short human-readable title.", {"type": "string"}),
        "doc": ref("Doc"),
        "intent": P("IRIs describing what the process does (e.g. an EDAM operation).", {"type": "array", "items": {"type": "string"}}, since="v1.2", examples=[["http://edamontology.org/operation_3198"]]),
        "inputs": ref(inputs_def),
        "outputs": ref(outputs_def),
        "requirements": ref("Requirements"),
        "hints": ref("Hints"),
        "$namespaces": P("Prefix to namespace IRI, for extension keys and formats, e.g. `edam: http://edamontology.org/`.", {"type": "object", "additionalProperties": {"type": "string"}}, examples=[{"edam": "http://edamontology.org/", "sbg": "https://sevenbridges.com/"}], docs=DOC + "SchemaSalad.html#Explicit_context"),
        "$schemas": P("Ontology files (e.g. EDAM) the formats refer to.", {"type": "array", "items": {"type": "string"}}, examples=[["https://edamontology.org/EDAM_1.25.owl"]]),
    }

def build():
    defs = {}
    defs.update(shared_defs())
    defs.update(type_family("CommandInput", "CommandInput", ["stdin"], True))
    defs.update(type_family("Input", "Input", [], False))
    defs.update(type_family("CommandOutput", "CommandOutput", ["stdout", "stderr"], False))
    defs.update(type_family("Output", "Output", [], False))
    defs.update(requirement_defs())
    defs["CWLVersion"] = P("Version of the CWL standard the document is written in; runners upgrade v1.0 and v1.1 documents internally.", {"enum": ["v1.0", "v1.1", "v1.2"]}, examples=["v1.2"], docs=DOC + "CommandLineTool.html#CWLVersion")
    defs["InputBinding"] = obj("Binding options of a workflow input (only loadContents, kept for v1.0 compatibility).", {"loadContents": P("Read the first 64 KiB of the file into `contents`.", {"type": "boolean"})}, additional=False, ext=True)
    # parameters
    defs["CommandInputParameter"] = param("An input of a command-line tool.", "in", "CommandInput", is_input=True,
        extra={"inputBinding": ref("CommandLineBinding", "How the input appears on the command line; without it the input is available only to expressions.")},
        docs=CLT + "CommandInputParameter",
        snippet={"label": "tool input", "nameKey": "id", "namePlaceholder": "input_name", "body": "type: ${2|File,string,int,boolean,File[],string?|}\ninputBinding:\n  position: ${3:1}\n  prefix: ${4:--flag}"})
    defs["CommandOutputParameter"] = param("An output of a command-line tool.", "out", "CommandOutput", is_input=False,
        extra={"outputBinding": ref("CommandOutputBinding")}, docs=CLT + "CommandOutputParameter",
        snippet={"label": "tool output", "nameKey": "id", "namePlaceholder": "output_name", "body": "type: ${2:File}\noutputBinding:\n  glob: ${3:\"*.out\"}"})
    defs["WorkflowInputParameter"] = param("An input of a workflow or expression tool.", "in", "Input", is_input=True,
        extra={"inputBinding": ref("InputBinding")}, docs=WF + "WorkflowInputParameter",
        snippet={"label": "workflow input", "nameKey": "id", "namePlaceholder": "input_name", "body": "type: ${2|File,string,int,boolean,File[],string?|}\ndoc: ${3:What this input is}"})
    defs["OperationInputParameter"] = param("An input of an abstract Operation.", "in", "Input", is_input=True, docs=WF + "OperationInputParameter", extra={}) 
    defs["ExpressionToolOutputParameter"] = param("An output of an expression tool.", "out", "Output", is_input=False, docs=WF + "ExpressionToolOutputParameter")
    defs["OperationOutputParameter"] = param("An output of an abstract Operation.", "out", "Output", is_input=False, docs=WF + "OperationOutputParameter")
    link_merge = P("How several sources are combined: `merge_nested` makes a list with one entry per source, `merge_flattened` concatenates lists.", {"enum": ["merge_nested", "merge_flattened"]}, default="merge_nested", docs=WF + "LinkMergeMethod")
    pick_value = P("How null values from several (conditional) sources are resolved: first non-null, the only non-null, or all non-null values.", {"enum": ["first_non_null", "the_only_non_null", "all_non_null"]}, since="v1.2", docs=WF + "PickValueMethod")
    defs["WorkflowOutputParameter"] = param("An output of a workflow, connected to step outputs with `outputSource`.", "out", "Output", is_input=False,
        extra={"outputSource": P("Where the value comes from: `step_id/output_id` (or a workflow input id); a list needs MultipleInputFeatureRequirement.", {"type": ["string", "array"], "items": {"type": "string"}}, examples=["sort/sorted_bam"]),
               "linkMerge": link_merge, "pickValue": pick_value},
        docs=WF + "WorkflowOutputParameter",
        snippet={"label": "workflow output", "nameKey": "id", "namePlaceholder": "output_name", "body": "type: ${2:File}\noutputSource: ${3:step/output}"})
    for kind, pdef, prefix in [("CommandInputs", "CommandInputParameter", "CommandInput"), ("CommandOutputs", "CommandOutputParameter", "CommandOutput"),
                               ("WorkflowInputs", "WorkflowInputParameter", "Input"), ("OperationInputs", "OperationInputParameter", "Input"),
                               ("ExpressionToolOutputs", "ExpressionToolOutputParameter", "Output"), ("OperationOutputs", "OperationOutputParameter", "Output"),
                               ("WorkflowOutputs", "WorkflowOutputParameter", "Output")]:
        word = "inputs" if "Input" in kind else "outputs"
        defs[kind] = collection("The process's %s: a list of parameters with `id`, or a map from id to a type or a parameter object." % word, pdef, prefix)
    # steps
    step_in = obj("One input of a step: where its value comes from.", {
        "id": P("Name of the input of the step's process that this feeds.", {"type": "string"}),
        "source": P("Where the value comes from: a workflow input id or `step_id/output_id`; a list needs MultipleInputFeatureRequirement.", {"type": ["string", "array"], "items": {"type": "string"}}, examples=["reads", "align/bam"]),
        "linkMerge": link_merge, "pickValue": pick_value,
        "loadContents": ref("LoadContents"), "loadListing": ref("LoadListing"),
        "label": P("A short human-readable title.", {"type": "string"}),
        "default": P("Value used when the source is missing or null.", {}),
        "valueFrom": P("Expression computing the value (`self` is the source value); needs StepInputExpressionRequirement.", {"type": "string"}, examples=["$(self.nameroot).sorted.bam"])},
        additional=False, ext=True, docs=WF + "WorkflowStepInput")
    defs["WorkflowStepInput"] = step_in
    defs["WorkflowStepInputs"] = {
        "description": "The step's inputs: a map from the run process's input id to a source (string or list) or an input object, or a list of objects with `id`.",
        "type": ["array", "object"],
        "items": {"type": "object", "$ref": "#/$defs/WorkflowStepInput", "required": ["id"]},
        "additionalProperties": {"type": ["string", "array", "object"], "allOf": [if_type("object", ref("WorkflowStepInput"))], "items": {"type": "string"}},
        "x-docs-url": WF + "WorkflowStepInput"}
    run = {"description": "The process this step runs: a path to a .cwl file (or `#id` in a $graph), or the process written inline.",
           "type": ["string", "object"],
           "allOf": [if_type("object", {"if": {"required": ["$import"]}, "then": ref("ImportDirective"), "else": ref("Process")})],
           "examples": ["tools/bwa-mem.cwl"], "x-docs-url": WF + "WorkflowStep"}
    step = obj("A step of the workflow: runs a process with inputs wired from workflow inputs or other steps' outputs.", {
        "id": P("Name of the step (in a map it is the key instead); other steps refer to its outputs as `id/output`.", {"type": "string"}, examples=["align"]),
        "label": P("A short human-readable title.", {"type": "string"}),
        "doc": ref("Doc"),
        "in": ref("WorkflowStepInputs"),
        "out": P("Outputs of the run process that the workflow uses, by id.", {"type": "array", "items": {"type": ["string", "object"], "allOf": [if_type("object", obj("A step output.", {"id": P("Output id.", {"type": "string"})}, required=["id"], additional=False, ext=True))]}}, examples=[["bam"]]),
        "run": run,
        "requirements": ref("Requirements"),
        "hints": ref("Hints"),
        "when": P("Condition (an expression over `inputs`) deciding whether the step runs; skipped steps produce null outputs.", {"type": "string"}, since="v1.2", examples=["$(inputs.run_qc)"], docs=WF + "WorkflowStep"),
        "scatter": P("Input id(s) to scatter over: the step runs once per element; needs ScatterFeatureRequirement.", {"type": ["string", "array"], "items": {"type": "string"}}, examples=["reads"]),
        "scatterMethod": P("How several scattered inputs are combined: element by element (dotproduct) or every combination (nested/flat crossproduct).", {"enum": ["dotproduct", "nested_crossproduct", "flat_crossproduct"]}, docs=WF + "ScatterMethod")},
        required=["in", "out", "run"], additional=False, ext=True, docs=WF + "WorkflowStep",
        snippet={"label": "workflow step", "nameKey": "id", "namePlaceholder": "step_name", "body": "run: ${2:tools/tool.cwl}\nin:\n  ${3:input}: ${4:source}\nout: [${5:output}]"})
    defs["WorkflowStep"] = step
    defs["WorkflowSteps"] = {"description": "The steps: a map from step id to step, or a list of steps with `id`.", "type": ["array", "object"],
                             "items": {"type": "object", "$ref": "#/$defs/WorkflowStep", "required": ["id"]}, "additionalProperties": ref("WorkflowStep"), "x-docs-url": WF + "WorkflowStep"}
    # processes
    clt = process_props("CommandInputs", "CommandOutputs", "CommandLineTool", CLT + "CommandLineTool")
    clt.update({
        "baseCommand": P("The program (and fixed leading arguments) to run, e.g. `[bwa, mem]`.", {"type": ["string", "array"], "items": {"type": "string"}}, examples=[["bwa", "mem"]]),
        "arguments": P("Extra command-line arguments not tied to an input: strings, expressions or bindings with a position.", {"type": "array", "items": {"type": ["string", "object"], "allOf": [if_type("object", ref("CommandLineBinding"))]}}, examples=[["-t", "$(runtime.cores)"]]),
        "stdin": P("File (usually an expression like `$(inputs.x.path)`) fed to the tool's standard input.", {"type": "string"}),
        "stdout": P("Name of the file that captures standard output; outputs of type `stdout` use it.", {"type": "string"}, examples=["$(inputs.sample).sam"]),
        "stderr": P("Name of the file that captures standard error.", {"type": "string"}),
        "successCodes": P("Exit codes that mean success (default: only 0).", {"type": "array", "items": {"type": "integer"}}, examples=[[0, 1]]),
        "temporaryFailCodes": P("Exit codes that mean a transient failure worth retrying.", {"type": "array", "items": {"type": "integer"}}),
        "permanentFailCodes": P("Exit codes that mean the tool failed for good.", {"type": "array", "items": {"type": "integer"}})})
    defs["CommandLineTool"] = obj("A command-line tool: how to build the command line from inputs and collect its outputs.", clt, required=["inputs", "outputs"], additional=False, ext=True, docs=CLT + "CommandLineTool")
    wf = process_props("WorkflowInputs", "WorkflowOutputs", "Workflow", WF + "Workflow")
    wf["steps"] = ref("WorkflowSteps")
    defs["Workflow"] = obj("A workflow: steps connected by their inputs and outputs into a graph.", wf, required=["inputs", "outputs", "steps"], additional=False, ext=True, docs=WF + "Workflow")
    et = process_props("WorkflowInputs", "ExpressionToolOutputs", "ExpressionTool", ET)
    et["expression"] = P("JavaScript (`${...}` or `$(...)`) that returns an object with the outputs; needs InlineJavascriptRequirement.", {"type": "string"}, examples=["${ return {\"count\": inputs.files.length}; }"])
    defs["ExpressionTool"] = obj("A process computed by a JavaScript expression instead of a command.", et, required=["inputs", "outputs", "expression"], additional=False, ext=True, docs=ET)
    defs["Operation"] = obj("An abstract step: only its inputs and outputs are described, to be filled in by a concrete tool later.",
                            process_props("OperationInputs", "OperationOutputs", "Operation", OP), required=["inputs", "outputs"], additional=False, ext=True, since="v1.2", docs=OP)
    classes = ["CommandLineTool", "Workflow", "ExpressionTool", "Operation"]
    defs["ProcessClass"] = P("The kind of process: CommandLineTool (runs a program), Workflow (connects steps), ExpressionTool (computes outputs in JavaScript) or Operation (abstract, v1.2).", {"enum": classes}, examples=["CommandLineTool"])
    defs["Process"] = {"type": "object", "description": "A process, chosen by its `class`.", "required": ["class"],
                       "properties": {"class": ref("ProcessClass")},
                       "allOf": [{"if": {"properties": {"class": {"const": c}}, "required": ["class"]}, "then": ref(c)} for c in classes]}
    defs["GraphDocument"] = obj("A packed document: several processes in `$graph`, usually with one called `main`.", {
        "cwlVersion": ref("CWLVersion"),
        "$graph": P("The processes; each needs an `id`, and steps refer to them as `#id`.", {"type": "array", "minItems": 1, "items": {"type": "object", "$ref": "#/$defs/Process", "required": ["id"]}}),
        "$namespaces": process_props("X", "X", "X", None)["$namespaces"],
        "$schemas": process_props("X", "X", "X", None)["$schemas"]},
        required=["cwlVersion", "$graph"], additional=False, ext=True, docs=DOC + "CommandLineTool.html#Packed_documents")
    # version differences
    no_pick = {"if": {"type": "object"}, "then": {"type": "object", "properties": {"pickValue": False}}}
    defs["Before_v1_2"] = {"type": "object", "description": "Rules for v1.0 and v1.1 documents: features added in v1.2 are refused.",
        "properties": {
            "class": {"not": {"const": "Operation"}},
            "intent": False,
            "outputs": each_entry(no_pick),
            "steps": each_entry({"if": {"type": "object"}, "then": {"type": "object", "properties": {
                "when": False,
                "in": each_entry(no_pick),
                "run": {"if": {"type": "object"}, "then": ref("Before_v1_2")}}}}),
            "$graph": {"if": {"type": "array"}, "then": {"type": "array", "items": {"if": {"type": "object"}, "then": ref("Before_v1_2")}}}}}
    no_load = {"if": {"type": "object"}, "then": {"type": "object", "properties": {"loadContents": False, "loadListing": False}}}
    defs["Before_v1_1"] = {"type": "object", "description": "Rules for v1.0 documents: requirements and parameter fields added in v1.1 are refused.",
        "properties": {
            "requirements": {"if": {"type": "array"},
                             "then": {"type": "array", "items": {"if": {"type": "object"}, "then": {"type": "object", "properties": {"class": {"not": {"enum": V11_CLASSES}}}}}},
                             "else": {"if": {"type": "object"}, "then": {"type": "object", "properties": {c: False for c in V11_CLASSES}}}},
            "inputs": each_entry(no_load),
            "steps": each_entry({"if": {"type": "object"}, "then": {"type": "object", "properties": {
                "run": {"if": {"type": "object"}, "then": ref("Before_v1_1")}}}}),
            "$graph": {"if": {"type": "array"}, "then": {"type": "array", "items": {"if": {"type": "object"}, "then": ref("Before_v1_1")}}}}}
    body = {
        "type": "object",
        "required": ["cwlVersion"],
        "properties": {
            "cwlVersion": ref("CWLVersion"),
            "class": ref("ProcessClass"),
            "$graph": P("Several processes packed into one document (instead of a single `class`).", {"type": "array"}),
        },
        "if": {"required": ["$graph"]},
        "then": ref("GraphDocument"),
        "else": ref("Process"),
        "allOf": [
            {"if": {"required": ["cwlVersion"], "properties": {"cwlVersion": {"enum": ["v1.0", "v1.1"]}}}, "then": ref("Before_v1_2")},
            {"if": {"required": ["cwlVersion"], "properties": {"cwlVersion": {"const": "v1.0"}}}, "then": ref("Before_v1_1")}],
        "$defs": dict(sorted(defs.items())),
    }
    return root("cwl-v1.2", "CWL document (v1.2; v1.0 and v1.1 accepted)",
                "A Common Workflow Language document: a CommandLineTool, Workflow, ExpressionTool or Operation, or a `$graph` of several. Written for v1.2; v1.0 and v1.1 documents are checked for the v1.2-only features they may not use.",
                body, docs=DOC)

if __name__ == "__main__":
    write("cwl-v1.2", build())
