package form

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dianres/dianres/internal/vocab"
)

// crossCheck runs the checks that tie fields together and can move a field
// to another candidate or leave it empty: one form number in the document,
// and the DV against the NIT.
func crossCheck(idx []*page, f *Fields) {
	checkFormNumber(idx, f)
	checkOtherNITs(idx, f)
	checkDV(f)
	checkRowCount(idx, f)
}

// checkRowCount counts the lines that look like rows of the table of
// ranges wherever they are printed (a request type and a number on one
// line, outside any label) and compares them with the rows read. More
// such lines than rows means rows were lost (a table that continues on a
// page the reader did not follow, a row it could not align): the result
// would silently list fewer ranges than the form authorizes.
func checkRowCount(idx []*page, f *Fields) {
	seen := 0
	// The last row read, in reading order: a row-like line before it that
	// no row was read from may shift which range is which.
	lastPage, lastLine := -1, -1
	for _, r := range f.Rows {
		if r.Page > lastPage || r.Page == lastPage && r.line > lastLine {
			lastPage, lastLine = r.Page, r.line
		}
	}
	unreadBefore := false
	for _, pg := range idx {
		for li := range pg.lines {
			request, numbers := false, 0
			for _, w := range pg.lineWords(li) {
				if w.label >= 0 {
					continue
				}
				request = request || vocab.RequestOf(w.fold) != "" && !w.digits
				// "(32)" is a box number under a header's wording, never a
				// row's value; a date or a time ("Fecha de autorización:
				// 2024-07-05 05:43:49") is no bound.
				if w.digits && !(strings.HasPrefix(w.Text, "(") && isBoxNumber(w.Text)) && isBound(w.Text) {
					numbers++
				}
			}
			// A row holds at least its two bounds, and is no sentence of
			// the legal text; a row marked void is no range.
			if request && numbers >= 2 && !pg.isTitle(li) && !pg.isProse(li) && !pg.annulled(li) && !f.leftOutLine(pg, li) {
				seen++
				if (pg.number < lastPage || pg.number == lastPage && li < lastLine) &&
					!slices.ContainsFunc(f.Rows, func(r Row) bool { return r.Page == pg.number && r.line == li }) {
					unreadBefore = true
				}
			}
		}
	}
	// Lines under a table's header that the table's reading stopped short
	// of, and that no reading took since.
	lost := 0
	for _, l := range f.lost {
		if slices.ContainsFunc(f.Rows, func(r Row) bool { return r.Page == l.page && r.line == l.line }) ||
			f.leftOutLine(pageNumbered(idx, l.page), l.line) {
			continue
		}
		lost++
		if l.page < lastPage || l.page == lastPage && l.line < lastLine {
			f.MissedAmongRows = true
		}
	}
	f.MissedRows = max(f.MissedRows, lost) // or sections the tables found empty
	if seen > len(f.Rows) {
		f.MissedRows = max(f.MissedRows, seen-len(f.Rows))
		f.MissedAmongRows = f.MissedAmongRows || unreadBefore
		f.note("ranges", 0, 0, fmt.Sprintf("%d lines look like rows of the table of ranges but %d rows were read", seen, len(f.Rows)))
	}
}

// checkFormNumber compares box 4 with every form-number-shaped word in the
// document. A number found by its label stands. Without one, a number
// printed alone is taken only when the document holds exactly one.
func checkFormNumber(idx []*page, f *Fields) {
	type spot struct {
		page int
		r    Rect
	}
	seen := map[string]spot{}
	var order []string
	for _, pg := range idx {
		for i := range pg.words {
			if n, ok := vocab.FormNumber(pg.words[i].Text); ok {
				if _, dup := seen[n]; !dup {
					order = append(order, n)
					seen[n] = spot{pg.number, pg.words[i].rect()}
				}
			}
		}
	}
	if f.Number.Text != "" {
		for _, n := range order {
			if n != f.ownNumber() {
				f.note("number", f.Number.Page, 4, "another form number is printed too: "+n)
				if f.Number.RunnerUp == "" {
					f.Number.RunnerUp = n
				}
			}
		}
		return
	}
	if f.Number.Conflict != "" {
		return
	}
	switch len(order) {
	case 1:
		s := seen[order[0]]
		f.Number = Field{Text: order[0], Page: s.page, Box: 4, Found: true, Rect: s.r, How: "pattern", Label: f.Number.Label, Near: f.Number.Near}
		f.note("number", s.page, 4, "read by its shape, the only 1876 number printed, not beside its label: check it against the PDF")
	case 0:
	default:
		f.note("number", 0, 4, "several form numbers are printed and none by its label: "+strings.Join(order, ", "))
		f.Number.Near = strings.Join(order, ", ")
	}
}

// checkOtherNITs leaves box 5 unread when the document prints another
// taxpayer's NIT after a "NIT" ("… NIT 901.987.186-5" in an accountant's
// letterhead, "identificado con NIT 902.915.566-6" in its letter) and no
// DV read from its own box confirms the one read: which is the
// taxpayer's cannot be told. DIAN's NIT is no other taxpayer's.
func checkOtherNITs(idx []*page, f *Fields) {
	mine, _, ok := vocab.TaxpayerNIT(f.NIT.Text)
	if !ok || mine == "" {
		return
	}
	if f.DV.Text != "" && f.DV.How != "text" && f.DV.Label != "NIT" && vocab.CheckDigit(mine) == f.DV.Text {
		return // box 6, read from its own label, singles box 5 out
	}
	for _, pg := range idx {
		for li := range pg.lines {
			ws := pg.lineWords(li)
			for i := range ws {
				if strings.Trim(ws[i].fold, ".:") != "nit" {
					continue
				}
				for _, w := range ws[i+1 : min(i+4, len(ws))] {
					if other, _, ok := vocab.TaxpayerNIT(strings.TrimRight(w.Text, ".,;:)")); ok && other != "" && other != mine {
						f.NIT = Field{Page: f.NIT.Page, Box: 5, Label: f.NIT.Label, Found: true, Rect: f.NIT.Rect, How: f.NIT.How,
							Near:     f.NIT.Text + ", " + w.Text,
							Conflict: "another taxpayer's NIT is printed too (" + w.Text + "), and no DV box tells which is this one's"}
						return
					}
				}
			}
		}
	}
}

// checkDV checks box 6 against box 5 (DIAN's modulo 11). A DV printed after
// the NIT ("900123456-8") fills an empty box 6. A DV that does not match
// is left in place: package resolution reports it as a warning.
func checkDV(f *Fields) {
	nit, dv, ok := vocab.NIT(f.NIT.Text)
	if !ok {
		return
	}
	if dv != "" && f.DV.Text == "" && f.DV.Conflict == "" {
		f.DV = Field{Text: dv, Page: f.NIT.Page, Box: 6, Found: true, Rect: f.NIT.Rect, How: "beside", Label: "NIT"}
	}
	if f.DV.Text != "" && vocab.CheckDigit(nit) != f.DV.Text && f.DV.RunnerUp == vocab.CheckDigit(nit) {
		f.note("dv", f.DV.Page, 6, "the DV read ("+f.DV.Text+") does not match the NIT; the runner-up "+f.DV.RunnerUp+" does and was taken")
		f.DV.Text, f.DV.RunnerUp = f.DV.RunnerUp, f.DV.Text
	}
}

// isBound reports whether t reads as a range bound.
func isBound(t string) bool {
	_, ok := vocab.Consecutive(t)
	return ok
}
