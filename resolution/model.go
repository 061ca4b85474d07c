package resolution

import (
	"fmt"
	"strings"
)

// A Resolution is one formato 1876 "Autorización numeración de facturación":
// the form number, who it was issued to, and the ranges it authorizes,
// enables or disables.
type Resolution struct {
	// Number is box 4 "Número de formulario", e.g. "18764081810977". It is
	// the resolution number that invoices and DIAN's web services quote.
	Number string `json:"number"`
	Issuer
	// Ranges holds one entry per row of the form's table, in printed order.
	Ranges []Range `json:"ranges"`
	// Warnings lists what was read but failed a check (a DV that does not
	// match the NIT, an implausible validity). Parse never returns it nil.
	Warnings []Warning `json:"warnings"`

	sources []Source // where each value was read; see Sources
}

// A Source says where one value of a parsed Resolution was read: the page,
// the box and its label, the value's bounding box, how it was found and
// the candidate that came second. It is what `dianres parse --explain`
// prints.
type Source struct {
	Field    string     `json:"field"`              // JSON name of the value, e.g. "nit" or "ranges[0].from"
	Text     string     `json:"text"`               // as printed; "" when not read
	Page     int        `json:"page,omitzero"`      // 1-based
	Box      int        `json:"box,omitzero"`       // DIAN box ("casilla") number
	Label    string     `json:"label,omitzero"`     // the label it was read by, as printed
	How      string     `json:"how,omitzero"`       // "beside", "below", "above", "before" its label, "column" of the table, "heading" of its group of rows, "prose" (a numbered paragraph), "pattern", "stamp", "text" (the text order only)
	Rect     [4]float64 `json:"rect,omitzero"`      // x0, y0, x1, y1 in points, top-left origin
	RunnerUp string     `json:"runner_up,omitzero"` // the next-best candidate's text
	Near     string     `json:"near,omitzero"`      // text near the label when no value was accepted
	Problem  string     `json:"problem,omitzero"`   // why a value was refused
	// Checks lists the checks the value passed, e.g. "the text order reads
	// the same"; a failed check is a Warning instead.
	Checks []string `json:"checks,omitzero"`
}

// Sources returns where each field of r was read, in the order of the
// JSON fields. It is nil for a Resolution not made by Parse. The slice is
// r's own: do not modify it.
func (r *Resolution) Sources() []Source { return r.sources }

// Issuer is the taxpayer the numbering was authorized to.
type Issuer struct {
	NIT string `json:"nit"` // box 5 "Número de Identificación Tributaria (NIT)", digits only
	DV  string `json:"dv"`  // box 6 "DV", the NIT's check digit
	// Name is box 11 "Razón social" for a company; for a natural person it
	// is surnames, then given names (boxes 7, 8, 9, 10), DIAN's own order
	// ("APELLIDOS Y NOMBRES", docs/form-1876.md §2).
	Name string `json:"name"`
	// The parts of a natural person's name, as printed; empty for a company.
	FirstSurname  string `json:"first_surname,omitzero"`  // box 7 "Primer apellido"
	SecondSurname string `json:"second_surname,omitzero"` // box 8 "Segundo apellido"
	FirstName     string `json:"first_name,omitzero"`     // box 9 "Primer nombre"
	OtherNames    string `json:"other_names,omitzero"`    // box 10 "Otros nombres"
}

// A Range is one row of the form's table: a block of consecutive numbers
// for one kind of document, under one prefix.
type Range struct {
	Kind      Kind    `json:"kind"`       // box 30 "Modalidad"
	Prefix    string  `json:"prefix"`     // box 31 "Prefijo"; "" is a real, empty prefix
	From      int64   `json:"from"`       // box 32 "Desde el número"
	To        int64   `json:"to"`         // box 33 "Hasta el número"
	Months    int     `json:"months"`     // box 38 "Vigencia" in months
	ValidFrom Date    `json:"valid_from"` // the stamp's "Fecha Acuse de Recibo" date
	ValidTo   Date    `json:"valid_to"`   // printed, or ValidFrom plus Months (docs/form-1876.md §3)
	Request   Request `json:"request"`    // "Tipo de solicitud"
}

// Contains reports whether n lies in [r.From, r.To].
func (r Range) Contains(n int64) bool { return r.From <= n && n <= r.To }

// ValidOn reports whether d lies within the range's validity, both ends included.
func (r Range) ValidOn(d Date) bool {
	return !d.Before(r.ValidFrom) && (r.ValidTo.IsZero() || !d.After(r.ValidTo))
}

// Size returns how many numbers the range holds.
func (r Range) Size() int64 { return r.To - r.From + 1 }

// Single returns the resolution's only range. Most resolutions authorize
// exactly one; ok is false when there are none or several.
func (r *Resolution) Single() (rg Range, ok bool) {
	if len(r.Ranges) != 1 {
		return Range{}, false
	}
	return r.Ranges[0], true
}

// Kind is the modality of a range (box 30 "Modalidad").
type Kind uint8

// Kinds as printed on the form. Their JSON form is the kebab string.
const (
	KindUnknown            Kind = iota
	KindElectronicInvoice       // "FACTURA ELECTRÓNICA DE VENTA"
	KindSupportDocument         // "DOCUMENTO SOPORTE"
	KindPaper                   // "TALONARIO O DE PAPEL"
	KindPOS                     // "POS" / "MÁQUINA REGISTRADORA"
	KindComputer                // "FACTURA POR COMPUTADOR"
	KindEquivalentDocument      // "DOCUMENTO EQUIVALENTE ELECTRÓNICO"
)

var kindNames = [...]string{"", "electronic-invoice", "support-document", "paper", "pos", "computer", "equivalent-document"}

// String returns the kebab name, e.g. "electronic-invoice".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// MarshalText writes the kebab name; KindUnknown writes as "".
func (k Kind) MarshalText() ([]byte, error) {
	if int(k) >= len(kindNames) {
		return nil, fmt.Errorf("resolution: no name for kind %d", uint8(k))
	}
	return []byte(k.String()), nil
}

// UnmarshalText reads a kebab name; "" reads as KindUnknown.
func (k *Kind) UnmarshalText(b []byte) error {
	i, err := lookupName(kindNames[:], string(b), "kind")
	*k = Kind(i)
	return err
}

// Request is the kind of request that produced the row ("Tipo de solicitud").
type Request uint8

// Requests as printed on the form. Their JSON form is the kebab string.
const (
	RequestUnknown       Request = iota
	RequestAuthorization         // "AUTORIZACIÓN": a new range
	RequestEnablement            // "HABILITACIÓN": re-enables the unused rest of an expired range
	RequestDisablement           // "INHABILITACIÓN": disables an unused range
)

var requestNames = [...]string{"", "authorization", "enablement", "disablement"}

// String returns the kebab name, e.g. "authorization".
func (q Request) String() string {
	if int(q) < len(requestNames) {
		return requestNames[q]
	}
	return fmt.Sprintf("Request(%d)", uint8(q))
}

// MarshalText writes the kebab name; RequestUnknown writes as "".
func (q Request) MarshalText() ([]byte, error) {
	if int(q) >= len(requestNames) {
		return nil, fmt.Errorf("resolution: no name for request %d", uint8(q))
	}
	return []byte(q.String()), nil
}

// UnmarshalText reads a kebab name; "" reads as RequestUnknown.
func (q *Request) UnmarshalText(b []byte) error {
	i, err := lookupName(requestNames[:], string(b), "request")
	*q = Request(i)
	return err
}

func lookupName(names []string, s, what string) (int, error) {
	for i, n := range names {
		if n == s {
			return i, nil
		}
	}
	return 0, fmt.Errorf("resolution: unknown %s %q (want one of %s)", what, s, strings.Join(names[1:], ", "))
}

// A Warning reports a value that was read but failed a check. The value is
// still returned: the caller decides whether to trust it.
type Warning struct {
	Code    WarningCode `json:"code"`
	Page    int         `json:"page,omitzero"` // 1-based; 0 when not tied to a page
	Box     int         `json:"box,omitzero"`  // DIAN box ("casilla") number; 0 when unknown
	Message string      `json:"message"`
}

// WarningCode names the check a [Warning] failed.
type WarningCode string

// Warning codes.
const (
	WarnCheckDigit   WarningCode = "check-digit"  // the DV does not match the NIT (DIAN modulo 11)
	WarnFormNumber   WarningCode = "form-number"  // the number does not look like a 1876 form number
	WarnPrefix       WarningCode = "prefix"       // the prefix breaks docs/form-1876.md §4
	WarnMonths       WarningCode = "months"       // a validity outside 1–24 months
	WarnKindCode     WarningCode = "kind-code"    // the modality's printed code disagrees with its name
	WarnValidTo      WarningCode = "valid-to"     // a printed end date disagrees with start plus months
	WarnUndecodable  WarningCode = "undecodable"  // some text had no Unicode mapping
	WarnInconsistent WarningCode = "inconsistent" // two readings of the same fact disagree
)
