#!/usr/bin/env bash
# Start / stop a throw-away Keycloak for Hanse's integration tests: dev mode, H2 dev-file database,
# loopback only, with the realms the project carries in config/keycloak/*-realm.json imported at start.
# The distribution (org.keycloak:keycloak-quarkus-dist:<version>:zip) comes from Maven Central through Maven
# and is cached OUTSIDE the repository.
#
#   eval "$(.ci/keycloak.sh start)"    # stdout = export lines (below); progress goes to stderr;
#                                       # a Keycloak this script started earlier is reused
#   .ci/keycloak.sh status
#   .ci/keycloak.sh env                 # print the export lines again (from the env file)
#   .ci/keycloak.sh stop                # kills only the PIDs this script saved
#
# Exported by `start` and written to $KC_RUN_DIR/keycloak.env (read by the *IT tests in node/):
#   HANSE_KEYCLOAK_URL              base URL, e.g. http://127.0.0.1:18080 (ITs skip when unset)
#   HANSE_KEYCLOAK_ISSUER           issuer of the test realm `federation`
#   HANSE_KEYCLOAK_PEER_ISSUER      issuer of the second realm `city` (peer / client-credentials test)
#   HANSE_KEYCLOAK_ADMIN_USER / HANSE_KEYCLOAK_ADMIN_PASSWORD   master-realm admin (for key rotation in ITs)
#   HANSE_KEYCLOAK_PID              PID of the launcher (stop uses the PID files, not this)
#
# Environment (all optional):
#   KC_VERSION        Keycloak version                    (26.4.7)
#   KC_PORT           HTTP port on 127.0.0.1              (18080)
#   KC_REALM_DIR      directory with *-realm.json          (config/keycloak of this repository)
#   KC_CACHE_DIR      where the zip is kept               (${XDG_CACHE_HOME:-~/.cache}/hanse-keycloak)
#   KC_RUN_DIR        unpacked server, log, PID, env files (${TMPDIR:-/tmp}/hanse-keycloak-$KC_PORT)
#   KC_START_TIMEOUT  seconds to wait for readiness       (300)
#   KC_JAVA_HOME      JDK for Keycloak (>= 17)            (temurin-25/21 if present, else JAVA_HOME, else PATH)
#   KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD  master admin (admin / admin-password; tests only)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KC_VERSION=${KC_VERSION:-26.4.7}
KC_PORT=${KC_PORT:-18080}
KC_REALM_DIR=${KC_REALM_DIR:-$ROOT/config/keycloak}
KC_CACHE_DIR=${KC_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/hanse-keycloak}
KC_RUN_DIR=${KC_RUN_DIR:-${TMPDIR:-/tmp}/hanse-keycloak-$KC_PORT}
mkdir -p "$KC_RUN_DIR"; KC_RUN_DIR=$(cd "$KC_RUN_DIR" && pwd -P)   # absolute: the PID check matches on it
KC_START_TIMEOUT=${KC_START_TIMEOUT:-300}
export KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}
export KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin-password}
DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

BASE_URL="http://127.0.0.1:$KC_PORT"
KC_HOME="$KC_RUN_DIR/keycloak-$KC_VERSION"
PID_FILE="$KC_RUN_DIR/keycloak.pid"          # launcher (kc.sh; java itself after its re-exec)
JAVA_PID_FILE="$KC_RUN_DIR/keycloak-java.pid"
LOG_FILE="$KC_RUN_DIR/keycloak.log"
ENV_FILE="$KC_RUN_DIR/keycloak.env"

log() { echo "[keycloak] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# true if PID is alive and belongs to this Keycloak installation (guards against PID reuse)
is_ours() {
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$KC_HOME"
}

pick_java() {
  local c
  if [ -n "${KC_JAVA_HOME:-}" ]; then echo "$KC_JAVA_HOME"; return; fi
  for c in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 "${JAVA_HOME:-}"; do
    if [ -n "$c" ] && [ -x "$c/bin/java" ]; then echo "$c"; return; fi
  done
  c=$(command -v java) || die "no Java found (set KC_JAVA_HOME)"
  dirname "$(dirname "$(readlink -f "$c")")"
}

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

realm_files() { ls "$KC_REALM_DIR"/*-realm.json 2>/dev/null; }
realm_names() { local f; for f in $(realm_files); do basename "$f" -realm.json; done; }

download() {
  local zip="$KC_CACHE_DIR/keycloak-quarkus-dist-$KC_VERSION.zip"
  if [ ! -s "$zip" ]; then
    command -v mvn >/dev/null || die "mvn not found"
    mkdir -p "$KC_CACHE_DIR"
    log "downloading keycloak-quarkus-dist $KC_VERSION via Maven into $KC_CACHE_DIR"
    # dependency:copy fetches only the zip (dependency:get would resolve ~600 transitive jars)
    mvn -B -q -C -Dstyle.color=never "$DEP_PLUGIN:copy" \
      "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" "-DoutputDirectory=$KC_CACHE_DIR" >&2
    [ -s "$zip" ] || die "download failed: $zip missing"
  fi
  echo "$zip"
}

unpack() {
  local zip=$1 tmp="$KC_RUN_DIR/unpack.tmp"
  if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    log "unpacking into $KC_HOME"
    rm -rf "$tmp" "$KC_HOME"; mkdir -p "$tmp"
    if command -v unzip >/dev/null; then
      unzip -q "$zip" -d "$tmp"
    else
      (cd "$tmp" && "$JAVA_HOME_KC/bin/jar" xf "$zip") && chmod +x "$tmp/keycloak-$KC_VERSION/bin/"*.sh
    fi
    mv "$tmp/keycloak-$KC_VERSION" "$KC_HOME"; rm -rf "$tmp"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$KC_PORT") 2>/dev/null; }

issuer_of() {
  curl -fsS --max-time 5 "$BASE_URL/realms/$1/.well-known/openid-configuration" 2>/dev/null \
    | sed -n 's/.*"issuer":"\([^"]*\)".*/\1/p'
}

do_stop() {
  local pid="" jpid="" i p
  [ -f "$PID_FILE" ] && pid=$(cat "$PID_FILE")
  [ -f "$JAVA_PID_FILE" ] && jpid=$(cat "$JAVA_PID_FILE")
  if ! is_ours "$pid" && ! is_ours "$jpid"; then
    log "not running (no live PID in $KC_RUN_DIR)"; rm -f "$PID_FILE" "$JAVA_PID_FILE" "$ENV_FILE"; return 0
  fi
  # kc.sh forwards TERM to the JVM: graceful shutdown in about a second
  if is_ours "$pid"; then kill -TERM "$pid" 2>/dev/null || true; else kill -TERM "$jpid" 2>/dev/null || true; fi
  for i in $(seq 1 60); do
    is_ours "$pid" || is_ours "$jpid" || break
    sleep 0.5
  done
  for p in $jpid $pid; do
    if is_ours "$p"; then log "PID $p still alive after 30 s, sending KILL"; kill -KILL "$p" 2>/dev/null || true; fi
  done
  for i in $(seq 1 20); do port_in_use || break; sleep 0.25; done
  rm -f "$PID_FILE" "$JAVA_PID_FILE" "$ENV_FILE"
  log "stopped"
}

do_start() {
  command -v curl >/dev/null || die "curl not found"
  [ -n "$(realm_files)" ] || die "no *-realm.json in $KC_REALM_DIR"
  if [ -f "$PID_FILE" ] && is_ours "$(cat "$PID_FILE")"; then
    # started earlier by this script (same run dir): reuse it if it answers, so a second caller does not fail
    if [ -s "$ENV_FILE" ] && [ -n "$(issuer_of federation || true)" ]; then
      log "already running (PID $(cat "$PID_FILE")), reusing it; env in $ENV_FILE"
      cat "$ENV_FILE"; return 0
    fi
    die "already running (PID $(cat "$PID_FILE")) but not ready; run '$0 stop' first"
  fi
  port_in_use && die "port $KC_PORT on 127.0.0.1 is already in use"

  JAVA_HOME_KC=$(pick_java)
  local major append=""; major=$(java_major "$JAVA_HOME_KC")
  [ -n "$major" ] && [ "$major" -ge 17 ] || die "Keycloak needs Java >= 17, got '$major' from $JAVA_HOME_KC"
  # Java 24+: silence sun.misc.Unsafe warnings and the jboss-threads IllegalAccessError at shutdown
  [ "$major" -ge 24 ] && append="--add-opens=java.base/java.lang=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"

  local zip; zip=$(download)
  unpack "$zip"
  # fresh database on every start; every realm file is imported from data/import
  rm -rf "$KC_HOME/data"; mkdir -p "$KC_HOME/data/import"
  cp $(realm_files) "$KC_HOME/data/import/"

  log "starting Keycloak $KC_VERSION on $BASE_URL (Java $major), realms: $(realm_names | tr '\n' ' ')log: $LOG_FILE"
  rm -f "$PID_FILE" "$JAVA_PID_FILE"
  local t0=$SECONDS
  # setsid: own session, so a Ctrl-C in the caller's terminal does not reach it. The inner shell writes its own
  # PID and execs kc.sh, so the PID file names the launcher even if setsid forks.
  JAVA_HOME="$JAVA_HOME_KC" JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:-$append}" \
  setsid bash -c 'echo $$ > "$0"; exec "$@"' "$PID_FILE" \
    "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" \
      --hostname="$BASE_URL" --db=dev-file --import-realm \
      > "$LOG_FILE" 2>&1 < /dev/null &
  local i pid="" realm
  for i in $(seq 1 50); do [ -s "$PID_FILE" ] && break; sleep 0.1; done
  pid=$(cat "$PID_FILE" 2>/dev/null) || die "launcher did not write $PID_FILE"

  local deadline=$((SECONDS + KC_START_TIMEOUT))
  for realm in $(realm_names); do
    until [ -n "$(issuer_of "$realm" || true)" ]; do
      if ! kill -0 "$pid" 2>/dev/null; then
        tail -n 40 "$LOG_FILE" >&2; rm -f "$PID_FILE"; die "Keycloak exited during startup"
      fi
      if [ $SECONDS -ge $deadline ]; then
        tail -n 40 "$LOG_FILE" >&2; do_stop; die "not ready after ${KC_START_TIMEOUT}s"
      fi
      sleep 1
    done
  done

  # the JVM is the launcher itself (kc.sh exec'd java) or its child
  local jpid=$pid
  if ! tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q 'QuarkusEntryPoint'; then
    jpid=$(ps -o pid= --ppid "$pid" | tr -d ' ' | head -n1)
  fi
  echo "$jpid" > "$JAVA_PID_FILE"

  cat > "$ENV_FILE" <<ENV
export HANSE_KEYCLOAK_URL=$BASE_URL
export HANSE_KEYCLOAK_ISSUER=$(issuer_of federation)
export HANSE_KEYCLOAK_PEER_ISSUER=$(issuer_of city)
export HANSE_KEYCLOAK_ADMIN_USER=$KC_BOOTSTRAP_ADMIN_USERNAME
export HANSE_KEYCLOAK_ADMIN_PASSWORD=$KC_BOOTSTRAP_ADMIN_PASSWORD
export HANSE_KEYCLOAK_PID=$pid
ENV
  log "ready after $((SECONDS - t0)) s (PID $pid, JVM PID $jpid); env in $ENV_FILE"
  cat "$ENV_FILE"
}

do_status() {
  local pid=""
  [ -f "$PID_FILE" ] && pid=$(cat "$PID_FILE")
  if is_ours "$pid"; then
    echo "running PID $pid at $BASE_URL (env: $ENV_FILE)"
  else
    echo "not running"; return 1
  fi
}

case "${1:-start}" in
  start)  do_start ;;
  stop)   do_stop ;;
  status) do_status ;;
  env)    [ -f "$ENV_FILE" ] && cat "$ENV_FILE" || die "not running (no $ENV_FILE)" ;;
  *) echo "usage: $0 [start|stop|status|env]" >&2; exit 2 ;;
esac
