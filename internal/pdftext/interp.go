package pdftext

import (
	"context"
	"math"
	"sync"
	"unsafe"

	"github.com/dianres/dianres/internal/pdfrepair"
)

// matrix is a PDF transformation [a b c d e f] (§8.3.3), applied to row
// vectors: [x y 1] × M.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n: first m, then n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// gstate is the part of the graphics state (§8.4) that places text.
type gstate struct {
	ctm  matrix
	font *font
	fs   float64 // Tf size
	tc   float64 // Tc character spacing
	tw   float64 // Tw word spacing
	th   float64 // Tz horizontal scaling / 100
	tl   float64 // TL leading
	rise float64 // Ts
}

// glyph is one shown glyph in display space (top-left origin, y down).
type glyph struct {
	text   string  // "" when the code has no Unicode mapping
	font   *font   //
	ox, oy float64 // origin, with rise
	by     float64 // baseline y without rise, so superscripts keep their line
	dx, dy float64 // text-space x axis scaled by size: the advance per em
	w      float64 // advance in em
	ux, uy float64 // text-space y axis scaled by size: "up", one em long
}

// maxStack bounds q nesting; deeper q's are counted but not saved.
const maxStack = 256

// interp runs content streams and collects glyphs.
type interp struct {
	d      *Document
	ctx    context.Context
	gs     gstate
	stack  []gstate
	over   int // q's beyond maxStack, so their Q's are ignored too
	floor  int // Q never pops below this: the stack of the form's caller
	tm     matrix
	tlm    matrix
	glyphs []glyph
	onPath map[objID]bool // Form XObjects being run, for cycles
	args   []token
	path   path // ruling lines
	// lex is the lexer scratch kept from one content stream to the
	// next; a stream being run holds it, so a form run from it gets its
	// own.
	lex []byte
}

// run interprets one content stream with its resources.
func (in *interp) run(data []byte, res pdfrepair.Value, depth int) error {
	d := in.d
	l := newLexer(data)
	l.Scratch, in.lex = in.lex[:0], nil
	defer func() { in.lex = l.Scratch[:0] }()
	fonts := map[string]*font{}
	args := in.args[:0]
	defer func() { in.args = args[:0] }()
	for {
		t := l.next()
		if t.kind == tokEOF {
			return nil
		}
		if t.kind != tokOp {
			if len(args) < 1<<12 { // garbage operands: keep memory flat
				args = append(args, t)
			}
			continue
		}
		d.ops++
		if d.ops > d.lim.MaxOps {
			return &LimitError{Name: "MaxOps", Value: int64(d.lim.MaxOps)}
		}
		if d.ops&4095 == 0 {
			if err := in.ctx.Err(); err != nil {
				return err
			}
		}
		if d.err != nil {
			return d.err
		}
		if err := in.op(&l, l.raw(t), args, res, fonts, depth); err != nil {
			return err
		}
		args = args[:0]
		l.Scratch = l.Scratch[:0]
	}
}

// nums reads the last n operands as numbers into dst.
func nums(args []token, dst []float64) bool {
	if len(args) < len(dst) {
		return false
	}
	args = args[len(args)-len(dst):]
	for i, a := range args {
		if a.kind != tokNumber {
			return false
		}
		dst[i] = a.num
	}
	return true
}

func (in *interp) op(l *lexer, op []byte, args []token, res pdfrepair.Value, fonts map[string]*font, depth int) error {
	var v [6]float64
	gs := &in.gs
	switch string(op) { // no allocation: the compiler compares bytes
	case "q":
		if len(in.stack) >= maxStack {
			in.over++
			return nil
		}
		in.stack = append(in.stack, *gs)
	case "Q":
		if in.over > 0 {
			in.over--
			return nil
		}
		if n := len(in.stack); n > in.floor {
			*gs = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case "cm":
		if nums(args, v[:6]) {
			gs.ctm = matrix(v).mul(gs.ctm)
		}
	case "BT":
		in.tm, in.tlm = identity, identity
	case "Tf":
		if len(args) >= 2 && args[len(args)-2].kind == tokName && args[len(args)-1].kind == tokNumber {
			gs.fs = args[len(args)-1].num
			f, err := in.font(res, l.str(args[len(args)-2]), fonts)
			if err != nil {
				return err
			}
			gs.font = f
		}
	case "Tc":
		if nums(args, v[:1]) {
			gs.tc = v[0]
		}
	case "Tw":
		if nums(args, v[:1]) {
			gs.tw = v[0]
		}
	case "Tz":
		if nums(args, v[:1]) {
			gs.th = v[0] / 100
		}
	case "TL":
		if nums(args, v[:1]) {
			gs.tl = v[0]
		}
	case "Ts":
		if nums(args, v[:1]) {
			gs.rise = v[0]
		}
	case "Td":
		if nums(args, v[:2]) {
			in.td(v[0], v[1])
		}
	case "TD":
		if nums(args, v[:2]) {
			gs.tl = -v[1]
			in.td(v[0], v[1])
		}
	case "Tm":
		if nums(args, v[:6]) {
			in.tm, in.tlm = matrix(v), matrix(v)
		}
	case "T*":
		in.td(0, -gs.tl)
	case "Tj":
		if n := len(args); n > 0 && args[n-1].kind == tokString {
			in.show(l.str(args[n-1]))
		}
	case "'":
		in.td(0, -gs.tl)
		if n := len(args); n > 0 && args[n-1].kind == tokString {
			in.show(l.str(args[n-1]))
		}
	case "\"":
		if n := len(args); n >= 3 && args[n-1].kind == tokString && nums(args[:n-1], v[:2]) {
			gs.tw, gs.tc = v[0], v[1]
			in.td(0, -gs.tl)
			in.show(l.str(args[n-1]))
		}
	case "TJ":
		start := -1
		for i, a := range args {
			if a.kind == tokArrayOpen {
				start = i
			}
		}
		if start < 0 {
			return nil
		}
		for _, a := range args[start+1:] {
			switch a.kind {
			case tokString:
				in.show(l.str(a))
			case tokNumber:
				in.advance(-a.num / 1000 * gs.fs * gs.th)
			}
		}
	case "Do":
		if n := len(args); n > 0 && args[n-1].kind == tokName {
			return in.do(res, string(l.str(args[n-1])), depth)
		}
	default:
		in.path.op(op, args, gs.ctm)
	}
	return nil
}

func (in *interp) td(tx, ty float64) {
	in.tlm = matrix{1, 0, 0, 1, tx, ty}.mul(in.tlm)
	in.tm = in.tlm
}

// advance moves the text matrix by tx text-space units along x.
func (in *interp) advance(tx float64) {
	in.tm[4] += tx * in.tm[0]
	in.tm[5] += tx * in.tm[1]
}

// show places the glyphs of one string (§9.4.4).
func (in *interp) show(s []byte) {
	gs := &in.gs
	f := gs.font
	if f == nil {
		return
	}
	// Only the translation of the text matrix moves within a string, so
	// the rest of the rendering matrix is computed once (the same
	// products mul would compute for every glyph).
	base := in.tm.mul(gs.ctm)
	c := gs.ctm
	for len(s) > 0 {
		code, n := f.next(s)
		s = s[n:]
		text, w := f.glyph(code)
		m := base
		m[4] = in.tm[4]*c[0] + in.tm[5]*c[2] + c[4]
		m[5] = in.tm[4]*c[1] + in.tm[5]*c[3] + c[5]
		sx := gs.fs * gs.th
		g := glyph{
			text: text,
			font: f,
			dx:   sx * m[0], dy: sx * m[1],
			ux: gs.fs * m[2], uy: gs.fs * m[3],
			w: w,
		}
		g.ox = gs.rise*m[2] + m[4]
		g.oy = gs.rise*m[3] + m[5]
		g.by = m[5]
		if fin(g.ox) && fin(g.oy) && fin(g.dx) && fin(g.dy) && fin(g.ux) && fin(g.uy) && fin(g.w) { // isFinite, unrolled
			in.glyphs = append(in.glyphs, g)
		}
		tx := w*gs.fs + gs.tc
		if n == 1 && code == 32 {
			tx += gs.tw
		}
		in.advance(tx * gs.th)
	}
}

// isFinite reports whether every f is a number within ±1e7: NaN fails
// the comparison and an infinity exceeds the bound, so one test per
// value does (this runs for every glyph).
func isFinite(fs ...float64) bool {
	for _, f := range fs {
		if !fin(f) {
			return false
		}
	}
	return true
}

// fin is isFinite for one value.
func fin(f float64) bool { return math.Abs(f) <= 1e7 }

// font resolves a /Font resource name, once per content stream.
func (in *interp) font(res pdfrepair.Value, nameb []byte, fonts map[string]*font) (*font, error) {
	if f, ok := fonts[string(nameb)]; ok { // no allocation for the look-up
		return f, nil
	}
	name := string(nameb)
	d := in.d
	dict := d.key(res, "Font")
	fv := d.key(dict, name)
	var f *font
	if fv.Kind() == pdfrepair.Dict {
		var err error
		if f, err = d.loadFont(in.ctx, dict, fv); err != nil {
			return nil, err
		}
	}
	fonts[name] = f
	return f, nil
}

// do runs a Form XObject (§8.10); images and other XObjects are skipped.
func (in *interp) do(res pdfrepair.Value, name string, depth int) error {
	d := in.d
	xo := d.key(d.key(res, "XObject"), name)
	if xo.Kind() != pdfrepair.Stream || d.key(xo, "Subtype").Name() != "Form" {
		return nil
	}
	m := identity
	if mv := d.key(xo, "Matrix"); mv.Len() == 6 {
		for i := range 6 {
			m[i], _ = num(d.index(mv, i))
		}
	}
	return in.form(xo, res, m.mul(in.gs.ctm), depth+1)
}

// form runs the content of form stream xo with ctm, restoring the state
// afterwards. Forms without /Resources use the caller's (§7.8.3).
func (in *interp) form(xo, res pdfrepair.Value, ctm matrix, depth int) error {
	d := in.d
	if depth > d.lim.MaxDepth {
		return &LimitError{Name: "MaxDepth", Value: int64(d.lim.MaxDepth)}
	}
	id, ok := idOf(xo)
	if ok {
		if in.onPath[id] {
			return nil // a form drawing itself: draw it once
		}
		in.onPath[id] = true
		defer delete(in.onPath, id)
	}
	data, cached := d.forms[id]
	if !cached || !ok {
		var err error
		if data, err = d.readStream(in.ctx, xo, nil); err != nil {
			return err
		}
		if ok {
			d.forms[id] = data
		}
	}
	if r := d.key(xo, "Resources"); r.Kind() == pdfrepair.Dict {
		res = r
	}
	saved, tm, tlm, stack, over, floor := in.gs, in.tm, in.tlm, len(in.stack), in.over, in.floor
	in.gs.ctm, in.over, in.floor = ctm, 0, stack
	err := in.run(data, res, depth)
	in.gs, in.tm, in.tlm, in.stack, in.over, in.floor = saved, tm, tlm, in.stack[:stack], over, floor
	return err
}

// displayMatrix maps default user space to display space: the visible box
// moved to the origin, /Rotate applied clockwise, y pointing down.
func displayMatrix(box [4]float64, rotate int) (m matrix, w, h float64) {
	x0, y0, x1, y1 := box[0], box[1], box[2], box[3]
	switch rotate {
	case 90:
		return matrix{0, 1, 1, 0, -y0, -x0}, y1 - y0, x1 - x0
	case 180:
		return matrix{-1, 0, 0, 1, x1, -y0}, x1 - x0, y1 - y0
	case 270:
		return matrix{0, -1, -1, 0, y1, x1}, y1 - y0, x1 - x0
	}
	return matrix{1, 0, 0, -1, -x0, y1}, x1 - x0, y1 - y0
}

// extract runs page n's content and annotations and lays out the text.
func (d *Document) extract(ctx context.Context, n int) (*Page, error) {
	p := d.pages[n-1]
	box := p.media
	if p.hasCrop {
		box = p.crop
	}
	base, w, h := displayMatrix(box, p.rotate)
	sc := scratchPool.Get().(*scratch)
	in := &interp{d: d, ctx: ctx, onPath: map[objID]bool{}, glyphs: sc.glyphs[:0], args: sc.args[:0], lex: sc.lex[:0]}
	in.path = path{max: d.lim.MaxRules, rules: sc.rules[:0], pts: sc.pts[:0], pending: sc.pending[:0]}
	defer func() {
		// Take back what grew, error or not, so put can clear it.
		sc.glyphs, sc.args, sc.lex = in.glyphs, in.args, in.lex
		sc.rules, sc.pts, sc.pending = in.path.rules, in.path.pts, in.path.pending
		sc.put()
	}()
	in.gs = gstate{ctm: base, th: 1}
	in.tm, in.tlm = identity, identity

	data := sc.data[:0]
	defer func() { sc.data = data[:0] }()
	contents := d.key(p.v, "Contents")
	switch contents.Kind() {
	case pdfrepair.Stream:
		var err error
		if data, err = d.readStream(ctx, contents, data); err != nil { // into the pooled buffer
			return nil, err
		}
	case pdfrepair.Array:
		for i := range contents.Len() {
			var err error
			if data, err = d.readStream(ctx, d.index(contents, i), data); err != nil {
				return nil, err
			}
			data = append(data, '\n') // streams split anywhere but inside a token
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	if err := in.run(data, p.resources, 0); err != nil {
		return nil, err
	}
	if err := in.annotations(p, base); err != nil {
		return nil, err
	}
	if d.err != nil {
		return nil, d.err
	}
	page := &Page{Number: n, Width: w, Height: h, RulesCapped: in.path.capped, mem: pageMemPool.Get().(*pageMem)}
	sc.hs = layout(page, in.glyphs, sc.hs[:0], &sc.sort, &sc.words)
	page.Rules = pageRules(in.path.rules, w, h, page.mem)
	return page, nil
}

// maxAnnots bounds the annotations read on one page.
const maxAnnots = 1000

// annotations runs the normal appearance of Widget, FreeText and Stamp
// annotations, placed by the algorithm of §12.5.5.
func (in *interp) annotations(p pageInfo, base matrix) error {
	d := in.d
	annots := d.key(p.v, "Annots")
	for i := range min(annots.Len(), maxAnnots) {
		a := d.index(annots, i)
		switch d.key(a, "Subtype").Name() {
		case "Widget", "FreeText", "Stamp":
		default:
			continue
		}
		if d.key(a, "F").Int64()&(2|32) != 0 { // Hidden, NoView
			continue
		}
		ap := d.key(d.key(a, "AP"), "N")
		if ap.Kind() == pdfrepair.Dict { // appearance states: pick /AS
			ap = d.key(ap, d.key(a, "AS").Name())
		}
		if ap.Kind() != pdfrepair.Stream {
			if d.key(a, "Subtype").Name() == "Widget" {
				in.fieldValue(a, base)
			}
			continue
		}
		rect, ok := d.rect(d.key(a, "Rect"))
		bbox, ok2 := d.rect(d.key(ap, "BBox"))
		if !ok || !ok2 {
			continue
		}
		m := identity
		if mv := d.key(ap, "Matrix"); mv.Len() == 6 {
			for j := range 6 {
				m[j], _ = num(d.index(mv, j))
			}
		}
		// The form's bounding box, transformed by /Matrix, is mapped onto /Rect.
		tx0, ty0 := math.Inf(1), math.Inf(1)
		tx1, ty1 := math.Inf(-1), math.Inf(-1)
		for _, c := range [4][2]float64{{bbox[0], bbox[1]}, {bbox[2], bbox[1]}, {bbox[0], bbox[3]}, {bbox[2], bbox[3]}} {
			x, y := m.apply(c[0], c[1])
			tx0, ty0, tx1, ty1 = min(tx0, x), min(ty0, y), max(tx1, x), max(ty1, y)
		}
		if tx1-tx0 < 1e-9 || ty1-ty0 < 1e-9 {
			continue
		}
		sx := (rect[2] - rect[0]) / (tx1 - tx0)
		sy := (rect[3] - rect[1]) / (ty1 - ty0)
		aa := matrix{sx, 0, 0, sy, rect[0] - tx0*sx, rect[1] - ty0*sy}
		if err := in.form(ap, p.resources, m.mul(aa).mul(base), 1); err != nil {
			return err
		}
	}
	return d.err
}

// inheritedField reads a form-field attribute from the widget or its
// /Parent chain (§12.7.3.1), at most a few levels up.
func (d *Document) inheritedField(a pdfrepair.Value, k string) pdfrepair.Value {
	for range 8 {
		if v := d.key(a, k); v.Kind() != pdfrepair.Null {
			return v
		}
		if a = d.key(a, "Parent"); a.Kind() != pdfrepair.Dict {
			break
		}
	}
	return pdfrepair.Value{}
}

// fieldValue places the value of a text field that has no appearance
// stream (a form saved with /NeedAppearances): left-aligned in /Rect with
// the /DA font size, or one character per cell in a comb field. Widths
// are guessed at half an em, as no font is consulted.
func (in *interp) fieldValue(a pdfrepair.Value, base matrix) {
	d := in.d
	if d.inheritedField(a, "FT").Name() != "Tx" {
		return
	}
	text := []rune(textString(d.inheritedField(a, "V").RawString()))
	rect, ok := d.rect(d.key(a, "Rect"))
	if len(text) == 0 || len(text) > 4096 || !ok {
		return
	}
	size := 0.0
	l := newLexer([]byte(d.inheritedField(a, "DA").RawString()))
	var last token
	for t := l.next(); t.kind != tokEOF; t = l.next() {
		if t.kind == tokOp && string(l.raw(t)) == "Tf" && last.kind == tokNumber {
			size = last.num
		}
		last = t
	}
	h := rect[3] - rect[1]
	if size <= 0 || size > h {
		size = min(max(0.7*h, 4), 14)
	}
	pitch := 0.5 * size
	x := rect[0] + 2
	maxLen := d.inheritedField(a, "MaxLen").Int64()
	comb := d.inheritedField(a, "Ff").Int64()&(1<<24) != 0 && maxLen > 0
	if comb {
		pitch = (rect[2] - rect[0]) / float64(maxLen)
		x = rect[0] + (pitch-0.5*size)/2
	}
	y := (rect[1]+rect[3])/2 - 0.3*size
	for _, r := range text {
		ox, oy := base.apply(x, y)
		g := glyph{
			text: runeText(r),
			ox:   ox, oy: oy,
			dx: size * base[0], dy: size * base[1],
			ux: size * base[2], uy: size * base[3],
			w: 0.5,
		}
		g.by = oy
		if isFinite(g.ox, g.oy, g.dx, g.dy, g.ux, g.uy) {
			in.glyphs = append(in.glyphs, g)
		}
		x += pitch
	}
}

// pageMem holds the lines, words and rules of a Page, each in one array.
// Page.Release hands it back to pageMemPool and the next page read, of
// this Document or another, fills it: they were a fifth of what a parse
// allocated, and reused memory is still in cache.
type pageMem struct {
	lines []Line
	words []Word
	rules []Rule
}

var pageMemPool = sync.Pool{New: func() any { return new(pageMem) }}

// Release hands p's lines, words and rules back to be reused by a page
// read later, and empties p. Neither p nor any slice taken from it may be
// used after; strings may, as they are never reused. Releasing is
// optional: a page that is not released is collected as usual.
func (p *Page) Release() {
	m := p.mem
	if m == nil {
		return
	}
	*p = Page{}
	// Not cleared, as scratch.put explains: stale lines and words keep one
	// page's word texts alive until the next page overwrites them.
	size := cap(m.lines)*int(unsafe.Sizeof(Line{})) + cap(m.words)*int(unsafe.Sizeof(Word{})) + cap(m.rules)*int(unsafe.Sizeof(Rule{}))
	if size > maxPooled {
		return
	}
	m.lines, m.words, m.rules = m.lines[:0], m.words[:0], m.rules[:0]
	pageMemPool.Put(m)
}

// scratch holds the buffers one page's extraction needs: the decoded
// content, operands, glyphs, layout records and path points. They are
// pooled across pages and documents, so a batch allocates them about
// once per worker instead of growing them again for every file.
type scratch struct {
	data    []byte
	lex     []byte
	args    []token
	glyphs  []glyph
	hs      []hglyph
	rules   []Rule
	pts     []pathPt
	pending []Rule
	sort    sortBuf
	words   pageAlloc
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooled bounds the bytes a pooled scratch may keep: a one-off huge
// page should not pin its buffers for the rest of the process.
const maxPooled = 4 << 20

// put clears the pointers the buffers hold (fonts, glyph text) and
// returns s to the pool, unless it has grown past maxPooled.
func (s *scratch) put() {
	// Not cleared: clearing a pooled slice of pointers while the collector
	// marks shades every old pointer, which cost 6 % of a parse's
	// instructions. The stale glyphs keep at most one page's fonts alive
	// until the next page overwrites them, and nothing reads past len.
	size := cap(s.data) + cap(s.lex) + cap(s.glyphs)*int(unsafe.Sizeof(glyph{})) + cap(s.hs)*int(unsafe.Sizeof(hglyph{})) +
		cap(s.args)*int(unsafe.Sizeof(token{})) + (cap(s.rules)+cap(s.pending))*int(unsafe.Sizeof(Rule{})) +
		cap(s.sort.keys)*int(unsafe.Sizeof(lineKey{})) + cap(s.sort.runs)*int(unsafe.Sizeof(glyphRun{})) + cap(s.sort.out)*int(unsafe.Sizeof(hglyph{})) +
		(cap(s.words.line)+cap(s.words.all))*int(unsafe.Sizeof(Word{})) + cap(s.words.lines)*int(unsafe.Sizeof(Line{})) +
		cap(s.words.ends)*int(unsafe.Sizeof(0)) + cap(s.words.rot)*int(unsafe.Sizeof(glyph{}))
	if size > maxPooled {
		return
	}
	s.data, s.lex, s.args, s.glyphs, s.hs = s.data[:0], s.lex[:0], s.args[:0], s.glyphs[:0], s.hs[:0]
	s.rules, s.pts, s.pending = s.rules[:0], s.pts[:0], s.pending[:0]
	scratchPool.Put(s)
}
