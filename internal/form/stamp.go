package form

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/dianres/dianres/internal/vocab"
)

// maxDates bounds the dates and stamp words weighed against each other.
const maxDates = 200

// A dateCand is a date printed somewhere in the document.
type dateCand struct {
	date  string
	page  int
	r     Rect
	timed bool
	cost  float64
}

// readStampDate finds the date of DIAN's reception stamp ("Fecha Acuse de
// Recibo"), which is the authorization date and the start of validity
// (docs/form-1876.md §2). Every date in the document is a candidate; the
// cost favours a date printed with a time, near the stamp's words
// (horizontal or drawn around the circle), on a page of the table. Dates
// read as a row's end date are not candidates. Two different dates that
// score alike leave the field empty: the reader does not pick between them.
func readStampDate(idx []*page, f *Fields) {
	inRows := map[string]bool{}
	for _, r := range f.Rows {
		if r.ValidTo.Text != "" {
			inRows[r.ValidTo.Text] = true
		}
	}
	tablePages := map[int]bool{}
	for _, r := range f.Rows {
		tablePages[r.Page] = true
	}
	var cands []dateCand
	type spot struct {
		page int
		x, y float64
	}
	var marks []spot
	for _, pg := range idx {
		for li := range pg.lines {
			ws := pg.lineWords(li)
			// The stamp's words, wherever they stand (a label may wrap, or
			// be split by the stamp's drawing).
			for _, w := range ws {
				if stampWord(w.fold) {
					marks = append(marks, spot{pg.number, (w.X0 + w.X1) / 2, (w.Y0 + w.Y1) / 2})
				}
			}
			ds := datesIn(pg.number, ws)
			if len(ds) > 0 && otherDate(pg.lineFold(li)) {
				// "Fecha de impresión: …", "vence el …": a date with another
				// name is not the stamp's.
				for i := range ds {
					ds[i].cost = 1.5
				}
			}
			cands = append(cands, ds...)
		}
		for _, w := range pg.rotated {
			if stampWord(vocab.Fold(w.Text)) {
				marks = append(marks, spot{pg.number, (w.X0 + w.X1) / 2, (w.Y0 + w.Y1) / 2})
			}
			cands = append(cands, datesIn(pg.number, []word{{Word: w, digits: strings.ContainsFunc(w.Text, isDigit)}})...)
		}
	}
	cands = slices.DeleteFunc(cands, func(c dateCand) bool { return inRows[c.date] })
	// A form prints a handful of dates and one stamp; a page that prints
	// thousands is not read further than that.
	cands = cands[:min(len(cands), maxDates)]
	marks = marks[:min(len(marks), maxDates)]
	if len(cands) == 0 {
		for _, pg := range idx {
			for k := range pg.labels {
				if pg.labels[k].spec.key == "stamp" {
					f.StampDate = Field{Found: true, Label: pg.labels[k].text, Page: pg.number, Near: pg.near(k, nil)}
					return
				}
			}
		}
		return
	}
	year := strings.TrimSpace(f.Year.Text)
	for i := range cands {
		c := &cands[i]
		c.cost += 3 // on top of the penalty of a date named otherwise
		if year != "" && strings.HasPrefix(c.date, year) {
			c.cost -= 0.5 // box 1 "Año": the request's year, the stamp's as a rule
		}
		if c.timed {
			c.cost -= 2
		}
		if len(tablePages) > 0 && !tablePages[c.page] {
			c.cost += 0.5
		}
		nearest := math.Inf(1)
		for _, m := range marks {
			if m.page == c.page {
				nearest = min(nearest, math.Hypot(m.x-(c.r.X0+c.r.X1)/2, m.y-(c.r.Y0+c.r.Y1)/2))
			}
		}
		if nearest < 200 {
			c.cost -= 2 * (1 - nearest/200)
		}
	}
	slices.SortStableFunc(cands, func(a, b dateCand) int { return cmp.Compare(a.cost, b.cost) })
	best := cands[0]
	fl := Field{Text: best.date, Page: best.page, Label: labelStamp, Found: true, Rect: best.r, How: "stamp"}
	for _, c := range cands[1:] {
		if c.date == best.date {
			continue
		}
		fl.RunnerUp = c.date
		if c.cost-best.cost < 0.75 {
			f.note("valid_from", best.page, 0, "two dates could be the stamp's: "+best.date+" and "+c.date)
			fl = Field{Found: true, Label: labelStamp, Page: best.page, Near: best.date + ", " + c.date,
				Conflict: "two dates could be the stamp's date"}
		}
		break
	}
	f.StampDate = fl
}

// stampWord reports whether a folded word belongs to the stamp's caption:
// "Fecha Acuse de Recibo", "Firmado", box 997 "Fecha formalización".
func stampWord(fold string) bool {
	switch fold {
	case "acuse", "recibo", "firmado", "formalizacion":
		return true
	}
	return false
}

// otherDate reports whether a line names its date as something other than
// the stamp's: when the document was printed, generated or queried, or
// when something ends.
func otherDate(fold string) bool {
	t := " " + fold + " "
	for _, w := range []string{" impresion ", " impreso ", " generacion ", " generado ", " expedicion ", " consulta ",
		" descarga ", " vencimiento ", " vence ", " hasta ", " nacimiento "} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// datesIn returns the dates printed on a line of words, each with the
// box of the line's words that hold digits. ws's digits flags must be set.
func datesIn(page int, ws []word) []dateCand {
	digits, size := 0, 0
	for _, w := range ws {
		size += len(w.Text) + 1
		if !w.digits {
			continue
		}
		for j := 0; j < len(w.Text); j++ {
			if w.Text[j] >= '0' && w.Text[j] <= '9' {
				digits++
			}
		}
	}
	if digits < 5 { // "1 de octubre de 2024" has five
		return nil
	}
	var text strings.Builder
	text.Grow(size)
	for i, w := range ws {
		if i > 0 {
			text.WriteByte(' ')
		}
		text.WriteString(w.Text)
	}
	raw := vocab.Lower(vocab.ASCIIDashes(text.String()))
	var out []dateCand
	for _, d := range vocab.FindDates(vocab.CompactDigits(raw)) {
		out = append(out, dateCand{date: d.ISO(), page: page, r: digitsRect(ws), timed: d.Timed})
	}
	return out
}

// digitsRect is the box of a line's words that hold digits: where a date
// found in the line's text stands (offsets into the compacted text do not
// map back to words).
func digitsRect(ws []word) Rect {
	r := Rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, w := range ws {
		if strings.ContainsFunc(w.Text, isDigit) {
			r = union(r, w.rect())
		}
	}
	return r
}
