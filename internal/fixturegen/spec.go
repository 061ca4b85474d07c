package fixturegen

import (
	"fmt"
	"strings"
	"time"

	"github.com/dianres/dianres/resolution"
)

// A Spec is the data printed on one synthetic formato 1876. Expected
// answers (goldens) come from a Spec, never from running the parser.
type Spec struct {
	Number    string // box 4 "Número de formulario"
	Year      int    // box 1 "Año"
	NIT       string // box 5
	DV        string // box 6, printed as given (may be wrong on purpose)
	Surname1  string // box 7 "Primer apellido"
	Surname2  string // box 8 "Segundo apellido"
	FirstName string // box 9 "Primer nombre"
	OtherName string // box 10 "Otros nombres"
	Company   string // box 11 "Razón social"; empty for a natural person
	Seccional string // box 12 "Cód. Dirección Seccional"
	Rows      []Row
	Stamp     time.Time // "Fecha Acuse de Recibo", Colombian wall time
	// Warnings are the warning codes the parser should report for this
	// spec (a wrong DV, a validity of 132 months...), in any order.
	Warnings []resolution.WarningCode
}

// A Row is one line of the page-2 table.
type Row struct {
	Kind        resolution.Kind
	KindLabel   string // box 30 as printed, e.g. "FACTURA ELECTRÓNICA DE VENTA"
	KindCode    int    // the code printed after the label
	Prefix      string // box 31
	From, To    int64  // boxes 32 and 33
	Months      int    // box 38
	Request     resolution.Request
	RequestCode int             // printed after the request label
	EndDate     resolution.Date // printed end date; zero when not printed
}

// Kind labels and codes. FE = 1 and DS = 6 are [seen]; the others are
// made up on purpose, so the parser must read the label, not the code.
var kindLabels = map[resolution.Kind]struct {
	label string
	code  int
}{
	resolution.KindElectronicInvoice:  {"FACTURA ELECTRÓNICA DE VENTA", 1},
	resolution.KindPaper:              {"TALONARIO O DE PAPEL", 2},
	resolution.KindComputer:           {"FACTURA POR COMPUTADOR", 3},
	resolution.KindPOS:                {"POS", 4},
	resolution.KindEquivalentDocument: {"DOCUMENTO EQUIVALENTE ELECTRÓNICO", 5},
	resolution.KindSupportDocument:    {"DOCUMENTO SOPORTE", 6},
}

var requestLabels = map[resolution.Request]struct {
	label string
	code  int
}{
	resolution.RequestAuthorization: {"AUTORIZACIÓN", 1},
	resolution.RequestEnablement:    {"HABILITACIÓN", 2},
	resolution.RequestDisablement:   {"INHABILITACIÓN", 3},
}

// row builds a Row with the usual label and codes for kind and request.
func row(k resolution.Kind, prefix string, from, to int64, months int, q resolution.Request) Row {
	kl, ql := kindLabels[k], requestLabels[q]
	return Row{Kind: k, KindLabel: kl.label, KindCode: kl.code, Prefix: prefix, From: from, To: to,
		Months: months, Request: q, RequestCode: ql.code}
}

// Name is the issuer name as the golden holds it: the company name, or
// surnames then given names, single-spaced, empty parts skipped.
func (s *Spec) Name() string {
	if s.Company != "" {
		return s.Company
	}
	// DIAN's order: surnames, then given names (docs/form-1876.md §2).
	return strings.Join(strings.Fields(strings.Join([]string{s.Surname1, s.Surname2, s.FirstName, s.OtherName}, " ")), " ")
}

// Golden returns the resolution a correct parser reads from the spec.
func (s *Spec) Golden() resolution.Resolution {
	from := resolution.DateOf(s.Stamp)
	r := resolution.Resolution{
		Number: s.Number,
		Issuer: resolution.Issuer{NIT: s.NIT, DV: s.DV, Name: s.Name(),
			FirstSurname: s.Surname1, SecondSurname: s.Surname2, FirstName: s.FirstName, OtherNames: s.OtherName},
		Ranges:   []resolution.Range{},
		Warnings: []resolution.Warning{},
	}
	for _, rw := range s.Rows {
		to := from.AddMonths(rw.Months)
		if !rw.EndDate.IsZero() {
			to = rw.EndDate
		}
		r.Ranges = append(r.Ranges, resolution.Range{
			Kind: rw.Kind, Prefix: rw.Prefix, From: rw.From, To: rw.To, Months: rw.Months,
			ValidFrom: from, ValidTo: to, Request: rw.Request,
		})
	}
	for _, c := range s.Warnings {
		r.Warnings = append(r.Warnings, resolution.Warning{Code: c})
	}
	return r
}

// CheckDigit returns the DIAN modulo-11 check digit ("DV") of a NIT:
// prime weights 3, 7, 13, … from the rightmost digit; a remainder r ≥ 2
// gives 11 − r. It is written out here, not taken from resolution, so that
// the generators' truth does not depend on the code under test.
func CheckDigit(nit string) string {
	weights := []int{3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71}
	sum := 0
	for i := range len(nit) {
		d := int(nit[len(nit)-1-i] - '0')
		sum += d * weights[i]
	}
	r := sum % 11
	if r > 1 {
		r = 11 - r
	}
	return fmt.Sprint(r)
}

// stampText is the stamp's date-time line, "2024-10-19 / 11:38:26 AM".
func stampText(t time.Time) string {
	return t.Format("2006-01-02 / 03:04:05 PM")
}

// groupDigits writes n with sep every three digits; sep 0 means none.
func groupDigits(n int64, sep rune) string {
	s := fmt.Sprint(n)
	if sep == 0 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}
