package form

import (
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
	own := strings.ReplaceAll(f.Number.Text, " ", "")
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
		f.others = append(f.others, lineAt{r.Page, r.line})
		why := "a row of another authorization (form " + r.cites + ") was left out"
		if r.cites == own {
			why = "a row that lists this authorization among others was left out; the table of ranges gives its ranges"
		}
		f.note("ranges", r.Page, 0, why+": \""+pageNumbered(idx, r.Page).text(wordRange(pageNumbered(idx, r.Page).lines[r.line]))+"\"")
	}
	clear(f.Rows[len(kept):])
	f.Rows = kept
}

// otherAuthorization reports whether line li of pg belongs to another
// authorization: a row left out as such, or a line that prints a form
// number other than the form's own.
func (f *Fields) otherAuthorization(pg *page, li int) bool {
	for _, o := range f.others {
		if o.page == pg.number && o.line == li {
			return true
		}
	}
	n := pg.citedNumber(li)
	return n != "" && n != strings.ReplaceAll(f.Number.Text, " ", "")
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
