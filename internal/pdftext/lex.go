package pdftext

import (
	"github.com/dianres/dianres/internal/pdfsyntax"
)

// tokKind is the kind of a content-stream token (PDF 32000 §7.2, §7.8.2).
type tokKind uint8

const (
	tokEOF tokKind = iota
	tokNumber
	tokString // literal or hex; decoded bytes in the lexer's scratch
	tokName   // without the slash, #xx decoded, in the lexer's scratch
	tokArrayOpen
	tokArrayClose
	tokDictOpen
	tokDictClose
	tokOp   // operator or other keyword (true, false, null); bytes in lexer.raw
	tokJunk // a byte that starts no token, e.g. a stray ')' or '}'
)

// token is one content-stream token: pdfsyntax's, with numbers read.
// Strings and names live in the lexer's scratch between off and end, so
// lexing allocates nothing; the scratch is reset by the caller once the
// operands are consumed. An operator is a span of the input. Holding
// spans rather than slices keeps a token at 32 bytes: a page has tens of
// thousands of them, each copied into the operand list.
type token struct {
	kind     tokKind
	num      float64
	off, end int // tokString, tokName: span of the scratch; tokOp: of the input
}

// lexer reads content streams (and CMaps, which have the same syntax)
// with the module's one lexer, pdfsyntax.Lexer, and skips inline image
// data after ID.
type lexer struct {
	pdfsyntax.Lexer
}

func newLexer(data []byte) lexer { return lexer{pdfsyntax.Lexer{Buf: data}} }

// str returns the scratch bytes of a tokString or tokName.
func (l *lexer) str(t token) []byte { return l.Scratch[t.off:t.end] }

// raw returns the bytes of a tokOp.
func (l *lexer) raw(t token) []byte { return l.Buf[t.off:t.end] }

// next reads numbers and operators, most of a content stream, itself;
// delimited tokens, and numbers plainNumber does not take, go through
// NextSpan.
func (l *lexer) next() token {
	l.SkipSpace()
	if b, i := l.Buf, l.Pos; i < len(b) {
		c := b[i]
		if c <= '9' && (c >= '0' || c == '-' || c == '.' || c == '+') {
			if v, end, ok := plainNumber(b, i); ok {
				l.Pos = end
				return token{kind: tokNumber, num: v}
			}
		} else if pdfsyntax.IsRegular(c) {
			j := i + 1
			for j < len(b) && pdfsyntax.IsRegular(b[j]) {
				j++
			}
			l.Pos = j
			if j-i == 2 && c == 'I' && b[i+1] == 'D' {
				l.SkipInlineImage()
			}
			return token{kind: tokOp, off: i, end: j}
		}
	}
	k, off, end := l.NextSpan()
	switch k {
	case pdfsyntax.EOF:
		return token{kind: tokEOF}
	case pdfsyntax.String:
		return token{kind: tokString, off: off, end: end}
	case pdfsyntax.Name:
		return token{kind: tokName, off: off, end: end}
	case pdfsyntax.ArrayOpen:
		return token{kind: tokArrayOpen}
	case pdfsyntax.ArrayClose:
		return token{kind: tokArrayClose}
	case pdfsyntax.DictOpen:
		return token{kind: tokDictOpen}
	case pdfsyntax.DictClose:
		return token{kind: tokDictClose}
	case pdfsyntax.Delim:
		return token{kind: tokJunk}
	}
	// A regular token here starts like a number: a doubled sign, a long
	// one, or junk such as "1.2.3", which reads as an operator.
	if v, ok := number(l.Buf[off:end]); ok {
		return token{kind: tokNumber, num: v}
	}
	return token{kind: tokOp, off: off, end: end}
}

// plainNumber reads the number at b[i] in one pass when it is of the
// usual form: one optional sign, up to 15 integer digits, up to
// len(fracScale) fraction digits, then a byte that ends the token. Most
// content-stream tokens are such numbers, and reading them as they are
// scanned saves finding the token's end first and parsing it after.
// Anything else reports false and goes the general way; the value is
// number's, computed in the same order.
func plainNumber(b []byte, i int) (float64, int, bool) {
	if i >= len(b) {
		return 0, i, false
	}
	neg := false
	switch b[i] {
	case '-':
		neg = true
		i++
	case '+':
		i++
	}
	start := i
	var u uint64
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		u = u*10 + uint64(b[i]-'0')
		i++
	}
	if i-start > 15 {
		return 0, i, false
	}
	v := float64(u)
	digits := i - start
	if i < len(b) && b[i] == '.' {
		i++
		k := 0
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; k++ {
			if k == len(fracScale) {
				return 0, i, false
			}
			v += float64(b[i]-'0') * fracScale[k]
			i++
		}
		digits += k
	}
	if digits == 0 || (i < len(b) && pdfsyntax.IsRegular(b[i])) {
		return 0, i, false
	}
	if neg {
		v = -v
	}
	return v, i, true
}

// number parses a content-stream number: optional signs (some producers
// write "--5" or "-+5"), digits, optional fraction. Anything else that
// starts like one ("1.2.3", a lone "-") is an operator, that is junk.
func number(b []byte) (float64, bool) {
	i := 0
	neg := false
	for i < len(b) && (b[i] == '+' || b[i] == '-') {
		if i == 0 {
			neg = b[i] == '-'
		}
		i++
	}
	// The integer part adds up in a uint64 while it has at most 15
	// digits: below 2^53 every step of v*10+d is exact in a float64 too,
	// so converting the sum gives the very same value, a few times
	// faster. Longer integers go on in floats, as before.
	start := i
	var u uint64
	for i < len(b) && b[i] >= '0' && b[i] <= '9' && i-start < 15 {
		u = u*10 + uint64(b[i]-'0')
		i++
	}
	v := float64(u)
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		v = v*10 + float64(b[i]-'0')
		i++
	}
	digits := i - start
	if i < len(b) && b[i] == '.' {
		i++
		scale := 0.0
		for k := 0; i < len(b) && b[i] >= '0' && b[i] <= '9'; k++ {
			// fracScale[k] is 0.1 divided by 10 k times, the scale
			// the loop used to compute, without the division.
			if k < len(fracScale) {
				scale = fracScale[k]
			} else {
				scale /= 10
			}
			v += float64(b[i]-'0') * scale
			i++
			digits++
		}
	}
	if digits == 0 || i != len(b) {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// fracScale[k] is the weight of fraction digit k: 0.1, then each one the
// previous divided by 10, in float64 arithmetic.
var fracScale = func() (t [24]float64) {
	s := 0.1
	for i := range t {
		t[i] = s
		s /= 10
	}
	return t
}()
