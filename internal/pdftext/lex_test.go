package pdftext

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// lexAll renders the tokens of s, one per element, for comparison.
func lexAll(s string) []string {
	l := newLexer([]byte(s))
	var out []string
	for range 1000 {
		t := l.next()
		switch t.kind {
		case tokEOF:
			return out
		case tokNumber:
			out = append(out, fmt.Sprintf("%g", t.num))
		case tokString:
			out = append(out, fmt.Sprintf("(%q)", l.str(t)))
		case tokName:
			out = append(out, "/"+string(l.str(t)))
		case tokArrayOpen:
			out = append(out, "[")
		case tokArrayClose:
			out = append(out, "]")
		case tokDictOpen:
			out = append(out, "<<")
		case tokDictClose:
			out = append(out, ">>")
		case tokOp:
			out = append(out, string(l.raw(t)))
		case tokJunk:
			out = append(out, "junk")
		}
	}
	panic("lexer did not stop")
}

func TestLexer(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"numbers: signs, fractions, leading dot", "1 -2 +3.5 .5 -.25 4.", []string{"1", "-2", "3.5", "0.5", "-0.25", "4"}},
		{"double sign some producers write", "--5", []string{"-5"}},
		{"malformed number is one keyword", "1.2.3 Tj", []string{"1.2.3", "Tj"}},
		{"literal escapes", `(a\nb\t\(c\)\\d)`, []string{`("a\nb\t(c)\\d")`}},
		{"octal escapes, one to three digits", `(\101\60\0063)`, []string{`("A0\x063")`}},
		{"nested parentheses", "(a(b)c)", []string{`("a(b)c")`}},
		{"line continuation", "(ab\\\ncd)", []string{`("abcd")`}},
		{"CR LF in a literal reads as LF", "(a\r\nb)", []string{`("a\nb")`}},
		{"hex with spaces and odd length", "<41 42\n4>", []string{`("AB@")`}},
		{"names with #xx", "/A#20B /F1", []string{"/A B", "/F1"}},
		{"arrays and dicts", "[1 (x)] << /K /V >>", []string{"[", "1", `("x")`, "]", "<<", "/K", "/V", ">>"}},
		{"comments are skipped", "1 % comment ) ( \n 2", []string{"1", "2"}},
		{"operators with quotes and stars", `T* ' " d0`, []string{"T*", "'", `"`, "d0"}},
		{"stray delimiters are junk, not loops", ") } { >", []string{"junk", "junk", "junk", "junk"}},
		{"unterminated literal stops at the end", "(abc", []string{`("abc")`}},
		{"unterminated hex stops at the end", "<414", []string{`("A@")`}},
		{"inline image data skipped up to EI", "BI /W 1 ID \x00EI)( EI Tj", []string{"BI", "/W", "1", "ID", "Tj"}},
		{"inline image without EI runs to the end", "BI ID \x00\x01", []string{"BI", "ID"}},
		{"NUL counts as white space", "1\x002", []string{"1", "2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, lexAll(tc.in))
		})
	}
}

func TestCMap(t *testing.T) {
	cm, ops := parseCMap([]byte(`/CIDInit /ProcSet findresource begin
2 begincodespacerange <00> <80> <8140> <FFFC> endcodespacerange
3 beginbfchar <01> <0041> <02> <D83DDE00> <03> /Aacute endbfchar
2 beginbfrange <10> <12> <0061> <20> <21> [<0066006C> <00660069>] endbfrange
1 beginbfrange <0000> <FFFF> <0000> endbfrange
1 begincidrange <8140> <817F> 633 endcidrange
endcmap`))
	assert.Positive(t, ops)
	for _, tc := range []struct {
		code uint32
		want string
	}{
		{0x01, "A"}, {0x02, "😀"}, {0x03, "Á"},
		{0x10, "a"}, {0x12, "c"},
		{0x20, "fl"}, {0x21, "fi"},
		{0x4E2D, "中"}, // only the wide range covers it
	} {
		got, ok := cm.text(tc.code)
		assert.True(t, ok, "%#x", tc.code)
		assert.Equal(t, tc.want, got, "%#x", tc.code)
	}
	cid, ok := cm.cid(0x8141)
	assert.True(t, ok)
	assert.Equal(t, uint32(634), cid)

	for _, tc := range []struct {
		in   string
		code uint32
		n    int
	}{
		{"\x41\x81\x40", 0x41, 1},
		{"\x81\x40\x41", 0x8140, 2},
		{"\x81", 0x81, 1}, // a truncated 2-byte code
		{"\xff\xff", 0xff, 1},
	} {
		code, n := cm.split([]byte(tc.in))
		assert.Equal(t, tc.code, code, "%q", tc.in)
		assert.Equal(t, tc.n, n, "%q", tc.in)
	}
}

func TestCMapGarbage(t *testing.T) {
	for _, in := range []string{
		"endbfchar endbfrange endcidrange endcodespacerange",
		"1 beginbfrange <FF> <00> <0041> endbfrange",                        // reversed range
		"1 beginbfrange <00> <01> [<0041> endbfrange",                       // unclosed array
		"1 begincodespacerange <0000000000> <FFFFFFFFFF> endcodespacerange", // too long
		strings.Repeat("<", 1000),
	} {
		cm, _ := parseCMap([]byte(in))
		_, _ = cm.text(0)
		_, _ = cm.split([]byte{0, 0, 0})
	}
}

func TestGlyphText(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"Oacute", "Ó"}, {"ntilde", "ñ"}, {"uni00D1", "Ñ"}, {"uni00410042", "AB"},
		{"u1F600", "😀"}, {"f_i", "fi"}, {"a.sc", "a"}, {"Eacute.alt", "É"},
		{".notdef", ""}, {"g123", ""}, {"cid42", ""}, {"uniD800", ""}, {"uni004", ""},
	} {
		assert.Equal(t, tc.want, glyphText(tc.name), tc.name)
	}
}

func TestEncodingTables(t *testing.T) {
	assert.Equal(t, 'Ó', winAnsiEncoding[0xD3])
	assert.Equal(t, '€', winAnsiEncoding[0x80])
	assert.Equal(t, 'Ñ', macRomanEncoding[0x84])
	assert.Equal(t, 'ˇ', macRomanEncoding[0xFF])
	assert.Equal(t, '€', pdfDocEncoding[0xA0])
	assert.Equal(t, 'ž', pdfDocEncoding[0x9E])
	assert.Equal(t, '’', standardEncoding['\''])
	assert.Equal(t, 'Α', symbolEncoding['A'])
	assert.Equal(t, uint16(556), stdFonts["Helvetica"].byRune['0'])
	assert.Equal(t, uint16(600), stdFonts["Courier-Bold"].byRune['W'])
}

func TestStdFontAliases(t *testing.T) {
	for name, want := range map[string]string{
		"Arial": "Helvetica", "Arial,Bold": "Helvetica-Bold", "Arial-BoldItalicMT": "Helvetica-BoldOblique",
		"TimesNewRomanPSMT": "Times-Roman", "TimesNewRoman,Italic": "Times-Italic", "CourierNewPS-BoldMT": "Courier-Bold",
	} {
		assert.Same(t, stdFonts[want], stdFontFor(name), name)
	}
	assert.Nil(t, stdFontFor("Calibri"))
	assert.Equal(t, "Arial", baseName("ABCDEF+Arial"))
	assert.Equal(t, "abcdef+Arial", baseName("abcdef+Arial"))
}

func TestCompose(t *testing.T) {
	r, ok := compose('O', combAcute)
	assert.True(t, ok)
	assert.Equal(t, 'Ó', r)
	r, ok = compose('n', combTilde)
	assert.True(t, ok)
	assert.Equal(t, 'ñ', r)
	_, ok = compose('x', combAcute)
	assert.False(t, ok)
}

func TestIdentityReflection(t *testing.T) {
	// idOf reads an unexported ledongthuc field: fail loudly if a new
	// version renames it, rather than losing cycle detection silently.
	data := OnePage(TestPage{Content: "BT ET"})
	doc, err := OpenBytes(t.Context(), data, "", Limits{})
	if !assert.NoError(t, err) {
		return
	}
	id, ok := idOf(doc.pages[0].v)
	assert.True(t, ok)
	assert.NotZero(t, id.Num)
}

// TestPlainNumber checks the one-pass reading against number, which
// defines the value, on the forms it takes and the ones it leaves.
func TestPlainNumber(t *testing.T) {
	for _, s := range []string{"0", "7", "-12", "+3.5", ".5", "-.25", "4.", "-0", "123456789012345",
		"1234567890123456", "0.123456789012345678901234", "0.1234567890123456789012345",
		"-", ".", "+-5", "--5", "1.2.3", "12a", "1e5", "3.14159/F1", "2(x)", "9 "} {
		v, end, ok := plainNumber([]byte(s), 0)
		word := strings.TrimRight(strings.SplitN(strings.SplitN(strings.SplitN(s, "/", 2)[0], "(", 2)[0], " ", 2)[0], " ")
		want, wantOK := number([]byte(word))
		if ok {
			assert.True(t, wantOK, s)
			assert.Equal(t, len(word), end, s)
			assert.Equal(t, math.Float64bits(want), math.Float64bits(v), s)
		}
	}
	for _, s := range []string{"1", "-2.5", "0.75", "612"} {
		_, _, ok := plainNumber([]byte(s+" "), 0)
		assert.True(t, ok, s)
	}
}
