#!/usr/bin/env bash
# Renders a sample Excel report with LibreOffice so a person can look at it (not part of CI).
# Needs: a JDK, Maven, LibreOffice Calc and poppler-utils
#   (Debian: apt-get install libreoffice-calc poppler-utils). Installs nothing itself.
# Usage: src/test/scripts/libreoffice-smoke.sh [OUT_DIR] [DATASET | WORKBOOK.xlsx]
#   OUT_DIR  where sample.xlsx, sample.pdf and sample-1.png go (default: target/libreoffice-smoke)
#   DATASET  a roman-numerals dataset for real thumbnails (default: ../shared/datasets/roman-numerals
#            when it exists, else drawn numerals)
#   WORKBOOK.xlsx  render this workbook (e.g. from 'databoost export') instead of a generated one
set -euo pipefail
cd "$(dirname "$0")/../../.."

out="${1:-target/libreoffice-smoke}"
dataset="${2:-../shared/datasets/roman-numerals}"
for tool in mvn java libreoffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done
mkdir -p "$out"

if [[ "$dataset" == *.xlsx ]]; then
  cp "$dataset" "$out/sample.xlsx"
else
  mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt"
  cp="target/classes:target/test-classes:$(cat "$out/classpath.txt")"
  args=("$out/sample.xlsx")
  [[ -d "$dataset/train" ]] && args+=("$dataset")
  java -Djava.awt.headless=true -cp "$cp" org.databoost.report.SampleReport "${args[@]}"
fi

# A private profile so that a running LibreOffice or a first-start dialog cannot interfere.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
libreoffice -env:UserInstallation="file://$profile" --headless \
  --convert-to pdf --outdir "$out" "$out/sample.xlsx" >/dev/null
pdftoppm -png -r 80 -f 1 -l 3 "$out/sample.pdf" "$out/sample"
ls -1 "$out"/sample*.png
echo "Look at the PNG: thumbnails in column A, bold grey header, green-to-red loss column."
