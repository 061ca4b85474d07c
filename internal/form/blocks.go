package form

import (
	"cmp"
	"math"
	"slices"
)

// Ranges printed as blocks of labelled boxes, one block per range ("Rango
// 1 de 3": "30 Modalidad ....... FACTURA ELECTRÓNICA", "31 Prefijo ....
// FE", ...), side by side, stacked, or one range per line of captioned
// boxes. The blocks repeat one arrangement, so a field's label stands at
// about the same offset from its block's "desde" label in every block:
// the offset that is typical for the field decides which block each of
// its labels belongs to, whatever the arrangement.

// blockReach bounds how far, in label font sizes, a label may stand from
// the place its field's typical offset predicts and still belong to the
// block: a wrapped value above it shifts it a line or two.
const blockReach = 4.0

// rangeOcc is one label of a range's field with the value it took.
type rangeOcc struct {
	pg    *page
	k     int // index into pg.labels
	field Field
	taken bool // assigned to a block
}

func (o *rangeOcc) spec() *spec { return o.pg.labels[o.k].spec }
func (o *rangeOcc) at() (x, y float64) {
	r := o.pg.labels[o.k].r
	return r.X0, r.Y0
}

// readRangeBlocks reads ranges printed as repeated blocks of labelled
// boxes, given every label's candidates (byLabel[pg][k]) and the words
// the taxpayer's boxes took. It returns nil unless at least two blocks
// hold a "desde" value: one range is read as plain labelled boxes.
func readRangeBlocks(idx []*page, byLabel map[*page][][]cand, used map[*page]map[int]bool) []Row {
	var all []cand
	for _, pg := range idx {
		for k, cs := range byLabel[pg] {
			if s := pg.labels[k].spec; s.row != nil && s.key != "code" {
				all = append(all, cs...)
			}
		}
	}
	if len(all) == 0 {
		return nil
	}
	// Each label takes its cheapest candidate whose words are free: one
	// value per label, each word one value.
	slices.SortStableFunc(all, func(a, b cand) int { return cmp.Compare(a.cost, b.cost) })
	type key struct {
		pg *page
		k  int
	}
	taken := map[key]Field{}
	free := func(pg *page, wi int) bool { return !used[pg][wi] }
	mine := map[*page]map[int]bool{}
	for i := range all {
		c := &all[i]
		kk := key{c.pg, c.lab}
		if _, ok := taken[kk]; ok {
			continue
		}
		if slices.ContainsFunc(c.words, func(wi int) bool { return !free(c.pg, wi) || mine[c.pg][wi] }) {
			continue
		}
		l := &c.pg.labels[c.lab]
		if c.conflict != "" {
			taken[kk] = Field{Page: c.pg.number, Box: l.spec.box, Label: l.text, Found: true, Conflict: c.conflict, Rect: c.rect(), How: c.how, Near: c.pg.text(c.words)}
			continue
		}
		if mine[c.pg] == nil {
			mine[c.pg] = map[int]bool{}
		}
		for _, wi := range c.words {
			mine[c.pg][wi] = true
		}
		taken[kk] = Field{Text: c.text, Page: c.pg.number, Box: l.spec.box, Label: l.text, Found: true, Rect: c.rect(), How: c.how}
	}
	var anchors []*rangeOcc
	bySpec := map[*spec][]*rangeOcc{}
	for _, pg := range idx {
		for k := range pg.labels {
			s := pg.labels[k].spec
			if s.row == nil || s.key == "code" || pg.labels[k].taken {
				continue
			}
			o := &rangeOcc{pg: pg, k: k, field: taken[key{pg, k}]}
			if s.key == "from" {
				if o.field.Text == "" {
					continue // "desde" in a sentence: no block without its value
				}
				anchors = append(anchors, o)
				continue
			}
			bySpec[s] = append(bySpec[s], o)
		}
	}
	if len(anchors) < 2 {
		return nil
	}
	rows := make([]Row, len(anchors))
	top := make([]int, len(anchors)) // each block's first line: blocks are read in order of their tops
	for i, a := range anchors {
		rows[i] = Row{Page: a.pg.number, line: a.pg.labels[a.k].line}
		top[i] = a.pg.labels[a.k].line
		*a.spec().row(&rows[i]) = a.field
	}
	for _, s := range specs {
		occs := bySpec[s]
		if len(occs) == 0 {
			continue
		}
		dx, dy, ok := typicalOffset(occs, anchors)
		if !ok {
			continue
		}
		// Each anchor takes the label nearest the place the offset
		// predicts, closest pairs first, each label once.
		type pair struct {
			a, o int
			d    float64
		}
		var pairs []pair
		for ai, a := range anchors {
			ax, ay := a.at()
			for oi, o := range occs {
				if o.pg != a.pg {
					continue
				}
				ox, oy := o.at()
				size := o.pg.labels[o.k].size
				d := math.Hypot(ox-ax-dx, oy-ay-dy) / size
				if d <= blockReach {
					pairs = append(pairs, pair{ai, oi, d})
				}
			}
		}
		slices.SortStableFunc(pairs, func(p, q pair) int { return cmp.Compare(p.d, q.d) })
		done := make([]bool, len(anchors))
		for _, p := range pairs {
			if done[p.a] || occs[p.o].taken {
				continue
			}
			done[p.a], occs[p.o].taken = true, true
			*s.row(&rows[p.a]) = occs[p.o].field
			top[p.a] = min(top[p.a], occs[p.o].pg.labels[occs[p.o].k].line)
		}
	}
	// Reading order: by page, then by the block's first line (side by
	// side blocks share it, whatever wraps inside them), then left to right.
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		xi, _ := anchors[i].at()
		xj, _ := anchors[j].at()
		return cmp.Or(cmp.Compare(rows[i].Page, rows[j].Page), cmp.Compare(top[i], top[j]), cmp.Compare(xi, xj))
	})
	sorted := make([]Row, len(rows))
	for n, i := range order {
		sorted[n] = rows[i]
		sorted[n].line = top[i] // rows are kept in order of their lines
	}
	return sorted
}

// maxOffsetTries bounds the offsets typicalOffset weighs one by one: a
// form has a few ranges, a hostile page thousands of labels.
const maxOffsetTries = 2048

// typicalOffset returns the field's typical offset from its block's
// anchor. Every offset of one of its labels from an anchor on its page is
// a guess; the guess whose predictions, made from every anchor, fall
// nearest labels of the field that hold a value wins, and of guesses
// that do equally well the shortest (a block's labels stand together). A label's nearest anchor
// is no guide: a block whose "desde" stands further right, after a longer
// value, is nearer the next block's labels. Past maxOffsetTries guesses,
// the median offset of each label from its nearest anchor is taken.
func typicalOffset(occs, anchors []*rangeOcc) (dx, dy float64, ok bool) {
	if len(occs)*len(anchors) > maxOffsetTries {
		var dxs, dys []float64
		for _, o := range occs {
			if a := nearestAnchor(o, anchors); a != nil {
				ox, oy := o.at()
				ax, ay := a.at()
				dxs, dys = append(dxs, ox-ax), append(dys, oy-ay)
			}
		}
		if len(dxs) == 0 {
			return 0, 0, false
		}
		return median(dxs), median(dys), true
	}
	best, bestNorm := -1.0, 0.0
	for _, g := range occs {
		for _, h := range anchors {
			if g.pg != h.pg {
				continue
			}
			gx, gy := g.at()
			hx, hy := h.at()
			ox, oy := gx-hx, gy-hy
			// Each anchor scores by how near its prediction falls to the
			// nearest label: 1 on it, 0 at blockReach or beyond, half as
			// much for a label with nothing beside it (a caption that
			// repeats part of the label, over the one with the value).
			score := 0.0
			for _, a := range anchors {
				ax, ay := a.at()
				near := 0.0
				for _, o := range occs {
					if o.pg != a.pg {
						continue
					}
					x, y := o.at()
					d := math.Hypot(x-ax-ox, y-ay-oy) / o.pg.labels[o.k].size
					w := 0.5
					if o.field.Text != "" || o.field.Conflict != "" {
						w = 1
					}
					near = max(near, w*(1-d/blockReach))
				}
				score += near
			}
			norm := math.Hypot(ox, oy)
			if score > best+1e-9 || math.Abs(score-best) <= 1e-9 && norm < bestNorm {
				best, bestNorm, dx, dy = score, norm, ox, oy
			}
		}
	}
	return dx, dy, best >= 0
}

// nearestAnchor returns the anchor on o's page nearest o's label.
func nearestAnchor(o *rangeOcc, anchors []*rangeOcc) *rangeOcc {
	var best *rangeOcc
	bd := math.Inf(1)
	ox, oy := o.at()
	for _, a := range anchors {
		if a.pg != o.pg {
			continue
		}
		ax, ay := a.at()
		if d := math.Hypot(ox-ax, oy-ay); d < bd {
			best, bd = a, d
		}
	}
	return best
}

// readTransposed reads a table of ranges turned sideways: one line per
// field, its label first, then one value per range, the ranges in columns
// ("32. DESDE EL NÚMERO   10.001   5.001"). The "desde" line's numbers
// place the columns; every other field's values must stand in them. It
// returns nil unless some "desde" label has two or more numbers right of
// it on its line: then no single value is that label's.
func readTransposed(idx []*page, used map[*page]map[int]bool) []Row {
	for _, pg := range idx {
		for k := range pg.labels {
			l := &pg.labels[k]
			if l.spec.key != "from" || l.taken {
				continue
			}
			var centres []float64
			var firsts []Field
			for _, li := range pg.labelLines(k) {
				var cs []float64
				var fs []Field
				for _, run := range pg.cellsRight(k, li, used[pg]) {
					if text, ok, _ := pg.typed(typeConsecutive, run); ok {
						r := pg.runRect(run)
						cs = append(cs, (r.X0+r.X1)/2)
						fs = append(fs, Field{Text: text, Page: pg.number, Box: 32, Label: l.text, Found: true, Rect: r, How: "beside"})
					}
				}
				if len(cs) > len(centres) {
					centres, firsts = cs, fs
				}
			}
			if len(centres) < 2 {
				continue
			}
			rows := make([]Row, len(centres))
			for j := range rows {
				rows[j] = Row{Page: pg.number, line: l.line, From: firsts[j]}
			}
			// A value belongs to the column whose centre it is nearer than
			// half the narrowest spacing of columns.
			reach := math.Inf(1)
			for j := 1; j < len(centres); j++ {
				reach = min(reach, (centres[j]-centres[j-1])/2)
			}
			column := func(r Rect) int {
				c := (r.X0 + r.X1) / 2
				for j, x := range centres {
					if math.Abs(c-x) < reach {
						return j
					}
				}
				return -1
			}
			for _, s := range specs {
				if s.row == nil || s.key == "from" || s.key == "code" {
					continue
				}
				pg.readTransposedField(s, used[pg], column, rows)
			}
			return rows
		}
	}
	return nil
}

// readTransposedField fills field s of rows from the line of the label of
// s whose values stand in most of the columns.
func (pg *page) readTransposedField(s *spec, used map[int]bool, column func(Rect) int, rows []Row) {
	var best []Field
	bestN := 0
	for k := range pg.labels {
		l := &pg.labels[k]
		if l.spec != s || l.taken {
			continue
		}
		for _, li := range pg.labelLines(k) {
			got, n := pg.transposedLine(s, k, li, used, column, len(rows))
			if n > bestN {
				best, bestN = got, n
			}
		}
	}
	if best == nil {
		return
	}
	for j := range rows {
		f := best[j]
		if !f.Found {
			// Nothing in this range's column: an empty cell, as a table's.
			f = Field{Page: pg.number, Box: s.box, Label: best[slices.IndexFunc(best, func(f Field) bool { return f.Found })].Label, Found: true, How: "beside"}
		}
		*s.row(&rows[j]) = f
	}
}

// transposedLine reads the values of field s on line li, right of its
// label k, into the columns of a sideways table; n counts those found.
func (pg *page) transposedLine(s *spec, k, li int, used map[int]bool, column func(Rect) int, cols int) (got []Field, n int) {
	l := &pg.labels[k]
	got = make([]Field, cols)
	for _, run := range pg.cellsRight(k, li, used) {
		r := pg.runRect(run)
		j := column(r)
		if j < 0 {
			continue // the stamp or a caption beside the table
		}
		text, ok, conflict := pg.typed(s.typ, run)
		if !ok && conflict == "" {
			continue
		}
		f := Field{Text: text, Page: pg.number, Box: s.box, Label: l.text, Found: true, Rect: r, How: "beside", Conflict: conflict}
		if got[j].Found {
			f = Field{Page: pg.number, Box: s.box, Label: l.text, Found: true, Rect: r, How: "beside",
				Conflict: "two values in one column of a sideways table: \"" + got[j].Text + "\" and \"" + text + "\""}
		} else {
			n++
		}
		got[j] = f
	}
	return got, n
}

// labelLines returns the lines a value beside label k may stand on: those
// whose middle lies within the label's height, as a value set against a
// label wrapped over three lines stands on the middle one.
func (pg *page) labelLines(k int) []int {
	l := &pg.labels[k]
	var out []int
	for li := max(0, l.line-2); li < len(pg.lines) && li <= l.lastLine+2; li++ {
		if m := (pg.lines[li].y0 + pg.lines[li].y1) / 2; m >= l.r.Y0-0.3*l.size && m <= l.r.Y1+0.3*l.size {
			out = append(out, li)
		}
	}
	return out
}

// cellsRight returns the runs of words right of label k on line li up to
// the next label, words other fields took left out.
func (pg *page) cellsRight(k, li int, used map[int]bool) [][]int {
	l := &pg.labels[k]
	var ws []int
	for wi := pg.lines[li].first; wi < pg.lines[li].end; wi++ {
		w := &pg.words[wi]
		if w.X0 < l.r.X1-0.5 || w.label == k {
			continue
		}
		if w.label >= 0 {
			break // what stands past another label is that label's
		}
		if !used[wi] && !punctOnly(w.Text) {
			ws = append(ws, wi)
		}
	}
	return pg.runs(ws)
}

func (pg *page) runRect(run []int) Rect {
	r := pg.words[run[0]].rect()
	for _, wi := range run[1:] {
		r = union(r, pg.words[wi].rect())
	}
	return r
}
