package form

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/dianres/dianres/internal/vocab"
)

// A cand is one possible value of a label: a run of words on one line
// (or a few lines, for a wrapped name), its typed text and its cost.
type cand struct {
	pg       *page
	lab      int // index into pg.labels
	words    []int
	text     string
	how      string
	cost     float64
	conflict string // the run held a value of the label's type but could not be read as one
}

func (c *cand) rect() Rect {
	r := Rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, wi := range c.words {
		r = union(r, c.pg.words[wi].rect())
	}
	return r
}

// Direction costs, in font sizes: a value beside its label is the most
// common arrangement, below it the next, above it the rarest.
const (
	costBeside = 0.0
	costBelow  = 0.6
	costAbove  = 1.6
)

// valueReach is how far from its label, in font sizes, a value above or
// below it is looked for; text farther away is not the box's.
const valueReach = 3.5

// candidates proposes values for label k: runs of words beside it on its
// line(s), then below and above it inside its column. Runs that do not fit
// the label's type are dropped; a run that holds the type but cannot be
// read as one value (two numbers) comes back with conflict set.
func (pg *page) candidates(k int) []cand {
	l := &pg.labels[k]
	var out []cand
	add := func(run []int, how string, base float64) {
		if len(run) == 0 {
			return
		}
		text, ok, conflict := pg.typed(l.spec.typ, run)
		if !ok && conflict == "" || l.spec.typ == typeName && text != "" && notAName(l.spec.box, text) {
			return
		}
		c := cand{pg: pg, lab: k, words: run, text: text, how: how, cost: base, conflict: conflict}
		if l.spec.typ == typeName {
			c.cost += caseCost(text)
			if next, ok := pg.goesOn(run); ok && conflict == "" {
				// "MINIMERCADO   DOÑA ROSA" set with wide word spaces: the
				// name read may be short of its end.
				c.text, c.conflict = "", "the name may go on along its line: \""+text+" "+next+"\""
			}
		}
		if pg.labelStyled(run, l) {
			c.cost += 1.5 // printed like the label: more likely label text than a value
		}
		out = append(out, c)
	}
	size := l.size
	// Beside: on the label's first and last line, right of its words.
	for _, li := range uniq(l.line, l.lastLine) {
		right := -1.0
		for _, wi := range l.words {
			if pg.words[wi].line == li {
				right = max(right, pg.words[wi].X1)
			}
		}
		if right < 0 {
			continue
		}
		var after []int
		lead := right // where the label ends, or the leader drawn from it
		for wi := pg.lines[li].first; wi < pg.lines[li].end; wi++ {
			w := &pg.words[wi]
			if w.X0 < right-0.5 || w.label == k {
				continue // the label's own words, its box number printed after it
			}
			if w.label >= 0 {
				break
			}
			if len(after) == 0 && (isLeader(w.Text) || isGloss(w.fold) && strings.Contains(l.text, "/")) {
				// "Razón social ........ ACME": the leader leads to the
				// value, which stands right at its end.
				lead = w.X1
				continue
			}
			after = append(after, wi)
		}
		if len(after) == 0 && pg.lines[li].end-1 == l.words[len(l.words)-1] {
			after = pg.besideInBand(li, right)
		}
		runs := pg.runs(after)
		if len(runs) > 1 && len(runs[0]) == 1 && l.box == 0 && l.spec.box != 0 && boxOf(pg.words[runs[0][0]].Text) == l.spec.box {
			// "Razón social  11  ACME": the box's own number, set in a
			// gutter, with the value after it; but a number that can be
			// the value is the value ("DV  6  Hoja 1").
			if _, ok, _ := pg.typed(l.spec.typ, runs[0]); !ok {
				lead, runs = pg.words[runs[0][0]].X1, runs[1:]
			}
		}
		for i, run := range runs {
			gap := max(pg.words[run[0]].X0-lead, 0)
			if i == 0 && l.spec.typ == typeName {
				_, colRight := pg.column(k)
				var doubt bool
				if run, doubt = pg.wrapBelow(run, right, colRight, k, true); doubt {
					out = append(out, cand{pg: pg, lab: k, words: run, how: "beside", cost: costBeside,
						conflict: "the name may go on under itself, past text that is not a label: \"" + pg.text(run) + "\""})
					continue
				}
				if next, ok := pg.wrapsToMargin(run, k); ok {
					out = append(out, cand{pg: pg, lab: k, words: run, how: "beside", cost: costBeside,
						conflict: "the name may go on at the start of the next line: \"" + pg.text(run) + " " + next + "\""})
					continue
				}
			}
			add(run, "beside", costBeside+gap/size*0.05+float64(i)*1.5)
		}
	}
	// Before: on a page that prints values left of their labels, the run
	// that ends where the label starts.
	if pg.valuesLeft {
		if run := pg.runBefore(k); len(run) > 0 {
			gap := l.r.X0 - pg.words[run[len(run)-1]].X1
			if l.spec.typ == typeName {
				run = pg.wrapFlushRight(run)
			}
			add(run, "before", costBeside+gap/size*0.05)
		}
	}
	// Beside, a name wrapped in a cell that centres it on the label: its
	// lines stand above and below the label's middle, none on its line.
	if l.spec.typ == typeName {
		if ws := pg.straddle(k); ws != nil {
			add(ws, "beside", costBeside+0.2)
		}
	}
	// Below and above, inside the label's column.
	left, rightX := pg.column(k)
	for _, dir := range []int{1, -1} {
		li := l.lastLine
		if dir < 0 {
			li = l.line
		}
		lines := 0
		// A name under a line of text that is no value, set in the name's
		// own style, may be that text's last line ("… DE LA SIERRA
		// Diligencie este campo" over "NEVADA DE SANTA MARTA S.A.S."): it
		// is never returned short. A hint in another style is no part of it.
		var unread []int
		// Two lines of values at most, eight lines looked at: lines that
		// overlap in height (a hostile page stacks thousands) stay cheap.
		for j := li + dir; j >= 0 && j < len(pg.lines) && lines < 2 && abs(j-li) <= 8; j += dir {
			ln := pg.lines[j]
			var gap float64
			if dir > 0 {
				if ln.y0 < l.r.Y1-0.3*size {
					continue // same band
				}
				gap = ln.y0 - l.r.Y1
			} else {
				if ln.y1 > l.r.Y0+0.3*size {
					continue
				}
				gap = l.r.Y0 - ln.y1
			}
			if gap > valueReach*size {
				break
			}
			in, blocked := pg.wordsIn(j, left, rightX, k)
			if blocked {
				break // another box's label: its values follow, not ours
			}
			if len(in) == 0 {
				continue
			}
			lines++
			how, base := "below", costBelow
			if dir < 0 {
				how, base = "above", costAbove
			}
			n := len(out)
			for i, run := range pg.runs(in) {
				if pg.words[run[len(run)-1]].X1 < l.r.X0-size {
					continue // wholly left of the label: another box's value
				}
				cost := base + gap/size*0.3 + min(pg.offset(run, l)/size*0.1, 1) + float64(i)*0.5 + float64(lines-1)
				if dir > 0 && l.spec.typ == typeName {
					var doubt bool
					if run, doubt = pg.wrapBelow(run, left, rightX, k, false); doubt {
						out = append(out, cand{pg: pg, lab: k, words: run, how: how, cost: cost,
							conflict: "the name may go on under itself: \"" + pg.text(run) + "\""})
						continue
					}
					if pg.sameStyle(unread, run[0]) {
						out = append(out, cand{pg: pg, lab: k, words: run, how: how, cost: cost,
							conflict: "the name may begin on the line above it: \"" + pg.text(unread) + "\""})
						continue
					}
				}
				if dir < 0 && l.spec.typ == typeName {
					var doubt bool
					if run, doubt = pg.wrapAbove(run, left, rightX, k); doubt {
						out = append(out, cand{pg: pg, lab: k, words: run, how: how, cost: cost,
							conflict: "the name may begin on the line above it: \"" + pg.text(run) + "\""})
						continue
					}
				}
				add(run, how, cost)
			}
			if dir > 0 && l.spec.typ == typeName && len(out) == n && unread == nil && hasLetters(pg.text(in), 4) {
				unread = in
			}
		}
	}
	return out
}

// besideInBand returns the words of a line next to li that stands level
// with it (each line's middle inside the other) and holds nothing left of
// x: a value set beside a label that ends its line, in a larger size or
// centred in its cell, so that the text layer put the two on lines of
// their own ("5. NIT" in 5 points, "34195389" in 9.5 a point lower).
func (pg *page) besideInBand(li int, x float64) []int {
	a := pg.lines[li]
	for _, j := range []int{li + 1, li - 1} {
		if j < 0 || j >= len(pg.lines) {
			continue
		}
		b := pg.lines[j]
		if b.end == b.first || !level(a, b) {
			continue
		}
		ws := wordRange(b)
		if pg.words[ws[0]].X0 < x-0.5 || slices.ContainsFunc(ws, func(wi int) bool { return pg.words[wi].label >= 0 }) {
			continue
		}
		return ws
	}
	return nil
}

// levelWithLabel reports whether a line next to j, standing level with it
// (each line's middle inside the other), holds a label other than k.
func (pg *page) levelWithLabel(j, k int) bool {
	a := pg.lines[j]
	for _, n := range []int{j - 1, j + 1} {
		if n < 0 || n >= len(pg.lines) {
			continue
		}
		if b := pg.lines[n]; level(a, b) && slices.ContainsFunc(wordRange(b), func(wi int) bool {
			return pg.words[wi].label >= 0 && pg.words[wi].label != k
		}) {
			return true
		}
	}
	return false
}

// level reports whether two lines stand level: each one's middle inside
// the other's height.
func level(a, b pline) bool {
	ma, mb := (a.y0+a.y1)/2, (b.y0+b.y1)/2
	return ma >= b.y0 && ma <= b.y1 && mb >= a.y0 && mb <= a.y1
}

// straddle returns the words of a value set right of label k over two or
// more lines that stand above and below the label's middle: consecutive
// lines, a line's height apart at most, each starting with free words at
// one left edge right of the label, none holding a label (the values of a
// column of boxes each stand on their label's line). nil when there is
// no such value.
func (pg *page) straddle(k int) []int {
	l := &pg.labels[k]
	_, right := pg.column(k)
	cy := (l.r.Y0 + l.r.Y1) / 2
	// firstRun returns line j's first run of free words right of the
	// label, or nil when there is none or the line holds a label.
	firstRun := func(j int) []int {
		if pg.levelWithLabel(j, k) {
			return nil // the value of the label level with it, on a line of its own
		}
		var in []int
		for wi := pg.lines[j].first; wi < pg.lines[j].end; wi++ {
			w := &pg.words[wi]
			if w.label >= 0 {
				return nil
			}
			if w.X0 >= l.r.X1-0.5 && w.X0 < right {
				in = append(in, wi)
			}
		}
		if rs := pg.runs(in); len(rs) > 0 {
			return rs[0]
		}
		return nil
	}
	last := min(l.lastLine+4, len(pg.lines)-1)
	for j := max(l.line-4, 0); j <= last; j++ {
		run := firstRun(j)
		if run == nil || j >= l.line || (pg.lines[j].y0+pg.lines[j].y1)/2 > cy {
			continue
		}
		// The longest chain of lines from j: lines of the label's own
		// are passed over when they hold nothing right of it.
		x0, size := pg.words[run[0]].X0, pg.words[run[0]].wsize()
		ws, end, below := slices.Clone(run), j, false
		for n := j + 1; n <= last; n++ {
			if n >= l.line && n <= l.lastLine {
				if slices.ContainsFunc(wordRange(pg.lines[n]), func(wi int) bool {
					return pg.words[wi].label < 0 && pg.words[wi].X0 >= l.r.X1-0.5
				}) {
					break // a value on the label's line: beside, read as such
				}
				continue
			}
			next := firstRun(n)
			if next == nil || math.Abs(pg.words[next[0]].X0-x0) > 0.5*size || pg.lines[n].y0-pg.lines[end].y1 > 0.6*size {
				break
			}
			ws, end = append(ws, next...), n
			below = below || (pg.lines[n].y0+pg.lines[n].y1)/2 > cy
		}
		if below {
			return ws
		}
		j = max(j, min(end, l.line-1)) // a chain's later lines start no other
	}
	return nil
}

// notAName reports whether text, read for name box box, is a cell of the
// ranges or the next box set beside it rather than a name: a person's
// names (boxes 7 to 10) hold no digits ("12 Secc.") and no word of the
// form's modalities or requests ("Factura por"); no business (box 11)
// calls itself "factura", only with a modality's or a request's words and
// codes ("VENTA", "DOCUMENTO SOPORTE", "Autorización - 1"), or with one
// short token (the prefix "FE").
func notAName(box int, text string) bool {
	words := strings.Fields(text)
	folds := make([]string, len(words))
	for i, w := range words {
		folds[i] = strings.Trim(vocab.Fold(w), ".,:")
	}
	if labelWording(words, folds) {
		return true
	}
	switch {
	case box >= 7 && box <= 10:
		return slices.ContainsFunc(words, func(w string) bool { return strings.ContainsFunc(w, isDigit) }) ||
			slices.ContainsFunc(folds, vocab.FormWord)
	case box == 11:
		return slices.Contains(folds, "factura") ||
			!slices.ContainsFunc(folds, func(f string) bool { return hasLetters(f, 1) && !vocab.KindWord(f) && !vocab.FormWord(f) }) ||
			len(words) == 1 && prefixLike(words[0])
	}
	return false
}

// labelWording reports whether words (folded in folds) are the wording of
// a label the reader did not know as one, set where a name goes: "Díg.
// verif.", "Otros nom.", "Razón soc.", "Primer nombre". Every word is a
// word of the taxpayer boxes' labels or an abbreviation of one (three
// letters or more and a dot), and either one is abbreviated or there are
// two words or more: "SEGUNDO" alone may be a person's given name.
func labelWording(words, folds []string) bool {
	abbreviated := false
	for i, w := range words {
		switch f := folds[i]; {
		case len(f) < 3:
			return false
		case strings.HasSuffix(w, ".") && !strings.Contains(f, ".") && hasLabelWordPrefix(f):
			abbreviated = true
		case !slices.Contains(boxLabelWords, f):
			return false
		}
	}
	return len(words) > 0 && (abbreviated || len(words) >= 2)
}

// hasLabelWordPrefix reports whether stem begins a word of boxLabelWords.
func hasLabelWordPrefix(stem string) bool {
	return slices.ContainsFunc(boxLabelWords, func(w string) bool { return strings.HasPrefix(w, stem) })
}

// boxLabelWords are the words of the labels of boxes 4 to 12, three
// letters or longer: the taxpayer's part of the form.
var boxLabelWords = func() []string {
	var out []string
	for _, s := range specs {
		if s.box < 4 || s.box > 12 {
			continue
		}
		for _, p := range s.phrases {
			for _, t := range p {
				if len(t) >= 3 && !slices.Contains(out, t) {
					out = append(out, t)
				}
			}
		}
	}
	return out
}()

// goesOn reports whether the words right after run on its line, past a
// gap wider than a word space but under two and a half font sizes, free
// and in run's style, may be more of it; it returns their text.
func (pg *page) goesOn(run []int) (string, bool) {
	last := &pg.words[run[len(run)-1]]
	n := run[len(run)-1] + 1
	if n >= pg.lines[last.line].end || punctOnly(last.Text) {
		return "", false // a fill line ("DE LA HOZ_____") ends its box
	}
	w := &pg.words[n]
	gap := w.X0 - last.X1
	if w.label >= 0 || gap <= 1.0*last.wsize()+4*max(last.spacing, w.spacing) || gap > 2.5*last.wsize() ||
		pg.ruled(last, w) || !pg.sameStyle([]int{n}, run[0]) || punctOnly(w.Text) {
		return "", false
	}
	var ws []int
	for m := n; m < pg.lines[last.line].end && pg.words[m].label < 0; m++ {
		ws = append(ws, m)
	}
	return pg.text(pg.runs(ws)[0]), true
}

// runBefore returns the run of free words that ends right before label
// k on its first line, after any other label.
func (pg *page) runBefore(k int) []int {
	l := &pg.labels[k]
	var ws []int
	for wi := pg.lines[l.line].first; wi < pg.lines[l.line].end; wi++ {
		w := &pg.words[wi]
		if w.X1 > l.r.X0+0.5 {
			break
		}
		if w.label >= 0 {
			ws = ws[:0] // what stands before another label is that label's
			continue
		}
		if !isLeader(w.Text) {
			ws = append(ws, wi)
		}
	}
	if rs := pg.runs(ws); len(rs) > 0 {
		return rs[len(rs)-1]
	}
	return nil
}

// readsLeft reports whether page pg prints its boxes' values before their
// labels: most of its taxpayer boxes' labels have words right before them
// on their line and nothing after them.
func (pg *page) readsLeft() bool {
	left, right := 0, 0
	for k := range pg.labels {
		l := &pg.labels[k]
		if l.spec.field == nil || l.taken {
			continue
		}
		after := false
		for wi := pg.lines[l.line].first; wi < pg.lines[l.line].end; wi++ {
			w := &pg.words[wi]
			if w.X0 < l.r.X1-0.5 || w.label == k {
				continue
			}
			if w.label >= 0 {
				break
			}
			if !isLeader(w.Text) {
				after = true
				break
			}
		}
		switch {
		case after:
			right++
		case len(pg.runBefore(k)) > 0:
			left++
		}
	}
	return left >= 3 && left > 2*right
}

// boxOf returns the box number t is, or 0.
func boxOf(t string) int {
	n, _ := boxNumber(t)
	return n
}

func uniq(a, b int) []int {
	if a == b {
		return []int{a}
	}
	return []int{a, b}
}

// column returns the x-interval where label k's values may stand: from the
// end of the label before it on its row of boxes to the start of the label
// after it, or the page's edges.
func (pg *page) column(k int) (float64, float64) {
	l := &pg.labels[k]
	left, right := 0.0, pg.width
	cy := (l.r.Y0 + l.r.Y1) / 2
	for i := range pg.labels {
		o := &pg.labels[i]
		if i == k || math.Abs((o.r.Y0+o.r.Y1)/2-cy) > 1.5*max(l.size, o.size) {
			continue
		}
		if o.r.X0 >= l.r.X1-0.5 && o.r.X0 < right {
			right = o.r.X0
		}
		if o.r.X1 <= l.r.X0+0.5 && o.r.X1 > left {
			left = o.r.X1
		}
	}
	return left, right
}

// wordsIn returns the free words of line j whose centre lies in [x0, x1).
// blocked is true when a label other than k starts on that line inside the
// interval: the next row of boxes.
func (pg *page) wordsIn(j int, x0, x1 float64, k int) (in []int, blocked bool) {
	for wi := pg.lines[j].first; wi < pg.lines[j].end; wi++ {
		w := &pg.words[wi]
		c := (w.X0 + w.X1) / 2
		if c < x0 || c >= x1 {
			continue
		}
		if w.label >= 0 {
			if w.label != k && pg.labels[w.label].line == j {
				return nil, true
			}
			continue
		}
		in = append(in, wi)
	}
	return in, false
}

// wrapFlushRight extends a name set flush right against its label, before
// it, with the lines under it that end where it ends ("ASOCIACIÓN ... DEL"
// over "HUILA"), unless such a line has a label of its own after it: that
// line's words are that label's value.
func (pg *page) wrapFlushRight(run []int) []int {
	last := pg.words[run[0]].line
	x1 := pg.words[run[len(run)-1]].X1
	size := pg.words[run[0]].wsize()
	out := slices.Clone(run)
	for j := last + 1; j < len(pg.lines) && j <= last+2; j++ {
		if pg.lines[j].y0-pg.lines[last].y1 > 1.0*size {
			break
		}
		var in []int
		for wi := pg.lines[j].first; wi < pg.lines[j].end; wi++ {
			w := &pg.words[wi]
			if w.X0 >= x1-0.5*size {
				if w.label >= 0 {
					return out // "88   12. Cód." : the next box's value
				}
				continue
			}
			if w.label >= 0 {
				in = in[:0]
				continue
			}
			in = append(in, wi)
		}
		rs := pg.runs(in)
		if len(rs) == 0 {
			break
		}
		r := rs[len(rs)-1]
		if math.Abs(pg.words[r[len(r)-1]].X1-x1) > size || vocab.Furniture(vocab.Fold(pg.text(r))) {
			break
		}
		out = append(out, r...)
		last = j
	}
	return out
}

// besideOther reports whether line j holds, left of x, words other than
// label k's own: another label and its value's row, or another column.
func (pg *page) besideOther(j int, x float64, k int) bool {
	for wi := pg.lines[j].first; wi < pg.lines[j].end; wi++ {
		if w := &pg.words[wi]; w.X1 <= x && w.label != k && !punctOnly(w.Text) && !isGloss(w.fold) {
			return true
		}
	}
	return false
}

// runs splits words (in reading order on one line) where the gap between
// two words is wider than a font size, or a ruling line stands between
// them: different cells. The runs are pieces of ws, capped so that an
// append to one copies it.
func (pg *page) runs(ws []int) [][]int {
	var out [][]int
	start := 0
	for i := 1; i < len(ws); i++ {
		p, w := &pg.words[ws[i-1]], &pg.words[ws[i]]
		// Letter-spaced words stand wider apart: the spacing follows
		// each letter and the space, which producers widen as well.
		if w.X0-p.X1 > 1.0*max(p.wsize(), w.wsize())+4*max(p.spacing, w.spacing) || ws[i] != ws[i-1]+1 || pg.ruled(p, w) {
			out = append(out, ws[start:i:i])
			start = i
		}
	}
	if len(ws) > 0 {
		out = append(out, ws[start:len(ws):len(ws)])
	}
	return out
}

// wrapBelow extends a name read below or beside its label with the lines
// that continue it, at the name's own leading ("COMERCIALIZADORA ANDINA
// DE" over "CAFÉS LTDA."). Below its label the name keeps its left edge.
//
// Beside its label (beside is true, x0 the label's end) a name's next line
// may start anywhere under it, as a typesetter indents it, but only with
// nothing left of it but the label's own wording: a line with its own
// label holds that label's value.
//
// doubt is set when, beside its label, the name seems to go on under
// itself but unlabelled words stand left of that line: the name read may
// be short of its end, so it is not to be trusted.
func (pg *page) wrapBelow(run []int, x0, x1 float64, k int, beside bool) (out []int, doubt bool) {
	last := pg.words[run[0]].line
	left := pg.words[run[0]].X0
	right := pg.words[run[len(run)-1]].X1
	size := pg.words[run[0]].wsize()
	out = slices.Clone(run)
	for j := last + 1; j < len(pg.lines) && j <= last+2; j++ {
		if pg.lines[j].y0-pg.lines[last].y1 > 0.6*size {
			break
		}
		in, blocked := pg.wordsIn(j, x0, x1, k)
		if blocked || len(in) == 0 {
			break
		}
		first := &pg.words[in[0]]
		if beside && first.X0 < right && pg.besideOther(j, x0, k) {
			doubt = !pg.labelBefore(j, x0)
			break
		}
		if beside && first.X0 >= right {
			break
		}
		rs := pg.runs(in)
		if t := pg.text(rs[0]); vocab.Furniture(vocab.Fold(t)) || caseCost(t) > caseCost(pg.text(run)) || t == pg.text(run) || !hasLetters(t, 2) {
			// "Hoja 1" under a name is page furniture, not the name's
			// second line; the name again is the next row's; a line of
			// dashes is a drawn rule, and a number alone ("11") the next
			// box's.
			break
		}
		if !beside {
			// A wrapped line keeps the first's alignment: left, right or
			// centred. One in the name's style under it, aligned
			// otherwise, may still be its end: the name is in doubt.
			cx0, cx1 := pg.words[rs[0][0]].X0, pg.words[rs[0][len(rs[0])-1]].X1
			if !keepsAlignment(cx0, cx1, left, right, size) {
				doubt = cx0 < right && cx1 > left && pg.sameStyle(rs[0], run[0])
				break
			}
		}
		out = append(out, rs[0]...)
		last = j
		right = max(right, pg.words[rs[0][len(rs[0])-1]].X1)
	}
	return out, doubt
}

// wrapAbove extends a name read above its label (a value set over its
// caption) with the lines over it that begin it, at the name's own
// leading, in its style and keeping its alignment (left, right or
// centred): "SOCIEDAD … DE LA SIERRA" over "NEVADA DE SANTA MARTA S.A.S."
// over "11. Razón social". A line over it in its style, aligned otherwise,
// may still be its start: doubt is set.
func (pg *page) wrapAbove(run []int, x0, x1 float64, k int) (out []int, doubt bool) {
	first := pg.words[run[0]].line
	left, right := pg.words[run[0]].X0, pg.words[run[len(run)-1]].X1
	size := pg.words[run[0]].wsize()
	out = slices.Clone(run)
	for j := first - 1; j >= 0 && j >= first-2; j-- {
		if pg.lines[first].y0-pg.lines[j].y1 > 0.6*size {
			break
		}
		in, blocked := pg.wordsIn(j, x0, x1, k)
		if blocked || len(in) == 0 {
			break
		}
		rs := pg.runs(in)
		t := pg.text(rs[0])
		if vocab.Furniture(vocab.Fold(t)) || !hasLetters(t, 2) || !pg.sameStyle(rs[0], run[0]) || notAName(11, t) {
			break
		}
		cx0, cx1 := pg.words[rs[0][0]].X0, pg.words[rs[0][len(rs[0])-1]].X1
		if !keepsAlignment(cx0, cx1, left, right, size) {
			doubt = cx0 < right && cx1 > left
			break
		}
		out = append(slices.Clone(rs[0]), out...)
		first = j
		left, right = min(left, cx0), max(right, cx1)
	}
	return out, doubt
}

// wrapsToMargin reports whether a name read beside label k, at the end of
// a full line, may go on at the start of the next one, as running text
// wraps: that line starts where the label's line starts, holds no label,
// is in the name's style, and its first word would not have fitted after
// the name before the right edge of the lines around. It returns that
// line's text. "11. Razón social: FERRETERÍA EL TORNILLO" over "FELIZ
// S.A.S." on a narrow receipt is such a name.
func (pg *page) wrapsToMargin(run []int, k int) (string, bool) {
	li := pg.words[run[0]].line
	j := li + 1
	last := &pg.words[run[len(run)-1]]
	size := last.wsize()
	if j >= len(pg.lines) || pg.lines[j].y0-pg.lines[li].y1 > 0.6*size {
		return "", false
	}
	ws := wordRange(pg.lines[j])
	if len(ws) == 0 || slices.ContainsFunc(ws, func(wi int) bool { return pg.words[wi].label >= 0 }) {
		return "", false
	}
	next := &pg.words[ws[0]]
	if math.Abs(next.X0-pg.words[pg.lines[li].first].X0) > size || !pg.sameStyle(ws, run[0]) || !hasLetters(next.Text, 2) {
		return "", false
	}
	margin := 0.0
	for n := max(li-3, 0); n <= min(li+3, len(pg.lines)-1); n++ {
		if ln := pg.lines[n]; ln.end > ln.first {
			margin = max(margin, pg.words[ln.end-1].X1)
		}
	}
	if last.X1+0.3*size+(next.X1-next.X0) < margin {
		return "", false // the next line's first word fitted: the line broke for another reason
	}
	return pg.text(pg.runs(ws)[0]), true
}

// keepsAlignment reports whether a line spanning cx0..cx1 keeps the
// alignment of the lines spanning left..right it continues: the same left
// edge, right edge or centre, within a font size.
func keepsAlignment(cx0, cx1, left, right, size float64) bool {
	return math.Abs(cx0-left) <= size || math.Abs(cx1-right) <= size || math.Abs(cx0+cx1-left-right) <= 2*size
}

// labelBefore reports whether a label stands on line j left of x.
func (pg *page) labelBefore(j int, x float64) bool {
	for wi := pg.lines[j].first; wi < pg.lines[j].end; wi++ {
		if w := &pg.words[wi]; w.X1 <= x && w.label >= 0 {
			return true
		}
	}
	return false
}

// offset is how far run is from standing under label l, by the best of
// left, centre and right alignment; 0 when they overlap the label's start.
func (pg *page) offset(run []int, l *label) float64 {
	r := Rect{math.Inf(1), 0, math.Inf(-1), 0}
	for _, wi := range run {
		r.X0, r.X1 = min(r.X0, pg.words[wi].X0), max(r.X1, pg.words[wi].X1)
	}
	return min(math.Abs(r.X0-l.r.X0), math.Abs((r.X0+r.X1)/2-(l.r.X0+l.r.X1)/2), math.Abs(r.X1-l.r.X1))
}

// sameStyle reports whether any of words has the font and size of word wi.
func (pg *page) sameStyle(words []int, wi int) bool {
	ref := &pg.words[wi]
	return slices.ContainsFunc(words, func(w int) bool {
		return pg.words[w].Font == ref.Font && math.Abs(pg.words[w].wsize()-ref.wsize()) <= 0.3
	})
}

// labelStyled reports whether every word of run has the font and size of
// label l's text. Forms print values in another style than labels more
// often than not, so such a run is more likely a piece of a label or a
// caption than a value.
func (pg *page) labelStyled(run []int, l *label) bool {
	ref := &pg.words[l.words[0]]
	for _, wi := range run {
		w := &pg.words[wi]
		if w.Font != ref.Font || math.Abs(w.wsize()-ref.wsize()) > 0.3 {
			return false
		}
	}
	return true
}

// caseCost prefers names printed in capitals, as DIAN fills the form:
// captions and labels are in mixed case.
func caseCost(s string) float64 {
	upper, lower := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	if lower > upper {
		return 1
	}
	return 0
}

// typed reads run as a value of type t. ok is false when the run does not
// hold such a value; conflict is set when it holds one but not as a single
// readable value (two numbers where one is expected).
func (pg *page) typed(t valueType, run []int) (text string, ok bool, conflict string) {
	// Leaders and rules drawn as text ("......", "|", "___") around a
	// value are not part of it.
	for len(run) > 0 && punctOnly(pg.words[run[0]].Text) {
		run = run[1:]
	}
	for len(run) > 0 && punctOnly(pg.words[run[len(run)-1]].Text) {
		run = run[:len(run)-1]
	}
	if len(run) == 0 {
		return "", false, ""
	}
	var all, nums []string
	wide := false // a gap wider than a word space between two numbers
	lastNum := -1
	named := false // a word of a modality's or a request's name
	for _, wi := range run {
		w := pg.words[wi].Text
		all = append(all, w)
		if f := pg.words[wi].fold; vocab.RequestOf(f) != "" || len(f) >= 3 && vocab.KindWord(f) {
			named = true
		}
		if strings.ContainsFunc(w, isDigit) {
			if lastNum >= 0 && pg.words[wi].X0-pg.words[lastNum].X1 > 0.8*pg.words[wi].wsize() {
				wide = true
			}
			nums = append(nums, w)
			lastNum = wi
		}
	}
	joined := vocab.Compose(strings.Join(all, " "))
	switch t {
	case typeName:
		f := vocab.Fold(joined)
		if len(nums) == len(all) || vocab.Furniture(f) || labelWords(f) || !hasLetters(joined, 2) || strings.HasSuffix(joined, ":") ||
			!slices.ContainsFunc(run, func(wi int) bool { return !isGloss(pg.words[wi].fold) }) {
			// A run ending in a colon is a label whatever it says.
			return "", false, ""
		}
		return joined, true, ""
	case typeKind:
		if vocab.KindOf(joined) == "" {
			return "", false, ""
		}
		return joined, true, ""
	case typeRequest:
		if vocab.RequestOf(joined) == "" {
			return "", false, ""
		}
		return joined, true, ""
	case typePrefix:
		switch {
		case vocab.NoPrefix(vocab.Fold(joined)):
			return "", true, "" // printed as none: a real, empty prefix
		case len(run) == 1 && (prefixLike(all[0]) || prefixish(all[0])):
			return all[0], true, "" // an odd one is read, and resolution warns
		case strings.ContainsFunc(joined, func(r rune) bool { return unicode.IsUpper(r) || isDigit(r) }) && !vocab.Furniture(vocab.Fold(joined)):
			// Something stands where the prefix is printed but is no prefix:
			// the prefix is unknown, never read as empty.
			return "", false, "not a prefix: \"" + joined + "\""
		}
		return "", false, ""
	case typeDate:
		// "2022-" over "03-31" in a narrow cell is one date.
		joined = strings.NewReplacer("- ", "-", "/ ", "/").Replace(vocab.ASCIIDashes(joined))
		ds := vocab.FindDates(vocab.CompactDigits(vocab.Lower(joined)))
		if len(ds) != 1 {
			return "", false, ""
		}
		return ds[0].ISO(), true, ""
	}
	if len(nums) == 0 || named {
		// "INHABILITACIÓN - 3" is a request and its code, not 3 months.
		return "", false, ""
	}
	num := strings.Join(nums, " ")
	var valid bool
	var nit string
	switch t {
	case typeFormNumber:
		_, valid = vocab.FormNumber(num)
		if !valid && len(nums) > 1 {
			for _, n := range nums {
				if _, one := vocab.FormNumber(n); one {
					return "", false, "two numbers where one form number is expected: " + num
				}
			}
			return "", false, ""
		}
		if !valid {
			return "", false, ""
		}
	case typeNIT:
		// The NIT with what follows it ("900.123.456 - 8"), else its
		// digits alone: never the digits' neighbours without them.
		nit = strings.Join(all[index(all, nums[0]):], " ")
		if _, _, valid = vocab.TaxpayerNIT(nit); !valid {
			nit = num
			_, _, valid = vocab.TaxpayerNIT(nit)
		}
	case typeDV:
		_, valid = vocab.SmallInt(num, 1)
	case typeYear:
		n, ok := vocab.SmallInt(num, 4)
		valid = ok && n >= 1990 && n <= 2100
	case typeConsecutive:
		_, valid = vocab.Consecutive(num)
		valid = valid && !wide
	case typeMonths:
		n, ok := vocab.SmallInt(num, 3)
		valid = ok && n > 0
	case typeCode:
		_, valid = vocab.SmallInt(num, 2)
	default:
		return "", false, ""
	}
	if !valid {
		if len(nums) > 1 {
			return "", false, "more than one number in one cell: \"" + num + "\""
		}
		return "", false, ""
	}
	if t == typeNIT {
		return nit, true, ""
	}
	return num, true, ""
}

// labelWords reports whether folded text holds words only the form's
// labels use: a name that says "apellido" or "razón social" is a piece of
// a label the reader did not recognise.
func labelWords(folded string) bool {
	t := " " + folded + " "
	for _, w := range []string{" apellido ", " apellidos ", " razon ", " solicitante ", " formulario ",
		" identificacion tributaria ", " seccional ", " digito de verificacion ", " nombres ", " primer nombre "} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

func index(ss []string, s string) int {
	for i, x := range ss {
		if x == s {
			return i
		}
	}
	return 0
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// punctOnly reports whether s holds no letter and no digit: a leader, a
// drawn bar, a dash.
func punctOnly(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

func hasLetters(s string, n int) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			n--
		}
	}
	return n <= 0
}

// prefixish reports whether s could stand in a prefix cell at all: up to
// ten capitals, digits and hyphens. Such a value is read and checked by
// package resolution, which warns when it breaks DIAN's rule.
func prefixish(s string) bool {
	if s == "" || len(s) > 10 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// prefixLike reports whether s can be a prefix as printed: one to four
// letters and digits with at least one capital or digit (labels and
// captions are lower case).
func prefixLike(s string) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	cap := false
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
			cap = true
		case r >= 'a' && r <= 'z':
		default:
			return false
		}
	}
	return cap
}
