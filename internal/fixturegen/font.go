package fixturegen

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"unicode/utf16"
)

// FontKind is how a font is put in the PDF.
type FontKind int

// Font kinds. Each reaches the extractor through a different path.
const (
	// FontType0 is a Type0 CID font, Identity-H, with /W widths, a
	// ToUnicode CMap and an embedded subset TrueType (DejaVu Sans).
	FontType0 FontKind = iota
	// FontTrueType is a simple TrueType font, WinAnsiEncoding, /Widths,
	// embedded subset (DejaVu Sans, glyph IDs and cmap kept).
	FontTrueType
	// FontHelvetica is standard-14 Helvetica, not embedded, no /Widths,
	// with a /Differences array that places accented letters at 128 and up.
	FontHelvetica
	// FontType3 is a Type3 font: glyph procedures drawing simple paths,
	// /FontMatrix [0.001 0 0 0.001 0 0], /Widths, an /Encoding whose
	// /Differences name standard glyphs, and a ToUnicode CMap.
	FontType3
)

// String returns the kind's short name, e.g. "type0".
func (k FontKind) String() string {
	return [...]string{"type0", "truetype", "helvetica", "type3"}[k]
}

// AccentMode says how accented letters reach the text layer.
type AccentMode int

// Accent modes.
const (
	AccentPrecomposed AccentMode = iota // "Ó" is U+00D3
	AccentCombining                     // the glyph is "Ó", ToUnicode says "O" U+0301
	AccentStripped                      // printed without accents: "ELECTRONICA"
)

// helveticaExtra lists the non-ASCII letters the Helvetica font places at
// codes 128 and up, with their glyph names for /Differences.
var helveticaExtra = []struct {
	r    rune
	name string
}{
	{'Á', "Aacute"}, {'É', "Eacute"}, {'Í', "Iacute"}, {'Ó', "Oacute"}, {'Ú', "Uacute"},
	{'Ñ', "Ntilde"}, {'Ü', "Udieresis"}, {'á', "aacute"}, {'é', "eacute"}, {'í', "iacute"},
	{'ó', "oacute"}, {'ú', "uacute"}, {'ñ', "ntilde"}, {'ü', "udieresis"}, {'°', "degree"},
}

// decomposed gives the combining-mark spelling of the accented letters.
var decomposed = map[rune]string{
	'Á': "A\u0301", 'É': "E\u0301", 'Í': "I\u0301", 'Ó': "O\u0301", 'Ú': "U\u0301",
	'á': "a\u0301", 'é': "e\u0301", 'í': "i\u0301", 'ó': "o\u0301", 'ú': "u\u0301",
	'Ñ': "N\u0303", 'ñ': "n\u0303", 'Ü': "U\u0308", 'ü': "u\u0308",
}

// stripAccents removes the accents the form uses.
func stripAccents(s string) string {
	var b strings.Builder
	for _, r := range s {
		if d, ok := decomposed[r]; ok {
			b.WriteString(d[:1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// A font is one font resource of a page: it encodes text for Tj, measures
// it, and writes itself (subset to what was drawn) at the end.
type font struct {
	res     string // resource name, "F1"
	kind    FontKind
	metrics *ttf // widths; also the embedded program for Type0 and TrueType
	accents AccentMode
	used    map[rune]bool
}

func newFont(res string, kind FontKind, accents AccentMode, fonts *Fonts) *font {
	m := fonts.dejavu
	if kind == FontHelvetica || kind == FontType3 {
		m = fonts.liberation
	}
	return &font{res: res, kind: kind, metrics: m, accents: accents, used: map[rune]bool{}}
}

// encode returns s as a PDF string operand for Tj.
func (f *font) encode(s string) string {
	if f.accents == AccentStripped {
		s = stripAccents(s)
	}
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range s {
		f.used[r] = true
		switch f.kind {
		case FontType0:
			fmt.Fprintf(&b, "%04X", f.metrics.glyph(r))
		default:
			fmt.Fprintf(&b, "%02X", f.simpleCode(r))
		}
	}
	b.WriteByte('>')
	return b.String()
}

// simpleCode maps r to a one-byte code of a simple font.
func (f *font) simpleCode(r rune) byte {
	if r >= 0x20 && r < 0x7F {
		return byte(r)
	}
	if f.kind == FontHelvetica || f.kind == FontType3 {
		for i, e := range helveticaExtra {
			if e.r == r {
				return byte(128 + i)
			}
		}
		return '?'
	}
	if r >= 0xA0 && r <= 0xFF { // WinAnsi agrees with Latin-1 here
		return byte(r)
	}
	return '?'
}

func (f *font) width(s string, size float64) float64 {
	if f.accents == AccentStripped {
		s = stripAccents(s)
	}
	return f.metrics.width(s, size)
}

// unicodeOf is what the ToUnicode CMap says r is.
func (f *font) unicodeOf(r rune) string {
	if f.accents == AccentCombining {
		if d, ok := decomposed[r]; ok {
			return d
		}
	}
	return string(r)
}

func utf16Hex(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}

// subsetTag returns the six-letter subset prefix, derived from the glyph
// set so that output is deterministic.
func subsetTag(glyphs []uint16) string {
	h := sha256.New()
	for _, g := range glyphs {
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

func toUnicodeCMap(codeBytes int, entries [][2]string) []byte {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
	b.WriteString("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
	b.WriteString("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n")
	if codeBytes == 2 {
		b.WriteString("<0000> <FFFF>\n")
	} else {
		b.WriteString("<00> <FF>\n")
	}
	b.WriteString("endcodespacerange\n")
	for i := 0; i < len(entries); i += 100 {
		chunk := entries[i:min(i+100, len(entries))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, e := range chunk {
			fmt.Fprintf(&b, "<%s> <%s>\n", e[0], e[1])
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}

// write adds the font's objects to d and returns the font dictionary's
// object number.
func (f *font) write(d *Doc) int {
	switch f.kind {
	case FontType0:
		return f.writeType0(d)
	case FontTrueType:
		return f.writeTrueType(d)
	case FontType3:
		return f.writeType3(d)
	}
	return f.writeHelvetica(d)
}

func (f *font) glyphSet() map[uint16]rune {
	gs := map[uint16]rune{}
	for r := range f.used {
		if f.accents == AccentStripped {
			if d, ok := decomposed[r]; ok {
				r = rune(d[0])
			}
		}
		gs[f.metrics.glyph(r)] = r
	}
	return gs
}

func (f *font) descriptor(d *Doc, name string, file int) int {
	m := f.metrics
	s := 1000 / float64(m.unitsPerEm)
	return d.add(fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [%d %d %d %d] /ItalicAngle 0 /Ascent %d /Descent %d /CapHeight 729 /StemV 87 /FontFile2 %d 0 R >>",
		name, int(float64(m.bbox[0])*s), int(float64(m.bbox[1])*s), int(float64(m.bbox[2])*s), int(float64(m.bbox[3])*s),
		int(float64(m.ascent)*s), int(float64(m.descent)*s), file))
}

func (f *font) writeType0(d *Doc) int {
	gs := f.glyphSet()
	gids := sortedKeys(gs)
	keep := map[uint16]bool{}
	for _, g := range gids {
		keep[g] = true
	}
	name := subsetTag(gids) + "+" + f.metrics.name
	prog := f.metrics.subset(keep, false)
	file := d.addStream(fmt.Sprintf("/Length1 %d", len(prog)), prog, FilterDefault)
	desc := f.descriptor(d, name, file)
	var w strings.Builder
	var tu [][2]string
	for _, g := range gids {
		fmt.Fprintf(&w, "%d [%d] ", g, int(f.metrics.glyphAdvance(g)+0.5))
		tu = append(tu, [2]string{fmt.Sprintf("%04X", g), utf16Hex(f.unicodeOf(gs[g]))})
	}
	cid := d.add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 /W [%s] /CIDToGIDMap /Identity >>",
		name, desc, strings.TrimSpace(w.String())))
	cmap := d.addStream("", toUnicodeCMap(2, tu), FilterDefault)
	return d.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", name, cid, cmap))
}

// simpleEntries lists code → Unicode for the runes drawn, sorted by code.
func (f *font) simpleEntries() [][2]string {
	var codes [256]string
	for r := range f.used {
		if f.accents == AccentStripped {
			if d, ok := decomposed[r]; ok {
				r = rune(d[0])
			}
		}
		codes[f.simpleCode(r)] = utf16Hex(f.unicodeOf(r))
	}
	var out [][2]string
	for c, u := range codes {
		if u != "" {
			out = append(out, [2]string{fmt.Sprintf("%02X", c), u})
		}
	}
	return out
}

func (f *font) writeTrueType(d *Doc) int {
	gs := f.glyphSet()
	keep := map[uint16]bool{}
	for g := range gs {
		keep[g] = true
	}
	name := subsetTag(sortedKeys(gs)) + "+" + f.metrics.name
	prog := f.metrics.subset(keep, true)
	file := d.addStream(fmt.Sprintf("/Length1 %d", len(prog)), prog, FilterDefault)
	desc := f.descriptor(d, name, file)
	var w strings.Builder
	for c := 32; c <= 255; c++ {
		var r rune = rune(c)
		if c >= 0x7F && c < 0xA0 {
			r = 0
		}
		fmt.Fprintf(&w, "%d ", int(f.metrics.advance(r)+0.5))
	}
	tu := ""
	if f.accents == AccentCombining {
		tu = fmt.Sprintf(" /ToUnicode %d 0 R", d.addStream("", toUnicodeCMap(1, f.simpleEntries()), FilterDefault))
	}
	return d.add(fmt.Sprintf("<< /Type /Font /Subtype /TrueType /BaseFont /%s /FirstChar 32 /LastChar 255 /Widths [%s] /Encoding /WinAnsiEncoding /FontDescriptor %d 0 R%s >>",
		name, strings.TrimSpace(w.String()), desc, tu))
}

func (f *font) writeHelvetica(d *Doc) int {
	var diff strings.Builder
	diff.WriteString("128")
	for _, e := range helveticaExtra {
		diff.WriteString(" /" + e.name)
	}
	tu := ""
	if f.accents == AccentCombining {
		tu = fmt.Sprintf(" /ToUnicode %d 0 R", d.addStream("", toUnicodeCMap(1, f.simpleEntries()), FilterDefault))
	}
	return d.add(fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /Differences [%s] >>%s >>", diff.String(), tu))
}

// Fonts holds the font programs read once per generation run: DejaVu
// Sans (embedded) and Liberation Sans (Helvetica's metrics).
type Fonts struct {
	dejavu, liberation *ttf
}

// LoadFonts reads the Debian fonts the generator needs.
func LoadFonts() (*Fonts, error) {
	dv, err := loadTTF(dejaVuSansPath, "DejaVuSans")
	if err != nil {
		return nil, fmt.Errorf("fixturegen: %w", err)
	}
	lib, err := loadTTF(liberationSansPath, "LiberationSans")
	if err != nil {
		return nil, fmt.Errorf("fixturegen: %w", err)
	}
	return &Fonts{dejavu: dv, liberation: lib}, nil
}
