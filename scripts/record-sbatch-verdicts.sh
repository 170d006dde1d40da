#!/usr/bin/env bash
# record-sbatch-verdicts.sh [--out FILE|-] [--jobs N] [FIXTURE...]
#   Asks the real sbatch (scripts/sbatch-oracle.sh, both modes) about every job script in
#   test/fixtures/slurm/ and writes a TSV, sorted by file name:
#     file <TAB> testonly <TAB> offline <TAB> message
#   testonly / offline: ACCEPT or REJECT (see sbatch-oracle.sh for the two modes).
#   message: sbatch's message when --test-only rejects; "offline: <message>" when only the
#   offline mode rejects; empty when both accept.
#   Default output: test/fixtures/slurm/sbatch-verdicts.tsv (the recorded corpus verdicts).
#   Needs a running cluster (scripts/test-cluster.sh); run it as root so sbatch runs as the
#   unprivileged test user, as the recorded verdicts did.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FIX_DIR="$ROOT/test/fixtures/slurm"
out="$FIX_DIR/sbatch-verdicts.tsv"
jobs=${JOBS:-2}
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2;;
    --jobs) jobs=$2; shift 2;;
    -h|--help) sed -n '2,12p' "$0"; exit 0;;
    *) files+=("$1"); shift;;
  esac
done
[ ${#files[@]} -gt 0 ] || mapfile -t files < <(find "$FIX_DIR" -maxdepth 1 -name '[0-9][0-9][0-9]-*.sh' | LC_ALL=C sort)
[ ${#files[@]} -gt 0 ] || { echo "no fixtures in $FIX_DIR" >&2; exit 2; }

# one TSV row for one fixture (runs in a child bash, several at a time)
row() {
  local f=$1 oracle=$2 t o msg
  t=$("$oracle" --mode test-only "$f") || true
  o=$("$oracle" --mode offline "$f") || true
  case "$t" in ACCEPT|REJECT:*) ;; *) echo "oracle failed on $f: $t" >&2; return 1;; esac
  case "$o" in ACCEPT|REJECT:*) ;; *) echo "oracle failed on $f: $o" >&2; return 1;; esac
  msg=""
  if [ "$t" != ACCEPT ]; then msg=${t#REJECT: }
  elif [ "$o" != ACCEPT ]; then msg="offline: ${o#REJECT: }"; fi
  printf '%s\t%s\t%s\t%s\n' "$(basename "$f")" "${t%%:*}" "${o%%:*}" "$msg"
}
export -f row

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
printf '%s\0' "${files[@]}" \
  | xargs -0 -n 1 -P "$jobs" bash -c 'row "$2" "$1"' row-of "$ROOT/scripts/sbatch-oracle.sh" > "$tmp"
[ "$(wc -l < "$tmp")" = "${#files[@]}" ] || { echo "record-sbatch-verdicts: some fixtures got no verdict" >&2; exit 1; }
{ printf 'file\ttestonly\toffline\tmessage\n'; LC_ALL=C sort "$tmp"; } > "$tmp.sorted"
if [ "$out" = - ]; then cat "$tmp.sorted"; rm -f "$tmp.sorted"; else mv "$tmp.sorted" "$out"; chmod 0644 "$out"; fi
