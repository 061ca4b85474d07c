package form

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/dianres/dianres/internal/vocab"
)

// readBoxes reads the labelled boxes of every page: page 1's taxpayer
// boxes and, when no table of ranges was found, one range printed as
// labelled boxes. Candidates of all labels compete at once, cheapest
// first, and each word serves one field.
func readBoxes(idx []*page, f *Fields) {
	// A range printed as labelled boxes is read only when the document has
	// no table header: under a header that failed, a column label's
	// neighbours are other columns' values.
	single := !f.TableHeader
	var row Row
	dst := func(s *spec) *Field {
		if s.field != nil {
			return s.field(f)
		}
		return s.row(&row)
	}
	type labelRef struct {
		pg *page
		k  int
	}
	first := make(map[*spec]labelRef, len(specs))
	var all []cand
	byPage := make(map[*page][][]cand, len(idx))
	for _, pg := range idx {
		pg.valuesLeft = pg.readsLeft()
		byLabel := make([][]cand, len(pg.labels)) // by label index; nil for labels not read here
		byPage[pg] = byLabel
		for k := range pg.labels {
			l := &pg.labels[k]
			if l.taken || l.spec.field == nil && !(single && l.spec.row != nil) {
				continue
			}
			if _, ok := first[l.spec]; !ok {
				first[l.spec] = labelRef{pg, k}
			}
			byLabel[k] = pg.candidates(k)
		}
		if directionOf(pg, byLabel) {
			// The page prints values over their labels: above is the
			// near direction, below the far one.
			for _, cs := range byLabel {
				for i := range cs {
					switch cs[i].how {
					case "below":
						cs[i].cost += costAbove - costBelow
					case "above":
						cs[i].cost += costBelow - costAbove
					}
				}
			}
		}
		for k := range pg.labels { // in label order: the sort below is stable
			all = append(all, byLabel[k]...)
		}
	}
	slices.SortStableFunc(all, func(a, b cand) int { return cmp.Compare(a.cost, b.cost) })
	used := map[*page]map[int]bool{}
	decided := map[*spec]*cand{}
	for i := range all {
		c := &all[i]
		s := c.pg.labels[c.lab].spec
		if prev, ok := decided[s]; ok {
			if prev != nil && c.conflict == "" && c.text != prev.text && dst(s).RunnerUp == "" {
				dst(s).RunnerUp = c.text
			}
			continue
		}
		if slices.ContainsFunc(c.words, func(wi int) bool { return used[c.pg][wi] }) {
			continue
		}
		if c.conflict != "" {
			// The nearest value of the right type is unreadable: the field is
			// left empty rather than filled from farther away.
			decided[s] = nil
			*dst(s) = Field{Page: c.pg.number, Box: s.box, Label: c.pg.labels[c.lab].text, Found: true,
				Conflict: c.conflict, Rect: c.rect(), How: c.how, Near: c.pg.text(c.words)}
			continue
		}
		decided[s] = c
		if used[c.pg] == nil {
			used[c.pg] = map[int]bool{}
		}
		for _, wi := range c.words {
			used[c.pg][wi] = true
		}
		*dst(s) = Field{Text: c.text, Page: c.pg.number, Box: s.box, Label: c.pg.labels[c.lab].text, Found: true,
			Rect: c.rect(), How: c.how}
	}
	doubtTwoNITs(all, decided, dst)
	for s, ref := range first {
		if _, ok := decided[s]; ok {
			continue
		}
		l := &ref.pg.labels[ref.k]
		*dst(s) = Field{Page: ref.pg.number, Box: s.box, Label: l.text, Found: true, Near: ref.pg.near(ref.k, used[ref.pg])}
	}
	var blocks []Row
	if single {
		// The words the taxpayer's boxes took are theirs; the ranges'
		// labels compete again, each label for its own value.
		fieldWords := map[*page]map[int]bool{}
		for s, c := range decided {
			if c != nil && s.field != nil {
				if fieldWords[c.pg] == nil {
					fieldWords[c.pg] = map[int]bool{}
				}
				for _, wi := range c.words {
					fieldWords[c.pg][wi] = true
				}
			}
		}
		if blocks = readTransposed(idx, fieldWords); blocks == nil {
			blocks = readRangeBlocks(idx, byPage, fieldWords)
		}
	}
	switch {
	case blocks != nil:
		f.Rows = append(f.Rows, blocks...)
	case single && (row.From.Text != "" || row.To.Text != "" || row.From.Conflict != "" || row.To.Conflict != ""):
		row.Page = max(row.From.Page, row.To.Page)
		f.Rows = append(f.Rows, row)
	}
	f.NameOrphans = nameOrphans(idx, used)
	f.NameDisorder = nameDisorder(f, decided)
}

// nameDisorder reports whether the values read for boxes 7–10 stand in
// another order than their labels (by line, then left to right): a value
// taken by the neighbouring box's label. Its text says which.
func nameDisorder(f *Fields, decided map[*spec]*cand) string {
	type part struct {
		lab, val Rect
		name     string
	}
	var parts []part
	for _, s := range specs {
		if s.box < 7 || s.box > 10 {
			continue
		}
		c := decided[s]
		if c == nil {
			continue
		}
		parts = append(parts, part{c.pg.labels[c.lab].r, c.rect(), s.printed})
	}
	before := func(a, b Rect) bool {
		if a.Y1 <= b.Y0 { // a's line is above b's
			return true
		}
		if b.Y1 <= a.Y0 {
			return false
		}
		return a.X0 < b.X0
	}
	for i := range parts {
		for j := i + 1; j < len(parts); j++ {
			if before(parts[i].lab, parts[j].lab) != before(parts[i].val, parts[j].val) {
				return "the values of \"" + parts[i].name + "\" and \"" + parts[j].name + "\" stand in the other order than their labels"
			}
		}
	}
	return ""
}

// nameOrphans returns the runs of text printed among a person's name boxes
// (7–10) that no field took and that read as a name: a part the reader may
// have lost. With one of those boxes empty, the name read could be short
// of that part.
func nameOrphans(idx []*page, used map[*page]map[int]bool) []string {
	var out []string
	for _, pg := range idx {
		area := Rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		size := 0.0
		for k := range pg.labels {
			if b := pg.labels[k].spec.box; b >= 7 && b <= 10 {
				area = union(area, pg.labels[k].r)
				size = max(size, pg.labels[k].size)
			}
		}
		if size == 0 {
			continue
		}
		area.Y0 -= 2 * size
		area.Y1 += 4 * size
		area.X0, area.X1 = 0, pg.width
		for li := range pg.lines {
			if pg.lines[li].y1 < area.Y0 || pg.lines[li].y0 > area.Y1 {
				continue
			}
			var free []int
			for wi := pg.lines[li].first; wi < pg.lines[li].end; wi++ {
				if pg.words[wi].label < 0 && !used[pg][wi] {
					free = append(free, wi)
				}
			}
			for _, run := range pg.runs(free) {
				// A label's wording that was not taken as a label ("AÑO"
				// without its box number) is no part of a name.
				if text, ok, _ := pg.typed(typeName, run); ok && caseCost(text) == 0 && !isPhrase(vocab.Fold(text)) {
					out = append(out, text)
				}
			}
		}
	}
	return out
}

// directionOf decides whether a page prints values over their labels.
// Forms are consistent: a value stands right under its label, or right
// over it. In a column of boxes each value is both under one label and
// over the next, so the page is read in the direction whose values stand
// closer to their labels: the median gap to the nearest candidate below
// each label against the same above, the latter winning only clearly.
func directionOf(pg *page, byLabel [][]cand) bool {
	var below, above []float64
	for k, cs := range byLabel {
		l := &pg.labels[k]
		b, a := math.Inf(1), math.Inf(1)
		for _, c := range cs {
			if c.conflict != "" {
				continue
			}
			r := c.rect()
			switch c.how {
			case "below":
				b = min(b, r.Y0-l.r.Y1)
			case "above":
				a = min(a, l.r.Y0-r.Y1)
			}
		}
		if !math.IsInf(b, 1) {
			below = append(below, max(b, 0))
		}
		if !math.IsInf(a, 1) {
			above = append(above, max(a, 0))
		}
	}
	if len(above) < 2 || len(above) < len(below)/2 {
		return false
	}
	if len(below) == 0 {
		return true
	}
	return median(above) < 0.7*median(below)
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// text returns the words joined by spaces.
func (pg *page) text(ws []int) string {
	if len(ws) == 1 {
		return pg.words[ws[0]].Text
	}
	n := len(ws)
	for _, wi := range ws {
		n += len(pg.words[wi].Text)
	}
	var b strings.Builder
	b.Grow(n)
	for i, wi := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(pg.words[wi].Text)
	}
	return b.String()
}

// near returns what is printed right of label k on its line, or on the line
// below inside its column, leaving out words other fields took: what a
// person should look at when the value was not read.
func (pg *page) near(k int, used map[int]bool) string {
	l := &pg.labels[k]
	var ws []int
	for wi := pg.lines[l.line].first; wi < pg.lines[l.line].end && len(ws) < 8; wi++ {
		if pg.words[wi].X0 >= l.r.X1 && pg.words[wi].label < 0 && !used[wi] {
			ws = append(ws, wi)
		}
	}
	// The line below counts only as far as a value below is looked for:
	// farther stands another part of the page, its footer.
	if len(ws) == 0 && l.lastLine+1 < len(pg.lines) && pg.lines[l.lastLine+1].y0-l.r.Y1 <= valueReach*l.size {
		left, right := pg.column(k)
		below, _ := pg.wordsIn(l.lastLine+1, left, right, k)
		for _, wi := range below {
			if !used[wi] { // another field's value is not this box's
				ws = append(ws, wi)
			}
		}
	}
	if len(ws) > 8 {
		ws = ws[:8]
	}
	return pg.text(ws)
}

// doubtTwoNITs settles two NIT labels that hold two taxpayers' NITs: a
// provider's or an accountant's letterhead prints its own ("NIT
// 901.794.656-6") beside the taxpayer's box, and which one is the
// taxpayer's cannot be told by cost. The one whose check digit is the DV
// box's is the taxpayer's, else the one whose label stands by the DV's;
// when neither singles one out, the NIT is left unread. The same NIT
// printed twice, and DIAN's own, are no second NIT.
func doubtTwoNITs(all []cand, decided map[*spec]*cand, dst func(*spec) *Field) {
	var nitSpec, dvSpec *spec
	for s := range decided {
		switch s.key {
		case "nit":
			nitSpec = s
		case "dv":
			dvSpec = s
		}
	}
	c := decided[nitSpec]
	if c == nil {
		return
	}
	byNIT := map[string]*cand{}
	for i := range all {
		o := &all[i]
		if o.pg.labels[o.lab].spec != nitSpec || o.conflict != "" || o != c && o.pg == c.pg && o.lab == c.lab {
			continue // another label's, or the one decided
		}
		if n, _, ok := vocab.TaxpayerNIT(o.text); ok && n != "" && byNIT[n] == nil {
			byNIT[n] = o
		}
	}
	if len(byNIT) < 2 {
		return
	}
	dv := ""
	if d := decided[dvSpec]; d != nil {
		dv = d.text
	}
	var match *cand
	var all2 []string
	for n, o := range byNIT {
		all2 = append(all2, o.text)
		if dv != "" && vocab.CheckDigit(n) == dv {
			if match != nil {
				match = nil
				break
			}
			match = o
		}
	}
	slices.Sort(all2)
	if match == nil && decided[dvSpec] != nil {
		// The DV box's label stands with the taxpayer's NIT box, not with
		// a letterhead or a signature: a NIT label far nearer it than
		// the others' is the taxpayer's.
		d := decided[dvSpec]
		dr := d.pg.labels[d.lab].r
		best, second := math.Inf(1), math.Inf(1)
		for _, o := range byNIT {
			dist := math.Inf(1)
			if o.pg == d.pg {
				r := o.pg.labels[o.lab].r
				dist = math.Hypot((r.X0+r.X1-dr.X0-dr.X1)/2, (r.Y0+r.Y1-dr.Y0-dr.Y1)/2)
			}
			switch {
			case dist < best:
				best, second, match = dist, best, o
			case dist < second:
				second = dist
			}
		}
		if !(best*4 < second) {
			match = nil
		}
	}
	fl := dst(nitSpec)
	if match != nil {
		*fl = Field{Text: match.text, Page: match.pg.number, Box: nitSpec.box, Label: match.pg.labels[match.lab].text, Found: true,
			Rect: match.rect(), How: match.how, RunnerUp: strings.Join(slices.DeleteFunc(all2, func(t string) bool { return t == match.text }), ", ")}
		return
	}
	*fl = Field{Page: c.pg.number, Box: nitSpec.box, Label: c.pg.labels[c.lab].text, Found: true, Rect: c.rect(), How: c.how,
		Near: strings.Join(all2, ", "), Conflict: "NITs of two taxpayers are printed in NIT boxes, and the DV does not tell which is this one's: " + strings.Join(all2, " and ")}
}
