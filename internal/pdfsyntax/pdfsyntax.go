// Package pdfsyntax is the module's one PDF lexer (PDF 32000-1 §7.2–7.3):
// internal/pdfrepair reads objects with it, internal/pdftext content
// streams and CMaps. [Lexer] finds tokens and decodes strings and names;
// what a run of regular characters means (integer, real, keyword,
// operator) is each caller's to decide, as objects and content streams
// tolerate different damage.
package pdfsyntax

// class of each byte: 0 regular, 1 white space, 2 delimiter (§7.2.2).
var class = func() (t [256]byte) {
	for _, c := range []byte("\x00\t\n\f\r ") {
		t[c] = 1
	}
	for _, c := range []byte("()<>[]{}/%") {
		t[c] = 2
	}
	return t
}()

// IsSpace reports whether c is PDF white space.
func IsSpace(c byte) bool { return class[c] == 1 }

// IsDelim reports whether c is a PDF delimiter.
func IsDelim(c byte) bool { return class[c] == 2 }

// IsRegular reports whether c is neither white space nor a delimiter.
func IsRegular(c byte) bool { return class[c] == 0 }

// hexVal is the value of each hexadecimal digit, 0xFF for other bytes.
var hexVal = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xFF
	}
	for i := range 10 {
		t['0'+i] = byte(i)
	}
	for i := range 6 {
		t['a'+i], t['A'+i] = byte(10+i), byte(10+i)
	}
	return t
}()

// Unhex returns the value of the hexadecimal digit c.
func Unhex(c byte) (byte, bool) {
	v := hexVal[c]
	return v, v != 0xFF
}

// Escape decodes the escape sequence of a literal string that starts at
// b[i], just after its backslash (§7.3.4.2). It returns the byte it
// stands for and the index after it; ok is false for a line continuation
// (backslash and end of line), which stands for nothing, and at the end of
// b. Unknown escapes, and \( \) \\, stand for the character itself.
func Escape(b []byte, i int) (c byte, next int, ok bool) {
	if i >= len(b) {
		return 0, i, false
	}
	c, i = b[i], i+1
	switch c {
	case 'n':
		return '\n', i, true
	case 'r':
		return '\r', i, true
	case 't':
		return '\t', i, true
	case 'b':
		return '\b', i, true
	case 'f':
		return '\f', i, true
	case '\r':
		if i < len(b) && b[i] == '\n' {
			i++
		}
		return 0, i, false
	case '\n':
		return 0, i, false
	case '0', '1', '2', '3', '4', '5', '6', '7':
		v := int(c - '0')
		for k := 0; k < 2 && i < len(b) && b[i] >= '0' && b[i] <= '7'; k++ {
			v = v*8 + int(b[i]-'0')
			i++
		}
		return byte(v), i, true
	}
	return c, i, true
}
