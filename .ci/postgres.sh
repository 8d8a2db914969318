# Sourced by .ci/run: make a PostgreSQL server reachable for the store tests and export CATHLAB_TEST_PG_URL.
# Uses the server listening on 127.0.0.1:5432 when there is one; otherwise (as root, with apt) installs
# Debian's postgresql and starts a throwaway cluster in a temporary folder, stopped when the script exits.
pg_listening() { (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }
export CI="${CI:-true}"  # the store tests must not skip silently here
if [ -z "${CATHLAB_TEST_PG_URL:-}" ]; then
  if pg_listening 5432; then
    export CATHLAB_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
  elif command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || {
      apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
    PG_DIR="$(mktemp -d /tmp/cathlab-pg.XXXXXX)"
    chown postgres "$PG_DIR"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres >/dev/null
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
      -o "-c listen_addresses=127.0.0.1 -c port=55432 -c unix_socket_directories=$PG_DIR" start >/dev/null
    trap 'runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null; rm -rf "$PG_DIR"' EXIT
    export CATHLAB_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:55432/postgres"
  fi
fi
