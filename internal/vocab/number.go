// Package vocab is the one vocabulary of the formato 1876: how its
// numbers, dates, modality and request names are written, and how text is
// folded before it is compared. The PDF reader (internal/form) and the
// free-text reader (internal/legend, behind resolution.ParseText) both use
// it, so a value one of them accepts the other reads the same way.
//
// Every recogniser here is strict in the same direction: it returns ok=false
// rather than a value it had to guess. In particular a number is never
// assembled from two numbers: "1 2,000" is not 12000, it is not a number.
package vocab

import (
	"slices"
	"strconv"
	"strings"
)

// groupSpaces are the characters producers put between digit groups when
// they use a space: the plain space, the no-break space and the narrow
// and thin spaces.
const groupSpaces = " \u00a0\u202f\u2009"

// Consecutive reads a range bound (box 32 "Desde el número", box 33 "Hasta
// el número"): a positive integer that fits in 64 bits, written as plain
// digits or grouped in threes by one kind of separator ("2,000", "2.000",
// "2 000", "990,000,000"). Mixed separators, groups that are not three
// digits ("1 2,000", "20,00") and anything else are rejected; so is a
// number past 9223372036854775807, which DIAN's 64-bit consecutives cannot
// hold.
func Consecutive(s string) (int64, bool) {
	d, ok := Grouped(s)
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(d, 10, 64)
	if err != nil || n <= 0 {
		return 0, false
	}
	return n, true
}

// Grouped returns the digits of s when s is a run of digits, maybe grouped
// in threes by a single kind of separator ("," "." or a space), the
// millions maybe marked with an apostrophe as Colombians write them
// ("1'000.000"); ok is false for anything else. Leading zeros are kept: a
// NIT is an identifier.
func Grouped(s string) (digits string, ok bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "'’"); i >= 0 {
		// Colombia marks millions with an apostrophe: 1'000.000, 1'000,000.
		if j := strings.LastIndexAny(s, ".,"); j > i {
			s = strings.NewReplacer("'", s[j:j+1], "’", s[j:j+1]).Replace(s)
		} else {
			s = strings.NewReplacer("'", ".", "’", ".").Replace(s)
		}
	}
	if AllDigits(s) {
		return s, true // the usual case: nothing to drop, nothing to copy
	}
	if s == "" {
		return "", false
	}
	var sep rune = -1
	var b strings.Builder
	b.Grow(len(s))
	group := 0 // digits in the current group
	groups := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
			group++
		case r == ',' || r == '.' || strings.ContainsRune(groupSpaces, r):
			if strings.ContainsRune(groupSpaces, r) {
				r = ' '
			}
			if sep == -1 {
				sep = r
			}
			if r != sep {
				return "", false // "1 2,000": two numbers, not one
			}
			if group == 0 || (groups == 0 && group > 3) || (groups > 0 && group != 3) {
				return "", false
			}
			groups++
			group = 0
		default:
			return "", false
		}
	}
	if groups > 0 && group != 3 {
		return "", false
	}
	return b.String(), b.Len() > 0
}

// NIT reads a taxpayer number as printed in box 5: grouped digits, maybe
// followed by "-" and the check digit ("900.123.456-8"). dv is "" when no
// check digit is attached.
func NIT(s string) (nit, dv string, ok bool) {
	s = strings.TrimSpace(ASCIIDashes(s))
	if head, d, found := strings.Cut(s, "-"); found {
		d = strings.TrimSpace(d)
		if len(d) != 1 || d[0] < '0' || d[0] > '9' {
			return "", "", false
		}
		s, dv = strings.TrimSpace(head), d
	}
	n, ok := Grouped(s)
	if !ok || len(n) < 5 || len(n) > 12 {
		return "", "", false
	}
	return n, dv, true
}

// DIANNIT is DIAN's own NIT. Forms print it in headers and legal text
// ("DIAN - NIT 800197268-4", "NIT de la DIAN"); the taxpayer who asks for
// numbering is never DIAN (docs/form-1876.md §2). A software provider's
// NIT may be DIAN's (its free invoicing service), so only box 5 refuses it.
const DIANNIT = "800197268"

// TaxpayerNIT reads box 5 as NIT does, refusing DIAN's own NIT.
func TaxpayerNIT(s string) (nit, dv string, ok bool) {
	nit, dv, ok = NIT(s)
	if nit == DIANNIT {
		return "", "", false
	}
	return nit, dv, ok
}

// FormNumber reads box 4 "Número de formulario": "1876" followed by 7 to
// 16 more digits (docs/form-1876.md §2), with no separators. Digits
// letter-spaced one per box come in with spaces, which are dropped.
func FormNumber(s string) (string, bool) {
	if strings.IndexFunc(s, isASCIILetter) >= 0 {
		return "", false // the common case: a word; no space removed makes it digits
	}
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(groupSpaces, r) {
			return -1
		}
		return r
	}, s)
	if len(s) < 11 || len(s) > 20 || !strings.HasPrefix(s, "1876") || !AllDigits(s) {
		return "", false
	}
	return s, true
}

// SmallInt reads a plain unsigned integer of at most digits digits, such as
// a month count, a DV or a modality code.
func SmallInt(s string, digits int) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > digits || !AllDigits(s) {
		return 0, false
	}
	n, _ := strconv.Atoi(s)
	return n, true
}

// AllDigits reports whether s is non-empty and all ASCII digits.
func AllDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// CheckDigit returns the DIAN check digit ("DV") of a NIT: modulo 11 with
// DIAN's prime weights 3, 7, 13, 17, … applied from the rightmost digit.
// It returns "" when nit is not 1 to 15 digits.
func CheckDigit(nit string) string {
	weights := [...]int{3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71}
	if len(nit) == 0 || len(nit) > len(weights) {
		return ""
	}
	sum := 0
	for i := 0; i < len(nit); i++ {
		c := nit[len(nit)-1-i]
		if c < '0' || c > '9' {
			return ""
		}
		sum += int(c-'0') * weights[i]
	}
	r := sum % 11
	if r >= 2 {
		r = 11 - r
	}
	return string(rune('0' + r))
}

// NoPrefix reports whether folded text written where a prefix goes says
// that there is none: "Sin prefijo", "Ninguno", "No aplica". The prefix
// may be empty (docs/form-1876.md §4), and forms and notices write it so.
func NoPrefix(folded string) bool {
	return slices.Contains(noPrefix, strings.TrimSpace(folded))
}

var noPrefix = []string{"sin prefijo", "ninguno", "ninguna", "no aplica", "no tiene"}

// NoPrefixWord reports whether a folded word is a word of a phrase that
// says there is no prefix: it belongs in the prefix cell.
func NoPrefixWord(folded string) bool {
	return slices.Contains(noPrefixWords, folded)
}

// noPrefixWords are the words of the noPrefix phrases.
var noPrefixWords = func() []string {
	var out []string
	for _, p := range noPrefix {
		out = append(out, strings.Fields(p)...)
	}
	return out
}()

// NoPrefixStart reports whether a folded word read as a prefix is the
// first word of a phrase that says there is none ("Sin" of "Sin prefijo"
// wrapped in a narrow cell): as a prefix it is doubtful.
func NoPrefixStart(folded string) bool {
	folded = strings.TrimSpace(folded)
	for _, p := range noPrefix {
		if first, rest, ok := strings.Cut(p, " "); ok && rest != "" && folded == first {
			return true
		}
	}
	return false
}

// RangeCell reads a cell that holds both bounds of a range: "1 - 5.000",
// "Del 1 al 5.000", "1 a 5000", "desde 1 hasta 5000", "FE1 – FE5000". It
// returns the letters written before both bounds ("FE"; "" when none)
// and the bounds; ok is false unless the cell is exactly that: two
// bounds, the same letters before each, and a word or a dash between.
func RangeCell(s string) (prefix string, from, to int64, ok bool) {
	s = ASCIIDashes(s)
	toks := strings.Fields(strings.ReplaceAll(s, "-", " - "))
	i := 0
	skip := func(words ...string) {
		for i < len(toks) && slices.Contains(words, Fold(toks[i])) {
			i++
		}
	}
	bound := func() (string, int64, bool) {
		if i >= len(toks) {
			return "", 0, false
		}
		t := toks[i]
		i++
		k := strings.IndexFunc(t, func(r rune) bool { return r >= '0' && r <= '9' })
		if k < 0 || k > 4 || strings.IndexFunc(t[:k], func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') }) >= 0 {
			return "", 0, false
		}
		n, ok := Consecutive(t[k:])
		return t[:k], n, ok
	}
	skip(rangeLeads...)
	skip(rangeNumberWords...)
	p1, a, ok1 := bound()
	if i >= len(toks) || !slices.Contains(rangeJoins, Fold(toks[i])) && Fold(toks[i]) != "-" && toks[i] != "-" {
		return "", 0, 0, false
	}
	i++
	skip(rangeNumberWords...)
	p2, b, ok2 := bound()
	if !ok1 || !ok2 || i != len(toks) || !strings.EqualFold(p1, p2) {
		return "", 0, 0, false
	}
	return p1, a, b, true
}

// RangeJoin reports whether a folded word joins or leads the two bounds
// of a range written in one cell: "del 1 al 5.000", "desde 1 hasta 5000".
func RangeJoin(folded string) bool {
	f := strings.TrimSuffix(folded, ".")
	return slices.Contains(rangeLeads, f) || slices.Contains(rangeNumberWords, f) || slices.Contains(rangeJoins, f)
}

// The words of a range written in one cell, folded: before its first
// bound ("del", "desde"), before either bound ("el número", "no."), and
// between them ("al", "hasta"; a dash too).
var (
	rangeLeads       = []string{"del", "de", "desde"}
	rangeNumberWords = []string{"el", "numero", "no", "nro", "no.", "nro."}
	rangeJoins       = []string{"a", "al", "hasta"}
)
