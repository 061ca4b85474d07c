package pdftext_test

import (
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/ledongthuc/pdf"

	"github.com/dianres/dianres/internal/pdftext"
)

// The README's sample, for the yardstick: this package's text
// extraction against ledongthuc/pdf opening the file and reading every
// content stream (pages and the forms they draw) to io.Discard.
const samplePDF = "../../testdata/valid/sample.pdf"

func BenchmarkSampleText(b *testing.B) {
	data, err := os.ReadFile(samplePDF)
	if err != nil {
		b.Fatal(err)
	}
	benchmarkText(b, data)
}

// benchmarkText opens data and reads every page, b.N times.
func benchmarkText(b *testing.B, data []byte) {
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		doc, err := pdftext.Open(b.Context(), bytes.NewReader(data), int64(len(data)), "", pdftext.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		for n := 1; n <= doc.NumPages(); n++ {
			if _, err := doc.Page(b.Context(), n); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkSampleBareWalk(b *testing.B) {
	data, err := os.ReadFile(samplePDF)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		for n := 1; n <= r.NumPage(); n++ {
			p := r.Page(n)
			drain(b, p.V.Key("Contents"))
			xo := p.Resources().Key("XObject")
			for _, name := range xo.Keys() {
				if x := xo.Key(name); x.Key("Subtype").Name() == "Form" {
					drain(b, x)
				}
			}
		}
	}
}

func drain(b *testing.B, v pdf.Value) {
	if v.Kind() == pdf.Array {
		for i := range v.Len() {
			drain(b, v.Index(i))
		}
		return
	}
	rc := v.Reader()
	if _, err := io.Copy(io.Discard, rc); err != nil {
		b.Fatal(err)
	}
	rc.Close()
}
