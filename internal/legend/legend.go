// Package legend reads the free-text legends that invoices print and
// e-mails repeat about a numbering authorization ("Resolución DIAN No.
// 18764003567890 del 2023-06-15, prefijo FEV del 1 al 10000, vigencia 24
// meses"): the resolution number, and for each range its prefix, bounds,
// modality, request type, start date and validity. It is the reader behind
// resolution.ParseText, which documents the wordings read and turns a
// [Result] into a resolution.Resolution.
//
// How numbers, dates, modality and request names are written is not
// decided here but in internal/vocab, which the PDF reader shares: a date
// or a grouped number one reader accepts the other reads the same way.
// This package adds what only running text needs: tokens, the words that
// open and close a range ("del … al …", "desde … hasta …"), and binding
// each fact to the range it is written against.
//
// The package knows nothing of the resolution model, which imports it. It
// returns neutral facts: strings, int64 bounds, civil dates, kind and
// request names as vocab spells them (vocab.KindElectronicInvoice…),
// warnings as a code and a message, and the first unusable value.
//
// # What it does not do
//
// It never guesses: a value it cannot find stays zero and is listed in
// Missing. It reads Spanish only, and dates in figures day first or year
// first, never month first ("06/15/2023" is an impossible date, reported as
// Bad). The caller bounds the input's size; the work is about linear in it.
package legend

import (
	"errors"
	"fmt"
	"time"

	"github.com/dianres/dianres/internal/vocab"
)

// ErrNoLegend is returned for text that mentions no numbering
// authorization at all: no resolution number and none of the words a
// legend uses ("resolución", "prefijo", "vigencia"…).
var ErrNoLegend = errors.New("legend: no numbering authorization in the text")

// Warning codes, spelled as resolution's WarningCode values.
const (
	WarnFormNumber   = "form-number"  // the number does not look like a 1876 form number
	WarnPrefix       = "prefix"       // the prefix breaks docs/form-1876.md §4
	WarnMonths       = "months"       // a validity longer than 24 months
	WarnValidTo      = "valid-to"     // a printed end date disagrees with start plus months
	WarnInconsistent = "inconsistent" // two readings of the same fact disagree
)

// A Result is what Read found in a legend. Fields left zero were not
// written; Missing names them.
type Result struct {
	Number   string    // the resolution number, digits only
	Ranges   []Range   // in the order written; nil when none was
	Warnings []Warning // in the order found
	// Missing holds the JSON names, as resolution spells them, of the
	// fields not found: "number", "ranges", "ranges[0].prefix"…
	Missing []string
	// Bad is the first value found but unusable, or nil. The rest of the
	// Result is still filled in.
	Bad *Bad
}

// A Range is one range the legend describes.
type Range struct {
	Kind      string // a vocab.Kind… name, "" when the text names none
	Prefix    string // as written; "" is a real, empty prefix ("sin prefijo")
	From, To  int64  // the bounds, "del 1 al 10000"; 0 when not written or unusable
	Months    int    // validity in months, 0 when not given nor derivable
	ValidFrom Date   // start of validity
	ValidTo   Date   // end of validity: printed, or ValidFrom plus Months
	Request   string // a vocab.Request… name; vocab.RequestAuthorization when none is written
}

// A Date is a civil calendar date, laid out as resolution.Date so one
// converts to the other. The zero Date means "not written".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// AddMonths returns the same day n months later, clamped to the month's
// end (vocab.AddMonths).
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return d
	}
	y, m, day := vocab.AddMonths(d.Year, d.Month, d.Day, n)
	return Date{y, m, day}
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool {
	return d.Year < e.Year || (d.Year == e.Year && (d.Month < e.Month || (d.Month == e.Month && d.Day < e.Day)))
}

// String returns d as "2006-01-02", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// A Warning is a value read but failing a check; the value is kept.
type Warning struct {
	Code    string // one of the Warn… constants
	Message string
}

// Bad is a value found but unusable: a range whose start exceeds its end,
// an impossible date, a validity of zero months.
type Bad struct {
	Label string // what the value is, in the legend's words: "rango", "fecha", "vigencia"
	Text  string // the text as written, shortened to about 80 bytes
}

// Read reads the legend in s. It returns ErrNoLegend, and a nil Result,
// for text that is no legend; any other text gives a Result, maybe with
// Missing fields or a Bad value.
func Read(s string) (*Result, error) {
	p := &parser{src: s}
	p.toks = tokenize(s)
	p.segments()
	p.findNumber()
	if !p.isLegend() {
		return nil, ErrNoLegend
	}
	p.findNIT()
	p.findPrefixes()
	p.findRanges()
	p.findMonths()
	p.findKinds()
	p.findRequests()
	p.findDates()
	return p.build(), nil
}
