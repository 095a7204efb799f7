# Shared by the scripts: repository root, build-if-needed, the Java command line for local-mode
# Spark, and the local PostgreSQL under .local/. Source it; do not run it.

NETMARKET_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export NETMARKET_ROOT

# Java 17 takes its default charset from the locale: without a UTF-8 one (cron, a bare systemd
# unit, a server with no LANG) the Chinese names in the logs would be written as '?'. C.UTF-8 is
# built into the C library on Debian.
if [[ "$(locale charmap 2>/dev/null)" != "UTF-8" ]]; then
  export LC_ALL=C.UTF-8
fi

# runuser (starting PostgreSQL as its own user) is in /usr/sbin, which root's cron PATH lacks.
case ":$PATH:" in *:/usr/sbin:*) ;; *) PATH="$PATH:/usr/sbin:/sbin" ;; esac

# JVM flags Spark needs on Java 17 (spark-submit adds these itself); keep in step with pom.xml.
NETMARKET_JVM_OPENS=(
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true
)

# Whether the calling script's arguments (its array args) hold option $1, alone or as $1=VALUE.
has() { local f; for f in "${args[@]}"; do [[ "$f" == "$1" || "$f" == "$1="* ]] && return 0; done; return 1; }
# Whether the calling script's boolean option $1 is on: given bare, or as $1=VALUE with a value
# other than false (the job's parser reads --dry-run=false as off); the last one given wins.
flag_on() {
  local f on=1
  for f in "${args[@]}"; do
    if [[ "$f" == "$1" ]]; then
      on=0
    elif [[ "$f" == "$1="* ]]; then
      if [[ "${f#"$1="}" =~ ^[Ff][Aa][Ll][Ss][Ee]$ ]]; then on=1; else on=0; fi
    fi
  done
  return $on
}
# The value of the calling script's option $1 (--opt VALUE or --opt=VALUE; the last one given), or nothing.
arg_value() {
  local i
  for ((i = ${#args[@]} - 1; i >= 0; i--)); do
    [[ "${args[i]}" == "$1="* ]] && { echo "${args[i]#"$1="}"; return 0; }
    [[ "${args[i]}" == "$1" && $((i + 1)) -lt ${#args[@]} ]] && { echo "${args[i + 1]}"; return 0; }
  done
  return 0
}
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'error: %s\n' "$1" >&2; exit "${2:-1}"; }
# A script's --help: its header comment, from the line after the shebang to the first line that
# is not a comment, so the text cannot drift from a hard-coded line range.
script_help() { awk 'NR == 1 { next } !/^#/ { exit } { sub(/^# ?/, ""); print }' "$1"; }

# The job jar; rebuilt when it is missing or any source, schema or the pom is newer, and from
# scratch (mvn clean) when files were added, removed or renamed since the last build: a file
# deleted from the sources (a migration, an edition) would otherwise stay in target/classes and
# in the jar, and nothing in the tree would be newer to say so.
netmarket_jar() { echo "$NETMARKET_ROOT/target/netmarket-jobs-0.1.0.jar"; }

source_listing() {
  (cd "$NETMARKET_ROOT" && find pom.xml jobs/src/main schemas -type f ! -name '*.md' | LC_ALL=C sort | sha256sum | cut -c1-64)
}

# The Maven goals a build of the tree needs, given its source listing: nothing when the jar is
# current, "package", or "clean package" when files were added, removed or renamed.
build_goals() {
  local jar recorded built; jar="$(netmarket_jar)"
  # A scripted build leaves a stamp: Maven keeps a jar whose classes did not change (a pom.xml
  # edit that touched no class), which, older than the edit, would ask for a build every run.
  built="$NETMARKET_ROOT/target/.built"; [[ -f "$built" ]] || built="$jar"
  # None recorded: a build by hand (mvn package, as the README's set-up does) of the tree as it is.
  recorded="$(cat "$NETMARKET_ROOT/target/source-listing.sha256" 2>/dev/null)" || true
  if [[ -n "$recorded" && "$recorded" != "$1" ]]; then
    echo "clean package"
  elif [[ ! -f "$jar" || ! -f "$NETMARKET_ROOT/target/classpath.txt" ]] \
     || [[ -n "$(find "$NETMARKET_ROOT/pom.xml" "$NETMARKET_ROOT/jobs/src/main" "$NETMARKET_ROOT/schemas" -type f -newer "$built" ! -name '*.md' -print -quit 2>/dev/null)" ]]; then
    echo "package"
  fi
}

# The path of lock file $1 under .local, made when missing; to be opened read-only for flock, as
# the nightly's is, so that a file another user made does not stop the command. Fails when .local
# cannot be written.
local_lock() {
  local lock="$NETMARKET_ROOT/.local/$1"
  { mkdir -p "$NETMARKET_ROOT/.local" && { [[ -e "$lock" ]] || : >>"$lock"; }; } 2>/dev/null && echo "$lock"
}

# How long a command waits for another build of the checkout before it gives up (a build takes a
# minute or two; one that takes this long is stuck).
NETMARKET_BUILD_WAIT_SECONDS="${NETMARKET_BUILD_WAIT_SECONDS:-1800}"

# with_build_lock COMMAND...: runs it holding the checkout's build lock, after waiting for another
# build to finish. One build at a time in a checkout: a night and an analyst's run that start
# together, or a run and scripts/test, would clean each other's classes. (The lock file is in
# .local, since mvn clean removes target/.) Only the build holds the lock, never a night's fd 9:
# a build left running by a stopped night must not keep the next night out.
with_build_lock() {
  local lock
  lock="$(local_lock build.lock)" || die "cannot create $NETMARKET_ROOT/.local/build.lock: .local must be a folder $(id -un) can write"
  # Held already by an ancestor (the scripts that scripts/test's suite runs): waiting for it would
  # never end. (Said held, and held indeed: a lock free again is taken as any other.)
  if [[ "${NETMARKET_BUILD_LOCK_HELD:-}" == "$lock" ]] && ! flock -n "$lock" true 2>/dev/null; then
    "$@" 9>&-
    return
  fi
  (
    if ! flock -n 8; then
      log "waiting for another build of this checkout to finish ($lock)"
      flock -w "$NETMARKET_BUILD_WAIT_SECONDS" 8 || { log "no build after $NETMARKET_BUILD_WAIT_SECONDS s of waiting"; exit 1; }
    fi
    export NETMARKET_BUILD_LOCK_HELD="$lock"
    "$@"
  ) 8<"$lock" 9>&-
}

# Builds with the goals the tree of source listing $1 needs, if any (the lock's holder asks again:
# the build it waited for may have made the jar current).
build_for_listing() {
  local goals
  goals="$(build_goals "$1")"
  [[ -n "$goals" ]] || return 0
  log "building the job (mvn $goals, tests skipped)"
  # To stderr, and without the colour resets Maven 3.8 prints even when quiet and not on a
  # terminal: a script's stdout is its result (a scorecard, a help text).
  # shellcheck disable=SC2086 # the goals are words
  (set -o pipefail; cd "$NETMARKET_ROOT" && mvn -q -B -DskipTests $goals 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2) || return
  : >"$NETMARKET_ROOT/target/.built"
}

ensure_built() {
  local listing
  command -v java >/dev/null || die "java is not installed (Java 17 is needed)"
  listing="$(source_listing)"
  if [[ -n "$(build_goals "$listing")" ]]; then
    command -v mvn >/dev/null || die "maven (mvn) is not installed"
    with_build_lock build_for_listing "$listing" || die "the build failed"
  fi
  # Recorded when it changed: a checkout built by another user (a service account running what
  # root built), whose target/ this one may not write, needs no write when nothing was built.
  if [[ "$(cat "$NETMARKET_ROOT/target/source-listing.sha256" 2>/dev/null)" != "$listing" ]]; then
    { echo "$listing" > "$NETMARKET_ROOT/target/source-listing.sha256"; } 2>/dev/null \
      || log "cannot record the source listing in $NETMARKET_ROOT/target (not writable by $(id -un)): a file added or removed later may need mvn clean package by hand"
  fi
}

# Shallow inlining in HotSpot's optimizing compiler (C2; its defaults are depth 15, 325 and 2500
# bytes). A run asks Spark for hundreds of short queries, each with classes of its own generated
# and compiled at run time; on 2 cores, JIT-compiling them with deep inlining took over a third of a
# national nightly's CPU. With these limits the nightly used a fifth less CPU (13% less wall time)
# and the full run was no slower: its hot loops are small enough to be inlined either way.
NETMARKET_JIT_OPTS="-XX:MaxInlineLevel=6 -XX:FreqInlineSize=150 -XX:InlineSmallCode=1000"

# Where a run's time went, from the stage lines of its log ("stage ingest: done in 28.0 s", "…
# in 735 ms", "… in 1 min 29 s"), on one line in seconds: stage_times LOG prints
# "warehouse 0.7 s, ingest 89.0 s, …". The run's wall time less their sum is the JVM and Spark
# starting and what runs between stages. (scripts/bench prints it for every Spark run.)
stage_times() {
  sed -n 's/.*stage \(.*\): done in \(.*\)$/\1|\2/p' "$1" | awk -F'|' '{
    n = split($2, w, " "); t = 0
    for (i = 1; i < n; i += 2) t += (w[i+1] == "ms") ? w[i] / 1000 : (w[i+1] == "min") ? w[i] * 60 : w[i]
    sub(/ \(as of [^)]*\)/, "", $1); printf "%s%s %.1f s", (NR > 1 ? ", " : ""), $1, t }'
}

# The psql command that opens the warehouse of a JDBC URL: its host, port, database and user
# (the URL's user parameter; never its password, which psql takes from PGPASSWORD or ~/.pgpass
# as the job does). Nothing for a URL that this form cannot say (several hosts, an IPv6 address,
# no host): the run's summary names the URL itself.
psql_command() {
  local re='^jdbc:postgresql://([A-Za-z0-9._-]+)(:([0-9]+))?/([^?/]+)([?](.*))?$' user="" p
  [[ "$1" =~ $re ]] || return 0
  local host="${BASH_REMATCH[1]}" port="${BASH_REMATCH[3]:-5432}" db="${BASH_REMATCH[4]}" query="${BASH_REMATCH[6]}"
  local IFS='&'
  for p in $query; do [[ "$p" == user=* ]] && user="${p#user=}"; done
  echo "psql -h $host -p $port${user:+ -U $user} -d $db"
}

# The job's JVM options in local mode (NETMARKET_JAVA_OPTS replaces them): a 4 GB heap, and the
# tuning the benchmark measures with any heap: the parallel collector, which ran the national
# benchmark 10-15% faster than G1 on 2 cores (Spark tasks want throughput, not short pauses), and
# the JIT options above. The same as tuning.opts in pom.xml (the tests' JVM; ScriptsTest compares
# them).
NETMARKET_TUNING_OPTS="-XX:+UseParallelGC $NETMARKET_JIT_OPTS"
NETMARKET_DEFAULT_JAVA_OPTS="-Xmx4g $NETMARKET_TUNING_OPTS"

# The java command line of a main class of the job, in local mode, into the array java_command.
# (A missing classpath.txt is the build's failure, which java then names: not a reason for
# set -e to end the script without a word.) With this build's class-data-sharing archive when
# there is one (see ensure_cds_archive); the JVM checks that it matches the jars and, when it does
# not, runs without it — silently: its warning would go to stdout, into the scorecard.
java_command_of() {
  local classpath cds=()
  classpath="$(cat "$NETMARKET_ROOT/target/classpath.txt" 2>/dev/null)" || true
  if [[ "$NETMARKET_CDS" == on ]] && cds_archive_current; then
    cds=(-XX:SharedArchiveFile="$(cds_archive)" '-Xlog:cds*=off' -Xlog:class+path=off)
  fi
  java_command=(java ${NETMARKET_JAVA_OPTS:-$NETMARKET_DEFAULT_JAVA_OPTS} "${cds[@]}" "${NETMARKET_JVM_OPENS[@]}"
    -cp "$(netmarket_jar):$classpath" "$1")
}

# Class-data sharing of the job's own classes (Spark's, Hadoop's, the job's: some 150 MB of
# parsed and verified classes mapped from one file instead of read from the jars): a national
# nightly took about 2 s less of its 46 s, in every one of four alternating rounds (2026-12-01).
# The archive is this build's and these JVM options': written once per build by a dry run on the
# bundled sample data (about 30 s), again when the jar or its classpath is newer, and one per set
# of options (NETMARKET_JAVA_OPTS; a heap over 32 GB, another collector make the JVM refuse an
# archive written without them). NETMARKET_CDS=off goes without.
NETMARKET_CDS="${NETMARKET_CDS:-on}"
cds_archive() {
  local options; options="$(printf '%s' "${NETMARKET_JAVA_OPTS:-$NETMARKET_DEFAULT_JAVA_OPTS}" | sha256sum | cut -c1-12)"
  echo "$NETMARKET_ROOT/target/netmarket-cds-$options.jsa"
}
# Whether a file is of this build: written after the jar and its classpath.
of_this_build() {
  [[ -f "$1" && ! "$(netmarket_jar)" -nt "$1" && ! "$NETMARKET_ROOT/target/classpath.txt" -nt "$1" ]]
}
cds_archive_current() { of_this_build "$(cds_archive)"; }

ensure_cds_archive() {
  [[ "$NETMARKET_CDS" == on ]] || return 0
  cds_archive_current && return 0
  local archive; archive="$(cds_archive)"
  # Tried once per build and set of options: a night would otherwise spend half a minute on a
  # writing that fails every time.
  of_this_build "$archive.failed" && return 0
  if [[ ! -w "$NETMARKET_ROOT/target" ]]; then
    log "$NETMARKET_ROOT/target is not writable by $(id -un): runs go without the class-data-sharing archive"
    return 0
  fi
  # A writer stopped half-way leaves its file; one an hour old is nobody's any more.
  find "$NETMARKET_ROOT/target" -maxdepth 1 -name 'netmarket-cds-*.jsa.*.tmp' -mmin +60 -delete 2>/dev/null || true
  log "writing this build's class-data-sharing archive (once per build, about 30 s): $archive"
  # Under its own name until whole, so that a run never maps half a file; renamed when the JVM
  # wrote it (at exit) after a run that went through ingest, scoring and the scorecard.
  local tmp="$archive.$$.tmp" reports java_command writer="" traps written=""; reports="$(mktemp -d)"
  NETMARKET_CDS=off java_command_of org.netmarket.cli.NetmarketCommand
  # Not holding a caller's lock (scripts/nightly's fd 9), and stopped with the caller: a stop
  # while it writes (SIGTERM to a night) would leave it running, orphaned, holding the lock.
  # (The handlers tolerate failures: set -e holds in them, and the writer's end is one.)
  traps="$(trap -p TERM INT)"
  trap '[[ -z $writer ]] || { kill -TERM "$writer"; wait "$writer"; } 2>/dev/null || true; rm -rf "$tmp" "$reports"; exit 143' TERM
  trap '[[ -z $writer ]] || { kill -TERM "$writer"; wait "$writer"; } 2>/dev/null || true; rm -rf "$tmp" "$reports"; exit 130' INT
  # Never the caller's warehouse: the dry run reads the sample data alone.
  env -u NETMARKET_JDBC_URL "${java_command[0]}" -XX:ArchiveClassesAtExit="$tmp" "${java_command[@]:1}" run \
    --data "$NETMARKET_ROOT/sample-data" --report-dir "$reports" --dry-run >/dev/null 2>&1 9>&- &
  writer=$!
  wait "$writer" && [[ -s "$tmp" ]] && written=yes
  trap - TERM INT
  eval "$traps"
  if [[ -n "$written" ]]; then
    mv -f "$tmp" "$archive"
    rm -f "$archive.failed"
  else
    rm -f "$tmp"
    : >"$archive.failed" 2>/dev/null || true
    log "could not write the class-data-sharing archive: the runs of this build go without it (NETMARKET_CDS=off: no archive)"
  fi
  rm -rf "$reports"
}

# Runs the job's CLI in local mode, replacing the calling shell: netmarket_java_exec ARGS...
# Started with &, $! is the job itself, which a script can then pass a signal to. The commands
# that read extracts start with this build's class-data-sharing archive, written first if need be.
netmarket_java_exec() {
  ensure_built
  local a reads=""
  case "${1:-}" in run|nightly|backfill|validate) [[ -n "${NETMARKET_CHECK_USAGE:-}" ]] || reads=yes ;; esac
  for a in "$@"; do [[ "$a" == --help || "$a" == -h || "$a" == --version || "$a" == -V ]] && reads=""; done
  [[ -z "$reads" ]] || ensure_cds_archive
  local java_command; java_command_of org.netmarket.cli.NetmarketCommand
  exec "${java_command[@]}" "$@"
}

# Runs the job's CLI in local mode and returns its exit code: netmarket_java ARGS...
netmarket_java() { (netmarket_java_exec "$@"); }

# ---- local PostgreSQL (.local/pg) -------------------------------------------------------------
# The port is chosen when the cluster is created (NETMARKET_PG_PORT, else 54329 or the next free
# one, so that two checkouts on one machine do not collide) and remembered in .local/pg/port; a
# stopped cluster whose port another checkout's server took since moves to the next free one.
NETMARKET_PG_DB="${NETMARKET_PG_DB:-netmarket}"
NETMARKET_PG_PORT_GIVEN="${NETMARKET_PG_PORT:+yes}"
if [[ -f "$NETMARKET_ROOT/.local/pg/port" && -z "${NETMARKET_PG_PORT:-}" ]]; then
  NETMARKET_PG_PORT="$(cat "$NETMARKET_ROOT/.local/pg/port")"
fi
NETMARKET_PG_PORT="${NETMARKET_PG_PORT:-54329}"

port_in_use() { (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The local cluster's port after ensure_local_postgres, which may have chosen it in a subshell
# (JDBC_URL="$(ensure_local_postgres)"): its own variable does not reach the caller, the file does.
pg_port() {
  if [[ -n "$NETMARKET_PG_PORT_GIVEN" ]]; then echo "$NETMARKET_PG_PORT"; return; fi
  cat "$NETMARKET_ROOT/.local/pg/port" 2>/dev/null || echo "$NETMARKET_PG_PORT"
}

pg_bindir() {
  local d v
  # The local cluster's own major version: once an upgrade installs a newer one beside it, the
  # newer pg_ctl refuses the older cluster.
  v="$(cat "$NETMARKET_ROOT/.local/pg/data/PG_VERSION" 2>/dev/null)" || true
  [[ -n "$v" && -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]] && { echo "/usr/lib/postgresql/$v/bin"; return; }
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$d" ]] && { echo "$d"; return; }
  command -v pg_ctl >/dev/null && dirname "$(command -v pg_ctl)"
}

# Whether the server binaries are there, initdb and postgres of the newest version installed (the
# client package alone makes a bin folder too: psql without initdb or postgres).
postgres_installed() {
  local bin; bin="$(pg_bindir)"
  [[ -n "$bin" && -x "$bin/initdb" && -x "$bin/postgres" ]]
}

# Installs the Debian package postgresql when the server binaries are missing.
ensure_postgres_installed() {
  postgres_installed && return 0
  local sudo=() ask=""
  if [[ "$(id -u)" -ne 0 ]]; then
    ask=": ask an administrator to run apt-get install postgresql"
    command -v sudo >/dev/null || die "PostgreSQL is not installed, and $(id -un) is not root and has no sudo to install it$ask"
    # Without a terminal (cron, systemd, CI) sudo cannot ask for a password: it says so at once.
    sudo=(sudo); [[ -t 0 ]] || sudo=(sudo -n)
  fi
  # One install at a time on the machine (scripts/test and run-pipeline on a fresh machine, as
  # any user): apt-get refuses to run beside another instead of waiting. The second finds the
  # package installed. (Opened for reading, as the other locks are, so that a lock file another
  # user made serves too.)
  local lock=/tmp/netmarket-install-postgresql.lock
  { [[ -e "$lock" ]] || { : >>"$lock" && chmod a+r "$lock"; }; } 2>/dev/null
  [[ -r "$lock" ]] || die "cannot read the lock $lock that one install of PostgreSQL at a time takes: remove it"
  (
    flock -w 900 8 || die "another install of PostgreSQL on this machine took more than 15 minutes ($lock)"
    postgres_installed && exit 0
    log "PostgreSQL is not installed: installing the Debian package postgresql"
    # And wait for dpkg's lock, which unattended upgrades may hold on a fresh machine.
    local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600)
    "${sudo[@]}" "${apt[@]}" update -qq >&2 || die "apt-get update failed${sudo[*]:+ (through sudo)}$ask"
    "${sudo[@]}" "${apt[@]}" install -y -qq postgresql >&2 || die "installing postgresql failed$ask"
  ) 8<"$lock" 9>&- || exit $?
  postgres_installed || die "postgresql installed but no server binaries found under /usr/lib/postgresql"
}

# Runs a PostgreSQL server program as the postgres OS user when we are root (it refuses root).
# From /, so that a working directory postgres may not enter draws no warning.
as_pg_user() {
  if [[ "$(id -u)" -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# The cluster lives in .local/pg; when the postgres user cannot reach that path (a checkout in
# a private directory), it lives in /tmp and .local/pg links to it. pg_dir gives the path the
# postgres user can reach: the link resolved.
pg_home() {
  local home="$NETMARKET_ROOT/.local/pg"
  mkdir -p "$NETMARKET_ROOT/.local" || return 1
  # A link whose folder in /tmp went with a reboot: the cluster is made again, in a new folder.
  if [[ -L "$home" && ! -d "$home" ]]; then
    log "the local PostgreSQL's folder $(readlink "$home") is gone (a reboot empties /tmp): a new, empty cluster is made"
    rm -f "$home" || return 1
  fi
  if [[ -L "$home" || -d "$home" ]]; then echo "$home"; return; fi
  if [[ "$(id -u)" -eq 0 ]] && ! runuser -u postgres -- test -x "$NETMARKET_ROOT/.local" 2>/dev/null; then
    # A new folder of an unguessable name (mktemp creates it, 0700, or fails): a name known in
    # advance could be made by another user first, as a folder of theirs or a link elsewhere,
    # which root would then hand to postgres (chown -R) with what they put in it.
    # (ln -n: a link another start made meanwhile is not followed into; that start's folder is used.)
    local tmp; tmp="$(mktemp -d /tmp/netmarket-pg-XXXXXXXXXX)" || return 1
    ln -sn "$tmp" "$home" 2>/dev/null || { rmdir "$tmp"; [[ -L "$home" ]] || return 1; }
  else
    mkdir -p "$home" || return 1
  fi
  echo "$home"
}

pg_dir() { readlink -f "$NETMARKET_ROOT/.local/pg"; }

# Removes the postmaster.pid of data folder $1 when the process it names is not that cluster's
# server: a file left by a server that did not stop (a power cut, a crash, a reboot that kept the
# folder) may name a PID another process of the same user holds by now. pg_ctl would take that
# process for the server — status says running, start is skipped, and stop signals it — and
# PostgreSQL itself refuses to start over the file. A server has its data folder as its working
# folder (it changes into it before writing the file), which no other process is likely to have.
forget_stale_postmaster_pid() {
  local data="$1" bin pid cwd
  bin="$(pg_bindir)" || return 0
  [[ -n "$bin" && -f "$data/postmaster.pid" ]] || return 0
  as_pg_user "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1 || return 0  # pg_ctl finds no process: nothing misleads it
  pid="$(sed -n 1p "$data/postmaster.pid" 2>/dev/null)" || return 0
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  cwd="$(readlink "/proc/$pid/cwd" 2>/dev/null)" || cwd=""
  [[ "$cwd" == "$(readlink -f "$data")" ]] && return 0
  log "$data/postmaster.pid names process $pid, which is not this cluster's server (left by a server that did not stop): the file is removed"
  rm -f -- "$data/postmaster.pid"
}

# Starts (or reuses) the local cluster and makes sure the database exists; prints its JDBC URL.
ensure_local_postgres() {
  # A name the JDBC URL carries as it is, and that SQL keeps as written (quoted below: unquoted,
  # PostgreSQL folds it to lower case and the URL would name another database).
  [[ "$NETMARKET_PG_DB" =~ ^[A-Za-z0-9_][A-Za-z0-9_-]*$ ]] \
    || die "NETMARKET_PG_DB must be letters, digits, _ and -, not '$NETMARKET_PG_DB'" 2
  ensure_postgres_installed
  # One start at a time per checkout: a night and an analyst's run that find the cluster stopped
  # would both start it, and one would fail; or both make a first cluster. The second waits and
  # finds it running. (The server started here must not hold the lock: fd 7 is closed for it.)
  local lock
  lock="$(local_lock pg.lock)" \
    || die "cannot create the local PostgreSQL's folder $NETMARKET_ROOT/.local/pg: .local must be a folder $(id -un) can write"
  (
    flock -w 300 7 || die "another command has been starting the local PostgreSQL for 5 minutes ($lock)"
    start_local_postgres
  ) 7<"$lock"
}

# ensure_local_postgres's work, under its lock.
start_local_postgres() {
  local bin home data; bin="$(pg_bindir)"
  # Called as URL="$(ensure_local_postgres)", where set -e does not hold: each step that could
  # fail says so, rather than the next one running on an empty path.
  # (A link into /tmp whose folder a reboot removed is replaced by a new folder: pg_home.)
  { pg_home >/dev/null && home="$(pg_dir)" && [[ -n "$home" ]]; } \
    || die "cannot create the local PostgreSQL's folder $NETMARKET_ROOT/.local/pg: .local must be a folder $(id -un) can write"
  data="$home/data"
  [[ "$(id -u)" -eq 0 ]] && chown -R postgres:postgres "$home"
  if [[ ! -f "$data/PG_VERSION" ]]; then
    while port_in_use "$NETMARKET_PG_PORT"; do NETMARKET_PG_PORT=$((NETMARKET_PG_PORT + 1)); done
    echo "$NETMARKET_PG_PORT" >"$home/port"
    log "creating a local PostgreSQL cluster in $data (port $NETMARKET_PG_PORT)"
    as_pg_user "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale >"$home/initdb.log" 2>&1 \
      || { cat "$home/initdb.log" >&2; die "initdb failed"; }
  fi
  forget_stale_postmaster_pid "$data"
  if as_pg_user "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    # Running: on the port it was started on (line 4 of postmaster.pid), whatever asks for another.
    local running; running="$(sed -n 4p "$data/postmaster.pid" 2>/dev/null)"
    if [[ -n "$running" && "$running" != "$NETMARKET_PG_PORT" ]]; then
      [[ -n "$NETMARKET_PG_PORT_GIVEN" ]] && die "the local PostgreSQL runs on port $running, not $NETMARKET_PG_PORT (NETMARKET_PG_PORT): stop it first (scripts/local-postgres stop) to move it"
      NETMARKET_PG_PORT="$running"
      echo "$NETMARKET_PG_PORT" >"$home/port"
    fi
  else
    if port_in_use "$NETMARKET_PG_PORT"; then
      [[ -n "$NETMARKET_PG_PORT_GIVEN" ]] && die "port $NETMARKET_PG_PORT (NETMARKET_PG_PORT) is taken by another server"
      local taken="$NETMARKET_PG_PORT"
      while port_in_use "$NETMARKET_PG_PORT"; do NETMARKET_PG_PORT=$((NETMARKET_PG_PORT + 1)); done
      log "port $taken is taken by another server: the local cluster moves to port $NETMARKET_PG_PORT"
    fi
    # Remembered for the commands after this one (NETMARKET_PG_PORT may have moved it).
    echo "$NETMARKET_PG_PORT" >"$home/port"
    log "starting PostgreSQL on 127.0.0.1:$NETMARKET_PG_PORT"
    # TCP on loopback only, no Unix socket: a socket's path under the checkout breaks on a blank
    # in it (pg_ctl's -o is split by a shell) and past 107 bytes.
    as_pg_user "$bin/pg_ctl" -D "$data" -l "$home/postgres.log" -w -t 60 \
      -o "-p $NETMARKET_PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start >/dev/null 7<&- \
      || { tail -n 20 "$home/postgres.log" >&2; die "PostgreSQL did not start (see $home/postgres.log)"; }
  fi
  if ! echo "SELECT 1 FROM pg_database WHERE datname = :'db'" \
       | "$bin/psql" -X -h 127.0.0.1 -p "$NETMARKET_PG_PORT" -U postgres -d postgres -tA -v db="$NETMARKET_PG_DB" | grep -qx 1; then
    echo 'CREATE DATABASE :"db"' \
      | "$bin/psql" -X -h 127.0.0.1 -p "$NETMARKET_PG_PORT" -U postgres -d postgres -q -v ON_ERROR_STOP=1 -v db="$NETMARKET_PG_DB" \
      || die "cannot create database $NETMARKET_PG_DB"
  fi
  echo "jdbc:postgresql://127.0.0.1:$NETMARKET_PG_PORT/$NETMARKET_PG_DB?user=postgres"
}
