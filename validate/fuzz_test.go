package validate_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/dianres/dianres/resolution"
	"github.com/dianres/dianres/validate"
)

// FuzzSplit checks Split against a brute-force reading of the split rules
// (package comment, "Splitting prefix and number"), and that checking any
// input neither panics nor renders an empty message.
func FuzzSplit(f *testing.F) {
	for _, s := range [][2]string{
		{"FE,FE1,F", "FE115"}, {"FE,FE1,F", "FE10"}, {"FE,FE1", "FE105"}, {"SETP,SETT", "SETP990000002"},
		{",9", "912"}, {"", "42"}, {"FE", "FE0001"}, {"FE", "FE99999999999999999999"}, {"FE", ""},
		{"FE", "FE9223372036854775807"}, {"1,12,123", "12345"}, {"FE", "fe10"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, prefixes, id string) {
		set := map[string]bool{}
		var ranges []resolution.Range
		for _, p := range strings.Split(prefixes, ",") {
			if !set[p] {
				set[p] = true
				ranges = append(ranges, resolution.Range{Prefix: p, From: 1, To: 1000,
					ValidFrom: resolution.Date{Year: 2025, Month: 1, Day: 1}, ValidTo: resolution.Date{Year: 2027, Month: 1, Day: 1}})
			}
		}
		c, err := validate.NewChecker(ranges)
		if err != nil {
			t.Fatal(err)
		}
		// The oracle: every prefix of the set that id starts with, leaving
		// a non-empty, all-digit, 64-bit rest.
		var canon, other []string
		for p := range set {
			rest, ok := strings.CutPrefix(id, p)
			if !ok || rest == "" || strings.Trim(rest, "0123456789") != "" {
				continue
			}
			if _, err := strconv.ParseInt(rest, 10, 64); err != nil {
				continue
			}
			if rest[0] != '0' {
				canon = append(canon, p)
			} else {
				other = append(other, p)
			}
		}
		want := canon
		if len(want) == 0 {
			want = other
		}

		p, n, err := c.Split(id)
		switch {
		case len(want) == 1:
			if err != nil || p != want[0] {
				t.Fatalf("Split(%q) = %q, %v; want prefix %q", id, p, err, want[0])
			}
			if v, err := strconv.ParseInt(id[len(p):], 10, 64); !strings.HasPrefix(id, p) || err != nil || v != n {
				t.Fatalf("Split(%q) = %q %d: does not spell id", id, p, n)
			}
		case len(want) > 1:
			if !errors.Is(err, validate.ErrAmbiguousPrefix) {
				t.Fatalf("Split(%q) = %q, %v; want ambiguous among %q", id, p, err, want)
			}
		default:
			if !errors.Is(err, validate.ErrUnknownPrefix) && !errors.Is(err, validate.ErrMalformed) {
				t.Fatalf("Split(%q) = %q, %v; want unknown or malformed", id, p, err)
			}
			var se *validate.SplitError
			if errors.As(err, &se) && errors.Is(err, validate.ErrUnknownPrefix) {
				if set[se.Prefix] {
					t.Fatalf("Split(%q): unknown prefix %q is in the set", id, se.Prefix)
				}
				if v, err := strconv.ParseInt(id[len(se.Prefix):], 10, 64); !strings.HasPrefix(id, se.Prefix) || err != nil || v != se.Number {
					t.Fatalf("Split(%q): bad apparent reading %q %d", id, se.Prefix, se.Number)
				}
			}
		}
		if err != nil && err.Error() == "" {
			t.Fatal("empty error text")
		}

		r := c.CheckOn(id, resolution.Date{Year: 2026, Month: 1, Day: 1})
		if r.OK != (len(r.Findings) == 0) || (r.OK && len(want) != 1) {
			t.Fatalf("CheckOn(%q) = %+v", id, r)
		}
		for _, fd := range r.Findings {
			if fd.Message(validate.English) == "" || fd.Message(validate.Spanish) == "" {
				t.Fatalf("empty message for %+v", fd)
			}
		}
	})
}

// FuzzReadLines feeds arbitrary text to ReadLines: it must not panic, its
// errors must render, and every non-blank line must be counted exactly once
// in the report.
func FuzzReadLines(f *testing.F) {
	for _, s := range []string{
		"FE1\nFE2,2025-01-02\nFE2\n\nXX9\nFE\n", "FE1,2025-01-02T23:30:00-05:00\r\n", "FE1,2025-02-30", "FE11,2025-01-01\nFE1,2025-01-02",
		"FE99999999999999999999\n,\n  \n", "FE1000,2019-01-01\nFE0\n",
	} {
		f.Add(s)
	}
	ranges := []resolution.Range{
		{Prefix: "FE", From: 1, To: 1000, ValidFrom: resolution.Date{Year: 2025, Month: 1, Day: 1}, ValidTo: resolution.Date{Year: 2027, Month: 1, Day: 1}},
		{Prefix: "FE1", From: 1, To: 1000, ValidFrom: resolution.Date{Year: 2025, Month: 1, Day: 1}, ValidTo: resolution.Date{Year: 2027, Month: 1, Day: 1}},
		{Prefix: "FE", From: 500, To: 1000, ValidFrom: resolution.Date{Year: 2025, Month: 6, Day: 1}, Request: resolution.RequestDisablement},
	}
	f.Fuzz(func(t *testing.T, input string) {
		a, err := validate.NewAuditor(ranges, &validate.Options{MaxList: 3})
		if err != nil {
			t.Fatal(err)
		}
		_, err = a.ReadLines(strings.NewReader(input))
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error text")
			}
			return
		}
		rep := a.Report(resolution.Date{Year: 2026, Month: 1, Day: 1})
		var want int64
		for _, line := range strings.Split(input, "\n") {
			if strings.TrimSpace(line) != "" {
				want++
			}
		}
		got := rep.UnknownCount + rep.AmbiguousCount + rep.MalformedCount
		for _, rr := range rep.Ranges {
			got += rr.Issued + rr.OutsideCount
			if rr.Unique > rr.Issued || rr.Remaining < 0 || rr.UsedPercent < 0 || rr.UsedPercent > 100 {
				t.Fatalf("inconsistent range report %+v", rr)
			}
			if len(rr.Gaps) > 3 || len(rr.Duplicates) > 3 {
				t.Fatalf("lists exceed MaxList: %+v", rr)
			}
		}
		if got != want {
			t.Fatalf("%d lines counted, want %d", got, want)
		}
		for _, fd := range rep.Findings() {
			if fd.Message(validate.Spanish) == "" {
				t.Fatalf("empty message for %+v", fd)
			}
		}
	})
}
