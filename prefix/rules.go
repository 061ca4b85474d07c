package prefix

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dianres/dianres/resolution"
)

// Prefix rules (docs/form-1876.md §4). They are advice and hygiene, not DIAN
// validator codes.
const (
	RulePrefixSyntax Rule = "prefix-syntax"        // more than 4 characters, or not ASCII letters and digits
	RulePrefixCase   Rule = "prefix-case"          // lower-case letters: DIAN compares prefixes as written
	RulePrefixDigit  Rule = "prefix-ends-in-digit" // ambiguous once concatenated with the consecutive
	RulePrefixTest   Rule = "prefix-test"          // SETP, SETT or SETG outside a test context
	RulePrefixReused Rule = "prefix-reused"        // one prefix for several kinds of document
	RuleRangeOverlap Rule = "range-overlap"        // "cruce de consecutivos": two live ranges share numbers
)

// MaxLen is the longest prefix DIAN accepts (docs/form-1876.md §4).
const MaxLen = 4

// testPrefixes are DIAN's habilitación (test set) prefixes [DIAN]: "SETP"
// for own software, "SETT" through a provider, "SETG" for DIAN's free biller.
// Unexported so no caller can change what IsTest answers.
var testPrefixes = [...]string{"SETP", "SETT", "SETG"}

// Normalize returns p trimmed and upper-cased, or a *PrefixError when the
// result is not 0–4 ASCII letters and digits. Use it on prefixes typed by
// people; prefixes read from DIAN or from invoices are compared as written.
func Normalize(p string) (string, error) {
	n := strings.ToUpper(strings.TrimSpace(p))
	if err := resolution.CheckPrefix(n); err != nil {
		return "", &PrefixError{Prefix: p, Reason: err.Error()}
	}
	return n, nil
}

// IsTest reports whether p is one of DIAN's test prefixes (SETP, SETT,
// SETG), in any case.
func IsTest(p string) bool {
	return slices.Contains(testPrefixes[:], strings.ToUpper(p))
}

// An Issue is a prefix, or a set of ranges, that breaks a docs/form-1876.md §4 rule.
type Issue struct {
	Rule        Rule     `json:"rule"`
	Prefix      string   `json:"prefix"`
	Resolutions []string `json:"resolutions,omitzero"` // resolution numbers involved, for the cross-resolution rules
	Message     string   `json:"message"`
}

// LintOptions tune [Lint] and [LintResolutions]. A nil *LintOptions means
// production.
type LintOptions struct {
	// Test allows DIAN's test prefixes (SETP, SETT, SETG): set it while
	// running the habilitación test set.
	Test bool
}

// Lint checks one prefix as written: syntax (RulePrefixSyntax), lower
// case (RulePrefixCase), a final digit (RulePrefixDigit) and a test prefix
// outside a test context (RulePrefixTest). It returns nil for a clean
// prefix; the empty prefix is clean (docs/form-1876.md §4: it may be empty).
func Lint(p string, opts *LintOptions) []Issue {
	var is []Issue
	if err := resolution.CheckPrefix(p); err != nil {
		is = append(is, Issue{Rule: RulePrefixSyntax, Prefix: p, Message: fmt.Sprintf("prefix %q: %v", p, err)})
	}
	if strings.ToUpper(p) != p {
		is = append(is, Issue{Rule: RulePrefixCase, Prefix: p,
			Message: fmt.Sprintf("prefix %q has lower-case letters; DIAN compares prefixes as written", p)})
	}
	if last := p[max(len(p)-1, 0):]; last != "" && '0' <= last[0] && last[0] <= '9' {
		is = append(is, Issue{Rule: RulePrefixDigit, Prefix: p,
			Message: fmt.Sprintf("prefix %q ends in a digit: %s could be prefix %q number 1 or prefix %q number %s", p, p+"1", p, p[:len(p)-1], last+"1")})
	}
	if (opts == nil || !opts.Test) && IsTest(p) {
		is = append(is, Issue{Rule: RulePrefixTest, Prefix: p,
			Message: fmt.Sprintf("prefix %q is a DIAN test prefix; production invoices must not use it", p)})
	}
	return is
}

// LintResolutions checks every prefix of the given resolutions with
// [Lint], then across them: a prefix used for several kinds of document
// (RulePrefixReused), and "cruce de consecutivos" (RuleRangeOverlap): two
// ranges with the same prefix whose numbers and validity periods both
// overlap. Validity matters because a "HABILITACIÓN" re-enables the unused
// rest of an expired range, and so shares its numbers but never its time;
// "INHABILITACIÓN" rows authorize nothing and are skipped. Issues come in
// a stable order: per-prefix issues by first appearance, then reuse, then
// overlaps.
func LintResolutions(rs []*resolution.Resolution, opts *LintOptions) []Issue {
	type entry struct {
		number string
		r      resolution.Range
	}
	var (
		order  []string
		byPref = map[string][]entry{}
		out    []Issue
	)
	for _, res := range rs {
		if res == nil {
			continue
		}
		for _, r := range res.Ranges {
			if !checked(r) {
				continue
			}
			if _, ok := byPref[r.Prefix]; !ok {
				order = append(order, r.Prefix)
				for _, is := range Lint(r.Prefix, opts) {
					is.Resolutions = []string{res.Number}
					out = append(out, is)
				}
			}
			byPref[r.Prefix] = append(byPref[r.Prefix], entry{res.Number, r})
		}
	}
	for _, p := range order {
		var kinds []string
		var nums []string
		for _, e := range byPref[p] {
			if k := e.r.Kind.String(); e.r.Kind != resolution.KindUnknown && !slices.Contains(kinds, k) {
				kinds = append(kinds, k)
			}
			if !slices.Contains(nums, e.number) {
				nums = append(nums, e.number)
			}
		}
		if len(kinds) > 1 {
			out = append(out, Issue{Rule: RulePrefixReused, Prefix: p, Resolutions: nums,
				Message: fmt.Sprintf("prefix %q is used for %s; use one prefix per kind of document", p, strings.Join(kinds, " and "))})
		}
	}
	for _, p := range order {
		es := byPref[p]
		for i := range es {
			for j := i + 1; j < len(es); j++ {
				a, b := es[i], es[j]
				if !numbersOverlap(a.r, b.r) || !validityOverlaps(a.r, b.r) {
					continue
				}
				out = append(out, Issue{Rule: RuleRangeOverlap, Prefix: p, Resolutions: []string{a.number, b.number},
					Message: fmt.Sprintf("prefix %q: %s of resolution %s and %s of resolution %s share numbers while both are valid",
						p, span(a.r), a.number, span(b.r), b.number)})
			}
		}
	}
	return out
}

func numbersOverlap(a, b resolution.Range) bool { return a.From <= b.To && b.From <= a.To }

// validityOverlaps treats an unknown end as open and an unknown start as
// the beginning of time: with a date missing, overlap cannot be ruled out.
func validityOverlaps(a, b resolution.Range) bool {
	before := func(end, start resolution.Date) bool { // end < start, with zero end meaning open
		return !end.IsZero() && !start.IsZero() && end.Before(start)
	}
	return !before(a.ValidTo, b.ValidFrom) && !before(b.ValidTo, a.ValidFrom)
}

func span(r resolution.Range) string {
	return strconv.FormatInt(r.From, 10) + "-" + strconv.FormatInt(r.To, 10)
}
