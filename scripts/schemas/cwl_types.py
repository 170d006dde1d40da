"""CWL v1.2 (with v1.0/v1.1 notes): type expressions, parameters and bindings."""
from common import *

DOC = "https://www.commonwl.org/v1.2/"
CLT = DOC + "CommandLineTool.html#"
WF = DOC + "Workflow.html#"
PRIMS = ["null", "boolean", "int", "long", "float", "double", "string", "File", "Directory", "Any"]

def type_names(extra=()):
    names = []
    for p in PRIMS + list(extra):
        names.append(p)
        if p in ("null", "stdin", "stdout", "stderr"):
            continue
        names += [p + "?", p + "[]", p + "[]?"]
    return names

def if_type(t, then):
    return {"if": {"type": t}, "then": then}

EXPR = {"type": "string", "description": "A literal string or a CWL expression: `$(...)` for a parameter reference or JavaScript, `${...}` for a JavaScript function body (needs InlineJavascriptRequirement)."}

def type_family(prefix, fam, extra_names, binding):
    """Defs for one family of type expressions: CommandInput, Input, CommandOutput or Output."""
    defs = {}
    is_input = fam in ("CommandInput", "Input")
    cmd = fam.startswith("Command")
    defs[prefix + "TypeName"] = {
        "type": "string",
        "description": "A type by name: a primitive (string, int, long, float, double, boolean, null), File, Directory, Any, or a record/enum name from SchemaDefRequirement. `?` makes it optional and `[]` makes it an array, e.g. `File[]?`.",
        "anyOf": [{"enum": type_names(extra_names)}, {"pattern": "^[^\\s]+$"}],
        "examples": ["File", "string[]?"],
        "x-docs-url": CLT + "CWLType"}
    defs[prefix + "Type"] = {
        "description": "The parameter's type: a type name (with `?`/`[]` shorthands), a record, enum or array schema, or a list of types meaning any one of them (include `null` for optional).",
        "type": ["string", "array", "object"],
        "allOf": [if_type("string", ref(prefix + "TypeName")), if_type("object", ref(prefix + "ComplexType"))],
        "items": ref(prefix + "TypeUnionItem"),
        "examples": ["File", ["null", "int"]],
        "x-docs-url": CLT + "CWLType"}
    defs[prefix + "TypeUnionItem"] = {
        "type": ["string", "object"],
        "allOf": [if_type("string", ref(prefix + "TypeName")), if_type("object", ref(prefix + "ComplexType"))]}
    defs[prefix + "ComplexType"] = {
        "type": "object",
        "description": "A type written out as an object: `type: record` with fields, `type: enum` with symbols, or `type: array` with items.",
        "required": ["type"],
        "properties": {"type": {"description": "Which kind of type this object describes.", "enum": ["record", "enum", "array"]}},
        "allOf": [
            {"if": {"properties": {"type": {"const": "record"}}}, "then": ref(prefix + "RecordSchema")},
            {"if": {"properties": {"type": {"const": "enum"}}}, "then": ref(prefix + "EnumSchema")},
            {"if": {"properties": {"type": {"const": "array"}}}, "then": ref(prefix + "ArraySchema")}]}
    common = {
        "name": P("Name of this type, so that it can be referred to elsewhere.", {"type": "string"}, examples=["ReadGroup"]),
        "label": P("A short human-readable title.", {"type": "string"}),
        "doc": ref("Doc"),
    }
    if cmd and is_input:
        common["inputBinding"] = ref("CommandLineBinding", "How a value of this type is written on the command line.")
    rec_field_props = {
        "name": P("Name of the field within the record.", {"type": "string"}, examples=["sample_id"]),
        "type": ref(prefix + "Type"),
        "doc": ref("Doc"),
        "label": P("A short human-readable title.", {"type": "string"}),
        "secondaryFiles": ref("SecondaryFiles"),
        "streamable": P("The file may be read or written as a stream (no seeking).", {"type": "boolean"}, default=False),
        "format": ref("InputFormat" if is_input else "OutputFormat"),
    }
    if is_input:
        rec_field_props["loadContents"] = ref("LoadContents")
        rec_field_props["loadListing"] = ref("LoadListing")
    if cmd and is_input:
        rec_field_props["inputBinding"] = ref("CommandLineBinding", "How this field is written on the command line.")
    if cmd and not is_input:
        rec_field_props["outputBinding"] = ref("CommandOutputBinding")
    defs[prefix + "RecordField"] = obj("One field of a record type.", rec_field_props, required=["type"], additional=False, ext=True, docs=CLT + "CommandInputRecordField")
    field_map_value = {
        "description": "The field's type, or an object describing the field.",
        "type": ["string", "array", "object"],
        "allOf": [if_type("string", ref(prefix + "TypeName")),
                  if_type("object", ref(prefix + "RecordField"))],
        "items": ref(prefix + "TypeUnionItem")}
    defs[prefix + "RecordSchema"] = obj("A record type: a set of named fields.", dict(common,
        type=P("`record`", {"const": "record"}),
        fields=P("The fields of the record, as a list (each with `name`) or a map from field name to type or field object.",
                 {"type": ["array", "object"], "items": {"type": "object", "$ref": "#/$defs/" + prefix + "RecordField", "required": ["name"]}, "additionalProperties": field_map_value})),
        required=["type"], additional=False, ext=True, docs=CLT + "CommandInputRecordSchema")
    defs[prefix + "EnumSchema"] = obj("An enum type: the value must be one of the listed symbols.", dict(common,
        type=P("`enum`", {"const": "enum"}),
        symbols=P("The allowed values.", {"type": "array", "items": {"type": "string"}, "minItems": 1}, examples=[["fast", "sensitive"]])),
        required=["type", "symbols"], additional=False, ext=True, docs=CLT + "CommandInputEnumSchema")
    defs[prefix + "ArraySchema"] = obj("An array type: a list whose items all have the given type.", dict(common,
        type=P("`array`", {"const": "array"}),
        items=P("The type of each item.", ref(prefix + "Type"), examples=["File"])),
        required=["type", "items"], additional=False, ext=True, docs=CLT + "CommandInputArraySchema")
    return defs

def shared_defs():
    d = {}
    d["Doc"] = {"description": "Documentation: a string, or a list of strings joined as paragraphs.", "type": ["string", "array"], "items": {"type": "string"}}
    d["Expression"] = EXPR
    d["LoadContents"] = P("Read up to the first 64 KiB of the file into `contents`, so expressions can use it. (v1.0 has this only inside inputBinding.)", {"type": "boolean"}, since="v1.1", docs=DOC + "Process.html#LoadContents")
    d["LoadListing"] = P("How much of a Directory's contents to list for expressions: none, the top level, or everything.", {"enum": ["no_listing", "shallow_listing", "deep_listing"]}, since="v1.1", docs=DOC + "Process.html#LoadListingEnum")
    sf_schema = obj("A secondary file pattern with an explicit required flag.", {
        "pattern": P("Suffix to add (e.g. `.bai`), `^` to strip an extension first (e.g. `^.bai`), or an expression.", {"type": "string"}, examples=[".bai", "^.dict"]),
        "required": P("Whether the secondary file must exist (true/false or an expression); defaults to true for inputs, false for outputs.", {"type": ["boolean", "string"]})},
        required=["pattern"], additional=False, ext=True, since="v1.1", docs=DOC + "Process.html#SecondaryFileSchema")
    d["SecondaryFileSchema"] = sf_schema
    sf_item = {"type": ["string", "object"], "allOf": [if_type("object", ref("SecondaryFileSchema"))]}
    d["SecondaryFiles"] = {
        "description": "Files that travel with the main file, named by suffix patterns: `.bai` appends, `^.bai` replaces the extension, a trailing `?` makes it optional (v1.1+).",
        "type": ["string", "object", "array"],
        "allOf": [if_type("object", ref("SecondaryFileSchema"))],
        "items": sf_item, "examples": [[".bai"], [".amb", ".ann", ".bwt", ".pac", ".sa"]],
        "x-docs-url": DOC + "Process.html#SecondaryFileSchema"}
    d["InputFormat"] = P("The file format, as an IRI (usually from EDAM, e.g. `edam:format_1930` for FASTQ); a list allows several formats.", {"type": ["string", "array"], "items": {"type": "string"}}, examples=["edam:format_1930"], docs=DOC + "Process.html#InputFormat")
    d["OutputFormat"] = P("The format of the produced file, as an IRI (e.g. `edam:format_2572` for BAM) or an expression.", {"type": "string"}, examples=["edam:format_2572"], docs=DOC + "Process.html#OutputFormat")
    d["CommandLineBinding"] = obj("How a value is turned into command-line arguments.", {
        "loadContents": P("v1.0 place of loadContents (deprecated in v1.1+, where it belongs on the parameter).", {"type": "boolean"}),
        "position": P("Sort key deciding where the argument goes on the command line; lower comes first.", {"type": ["integer", "string"]}, default=0, examples=[1]),
        "prefix": P("Flag written before the value, e.g. `-t` or `--threads`.", {"type": "string"}, examples=["-t"]),
        "separate": P("Whether prefix and value are separate arguments (`-t 4`) or joined (`-t4`).", {"type": "boolean"}, default=True),
        "itemSeparator": P("For arrays: join all items into one argument with this separator instead of repeating them.", {"type": "string"}, examples=[","]),
        "valueFrom": P("Value to use instead of the input's own (an expression or literal); `self` is the input value.", {"type": "string"}),
        "shellQuote": P("Quote the value when ShellCommandRequirement builds a shell command line; set false to pass pipes or redirections.", {"type": "boolean"}, default=True)},
        additional=False, ext=True, docs=CLT + "CommandLineBinding")
    d["CommandOutputBinding"] = obj("How the tool's output is collected into the output parameter.", {
        "glob": P("File name pattern(s), relative to the output directory, matching the files to capture.", {"type": ["string", "array"], "items": {"type": "string"}}, examples=["$(inputs.sample).bam", "*.vcf.gz"]),
        "loadContents": ref("LoadContents"),
        "loadListing": ref("LoadListing"),
        "outputEval": P("Expression computing the output value from the matched files (`self`).", {"type": "string"}, examples=["$(self[0].contents.trim())"])},
        additional=False, ext=True, docs=CLT + "CommandOutputBinding")
    return d
