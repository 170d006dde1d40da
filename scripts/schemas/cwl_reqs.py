"""CWL requirements and hints."""
from common import *
from cwl_types import DOC, CLT, WF, EXPR, if_type

def include(desc):
    return {"type": ["string", "object"], "description": desc,
            "allOf": [if_type("object", {"type": "object", "required": ["$include"], "properties": {"$include": {"type": "string", "description": "Path of a file whose text is used here."}}, "additionalProperties": False})]}

FILE_LIT = obj("A File or Directory literal: `class` plus a location, path, or (for files) inline contents.", {
    "class": P("File or Directory.", {"enum": ["File", "Directory"]}),
    "location": P("URI or path of the file or directory.", {"type": "string"}),
    "path": P("Local path of the file or directory.", {"type": "string"}),
    "basename": P("Name the item gets in the working directory.", {"type": "string"}),
    "contents": P("Text of a file created on the fly (File only).", {"type": "string"}),
    "listing": P("Items of a Directory literal.", {"type": "array"}),
    "secondaryFiles": P("Files that accompany this one.", {"type": "array"}),
    "format": P("Format IRI of the file.", {"type": "string"}),
    "dirname": P("Directory part of the path.", {"type": "string"}),
    "nameroot": P("Basename without the extension.", {"type": "string"}),
    "nameext": P("Extension of the basename, with the dot.", {"type": "string"}),
    "checksum": P("Checksum such as `sha1$...`.", {"type": "string"}),
    "size": P("Size in bytes.", {"type": "integer"})},
    required=["class"], additional=False, ext=True, docs=DOC + "CommandLineTool.html#File")

REQS = {}
def req(name, desc, fields, required=(), since=None, docs=None, snippet=None):
    props = {"class": P("Which requirement this is: `%s`." % name, {"const": name})}
    props.update(fields)
    REQS[name] = obj(desc, props, required=required, additional=False, ext=True, since=since, docs=docs or (CLT + name), snippet=snippet)

req("InlineJavascriptRequirement", "Allows JavaScript in expressions (`${...}` bodies and non-trivial `$(...)`).", {
    "expressionLib": P("JavaScript code (or `$include` files) loaded before every expression, for shared helper functions.", {"type": "array", "items": include("JavaScript source, or a `$include` of a .js file.")})})
req("SchemaDefRequirement", "Declares named record, enum and array types that parameters can use by name.", {
    "types": P("The type definitions (each with a `name`), or `$import` of a file holding them.", {"type": "array", "items": {"type": "object", "allOf": [
        {"if": {"required": ["$import"]}, "then": ref("ImportDirective"), "else": ref("CommandInputComplexType")}]}})}, required=["types"])
req("LoadListingRequirement", "Sets how deeply Directory inputs are listed for expressions in this process.", {"loadListing": ref("LoadListing")}, since="v1.1")
req("DockerRequirement", "Runs the tool in a container; runners on HPC use Singularity/Apptainer or Podman with the same image.", {
    "dockerPull": P("Image to pull, e.g. `quay.io/biocontainers/bwa:0.7.17--h5bf99c6_8`; pin a tag or digest.", {"type": "string"}, examples=["quay.io/biocontainers/samtools:1.17--h00cdaf9_0"]),
    "dockerLoad": P("URL or path of an image archive to load with `docker load`.", {"type": "string"}),
    "dockerFile": include("Dockerfile text to build the image from (or `$include` of a Dockerfile)."),
    "dockerImport": P("URL or path of a file system tarball to import as the image.", {"type": "string"}),
    "dockerImageId": P("Local image id/name to use (or to tag the built/loaded image with).", {"type": "string"}),
    "dockerOutputDirectory": P("Path inside the container where the output directory is mounted.", {"type": "string"}, examples=["/output"])},
    snippet={"label": "DockerRequirement", "body": "dockerPull: ${2:quay.io/biocontainers/${3:tool}:${4:version}}"})
pkg_obj = obj("A software package the tool needs.", {
    "package": P("Package name, e.g. `bwa`.", {"type": "string"}, examples=["bwa"]),
    "version": P("Acceptable versions.", {"type": "array", "items": {"type": ["string", "number"]}}, examples=[["0.7.17"]]),
    "specs": P("IRIs identifying the package in registries (e.g. bio.tools, RRID).", {"type": "array", "items": {"type": "string"}}, examples=[["https://bio.tools/bwa"]])},
    additional=False, ext=True, docs=CLT + "SoftwarePackage")
req("SoftwareRequirement", "Lists software packages (name, versions, registry IRIs) that a runner can resolve, e.g. to environment modules or conda.", {
    "packages": P("The packages, as a list of objects or a map from package name to its version/specs.", {"type": ["array", "object"], "items": {"type": "object", "$ref": "#/$defs/SoftwarePackage", "required": ["package"]},
        "additionalProperties": {"type": ["array", "object"], "description": "The package's specs (a list of IRIs) or an object with version and specs.", "allOf": [if_type("object", ref("SoftwarePackage"))], "items": {"type": "string"}}})},
    required=["packages"])
dirent = obj("An entry to create in the working directory before the tool runs.", {
    "entryname": P("File or directory name (or path) to create; defaults to the basename of a File/Directory entry.", {"type": "string"}, examples=["reference.fa"]),
    "entry": P("The contents: a literal string (file text), or an expression giving a File, Directory or text.", {"type": "string"}, examples=["$(inputs.reference)"]),
    "writable": P("Make a writable copy instead of a read-only link.", {"type": "boolean"}, default=False)},
    required=["entry"], additional=False, ext=True, docs=CLT + "Dirent")
req("InitialWorkDirRequirement", "Stages files and directories (or generated text files) into the working directory before the command runs.", {
    "listing": P("What to stage: a list of Dirent entries, File/Directory values or expressions, or one expression returning such a list.", {"type": ["array", "string"], "items": {
        "type": ["object", "string", "array", "null"],
        "allOf": [{"if": {"type": "object", "required": ["entry"]}, "then": ref("Dirent")},
                  {"if": {"type": "object", "required": ["class"]}, "then": ref("FileLiteral")}]}})},
    required=["listing"])
env_def = obj("One environment variable.", {
    "envName": P("Variable name.", {"type": "string"}, examples=["OMP_NUM_THREADS"]),
    "envValue": P("Its value (literal or expression).", {"type": "string"}, examples=["$(runtime.cores)"])},
    required=["envName", "envValue"], additional=False, ext=True, docs=CLT + "EnvironmentDef")
req("EnvVarRequirement", "Sets environment variables for the tool's process.", {
    "envDef": P("The variables, as a list of envName/envValue pairs or a map from name to value.", {"type": ["array", "object"], "items": ref("EnvironmentDef"), "additionalProperties": {"type": "string"}})},
    required=["envDef"])
req("ShellCommandRequirement", "Builds the command line as a shell command (`/bin/sh -c`), so arguments with `shellQuote: false` can use pipes and redirections.", {})
res_fields = {}
for k, d in [("coresMin", "Minimum CPU cores the tool needs (fractional allowed in v1.2)."), ("coresMax", "Most CPU cores the tool can use."),
             ("ramMin", "Minimum RAM in mebibytes."), ("ramMax", "Most RAM in mebibytes the tool can use."),
             ("tmpdirMin", "Minimum space in $TMPDIR, in mebibytes."), ("tmpdirMax", "Most $TMPDIR space, in mebibytes."),
             ("outdirMin", "Minimum space in the output directory, in mebibytes."), ("outdirMax", "Most output directory space, in mebibytes.")]:
    example = {"coresMin": 4, "coresMax": 16, "ramMin": 8192, "ramMax": 32768, "tmpdirMin": 10240, "tmpdirMax": 51200, "outdirMin": 10240, "outdirMax": 51200}[k]
    res_fields[k] = P(d + " A number or an expression.", {"type": ["number", "string"], "minimum": 0}, examples=[example])
req("ResourceRequirement", "Cores, memory and disk the tool needs; HPC runners turn these into the scheduler request (e.g. Slurm --cpus-per-task and --mem).", res_fields,
    snippet={"label": "ResourceRequirement", "body": "coresMin: ${2:4}\nramMin: ${3:8192}"})
req("WorkReuse", "Whether a runner may reuse cached results of earlier runs of this step.", {
    "enableReuse": P("false forces the tool to run every time.", {"type": ["boolean", "string"]}, default=True)}, since="v1.1")
req("NetworkAccess", "Whether the tool needs network access while it runs.", {
    "networkAccess": P("true if the tool needs the network.", {"type": ["boolean", "string"]})}, required=["networkAccess"], since="v1.1")
req("InplaceUpdateRequirement", "Allows the tool to modify writable staged inputs in place instead of on a copy.", {
    "inplaceUpdate": P("true to allow in-place updates.", {"type": "boolean"})}, required=["inplaceUpdate"], since="v1.1")
req("ToolTimeLimit", "Time limit for one run of the tool, in seconds (0 means none).", {
    "timelimit": P("Seconds, or an expression giving them.", {"type": ["integer", "string"], "minimum": 0}, examples=[3600])}, required=["timelimit"], since="v1.1")
req("SubworkflowFeatureRequirement", "Needed when a step runs another Workflow.", {}, docs=WF + "SubworkflowFeatureRequirement")
req("ScatterFeatureRequirement", "Needed when a step uses `scatter`.", {}, docs=WF + "ScatterFeatureRequirement")
req("MultipleInputFeatureRequirement", "Needed when a step input or output lists several `source`s.", {}, docs=WF + "MultipleInputFeatureRequirement")
req("StepInputExpressionRequirement", "Needed when a step input uses `valueFrom`.", {}, docs=WF + "StepInputExpressionRequirement")

V11_CLASSES = ["LoadListingRequirement", "WorkReuse", "NetworkAccess", "InplaceUpdateRequirement", "ToolTimeLimit"]

def requirement_defs():
    d = dict(REQS)
    d["SoftwarePackage"] = pkg_obj
    d["Dirent"] = dirent
    d["EnvironmentDef"] = env_def
    d["FileLiteral"] = FILE_LIT
    d["ImportDirective"] = obj("Replaces this object by the contents of another file.", {"$import": P("Path or URL of the file to import.", {"type": "string"})}, required=["$import"], additional=False)
    names = list(REQS)
    class_name = {"description": "The requirement's class: a standard CWL requirement or an extension from a declared namespace (e.g. `cwltool:MPIRequirement`).",
                  "type": "string", "anyOf": [{"enum": names}, {"pattern": EXT}]}
    switch = [{"if": {"properties": {"class": {"const": n}}, "required": ["class"]}, "then": ref(n)} for n in names]
    d["RequirementClass"] = class_name
    # an `$import` entry has no class of its own
    d["RequirementEntry"] = {"type": "object", "description": "A requirement with its `class` (or an `$import` of one).",
                             "if": {"required": ["$import"]}, "then": ref("ImportDirective"),
                             "else": {"required": ["class"], "properties": {"class": ref("RequirementClass")}, "allOf": switch}}
    map_props = {n: {"$ref": "#/$defs/" + n, "description": REQS[n]["description"]} for n in names}
    d["Requirements"] = {
        "description": "Features the process needs; a runner that cannot provide one must refuse to run it. A list of objects with `class`, or a map from class to its fields.",
        "type": ["array", "object"], "items": ref("RequirementEntry"),
        "properties": map_props,
        "propertyNames": {"anyOf": [{"enum": names}, {"pattern": EXT}]},
        "x-docs-url": DOC + "Process.html#ProcessRequirement"}
    hint_entry = {"type": "object", "description": "A hint with its `class`; hints a runner does not know are ignored with a warning.",
                  "required": ["class"], "properties": {"class": {"type": "string", "description": "The hint's class; known classes are checked, others are passed through.", "anyOf": [{"enum": names}, {"pattern": "^\\S+$"}]}},
                  "allOf": switch}
    d["Hints"] = {
        "description": "Like requirements, but optional: a runner uses the ones it understands and may ignore the rest. A list of objects with `class`, or a map from class to fields.",
        "type": ["array", "object"], "items": hint_entry, "properties": map_props,
        "additionalProperties": {"type": "object", "description": "A hint the standard does not define; passed to the runner as is."},
        "x-docs-url": DOC + "Process.html#ProcessRequirement"}
    return d
