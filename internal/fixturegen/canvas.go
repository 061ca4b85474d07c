package fixturegen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// A canvas collects drawing operations in a top-left, y-down design space
// and emits them as PDF content. Each operation is self-contained (its
// own BT/ET, its own path), so the order can be shuffled.
type canvas struct {
	ox, oy    float64 // design origin of this canvas (non-zero for a form)
	h         float64 // height, to flip y
	items     []string
	fonts     map[string]*font
	invisible bool // text render mode 3
	edit      func(string) string
}

func newCanvas(ox, oy, h float64) *canvas {
	return &canvas{ox: ox, oy: oy, h: h, fonts: map[string]*font{}}
}

func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

func (c *canvas) pt(x, y float64) (float64, float64) { return x - c.ox, c.h - (y - c.oy) }

// text draws s with its baseline starting at (x, y).
func (c *canvas) text(f *font, size, x, y float64, s string) {
	c.textRot(f, size, x, y, 0, s)
}

// textRot draws s rotated by deg degrees counterclockwise about its origin.
func (c *canvas) textRot(f *font, size, x, y, deg float64, s string) {
	if c.edit != nil {
		s = c.edit(s)
	}
	if s == "" {
		return
	}
	c.fonts[f.res] = f
	px, py := c.pt(x, y)
	tr := ""
	if c.invisible {
		tr = "3 Tr "
	}
	a := deg * math.Pi / 180
	cs, sn := math.Cos(a), math.Sin(a)
	c.items = append(c.items, fmt.Sprintf("BT /%s %s Tf %s%s %s %s %s %s %s Tm %s Tj ET\n",
		f.res, num(size), tr, num(cs), num(sn), num(-sn), num(cs), num(px), num(py), f.encode(s)))
}

// digits draws s one character per box at a fixed pitch, boxes around each.
func (c *canvas) digits(f *font, size, x, y, pitch float64, s string) {
	i := 0
	for _, r := range s {
		bx := x + float64(i)*pitch
		c.rect(bx, y-size-2, pitch, size+5, 0.4)
		w := f.width(string(r), size)
		c.text(f, size, bx+(pitch-w)/2, y, string(r))
		i++
	}
}

func (c *canvas) rect(x, y, w, h, lw float64) {
	px, py := c.pt(x, y+h)
	c.items = append(c.items, fmt.Sprintf("%s w %s %s %s %s re S\n", num(lw), num(px), num(py), num(w), num(h)))
}

func (c *canvas) fill(x, y, w, h float64) {
	px, py := c.pt(x, y+h)
	c.items = append(c.items, fmt.Sprintf("%s %s %s %s re f\n", num(px), num(py), num(w), num(h)))
}

func (c *canvas) line(x1, y1, x2, y2, lw float64) {
	a, b := c.pt(x1, y1)
	d, e := c.pt(x2, y2)
	c.items = append(c.items, fmt.Sprintf("%s w %s %s m %s %s l S\n", num(lw), num(a), num(b), num(d), num(e)))
}

// circle strokes a circle from four Bézier arcs.
func (c *canvas) circle(cx, cy, r, lw float64) {
	x, y := c.pt(cx, cy)
	k := 0.5523 * r
	var b strings.Builder
	fmt.Fprintf(&b, "%s w %s %s m ", num(lw), num(x+r), num(y))
	fmt.Fprintf(&b, "%s %s %s %s %s %s c ", num(x+r), num(y+k), num(x+k), num(y+r), num(x), num(y+r))
	fmt.Fprintf(&b, "%s %s %s %s %s %s c ", num(x-k), num(y+r), num(x-r), num(y+k), num(x-r), num(y))
	fmt.Fprintf(&b, "%s %s %s %s %s %s c ", num(x-r), num(y-k), num(x-k), num(y-r), num(x), num(y-r))
	fmt.Fprintf(&b, "%s %s %s %s %s %s c S\n", num(x+k), num(y-r), num(x+r), num(y-k), num(x+r), num(y))
	c.items = append(c.items, b.String())
}

// arcText draws s along a circle centred at (cx, cy): over the top,
// reading clockwise, when top is true; along the bottom otherwise.
func (c *canvas) arcText(f *font, size, cx, cy, r float64, top bool, s string) {
	total := f.width(s, size) / r // radians
	off := 0.0
	for _, ch := range s {
		w := f.width(string(ch), size)
		var theta, rot float64
		if top {
			theta = math.Pi/2 + total/2 - off/r
			rot = theta - math.Pi/2
		} else {
			theta = 3*math.Pi/2 - total/2 + off/r
			rot = theta + math.Pi/2
		}
		x, y := cx+r*math.Cos(theta), cy-r*math.Sin(theta)
		if ch != ' ' {
			c.textRot(f, size, x, y, rot*180/math.Pi, string(ch))
		}
		off += w
	}
}

// content returns the operations, shuffled when rng is not nil.
func (c *canvas) content(rng *rand.Rand) []byte {
	items := append([]string(nil), c.items...)
	if rng != nil {
		rng.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
	}
	return []byte(strings.Join(items, ""))
}
