package layouts

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/dianres/dianres/internal/fixturegen"
	"github.com/dianres/dianres/resolution"
)

// Data is what one generated formato 1876 says: the values the layout
// draws. The truth file is derived from it, never from a parser.
type Data struct {
	Number    string // box 4 "Número de formulario"
	Year      int    // box 1 "Año"
	NIT       string // box 5
	DV        string // box 6, the DIAN modulo-11 check digit of NIT
	Surname1  string // box 7 "Primer apellido"
	Surname2  string // box 8 "Segundo apellido"; may be empty
	Given     string // box 9 "Primer nombre"
	Other     string // box 10 "Otros nombres"; may be empty
	Company   string // box 11 "Razón social"; empty for a natural person
	Seccional string // box 12 "Cód. Dirección Seccional"
	Rows      []Row
	// Stamp is the "Fecha Acuse de Recibo" wall-clock time in Colombia;
	// its date is the start of every range's validity.
	Stamp time.Time
}

// A Row is one line of the ranges table.
type Row struct {
	Kind        resolution.Kind
	KindLabel   string // box 30 as printed
	KindCode    int    // the modality code printed beside the label
	Prefix      string // box 31; may be empty
	From, To    int64  // boxes 32 and 33
	Months      int    // box 38
	Request     resolution.Request
	RequestCode int // the code printed after the request type
}

// Truth is the expected reading of one generated PDF, in the JSON format
// of the shared evaluation corpus: keys starting with "_" are notes.
type Truth struct {
	Number  string         `json:"number"`
	NIT     string         `json:"nit"`
	DV      string         `json:"dv"`
	Name    string         `json:"name"`
	Ranges  []TruthRange   `json:"ranges"`
	Family  string         `json:"_family"`
	Variant map[string]any `json:"_variant"`
}

// TruthRange is one expected range. Kind and Request are the kebab names
// of resolution.Kind and resolution.Request; dates are "2006-01-02".
type TruthRange struct {
	Kind      string `json:"kind"`
	Prefix    string `json:"prefix"`
	From      int64  `json:"from"`
	To        int64  `json:"to"`
	Months    int    `json:"months"`
	ValidFrom string `json:"valid_from"`
	ValidTo   string `json:"valid_to"`
	Request   string `json:"request"`
}

// Name is the issuer name as the truth holds it: the company name, or
// for a natural person surnames first, then given names (DIAN's "en este
// orden APELLIDOS Y NOMBRES", docs/form-1876.md §2), empty parts skipped.
func (d *Data) Name() string {
	if d.Company != "" {
		return d.Company
	}
	return strings.Join(strings.Fields(strings.Join([]string{d.Surname1, d.Surname2, d.Given, d.Other}, " ")), " ")
}

// Person reports whether the issuer is a natural person (boxes 7–10).
func (d *Data) Person() bool { return d.Company == "" }

// Truth returns the expected reading of d.
func (d *Data) Truth(family string, variant map[string]any) Truth {
	from := resolution.DateOf(d.Stamp)
	t := Truth{Number: d.Number, NIT: d.NIT, DV: d.DV, Name: d.Name(), Ranges: []TruthRange{}, Family: family, Variant: variant}
	for _, r := range d.Rows {
		t.Ranges = append(t.Ranges, TruthRange{
			Kind: r.Kind.String(), Prefix: r.Prefix, From: r.From, To: r.To, Months: r.Months,
			ValidFrom: from.String(), ValidTo: addMonths(from, r.Months).String(), Request: r.Request.String(),
		})
	}
	return t
}

// addMonths is the same day n months later, clamped to the month's last
// day ([model], docs/form-1876.md §3). It is written out here rather than taken
// from resolution.Date.AddMonths so that the truth does not depend on the
// code under test.
func addMonths(d resolution.Date, n int) resolution.Date {
	total := d.Year*12 + int(d.Month-1) + n
	y, m := total/12, time.Month(total%12+1)
	last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return resolution.NewDate(y, m, min(d.Day, last))
}

// Modality labels and codes. FE = 1 and DS = 6 are [seen]; the others
// follow the generator in internal/fixturegen. Each kind has the ways a
// form may print it; all of them name the kind unambiguously.
var kinds = []struct {
	kind   resolution.Kind
	code   int
	labels []string
}{
	{resolution.KindElectronicInvoice, 1, []string{"FACTURA ELECTRÓNICA DE VENTA", "Factura electrónica de venta"}},
	{resolution.KindPaper, 2, []string{"TALONARIO O DE PAPEL", "Talonario o de papel"}},
	{resolution.KindComputer, 3, []string{"FACTURA POR COMPUTADOR", "Factura por computador"}},
	{resolution.KindPOS, 4, []string{"POS", "MÁQUINA REGISTRADORA POS", "Máquina registradora POS"}},
	{resolution.KindEquivalentDocument, 5, []string{"DOCUMENTO EQUIVALENTE ELECTRÓNICO", "Documento equivalente electrónico"}},
	{resolution.KindSupportDocument, 6, []string{"DOCUMENTO SOPORTE", "Documento soporte"}},
}

var requests = []struct {
	req   resolution.Request
	code  int
	label string
}{
	{resolution.RequestAuthorization, 1, "AUTORIZACIÓN"},
	{resolution.RequestEnablement, 2, "HABILITACIÓN"},
	{resolution.RequestDisablement, 3, "INHABILITACIÓN"},
}

var (
	companies = []string{
		"COMERCIALIZADORA ANDINA S.A.S.", "PANADERÍA LA ESPIGA DORADA E.U.", "DISTRIBUIDORA EL CÓNDOR LTDA",
		"INVERSIONES MONTAÑA VERDE S.A.", "TRANSPORTES DEL CARIBE S.A.S.", "FERRETERÍA SAN JOSÉ Y CIA S. EN C.",
		"CLÍNICA DENTAL SONRISAS S.A.S.", "Tecnologías Ñandú S.A.S.", "AGROPECUARIA LOS ALPES SAS",
		"CONSTRUCTORA PEÑALOSA & ASOCIADOS S.A.", "Café de Altura Quindío S.A.S.", "LABORATORIOS ÓPTICOS DEL SUR LTDA",
	}
	surnames = []string{"GÓMEZ", "RODRÍGUEZ", "PEÑA", "HERNÁNDEZ", "MARTÍNEZ", "LÓPEZ", "QUIÑONES", "CASTAÑO", "ARIZA", "OSPINA", "MUÑOZ", "DÍAZ"}
	givens   = []string{"CAMILA", "JOSÉ", "MARÍA", "ANDRÉS", "LUZ", "JULIÁN", "ÁNGELA", "SEBASTIÁN", "NUBIA", "HERNÁN"}
)

// pick returns a random element of xs.
func pick[T any](rng *rand.Rand, xs ...T) T { return xs[rng.IntN(len(xs))] }

// chance is true with probability p.
func chance(rng *rand.Rand, p float64) bool { return rng.Float64() < p }

// digitsN returns n random digits, the first not zero.
func digitsN(rng *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteByte(byte('1' + rng.IntN(9)))
	for range n - 1 {
		b.WriteByte(byte('0' + rng.IntN(10)))
	}
	return b.String()
}

// stampDate draws a reception date. A third of them fall on days where
// the end of validity must be clamped or where the month is short (Jan
// 31, Aug 31, Feb 29 of a leap year...).
func stampDate(rng *rand.Rand) time.Time {
	col := resolution.Colombia()
	hh, mm, ss := rng.IntN(24), rng.IntN(60), rng.IntN(60)
	if chance(rng, 0.35) {
		special := []struct {
			m time.Month
			d int
		}{{time.January, 31}, {time.August, 31}, {time.February, 29}, {time.March, 31}, {time.May, 31}, {time.October, 31}, {time.December, 31}, {time.February, 28}, {time.July, 31}}
		s := pick(rng, special...)
		y := 2019 + rng.IntN(8)
		if s.d == 29 {
			y = pick(rng, 2020, 2024)
		}
		return time.Date(y, s.m, s.d, hh, mm, ss, 0, col)
	}
	y := 2019 + rng.IntN(8)
	m := time.Month(1 + rng.IntN(12))
	return time.Date(y, m, 1+rng.IntN(28), hh, mm, ss, 0, col)
}

// prefix draws a prefix of 0–4 letters and digits, mostly ending in a
// letter (providers' advice, docs/form-1876.md §4), sometimes empty.
func prefix(rng *rand.Rand) string {
	const letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
	switch {
	case chance(rng, 0.1):
		return ""
	case chance(rng, 0.15):
		n := 1 + rng.IntN(3)
		var b strings.Builder
		for range n {
			b.WriteByte(letters[rng.IntN(len(letters))])
		}
		b.WriteByte(byte('1' + rng.IntN(9)))
		return b.String()
	}
	n := 1 + rng.IntN(4)
	var b strings.Builder
	for i := range n {
		if i > 0 && i < n-1 && chance(rng, 0.2) {
			b.WriteByte(byte('0' + rng.IntN(10)))
			continue
		}
		b.WriteByte(letters[rng.IntN(len(letters))])
	}
	return b.String()
}

// bounds draws a range: common starts (1, 1001, a round number) and
// sizes from a hundred to five million.
func bounds(rng *rand.Rand) (int64, int64) {
	var from int64
	switch rng.IntN(4) {
	case 0, 1:
		from = 1
	case 2:
		from = int64(1+rng.IntN(50))*1000 + 1
	default:
		from = int64(rng.IntN(990_000_000)) + 1
	}
	size := int64(pick(rng, 1, 2, 5)) * []int64{100, 1000, 10000, 100000, 1000000}[rng.IntN(5)]
	if chance(rng, 0.15) {
		size = int64(rng.IntN(99_999)) + 1
	}
	return from, from + size - 1
}

// newData draws the values of one document. person forces a natural
// person (1), a company (0) or either (-1); rows is the number of ranges.
func newData(rng *rand.Rand, person int, rows int) Data {
	d := Data{Number: "1876" + digitsN(rng, 7+rng.IntN(10))}
	d.Stamp = stampDate(rng)
	d.Year = d.Stamp.Year()
	isPerson := person == 1 || (person == -1 && chance(rng, 0.35))
	if isPerson {
		d.NIT = digitsN(rng, 6+rng.IntN(5))
		d.Surname1 = pick(rng, surnames...)
		if chance(rng, 0.8) {
			d.Surname2 = pick(rng, surnames...)
		}
		d.Given = pick(rng, givens...)
		if chance(rng, 0.5) {
			d.Other = pick(rng, givens...)
		}
	} else {
		d.NIT = pick(rng, "8", "9") + digitsN(rng, 8)
		d.Company = pick(rng, companies...)
	}
	d.DV = fixturegen.CheckDigit(d.NIT)
	d.Seccional = fmt.Sprintf("%02d", pick(rng, 1, 2, 3, 4, 5, 11, 12, 16, 31, 32, 35))
	seen := map[string]bool{}
	for range rows {
		k := kinds[rng.IntN(len(kinds))]
		q := requests[0]
		if chance(rng, 0.3) {
			q = requests[1+rng.IntN(2)]
		}
		p := prefix(rng)
		for seen[p] {
			p = prefix(rng)
		}
		seen[p] = true
		from, to := bounds(rng)
		d.Rows = append(d.Rows, Row{
			Kind: k.kind, KindLabel: pick(rng, k.labels...), KindCode: k.code, Prefix: p, From: from, To: to,
			Months: pick(rng, 1, 6, 12, 18, 24), Request: q.req, RequestCode: q.code,
		})
	}
	return d
}
