#!/usr/bin/env bash
# Renders the embedded sample (the seed's figures) as the official sheets: .xlsx → PDF
# (LibreOffice, headless) → one PNG per sheet (pdftoppm) under docs/sheets/, so a reader of
# the repository sees the sheets. Needs libreoffice-calc, poppler-utils and fonts-noto-cjk
# (scripts/setup.sh installs them). Usage: scripts/render-sample.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${1:-}" = "--no-build" ] || npm run --silent build:cli

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The sheets name 宋体 and 黑体 (what Windows and WPS have). Map them to the Noto CJK faces
# for this rendering only, so the PNGs show a serif body and a sans title as Office would.
cat > "$work/fonts.conf" <<'CONF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimSun</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimHei</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
CONF
export FONTCONFIG_FILE="$work/fonts.conf"

node bin/xxgk-nianbao.js build --sample -o "$work/sample.xlsx" 2>/dev/null
# The same figures with 3 more applications received from 自然人 than handled or carried
# forward: the check row under table 三 turns red in that column.
node -e '
  const { sampleReport } = require("./build/src/core");
  const r = sampleReport();
  r.cells["t3.received.natural"] = 3;
  process.stdout.write(JSON.stringify(r));
' > "$work/unbalanced.json"
node bin/xxgk-nianbao.js build "$work/unbalanced.json" -o "$work/unbalanced.xlsx" 2>/dev/null
soffice "-env:UserInstallation=file://$work/profile" --headless --norestore \
  --convert-to pdf --outdir "$work" "$work/sample.xlsx" "$work/unbalanced.xlsx" >/dev/null
pdftoppm -r 100 -png "$work/sample.pdf" "$work/page"
pdftoppm -r 100 -png -f 2 -l 2 "$work/unbalanced.pdf" "$work/unbalanced"

mkdir -p docs/sheets
names=(t2 t3 t4 narrative)
pages=("$work"/page-*.png)
if [ "${#pages[@]}" -ne "${#names[@]}" ]; then
  echo "render-sample: expected ${#names[@]} pages (one per sheet), got ${#pages[@]}" >&2
  exit 1
fi
for i in "${!names[@]}"; do
  cp "${pages[$i]}" "docs/sheets/sample-${names[$i]}.png"
  echo "wrote docs/sheets/sample-${names[$i]}.png"
done
cp "$work"/unbalanced-*.png docs/sheets/sample-t3-unbalanced.png
echo "wrote docs/sheets/sample-t3-unbalanced.png"
