package form

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dianres/dianres/internal/vocab"
)

// A provider's file often prints, beside the authorization, a table of
// the taxpayer's earlier ones ("Historial de resoluciones", "Resoluciones
// anteriores"): the same columns (prefix, from, to, dates), each row under
// its own form number. Those rows are ranges of other authorizations, and
// listing them as this one's would be plausible and wrong. A row of a
// table of ranges never needs a form number of its own: when rows print
// one, it names the authorization the row belongs to.

// citedNumber returns the form number printed on line li, if any
// ("18764772062934", also with a footnote mark or punctuation glued).
func (pg *page) citedNumber(li int) string {
	for _, w := range pg.lineWords(li) {
		if !w.digits {
			continue
		}
		if n, ok := vocab.FormNumber(strings.Trim(w.Text, ".,;:()*[]")); ok {
			return n
		}
	}
	return ""
}

// cite sets each row's cites to the form number its line prints, or,
// for a row that prints none below one that does, the number above it:
// an authorization's further ranges are printed under its number once.
func (pg *page) cite(rows []Row) []Row {
	cur := ""
	for i := range rows {
		if n := pg.citedNumber(rows[i].line); n != "" {
			cur = n
		}
		rows[i].cites = cur
	}
	return rows
}

// dropOtherAuthorizations leaves out the rows that belong to another
// authorization, with a note each, once the form's own number is known:
// rows under another form number; rows under the form's own number when
// other rows (the table of ranges proper) list no number, as those repeat
// the form's ranges in a summary of authorizations; and, with the form's
// own number unread, every row under a number when rows cite two or more.
// Their lines are remembered so that no later reading takes them again.
func dropOtherAuthorizations(idx []*page, f *Fields) {
	own := f.ownNumber()
	cited, uncited := map[string]bool{}, false
	for _, r := range f.Rows {
		if r.cites != "" {
			cited[r.cites] = true
		} else {
			uncited = true
		}
	}
	if len(cited) == 0 {
		return
	}
	kept := f.Rows[:0]
	for _, r := range f.Rows {
		other := r.cites != "" && (own != "" && r.cites != own || uncited || own == "" && len(cited) > 1)
		if !other {
			kept = append(kept, r)
			continue
		}
		f.leftOut = append(f.leftOut, lineAt{r.Page, r.line})
		why := "a row of another authorization (form " + r.cites + ") was left out"
		if r.cites == own {
			why = "a row that lists this authorization among others was left out; the table of ranges gives its ranges"
		}
		f.note("ranges", r.Page, 0, why+": \""+pageNumbered(idx, r.Page).lineText(r.line)+"\"")
	}
	clear(f.Rows[len(kept):])
	f.Rows = kept
}

// leftOutLine reports whether line li of pg is no row of this form's
// table: a row left out as another authorization's or as a copy's, or a
// line that prints a form number other than the form's own.
func (f *Fields) leftOutLine(pg *page, li int) bool {
	for _, o := range f.leftOut {
		if o.page == pg.number && o.line == li {
			return true
		}
	}
	n := pg.citedNumber(li)
	return n != "" && n != f.ownNumber()
}

// pageNumbered returns the page numbered n.
func pageNumbered(idx []*page, n int) *page {
	for _, pg := range idx {
		if pg.number == n {
			return pg
		}
	}
	return idx[0]
}

// dropCopies leaves out the rows of a second (third…) copy of the table
// of ranges: a form printed twice in one file, one copy after the other
// or a reprint in other type. The rows read then run through the same
// ranges two or more times, in order; one run is the form's. A range
// printed twice otherwise is no copy, and no form authorizes one range
// twice: both rows are doubted.
func dropCopies(f *Fields) {
	n := len(f.Rows)
	keys := make([]string, n)
	for i, r := range f.Rows {
		keys[i] = rowKey(r)
	}
	for period := 1; period <= n/2; period++ {
		if n%period != 0 {
			continue
		}
		copies := true
		for i := period; i < n && copies; i++ {
			copies = keys[i] != "" && keys[i] == keys[i-period]
		}
		if !copies {
			continue
		}
		for _, r := range f.Rows[period:] {
			f.leftOut = append(f.leftOut, lineAt{r.Page, r.line})
		}
		f.note("ranges", f.Rows[period].Page, 0, fmt.Sprintf("the table of ranges is printed %d times (copies of the form): its %d ranges are read once", n/period, period))
		clear(f.Rows[period:])
		f.Rows = f.Rows[:period]
		return
	}
	for i := range f.Rows {
		for j := i + 1; j < n; j++ {
			if keys[i] != "" && keys[i] == keys[j] {
				for _, r := range []*Row{&f.Rows[i], &f.Rows[j]} {
					msg := "the same range is printed on two rows that are no copies of one table"
					r.From = Field{Page: r.Page, Box: 32, Label: r.From.Label, Found: true, Near: r.From.Text, Conflict: msg, How: r.From.How}
					r.To = Field{Page: r.Page, Box: 33, Label: r.To.Label, Found: true, Near: r.To.Text, Conflict: msg, How: r.To.How}
				}
			}
		}
	}
}

// rowKey is what tells one range from another: modality, prefix, bounds,
// months and request, each as it reads ("1.000" and "1000" alike). ""
// when a bound is unread: such a row is compared with none.
func rowKey(r Row) string {
	from, ok1 := vocab.Consecutive(r.From.Text)
	to, ok2 := vocab.Consecutive(r.To.Text)
	if !ok1 || !ok2 {
		return ""
	}
	return strings.Join([]string{vocab.KindOf(r.Kind.Text), strings.ToUpper(r.Prefix.Text), strconv.FormatInt(from, 10),
		strconv.FormatInt(to, 10), r.Months.Text, vocab.RequestOf(vocab.Fold(r.Request.Text))}, "|")
}
