package pdfsyntax

import "bytes"

// Kind is the kind of a Token.
type Kind uint8

const (
	EOF        Kind = iota
	Regular         // a run of regular characters: a number or a keyword, in Token.Raw
	String          // a literal or hex string, decoded into Lexer.Scratch
	Name            // a name without its slash, #xx decoded, in Lexer.Scratch
	ArrayOpen       // [
	ArrayClose      // ]
	DictOpen        // <<
	DictClose       // >>
	Delim           // any other delimiter that starts no token: ) > { }, in Token.Raw
)

// Token is one lexical token. Raw aliases the input; a String or Name
// lives in the Lexer's Scratch between Off and End, so lexing allocates
// nothing but the scratch's growth. What a Regular token means (integer,
// real, operator, true, null…) is the caller's to decide.
type Token struct {
	Kind     Kind
	Raw      []byte
	Off, End int
}

// Lexer splits PDF syntax into tokens (§7.2, §7.3): objects in the file
// body, content streams and CMaps alike. Every call to Next consumes at
// least one byte or returns EOF, so no input makes a caller loop. The
// zero Lexer over Buf starts at Pos 0.
type Lexer struct {
	Buf     []byte
	Pos     int
	Scratch []byte // decoded strings and names; the caller resets it
}

// Bytes returns the decoded bytes of a String or Name token.
func (l *Lexer) Bytes(t Token) []byte { return l.Scratch[t.Off:t.End] }

// SkipSpace skips white space and comments.
//
// It, and the scans in NextSpan, work on a local index: a loop on l.Pos
// would load and store the field for every byte.
func (l *Lexer) SkipSpace() {
	b, i := l.Buf, l.Pos
	for i < len(b) {
		c := b[i]
		if IsSpace(c) {
			i++
			continue
		}
		if c == '%' {
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
			continue
		}
		break
	}
	l.Pos = i
}

// Next returns the next token.
func (l *Lexer) Next() Token {
	k, off, end := l.NextSpan()
	switch k {
	case Regular, Delim:
		return Token{Kind: k, Raw: l.Buf[off:end]}
	case String, Name:
		return Token{Kind: k, Off: off, End: end}
	}
	return Token{Kind: k}
}

// NextSpan is Next returning the token as a span rather than a Token:
// for a Regular or Delim token, Buf[off:end]; for a String or Name,
// Scratch[off:end]; nothing for the others. Three values come back in
// registers, so a hot loop (a content stream has tens of thousands of
// tokens) does not copy a Token through memory for each.
func (l *Lexer) NextSpan() (k Kind, off, end int) {
	l.SkipSpace()
	b := l.Buf
	if l.Pos >= len(b) {
		return EOF, 0, 0
	}
	c := b[l.Pos]
	switch c {
	case '(':
		return l.literal()
	case '<':
		if l.Pos+1 < len(b) && b[l.Pos+1] == '<' {
			l.Pos += 2
			return DictOpen, 0, 0
		}
		return l.hex()
	case '>':
		if l.Pos+1 < len(b) && b[l.Pos+1] == '>' {
			l.Pos += 2
			return DictClose, 0, 0
		}
		l.Pos++
		return Delim, l.Pos - 1, l.Pos
	case '[':
		l.Pos++
		return ArrayOpen, 0, 0
	case ']':
		l.Pos++
		return ArrayClose, 0, 0
	case '/':
		return l.name()
	}
	if IsDelim(c) {
		l.Pos++
		return Delim, l.Pos - 1, l.Pos
	}
	start, i := l.Pos, l.Pos
	for i < len(b) && IsRegular(b[i]) {
		i++
	}
	l.Pos = i
	return Regular, start, i
}

func (l *Lexer) literal() (Kind, int, int) {
	b, i, out := l.Buf, l.Pos+1, l.Scratch // past (
	off := len(out)
	depth := 1
	for i < len(b) {
		c := b[i]
		i++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				l.Pos, l.Scratch = i, out
				return String, off, len(out)
			}
		case '\\':
			var ok bool
			if c, i, ok = Escape(b, i); !ok {
				continue // line continuation
			}
		case '\r':
			// End-of-line in a literal string reads as \n (§7.3.4.2).
			if i < len(b) && b[i] == '\n' {
				i++
			}
			c = '\n'
		}
		out = append(out, c)
	}
	l.Pos, l.Scratch = i, out
	return String, off, len(out)
}

func (l *Lexer) hex() (Kind, int, int) {
	b, i, out := l.Buf, l.Pos+1, l.Scratch // past <
	off := len(out)
	// Producers write the digits in pairs, mostly without spaces: a pair
	// of digits is one byte, read at once, until anything else comes.
	// hexVal is 0xFF for a non-digit, so h|lo > 15 catches either.
	for i+1 < len(b) {
		h, lo := hexVal[b[i]], hexVal[b[i+1]]
		if h|lo > 15 {
			break
		}
		out = append(out, h<<4|lo)
		i += 2
	}
	var hi byte
	half := false
	for i < len(b) {
		c := b[i]
		i++
		if c == '>' {
			break
		}
		v, ok := Unhex(c)
		if !ok {
			continue // white space and junk are ignored
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4) // odd digit count: final 0 assumed
	}
	l.Pos, l.Scratch = i, out
	return String, off, len(out)
}

func (l *Lexer) name() (Kind, int, int) {
	b, i, out := l.Buf, l.Pos+1, l.Scratch // past /
	off := len(out)
	for i < len(b) && IsRegular(b[i]) {
		c := b[i]
		i++
		if c == '#' && i+1 < len(b) {
			h, ok1 := Unhex(b[i])
			lo, ok2 := Unhex(b[i+1])
			if ok1 && ok2 {
				c = h<<4 | lo
				i += 2
			}
		}
		out = append(out, c)
	}
	l.Pos, l.Scratch = i, out
	return Name, off, len(out)
}

// SkipInlineImage skips the binary data after an inline image's ID
// operator up to and including the EI that ends it (§8.9.7). The data has
// no length, so EI must be preceded by white space and followed by white
// space or the end.
func (l *Lexer) SkipInlineImage() {
	b := l.Buf
	if l.Pos < len(b) && IsSpace(b[l.Pos]) {
		l.Pos++
	}
	for {
		i := bytes.Index(b[l.Pos:], []byte("EI"))
		if i < 0 {
			l.Pos = len(b)
			return
		}
		at := l.Pos + i
		l.Pos = at + 2
		if (at == 0 || IsSpace(b[at-1])) && (at+2 == len(b) || IsSpace(b[at+2])) {
			return
		}
	}
}
