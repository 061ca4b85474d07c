package resolution

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dianres/dianres/internal/form"
	"github.com/dianres/dianres/internal/pdftext"
	"github.com/dianres/dianres/internal/vocab"
)

// parse runs the stages: bytes → positioned text (pdftext) → fields
// (form) → the checked model (build, check).
func parse(ctx context.Context, data []byte, opts *Options) (*Resolution, error) {
	doc, err := pdftext.OpenBytes(ctx, data, opts.Password, opts.limits())
	if err != nil {
		return nil, pdfError(err, 0)
	}
	defer doc.Close()
	var pages []*pdftext.Page
	hasText := false
	undecoded, glyphs := 0, 0
	for n := 1; n <= doc.NumPages(); n++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p, err := doc.Page(ctx, n)
		if err != nil {
			return nil, pdfError(err, n)
		}
		pages = append(pages, p)
		hasText = hasText || len(p.Lines) > 0 || len(p.Rotated) > 0
		undecoded += p.Undecoded
		glyphs += p.Undecoded + decoded(p)
	}
	// Pages past MaxPages would go unread, and their rows with them: a
	// list of ranges silently short. That is a limit, not a result.
	if _, err := doc.Page(ctx, doc.NumPages()+1); err != nil {
		var le *pdftext.LimitError
		if errors.As(err, &le) {
			return nil, pdfError(err, doc.NumPages()+1)
		}
	}
	if !hasText {
		if doc.Repaired() {
			// A damaged file whose rebuilt pages hold nothing is damage,
			// not a scan: pointing the user at OCR would mislead.
			return nil, &ParseError{Err: ErrMalformedPDF, Detail: "the file is damaged and no text could be recovered"}
		}
		return nil, &ParseError{Err: ErrNoText}
	}
	if undecoded*2 > glyphs {
		// Most glyphs have no Unicode mapping: what is left is not the form's text.
		return nil, &ParseError{Err: ErrNoText, Detail: fmt.Sprintf("%d of %d glyphs have no Unicode mapping", undecoded, glyphs)}
	}
	f := form.Read(pages)
	for _, p := range pages {
		p.Release() // f holds strings only: the pages' arrays go to the next document
	}
	if !is1876(&f) {
		return nil, &ParseError{Err: ErrNotForm1876, Detail: "no 1876 title or form model with its boxes, and no 1876 number with a table of ranges"}
	}
	res, err := build(&f)
	if res != nil && undecoded > 0 {
		res.warn(WarnUndecodable, 0, 0, fmt.Sprintf("%d glyphs had no Unicode mapping; check the values against the PDF", undecoded))
	}
	return res, err
}

// is1876 reports whether the document is a formato 1876 on real
// evidence: its title or its printed form model together with its boxes or
// its table, or a number starting with 1876 together with a table of
// ranges. Other DIAN forms (the RUT, formulario 001) share box labels such
// as "Número de formulario", so a label alone is no evidence
// (docs/form-1876.md §2).
func is1876(f *form.Fields) bool {
	_, number := vocab.FormNumber(f.Number.Text)
	if (f.Title || f.Model1876) && (f.Number.Found || f.TableHeader || number) {
		return true
	}
	return number && (f.TableHeader || len(f.Rows) > 0)
}

// decoded counts the characters of p's text that were decoded, leaving
// out the U+FFFD that stands for each undecodable glyph.
func decoded(p *pdftext.Page) int {
	n := 0
	count := func(s string) {
		n += utf8.RuneCountInString(s) - strings.Count(s, "\uFFFD")
	}
	for _, l := range p.Lines {
		for _, w := range l.Words {
			count(w.Text)
		}
	}
	for _, w := range p.Rotated {
		count(w.Text)
	}
	return n
}

func (o *Options) limits() pdftext.Limits {
	return pdftext.Limits{
		MaxSize: o.MaxSize, MaxPages: o.MaxPages, MaxStreamBytes: o.MaxStreamBytes,
		MaxTotalBytes: o.MaxTotalBytes, MaxOps: o.MaxOps, MaxDepth: o.MaxDepth,
	}
}

// pdfError turns a pdftext error into a *ParseError; context and I/O
// errors pass through.
func pdfError(err error, page int) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	pe := &ParseError{Page: page, Err: ErrMalformedPDF, Detail: err.Error()}
	var le *pdftext.LimitError
	switch {
	case errors.As(err, &le):
		pe.Err, pe.Limit, pe.Detail = ErrLimit, le.Name, ""
	case errors.Is(err, pdftext.ErrEncrypted):
		pe.Err = ErrEncrypted
	case !errors.Is(err, pdftext.ErrMalformed):
		return fmt.Errorf("resolution: %w", err) // reading the input failed: not the file's fault
	}
	return pe
}

// unreadRow reports whether the form reader saw a row whose values fit no
// column of the table.
func unreadRow(r form.Row) bool {
	return r.From.Conflict != "" && r.From.Conflict == r.To.Conflict && r.From.Text == "" && r.To.Text == ""
}

// build turns the fields into a Resolution. It returns the partial result
// with an ErrIncomplete *ParseError when required fields are missing: every
// value in it passed its type and cross-checks, or carries a warning.
func build(f *form.Fields) (*Resolution, error) {
	b := builder{f: f, res: &Resolution{Ranges: []Range{}, Warnings: []Warning{}},
		sources: make([]Source, 0, 6+8*len(f.Rows))} // the header fields, then eight per range
	res := b.res
	// A field the form reader passed is of its type; one that is not is
	// reported missing here, never left empty in silence.
	if n, ok := b.read("number", f.Number); ok {
		if res.Number, ok = vocab.FormNumber(n); !ok {
			b.unreadable("number", f.Number, "not a form number")
		}
	}
	if t, ok := b.read("nit", f.NIT); ok {
		if res.NIT, _, ok = vocab.TaxpayerNIT(t); !ok {
			b.unreadable("nit", f.NIT, "not a NIT")
		}
	}
	if t, ok := b.read("dv", f.DV); ok {
		res.DV = t
	}
	if f.BusinessName.Text != "" {
		res.Name = f.BusinessName.Text
		b.source("name", f.BusinessName)
	} else {
		// DIAN writes a natural person surnames first: "APELLIDOS Y NOMBRES".
		parts := []*string{&res.FirstSurname, &res.SecondSurname, &res.FirstName, &res.OtherNames}
		var name []string
		for i, fl := range []form.Field{f.Surname1, f.Surname2, f.GivenName, f.OtherNames} {
			*parts[i] = fl.Text
			if fl.Text != "" {
				name = append(name, fl.Text)
				b.source([]string{"first_surname", "second_surname", "first_name", "other_names"}[i], fl)
			}
		}
		res.Name = strings.Join(name, " ")
		// A part whose box shows text the reader did not take may be a part
		// it lost: a name without it would be a wrong name.
		unsure := ""
		for i, fl := range []form.Field{f.Surname2, f.OtherNames} {
			switch {
			case fl.Text == "" && !fl.Found:
				// Its label was not found: whether the part exists is unknown.
				unsure = fmt.Sprintf("the label of box %d %q was not found", 9+i*2-1, []string{"Segundo apellido", "Otros nombres"}[i])
			case fl.Text == "" && (strings.ContainsFunc(fl.Near, unicode.IsLetter) || len(f.NameOrphans) > 0):
				unread := strings.Join(f.NameOrphans, ", ")
				if unread == "" {
					unread = fl.Near // what stands at the empty box itself
				}
				unsure = fmt.Sprintf("box %q was read empty, but %q printed among the name boxes was not read as any part",
					fl.Label, unread)
			}
		}
		if f.NameDisorder != "" && len(name) > 0 {
			res.Name = ""
			b.missing = append(b.missing, "name")
			b.near = append(b.near, "name: "+f.NameDisorder)
		} else if unsure != "" && len(name) > 0 {
			res.Name = ""
			b.missing = append(b.missing, "name")
			b.near = append(b.near, "name: "+unsure)
		} else if f.Surname1.Text == "" || f.GivenName.Text == "" {
			res.Name = "" // half a name is a wrong name
			if len(name) > 0 {
				b.missing = append(b.missing, "name")
				b.near = append(b.near, fmt.Sprintf("name: only %q was read of boxes 7–10", strings.Join(name, " ")))
			}
		}
	}
	if res.Name == "" && !slices.Contains(b.missing, "name") {
		b.missingField("name", f.BusinessName)
	}
	var start Date
	// Without a stamp, rows that print their start dates still date
	// themselves: each range's valid_from is its row's.
	datedRows := len(f.Rows) > 0 && !slices.ContainsFunc(f.Rows, func(r form.Row) bool {
		if r.ValidFrom.Text == "" {
			return true
		}
		_, err := ParseDate(r.ValidFrom.Text)
		return err != nil
	})
	if strings.TrimSpace(f.StampDate.Text) != "" || f.StampDate.Conflict != "" || !datedRows {
		if t, ok := b.read("valid_from", f.StampDate); ok {
			d, err := ParseDate(t)
			if err != nil {
				return nil, badValue(f.StampDate, "")
			}
			start = d
		}
	}
	if len(f.Rows) == 0 {
		b.missing = append(b.missing, "ranges")
	}
	for i, row := range f.Rows {
		res.Ranges = append(res.Ranges, b.buildRange(i, row, start))
	}
	if f.MissedRows > 0 {
		// Rows seen but not read: the ranges listed are not all there are.
		if len(f.Rows) > 0 {
			b.missing = append(b.missing, "ranges")
		}
		for i := range f.MissedRows {
			b.missing = append(b.missing, fmt.Sprintf("ranges[%d]", len(f.Rows)+i))
		}
	}
	if f.MissedAmongRows || len(f.Rows) > 1 && slices.ContainsFunc(f.Rows[:len(f.Rows)-1], unreadRow) {
		// A row seen but not read before rows that were, or a line read
		// as a row that fits no column (maybe no row at all) before the
		// last: which range is which can no longer be told, and a partial
		// list would pre-fill one range's values under another's number.
		// No range is listed; the detail still says what was seen.
		res.Ranges = res.Ranges[:0]
		b.missing = slices.DeleteFunc(b.missing, func(m string) bool { return strings.HasPrefix(m, "ranges") })
		b.missing = append(b.missing, "ranges")
		b.sources = slices.DeleteFunc(b.sources, func(s Source) bool { return strings.HasPrefix(s.Field, "ranges[") })
	}
	res.check(f)
	b.passed()
	for _, n := range f.Notes {
		res.warn(WarnInconsistent, n.Page, n.Box, n.Field+": "+n.Message)
	}
	res.sources = b.sources
	if len(b.missing) > 0 {
		return res, &ParseError{Err: ErrIncomplete, Missing: b.missing, Detail: strings.Join(b.near, "; ")}
	}
	return res, nil
}

// passed records in the sources the cross-checks each value passed.
func (b *builder) passed() {
	r := b.res
	if LooksLikeFormNumber(r.Number) {
		b.checked("number", "shaped like a formato 1876 number")
	}
	if r.NIT != "" && r.DV != "" && CheckDigit(r.NIT) == r.DV {
		b.checked("nit", "its DV matches (modulo 11)")
		b.checked("dv", "matches the NIT (modulo 11)")
	}
	for i, rg := range r.Ranges {
		if rg.From > 0 && rg.To > 0 && rg.From <= rg.To {
			b.checked(fmt.Sprintf("ranges[%d].to", i), "not below the range's start")
		}
		if CheckPrefix(rg.Prefix) == nil {
			b.checked(fmt.Sprintf("ranges[%d].prefix", i), "0 to 4 letters and digits")
		}
	}
}

// builder collects what build reads, misses and where each value came from.
type builder struct {
	f       *form.Fields
	res     *Resolution
	missing []string
	near    []string // what was printed near the labels of missing fields
	sources []Source
}

// read returns a field's text, recording its source, or records it as
// missing (with what was printed near its label).
func (b *builder) read(name string, fl form.Field) (string, bool) {
	t := strings.TrimSpace(fl.Text)
	if t == "" {
		b.missingField(name, fl)
		return "", false
	}
	b.source(name, fl)
	return t, true
}

func (b *builder) missingField(name string, fl form.Field) {
	b.missing = append(b.missing, name)
	b.source(name, fl)
	switch {
	case fl.Conflict != "":
		b.near = append(b.near, fmt.Sprintf("%s: %s", name, fl.Conflict))
	case fl.Found && fl.Near != "":
		b.near = append(b.near, fmt.Sprintf("%s: label %q found on page %d, near it: %q", name, fl.Label, fl.Page, fl.Near))
	case fl.Found:
		b.near = append(b.near, fmt.Sprintf("%s: label %q found on page %d with nothing readable near it", name, fl.Label, fl.Page))
	}
}

// unreadable reports field name missing: its text, already among the
// sources, is not of the field's type.
func (b *builder) unreadable(name string, fl form.Field, why string) {
	b.missing = append(b.missing, name)
	b.near = append(b.near, fmt.Sprintf("%s: %q is %s", name, fl.Text, why))
}

func (b *builder) source(name string, fl form.Field) {
	s := Source{Field: name, Text: fl.Text, Page: fl.Page, Box: fl.Box, Label: fl.Label, How: fl.How,
		Rect: [4]float64{fl.Rect.X0, fl.Rect.Y0, fl.Rect.X1, fl.Rect.Y1}, RunnerUp: fl.RunnerUp, Near: fl.Near, Problem: fl.Conflict}
	if fl.Agreed {
		s.Checks = append(s.Checks, "the text order reads the same")
	}
	b.sources = append(b.sources, s)
}

// checked records a check a field passed in its source.
func (b *builder) checked(name, check string) {
	for i := range b.sources {
		if b.sources[i].Field == name {
			b.sources[i].Checks = append(b.sources[i].Checks, check)
			return
		}
	}
}

func (b *builder) buildRange(i int, row form.Row, start Date) Range {
	var rg Range
	name := func(s string) string { return fmt.Sprintf("ranges[%d].%s", i, s) }
	if t, ok := b.read(name("kind"), row.Kind); ok {
		if rg.Kind.UnmarshalText([]byte(cmp.Or(vocab.KindOf(t), t))) != nil || rg.Kind == KindUnknown {
			b.missing = append(b.missing, name("kind"))
			b.near = append(b.near, fmt.Sprintf("%s: %q is not a modality DIAN prints", name("kind"), t))
		}
	}
	switch {
	case vocab.NoPrefixStart(vocab.Fold(row.Prefix.Text)):
		// "Sin" over "prefijo" in a narrow cell, read without its second line.
		b.missing = append(b.missing, name("prefix"))
		b.near = append(b.near, fmt.Sprintf("%s: %q may begin \"Sin prefijo\" (no prefix) or be the prefix itself", name("prefix"), row.Prefix.Text))
	case row.Prefix.Text != "":
		rg.Prefix = strings.ToUpper(row.Prefix.Text)
		b.source(name("prefix"), row.Prefix)
	case row.Prefix.Found && row.Prefix.Conflict == "" && (row.From.Text != "" || row.To.Text != ""):
		// Printed empty: a real, empty prefix. In a row none of whose
		// bounds was read, an empty cell says nothing: the line may be no
		// row at all.
		b.source(name("prefix"), row.Prefix)
	default:
		b.missingField(name("prefix"), row.Prefix)
	}
	if t, ok := b.read(name("from"), row.From); ok {
		rg.From, _ = vocab.Consecutive(t)
	}
	if t, ok := b.read(name("to"), row.To); ok {
		rg.To, _ = vocab.Consecutive(t)
	}
	if rg.From > 0 && rg.To > 0 && rg.From > rg.To {
		b.res.warn(WarnInconsistent, row.To.Page, 33, fmt.Sprintf("row %d: the range ends (%d) before it starts (%d); both bounds were left out", i+1, rg.To, rg.From))
		rg.From, rg.To = 0, 0
		b.missing = append(b.missing, name("from"), name("to"))
	}
	if t, ok := b.read(name("months"), row.Months); ok {
		if m, ok := vocab.SmallInt(t, 3); ok {
			rg.Months = m
		} else {
			b.missing = append(b.missing, name("months"))
		}
	}
	if t, ok := b.read(name("request"), row.Request); ok {
		if rg.Request.UnmarshalText([]byte(cmp.Or(vocab.RequestOf(t), t))) != nil || rg.Request == RequestUnknown {
			b.missing = append(b.missing, name("request"))
			b.near = append(b.near, fmt.Sprintf("%s: %q is not a request type DIAN prints", name("request"), t))
		}
	}
	rg.ValidFrom = start
	if start.IsZero() && row.ValidFrom.Text != "" {
		// No stamp read: the row's printed start date is the validity's.
		if d, err := ParseDate(row.ValidFrom.Text); err == nil {
			rg.ValidFrom = d
			b.source(name("valid_from"), row.ValidFrom)
			start = d
		}
	}
	switch d, err := ParseDate(row.ValidTo.Text); {
	case row.ValidTo.Text != "" && err == nil:
		rg.ValidTo = d
		b.source(name("valid_to"), row.ValidTo)
	case row.ValidTo.Text != "" || row.ValidTo.Conflict != "":
		// A printed end that could not be read is reported, never
		// replaced by the one the months give: they may differ.
		b.missingField(name("valid_to"), row.ValidTo)
	case !start.IsZero() && rg.Months > 0:
		rg.ValidTo = start.AddMonths(rg.Months)
	}
	return rg
}

func badValue(f form.Field, label string) error {
	if label == "" {
		label = f.Label
	}
	return &ParseError{Page: f.Page, Box: f.Box, Label: label, Text: f.Text, Err: ErrBadValue}
}
