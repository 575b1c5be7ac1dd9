#!/usr/bin/env bash
# Start N dashboard processes on loopback behind nginx (sticky sessions by a proxy cookie,
# websocket upgrade, 12-hour read timeout), all reading the same data folder. Runs in the
# foreground; Ctrl-C (or SIGTERM) stops nginx and every replica.
#
#   bash deploy/run_replicas.sh [--replicas 2] [--port 8500] [--data DIR] [--run-dir DIR]
#        [--listen 127.0.0.1] [--tls-port 8443 [--cert FILE --key FILE]] [--ws-limit 30]
#        [--frame-ancestors "'self'"] [--public]
#
# Replicas listen on 127.0.0.1:PORT+1 .. PORT+N, nginx on LISTEN:PORT (plain HTTP, never
# redirected) and, with --tls-port, on LISTEN:TLS_PORT (HTTPS with HTTP/2). The certificate is
# --cert/--key, else deploy/tls/fullchain.pem and deploy/tls/privkey.pem when both exist (the
# place for a real one, kept out of git), else a self-signed one made with openssl in the run
# directory. --listen 0.0.0.0 serves other machines. --ws-limit caps the open websockets (app
# sessions) per client address (SISTERCITIES_WS_LIMIT; loopback is never limited).
# --frame-ancestors is the CSP source list of pages that may frame the app
# (SISTERCITIES_FRAME_ANCESTORS; default 'self', 'none' forbids framing). --public (or
# SISTERCITIES_PUBLIC=1) runs a read-only public instance: no editor control in the app and
# nginx refuses uploads; editors use a separate instance without it.
# Debian's nginx is installed with apt-get when missing (needs root). Every response names its
# replica in the X-Upstream header; logs are in the run directory.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REPLICAS=2
PORT=8500
DATA="${SISTERCITIES_DATA_DIR:-$ROOT/data}"
RUN_DIR=""
LISTEN=127.0.0.1
TLS_PORT=""
CERT=""
KEY=""
WS_LIMIT="${SISTERCITIES_WS_LIMIT:-30}"
FRAME_ANCESTORS="${SISTERCITIES_FRAME_ANCESTORS:-'self'}"
PUBLIC="${SISTERCITIES_PUBLIC:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) REPLICAS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --data) DATA="$2"; shift 2 ;;
    --run-dir) RUN_DIR="$2"; shift 2 ;;
    --listen) LISTEN="$2"; shift 2 ;;
    --tls-port) TLS_PORT="$2"; shift 2 ;;
    --cert) CERT="$2"; shift 2 ;;
    --key) KEY="$2"; shift 2 ;;
    --ws-limit) WS_LIMIT="$2"; shift 2 ;;
    --frame-ancestors) FRAME_ANCESTORS="$2"; shift 2 ;;
    --public) PUBLIC=1; shift ;;
    *) echo "unknown option: $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
DATA="$(cd "$DATA" && pwd)"
case "$WS_LIMIT" in '' | *[!0-9]* | 0) echo "--ws-limit wants a positive number" >&2; exit 2 ;; esac
case "$FRAME_ANCESTORS" in *'"'* | *';'*) echo "--frame-ancestors: no quotes or ;" >&2; exit 2 ;; esac
[ "$PUBLIC" = 1 ] || PUBLIC=""
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
# brotli for the static files (a quarter fewer bytes than gzip on plotly's chunk): installed
# beside nginx when we are root; without it the recipe serves gzip only.
if [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] && [ "$(id -u)" = 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libnginx-mod-http-brotli-static brotli \
    >/dev/null 2>&1 || echo "brotli for nginx could not be installed: serving gzip only" >&2
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
  SISTERCITIES_PUBLIC="$PUBLIC" STREAMLIT_SERVER_COOKIE_SECRET="$SECRET" SISTERCITIES_DATA_DIR="$DATA" \
    "$PYTHON" -m streamlit run "$ROOT/dashboard.py" \
    --server.port "$port" --server.address 127.0.0.1 --server.headless true \
    --server.fileWatcherType none --server.enableWebsocketCompression true \
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
TLS_LINES=""
if [ -n "$TLS_PORT" ]; then
  if [ -z "$CERT" ] && [ -f "$ROOT/deploy/tls/fullchain.pem" ] && [ -f "$ROOT/deploy/tls/privkey.pem" ]; then
    CERT="$ROOT/deploy/tls/fullchain.pem"
    KEY="$ROOT/deploy/tls/privkey.pem"
  fi
  if [ -z "$CERT" ]; then
    CERT="$RUN_DIR/selfsigned.crt"
    KEY="$RUN_DIR/selfsigned.key"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
      -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
      -keyout "$KEY" -out "$CERT" 2>"$RUN_DIR/openssl.log"
  fi
  [ -n "$KEY" ] && [ -r "$CERT" ] && [ -r "$KEY" ] || { echo "--cert and --key must be readable files" >&2; exit 2; }
  CERT="$(cd "$(dirname "$CERT")" && pwd)/$(basename "$CERT")"
  KEY="$(cd "$(dirname "$KEY")" && pwd)/$(basename "$KEY")"
  TLS_LINES="        listen $LISTEN:$TLS_PORT ssl http2;
        ssl_certificate $CERT;
        ssl_certificate_key $KEY;
        ssl_protocols TLSv1.2 TLSv1.3;
        ssl_session_cache shared:tls:10m;
        ssl_session_timeout 1h;"
fi
PUBLIC_LINES=""
if [ -n "$PUBLIC" ]; then
  PUBLIC_LINES="        # Public, read-only instance: no upload reaches a replica.
        location /_stcore/upload_file {
            include $RUN_DIR/security-headers.conf;
            return 403;
        }"
fi
CSP="$("$PYTHON" "$ROOT/deploy/csp.py" "$FRAME_ANCESTORS")"
headers="$(<"$ROOT/deploy/nginx/security-headers.conf.template")"
printf '%s\n' "${headers//@CSP@/$CSP}" >"$RUN_DIR/security-headers.conf"
conf="$(<"$ROOT/deploy/nginx/dashboard.conf.template")"
conf="${conf//@USER_LINE@/$USER_LINE}"
conf="${conf//@RUN_DIR@/$RUN_DIR}"
conf="${conf//@LISTEN@/$LISTEN:$PORT}"
conf="${conf//@TLS_LINES@/$TLS_LINES}"
conf="${conf//@PUBLIC_LINES@/$PUBLIC_LINES}"
conf="${conf//@WS_LIMIT@/$WS_LIMIT}"
conf="${conf//@SERVERS@/${SERVERS%$'\n'}}"
STREAMLIT_STATIC="$("$PYTHON" -c 'import os, streamlit; print(os.path.join(os.path.dirname(streamlit.__file__), "static", "static"))')"
# nginx serves copies of the two static folders with a compressed copy next to each text file
# (gzip -9, and brotli when Debian's brotli module and the brotli command are installed:
# plotly's chunk is 1.06 MB in brotli -q 11 against 1.42 MB in gzip). They are made once per
# Streamlit version and app static folder in a cache (about 20 s on two cores), which nginx
# serves from.
BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
BROTLI=""
[ ! -f "$BROTLI_MODULE" ] || ! command -v brotli >/dev/null || BROTLI=1
PLOTLY_CHUNK="$(cd "$STREAMLIT_STATIC/js" && ls PlotlyChart.*.js 2>/dev/null | head -n 1 || true)"
KEY="$( { "$PYTHON" -c 'import streamlit; print(streamlit.__version__)'; echo "$STREAMLIT_STATIC $BROTLI q9+11";
  find "$ROOT/static" -type f -printf '%P %s %T@\n' | sort; } | sha256sum | cut -c1-16)"
# Root's workers run as www-data, who cannot enter /root: the cache is then in /var/cache.
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/sistercities"
[ "$(id -u)" != 0 ] || CACHE_ROOT=/var/cache/sistercities
CACHE="${SISTERCITIES_STATIC_CACHE:-$CACHE_ROOT}/static-$KEY"
if [ ! -d "$CACHE" ]; then
  echo "compressing the static files once into $CACHE ..." >&2
  mkdir -p "$(dirname "$CACHE")"
  BUILD="$(mktemp -d "$CACHE.build.XXXXXX")"
  cp -R "$STREAMLIT_STATIC" "$BUILD/streamlit"
  cp -R "$ROOT/static" "$BUILD/app"
  TEXT=(-type f \( -name '*.js' -o -name '*.mjs' -o -name '*.css' -o -name '*.json' -o -name '*.svg' \
    -o -name '*.txt' \) -size +511c)
  find "$BUILD" "${TEXT[@]}" -print0 | xargs -0 -r -P 2 -n 20 gzip -9 -k -n
  if [ -n "$BROTLI" ]; then
    find "$BUILD" "${TEXT[@]}" -print0 | xargs -0 -r -P 2 -n 20 brotli -q 9 -k
    # plotly's chunk, on every chart page, gets the slow best quality (10 % smaller again).
    [ -z "$PLOTLY_CHUNK" ] || brotli -q 11 -f -k "$BUILD/streamlit/js/$PLOTLY_CHUNK"
  fi
  chmod -R a+rX "$BUILD"  # made by mktemp (0700); nginx's workers read it
  mv -T "$BUILD" "$CACHE" 2>/dev/null || rm -rf "$BUILD"  # another start made it meanwhile
fi
COPY="$CACHE"
LOAD_MODULES=""
BROTLI_STATIC=""
if [ -n "$BROTLI" ]; then
  LOAD_MODULES="load_module $BROTLI_MODULE;"
  BROTLI_STATIC="            brotli_static on;"
fi
conf="${conf//@LOAD_MODULES@/$LOAD_MODULES}"
conf="${conf//@BROTLI_STATIC@/$BROTLI_STATIC}"
conf="${conf//@STREAMLIT_STATIC@/$COPY/streamlit}"
conf="${conf//@APP_STATIC@/$COPY/app}"
# A page asks for plotly's chunk (the biggest file) at once, beside the app's first scripts,
# instead of only after the first chart's message arrives over the websocket.
PRELOAD=""
[ -z "$PLOTLY_CHUNK" ] || PRELOAD="</static/js/$PLOTLY_CHUNK>; rel=modulepreload"
conf="${conf//@PRELOAD@/$PRELOAD}"
printf '%s\n' "$conf" >"$RUN_DIR/nginx.conf"
"$NGINX" -t -q -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf"
"$NGINX" -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" &
PIDS+=("$!")
[ -z "$TLS_PORT" ] || echo "serving https://$LISTEN:$TLS_PORT (HTTP/2, certificate $CERT)"
echo "serving http://$LISTEN:$PORT ($REPLICAS replicas on ports $((PORT + 1))-$((PORT + REPLICAS)), data $DATA, logs $RUN_DIR)"
wait
