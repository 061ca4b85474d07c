package pdfrepair

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"testing"
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

// openPages opens in and decodes the content of every page the Reader
// reaches through the first level of the page tree: the text layer's
// floor.
func openPages(b *testing.B, in []byte) {
	r, err := Open(in, "", Limits{})
	if err != nil {
		b.Fatal(err)
	}
	kids := r.Trailer().Key("Root").Key("Pages").Key("Kids")
	var buf []byte
	for i := range kids.Len() {
		if buf, err = kids.Index(i).Key("Contents").Decode(buf[:0], 1<<24); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpen(b *testing.B) {
	in := cleanDoc().build(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		openPages(b, in)
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

func BenchmarkOpenFormLike(b *testing.B) {
	in := formLike(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		openPages(b, in)
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
// of the file, all resolved: MaxTotalBytes (16 MiB here) stops the parse.
func BenchmarkOverlappingObjects(b *testing.B) {
	in := overlapping(20000)
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		r, err := Open(in, "", Limits{MaxTotalBytes: 16 << 20})
		for n := 1; err == nil && n <= 20000; n++ {
			Value{r: r}.resolve(ref{n, 0})
			err = r.Err()
		}
		if !errors.Is(err, ErrLimit) {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenSample opens the README's sample and decodes its page
// contents, to compare with resolution's BenchmarkParse.
func BenchmarkOpenSample(b *testing.B) {
	data, err := os.ReadFile("../../testdata/valid/sample.pdf")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		openPages(b, data)
	}
}
