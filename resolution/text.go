package resolution

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxTextSize is the longest text, in bytes, that [ParseText] reads. A
// legend is one or two lines and an email a few paragraphs; the bound keeps
// the work linear in a size nobody needs to raise.
const MaxTextSize = 64 << 10

// ParseText reads a resolution from free text, as invoices print it in their
// legend and as people write it in emails, for example
//
//	Resolución DIAN No. 18764003567890 del 2023-06-15, prefijo FEV del 1 al 10000, vigencia 24 meses
//	Autorización de numeración de facturación electrónica No 18764003567890 de 15/06/2023 habilita del FEV1 al FEV10000 vigente hasta 15/06/2025
//
// It reads the resolution number (a number of 11 or more digits starting
// with 1876, or failing that one of 8 or more digits right after
// "Resolución" or "Autorización", with a [WarnFormNumber] warning), and for
// each range its prefix ("prefijo FEV", "sin prefijo", written with the
// numbers as in "FEV1", or bare in capitals as in "FEV del 1 al 10"), its bounds ("del … al …", "desde … hasta …",
// "rango FEV 1 - FEV 10000", thousands separators "10.000" or "10,000"), its
// kind ("factura electrónica de venta", "documento soporte", "POS"…), its
// request ("habilitación" and "inhabilitación"; anything else is an
// authorization), its start date and its validity in months ("vigencia 24
// meses") or as an end date ("vigente hasta", "fecha de vencimiento").
// Dates may be written 2023-06-15 (also with a time), 15/06/2023 (day
// first, never month first) or "15 de junio de 2023"; two dates joined by
// "-" or "al" are a validity period. Case and accents do not matter, except that the prefix is
// returned as written.
//
// When the text gives months and no end date, ValidTo is ValidFrom plus the
// months ([Date.AddMonths]); when it gives an end date only, Months is set if
// the end is a whole number of months after the start. Kind stays
// [KindUnknown] when the text does not name one. Several ranges in one text
// are read in order. Each fact binds to the nearest range, preferring its
// own line or sentence; a fact written once before the first range of a
// sentence, on a line with no range, or (for validity and dates) after the
// last range ("…, vigencia 24 meses") also applies to every range that
// lacks one. A fact between two ranges belongs to one of them only.
//
// ParseText never invents a value. What it cannot find it leaves zero and
// reports: it returns the partial Resolution together with a *[ParseError]
// whose Err is [ErrIncomplete] and whose Missing holds JSON field names
// ("number", "ranges", "ranges[0].prefix", "ranges[0].valid_from",
// "ranges[0].valid_to" when neither months nor an end date is given). A
// value found but unusable (an impossible date, a range whose start exceeds
// its end or is not positive, a number too large for int64) gives [ErrBadValue] with the text
// quoted, also with the partial Resolution. Text that mentions no
// resolution at all gives [ErrNotForm1876], and text longer than
// [MaxTextSize] gives [ErrLimit]; both return a nil Resolution.
func ParseText(s string) (*Resolution, error) {
	if len(s) > MaxTextSize {
		return nil, &ParseError{Err: ErrLimit, Limit: "MaxTextSize"}
	}
	p := &textParser{src: s}
	p.toks = textMergeDates(s, textTokenize(s))
	p.segments()
	p.findNumber()
	if !p.isLegend() {
		return nil, &ParseError{Err: ErrNotForm1876}
	}
	p.findNIT()
	p.findPrefixes()
	p.findRanges()
	p.findMonths()
	p.findKinds()
	p.findRequests()
	p.findDates()
	return p.build()
}

// textKind says what a token holds.
type textKind uint8

const (
	textWord   textKind = iota + 1 // letters only
	textNumber                     // ASCII digits, possibly with thousands separators
	textAlnum                      // letters and digits, e.g. "FEV1"
	textDate                       // a whole date, merged from several tokens
	textPunct                      // one other character
)

// A textToken is one word, number, date or punctuation mark of the input.
type textToken struct {
	kind       textKind
	start, end int    // byte offsets in the input
	raw        string // as written
	norm       string // words: lower case without accents; punctuation: raw
	lead       string // alnum: the part before the trailing digits, as written
	digits     string // numbers and alnum: the (trailing) digits, separators removed
	grouped    bool   // the number had thousands separators
	space      bool   // whitespace precedes the token
	brk        bool   // a line or sentence break precedes the token
	date       Date   // dates
	dateOK     bool   // the date names a real day in a plausible year
	used       bool   // claimed by a matcher, so later matchers skip it
}

// textSpan is a run of tokens, both ends included.
type textSpan struct{ s, e int }

// A textOcc is one occurrence of a fact: where, and its value (a Kind,
// Request, month count or token index, by the list it is in).
type textOcc struct {
	textSpan
	val int
}

// A textDecl is a prefix declaration: "prefijo FEV", "sin prefijo".
type textDecl struct {
	textSpan
	prefix string
}

// A textRef is one end of a range as written, with its prefix if any.
type textRef struct {
	prefix    string
	hasPrefix bool
	digits    string // the number, separators removed
}

// A textRange is "del FEV1 al FEV10000" and its variants.
type textRange struct {
	textSpan          // the pair and the prefix declaration written against it
	pair     textSpan // the pair alone, quoted in errors
	from, to textRef
}

type textParser struct {
	src  string
	toks []textToken
	seg  []int // seg[i]: how many breaks precede token i

	number     string
	numberWeak bool // found by position, not by the 1876 shape
	numbers    []string

	decls    []textDecl
	declSet  map[string]bool // normalized declared prefixes
	declEnd  map[int]bool    // token indices that end a declaration
	ranges   []textRange
	months   []textOcc
	kinds    []textOcc
	requests []textOcc
	starts   []textOcc // val: token index of the date
	ends     []textOcc
}

// textTokenize splits s into tokens. It never fails: bytes that are not
// valid UTF-8 become punctuation.
func textTokenize(s string) []textToken {
	toks := make([]textToken, 0, len(s)/6+4) // a word and its space average more than six bytes
	space, brk := true, false
	for i := 0; i < len(s); {
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
		case textIsLetter(r) || textIsDigit(r):
			j := i
			for j < len(s) {
				r, w := utf8.DecodeRuneInString(s[j:])
				if !textIsLetter(r) && !textIsDigit(r) && !unicode.Is(unicode.Mn, r) {
					break
				}
				j += w
			}
			j, grouped := textExtendGroups(s, i, j)
			toks = textAppendWord(toks, s, i, j, grouped, space, brk)
			space, brk = false, false
			i = j
		default:
			prev := ""
			if len(toks) > 0 {
				prev = toks[len(toks)-1].norm
			}
			toks = append(toks, textToken{kind: textPunct, start: i, end: i + w, raw: s[i : i+w], norm: s[i : i+w], space: space, brk: brk})
			i += w
			space = false
			// A sentence end breaks; an abbreviation's period ("No.") does not.
			brk = r == ';' || r == '|' || r == '•' ||
				((r == '.' || r == '!' || r == '?') && (i == len(s) || s[i] == ' ' || s[i] == '\t') && !textAbbrev[prev])
		}
	}
	return toks
}

var textAbbrev = map[string]bool{"no": true, "nro": true, "num": true, "n": true, "res": true, "resol": true, "art": true, "sr": true, "sra": true, "dr": true}

func textIsLetter(r rune) bool { return unicode.IsLetter(r) || r == '°' }
func textIsDigit(r rune) bool  { return '0' <= r && r <= '9' }

// textExtendGroups extends a run ending in at most three digits over
// thousands groups written with one separator, "10.000" or "1,000,000".
func textExtendGroups(s string, start, end int) (int, bool) {
	n := 0
	for k := end - 1; k >= start && textIsDigit(rune(s[k])); k-- {
		n++
	}
	if n == 0 || n > 3 {
		return end, false
	}
	var sep byte
	grouped := false
	for end+4 <= len(s) && (s[end] == '.' || s[end] == ',') && (sep == 0 || s[end] == sep) &&
		textAllDigits(s[end+1:end+4]) && (end+4 == len(s) || !textIsDigit(rune(s[end+4]))) {
		sep = s[end]
		end += 4
		grouped = true
	}
	return end, grouped
}

func textAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !textIsDigit(rune(s[i])) {
			return false
		}
	}
	return s != ""
}

// textAppendWord classifies the run s[i:j] and appends it to toks.
// "No18764003567890" is split into a word and a number, as if a space had
// been typed.
func textAppendWord(toks []textToken, s string, i, j int, grouped, space, brk bool) []textToken {
	raw := s[i:j]
	t := textToken{start: i, end: j, raw: raw, norm: textNorm(raw), grouped: grouped, space: space, brk: brk}
	hasLetter := strings.IndexFunc(raw, textIsLetter) >= 0
	k := len(raw) // start of the trailing digits (and separators)
	for k > 0 && (textIsDigit(rune(raw[k-1])) || (grouped && (raw[k-1] == '.' || raw[k-1] == ','))) {
		k--
	}
	switch {
	case !hasLetter:
		t.kind = textNumber
		t.digits = textStripSeps(raw)
	case strings.IndexFunc(raw, textIsDigit) < 0:
		t.kind = textWord
	default:
		t.kind = textAlnum
		t.lead = raw[:k]
		t.digits = textStripSeps(raw[k:])
		t.norm = textNorm(t.lead) + t.digits
		if ln := textNorm(t.lead); textNumberMarker[ln] && len(t.digits) >= 6 && strings.IndexFunc(t.lead, textIsDigit) < 0 {
			w := textToken{kind: textWord, start: i, end: i + k, raw: t.lead, norm: ln, space: space, brk: brk}
			n := textToken{kind: textNumber, start: i + k, end: j, raw: raw[k:], digits: t.digits, norm: t.digits, grouped: grouped}
			return append(toks, w, n)
		}
	}
	if t.kind == textNumber {
		t.norm = t.digits
	}
	return append(toks, t)
}

var textNumberMarker = map[string]bool{"no": true, "nro": true, "num": true, "n": true, "numero": true, "#": true}

func textStripSeps(s string) string {
	return strings.Map(func(r rune) rune {
		if textIsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// textNorm lower-cases s and drops accents, so "AUTORIZACIÓN", "autorizacion"
// and "Autorizacio\u0301n" compare equal.
func textNorm(s string) string {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < utf8.RuneSelf
	}
	if ascii {
		return strings.ToLower(s) // no copy when s is already lower case
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		switch r {
		case 'á', 'à', 'ä', 'â', 'ª':
			r = 'a'
		case 'é', 'è', 'ë', 'ê':
			r = 'e'
		case 'í', 'ì', 'ï', 'î':
			r = 'i'
		case 'ó', 'ò', 'ö', 'ô', 'º', '°':
			r = 'o'
		case 'ú', 'ù', 'ü', 'û':
			r = 'u'
		case 'ñ':
			r = 'n'
		}
		b.WriteRune(r)
	}
	return b.String()
}

var textMonthNames = map[string]int{
	"enero": 1, "ene": 1, "febrero": 2, "feb": 2, "marzo": 3, "mar": 3, "abril": 4, "abr": 4,
	"mayo": 5, "may": 5, "junio": 6, "jun": 6, "julio": 7, "jul": 7, "agosto": 8, "ago": 8,
	"septiembre": 9, "setiembre": 9, "sep": 9, "sept": 9, "set": 9, "octubre": 10, "oct": 10,
	"noviembre": 11, "nov": 11, "diciembre": 12, "dic": 12,
}

// textMergeDates replaces each written date by one textDate token:
// 2023-06-15, 2023/06/15, 15/06/2023, 15-06-2023, 15.06.2023, "15 de junio
// de 2023", "15-jun-2023", "junio 15 de 2023".
func textMergeDates(s string, toks []textToken) []textToken {
	out := toks[:0] // in place: writes never overtake reads
	for i := 0; i < len(toks); {
		if d, n, ok := textDateAt(toks, i); ok {
			t := textToken{kind: textDate, start: toks[i].start, end: toks[i+n-1].end, space: toks[i].space, brk: toks[i].brk}
			t.raw = s[t.start:t.end]
			t.norm = textNorm(t.raw)
			t.date, t.dateOK = d, d.Valid() && 1900 <= d.Year && d.Year <= 2999
			out = append(out, t)
			i += n
			continue
		}
		out = append(out, toks[i])
		i++
	}
	return out
}

// textDateAt matches a date starting at toks[i] and returns it with the
// number of tokens it spans.
func textDateAt(toks []textToken, i int) (Date, int, bool) {
	at := func(k int) *textToken {
		if i+k < len(toks) {
			return &toks[i+k]
		}
		return nil
	}
	plain := func(t *textToken, lo, hi int) (int, bool) {
		if t == nil || t.kind != textNumber || t.grouped || len(t.digits) < lo || len(t.digits) > hi {
			return 0, false
		}
		v, _ := strconv.Atoi(t.digits)
		return v, true
	}
	tight := func(t *textToken) bool { return t != nil && !t.space }
	sepOK := func(t *textToken) bool {
		return t != nil && t.kind == textPunct && (t.raw == "-" || t.raw == "/" || t.raw == ".") && tight(t)
	}
	// Numeric: Y-M-D or D-M-Y with one separator, no spaces.
	if a, ok := plain(at(0), 1, 4); ok && sepOK(at(1)) && tight(at(2)) && sepOK(at(3)) && at(3).raw == at(1).raw && tight(at(4)) {
		if b, ok := plain(at(2), 1, 2); ok {
			if c, ok := plain(at(4), 1, 4); ok {
				switch {
				case len(at(0).digits) == 4 && len(at(4).digits) <= 2:
					return Date{a, textMonth(b), c}, 5, true
				case len(at(0).digits) <= 2 && len(at(4).digits) == 4:
					return Date{c, textMonth(b), a}, 5, true
				}
			}
			// ISO date-time, "2023-06-15T10:30:00": the day ends at the T.
			if t := at(4); len(at(0).digits) == 4 && t.kind == textAlnum && len(t.lead) == 3 &&
				(t.lead[2] == 'T' || t.lead[2] == 't') && textAllDigits(t.lead[:2]) {
				c, _ := strconv.Atoi(t.lead[:2])
				return Date{a, textMonth(b), c}, 5, true
			}
		}
		// D-mon-Y: "15-jun-2023".
		if m, ok := textMonthNames[at(2).norm]; ok && at(2).kind == textWord && len(at(0).digits) <= 2 {
			if c, ok := plain(at(4), 4, 4); ok {
				return Date{c, textMonth(m), a}, 5, true
			}
		}
	}
	// "15 de junio de 2023", "15 junio 2023", "15 de junio del 2023".
	if d, ok := plain(at(0), 1, 2); ok {
		k := 1
		if t := at(k); t != nil && t.norm == "de" {
			k++
		}
		if t := at(k); t != nil && t.kind == textWord {
			if m, ok := textMonthNames[t.norm]; ok {
				k++
				if t := at(k); t != nil && (t.norm == "de" || t.norm == "del" || t.raw == ",") {
					k++
				}
				if y, ok := plain(at(k), 4, 4); ok {
					return Date{y, textMonth(m), d}, k + 1, true
				}
			}
		}
	}
	// "junio 15 de 2023", "junio 15, 2023".
	if t := at(0); t != nil && t.kind == textWord {
		if m, ok := textMonthNames[t.norm]; ok && len(t.norm) > 3 {
			if d, ok := plain(at(1), 1, 2); ok {
				k := 2
				if t := at(k); t != nil && (t.norm == "de" || t.norm == "del" || t.raw == ",") {
					k++
				}
				if y, ok := plain(at(k), 4, 4); ok {
					return Date{y, textMonth(m), d}, k + 1, true
				}
			}
		}
	}
	return Date{}, 0, false
}

// textMonth converts without normalizing: month 13 stays 13, so Date.Valid
// rejects it instead of it becoming January of the next year.
func textMonth(m int) time.Month { return time.Month(m) }

// segments numbers the lines and sentences, so facts bind to the range on
// their own line before one on another.
func (p *textParser) segments() {
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
// 1876 form number; failing that, a long number right after a word that
// introduces one ("Resolución No. 320001234567").
func (p *textParser) findNumber() {
	for i := range p.toks {
		t := &p.toks[i]
		if t.kind == textNumber && len(t.digits) >= 11 && strings.HasPrefix(t.digits, "1876") {
			t.used = true
			p.numbers = append(p.numbers, t.digits)
		}
	}
	if len(p.numbers) > 0 {
		p.number = p.numbers[0]
		return
	}
	for i := range p.toks {
		if !textNumberIntro[p.toks[i].norm] {
			continue
		}
		for k := i + 1; k < len(p.toks) && k <= i+5; k++ {
			t := &p.toks[k]
			if t.kind == textNumber && !t.used {
				if len(t.digits) >= 8 {
					t.used = true
					p.number, p.numberWeak = t.digits, true
					return
				}
				break
			}
			if !textNumberFiller[t.norm] {
				break
			}
		}
	}
}

var (
	textNumberIntro  = map[string]bool{"resolucion": true, "res": true, "resol": true, "autorizacion": true, "formulario": true, "formato": true, "habilitacion": true, "inhabilitacion": true}
	textNumberFiller = map[string]bool{"dian": true, "no": true, "nro": true, "num": true, "numero": true, "n": true, "#": true, ".": true, ":": true, "o": true, "de": true, "facturacion": true, "electronica": true, "numeracion": true}
	textLegendWords  = map[string]bool{"resolucion": true, "autorizacion": true, "habilitacion": true, "inhabilitacion": true, "numeracion": true, "prefijo": true, "vigencia": true, "vigente": true}
)

// isLegend reports whether the text talks about a numbering authorization
// at all, which separates an incomplete legend from unrelated text.
func (p *textParser) isLegend() bool {
	if p.number != "" {
		return true
	}
	for _, t := range p.toks {
		if textLegendWords[t.norm] {
			return true
		}
	}
	return false
}

// findNIT claims "NIT 900.123.456-7" so its check digit is not read as a
// range "900123456 - 7".
func (p *textParser) findNIT() {
	for i := range p.toks {
		if p.toks[i].norm != "nit" {
			continue
		}
		k := p.skip(i+1, func(t *textToken) bool { return t.kind == textPunct && t.raw != "-" || textNumberMarker[t.norm] })
		if k >= len(p.toks) || p.toks[k].kind != textNumber {
			continue
		}
		p.toks[k].used = true
		if k+2 < len(p.toks) && p.toks[k+1].raw == "-" && p.toks[k+2].kind == textNumber && len(p.toks[k+2].digits) == 1 {
			p.toks[k+1].used, p.toks[k+2].used = true, true
		}
	}
}

// skip returns the first index from k whose token does not satisfy f.
func (p *textParser) skip(k int, f func(*textToken) bool) int {
	for k < len(p.toks) && f(&p.toks[k]) {
		k++
	}
	return k
}

var textPrefixStop = map[string]bool{
	"del": true, "desde": true, "de": true, "al": true, "a": true, "hasta": true, "y": true, "rango": true,
	"numeracion": true, "vigencia": true, "vigente": true, "resolucion": true, "autorizado": true, "asignado": true,
	"el": true, "la": true, "no": true, "nro": true, "num": true, "numero": true, "n": true, "entre": true,
	"con": true, "para": true, "por": true, "sin": true, "prefijo": true, "factura": true, "consecutivo": true,
}

// findPrefixes reads "prefijo FEV", "prefijo: FEV", `prefijo "FEV"` and
// "sin prefijo" (an empty prefix, FORM-1876 §4).
func (p *textParser) findPrefixes() {
	for i := range p.toks {
		if p.toks[i].norm != "prefijo" || p.toks[i].used {
			continue
		}
		if i > 0 && p.toks[i-1].norm == "sin" {
			p.toks[i-1].used, p.toks[i].used = true, true
			p.decls = append(p.decls, textDecl{textSpan{i - 1, i}, ""})
			continue
		}
		k := p.skip(i+1, func(t *textToken) bool { return strings.Contains(`:="'“”«»‘’`, t.raw) && t.kind == textPunct })
		if k >= len(p.toks) {
			continue
		}
		t := &p.toks[k]
		switch {
		case t.norm == "ninguno" || t.norm == "ninguna":
			p.decls = append(p.decls, textDecl{textSpan{i, k}, ""})
		case (t.kind == textWord || t.kind == textAlnum) && !t.used &&
			(!textPrefixStop[t.norm] || (k+1 < len(p.toks) && (textOpeners[p.toks[k+1].norm] || p.toks[k+1].raw == ","))):
			// A connective is a prefix only when the range follows it:
			// "prefijo DE del 1 al 500", but not "prefijo de FEV".
			p.decls = append(p.decls, textDecl{textSpan{i, k}, t.raw})
		case t.kind == textNumber && !t.grouped && len(t.raw) <= 4 && !t.used && k+1 < len(p.toks) &&
			(textOpeners[p.toks[k+1].norm] || p.toks[k+1].raw == ","):
			// A prefix of digits only ("prefijo 12 del 1 al 500"): the
			// opening word after it tells it from "prefijo: 1 al 500".
			p.decls = append(p.decls, textDecl{textSpan{i, k}, t.raw})
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
			p.declSet[textNorm(d.prefix)] = true
		}
		p.declEnd[d.e] = true
	}
}

var (
	textOpeners = map[string]bool{"del": true, "desde": true, "de": true, "rango": true, "rangos": true, "entre": true, "numeracion": true, "numeros": true,
		"consecutivo": true, "consecutivos": true, "autorizado": true, "autorizada": true, "autorizados": true, "autorizadas": true}
	textFillers = map[string]bool{"el": true, "la": true, "los": true, "numero": true, "no": true, "nro": true, "num": true, "n": true, "#": true, ":": true, ".": true,
		"factura": true, "facturas": true, "consecutivo": true, "autorizado": true, "autorizada": true, "autorizados": true, "habilitado": true, "habilitada": true}
	textClosers = map[string]bool{"al": true, "a": true, "hasta": true, "-": true, "–": true, "—": true}
)

// findRanges reads "del FEV1 al FEV10000", "desde 1 hasta 10.000", "rango
// FEV 1 - FEV 10000", "entre 1 y 500". A pair without an opening word must
// carry a prefix, so "900123456-7" or a phone number is not a range.
func (p *textParser) findRanges() {
	for i := 0; i < len(p.toks); i++ {
		if p.toks[i].used {
			continue
		}
		opener, entre := false, false
		k := i
		for k < len(p.toks) && !p.toks[k].used && (textOpeners[p.toks[k].norm] || (opener && textFillers[p.toks[k].norm])) {
			opener = true
			entre = entre || p.toks[k].norm == "entre"
			k++
		}
		from, k, ok := p.ref(k)
		if !ok || !(opener || p.afterDecl(i) || from.hasPrefix) {
			continue
		}
		if k >= len(p.toks) || p.toks[k].used || !(textClosers[p.toks[k].norm] || (entre && p.toks[k].norm == "y")) {
			continue
		}
		hyphen := p.toks[k].norm != "al" && p.toks[k].norm != "a" && p.toks[k].norm != "hasta"
		if !opener && !p.afterDecl(i) && (textBareStop[textNorm(from.prefix)] || (hyphen && !p.prefixLike(from.prefix))) {
			continue
		}
		k = p.skip(k+1, func(t *textToken) bool { return textFillers[t.norm] && !t.used })
		to, k, ok := p.ref(k)
		if !ok {
			continue
		}
		// "601-555-1234" and "12-34" are a phone and an address, not ranges:
		// a hyphenated chain goes on, and a bare pair needs the same prefix
		// on both ends.
		if hyphen && k+1 < len(p.toks) && p.toks[k].raw == "-" && !p.toks[k].space && p.toks[k+1].kind == textNumber {
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
		p.ranges = append(p.ranges, textRange{textSpan{start, k - 1}, textSpan{start, k - 1}, from, to})
		i = k - 1
	}
	p.joinDecls()
}

// prefixLike reports whether a prefix written before a hyphenated pair
// with no "prefijo" or opening word looks like one: declared elsewhere, or
// capitals and digits that are not an address or phone label ("CRA 7").
func (p *textParser) prefixLike(prefix string) bool {
	return p.declared(prefix) || (prefix == strings.ToUpper(prefix) && !textBareStop[textNorm(prefix)])
}

// barePrefix reports whether token k is a prefix written bare before the
// pair, as in "FEV del 1 al 10000": up to four capitals and digits on the
// same line, and no word the legend itself uses ("DIAN del 1 al 500" names
// no prefix).
func (p *textParser) barePrefix(k int) bool {
	if k < 0 || k+1 >= len(p.toks) || p.toks[k+1].brk {
		return false
	}
	t := &p.toks[k]
	return !t.used && (t.kind == textWord || t.kind == textAlnum) && utf8.RuneCountInString(t.raw) <= 4 &&
		t.raw == strings.ToUpper(t.raw) && !textPrefixStop[t.norm] && !textFillers[t.norm] && !textOpeners[t.norm] &&
		!textBareStop[t.norm] && !p.isKindWord(k)
}

// textBareStop are capitalized words seen before "del" that are no prefix.
var textBareStop = map[string]bool{"dian": true, "nit": true, "res": true, "fecha": true, "mes": true, "anos": true, "ano": true,
	"tel": true, "cel": true, "fax": true, "pbx": true, "ext": true, "cra": true, "kr": true, "cl": true, "cll": true, "av": true,
	"apto": true, "piso": true, "of": true, "cc": true, "km": true}

// isKindWord reports whether token k ends a kind phrase ("… SISTEMA POS
// del 1 al 50" names the kind, not a prefix), unless POS stands alone.
func (p *textParser) isKindWord(k int) bool {
	for _, ph := range textKindPhrases {
		if n := len(ph.words); n > 1 && k-n+1 >= 0 && p.phraseAt(k-n+1, ph.words) == n {
			return true
		}
	}
	return false
}

// joinDecls widens each range over the prefix declaration written against
// it ("prefijo DS del 1 al 500", "del 1 al 500 con prefijo DS"), so facts
// next to the pair bind to that range and not to its neighbour. A
// declaration touching two ranges leads the later one.
func (p *textParser) joinDecls() {
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
func (p *textParser) afterDecl(i int) bool {
	return p.declEnd[i-1] || (i >= 2 && p.declEnd[i-2] && p.toks[i-1].raw == ",")
}

// ref reads one end of a range at k: "10000", "10.000", "FEV10000",
// "FEV 10000", "FEV-10000".
func (p *textParser) ref(k int) (textRef, int, bool) {
	if k >= len(p.toks) || p.toks[k].used {
		return textRef{}, k, false
	}
	t := &p.toks[k]
	switch t.kind {
	case textNumber:
		return textRef{digits: t.digits}, k + 1, true
	case textAlnum:
		if lead, ok := p.splitDeclared(t); ok {
			return textRef{prefix: lead, hasPrefix: true, digits: textStripSeps(t.raw[len(lead):])}, k + 1, true
		}
		if next, ok := p.numAfterPrefix(k); ok {
			return textRef{prefix: t.raw, hasPrefix: true, digits: p.toks[next].digits}, next + 1, true
		}
		if t.digits != "" && strings.IndexFunc(t.lead, textIsLetter) == 0 {
			return textRef{prefix: t.lead, hasPrefix: true, digits: t.digits}, k + 1, true
		}
	case textWord:
		if textPrefixStop[t.norm] || textFillers[t.norm] || (utf8.RuneCountInString(t.raw) > 4 && !p.declared(t.raw)) {
			return textRef{}, k, false
		}
		if next, ok := p.numAfterPrefix(k); ok {
			return textRef{prefix: t.raw, hasPrefix: true, digits: p.toks[next].digits}, next + 1, true
		}
	}
	return textRef{}, k, false
}

// numAfterPrefix finds the number after a prefix written apart: "FEV 1",
// or "FEV-1" with no spaces around the hyphen.
func (p *textParser) numAfterPrefix(k int) (int, bool) {
	n := k + 1
	if n+1 < len(p.toks) && p.toks[n].raw == "-" && !p.toks[n].space && !p.toks[n+1].space {
		n++
	}
	if n < len(p.toks) && p.toks[n].kind == textNumber && !p.toks[n].used {
		return n, true
	}
	return 0, false
}

// splitDeclared splits "FE21" as "FE2" + "1" when "prefijo FE2" was
// declared: a prefix ending in a digit is otherwise ambiguous (FORM-1876 §4).
// The longest declared prefix followed by digits only wins.
func (p *textParser) splitDeclared(t *textToken) (string, bool) {
	for n := len(t.raw) - 1; n > 0; n-- {
		if !utf8.RuneStart(t.raw[n]) || !p.declared(t.raw[:n]) {
			continue
		}
		rest := t.raw[n:]
		if textAllDigits(rest) || (t.grouped && textAllDigits(textStripSeps(rest)) && textIsDigit(rune(rest[0]))) {
			return t.raw[:n], true
		}
	}
	return "", false
}

// declared reports whether raw was declared with "prefijo", ignoring case.
func (p *textParser) declared(raw string) bool {
	return raw != "" && p.declSet[textNorm(raw)]
}

var textNumberWords = map[string]int{"un": 1, "uno": 1, "dos": 2, "tres": 3, "seis": 6, "nueve": 9, "doce": 12, "dieciocho": 18, "veinticuatro": 24}

// findMonths reads "24 meses", "(24) meses", "doce meses", "2 años".
func (p *textParser) findMonths() {
	for i := range p.toks {
		t := &p.toks[i]
		if t.used || (t.kind != textNumber && textNumberWords[t.norm] == 0) {
			continue
		}
		k := p.skip(i+1, func(t *textToken) bool { return t.raw == ")" })
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
		n := textNumberWords[t.norm]
		if t.kind == textNumber {
			v, err := strconv.Atoi(t.digits)
			if err != nil || len(t.digits) > 6 {
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
		p.months = append(p.months, textOcc{textSpan{i, k}, n})
	}
}

// textKindPhrases are matched longest first, on normalized words. Bare
// "papel" is left out: invoices say "representación impresa en papel".
var textKindPhrases = []struct {
	words []string
	kind  Kind
}{
	{[]string{"documento", "equivalente", "electronico"}, KindEquivalentDocument},
	{[]string{"factura", "electronica", "de", "venta"}, KindElectronicInvoice},
	{[]string{"factura", "de", "venta", "electronica"}, KindElectronicInvoice},
	{[]string{"talonario", "o", "de", "papel"}, KindPaper},
	{[]string{"maquina", "registradora", "pos"}, KindPOS},
	{[]string{"factura", "por", "computador"}, KindComputer},
	{[]string{"facturacion", "por", "computador"}, KindComputer},
	{[]string{"documento", "equivalente"}, KindEquivalentDocument},
	{[]string{"documento", "soporte"}, KindSupportDocument},
	{[]string{"documentos", "soporte"}, KindSupportDocument},
	{[]string{"factura", "electronica"}, KindElectronicInvoice},
	{[]string{"facturacion", "electronica"}, KindElectronicInvoice},
	{[]string{"facturas", "electronicas"}, KindElectronicInvoice},
	{[]string{"maquina", "registradora"}, KindPOS},
	{[]string{"factura", "de", "papel"}, KindPaper},
	{[]string{"talonario"}, KindPaper},
	{[]string{"pos"}, KindPOS},
}

func (p *textParser) findKinds() {
	for i := 0; i < len(p.toks); i++ {
		for _, ph := range textKindPhrases {
			if n := p.phraseAt(i, ph.words); n > 0 {
				p.kinds = append(p.kinds, textOcc{textSpan{i, i + n - 1}, int(ph.kind)})
				i += n - 1
				break
			}
		}
	}
}

// phraseAt returns how many tokens the phrase spans at i, or 0.
func (p *textParser) phraseAt(i int, words []string) int {
	if i+len(words) > len(p.toks) {
		return 0
	}
	for j, w := range words {
		if t := &p.toks[i+j]; t.used || t.norm != w {
			return 0
		}
	}
	return len(words)
}

// findRequests reads the request nouns. Only "habilitación" and
// "inhabilitación" change the default; the verb "habilita" is common in
// authorization legends and says nothing.
func (p *textParser) findRequests() {
	for i, t := range p.toks {
		var q Request
		switch t.norm {
		case "autorizacion":
			q = RequestAuthorization
		case "habilitacion":
			q = RequestEnablement
		case "inhabilitacion":
			q = RequestDisablement
		default:
			continue
		}
		p.requests = append(p.requests, textOcc{textSpan{i, i}, int(q)})
	}
}

var (
	textDateJoin   = map[string]bool{"-": true, "–": true, "—": true, "al": true, "a": true, "hasta": true, "y": true}
	textEndWords   = map[string]bool{"hasta": true, "vencimiento": true, "vence": true, "expira": true, "caduca": true, "al": true, "a": true, "vigencia": true, "vigente": true, "valida": true, "fin": true, "final": true, "finaliza": true}
	textStartWords = map[string]bool{"desde": true, "del": true, "de": true, "fecha": true, "expedicion": true, "expedida": true, "expedido": true, "emitida": true, "emision": true, "otorgada": true, "inicio": true, "resolucion": true, "autorizacion": true, "partir": true}
)

// findDates sorts dates into starts and ends. Two dates joined as a
// period ("vigencia: 15/06/2023 - 15/06/2025", "del … al …") are a start
// and an end. Any other date is decided by the nearest deciding word
// before it ("vigente hasta", "fecha de vencimiento", "del"); a date with
// no such word is a start unless a start precedes it in its sentence.
func (p *textParser) findDates() {
	seenStart := map[int]bool{}
	pairEnd := map[int]bool{}
	for i, t := range p.toks {
		if t.kind != textDate {
			continue
		}
		end, decided := pairEnd[i], pairEnd[i]
		switch {
		case decided:
		case i+2 < len(p.toks) && textDateJoin[p.toks[i+1].norm] && p.toks[i+2].kind == textDate:
			decided, pairEnd[i+2] = true, true
		case i+1 < len(p.toks) && p.toks[i+1].kind == textDate && p.seg[i+1] == p.seg[i]:
			decided, pairEnd[i+1] = true, true // "2023-06-15 2025-06-15"
		}
		for k := i - 1; !decided && k >= 0 && k >= i-6 && p.seg[k] == p.seg[i]; k-- {
			w := p.toks[k].norm
			if textEndWords[w] {
				end, decided = true, true
				break
			}
			if textStartWords[w] {
				decided = true
				break
			}
		}
		if !decided {
			end = seenStart[p.seg[i]]
		}
		occ := textOcc{textSpan{i, i}, i}
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
func (p *textParser) dist(a, b textSpan) int {
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
func (p *textParser) nearest(n int, span func(int) textSpan, o textSpan) int {
	j := sort.Search(n, func(i int) bool { return span(i).s > o.e })
	best := -1
	if j < n {
		best = j
	}
	if j > 0 && (best < 0 || p.dist(span(j-1), o) < p.dist(span(best), o)) {
		best = j - 1
	}
	return best
}

// text returns the input under a span, shortened for an error message.
func (p *textParser) text(sp textSpan) string {
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

// textFacts are the facts bound to one range, as indices into the
// parser's lists.
type textFacts struct {
	decls, kinds, requests, months, starts, ends []int
}

// A textPool holds one kind of fact, indexed for sharing: facts that are
// not bound to a range may still apply to ranges that lack one.
type textPool struct {
	occs  []textOcc
	free  []int         // shareable facts on lines without ranges
	bySeg map[int][]int // shareable facts on lines with ranges, by line
}

// textBuild is the state of one build: what is bound where, and what went
// wrong so far.
type textBuild struct {
	p         *textParser
	res       *Resolution
	virtual   bool       // no range was found: targets are prefix declarations
	targets   []textSpan // what facts bind to, in text order
	facts     []textFacts
	targetSeg map[int]bool // lines holding a target
	segFirst  map[int]int  // by line: the first token of its first target
	segLast   map[int]int  // by line: the last token of its last target
	bad       *ParseError
	missing   []string
}

// build binds facts to ranges and assembles the Resolution.
func (p *textParser) build() (*Resolution, error) {
	b := &textBuild{p: p, res: &Resolution{Number: p.number, Ranges: []Range{}, Warnings: []Warning{}}, targetSeg: map[int]bool{}}
	if p.number == "" {
		b.missing = append(b.missing, "number")
	}
	if p.numberWeak {
		b.warn(WarnFormNumber, "resolution number %s does not start with 1876", p.number)
	}
	for _, n := range p.numbers {
		if n != p.number {
			b.warn(WarnInconsistent, "the text names several resolution numbers (%s, %s); the first was kept", p.number, n)
			break
		}
	}

	// Facts bind to the ranges or, when the text has none, to its prefix
	// declarations, each read as a range without bounds.
	declOccs := make([]textOcc, len(p.decls))
	for i, d := range p.decls {
		declOccs[i] = textOcc{d.textSpan, i}
	}
	b.virtual = len(p.ranges) == 0
	if b.virtual {
		for _, d := range p.decls {
			b.targets = append(b.targets, d.textSpan)
		}
	} else {
		for _, r := range p.ranges {
			b.targets = append(b.targets, r.textSpan)
		}
	}
	if len(b.targets) == 0 {
		b.missing = append(b.missing, "ranges")
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
	b.facts = make([]textFacts, len(b.targets))
	// A kind or request after the last range annotates that range ("DS del
	// 1 al 500 (documento soporte)"); validity there closes the sentence for
	// all ("…, vigencia 24 meses").
	decls := b.bind(declOccs, true, func(f *textFacts) *[]int { return &f.decls })
	kinds := b.bind(p.kinds, false, func(f *textFacts) *[]int { return &f.kinds })
	requests := b.bind(p.requests, false, func(f *textFacts) *[]int { return &f.requests })
	months := b.bind(p.months, true, func(f *textFacts) *[]int { return &f.months })
	starts := b.bind(p.starts, true, func(f *textFacts) *[]int { return &f.starts })
	ends := b.bind(p.ends, true, func(f *textFacts) *[]int { return &f.ends })

	for r := range b.targets {
		// Facts on the range's own line win over facts bound to it from
		// other lines: in a whole invoice, the legend line's dates are the
		// resolution's, the header's "Fecha de vencimiento" is the payment's.
		f := &textFacts{
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
		rg := Range{Request: RequestAuthorization}
		b.bounds(r, name, &rg, b.pick(decls, f.decls, r))
		if j := b.pick(kinds, f.kinds, r); j >= 0 {
			rg.Kind = Kind(p.kinds[j].val)
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
			rg.Request = Request(p.requests[q].val)
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

	switch {
	case b.bad != nil:
		return b.res, b.bad
	case len(b.missing) > 0:
		return b.res, &ParseError{Err: ErrIncomplete, Missing: b.missing}
	}
	return b.res, nil
}

// onLine returns the facts in list that lie on target r's line(s).
func (b *textBuild) onLine(occs []textOcc, list []int, r int) []int {
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
func (b *textBuild) own(occs []textOcc, list []int, r int) []int {
	if on := b.onLine(occs, list, r); len(on) > 0 {
		return on
	}
	return list
}

func (b *textBuild) warn(code WarningCode, format string, args ...any) {
	b.res.Warnings = append(b.res.Warnings, Warning{Code: code, Message: fmt.Sprintf(format, args...)})
}

// setBad records the first unusable value; the build goes on so the caller
// still gets the rest.
func (b *textBuild) setBad(label string, sp textSpan) {
	if b.bad == nil {
		b.bad = &ParseError{Err: ErrBadValue, Label: label, Text: b.p.text(sp)}
	}
}

func (b *textBuild) first(list []int) int {
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
func (b *textBuild) bind(occs []textOcc, trailing bool, field func(*textFacts) *[]int) *textPool {
	p := b.p
	pool := &textPool{occs: occs, bySeg: map[int][]int{}}
	for i, o := range occs {
		if r := p.nearest(len(b.targets), func(k int) textSpan { return b.targets[k] }, o.textSpan); r >= 0 {
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
func (b *textBuild) pick(pool *textPool, bound []int, r int) int {
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
		j := b.p.nearest(len(list), func(k int) textSpan { return pool.occs[list[k]].textSpan }, t)
		if j >= 0 && (best < 0 || b.p.dist(pool.occs[list[j]].textSpan, t) < b.p.dist(pool.occs[best].textSpan, t)) {
			best = list[j]
		}
	}
	return best
}

// bounds sets the range's prefix, from and to. decl is the prefix
// declaration picked for it, or -1.
func (b *textBuild) bounds(r int, name string, rg *Range, decl int) {
	p := b.p
	prefix, hasPrefix := "", false
	if b.virtual {
		prefix, hasPrefix = p.decls[r].prefix, true
		b.missing = append(b.missing, name+".from", name+".to")
	} else {
		x := p.ranges[r]
		from, err1 := strconv.ParseInt(x.from.digits, 10, 64)
		to, err2 := strconv.ParseInt(x.to.digits, 10, 64)
		// [DIAN] consecutives are positive 64-bit integers, from ≤ to.
		if err1 != nil || err2 != nil || from < 1 || from > to {
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
		b.missing = append(b.missing, name+".prefix")
	} else if utf8.RuneCountInString(prefix) > 4 || strings.IndexFunc(prefix, func(r rune) bool { return !textIsLetter(r) && !textIsDigit(r) }) >= 0 {
		// [DIAN] a prefix is up to four letters and digits (FORM-1876 §4).
		b.warn(WarnPrefix, "%s: prefix %q is not up to four letters and digits", name, prefix)
	}
}

// validity sets Months, ValidFrom and ValidTo from the facts picked (-1 for
// none) and derives what the text left implicit.
func (b *textBuild) validity(name string, rg *Range, months, start, end int) {
	p := b.p
	if months >= 0 {
		if n := p.months[months].val; n <= 0 || n > 1200 {
			b.setBad("vigencia", p.months[months].textSpan)
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
		// FORM-1876 §3: a printed end date wins.
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
		b.missing = append(b.missing, name+".valid_from")
	}
	if rg.Months == 0 && rg.ValidTo.IsZero() {
		b.missing = append(b.missing, name+".valid_to")
	}
}

// sameDates warns when the dates bound to one range disagree: the first
// was used, and the reader should know another was written.
func (b *textBuild) sameDates(name, what string, occs []textOcc, bound []int) {
	for _, j := range bound {
		if a, c := b.p.toks[occs[bound[0]].val], b.p.toks[occs[j].val]; a.date != c.date {
			b.warn(WarnInconsistent, "%s has two %s dates, %q and %q; the first was kept", name, what, a.raw, c.raw)
			return
		}
	}
}

// date returns the date of fact j in occs, or the zero Date for none or for
// a date that does not exist (reported as a bad value).
func (b *textBuild) date(occs []textOcc, j int) Date {
	if j < 0 {
		return Date{}
	}
	t := &b.p.toks[occs[j].val]
	if !t.dateOK {
		b.setBad("fecha", occs[j].textSpan)
		return Date{}
	}
	return t.date
}
