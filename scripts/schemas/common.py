"""Shared helpers for generating the HPC Workflows JSON Schemas (draft 2020-12)."""
import json, os

# The schemas folder of the repository (this file is scripts/schemas/common.py); OUT_DIR overrides it.
OUT = os.environ.get("OUT_DIR") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "schemas")
BASE = "https://hpc-workflows.dev/schemas/"
# Keys such as `sbg:toolAuthor`, `cwltool:loadListing` or a full URI: extension fields CWL accepts when the prefix is declared in $namespaces.
EXT = "^[A-Za-z][A-Za-z0-9_.-]*:"
# A Maestro/Merlin token standing for a number, e.g. $(NODES).
TOKEN = "^\\$\\(\\w+\\)$"

def P(desc, schema=None, *, examples=None, default=None, docs=None, since=None, removed=None, slurm=None, **extra):
    """A property schema: our description first, then the type part, then annotations."""
    s = {"description": desc}
    if schema:
        s.update(schema)
    s.update(extra)
    if default is not None:
        s["default"] = default
    if examples is not None:
        s["examples"] = examples
    if since:
        s["x-since"] = since
    if removed:
        s["x-removed"] = removed
    if slurm:
        s["x-slurm-option"] = slurm
    if docs:
        s["x-docs-url"] = docs
    return s

def ref(name, desc=None, **kw):
    s = {"$ref": "#/$defs/" + name}
    if desc:
        s["description"] = desc
    for k, v in kw.items():
        s[k] = v
    return s

def obj(desc, props, *, required=None, additional=None, ext=False, docs=None, snippet=None, unknown=None, title=None, since=None, **extra):
    s = {"type": "object"}
    if title:
        s["title"] = title
    s["description"] = desc
    s["properties"] = props
    if required:
        s["required"] = list(required)
    if ext:
        s["patternProperties"] = {EXT: {"description": "An extension field from a namespace declared in `$namespaces` (for example `sbg:` or `cwltool:`)."}}
    if additional is not None:
        s["additionalProperties"] = additional
    if unknown:
        s["x-unknown-keys"] = unknown
    s.update(extra)
    if snippet:
        s["x-snippet"] = snippet
    if since:
        s["x-since"] = since
    if docs:
        s["x-docs-url"] = docs
    return s

def write(name, schema):
    path = os.path.join(OUT, name + ".schema.json")
    with open(path, "w") as f:
        f.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    print("wrote", path, os.path.getsize(path), "bytes")

def root(name, title, desc, body, docs=None):
    s = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE + name + ".schema.json", "title": title, "description": desc}
    s.update(body)
    if docs:
        s["x-docs-url"] = docs
    return s
