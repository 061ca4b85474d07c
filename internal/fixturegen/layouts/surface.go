package layouts

import (
	"bytes"
	"fmt"
	"math"
	"strconv"

	"github.com/dianres/dianres/internal/fixturegen"
)

// writerSurface draws through fixturegen's own PDF writer.
type writerSurface struct {
	sh    *fixturegen.Sheet
	pages []*fixturegen.Page
}

func (s *writerSurface) size() (float64, float64) { return s.sh.Size() }
func (s *writerSurface) addPage()                 { s.pages = append(s.pages, s.sh.AddPage()) }
func (s *writerSurface) width(f fixturegen.Face, size float64, t string) float64 {
	return s.sh.Width(f, size, t)
}
func (s *writerSurface) text(p int, f fixturegen.Face, size, x, y, deg float64, t string) {
	s.pages[p].Text(f, size, x, y, deg, t)
}
func (s *writerSurface) rect(p int, x, y, w, h, lw float64)     { s.pages[p].Rect(x, y, w, h, lw) }
func (s *writerSurface) line(p int, x1, y1, x2, y2, lw float64) { s.pages[p].Line(x1, y1, x2, y2, lw) }
func (s *writerSurface) circle(p int, cx, cy, r, lw float64)    { s.pages[p].Circle(cx, cy, r, lw) }

// psSurface writes PostScript for Ghostscript's ps2pdf, in Helvetica or
// Courier re-encoded to ISO Latin-1, the way hand-written and
// legacy PostScript drivers print. Widths come from Liberation Sans
// (Helvetica's metrics) or Courier's fixed 600 units.
type psSurface struct {
	w, h  float64
	fs    *fixturegen.Fonts
	fonts [2]string // PostScript base font per Face
	pages []*bytes.Buffer
	err   error // the first text that is not Latin-1
}

func (s *psSurface) size() (float64, float64) { return s.w, s.h }
func (s *psSurface) addPage()                 { s.pages = append(s.pages, &bytes.Buffer{}) }

func (s *psSurface) width(f fixturegen.Face, size float64, t string) float64 {
	if s.fonts[f] == "Courier" {
		return 0.6 * size * float64(len([]rune(t)))
	}
	return s.fs.TextWidth(fixturegen.FontHelvetica, size, t)
}

func psNum(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// psString writes t as a PostScript string; the first rune outside
// Latin-1 becomes the surface's error.
func (s *psSurface) psString(t string) string {
	lit, err := fixturegen.PSString(t)
	if err != nil && s.err == nil {
		s.err = fmt.Errorf("layouts: %w in %q", err, t)
	}
	return lit
}

func (s *psSurface) text(p int, f fixturegen.Face, size, x, y, deg float64, t string) {
	if t == "" {
		return
	}
	name := s.fonts[f] + "L1"
	if deg == 0 {
		fmt.Fprintf(s.pages[p], "/%s %s selectfont %s %s moveto %s show\n", name, psNum(size), psNum(x), psNum(s.h-y), s.psString(t))
		return
	}
	fmt.Fprintf(s.pages[p], "/%s %s selectfont gsave %s %s translate %s rotate 0 0 moveto %s show grestore\n",
		name, psNum(size), psNum(x), psNum(s.h-y), psNum(deg), s.psString(t))
}

func (s *psSurface) rect(p int, x, y, w, h, lw float64) {
	fmt.Fprintf(s.pages[p], "%s setlinewidth %s %s %s %s rectstroke\n", psNum(lw), psNum(x), psNum(s.h-y-h), psNum(w), psNum(h))
}

func (s *psSurface) line(p int, x1, y1, x2, y2, lw float64) {
	fmt.Fprintf(s.pages[p], "%s setlinewidth newpath %s %s moveto %s %s lineto stroke\n", psNum(lw), psNum(x1), psNum(s.h-y1), psNum(x2), psNum(s.h-y2))
}

func (s *psSurface) circle(p int, cx, cy, r, lw float64) {
	fmt.Fprintf(s.pages[p], "%s setlinewidth newpath %s %s %s 0 360 arc stroke\n", psNum(lw), psNum(cx), psNum(s.h-cy), psNum(r))
}

// bytes returns the PostScript program.
func (s *psSurface) bytes() ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%%!PS-Adobe-3.0\n%%%%Pages: %d\n%%%%EndComments\n", len(s.pages))
	// ISOLatin1Encoding puts /minus at code 45, so "2024-10-19" would
	// extract with U+2212; the copy puts /hyphen back, as Latin-1 means.
	b.WriteString("/Latin1Hyphen ISOLatin1Encoding dup length array copy dup 45 /hyphen put def\n")
	for _, f := range []string{"Helvetica", "Courier"} {
		fmt.Fprintf(&b, "/%s findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall /Encoding Latin1Hyphen def currentdict end /%sL1 exch definefont pop\n", f, f)
	}
	fmt.Fprintf(&b, "<< /PageSize [%s %s] >> setpagedevice\n", psNum(s.w), psNum(s.h))
	for i, p := range s.pages {
		fmt.Fprintf(&b, "%%%%Page: %d %d\n", i+1, i+1)
		b.Write(p.Bytes())
		b.WriteString("showpage\n")
	}
	b.WriteString("%%EOF\n")
	return b.Bytes(), s.err
}
