package form

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dianres/dianres/internal/pdftext"
)

// BenchmarkRead times the field stage alone on the README sample's text.
func BenchmarkRead(b *testing.B) {
	docs := textOf(b, "../../testdata/valid/sample.pdf")
	b.ReportAllocs()
	for b.Loop() {
		Read(docs[0])
	}
}

// BenchmarkReadAll times the field stage alone over the text of every
// fixture that opens without a password, all in one iteration.
func BenchmarkReadAll(b *testing.B) {
	var names []string
	for _, dir := range []string{"valid", "producers"} {
		ns, err := filepath.Glob(filepath.Join("../../testdata", dir, "*.pdf"))
		if err != nil {
			b.Fatal(err)
		}
		names = append(names, ns...)
	}
	docs := textOf(b, names...)
	b.ReportAllocs()
	for b.Loop() {
		for _, pages := range docs {
			Read(pages)
		}
	}
}

// textOf returns the pages of each named PDF, leaving out those pdftext
// cannot read.
func textOf(b *testing.B, names ...string) [][]*pdftext.Page {
	ctx := context.Background()
	var docs [][]*pdftext.Page
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := pdftext.OpenBytes(ctx, data, "", pdftext.Limits{})
		if err != nil {
			continue
		}
		var pages []*pdftext.Page
		for n := 1; n <= doc.NumPages(); n++ {
			p, err := doc.Page(ctx, n)
			if err != nil {
				break
			}
			pages = append(pages, p)
		}
		docs = append(docs, pages)
	}
	if len(docs) == 0 {
		b.Fatal("no fixture could be read")
	}
	return docs
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
