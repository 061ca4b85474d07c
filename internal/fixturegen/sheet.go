package fixturegen

// A Sheet is a free-form drawing written by this package's PDF writer: a
// label font, a value font, pages, text, rules and circles. It exists so
// that generators in other packages (internal/fixturegen/layouts) can
// draw layouts of their own without a second PDF writer.
//
// Coordinates are points in a top-left, y-down design space, as in the
// rest of the package; text is placed by its baseline origin.
type Sheet struct {
	r *renderer
}

// Face picks one of a Sheet's two fonts.
type Face int

// The two fonts of a Sheet, set by [Layout.LabelFont] and [Layout.ValueFont].
const (
	LabelFace Face = iota
	ValueFace
)

// NewSheet starts an empty document. Of l it uses the paper, fonts,
// accents and file-structure fields (Plain, ObjStreams, Hybrid, Version,
// Content, Shuffle, Encrypt, Invisible); the form-drawing fields are
// ignored. name seeds the file identifier.
func NewSheet(name string, l Layout, fs *Fonts) *Sheet {
	if l.Paper == [2]float64{} {
		l.Paper = A4
	}
	r := &renderer{name: name, l: l, w: l.Paper[0], h: l.Paper[1], forms: map[int][]*canvas{}, places: map[*canvas][2]float64{}}
	r.label = newFont("F1", l.LabelFont, l.Accents, fs)
	r.value = r.label
	if l.ValueFont != l.LabelFont {
		r.value = newFont("F2", l.ValueFont, l.Accents, fs)
	}
	return &Sheet{r: r}
}

// Size returns the page width and height in points.
func (s *Sheet) Size() (w, h float64) { return s.r.w, s.r.h }

// Width returns the advance width of text in face f at size.
func (s *Sheet) Width(f Face, size float64, text string) float64 {
	return s.font(f).width(text, size)
}

func (s *Sheet) font(f Face) *font {
	if f == ValueFace {
		return s.r.value
	}
	return s.r.label
}

// AddPage appends a page and returns it.
func (s *Sheet) AddPage() *Page {
	return &Page{s: s, c: s.r.newPage()}
}

// Bytes writes the document.
func (s *Sheet) Bytes() []byte { return s.r.finish() }

// A Page is one page of a Sheet.
type Page struct {
	s *Sheet
	c *canvas
}

// Text draws text in face f with its baseline origin at (x, y), rotated
// deg degrees counterclockwise about that origin.
func (p *Page) Text(f Face, size, x, y, deg float64, text string) {
	p.c.textRot(p.s.font(f), size, x, y, deg, text)
}

// Rect strokes a rectangle whose top-left corner is (x, y).
func (p *Page) Rect(x, y, w, h, lw float64) { p.c.rect(x, y, w, h, lw) }

// Line strokes a line.
func (p *Page) Line(x1, y1, x2, y2, lw float64) { p.c.line(x1, y1, x2, y2, lw) }

// Circle strokes a circle.
func (p *Page) Circle(cx, cy, r, lw float64) { p.c.circle(cx, cy, r, lw) }

// ArcText draws text one rotated glyph at a time along a circle: over the
// top when top is true, along the bottom otherwise.
func (p *Page) ArcText(f Face, size, cx, cy, r float64, top bool, text string) {
	p.c.arcText(p.s.font(f), size, cx, cy, r, top, text)
}

// TextWidth measures text as a font of kind k would draw it, without a
// Sheet: FontHelvetica and FontType3 use Liberation Sans (Helvetica's
// metrics), the others DejaVu Sans. Generators for other producers use it
// to lay out text in the standard fonts.
func (fs *Fonts) TextWidth(k FontKind, size float64, text string) float64 {
	m := fs.dejavu
	if k == FontHelvetica || k == FontType3 {
		m = fs.liberation
	}
	return m.width(text, size)
}
