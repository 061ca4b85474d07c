package form

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/dianres/dianres/internal/vocab"
)

// The second reading: the page text in reading order, one string per line
// with cells apart by two spaces (what `pdftotext -layout` prints), read
// with patterns that know labels and value shapes but no geometry. It
// finds what a text dump plus patterns finds, so the parser never misses a
// field such a script reads; where both readings find a field and
// disagree, the field carries a note.

// TextFields is what the text reading finds; "" when it finds nothing or
// more than one candidate.
type TextFields struct {
	Number, NIT, DV, Name string
	Rows                  []TextRow
}

// TextRow is one line read as a row of the table of ranges, in the order
// DIAN prints the columns: modality, code, prefix, from, to, boxes 34–37,
// months, request, code.
type TextRow struct {
	Line                    int // index of the line in the lines given
	Kind, Prefix            string
	From, To                string
	Months, Request         string
	PrefixKnown, MonthsRead bool
}

// The form number, NIT and DV patterns are matched by hand (textscan.go).
var (
	textName = regexp.MustCompile(`razon social[^:a-z0-9]{0,3}(?:del solicitante)?\s*:?[\s._…]*(\S.*?)(?:\s{2,}|$)`)
	filler   = map[string]bool{"n/a": true, "na": true, "0": true, "-": true, "—": true, "–": true, "no": true, "aplica": true}
)

// ReadTextLines reads fields from lines of text in reading order. Cells on
// one line are expected two or more spaces apart.
func ReadTextLines(lines []string) TextFields {
	var t TextFields
	numbers := map[string]bool{}
	for i, raw := range lines {
		line := vocab.Lower(vocab.ASCIIDashes(raw))
		// Cheap tests first: most lines hold none of the labels.
		has := func(ss ...string) bool {
			for _, s := range ss {
				if strings.Contains(line, s) {
					return true
				}
			}
			return false
		}
		if has("formulario") {
			if n, ok := matchFormNumber(strings.ReplaceAll(line, " ", "")); ok {
				numbers[n] = true
			}
		}
		if t.NIT == "" {
			if n, dv, ok := textNITIn(line); ok {
				t.NIT = n
				if dv != "" {
					t.DV = dv
				}
			}
		}
		if t.DV == "" {
			// A digit followed by a dot is the next box's number ("6. DV 7. Primer").
			if dv, ok := matchDV(line); ok {
				t.DV = dv
			}
		}
		if t.Name == "" && has("razon social") {
			if m := textName.FindStringSubmatchIndex(line); m != nil {
				// The index is into the lowered line, whose spaces stand where
				// the original's do: take the original's words by count.
				name := wordsFrom(raw, strings.Count(line[:m[2]], " "), strings.Count(line[m[2]:m[3]], " ")+1)
				if vocab.KindOf(name) == "" && !labelWords(vocab.Fold(name)) && !vocab.Furniture(vocab.Fold(name)) &&
					caseCost(name) == 0 && hasLetters(name, 2) {
					t.Name = name
				}
			}
		}
		if has("autoriz", "habilit") {
			if r, ok := textRow(raw); ok {
				r.Line = i
				t.Rows = append(t.Rows, r)
			}
		}
	}
	if len(numbers) == 1 {
		for n := range numbers {
			t.Number = n
		}
	}
	return t
}

// textNITIn reads a NIT, with its DV when printed beside it, after "NIT"
// or "Identificación Tributaria" on a lowered line.
func textNITIn(line string) (nit, dv string, ok bool) {
	n, d, ok := matchNIT(line)
	if !ok {
		return "", "", false
	}
	return vocab.TaxpayerNIT(n + optDash(d))
}

func optDash(dv string) string {
	if dv == "" {
		return ""
	}
	return "-" + dv
}

// wordsFrom returns n space-separated words of s starting at word skip,
// counting runs of spaces as one separator each space.
func wordsFrom(s string, skip, n int) string {
	parts := strings.Split(s, " ")
	if skip >= len(parts) {
		return ""
	}
	end := min(len(parts), skip+n)
	return strings.Join(strings.Fields(strings.Join(parts[skip:end], " ")), " ")
}

// textRow reads a line as a row of the table: a request type, at least two
// numbers, and the columns in DIAN's order. The two bounds are the last
// two numbers before the validity in months (boxes 34–37 between them hold
// fillers such as "N/A" or "0"). ok is false when the line is not such a
// row or reads two ways.
func textRow(line string) (TextRow, bool) {
	var r TextRow
	// Cells are two spaces apart; inside a cell, words one space apart.
	toks := make([]string, 0, 16)
	for cell := range strings.SplitSeq(line, "  ") {
		toks = appendGroups(toks, cell)
	}
	req := -1
	for i, t := range toks {
		if vocab.RequestOf(t) != "" && !strings.ContainsFunc(t, isDigit) {
			req = i
			break
		}
	}
	if req < 2 {
		return r, false
	}
	r.Request = toks[req]
	k := 0
	for k < req && !strings.ContainsFunc(toks[k], isDigit) && !prefixLike(toks[k]) {
		k++
	}
	// The modality's last word may look like a prefix ("POS"): a kind
	// ends where the name stops being one.
	for k < req && vocab.KindOf(strings.Join(toks[:k+1], " ")) != "" && !strings.ContainsFunc(toks[k], isDigit) &&
		vocab.KindWord(vocab.Fold(toks[k])) {
		k++
	}
	r.Kind = strings.Join(toks[:k], " ")
	if vocab.KindOf(r.Kind) == "" {
		return r, false
	}
	// "MÁQUINA REGISTRADORA POS": is POS the modality's last word or the
	// prefix? Both readings name the same modality, so the prefix is unknown.
	ambiguous := k > 1 && prefixLike(toks[k-1]) && vocab.KindOf(strings.Join(toks[:k-1], " ")) != ""
	mid := toks[k:req]
	// Drop fillers, then the validity (the last short number).
	var vals []string
	for _, t := range mid {
		if !filler[strings.ToLower(t)] && !punctOnly(t) {
			vals = append(vals, t)
		}
	}
	if n := len(vals); n > 0 {
		if m, ok := vocab.SmallInt(vals[n-1], 3); ok && m > 0 && m <= 120 {
			r.Months, r.MonthsRead = vals[n-1], true
			vals = vals[:n-1]
		}
	}
	n := len(vals)
	if n < 2 {
		return r, false
	}
	from, okF := vocab.Consecutive(vals[n-2])
	to, okT := vocab.Consecutive(vals[n-1])
	if !okF || !okT || from > to {
		return r, false
	}
	r.From, r.To = vals[n-2], vals[n-1]
	// Before the bounds: the modality's code, then the prefix.
	rest := vals[:n-2]
	// In text order a prefix of digits alone cannot be told from a code or
	// a number of some other column: only a prefix with a letter is read.
	lettered := func(t string) bool { return prefixLike(t) && strings.ContainsFunc(t, unicode.IsLetter) }
	code := func(t string) bool { return vocab.AllDigits(t) && len(t) <= 2 }
	switch {
	case len(rest) == 0:
		r.PrefixKnown = !ambiguous // no code printed, no prefix: empty
	case len(rest) == 1 && lettered(rest[0]):
		r.Prefix, r.PrefixKnown = rest[0], true
	case len(rest) == 1 && code(rest[0]):
		// A modality code, or a prefix of digits: the prefix is unknown.
	case len(rest) == 2 && code(rest[0]) && lettered(rest[1]):
		r.Prefix, r.PrefixKnown = rest[1], true
	default:
		return r, false // more numbers than DIAN's columns explain
	}
	return r, true
}

// appendGroups appends the words of cell to toks, a number printed with
// spaces between its groups of three ("1 000 000") as one token.
func appendGroups(toks []string, cell string) []string {
	start := len(toks)
	for w := range strings.FieldsSeq(cell) {
		if n := len(toks); n > start && len(w) == 3 && vocab.AllDigits(w) {
			if _, ok := vocab.Grouped(toks[n-1] + " " + w); ok {
				toks[n-1] += " " + w
				continue
			}
		}
		toks = append(toks, w)
	}
	return toks
}

// textLines renders a page as a text dump would: one string per line, its
// words one space apart within a cell and two spaces apart between cells.
func (pg *page) textLines() []string {
	// One string for the page, each line a piece of it.
	size := 0
	for i := range pg.words {
		size += len(pg.words[i].Text) + 2
	}
	var b strings.Builder
	b.Grow(size)
	ends := make([]int, len(pg.lines))
	for li := range pg.lines {
		ws := pg.lineWords(li)
		for i := range ws {
			if i > 0 {
				if ws[i].X0-ws[i-1].X1 > pg.wordGap(li) || pg.ruled(&ws[i-1], &ws[i]) {
					b.WriteString("  ")
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(ws[i].Text)
		}
		ends[li] = b.Len()
	}
	all := b.String()
	out := make([]string, len(pg.lines))
	start := 0
	for li, end := range ends {
		out[li], start = all[start:end], end
	}
	return out
}

// reconcile puts the two readings together. Where the geometric reading
// found a field and the text reading agrees, nothing changes. Where they
// disagree, the geometric value stays (it was read inside its cell) and the
// field gets a note. Where only the text reading found a value, it is
// taken, with a note, so that nothing a text dump reads is missed.
func reconcile(idx []*page, f *Fields) {
	var header TextFields
	for _, pg := range idx {
		tf := ReadTextLines(pg.textLines())
		for _, v := range []struct{ dst, src *string }{{&header.Number, &tf.Number}, {&header.NIT, &tf.NIT}, {&header.DV, &tf.DV}, {&header.Name, &tf.Name}} {
			if *v.dst == "" {
				*v.dst = *v.src
			}
		}
		byLine := map[int]TextRow{}
		for _, r := range tf.Rows {
			byLine[r.Line] = r
		}
		taken := map[int]bool{}
		for i := range f.Rows {
			r := &f.Rows[i]
			if r.Page != pg.number {
				continue
			}
			if t, ok := byLine[r.line]; ok {
				taken[r.line] = true
				reconcileRow(f, i, t)
			}
		}
		// Rows the geometric reading did not see at all, below a table it did.
		if !f.TableHeader {
			continue
		}
		for _, t := range tf.Rows {
			if taken[t.Line] || pg.hasLabelStart(t.Line) || pg.annulled(t.Line) || f.leftOutLine(pg, t.Line) {
				continue
			}
			r := Row{Page: pg.number, line: t.Line}
			reconcileRow(f, -1, t)
			fillRow(&r, t, pg.number)
			f.Rows = append(f.Rows, r)
			f.note("ranges", pg.number, 0, "a row was read from the text order only: \""+pg.textLines()[t.Line]+"\"")
		}
	}
	// Rows in printed order: those the text reading added go where they stand.
	slices.SortStableFunc(f.Rows, func(a, b Row) int {
		if a.Page != b.Page {
			return a.Page - b.Page
		}
		return a.line - b.line
	})
	same := func(a, b string) bool { return a == b }
	nitSame := func(a, b string) bool {
		x, _, _ := vocab.TaxpayerNIT(a)
		return x != "" && x == b
	}
	nameSame := func(a, b string) bool { return vocab.Fold(a) == vocab.Fold(b) }
	reconcileField(f, &f.Number, header.Number, "number", 4, same)
	reconcileField(f, &f.NIT, header.NIT, "nit", 5, nitSame)
	reconcileField(f, &f.DV, header.DV, "dv", 6, same)
	if f.Surname1.Text == "" && f.GivenName.Text == "" && !notAName(11, header.Name) {
		reconcileField(f, &f.BusinessName, header.Name, "name", 11, nameSame)
	}
}

// reconcileField compares one field's two readings.
func reconcileField(f *Fields, fl *Field, text, name string, box int, same func(a, b string) bool) {
	switch {
	case text == "":
	case fl.Text == "" && fl.Conflict != "" && fl.Near != "" && same(fl.Near, text):
		// The text order reads just what the layout doubted (a name that
		// may go on past its first line): no second opinion.
	case fl.Text != "" && same(fl.Text, text):
		fl.Agreed = true
	case fl.Text == "" && fl.Conflict != "":
		// The layout found the box and doubted what it holds: a value the
		// text order reads elsewhere does not settle that doubt.
		f.note(name, fl.Page, box, "the text order reads "+text+"; the layout's doubt stands")
	case fl.Text == "":
		page := fl.Page
		*fl = Field{Text: text, Page: page, Box: box, Label: fl.Label, Found: true, How: "text", Near: fl.Near}
		f.note(name, page, box, "read from the text order only: "+text)
	case !same(fl.Text, text):
		f.note(name, fl.Page, box, "the text order reads "+text+" where the layout reads "+fl.Text)
		if fl.RunnerUp == "" {
			fl.RunnerUp = text
		}
	}
}

// reconcileRow compares a table row's two readings, field by field.
func reconcileRow(f *Fields, i int, t TextRow) {
	if i < 0 {
		return
	}
	r := &f.Rows[i]
	name := func(s string) string { return "ranges[" + itoa(i) + "]." + s }
	num := func(a, b string) bool {
		x, okx := vocab.Consecutive(a)
		y, oky := vocab.Consecutive(b)
		return okx && oky && x == y
	}
	both := r.From.Text == "" && r.To.Text == ""
	if both {
		// The geometric reading placed neither bound (a row that did not fit
		// its columns): take both from the text order, never one.
		r.From = Field{Text: t.From, Page: r.Page, Box: 32, Label: labelFrom, Found: true, How: "text"}
		r.To = Field{Text: t.To, Page: r.Page, Box: 33, Label: labelTo, Found: true, How: "text"}
		f.note(name("from"), r.Page, 32, "both bounds read from the text order only: "+t.From+" to "+t.To)
	} else {
		reconcileField(f, &r.From, t.From, name("from"), 32, num)
		reconcileField(f, &r.To, t.To, name("to"), 33, num)
	}
	if t.MonthsRead {
		reconcileField(f, &r.Months, t.Months, name("months"), 38, func(a, b string) bool { return a == b })
	}
	reconcileField(f, &r.Kind, t.Kind, name("kind"), 30, func(a, b string) bool { return vocab.KindOf(a) == vocab.KindOf(b) })
	reconcileField(f, &r.Request, t.Request, name("request"), 0, func(a, b string) bool { return vocab.RequestOf(a) == vocab.RequestOf(b) })
	switch {
	case !t.PrefixKnown || r.Prefix.Conflict != "":
	case r.Prefix.Text == "" && t.Prefix != "":
		// The layout read the prefix cell empty (or had no cell) where the
		// text order reads one: an empty prefix is a value, so the layout's
		// empty cell is the doubtful reading.
		r.Prefix = Field{Text: t.Prefix, Page: r.Page, Box: 31, Label: labelPrefix, Found: true, How: "text"}
		f.note(name("prefix"), r.Page, 31, "read from the text order only: "+t.Prefix)
	case r.Prefix.Text == "" && !r.Prefix.Found:
		r.Prefix = Field{Page: r.Page, Box: 31, Label: labelPrefix, Found: true, How: "text"}
	case r.Prefix.Text != "" && !strings.EqualFold(r.Prefix.Text, t.Prefix):
		f.note(name("prefix"), r.Page, 31, "the text order reads "+t.Prefix+" where the layout reads "+r.Prefix.Text)
	case r.Prefix.Text != "":
		r.Prefix.Agreed = true
	}
}

// fillRow makes a Row of a text reading alone.
func fillRow(r *Row, t TextRow, page int) {
	mk := func(text string, box int, label string) Field {
		return Field{Text: text, Page: page, Box: box, Label: label, Found: true, How: "text"}
	}
	r.Kind, r.From, r.To, r.Request = mk(t.Kind, 30, labelKind), mk(t.From, 32, labelFrom), mk(t.To, 33, labelTo), mk(t.Request, 0, labelRequest)
	if t.MonthsRead {
		r.Months = mk(t.Months, 38, labelMonths)
	}
	if t.PrefixKnown {
		r.Prefix = mk(t.Prefix, 31, labelPrefix)
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
