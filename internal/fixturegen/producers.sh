#!/usr/bin/env bash
# producers.sh rebuilds testdata/producers: the same formato 1876 data
# rendered by real producers in their own natural layout (headless
# Chromium, LibreOffice, ghostscript ps2pdf, reportlab), then rewritten by
# qpdf, mutool and ghostscript (object streams, linearization, encryption
# with an EMPTY user password, PDF 2.0, re-distilling, ASCII-hex streams),
# plus byte-level damage and unusual filters from fixturegen's own writer.
#
# Every NAME.pdf gets NAME.golden.json: the spec's data, the same answer
# as the clean original. Outputs are committed; tests never run this.
#
# Needs (Debian): qpdf ghostscript mupdf-tools chromium
# libreoffice-writer-nogui python3-reportlab fonts-dejavu-core fonts-liberation
#
# Usage, from anywhere: internal/fixturegen/producers.sh
set -euo pipefail

cd "$(dirname "$0")/../.."
OUT=testdata/producers
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
rm -f "$OUT"/*.pdf "$OUT"/*.golden.json
cat >"$OUT/README.md" <<'EOF'
# Producers corpus

Written by `internal/fixturegen/producers.sh`; do not edit. Each NAME.pdf has
NAME.golden.json: the source document's data, the same answer as the clean
original. `writer-*` (stream filters) and `damage-*` (byte edits) come from
fixturegen's own writer (`genfixtures -producers`); the rest are real tools.
Encrypted files have an EMPTY user password (owner password only).

| file | made with |
| --- | --- |
| writer-lzw.pdf … writer-predictor.pdf | fixturegen, content streams as LZW, RunLength, ASCII85+Flate, ASCIIHex, Flate with PNG Up predictor |
| damage-junk-prefix.pdf | an HTTP header before %PDF (every offset shifted) |
| damage-trailing-junk.pdf | NULs, a second %%EOF and HTML appended |
| damage-stale-xref.pdf | a line inserted after the header; xref offsets not fixed |
| damage-xref-removed.pdf | xref table deleted; trailer and startxref kept |
| damage-incremental.pdf | an appended update (new catalog revision, Info) with /Prev |
EOF

# reportlab is a Debian package: use the system interpreter, not a pyenv one.
PY=/usr/bin/python3
OWNER=dueno-1876

say() {
	printf '%-44s %s\n' "$1" "$2"
	printf '| %s.pdf | %s |\n' "$1" "$2" >>"$OUT/README.md"
}

# golden SRC NAME: NAME's expected answer is that of source document SRC.
golden() { cp "$WORK/$1.golden.json" "$OUT/$2.golden.json"; }

# Writer-made variants (filters, damage) and the producer sources.
go run ./internal/fixturegen/cmd/genfixtures -producers
go run ./internal/fixturegen/cmd/genfixtures -sources "$WORK"
cp testdata/valid/sample.golden.json "$WORK/sample.golden.json"
cp testdata/valid/sample.pdf "$WORK/sample.pdf"

# 1. Other producers, same data, their own layout.
for n in company person six-rows; do
	chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--user-data-dir="$WORK/chrome" --print-to-pdf="$OUT/chromium-$n.pdf" "file://$WORK/$n.html" 2>/dev/null
	golden "$n" "chromium-$n"
	say "chromium-$n" ok

	soffice --headless -env:UserInstallation="file://$WORK/lo-profile" \
		--infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$WORK/lo" "$WORK/$n.html" >/dev/null 2>&1
	mv "$WORK/lo/$n.pdf" "$OUT/libreoffice-$n.pdf"
	golden "$n" "libreoffice-$n"
	say "libreoffice-$n" ok

	ps2pdf "$WORK/$n.ps" "$OUT/ps2pdf-$n.pdf"
	golden "$n" "ps2pdf-$n"
	say "ps2pdf-$n" ok

	"$PY" internal/fixturegen/templates/reportlab_form.py "$WORK/$n.json" "$OUT/reportlab-$n.pdf"
	golden "$n" "reportlab-$n"
	say "reportlab-$n" ok
done
cp "$OUT/chromium-company.pdf" "$WORK/chromium-company.pdf"
cp "$WORK/company.golden.json" "$WORK/chromium-company.golden.json"
cp "$OUT/reportlab-person.pdf" "$WORK/reportlab-person.pdf"
cp "$WORK/person.golden.json" "$WORK/reportlab-person.golden.json"
cp "$OUT/libreoffice-six-rows.pdf" "$WORK/libreoffice-six-rows.pdf"
cp "$WORK/six-rows.golden.json" "$WORK/libreoffice-six-rows.golden.json"

# 2. Rewrites. transform SRC NAME TOOL ARGS...: run TOOL on WORK/SRC.pdf.
qpdf_t() {
	local src=$1 name=$2
	shift 2
	# qpdf exits 3 on warnings with a usable output; accept that.
	qpdf "$@" "$WORK/$src.pdf" "$OUT/$name.pdf" || [ $? -eq 3 ]
	golden "$src" "$name"
	say "$name" "qpdf $*"
}
for src in sample chromium-company reportlab-person libreoffice-six-rows; do
	qpdf_t "$src" "qpdf-objstm-$src" --object-streams=generate
	qpdf_t "$src" "qpdf-aes256-r6-$src" --encrypt "" "$OWNER" 256 --
done
qpdf_t sample qpdf-linearized-sample --linearize
qpdf_t sample qpdf-rc4-40-sample --allow-weak-crypto --encrypt "" "$OWNER" 40 --
qpdf_t sample qpdf-rc4-128-sample --allow-weak-crypto --encrypt "" "$OWNER" 128 --use-aes=n --
qpdf_t sample qpdf-aes128-sample --encrypt "" "$OWNER" 128 --use-aes=y --
qpdf_t sample qpdf-aes256-r5-sample --allow-weak-crypto --encrypt "" "$OWNER" 256 --force-R5 --
qpdf_t sample qpdf-pdf20-sample --force-version=2.0
qpdf_t sample qpdf-pdf20-objstm-aes256-sample --force-version=2.0 --object-streams=generate --encrypt "" "$OWNER" 256 --
qpdf_t sample qpdf-qdf-sample --qdf --object-streams=disable
qpdf_t sample qpdf-uncompressed-sample --stream-data=uncompress
qpdf_t sample qpdf-linearized-objstm-sample --linearize --object-streams=generate

mutool_t() {
	local src=$1 name=$2
	shift 2
	mutool clean "$@" "$WORK/$src.pdf" "$OUT/$name.pdf" >/dev/null
	golden "$src" "$name"
	say "$name" "mutool clean $*"
}
mutool_t sample mutool-asciihex-sample -a
mutool_t sample mutool-decompressed-sample -d
mutool_t sample mutool-garbage-compressed-sample -gggg -z
mutool_t chromium-company mutool-asciihex-chromium-company -a -d

gs_t() {
	local src=$1 name=$2
	shift 2
	gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite "$@" -o "$OUT/$name.pdf" "$WORK/$src.pdf"
	golden "$src" "$name"
	say "$name" "gs pdfwrite $*"
}
gs_t sample gs-pdfwrite-sample
gs_t sample gs-pdfwrite-14-sample -dCompatibilityLevel=1.4
gs_t chromium-company gs-pdfwrite-chromium-company

# gs re-distils reportlab's accented bold subset as a symbolic TrueType
# with no /Encoding, no ToUnicode, a format-3 post table and only symbol
# cmaps: nothing in the file says what É is (pdftotext and mutool print
# "P€REZ"). A correct reader reports those fields as unreadable, so the
# file is a negative fixture.
INVALID="$(dirname "$OUT")/invalid"
gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -o "$INVALID/gs-pdfwrite-no-unicode.pdf" "$WORK/reportlab-person.pdf"
echo incomplete > "$INVALID/gs-pdfwrite-no-unicode.want"

du -sh "$OUT"
ls "$OUT"/*.pdf | wc -l
