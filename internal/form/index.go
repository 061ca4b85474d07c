package form

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/dianres/dianres/internal/pdftext"
	"github.com/dianres/dianres/internal/vocab"
)

// word is one word of a page with what the reader derives from it once.
type word struct {
	pdftext.Word
	line   int      // index of its line in page.lines
	fold   string   // folded text
	toks   []string // folded tokens
	digits bool     // its text holds an ASCII digit
	label  int      // index into page.labels of the label it is part of, or -1
	// spacing is the letter-spacing of a word joined from letter-spaced
	// glyphs: the gaps between its words are that much wider.
	spacing float64
}

func (w *word) rect() Rect { return Rect{w.X0, w.Y0, w.X1, w.Y1} }

// pline is a line of words, words[first:end] of its page.
type pline struct {
	first, end int
	y0, y1     float64
	size       float64
	gap        float64 // the widest word gap inside one cell; see wordGap
	fold       string  // its words folded, one space between them
}

// label is one label found on a page.
type label struct {
	spec     *spec
	words    []int // word indices, label text only (no box number)
	box      int   // the box number printed with it, 0 when none
	boxWord  int   // that number's word, or -1
	r        Rect  // the label's extent, box number included
	size     float64
	line     int // its first line
	lastLine int // its last line (wrapped labels)
	text     string
	taken    bool // claimed by a table header: not read as a box
}

// page indexes one page's words, lines and labels.
type page struct {
	number  int
	width   float64
	height  float64
	words   []word
	lines   []pline
	labels  []label
	rotated []pdftext.Word
	vrules  ruleIndex // vertical ruling lines
	mem     *pageMem  // the memory words, lines, labels and scratch live in; see release
	// valuesLeft: the page prints values before their labels on a line
	// ("900874610   5. NIT"); see readsLeft.
	valuesLeft bool
	// abbrev maps the codes the document defines for modalities and
	// requests ("FE = Factura electrónica de venta") to their names.
	abbrev map[string]string
}

// pageMem is the memory of one page's index that no result keeps: its
// words, lines, tokens and labels, its vertical-rule index, and the
// scratch of findLabels and align. Read puts it
// back in pagePool when it is done with the page, and the next page, of
// this document or another, takes it. A page's words alone were a tenth
// of the bytes a parse allocated, and reused memory is still in cache:
// ParseAll ran 3–5 % faster with the words alone reused.
type pageMem struct {
	words     []word
	lines     []pline
	toks      []string
	folds     []span
	lineFolds []span
	buf       []byte
	refs      []tokenRef
	lineToks  [][]tokenRef
	hits      []labelHit
	sorted    []labelHit
	labels    []label
	start     []int32 // ruleIndex's
	vrules    []vrule
	next      []int32
	align     alignMem
}

// alignMem holds the dynamic-programming tables of page.align.
type alignMem struct {
	best         [][]float64
	from         [][]int
	skip         [][]bool
	bestAll, fit []float64
	fromAll      []int
	skipAll      []bool
}

// span is s[start:end] of some string.
type span struct{ start, end int }

var pagePool = sync.Pool{New: func() any { return new(pageMem) }}

// release hands pg's memory back to pagePool; pg is unusable after it.
// What the memory held is cleared so that the pool keeps no page's text
// alive.
func (pg *page) release() {
	m := pg.mem
	if m == nil {
		return
	}
	// Not cleared: clearing pooled slices of pointers while the collector
	// marks shades every old pointer (see pdftext's scratch.put). The stale
	// entries keep one page's texts alive until the next page overwrites
	// them; every user appends to these slices, so nothing reads past len.
	m.words, m.lines, m.toks, m.labels = pg.words[:0], pg.lines[:0], m.toks[:0], pg.labels[:0]
	*pg = page{}
	if cap(m.words) > maxPooledWords {
		return // a one-off huge page must not pin its memory for good
	}
	pagePool.Put(m)
}

// maxPooledWords bounds the page a pooled pageMem may have held: about
// 4 MB of words and the rest in proportion.
const maxPooledWords = 4 << 20 / int(unsafe.Sizeof(word{}))

func newPage(p *pdftext.Page) *page {
	m := pagePool.Get().(*pageMem)
	pg := &page{number: p.Number, width: p.Width, height: p.Height, rotated: p.Rotated, mem: m}
	pg.lines = slices.Grow(m.lines[:0], len(p.Lines))
	rules, bars := withBars(p)
	pg.vrules = newRuleIndex(rules, m)
	pg.labels = m.labels[:0]
	n := 0
	for _, l := range p.Lines {
		n += len(l.Words)
	}
	pg.words = slices.Grow(m.words[:0], n+8)
	if pg.width <= 0 {
		pg.width = 1e6
	}
	// Every word's fold goes into one buffer, each line's words one space
	// apart, so that a word's fold and its line's are pieces of one string.
	size := 0
	for _, l := range p.Lines {
		for _, w := range l.Words {
			size += len(w.Text) + 1
		}
	}
	buf := slices.Grow(m.buf[:0], size+size/8)
	folds := slices.Grow(m.folds[:0], n+8)
	lineFolds := slices.Grow(m.lineFolds[:0], len(p.Lines))
	for li, l := range p.Lines {
		pl := pline{first: len(pg.words), y0: l.Y0, y1: l.Y1}
		lineStart := len(buf)
		ws, spacing := joinSpaced(l.Words, &pg.vrules)
		if spacing == nil {
			ws = splitGlued(ws)
		}
		for i, w := range ws {
			if textRule(w.Text) && (!isBar(w.Text) || bars[barKey(&w)]) {
				continue // "+------+" or a "|" of a text-mode table: a rule (see withBars), no word
			}
			w.Text = vocab.TrimFootnote(vocab.ExpandLigatures(w.Text))
			if n := len(pg.words); n > pl.first && overprinted(&pg.words[n-1].Word, &w) {
				continue // the same word drawn again over itself: a shadow, or a field's value and its appearance
			}
			if i > 0 {
				buf = append(buf, ' ')
			}
			start := len(buf)
			buf = vocab.AppendFold(buf, w.Text)
			folds = append(folds, span{start, len(buf)})
			pg.words = append(pg.words, word{Word: w, line: li, label: -1, digits: strings.ContainsFunc(w.Text, isDigit)})
			if spacing != nil {
				pg.words[len(pg.words)-1].spacing = spacing[i]
			}
			pl.size = max(pl.size, w.Size)
		}
		lineFolds = append(lineFolds, span{lineStart, len(buf)})
		pl.end = len(pg.words)
		if pl.size <= 0 {
			pl.size = max(l.Y1-l.Y0, 1)
		}
		pg.lines = append(pg.lines, pl)
	}
	all := string(buf) // a string of its own: buf goes back to the pool
	for li, sp := range lineFolds {
		pg.lines[li].fold = all[sp.start:sp.end]
	}
	toks := slices.Grow(m.toks[:0], n+8) // every word's tokens, one buffer for the page
	for i, sp := range folds {
		f := all[sp.start:sp.end]
		start := len(toks)
		if strings.IndexByte(f, ' ') < 0 {
			if f != "" {
				toks = append(toks, f)
			}
		} else {
			toks = append(toks, strings.Fields(f)...)
		}
		pg.words[i].fold, pg.words[i].toks = f, toks[start:len(toks):len(toks)]
	}
	m.buf, m.folds, m.lineFolds, m.toks = buf[:0], folds[:0], lineFolds[:0], toks
	pg.findLabels()
	return pg
}

// labelEnds holds the folded last word of every label phrase.
var labelEnds = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range specs {
		for _, p := range s.phrases {
			m[p[len(p)-1]] = true
		}
	}
	return m
}()

// joinSpaced joins the letters of letter-spaced text ("E D I T O R I A L
// P Á G I N A S"). A line is letter-spaced when three or more one-letter
// words stand in a row, each at most half its size from the next, their
// gaps alike: running text never sets three one-letter words in a row.
// On such a line, one-letter words in a row at that gap ("D E", "L A"
// too) are one word; a wider gap (the word space, on top of the spacing)
// ends it, and so does a ruling line (letters in boxes of their own).
// spacing holds each word's letter-spacing (0 when not joined), or is nil
// when the line is not letter-spaced.
func joinSpaced(ws []pdftext.Word, rules *ruleIndex) (out []pdftext.Word, spacing []float64) {
	single := func(w *pdftext.Word) bool {
		r, n := utf8.DecodeRuneInString(w.Text)
		return n == len(w.Text) && unicode.IsLetter(r)
	}
	// A spaced word's punctuation is spaced too ("L T D A .").
	part := func(w *pdftext.Word) bool {
		return single(w) || len(w.Text) == 1 && strings.ContainsAny(w.Text, ".,-&'")
	}
	count := 0
	for i := range ws {
		if single(&ws[i]) {
			count++
		}
	}
	if count < 3 {
		return ws, nil
	}
	// runEnd returns where the run of letters from i ends, the letter
	// gap fixed (gap >= 0) or learnt from the run's first (gap < 0).
	runEnd := func(i int, gap float64) (int, float64) {
		j := i + 1
		if !single(&ws[i]) {
			return j, gap
		}
		size := max(ws[i].Size, 1)
		for ; j < len(ws) && part(&ws[j]); j++ {
			g := ws[j].X0 - ws[j-1].X1
			if g > 0.5*size || gap >= 0 && math.Abs(g-gap) > max(0.15*size, 0.5*gap) ||
				rules.between(ws[j-1].X1-0.5, ws[j].X0+0.5, (ws[j].Y0+ws[j].Y1)/2) {
				break // letters in boxes of their own are read as such
			}
			if gap < 0 {
				gap = g
			}
		}
		return j, gap
	}
	letterGap := -1.0
	for i := 0; i < len(ws) && letterGap < 0; {
		j, g := runEnd(i, -1)
		if j-i >= 3 {
			letterGap = g
		}
		i = j
	}
	if letterGap < 0 {
		return ws, nil
	}
	for i := 0; i < len(ws); {
		j, _ := runEnd(i, letterGap)
		if j-i < 2 {
			out = append(out, ws[i:j]...)
			spacing = append(spacing, make([]float64, j-i)...)
			i = j
			continue
		}
		w := ws[i]
		var b strings.Builder
		for _, x := range ws[i:j] {
			b.WriteString(x.Text)
			w.X1, w.Y0, w.Y1, w.Size = x.X1, min(w.Y0, x.Y0), max(w.Y1, x.Y1), max(w.Size, x.Size)
		}
		w.Text = b.String()
		out = append(out, w)
		spacing = append(spacing, max(letterGap, 0))
		i = j
	}
	return out, spacing
}

// splitGlued splits words where a producer drew a label and its value
// without a space between them ("formulario18766205524855", "Año2024"):
// a label's last word followed by digits becomes two words, the split
// placed by character count.
func splitGlued(ws []pdftext.Word) []pdftext.Word {
	glued := false
	for _, w := range ws {
		glued = glued || mayBeGlued(w.Text)
	}
	if !glued {
		return ws
	}
	var out []pdftext.Word
	for _, w := range ws {
		rs := []rune(w.Text)
		i := 0
		for i < len(rs) && unicode.IsLetter(rs[i]) {
			i++
		}
		// A value glued to its label is long ("formulario18766205524855",
		// "Año2024"); a short word such as the prefix "DV5" is a value.
		if i < 3 || len(rs)-i < 4 || !isDigit(rs[i]) || !labelEnds[vocab.Fold(string(rs[:i]))] {
			out = append(out, w)
			continue
		}
		x := w.X0 + (w.X1-w.X0)*float64(i)/float64(len(rs))
		head, tail := w, w
		head.Text, head.X1 = string(rs[:i]), x
		tail.Text, tail.X0 = string(rs[i:]), x
		out = append(out, head, tail)
	}
	return out
}

// mayBeGlued reports whether t holds an ASCII digit and something that
// may be a letter (an ASCII letter, or any byte past ASCII): splitGlued
// looks closer only then.
func mayBeGlued(t string) bool {
	digit, letter := false, false
	for i := 0; i < len(t); i++ {
		c := t[i]
		digit = digit || '0' <= c && c <= '9'
		letter = letter || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf
	}
	return digit && letter
}

func (pg *page) lineWords(li int) []word { l := pg.lines[li]; return pg.words[l.first:l.end] }

// wsize is a word's font size, never zero.
func (w *word) wsize() float64 {
	if w.Size > 0 {
		return w.Size
	}
	return max(w.Y1-w.Y0, 1)
}

// hasTitle reports whether the page prints the form's title as a heading:
// a short line that starts with it. An invoice's legend may say
// "autorización de numeración de facturación No. 1876…" in a sentence;
// that is not the form's title.
func (pg *page) hasTitle() bool {
	for li := range pg.lines {
		f := pg.lineFold(li)
		if len(strings.Fields(f)) > 8 {
			continue
		}
		t := " " + f + " "
		for _, title := range []string{" autorizacion numeracion de facturacion ", " autorizacion de numeracion de facturacion "} {
			if i := strings.Index(t, title); i >= 0 && len(strings.Fields(t[:i])) <= 2 {
				return true
			}
		}
	}
	return false
}

// hasModel reports whether the page prints the form model: "1876" as a
// word of its own in the top quarter of the page or larger than the
// page's text, where forms print their model number.
func (pg *page) hasModel() bool {
	var sizes []float64
	for i := range pg.words {
		sizes = append(sizes, pg.words[i].wsize())
	}
	if len(sizes) == 0 {
		return false
	}
	body := median(sizes)
	for i := range pg.words {
		w := &pg.words[i]
		if w.fold == "1876" && (pg.height > 0 && w.Y1 < pg.height/4 || w.wsize() >= 1.3*body) {
			return true
		}
	}
	return false
}

// lineFold returns line li's words folded, one space between them.
func (pg *page) lineFold(li int) string { return pg.lines[li].fold }

// lineText returns line li's words as printed, one space apart.
func (pg *page) lineText(li int) string { return pg.text(wordRange(pg.lines[li])) }

// tokenRef points at one folded token of a word.
type tokenRef struct {
	word int
	tok  int
}

// appendLineTokens appends the tokens of line li to out, in order.
func (pg *page) appendLineTokens(out []tokenRef, li int) []tokenRef {
	l := pg.lines[li]
	for wi := l.first; wi < l.end; wi++ {
		for ti := range pg.words[wi].toks {
			out = append(out, tokenRef{wi, ti})
		}
	}
	return out
}

// ruled reports whether a vertical ruling line stands between words a and
// b (a left of b) across their height: they are in different cells however
// close they are.
func (pg *page) ruled(a, b *word) bool {
	return pg.vrules.between(a.X1-0.5, b.X0+0.5, (max(a.Y0, b.Y0)+min(a.Y1, b.Y1))/2)
}

// A vrule is a vertical ruling line at x, from y0 down to y1.
type vrule struct{ x, y0, y1 float64 }

// ruleIndex holds a page's vertical ruling lines in buckets by x, so that
// the lines between two words are found without sorting them all: a
// form's page draws a hundred or more.
type ruleIndex struct {
	x0, x1 float64 // the lines' extent in x
	width  float64 // of a bucket
	start  []int32 // bucket k holds rules[start[k]:start[k+1]]
	rules  []vrule
}

// newRuleIndex indexes the vertical rules of rs, in m's arrays when m is
// not nil.
func newRuleIndex(rs []pdftext.Rule, m *pageMem) ruleIndex {
	if m == nil {
		m = &pageMem{}
	}
	var ix ruleIndex
	n := 0
	for _, r := range rs {
		if !r.Horizontal() {
			if n == 0 {
				ix.x0, ix.x1 = r.X0, r.X0
			}
			ix.x0, ix.x1 = min(ix.x0, r.X0), max(ix.x1, r.X0)
			n++
		}
	}
	if n == 0 {
		return ix
	}
	buckets := n/2 + 1
	ix.width = max((ix.x1-ix.x0)/float64(buckets), 1e-9)
	ix.start = slices.Grow(m.start[:0], buckets+1)[:buckets+1]
	clear(ix.start)
	for _, r := range rs {
		if !r.Horizontal() {
			ix.start[ix.bucket(r.X0)+1]++
		}
	}
	for k := 1; k <= buckets; k++ {
		ix.start[k] += ix.start[k-1]
	}
	ix.rules = slices.Grow(m.vrules[:0], n)[:n]
	next := append(m.next[:0], ix.start[:buckets]...)
	m.start, m.vrules, m.next = ix.start, ix.rules, next
	for _, r := range rs {
		if !r.Horizontal() {
			k := ix.bucket(r.X0)
			ix.rules[next[k]] = vrule{r.X0, min(r.Y0, r.Y1), max(r.Y0, r.Y1)}
			next[k]++
		}
	}
	return ix
}

func (ix *ruleIndex) bucket(x float64) int {
	return min(int((x-ix.x0)/ix.width), len(ix.start)-2)
}

// between reports whether a line at x in [lo, hi] spans height y.
func (ix *ruleIndex) between(lo, hi, y float64) bool {
	if len(ix.rules) == 0 || lo > hi || hi < ix.x0 || lo > ix.x1 {
		return false
	}
	for k := ix.bucket(max(lo, ix.x0)); k <= ix.bucket(min(hi, ix.x1)); k++ {
		for _, r := range ix.rules[ix.start[k]:ix.start[k+1]] {
			if lo <= r.x && r.x <= hi && r.y0 <= y && y <= r.y1 {
				return true
			}
		}
	}
	return false
}

// wordGap returns the widest gap between two words of one cell on line
// li. Producers space words differently (0.25 em to almost 1 em when TeX
// stretches a line), so the line's own spacing decides: the median gap
// between words of letters is taken to be a word space, and a gap well
// beyond it ends a cell; never less than 0.35 em nor more than 1 em.
func (pg *page) wordGap(li int) float64 {
	if g := pg.lines[li].gap; g > 0 {
		return g
	}
	ws := pg.lineWords(li)
	size := pg.lines[li].size
	var gaps []float64
	for i := 1; i < len(ws); i++ {
		// Between two words of letters: the space after a box number is
		// narrower and tells nothing about the words' spacing.
		if g := ws[i].X0 - ws[i-1].X1; g > 0 && !ws[i].digits && !ws[i-1].digits {
			gaps = append(gaps, g)
		}
	}
	g := 0.6 * size
	if len(gaps) >= 3 {
		slices.Sort(gaps)
		g = min(1.0*size, max(0.35*size, 1.6*gaps[len(gaps)/2]))
	}
	pg.lines[li].gap = g
	return g
}

func union(a, b Rect) Rect {
	return Rect{min(a.X0, b.X0), min(a.Y0, b.Y0), max(a.X1, b.X1), max(a.Y1, b.Y1)}
}

// overprinted reports whether w is word p drawn again over itself: the
// same text overlapping it by more than half its width.
func overprinted(p, w *pdftext.Word) bool {
	if p.Text != w.Text {
		return false
	}
	overlap := min(p.X1, w.X1) - max(p.X0, w.X0)
	return overlap > 0.5*(w.X1-w.X0)
}

// textRule reports whether t is a rule drawn with characters, as
// text-mode reports and ASCII-art tables draw their cells: bars ("|",
// "│"), or three or more of "-", "=", "+", "─"… with at least one line
// character ("+------+", "====="). A single "-" stays a word, and so do
// underscores: forms fill boxes with them.
func textRule(t string) bool {
	if t == "" {
		return false
	}
	if c := t[0]; c != '|' && c != '-' && c != '=' && c != '+' && c != 0xc2 && c != 0xe2 {
		return false // the common word; ¦ is C2 A6, the box-drawing characters E2 94 and E2 95
	}
	bars, lines, n := true, false, 0
	for _, r := range t {
		n++
		switch r {
		case '|', '¦', '│', '┃':
		case '-', '=', '─', '━', '═':
			bars, lines = false, true
		case '+', '┼', '┬', '┴', '├', '┤', '┌', '┐', '└', '┘':
			bars = false
		default:
			return false
		}
	}
	return bars || lines && n >= 3
}

// isBar reports whether t is only bars: "|", "│".
func isBar(t string) bool {
	return textRule(t) && !strings.ContainsAny(t, "-=_─━═+┼┬┴├┤┌┐└┘")
}

// barKey identifies a bar word by where it stands.
func barKey(w *pdftext.Word) [2]float64 {
	return [2]float64{math.Round(w.X0 * 4), math.Round(w.Y0 * 4)}
}

// withBars returns p's rules and, for the bars drawn with characters
// that stand one under another on three lines or more (the cell borders
// of a text-mode table, not a "|" between two pairs of a line), a
// vertical rule through each, so that the cells they part are cells; and
// those bars, which are no words.
func withBars(p *pdftext.Page) ([]pdftext.Rule, map[[2]float64]bool) {
	var xs []float64
	for _, l := range p.Lines {
		for _, w := range l.Words {
			if isBar(w.Text) {
				xs = append(xs, (w.X0+w.X1)/2)
			}
		}
	}
	if len(xs) < 3 {
		return p.Rules, nil
	}
	rules := slices.Clone(p.Rules)
	bars := map[[2]float64]bool{}
	for _, l := range p.Lines {
		for _, w := range l.Words {
			if !isBar(w.Text) {
				continue
			}
			x, n := (w.X0+w.X1)/2, 0
			for _, o := range xs {
				if math.Abs(o-x) <= 2 {
					n++
				}
			}
			if n >= 3 {
				rules = append(rules, pdftext.Rule{X0: x, Y0: w.Y0, X1: x, Y1: w.Y1})
				bars[barKey(&w)] = true
			}
		}
	}
	return rules, bars
}
