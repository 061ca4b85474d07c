package form

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dianres/dianres/internal/legend"
	"github.com/dianres/dianres/internal/vocab"
)

// maxItemLines bounds the lines of one numbered item of running text.
const maxItemLines = 8

// readProse reads ranges written as the numbered items of a resolution's
// article ("1. Autorización de numeración para factura electrónica de
// venta …, prefijo FE, del número 1 al número 5000, con vigencia de 24
// meses"), when the pages hold no table of ranges. internal/legend, which
// reads the same wording on invoices, reads each item on its own, so no
// fact of the surrounding legal text (other resolutions, other dates)
// lands in a range; an item it cannot read whole is a range reported
// missing, never one filled from elsewhere. Only a document titled or
// modelled as a 1876 is read so: an invoice says the same of its own
// numbering.
func readProse(idx []*page, f *Fields) {
	if f.TableHeader || !f.Title && !f.Model1876 {
		return
	}
	var rows []Row
	for _, pg := range idx {
		for _, item := range pg.numberedItems() {
			text := pg.itemText(item)
			if fold := vocab.Fold(text); vocab.RequestOf(fold) == "" && !strings.Contains(fold, "prefijo") ||
				strings.Count(fold, " al ") == 0 && !strings.Contains(fold, "hasta") {
				continue // an item of the legal text, not a range: no bounds
			}
			rows = append(rows, proseRow(pg.number, item[0], text))
		}
	}
	if len(rows) == 0 || !slices.ContainsFunc(rows, func(r Row) bool { return r.From.Text != "" }) {
		return
	}
	// The ranges are these items: a row read from labelled words inside
	// their sentences is not one.
	f.Rows = rows
	f.note("ranges", 0, 0, fmt.Sprintf("%d ranges read from numbered paragraphs, not from a table", len(rows)))
}

// proseRow reads one numbered item as one range.
func proseRow(page, line int, text string) Row {
	r := Row{Page: page, line: line}
	l, err := legend.Read(text)
	if err != nil || len(l.Ranges) != 1 || l.Bad != nil || len(l.Warnings) > 0 {
		msg := "a paragraph that reads as a range but not as exactly one: \"" + text + "\""
		r.From = Field{Page: page, Box: 32, Found: true, Conflict: msg, How: "prose"}
		r.To = Field{Page: page, Box: 33, Found: true, Conflict: msg, How: "prose"}
		return r
	}
	g := l.Ranges[0]
	field := func(name, value string, box int) Field {
		if value == "" && name != "prefix" || slices.Contains(l.Missing, "ranges[0]."+name) {
			return Field{Page: page, Box: box, Found: true, How: "prose", Near: text}
		}
		return Field{Text: value, Page: page, Box: box, Found: true, How: "prose"}
	}
	r.Kind = field("kind", g.Kind, 30)
	r.Prefix = field("prefix", g.Prefix, 31)
	r.From = field("from", itoa64(g.From), 32)
	r.To = field("to", itoa64(g.To), 33)
	r.Months = field("months", itoa64(int64(g.Months)), 38)
	r.Request = field("request", g.Request, 0)
	if !g.ValidFrom.IsZero() {
		r.ValidFrom = field("valid_from", g.ValidFrom.String(), 0)
	}
	return r
}

// itoa64 writes a bound or a count the legend reader found; 0, its "not
// written", is no text.
func itoa64(n int64) string {
	if n <= 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

// numberedItems returns the numbered items of a page's running text: a
// line that starts with "1." or "2)" and the lines under it up to the
// next item, a wide gap, or maxItemLines.
func (pg *page) numberedItems() [][]int {
	var out [][]int
	var cur []int
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
		}
		cur = nil
	}
	for li := range pg.lines {
		ln := pg.lines[li]
		first := pg.words[ln.first].Text
		if n, ok := itemNumber(first); ok && n <= 20 {
			flush()
			cur = []int{li}
			continue
		}
		if cur == nil {
			continue
		}
		prev := pg.lines[cur[len(cur)-1]]
		if len(cur) >= maxItemLines || ln.y0-prev.y1 > 0.8*ln.size || pg.words[ln.first].X0 < pg.words[pg.lines[cur[0]].first].X0-ln.size {
			flush()
			continue
		}
		cur = append(cur, li)
	}
	flush()
	return out
}

// itemNumber reads "1." or "1)" as an item's number.
func itemNumber(t string) (int, bool) {
	if len(t) < 2 || t[len(t)-1] != '.' && t[len(t)-1] != ')' {
		return 0, false
	}
	return vocab.SmallInt(t[:len(t)-1], 2)
}

// itemText joins the words of an item's lines, its number left out.
func (pg *page) itemText(item []int) string {
	var ws []int
	for _, li := range item {
		ws = append(ws, wordRange(pg.lines[li])...)
	}
	return pg.text(ws[1:])
}
