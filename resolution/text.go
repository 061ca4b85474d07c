package resolution

import "github.com/dianres/dianres/internal/legend"

// MaxTextSize is the longest text, in bytes, that [ParseText] reads. A
// legend is one or two lines and an email a few paragraphs; the bound keeps
// the work linear in a size nobody needs to raise.
const MaxTextSize = 64 << 10

// ParseText reads a resolution from free text, as invoices print it in their
// legend and as people write it in emails, for example
//
//	Resolución DIAN No. 18764003567890 del 2023-06-15, prefijo FEV del 1 al 10000, vigencia 24 meses
//	Autorización de numeración de facturación electrónica No 18764003567890 de 15/06/2023 habilita del FEV1 al FEV10000 vigente hasta 15/06/2025
//
// It reads the resolution number (a number of 11 or more digits starting
// with 1876, or failing that one of 8 or more digits right after
// "Resolución" or "Autorización", with a [WarnFormNumber] warning), and for
// each range its prefix ("prefijo FEV", "sin prefijo", written with the
// numbers as in "FEV1", or bare in capitals as in "FEV del 1 al 10"), its bounds ("del … al …", "desde … hasta …",
// "rango FEV 1 - FEV 10000", thousands separators "10.000" or "10,000"), its
// kind ("factura electrónica de venta", "documento soporte", "POS"…), its
// request ("habilitación" and "inhabilitación"; anything else is an
// authorization), its start date and its validity in months ("vigencia 24
// meses") or as an end date ("vigente hasta", "fecha de vencimiento").
// Dates may be written 2023-06-15 (also with a time), 15/06/2023 (day
// first, never month first) or "15 de junio de 2023"; two dates joined by
// "-" or "al" are a validity period. Case and accents do not matter, except that the prefix is
// returned as written.
//
// When the text gives months and no end date, ValidTo is ValidFrom plus the
// months ([Date.AddMonths]); when it gives an end date only, Months is set if
// the end is a whole number of months after the start. Kind stays
// [KindUnknown] when the text does not name one. Several ranges in one text
// are read in order. Each fact binds to the nearest range, preferring its
// own line or sentence; a fact written once before the first range of a
// sentence, on a line with no range, or (for validity and dates) after the
// last range ("…, vigencia 24 meses") also applies to every range that
// lacks one. A fact between two ranges belongs to one of them only.
//
// ParseText never invents a value. What it cannot find it leaves zero and
// reports: it returns the partial Resolution together with a *[ParseError]
// whose Err is [ErrIncomplete] and whose Missing holds JSON field names
// ("number", "ranges", "ranges[0].prefix", "ranges[0].valid_from",
// "ranges[0].valid_to" when neither months nor an end date is given). A
// value found but unusable (an impossible date, a range whose start exceeds
// its end or is not positive, a number too large for int64) gives [ErrBadValue] with the text
// quoted, also with the partial Resolution. Text that mentions no
// resolution at all gives [ErrNotForm1876], and text longer than
// [MaxTextSize] gives [ErrLimit]; both return a nil Resolution.
func ParseText(s string) (*Resolution, error) {
	if len(s) > MaxTextSize {
		return nil, &ParseError{Err: ErrLimit, Limit: "MaxTextSize"}
	}
	l, err := legend.Read(s)
	if err != nil {
		return nil, &ParseError{Err: ErrNotForm1876}
	}
	res := &Resolution{Number: l.Number, Ranges: make([]Range, 0, len(l.Ranges)), Warnings: make([]Warning, 0, len(l.Warnings))}
	for _, w := range l.Warnings {
		res.Warnings = append(res.Warnings, Warning{Code: WarningCode(w.Code), Message: w.Message})
	}
	for _, r := range l.Ranges {
		rg := Range{Prefix: r.Prefix, From: r.From, To: r.To, Months: r.Months,
			ValidFrom: Date(r.ValidFrom), ValidTo: Date(r.ValidTo)}
		// legend names kinds and requests as vocab does, which are the
		// kebab names these read; a name they did not know would be a bug
		// in this module, and it stays unknown rather than guessed.
		_ = rg.Kind.UnmarshalText([]byte(r.Kind))
		_ = rg.Request.UnmarshalText([]byte(r.Request))
		res.Ranges = append(res.Ranges, rg)
	}
	switch {
	case l.Bad != nil:
		return res, &ParseError{Err: ErrBadValue, Label: l.Bad.Label, Text: l.Bad.Text}
	case len(l.Missing) > 0:
		return res, &ParseError{Err: ErrIncomplete, Missing: l.Missing}
	}
	return res, nil
}
