#!/bin/sh
# cli_vs_pdftotext.sh times `dianres parse --json --workers 1` over every
# fixture (testdata/valid, testdata/producers) against pdftotext run once
# per file, side by side in one run, and the peak RSS of a ~1000-file
# batch. Run from anywhere; needs go, pdftotext (poppler-utils) and GNU
# time (/usr/bin/time).
#
#   internal/pdftext/bench/cli_vs_pdftotext.sh [ROUNDS]
#
# Each round times the dianres batch, then the pdftotext loop, so both see
# the same machine load; the script prints per-round figures and the
# median per-file time of each over the rounds (default 5).
set -eu
root=$(cd "$(dirname "$0")/../../.." && pwd)
rounds=${1:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
go build -o "$tmp/dianres" ./examples/dianres
ls testdata/valid/*.pdf testdata/producers/*.pdf > "$tmp/files"
n=$(wc -l < "$tmp/files")

now() { date +%s%N; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: > "$tmp/d"; : > "$tmp/p"; : > "$tmp/x"
for r in $(seq "$rounds"); do
	t0=$(now)
	xargs "$tmp/dianres" parse --json --workers 1 < "$tmp/files" > /dev/null 2>&1 || true
	t1=$(now)
	while read -r f; do pdftotext -q "$f" - > /dev/null 2>&1 || true; done < "$tmp/files"
	t2=$(now)
	d=$(( (t1 - t0) / n / 1000 )); p=$(( (t2 - t1) / n / 1000 ))
	x=$(awk "BEGIN {printf \"%.1f\", $p / $d}")
	echo "$d" >> "$tmp/d"; echo "$p" >> "$tmp/p"; echo "$x" >> "$tmp/x"
	echo "round $r: dianres $d µs/file, pdftotext $p µs/file: ${x}x"
done
d=$(median < "$tmp/d"); p=$(median < "$tmp/p"); x=$(median < "$tmp/x")
echo "files $n, medians of $rounds rounds: dianres parse --json --workers 1 $d µs/file, pdftotext per file $p µs/file, per-round ratio ${x}x"

# Peak RSS of one batch of ~1000 files (the fixtures repeated).
: > "$tmp/batch"
while [ "$(wc -l < "$tmp/batch")" -lt 1000 ]; do cat "$tmp/files" >> "$tmp/batch"; done
m=$(wc -l < "$tmp/batch")
/usr/bin/time -f '%M' -o "$tmp/rss" sh -c "xargs '$tmp/dianres' parse --json --workers 1 < '$tmp/batch' > /dev/null 2>&1 || true"
echo "batch of $m files, --workers 1: peak RSS $(( $(cat "$tmp/rss") / 1024 )) MiB ($(cat "$tmp/rss") KiB)"
