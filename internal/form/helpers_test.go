package form

import (
	"cmp"
	"slices"
	"strings"

	"github.com/dianres/dianres/internal/pdftext"
)

// at is one run of text placed at x, y (top-left origin, y the baseline);
// words inside text are split on "|" so tests choose word boundaries. A
// zero size means 9 points; font names the style (labels and values are
// often printed in different ones).
type at struct {
	x, y float64
	text string
	size float64
	font string
}

// right places text so that it ends at x1: a right-aligned value.
func right(x1, y float64, text string) at {
	return at{x: x1 - runWidth(text, 9), y: y, text: text}
}

// lbl is a run in the label style: 6 points, font "L".
func lbl(x, y float64, text string) at { return at{x: x, y: y, text: text, size: 6, font: "L"} }

func runWidth(text string, size float64) float64 {
	w := 0.0
	for i, word := range strings.Split(text, "|") {
		if i > 0 {
			w += gap(size)
		}
		w += charWidth(size) * float64(len([]rune(strings.TrimSpace(word))))
	}
	return w
}

func charWidth(size float64) float64 { return 5 * size / 9 }
func gap(size float64) float64       { return 2.5 * size / 9 }

// pageOf lays out runs as the text layer would: each run's words side by
// side, runs with equal y on one line, lines top to bottom.
func pageOf(n int, runs ...at) *pdftext.Page {
	p := &pdftext.Page{Number: n, Width: 612, Height: 792}
	byY := map[float64]*pdftext.Line{}
	var ys []float64
	for _, r := range runs {
		size := r.size
		if size == 0 {
			size = 9
		}
		font := r.font
		if font == "" {
			font = "V"
		}
		l, ok := byY[r.y]
		if !ok {
			l = &pdftext.Line{Y0: r.y - size, Y1: r.y}
			byY[r.y] = l
			ys = append(ys, r.y)
		}
		l.Y0 = min(l.Y0, r.y-size)
		x := r.x
		for _, w := range strings.Split(r.text, "|") {
			w = strings.TrimSpace(w)
			wd := charWidth(size) * float64(len([]rune(w)))
			l.Words = append(l.Words, pdftext.Word{Text: w, X0: x, X1: x + wd, Y0: r.y - size, Y1: r.y, Size: size, Font: font})
			x += wd + gap(size)
		}
	}
	slices.Sort(ys)
	for _, y := range ys {
		l := byY[y]
		slices.SortStableFunc(l.Words, func(a, b pdftext.Word) int { return cmp.Compare(a.X0, b.X0) })
		l.X0, l.X1 = l.Words[0].X0, l.Words[len(l.Words)-1].X1
		p.Lines = append(p.Lines, *l)
	}
	return p
}

// rowTexts returns each row's modality, prefix, bounds, months and request
// as read.
func rowTexts(f Fields) [][]string {
	var out [][]string
	for _, r := range f.Rows {
		out = append(out, []string{r.Kind.Text, r.Prefix.Text, r.From.Text, r.To.Text, r.Months.Text, r.Request.Text})
	}
	return out
}
