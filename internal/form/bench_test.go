package form

import (
	"context"
	"os"
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
