package form

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/dianres/dianres/internal/vocab"
)

// A col is one column of the table of ranges, from its header.
type col struct {
	spec   *spec // nil for a column the reader does not know (boxes 34–37)
	typ    valueType
	role   string // the Row field it fills: "kind", "kind_code", "prefix", "from", "to", "months", "request", "request_code", "valid_to", ""
	x0, x1 float64
	box    int
	label  string
}

// anchorKeys are the column labels that make a header band: three of
// them on nearby lines are a table of ranges.
var anchorKeys = map[string]bool{"kind": true, "prefix": true, "from": true, "to": true, "months": true, "request": true}

// band is a table header: its labels and vertical extent.
type band struct {
	labels []int
	y0, y1 float64
	size   float64
}

// headerBands finds the header bands of a page: column labels whose lines
// lie within a few font sizes of each other, naming three or more columns.
func (pg *page) headerBands() []band {
	// Headings over a table name its request ("Rangos solicitados para
	// Autorización - TIPO DE SOLICITUD, CÓD. 1"); their labels head no column.
	var headings []int
	for k := range pg.labels {
		if pg.requestHeadingAt(k) {
			headings = append(headings, pg.labels[k].line)
		}
	}
	var ks []int
	for k := range pg.labels {
		// "30. Modalidad: DOCUMENTO SOPORTE" under a header is a heading
		// over a group of rows, no column's label.
		if pg.labels[k].spec.column && !(pg.labels[k].spec.key == "kind" && pg.inlineValue(k)) && !slices.Contains(headings, pg.labels[k].line) {
			ks = append(ks, k)
		}
	}
	slices.SortFunc(ks, func(a, b int) int { return cmp.Compare(pg.labels[a].r.Y0, pg.labels[b].r.Y0) })
	var out []band
	cards := map[string]bool{} // wordings of labels seen in cards side by side
	for i := 0; i < len(ks); {
		b := band{y0: pg.labels[ks[i]].r.Y0, y1: pg.labels[ks[i]].r.Y1, size: pg.labels[ks[i]].size}
		j := i
		for ; j < len(ks); j++ {
			l := &pg.labels[ks[j]]
			if l.r.Y0 > b.y1+1.2*max(b.size, l.size) {
				break
			}
			b.labels = append(b.labels, ks[j])
			b.y1 = max(b.y1, l.r.Y1)
			b.size = max(b.size, l.size)
		}
		if pg.repeatsAColumn(b.labels) {
			for _, k := range b.labels {
				cards[vocab.Fold(pg.labels[k].text)] = true
			}
		} else if pg.sideBySide(b.labels) >= 3 && pg.inlineValues(b.labels) < 2 &&
			!slices.ContainsFunc(b.labels, func(k int) bool { return pg.isProse(pg.labels[k].line) }) {
			// (Labels inside sentences, "… prefijo FE, del número 1 al
			// número 5000, con vigencia de 24 meses", are no header.)
			pg.extendBand(&b)
			out = append(out, b)
		}
		i = j
	}
	// A card alone on its row (the last of an odd number) repeats the
	// wording of the cards side by side: it is one too, not a table.
	return slices.DeleteFunc(out, func(b band) bool {
		return len(cards) > 0 && !slices.ContainsFunc(b.labels, func(k int) bool {
			return anchorKeys[pg.labels[k].spec.key] && !cards[vocab.Fold(pg.labels[k].text)]
		})
	})
}

// inlineValues counts the labels among ks that have a value of their own
// type right after them on their line, before the next label: "Desde: 1
// Hasta: 5.000" is a line of labelled boxes (a range's card), while a
// header's labels are followed by other labels, its values by nothing.
func (pg *page) inlineValues(ks []int) int {
	n := 0
	for _, k := range ks {
		if pg.inlineValue(k) {
			n++
		}
	}
	return n
}

// inlineValue reports whether label k has a value of its own type right
// after it on its line, before the next label.
func (pg *page) inlineValue(k int) bool {
	l := &pg.labels[k]
	if l.spec.typ == typeNone || l.spec.typ == typeAny || l.spec.key == "code" {
		return false
	}
	var run []int
	for wi := l.words[len(l.words)-1] + 1; wi < pg.lines[l.lastLine].end; wi++ {
		w := &pg.words[wi]
		if w.label >= 0 && w.label != k {
			break
		}
		if w.label < 0 && !isLeader(w.Text) {
			run = append(run, wi)
		}
	}
	if len(run) == 0 || pg.words[run[0]].line != l.lastLine {
		return false
	}
	_, ok, _ := pg.typed(l.spec.typ, run)
	return ok
}

// repeatsAColumn reports whether two labels among ks of one field, worded
// alike, stand side by side on the same lines: "31. PREFIJO 32. DESDE 33.
// HASTA" twice along a line is two ranges' blocks of boxes (cards side by
// side), as no header has two columns of one field.
func (pg *page) repeatsAColumn(ks []int) bool {
	for i, a := range ks {
		la := &pg.labels[a]
		if !anchorKeys[la.spec.key] {
			continue
		}
		for _, b := range ks[i+1:] {
			lb := &pg.labels[b]
			if lb.spec == la.spec && lb.line == la.line && (lb.r.X0 >= la.r.X1 || la.r.X0 >= lb.r.X1) &&
				vocab.Fold(la.text) == vocab.Fold(lb.text) {
				return true
			}
		}
	}
	return false
}

// sideBySide counts the distinct anchor fields among labels ks that stand
// side by side, as a header's columns do: labels stacked one per line
// ("30 Modalidad", then "31 Prefijo" under it...) are labelled boxes or
// blocks, not a header, however close their lines.
func (pg *page) sideBySide(ks []int) int {
	var xs []int
	for _, k := range ks {
		if anchorKeys[pg.labels[k].spec.key] {
			xs = append(xs, k)
		}
	}
	slices.SortFunc(xs, func(a, b int) int { return cmp.Compare(pg.labels[a].r.X1, pg.labels[b].r.X1) })
	keys := map[string]bool{}
	right := math.Inf(-1)
	for _, k := range xs { // the most labels that do not overlap, leftmost ends first
		if l := &pg.labels[k]; l.r.X0 >= right {
			keys[l.spec.key] = true
			right = l.r.X1
		}
	}
	return len(keys)
}

// extendBand takes in the lines just below a header that continue it:
// wrapped header text such as "(meses)", at the header's font size and
// without digits. A row's text is in the values' size, or carries numbers.
func (pg *page) extendBand(b *band) {
	for li := range pg.lines {
		ln := pg.lines[li]
		if ln.y0 < b.y1-0.3*b.size || ln.y0-b.y1 > 0.8*b.size {
			continue
		}
		for _, w := range pg.lineWords(li) {
			if w.label >= 0 || isBoxNumber(w.Text) {
				continue // a box number printed under its wrapped label: "(32)"
			}
			if w.digits || math.Abs(w.wsize()-b.size) > 0.5 || rowWord(w.fold) && !pg.underNumberLabel(b, &w) {
				return // a row's values, not the header's text
			}
		}
		b.y1 = max(b.y1, ln.y1)
	}
}

// underNumberLabel reports whether w stands under a label of band b whose
// column holds no text, only a prefix, numbers or codes: a word there is
// that label's wrapped wording ("Prefijo" over "autorizado"), whatever it
// reads like, as no row prints a modality or request name in such a
// column.
func (pg *page) underNumberLabel(b *band, w *word) bool {
	for _, k := range b.labels {
		l := &pg.labels[k]
		switch l.spec.typ {
		case typeKind, typeRequest, typeAny, typeNone:
			continue
		}
		if w.X0 < l.r.X1 && w.X1 > l.r.X0 {
			return true
		}
	}
	return false
}

// rowWord reports whether a folded word belongs to a row's text: a
// modality or request name ("FACTURA" over "ELECTRÓNICA DE VENTA").
func rowWord(fold string) bool {
	switch fold {
	case "de", "o", "y", "a", "en", "no", "por", "el", "la":
		return false
	}
	return vocab.KindWord(fold) || vocab.RequestOf(fold) != ""
}

// columns builds the columns of a header band. Words in the band that no
// label claims extend the column they stand in (a wrapped header) or make
// a column of their own that the reader does not know.
func (pg *page) columns(b band) []col {
	var cols []col
	for _, k := range b.labels {
		l := &pg.labels[k]
		l.taken = true
		if pg.groupCaption(b, k) {
			continue
		}
		cols = append(cols, col{spec: l.spec, typ: l.spec.typ, role: l.spec.key, x0: l.r.X0, x1: l.r.X1, box: l.box, label: l.text})
	}
	cols = codesOf(cols)
	// Free words inside the band, but not a caption over a group of
	// columns ("Rango autorizado" over "Desde" and "Hasta"): it would
	// widen one column over the next.
	var free []int
	for li := range pg.lines {
		ln := pg.lines[li]
		if ln.y0 < b.y0-0.3*b.size || ln.y1 > b.y1+0.3*b.size {
			continue
		}
		var onLine []int
		for wi := ln.first; wi < ln.end; wi++ {
			if pg.words[wi].label < 0 {
				onLine = append(onLine, wi)
			}
		}
		for _, run := range pg.runs(onLine) {
			r := pg.runRect(run)
			over := 0
			for _, c := range cols {
				if r.X0 < c.x1 && r.X1 > c.x0 && c.role != "" {
					over++
				}
			}
			if over < 2 {
				free = append(free, run...)
			}
		}
	}
	slices.SortFunc(free, func(a, c int) int { return cmp.Compare(pg.words[a].X0, pg.words[c].X0) })
	// Words that run into a label from its left through a word such as
	// "de" ("Período de" before "vigencia") are its own: right to left,
	// each extends the column. "Número" right before "Hasta" may be
	// another column's header.
	grown := map[int]bool{}
	for n := len(free) - 1; n >= 0; n-- {
		w := &pg.words[free[n]]
		i := slices.IndexFunc(cols, func(c col) bool { return c.spec != nil && w.X1 <= c.x0 && c.x0-w.X1 < 0.6*b.size })
		if i >= 0 && (grown[i] || w.fold == "de" || w.fold == "del") {
			cols[i].x0, grown[i] = w.X0, true
		}
	}
	for _, wi := range free {
		w := &pg.words[wi]
		i := slices.IndexFunc(cols, func(c col) bool { return w.X0 < c.x1 && w.X1 > c.x0 })
		if i >= 0 {
			cols[i].x0, cols[i].x1 = min(cols[i].x0, w.X0), max(cols[i].x1, w.X1)
			continue
		}
		// Join a neighbouring unknown column, else start one.
		if n := len(cols); n > 0 {
			last := &cols[n-1]
			if last.spec == nil && w.X0-last.x1 < 1.5*b.size {
				last.x1 = max(last.x1, w.X1)
				continue
			}
		}
		cols = append(cols, col{typ: typeAny, x0: w.X0, x1: w.X1, label: w.Text})
	}
	slices.SortFunc(cols, func(a, c col) int { return cmp.Compare(a.x0, c.x0) })
	// One column per role: a header split in two labels ("Desde" and "el
	// número (32)") is one column.
	for i := 1; i < len(cols); i++ {
		if a, c := &cols[i-1], &cols[i]; a.role != "" && a.role != "code" && a.role == c.role {
			a.x0, a.x1 = min(a.x0, c.x0), max(a.x1, c.x1)
			a.label += " " + c.label
			a.box = max(a.box, c.box)
			cols = slices.Delete(cols, i, i+1)
			i--
		}
	}
	// "Cód." is the code of the column before it: the modality's or the request's.
	for i := range cols {
		if cols[i].role != "code" {
			continue
		}
		cols[i].role = ""
		if i > 0 {
			switch cols[i-1].role {
			case "kind":
				cols[i].role = "kind_code"
			case "request":
				cols[i].role = "request_code"
			}
		}
	}
	// Beside columns for the bounds, a range column is a caption over them
	// ("Numeración autorizada" over "Desde" and "Hasta"), no column, or a
	// summary the reader need not read ("Rango autorizado (prefijo +
	// número)") beside them.
	if slices.ContainsFunc(cols, func(c col) bool { return c.role == "from" || c.role == "to" }) {
		cols = slices.DeleteFunc(cols, func(c col) bool {
			return c.role == "range" && slices.ContainsFunc(cols, func(o col) bool { return boundRole(o.role) && o.role != "range" && o.x0 < c.x1 && o.x1 > c.x0 })
		})
		for i := range cols {
			if cols[i].role == "range" {
				cols[i].role, cols[i].typ, cols[i].spec = "", typeAny, nil
			}
		}
	}
	return cols
}

// rowsAboveHeaders reads a page that prints each range over its own copy
// of the header, values over their captions: every header, the first
// included, has a row right above it, and none has one below that is not
// the next header's. Read from the headers down instead, each range would
// take the next one's values; a single range over its captions would not
// be read at all.
func (pg *page) rowsAboveHeaders(bands []band) ([]Row, bool) {
	if len(bands) == 0 || len(bands) == 1 && !pg.numbersAbove(bands[0]) {
		return nil, false // the common table, its rows under its header: no columns built twice
	}
	var rows []Row
	var bandCols [][]col
	for _, b := range bands {
		cols := pg.columns(b)
		bandCols = append(bandCols, cols)
		got, ok := pg.rowAbove(b, cols)
		if !ok {
			for _, l := range b.labels { // the caller reads the bands again
				pg.labels[l].taken = false
			}
			return nil, false
		}
		rs, _ := pg.groupRows(cols, got, b.size)
		rows = append(rows, rs...)
	}
	// Below the last header: nothing of the table.
	last := bands[len(bands)-1]
	if got, _ := pg.scanRows(bandCols[len(bandCols)-1], last.y1, last.size, false); slices.ContainsFunc(got, func(r rowLine) bool { return r.data }) {
		for _, b := range bands {
			for _, l := range b.labels {
				pg.labels[l].taken = false
			}
		}
		return nil, false
	}
	return rows, true
}

// numbersAbove reports whether one of the four lines right above header b,
// within four sizes, holds two numbers: a row's bounds, as rowAbove wants.
func (pg *page) numbersAbove(b band) bool {
	bottom := b.y0
	for li, n := len(pg.lines)-1, 0; li >= 0 && n < 4; li-- {
		ln := pg.lines[li]
		if ln.y1 > b.y0+0.2*b.size {
			continue
		}
		if bottom-ln.y1 > 4*b.size {
			return false
		}
		if numbers(pg.lineWords(li)) >= 2 {
			return true
		}
		bottom, n = ln.y0, n+1
	}
	return false
}

// rowAbove returns the row printed right above header b: its data line,
// within four sizes, and the lines of cell text between it and the header.
func (pg *page) rowAbove(b band, cols []col) ([]rowLine, bool) {
	var got []rowLine
	bottom := b.y0
	for li := len(pg.lines) - 1; li >= 0 && len(got) < 4; li-- {
		ln := pg.lines[li]
		if ln.y1 > b.y0+0.2*b.size {
			continue
		}
		if bottom-ln.y1 > 4*b.size {
			return nil, false
		}
		if assign, ok := pg.align(li, cols); ok && slices.ContainsFunc(assign, func(c int) bool {
			return c >= 0 && boundRole(cols[c].role)
		}) {
			got = append(got, rowLine{line: li, assign: assign, data: true})
			slices.Reverse(got)
			return got, true
		}
		assign, text := pg.textLine(li, cols)
		if !text {
			return nil, false
		}
		got = append(got, rowLine{line: li, assign: assign})
		bottom = ln.y0
	}
	return nil, false
}

// rowsTop returns where the rows under header b start: the header's
// bottom, or a line inside it that already holds a number other than a
// box number, as when a cell's value stands level with the last line of
// a wrapped label in the next column ("CP 1,001" beside "numero").
func (pg *page) rowsTop(b band) float64 {
	for li := range pg.lines {
		ln := pg.lines[li]
		if ln.y0 <= b.y0+0.5*b.size || ln.y0 >= b.y1 {
			continue
		}
		for _, w := range pg.lineWords(li) {
			if w.label < 0 && w.digits && !isBoxNumber(w.Text) && math.Abs(w.wsize()-b.size) > 0.5 {
				return ln.y0
			}
		}
	}
	return b.y1
}

// groupCaption reports whether label k of band b names a group of columns
// in a header of two tiers rather than a column: another label of its
// field stands in the band on other lines and elsewhere along them, and
// that one is numbered ("38. Vigencia (meses)" under "Vigencia", which
// spans it and the dates), or, neither numbered, lower, nearer the values.
func (pg *page) groupCaption(b band, k int) bool {
	l := &pg.labels[k]
	if l.spec.key == "code" {
		return false
	}
	for _, o := range b.labels {
		m := &pg.labels[o]
		if o == k || m.spec != l.spec || m.r.Y0 < l.r.Y1 && m.r.Y1 > l.r.Y0 || m.r.X0 < l.r.X1 && m.r.X1 > l.r.X0 {
			continue // itself, another field, the same tier, or the same column (a label split over lines)
		}
		if (m.box != 0) != (l.box != 0) {
			return l.box == 0
		}
		if m.r.Y0 > l.r.Y0 {
			return true
		}
	}
	return false
}

// readTables reads the table of ranges on every page. A page without a
// header continues the previous page's table when its first lines align
// with those columns.
func readTables(idx []*page, f *Fields) {
	var prev []col
	var prevSize float64
	emptySection := false // a request's section with no row read
	for _, pg := range idx {
		bands := pg.headerBands()
		if len(bands) == 0 && prev != nil {
			rows, _ := pg.readRows(prev, 0, prevSize, f, true)
			f.Rows = append(f.Rows, pg.cite(rows)...)
			if len(rows) == 0 {
				prev = nil
			}
			continue
		}
		if rows, ok := pg.rowsAboveHeaders(bands); ok {
			// Each range printed over its own copy of the header.
			f.TableHeader = true
			f.Rows = append(f.Rows, pg.cite(rows)...)
			prev = nil
			continue
		}
		for bi, b := range bands {
			f.TableHeader = true
			if rows, ok := pg.readRecords(b); ok {
				f.Rows = append(f.Rows, pg.cite(rows)...)
				prev = nil
				continue
			}
			cols := pg.columns(b)
			top := pg.rowsTop(b)
			learned, got := pg.learnColumns(cols, top, b.size)
			if !slices.Equal(learned, cols) {
				got, _ = pg.scanRows(learned, top, b.size, false)
			}
			cols = learned
			if inferred, changed := pg.inferColumns(cols, got); changed {
				cols = inferred
				got, _ = pg.scanRows(cols, top, b.size, false)
			}
			rows, _ := pg.groupRows(cols, got, b.size)
			if !slices.ContainsFunc(cols, func(c col) bool { return c.role == "request" }) {
				// One table per request type, under a heading that names it
				// ("Rangos solicitados para Autorización - Tipo de
				// solicitud, Cód. 1"). A section none of whose rows was read
				// is a missed row, so that the ranges listed never look
				// complete without it.
				if req, ok := pg.requestAbove(b); ok {
					for i := range rows {
						if rows[i].Request.Text == "" && rows[i].Request.Conflict == "" {
							rows[i].Request = Field{Text: req, Page: pg.number, Found: true, How: "heading"}
						}
					}
					if len(rows) == 0 {
						f.MissedRows++
						emptySection = true
					}
				}
			}
			if len(rows) > 0 && emptySection {
				f.MissedAmongRows = true // a section before these rows was lost
			}
			// Lines under this header, above the next, that align as rows
			// but where the reading stopped short of them: rows lost.
			bottom := math.Inf(1)
			if bi+1 < len(bands) {
				bottom = bands[bi+1].y0
			}
			f.lost = append(f.lost, pg.rowsPast(cols, got, b.y1, bottom)...)
			f.Rows = append(f.Rows, pg.cite(pg.dropAnnulled(rows, f))...)
			prev, prevSize = cols, b.size
		}
	}
}

// learnColumns widens each column to the values the table's rows put
// under it. Values are right-aligned, centred or left-aligned in their
// cells, and may stand beyond their header's text; a row that fits the
// header alone teaches where the others stand, so a row with an empty
// cell is aligned by the same edges. It also returns the lines it read
// by the headers alone: the table's lines when nothing widened.
func (pg *page) learnColumns(cols []col, top, size float64) ([]col, []rowLine) {
	got, _ := pg.scanRows(cols, top, size, false)
	out := slices.Clone(cols)
	for _, g := range got {
		if !g.data || g.assign == nil {
			continue
		}
		for i, wi := range wordRange(pg.lines[g.line]) {
			c := g.assign[i]
			if c < 0 || multiWord(cols[c].typ) {
				continue
			}
			w := &pg.words[wi]
			out[c].x0, out[c].x1 = min(out[c].x0, w.X0), max(out[c].x1, w.X1)
		}
	}
	// Widened columns must not overlap: a value that reached into its
	// neighbour's header was misplaced, so the header's edge wins.
	for c := 1; c < len(out); c++ {
		if out[c].x0 < out[c-1].x1 {
			out[c-1].x1 = max(cols[c-1].x1, min(out[c-1].x1, cols[c].x0))
			out[c].x0 = min(cols[c].x0, max(out[c].x0, cols[c-1].x1))
		}
	}
	return out, got
}

// inferColumns gives a role to a column whose header the reader does not
// know ("Solicitud" alone, "Clase") when every value under it, in every
// row, is a request type, or a modality name, and no other column has that
// role. The values' vocabulary is unambiguous where a header's wording is
// not.
func (pg *page) inferColumns(cols []col, got []rowLine) ([]col, bool) {
	changed := false
	has := map[string]bool{}
	for _, c := range cols {
		has[c.role] = true
	}
	out := slices.Clone(cols)
	for c := range out {
		if out[c].spec != nil || out[c].typ != typeAny {
			continue
		}
		var texts []string
		for _, g := range got {
			if !g.data || g.assign == nil {
				continue
			}
			var cell []string
			for i, wi := range wordRange(pg.lines[g.line]) {
				if g.assign[i] == c {
					cell = append(cell, pg.words[wi].Text)
				}
			}
			texts = append(texts, strings.Join(cell, " "))
		}
		if len(texts) == 0 {
			continue
		}
		role, typ := "", typeAny
		switch {
		case !has["request"] && all(texts, func(t string) bool { return vocab.RequestOf(t) != "" }):
			role, typ = "request", typeRequest
		case !has["kind"] && all(texts, func(t string) bool { return vocab.KindOf(t) != "" }):
			role, typ = "kind", typeKind
		default:
			continue
		}
		out[c].role, out[c].typ = role, typ
		has[role] = true
		changed = true
		// The code printed after it is now its code.
		if c+1 < len(out) && out[c+1].typ == typeCode && out[c+1].role == "" {
			out[c+1].role = role + "_code"
		}
	}
	return out, changed
}

func all(ss []string, f func(string) bool) bool {
	for _, s := range ss {
		if !f(s) {
			return false
		}
	}
	return len(ss) > 0
}

// rowLine is one line of a table: a data line (numbers aligned to columns)
// or a text line that continues a cell of a nearby row.
type rowLine struct {
	line   int
	assign []int // column per word of the line, -1 for none
	data   bool
	group  string // a heading that names the modality of the rows under it
}

// readRows reads the rows below a header (or, continuing a table, from the
// top of the page). It stops at the first line that is neither a row nor
// cell text, or after a wide vertical gap.
func (pg *page) readRows(cols []col, top, size float64, f *Fields, continuing bool) ([]Row, bool) {
	got, _ := pg.scanRows(cols, top, size, continuing)
	return pg.groupRows(cols, got, size)
}

// scanRows classifies the lines below top as data lines and text lines
// until the table ends.
func (pg *page) scanRows(cols []col, top, size float64, continuing bool) ([]rowLine, bool) {
	var got []rowLine
	last := top
	pitch := 0.0
	x0, x1 := cols[0].x0-2*size, cols[len(cols)-1].x1+2*size
	for li := range pg.lines {
		ln := pg.lines[li]
		if ln.y0 < top-0.2*size {
			continue
		}
		ws := pg.lineWords(li)
		fold := pg.lineFold(li)
		if continuing && len(got) == 0 && (vocab.Furniture(fold) || pg.isTitle(li)) {
			last = ln.y1
			continue
		}
		limit := max(4*size, 2.5*pitch)
		if continuing && len(got) == 0 {
			limit = math.Inf(1)
		}
		if kind, ok := pg.groupHeading(li); ok && ln.y0-last <= limit {
			got = append(got, rowLine{line: li, group: kind})
			last = ln.y1
			continue
		}
		if ln.y0-last > limit || pg.hasLabelStart(li) {
			break
		}
		if len(got) > 0 && pg.isProse(li) {
			break // a note or the legal text under the table
		}
		if vocab.Furniture(fold) && !hasRequest(ws) {
			continue // a caption or page number between rows: the table goes on
		}
		in := 0
		for _, w := range ws {
			if w.X1 > x0 && w.X0 < x1 {
				in++
			}
		}
		inside := in*4 >= len(ws)*3 // a code may stand past the last header
		assign, ok := pg.align(li, cols)
		if ok && continuing && !pg.underTheirHeaders(ws, assign, cols) {
			// A page without a header continues the table only where its
			// values stand under the columns it carries over: a table
			// set anew, narrower, would shift every value one column.
			ok = false
		}
		// A bound's cell holds the number's head: "000" under it is the
		// tail of a number wrapped in its cell, and the line no row.
		data := ok && slices.ContainsFunc(assign, func(c int) bool {
			return c >= 0 && boundRole(cols[c].role)
		}) && !pg.onlyTails(ws, assign, cols)
		textAssign, text := pg.textLine(li, cols)
		if !data && text && !inside && len(got) > 0 {
			prev := got[len(got)-1]
			inside = ln.y0-pg.lines[prev.line].y1 <= 0.8*ln.size && pg.continuesCells(li, textAssign, got)
		}
		if !data && !(inside && text) {
			if numbers(ws) >= 2 && inside && !continuing && !pg.isProse(li) {
				// It looks like a row but does not align: report it, never drop it.
				got = append(got, rowLine{line: li, data: true})
				pitch = ln.y0 - last
				last = ln.y1
				continue
			}
			break
		}
		if data && len(got) > 0 {
			pitch = max(pitch, ln.y0-last)
		}
		if !data {
			assign = textAssign
		}
		got = append(got, rowLine{line: li, assign: assign, data: data})
		last = ln.y1
	}
	return got, true
}

// continuesCells reports whether every run of words of text line li,
// assigned to columns by assign, shares an edge or its centre with the
// cell of the same column on the last line read above (got) that has one,
// two lines up at most: the wrapped text of a right-aligned or centred
// cell, which may reach past its column's header (a long modality name
// under a narrow "Modalidad"), also when the cell is set around the row's
// data line ("MÁQUINA REGISTRADORA" over the row's numbers, "POS" under).
func (pg *page) continuesCells(li int, assign []int, got []rowLine) bool {
	ws := wordRange(pg.lines[li])
	if len(assign) != len(ws) {
		return false
	}
	tol := 0.5 * pg.lines[li].size
	for _, run := range pg.runs(ws) {
		c := assign[run[0]-ws[0]]
		cx0, cx1 := math.Inf(1), math.Inf(-1)
		for g := len(got) - 1; g >= 0 && g >= len(got)-2 && cx0 > cx1; g-- {
			pws := wordRange(pg.lines[got[g].line])
			if len(got[g].assign) != len(pws) {
				return false
			}
			for i, wi := range pws {
				if got[g].assign[i] == c {
					cx0, cx1 = min(cx0, pg.words[wi].X0), max(cx1, pg.words[wi].X1)
				}
			}
		}
		x0, x1 := pg.words[run[0]].X0, pg.words[run[len(run)-1]].X1
		if cx0 > cx1 || !(math.Abs(x0-cx0) <= tol || math.Abs(x1-cx1) <= tol || math.Abs(x0+x1-cx0-cx1) <= 2*tol) {
			return false
		}
	}
	return true
}

// groupRows makes rows of data lines and the text lines that continue
// their cells.
func (pg *page) groupRows(cols []col, got []rowLine, size float64) ([]Row, bool) {
	// A row whose cells are set at different heights ("CP 1,001" over
	// "101,000", each under its own header) comes as two data lines, each
	// with one bound, in different columns: the second is part of the first.
	// A bound counts only when it reads as a number on its own line: a
	// lone "000" is a group of some other number, not half a row.
	bound := func(r rowLine, role string) bool {
		var ws []int
		for i, wi := range wordRange(pg.lines[r.line]) {
			if i < len(r.assign) && r.assign[i] >= 0 && cols[r.assign[i]].role == role {
				ws = append(ws, wi)
			}
		}
		if len(ws) == 0 {
			return false
		}
		_, ok := vocab.Consecutive(pg.text(ws))
		return ok
	}
	prev := -1
	for i, r := range got {
		if !r.data || r.assign == nil {
			continue
		}
		if prev >= 0 {
			p := got[prev]
			half := func(x rowLine) bool { return bound(x, "from") != bound(x, "to") }
			disjoint := !slices.ContainsFunc(r.assign, func(c int) bool { return c >= 0 && slices.Contains(p.assign, c) })
			if half(p) && half(r) && bound(p, "from") != bound(r, "from") && disjoint &&
				pg.lines[r.line].y0-pg.lines[p.line].y1 <= 1.5*size {
				got[i].data = false
				continue
			}
		}
		prev = i
	}
	// Rows under a heading that names their modality ("30. Modalidad:
	// DOCUMENTO SOPORTE") take it, in a table with no modality column.
	var groupOf []string // by got index; nil when no heading
	group := ""
	for i, r := range got {
		if r.group != "" {
			if groupOf == nil {
				groupOf = make([]string, len(got))
			}
			group = r.group
			got[i].assign = nil
			continue
		}
		if r.data && groupOf != nil {
			groupOf[i] = group
		}
	}
	// Attach text lines to the nearest data line.
	var dataIdx []int
	for i, r := range got {
		if r.data {
			dataIdx = append(dataIdx, i)
		}
	}
	if len(dataIdx) == 0 {
		return nil, false
	}
	parts := make(map[int][]int, len(dataIdx)) // data line → text lines attached
	for i, r := range got {
		if r.data {
			continue
		}
		if r.group != "" {
			continue
		}
		ln := pg.lines[r.line]
		cy := (ln.y0 + ln.y1) / 2
		best, bestD := -1, math.Inf(1)
		for _, d := range dataIdx {
			dl := pg.lines[got[d].line]
			dist := math.Abs((dl.y0+dl.y1)/2 - cy)
			if dist < bestD-0.01 {
				best, bestD = d, dist
			}
		}
		if best >= 0 && bestD < 2.6*max(size, ln.size) {
			parts[best] = append(parts[best], i)
		}
	}
	pg.completeNames(cols, got, dataIdx, parts)
	var rows []Row
	for _, d := range dataIdx {
		r := pg.buildRow(cols, got, d, parts[d])
		if groupOf != nil && groupOf[d] != "" && r.Kind.Text == "" && !slices.ContainsFunc(cols, func(c col) bool { return c.role == "kind" }) {
			g := groupOf[d]
			r.Kind = Field{Text: g, Page: pg.number, Box: 30, Label: labelKind, Found: true, How: "heading"}
		}
		rows = append(rows, r)
	}
	return rows, true
}

// requestHeadingAt reports whether request label k heads a table rather
// than a column: its line names exactly one request type before it
// ("Rangos solicitados para Autorización - TIPO DE SOLICITUD, CÓD. 1").
func (pg *page) requestHeadingAt(k int) bool {
	l := &pg.labels[k]
	if l.spec.key != "request" {
		return false
	}
	_, ok := pg.requestNamed(l.line, l.r.X0, l.size)
	return ok
}

// requestNamed returns the request type line li names outside labels,
// right before x (within three sizes), when it names exactly one.
func (pg *page) requestNamed(li int, x, size float64) (string, bool) {
	names, text := 0, ""
	seen := ""
	for _, w := range pg.lineWords(li) {
		if r := vocab.RequestOf(w.fold); r != "" && !w.digits && w.label < 0 && w.X1 <= x && x-w.X1 <= 3*size {
			if r != seen {
				names++
				seen = r
			}
			text = w.Text
		}
	}
	return text, names == 1
}

// annulled reports whether line li marks its row void ("<- ANULADO", an
// "Estado" cell that says ANULADO): a range struck from the authorization.
func (pg *page) annulled(li int) bool {
	for _, w := range pg.lineWords(li) {
		switch strings.Trim(w.fold, ".,:;()") {
		case "anulado", "anulada":
			return true
		}
	}
	return false
}

// dropAnnulled leaves out the rows whose line marks them void, with a
// note for each: listed, a void range would be configured and used.
func (pg *page) dropAnnulled(rows []Row, f *Fields) []Row {
	return slices.DeleteFunc(rows, func(r Row) bool {
		if !pg.annulled(r.line) {
			return false
		}
		f.note("ranges", pg.number, 0, "a row marked void was left out: \""+pg.lineText(r.line)+"\"")
		return true
	})
}

// lineAt is a line of a page.
type lineAt struct{ page, line int }

// rowsPast returns the lines between y0 and y1 below the last one read
// (got) whose words align with cols and put numbers under both range
// bounds: rows the reading stopped short of.
func (pg *page) rowsPast(cols []col, got []rowLine, y0, y1 float64) []lineAt {
	from := 0
	if len(got) > 0 {
		from = got[len(got)-1].line + 1
	}
	var out []lineAt
	for li := from; li < len(pg.lines); li++ {
		ln := pg.lines[li]
		if ln.y0 < y0 {
			continue
		}
		if ln.y0 >= y1 {
			break
		}
		if numbers(pg.lineWords(li)) < 2 {
			continue // no two bounds: no row, and no alignment to pay for
		}
		assign, ok := pg.align(li, cols)
		if !ok {
			continue
		}
		hasFrom, hasTo := false, false
		for _, c := range assign {
			hasFrom = hasFrom || c >= 0 && (cols[c].role == "from" || cols[c].role == "range")
			hasTo = hasTo || c >= 0 && (cols[c].role == "to" || cols[c].role == "range")
		}
		if hasFrom && hasTo {
			out = append(out, lineAt{pg.number, li})
		}
	}
	return out
}

// requestAbove returns the request type a heading right above header b
// names: the nearest line within two of its first, holding a request
// label, that names exactly one.
func (pg *page) requestAbove(b band) (string, bool) {
	for li := len(pg.lines) - 1; li >= 0; li-- {
		ln := pg.lines[li]
		if ln.y1 > b.y0+0.2*b.size {
			continue
		}
		if b.y0-ln.y1 > 2.5*b.size {
			return "", false
		}
		for _, w := range pg.lineWords(li) {
			if w.label >= 0 && pg.labels[w.label].spec.key == "request" {
				if req, ok := pg.requestNamed(li, w.X0, w.wsize()); ok {
					return req, true
				}
			}
		}
	}
	return "", false
}

// groupHeading reads line li as a heading over a group of rows that names
// their modality: a modality's label and a modality, nothing else but a
// code ("30. Modalidad: DOCUMENTO SOPORTE - Cód. 6 (continuación)").
func (pg *page) groupHeading(li int) (string, bool) {
	kind := false
	for wi := pg.lines[li].first; wi < pg.lines[li].end && !kind; wi++ {
		if w := &pg.words[wi]; w.label >= 0 {
			kind = pg.labels[w.label].spec.key == "kind" && !pg.labels[w.label].taken
		}
	}
	if !kind {
		return "", false // the common case: a row, no heading
	}
	var ws []int
	for wi := pg.lines[li].first; wi < pg.lines[li].end; wi++ {
		if w := &pg.words[wi]; w.label < 0 && !punctOnly(w.Text) {
			ws = append(ws, wi)
		}
	}
	if len(ws) == 0 {
		return "", false
	}
	text := pg.text(ws)
	if vocab.KindOf(text) == "" {
		return "", false
	}
	return text, true
}

// completeNames moves a line of a wrapped modality name from the row below
// it to the row above when the nearer row is the wrong one: in a table
// whose rows stand a line apart, "POS" under "MAQUINA" / "REGISTRADORA" is
// as near to the next row's "FACTURA" as to them, but only the move leaves
// both rows naming one modality each.
func (pg *page) completeNames(cols []col, got []rowLine, dataIdx []int, parts map[int][]int) {
	kc := slices.IndexFunc(cols, func(c col) bool { return c.role == "kind" })
	if kc < 0 {
		return
	}
	name := func(d int, lines []int) string {
		all := append([]int{d}, lines...)
		slices.SortFunc(all, func(a, b int) int { return got[a].line - got[b].line })
		var ws []int
		for _, gi := range all {
			for i, wi := range wordRange(pg.lines[got[gi].line]) {
				if got[gi].assign != nil && i < len(got[gi].assign) && got[gi].assign[i] == kc {
					ws = append(ws, wi)
				}
			}
		}
		return vocab.KindOf(pg.text(ws))
	}
	for n := 1; n < len(dataIdx); n++ {
		a, b := dataIdx[n-1], dataIdx[n]
		for len(parts[b]) > 0 {
			// The topmost line attached to b, if it stands above b's data line.
			top := slices.MinFunc(parts[b], func(x, y int) int { return got[x].line - got[y].line })
			if got[top].line > got[b].line || name(b, parts[b]) != "" {
				break
			}
			rest := slices.DeleteFunc(slices.Clone(parts[b]), func(x int) bool { return x == top })
			moved := append(slices.Clone(parts[a]), top)
			if name(a, moved) == "" || name(b, rest) == "" {
				break
			}
			parts[a], parts[b] = moved, rest
		}
	}
}

// hasRequest reports whether a line names a request type: a row's, even
// with a caption beside it.
func hasRequest(ws []word) bool {
	for _, w := range ws {
		if vocab.RequestOf(w.fold) != "" && !w.digits {
			return true
		}
	}
	return false
}

func numbers(ws []word) int {
	n := 0
	for _, w := range ws {
		if w.digits {
			n++
		}
	}
	return n
}

func (pg *page) isTitle(li int) bool {
	t := " " + pg.lineFold(li) + " "
	return strings.Contains(t, " autorizacion numeracion de facturacion ") || strings.Contains(t, " autorizacion de numeracion ")
}

// underTheirHeaders reports whether every number of a line assigned to a
// column overlaps that column's extent.
func (pg *page) underTheirHeaders(ws []word, assign []int, cols []col) bool {
	for i, c := range assign {
		if c >= 0 && ws[i].digits && (ws[i].X1 <= cols[c].x0 || ws[i].X0 >= cols[c].x1) {
			return false
		}
	}
	return true
}

// isProse reports whether line li reads as a sentence: four or more words
// in lower case that are no label's and name no modality and no request ("La presente
// autorización se expide conforme a lo dispuesto en la Resolución 000042
// de 2020"). No row of the table reads so, whatever numbers it holds.
func (pg *page) isProse(li int) bool {
	if pg.lines[li].end-pg.lines[li].first < 4 {
		return false
	}
	n := 0
	for _, w := range pg.lineWords(li) {
		if w.label < 0 && len(w.fold) >= 3 && !w.digits && w.Text == strings.ToLower(w.Text) && !vocab.KindWord(w.fold) && vocab.RequestOf(w.fold) == "" {
			n++
		}
	}
	return n >= 4
}

// hasLabelStart reports whether a box label starts on line li: the table
// is over.
func (pg *page) hasLabelStart(li int) bool {
	for k := range pg.labels {
		if pg.labels[k].line == li && !pg.labels[k].taken {
			return true
		}
	}
	return false
}

// textLine assigns the words of line li to text columns when the line
// continues text cells (a wrapped modality or request name): each run of
// close words goes to the column it overlaps most, or the nearest. ok is
// false when the line holds a number or a run that is not in a text column.
func (pg *page) textLine(li int, cols []col) ([]int, bool) {
	ws := wordRange(pg.lines[li])
	if len(ws) == 0 {
		return nil, false
	}
	// A column no field reads ("Rango autorizado (prefijo + número)")
	// may wrap a number over its row's lines ("PAP990000000 a" above the
	// row, "PAP995000000" below), and a cell merged over two rows prints
	// its code or its months between them ("AUTORIZACIÓN 1", "24"); a
	// line holding two numbers may be a row that did not align, and is
	// never cell text.
	anyDigits := numbers(pg.lineWords(li)) < 2
	out := make([]int, 0, len(ws))
	for _, run := range pg.runs(ws) {
		x0, x1 := pg.words[run[0]].X0, pg.words[run[len(run)-1]].X1
		c := nearestCol(cols, x0, x1)
		if c < 0 {
			return nil, false
		}
		for _, wi := range run {
			switch t, w := cols[c].typ, &pg.words[wi]; {
			case t == typeCode || t == typeMonths:
				// A merged cell's code or months, alone between its rows.
				if !anyDigits || !isCode(w.Text) {
					return nil, false
				}
			case t == typeDate:
				// A date wrapped in a narrow cell: "31 de" / "agosto de" /
				// "2023", "2022-" / "03-31".
				if !dateFragment(w.Text, w.fold) {
					return nil, false
				}
			case t == typeConsecutive:
				// A number wrapped in a narrow cell: "990." / "000.000".
				// buildRow joins it only after a head that ends in a
				// separator.
				if !numberTail(w.Text) {
					return nil, false
				}
			case t != typeKind && t != typeRequest && t != typeAny:
				return nil, false
			case w.digits && !(anyDigits && t == typeAny) && !(codeInParens(w.Text) && (t == typeKind || t == typeRequest)):
				return nil, false // "(1)" wrapped under a modality's or a request's name is its code
			}
			out = append(out, c)
		}
	}
	return out, true
}

// nearestCol returns the column that [x0, x1] overlaps most, else the
// nearest one.
func nearestCol(cols []col, x0, x1 float64) int {
	best, bestD := -1, math.Inf(1)
	for i, c := range cols {
		d := max(c.x0-x1, x0-c.x1, 0)
		if d == 0 {
			d = -(min(x1, c.x1) - max(x0, c.x0)) // overlap: more is better
		}
		if d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// align assigns each word of line li to a column, left to right, so that
// columns keep their order, every word fits its column's type and each
// single-value column gets at most one word; among such assignments it
// takes the one whose words stand closest to their headers (by overlap,
// else by the nearest edge). A short code under no header (a modality
// code printed without its "Cód." column) may stay unassigned (-1), at a
// price; a range bound never does. ok is false when no assignment fits.
func (pg *page) align(li int, cols []col) ([]int, bool) {
	ws := pg.lineWords(li)
	n, m := len(ws), len(cols)
	if n == 0 || n > maxRowWords || m > maxRowWords {
		return nil, false // no row of the form has that many words
	}
	inf := math.Inf(1)
	// State s is the last column used plus one; 0 is "none yet". The
	// tables live in the page's pooled memory, cleared here.
	a := &pg.mem.align
	size := (n + 1) * (m + 1)
	best := slices.Grow(a.best[:0], n+1)[:n+1]
	from := slices.Grow(a.from[:0], n+1)[:n+1]
	skip := slices.Grow(a.skip[:0], n+1)[:n+1]
	bestAll := slices.Grow(a.bestAll[:0], size)[:size]
	fromAll := slices.Grow(a.fromAll[:0], size)[:size]
	skipAll := slices.Grow(a.skipAll[:0], size)[:size]
	fit := slices.Grow(a.fit[:0], m)[:m] // word i's fit to each column, whatever came before
	clear(fromAll)
	clear(skipAll)
	defer func() {
		a.best, a.from, a.skip, a.bestAll, a.fromAll, a.skipAll, a.fit = best[:0], from[:0], skip[:0], bestAll[:0], fromAll[:0], skipAll[:0], fit[:0]
	}()
	for i := range best {
		best[i] = bestAll[i*(m+1) : (i+1)*(m+1)]
		from[i] = fromAll[i*(m+1) : (i+1)*(m+1)]
		skip[i] = skipAll[i*(m+1) : (i+1)*(m+1)]
	}
	for s := range bestAll {
		bestAll[s] = inf
	}
	best[0][0] = 0
	for i := 1; i <= n; i++ {
		w := &ws[i-1]
		sc := skipCost(w, cols)
		if w.label >= 0 && pg.labels[w.label].taken {
			sc = 0 // a header's wording level with a row's first values
		}
		for c := range cols {
			fit[c] = fitCost(w, &cols[c], cols)
		}
		for p := 0; p <= m; p++ {
			if math.IsInf(best[i-1][p], 1) {
				continue
			}
			if v := best[i-1][p] + sc; v < best[i][p] {
				best[i][p], from[i][p], skip[i][p] = v, p, true
			}
			for c := max(p, 1); c <= m; c++ {
				if c == p {
					prev := lastAssigned(ws, skip, from, i-1, p)
					if prev < 0 || !sameCell(&ws[prev], w, cols[c-1].typ) || pg.ruled(&ws[prev], w) && cols[c-1].typ != typeAny {
						continue // one value per cell: never two numbers joined
					}
				}
				if v := best[i-1][p] + fit[c-1]; v < best[i][c] {
					best[i][c], from[i][c], skip[i][c] = v, p, false
				}
			}
		}
	}
	end := -1
	for s := 1; s <= m; s++ {
		if !math.IsInf(best[n][s], 1) && (end < 0 || best[n][s] < best[n][end]) {
			end = s
		}
	}
	if end < 0 {
		return nil, false
	}
	out := make([]int, n)
	for i, s := n, end; i >= 1; i-- {
		if skip[i][s] {
			out[i-1] = -1
		} else {
			out[i-1] = s - 1
		}
		s = from[i][s]
	}
	// A three-digit group a word space after a number continues it ("1
	// 000 000"). Split between a range bound's column and a column the
	// reader does not know, or left out, it would make a plausible wrong
	// bound of part of one: the line is no row the columns can read. (Two
	// known columns side by side may hold "1" and "500": their headers
	// decide.)
	unknown := func(c int) bool { return c < 0 || cols[c].typ == typeAny }
	bound := func(c int) bool { return c >= 0 && cols[c].typ == typeConsecutive }
	for i := 1; i < n; i++ {
		if out[i] != out[i-1] && sameCell(&ws[i-1], &ws[i], typeConsecutive) &&
			(bound(out[i]) && unknown(out[i-1]) || unknown(out[i]) && bound(out[i-1])) {
			return nil, false
		}
	}
	return out, true
}

// lastAssigned returns the index of the last word before word i (1-based
// DP row) that was assigned, following the back pointers from state s.
func lastAssigned(ws []word, skip [][]bool, from [][]int, i, s int) int {
	for ; i >= 1; i-- {
		if !skip[i][s] {
			return i - 1
		}
		s = from[i][s]
	}
	return -1
}

// skipCost is the price of leaving word w out of every column: a short
// code standing under no column, or a caption word beside the table
// ("Sello DIAN" past the last column), may be left out, at a price;
// anything under a column of values, text inside the table and any number
// that could be a range bound may not.
func skipCost(w *word, cols []col) float64 {
	if punctOnly(w.Text) {
		return 0.5 // a bar or a leader drawn as text is never a value
	}
	for _, c := range cols {
		if w.X1 > c.x0 && w.X0 < c.x1 && !multiWord(c.typ) {
			return math.Inf(1)
		}
	}
	if !w.digits && w.X0 >= cols[len(cols)-1].x1 {
		return 3 // a caption right of the table, not in it (a modality name may start left of its header)
	}
	if _, ok := vocab.SmallInt(strings.Trim(w.Text, "()"), 2); ok {
		return 4 // a code, bare or in brackets after its name: "VENTA (1)"
	}
	return math.Inf(1)
}

// sameCell reports whether word w may follow word prev in one cell of a
// column of type t: text columns take words at word spacing; a range bound
// takes a further three-digit group only at about a word space, as
// "390 532 780" is printed with spaces for separators. Any other pair of
// numbers is two values.
func sameCell(prev, w *word, t valueType) bool {
	gap := w.X0 - prev.X1
	size := max(w.wsize(), prev.wsize())
	if t == typeAny {
		// A column the reader does not know may hold anything, but a
		// number and, a cell away, a word are two cells: "1" under "Ítem"
		// and "FACTURA" under "Modalidad".
		return prev.digits == w.digits || gap <= 1.5*size
	}
	if multiWord(t) {
		return gap <= 1.5*size
	}
	if t == typeMonths { // "24 meses", "03/10/2019 al 03/10/2020": never two counts
		_, a := vocab.SmallInt(prev.Text, 3)
		_, b := vocab.SmallInt(w.Text, 3)
		return gap <= 1.5*size && !(a && b)
	}
	if t == typePrefix { // "Sin prefijo": no prefix, in words
		return gap <= 1.5*size && vocab.NoPrefixWord(prev.fold) && vocab.NoPrefixWord(w.fold)
	}
	if t != typeConsecutive || gap > 0.8*size || len(w.Text) != 3 || !vocab.AllDigits(w.Text) {
		return false
	}
	_, ok := vocab.Grouped(prev.Text + " " + w.Text)
	return ok
}

// maxRowWords bounds the words of a line aligned to a table's columns;
// the alignment is quadratic in them.
const maxRowWords = 80

func multiWord(t valueType) bool {
	return t == typeKind || t == typeRequest || t == typeAny || t == typeDate || t == typeRange
}

// fitCost is how well word w fits column c: infinite when its type cannot
// be there, else its distance from the header in font sizes.
func fitCost(w *word, c *col, cols []col) float64 {
	inf := math.Inf(1)
	// A number under one header belongs to that column or to none: never
	// to a neighbour, which is how "desde" used to land under "hasta".
	// (Text may spill: a long modality name runs under the next header.)
	if !(w.X1 > c.x0 && w.X0 < c.x1) && w.digits {
		for i := range cols {
			if o := &cols[i]; o != c && w.X1 > o.x0 && w.X0 < o.x1 {
				return inf
			}
		}
	}
	digits := w.digits
	t := 0.0
	// "Documento soporte (6)", "Autorización (1)": a code in parentheses
	// after a modality's or a request's name is part of its cell.
	inParens := digits && codeInParens(w.Text)
	switch c.typ {
	case typeKind:
		if digits && !inParens {
			return inf
		}
		if !vocab.KindWord(w.fold) {
			t = 0.8
		}
	case typeRequest:
		if digits && !inParens {
			return inf
		}
		if vocab.RequestOf(w.fold) == "" {
			t = 0.8
		}
	case typeCode:
		if _, ok := vocab.SmallInt(w.Text, 2); !ok {
			return inf
		}
	case typePrefix:
		// One or two digits left of the prefix column, in a table with no
		// code column: the modality's code printed beside its name, which
		// a row without a prefix would otherwise hand to the prefix.
		if _, code := vocab.SmallInt(w.Text, 2); code && w.X1 <= c.x0 && !slices.ContainsFunc(cols, func(o col) bool { return o.typ == typeCode }) {
			return inf
		}
		if !prefixLike(w.Text) && !vocab.NoPrefixWord(w.fold) { // "Sin prefijo" is the cell's text
			// An over-long or odd prefix is still the prefix cell's text:
			// package resolution reads it and warns.
			if !prefixish(w.Text) {
				return inf
			}
			t = 1.0
		}
	case typeConsecutive:
		// "000" is a group of a number printed with spaces ("1 000 000");
		// the whole cell is read as one value later.
		if _, ok := vocab.Consecutive(w.Text); !ok && !(len(w.Text) == 3 && vocab.AllDigits(w.Text)) && !numberHead(w.Text) {
			return inf
		}
	case typeRange:
		// Two bounds, maybe with letters before each, and what joins them.
		if !digits && !vocab.RangeJoin(w.fold) && w.Text != "-" && vocab.ASCIIDashes(w.Text) != "-" {
			return inf
		}
	case typeMonths:
		if !isMonths(w.Text) {
			// "24 meses", and a validity cell that prints its dates
			// ("03/10/2019 al 03/10/2020", "24 meses (2022-06-16 al …)").
			if w.fold != "meses" && !validityWord(w) {
				return inf
			}
			t = 0.3
		}
	case typeDate:
		if !digits && vocab.MonthName(w.fold) == 0 && w.fold != "de" && !vocab.Weekday(w.fold) {
			return inf
		}
	case typeAny:
		t = 1.0
		if digits {
			t = 2.5 // a number fits a known column better than an unknown one
		}
	}
	size := w.wsize()
	gap := max(c.x0-w.X1, w.X0-c.x1, 0)
	// A short value stands under its header; only text and wide numbers
	// (right-aligned beyond a short header) may reach farther.
	switch c.typ {
	case typePrefix, typeCode, typeMonths:
		if gap > 1.2*size {
			return inf
		}
	case typeConsecutive:
		if gap > 4*size {
			return inf
		}
	}
	align := min(math.Abs(w.X0-c.x0), math.Abs(w.X1-c.x1), math.Abs((w.X0+w.X1)/2-(c.x0+c.x1)/2))
	return t + gap/size + 0.1*align/size
}

// buildRow turns a data line and the text lines attached to it into a Row.
func (pg *page) buildRow(cols []col, got []rowLine, d int, extra []int) Row {
	dl := got[d]
	r := Row{Page: pg.number, line: dl.line}
	if dl.assign == nil {
		msg := "a row of the table whose values do not fit its columns: \"" + pg.lineText(dl.line) + "\""
		r.From = Field{Page: pg.number, Box: 32, Label: labelFrom, Found: true, Conflict: msg, How: "column"}
		r.To = Field{Page: pg.number, Box: 33, Label: labelTo, Found: true, Conflict: msg, How: "column"}
		return r
	}
	cells := make([][]int, len(cols))
	lines := append([]int{d}, extra...)
	slices.SortFunc(lines, func(a, b int) int { return got[a].line - got[b].line })
	for _, gi := range lines {
		g := got[gi]
		ws := wordRange(pg.lines[g.line])
		for i, wi := range ws {
			if c := g.assign[i]; c >= 0 {
				cells[c] = append(cells[c], wi)
			}
		}
	}
	for c, col := range cols {
		if col.role == "range" {
			pg.rangeCell(&r, cells[c], cols)
			continue
		}
		dst := r.field(col.role)
		if dst == nil {
			continue
		}
		fl := Field{Page: pg.number, Box: col.box, Label: col.label, Found: true, How: "column"}
		if fl.Box == 0 && col.spec != nil {
			fl.Box = col.spec.box
		}
		if len(cells[c]) == 0 && col.typ != typeAny {
			fl.Near = pg.under(dl.line, col)
		}
		if ws := cells[c]; len(ws) > 0 {
			fl.Text = vocab.Compose(pg.text(ws))
			if col.typ == typeConsecutive {
				if joined, ok := pg.wrappedNumber(ws); ok {
					fl.Text = joined
				} else {
					fl.Near, fl.Text = fl.Text, ""
					fl.Conflict = "a number over two lines of its cell that does not read as one: \"" + fl.Near + "\""
				}
			}
			if name, ok := pg.abbrev[strings.ToUpper(fl.Text)]; ok && (col.typ == typeKind || col.typ == typeRequest) {
				fl.Text = name // "FE", as the document's own conventions spell it out
			}
			fl.Rect = (&cand{pg: pg, words: ws}).rect()
			if col.typ == typeMonths {
				if m := pg.validityCell(&r, fl); m == "" || isMonths(m) {
					fl.Text = m
				} else {
					fl.Near, fl.Text = fl.Text, ""
					fl.Conflict = "not a validity in months: \"" + fl.Near + "\""
				}
			}
			if col.typ == typePrefix && vocab.NoPrefix(vocab.Fold(fl.Text)) {
				fl.Text = "" // "Sin prefijo": printed empty
			}
			if col.typ == typeDate {
				// "22/07/2019", "julio 22 de 2019": one calendar date, in
				// ISO form as every date the reader returns.
				if iso, ok, _ := pg.typed(typeDate, ws); ok {
					fl.Text = iso
				} else {
					fl.Near, fl.Text = fl.Text, ""
					fl.Conflict = "not one calendar date: \"" + fl.Near + "\""
				}
			}
		}
		*dst = fl
	}
	// A prefix cell read empty while a word that could be the prefix stood
	// in no column: the prefix is unknown, not empty.
	if c := slices.IndexFunc(cols, func(c col) bool { return c.role == "prefix" }); c >= 0 && r.Prefix.Text == "" && dl.assign != nil {
		for i, wi := range wordRange(pg.lines[dl.line]) {
			if t := pg.words[wi].Text; dl.assign[i] < 0 && prefixLike(t) && strings.ContainsFunc(t, unicode.IsLetter) {
				r.Prefix.Conflict = "\"" + pg.words[wi].Text + "\" stands near the prefix column but under no header"
				r.Prefix.Near = pg.words[wi].Text
			}
		}
	}
	// Every row has both bounds. One bound alone means the row's numbers
	// were not where the header says (a shifted or missing column), and the
	// one read may stand in the other's place: report both, trust neither.
	if (r.From.Text == "") != (r.To.Text == "") {
		msg := "only one bound of the range could be placed under its header: \"" + pg.lineText(dl.line) + "\""
		r.From.Near, r.To.Near = r.From.Text+r.To.Text, r.From.Text+r.To.Text
		r.From.Text, r.To.Text = "", ""
		r.From.Conflict, r.To.Conflict = msg, msg
	}
	return r
}

// under returns the words of line li that stand under column c's header:
// what a person sees in a cell the reader left empty.
func (pg *page) under(li int, c col) string {
	var ws []int
	for _, wi := range wordRange(pg.lines[li]) {
		if w := &pg.words[wi]; w.X1 > c.x0 && w.X0 < c.x1 {
			ws = append(ws, wi)
		}
	}
	return pg.text(ws)
}

func wordRange(l pline) []int {
	out := make([]int, 0, l.end-l.first)
	for i := l.first; i < l.end; i++ {
		out = append(out, i)
	}
	return out
}

// field returns the Row field a column role fills, or nil.
func (r *Row) field(role string) *Field {
	switch role {
	case "kind_code":
		return &r.KindCode
	case "request_code":
		return &r.RequestCode
	}
	for _, s := range specs {
		if s.key == role && s.row != nil {
			return s.row(r)
		}
	}
	return nil
}

// isCode reports whether t is a code as a "Cód." column prints it: one
// or two digits.
func isCode(t string) bool {
	_, ok := vocab.SmallInt(t, 2)
	return ok
}

// dateFragment reports whether a word (text, folded) can be a piece of a date wrapped in a
// cell: a month's name, "de", or up to four digits and a separator
// ("2022-", "03-31", "ABR-2024").
func dateFragment(text, fold string) bool {
	if fold == "de" || fold == "del" || vocab.MonthName(fold) != 0 || vocab.Weekday(fold) {
		return true
	}
	parts := 0
	for p := range strings.FieldsFuncSeq(text, func(r rune) bool { return r == '-' || r == '/' || r == '.' }) {
		if !(len(p) <= 4 && vocab.AllDigits(p)) && vocab.MonthName(vocab.Fold(p)) == 0 {
			return false
		}
		parts++
	}
	return parts > 0
}

// numberHead reports whether s is the first line of a number wrapped in a
// narrow cell: digits ending in a group separator ("990.", "1.000,").
func numberHead(s string) bool {
	if len(s) < 2 || s[len(s)-1] != '.' && s[len(s)-1] != ',' {
		return false
	}
	if n, ok := boxNumber(s); ok && n >= 30 && byBox[n] != nil {
		return false // "32." over a column's header: its box number
	}
	_, ok := vocab.Consecutive(s[:len(s)-1])
	return ok
}

// numberTail reports whether s is a later line of a number wrapped in a
// narrow cell: groups of three digits ("000", "000.000", "500.").
func numberTail(s string) bool {
	groups := 0
	for g := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == '.' || r == ',' }) {
		if len(g) != 3 || !vocab.AllDigits(g) {
			return false
		}
		groups++
	}
	return groups > 0 && s[0] != '.' && s[0] != ','
}

// wrappedNumber returns the text of a bound's cell. Words on one line are
// joined as printed ("1 000 000"); across lines, a line must end in a
// group separator and the next start with a group of three digits, and
// the pieces are joined without a space ("990." over "000.000" is
// 990.000.000). A cell whose number may go on, or whose lines do not
// join so, is no number: ok is false.
func (pg *page) wrappedNumber(ws []int) (string, bool) {
	var b strings.Builder
	for i, wi := range ws {
		w := &pg.words[wi]
		if i > 0 {
			p := &pg.words[ws[i-1]]
			switch {
			case p.line == w.line:
				b.WriteByte(' ')
			case numberHead(p.Text) || i > 1 && numberTail(p.Text) && strings.HasSuffix(p.Text, ".") || strings.HasSuffix(p.Text, ","):
				if !numberTail(w.Text) {
					return "", false
				}
			default:
				return "", false
			}
		}
		b.WriteString(w.Text)
	}
	t := b.String()
	if strings.HasSuffix(t, ".") || strings.HasSuffix(t, ",") {
		return "", false // "990." with nothing under it: the number may go on
	}
	if numberTail(pg.words[ws[0]].Text) && t[0] == '0' {
		return "", false // "000" without the number's head
	}
	return t, true
}

// onlyTails reports whether every word assigned to a range bound's column
// is the tail of a wrapped number: groups of three digits starting with 0
// ("000", "000.000"), which no number starts with.
func (pg *page) onlyTails(ws []word, assign []int, cols []col) bool {
	for i, c := range assign {
		if c >= 0 && boundRole(cols[c].role) && !(numberTail(ws[i].Text) && ws[i].Text[0] == '0') {
			return false
		}
	}
	return true
}

// boundRole reports whether a column holds a range's bound: the from and
// to columns, or one column for both.
func boundRole(role string) bool { return role == "from" || role == "to" || role == "range" }

// rangeCell reads the cell that holds both bounds of row r's range ("1 -
// 5.000", "FE1 – FE5000"), and its prefix when the table has no column
// for it. A cell that does not read as two bounds is reported, both
// bounds unread.
func (pg *page) rangeCell(r *Row, ws []int, cols []col) {
	if len(ws) == 0 {
		return
	}
	if a, b := ws[0], ws[len(ws)-1]; pg.words[a].line == pg.words[b].line && b-a+1 > len(ws) {
		// The dash between the bounds, which the alignment may leave to
		// no column, is part of the cell.
		ws = make([]int, 0, b-a+1)
		for wi := a; wi <= b; wi++ {
			ws = append(ws, wi)
		}
	}
	text := pg.text(ws)
	rect := (&cand{pg: pg, words: ws}).rect()
	prefix, from, to, ok := vocab.RangeCell(text)
	if !ok {
		msg := "a cell that does not read as a range's two bounds: \"" + text + "\""
		r.From = Field{Page: pg.number, Box: 32, Label: "Rango", Found: true, Near: text, Conflict: msg, How: "column"}
		r.To = Field{Page: pg.number, Box: 33, Label: "Rango", Found: true, Near: text, Conflict: msg, How: "column"}
		return
	}
	r.From = Field{Text: strconv.FormatInt(from, 10), Page: pg.number, Box: 32, Label: "Rango", Found: true, Rect: rect, How: "column"}
	r.To = Field{Text: strconv.FormatInt(to, 10), Page: pg.number, Box: 33, Label: "Rango", Found: true, Rect: rect, How: "column"}
	if !slices.ContainsFunc(cols, func(c col) bool { return c.role == "prefix" }) {
		r.Prefix = Field{Text: strings.ToUpper(prefix), Page: pg.number, Box: 31, Label: "Rango", Found: true, Rect: rect, How: "column"}
	}
}

// validityWord reports whether w can stand in a validity cell that prints
// its dates: a date or a piece of one, a word that joins two dates ("al",
// "hasta"), or a parenthesis.
func validityWord(w *word) bool {
	t := strings.Trim(w.Text, "()")
	if t == "" || t == "-" || vocab.RangeJoin(vocab.Fold(t)) {
		return true
	}
	return strings.ContainsAny(t, "/-") && dateFragment(t, vocab.Fold(t))
}

// validityCell reads a validity column's cell: the months ("24", "24
// meses"), and the dates it prints from and to ("03/10/2019 al
// 03/10/2020"), which go to the row's own date fields when those are
// empty. It returns the months' text, "" when the cell prints none.
func (pg *page) validityCell(r *Row, fl Field) string {
	text := vocab.Lower(vocab.ASCIIDashes(fl.Text))
	compact := vocab.CompactDigits(text)
	ds := vocab.FindDates(compact)
	if len(ds) == 0 {
		return strings.TrimSpace(strings.ReplaceAll(text, "meses", ""))
	}
	if len(ds) == 2 && r.ValidFrom.Text == "" && r.ValidTo.Text == "" {
		r.ValidFrom = Field{Text: ds[0].ISO(), Page: fl.Page, Label: fl.Label, Found: true, Rect: fl.Rect, How: "column"}
		r.ValidTo = Field{Text: ds[1].ISO(), Page: fl.Page, Label: fl.Label, Found: true, Rect: fl.Rect, How: "column"}
	}
	// What is left once the dates are out: the months, if printed.
	var rest []string
	prev := 0
	for _, d := range ds {
		rest = append(rest, compact[prev:d.Start])
		prev = d.End
	}
	text = strings.Join(append(rest, compact[prev:]), " ")
	for _, w := range []string{"(", ")", " al ", " hasta ", " a ", " - "} {
		text = strings.ReplaceAll(" "+text+" ", w, " ")
	}
	return strings.TrimSpace(strings.ReplaceAll(text, "meses", ""))
}

// isMonths reports whether t is a count of months as a cell prints it.
func isMonths(t string) bool {
	n, ok := vocab.SmallInt(t, 3)
	return ok && n > 0
}

// codesOf reads "Cód." stacked over "mod." or "sol." as the code column of
// the modality or of the request: the abbreviation names whose code the
// column holds, and is no second modality or request column.
func codesOf(cols []col) []col {
	for i := 0; i < len(cols); i++ {
		if cols[i].role != "code" {
			continue
		}
		j := slices.IndexFunc(cols, func(b col) bool {
			return (b.role == "kind" || b.role == "request") && len([]rune(strings.Trim(b.label, ". "))) <= 4 &&
				min(cols[i].x1, b.x1)-max(cols[i].x0, b.x0) > 0.5*min(cols[i].x1-cols[i].x0, b.x1-b.x0)
		})
		if j < 0 {
			continue
		}
		cols[i].role = cols[j].role + "_code"
		cols[i].label += " " + cols[j].label
		cols = slices.Delete(cols, j, j+1)
		i = -1 // indexes moved: look again from the start
	}
	return cols
}

// codeInParens reports whether t is a modality's or a request's code in
// parentheses: "(1)".
func codeInParens(t string) bool {
	return len(t) > 2 && t[0] == '(' && t[len(t)-1] == ')' && isCode(t[1:len(t)-1])
}
