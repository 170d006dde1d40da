#!/usr/bin/env bash
# sbatch-oracle.sh [--mode test-only|offline] FILE
#   Asks the real sbatch what it thinks of a job script and prints one line:
#     ACCEPT
#     REJECT: <sbatch's messages, joined with " | ">
#   Exit status 0 (accepted), 1 (rejected), 2 (usage / no cluster).
#
# Modes (also ORACLE_MODE=...):
#   test-only (default)  sbatch --test-only FILE: client-side parsing, then the controller checks the
#                        request against the cluster (partitions, node shape, arrays, dependencies);
#                        nothing is queued.
#   offline              client-side parsing only: sbatch is pointed at a copy of slurm.conf whose
#                        controller port is closed; "cannot reach the controller" counts as ACCEPT.
#
# Reads ${LAB_DIR:-/tmp/hpcw-slurm-lab}/cluster.env (written by scripts/test-cluster.sh). As root, sbatch
# runs as the unprivileged test user (runuser) in the cluster's work dir; otherwise as the caller.
# The script is copied (same base name, so messages naming it are stable) into a fresh directory,
# and sbatch gets a clean environment: SBATCH_* / SLURM_* variables of the caller would override
# the script's directives.
set -u
mode=${ORACLE_MODE:-test-only}
if [ "${1:-}" = --mode ]; then mode=${2:-}; shift 2 || true; fi
f=${1:-}
[ -n "$f" ] && [ $# = 1 ] || { echo "usage: sbatch-oracle.sh [--mode test-only|offline] FILE" >&2; exit 2; }
[ -r "$f" ] || { echo "REJECT: cannot read $f"; exit 1; }
case "$mode" in test-only|offline) ;; *) echo "sbatch-oracle.sh: unknown mode '$mode'" >&2; exit 2;; esac

LAB_DIR=${LAB_DIR:-/tmp/hpcw-slurm-lab}
ENV_FILE=${HPCW_CLUSTER_ENV:-$LAB_DIR/cluster.env}
SLURM_TEST_USER=""; SLURM_WORK_DIR=""; SLURM_OFFLINE_CONF=""
if [ -r "$ENV_FILE" ]; then
  while IFS='=' read -r k v; do
    case "$k" in SLURM_TEST_USER|SLURM_WORK_DIR|SLURM_OFFLINE_CONF) printf -v "$k" '%s' "$v";; esac
  done < "$ENV_FILE"
fi
# who runs sbatch, and where
as_user=()
home=${HOME:-/tmp}
if [ "$(id -u)" = 0 ] && [ -n "$SLURM_TEST_USER" ] && id "$SLURM_TEST_USER" >/dev/null 2>&1; then
  as_user=(runuser -u "$SLURM_TEST_USER" --)
  home=$(getent passwd "$SLURM_TEST_USER" | cut -d: -f6)
fi
if [ -z "$SLURM_WORK_DIR" ] || [ ! -d "$SLURM_WORK_DIR" ] || { [ ${#as_user[@]} = 0 ] && [ ! -w "$SLURM_WORK_DIR" ]; }; then
  SLURM_WORK_DIR=${TMPDIR:-/tmp}
fi
run() { "${as_user[@]}" "$@"; }

dir=$(run mktemp -d "$SLURM_WORK_DIR/oracle.XXXXXX") || { echo "sbatch-oracle.sh: cannot make a work dir in $SLURM_WORK_DIR" >&2; exit 2; }
trap 'rm -rf "$dir"' EXIT
name=$(basename "$f")
run sh -c 'cat > "$1"' sh "$dir/$name" < "$f"

clean_env=(env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$home" LANG=C.UTF-8)
case "$mode" in
  test-only)
    out=$(cd "$dir" && run "${clean_env[@]}" timeout 60 sbatch --test-only "$name" 2>&1); rc=$? ;;
  offline)
    conf=$SLURM_OFFLINE_CONF
    if [ -z "$conf" ] || [ ! -r "$conf" ]; then
      # no lab env: derive one from the installed slurm.conf (same cluster, closed controller port)
      [ -r /etc/slurm/slurm.conf ] || { echo "sbatch-oracle.sh: no slurm.conf to derive an offline one from" >&2; exit 2; }
      conf="$dir/offline.conf"
      { sed -e '/^SlurmctldPort=/d;/^MessageTimeout=/d' /etc/slurm/slurm.conf; echo SlurmctldPort=1; echo MessageTimeout=1; } \
        | run sh -c 'cat > "$1"' sh "$conf"
    fi
    out=$(cd "$dir" && run "${clean_env[@]}" SLURM_CONF="$conf" timeout 60 sbatch --test-only "$name" 2>&1); rc=$?
    if [ $rc != 0 ] && grep -qiE 'Unable to contact slurm controller|Unable to establish|Connection refused' <<<"$out"; then
      rc=0; out=""
    fi ;;
esac

# keep errors and fatals; drop the --test-only success line, help hints and continuation lines
msgs=$(printf '%s\n' "$out" | grep -vE '^sbatch: Job [0-9]+ to start at|^Submitted batch job' | sed '/^$/d')
if [ $rc = 0 ]; then echo "ACCEPT"; exit 0; fi
err=$(printf '%s\n' "$msgs" \
  | grep -vE '^Try "sbatch --help"|^sbatch: error: +(line must start|For instance|instead of expected)' \
  | tr '\t' ' ' | paste -sd'|' | sed 's/|/ | /g')
[ -n "$err" ] || err="(exit $rc, no message)"
echo "REJECT: $err"
exit 1
