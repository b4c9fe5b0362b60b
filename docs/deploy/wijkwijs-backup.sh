#!/bin/sh
# Daily backup of Wijkwijs (docs/operations.md, "Backup and restore"): a
# consistent copy while the server runs, kept for KEEP_DAYS days. Run by
# wijkwijs-backup.service; the settings come from the server's own file.
set -eu
# Backups hold password hashes and second-factor secrets.
umask 077
ENV_FILE=${WIJKWIJS_ENV_FILE:-/etc/wijkwijs/wijkwijs.env}
set -a
. "$ENV_FILE"
set +a
DIR=${WIJKWIJS_BACKUP_DIR:-/var/lib/wijkwijs/backups}
KEEP_DAYS=${WIJKWIJS_BACKUP_KEEP_DAYS:-30}
WIJKWIJS=${WIJKWIJS_BIN:-/usr/local/bin/wijkwijs}
mkdir -p "$DIR"
stamp=$(date +%Y-%m-%dT%H%M%S)
case "$DATABASE_URL" in
  sqlite*) "$WIJKWIJS" backup "$DIR/wijkwijs-$stamp.db" ;;
  postgres*) pg_dump --format=custom --file="$DIR/wijkwijs-$stamp.dump" "$DATABASE_URL" ;;
  *) echo "wijkwijs-backup: unknown DATABASE_URL" >&2; exit 1 ;;
esac
find "$DIR" -name 'wijkwijs-*' -type f -mtime +"$KEEP_DAYS" -delete
echo "wijkwijs-backup: $DIR/wijkwijs-$stamp"
