package form

import (
	"strings"
	"unicode/utf8"
)

// The text reading's patterns for the form number, the NIT and the DV,
// matched by hand. Each matcher returns what FindStringSubmatch of the
// regular expression in its comment returns, leftmost match and
// backtracking preferences included; textscan_test.go keeps those
// expressions and holds the matchers to them (FuzzTextPatterns). The
// regexp engine spent a few percent of a whole parse on these three,
// for a handful of short lines.

// isSpaceRE is \s as Go's regexp reads it: [\t\n\f\r ].
func isSpaceRE(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// isWordRE is \w, the ASCII word characters that \b looks at.
func isWordRE(c byte) bool {
	return c == '_' || isDigit(rune(c)) || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

// boundaryBefore is \b just before s[i], where s[i] is a word character.
func boundaryBefore(s string, i int) bool { return i == 0 || !isWordRE(s[i-1]) }

// boundaryAfter is \b at i, where s[i-1] is a word character.
func boundaryAfter(s string, i int) bool { return i == len(s) || !isWordRE(s[i]) }

// skipSpacesColon skips \s*:?\s* from i. The three parts match disjoint
// characters, so every way of backtracking them ends where this does or
// fails.
func skipSpacesColon(s string, i int) int {
	for i < len(s) && isSpaceRE(s[i]) {
		i++
	}
	if i < len(s) && s[i] == ':' {
		i++
	}
	for i < len(s) && isSpaceRE(s[i]) {
		i++
	}
	return i
}

func digitRun(s string, i int) int {
	n := 0
	for i+n < len(s) && isDigit(rune(s[i+n])) {
		n++
	}
	return n
}

// matchFormNumber matches
//
//	formulario[^0-9]{0,30}?\b(1876\d{7,16})\b
//
// and returns the group. The lazy gap can only end at the first digit
// after "formulario" (every rune it takes is not a digit), so that digit,
// within 30 runes, is the one place the number may start.
func matchFormNumber(s string) (string, bool) {
	for from := 0; ; {
		k := strings.Index(s[from:], "formulario")
		if k < 0 {
			return "", false
		}
		start := from + k + len("formulario")
		from = start
		p, n := start, 0
		for p < len(s) && !isDigit(rune(s[p])) && n < 30 {
			_, size := utf8.DecodeRuneInString(s[p:])
			p += size
			n++
		}
		if p >= len(s) || !isDigit(rune(s[p])) || !boundaryBefore(s, p) || !strings.HasPrefix(s[p:], "1876") {
			continue
		}
		// \d{7,16}\b: a longer run leaves a digit after any choice.
		r := digitRun(s, p+4)
		if end := p + 4 + r; r >= 7 && r <= 16 && boundaryAfter(s, end) {
			return s[p:end], true
		}
	}
}

// matchNIT matches
//
//	(?:\bnit\b\)?|tributaria)\s*:?\s*(\d{1,3}(?:[.,]\d{3}){2,3}|\d{5,12})(?:\s?-\s?(\d))?(?:\s|$)
//
// and returns the two groups, dv "" when the second did not take part.
func matchNIT(s string) (nit, dv string, ok bool) {
	for i := nextCue(s, 0, "nit", "tributaria"); i >= 0; i = nextCue(s, i+1, "nit", "tributaria") {
		var j int
		switch {
		case strings.HasPrefix(s[i:], "nit") && boundaryBefore(s, i) && boundaryAfter(s, i+3):
			// \)? gives the ")" back only for a digit to stand there: never.
			j = i + 3
			if j < len(s) && s[j] == ')' {
				j++
			}
		case strings.HasPrefix(s[i:], "tributaria"):
			j = i + len("tributaria")
		default:
			continue
		}
		j = skipSpacesColon(s, j)
		r := digitRun(s, j)
		// \d{1,3}(?:[.,]\d{3}){2,3}: the first run is all of the digits
		// there (one digit fewer leaves a digit where [.,] must be); three
		// groups are tried before two.
		if r >= 1 && r <= 3 {
			k := j + r
			var ends [3]int
			groups := 0
			for groups < 3 && k+4 <= len(s) && (s[k] == '.' || s[k] == ',') &&
				isDigit(rune(s[k+1])) && isDigit(rune(s[k+2])) && isDigit(rune(s[k+3])) {
				k += 4
				ends[groups] = k
				groups++
			}
			for g := groups; g >= 2; g-- {
				if dv, ok := nitTail(s, ends[g-1]); ok {
					return s[j:ends[g-1]], dv, true
				}
			}
		}
		// \d{5,12}: fewer digits than the run leave a digit, which the
		// tail never takes.
		if r >= 5 && r <= 12 {
			if dv, ok := nitTail(s, j+r); ok {
				return s[j : j+r], dv, true
			}
		}
	}
	return "", "", false
}

// nitTail matches (?:\s?-\s?(\d))?(?:\s|$) at k.
func nitTail(s string, k int) (dv string, ok bool) {
	p := k
	switch {
	case p+1 < len(s) && isSpaceRE(s[p]) && s[p+1] == '-':
		p += 2
	case p < len(s) && s[p] == '-':
		p++
	default:
		p = -1
	}
	if p >= 0 {
		switch {
		case p+1 < len(s) && isSpaceRE(s[p]) && isDigit(rune(s[p+1])):
			p++
		case p < len(s) && isDigit(rune(s[p])):
		default:
			p = -1
		}
	}
	if p >= 0 && (p+1 == len(s) || isSpaceRE(s[p+1])) {
		return s[p : p+1], true
	}
	return "", k == len(s) || isSpaceRE(s[k])
}

// nextCue returns the first index at or after i where one of cues starts,
// or -1: the only places a pattern that starts with one may match.
func nextCue(s string, i int, cues ...string) int {
	first := -1
	for _, c := range cues {
		if k := strings.Index(s[i:], c); k >= 0 && (first < 0 || k < first) {
			first = k
		}
	}
	if first < 0 {
		return -1
	}
	return i + first
}

// matchDV matches
//
//	(?:\bdv\b|\bd\.v\.|verificacion)\s*:?\s*(\d)(?:\s|$)
//
// and returns the group.
func matchDV(s string) (string, bool) {
	if strings.IndexByte(s, 'v') < 0 {
		return "", false // every cue holds a "v"; most lines hold none
	}
	for i := nextCue(s, 0, "dv", "d.v.", "verificacion"); i >= 0; i = nextCue(s, i+1, "dv", "d.v.", "verificacion") {
		var j int
		switch {
		case strings.HasPrefix(s[i:], "dv") && boundaryBefore(s, i) && boundaryAfter(s, i+2):
			j = i + 2
		case strings.HasPrefix(s[i:], "d.v.") && boundaryBefore(s, i):
			j = i + 4
		case strings.HasPrefix(s[i:], "verificacion"):
			j = i + len("verificacion")
		default:
			continue
		}
		j = skipSpacesColon(s, j)
		if j < len(s) && isDigit(rune(s[j])) && (j+1 == len(s) || isSpaceRE(s[j+1])) {
			return s[j : j+1], true
		}
	}
	return "", false
}
