package pdfsyntax

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLexer(t *testing.T) {
	type tok struct {
		kind Kind
		text string // Raw, or the decoded bytes of a String or Name
	}
	for _, tc := range []struct {
		name, in string
		want     []tok
	}{
		{"object syntax", "<< /Type /Page /Kids [3 0 R] >>", []tok{
			{DictOpen, ""}, {Name, "Type"}, {Name, "Page"}, {Name, "Kids"}, {ArrayOpen, ""},
			{Regular, "3"}, {Regular, "0"}, {Regular, "R"}, {ArrayClose, ""}, {DictClose, ""},
		}},
		{"content syntax", "BT /F1 12 Tf (a\\)b) Tj <4142 4> Tj ET", []tok{
			{Regular, "BT"}, {Name, "F1"}, {Regular, "12"}, {Regular, "Tf"}, {String, "a)b"}, {Regular, "Tj"},
			{String, "AB@"}, {Regular, "Tj"}, {Regular, "ET"},
		}},
		{"comments, name escapes, nested parentheses", "% c\n/A#42 (x(y)z)", []tok{{Name, "AB"}, {String, "x(y)z"}}},
		{"stray delimiters are tokens of their own", ") > { }", []tok{{Delim, ")"}, {Delim, ">"}, {Delim, "{"}, {Delim, "}"}}},
		{"CR LF in a literal reads as LF", "(a\r\nb)", []tok{{String, "a\nb"}}},
		{"unterminated string runs to the end", "(abc", []tok{{String, "abc"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := Lexer{Buf: []byte(tc.in)}
			var got []tok
			for tk := l.Next(); tk.Kind != EOF; tk = l.Next() {
				text := string(tk.Raw)
				if tk.Kind == String || tk.Kind == Name {
					text = string(l.Bytes(tk))
				}
				got = append(got, tok{tk.Kind, text})
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestSkipInlineImage(t *testing.T) {
	l := Lexer{Buf: []byte("ID \x00EIx EI\nQ")}
	assert.Equal(t, "ID", string(l.Next().Raw))
	l.SkipInlineImage()
	assert.Equal(t, "Q", string(l.Next().Raw), "EI inside the data is not the end")
}

func FuzzLexer(f *testing.F) {
	f.Add([]byte("<< /A (b\\051) <41> [1 -2.5 R] >> BT ET ID x EI"))
	f.Fuzz(func(t *testing.T, b []byte) {
		l := Lexer{Buf: b}
		for n := 0; ; n++ {
			pos := l.Pos
			tk := l.Next()
			if tk.Kind == EOF {
				return
			}
			if l.Pos <= pos || n > len(b) {
				t.Fatalf("no progress at %d", pos)
			}
		}
	})
}
