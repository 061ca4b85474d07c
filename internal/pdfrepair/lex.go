package pdfrepair

import (
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

// lexer reads object tokens from data starting at pos, with the
// module's one lexer, pdfsyntax.Lexer. It never fails: malformed input
// yields odd tokens that the parser rejects or skips.
type lexer struct {
	data    []byte
	pos     int
	scratch []byte // pdfsyntax's decoding buffer, kept between tokens
}

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	sl := pdfsyntax.Lexer{Buf: l.data, Pos: l.pos}
	sl.SkipSpace()
	l.pos = sl.Pos
}

// eof is returned by token at the end of the data.
type eofToken struct{}

// token returns the next token: int64, float64, name, pdfString, keyword,
// delim, bool, nil (null) or eofToken{}. A stray ')' is skipped; a single
// '>' reads as ">>".
func (l *lexer) token() any {
	sl := pdfsyntax.Lexer{Buf: l.data, Pos: l.pos, Scratch: l.scratch[:0]}
	defer func() { l.pos, l.scratch = sl.Pos, sl.Scratch }()
	for {
		t := sl.Next()
		switch t.Kind {
		case pdfsyntax.EOF:
			return eofToken{}
		case pdfsyntax.ArrayOpen:
			return delim('[')
		case pdfsyntax.ArrayClose:
			return delim(']')
		case pdfsyntax.DictOpen:
			return delim('<')
		case pdfsyntax.DictClose:
			return delim('>')
		case pdfsyntax.String:
			return pdfString(sl.Bytes(t))
		case pdfsyntax.Name:
			return name(sl.Bytes(t))
		case pdfsyntax.Delim:
			if c := t.Raw[0]; c != ')' {
				return delim(c) // '>', '{' or '}'
			}
			continue // a stray ')': skip it
		}
		return regular(t.Raw)
	}
}

// regular reads a run of regular characters: a number, true, false,
// null or a keyword.
func regular(word []byte) any {
	if c := word[0]; c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') {
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
