package layouts

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math/rand/v2"

	"github.com/dianres/dianres/internal/fixturegen"
)

// Producers: who turns a Doc into a PDF.
const (
	// Writer is fixturegen's own PDF writer ([fixturegen.Sheet]).
	Writer = "writer"
	// Ghostscript is PostScript from [Doc.PostScript] through ps2pdf.
	Ghostscript = "gs"
	// Chromium is HTML with inline SVG from [Doc.HTML] through headless
	// Chromium's --print-to-pdf.
	Chromium = "chromium"
)

// Producers lists the producers in file-name order.
var Producers = []string{Writer, Ghostscript, Chromium}

// count is how many of n documents per family a producer gets. Chromium's
// files are about twice the size of the others, so it gets a quarter,
// rounded up, to keep testdata small.
func count(producer string, n int) int {
	if producer == Chromium {
		return (n + 3) / 4
	}
	return n
}

// A Doc is one generated document: its values, its layout, and where it
// goes. The same (family, producer, index) always gives the same Doc.
type Doc struct {
	Name     string // file base name, "<family>-<producer>-NN"
	Family   string
	Producer string
	Data     Data
	Layout   Layout
}

// NewDoc draws document i of family fam for producer. Producers get
// different documents (the seed includes the producer), so that the
// Ghostscript files add data as well as a second rendering.
func NewDoc(fam Family, producer string, i int) Doc {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s/%s/%d", fam.Name, producer, i)
	seed := h.Sum64()
	rng := rand.New(rand.NewPCG(seed, 0x1876))
	l := fam.Layout(rng, baseLayout(rng, fam.Name))
	d := newData(rng, fam.Person, fam.Rows(rng))
	return Doc{Name: fmt.Sprintf("%s-%s-%02d", fam.Name, producer, i), Family: fam.Name, Producer: producer, Data: d, Layout: l}
}

// Docs returns the first n documents of every family for the writer and
// Ghostscript, and the first n/4 (rounded up) for Chromium.
func Docs(n int) []Doc {
	var out []Doc
	for _, f := range Families {
		for _, p := range Producers {
			for i := range count(p, n) {
				out = append(out, NewDoc(f, p, i))
			}
		}
	}
	return out
}

// Truth returns the expected reading of the document.
func (d *Doc) Truth() Truth {
	return d.Data.Truth(d.Family, d.Layout.Variant(d.Producer))
}

// TruthJSON returns the truth file's bytes.
func (d *Doc) TruthJSON() ([]byte, error) {
	b, err := json.MarshalIndent(d.Truth(), "", " ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func (d *Doc) paper() [2]float64 {
	if d.Layout.Letter {
		return fixturegen.Letter
	}
	return fixturegen.A4
}

// WriterPDF draws the document with fixturegen's writer. The bytes
// depend only on the Doc.
func (d *Doc) WriterPDF(fs *fixturegen.Fonts) []byte {
	l := d.Layout
	fl := fixturegen.Layout{Paper: d.paper(), LabelFont: l.LabelFont, ValueFont: l.ValueFont, Accents: l.Accents}
	if l.Shuffle {
		fl.Shuffle = l.Seed | 1
	}
	s := &writerSurface{sh: fixturegen.NewSheet(d.Name, fl, fs)}
	draw(s, l, &d.Data)
	return s.sh.Bytes()
}

// PostScript draws the document as a PostScript program for ps2pdf.
func (d *Doc) PostScript(fs *fixturegen.Fonts) ([]byte, error) {
	p := d.paper()
	s := &psSurface{w: p[0], h: p[1], fs: fs, fonts: [2]string{d.Layout.PSLabelFont, d.Layout.PSValueFont}}
	l := d.Layout
	// PostScript's Latin-1 fonts print accents as precomposed glyphs only.
	l.Accents = fixturegen.AccentPrecomposed
	draw(s, l, &d.Data)
	return s.bytes()
}
