package pdftext

import (
	"math"
	"slices"
)

// Rule is a horizontal or vertical ruling line, such as a table border,
// in the same top-left display coordinates as [Word]: X0 <= X1, Y0 <= Y1,
// and either Y0 == Y1 (horizontal) or X0 == X1 (vertical).
type Rule struct {
	X0 float64 `json:"x0"`
	Y0 float64 `json:"y0"`
	X1 float64 `json:"x1"`
	Y1 float64 `json:"y1"`
}

// Horizontal reports whether r runs along the x axis.
func (r Rule) Horizontal() bool { return r.Y0 == r.Y1 }

// Rule tolerances, in points of display space.
const (
	ruleSkew = 0.5 // a segment whose ends differ by at most this across its axis is level
	ruleThin = 3.0 // a rectangle at most this thick is drawn as one rule along its middle
	ruleMin  = 0.5 // shorter rules (dots) are dropped
)

// pathPt is a point of the current path in display space. line tells
// whether the segment from the previous point is straight; the first
// point of a subpath has line false.
type pathPt struct {
	x, y float64
	line bool
}

// path collects the current path (§8.5.2) and turns it into rules when
// it is painted. Curves are kept only as breaks between straight
// segments; diagonal segments give nothing.
type path struct {
	pts    []pathPt // current subpath
	closed bool     // the current subpath ended with h
	rules  []Rule   // segments of painted paths on this page
	max    int      // rules kept per page (Limits.MaxRules)
	capped bool     // rules were dropped at max
	// pending holds the rules of the path under construction; a path
	// ended by n (no paint, e.g. a clipping path) drops them.
	pending []Rule
}

// pathOp handles a path construction or painting operator. ctm maps user
// space to display space.
func (p *path) op(op []byte, args []token, ctm matrix) {
	var v [6]float64
	switch string(op) {
	case "m":
		if nums(args, v[:2]) {
			p.endSubpath(false)
			x, y := ctm.apply(v[0], v[1])
			p.pts = append(p.pts[:0], pathPt{x: x, y: y})
		}
	case "l":
		if nums(args, v[:2]) && len(p.pts) > 0 && len(p.pts) < 1<<16 {
			x, y := ctm.apply(v[0], v[1])
			p.pts = append(p.pts, pathPt{x: x, y: y, line: true})
		}
	case "c", "v", "y":
		n := 6
		if op[0] != 'c' {
			n = 4
		}
		if nums(args, v[:n]) && len(p.pts) > 0 && len(p.pts) < 1<<16 {
			x, y := ctm.apply(v[n-2], v[n-1])
			p.pts = append(p.pts, pathPt{x: x, y: y})
		}
	case "h":
		p.closed = true
		p.endSubpath(false)
	case "re":
		if nums(args, v[:4]) {
			p.endSubpath(false)
			x, y, w, h := v[0], v[1], v[2], v[3]
			var c [4]pathPt
			for i, q := range [4][2]float64{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}} {
				c[i].x, c[i].y = ctm.apply(q[0], q[1])
				c[i].line = i > 0
			}
			p.pts = append(p.pts[:0], c[:]...)
			p.closed = true
			p.endSubpath(false)
		}
	case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*":
		fill := op[0] != 'S' && op[0] != 's'
		p.closed = p.closed || op[0] == 's' || op[0] == 'b'
		p.endSubpath(fill)
		for _, r := range p.pending {
			if len(p.rules) >= p.max {
				p.capped = true
				break
			}
			p.rules = append(p.rules, r)
		}
		p.pending = p.pending[:0]
	case "n":
		p.pts, p.closed, p.pending = p.pts[:0], false, p.pending[:0]
	}
}

// endSubpath turns the current subpath into pending rules. A filled
// subpath is closed implicitly (§8.5.3.3).
func (p *path) endSubpath(fill bool) {
	pts := p.pts
	closed := p.closed || fill
	p.pts, p.closed = p.pts[:0], false
	if len(pts) < 2 {
		return
	}
	if r, ok := rectOf(pts); ok {
		x0, y0, x1, y1 := r[0], r[1], r[2], r[3]
		switch {
		case x1-x0 <= ruleThin && y1-y0 <= ruleThin:
			// a dot
		case y1-y0 <= ruleThin:
			p.add((y0+y1)/2, x0, x1, true)
		case x1-x0 <= ruleThin:
			p.add((x0+x1)/2, y0, y1, false)
		default:
			p.add(y0, x0, x1, true)
			p.add(y1, x0, x1, true)
			p.add(x0, y0, y1, false)
			p.add(x1, y0, y1, false)
		}
		return
	}
	for i := 1; i < len(pts); i++ {
		if pts[i].line {
			p.segment(pts[i-1], pts[i])
		}
	}
	if closed {
		p.segment(pts[len(pts)-1], pts[0])
	}
}

// rectOf reports whether pts (4 corners, or 5 with the first repeated)
// joined by straight segments outline an axis-aligned rectangle, and
// returns it as x0, y0, x1, y1.
func rectOf(pts []pathPt) ([4]float64, bool) {
	if len(pts) == 5 && near(pts[4].x, pts[0].x) && near(pts[4].y, pts[0].y) {
		pts = pts[:4]
	}
	if len(pts) != 4 {
		return [4]float64{}, false
	}
	for i := 1; i < 4; i++ {
		if !pts[i].line {
			return [4]float64{}, false
		}
	}
	// Sides alternate horizontal and vertical, starting with either.
	for _, start := range [2]bool{true, false} {
		ok := true
		for i := range 4 {
			a, b := pts[i], pts[(i+1)%4]
			if (i%2 == 0) == start {
				ok = ok && near(a.y, b.y)
			} else {
				ok = ok && near(a.x, b.x)
			}
		}
		if ok {
			x0 := min(pts[0].x, pts[1].x, pts[2].x, pts[3].x)
			x1 := max(pts[0].x, pts[1].x, pts[2].x, pts[3].x)
			y0 := min(pts[0].y, pts[1].y, pts[2].y, pts[3].y)
			y1 := max(pts[0].y, pts[1].y, pts[2].y, pts[3].y)
			return [4]float64{x0, y0, x1, y1}, true
		}
	}
	return [4]float64{}, false
}

func near(a, b float64) bool { return math.Abs(a-b) <= ruleSkew }

// segment adds a straight segment if it is level or upright.
func (p *path) segment(a, b pathPt) {
	switch {
	case near(a.y, b.y):
		p.add((a.y+b.y)/2, min(a.x, b.x), max(a.x, b.x), true)
	case near(a.x, b.x):
		p.add((a.x+b.x)/2, min(a.y, b.y), max(a.y, b.y), false)
	}
}

// add adds a pending rule at position at across its axis, from lo to hi
// along it.
func (p *path) add(at, lo, hi float64, horizontal bool) {
	if hi-lo < ruleMin || !isFinite(at, lo, hi) {
		return
	}
	if len(p.pending) >= p.max {
		p.capped = true
		return
	}
	r := Rule{X0: lo, Y0: at, X1: hi, Y1: at}
	if !horizontal {
		r = Rule{X0: at, Y0: lo, X1: at, Y1: hi}
	}
	p.pending = append(p.pending, r)
}

// pageRules returns the rules clipped to the page (w × h), in reading
// order: by Y0, then X0.
func pageRules(rules []Rule, w, h float64, m *pageMem) []Rule {
	var out []Rule
	for _, r := range rules {
		if r.X1 < 0 || r.Y1 < 0 || r.X0 > w || r.Y0 > h {
			continue
		}
		r.X0, r.Y0 = max(r.X0, 0), max(r.Y0, 0)
		r.X1, r.Y1 = min(r.X1, w), min(r.Y1, h)
		if r.X1-r.X0 < ruleMin && r.Y1-r.Y0 < ruleMin {
			continue
		}
		if out == nil {
			out = slices.Grow(m.rules[:0], len(rules))
		}
		out = append(out, r)
	}
	if out != nil {
		m.rules = out
	}
	sortRules(out)
	return out
}

// less is cmp.Compare for finite numbers.
func less(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
