package bench

import (
	"bytes"
	"context"
	"testing"

	"github.com/dianres/dianres/internal/pdftext"
	"github.com/dianres/dianres/resolution"
)

// BenchmarkParseAll parses every fixture once per iteration, for
// profiles: go test -run '^$' -bench ParseAll -cpuprofile cpu.out
func BenchmarkParseAll(b *testing.B) {
	fs := fixtures(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range fs {
			if _, err := resolution.ParseBytes(context.Background(), f.data, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkTextAll extracts the text of every page of every fixture
// through pdftext alone: the PDF layer's share of ParseAll.
func BenchmarkTextAll(b *testing.B) {
	fs := fixtures(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range fs {
			doc, err := pdftext.Open(context.Background(), bytes.NewReader(f.data), int64(len(f.data)), "", pdftext.Limits{})
			if err != nil {
				b.Fatal(err)
			}
			for n := 1; n <= doc.NumPages(); n++ {
				if _, err := doc.Page(context.Background(), n); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}
