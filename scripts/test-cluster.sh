#!/usr/bin/env bash
# test-cluster.sh - start a real single-node Slurm 22.05 (munge, slurmdbd + MariaDB, slurmctld,
# slurmd) and a key-only OpenSSH server on 127.0.0.1, for the project's cluster tests.
#
# Idempotent: daemons that already run with the same configuration are left alone, so a warm
# call takes a second or two. No systemd: every daemon is started by hand. Must run as root.
# Installs its packages itself (Debian/Ubuntu, apt-get).
#
# When it is done it writes ${LAB_DIR}/cluster.env (KEY=value lines, no quoting) that the tests
# read (test/support/cluster.ts); scripts/stop-cluster.sh stops everything and removes that file,
# so "env file present" means "cluster running".
#
# The node's shape is fixed (not taken from the machine) so that what sbatch --test-only accepts
# is the same on every machine: the recorded verdicts in test/fixtures/slurm depend on it.
#
# Env knobs:
#   LAB_DIR=/tmp/hpcw-slurm-lab   keys, logs, the env file, the test user's work dir
#   SSH_PORT=2222                 sshd port (bound to 127.0.0.1 only)
#   TEST_USER=slurmtest           unprivileged user the tests submit as (runuser / ssh)
#   NODE_CPUS=16 NODE_MEM=64000   CPUs (2 sockets, even number) and MB advertised for the node. They may
#                                 exceed the real machine (config_overrides); nothing enforces them
#                                 at run time (no cgroups), and realistic job scripts fit.
#   WITH_GPU_GRES=1               advertise 2 fake "gpu" GRES so --gres=gpu:N is testable
#   WITH_SLURMDBD=1               MariaDB + slurmdbd so sacct works
#   SKIP_INSTALL=1                do not call apt-get
#   KEY_OWNER=<user>              owner of the generated private key (default $SUDO_USER or root)
#   RESET=1                       stop daemons, wipe Slurm state (job ids restart at 1)
set -euo pipefail

LAB_DIR=${LAB_DIR:-/tmp/hpcw-slurm-lab}
SSH_PORT=${SSH_PORT:-2222}
TEST_USER=${TEST_USER:-slurmtest}
NODE_CPUS=${NODE_CPUS:-16}
NODE_MEM=${NODE_MEM:-64000}
NODE_FEATURES=avx2,intel
WITH_GPU_GRES=${WITH_GPU_GRES:-1}
WITH_SLURMDBD=${WITH_SLURMDBD:-1}
MAX_ARRAY_SIZE=10001
[ $((NODE_CPUS % 2)) = 0 ] || { echo "NODE_CPUS must be even (2 sockets)" >&2; exit 1; }
NODE=localhost            # NodeName; slurmd is started with -N localhost
CONF=/etc/slurm/slurm.conf
log() { printf '[test-cluster %(%T)T] %s\n' -1 "$*"; }

[ "$(id -u)" = 0 ] || { echo "test-cluster.sh: must run as root (try sudo)" >&2; exit 1; }
install -d -m 0755 "$LAB_DIR"
rm -f "$LAB_DIR/cluster.env"      # rewritten at the very end, once everything answers

# ---------- 1. packages ----------
if [ "${SKIP_INSTALL:-0}" != 1 ]; then
  need=()
  pkgs=(slurm-wlm munge openssh-server openssh-client)
  [ "$WITH_SLURMDBD" = 1 ] && pkgs+=(slurmdbd mariadb-server)
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
  done
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    # a policy-rc.d that says "no" keeps the packages' postinst from starting services
    own_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; own_policy=1
    fi
    [ -n "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ] || apt-get update -qq
    rc=0; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || rc=$?
    [ "$own_policy" = 0 ] || rm -f /usr/sbin/policy-rc.d
    [ "$rc" = 0 ] || { echo "apt-get install ${need[*]} failed ($rc)" >&2; exit "$rc"; }
  fi
fi

# ---------- helpers ----------
alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
# stop a daemon by pid file, wait for it (slurmctld needs ~3 s), drop the pid file (a stale
# /run/slurmctld.pid makes Debian's slurmctld prerm run scancel, which fails on purge)
stop_pidfile() { local f=$1 p; [ -s "$f" ] || { rm -f "$f"; return 0; }; p=$(cat "$f")
  if kill "$p" 2>/dev/null; then for _ in $(seq 75); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done; fi
  rm -f "$f"; }
if [ "${RESET:-0}" = 1 ]; then
  log "RESET: stopping daemons and wiping state"
  stop_pidfile /run/slurmd.pid; stop_pidfile /run/slurmctld.pid
  rm -rf /var/lib/slurm/slurmctld/* /var/lib/slurm/slurmd/*
fi

# ---------- 2. munge ----------
install -d -o munge -g munge -m 0755 /run/munge
install -d -o munge -g munge -m 0700 /var/lib/munge /var/log/munge /etc/munge
if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none
  chown munge:munge /etc/munge/munge.key; chmod 0400 /etc/munge/munge.key
fi
munge_ok() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }
if ! munge_ok; then
  log "starting munged"
  rm -f /run/munge/munge.socket.2 /run/munge/munge.socket.2.lock 2>/dev/null || true
  runuser -u munge -- /usr/sbin/munged
  for _ in $(seq 50); do munge_ok && break; sleep 0.1; done
fi
munge_ok || { echo "munged does not answer" >&2; exit 1; }

# ---------- 3. MariaDB + slurmdbd (optional) ----------
if [ "$WITH_SLURMDBD" = 1 ]; then
  install -d -o mysql -g mysql /run/mysqld
  [ -d /var/lib/mysql/mysql ] || mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
  if ! mariadb-admin ping >/dev/null 2>&1; then
    log "starting mariadbd"
    setsid /usr/sbin/mariadbd --user=mysql --bind-address=127.0.0.1 --pid-file=/run/mysqld/mysqld.pid \
      --innodb-buffer-pool-size=64M --innodb-lock-wait-timeout=900 </dev/null >>/var/log/mariadbd-lab.log 2>&1 &
    for _ in $(seq 150); do mariadb-admin ping >/dev/null 2>&1 && break; sleep 0.2; done
  fi
  mariadb -e "CREATE DATABASE IF NOT EXISTS slurm_acct_db;
    CREATE USER IF NOT EXISTS 'slurm'@'localhost' IDENTIFIED BY 'slurmpw';
    GRANT ALL ON slurm_acct_db.* TO 'slurm'@'localhost'; FLUSH PRIVILEGES;"
  install -d -o slurm -g slurm /var/log/slurm
  cat > /etc/slurm/slurmdbd.conf.new <<EOF
AuthType=auth/munge
DbdHost=localhost
DbdPort=6819
SlurmUser=slurm
PidFile=/run/slurmdbd.pid
LogFile=/var/log/slurm/slurmdbd.log
DebugLevel=info
StorageType=accounting_storage/mysql
StorageHost=localhost
StorageLoc=slurm_acct_db
StorageUser=slurm
StoragePass=slurmpw
EOF
  if cmp -s /etc/slurm/slurmdbd.conf.new /etc/slurm/slurmdbd.conf; then rm /etc/slurm/slurmdbd.conf.new
  else mv /etc/slurm/slurmdbd.conf.new /etc/slurm/slurmdbd.conf; stop_pidfile /run/slurmdbd.pid; fi
  chown slurm:slurm /etc/slurm/slurmdbd.conf; chmod 600 /etc/slurm/slurmdbd.conf
  if ! alive /run/slurmdbd.pid; then
    log "starting slurmdbd"
    /usr/sbin/slurmdbd
    for _ in $(seq 150); do (exec 3<>/dev/tcp/127.0.0.1/6819) 2>/dev/null && break; sleep 0.2; done
  fi
  ACCT="AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=localhost
AccountingStoragePort=6819"
else
  ACCT="AccountingStorageType=accounting_storage/none"
fi

# ---------- 4. slurm.conf (+ gres.conf) ----------
GRES_NODE=""; GRES_TYPES=""; GRES_COUNT=0
GRES_CHANGED=0
if [ "$WITH_GPU_GRES" = 1 ]; then
  GRES_NODE="Gres=gpu:2"; GRES_TYPES="GresTypes=gpu"; GRES_COUNT=2
  # gres/gpu drops GPUs without File= and wants character devices: fake two with /dev/null's numbers
  install -d /run/slurm-fakegpu
  for i in 0 1; do [ -e /run/slurm-fakegpu/nvidia$i ] || mknod /run/slurm-fakegpu/nvidia$i c 1 3 2>/dev/null || touch /run/slurm-fakegpu/nvidia$i; done
  echo "NodeName=$NODE Name=gpu File=/run/slurm-fakegpu/nvidia[0-1]" > /etc/slurm/gres.conf.new
  if cmp -s /etc/slurm/gres.conf.new /etc/slurm/gres.conf 2>/dev/null; then rm /etc/slurm/gres.conf.new
  else mv /etc/slurm/gres.conf.new /etc/slurm/gres.conf; GRES_CHANGED=1; fi
elif [ -f /etc/slurm/gres.conf ]; then
  rm -f /etc/slurm/gres.conf; GRES_CHANGED=1
fi
install -d -o slurm -g slurm /var/lib/slurm/slurmctld /var/log/slurm
install -d /var/lib/slurm/slurmd
cat > "$CONF.new" <<EOF
# generated by scripts/test-cluster.sh (hpc-workflows cluster tests)
ClusterName=lab
SlurmctldHost=localhost
AuthType=auth/munge
CredType=cred/munge
SlurmUser=slurm
SlurmctldPort=6817
SlurmdPort=6818
# bind slurmctld/slurmd to 127.0.0.1 instead of 0.0.0.0
CommunicationParameters=NoInAddrAny,NoCtldInAddrAny
StateSaveLocation=/var/lib/slurm/slurmctld
SlurmdSpoolDir=/var/lib/slurm/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
# no cgroups: works in containers; ConstrainDevices would make every job fail here
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/linux
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=100
# trust this file's node shape over what slurmd detects (fixed shape = same verdicts everywhere)
SlurmdParameters=config_overrides
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
SchedulerType=sched/backfill
$ACCT
# finished jobs are also appended to a text file (sacct -c reads it, as root)
JobCompType=jobcomp/filetxt
JobCompLoc=/var/log/slurm/jobcomp.log
MaxJobCount=50000
MaxArraySize=$MAX_ARRAY_SIZE
MinJobAge=300
$GRES_TYPES
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=$NODE_CPUS Boards=1 SocketsPerBoard=2 CoresPerSocket=$((NODE_CPUS / 2)) ThreadsPerCore=1 RealMemory=$NODE_MEM Features=$NODE_FEATURES State=UNKNOWN $GRES_NODE
PartitionName=debug Nodes=$NODE Default=YES MaxTime=01:00:00 DefaultTime=00:10:00 State=UP
PartitionName=gpu   Nodes=$NODE Default=NO  MaxTime=2-00:00:00 DefaultTime=00:10:00 State=UP
EOF
CHANGED=$GRES_CHANGED
if ! cmp -s "$CONF.new" "$CONF" 2>/dev/null; then mv "$CONF.new" "$CONF"; CHANGED=1; else rm "$CONF.new"; fi
[ -f /etc/slurm/cgroup.conf ] || echo "CgroupPlugin=autodetect" > /etc/slurm/cgroup.conf
SLURM_VERSION=$(sbatch --version | awk '{print $2}')   # needs a slurm.conf

# ---------- 5. slurmctld / slurmd ----------
if alive /run/slurmctld.pid && [ "$CHANGED" = 1 ]; then
  log "configuration changed: restarting slurmctld and slurmd"
  stop_pidfile /run/slurmd.pid; stop_pidfile /run/slurmctld.pid
fi
ctld_up() { scontrol ping 2>/dev/null | grep -q 'is UP'; }
if alive /run/slurmctld.pid && ! ctld_up; then
  # alive but silent: starting up or shutting down (~3 s); wait, else replace it
  for _ in $(seq 50); do ctld_up && break; alive /run/slurmctld.pid || break; sleep 0.2; done
  ctld_up || stop_pidfile /run/slurmctld.pid
fi
if ! alive /run/slurmctld.pid; then
  log "starting slurmctld"
  /usr/sbin/slurmctld -i            # -i: ignore unreadable state; daemonises itself
fi
for _ in $(seq 100); do ctld_up && break; sleep 0.2; done
ctld_up || { tail -20 /var/log/slurm/slurmctld.log >&2; exit 1; }
if [ "$WITH_SLURMDBD" = 1 ] && ! sacctmgr -n -P show cluster format=cluster 2>/dev/null | grep -qx lab; then
  sacctmgr -i add cluster lab >/dev/null 2>&1 || true   # slurmctld normally registers it itself
fi
if ! alive /run/slurmd.pid; then
  log "starting slurmd"
  /usr/sbin/slurmd -N "$NODE"
fi
node_ready() { sinfo -h -r -n "$NODE" -o %T 2>/dev/null | grep -Eq '^(idle|mixed|allocated|completing)'; }
for _ in $(seq 100); do
  node_ready && break
  case "$(sinfo -h -n "$NODE" -o %T 2>/dev/null | head -1)" in
    down*|drain*|fail*) scontrol update nodename="$NODE" state=resume 2>/dev/null || true;;
  esac
  sleep 0.2
done
node_ready || { sinfo -R >&2; tail -20 /var/log/slurm/slurmd.log >&2; exit 1; }

# ---------- 6. test user, its work dir, an offline configuration ----------
id "$TEST_USER" >/dev/null 2>&1 || useradd -m -s /bin/bash "$TEST_USER"
usermod -p '*' "$TEST_USER"          # not "locked" (!), so sshd with UsePAM=no lets it in; no password
# sbatch runs as the test user from here; the oracle copies each script in before submitting it
install -d -m 0755 -o "$TEST_USER" -g "$TEST_USER" "$LAB_DIR/work"
# same cluster, but nothing listens on the controller port: sbatch does only its client-side
# parsing, fails to connect within a second, and the oracle reads that as "accepted by the client"
install -d -m 0755 "$LAB_DIR/offline"
{ sed -e '/^SlurmctldPort=/d;/^MessageTimeout=/d' "$CONF"; echo SlurmctldPort=1; echo MessageTimeout=1; } > "$LAB_DIR/offline/slurm.conf"
rm -f "$LAB_DIR/offline/gres.conf"
[ -f /etc/slurm/gres.conf ] && cp /etc/slurm/gres.conf "$LAB_DIR/offline/"
chmod 0644 "$LAB_DIR"/offline/*

# ---------- 7. sshd on 127.0.0.1 ----------
install -d -m 0700 "$LAB_DIR/ssh"
[ -f "$LAB_DIR/ssh/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C "$TEST_USER@hpcw-lab" -f "$LAB_DIR/ssh/id_ed25519"
# hand the private key to whoever runs the tests (OpenSSH insists on 0600 and the owner)
KEY_OWNER=${KEY_OWNER:-${SUDO_USER:-root}}
chown "$KEY_OWNER" "$LAB_DIR/ssh" "$LAB_DIR/ssh/id_ed25519" "$LAB_DIR/ssh/id_ed25519.pub"; chmod 0600 "$LAB_DIR/ssh/id_ed25519"
H=$(getent passwd "$TEST_USER" | cut -d: -f6)
install -d -m 0700 -o "$TEST_USER" -g "$TEST_USER" "$H/.ssh"
install -m 0600 -o "$TEST_USER" -g "$TEST_USER" "$LAB_DIR/ssh/id_ed25519.pub" "$H/.ssh/authorized_keys"
install -d -m 0755 /run/sshd
ssh-keygen -A >/dev/null
cat > /etc/ssh/sshd_config_lab.new <<EOF
Port $SSH_PORT
ListenAddress 127.0.0.1
PidFile /run/sshd-lab.pid
HostKey /etc/ssh/ssh_host_ed25519_key
HostKey /etc/ssh/ssh_host_rsa_key
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin no
AllowUsers $TEST_USER
UsePAM no
X11Forwarding no
Subsystem sftp /usr/lib/openssh/sftp-server
EOF
/usr/sbin/sshd -t -f /etc/ssh/sshd_config_lab.new
if cmp -s /etc/ssh/sshd_config_lab.new /etc/ssh/sshd_config_lab; then rm /etc/ssh/sshd_config_lab.new
else mv /etc/ssh/sshd_config_lab.new /etc/ssh/sshd_config_lab; stop_pidfile /run/sshd-lab.pid; fi
if ! alive /run/sshd-lab.pid; then
  log "starting sshd on 127.0.0.1:$SSH_PORT"
  /usr/sbin/sshd -f /etc/ssh/sshd_config_lab -E /var/log/sshd-lab.log
fi
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$SSH_PORT") 2>/dev/null && break; sleep 0.1; done
ssh-keyscan -p "$SSH_PORT" -t ed25519 127.0.0.1 2>/dev/null > "$LAB_DIR/ssh/known_hosts"
[ -s "$LAB_DIR/ssh/known_hosts" ] || { echo "sshd does not answer on 127.0.0.1:$SSH_PORT" >&2; exit 1; }
chown "$KEY_OWNER" "$LAB_DIR/ssh/known_hosts"

# ---------- 8. smoke test, then the env file ----------
out=$(cd "$LAB_DIR/work" && runuser -u "$TEST_USER" -- sbatch --test-only --wrap=true 2>&1) \
  || { echo "sbatch --test-only as $TEST_USER failed: $out" >&2; exit 1; }
cat > "$LAB_DIR/cluster.env.new" <<EOF
SLURM_VERSION=$SLURM_VERSION
SLURM_CONF=$CONF
SLURM_OFFLINE_CONF=$LAB_DIR/offline/slurm.conf
SLURM_TEST_USER=$TEST_USER
SLURM_WORK_DIR=$LAB_DIR/work
SLURM_NODE=$NODE
SLURM_NODE_CPUS=$NODE_CPUS
SLURM_NODE_MEM_MB=$NODE_MEM
SLURM_GPU_GRES=$GRES_COUNT
SLURM_NODE_FEATURES=$NODE_FEATURES
SLURM_MAX_ARRAY_SIZE=$MAX_ARRAY_SIZE
SLURM_PARTITIONS=debug,gpu
SLURM_SSH_HOST=127.0.0.1
SLURM_SSH_PORT=$SSH_PORT
SLURM_SSH_USER=$TEST_USER
SLURM_SSH_KEY=$LAB_DIR/ssh/id_ed25519
SLURM_SSH_KNOWN_HOSTS=$LAB_DIR/ssh/known_hosts
EOF
chmod 0644 "$LAB_DIR/cluster.env.new"
mv "$LAB_DIR/cluster.env.new" "$LAB_DIR/cluster.env"
log "ready: Slurm $SLURM_VERSION; $(sinfo -h -o '%P %a %D %T' | tr '\n' ';') ssh $TEST_USER@127.0.0.1:$SSH_PORT; env $LAB_DIR/cluster.env"
