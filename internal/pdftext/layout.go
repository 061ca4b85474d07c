package pdftext

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Layout tolerances, as fractions of the font size.
const (
	ascent       = 0.8  // glyph box above the baseline
	descent      = 0.2  // and below it
	lineTol      = 0.35 // baselines closer than this share a line
	wordGap      = 0.2  // a wider gap between glyphs starts a new word
	spacedMaxGap = 1.6  // letter-spaced glyphs are closer than this (edge to edge)
	spacedJitter = 0.25 // and each pitch (centre to centre) is within this fraction of the median
	spacedMinRun = 3    // and there are at least this many of them
)

// maxSkew is tan(2°): text within 2° of the page x axis is horizontal.
var maxSkew = math.Tan(2 * math.Pi / 180)

// maxTurn is how far the direction may turn from one glyph to the next
// within a rotated word: text set along a circle, as on DIAN's stamp,
// turns a few degrees per glyph.
const maxTurn = 25 * math.Pi / 180

// hglyph is a horizontal glyph in display space. It holds no pointers
// (text and font stay in the glyph it indexes), so sorting and
// collecting thousands of them costs the garbage collector nothing.
type hglyph struct {
	x0, x1   float64
	top, bot float64
	base     float64 // baseline without rise
	size     float64
	seq      int32 // index in the page's glyphs: stream order, for ties
	space    bool
}

// layout groups glyphs into p.Lines and p.Rotated. hs is scratch space,
// returned for reuse; sb and pa are kept from page to page.
func layout(p *Page, glyphs []glyph, hs []hglyph, sb *sortBuf, pa *pageAlloc) []hglyph {
	if cap(hs) < len(glyphs) {
		hs = make([]hglyph, 0, len(glyphs))
	}
	var rot []glyph
	// Glyphs drawn at an angle: a level glyph continuing one of them is
	// part of the same rotated text (the letter at the top of a circle).
	var tilted []int
	near := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)} // where they are, plus a gap
	for i := range glyphs {
		if g := &glyphs[i]; !horizontal(g) {
			tilted = append(tilted, i)
			gap := wordGap * math.Hypot(g.ux, g.uy) * 4
			ex, ey := g.ox+g.w*g.dx, g.oy+g.w*g.dy
			near[0], near[1] = min(near[0], g.ox-gap, ex-gap), min(near[1], g.oy-gap, ey-gap)
			near[2], near[3] = max(near[2], g.ox+gap, ex+gap), max(near[3], g.oy+gap, ey+gap)
		}
	}
	var ti tiltIndex
	if len(tilted) > 0 && len(tilted) <= maxLevelCheck {
		ti = newTiltIndex(glyphs, tilted)
	}
	if len(tilted) > 0 { // the tilted glyphs, and a few level ones that continue them
		rot = slices.Grow(pa.rot[:0], len(tilted)+len(tilted)/8+4)
		defer func() { pa.rot = rot[:0] }() // not cleared: see scratch.put
	}
	for i := range glyphs {
		undecoded := glyphs[i].text == ""
		if undecoded {
			glyphs[i].text = "\uFFFD"
		}
		g := &glyphs[i]
		space := isBlank(g.text)
		if horizontal(g) && (len(tilted) == 0 || !(g.ox >= near[0] && g.ox <= near[2] && g.oy >= near[1] && g.oy <= near[3]) || !ti.partOfRotated(glyphs, tilted, i)) {
			size := -g.uy
			h := hglyph{
				x0: g.ox, x1: g.ox + g.w*g.dx,
				top: g.oy - ascent*size, bot: g.oy + descent*size,
				base: g.by, size: size, space: space, seq: int32(i),
			}
			if h.x1 < h.x0 {
				h.x0, h.x1 = h.x1, h.x0
			}
			cx, cy := (h.x0+h.x1)/2, (h.top+h.bot)/2
			if !inside(p, cx, cy) || size <= 0 {
				continue
			}
			if undecoded {
				p.Undecoded++
			}
			hs = append(hs, h)
			continue
		}
		x0, y0, x1, y1 := glyphBox(g)
		if !inside(p, (x0+x1)/2, (y0+y1)/2) {
			continue
		}
		if undecoded {
			p.Undecoded++
		}
		rot = append(rot, *g)
		if space {
			rot[len(rot)-1].text = " "
		}
	}
	sb.sortByLine(hs)
	pa.text = make([]byte, 0, len(hs)+len(hs)/4+16)
	p.Lines = lines(hs, glyphs, pa, p.mem)
	pa.text = nil
	p.Rotated = rotatedWords(rot)
	return hs[:0]
}

func horizontal(g *glyph) bool {
	return g.dx > 0 && math.Abs(g.dy) <= g.dx*maxSkew && g.uy < 0
}

// follows reports whether glyph b starts where a ends, turning at most
// maxTurn: the two belong to one word.
func follows(a, b *glyph) bool {
	ex, ey := a.ox+a.w*a.dx, a.oy+a.w*a.dy
	// Glyph vectors are finite and below 1e7 (show checks), so squares
	// cannot overflow and math.Hypot's care is not needed.
	gap2 := wordGap * wordGap * (b.ux*b.ux + b.uy*b.uy)
	gx, gy := b.ox-ex, b.oy-ey
	if gx*gx > gap2 || gy*gy > gap2 || gx*gx+gy*gy > gap2 {
		return false
	}
	// The angle between the two directions is at most maxTurn: compare
	// cosines rather than take two arctangents.
	na, nb := math.Sqrt(a.dx*a.dx+a.dy*a.dy), math.Sqrt(b.dx*b.dx+b.dy*b.dy)
	if na == 0 || nb == 0 {
		return math.Abs(math.Remainder(math.Atan2(b.dy, b.dx)-math.Atan2(a.dy, a.dx), 2*math.Pi)) <= maxTurn
	}
	return a.dx*b.dx+a.dy*b.dy >= cosMaxTurn*na*nb
}

var cosMaxTurn = math.Cos(maxTurn)

// maxSpatial bounds the rotated glyphs matched by position, pair by pair,
// and maxLevelCheck those every level glyph is compared with; past them,
// stream order decides. A stamp has a few dozen.
const (
	maxSpatial    = 1000
	maxLevelCheck = 200
)

// tiltIndex holds the non-blank tilted glyphs of a page sorted by where
// they end and by where they start along x, so that partOfRotated
// compares a level glyph only with those that can touch it.
type tiltIndex struct {
	byEnd, byStart []tiltKey
	maxGap         float64 // the widest word gap of any of them
}

type tiltKey struct {
	x float64 // end or origin x
	i int32   // index in the page's glyphs
}

func newTiltIndex(glyphs []glyph, tilted []int) tiltIndex {
	ti := tiltIndex{byEnd: make([]tiltKey, 0, len(tilted)), byStart: make([]tiltKey, 0, len(tilted))}
	for _, j := range tilted {
		r := &glyphs[j]
		if isBlank(r.text) {
			continue
		}
		ti.byEnd = append(ti.byEnd, tiltKey{r.ox + r.w*r.dx, int32(j)})
		ti.byStart = append(ti.byStart, tiltKey{r.ox, int32(j)})
		ti.maxGap = max(ti.maxGap, wordGap*math.Sqrt(r.ux*r.ux+r.uy*r.uy))
	}
	byX := func(a, b tiltKey) int { return cmp.Compare(a.x, b.x) }
	slices.SortFunc(ti.byEnd, byX)
	slices.SortFunc(ti.byStart, byX)
	return ti
}

// nearX returns the keys with x within gap of x. The bounds are widened a
// little: follows makes the decision, this only must not miss a glyph.
func nearX(keys []tiltKey, x, gap float64) []tiltKey {
	gap = gap*1.001 + 1e-9
	lo := firstAtLeast(len(keys), x-gap, func(i int) float64 { return keys[i].x })
	hi := lo
	for hi < len(keys) && keys[hi].x <= x+gap {
		hi++
	}
	return keys[lo:hi]
}

// partOfRotated reports whether horizontal glyph i is the level part of
// rotated text, such as the letter at the top of a circular stamp: it
// continues, or is continued by, a tilted glyph.
func (ti *tiltIndex) partOfRotated(glyphs []glyph, tilted []int, i int) bool {
	g := &glyphs[i]
	if isBlank(g.text) {
		return false
	}
	if len(tilted) > maxLevelCheck {
		return (i > 0 && !horizontal(&glyphs[i-1]) && follows(&glyphs[i-1], g)) ||
			(i+1 < len(glyphs) && !horizontal(&glyphs[i+1]) && follows(g, &glyphs[i+1]))
	}
	// follows(r, g) needs r's end within g's word gap of g's origin, and
	// follows(g, r) needs r's origin within r's word gap of g's end.
	for _, k := range nearX(ti.byEnd, g.ox, wordGap*math.Sqrt(g.ux*g.ux+g.uy*g.uy)) {
		if follows(&glyphs[k.i], g) {
			return true
		}
	}
	for _, k := range nearX(ti.byStart, g.ox+g.w*g.dx, ti.maxGap) {
		if follows(g, &glyphs[k.i]) {
			return true
		}
	}
	return false
}

// chainOrder orders rotated glyphs so that each is followed by the glyph
// that continues it on the page, whatever order the stream drew them in,
// with -1 between chains; blank glyphs are left out. Pairs are matched
// closest first. Past maxSpatial glyphs, the order is the stream's,
// blanks included. Indexes, not glyph copies: a glyph is ten words.
func chainOrder(gs []glyph) []int32 {
	if len(gs) > maxSpatial {
		order := make([]int32, len(gs))
		for i := range order {
			order[i] = int32(i)
		}
		return order
	}
	type pair struct {
		i, j int
		d    float64
	}
	// follows(i, j) needs j's origin within j's word gap of i's end:
	// only glyphs starting near there along x are compared.
	starts := make([]tiltKey, 0, len(gs))
	maxGap := 0.0
	for j := range gs {
		if gs[j].text != " " {
			starts = append(starts, tiltKey{gs[j].ox, int32(j)})
			maxGap = max(maxGap, wordGap*math.Sqrt(gs[j].ux*gs[j].ux+gs[j].uy*gs[j].uy))
		}
	}
	slices.SortFunc(starts, func(a, b tiltKey) int { return cmp.Compare(a.x, b.x) })
	pairs := make([]pair, 0, len(gs)) // a glyph is followed by about one
	for i := range gs {
		if gs[i].text == " " {
			continue
		}
		ex, ey := gs[i].ox+gs[i].w*gs[i].dx, gs[i].oy+gs[i].w*gs[i].dy
		for _, k := range nearX(starts, ex, maxGap) {
			if j := int(k.i); i != j && follows(&gs[i], &gs[j]) {
				pairs = append(pairs, pair{i, j, math.Hypot(gs[j].ox-ex, gs[j].oy-ey)})
			}
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		return cmp.Or(cmp.Compare(a.d, b.d), cmp.Compare(a.i, b.i), cmp.Compare(a.j, b.j))
	})
	next := make([]int, len(gs))
	hasPrev := make([]bool, len(gs))
	for i := range next {
		next[i] = -1
	}
	for _, p := range pairs {
		if next[p.i] >= 0 || hasPrev[p.j] {
			continue
		}
		k := p.j // no cycles: j's chain must not lead back to i
		for k >= 0 && k != p.i {
			k = next[k]
		}
		if k == p.i {
			continue
		}
		next[p.i], hasPrev[p.j] = p.j, true
	}
	out := make([]int32, 0, len(gs)*2)
	for i := range gs {
		if hasPrev[i] || gs[i].text == " " {
			continue
		}
		for k := i; k >= 0; k = next[k] {
			out = append(out, int32(k))
		}
		out = append(out, -1)
	}
	return out
}

// isBlank reports whether a glyph's text is white space only (a space
// glyph, a no-break space), which breaks words and is not kept.
func isBlank(s string) bool {
	if len(s) == 1 {
		return s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r'
	}
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return s != ""
}

func inside(p *Page, x, y float64) bool {
	const margin = 1
	return x >= -margin && x <= p.Width+margin && y >= -margin && y <= p.Height+margin
}

// glyphBox is the axis-aligned box around a glyph drawn in any direction.
func glyphBox(g *glyph) (x0, y0, x1, y1 float64) {
	ax, ay := g.w*g.dx, g.w*g.dy
	x0, y0 = math.Inf(1), math.Inf(1)
	x1, y1 = math.Inf(-1), math.Inf(-1)
	for _, c := range [4][2]float64{
		{g.ox - descent*g.ux, g.oy - descent*g.uy},
		{g.ox - descent*g.ux + ax, g.oy - descent*g.uy + ay},
		{g.ox + ascent*g.ux, g.oy + ascent*g.uy},
		{g.ox + ascent*g.ux + ax, g.oy + ascent*g.uy + ay},
	} {
		x0, y0, x1, y1 = min(x0, c[0]), min(y0, c[1]), max(x1, c[0]), max(y1, c[1])
	}
	return
}

// byLine orders glyphs by baseline, then left to right, then in stream
// order.
func byLine(a, b hglyph) int {
	// Glyph coordinates are finite (show and fieldValue check), so plain
	// comparisons order them; cmp.Compare's NaN handling doubles the cost.
	switch {
	case a.base != b.base:
		return less(a.base, b.base)
	case a.x0 != b.x0:
		return less(a.x0, b.x0)
	}
	return int(a.seq - b.seq)
}

// sortBuf is the scratch space of sortByLine, kept across pages.
type sortBuf struct {
	keys []lineKey
	runs []glyphRun
	out  []hglyph
}

// lineKey is what byLine compares, with the glyph's position in hs.
type lineKey struct {
	base, x0 float64
	i        int32
}

// sortByLine sorts hs, which is in stream order, as byLine would. Most
// pages are a few runs already in order (see byRuns), put in order in
// linear time; otherwise it sorts 24-byte keys and then moves each
// 56-byte glyph once, rather than swapping glyphs all through the
// page's biggest sort.
func (sb *sortBuf) sortByLine(hs []hglyph) {
	if len(hs) > math.MaxInt32 {
		slices.SortFunc(hs, byLine)
		return
	}
	if sb.byRuns(hs) {
		return
	}
	// Interleaved runs: sort keys, then move each glyph once.
	keys := sb.keys[:0]
	for i := range hs {
		keys = append(keys, lineKey{hs[i].base, hs[i].x0, int32(i)})
	}
	slices.SortFunc(keys, func(a, b lineKey) int {
		switch {
		case a.base != b.base:
			return less(a.base, b.base)
		case a.x0 != b.x0:
			return less(a.x0, b.x0)
		}
		return int(a.i - b.i) // stream order, as hs is
	})
	out := append(sb.out[:0], hs...)
	for i, k := range keys {
		hs[i] = out[k.i]
	}
	sb.keys, sb.out = keys[:0], out[:0]
}

// byRuns sorts hs when it is a few runs already in byLine order, the
// usual case: a producer draws the labels top to bottom, then the
// values, so stream order splits into a handful of long ascending runs
// that interleave. They are merged pairwise until one is left (a
// natural merge sort, n log(runs)). With many short runs it leaves hs
// as it was and reports false.
func (sb *sortBuf) byRuns(hs []hglyph) bool {
	runs := sb.runs[:0]
	for i := range hs {
		if i == 0 || byLine(hs[i-1], hs[i]) > 0 {
			if len(runs) > 0 {
				runs[len(runs)-1].end = int32(i)
			}
			runs = append(runs, glyphRun{int32(i), int32(len(hs))})
		}
	}
	defer func() { sb.runs = runs[:0] }()
	if len(runs) > len(hs)/8+1 {
		return false
	}
	out := slices.Grow(sb.out[:0], len(hs))[:len(hs)]
	defer func() { sb.out = out[:0] }()
	for len(runs) > 1 {
		merged := runs[:0] // written behind the reads
		for i := 0; i < len(runs); i += 2 {
			a := runs[i]
			if i+1 == len(runs) {
				copy(out[a.start:a.end], hs[a.start:a.end])
				merged = append(merged, a)
				continue
			}
			b := runs[i+1] // b starts where a ends
			x, y, k := a.start, b.start, a.start
			for x < a.end && y < b.end {
				if byLine(hs[y], hs[x]) < 0 {
					out[k] = hs[y]
					y++
				} else {
					out[k] = hs[x]
					x++
				}
				k++
			}
			k += int32(copy(out[k:], hs[x:a.end]))
			copy(out[k:], hs[y:b.end])
			merged = append(merged, glyphRun{a.start, b.end})
		}
		copy(hs, out)
		runs = merged
	}
	return true
}

// glyphRun is a stretch hs[start:end] already in byLine order.
type glyphRun struct{ start, end int32 }

// lines clusters horizontal glyphs, sorted by sortByLine, by baseline,
// then splits each line into words.
func lines(hs []hglyph, glyphs []glyph, pa *pageAlloc, m *pageMem) []Line {
	out, all, ends := pa.lines[:0], pa.all[:0], pa.ends[:0]
	defer func() { pa.lines, pa.all, pa.ends = out[:0], all[:0], ends[:0] }() // not cleared: see scratch.put
	for i := 0; i < len(hs); {
		j := i + 1
		for j < len(hs) && hs[j].base-hs[i].base <= lineTol*min(hs[i].size, hs[j].size) {
			j++
		}
		line := hs[i:j]
		if !slices.IsSortedFunc(line, byX) { // one baseline: sorted already
			slices.SortFunc(line, byX)
		}
		var ws []Word
		if collides(line, glyphs) {
			ws = wordsByRuns(line, glyphs, pa)
		} else {
			ws = words(line, glyphs, pa)
		}
		if ws = mergeSpaced(ws); len(ws) > 0 {
			l := Line{X0: ws[0].X0, Y0: ws[0].Y0, X1: ws[0].X1, Y1: ws[0].Y1}
			for _, w := range ws[1:] {
				l.X0, l.Y0, l.X1, l.Y1 = min(l.X0, w.X0), min(l.Y0, w.Y0), max(l.X1, w.X1), max(l.Y1, w.Y1)
			}
			all = append(all, ws...)
			ends = append(ends, len(all))
			out = append(out, l)
		}
		i = j
	}
	if len(out) == 0 {
		return nil
	}
	// The page's words and lines, each in one array of m.
	ls := append(m.lines[:0], out...)
	ws := append(m.words[:0], all...)
	m.lines, m.words = ls, ws
	start := 0
	for k, end := range ends {
		ls[k].Words = ws[start:end:end]
		start = end
	}
	return ls
}

// byX orders the glyphs of a line left to right, stream order on ties.
func byX(a, b hglyph) int {
	if a.x0 != b.x0 {
		return less(a.x0, b.x0)
	}
	return int(a.seq - b.seq)
}

// collides reports whether two pieces of text on one baseline overlap,
// as when a producer prints a label over a neighbouring one: sorting
// their glyphs by x would interleave them ("(meTsiepso)"). Accents,
// combining marks and fake-bold copies overlap by design and do not count.
func collides(line []hglyph, glyphs []glyph) bool {
	for i := 1; i < len(line); i++ {
		a, b := &line[i-1], &line[i]
		if a.space || b.space {
			continue
		}
		wa, wb := a.x1-a.x0, b.x1-b.x0
		if wa <= 0 || wb <= 0 || b.x0 >= a.x1-0.3*min(wa, wb) {
			continue
		}
		ta, tb := glyphs[a.seq].text, glyphs[b.seq].text
		if ta == tb || markLike(ta) || markLike(tb) {
			continue
		}
		return true
	}
	return false
}

func markLike(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	_, ok := combiningOf(r)
	return ok
}

// wordsByRuns splits a line with colliding text into runs, each a stretch
// of glyphs drawn one after the other in the content stream, makes words
// of each run on its own, then orders all words by x.
func wordsByRuns(line []hglyph, glyphs []glyph, pa *pageAlloc) []Word {
	slices.SortFunc(line, func(a, b hglyph) int { return cmp.Compare(a.seq, b.seq) })
	var out []Word
	start := 0
	for i := 1; i <= len(line); i++ {
		if i < len(line) {
			a, b := &line[i-1], &line[i]
			slack := max(a.size, b.size)
			if b.x0 >= a.x1-0.3*slack && b.x0 <= a.x1+slack {
				continue // b carries on from a
			}
		}
		run := line[start:i]
		slices.SortFunc(run, byX)
		out = append(out, words(run, glyphs, pa)...)
		start = i
	}
	slices.SortStableFunc(out, func(a, b Word) int { return cmp.Compare(a.X0, b.X0) })
	return out
}

// wordBuilder accumulates the glyphs of one word. The word's text is
// written straight into the page's text buffer, at its end: bytes under
// a string already handed out are never written again, so the buffer is
// append-only for them (a reallocation leaves them in the old array,
// which the strings keep alive), and a page allocates its word texts a
// few at a time, not one by one.
type wordBuilder struct {
	glyphs []glyph
	text   *[]byte // the page's word texts, see pageAlloc.text
	start  int     // where the word's text starts in *text
	w      Word
	last   *hglyph // last glyph added, for gaps and accents
	n      int

	// A run of leader dots at the word's end ("Año......", "......2021"
	// with no space between): dots counts them, head is the word before
	// them (headN glyphs), and the run starts at text offset dotStart and
	// at x dotX0. Three or more make the run a word of its own.
	dots, headN, dotStart int
	dotX0                 float64
	head                  Word
	// The run is underscores only: a fill line, a leader at any length
	// where it starts or ends the word ("__FE", "BOYACÁ__").
	underscores bool
}

// leading reports whether the word so far is a leader that the next,
// other glyph ends.
func (b *wordBuilder) leading() bool {
	return b.dots >= minLeader || b.underscores && b.dots > 0 && b.headN == 0
}

// leaderDots returns how many leader dots text is: "." is one, "…" three.
// An underscore counts as a dot: a typewritten form sets its values on
// runs of them ("___FE___", "900123456____").
func leaderDots(text string) int {
	switch text {
	case ".", "_":
		return 1
	case "…":
		return 3
	}
	return 0
}

// hairSpace is the widest gap, in font sizes, that a space glyph may leave
// between two glyphs without parting words: a word space is a quarter of
// the size or more.
const hairSpace = 0.08

// minLeader is the shortest run of dots that is a leader, not punctuation.
const minLeader = 3

func (b *wordBuilder) add(g *hglyph) { b.addText(g, b.glyphs[g.seq].text) }

// addText adds g with text in place of its own.
func (b *wordBuilder) addText(g *hglyph, text string) {
	if d := leaderDots(text); d > 0 {
		if b.dots == 0 {
			b.head, b.headN, b.dotStart, b.dotX0 = b.w, b.n, len(*b.text), g.x0
			b.underscores = true
		}
		b.underscores = b.underscores && text == "_"
		b.dots += d
	} else {
		b.dots = 0
	}
	if b.n == 0 {
		b.w = Word{X0: g.x0, Y0: g.top, X1: g.x1, Y1: g.bot, Size: g.size}
		if f := b.glyphs[g.seq].font; f != nil {
			b.w.Font = f.name
		}
	} else {
		b.w.X0, b.w.Y0 = min(b.w.X0, g.x0), min(b.w.Y0, g.top)
		b.w.X1, b.w.Y1 = max(b.w.X1, g.x1), max(b.w.Y1, g.bot)
		b.w.Size = max(b.w.Size, g.size)
	}
	t := *b.text
	for _, r := range text { // as string([]rune(text)): bad UTF-8 becomes U+FFFD
		t = utf8.AppendRune(t, r)
	}
	*b.text = t
	b.last = g
	b.n++
}

func (b *wordBuilder) flush(out []Word) []Word {
	if b.n > 0 && (b.dots >= minLeader || b.underscores && b.dots > 0) && b.headN > 0 {
		// The word and its leader are two words: "Año" and "......".
		t := *b.text
		head := b.head
		head.Text = unsafe.String(&t[b.start], b.dotStart-b.start)
		lead := b.w
		lead.X0 = b.dotX0
		lead.Text = unsafe.String(&t[b.dotStart], len(t)-b.dotStart)
		out = append(out, head, lead)
	} else if b.n > 0 {
		b.w.Text = b.str()
		out = append(out, b.w)
	}
	b.start, b.last, b.n, b.dots, b.headN = len(*b.text), nil, 0, 0, 0
	return out
}

// str returns the word's text, handing its bytes out.
func (b *wordBuilder) str() string {
	t := *b.text
	if len(t) == b.start {
		return ""
	}
	return unsafe.String(&t[b.start], len(t)-b.start)
}

// accentOver reports whether accent glyph a is drawn over letter g: its
// centre lies within g's box.
func accentOver(a, g *hglyph) bool {
	c := (a.x0 + a.x1) / 2
	slack := 0.1 * g.size
	return c >= g.x0-slack && c <= g.x1+slack
}

// combine folds a combining mark or an overlapping spacing accent into
// the word's last letter, when that gives a precomposed letter.
func (b *wordBuilder) combine(mark rune) bool {
	t := *b.text
	if len(t) == b.start {
		return false
	}
	last, n := utf8.DecodeLastRune(t[b.start:])
	if r, ok := compose(last, mark); ok {
		*b.text = utf8.AppendRune(t[:len(t)-n], r)
		return true
	}
	return false
}

// words splits one line, sorted by x, into words.
func words(line []hglyph, glyphs []glyph, pa *pageAlloc) []Word {
	out := pa.start()
	b := wordBuilder{glyphs: glyphs, text: &pa.text, start: len(pa.text)}
	text := func(g *hglyph) string { return glyphs[g.seq].text }
	var pending *hglyph // spacing accent drawn just before its letter
	for i := range line {
		g := &line[i]
		if g.space && b.last != nil && i+1 < len(line) && !line[i+1].space &&
			line[i+1].x0-b.last.x1 < hairSpace*g.size {
			// A space whose neighbours touch parts no words: groff sets
			// "for mular io" so, moving back over each space.
			continue
		}
		if g.space {
			if pending != nil {
				b.add(pending)
				pending = nil
			}
			out = b.flush(out)
			continue
		}
		if b.last != nil {
			// Fake bold: the same glyph drawn twice a hair apart. The
			// positions are tested first: next letters usually share a
			// text length, so comparing texts first costs a memequal each.
			if math.Abs(g.x0-b.last.x0) < 0.1*g.size && math.Abs(g.base-b.last.base) < 0.1*g.size && text(g) == text(b.last) {
				continue
			}
			if g.x0-b.last.x1 > wordGap*max(g.size, b.last.size) {
				if pending != nil {
					b.add(pending)
					pending = nil
				}
				out = b.flush(out)
			}
		}
		if b.leading() && leaderDots(text(g)) == 0 {
			out = b.flush(out) // a leader ends where its value starts: "......2021"
		}
		r, _ := utf8.DecodeRuneInString(text(g))
		if mark, ok := combiningOf(r); ok && utf8.RuneCountInString(text(g)) == 1 {
			if !isSpacingAccent(r) && b.combine(mark) { // U+0301 etc.
				continue
			}
			if isSpacingAccent(r) {
				if b.last != nil && accentOver(g, b.last) && b.combine(mark) {
					continue
				}
				if pending == nil && i+1 < len(line) && !line[i+1].space && accentOver(g, &line[i+1]) {
					pending = g
					continue
				}
			}
		}
		if pending != nil {
			pr, _ := utf8.DecodeRuneInString(text(pending))
			mark, _ := combiningOf(pr)
			if base, _ := utf8.DecodeRuneInString(text(g)); utf8.RuneCountInString(text(g)) == 1 {
				if c, ok := compose(base, mark); ok {
					gg := *g
					gg.x0 = min(gg.x0, pending.x0)
					pending = nil
					b.addText(&gg, string(c))
					continue
				}
			}
			b.add(pending)
			pending = nil
		}
		b.add(g)
	}
	if pending != nil {
		b.add(pending)
	}
	return pa.done(b.flush(out))
}

// pageAlloc is the scratch space in which lines builds a page's words:
// one line's words, then all of them and the lines, copied out at their
// final size once the page is done. It is kept across pages; only text
// is new for each page, as the words' strings point into it.
type pageAlloc struct {
	line  []Word // the words of the line being built
	all   []Word // the words of the lines so far, back to back
	ends  []int  // where each line's words end in all
	lines []Line // the lines so far, Words unset
	text  []byte // the texts of the words so far, back to back; see wordBuilder
	rot   []glyph
}

// start returns an empty slice to append a line's words to.
func (pa *pageAlloc) start() []Word { return pa.line[:0] }

// done keeps what ws grew to for the next line. The words stay valid
// until the next start.
func (pa *pageAlloc) done(ws []Word) []Word {
	pa.line = ws[:0]
	return ws
}

// spacedChar reports whether a one-character word can be part of a
// letter-spaced number or date.
func spacedChar(w *Word) bool {
	r, n := utf8.DecodeRuneInString(w.Text)
	return n == len(w.Text) && n > 0 && !w.Spaced && strings.ContainsRune("0123456789-/:.,", r)
}

func centre(w *Word) float64 { return (w.X0 + w.X1) / 2 }

// mergeSpaced joins runs of evenly spaced one-character digit words
// ("2 0 2 4 - 1 0 - 1 9") into single Spaced words.
func mergeSpaced(ws []Word) []Word {
	n := 0
	for i := range ws {
		if spacedChar(&ws[i]) {
			n++
		}
	}
	if n < spacedMinRun {
		return ws
	}
	// Merged in place: a run never yields more words than it has, so
	// each word is written at or before where it was read, after the
	// reads that need it.
	out := ws[:0]
	var gapBuf [64]float64
	for i := 0; i < len(ws); {
		// The maximal run of candidates with small gaps.
		j := i + 1
		if spacedChar(&ws[i]) {
			for j < len(ws) && spacedChar(&ws[j]) &&
				ws[j].X0-ws[j-1].X1 < spacedMaxGap*max(ws[j].Size, ws[j-1].Size) {
				j++
			}
		}
		if j-i < spacedMinRun {
			out = append(out, ws[i:j]...)
			i = j
			continue
		}
		run := ws[i:j]
		buf := gapBuf[:0]
		if 2*(len(run)-1) > len(gapBuf) {
			buf = make([]float64, 0, 2*(len(run)-1))
		}
		gaps := buf[:len(run)-1]
		for k := range gaps {
			gaps[k] = centre(&run[k+1]) - centre(&run[k])
		}
		sorted := append(buf[len(gaps):len(gaps)], gaps...)
		slices.Sort(sorted)
		med := sorted[len(sorted)/2]
		// Split where a gap strays from the median; merge long enough parts.
		for s := 0; s < len(run); {
			e := s + 1
			for e < len(run) && math.Abs(gaps[e-1]-med) <= spacedJitter*med {
				e++
			}
			if e-s >= spacedMinRun && digitCount(run[s:e]) >= 2 {
				out = append(out, joinSpaced(run[s:e]))
			} else {
				out = append(out, run[s:e]...)
			}
			s = e
		}
		i = j
	}
	return out
}

func digitCount(ws []Word) int {
	n := 0
	for i := range ws {
		if r, _ := utf8.DecodeRuneInString(ws[i].Text); unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

func joinSpaced(ws []Word) Word {
	w := ws[0]
	var b strings.Builder
	for i := range ws {
		b.WriteString(ws[i].Text)
		w.X0, w.Y0 = min(w.X0, ws[i].X0), min(w.Y0, ws[i].Y0)
		w.X1, w.Y1 = max(w.X1, ws[i].X1), max(w.Y1, ws[i].Y1)
		w.Size = max(w.Size, ws[i].Size)
	}
	w.Text = b.String()
	w.Spaced = true
	return w
}

// rotatedWords groups non-horizontal glyphs into words along their own
// direction: a glyph continues a word when it starts where the previous
// one ended and points nearly the same way.
func rotatedWords(gs []glyph) []Word {
	if len(gs) == 0 {
		return nil
	}
	var out []Word
	var runes []rune
	var cur Word
	var prev *glyph
	// The words' texts share one buffer, as in wordBuilder.str.
	text := make([]byte, 0, 2*len(gs))
	flush := func() {
		if len(runes) > 0 {
			start := len(text)
			for _, r := range runes {
				text = utf8.AppendRune(text, r)
			}
			cur.Text = unsafe.String(&text[start], len(text)-start)
			out = append(out, cur)
		}
		runes, prev = runes[:0], nil
	}
	for _, k := range chainOrder(gs) {
		if k < 0 || gs[k].text == " " {
			flush()
			continue
		}
		g := &gs[k]
		size := math.Hypot(g.ux, g.uy)
		if prev != nil && !follows(prev, g) {
			flush()
		}
		x0, y0, x1, y1 := glyphBox(g)
		if len(runes) == 0 {
			cur = Word{X0: x0, Y0: y0, X1: x1, Y1: y1, Size: size}
			if g.font != nil {
				cur.Font = g.font.name
			}
		} else {
			cur.X0, cur.Y0, cur.X1, cur.Y1 = min(cur.X0, x0), min(cur.Y0, y0), max(cur.X1, x1), max(cur.Y1, y1)
			cur.Size = max(cur.Size, size)
		}
		for _, r := range g.text {
			runes = append(runes, r)
		}
		prev = g
	}
	flush()
	slices.SortStableFunc(out, func(a, b Word) int {
		return cmp.Or(cmp.Compare(a.Y0, b.Y0), cmp.Compare(a.X0, b.X0))
	})
	return out
}
