"""Meta-schema for a pipeline's nextflow_schema.json (nf-core/tools draft-07 `definitions` style and nf-schema 2.x 2020-12 `$defs` style)."""
from common import *

SPEC = "https://nextflow-io.github.io/nf-schema/latest/nextflow_schema/nextflow_schema_specification/"
NFCORE = "https://nf-co.re/docs/nf-core-tools/pipelines/schema"
D2020 = "https://json-schema.org/draft/2020-12/schema"
D07 = ["https://json-schema.org/draft-07/schema", "https://json-schema.org/draft-07/schema#", "http://json-schema.org/draft-07/schema", "http://json-schema.org/draft-07/schema#"]
TYPES = ["string", "boolean", "integer", "number", "object", "array"]

def build():
    defs = {}
    param = {
        "type": P("JSON type of the parameter's value. nf-schema checks it at launch; `null` is not supported (omit `default` instead).", {"enum": TYPES}, examples=["string", "integer"], docs=SPEC + "#type"),
        "default": P("Value used when the user does not set the parameter; keep it equal to the default in nextflow.config. Leave the key out rather than writing null or an empty string.", {}, docs=SPEC + "#default"),
        "description": P("One short sentence saying what the parameter does (Markdown); shown in `--help` and the docs.", {"type": "string"}, docs=SPEC + "#description"),
        "help_text": P("Longer Markdown help shown when users ask for details about the parameter.", {"type": "string"}, docs=SPEC + "#help_text"),
        "errorMessage": P("Message added to the validation error when the value is rejected, to tell the user how to fix it.", {"type": "string", "minLength": 1}, docs=SPEC + "#errormessage"),
        "deprecated": P("Marks the parameter as deprecated: nf-schema refuses runs that still set it.", {"type": "boolean"}, docs=SPEC + "#deprecated"),
        "enum": P("The only values allowed.", {"type": "array", "minItems": 1}, examples=[["bwa", "bwa-mem2", "bowtie2"]], docs=SPEC + "#enum"),
        "const": P("The one value allowed.", {}),
        "fa_icon": P("Font Awesome icon classes for the docs and launch pages, e.g. `fas fa-file-csv`.", {"type": "string", "pattern": "^fa"}, examples=["fas fa-folder-open"], docs=SPEC + "#fa_icon"),
        "hidden": P("Hide the parameter from the default help and docs (for rarely changed settings).", {"type": "boolean"}, default=False, docs=SPEC + "#hidden"),
        "pattern": P("Regular expression the string must match (Java syntax, as used by nf-schema).", {"type": "string", "minLength": 1}, examples=["^\\S+\\.csv$"], docs=SPEC + "#pattern"),
        "minLength": P("Shortest allowed string.", {"type": "integer", "minimum": 0}),
        "maxLength": P("Longest allowed string.", {"type": "integer", "minimum": 0}),
        "format": P("What the string names: `file-path`, `directory-path`, `path` (either), or `file-path-pattern` (a glob that must match files).", {"type": "string", "enum": ["file-path", "directory-path", "path", "file-path-pattern"]}, examples=["file-path"], docs=SPEC + "#format"),
        "exists": P("With a path format: require the path to exist (true) or not to exist (false) when the pipeline starts.", {"type": "boolean"}, docs=SPEC + "#exists"),
        "mimetype": P("MIME type of the file, e.g. `text/csv`; informs tools that build forms and docs.", {"type": "string", "pattern": ".+/.+"}, examples=["text/csv"], docs=SPEC + "#mimetype"),
        "schema": P("Path (relative to the pipeline) of a JSON schema that the file given in this parameter is validated against, e.g. a samplesheet schema.", {"type": "string", "minLength": 1}, examples=["assets/schema_input.json"], docs=SPEC + "#schema"),
        "minimum": P("Smallest allowed number.", {"type": "number"}, docs=SPEC + "#minimum-maximum"),
        "maximum": P("Largest allowed number.", {"type": "number"}, docs=SPEC + "#minimum-maximum"),
        "exclusiveMinimum": P("The number must be greater than this.", {"type": "number"}),
        "exclusiveMaximum": P("The number must be less than this.", {"type": "number"}),
        "multipleOf": P("The number must be a multiple of this.", {"type": "number", "exclusiveMinimum": 0}),
        "uniqueItems": P("All items of the array must differ.", {"type": "boolean"}, docs=SPEC + "#uniqueitems"),
        "uniqueEntries": P("For arrays of objects: the combination of these keys must be unique across items (nf-schema extension).", {"type": "array", "items": {"type": "string"}}, docs=SPEC + "#uniqueentries"),
        "items": P("Schema of each item, for `type: array` parameters.", {"type": "object"}),
        "minItems": P("Fewest allowed items.", {"type": "integer", "minimum": 0}),
        "maxItems": P("Most allowed items.", {"type": "integer", "minimum": 0}),
        "properties": P("Nested parameters, for `type: object` parameters (set as `--outer.inner` on the command line; nf-schema 2.1+).", ref("ParameterMap")),
        "required": P("Names of nested parameters that must be given.", {"type": "array", "items": {"type": "string"}}),
        "title": P("Short title of the parameter.", {"type": "string"}),
        "examples": P("Example values.", {"type": "array"}),
        "anyOf": P("JSON Schema alternatives; may confuse tools that render the schema.", {"type": "array", "items": {"type": "object"}}),
        "oneOf": P("JSON Schema alternatives; may confuse tools that render the schema.", {"type": "array", "items": {"type": "object"}}),
        "allOf": P("JSON Schema conjunction.", {"type": "array", "items": {"type": "object"}}),
        "$comment": P("A comment for schema authors; ignored by validation.", {"type": "string"}),
    }
    typed_default = [{"if": {"required": ["type", "default"], "properties": {"type": {"const": t}}}, "then": {"properties": {"default": {"type": t, "description": "The default must have the parameter's type."}}}}
                     for t in ["string", "boolean", "integer", "number", "array", "object"]]
    defs["Parameter"] = obj("One pipeline parameter (`params.<name>`): its type, default, help and checks.", param,
                            required=["type"], unknown="warning", docs=SPEC + "#keys-for-all-parameters", allOf=typed_default)
    defs["ParameterMap"] = {"type": "object", "description": "Parameters by name; each key is the name used as `params.<name>` and `--<name>`.",
                            "additionalProperties": ref("Parameter"),
                            "propertyNames": {"pattern": "^[A-Za-z_][A-Za-z0-9_.-]*$"}}
    group = {
        "title": P("Heading of the group in help text and docs.", {"type": "string", "minLength": 1}, examples=["Input/output options"]),
        "type": P("Always `object`.", {"const": "object"}),
        "fa_icon": P("Font Awesome icon for the group.", {"type": "string", "pattern": "^fa"}, examples=["fas fa-terminal"]),
        "description": P("What the parameters of this group are about.", {"type": "string"}),
        "help_text": P("Longer Markdown help for the group.", {"type": "string"}),
        "required": P("Names of parameters of this group that must be set (they should have no default in nextflow.config other than null).", {"type": "array", "items": {"type": "string"}, "uniqueItems": True}, examples=[["input", "outdir"]]),
        "properties": P("The parameters of this group.", ref("ParameterMap")),
        "dependentRequired": P("If a parameter is set, these others must be set too.", {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}),
        "anyOf": P("JSON Schema alternatives, e.g. one of `genome` or `fasta` must be given.", {"type": "array", "items": {"type": "object"}}),
        "oneOf": P("JSON Schema alternatives.", {"type": "array", "items": {"type": "object"}}),
        "allOf": P("JSON Schema conjunction.", {"type": "array", "items": {"type": "object"}}),
        "$comment": P("A comment for schema authors.", {"type": "string"}),
    }
    defs["ParameterGroup"] = obj("A group of parameters shown together in help and docs; it takes effect only when listed in the root `allOf`.", group,
                                 required=["title", "type", "properties"], unknown="warning", docs=SPEC + "#definitions",
                                 snippet={"label": "parameter group", "namePlaceholder": "group_options", "format": "json",
                                          "body": "\"title\": \"${2:Group title}\",\n\"type\": \"object\",\n\"fa_icon\": \"${3:fas fa-cog}\",\n\"description\": \"${4:What these parameters control.}\",\n\"properties\": {\n  $0\n}"})
    defs["ParameterGroups"] = {"type": "object", "description": "Parameter groups by id; each must be brought in with an `allOf` entry `{\"$ref\": \"#/<defs>/<id>\"}`.",
                               "additionalProperties": ref("ParameterGroup")}
    root_props = {
        "$schema": P("JSON Schema draft of the file: `https://json-schema.org/draft/2020-12/schema` for nf-schema 2.x, draft-07 for the older nf-validation plugin.", {"type": "string", "enum": [D2020] + D07}, examples=[D2020], docs=SPEC),
        "$id": P("URL where the schema is published, usually the raw file in the pipeline's repository.", {"type": "string", "minLength": 1}, examples=["https://raw.githubusercontent.com/nf-core/sarek/master/nextflow_schema.json"]),
        "title": P("Title of the pipeline's parameter documentation, e.g. `nf-core/sarek pipeline parameters`.", {"type": "string", "minLength": 1}),
        "description": P("One-line summary of the pipeline.", {"type": "string", "minLength": 1}),
        "type": P("Always `object`: the parameters form one flat object.", {"const": "object"}),
        "$defs": P("Parameter groups (nf-schema 2.x, 2020-12 style).", ref("ParameterGroups"), docs=SPEC + "#definitions"),
        "definitions": P("Parameter groups (draft-07 style used with nf-validation and older nf-core pipelines).", ref("ParameterGroups"), docs=NFCORE),
        "defs": {"description": "An old spelling of `$defs`; nf-core tools refuses it, rename it to `$defs` (2020-12) or `definitions` (draft-07).", "not": {}},
        "allOf": P("One `{\"$ref\": \"#/$defs/<group>\"}` (or `#/definitions/<group>`) per group, so that the group's parameters are validated.", {"type": "array", "items": obj("A reference to a parameter group.", {
            "$ref": P("Pointer to the group, e.g. `#/$defs/input_output_options`.", {"type": "string", "pattern": "^#/(\\$defs|definitions)/[^/]+$"}, examples=["#/$defs/input_output_options"])}, required=["$ref"])}),
        "properties": P("Parameters that belong to no group (shown as ungrouped).", ref("ParameterMap")),
        "required": P("Top-level parameters that must be set.", {"type": "array", "items": {"type": "string"}}),
        "dependentRequired": group["dependentRequired"],
        "anyOf": group["anyOf"],
        "oneOf": group["oneOf"],
        "$comment": group["$comment"],
    }
    style_2020 = {"properties": {
        "definitions": {"not": {}, "description": "With the 2020-12 draft the groups go under `$defs`."},
        "allOf": {"type": "array", "description": "With the 2020-12 draft every group reference points into `$defs`.", "items": {"type": "object", "properties": {"$ref": {"type": "string", "pattern": "^#/\\$defs/", "description": "With the 2020-12 draft, groups are referenced as `#/$defs/<group>`."}}}}}}
    style_07 = {"properties": {
        "$defs": {"not": {}, "description": "With draft-07 the groups go under `definitions`."},
        "allOf": {"type": "array", "description": "With draft-07 every group reference points into `definitions`.", "items": {"type": "object", "properties": {"$ref": {"type": "string", "pattern": "^#/definitions/", "description": "With draft-07, groups are referenced as `#/definitions/<group>`."}}}}}}
    body = {
        "type": "object",
        "required": ["$schema", "$id", "title", "description", "type"],
        "properties": root_props,
        "allOf": [{"if": {"required": ["$schema"], "properties": {"$schema": {"const": D2020}}}, "then": style_2020,
                   "else": {"if": {"required": ["$schema"], "properties": {"$schema": {"enum": D07}}}, "then": style_07}}],
        "x-unknown-keys": "warning",
        "$defs": defs,
    }
    return root("nextflow-schema-meta", "Nextflow pipeline parameter schema (nextflow_schema.json)",
                "Checks a pipeline's nextflow_schema.json: the root keys nf-core tools and nf-schema expect, parameter groups in `$defs` (2020-12) or `definitions` (draft-07) brought in by `allOf`, and the keys each parameter may use.",
                body, docs=SPEC)

if __name__ == "__main__":
    write("nextflow-schema-meta", build())
