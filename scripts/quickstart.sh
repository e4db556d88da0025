#!/usr/bin/env bash
# quickstart.sh - the README's first command: install what is missing,
# build server and front end, create a database with the real
# administrative units and a small demo data set, and serve
# http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${DANVAN_DB:-var/danvan.db}
LISTEN=${DANVAN_LISTEN:-127.0.0.1:8080}
ADMIN_PASSWORD=${DANVAN_ADMIN_PASSWORD:-admin-demo-2025}

scripts/deps.sh build
echo "== building the server"
make -s -j"$(nproc)"
echo "== building the web interface"
make -s web
mkdir -p "$(dirname "$DB")"
fresh=no
[ -e "$DB" ] || fresh=yes
bin/danvan migrate --db "$DB"
if [ "$fresh" = yes ]; then
	printf '%s' "$ADMIN_PASSWORD" | bin/danvan user add --db "$DB" \
	    --username admin --full-name "Quản trị hệ thống" --role sysadmin \
	    --password-stdin
	bin/danvan demo --db "$DB"
fi
cat <<EOT

  danvan đang chạy: http://$LISTEN/
  Đăng nhập: admin / $ADMIN_PASSWORD   (quản trị hệ thống)
  Người dùng mẫu (mật khẩu demo-password-1): quantri.tinh, lanhdao.tinh,
    canbo.tinh, xem.tinh (tỉnh Phú Thọ); chutich.viettri, canbo.viettri,
    canbo.hoabinh (phường Việt Trì, phường Hòa Bình)
  Trang công dân: http://$LISTEN/#/cong-dan
  (cơ sở dữ liệu: $DB, khóa danh tính: $DB.key; dừng bằng Ctrl-C)

EOT
[ "$fresh" = yes ] || echo "  (database existed: the admin password is the one set when it was created)"
exec bin/danvan serve --db "$DB" --listen "$LISTEN" --web web/dist
