package pdftext

import (
	"bytes"

	"github.com/dianres/dianres/internal/pdfsyntax"
)

// tokKind is the kind of a content-stream token (PDF 32000 §7.2, §7.8.2).
type tokKind uint8

const (
	tokEOF tokKind = iota
	tokNumber
	tokString // literal or hex; decoded bytes in lexer.scratch
	tokName   // without the slash, #xx decoded, in lexer.scratch
	tokArrayOpen
	tokArrayClose
	tokDictOpen
	tokDictClose
	tokOp   // operator or other keyword (true, false, null); bytes in token.raw
	tokJunk // a byte that starts no token, e.g. a stray ')' or '}'
)

// token is one lexical token. Strings and names live in lexer.scratch
// between off and end so that lexing allocates nothing; the scratch is
// reset by the caller once the operands are consumed.
type token struct {
	kind     tokKind
	num      float64
	off, end int    // tokString, tokName: span of lexer.scratch
	raw      []byte // tokOp: the keyword, aliasing the input
}

// lexer splits a content stream (or a CMap, which has the same syntax)
// into tokens. Every call to next consumes at least one byte or returns
// tokEOF, so no input makes it loop.
type lexer struct {
	buf     []byte
	pos     int
	scratch []byte
}

// str returns the scratch bytes of a tokString or tokName.
func (l *lexer) str(t token) []byte { return l.scratch[t.off:t.end] }

func (l *lexer) next() token {
	b := l.buf
	for l.pos < len(b) {
		c := b[l.pos]
		if pdfsyntax.IsSpace(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(b) && b[l.pos] != '\n' && b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		break
	}
	if l.pos >= len(b) {
		return token{kind: tokEOF}
	}
	c := b[l.pos]
	switch {
	case c == '(':
		return l.literal()
	case c == '<':
		if l.pos+1 < len(b) && b[l.pos+1] == '<' {
			l.pos += 2
			return token{kind: tokDictOpen}
		}
		return l.hex()
	case c == '>':
		if l.pos+1 < len(b) && b[l.pos+1] == '>' {
			l.pos += 2
			return token{kind: tokDictClose}
		}
		l.pos++
		return token{kind: tokJunk}
	case c == '[':
		l.pos++
		return token{kind: tokArrayOpen}
	case c == ']':
		l.pos++
		return token{kind: tokArrayClose}
	case c == '/':
		return l.name()
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		if t, ok := l.number(); ok {
			return t
		}
	case pdfsyntax.IsDelim(c):
		l.pos++
		return token{kind: tokJunk}
	}
	start := l.pos
	for l.pos < len(b) && pdfsyntax.IsRegular(b[l.pos]) {
		l.pos++
	}
	t := token{kind: tokOp, raw: b[start:l.pos]}
	if len(t.raw) == 2 && t.raw[0] == 'I' && t.raw[1] == 'D' {
		l.skipInlineImage()
	}
	return t
}

// number parses a PDF number: optional sign, digits, optional fraction.
// Anything else starting like one ("1.2.3", "--5") is left to the
// operator path so it is consumed as one junk keyword.
func (l *lexer) number() (token, bool) {
	b := l.buf
	i := l.pos
	neg := false
	if b[i] == '+' || b[i] == '-' {
		neg = b[i] == '-'
		i++
		// Some producers write "--5" or "-+5"; read it as the number.
		for i < len(b) && (b[i] == '-' || b[i] == '+') {
			i++
		}
	}
	var v float64
	digits := 0
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		v = v*10 + float64(b[i]-'0')
		i++
		digits++
	}
	if i < len(b) && b[i] == '.' {
		i++
		scale := 0.1
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			v += float64(b[i]-'0') * scale
			scale /= 10
			i++
			digits++
		}
	}
	if digits == 0 || (i < len(b) && pdfsyntax.IsRegular(b[i])) {
		return token{}, false
	}
	l.pos = i
	if neg {
		v = -v
	}
	return token{kind: tokNumber, num: v}, true
}

func (l *lexer) literal() token {
	b := l.buf
	l.pos++ // (
	off := len(l.scratch)
	depth := 1
	for l.pos < len(b) {
		c := b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return token{kind: tokString, off: off, end: len(l.scratch)}
			}
		case '\\':
			var ok bool
			if c, l.pos, ok = pdfsyntax.Escape(b, l.pos); !ok {
				continue // line continuation
			}
		case '\r':
			// End-of-line in a literal string reads as \n (§7.3.4.2).
			if l.pos < len(b) && b[l.pos] == '\n' {
				l.pos++
			}
			c = '\n'
		}
		l.scratch = append(l.scratch, c)
	}
	return token{kind: tokString, off: off, end: len(l.scratch)}
}

func (l *lexer) hex() token {
	b := l.buf
	l.pos++ // <
	off := len(l.scratch)
	var hi byte
	half := false
	for l.pos < len(b) {
		c := b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v, ok := pdfsyntax.Unhex(c)
		if !ok {
			continue // white space and junk are ignored
		}
		if half {
			l.scratch = append(l.scratch, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		l.scratch = append(l.scratch, hi<<4) // odd digit count: final 0 assumed
	}
	return token{kind: tokString, off: off, end: len(l.scratch)}
}

func (l *lexer) name() token {
	b := l.buf
	l.pos++ // /
	off := len(l.scratch)
	for l.pos < len(b) && pdfsyntax.IsRegular(b[l.pos]) {
		c := b[l.pos]
		l.pos++
		if c == '#' && l.pos+1 < len(b) {
			h, ok1 := pdfsyntax.Unhex(b[l.pos])
			lo, ok2 := pdfsyntax.Unhex(b[l.pos+1])
			if ok1 && ok2 {
				c = h<<4 | lo
				l.pos += 2
			}
		}
		l.scratch = append(l.scratch, c)
	}
	return token{kind: tokName, off: off, end: len(l.scratch)}
}

// skipInlineImage skips the binary data after an ID operator up to and
// including the EI that ends it (§8.9.7). The data has no length, so EI
// must be preceded by white space and followed by white space or the end.
func (l *lexer) skipInlineImage() {
	b := l.buf
	if l.pos < len(b) && pdfsyntax.IsSpace(b[l.pos]) {
		l.pos++
	}
	for {
		i := bytes.Index(b[l.pos:], []byte("EI"))
		if i < 0 {
			l.pos = len(b)
			return
		}
		at := l.pos + i
		l.pos = at + 2
		if (at == 0 || pdfsyntax.IsSpace(b[at-1])) && (at+2 == len(b) || pdfsyntax.IsSpace(b[at+2])) {
			return
		}
	}
}
