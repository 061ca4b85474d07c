package form

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// column is a role in the table of ranges.
type column int

const (
	colKind    column = iota // box 30 "Modalidad"
	colPrefix                // box 31 "Prefijo"
	colFrom                  // box 32 "Desde el número"
	colTo                    // box 33 "Hasta el número"
	colMonths                // box 38 "Vigencia (meses)"
	colRequest               // "Tipo de solicitud"
	colEnd                   // a printed end date, e.g. "Fecha de vencimiento"
	colOther                 // boxes 34–37 and anything else with a box number
)

// headerPhrases are folded header labels by column, most specific first.
var headerPhrases = []struct {
	col     column
	box     int
	phrases []string
}{
	{colKind, 30, []string{"modalidad"}},
	{colPrefix, 31, []string{"prefijo"}},
	{colFrom, 32, []string{"desde el numero", "desde"}},
	{colTo, 33, []string{"hasta el numero", "hasta"}},
	{colMonths, 38, []string{"vigencia", "meses"}},
	{colRequest, 0, []string{"tipo de solicitud", "solicitud"}},
	{colEnd, 0, []string{"fecha de vencimiento", "vigencia hasta", "fecha hasta", "vencimiento"}},
}

// anchor is a column's header text extent.
type anchor struct {
	col    column
	x0, x1 float64
}

// readTable finds the header of the table of ranges on this page and reads
// the rows under it. Without a header it falls back to reading rows as a
// sequence of cells (readRowSequence).
func (pg *page) readTable(f *Fields) {
	h := pg.headerLine()
	if h < 0 {
		pg.readRowsBySequence(f)
		return
	}
	f.TableHeader = true
	anchors, bottom := pg.headerAnchors(h)
	size := lineSize(&pg.lines[h])
	var rows []*rowLines
	var loose []int // lines in the table without numbers: wrapped cell text
	last := bottom
	for i := h + 1; i < len(pg.lines); i++ {
		ln := &pg.lines[i]
		if ln.Y0 < bottom-size*0.3 {
			continue // still in the header band
		}
		if len(ln.labels) > 0 || ln.Y0-last > max(4*size, 48) {
			break
		}
		// A row printed whole on one line reads best as the sequence of
		// cells seen on real forms; columns serve wrapped and odd rows.
		cells := assign(ln, anchors)
		if seq, ok := readRowSequence(pg.number, ln.text, ln.fwords); ok && agrees(&seq, &cells, anchors) {
			rows = append(rows, &rowLines{y: (ln.Y0 + ln.Y1) / 2, seq: &seq})
			last = ln.Y1
			continue
		}
		// A row with either bound is a row: a missing bound is then
		// reported as missing, not filled from a neighbouring cell.
		if isNumber(strings.Join(cells[colFrom], "")) || isNumber(strings.Join(cells[colTo], "")) {
			rows = append(rows, &rowLines{y: (ln.Y0 + ln.Y1) / 2, cells: cells})
		} else {
			loose = append(loose, i)
		}
		last = ln.Y1
	}
	attachWrapped(pg, rows, loose, anchors, size)
	hasRequestCol := slices.ContainsFunc(anchors, func(a anchor) bool { return a.col == colRequest })
	for _, r := range rows {
		if r.seq != nil {
			f.Rows = append(f.Rows, *r.seq)
			continue
		}
		row := Row{Page: pg.number}
		set := func(dst *Field, box int, ws []string) {
			if len(ws) > 0 {
				*dst = Field{Text: cleanValue(ws), Page: pg.number, Box: box, Found: true}
			}
		}
		kind, code := splitKindCode(r.cells[colKind])
		set(&row.Kind, 30, kind)
		set(&row.KindCode, 30, code)
		pre := r.cells[colPrefix]
		if len(pre) > 1 && row.KindCode.Text == "" && isSmallInt(pre[0]) {
			set(&row.KindCode, 30, pre[:1])
			pre = pre[1:]
		}
		if len(pre) > 0 {
			row.Prefix = Field{Text: strings.Join(pre, ""), Page: pg.number, Box: 31, Found: true}
		} else {
			row.Prefix = Field{Page: pg.number, Box: 31, Found: true} // an empty cell is an empty prefix
		}
		set(&row.From, 32, r.cells[colFrom])
		set(&row.To, 33, r.cells[colTo])
		set(&row.Months, 38, r.cells[colMonths])
		req := r.cells[colRequest]
		if !hasRequestCol {
			req = r.cells[colOther]
		}
		req, rcode := splitCode(req)
		set(&row.Request, 0, req)
		set(&row.RequestCode, 0, rcode)
		for c := range r.cells {
			for _, w := range r.cells[c] {
				if d := findDate(w); d != "" && column(c) != colFrom && column(c) != colTo {
					row.ValidTo = Field{Text: d, Page: pg.number, Found: true}
				}
			}
		}
		f.Rows = append(f.Rows, row)
	}
}

// agrees reports whether a row read as a sequence of cells puts the bounds
// and months in the columns the header gives them. When an empty cell
// shifts the sequence ("1 FE 1 24" with no upper bound) the columns win.
func agrees(seq *Row, cells *[colOther + 1][]string, anchors []anchor) bool {
	for _, c := range []struct {
		col  column
		text string
	}{{colFrom, seq.From.Text}, {colTo, seq.To.Text}, {colMonths, seq.Months.Text}} {
		if !slices.ContainsFunc(anchors, func(a anchor) bool { return a.col == c.col }) {
			continue
		}
		if strings.Join(cells[c.col], "") != strings.ReplaceAll(c.text, " ", "") {
			return false
		}
	}
	return true
}

// rowLines is a table row being assembled from one or more lines.
type rowLines struct {
	y     float64
	cells [colOther + 1][]string
	seq   *Row // the row, when read whole as a sequence of cells
}

// attachWrapped gives the lines of wrapped cell text (loose, in page order)
// to the rows above or below them. Each run of such lines between two rows
// is split where the modality names on both sides read best: a cell that
// wraps to three lines centred on its row ("DOCUMENTO" / "EQUIVALENTE 5 DEE
// …" / "ELECTRÓNICO") must not lend its first line to the row above.
func attachWrapped(pg *page, rows []*rowLines, loose []int, anchors []anchor, size float64) {
	for len(loose) > 0 {
		y0 := (pg.lines[loose[0]].Y0 + pg.lines[loose[0]].Y1) / 2
		var above, below *rowLines
		for _, r := range rows {
			if r.y < y0 {
				above = r
			} else if below == nil {
				below = r
			}
		}
		run := 0 // loose lines up to the next row
		for run < len(loose) {
			if y := (pg.lines[loose[run]].Y0 + pg.lines[loose[run]].Y1) / 2; below != nil && y > below.y {
				break
			}
			run++
		}
		usable := func(r *rowLines) bool { return r != nil && r.seq == nil }
		near := func(r *rowLines, y float64) bool { return usable(r) && math.Abs(r.y-y) <= 2.2*size }
		// Lines near neither row (a caption under the table) are dropped.
		var cells [][colOther + 1][]string
		var ys []float64
		for _, i := range loose[:run] {
			y := (pg.lines[i].Y0 + pg.lines[i].Y1) / 2
			if near(above, y) || near(below, y) {
				cells = append(cells, assign(&pg.lines[i], anchors))
				ys = append(ys, y)
			}
		}
		loose = loose[run:]
		run = len(ys)
		bestSplit, bestScore, bestDist := -1, -1, 0.0
		for split := 0; split <= run; split++ {
			if split > 0 && !near(above, ys[split-1]) {
				break
			}
			if split < run && !near(below, ys[split]) {
				continue
			}
			score, dist := 0, 0.0
			if usable(above) {
				ws := slices.Clone(above.cells[colKind])
				for k := range split {
					ws = append(ws, cells[k][colKind]...)
					dist += ys[k] - above.y
				}
				score += modalityScore(ws)
			}
			if usable(below) {
				var ws []string
				for k := split; k < run; k++ {
					ws = append(ws, cells[k][colKind]...)
					dist += below.y - ys[k]
				}
				score += modalityScore(append(ws, below.cells[colKind]...))
			}
			if score > bestScore || score == bestScore && dist < bestDist {
				bestSplit, bestScore, bestDist = split, score, dist
			}
		}
		if bestSplit >= 0 {
			for k := range run {
				r, before := above, false
				if k >= bestSplit {
					r, before = below, true
				}
				for c := range cells[k] {
					if len(cells[k][c]) == 0 {
						continue
					}
					if before {
						// Lines above a row come before it, in their own order.
						n := 0
						for j := bestSplit; j < k; j++ {
							n += len(cells[j][c])
						}
						r.cells[c] = slices.Insert(r.cells[c], n, cells[k][c]...)
					} else {
						r.cells[c] = append(r.cells[c], cells[k][c]...)
					}
				}
			}
		}
	}
}

// modalityScore rates words as a box 30 name: 2 for a whole known name, 1
// for a name that contains one, 0 otherwise. Codes are ignored.
func modalityScore(ws []string) int {
	var parts []string
	for _, w := range ws {
		if !isSmallInt(w) {
			parts = append(parts, Fold(w))
		}
	}
	t := strings.Join(parts, " ")
	if slices.Contains(modalityPhrases, t) {
		return 2
	}
	for _, ph := range modalityPhrases {
		if strings.Contains(" "+t+" ", " "+ph+" ") {
			return 1
		}
	}
	return 0
}

// headerLine returns the index of the line holding most column labels (at
// least two), or -1.
func (pg *page) headerLine() int {
	best, bestN := -1, 1
	for i := range pg.lines {
		n := 0
		for _, hp := range headerPhrases[:5] {
			for _, ph := range hp.phrases {
				if _, _, ok := pg.lines[i].match(ph, 0); ok {
					n++
					break
				}
			}
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	return best
}

var boxNumber3x = regexp.MustCompile(`^3\d\.?$`)

// headerAnchors collects column anchors from the header line and the lines
// close above and below it (header cells often wrap), and returns them with
// the bottom of the header band.
func (pg *page) headerAnchors(h int) ([]anchor, float64) {
	hl := &pg.lines[h]
	size := lineSize(hl)
	bottom := hl.Y1
	var anchors []anchor
	found := map[column]bool{}
	for i := range pg.lines {
		ln := &pg.lines[i]
		if ln.Y1 < hl.Y0-2.5*size || ln.Y0 > hl.Y1+2.5*size || len(ln.labels) > 0 {
			continue
		}
		hit := false
		used := make([]bool, len(ln.Words))
		for _, hp := range headerPhrases {
			if found[hp.col] && i != h {
				continue
			}
			for _, ph := range hp.phrases {
				first, end, ok := ln.match(ph, 0)
				if !ok || used[first] {
					continue
				}
				if first > 0 && boxNumber3x.MatchString(ln.Words[first-1].Text) && ln.Words[first].X0-ln.Words[first-1].X1 < size {
					first-- // its box number, when it is printed right before it
				}
				for k := first; k < end; k++ {
					used[k] = true
				}
				anchors = append(anchors, anchor{hp.col, ln.Words[first].X0, ln.Words[end-1].X1})
				found[hp.col] = true
				hit = true
				break
			}
		}
		for k, w := range ln.Words {
			if !used[k] && boxNumber3x.MatchString(w.Text) {
				anchors = append(anchors, anchor{colOther, w.X0, w.X1})
				hit = true
			}
		}
		if hit {
			bottom = max(bottom, ln.Y1)
		}
	}
	slices.SortStableFunc(anchors, func(a, b anchor) int { return cmp.Compare(a.x0, b.x0) })
	// A box number above or before its label ("38." over "Vigencia") reads
	// as two anchors that overlap or nearly touch: keep the named one.
	out := anchors[:0]
	for _, a := range anchors {
		if n := len(out); n > 0 && mergeAnchors(out[n-1], a, size) {
			prev := &out[n-1]
			if prev.col == colOther {
				prev.col = a.col
			}
			prev.x0, prev.x1 = min(prev.x0, a.x0), max(prev.x1, a.x1)
			continue
		}
		out = append(out, a)
	}
	return out, bottom
}

// mergeAnchors reports whether b, right of a, is the same column: a box
// number with its label beside or below it, or two overlapping texts.
func mergeAnchors(a, b anchor, size float64) bool {
	if b.x0 < a.x1 {
		return a.col == colOther || b.col == colOther
	}
	return a.col == colOther && b.col != colOther && b.x0-a.x1 < size
}

// assign puts each word of ln into a column by where the word starts.
// Columns meet halfway across the blank between neighbouring header texts:
// a wide column under a short header ("30. Modalidad" over "FACTURA
// ELECTRÓNICA DE VENTA") keeps its long values, which a split at the
// headers' centres would hand to the next column.
func assign(ln *line, anchors []anchor) (cells [colOther + 1][]string) {
	for _, w := range ln.Words {
		k := 0
		for k+1 < len(anchors) && w.X0+1 >= (anchors[k].x1+anchors[k+1].x0)/2 {
			k++
		}
		if len(anchors) > 0 {
			col := anchors[k].col
			cells[col] = append(cells[col], w.Text)
		}
	}
	return cells
}

// splitCode separates a trailing or leading numeric code from a cell's
// words: "FACTURA ELECTRÓNICA DE VENTA 1" → name, "1".
func splitCode(ws []string) (name, code []string) {
	if len(ws) > 1 && isSmallInt(ws[len(ws)-1]) {
		return ws[:len(ws)-1], ws[len(ws)-1:]
	}
	if len(ws) > 1 && isSmallInt(ws[0]) {
		return ws[1:], ws[:1]
	}
	return ws, nil
}

// splitKindCode takes the modality's code out of box 30's words wherever
// it sits: a wrapped name centred on its row puts the code mid-cell
// ("DOCUMENTO" / "6" / "SOPORTE").
func splitKindCode(ws []string) (name, code []string) {
	for _, w := range ws {
		if isSmallInt(w) {
			code = []string{w}
		} else {
			name = append(name, w)
		}
	}
	return name, code
}

func isSmallInt(s string) bool {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return err == nil && n >= 0 && n < 100
}

// isNumber reports whether s reads as a consecutive: digits, maybe grouped
// by "," or "." or spaces.
func isNumber(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	if s == "" {
		return false
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ',' || r == '.':
		default:
			return false
		}
	}
	return digits > 0 && s[0] != ',' && s[0] != '.'
}

// modalityPhrases are the folded names of box 30's modalities.
var modalityPhrases = []string{
	"factura electronica de venta", "factura de venta electronica", "factura electronica", "documento soporte",
	"talonario o de papel", "talonario", "papel", "maquina registradora", "pos",
	"factura por computador", "computador", "documento equivalente electronico",
	"documento equivalente",
}

var requestPhrases = []string{"inhabilitacion", "habilitacion", "autorizacion"}

// readRowsBySequence reads rows from lines that name a modality and a
// request, when no table header gave columns.
func (pg *page) readRowsBySequence(f *Fields) {
	for i := range pg.lines {
		if row, ok := readRowSequence(pg.number, pg.lines[i].text, pg.lines[i].fwords); ok {
			f.Rows = append(f.Rows, row)
		}
	}
}

// readRowSequence reads one row printed as a run of cells (ws, and the
// same words folded), FORM-1876 §2
// [seen]: "FACTURA ELECTRÓNICA DE VENTA 1 FE 1 1,000 24 AUTORIZACIÓN 1" —
// modality, code, prefix, from, to, months, request, code.
func readRowSequence(pageNo int, ws, folded []string) (Row, bool) {
	joined := strings.Join(folded, " ")
	kindEnd := -1
	for _, ph := range modalityPhrases {
		if strings.HasPrefix(joined, ph+" ") {
			kindEnd = len(strings.Fields(ph))
			break
		}
	}
	reqAt := -1
	for i, w := range folded {
		if slices.Contains(requestPhrases, w) {
			reqAt = i
			break
		}
	}
	if kindEnd < 0 || reqAt < kindEnd || kindEnd > len(ws) {
		return Row{}, false
	}
	// Words of a folded phrase may be fewer than printed words; realign.
	kindEnd = alignWords(folded, kindEnd)
	mid := ws[kindEnd:reqAt]
	field := func(s string, box int) Field { return Field{Text: s, Page: pageNo, Box: box, Found: true} }
	row := Row{Page: pageNo, Kind: field(cleanValue(ws[:kindEnd]), 30), Request: field(compose(ws[reqAt]), 0)}
	if reqAt+1 < len(ws) && isSmallInt(ws[reqAt+1]) {
		row.RequestCode = field(ws[reqAt+1], 0)
	}
	var nums []string
	prefix := ""
	for _, w := range mid {
		if isNumber(w) {
			nums = append(nums, w)
			continue
		}
		if prefix != "" {
			return Row{}, false
		}
		prefix = w
	}
	// code, from, to, months (+ prefix when it is alphanumeric) or, with a
	// numeric prefix, five numbers: code, prefix, from, to, months.
	switch len(nums) {
	case 5:
		if prefix != "" {
			return Row{}, false
		}
		row.KindCode, prefix = field(nums[0], 30), nums[1]
		nums = nums[2:]
	case 4:
		row.KindCode = field(nums[0], 30)
		nums = nums[1:]
	case 3:
	default:
		return Row{}, false
	}
	row.Prefix = field(prefix, 31)
	row.From, row.To, row.Months = field(nums[0], 32), field(nums[1], 33), field(nums[2], 38)
	return row, true
}

// alignWords maps a count of folded tokens back to a count of words.
func alignWords(folded []string, tokens int) int {
	n := 0
	for i, f := range folded {
		n += len(strings.Fields(f))
		if n >= tokens {
			return i + 1
		}
	}
	return len(folded)
}
