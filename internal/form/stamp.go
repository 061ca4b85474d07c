package form

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/dianres/dianres/internal/vocab"
)

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
			fold := " " + pg.lineFold(li) + " "
			if strings.Contains(fold, " acuse de recibo ") || strings.Contains(fold, " firmado ") || strings.Contains(fold, " fecha formalizacion ") {
				marks = append(marks, spot{pg.number, (ws[0].X0 + ws[len(ws)-1].X1) / 2, (pg.lines[li].y0 + pg.lines[li].y1) / 2})
			}
			cands = append(cands, datesIn(pg.number, ws)...)
		}
		for _, w := range pg.rotated {
			if ft := vocab.Fold(w.Text); ft == "acuse" || ft == "recibo" || ft == "firmado" {
				marks = append(marks, spot{pg.number, (w.X0 + w.X1) / 2, (w.Y0 + w.Y1) / 2})
			}
			cands = append(cands, datesIn(pg.number, []word{{Word: w}})...)
		}
	}
	cands = slices.DeleteFunc(cands, func(c dateCand) bool { return inRows[c.date] })
	if len(cands) == 0 {
		for _, pg := range idx {
			for k := range pg.labels {
				if pg.labels[k].spec.key == "stamp" {
					f.StampDate = Field{Found: true, Label: pg.labels[k].text, Page: pg.number, Near: pg.near(k)}
					return
				}
			}
		}
		return
	}
	for i := range cands {
		c := &cands[i]
		c.cost = 3
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

// datesIn returns the dates printed on a line of words, each with the
// box of the words it was read from.
func datesIn(page int, ws []word) []dateCand {
	var text strings.Builder
	starts := make([]int, len(ws))
	digits := 0
	for i, w := range ws {
		if i > 0 {
			text.WriteByte(' ')
		}
		starts[i] = text.Len()
		text.WriteString(w.Text)
		for j := 0; j < len(w.Text); j++ {
			if w.Text[j] >= '0' && w.Text[j] <= '9' {
				digits++
			}
		}
	}
	if digits < 6 {
		return nil
	}
	raw := vocab.Lower(vocab.Dashes.Replace(text.String()))
	var out []dateCand
	for _, d := range vocab.FindDates(vocab.CompactDigits(raw)) {
		out = append(out, dateCand{date: d.ISO(), page: page, r: spanRect(ws, starts, raw, d), timed: d.Timed})
	}
	return out
}

// spanRect approximates the box of a date found in the line's text; when
// compaction moved offsets, the whole line's box is used.
func spanRect(ws []word, _ []int, _ string, _ vocab.Date) Rect {
	r := Rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, w := range ws {
		if strings.ContainsFunc(w.Text, isDigit) {
			r = union(r, w.rect())
		}
	}
	return r
}
