#!/usr/bin/env bash
# Regenerates schemas/*.schema.json from the Python sources in this folder (the sources hold our
# descriptions, examples and the structure; the JSON files are their output, committed).
#   bash scripts/schemas/build.sh            writes schemas/
#   OUT_DIR=/tmp/x bash scripts/schemas/build.sh   writes elsewhere (the unit test compares)
set -euo pipefail
cd "$(dirname "$0")"
for f in cwl maestro nextflow snakemake; do python3 "$f.py" >/dev/null; done
