package pdfrepair

import (
	"bytes"
	"math"
	"strconv"

	"github.com/dianres/dianres/internal/pdfsyntax"
)

// Objects are plain Go values, as in ledongthuc/pdf: nil (null), bool,
// int64, float64, pdfString, name, array, dict, ref and *stream.
type (
	name      string // a name without its slash, #xx escapes decoded
	pdfString string // the raw bytes of a literal or hex string
	array     []any
	dict      map[name]any
	keyword   string // a bare word that is not true, false or null: obj, R, stream...
	delim     byte   // '[', ']', '{', '}', '<' (for "<<") or '>' (for ">>")
)

// ref is an indirect reference "num gen R".
type ref struct{ num, gen int }

// stream is a stream object. raw aliases the input: it is the data between
// "stream" and "endstream", still filtered and maybe encrypted.
type stream struct {
	hdr dict
	raw []byte
	off int64 // offset of raw in the input, for messages

	num, gen  int  // the object it came from, for its decryption key
	encrypted bool // raw is still encrypted
}

// lexer reads tokens from data starting at pos. It never fails: malformed
// input yields odd tokens that the parser rejects or skips.
type lexer struct {
	data []byte
	pos  int
}

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		switch {
		case pdfsyntax.IsSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// eof is returned by token at the end of the data.
type eofToken struct{}

// token returns the next token: int64, float64, name, pdfString, keyword,
// delim, bool, nil (null) or eofToken{}.
func (l *lexer) token() any {
	l.skipSpace()
	for l.pos < len(l.data) && l.data[l.pos] == ')' {
		l.pos++ // a stray ')': skip it
		l.skipSpace()
	}
	if l.pos >= len(l.data) {
		return eofToken{}
	}
	c := l.data[l.pos]
	switch c {
	case '[', ']', '{', '}':
		l.pos++
		return delim(c)
	case '<':
		if l.pos+1 < len(l.data) && l.data[l.pos+1] == '<' {
			l.pos += 2
			return delim('<')
		}
		return l.hexString()
	case '>':
		l.pos++
		if l.pos < len(l.data) && l.data[l.pos] == '>' {
			l.pos++
		}
		return delim('>')
	case '(':
		return l.literalString()
	case '/':
		return l.name()
	}
	start := l.pos
	for l.pos < len(l.data) && pdfsyntax.IsRegular(l.data[l.pos]) {
		l.pos++
	}
	word := l.data[start:l.pos]
	if c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') {
		if n, ok := parseNumber(word); ok {
			return n
		}
	}
	switch string(word) { // string(word) in a switch does not allocate
	case "true":
		return true
	case "false":
		return false
	case "null":
		return nil
	case "obj":
		return keyword("obj")
	case "endobj":
		return keyword("endobj")
	case "R":
		return keyword("R")
	case "n":
		return keyword("n")
	case "f":
		return keyword("f")
	case "stream":
		return keyword("stream")
	case "xref":
		return keyword("xref")
	case "trailer":
		return keyword("trailer")
	}
	return keyword(word)
}

// parseNumber reads an integer or real, tolerating what readers tolerate:
// "-.5", "5.", a doubled sign. Integers that overflow become reals.
func parseNumber(b []byte) (any, bool) {
	if len(b) > 1 && (b[0] == '-' || b[0] == '+') && (b[1] == '-' || b[1] == '+') {
		b = b[1:]
	}
	isInt := true
	digits := 0
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			isInt = false
		case (c == '-' || c == '+') && i == 0:
		default:
			return nil, false
		}
	}
	if digits == 0 {
		return int64(0), true // a lone sign or dot, as readers do
	}
	if isInt && digits <= 18 {
		// At most 18 digits cannot overflow; parsing by hand avoids
		// converting every number to a string.
		var n int64
		neg := false
		for _, c := range b {
			switch c {
			case '-':
				neg = true
			case '+':
			default:
				n = n*10 + int64(c-'0')
			}
		}
		if neg {
			n = -n
		}
		return n, true
	}
	if isInt {
		if n, err := strconv.ParseInt(string(b), 10, 64); err == nil {
			return n, true
		}
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		if math.IsInf(f, 0) {
			return float64(0), true // 400 digits: nothing a reader could use
		}
		if f == 0 {
			return nil, false
		}
	}
	return f, true
}

func (l *lexer) hexString() pdfString {
	l.pos++ // '<'
	var out []byte
	var hi byte
	half := false
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v, ok := pdfsyntax.Unhex(c)
		if !ok {
			continue // white space, or junk a viewer would skip too
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return pdfString(out)
}

func (l *lexer) literalString() pdfString {
	l.pos++ // '('
	var out []byte
	depth := 1
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return pdfString(out)
			}
		case '\r':
			// An end of line in a string reads as a single '\n'.
			if l.pos < len(l.data) && l.data[l.pos] == '\n' {
				l.pos++
			}
			c = '\n'
		case '\\':
			var ok bool
			if c, l.pos, ok = pdfsyntax.Escape(l.data, l.pos); !ok {
				continue
			}
		}
		out = append(out, c)
	}
	return pdfString(out)
}

func (l *lexer) name() name {
	l.pos++ // '/'
	start := l.pos
	for l.pos < len(l.data) && pdfsyntax.IsRegular(l.data[l.pos]) {
		l.pos++
	}
	raw := l.data[start:l.pos]
	if bytes.IndexByte(raw, '#') < 0 {
		return name(raw)
	}
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		if raw[i] == '#' && i+2 < len(raw) {
			hi, ok1 := pdfsyntax.Unhex(raw[i+1])
			lo, ok2 := pdfsyntax.Unhex(raw[i+2])
			if ok1 && ok2 {
				out = append(out, hi<<4|lo)
				i += 2
				continue
			}
		}
		out = append(out, raw[i])
	}
	return name(out)
}
