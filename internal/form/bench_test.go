package form

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/dianres/dianres/internal/pdftext"
)

// BenchmarkRead times the field stage alone on the README sample's text.
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile("../../testdata/valid/sample.pdf")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	doc, err := pdftext.Open(ctx, bytesReaderAt(data), int64(len(data)), "", pdftext.Limits{})
	if err != nil {
		b.Fatal(err)
	}
	var pages []*pdftext.Page
	for n := 1; n <= doc.NumPages(); n++ {
		p, err := doc.Page(ctx, n)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, p)
	}
	b.ReportAllocs()
	for b.Loop() {
		Read(pages)
	}
}

// BenchmarkReadHostilePage times a page built to make the reader's pairwise
// work blow up: 300 lines of 65 label words each, and 300 overlapping
// lines of stamp words and dates. maxLabels, maxRowWords, maxDates and
// the bounded look-around keep it to tens of milliseconds.
func BenchmarkReadHostilePage(b *testing.B) {
	var runs []at
	for i := range 300 {
		runs = append(runs, at{x: 10, y: float64(20 + i*2), text: strings.Repeat("nit|", 60) + "Prefijo|Desde|Hasta|Modalidad|Vigencia"})
		// Stamp words and dates on lines that overlap in height.
		runs = append(runs, at{x: 10, y: float64(20+i) + 0.5, text: strings.Repeat("acuse|2024-10-19|", 30) + "Número|de"})
	}
	pages := []*pdftext.Page{pageOf(1, runs...)}
	b.ReportAllocs()
	for b.Loop() {
		Read(pages)
	}
}
