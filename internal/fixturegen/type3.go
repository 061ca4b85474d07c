package fixturegen

import (
	"fmt"
	"strings"
)

// asciiGlyphNames are the standard glyph names of codes 32–126, which a
// Type3 /Differences array uses so that a reader without ToUnicode can
// still map codes to text through the Adobe Glyph List.
var asciiGlyphNames = strings.Fields(`space exclam quotedbl numbersign dollar percent ampersand quotesingle
parenleft parenright asterisk plus comma hyphen period slash zero one two three four five six seven eight nine
colon semicolon less equal greater question at A B C D E F G H I J K L M N O P Q R S T U V W X Y Z
bracketleft backslash bracketright asciicircum underscore grave a b c d e f g h i j k l m n o p q r s t u v w x y z
braceleft bar braceright asciitilde`)

// glyphName is the standard name of a simple-font code of a Type3 font.
func glyphName(code byte) string {
	if code >= 32 && code <= 126 {
		return asciiGlyphNames[code-32]
	}
	if code >= 128 && int(code-128) < len(helveticaExtra) {
		return helveticaExtra[code-128].name
	}
	return "question"
}

// writeType3 writes the font as a Type3 font. Its glyphs are crude
// paths (a box whose height hints at the letter): the text layer must
// come from /Differences and ToUnicode, never from the outlines.
func (f *font) writeType3(d *Doc) int {
	byCode := map[byte]rune{}
	for r := range f.used {
		if f.accents == AccentStripped {
			if dec, ok := decomposed[r]; ok {
				r = rune(dec[0])
			}
		}
		byCode[f.simpleCode(r)] = r
	}
	first, last := byte(255), byte(0)
	for c := range byCode {
		first, last = min(first, c), max(last, c)
	}
	if len(byCode) == 0 {
		first, last = 32, 32
		byCode[32] = ' '
	}
	var procs, diff, widths strings.Builder
	for c := int(first); c <= int(last); c++ {
		r, ok := byCode[byte(c)]
		if !ok {
			widths.WriteString("0 ")
			continue
		}
		w := int(f.metrics.advance(r) + 0.5)
		fmt.Fprintf(&widths, "%d ", w)
		name := glyphName(byte(c))
		fmt.Fprintf(&diff, "%d /%s ", c, name)
		proc := fmt.Sprintf("%d 0 0 0 %d 700 d1\n", w, w)
		if r != ' ' {
			top := 500 + 200*(c%2)
			proc += fmt.Sprintf("%d 0 m %d 0 l %d %d l %d %d l h f\n", w/10, w-w/10, w-w/10, top, w/10, top)
		}
		fmt.Fprintf(&procs, "/%s %d 0 R ", name, d.addStream("", []byte(proc), FilterDefault))
	}
	tu := d.addStream("", toUnicodeCMap(1, f.simpleEntries()), FilterDefault)
	return d.add(fmt.Sprintf("<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 700] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << %s>> /Encoding << /Type /Encoding /Differences [%s] >> /FirstChar %d /LastChar %d /Widths [%s] /ToUnicode %d 0 R /Resources << >> >>",
		procs.String(), strings.TrimSpace(diff.String()), first, last, strings.TrimSpace(widths.String()), tu))
}
