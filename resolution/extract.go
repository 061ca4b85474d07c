package resolution

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dianres/dianres/internal/form"
	"github.com/dianres/dianres/internal/pdftext"
)

// parse runs the stages: bytes → positioned text (pdftext) → fields
// (form) → the checked model (build, check).
func parse(ctx context.Context, r io.ReaderAt, size int64, opts *Options) (*Resolution, error) {
	doc, err := pdftext.Open(ctx, r, size, opts.Password, opts.limits())
	if err != nil {
		return nil, pdfError(err, 0)
	}
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
	if f.Number.Label == "" && !(f.Title && f.TableHeader) {
		return nil, &ParseError{Err: ErrNotForm1876, Detail: "no \"" + "Número de formulario" + "\" box and no 1876 title with a table of ranges"}
	}
	res, err := build(&f)
	if res != nil && undecoded > 0 {
		res.warn(WarnUndecodable, 0, 0, fmt.Sprintf("%d glyphs had no Unicode mapping; check the values against the PDF", undecoded))
	}
	return res, err
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

// build turns the fields into a Resolution. It returns the partial result
// with an ErrIncomplete *ParseError when required fields are missing.
func build(f *form.Fields) (*Resolution, error) {
	res := &Resolution{Ranges: []Range{}, Warnings: []Warning{}}
	var missing []string
	need := func(fl form.Field, name string) bool {
		if strings.TrimSpace(fl.Text) == "" {
			missing = append(missing, name)
			return false
		}
		return true
	}
	if need(f.Number, "number") {
		n, err := digits(f.Number, "")
		if err != nil {
			return nil, err
		}
		res.Number = n
	}
	if need(f.NIT, "nit") {
		nit, dv, _ := strings.Cut(f.NIT.Text, "-")
		n, err := digits(f.NIT, nit)
		if err != nil {
			return nil, err
		}
		res.NIT = n
		if f.DV.Text == "" && strings.TrimSpace(dv) != "" {
			f.DV.Text = dv
		}
	}
	if need(f.DV, "dv") {
		dv, err := digits(f.DV, "")
		if err != nil {
			return nil, err
		}
		res.DV = dv
	}
	res.Name = f.BusinessName.Text
	if res.Name == "" {
		var parts []string
		for _, p := range []form.Field{f.GivenName, f.OtherNames, f.Surname1, f.Surname2} {
			if p.Text != "" {
				parts = append(parts, p.Text)
			}
		}
		res.Name = strings.Join(parts, " ")
	}
	if res.Name == "" {
		missing = append(missing, "name")
	}
	var start Date
	if need(f.StampDate, "valid_from") {
		d, err := ParseDate(f.StampDate.Text)
		if err != nil {
			return nil, badValue(f.StampDate, "")
		}
		start = d
	}
	if len(f.Rows) == 0 {
		missing = append(missing, "ranges")
	}
	for i, row := range f.Rows {
		rg, miss, err := buildRange(row, start)
		if err != nil {
			return nil, err
		}
		for _, m := range miss {
			missing = append(missing, fmt.Sprintf("ranges[%d].%s", i, m))
		}
		res.Ranges = append(res.Ranges, rg)
	}
	res.check(f)
	if len(missing) > 0 {
		return res, &ParseError{Err: ErrIncomplete, Missing: missing}
	}
	return res, nil
}

func buildRange(row form.Row, start Date) (Range, []string, error) {
	var rg Range
	var missing []string
	rg.Kind = kindOf(row.Kind.Text)
	if rg.Kind == KindUnknown {
		missing = append(missing, "kind")
	}
	rg.Prefix = strings.ToUpper(strings.Join(strings.Fields(row.Prefix.Text), ""))
	var err error
	for _, c := range []struct {
		f    form.Field
		name string
		dst  *int64
	}{{row.From, "from", &rg.From}, {row.To, "to", &rg.To}} {
		if c.f.Text == "" {
			missing = append(missing, c.name)
			continue
		}
		if *c.dst, err = consecutive(c.f); err != nil {
			return rg, nil, err
		}
	}
	if row.Months.Text == "" {
		missing = append(missing, "months")
	} else {
		m, err := strconv.Atoi(firstInt(row.Months.Text))
		if err != nil {
			return rg, nil, badValue(row.Months, "Vigencia (meses)")
		}
		rg.Months = m
	}
	rg.Request = requestOf(row.Request.Text)
	if rg.Request == RequestUnknown {
		missing = append(missing, "request")
	}
	rg.ValidFrom = start
	if row.ValidTo.Text != "" {
		d, err := ParseDate(row.ValidTo.Text)
		if err != nil {
			return rg, nil, badValue(row.ValidTo, "")
		}
		rg.ValidTo = d
	} else if !start.IsZero() && rg.Months > 0 {
		rg.ValidTo = start.AddMonths(rg.Months)
	}
	if rg.From > rg.To && rg.To != 0 {
		return rg, nil, &ParseError{Page: row.To.Page, Box: 33, Label: "Hasta el número", Text: row.To.Text, Err: ErrBadValue,
			Detail: fmt.Sprintf("range ends before it starts (desde %d)", rg.From)}
	}
	return rg, missing, nil
}

// consecutive reads a range bound: digits, maybe grouped with "," "." or
// spaces ("2,000", "2.000", "2 000"), as a positive 64-bit integer.
func consecutive(f form.Field) (int64, error) {
	s, err := digits(f, "")
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, badValue(f, "")
	}
	return n, nil
}

// groupSeparators are what producers put between digit groups.
var groupSeparators = strings.NewReplacer(" ", "", ".", "", ",", "")

// digits returns the digits of s (f.Text when s is ""), allowing spaces and
// the "," or "." that group them; anything else is ErrBadValue.
func digits(f form.Field, s string) (string, error) {
	if s == "" {
		s = f.Text
	}
	s = groupSeparators.Replace(s)
	if s == "" || strings.ContainsFunc(s, func(r rune) bool { return r < '0' || r > '9' }) {
		return "", badValue(f, "")
	}
	return s, nil
}

func firstInt(s string) string {
	start := strings.IndexAny(s, "0123456789")
	if start < 0 {
		return ""
	}
	end := start
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	return s[start:end]
}

func badValue(f form.Field, label string) error {
	if label == "" {
		label = f.Label
	}
	return &ParseError{Page: f.Page, Box: f.Box, Label: label, Text: f.Text, Err: ErrBadValue}
}

// kindOf maps box 30's printed name to a Kind.
func kindOf(s string) Kind {
	t := " " + form.Fold(s) + " "
	switch {
	case strings.Contains(t, " documento equivalente"):
		return KindEquivalentDocument
	case strings.Contains(t, " documento soporte"):
		return KindSupportDocument
	case strings.Contains(t, " computador"):
		return KindComputer
	case strings.Contains(t, " talonario") || strings.Contains(t, " papel "):
		return KindPaper
	case strings.Contains(t, " pos ") || strings.Contains(t, " maquina registradora"):
		return KindPOS
	case strings.Contains(t, " factura ") && strings.Contains(t, " electronica "):
		return KindElectronicInvoice // "FACTURA ELECTRÓNICA DE VENTA", "FACTURA DE VENTA ELECTRÓNICA"
	}
	return KindUnknown
}

// requestOf maps the printed request type to a Request.
func requestOf(s string) Request {
	t := form.Fold(s)
	switch { // stems, so "INHABILITAR" reads as "INHABILITACIÓN"
	case strings.Contains(t, "inhabilit"):
		return RequestDisablement
	case strings.Contains(t, "habilit"):
		return RequestEnablement
	case strings.Contains(t, "autoriz"):
		return RequestAuthorization
	}
	return RequestUnknown
}
