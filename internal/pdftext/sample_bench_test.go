package pdftext_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/dianres/dianres/internal/pdfrepair"
	"github.com/dianres/dianres/internal/pdftext"
)

// The README's sample: this package's text extraction against the bare
// read of the same file (internal/pdftext/bench compares with
// ledongthuc/pdf's bare read, the yardstick, over every fixture).
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
	benchmarkBareWalk(b, data)
}

// benchmarkBareWalk is the floor under benchmarkText: pdfrepair's reader
// opening data and decoding every page's content and the Form XObjects
// of its resources, interpreting nothing.
func benchmarkBareWalk(b *testing.B, data []byte) {
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	var buf []byte
	for b.Loop() {
		r, err := pdfrepair.Open(data, "", pdfrepair.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		var walk func(node pdfrepair.Value, res pdfrepair.Value, depth int)
		walk = func(node, res pdfrepair.Value, depth int) {
			if node.Key("Resources").Kind() == pdfrepair.Dict {
				res = node.Key("Resources")
			}
			if kids := node.Key("Kids"); kids.Kind() == pdfrepair.Array && depth < 32 {
				for i := range kids.Len() {
					walk(kids.Index(i), res, depth+1)
				}
				return
			}
			streams := []pdfrepair.Value{node.Key("Contents")}
			if c := streams[0]; c.Kind() == pdfrepair.Array {
				streams = streams[:0]
				for i := range c.Len() {
					streams = append(streams, c.Index(i))
				}
			}
			xo := res.Key("XObject")
			for _, k := range xo.Keys() {
				if x := xo.Key(k); x.Key("Subtype").Name() == "Form" {
					streams = append(streams, x)
				}
			}
			for _, s := range streams {
				if buf, err = s.Decode(buf[:0], 1<<24); err != nil {
					b.Fatal(err)
				}
			}
		}
		walk(r.Trailer().Key("Root").Key("Pages"), pdfrepair.Value{}, 0)
	}
}
