package pdftext_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/dianres/dianres/internal/pdftext"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func open(t *testing.T, data []byte, lim pdftext.Limits) (*pdftext.Document, error) {
	t.Helper()
	return pdftext.Open(t.Context(), bytes.NewReader(data), int64(len(data)), "", lim)
}

func page1(t *testing.T, data []byte) *pdftext.Page {
	t.Helper()
	doc, err := open(t, data, pdftext.Limits{})
	require.NoError(t, err)
	require.Equal(t, 1, doc.NumPages())
	p, err := doc.Page(t.Context(), 1)
	require.NoError(t, err)
	return p
}

func texts(p *pdftext.Page) []string {
	var out []string
	for _, l := range p.Lines {
		out = append(out, l.Text())
	}
	return out
}

func word(t *testing.T, p *pdftext.Page, text string) pdftext.Word {
	t.Helper()
	for _, l := range p.Lines {
		for _, w := range l.Words {
			if w.Text == text {
				return w
			}
		}
	}
	require.Failf(t, "word not found", "%q in %q", text, texts(p))
	return pdftext.Word{}
}

func TestText(t *testing.T) {
	for _, tc := range []struct {
		name    string
		page    pdftext.TestPage
		want    []string
		rotated []string
	}{
		{
			name: "WinAnsi accents decode to precomposed letters",
			page: pdftext.TestPage{Content: "BT /F1 12 Tf 72 700 Td (AUTORIZACI\\323N de numeraci\\363n) Tj ET"},
			want: []string{"AUTORIZACIÓN de numeración"},
		},
		{
			name: "lines come out top to bottom whatever the stream order",
			page: pdftext.TestPage{Content: "BT /F1 10 Tf 72 100 Td (bottom) Tj ET BT /F1 10 Tf 72 700 Td (top) Tj ET BT /F1 10 Tf 72 400 Td (middle) Tj ET"},
			want: []string{"top", "middle", "bottom"},
		},
		{
			name: "words on one baseline come out left to right",
			page: pdftext.TestPage{Content: "BT /F1 10 Tf 300 700 Td (right) Tj -200 0 Td (left) Tj ET"},
			want: []string{"left right"},
		},
		{
			name: "TJ kerning keeps a word, a large TJ gap splits it",
			page: pdftext.TestPage{Content: "BT /F1 10 Tf 72 700 Td [(Nu) 120 (mero) -2000 (Total)] TJ ET"},
			want: []string{"Numero Total"},
		},
		{
			name: "T* and ' and \" move to the next line",
			page: pdftext.TestPage{Content: "BT /F1 10 Tf 14 TL 72 700 Td (one) Tj T* (two) Tj (three) ' 0 0 (four) \" ET"},
			want: []string{"one", "two", "three", "four"},
		},
		{
			name: "render mode 3 (invisible) text is still read",
			page: pdftext.TestPage{Content: "BT 3 Tr /F1 10 Tf 72 700 Td (Invisible) Tj ET"},
			want: []string{"Invisible"},
		},
		{
			name: "inline image data is skipped",
			page: pdftext.TestPage{Content: "BI /W 4 /H 2 /BPC 8 /CS /G ID \x00)(\xff]EIx ET Tj \x01\x02\x03 EI BT /F1 10 Tf 72 700 Td (After) Tj ET"},
			want: []string{"After"},
		},
		{
			name: "Ts rise keeps a superscript on its line",
			page: pdftext.TestPage{Content: "BT /F1 10 Tf 72 700 Td (m) Tj 4 Ts 6 Tf (2) Tj 0 Ts 10 Tf ( total) Tj ET"},
			want: []string{"m2 total"},
		},
		{
			name: "fake bold drawn twice reads once",
			page: pdftext.TestPage{Content: "BT /F1 10 Tf 72 700 Td (Bold) Tj ET BT /F1 10 Tf 72.3 700 Td (Bold) Tj ET"},
			want: []string{"Bold"},
		},
		{
			name: "a spacing acute drawn over O becomes Ó",
			page: pdftext.TestPage{Content: "BT /F1 10 Tf 72 700 Td (ELECTR) Tj ET BT /F1 10 Tf 111.45 700 Td (O) Tj ET BT /F1 10 Tf 113.6 702 Td (\\264) Tj ET BT /F1 10 Tf 119.23 700 Td (NICA) Tj ET"},
			want: []string{"ELECTRÓNICA"},
		},
		{
			name: "a label printed over its neighbour on the same baseline stays whole",
			page: pdftext.TestPage{Content: "BT /F1 6 Tf 100 700 Td (Vigencia) Tj 25 0 Td ((meses)) Tj ET BT /F1 6 Tf 133 700 Td (Tipo de solicitud) Tj ET"},
			want: []string{"Vigencia (meses) Tipo de solicitud"},
		},
		{
			name: "text outside the page is dropped",
			page: pdftext.TestPage{Content: "BT /F1 10 Tf 72 700 Td (in) Tj 1000 0 Td (out) Tj ET BT /F1 10 Tf 72 -50 Td (below) Tj ET"},
			want: []string{"in"},
		},
		{
			name:    "text at an angle goes to Rotated, along its own direction",
			page:    pdftext.TestPage{Content: "BT /F1 10 Tf 72 700 Td (Flat) Tj ET BT /F1 10 Tf 0 1 -1 0 300 300 Tm (Firmado) Tj ET BT /F1 10 Tf 0.7071 0.7071 -0.7071 0.7071 400 400 Tm (DIAN 45) Tj ET"},
			want:    []string{"Flat"},
			rotated: []string{"DIAN", "45", "Firmado"},
		},
		{
			name: "digits spread by Tc in one string merge too",
			page: pdftext.TestPage{Content: "BT /F1 8 Tf 7 Tc 100 700 Td (18764081810977) Tj ET"},
			want: []string{"18764081810977"},
		},
		{
			name: "letter-spaced digits merge into one word",
			page: pdftext.TestPage{Content: spaced(100, 700, 12, 8, "18764081810977") + spaced(100, 600, 12, 8, "2024-10-19")},
			want: []string{"18764081810977", "2024-10-19"},
		},
		{
			name: "table cells stay separate words",
			page: pdftext.TestPage{Content: "BT /F1 8 Tf 100 500 Td (1) Tj 50 0 Td (FE) Tj 50 0 Td (1) Tj 50 0 Td (1,000) Tj 70 0 Td (24) Tj ET"},
			want: []string{"1 FE 1 1,000 24"},
		},
		{
			name: "one-character cells far apart do not merge",
			page: pdftext.TestPage{Content: "BT /F1 8 Tf 100 500 Td (1) Tj 40 0 Td (2) Tj 40 0 Td (3) Tj ET"},
			want: []string{"1 2 3"},
		},
		{
			name: "a jump in the pitch ends a letter-spaced run",
			page: pdftext.TestPage{Content: spaced(100, 700, 10, 8, "123") + spaced(150, 700, 10, 8, "456")},
			want: []string{"123 456"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := page1(t, pdftext.OnePage(tc.page))
			assert.Equal(t, tc.want, texts(p))
			var rot []string
			for _, w := range p.Rotated {
				rot = append(rot, w.Text)
			}
			assert.ElementsMatch(t, tc.rotated, rot)
		})
	}
}

// spaced draws each character of s in its own box, pitch points apart,
// as DIAN prints the form number and dates.
func spaced(x, y, pitch, size float64, s string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "BT /F1 %g Tf %g %g Td ", size, x, y)
	for i, r := range s {
		if i > 0 {
			fmt.Fprintf(&b, "%g 0 Td ", pitch)
		}
		fmt.Fprintf(&b, "(%c) Tj ", r)
	}
	b.WriteString("ET\n")
	return b.String()
}

// circle draws s glyph by glyph clockwise along the top of a circle, in
// Courier so that every advance is 0.6 em, as DIAN's stamp sets its text.
// The glyphs are drawn in reverse order when backwards is set.
func circle(s string, cx, cy, r, size float64, backwards bool) string {
	var ops []string
	step := 0.6 * size / r
	for i, c := range s {
		th := 150*math.Pi/180 - float64(i)*step
		sin, cos := math.Sin(th), math.Cos(th)
		ops = append(ops, fmt.Sprintf("BT /F2 %g Tf %.5f %.5f %.5f %.5f %.3f %.3f Tm (%c) Tj ET\n", size, sin, -cos, cos, sin, cx+r*cos, cy+r*sin, c))
	}
	if backwards {
		slices.Reverse(ops)
	}
	return strings.Join(ops, "")
}

func TestCircularStamp(t *testing.T) {
	res := "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> /F2 << /Type /Font /Subtype /Type1 /BaseFont /Courier >> >> >>"
	for _, tc := range []struct {
		name      string
		backwards bool
	}{
		{"glyphs drawn in reading order", false},
		{"glyphs drawn in reverse order are chained by position", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := page1(t, pdftext.OnePage(pdftext.TestPage{Resources: res, Content: circle("DIRECCION DE IMPUESTOS", 300, 300, 60, 7, tc.backwards) +
				"BT /F1 7 Tf 270 300 Td (2024-10-19 / 11:38:26 AM) Tj ET"}))
			var rot []string
			for _, w := range p.Rotated {
				rot = append(rot, w.Text)
			}
			assert.ElementsMatch(t, []string{"DIRECCION", "DE", "IMPUESTOS"}, rot)
			assert.Equal(t, []string{"2024-10-19 / 11:38:26 AM"}, texts(p))
		})
	}
}

func TestSpacedFlag(t *testing.T) {
	p := page1(t, pdftext.OnePage(pdftext.TestPage{Content: spaced(100, 700, 12, 8, "2024-10-19") + "BT /F1 8 Tf 100 600 Td (2024-10-19) Tj ET"}))
	require.Len(t, p.Lines, 2)
	assert.True(t, p.Lines[0].Words[0].Spaced, "drawn one per box")
	assert.False(t, p.Lines[1].Words[0].Spaced, "drawn as one string")
	w := p.Lines[0].Words[0]
	assert.InDelta(t, 100, w.X0, 0.01)
	assert.InDelta(t, 100+9*12+0.556*8, w.X1, 0.01)
}

func TestGeometry(t *testing.T) {
	for _, tc := range []struct {
		name           string
		page           pdftext.TestPage
		word           string
		x0, y0, x1, sz float64
	}{
		{
			name: "Helvetica standard-14 widths without /Widths",
			page: pdftext.TestPage{Content: "BT /F1 10 Tf 72 700 Td (AB) Tj ET"},
			word: "AB", x0: 72, y0: 92 - 8, x1: 72 + 6.67 + 6.67, sz: 10,
		},
		{
			name: "Tc adds to every glyph advance",
			page: pdftext.TestPage{Content: "BT /F1 10 Tf 1 Tc 72 700 Td (AB) Tj ET"},
			word: "AB", x0: 72, y0: 84, x1: 72 + 6.67 + 1 + 6.67, sz: 10,
		},
		{
			name: "Tw widens only the space, Tz scales horizontally",
			page: pdftext.TestPage{Content: "BT /F1 10 Tf 10 Tw 50 Tz 72 700 Td (A B) Tj ET"},
			word: "B", x0: 72 + (6.67+2.78+10)*0.5, y0: 84, x1: 72 + (6.67+2.78+10+6.67)*0.5, sz: 10,
		},
		{
			name: "TJ number shifts by -n/1000 em",
			page: pdftext.TestPage{Content: "BT /F1 10 Tf 72 700 Td [(A) -500 (B)] TJ ET"},
			word: "B", x0: 72 + 6.67 + 5, y0: 84, x1: 72 + 6.67 + 5 + 6.67, sz: 10,
		},
		{
			name: "cm scales and q/Q restores",
			page: pdftext.TestPage{Content: "q 2 0 0 2 0 0 cm BT /F1 10 Tf 36 350 Td (Big) Tj ET Q BT /F1 10 Tf 72 100 Td (Small) Tj ET"},
			word: "Big", x0: 72, y0: 92 - 16, x1: 72 + 2*(6.67+2.22+5.56), sz: 20,
		},
		{
			name: "q/Q restores the CTM",
			page: pdftext.TestPage{Content: "q 2 0 0 2 0 0 cm BT /F1 10 Tf 36 350 Td (Big) Tj ET Q BT /F1 10 Tf 72 100 Td (Small) Tj ET"},
			word: "Small", x0: 72, y0: 692 - 8, x1: 72 + 6.67 + 8.33 + 5.56 + 2.22 + 2.22, sz: 10,
		},
		{
			name: "Tm sets size and position",
			page: pdftext.TestPage{Content: "BT /F1 1 Tf 14 0 0 14 50 500 Tm (A) Tj ET"},
			word: "A", x0: 50, y0: 292 - 0.8*14, x1: 50 + 0.667*14, sz: 14,
		},
		{
			name: "/Rotate 90 turns text drawn upwards into horizontal text",
			page: pdftext.TestPage{Content: "BT /F1 10 Tf 0 1 -1 0 500 72 Tm (Upright) Tj ET", Extra: "/Rotate 90"},
			word: "Upright", x0: 72, y0: 500 - 8, x1: 72 + 7.22 + 5.56*2 + 3.33 + 2.22 + 5.56 + 2.78, sz: 10,
		},
		{
			name: "CropBox origin moves the page origin",
			page: pdftext.TestPage{Content: "BT /F1 10 Tf 72 700 Td (Crop) Tj ET", Extra: "/CropBox [50 100 562 742]"},
			word: "Crop", x0: 22, y0: 42 - 8, x1: 22 + 7.22 + 3.33 + 5.56*2, sz: 10,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := page1(t, pdftext.OnePage(tc.page))
			w := word(t, p, tc.word)
			assert.InDelta(t, tc.x0, w.X0, 0.02, "X0")
			assert.InDelta(t, tc.y0, w.Y0, 0.02, "Y0")
			assert.InDelta(t, tc.x1, w.X1, 0.02, "X1")
			assert.InDelta(t, tc.sz, w.Size, 0.02, "Size")
		})
	}
}

func TestRotatePageSize(t *testing.T) {
	p := page1(t, pdftext.OnePage(pdftext.TestPage{Content: "", Extra: "/Rotate 90"}))
	assert.Equal(t, 792.0, p.Width)
	assert.Equal(t, 612.0, p.Height)
	assert.Equal(t, 1, p.Number)
}

// cmapHeader and cmapFooter wrap CMap bodies in tests.
const (
	cmapHeader = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
	cmapFooter = "endcmap CMapName currentdict /CMap defineresource pop end end\n"
)

func TestFonts(t *testing.T) {
	for _, tc := range []struct {
		name      string
		build     func(b *pdftext.TestPDF) string // returns the resources
		content   string
		want      []string
		undecoded int
		x1        float64 // of the first word, when not 0
	}{
		{
			name: "Type0 Identity-H with /W and ToUnicode: bfchar, bfrange, array form, surrogates, ligature",
			build: func(b *pdftext.TestPDF) string {
				tu := b.FlateStream("", []byte(cmapHeader+
					"2 beginbfchar <0001> <0044> <0002> <00D3> endbfchar\n"+
					"1 beginbfrange <0003> <0005> <0049> endbfrange\n"+
					"1 beginbfrange <0006> <0007> [<0066006C> <D835DC00>] endbfrange\n"+cmapFooter))
				return fmt.Sprintf("<< /Font << /F1 << /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Arial /Encoding /Identity-H /ToUnicode %d 0 R "+
					"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Arial /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [1 [500 600] 3 5 700] >>] >> >> >>", tu)
			},
			content: "BT /F1 10 Tf 72 700 Td <00010002000300040005000600070008> Tj ET",
			want:    []string{"DÓIJKfl𝐀\uFFFD"}, undecoded: 1,
			x1: 72 + 5 + 6 + 7*3 + 10 + 10 + 10,
		},
		{
			name: "Type0 without ToUnicode counts every glyph as undecoded",
			build: func(b *pdftext.TestPDF) string {
				return "<< /Font << /F1 << /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [<< /Subtype /CIDFontType2 /DW 500 >>] >> >> >>"
			},
			content: "BT /F1 10 Tf 72 700 Td <00410042> Tj ET",
			want:    []string{"\uFFFD\uFFFD"}, undecoded: 2,
			x1: 82,
		},
		{
			name: "predefined UCS-2 CMap: codes are Unicode",
			build: func(b *pdftext.TestPDF) string {
				return "<< /Font << /F1 << /Type /Font /Subtype /Type0 /BaseFont /STSong /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Subtype /CIDFontType0 >>] >> >> >>"
			},
			content: "BT /F1 10 Tf 72 700 Td <00D14E2D> Tj ET",
			want:    []string{"Ñ中"},
		},
		{
			name: "embedded encoding CMap with a 1-byte and a 2-byte codespace",
			build: func(b *pdftext.TestPDF) string {
				enc := b.Stream("/Type /CMap /CMapName /Mixed", []byte("begincmap 2 begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange 1 begincidrange <20> <7E> 1 endcidrange 1 begincidrange <8000> <80FF> 200 endcidrange endcmap"))
				tu := b.Stream("", []byte("begincmap 2 begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange 1 beginbfrange <41> <5A> <0041> endbfrange 1 beginbfchar <8001> <00D1> endbfchar endcmap"))
				return fmt.Sprintf("<< /Font << /F1 << /Type /Font /Subtype /Type0 /BaseFont /Mixed /Encoding %d 0 R /ToUnicode %d 0 R /DescendantFonts [<< /Subtype /CIDFontType0 /W [34 [250] 201 [800]] >>] >> >> >>", enc, tu)
			},
			content: "BT /F1 10 Tf 72 700 Td <41428001> Tj ET",
			want:    []string{"ABÑ"},
			x1:      72 + 2.5 + 10 + 8, // A = CID 34 (250), B = CID 35 (DW), Ñ = CID 201 (800)
		},
		{
			name: "Differences: AGL names, uniXXXX, ligatures, suffixes; unknown names undecoded",
			build: func(b *pdftext.TestPDF) string {
				return "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [65 /Oacute /uni00D1 /f_i /a.sc 70 /g123] >> >> >> >>"
			},
			content: "BT /F1 10 Tf 72 700 Td (ABCDFG) Tj ET",
			want:    []string{"ÓÑfia\uFFFDG"}, undecoded: 1,
		},
		{
			name: "symbolic TrueType without /Encoding: ASCII kept, higher codes undecoded",
			build: func(b *pdftext.TestPDF) string {
				return "<< /Font << /F1 << /Type /Font /Subtype /TrueType /BaseFont /TBUMEN+DejaVuSans /FirstChar 65 /LastChar 128 /Widths [600] /FontDescriptor << /Flags 4 >> >> >> >>"
			},
			content: "BT /F1 10 Tf 72 700 Td (P\\200REZ) Tj ET",
			want:    []string{"P\uFFFDREZ"}, undecoded: 1,
		},
		{
			name: "/Widths from /FirstChar win over standard metrics",
			build: func(b *pdftext.TestPDF) string {
				return "<< /Font << /F1 << /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Arial,Bold /FirstChar 65 /LastChar 66 /Widths [1000 2000] >> >> >>"
			},
			content: "BT /F1 10 Tf 72 700 Td (AB) Tj ET",
			want:    []string{"AB"},
			x1:      72 + 10 + 20,
		},
		{
			name: "ToUnicode wins over the encoding of a simple font",
			build: func(b *pdftext.TestPDF) string {
				tu := b.Stream("", []byte("begincmap 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <41> <00C1> endbfchar endcmap"))
				return fmt.Sprintf("<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /ToUnicode %d 0 R >> >> >>", tu)
			},
			content: "BT /F1 10 Tf 72 700 Td (AB) Tj ET",
			want:    []string{"ÁB"},
			x1:      72 + 7.22 + 6.67,
		},
		{
			name: "combining acute from ToUnicode composes with its base letter",
			build: func(b *pdftext.TestPDF) string {
				tu := b.Stream("", []byte("begincmap 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <01> <0301> endbfchar endcmap"))
				return fmt.Sprintf("<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode %d 0 R >> >> >>", tu)
			},
			content: "BT /F1 10 Tf 72 700 Td (RAZO\\001N) Tj ET",
			want:    []string{"RAZÓN"},
		},
		{
			name: "Type3 widths are scaled by /FontMatrix",
			build: func(b *pdftext.TestPDF) string {
				return "<< /Font << /F1 << /Type /Font /Subtype /Type3 /FontMatrix [0.01 0 0 0.01 0 0] /FontBBox [0 0 100 100] /CharProcs << >> /Encoding << /Differences [65 /A /B] >> /FirstChar 65 /LastChar 66 /Widths [50 100] >> >> >>"
			},
			content: "BT /F1 10 Tf 72 700 Td (AB) Tj ET",
			want:    []string{"AB"},
			x1:      72 + 5 + 10,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b pdftext.TestPDF
			res := tc.build(&b)
			p := page1(t, b.OnePage(pdftext.TestPage{Content: tc.content, Resources: res}))
			assert.Equal(t, tc.want, texts(p))
			assert.Equal(t, tc.undecoded, p.Undecoded)
			if tc.x1 != 0 && assert.NotEmpty(t, p.Lines) {
				assert.InDelta(t, tc.x1, p.Lines[0].Words[0].X1, 0.02)
			}
		})
	}
}

func TestFormsAndAnnotations(t *testing.T) {
	var b pdftext.TestPDF
	font := b.Obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	fm2 := b.Stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 200 50] /Matrix [2 0 0 2 0 0] /Resources << /Font << /F1 %d 0 R >> >>", font),
		[]byte("BT /F1 10 Tf 0 0 Td (Deep) Tj ET"))
	fm1 := b.Stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 300 300] /Matrix [1 0 0 1 0 100] /Resources << /XObject << /Fm2 %d 0 R >> >>", fm2),
		[]byte("/Fm2 Do"))
	self := b.Reserve()
	b.Set(self, fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /Me %d 0 R >> >> /Length 6 >>\nstream\n/Me Do\nendstream", self))
	img := b.Stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray", []byte{0})
	widget := b.Stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 100 20] /Resources << /Font << /F1 %d 0 R >> >>", font),
		[]byte("BT /F1 10 Tf 2 5 Td (Campo) Tj ET"))
	stamp := b.Stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 50 10] /Resources << /Font << /F1 %d 0 R >> >>", font),
		[]byte("BT /F1 5 Tf 0 2 Td (Sello) Tj ET"))
	hidden := b.Stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 50 10] /Resources << /Font << /F1 %d 0 R >> >>", font),
		[]byte("BT /F1 5 Tf 0 2 Td (Hidden) Tj ET"))
	annots := fmt.Sprintf("/Annots [<< /Type /Annot /Subtype /Widget /Rect [200 300 300 320] /AP << /N %d 0 R >> >> "+
		"<< /Type /Annot /Subtype /Stamp /Rect [400 100 500 120] /AP << /N << /On %d 0 R >> >> /AS /On >> "+
		"<< /Type /Annot /Subtype /Widget /F 2 /Rect [400 200 500 220] /AP << /N %d 0 R >> >> "+
		"<< /Type /Annot /Subtype /Link /Rect [400 300 500 320] /AP << /N %d 0 R >> >>]", widget, stamp, hidden, hidden)
	res := fmt.Sprintf("<< /Font << /F1 %d 0 R >> /XObject << /Fm1 %d 0 R /Self %d 0 R /Img %d 0 R >> >>", font, fm1, self, img)
	p := page1(t, b.OnePage(pdftext.TestPage{Content: "q 1 0 0 1 100 0 cm /Fm1 Do Q /Self Do /Img Do /Missing Do", Resources: res, Extra: annots}))

	assert.Equal(t, []string{"Campo", "Sello", "Deep"}, texts(p))
	deep := word(t, p, "Deep")
	assert.InDelta(t, 100, deep.X0, 0.01, "form matrices and cm compose")
	assert.InDelta(t, 792-100-16, deep.Y0, 0.01)
	assert.InDelta(t, 20, deep.Size, 0.01)
	campo := word(t, p, "Campo")
	assert.InDelta(t, 202, campo.X0, 0.01, "widget placed at /Rect")
	assert.InDelta(t, 792-305-8, campo.Y0, 0.01)
	sello := word(t, p, "Sello")
	assert.InDelta(t, 400, sello.X0, 0.01, "stamp scaled from BBox to Rect")
	assert.InDelta(t, 10, sello.Size, 0.01)
}

func TestMultiPageAndLimits(t *testing.T) {
	var b pdftext.TestPDF
	font := b.Obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	pages := b.Reserve()
	var kids []string
	for i := range 3 {
		c := b.Stream("", fmt.Appendf(nil, "BT /F1 10 Tf 72 700 Td (Page %d) Tj ET", i+1))
		kids = append(kids, fmt.Sprintf("%d 0 R", b.Obj(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>", pages, c))))
	}
	// Inherited attributes: resources and box come from the root.
	b.Set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 3 /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> >>", strings.Join(kids, " "), font))
	data := b.Bytes(b.Obj(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages)))

	doc, err := open(t, data, pdftext.Limits{})
	require.NoError(t, err)
	require.Equal(t, 3, doc.NumPages())
	for n := 1; n <= 3; n++ {
		p, err := doc.Page(t.Context(), n)
		require.NoError(t, err)
		assert.Equal(t, []string{fmt.Sprintf("Page %d", n)}, texts(p))
	}
	_, err = doc.Page(t.Context(), 4)
	assert.Error(t, err)

	doc, err = open(t, data, pdftext.Limits{MaxPages: 2})
	require.NoError(t, err)
	assert.Equal(t, 2, doc.NumPages())
	_, err = doc.Page(t.Context(), 3)
	var le *pdftext.LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "MaxPages", le.Name)
}

func TestErrors(t *testing.T) {
	cycle := func() []byte {
		var b pdftext.TestPDF
		pages := b.Reserve()
		b.Set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", pages))
		return b.Bytes(b.Obj(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages)))
	}
	parentCycle := func() []byte {
		var b pdftext.TestPDF
		a, c := b.Reserve(), b.Reserve()
		b.Set(a, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", c))
		b.Set(c, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Parent %d 0 R /Count 1 >>", a, a))
		return b.Bytes(b.Obj(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", a)))
	}
	deep := func() []byte {
		var b pdftext.TestPDF
		prev := b.Obj("<< /Type /Page /MediaBox [0 0 10 10] >>")
		for range 40 {
			prev = b.Obj(fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", prev))
		}
		return b.Bytes(b.Obj(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", prev)))
	}
	prevLoop := func() []byte {
		var b pdftext.TestPDF
		data := b.OnePage(pdftext.TestPage{Content: "BT ET"})
		i := bytes.LastIndex(data, []byte("startxref\n"))
		var xref int
		fmt.Sscanf(string(data[i+len("startxref\n"):]), "%d", &xref)
		// The same file with its xref's /Prev pointing at itself:
		// ledongthuc/pdf alone loops forever on it.
		return bytes.Replace(data, []byte("trailer\n<<"), fmt.Appendf(nil, "trailer\n<< /Prev %d", xref), 1)
	}
	hugeSize := func() []byte {
		data := pdftext.OnePage(pdftext.TestPage{Content: "BT ET"})
		return bytes.Replace(data, []byte("trailer\n<< /Size"), []byte("trailer\n<< /Size 99999999 /X"), 1)
	}
	hugeXref := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nxref\n20000000 1\n0000000009 00000 n \ntrailer << /Size 20000001 /Root 1 0 R >>\nstartxref\n46\n%%EOF\n")
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"not a PDF", []byte("hello, world, this is not a PDF at all"), pdftext.ErrMalformed},
		{"empty", nil, pdftext.ErrMalformed},
		{"page tree cycle through Kids", cycle(), pdftext.ErrMalformed},
		{"page tree cycle through two nodes", parentCycle(), pdftext.ErrMalformed},
		{"page tree deeper than MaxDepth", deep(), pdftext.ErrLimit},
		{"xref claiming object 20,000,000 in a tiny file", hugeXref, pdftext.ErrMalformed},
		{"truncated file", pdftext.OnePage(pdftext.TestPage{Content: "BT ET"})[:200], pdftext.ErrMalformed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := open(t, tc.data, pdftext.Limits{})
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
		})
	}
	// Files ledongthuc/pdf would loop on or over-allocate for are read
	// as they are: the xref lives in a map and /Prev cycles are cut.
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"xref /Prev pointing at itself", prevLoop()},
		{"trailer /Size larger than the file", hugeSize()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := open(t, tc.data, pdftext.Limits{})
			require.NoError(t, err)
			assert.False(t, doc.Repaired())
			_, err = doc.Page(t.Context(), 1)
			assert.NoError(t, err)
		})
	}
}

// failingReader fails every read, to prove nothing is read.
type failingReader struct{}

func (failingReader) ReadAt([]byte, int64) (int, error) { return 0, errors.New("read") }

func TestMaxSizeReadsNothing(t *testing.T) {
	_, err := pdftext.Open(t.Context(), failingReader{}, 30<<20, "", pdftext.Limits{})
	var le *pdftext.LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "MaxSize", le.Name)
	assert.Equal(t, int64(20<<20), le.Value)
}

func TestContentLimits(t *testing.T) {
	bomb := bytes.Repeat([]byte("q Q "), 8<<20/4) // 8 MiB
	for _, tc := range []struct {
		name    string
		content []byte
		lim     pdftext.Limits
		want    string
	}{
		{"Flate bomb stops at MaxStreamBytes", bomb, pdftext.Limits{MaxStreamBytes: 1 << 20}, "MaxStreamBytes"},
		{"Flate bomb stops at MaxTotalBytes", bomb, pdftext.Limits{MaxTotalBytes: 1 << 20}, "MaxTotalBytes"},
		{"operators stop at MaxOps", []byte(strings.Repeat("q Q ", 1000)), pdftext.Limits{MaxOps: 500}, "MaxOps"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b pdftext.TestPDF
			data := b.OnePage(pdftext.TestPage{Content: string(tc.content)})
			doc, err := open(t, data, tc.lim)
			require.NoError(t, err)
			_, err = doc.Page(t.Context(), 1)
			var le *pdftext.LimitError
			require.ErrorAs(t, err, &le)
			assert.ErrorIs(t, err, pdftext.ErrLimit)
			assert.Equal(t, tc.want, le.Name)
		})
	}
}

func TestFormCycleDepth(t *testing.T) {
	// Two forms drawing each other: the cycle is cut, nothing hangs.
	var b pdftext.TestPDF
	font := b.Obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	a, c := b.Reserve(), b.Reserve()
	body := func(other int, text string) string {
		s := fmt.Sprintf("BT /F1 10 Tf 72 %d Td (%s) Tj ET /X Do", map[string]int{"A": 700, "C": 600}[text], text)
		return fmt.Sprintf("<< /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> /XObject << /X %d 0 R >> >> /Length %d >>\nstream\n%s\nendstream", font, other, len(s), s)
	}
	b.Set(a, body(c, "A"))
	b.Set(c, body(a, "C"))
	p := page1(t, b.OnePage(pdftext.TestPage{Content: "/X Do", Resources: fmt.Sprintf("<< /XObject << /X %d 0 R >> >>", a)}))
	assert.Equal(t, []string{"A", "C"}, texts(p))
}

func TestGarbageContentNoPanic(t *testing.T) {
	for _, content := range []string{
		"BT 1 Td ET", "Tj TJ ' \" Tf Tm cm Do", "BT /F1 Tf (x) Tj ET", "BT /F1 10 Tf [(a) /x << >> 5] TJ ET",
		"BT /F1 10 Tf (unterminated", "<< /a [ ( ) ] >> ] ) } {", "BT /F1 1e400 Tf 1e400 0 Td (x) Tj ET",
		"BT /F1 10 Tf 0 0 0 0 0 0 Tm (degenerate) Tj ET", "Q Q Q q", "BI ID", "%comment only",
		"BT /F1 10 Tf 3 0 0 3 nan inf Tm (x) Tj ET", "BT /F1 99999999999 Tf 72 700 Td (x) Tj ET",
	} {
		t.Run(content, func(t *testing.T) {
			doc, err := open(t, pdftext.OnePage(pdftext.TestPage{Content: content}), pdftext.Limits{})
			require.NoError(t, err)
			_, err = doc.Page(t.Context(), 1)
			assert.NoError(t, err)
		})
	}
}

func TestCancelledContext(t *testing.T) {
	data := pdftext.OnePage(pdftext.TestPage{Content: "BT /F1 12 Tf (x) Tj ET"})
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := pdftext.Open(ctx, bytes.NewReader(data), int64(len(data)), "", pdftext.Limits{})
	assert.ErrorIs(t, err, context.Canceled)

	doc, err := open(t, data, pdftext.Limits{})
	require.NoError(t, err)
	_, err = doc.Page(ctx, 1)
	assert.ErrorIs(t, err, context.Canceled)
}

var _ = io.EOF

func TestFieldValuesWithoutAppearance(t *testing.T) {
	annots := "/Annots [" +
		"<< /Type /Annot /Subtype /Widget /FT /Tx /Rect [100 600 300 615] /DA (/Helv 9 Tf 0 g) /V (EMPRESA S.A.S.) >> " +
		"<< /Type /Annot /Subtype /Widget /Rect [100 500 268 515] /Parent << /FT /Tx /Ff 16777216 /MaxLen 14 /V (18764081810977) >> >> " +
		"<< /Type /Annot /Subtype /Widget /FT /Btn /Rect [100 400 110 410] /V /Yes >>]"
	p := page1(t, pdftext.OnePage(pdftext.TestPage{Content: "", Extra: annots}))
	assert.Equal(t, []string{"EMPRESA S.A.S.", "18764081810977"}, texts(p))
	w := word(t, p, "18764081810977")
	assert.True(t, w.Spaced, "a comb field prints one digit per cell")
	assert.InDelta(t, 100, w.X0, 12)
	assert.InDelta(t, 268, w.X1, 12)
}

func TestTolerableDamage(t *testing.T) {
	good := pdftext.OnePage(pdftext.TestPage{Content: "BT /F1 10 Tf 72 700 Td (Tolerado) Tj ET"})
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"PDF 2.0 header", bytes.Replace(good, []byte("%PDF-1.7"), []byte("%PDF-2.0"), 1)},
		{"junk before the header, offsets from the header", append([]byte("Content-Type: application/pdf\r\n\r\n"), good...)},
		{"junk after %%EOF holding its own %%EOF", append(append(good, make([]byte, 300)...), "\n%%EOF\n<html>Descarga completa</html>\n"...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := open(t, tc.data, pdftext.Limits{})
			require.NoError(t, err)
			assert.False(t, doc.Repaired(), "not damage: the header is found and offsets counted from it")
			p, err := doc.Page(t.Context(), 1)
			require.NoError(t, err)
			assert.Equal(t, []string{"Tolerado"}, texts(p))
		})
	}
}

// TestManyRotatedGlyphs keeps tilted glyphs out of line grouping;
// BenchmarkRotatedGlyphs measures how fast.
func TestManyRotatedGlyphs(t *testing.T) {
	p := page1(t, pdftext.OnePage(pdftext.TestPage{Content: rotatedGrid()}))
	assert.Len(t, p.Rotated, 900)
	assert.Len(t, p.Lines, 100)
}

func TestStreamLayouts(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
	for _, tc := range []struct {
		name  string
		build func(b *pdftext.TestPDF) string // returns the /Contents value
		want  []string
	}{
		{
			name: "Contents array: streams join with white space, state carries over",
			build: func(b *pdftext.TestPDF) string {
				s1 := b.Stream("", []byte("BT /F1 10 Tf 72 700 Td (Hello) Tj"))
				s2 := b.FlateStream("", []byte("ET BT /F1 10 Tf 72 680 Td (World) Tj ET"))
				return fmt.Sprintf("[%d 0 R %d 0 R]", s1, s2)
			},
			want: []string{"Hello", "World"},
		},
		{
			name: "wrong /Length: the data ends at endstream",
			build: func(b *pdftext.TestPDF) string {
				id := b.Reserve()
				b.Set(id, "<< /Length 999999 >>\nstream\nBT /F1 10 Tf 72 700 Td (Length) Tj ET\nendstream")
				return fmt.Sprintf("%d 0 R", id)
			},
			want: []string{"Length"},
		},
		{
			name: "filter chain: ASCIIHex of RunLength",
			build: func(b *pdftext.TestPDF) string {
				rl := append([]byte{byte(len("BT /F1 10 Tf 72 700 Td (Chain) Tj ET") - 1)}, "BT /F1 10 Tf 72 700 Td (Chain) Tj ET"...)
				rl = append(rl, 128)
				return fmt.Sprintf("%d 0 R", b.Stream("/Filter [/AHx /RL]", fmt.Appendf(nil, "%x>", rl)))
			},
			want: []string{"Chain"},
		},
		{
			name:  "no Contents: an empty page",
			build: func(b *pdftext.TestPDF) string { return "null" },
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b pdftext.TestPDF
			contents := tc.build(&b)
			pages := b.Reserve()
			page := b.Obj(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %s >> >> /Contents %s >>", pages, font, contents))
			b.Set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
			p := page1(t, b.Bytes(b.Obj(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))))
			assert.Equal(t, tc.want, texts(p))
		})
	}
}

func TestWordFontAndJSON(t *testing.T) {
	var b pdftext.TestPDF
	res := "<< /Font << /F1 << /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Arial-BoldMT /Encoding /WinAnsiEncoding >> >> >>"
	p := page1(t, b.OnePage(pdftext.TestPage{Resources: res, Content: "BT /F1 10 Tf 72 700 Td (NIT) Tj ET"}))
	require.Len(t, p.Lines, 1)
	w := p.Lines[0].Words[0]
	assert.Equal(t, "Arial-BoldMT", w.Font, "subset tag removed")
	assert.InDelta(t, 72+(7.22+2.78+6.11), w.X1, 0.02, "Arial-Bold measured as Helvetica-Bold")
	js, err := json.Marshal(w)
	require.NoError(t, err)
	assert.JSONEq(t, fmt.Sprintf(`{"text":"NIT","x0":%v,"y0":%v,"x1":%v,"y1":%v,"size":10,"font":"Arial-BoldMT"}`, w.X0, w.Y0, w.X1, w.Y1), string(js))
}

// A run of three or more leader dots set against a label or a value with
// no space is a word of its own: the value is "2021", not "......2021".
func TestLeaderDotsAreTheirOwnWord(t *testing.T) {
	p := page1(t, pdftext.OnePage(pdftext.TestPage{Content: "BT /F1 10 Tf 72 700 Td (A\\361o.........2021) Tj ET " +
		"BT /F1 10 Tf 72 680 Td (NIT \\205 900123456) Tj ET BT /F1 10 Tf 72 660 Td (S.A.S. etc.) Tj ET"}))
	var got [][]string
	for _, l := range p.Lines {
		var ws []string
		for _, w := range l.Words {
			ws = append(ws, w.Text)
		}
		got = append(got, ws)
	}
	assert.Equal(t, [][]string{{"Año", ".........", "2021"}, {"NIT", "…", "900123456"}, {"S.A.S.", "etc."}}, got)
	dots, year := word(t, p, "........."), word(t, p, "2021")
	assert.Less(t, word(t, p, "Año").X1, dots.X0+0.01)
	assert.Less(t, dots.X1, year.X0+0.01)

	// Underscores are a typewritten form's leaders, on either side.
	p = page1(t, pdftext.OnePage(pdftext.TestPage{Content: "BT /F1 10 Tf 72 700 Td (___FE___ 900123456____ A_B __DS BOYAC\301__) Tj ET"}))
	var ws []string
	for _, w := range p.Lines[0].Words {
		ws = append(ws, w.Text)
	}
	assert.Equal(t, []string{"___", "FE", "___", "900123456", "____", "A_B", "__", "DS", "BOYACÁ", "__"}, ws)
}

// A space glyph that the producer then moves back over, so that its
// neighbours touch, parts no words (groff sets kerned words this way);
// a space that leaves a gap does.
func TestHairSpaceInsideAWord(t *testing.T) {
	p := page1(t, pdftext.OnePage(pdftext.TestPage{Content: "BT /F1 10 Tf 72 700 Td [(for ) 260 (mulario)] TJ ET " +
		"BT /F1 10 Tf 72 680 Td [(dos ) (palabras)] TJ ET"}))
	assert.Equal(t, []string{"formulario", "dos palabras"}, texts(p))
}
