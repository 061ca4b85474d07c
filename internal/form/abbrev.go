package form

import (
	"regexp"
	"slices"
	"strings"

	"github.com/dianres/dianres/internal/vocab"
)

// abbrevDef matches one definition of a code in a document's conventions:
// "FE = Factura electrónica de venta", up to the next ";", "." or code.
var abbrevDef = regexp.MustCompile(`\b([A-Z]{2,5})\s*=\s*([^;.=]+?)\s*(?:[;.]|$|\b[A-Z]{2,5}\s*=)`)

// maxAbbrevText bounds the text searched for conventions.
const maxAbbrevText = 64 << 10

// abbreviations reads the codes a document defines for modalities and
// requests, as a vendor's copy that prints "FE" and "AUT" in its table
// explains them under it ("Convenciones - Modalidad: FE = Factura
// electrónica de venta; … Solicitud: AUT = Autorización"). Only a code
// whose name is exactly one modality or one request is kept: the table's
// cells are read through the document's own words, never through a guess
// at what "FE" means.
func abbreviations(idx []*page) map[string]string {
	var b strings.Builder
	for _, pg := range idx {
		for li := range pg.lines {
			if !slices.ContainsFunc(pg.lineWords(li), func(w word) bool { return strings.Contains(w.Text, "=") }) {
				continue // most lines define nothing: spare building their text
			}
			if b.Len() < maxAbbrevText {
				b.WriteString(pg.lineText(li))
				b.WriteByte(' ')
				// A definition may wrap onto the next line.
				if li+1 < len(pg.lines) {
					b.WriteString(pg.lineText(li + 1))
					b.WriteByte(' ')
				}
			}
		}
	}
	if b.Len() == 0 {
		return nil
	}
	var out map[string]string
	text := b.String()
	for i := 0; i < len(text); {
		m := abbrevDef.FindStringSubmatchIndex(text[i:])
		if m == nil {
			break
		}
		code, name := text[i+m[2]:i+m[3]], strings.TrimSpace(text[i+m[4]:i+m[5]])
		fold := vocab.Fold(name)
		if (vocab.KindOf(fold) != "") != (vocab.RequestOf(fold) != "") {
			if out == nil {
				out = map[string]string{}
			}
			if prev, ok := out[code]; !ok || prev == name {
				out[code] = name
			} else {
				out[code] = "" // defined twice, two ways: no meaning
			}
		}
		i += m[5] // the next definition may start right where this one ends
	}
	for code, name := range out {
		if name == "" {
			delete(out, code)
		}
	}
	return out
}
