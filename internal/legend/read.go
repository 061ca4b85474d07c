package legend

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dianres/dianres/internal/vocab"
)

// tokKind says what a token holds.
type tokKind uint8

const (
	tokWord   tokKind = iota + 1 // letters only
	tokNumber                    // ASCII digits, possibly with thousands separators
	tokAlnum                     // letters and digits, e.g. "FEV1"
	tokDate                      // a whole date, as vocab.ScanDates found it
	tokPunct                     // one other character
)

// A token is one word, number, date or punctuation mark of the input.
type token struct {
	kind       tokKind
	start, end int    // byte offsets in the input
	raw        string // as written
	norm       string // words: vocab.Lower of raw; punctuation: raw
	lead       string // alnum: the part before the trailing digits, as written
	digits     string // numbers and alnum: the (trailing) digits, separators removed
	grouped    bool   // the number had thousands separators
	space      bool   // whitespace precedes the token
	brk        bool   // a line or sentence break precedes the token
	date       Date   // dates
	dateOK     bool   // the date names a real day in a plausible year
	used       bool   // claimed by a matcher, so later matchers skip it
}

// span is a run of tokens, both ends included.
type span struct{ s, e int }

// An occ is one occurrence of a fact: where, and its value (a kind or
// request rank, a month count or a token index, by the list it is in).
type occ struct {
	span
	val int
}

// A decl is a prefix declaration: "prefijo FEV", "sin prefijo".
type decl struct {
	span
	prefix string
}

// An endRef is one end of a range as written, with its prefix if any.
type endRef struct {
	prefix    string
	hasPrefix bool
	digits    string // the number, separators removed
}

// A pairFact is "del FEV1 al FEV10000" and its variants.
type pairFact struct {
	span            // the pair and the prefix declaration written against it
	pair     span   // the pair alone, quoted in errors
	from, to endRef // its two ends
}

type parser struct {
	src  string
	toks []token
	seg  []int // seg[i]: how many breaks precede token i

	number     string
	numberWeak bool // found by position, not by the 1876 shape
	numbers    []string

	decls    []decl
	declSet  map[string]bool // normalized declared prefixes
	declEnd  map[int]bool    // token indices that end a declaration
	ranges   []pairFact
	months   []occ
	kinds    []occ // val: index in kindNames
	requests []occ // val: index in requestRank
	starts   []occ // val: token index of the date
	ends     []occ
}

// tokenize splits s into tokens. It never fails: bytes that are not
// valid UTF-8 become punctuation. Dates are found first, by
// vocab.ScanDates, and each becomes one token, so a date's separators are
// never read as a range's hyphen or a sentence's period.
func tokenize(s string) []token {
	dates := dateTokens(s)
	toks := make([]token, 0, len(s)/6+4) // a word and its space average more than six bytes
	space, brk := true, false
	for i := 0; i < len(s); {
		for len(dates) > 0 && dates[0].start < i {
			dates = dates[1:] // began inside a token read before it; never in practice
		}
		if len(dates) > 0 && dates[0].start == i {
			t := dates[0]
			t.space, t.brk = space, brk
			toks = append(toks, t)
			space, brk = false, false
			i, dates = t.end, dates[1:]
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x2028 || r == 0x2029:
			space, brk = true, true
			i += w
		case unicode.IsSpace(r) || unicode.IsControl(r):
			space = true
			i += w
		case unicode.Is(unicode.Mn, r): // a stray combining mark: drop it
			i += w
		case isLetter(r) || isDigit(r):
			next := len(s) // where the next date starts: a word stops there ("hasta15/06/2025")
			if len(dates) > 0 {
				next = dates[0].start
			}
			j := i
			for j < next {
				r, w := utf8.DecodeRuneInString(s[j:])
				if !isLetter(r) && !isDigit(r) && !unicode.Is(unicode.Mn, r) {
					break
				}
				j += w
			}
			j, grouped := extendGroups(s, i, j, next)
			toks = appendWord(toks, s, i, j, grouped, space, brk)
			space, brk = false, false
			i = j
		default:
			prev := ""
			if len(toks) > 0 {
				prev = toks[len(toks)-1].norm
			}
			toks = append(toks, token{kind: tokPunct, start: i, end: i + w, raw: s[i : i+w], norm: s[i : i+w], space: space, brk: brk})
			i += w
			space = false
			// A sentence end breaks; an abbreviation's period ("No.") does not.
			brk = r == ';' || r == '|' || r == '•' ||
				((r == '.' || r == '!' || r == '?') && (i == len(s) || s[i] == ' ' || s[i] == '\t') && !abbrev[prev])
		}
	}
	return toks
}

// dateTokens returns the dates of s as tokens, in order. vocab reads dates
// in lower-case text without accents; the copy it reads is made rune by
// rune so that each of its bytes maps back to an offset in s. Unicode
// spaces become plain ones there, as the tokenizer reads them.
func dateTokens(s string) []token {
	var b strings.Builder
	b.Grow(len(s))
	offs := make([]int, 0, len(s)+1) // offs[k]: the offset in s of byte k of the copy
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.Is(unicode.Mn, r):
			i += w
			continue
		case unicode.IsSpace(r):
			r = ' '
		default:
			r = vocab.LowerRune(r)
		}
		n := b.Len()
		b.WriteRune(r)
		for ; n < b.Len(); n++ {
			offs = append(offs, i)
		}
		i += w
	}
	offs = append(offs, len(s))
	var out []token
	for _, d := range vocab.ScanDates(b.String()) {
		t := token{kind: tokDate, start: offs[d.Start], end: offs[d.End],
			date: Date{d.Year, d.Month, d.Day}, dateOK: !d.Impossible}
		t.raw = s[t.start:t.end]
		t.norm = vocab.Lower(t.raw)
		out = append(out, t)
	}
	return out
}

var abbrev = map[string]bool{"no": true, "nro": true, "num": true, "n": true, "res": true, "resol": true, "art": true, "sr": true, "sra": true, "dr": true}

func isLetter(r rune) bool { return unicode.IsLetter(r) || r == '°' }
func isDigit(r rune) bool  { return '0' <= r && r <= '9' }

// extendGroups extends a run ending in at most three digits over
// thousands groups written with one separator, "10.000", "1,000,000" or
// "10 000",
// stopping before limit (where a date starts). vocab.Grouped then reads
// the digits, so what counts as a grouped number is decided there.
func extendGroups(s string, start, end, limit int) (int, bool) {
	n := 0
	for k := end - 1; k >= start && isDigit(rune(s[k])); k-- {
		n++
	}
	if n == 0 || n > 3 {
		return end, false
	}
	sep := ""
	grouped := false
	for {
		next := ""
		for _, g := range groupSeps {
			if strings.HasPrefix(s[end:], g) {
				next = g
				break
			}
		}
		e := end + len(next) + 3
		if next == "" || sep != "" && next != sep || e > limit ||
			!vocab.AllDigits(s[end+len(next):e]) || e < len(s) && isDigit(rune(s[e])) {
			return end, grouped
		}
		sep, end, grouped = next, e, true
	}
}

// groupSeps are the separators of thousands groups: "10.000", "1,000",
// and the spaces of "10 000" (plain, no-break, narrow, thin).
var groupSeps = []string{".", ",", " ", "\u00a0", "\u202f", "\u2009"}

// appendWord classifies the run s[i:j] and appends it to toks.
// "No18764003567890" is split into a word and a number, as if a space had
// been typed.
func appendWord(toks []token, s string, i, j int, grouped, space, brk bool) []token {
	raw := s[i:j]
	t := token{start: i, end: j, raw: raw, norm: vocab.Lower(raw), grouped: grouped, space: space, brk: brk}
	hasLetter := strings.IndexFunc(raw, isLetter) >= 0
	k := len(raw) // start of the trailing digits (and separators)
	for k > 0 && (isDigit(rune(raw[k-1])) || (grouped && (raw[k-1] == '.' || raw[k-1] == ','))) {
		k--
	}
	switch {
	case !hasLetter:
		t.kind = tokNumber
		t.digits = digitsOf(raw)
		t.norm = t.digits
	case strings.IndexFunc(raw, isDigit) < 0:
		t.kind = tokWord
	default:
		t.kind = tokAlnum
		t.lead = raw[:k]
		t.digits = digitsOf(raw[k:])
		ln := vocab.Lower(t.lead)
		t.norm = ln + t.digits
		if numberMarker[ln] && len(t.digits) >= 6 && strings.IndexFunc(t.lead, isDigit) < 0 {
			w := token{kind: tokWord, start: i, end: i + k, raw: t.lead, norm: ln, space: space, brk: brk}
			n := token{kind: tokNumber, start: i + k, end: j, raw: raw[k:], digits: t.digits, norm: t.digits, grouped: grouped}
			return append(toks, w, n)
		}
	}
	return append(toks, t)
}

var numberMarker = map[string]bool{"no": true, "nro": true, "num": true, "n": true, "numero": true, "#": true}

// digitsOf returns the digits of a number the tokenizer delimited, plain
// or grouped; vocab.Grouped decides what a grouped number is. A part that
// is no number (letters glued after separators) keeps its digits only.
func digitsOf(s string) string {
	if d, ok := vocab.Grouped(s); ok {
		return d
	}
	return strings.Map(func(r rune) rune {
		if isDigit(r) {
			return r
		}
		return -1
	}, s)
}

// segments numbers the lines and sentences, so facts bind to the range on
// their own line before one on another.
func (p *parser) segments() {
	p.seg = make([]int, len(p.toks))
	n := 0
	for i, t := range p.toks {
		if t.brk && i > 0 {
			n++
		}
		p.seg[i] = n
	}
}

// findNumber picks the resolution number: the first number shaped like a
// 1876 form number (vocab.FormNumber: "1876" and 7 to 16 more digits, no
// separators); failing that, a long number right after a word that
// introduces one ("Resolución No. 320001234567").
func (p *parser) findNumber() {
	for i := range p.toks {
		t := &p.toks[i]
		if n, ok := vocab.FormNumber(t.raw); ok && t.kind == tokNumber {
			t.used = true
			p.numbers = append(p.numbers, n)
		}
	}
	if len(p.numbers) > 0 {
		p.number = p.numbers[0]
		return
	}
	for i := range p.toks {
		if !numberIntro[p.toks[i].norm] {
			continue
		}
		for k := i + 1; k < len(p.toks) && k <= i+5; k++ {
			t := &p.toks[k]
			if t.kind == tokNumber && !t.used {
				if len(t.digits) >= 8 {
					t.used = true
					p.number, p.numberWeak = t.digits, true
					return
				}
				break
			}
			if !numberFiller[t.norm] {
				break
			}
		}
	}
}

var (
	numberIntro  = map[string]bool{"resolucion": true, "res": true, "resol": true, "autorizacion": true, "formulario": true, "formato": true, "habilitacion": true, "inhabilitacion": true}
	numberFiller = map[string]bool{"dian": true, "no": true, "nro": true, "num": true, "numero": true, "n": true, "#": true, ".": true, ":": true, "o": true, "de": true, "facturacion": true, "electronica": true, "numeracion": true}
	legendWords  = map[string]bool{"resolucion": true, "autorizacion": true, "habilitacion": true, "inhabilitacion": true, "numeracion": true, "prefijo": true, "vigencia": true, "vigente": true}
)

// isLegend reports whether the text talks about a numbering authorization
// at all, which separates an incomplete legend from unrelated text.
func (p *parser) isLegend() bool {
	if p.number != "" {
		return true
	}
	for _, t := range p.toks {
		if legendWords[t.norm] {
			return true
		}
	}
	return false
}

// findNIT claims "NIT 900.123.456-7" so its check digit is not read as a
// range "900123456 - 7".
func (p *parser) findNIT() {
	for i := range p.toks {
		if p.toks[i].norm != "nit" {
			continue
		}
		k := p.skip(i+1, func(t *token) bool { return t.kind == tokPunct && t.raw != "-" || numberMarker[t.norm] })
		if k >= len(p.toks) || p.toks[k].kind != tokNumber {
			continue
		}
		p.toks[k].used = true
		if k+2 < len(p.toks) && p.toks[k+1].raw == "-" && p.toks[k+2].kind == tokNumber && len(p.toks[k+2].digits) == 1 {
			p.toks[k+1].used, p.toks[k+2].used = true, true
		}
	}
}

// skip returns the first index from k whose token does not satisfy f.
func (p *parser) skip(k int, f func(*token) bool) int {
	for k < len(p.toks) && f(&p.toks[k]) {
		k++
	}
	return k
}

var prefixStop = map[string]bool{
	"del": true, "desde": true, "de": true, "al": true, "a": true, "hasta": true, "y": true, "rango": true,
	"numeracion": true, "vigencia": true, "vigente": true, "resolucion": true, "autorizado": true, "asignado": true,
	"el": true, "la": true, "no": true, "nro": true, "num": true, "numero": true, "n": true, "entre": true,
	"con": true, "para": true, "por": true, "sin": true, "prefijo": true, "factura": true, "consecutivo": true,
}

// findPrefixes reads "prefijo FEV", "prefijo: FEV", `prefijo "FEV"` and
// "sin prefijo" (an empty prefix, docs/form-1876.md §4).
func (p *parser) findPrefixes() {
	for i := range p.toks {
		if p.toks[i].norm != "prefijo" || p.toks[i].used {
			continue
		}
		if i > 0 && p.toks[i-1].norm == "sin" {
			p.toks[i-1].used, p.toks[i].used = true, true
			p.decls = append(p.decls, decl{span{i - 1, i}, ""})
			continue
		}
		k := p.skip(i+1, func(t *token) bool { return strings.Contains(`:="'“”«»‘’`, t.raw) && t.kind == tokPunct })
		if k >= len(p.toks) {
			continue
		}
		t := &p.toks[k]
		switch {
		case t.norm == "ninguno" || t.norm == "ninguna":
			p.decls = append(p.decls, decl{span{i, k}, ""})
		case (t.kind == tokWord || t.kind == tokAlnum) && !t.used &&
			(!prefixStop[t.norm] || (k+1 < len(p.toks) && (openers[p.toks[k+1].norm] || p.toks[k+1].raw == ","))):
			// A connective is a prefix only when the range follows it:
			// "prefijo DE del 1 al 500", but not "prefijo de FEV".
			p.decls = append(p.decls, decl{span{i, k}, t.raw})
		case t.kind == tokNumber && !t.grouped && len(t.raw) <= 4 && !t.used && k+1 < len(p.toks) &&
			(openers[p.toks[k+1].norm] || p.toks[k+1].raw == ","):
			// A prefix of digits only ("prefijo 12 del 1 al 500"): the
			// opening word after it tells it from "prefijo: 1 al 500".
			p.decls = append(p.decls, decl{span{i, k}, t.raw})
		default:
			continue
		}
		for j := i; j <= k; j++ {
			p.toks[j].used = true
		}
	}
	p.declSet, p.declEnd = map[string]bool{}, map[int]bool{}
	for _, d := range p.decls {
		if d.prefix != "" {
			p.declSet[vocab.Lower(d.prefix)] = true
		}
		p.declEnd[d.e] = true
	}
}

var (
	openers = map[string]bool{"del": true, "desde": true, "de": true, "rango": true, "rangos": true, "entre": true, "numeracion": true, "numeros": true,
		"consecutivo": true, "consecutivos": true, "autorizado": true, "autorizada": true, "autorizados": true, "autorizadas": true}
	fillers = map[string]bool{"el": true, "la": true, "los": true, "numero": true, "no": true, "nro": true, "num": true, "n": true, "#": true, ":": true, ".": true,
		"factura": true, "facturas": true, "consecutivo": true, "autorizado": true, "autorizada": true, "autorizados": true, "habilitado": true, "habilitada": true}
	closers = map[string]bool{"al": true, "a": true, "hasta": true, "-": true, "–": true, "—": true}
)

// findRanges reads "del FEV1 al FEV10000", "desde 1 hasta 10.000", "rango
// FEV 1 - FEV 10000", "entre 1 y 500". A pair without an opening word must
// carry a prefix, so "900123456-7" or a phone number is not a range.
func (p *parser) findRanges() {
	for i := 0; i < len(p.toks); i++ {
		if p.toks[i].used {
			continue
		}
		opener, entre := false, false
		k := i
		for k < len(p.toks) && !p.toks[k].used && (openers[p.toks[k].norm] || (opener && fillers[p.toks[k].norm])) {
			opener = true
			entre = entre || p.toks[k].norm == "entre"
			k++
		}
		from, k, ok := p.ref(k)
		if !ok || !(opener || p.afterDecl(i) || from.hasPrefix) {
			continue
		}
		if k >= len(p.toks) || p.toks[k].used || !(closers[p.toks[k].norm] || (entre && p.toks[k].norm == "y")) {
			continue
		}
		hyphen := p.toks[k].norm != "al" && p.toks[k].norm != "a" && p.toks[k].norm != "hasta"
		if !opener && !p.afterDecl(i) && (bareStop[vocab.Lower(from.prefix)] || (hyphen && !p.prefixLike(from.prefix))) {
			continue
		}
		k = p.skip(k+1, func(t *token) bool { return fillers[t.norm] && !t.used })
		to, k, ok := p.ref(k)
		if !ok {
			continue
		}
		// "601-555-1234" and "12-34" are a phone and an address, not ranges:
		// a hyphenated chain goes on, and a bare pair needs the same prefix
		// on both ends.
		if hyphen && k+1 < len(p.toks) && p.toks[k].raw == "-" && !p.toks[k].space && p.toks[k+1].kind == tokNumber {
			continue
		}
		if hyphen && !opener && !p.afterDecl(i) && !strings.EqualFold(from.prefix, to.prefix) {
			continue
		}
		start := i
		if opener && !from.hasPrefix && !to.hasPrefix && p.barePrefix(i-1) {
			start = i - 1
			from.prefix, from.hasPrefix = p.toks[start].raw, true
		}
		for j := start; j < k; j++ {
			p.toks[j].used = true
		}
		p.ranges = append(p.ranges, pairFact{span{start, k - 1}, span{start, k - 1}, from, to})
		i = k - 1
	}
	p.joinDecls()
}

// prefixLike reports whether a prefix written before a hyphenated pair
// with no "prefijo" or opening word looks like one: declared elsewhere, or
// capitals and digits that are not an address or phone label ("CRA 7").
func (p *parser) prefixLike(prefix string) bool {
	return p.declared(prefix) || (prefix == strings.ToUpper(prefix) && !bareStop[vocab.Lower(prefix)])
}

// barePrefix reports whether token k is a prefix written bare before the
// pair, as in "FEV del 1 al 10000": up to four capitals and digits on the
// same line, and no word the legend itself uses ("DIAN del 1 al 500" names
// no prefix).
func (p *parser) barePrefix(k int) bool {
	if k < 0 || k+1 >= len(p.toks) || p.toks[k+1].brk {
		return false
	}
	t := &p.toks[k]
	return !t.used && (t.kind == tokWord || t.kind == tokAlnum) && utf8.RuneCountInString(t.raw) <= 4 &&
		t.raw == strings.ToUpper(t.raw) && !prefixStop[t.norm] && !fillers[t.norm] && !openers[t.norm] &&
		!bareStop[t.norm] && !p.isKindWord(k)
}

// bareStop are capitalized words seen before "del" that are no prefix.
var bareStop = map[string]bool{"dian": true, "nit": true, "res": true, "fecha": true, "mes": true, "anos": true, "ano": true,
	"tel": true, "cel": true, "fax": true, "pbx": true, "ext": true, "cra": true, "kr": true, "cl": true, "cll": true, "av": true,
	"apto": true, "piso": true, "of": true, "cc": true, "km": true}

// isKindWord reports whether token k ends a modality name of two words or
// more ("… MÁQUINA REGISTRADORA POS del 1 al 50" names the kind, not a
// prefix), unless POS stands alone.
func (p *parser) isKindWord(k int) bool {
	if !p.kindWord(k) || glue[p.toks[k].norm] {
		return false
	}
	s := k
	for s > 0 && k-s < 8 && p.kindWord(s-1) { // names are short; 8 bounds the walk
		s--
	}
	for s < k && glue[p.toks[s].norm] {
		s++
	}
	return s < k && p.kindOf(s, k) > 0
}

// joinDecls widens each range over the prefix declaration written against
// it ("prefijo DS del 1 al 500", "del 1 al 500 con prefijo DS"), so facts
// next to the pair bind to that range and not to its neighbour. A
// declaration touching two ranges leads the later one.
func (p *parser) joinDecls() {
	joined := make([]bool, len(p.decls))
	gap := func(a, b int) bool { // only "," or "con" between tokens a and b
		if a >= b || b-a > 3 {
			return false
		}
		for k := a + 1; k < b; k++ {
			if w := p.toks[k].norm; w != "," && w != "con" {
				return false
			}
		}
		return true
	}
	// Declarations and ranges are both in text order and never overlap, so
	// the one declaration that can lead range r is the last one before it.
	for r := range p.ranges {
		d := sort.Search(len(p.decls), func(d int) bool { return p.decls[d].s > p.ranges[r].s }) - 1
		if d >= 0 && !joined[d] && gap(p.decls[d].e, p.ranges[r].s) && (r == 0 || p.decls[d].s > p.ranges[r-1].e) {
			p.ranges[r].s, joined[d] = p.decls[d].s, true
		}
	}
	for r := range p.ranges {
		d := sort.Search(len(p.decls), func(d int) bool { return p.decls[d].s > p.ranges[r].e })
		if d < len(p.decls) && !joined[d] && gap(p.ranges[r].e, p.decls[d].s) && (r == len(p.ranges)-1 || p.decls[d].e < p.ranges[r+1].s) {
			p.ranges[r].e, joined[d] = p.decls[d].e, true
		}
	}
}

// afterDecl reports whether token i directly follows a prefix declaration,
// as in "prefijo FEV 1 al 10000".
func (p *parser) afterDecl(i int) bool {
	return p.declEnd[i-1] || (i >= 2 && p.declEnd[i-2] && p.toks[i-1].raw == ",")
}

// ref reads one end of a range at k: "10000", "10.000", "FEV10000",
// "FEV 10000", "FEV-10000".
func (p *parser) ref(k int) (endRef, int, bool) {
	if k >= len(p.toks) || p.toks[k].used {
		return endRef{}, k, false
	}
	t := &p.toks[k]
	switch t.kind {
	case tokNumber:
		return endRef{digits: t.digits}, k + 1, true
	case tokAlnum:
		if lead, ok := p.splitDeclared(t); ok {
			return endRef{prefix: lead, hasPrefix: true, digits: digitsOf(t.raw[len(lead):])}, k + 1, true
		}
		if next, ok := p.numAfterPrefix(k); ok {
			return endRef{prefix: t.raw, hasPrefix: true, digits: p.toks[next].digits}, next + 1, true
		}
		if t.digits != "" && strings.IndexFunc(t.lead, isLetter) == 0 {
			return endRef{prefix: t.lead, hasPrefix: true, digits: t.digits}, k + 1, true
		}
	case tokWord:
		if prefixStop[t.norm] || fillers[t.norm] || (utf8.RuneCountInString(t.raw) > 4 && !p.declared(t.raw)) {
			return endRef{}, k, false
		}
		if next, ok := p.numAfterPrefix(k); ok {
			return endRef{prefix: t.raw, hasPrefix: true, digits: p.toks[next].digits}, next + 1, true
		}
	}
	return endRef{}, k, false
}

// numAfterPrefix finds the number after a prefix written apart: "FEV 1",
// or "FEV-1" with no spaces around the hyphen.
func (p *parser) numAfterPrefix(k int) (int, bool) {
	n := k + 1
	if n+1 < len(p.toks) && p.toks[n].raw == "-" && !p.toks[n].space && !p.toks[n+1].space {
		n++
	}
	if n < len(p.toks) && p.toks[n].kind == tokNumber && !p.toks[n].used {
		return n, true
	}
	return 0, false
}

// splitDeclared splits "FE21" as "FE2" + "1" when "prefijo FE2" was
// declared: a prefix ending in a digit is otherwise ambiguous (docs/form-1876.md §4).
// The longest declared prefix followed by digits only wins.
func (p *parser) splitDeclared(t *token) (string, bool) {
	for n := len(t.raw) - 1; n > 0; n-- {
		if !utf8.RuneStart(t.raw[n]) || !p.declared(t.raw[:n]) {
			continue
		}
		rest := t.raw[n:]
		if vocab.AllDigits(rest) || (t.grouped && vocab.AllDigits(digitsOf(rest)) && isDigit(rune(rest[0]))) {
			return t.raw[:n], true
		}
	}
	return "", false
}

// declared reports whether raw was declared with "prefijo", ignoring case.
func (p *parser) declared(raw string) bool {
	return raw != "" && p.declSet[vocab.Lower(raw)]
}

var numberWords = map[string]int{"un": 1, "uno": 1, "dos": 2, "tres": 3, "seis": 6, "nueve": 9, "doce": 12, "dieciocho": 18, "veinticuatro": 24}

// findMonths reads "24 meses", "(24) meses", "doce meses", "2 años".
func (p *parser) findMonths() {
	for i := range p.toks {
		t := &p.toks[i]
		if t.used || (t.kind != tokNumber && numberWords[t.norm] == 0) {
			continue
		}
		k := p.skip(i+1, func(t *token) bool { return t.raw == ")" })
		if k >= len(p.toks) {
			continue
		}
		unit := 0
		switch p.toks[k].norm {
		case "mes", "meses":
			unit = 1
		case "ano", "anos":
			unit = 12
		default:
			continue
		}
		n := numberWords[t.norm]
		if t.kind == tokNumber {
			v, ok := vocab.SmallInt(t.digits, 6)
			if !ok {
				v = -1 // too large: reported as unreadable
			}
			n = v
		}
		if n > 0 {
			n *= unit
		}
		for j := i; j <= k; j++ {
			p.toks[j].used = true
		}
		p.months = append(p.months, occ{span{i, k}, n})
	}
}

// kindList and requestRank give the values of kind and request facts;
// requests are ranked from least to most specific.
var (
	kindList = []string{"", vocab.KindElectronicInvoice, vocab.KindSupportDocument, vocab.KindPaper,
		vocab.KindPOS, vocab.KindComputer, vocab.KindEquivalentDocument}
	requestRank = []string{"", vocab.RequestAuthorization, vocab.RequestEnablement, vocab.RequestDisablement}
)

// glue are the connectives inside modality names ("talonario o de papel"),
// never at their ends.
var glue = map[string]bool{"de": true, "o": true, "y": true, "a": true, "en": true, "no": true, "por": true}

// findKinds reads modality names. A run of words that modality names use
// (vocab.KindWord, after vocab.KindStem: "facturación electrónica",
// "documento soporte"), cut at "y" and trimmed of connectives, names the
// kind vocab.KindOf reads in it. "y" cuts because a legend lists two
// modalities that way ("factura electrónica y documento soporte").
func (p *parser) findKinds() {
	for i := 0; i < len(p.toks); {
		j := i
		for j < len(p.toks) && p.kindWord(j) {
			j++
		}
		if j == i {
			i++
			continue
		}
		s, e := i, j-1
		for s <= e && glue[p.toks[s].norm] {
			s++
		}
		for e >= s && glue[p.toks[e].norm] {
			e--
		}
		if s <= e {
			if k := p.kindOf(s, e); k > 0 {
				p.kinds = append(p.kinds, occ{span{s, e}, k})
			}
		}
		i = j
	}
}

// kindWord reports whether token k may belong to a modality name.
func (p *parser) kindWord(k int) bool {
	t := &p.toks[k]
	return !t.used && t.kind == tokWord && t.norm != "y" && vocab.KindWord(vocab.KindStem(t.norm))
}

// kindOf returns the index in kindList of the modality tokens s…e name,
// or 0.
func (p *parser) kindOf(s, e int) int {
	words := make([]string, 0, e-s+1)
	for k := s; k <= e; k++ {
		words = append(words, p.toks[k].norm)
	}
	k := vocab.KindOf(strings.Join(words, " "))
	for i, name := range kindList {
		if name == k && k != "" {
			return i
		}
	}
	return 0
}

// findRequests reads the request nouns, named by vocab.RequestOf. Only
// nouns count ("habilitación", "inhabilitación"): the verb "habilita" is
// common in authorization legends and says nothing.
func (p *parser) findRequests() {
	for i, t := range p.toks {
		if t.kind != tokWord || !strings.HasSuffix(t.norm, "cion") {
			continue
		}
		if q := slices.Index(requestRank, vocab.RequestOf(t.norm)); q > 0 {
			p.requests = append(p.requests, occ{span{i, i}, q})
		}
	}
}

var (
	dateJoin   = map[string]bool{"-": true, "–": true, "—": true, "al": true, "a": true, "hasta": true, "y": true}
	endWords   = map[string]bool{"hasta": true, "vencimiento": true, "vence": true, "expira": true, "caduca": true, "al": true, "a": true, "vigencia": true, "vigente": true, "valida": true, "fin": true, "final": true, "finaliza": true}
	startWords = map[string]bool{"desde": true, "del": true, "de": true, "fecha": true, "expedicion": true, "expedida": true, "expedido": true, "emitida": true, "emision": true, "otorgada": true, "inicio": true, "resolucion": true, "autorizacion": true, "partir": true}
)

// findDates sorts dates into starts and ends. Two dates joined as a
// period ("vigencia: 15/06/2023 - 15/06/2025", "del … al …") are a start
// and an end. Any other date is decided by the nearest deciding word
// before it ("vigente hasta", "fecha de vencimiento", "del"); a date with
// no such word is a start unless a start precedes it in its sentence.
func (p *parser) findDates() {
	seenStart := map[int]bool{}
	pairEnd := map[int]bool{}
	for i, t := range p.toks {
		if t.kind != tokDate {
			continue
		}
		end, decided := pairEnd[i], pairEnd[i]
		switch {
		case decided:
		case i+2 < len(p.toks) && dateJoin[p.toks[i+1].norm] && p.toks[i+2].kind == tokDate:
			decided, pairEnd[i+2] = true, true
		case i+1 < len(p.toks) && p.toks[i+1].kind == tokDate && p.seg[i+1] == p.seg[i]:
			decided, pairEnd[i+1] = true, true // "2023-06-15 2025-06-15"
		}
		for k := i - 1; !decided && k >= 0 && k >= i-6 && p.seg[k] == p.seg[i]; k-- {
			w := p.toks[k].norm
			if endWords[w] {
				end, decided = true, true
				break
			}
			if startWords[w] {
				decided = true
				break
			}
		}
		if !decided {
			end = seenStart[p.seg[i]]
		}
		occ := occ{span{i, i}, i}
		if end {
			p.ends = append(p.ends, occ)
		} else {
			seenStart[p.seg[i]] = true
			p.starts = append(p.starts, occ)
		}
	}
}

// dist is how far apart two spans lie: the tokens between them plus a large
// step per line or sentence break, so a fact binds to its own line first.
func (p *parser) dist(a, b span) int {
	if a.s > b.s {
		a, b = b, a
	}
	if a.e >= b.s {
		return 0
	}
	return b.s - a.e + 1000*(p.seg[b.s]-p.seg[a.e])
}

// nearest returns the index of the span, among n sorted by position, that
// lies nearest o, or -1 when n is 0. Distance only grows away from o, so the
// neighbours on each side decide; a tie goes to the later span, because
// facts more often lead a range ("prefijo DS del 1 al 500") than trail it.
func (p *parser) nearest(n int, at func(int) span, o span) int {
	j := sort.Search(n, func(i int) bool { return at(i).s > o.e })
	best := -1
	if j < n {
		best = j
	}
	if j > 0 && (best < 0 || p.dist(at(j-1), o) < p.dist(at(best), o)) {
		best = j - 1
	}
	return best
}

// text returns the input under a span, shortened for an error message.
func (p *parser) text(sp span) string {
	s := p.src[p.toks[sp.s].start:p.toks[sp.e].end]
	if len(s) > 80 {
		n := 80
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n] + "…"
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// facts are the facts bound to one range, as indices into the
// parser's lists.
type facts struct {
	decls, kinds, requests, months, starts, ends []int
}

// A pool holds one kind of fact, indexed for sharing: facts that are
// not bound to a range may still apply to ranges that lack one.
type pool struct {
	occs  []occ
	free  []int         // shareable facts on lines without ranges
	bySeg map[int][]int // shareable facts on lines with ranges, by line
}

// builder is the state of one build: what is bound where, and what went
// wrong so far.
type builder struct {
	p         *parser
	res       *Result
	virtual   bool   // no range was found: targets are prefix declarations
	targets   []span // what facts bind to, in text order
	facts     []facts
	targetSeg map[int]bool // lines holding a target
	segFirst  map[int]int  // by line: the first token of its first target
	segLast   map[int]int  // by line: the last token of its last target
}

// build binds facts to ranges and assembles the Result.
func (p *parser) build() *Result {
	b := &builder{p: p, res: &Result{Number: p.number}, targetSeg: map[int]bool{}}
	if p.number == "" {
		b.missing("number")
	}
	switch {
	case !p.numberWeak:
	case !strings.HasPrefix(p.number, "1876"):
		b.warn(WarnFormNumber, "resolution number %s does not start with 1876", p.number)
	default: // grouped, or too long for vocab.FormNumber
		b.warn(WarnFormNumber, "resolution number %s is not 1876 and 7 to 16 more digits", p.number)
	}
	for _, n := range p.numbers {
		if n != p.number {
			b.warn(WarnInconsistent, "the text names several resolution numbers (%s, %s); the first was kept", p.number, n)
			break
		}
	}

	// Facts bind to the ranges or, when the text has none, to its prefix
	// declarations, each read as a range without bounds.
	declOccs := make([]occ, len(p.decls))
	for i, d := range p.decls {
		declOccs[i] = occ{d.span, i}
	}
	b.virtual = len(p.ranges) == 0
	if b.virtual {
		for _, d := range p.decls {
			b.targets = append(b.targets, d.span)
		}
	} else {
		for _, r := range p.ranges {
			b.targets = append(b.targets, r.span)
		}
	}
	if len(b.targets) == 0 {
		b.missing("ranges")
	}
	b.segFirst, b.segLast = map[int]int{}, map[int]int{}
	for _, t := range b.targets {
		b.targetSeg[p.seg[t.s]], b.targetSeg[p.seg[t.e]] = true, true
		if v, ok := b.segFirst[p.seg[t.s]]; !ok || t.s < v {
			b.segFirst[p.seg[t.s]] = t.s
		}
		if v, ok := b.segLast[p.seg[t.e]]; !ok || t.e > v {
			b.segLast[p.seg[t.e]] = t.e
		}
	}
	b.facts = make([]facts, len(b.targets))
	// A kind or request after the last range annotates that range ("DS del
	// 1 al 500 (documento soporte)"); validity there closes the sentence for
	// all ("…, vigencia 24 meses").
	decls := b.bind(declOccs, true, func(f *facts) *[]int { return &f.decls })
	kinds := b.bind(p.kinds, false, func(f *facts) *[]int { return &f.kinds })
	requests := b.bind(p.requests, false, func(f *facts) *[]int { return &f.requests })
	months := b.bind(p.months, true, func(f *facts) *[]int { return &f.months })
	starts := b.bind(p.starts, true, func(f *facts) *[]int { return &f.starts })
	ends := b.bind(p.ends, true, func(f *facts) *[]int { return &f.ends })

	for r := range b.targets {
		// Facts on the range's own line win over facts bound to it from
		// other lines: in a whole invoice, the legend line's dates are the
		// resolution's, the header's "Fecha de vencimiento" is the payment's.
		f := &facts{
			decls:    b.own(declOccs, b.facts[r].decls, r),
			kinds:    b.own(p.kinds, b.facts[r].kinds, r),
			requests: b.own(p.requests, b.facts[r].requests, r),
			months:   b.own(p.months, b.facts[r].months, r),
			starts:   b.own(p.starts, b.facts[r].starts, r),
			ends:     b.own(p.ends, b.facts[r].ends, r),
		}
		if len(f.months) > 0 || len(f.ends) > 0 {
			// Validity is one fact: take months and end date from one place.
			if m, e := b.onLine(p.months, f.months, r), b.onLine(p.ends, f.ends, r); len(m)+len(e) > 0 {
				f.months, f.ends = m, e
			}
		}
		name := fmt.Sprintf("ranges[%d]", r)
		rg := Range{Request: vocab.RequestAuthorization}
		b.bounds(r, name, &rg, b.pick(decls, f.decls, r))
		if j := b.pick(kinds, f.kinds, r); j >= 0 {
			rg.Kind = kindList[p.kinds[j].val]
		}
		// The most specific request bound to the range wins: a habilitación
		// form is still titled "Autorización numeración de facturación".
		q := -1
		for _, j := range f.requests {
			if q < 0 || p.requests[j].val > p.requests[q].val {
				q = j
			}
		}
		if q < 0 {
			q = b.pick(requests, nil, r)
		}
		if q >= 0 {
			rg.Request = requestRank[p.requests[q].val]
		}
		// Months and end date are one fact, the validity: a range that has
		// either of its own borrows neither from its neighbours.
		mi, ei := -1, -1
		if len(f.months) > 0 || len(f.ends) > 0 {
			mi, ei = b.first(f.months), b.first(f.ends)
		} else {
			mi, ei = b.pick(months, nil, r), b.pick(ends, nil, r)
		}
		b.validity(name, &rg, mi, b.pick(starts, f.starts, r), ei)
		for _, j := range f.months {
			if p.months[j].val != p.months[mi].val {
				b.warn(WarnInconsistent, "%s has two validities, %d and %d months; the first was kept", name, p.months[mi].val, p.months[j].val)
				break
			}
		}
		b.sameDates(name, "start", p.starts, f.starts)
		b.sameDates(name, "end", p.ends, f.ends)
		b.res.Ranges = append(b.res.Ranges, rg)
	}

	return b.res
}

// onLine returns the facts in list that lie on target r's line(s).
func (b *builder) onLine(occs []occ, list []int, r int) []int {
	var out []int
	t := b.targets[r]
	for _, j := range list {
		if s := b.p.seg[occs[j].s]; s == b.p.seg[t.s] || s == b.p.seg[t.e] {
			out = append(out, j)
		}
	}
	return out
}

// own returns the facts of list on target r's line, or all of list when
// none is.
func (b *builder) own(occs []occ, list []int, r int) []int {
	if on := b.onLine(occs, list, r); len(on) > 0 {
		return on
	}
	return list
}

func (b *builder) warn(code, format string, args ...any) {
	b.res.Warnings = append(b.res.Warnings, Warning{Code: code, Message: fmt.Sprintf(format, args...)})
}

// setBad records the first unusable value; the build goes on so the caller
// still gets the rest.
func (b *builder) setBad(label string, sp span) {
	if b.res.Bad == nil {
		b.res.Bad = &Bad{Label: label, Text: b.p.text(sp)}
	}
}

// missing lists fields not found, by their JSON names.
func (b *builder) missing(names ...string) { b.res.Missing = append(b.res.Missing, names...) }

func (b *builder) first(list []int) int {
	if len(list) == 0 {
		return -1
	}
	return list[0]
}

// bind gives each fact to its nearest target and returns the pool of those
// facts for sharing. A fact between two ranges of one sentence belongs to
// one of them ("prefijo FEV del 1 al 10000 y documento soporte prefijo DS
// del 1 al 500"); one before the first range of its sentence, after the
// last one if trailing is set, or on a line with no range, is shared by the
// ranges that lack it.
func (b *builder) bind(occs []occ, trailing bool, field func(*facts) *[]int) *pool {
	p := b.p
	pool := &pool{occs: occs, bySeg: map[int][]int{}}
	for i, o := range occs {
		if r := p.nearest(len(b.targets), func(k int) span { return b.targets[k] }, o.span); r >= 0 {
			f := field(&b.facts[r])
			*f = append(*f, i)
		}
		s := p.seg[o.s]
		f, ok1 := b.segFirst[s]
		l, ok2 := b.segLast[s]
		switch {
		case ok1 && ok2 && f < o.s && o.e < l: // between ranges: not shared
		case ok2 && o.s > l && !trailing:
		case b.targetSeg[s]:
			pool.bySeg[s] = append(pool.bySeg[s], i)
		default:
			pool.free = append(pool.free, i)
		}
	}
	return pool
}

// pick returns the fact bound to target r, else the nearest shared one on
// r's line or on a line without ranges, else -1.
func (b *builder) pick(pool *pool, bound []int, r int) int {
	if len(bound) > 0 {
		return bound[0]
	}
	t := b.targets[r]
	lists := [][]int{pool.free, pool.bySeg[b.p.seg[t.s]]}
	if b.p.seg[t.e] != b.p.seg[t.s] {
		lists = append(lists, pool.bySeg[b.p.seg[t.e]])
	}
	best := -1
	for _, list := range lists {
		j := b.p.nearest(len(list), func(k int) span { return pool.occs[list[k]].span }, t)
		if j >= 0 && (best < 0 || b.p.dist(pool.occs[list[j]].span, t) < b.p.dist(pool.occs[best].span, t)) {
			best = list[j]
		}
	}
	return best
}

// bounds sets the range's prefix, from and to. decl is the prefix
// declaration picked for it, or -1.
func (b *builder) bounds(r int, name string, rg *Range, decl int) {
	p := b.p
	prefix, hasPrefix := "", false
	if b.virtual {
		prefix, hasPrefix = p.decls[r].prefix, true
		b.missing(name+".from", name+".to")
	} else {
		x := p.ranges[r]
		from, ok1 := vocab.Consecutive(x.from.digits)
		to, ok2 := vocab.Consecutive(x.to.digits)
		// [DIAN] consecutives are positive 64-bit integers, from ≤ to.
		if !ok1 || !ok2 || from > to {
			b.setBad("rango", x.pair)
		} else {
			rg.From, rg.To = from, to
		}
		prefix, hasPrefix = x.from.prefix, x.from.hasPrefix
		if x.to.hasPrefix {
			if !hasPrefix {
				prefix, hasPrefix = x.to.prefix, true
			} else if !strings.EqualFold(x.to.prefix, prefix) {
				b.warn(WarnInconsistent, "%s is written with two prefixes, %q and %q; the first was kept", name, prefix, x.to.prefix)
			}
		}
		if decl >= 0 {
			d := p.decls[decl].prefix
			if hasPrefix && !strings.EqualFold(d, prefix) {
				b.warn(WarnInconsistent, "%s is written with prefix %q but declared with %q; the declared one was kept", name, prefix, d)
			}
			if !hasPrefix || !strings.EqualFold(d, prefix) {
				prefix, hasPrefix = d, true
			}
		}
	}
	rg.Prefix = prefix
	if !hasPrefix {
		b.missing(name + ".prefix")
	} else if utf8.RuneCountInString(prefix) > 4 || strings.IndexFunc(prefix, func(r rune) bool { return !isLetter(r) && !isDigit(r) }) >= 0 {
		// [DIAN] a prefix is up to four letters and digits (docs/form-1876.md §4).
		b.warn(WarnPrefix, "%s: prefix %q is not up to four letters and digits", name, prefix)
	}
}

// validity sets Months, ValidFrom and ValidTo from the facts picked (-1 for
// none) and derives what the text left implicit.
func (b *builder) validity(name string, rg *Range, months, start, end int) {
	p := b.p
	if months >= 0 {
		if n := p.months[months].val; n <= 0 || n > 1200 {
			b.setBad("vigencia", p.months[months].span)
		} else {
			rg.Months = n
		}
	}
	rg.ValidFrom = b.date(p.starts, start)
	rg.ValidTo = b.date(p.ends, end)
	switch {
	case rg.ValidFrom.IsZero():
	case rg.Months > 0 && rg.ValidTo.IsZero():
		rg.ValidTo = rg.ValidFrom.AddMonths(rg.Months)
	case rg.Months == 0 && !rg.ValidTo.IsZero():
		// [DIAN] validity is whole months; derive them only when exact.
		n := (rg.ValidTo.Year-rg.ValidFrom.Year)*12 + int(rg.ValidTo.Month-rg.ValidFrom.Month)
		if n > 0 && n <= 1200 && rg.ValidFrom.AddMonths(n) == rg.ValidTo {
			rg.Months = n
		}
	case rg.Months > 0 && rg.ValidFrom.AddMonths(rg.Months) != rg.ValidTo:
		// docs/form-1876.md §3: a printed end date wins.
		b.warn(WarnValidTo, "%s: %s plus %d months is %s, but the text says %s; the printed end date was kept",
			name, rg.ValidFrom, rg.Months, rg.ValidFrom.AddMonths(rg.Months), rg.ValidTo)
	}
	if !rg.ValidFrom.IsZero() && !rg.ValidTo.IsZero() && rg.ValidTo.Before(rg.ValidFrom) {
		b.warn(WarnInconsistent, "%s ends (%s) before it starts (%s)", name, rg.ValidTo, rg.ValidFrom)
	}
	if rg.Months > 24 {
		// [DIAN] 6, 12, 18 or 24 months in the 2016 rules; at most two years.
		b.warn(WarnMonths, "%s: a validity of %d months is longer than DIAN's 24", name, rg.Months)
	}
	if rg.ValidFrom.IsZero() {
		b.missing(name + ".valid_from")
	}
	if rg.Months == 0 && rg.ValidTo.IsZero() {
		b.missing(name + ".valid_to")
	}
}

// sameDates warns when the dates bound to one range disagree: the first
// was used, and the reader should know another was written.
func (b *builder) sameDates(name, what string, occs []occ, bound []int) {
	for _, j := range bound {
		if a, c := b.p.toks[occs[bound[0]].val], b.p.toks[occs[j].val]; a.date != c.date {
			b.warn(WarnInconsistent, "%s has two %s dates, %q and %q; the first was kept", name, what, a.raw, c.raw)
			return
		}
	}
}

// date returns the date of fact j in occs, or the zero Date for none or for
// a date that does not exist (reported as a bad value).
func (b *builder) date(occs []occ, j int) Date {
	if j < 0 {
		return Date{}
	}
	t := &b.p.toks[occs[j].val]
	if !t.dateOK {
		b.setBad("fecha", occs[j].span)
		return Date{}
	}
	return t.date
}
