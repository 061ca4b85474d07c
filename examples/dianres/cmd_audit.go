package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/dianres/dianres/resolution"
	"github.com/dianres/dianres/validate"
)

const auditHelp = `usage: dianres audit --resolution R [--at DATE] [flags] FILE

Audits every number a business issued against the ranges of a resolution.
FILE holds one full invoice number per line ("FE10"), optionally followed
by a comma and its issue date (YYYY-MM-DD or an RFC 3339 date-time, taken
as a Colombian calendar day); "-" reads standard input. Numbers may come in
any order and under several prefixes; memory depends on the size of the
ranges, not on the file.

Per range it prints issued and unique counts, duplicates, gaps, numbers
outside the range, numbers dated out of order, what remains, the percent
used, days left, the projected exhaustion date and alerts. Lists stop at
--max-list entries; the *_count fields stay exact.

Exit status: 0 clean, 1 any finding or alert (or a failure), 2 usage error.

example:
  dianres audit --resolution 18764081810977.pdf --at 2025-06-30 --warn-percent 15 --warn-days 45 issued.txt

flags:
`

type auditRange struct {
	*validate.RangeReport
	ValidFrom resolution.Date `json:"valid_from,omitzero"`
	ValidTo   resolution.Date `json:"valid_to,omitzero"`
	Invalid   []jsonFinding   `json:"invalid"`
	Alerts    []jsonFinding   `json:"alerts"`
}

func runAudit(e *env, args []string) int {
	fs := newFlagSet(e, "audit", auditHelp)
	resPath := fs.String("resolution", "", "formato 1876 PDF, or the JSON of 'dianres parse --json' (required)")
	atFlag := fs.String("at", "", "audit as of this date (YYYY-MM-DD or RFC 3339; default today)")
	warnPercent := fs.Float64("warn-percent", 10, "alert when at most this percent of a range is left (0: off)")
	warnDays := fs.Int("warn-days", 30, "alert when the validity ends, or the numbers run out, within this many days (0: off)")
	maxList := fs.Int("max-list", 1000, "most entries in each list (0: no limit)")
	langFlag := fs.String("lang", "en", "language of messages: en or es")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage(err)
	}
	if len(files) != 1 {
		return usageError(e, fs, auditHelp, "want exactly one FILE (or - for standard input)")
	}
	lang, err := validate.ParseLang(*langFlag)
	if err != nil {
		return usageError(e, fs, auditHelp, err.Error())
	}
	when, at, err := parseWhen(*atFlag)
	if err != nil {
		return usageError(e, fs, auditHelp, err.Error())
	}
	if !when.IsZero() {
		at = resolution.DateOf(when)
	}
	if *warnPercent < 0 || *warnDays < 0 || *maxList < 0 {
		return usageError(e, fs, auditHelp, "--warn-percent, --warn-days and --max-list take values >= 0")
	}
	// On the command line 0 means off; in validate.Options it means the default.
	opts := &validate.Options{WarnPercent: *warnPercent, WarnDays: *warnDays, MaxList: *maxList}
	if opts.WarnPercent == 0 {
		opts.WarnPercent = -1
	}
	if opts.WarnDays == 0 {
		opts.WarnDays = -1
	}
	if opts.MaxList == 0 {
		opts.MaxList = -1
	}
	if *resPath == "" {
		return usageError(e, fs, auditHelp, "--resolution is required")
	}
	res, err := loadResolution(context.Background(), *resPath)
	if err != nil {
		fmt.Fprintf(e.stderr, "dianres audit: %v\n", err)
		return 1
	}
	a, err := validate.NewAuditor(res.Ranges, opts)
	if err != nil {
		fmt.Fprintf(e.stderr, "dianres audit: %v\n", err)
		return 1
	}
	var in io.Reader = e.stdin
	if files[0] != "-" {
		f, err := os.Open(files[0])
		if err != nil {
			fmt.Fprintf(e.stderr, "dianres audit: %v\n", err)
			return 1
		}
		defer f.Close()
		in = f
	}
	start := time.Now()
	lines, err := a.ReadLines(in)
	if err != nil {
		fmt.Fprintf(e.stderr, "dianres audit: %s: %v\n", files[0], err)
		return 1
	}
	if e.terminal {
		fmt.Fprintf(e.stderr, "dianres audit: %d lines in %v\n", lines, time.Since(start).Round(time.Millisecond))
	}
	rep := a.Report(at)
	out := struct {
		*validate.Report
		Ranges []auditRange `json:"ranges"`
	}{Report: rep, Ranges: make([]auditRange, 0, len(rep.Ranges))}
	for i := range rep.Ranges {
		rr := &rep.Ranges[i]
		out.Ranges = append(out.Ranges, auditRange{RangeReport: rr, ValidFrom: rr.Range.ValidFrom, ValidTo: rr.Range.ValidTo,
			Invalid: toJSONFindings(rr.Invalid, lang), Alerts: toJSONFindings(rr.Alerts, lang)})
	}
	if err := writeJSON(e.stdout, out); err != nil {
		fmt.Fprintf(e.stderr, "dianres audit: %v\n", err)
		return 1
	}
	if !rep.Clean() {
		return 1
	}
	return 0
}
