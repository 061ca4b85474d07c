package pdfrepair

import (
	"math"
	"strconv"
	"strings"

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

// lexer reads object tokens from Buf starting at Pos, with the
// module's one lexer, pdfsyntax.Lexer, embedded so that a token costs no
// copy of its state. It never fails: malformed input yields odd tokens
// that the parser rejects or skips.
type lexer struct {
	pdfsyntax.Lexer
	// ahead holds the last two regular tokens lexed, by where lexing
	// started: the parser looks two tokens past every integer for
	// "gen R", so without them each number of a /W or /Widths array
	// would be lexed three times. Buf must not change under them.
	ahead [2]lexed
	slot  int
}

// lexed is a regular token Buf[off:end] that lexing from at found, with
// the position after it in next. The zero lexed matches nothing, as a
// regular token is never empty.
type lexed struct{ at, off, end, next int }

// nextSpan is NextSpan, taking a regular token from ahead when it was
// lexed already.
func (l *lexer) nextSpan() (k pdfsyntax.Kind, off, end int) {
	for i := range l.ahead {
		if a := &l.ahead[i]; a.at == l.Pos && a.end > a.off {
			l.Pos = a.next
			return pdfsyntax.Regular, a.off, a.end
		}
	}
	at := l.Pos
	k, off, end = l.NextSpan()
	if k == pdfsyntax.Regular {
		l.ahead[l.slot] = lexed{at, off, end, l.Pos}
		l.slot ^= 1
	}
	return k, off, end
}

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() { l.SkipSpace() }

// eof is returned by token at the end of the data.
type eofToken struct{}

// token returns the next token: int64, float64, name, pdfString, keyword,
// delim, bool, nil (null) or eofToken{}. A stray ')' is skipped; a single
// '>' reads as ">>".
func (l *lexer) token() any {
	sl := &l.Lexer
	sl.Scratch = sl.Scratch[:0]
	for {
		k, off, end := l.nextSpan()
		switch k {
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
			return pdfString(sl.Scratch[off:end])
		case pdfsyntax.Name:
			if v, ok := commonNames[string(sl.Scratch[off:end])]; ok {
				return v // boxed once, at init
			}
			return name(sl.Scratch[off:end])
		case pdfsyntax.Delim:
			if c := sl.Buf[off]; c != ')' {
				return delim(c) // '>', '{' or '}'
			}
			continue // a stray ')': skip it
		}
		return regular(sl.Buf[off:end])
	}
}

// regular reads a run of regular characters: a number, true, false,
// null or a keyword.
func regular(word []byte) any {
	if c := word[0]; c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') {
		if n, f, isInt, ok := number(word); ok {
			if !isInt {
				return f
			}
			if n >= 0 && n < int64(len(smallInts)) {
				return smallInts[n] // boxed once, at init
			}
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

// number reads an integer or real, tolerating what readers tolerate:
// "-.5", "5.", a doubled sign. It gives an integer in n when isInt, else a
// real in f; integers that overflow become reals.
func number(b []byte) (n int64, f float64, isInt, ok bool) {
	// Most numbers in a file are unsigned integers (widths, lengths,
	// object numbers): read those in one pass. 18 digits cannot overflow.
	if len(b) <= 18 {
		i := 0
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			n = n*10 + int64(b[i]-'0')
		}
		if i == len(b) && i > 0 {
			return n, 0, true, true
		}
		n = 0
	}
	if len(b) > 1 && (b[0] == '-' || b[0] == '+') && (b[1] == '-' || b[1] == '+') {
		b = b[1:]
	}
	isInt = true
	digits := 0
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			isInt = false
		case (c == '-' || c == '+') && i == 0:
		default:
			return 0, 0, false, false
		}
	}
	if digits == 0 {
		return 0, 0, true, true // a lone sign or dot, as readers do
	}
	if isInt && digits <= 18 {
		// At most 18 digits cannot overflow; parsing by hand avoids
		// converting every number to a string.
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
		return n, 0, true, true
	}
	if isInt {
		if n, err := strconv.ParseInt(string(b), 10, 64); err == nil {
			return n, 0, true, true
		}
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		if math.IsInf(f, 0) {
			return 0, 0, false, true // 400 digits: nothing a reader could use
		}
		if f == 0 {
			return 0, 0, false, false
		}
	}
	return 0, f, false, true
}

// smallInts and commonNames are values boxed once: putting an int64 above
// 255 or a string in an interface allocates, and widths, lengths, object
// numbers and dictionary keys are most of what a file holds.
var (
	smallInts = func() (t [4096]any) {
		for i := range t {
			t[i] = int64(i)
		}
		return t
	}()
	commonNames = func() map[string]any {
		m := map[string]any{}
		for _, n := range strings.Fields(`Type Subtype Font Page Pages Kids Count Parent Resources
			MediaBox CropBox Contents Length Filter FlateDecode DecodeParms Predictor Columns
			BaseFont Encoding ToUnicode FirstChar LastChar Widths FontDescriptor Flags FontBBox
			ItalicAngle Ascent Descent CapHeight StemV StemH XHeight FontName FontFile FontFile2
			FontFile3 FontFamily FontStretch FontWeight MissingWidth AvgWidth MaxWidth Leading
			CIDSystemInfo Registry Ordering Supplement DescendantFonts DW W CIDToGIDMap Identity
			Identity-H Identity-V Type0 Type1 Type3 TrueType CIDFontType0 CIDFontType2 WinAnsiEncoding
			MacRomanEncoding StandardEncoding Differences BaseEncoding XObject Form Image BBox Matrix
			ProcSet PDF Text ImageB ImageC ImageI ExtGState ColorSpace Pattern Shading Annots Annot
			Rect Border AP N AS F DA Widget FreeText Stamp Link FT V Ff MaxLen Catalog Outlines
			Metadata XML Info Producer Creator CreationDate ModDate Title Author Root Size Prev ID
			Encrypt XRef Index ObjStm First Rotate Group Transparency S CS DeviceRGB DeviceGray
			DeviceCMYK Width Height BitsPerComponent Interpolate SMask Mask DCTDecode Lang
			StructParents MarkInfo Marked ViewerPreferences PageLayout PageMode Names
			OpenAction Dests CA ca BM Normal SA LW LC LJ ML D RI OP op OPM TK GS0 GS1 F1 F2 F3 F4 F5
			F6 Fm0 Fm1 Im0 Im1 Tabs Q P R ArtBox TrimBox BleedBox`) {
			m[n] = name(n)
		}
		return m
	}()
)
