#!/usr/bin/env bash
# Start N dashboard processes on loopback behind nginx (sticky sessions by a proxy cookie,
# websocket upgrade, 12-hour read timeout), all reading the same data folder. Runs in the
# foreground; Ctrl-C (or SIGTERM) stops nginx and every replica.
#
#   bash deploy/run_replicas.sh [--replicas 2] [--port 8500] [--data DIR] [--run-dir DIR]
#
# Replicas listen on 127.0.0.1:PORT+1 .. PORT+N, nginx on 127.0.0.1:PORT. Debian's nginx is
# installed with apt-get when missing (needs root). Every response names its replica in the
# X-Upstream header; logs are in the run directory.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REPLICAS=2
PORT=8500
DATA="${SISTERCITIES_DATA_DIR:-$ROOT/data}"
RUN_DIR=""
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) REPLICAS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --data) DATA="$2"; shift 2 ;;
    --run-dir) RUN_DIR="$2"; shift 2 ;;
    *) echo "unknown option: $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
DATA="$(cd "$DATA" && pwd)"
RUN_DIR="${RUN_DIR:-$(mktemp -d -t sistercities-deploy.XXXXXX)}"
mkdir -p "$RUN_DIR/tmp"
PYTHON="$ROOT/.venv/bin/python"
[ -x "$PYTHON" ] || PYTHON=python3

NGINX="$(command -v nginx || true)"
[ -n "$NGINX" ] || [ ! -x /usr/sbin/nginx ] || NGINX=/usr/sbin/nginx
if [ -z "$NGINX" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "nginx is missing: install it with 'sudo apt-get install nginx'" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  NGINX=/usr/sbin/nginx
fi

PIDS=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 0' INT TERM

# One cookie secret for all replicas: a browser that lands on another replica (after a restart)
# still passes Streamlit's XSRF check on uploads.
SECRET="$("$PYTHON" -c 'import secrets; print(secrets.token_hex(24))')"
SERVERS=""
for i in $(seq 1 "$REPLICAS"); do
  port=$((PORT + i))
  STREAMLIT_SERVER_COOKIE_SECRET="$SECRET" SISTERCITIES_DATA_DIR="$DATA" "$PYTHON" -m streamlit run "$ROOT/dashboard.py" \
    --server.port "$port" --server.address 127.0.0.1 --server.headless true \
    --server.fileWatcherType none \
    --browser.gatherUsageStats false >"$RUN_DIR/replica-$i.log" 2>&1 &
  PIDS+=("$!")
  SERVERS+="        server 127.0.0.1:$port max_fails=0;"$'\n'
done
for i in $(seq 1 "$REPLICAS"); do
  port=$((PORT + i))
  for _ in $(seq 1 240); do
    if ! kill -0 "${PIDS[$((i - 1))]}" 2>/dev/null; then
      echo "replica $i did not start; its log:" >&2
      tail -n 20 "$RUN_DIR/replica-$i.log" >&2
      exit 1
    fi
    if "$PYTHON" -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$port/_stcore/health', timeout=2)" 2>/dev/null; then
      break
    fi
    sleep 0.5
  done
done

USER_LINE=""
if [ "$(id -u)" = 0 ]; then
  # Workers drop root; they must be able to write the temporary folders.
  USER_LINE="user www-data;"
  chmod 755 "$RUN_DIR"
  chown www-data "$RUN_DIR/tmp"
fi
conf="$(<"$ROOT/deploy/nginx/dashboard.conf.template")"
conf="${conf//@USER_LINE@/$USER_LINE}"
conf="${conf//@RUN_DIR@/$RUN_DIR}"
conf="${conf//@LISTEN@/127.0.0.1:$PORT}"
conf="${conf//@SERVERS@/${SERVERS%$'\n'}}"
STREAMLIT_STATIC="$("$PYTHON" -c 'import os, streamlit; print(os.path.join(os.path.dirname(streamlit.__file__), "static", "static"))')"
conf="${conf//@STREAMLIT_STATIC@/$STREAMLIT_STATIC}"
conf="${conf//@APP_STATIC@/$ROOT/static}"
printf '%s\n' "$conf" >"$RUN_DIR/nginx.conf"
"$NGINX" -t -q -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf"
"$NGINX" -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" &
PIDS+=("$!")
echo "serving http://127.0.0.1:$PORT ($REPLICAS replicas on ports $((PORT + 1))-$((PORT + REPLICAS)), data $DATA, logs $RUN_DIR)"
wait
