package validate

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Sentinel errors for [Checker.Split], wrapped in a [*SplitError].
var (
	ErrUnknownPrefix   = errors.New("no authorized range has this prefix (FAD05e)")
	ErrAmbiguousPrefix = errors.New("prefix and number split in more than one way")
	ErrMalformed       = errors.New("not a prefix followed by a consecutive number")
)

// A SplitError says why a full number could not be split into an
// authorized prefix and a consecutive.
type SplitError struct {
	ID string // the full number, as given
	// Prefix and Number are the apparent reading with ErrUnknownPrefix:
	// everything before the trailing digits, and those digits.
	Prefix string
	Number int64
	// Candidates lists the readings with ErrAmbiguousPrefix, as "FE 115".
	Candidates []string
	Err        error // ErrUnknownPrefix, ErrAmbiguousPrefix or ErrMalformed
}

func (e *SplitError) Error() string {
	if len(e.Candidates) > 0 {
		return fmt.Sprintf("validate: %q: %v: %s", e.ID, e.Err, strings.Join(e.Candidates, ", "))
	}
	return fmt.Sprintf("validate: %q: %v", e.ID, e.Err)
}

// Unwrap returns the sentinel, for errors.Is.
func (e *SplitError) Unwrap() error { return e.Err }

type splitStatus uint8

const (
	splitOK splitStatus = iota
	splitUnknown
	splitAmbiguous
	splitMalformed
)

// split is the outcome of splitting a full number. It holds no strings, so
// the valid path allocates nothing.
type split struct {
	status    splitStatus
	prefixLen int          // with splitOK and splitUnknown
	n         int64        // with splitOK and splitUnknown
	entry     *prefixEntry // with splitOK
}

// idText is what a full number can arrive as: a string from a caller, or a
// line of a file read without copying.
type idText interface{ ~string | ~[]byte }

// splitID splits id against the checker's prefixes (see the package
// comment, "Splitting prefix and number").
func splitID[T idText](c *Checker, id T) split {
	ds := len(id) // start of the trailing digits
	for ds > 0 && isDigit(id[ds-1]) {
		ds--
	}
	if ds == len(id) {
		return split{status: splitMalformed}
	}
	var canon, other split
	nCanon, nOther := 0, 0
	// The prefix must hold every non-digit, so it is at least ds long.
	for l := ds; l < len(id) && l <= c.maxPrefix; l++ {
		e := lookup(c, id[:l])
		if e == nil {
			continue
		}
		n, ok := parseDigits(id[l:])
		if !ok {
			continue
		}
		s := split{status: splitOK, prefixLen: l, n: n, entry: e}
		if id[l] != '0' { // a leading zero, or the non-consecutive 0
			canon, nCanon = s, nCanon+1
		} else {
			other, nOther = s, nOther+1
		}
	}
	switch {
	case nCanon == 1:
		return canon
	case nCanon > 1:
		return split{status: splitAmbiguous}
	case nOther == 1:
		return other
	case nOther > 1:
		return split{status: splitAmbiguous}
	}
	n, ok := parseDigits(id[ds:])
	if !ok {
		return split{status: splitMalformed}
	}
	return split{status: splitUnknown, prefixLen: ds, n: n}
}

// lookup returns the entry for prefix p, or nil. A few prefixes are
// compared directly, which is faster than hashing.
func lookup[T idText](c *Checker, p T) *prefixEntry {
	if c.few != nil {
		for _, e := range c.few {
			if len(e.prefix) == len(p) && e.prefix == string(p) {
				return e
			}
		}
		return nil
	}
	return c.byPrefix[string(p)]
}

// candidates lists the readings of an ambiguous id, as "FE 115". It runs
// only on the failure path.
func (c *Checker) candidates(id string) []string {
	ds := len(id)
	for ds > 0 && isDigit(id[ds-1]) {
		ds--
	}
	var canon, other []string
	for l := ds; l < len(id) && l <= c.maxPrefix; l++ {
		if c.byPrefix[id[:l]] == nil {
			continue
		}
		n, ok := parseDigits(id[l:])
		if !ok {
			continue
		}
		p := id[:l]
		if p == "" {
			p = `""`
		}
		s := p + " " + strconv.FormatInt(n, 10)
		if id[l] != '0' { // a leading zero, or the non-consecutive 0
			canon = append(canon, s)
		} else {
			other = append(other, s)
		}
	}
	if len(canon) > 0 {
		return canon
	}
	return other
}

// Split splits a full number ("SETP990000002") into one of the checker's
// prefixes and the consecutive. It fails with a [*SplitError] wrapping
// [ErrUnknownPrefix], [ErrAmbiguousPrefix] or [ErrMalformed].
func (c *Checker) Split(id string) (prefix string, n int64, err error) {
	s := splitID(c, id)
	switch s.status {
	case splitOK:
		return id[:s.prefixLen], s.n, nil
	case splitUnknown:
		return "", 0, &SplitError{ID: id, Prefix: id[:s.prefixLen], Number: s.n, Err: ErrUnknownPrefix}
	case splitAmbiguous:
		return "", 0, &SplitError{ID: id, Candidates: c.candidates(id), Err: ErrAmbiguousPrefix}
	}
	return "", 0, &SplitError{ID: id, Err: ErrMalformed}
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// parseDigits reads an all-digit, non-empty s as an int64; ok is false on
// overflow. DIAN reads consecutives as 64-bit integers (docs/form-1876.md §4).
func parseDigits[T idText](s T) (n int64, ok bool) {
	if len(s) == 0 {
		return 0, false
	}
	// Eighteen digits cannot overflow, so the common case skips the check.
	if len(s) <= 18 {
		for i := 0; i < len(s); i++ {
			d := s[i] - '0'
			if d > 9 {
				return 0, false
			}
			n = n*10 + int64(d)
		}
		return n, true
	}
	for i := 0; i < len(s); i++ {
		d := int64(s[i] - '0')
		if d > 9 {
			return 0, false
		}
		if n > (math.MaxInt64-d)/10 {
			return 0, false
		}
		n = n*10 + d
	}
	return n, true
}
