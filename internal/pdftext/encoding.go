package pdftext

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Built-in simple-font encodings (PDF 32000 Annex D). StandardEncoding
// and the Symbol encoding are generated from AFM files (tables_gen.go).

// winAnsiEncoding is WinAnsiEncoding: Windows code page 1252, with the
// undefined codes left unmapped.
var winAnsiEncoding = func() (e [256]rune) {
	for c := 0x20; c < 0x7F; c++ {
		e[c] = rune(c)
	}
	for c := 0xA0; c <= 0xFF; c++ {
		e[c] = rune(c)
	}
	hi := [32]rune{
		0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
		0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
	}
	copy(e[0x80:], hi[:])
	return e
}()

// asciiEncoding maps printable ASCII only.
var asciiEncoding = func() (e [256]rune) {
	for c := 0x20; c < 0x7F; c++ {
		e[c] = rune(c)
	}
	return e
}()

// macRomanEncoding is MacRomanEncoding.
var macRomanEncoding = func() (e [256]rune) {
	for c := 0x20; c < 0x7F; c++ {
		e[c] = rune(c)
	}
	copy(e[0x80:], []rune(
		"ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü"+
			"†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø"+
			"¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄¤‹›ﬁﬂ"+
			"‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ"))
	return e
}()

// pdfDocEncoding is PDFDocEncoding (Annex D.2); not a valid font
// encoding, but some producers name it.
var pdfDocEncoding = func() (e [256]rune) {
	for c := 0x20; c < 0x7F; c++ {
		e[c] = rune(c)
	}
	copy(e[0x18:], []rune("˘ˇˆ˙˝˛˚˜"))
	copy(e[0x80:], []rune("•†‡…—–ƒ⁄‹›−‰„“”‘’‚™ﬁﬂŁŒŠŸŽıłœšž"))
	e[0xA0] = 0x20AC
	for c := 0xA1; c <= 0xFF; c++ {
		e[c] = rune(c)
	}
	e[0xAD] = 0
	return e
}()

// encodingByName returns the named base encoding.
func encodingByName(n string) (*[256]rune, bool) {
	switch n {
	case "WinAnsiEncoding":
		return &winAnsiEncoding, true
	case "MacRomanEncoding", "MacExpertEncoding":
		return &macRomanEncoding, true
	case "StandardEncoding":
		return &standardEncoding, true
	case "PDFDocEncoding":
		return &pdfDocEncoding, true
	}
	return nil, false
}

// glyphText maps a glyph name to its text: the Adobe Glyph List, then the
// AGL specification's rules for uniXXXX, uXXXX[XX], suffixes (".sc") and
// ligatures ("f_i"). It returns "" for names with no known meaning
// (".notdef", "g123", "cid42").
func glyphText(name string) string {
	if r, ok := glyphNames[name]; ok {
		return runeText(r)
	}
	if i := strings.IndexByte(name, '.'); i >= 0 {
		if i == 0 {
			return ""
		}
		name = name[:i]
	}
	if strings.Contains(name, "_") {
		var b strings.Builder
		for part := range strings.SplitSeq(name, "_") {
			t := glyphComponent(part)
			if t == "" {
				return ""
			}
			b.WriteString(t)
		}
		return b.String()
	}
	return glyphComponent(name)
}

func glyphComponent(name string) string {
	if r, ok := glyphNames[name]; ok {
		return runeText(r)
	}
	switch {
	case strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0:
		var b strings.Builder
		for i := 3; i < len(name); i += 4 {
			v, err := strconv.ParseUint(name[i:i+4], 16, 32)
			if err != nil || !validText(rune(v)) {
				return ""
			}
			b.WriteRune(rune(v))
		}
		return b.String()
	case strings.HasPrefix(name, "u") && len(name) >= 5 && len(name) <= 7:
		v, err := strconv.ParseUint(name[1:], 16, 32)
		if err != nil || !validText(rune(v)) {
			return ""
		}
		return runeText(rune(v))
	}
	return ""
}

// validText reports whether r can stand for a glyph's text.
func validText(r rune) bool {
	return r >= 0x20 && utf8.ValidRune(r) && r != utf8.RuneError && (r < 0x7F || r >= 0xA0)
}

// Spanish accents as producers draw them: combining marks after the base
// letter, or a spacing accent glyph placed over it.
const (
	combAcute     = '\u0301'
	combGrave     = '\u0300'
	combTilde     = '\u0303'
	combDiaeresis = '\u0308'
)

// combiningOf maps a combining mark or a spacing accent glyph to the
// combining mark it stands for.
func combiningOf(r rune) (rune, bool) {
	switch r {
	case combAcute, '\u00B4', '\u02CA':
		return combAcute, true
	case combGrave, '`', '\u02CB':
		return combGrave, true
	case combTilde, '\u02DC', '~':
		return combTilde, true
	case combDiaeresis, '\u00A8':
		return combDiaeresis, true
	}
	return 0, false
}

// isSpacingAccent reports whether r is drawn as its own glyph.
func isSpacingAccent(r rune) bool {
	switch r {
	case '\u00B4', '\u02CA', '`', '\u02CB', '\u02DC', '~', '\u00A8':
		return true
	}
	return false
}

// compose returns the precomposed letter for base + combining mark, as NFC
// would for the letters of Spanish (and its neighbours).
func compose(base, mark rune) (rune, bool) {
	var from, to string
	switch mark {
	case combAcute:
		from, to = "AEIOUYaeiouyNnCc", "ÁÉÍÓÚÝáéíóúýŃńĆć"
	case combGrave:
		from, to = "AEIOUaeiou", "ÀÈÌÒÙàèìòù"
	case combTilde:
		from, to = "NnAOao", "ÑñÃÕãõ"
	case combDiaeresis:
		from, to = "AEIOUaeiouy", "ÄËÏÖÜäëïöüÿ"
	default:
		return 0, false
	}
	i := strings.IndexRune(from, base)
	if i < 0 {
		return 0, false
	}
	return []rune(to)[i], true // from is ASCII, so i counts runes
}

// textString decodes a PDF text string (§7.9.2.2): UTF-16BE or UTF-8
// after their byte order marks, else PDFDocEncoding. Control codes other
// than tab and line ends, and codes PDFDocEncoding leaves undefined, are
// dropped.
func textString(raw string) string {
	switch {
	case strings.HasPrefix(raw, "\xFE\xFF"):
		b := raw[2:]
		u := make([]uint16, 0, len(b)/2)
		for i := 0; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	case strings.HasPrefix(raw, "\xEF\xBB\xBF"):
		return strings.ToValidUTF8(raw[3:], "\uFFFD")
	}
	var sb strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch r := pdfDocEncoding[c]; {
		case r != 0:
			sb.WriteRune(r)
		case c == '\t' || c == '\n' || c == '\r':
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

// runeText is string(r) without an allocation for the first 256 code
// points, which are most of the text a font maps: a font decodes 256
// codes when it loads and a CMap one string per glyph.
func runeText(r rune) string {
	if r >= 0 && r < rune(len(latin1Text)) {
		return latin1Text[r]
	}
	return string(r)
}

var latin1Text = func() (t [256]string) {
	for i := range t {
		t[i] = string(rune(i))
	}
	return t
}()
