package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/dianres/dianres/resolution"
	"github.com/dianres/dianres/validate"
)

const checkHelp = `usage: dianres check --resolution R [--at TIME] [--lang en|es] ID...

Checks full invoice numbers (prefix followed by the consecutive, as DIAN
writes them) against the ranges of a resolution: known prefix (FAD05e),
inside the range, issued within the validity, not in a disabled range.
R is a formato 1876 PDF or the JSON of 'dianres parse --json'. TIME is an
RFC 3339 date-time or a date (YYYY-MM-DD), taken as a Colombian calendar
day; it defaults to now.

Exit status: 0 all valid, 1 any invalid or a failure, 2 usage error.

example:
  dianres check --resolution 18760000001.pdf --at 2025-01-31T23:30:00-05:00 SETP990000002 SETP995000001

flags:
`

// jsonFinding is a finding as the CLI prints it.
type jsonFinding struct {
	Code    validate.Code `json:"code"`
	Rule    string        `json:"rule"`
	Message string        `json:"message"`
}

func toJSONFindings(fs []validate.Finding, lang validate.Lang) []jsonFinding {
	out := make([]jsonFinding, 0, len(fs))
	for _, f := range fs {
		out = append(out, jsonFinding{Code: f.Code, Rule: f.Rule, Message: f.Message(lang)})
	}
	return out
}

type checkResult struct {
	ID       string        `json:"id"`
	OK       bool          `json:"ok"`
	Prefix   string        `json:"prefix"`
	Number   int64         `json:"number"`
	Findings []jsonFinding `json:"findings"`
}

func runCheck(e *env, args []string) int {
	fs := newFlagSet(e, "check", checkHelp)
	resPath := fs.String("resolution", "", "formato 1876 PDF, or the JSON of 'dianres parse --json' (required)")
	atFlag := fs.String("at", "", "issue time: RFC 3339 date-time or YYYY-MM-DD (default now)")
	langFlag := fs.String("lang", "en", "language of messages: en or es")
	ids, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage(err)
	}
	if len(ids) == 0 {
		return usageError(e, fs, checkHelp, "no invoice number given")
	}
	lang, err := validate.ParseLang(*langFlag)
	if err != nil {
		return usageError(e, fs, checkHelp, err.Error())
	}
	when, day, err := parseWhen(*atFlag)
	if err != nil {
		return usageError(e, fs, checkHelp, err.Error())
	}
	if *resPath == "" {
		return usageError(e, fs, checkHelp, "--resolution is required")
	}
	res, err := loadResolution(context.Background(), *resPath)
	if err != nil {
		fmt.Fprintf(e.stderr, "dianres check: %v\n", err)
		return 1
	}
	c, err := validate.NewChecker(res.Ranges)
	if err != nil {
		fmt.Fprintf(e.stderr, "dianres check: %v\n", err)
		return 1
	}
	out := struct {
		Results []checkResult `json:"results"`
	}{Results: make([]checkResult, 0, len(ids))}
	status := 0
	for _, id := range ids {
		var r validate.Result
		if when.IsZero() {
			r = c.CheckOn(id, day)
		} else {
			r = c.Check(id, when)
		}
		if !r.OK {
			status = 1
		}
		out.Results = append(out.Results, checkResult{ID: r.ID, OK: r.OK, Prefix: r.Prefix, Number: r.Number,
			Findings: toJSONFindings(r.Findings, lang)})
	}
	if err := writeJSON(e.stdout, out); err != nil {
		fmt.Fprintf(e.stderr, "dianres check: %v\n", err)
		return 1
	}
	return status
}

// parseWhen reads --at: an RFC 3339 date-time (returned as when) or a
// date (returned as day, with a zero when). Empty means now.
func parseWhen(s string) (when time.Time, day resolution.Date, err error) {
	if s == "" {
		return time.Now(), resolution.Date{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, resolution.Date{}, nil
	}
	if d, err := resolution.ParseDate(s); err == nil {
		return time.Time{}, d, nil
	}
	return time.Time{}, resolution.Date{}, fmt.Errorf("--at %q: want an RFC 3339 date-time (2025-01-31T23:30:00-05:00) or a date (2025-01-31)", s)
}

func usageError(e *env, fs *flag.FlagSet, help, msg string) int {
	fmt.Fprintf(e.stderr, "dianres %s: %s\n\n", fs.Name(), msg)
	fs.Usage()
	return 2
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
