package form

import (
	"io"
	"strings"

	"github.com/dianres/dianres/internal/pdftext"
)

// at is one run of text placed at x, y (top-left origin) in a 9-point font;
// words inside text are split on "|" so tests choose word boundaries.
type at struct {
	x, y float64
	text string
}

// pageOf lays out runs as the text layer would: each run's words side by
// side, each word 5 points per character, runs with equal y on one line.
func pageOf(n int, runs ...at) *pdftext.Page {
	const size = 9.0
	p := &pdftext.Page{Number: n, Width: 612, Height: 792}
	byY := map[float64]*pdftext.Line{}
	var ys []float64
	for _, r := range runs {
		l, ok := byY[r.y]
		if !ok {
			l = &pdftext.Line{Y0: r.y - size, Y1: r.y, X0: r.x}
			byY[r.y] = l
			ys = append(ys, r.y)
		}
		x := r.x
		for _, w := range strings.Split(r.text, "|") {
			w = strings.TrimSpace(w)
			wd := float64(len([]rune(w))) * 5
			l.Words = append(l.Words, pdftext.Word{Text: w, X0: x, X1: x + wd, Y0: r.y - size, Y1: r.y, Size: size})
			x += wd + 4
		}
	}
	for i := 1; i < len(ys); i++ { // insertion sort keeps the helper dependency-free
		for j := i; j > 0 && ys[j] < ys[j-1]; j-- {
			ys[j], ys[j-1] = ys[j-1], ys[j]
		}
	}
	for _, y := range ys {
		l := byY[y]
		for i := 1; i < len(l.Words); i++ {
			for j := i; j > 0 && l.Words[j].X0 < l.Words[j-1].X0; j-- {
				l.Words[j], l.Words[j-1] = l.Words[j-1], l.Words[j]
			}
		}
		l.X0, l.X1 = l.Words[0].X0, l.Words[len(l.Words)-1].X1
		p.Lines = append(p.Lines, *l)
	}
	return p
}

// bytesReaderAt serves a byte slice as an io.ReaderAt.
type bytesReaderAt []byte

func (r bytesReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(r)) {
		return 0, io.EOF
	}
	n := copy(p, r[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}
