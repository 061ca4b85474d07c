package form

import (
	"math"

	"github.com/dianres/dianres/internal/pdftext"
)

// Pages set as two columns side by side: a 2-up print of the form's two
// pages on one sheet, or a landscape copy with the taxpayer's boxes left
// and the table right. Read as one page, each line runs on from one
// column into the other, and every label's neighbours are the other
// column's. Such a page is also read as two, left column first, and the
// reading that finds more (and doubts less) wins: a page whose labels
// and values merely stand far apart reads worse split, and stays whole.

// splitColumns returns pages with every page that has a gutter split in
// two, numbered 1, 2, … in reading order, and for each the number of the
// page it came from; nil when no page has a gutter.
func splitColumns(pages []*pdftext.Page) (split []*pdftext.Page, from []int) {
	found := false
	for _, p := range pages {
		if x, ok := gutter(p); ok && twoForms(p, x) {
			found = true
			left, right := halves(p, x)
			split, from = append(split, left, right), append(from, p.Number, p.Number)
			continue
		}
		c := *p
		split, from = append(split, &c), append(from, p.Number)
	}
	if !found {
		return nil, nil
	}
	for i, p := range split {
		p.Number = i + 1
	}
	return split, from
}

// gutter finds a page's gutter: an empty band, at least 12 points wide,
// in the page's middle 40 %, that hardly any line crosses, with text on
// both sides of it on a quarter of the lines or more.
func gutter(p *pdftext.Page) (float64, bool) {
	lo, hi := int(0.3*p.Width), int(0.7*p.Width)
	if hi-lo < 12 || len(p.Lines) < 8 {
		return 0, false
	}
	// How many words cover each point of the band: +1 where a word
	// starts, -1 where it ends, summed left to right.
	cover := make([]int, hi-lo+1)
	for _, l := range p.Lines {
		for _, w := range l.Words {
			if a, b := max(int(w.X0), lo), min(int(math.Ceil(w.X1)), hi); a < b {
				cover[a-lo]++
				cover[b-lo]--
			}
		}
	}
	for x := 1; x < len(cover); x++ {
		cover[x] += cover[x-1]
	}
	cover = cover[:hi-lo]
	allow := max(1, len(p.Lines)/12) // a title or a footer may cross it
	best, bestW := 0, 0
	for x := 0; x < len(cover); {
		if cover[x] > allow {
			x++
			continue
		}
		y := x
		for y < len(cover) && cover[y] <= allow {
			y++
		}
		if y-x > bestW {
			best, bestW = x, y-x
		}
		x = y
	}
	if bestW < 12 {
		return 0, false
	}
	g := float64(lo + best + bestW/2)
	both := 0
	for _, l := range p.Lines {
		left, right := false, false
		for _, w := range l.Words {
			left = left || w.X1 <= g
			right = right || w.X0 >= g
		}
		if left && right {
			both++
		}
	}
	return g, both >= max(3, len(p.Lines)/4)
}

// twoForms reports whether the two sides of page p at x each hold a
// part of the form: three labels or more on each side, and no header of
// the table of ranges with columns on both (the band would be a wide
// table's empty column, no gutter between two pages) unless each side
// holds a whole header, both bounds' columns: two copies of the table
// side by side. A page of rows continued from the last, without labels,
// is never split.
func twoForms(p *pdftext.Page, x float64) bool {
	pg := newPage(p)
	defer pg.release()
	for _, b := range pg.headerBands() {
		left, right := map[string]bool{}, map[string]bool{}
		for _, k := range b.labels {
			switch r := pg.labels[k].r; {
			case r.X1 <= x:
				left[pg.labels[k].spec.key] = true
			case r.X0 >= x:
				right[pg.labels[k].spec.key] = true
			}
		}
		whole := func(side map[string]bool) bool { return side["from"] && side["to"] }
		if len(left) > 0 && len(right) > 0 && !(whole(left) && whole(right)) {
			return false
		}
	}
	left, right := 0, 0
	for k := range pg.labels {
		if r := pg.labels[k].r; r.X1 <= x {
			left++
		} else if r.X0 >= x {
			right++
		}
	}
	return left >= 3 && right >= 3
}

// halves splits page p at x: each word, rule and rotated word goes to the
// side its middle stands on; a rule across x is cut in two.
func halves(p *pdftext.Page, x float64) (*pdftext.Page, *pdftext.Page) {
	left := &pdftext.Page{Number: p.Number, Width: p.Width, Height: p.Height, Undecoded: p.Undecoded}
	right := &pdftext.Page{Number: p.Number, Width: p.Width, Height: p.Height}
	for _, l := range p.Lines {
		var a, b []pdftext.Word
		for _, w := range l.Words {
			if (w.X0+w.X1)/2 < x {
				a = append(a, w)
			} else {
				b = append(b, w)
			}
		}
		for _, side := range []struct {
			pg *pdftext.Page
			ws []pdftext.Word
		}{{left, a}, {right, b}} {
			if len(side.ws) == 0 {
				continue
			}
			nl := pdftext.Line{Words: side.ws, X0: side.ws[0].X0, X1: side.ws[len(side.ws)-1].X1, Y0: l.Y0, Y1: l.Y1}
			side.pg.Lines = append(side.pg.Lines, nl)
		}
	}
	for _, r := range p.Rules {
		switch {
		case r.X1 <= x:
			left.Rules = append(left.Rules, r)
		case r.X0 >= x:
			right.Rules = append(right.Rules, r)
		default:
			a, b := r, r
			a.X1, b.X0 = x, x
			left.Rules, right.Rules = append(left.Rules, a), append(right.Rules, b)
		}
	}
	for _, w := range p.Rotated {
		if (w.X0+w.X1)/2 < x {
			left.Rotated = append(left.Rotated, w)
		} else {
			right.Rotated = append(right.Rotated, w)
		}
	}
	return left, right
}

// whole reports whether a reading found the form's fields and rows with
// nothing doubted or lost: no second reading can do better.
func (f *Fields) whole() bool {
	name := f.BusinessName.Text != "" || f.Surname1.Text != "" && f.GivenName.Text != ""
	if f.Number.Text == "" || f.NIT.Text == "" || f.DV.Text == "" || !name || len(f.Rows) == 0 || f.MissedRows > 0 {
		return false
	}
	for _, r := range f.Rows {
		if r.From.Text == "" || r.To.Text == "" || r.Kind.Text == "" || r.Months.Text == "" {
			return false
		}
	}
	return true
}

// score weighs what a reading found: each field read, each range with
// both bounds, less what it doubted or lost.
func (f *Fields) score() int {
	s := 0
	for _, fl := range []*Field{&f.Number, &f.NIT, &f.DV, &f.BusinessName, &f.Surname1, &f.GivenName, &f.StampDate} {
		if fl.Text != "" {
			s++
		}
		if fl.Conflict != "" {
			s--
		}
	}
	for _, r := range f.Rows {
		if r.From.Text != "" && r.To.Text != "" {
			s++
		}
	}
	return s - f.MissedRows
}

// mapPages gives every page number in f the number of the page it came
// from (from[n-1] for page n).
func (f *Fields) mapPages(from []int) {
	to := func(n int) int {
		if n >= 1 && n <= len(from) {
			return from[n-1]
		}
		return n
	}
	for _, fl := range []*Field{&f.Number, &f.NIT, &f.DV, &f.Surname1, &f.Surname2, &f.GivenName, &f.OtherNames,
		&f.BusinessName, &f.Year, &f.StampDate} {
		fl.Page = to(fl.Page)
	}
	for i := range f.Rows {
		r := &f.Rows[i]
		r.Page = to(r.Page)
		for _, fl := range []*Field{&r.Kind, &r.KindCode, &r.Prefix, &r.From, &r.To, &r.Months, &r.Request, &r.RequestCode, &r.ValidFrom, &r.ValidTo} {
			fl.Page = to(fl.Page)
		}
	}
	for i := range f.Notes {
		f.Notes[i].Page = to(f.Notes[i].Page)
	}
}
