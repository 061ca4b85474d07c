package pdftext_test

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dianres/dianres/internal/pdftext"
)

// fuzzLimits keep each fuzz input cheap.
var fuzzLimits = pdftext.Limits{MaxPages: 3, MaxStreamBytes: 1 << 20, MaxTotalBytes: 4 << 20, MaxOps: 100_000, MaxDepth: 8}

// seedContents are content streams exercising every operator family.
var seedContents = []string{
	"BT /F1 12 Tf 72 700 Td (AUTORIZACI\\323N) Tj ET",
	"BT /F1 10 Tf 1 Tc 5 Tw 80 Tz 14 TL 72 700 Td [(A) -120 (B)] TJ T* (C D) ' 1 2 (E) \" 3 Ts (x) Tj ET",
	"q 2 0 0 2 0 0 cm BT /F1 10 Tf 0 1 -1 0 300 300 Tm (rot) Tj ET Q",
	"0.5 w 100 700 200 20 re S 100 300 m 400 300 l 400 301 l 100 301 l f 10 10 m 20 20 30 30 40 10 c h B 0 0 612 792 re W n",
	"BI /W 1 /H 1 ID \x00 EI BT 3 Tr /F1 8 Tf 100 500 Td (1) Tj 12 0 Td (8) Tj 12 0 Td (7) Tj ET",
	"/X Do BT /F1 10 Tf <0041> Tj ET",
}

func checkPage(t *testing.T, p *pdftext.Page) {
	finite := func(fs ...float64) bool {
		for _, f := range fs {
			if math.IsNaN(f) || math.IsInf(f, 0) {
				return false
			}
		}
		return true
	}
	for _, l := range p.Lines {
		if len(l.Words) == 0 {
			t.Fatalf("empty line")
		}
		for _, w := range l.Words {
			if w.Text == "" || !utf8.ValidString(w.Text) || !finite(w.X0, w.Y0, w.X1, w.Y1, w.Size) || w.X0 > w.X1 || w.Y0 > w.Y1 {
				t.Fatalf("bad word %+v", w)
			}
		}
	}
	for _, w := range p.Rotated {
		if w.Text == "" || !utf8.ValidString(w.Text) || !finite(w.X0, w.Y0, w.X1, w.Y1, w.Size) {
			t.Fatalf("bad rotated word %+v", w)
		}
	}
	for _, r := range p.Rules {
		if !finite(r.X0, r.Y0, r.X1, r.Y1) || r.X0 > r.X1 || r.Y0 > r.Y1 || (r.X0 != r.X1 && r.Y0 != r.Y1) ||
			r.X0 < 0 || r.Y0 < 0 || r.X1 > p.Width || r.Y1 > p.Height {
			t.Fatalf("bad rule %+v on a %gx%g page", r, p.Width, p.Height)
		}
	}
}

func fuzzOne(t *testing.T, data []byte) {
	doc, err := pdftext.Open(t.Context(), bytes.NewReader(data), int64(len(data)), "", fuzzLimits)
	if err != nil {
		if err.Error() == "" {
			t.Fatal("empty error")
		}
		return
	}
	for n := 1; n <= doc.NumPages(); n++ {
		p, err := doc.Page(t.Context(), n)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			continue
		}
		checkPage(t, p)
	}
}

// FuzzPage feeds whole files: the file structure goes to ledongthuc/pdf,
// whose panics must come back as errors.
func FuzzPage(f *testing.F) {
	for _, c := range seedContents {
		f.Add(pdftext.OnePage(pdftext.TestPage{Content: c}))
	}
	f.Add(benchPDF())
	f.Add(encryptedPDF("", seedContents[0], 2))
	f.Add(encryptedPDF("", seedContents[1], 3))
	var b pdftext.TestPDF
	f.Add(b.OnePage(pdftext.TestPage{Content: "BT ET", Extra: "/Rotate 90 /CropBox [10 10 500 700] /Annots [<< /Subtype /Widget /FT /Tx /Rect [0 0 50 10] /V (x) >>]"}))
	f.Fuzz(fuzzOne)
}

// FuzzContent feeds content streams inside a valid file, where mutations
// reach the lexer and interpreter instead of breaking the xref.
func FuzzContent(f *testing.F) {
	for _, c := range seedContents {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, content string) {
		if strings.Contains(content, "endstream") {
			return // would end the stream early: tests the builder, not us
		}
		fuzzOne(t, benchDoc(content))
	})
}
