package validate

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/dianres/dianres/resolution"
)

// ErrBadRange is returned by [NewChecker] and [NewAuditor] for a range
// whose From is negative or greater than its To.
var ErrBadRange = errors.New("bad range")

// A Checker checks full invoice numbers against a set of ranges, which may
// come from several resolutions. It is safe for concurrent use.
type Checker struct {
	ranges    []resolution.Range
	byPrefix  map[string]*prefixEntry
	few       []*prefixEntry // the entries, when there are at most maxFew
	maxPrefix int
}

const maxFew = 8

// prefixEntry holds the ranges of one prefix, as indices into ranges.
type prefixEntry struct {
	prefix   string
	auth     []int // authorizations and enablements, by From
	disabled []int // "INHABILITACIÓN" rows
}

// NewChecker returns a Checker for ranges. Rows whose Request is
// [resolution.RequestDisablement] disable their numbers from their
// ValidFrom on; every other row authorizes its numbers. A range with From
// negative or above To fails with [ErrBadRange].
func NewChecker(ranges []resolution.Range) (*Checker, error) {
	c := &Checker{ranges: slices.Clone(ranges), byPrefix: make(map[string]*prefixEntry)}
	for i, r := range c.ranges {
		if r.From < 0 || r.From > r.To {
			return nil, fmt.Errorf("validate: range %d (%q %d–%d): %w", i, r.Prefix, r.From, r.To, ErrBadRange)
		}
		e := c.byPrefix[r.Prefix]
		if e == nil {
			e = &prefixEntry{prefix: r.Prefix}
			c.byPrefix[r.Prefix] = e
			c.maxPrefix = max(c.maxPrefix, len(r.Prefix))
		}
		if r.Request == resolution.RequestDisablement {
			e.disabled = append(e.disabled, i)
		} else {
			e.auth = append(e.auth, i)
		}
	}
	if len(c.byPrefix) <= maxFew {
		c.few = make([]*prefixEntry, 0, len(c.byPrefix))
	}
	for _, e := range c.byPrefix {
		if c.few != nil {
			c.few = append(c.few, e)
		}
		slices.SortStableFunc(e.auth, func(a, b int) int { return cmp.Compare(c.ranges[a].From, c.ranges[b].From) })
	}
	return c, nil
}

// Ranges returns the checker's ranges; Result.Range indexes them.
func (c *Checker) Ranges() []resolution.Range { return slices.Clone(c.ranges) }

// A Result is the outcome of checking one full number.
type Result struct {
	ID     string `json:"id"`     // the full number, as given
	OK     bool   `json:"ok"`     // no findings
	Prefix string `json:"prefix"` // the prefix read from ID; "" when it could not be split
	Number int64  `json:"number"` // the consecutive read from ID
	// Range is the index, in the ranges given to NewChecker, of the range
	// the number was checked against; -1 when there is none.
	Range int `json:"range"`
	// Findings says everything wrong with the number; nil when OK.
	Findings []Finding `json:"findings"`
}

// Check checks the full number id ("SETP990000002") issued at the instant
// at. The instant counts as its calendar day in Colombia, whatever its
// zone (docs/form-1876.md §3).
func (c *Checker) Check(id string, at time.Time) Result {
	return c.CheckOn(id, resolution.DateOf(at))
}

// CheckOn checks the full number id issued on the Colombian civil date d.
// A zero d skips the validity checks and counts every disablement row
// as already in force.
func (c *Checker) CheckOn(id string, d resolution.Date) Result {
	res := Result{ID: id, Range: -1}
	s := splitID(c, id)
	switch s.status {
	case splitMalformed:
		res.Findings = []Finding{{Code: CodeMalformed, ID: id, Date: d}}
		return res
	case splitAmbiguous:
		res.Findings = []Finding{{Code: CodeAmbiguousPrefix, ID: id, Date: d, Candidates: c.candidates(id)}}
		return res
	case splitUnknown:
		res.Prefix, res.Number = id[:s.prefixLen], s.n
		res.Findings = []Finding{{Code: CodeUnknownPrefix, Rule: RuleFAD05e, ID: id, Prefix: res.Prefix, Number: s.n, Date: d}}
		return res
	}
	res.Prefix, res.Number = id[:s.prefixLen], s.n
	res.Range, res.Findings = c.checkNumber(s.entry, id, s.n, d, nil)
	res.OK = len(res.Findings) == 0
	return res
}

// checkNumber checks consecutive n of prefix entry e, issued on d (zero:
// unknown), appending findings to fs. It returns the index of the range n
// was checked against, or -1.
func (c *Checker) checkNumber(e *prefixEntry, id string, n int64, d resolution.Date, fs []Finding) (int, []Finding) {
	if len(e.auth) == 1 && len(e.disabled) == 0 { // the common case, without copying ranges
		if i := e.auth[0]; c.ranges[i].Contains(n) && (d.IsZero() || c.ranges[i].ValidOn(d)) {
			return i, fs
		}
	}
	for _, i := range e.disabled {
		r := &c.ranges[i]
		if r.Contains(n) && (d.IsZero() || !d.Before(r.ValidFrom)) {
			fs = append(fs, Finding{Code: CodeDisabledRange, ID: id, Prefix: e.prefix, Number: n, Date: d, Range: *r})
		}
	}
	i, contained := c.pick(e, n, d)
	if i < 0 {
		if len(fs) == 0 { // a prefix with only disabled rows, n outside them
			fs = append(fs, Finding{Code: CodeOutOfRange, ID: id, Prefix: e.prefix, Number: n, Date: d})
		}
		return -1, fs
	}
	r := &c.ranges[i]
	if !contained {
		fs = append(fs, Finding{Code: CodeOutOfRange, ID: id, Prefix: e.prefix, Number: n, Date: d, Range: *r})
	}
	if !d.IsZero() && !r.ValidOn(d) {
		code := CodeExpired
		if d.Before(r.ValidFrom) {
			code = CodeNotYetValid
		}
		fs = append(fs, Finding{Code: code, ID: id, Prefix: e.prefix, Number: n, Date: d, Range: *r})
	}
	return i, fs
}

// pick chooses the authorizing range of e to judge n by: one holding n and
// valid on d if any; else the one holding n whose validity is nearest d;
// else the one nearest n. contained reports whether the range holds n.
func (c *Checker) pick(e *prefixEntry, n int64, d resolution.Date) (i int, contained bool) {
	best, bestDist := -1, 0
	for _, j := range e.auth {
		r := &c.ranges[j]
		if !r.Contains(n) {
			continue
		}
		if d.IsZero() || r.ValidOn(d) {
			return j, true
		}
		if dist := daysOutside(r, d); best < 0 || dist < bestDist {
			best, bestDist = j, dist
		}
	}
	if best >= 0 {
		return best, true
	}
	var bestGap uint64
	for _, j := range e.auth {
		r := &c.ranges[j]
		gap := uint64(r.From - n)
		if n > r.To {
			gap = uint64(n - r.To)
		}
		if best < 0 || gap < bestGap {
			best, bestGap = j, gap
		}
	}
	return best, false
}

// daysOutside returns how many days d lies outside r's validity.
func daysOutside(r *resolution.Range, d resolution.Date) int {
	if d.Before(r.ValidFrom) {
		return d.DaysUntil(r.ValidFrom)
	}
	return r.ValidTo.DaysUntil(d)
}
