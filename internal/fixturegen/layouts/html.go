package layouts

import (
	"bytes"
	"fmt"
	"html"

	"github.com/dianres/dianres/internal/fixturegen"
)

// htmlFonts are the system fonts the Chromium producer draws with, each
// with the metrics the layout measures it by: DejaVu Sans is the font
// fixturegen embeds, Nimbus Sans has Helvetica's (Liberation Sans's)
// widths, Nimbus Mono PS Courier's 600 units.
var htmlFonts = []string{"DejaVu Sans", "Nimbus Sans", "Nimbus Mono PS"}

// htmlSurface writes one HTML page per PDF page, each an inline SVG in
// points, for Chromium's --print-to-pdf. SVG places text by its
// baseline, as the drawing code does, so no font ascent is guessed.
type htmlSurface struct {
	w, h  float64
	fs    *fixturegen.Fonts
	fonts [2]string // font family per Face
	pages []*bytes.Buffer
}

func (s *htmlSurface) size() (float64, float64) { return s.w, s.h }
func (s *htmlSurface) addPage()                 { s.pages = append(s.pages, &bytes.Buffer{}) }

func (s *htmlSurface) width(f fixturegen.Face, size float64, t string) float64 {
	switch s.fonts[f] {
	case "Nimbus Mono PS":
		return 0.6 * size * float64(len([]rune(t)))
	case "Nimbus Sans":
		return s.fs.TextWidth(fixturegen.FontHelvetica, size, t)
	}
	return s.fs.TextWidth(fixturegen.FontType0, size, t)
}

func (s *htmlSurface) text(p int, f fixturegen.Face, size, x, y, deg float64, t string) {
	if t == "" {
		return
	}
	rot := ""
	if deg != 0 { // counterclockwise on paper is a negative SVG angle (y down)
		rot = fmt.Sprintf(` transform="rotate(%s %s %s)"`, psNum(-deg), psNum(x), psNum(y))
	}
	fmt.Fprintf(s.pages[p], `<text x="%s" y="%s" font-family="%s" font-size="%s"%s>%s</text>`+"\n",
		psNum(x), psNum(y), s.fonts[f], psNum(size), rot, html.EscapeString(t))
}

func (s *htmlSurface) rect(p int, x, y, w, h, lw float64) {
	fmt.Fprintf(s.pages[p], `<rect x="%s" y="%s" width="%s" height="%s" fill="none" stroke="black" stroke-width="%s"/>`+"\n",
		psNum(x), psNum(y), psNum(w), psNum(h), psNum(lw))
}

func (s *htmlSurface) line(p int, x1, y1, x2, y2, lw float64) {
	fmt.Fprintf(s.pages[p], `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="black" stroke-width="%s"/>`+"\n",
		psNum(x1), psNum(y1), psNum(x2), psNum(y2), psNum(lw))
}

func (s *htmlSurface) circle(p int, cx, cy, r, lw float64) {
	fmt.Fprintf(s.pages[p], `<circle cx="%s" cy="%s" r="%s" fill="none" stroke="black" stroke-width="%s"/>`+"\n",
		psNum(cx), psNum(cy), psNum(r), psNum(lw))
}

// bytes returns the HTML document.
func (s *htmlSurface) bytes() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8"><title>Formato 1876</title>
<style>@page { size: %[1]spt %[2]spt; margin: 0 } body { margin: 0 } svg { display: block; break-after: page } text { white-space: pre }</style>
</head><body>
`, psNum(s.w), psNum(s.h))
	for _, p := range s.pages {
		fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%[1]spt" height="%[2]spt" viewBox="0 0 %[1]s %[2]s">`+"\n", psNum(s.w), psNum(s.h))
		b.Write(p.Bytes())
		b.WriteString("</svg>\n")
	}
	b.WriteString("</body></html>\n")
	return b.Bytes()
}

// htmlFontsOf picks the Chromium fonts from the layout's seed, without
// drawing from the layout's generator (which would change every other
// producer's documents).
func htmlFontsOf(l Layout) [2]string {
	return [2]string{htmlFonts[l.Seed%3], htmlFonts[(l.Seed>>8)%3]}
}

// HTML draws the document as HTML for Chromium's --print-to-pdf.
func (d *Doc) HTML(fs *fixturegen.Fonts) []byte {
	p := d.paper()
	s := &htmlSurface{w: p[0], h: p[1], fs: fs, fonts: htmlFontsOf(d.Layout)}
	draw(s, d.Layout, &d.Data)
	return s.bytes()
}
