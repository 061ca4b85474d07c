package pdfrepair

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/ledongthuc/pdf"
)

// formLike is closer to a real formato 1876 than cleanDoc: two pages of
// about 120 compressed text lines each.
func formLike(b testing.TB) []byte {
	page := func(n int) []byte {
		var s bytes.Buffer
		for i := range 120 {
			fmt.Fprintf(&s, "BT /F1 8 Tf %d %d Td (Casilla %d: Autorizaci\363n numeraci\363n de facturaci\363n %d) Tj ET\n", 40+i%3*180, 780-i*6, i, n)
		}
		return flateBytes(b, s.Bytes())
	}
	d := &tdoc{objs: baseObjects(page(1), "/FlateDecode")}
	d.objs[1].body = "<< /Type /Pages /Kids [3 0 R 7 0 R] /Count 2 >>"
	d.objs = append(d.objs,
		tobj{num: 7, body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 8 0 R /Resources << /Font << /F1 5 0 R >> >> >>"},
		tobj{num: 8, body: "<< >>", stream: page(2), filter: "/FlateDecode"})
	return d.build(b)
}

func BenchmarkCheck(b *testing.B) {
	in := cleanDoc().build(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if err := Check(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRewrite(b *testing.B) {
	in := cleanDoc().build(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := Rewrite(in, "", Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckFormLike(b *testing.B) {
	in := formLike(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if err := Check(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRewriteFormLike(b *testing.B) {
	in := formLike(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := Rewrite(in, "", Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLedongthucParseFormLike(b *testing.B) {
	benchLedongthuc(b, formLike(b))
}

// BenchmarkLedongthucParse is the yardstick for Check: what the text layer
// does with the same file (open, then the text of every page).
func BenchmarkLedongthucParse(b *testing.B) {
	benchLedongthuc(b, cleanDoc().build(b))
}

func benchLedongthuc(b *testing.B, in []byte) {
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		r, err := pdf.NewReader(bytes.NewReader(in), int64(len(in)))
		if err != nil {
			b.Fatal(err)
		}
		for i := 1; i <= r.NumPage(); i++ {
			if _, err := r.Page(i).GetPlainText(nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkRewriteFlateBomb is a 1 GiB Flate bomb under 4 MiB, stopped
// at the default MaxStreamBytes (16 MiB inflated, not 1 GiB).
func BenchmarkRewriteFlateBomb(b *testing.B) {
	in := withContent(flateBomb(b), "/FlateDecode", "")(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Rewrite(in, "", Limits{}); !errors.Is(err, ErrLimit) {
			b.Fatal(err)
		}
	}
}

// BenchmarkOverlappingObjects is 20,000 objects that each run to the end
// of the file: Check must refuse them in about one pass over the file.
func BenchmarkOverlappingObjects(b *testing.B) {
	in := overlapping(20000)
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if err := Check(in); !errors.Is(err, ErrMalformed) {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckSample is what every clean file pays for the repair path:
// Check on the README's sample, to compare with resolution's BenchmarkParse.
func BenchmarkCheckSample(b *testing.B) {
	data, err := os.ReadFile("../../testdata/valid/sample.pdf")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Check(data); err != nil {
			b.Fatal(err)
		}
	}
}
