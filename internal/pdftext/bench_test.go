package pdftext_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/dianres/dianres/internal/pdftext"
)

// benchDoc builds a two-page document shaped like a formato 1876: labels
// in Helvetica, values in a Type0 font, letter-spaced digits, a table row,
// a stamp form with rotated text. Page 2 draws content, if given.
func benchDoc(content string) []byte {
	var b pdftext.TestPDF
	helv := b.Obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	bold := b.Obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	times := b.Obj("<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+TimesNewRomanPSMT /FirstChar 32 /LastChar 126 /Widths [" + strings.Repeat("500 ", 95) + "] /Encoding /WinAnsiEncoding >>")
	var tu strings.Builder
	tu.WriteString("begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0020> <00FF> <0020> endbfrange endcmap")
	cid := b.Obj(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Arial /Encoding /Identity-H /ToUnicode %d 0 R /DescendantFonts [<< /Subtype /CIDFontType2 /DW 556 /W [32 [278] 48 57 556] >>] >>",
		b.FlateStream("", []byte(tu.String()))))
	stamp := b.FlateStream(fmt.Sprintf("/Subtype /Form /BBox [0 0 120 120] /Resources << /Font << /F1 %d 0 R >> >>", helv), []byte(stampContent()))
	res := fmt.Sprintf("<< /Font << /F1 %d 0 R /F2 %d 0 R /F3 %d 0 R /F4 %d 0 R >> /XObject << /Stamp %d 0 R >> >>", helv, bold, times, cid, stamp)

	pages := b.Reserve()
	p1 := b.FlateStream("", []byte(page1Content()))
	if content == "" {
		content = page2Content()
	}
	p2 := b.FlateStream("", []byte(content))
	k1 := b.Obj(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>", pages, p1))
	k2 := b.Obj(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>", pages, p2))
	b.Set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count 2 /MediaBox [0 0 612 792] /Resources %s >>", k1, k2, res))
	return b.Bytes(b.Obj(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages)))
}

func benchPDF() []byte { return benchDoc("") }

func cidHex(s string) string {
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range s {
		fmt.Fprintf(&b, "%04X", r)
	}
	b.WriteByte('>')
	return b.String()
}

func page1Content() string {
	var b strings.Builder
	b.WriteString("BT /F2 11 Tf 150 750 Td (Autorizaci\363n Numeraci\363n de Facturaci\363n) Tj ET\n")
	for i, label := range []string{"1. A\361o", "4. N\372mero de formulario", "5. N\372mero de Identificaci\363n Tributaria (NIT)", "6. DV", "11. Raz\363n social", "12. C\363d. Direcci\363n Seccional"} {
		y := 700 - 40*i
		fmt.Fprintf(&b, "BT /F1 6 Tf %d %d Td (%s) Tj ET\n", 40, y, label)
		fmt.Fprintf(&b, "BT /F4 9 Tf %d %d Td %s Tj ET\n", 40, y-12, cidHex(fmt.Sprintf("VALOR %d EMPRESA DE PRUEBA S.A.S.", i)))
	}
	b.WriteString(spaced(300, 700, 12, 8, "18764081810977"))
	for i := range 40 {
		fmt.Fprintf(&b, "BT /F3 7 Tf 40 %d Td [(Texto legal de relleno n\372mero %d que ocupa) -250 (una l\355nea entera del formulario.)] TJ ET\n", 400-8*i, i)
	}
	return b.String()
}

func page2Content() string {
	var b strings.Builder
	b.WriteString("BT /F1 6 Tf 40 700 Td (30. Modalidad) Tj 150 0 Td (31. Prefijo) Tj 60 0 Td (32. Desde el n\372mero) Tj 80 0 Td (33. Hasta el n\372mero) Tj 80 0 Td (38. Vigencia) Tj ET\n")
	for i := range 10 {
		y := 680 - 12*i
		fmt.Fprintf(&b, "BT /F1 7 Tf 40 %d Td (FACTURA ELECTR\323NICA DE VENTA) Tj 130 0 Td (1) Tj 20 0 Td (FE) Tj 60 0 Td (1) Tj 80 0 Td (1,000) Tj 80 0 Td (24) Tj 40 0 Td (AUTORIZACI\323N) Tj ET\n", y)
	}
	b.WriteString("q 1 0 0 1 400 100 cm /Stamp Do Q\n")
	return b.String()
}

func stampContent() string {
	var b strings.Builder
	// "DIRECCION DE IMPUESTOS" around a circle, one glyph at a time.
	for i, r := range "DIRECCION DE IMPUESTOS Y ADUANAS NACIONALES" {
		a := float64(i) * 0.14
		fmt.Fprintf(&b, "BT /F1 6 Tf %.4f %.4f %.4f %.4f %.2f %.2f Tm (%c) Tj ET\n", cos(a), sin(a), -sin(a), cos(a), 60+50*cos(a+1.57), 60+50*sin(a+1.57), r)
	}
	b.WriteString("BT /F1 7 Tf 20 60 Td (Fecha Acuse de Recibo) Tj 0 -10 Td (2024-10-19 / 11:38:26 AM) Tj ET\n")
	return b.String()
}

// BenchmarkPage extracts both pages of the 1876-shaped document,
// opening it each time.
func BenchmarkPage(b *testing.B) {
	benchmarkText(b, benchPDF())
}

// BenchmarkBareWalk is the floor: the reader opening the same file and
// decoding every content stream.
func BenchmarkBareWalk(b *testing.B) {
	benchmarkBareWalk(b, benchPDF())
}

// rotatedGrid is 900 tilted glyphs, each a word of its own, and 100
// lines of level text: grouping must not compare every pair.
func rotatedGrid() string {
	var b strings.Builder
	b.WriteString("BT /F1 6 Tf\n")
	for i := range 900 {
		fmt.Fprintf(&b, "0.866 0.5 -0.5 0.866 %d %d Tm (x) Tj\n", 20+(i%60)*9, 20+(i/60)*14)
	}
	b.WriteString("ET\n")
	for i := range 100 {
		fmt.Fprintf(&b, "BT /F1 6 Tf 20 %d Td (%s) Tj ET\n", 30+i*7, strings.Repeat("level text ", 8))
	}
	return b.String()
}

// BenchmarkRotatedGlyphs extracts the page of rotatedGrid.
func BenchmarkRotatedGlyphs(b *testing.B) {
	data := pdftext.OnePage(pdftext.TestPage{Content: rotatedGrid()})
	b.ReportAllocs()
	for b.Loop() {
		doc, err := pdftext.Open(b.Context(), bytes.NewReader(data), int64(len(data)), "", pdftext.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := doc.Page(b.Context(), 1); err != nil {
			b.Fatal(err)
		}
	}
}

func cos(a float64) float64 { return math.Cos(a) }
func sin(a float64) float64 { return math.Sin(a) }

// TestConcurrentDocuments runs many Documents at once (go test -race
// checks for shared state) and checks that output is deterministic.
func TestConcurrentDocuments(t *testing.T) {
	data := benchPDF()
	extract := func() (string, error) {
		doc, err := pdftext.Open(t.Context(), bytes.NewReader(data), int64(len(data)), "", pdftext.Limits{})
		if err != nil {
			return "", err
		}
		var b strings.Builder
		for n := 1; n <= doc.NumPages(); n++ {
			p, err := doc.Page(t.Context(), n)
			if err != nil {
				return "", err
			}
			js, err := json.Marshal(p) // every exported field; none points into the pools
			if err != nil {
				return "", err
			}
			b.Write(js)
			b.WriteByte('\n')
		}
		return b.String(), nil
	}
	want, err := extract()
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			got, err := extract()
			if err == nil && got != want {
				err = fmt.Errorf("output differs between runs")
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
