#!/usr/bin/env bash
# stop-cluster.sh - stop what scripts/test-cluster.sh started (by pid file, nothing else) and
# remove ${LAB_DIR}/cluster.env, so the cluster tests see "no cluster".
# PURGE=1 also removes the packages, Slurm/MariaDB state, the test user and the generated keys
# (to re-test a fresh install). Must run as root.
set -u
LAB_DIR=${LAB_DIR:-/tmp/hpcw-slurm-lab}
TEST_USER=${TEST_USER:-slurmtest}
[ "$(id -u)" = 0 ] || { echo "stop-cluster.sh: must run as root" >&2; exit 1; }
rm -f "$LAB_DIR/cluster.env"
# a stale /run/slurmctld.pid matters: Debian's slurmctld prerm runs scancel when it exists
stop() { local f=$1 p; [ -s "$f" ] || { rm -f "$f"; return 0; }; p=$(cat "$f")
         if kill "$p" 2>/dev/null; then
           for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
           kill -0 "$p" 2>/dev/null && kill -9 "$p" 2>/dev/null
         fi; rm -f "$f"; }
if command -v scancel >/dev/null && id "$TEST_USER" >/dev/null 2>&1; then
  timeout 10 scancel --user="$TEST_USER" 2>/dev/null || true
fi
stop /run/sshd-lab.pid
stop /run/slurmd.pid
stop /run/slurmctld.pid
stop /run/slurmdbd.pid
stop /run/mysqld/mysqld.pid
stop /run/munge/munged.pid
if [ "${PURGE:-0}" = 1 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq 'slurm-wlm*' slurmctld slurmd slurm-client slurmdbd \
      munge libmunge2 'mariadb-*' openssh-server >/dev/null 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get autoremove --purge -y -qq >/dev/null 2>&1
  apt-get clean
  userdel -r "$TEST_USER" 2>/dev/null || true
  rm -rf /etc/slurm /var/lib/slurm /var/log/slurm /var/lib/mysql /etc/mysql /etc/munge /var/lib/munge \
         /var/log/munge /run/munge /run/mysqld /run/slurm-fakegpu /etc/ssh/sshd_config_lab /var/log/sshd-lab.log \
         /var/log/mariadbd-lab.log "$LAB_DIR"
fi
exit 0
