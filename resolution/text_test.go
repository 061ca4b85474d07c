package resolution_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/resolution"
)

const legendNumber = "18764003567890"

func textDay(t testing.TB, s string) resolution.Date {
	t.Helper()
	d, err := resolution.ParseDate(s)
	require.NoError(t, err)
	return d
}

// fev is the range most variants describe: FEV 1–10000 from 2023-06-15 for
// 24 months, kind unknown.
func textFEV(t testing.TB) resolution.Range {
	return resolution.Range{
		Prefix: "FEV", From: 1, To: 10000, Months: 24,
		ValidFrom: textDay(t, "2023-06-15"), ValidTo: textDay(t, "2025-06-15"),
		Request: resolution.RequestAuthorization,
	}
}

// with returns fev changed by f.
func textWith(t testing.TB, f func(*resolution.Range)) resolution.Range {
	r := textFEV(t)
	f(&r)
	return r
}

type textCase struct {
	name, text string
	number     string // "" means legendNumber
	want       []resolution.Range
	warnings   []resolution.WarningCode
}

func textCases(t testing.TB) []textCase {
	kind := func(k resolution.Kind) resolution.Range { return textWith(t, func(r *resolution.Range) { r.Kind = k }) }
	return []textCase{
		{name: "ISO date, prefijo, del al, vigencia in months",
			text: "Resolución DIAN No. 18764003567890 del 2023-06-15, prefijo FEV del 1 al 10000, vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "day-first date, prefix glued to the numbers, end date derives months",
			text: "Autorización de numeración de facturación electrónica No 18764003567890 de 15/06/2023 habilita del FEV1 al FEV10000 vigente hasta 15/06/2025",
			want: []resolution.Range{kind(resolution.KindElectronicInvoice)}},
		{name: "upper case, N°, spelled-out date, rango with hyphen, fecha de vencimiento",
			text: "RESOLUCIÓN DIAN N° 18764003567890 DEL 15 DE JUNIO DE 2023 RANGO FEV 1 - FEV 10.000 FECHA DE VENCIMIENTO: 15/06/2025",
			want: []resolution.Range{textFEV(t)}},
		{name: "Nº marker",
			text: "Resolución Nº 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "# marker glued to the number",
			text: "Resolución #18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "No glued to the number",
			text: "Resolución No18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "lower case without accents keeps the prefix as written",
			text: "resolucion dian no 18764003567890 del 2023-06-15 prefijo fev del 1 al 10000 vigencia 24 meses",
			want: []resolution.Range{textWith(t, func(r *resolution.Range) { r.Prefix = "fev" })}},
		{name: "combining accents match like precomposed ones",
			text: "RESOLUCIO\u0301N DIAN No. 18764003567890 del 2023-06-15, FACTURA ELECTRO\u0301NICA DE VENTA, prefijo FEV del 1 al 10000, vigencia 24 meses",
			want: []resolution.Range{kind(resolution.KindElectronicInvoice)}},
		{name: "desde hasta with prefix apart from the numbers",
			text: "Resolución DIAN 18764003567890 de 2023-06-15 desde FEV 1 hasta FEV 10000 vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "rango without spaces around the hyphen",
			text: "Resolución 18764003567890 del 2023-06-15 rango FEV1-FEV10000 vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "prefix joined to the numbers by a hyphen",
			text: "Resolución 18764003567890 del 2023-06-15 del FEV-1 al FEV-10000 vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "thousands separated with dots",
			text: "Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10.000 vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "thousands separated with commas",
			text: "Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 1,000,000 vigencia 24 meses",
			want: []resolution.Range{textWith(t, func(r *resolution.Range) { r.To = 1000000 })}},
		{name: "vigencia hasta is an end date",
			text: "Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia hasta 2025-06-15",
			want: []resolution.Range{textFEV(t)}},
		{name: "an end date off the month grid leaves months zero",
			text: "Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigente hasta 2025-06-14",
			want: []resolution.Range{textWith(t, func(r *resolution.Range) { r.Months, r.ValidTo = 0, textDay(t, "2025-06-14") })}},
		{name: "a printed end date wins over months and is flagged",
			text:     "Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 24 meses, vigente hasta 2025-06-20",
			want:     []resolution.Range{textWith(t, func(r *resolution.Range) { r.ValidTo = textDay(t, "2025-06-20") })},
			warnings: []resolution.WarningCode{resolution.WarnValidTo}},
		{name: "months from the 31st clamp to the month end",
			text: "Resolución 18764003567890 del 2024-01-31 prefijo FEV del 1 al 10000 vigencia 1 mes",
			want: []resolution.Range{textWith(t, func(r *resolution.Range) {
				r.Months, r.ValidFrom, r.ValidTo = 1, textDay(t, "2024-01-31"), textDay(t, "2024-02-29")
			})}},
		{name: "documento soporte kind",
			text: "Documento soporte, Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 24 meses",
			want: []resolution.Range{kind(resolution.KindSupportDocument)}},
		{name: "POS kind",
			text: "Tiquete POS autorizado por Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 24 meses",
			want: []resolution.Range{kind(resolution.KindPOS)}},
		{name: "talonario kind",
			text: "Facturas de talonario: Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 24 meses",
			want: []resolution.Range{kind(resolution.KindPaper)}},
		{name: "documento equivalente electrónico kind wins over POS in the long DIAN name",
			text: "Documento equivalente electrónico tiquete de máquina registradora con sistema POS, Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 24 meses",
			want: []resolution.Range{kind(resolution.KindEquivalentDocument)}},
		{name: "factura por computador kind",
			text: "Factura por computador. Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 24 meses",
			want: []resolution.Range{kind(resolution.KindComputer)}},
		{name: "habilitación request",
			text: "Habilitación de numeración, Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 24 meses",
			want: []resolution.Range{textWith(t, func(r *resolution.Range) { r.Request = resolution.RequestEnablement })}},
		{name: "inhabilitación request, even in a form titled autorización",
			text: "Autorización numeración de facturación: inhabilitación. Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 24 meses",
			want: []resolution.Range{textWith(t, func(r *resolution.Range) {
				r.Request, r.Kind = resolution.RequestDisablement, resolution.KindUnknown
			})}},
		{name: "several ranges in one sentence share its date and validity",
			text: "Resolución DIAN No. 18764003567890 del 2023-06-15, prefijo FEV del 1 al 10000 y prefijo DS del 1 al 500, vigencia 24 meses",
			want: []resolution.Range{textFEV(t), textWith(t, func(r *resolution.Range) { r.Prefix, r.To = "DS", 500 })}},
		{name: "several lines keep their own kind, request and validity",
			text: "Factura electrónica de venta: Resolución 18764003567890 del 2023-06-15, prefijo FEV del 1 al 10000, vigencia 24 meses\n" +
				"Documento soporte, habilitación: Resolución 18764003567890 del 2023-06-15, prefijo DS del 1 al 500, vigencia 12 meses",
			want: []resolution.Range{kind(resolution.KindElectronicInvoice), textWith(t, func(r *resolution.Range) {
				r.Kind, r.Request, r.Prefix, r.To, r.Months, r.ValidTo = resolution.KindSupportDocument, resolution.RequestEnablement, "DS", 500, 12, textDay(t, "2024-06-15")
			})}},
		{name: "sin prefijo is a real empty prefix",
			text: "Resolución 18764003567890 del 2023-06-15, sin prefijo, del 1 al 10000, vigencia 24 meses",
			want: []resolution.Range{textWith(t, func(r *resolution.Range) { r.Prefix = "" })}},
		{name: "prefix declared after the range",
			text: "Numeración del 1 al 10000 con prefijo FEV, Resolución 18764003567890 del 2023-06-15, vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "DIAN test range: months derived and flagged beyond 24",
			text:   "Resolución 18760000001 del 2019-01-19 prefijo SETP del 990000000 al 995000000 vigente hasta 2030-01-19",
			number: "18760000001",
			want: []resolution.Range{{Prefix: "SETP", From: 990000000, To: 995000000, Months: 132,
				ValidFrom: textDay(t, "2019-01-19"), ValidTo: textDay(t, "2030-01-19"), Request: resolution.RequestAuthorization}},
			warnings: []resolution.WarningCode{resolution.WarnMonths}},
		{name: "email over several lines",
			text: "Buenos días,\n\nLes comparto la resolución 18764003567890 expedida el 15 de junio de 2023.\n" +
				"Prefijo: FEV\nRango autorizado: 1 - 10.000\nVigencia: 24 meses\n\nGracias.",
			want: []resolution.Range{textFEV(t)}},
		{name: "prefix ending in a digit is split where it was declared",
			text: "Resolución 18764003567890 del 2023-06-15 prefijo FE2 del FE21 al FE210000 vigencia 24 meses",
			want: []resolution.Range{textWith(t, func(r *resolution.Range) { r.Prefix = "FE2" })}},
		{name: "validity in years",
			text: "Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia de 2 años",
			want: []resolution.Range{textFEV(t)}},
		{name: "month name before the day",
			text: "Resolución 18764003567890 de junio 15 de 2023 prefijo FEV del 1 al 10000 vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "abbreviated month between hyphens",
			text: "Resolución 18764003567890 del 15-jun-2023 prefijo FEV del 1 al 10000 vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "months in words and figures",
			text: "Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 por veinticuatro (24) meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "NIT with check digit is not read as a range",
			text: "NIT 900.123.456-7. Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "number without 1876 kept after Resolución, with a warning",
			text:   "Resolución No. 320001234567 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 24 meses",
			number: "320001234567",
			want:   []resolution.Range{textFEV(t)}, warnings: []resolution.WarningCode{resolution.WarnFormNumber}},
		{name: "validity written as del … al … dates",
			text: "Resolución 18764003567890, prefijo FEV del 1 al 10000, vigente del 2023-06-15 al 2025-06-15",
			want: []resolution.Range{textFEV(t)}},
		{name: "desde el número hasta el número",
			text: "Resolución 18764003567890 del 2023-06-15 prefijo FEV desde el número 1 hasta el número 10000 vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "entre … y …",
			text: "Resolución 18764003567890 del 2023-06-15 prefijo FEV, numeración entre 1 y 10000, vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "year-first date with slashes",
			text: "Resolución 18764003567890 del 2023/06/15 prefijo FEV del 1 al 10000 vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "quoted prefix after a colon",
			text: `Resolución 18764003567890 del 2023-06-15 prefijo: "FEV" del 1 al 10000 vigencia 24 meses`,
			want: []resolution.Range{textFEV(t)}},
		{name: "range before the resolution, prefix in the numbers",
			text: "FEV 1 al FEV 10000 autorizado mediante Resolución 18764003567890 del 2023-06-15 vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "digits-only prefix",
			text: "Resolución 18764003567890 del 2023-06-15 prefijo 12 del 1 al 10000 vigencia 24 meses",
			want: []resolution.Range{textWith(t, func(r *resolution.Range) { r.Prefix = "12" })}},
		{name: "ISO date-time keeps the day",
			text: "Resolución 18764003567890 del 2023-06-15T10:30:00-05:00 prefijo FEV del 1 al 10000 vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "stamp date with time of day",
			text: "Resolución 18764003567890 Fecha Acuse de Recibo 2023-06-15 / 11:38:26 AM prefijo FEV del 1 al 10000 vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "invalid UTF-8 and control bytes between words are skipped",
			text: "Resolución\xff 18764003567890\x00 del 2023-06-15\t prefijo FEV del 1 al 10000 \xc3vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "bare capital prefix before del",
			text: "Resolución 18764003567890 del 2023-06-15: FEV del 1 al 10000, vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "two bare prefixes list two ranges",
			text: "Resolución 18764003567890 del 2023-06-15, rangos FEV del 1 al 10000 y DS del 1 al 500, vigencia 24 meses",
			want: []resolution.Range{textFEV(t), textWith(t, func(r *resolution.Range) { r.Prefix, r.To = "DS", 500 })}},
		{name: "DIAN before del is no prefix",
			text: "Resolución 18764003567890 del 2023-06-15 prefijo FEV, autorizada por la DIAN del 1 al 10000, vigencia 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "validity as a period after vigencia",
			text: "Resolución 18764003567890, prefijo FEV del 1 al 10000, vigencia: 15/06/2023 - 15/06/2025",
			want: []resolution.Range{textFEV(t)}},
		{name: "start and end labelled inicio and fin",
			text: "Resolución 18764003567890 prefijo FEV del 1 al 10000 fecha inicio: 2023-06-15 fecha fin: 2025-06-15",
			want: []resolution.Range{textFEV(t)}},
		{name: "a kind after the last range annotates that range only",
			text: "Resolución 18764003567890 del 15 de junio de 2023, rangos FEV del 1 al 10.000 y DS del 1 al 500 (documento soporte), vigencia 24 meses",
			want: []resolution.Range{textFEV(t), textWith(t, func(r *resolution.Range) { r.Prefix, r.To, r.Kind = "DS", 500, resolution.KindSupportDocument })}},
		{name: "a kind before the first range heads them all",
			text: "Documento soporte: Resolución 18764003567890 del 2023-06-15, prefijo FEV del 1 al 10000 y prefijo DS del 1 al 500, vigencia 24 meses",
			want: []resolution.Range{kind(resolution.KindSupportDocument), textWith(t, func(r *resolution.Range) {
				r.Prefix, r.To, r.Kind = "DS", 500, resolution.KindSupportDocument
			})}},
		{name: "whole invoice: the legend line's facts beat the header's dates",
			text: "FACTURA ELECTRÓNICA DE VENTA No. FEV 123\nFecha de emisión: 2024-01-10\nFecha de vencimiento: 2024-02-10\n" +
				"NIT 900.123.456-7\nTotal: $1.190.000\n" +
				"Resolución DIAN No. 18764003567890 del 2023-06-15, prefijo FEV del 1 al 10000, vigencia 24 meses",
			want: []resolution.Range{textWith(t, func(r *resolution.Range) { r.Kind = resolution.KindElectronicInvoice })}},
		{name: "consecutivo autorizado with colons",
			text: "Resolución 18764003567890 del 2023-06-15. Prefijo: FEV. Consecutivo autorizado: 1 a 10000. Vigencia: 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "desde: hasta: labels",
			text: "Resolución 18764003567890 del 2023-06-15 Prefijo: FEV Desde: 1 Hasta: 10000 Vigencia: 24 meses",
			want: []resolution.Range{textFEV(t)}},
		{name: "phone numbers and addresses are not ranges",
			text: "Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 24 meses Tel 601-555-1234 CRA 7 # 12-34 Cel: 300 123-4567",
			want: []resolution.Range{textFEV(t)}},
		{name: "two dates side by side are a period",
			text: "resolucion 18764003567890 2023-06-15 2025-06-15 fev 1 al 10000",
			want: []resolution.Range{textWith(t, func(r *resolution.Range) { r.Prefix = "fev" })}},
		{name: "same number repeated is not a conflict",
			text: "Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 24 meses (formulario 18764003567890)",
			want: []resolution.Range{textFEV(t)}},
	}
}

func TestParseText(t *testing.T) {
	for _, tc := range textCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			got, err := resolution.ParseText(tc.text)
			require.NoError(t, err)
			require.NotNil(t, got)
			number := tc.number
			if number == "" {
				number = legendNumber
			}
			assert.Equal(t, number, got.Number)
			assert.Equal(t, tc.want, got.Ranges)
			var codes []resolution.WarningCode
			for _, w := range got.Warnings {
				codes = append(codes, w.Code)
			}
			assert.Equal(t, tc.warnings, codes, "warnings: %+v", got.Warnings)
			assert.Empty(t, got.NIT, "a legend carries no issuer")
		})
	}
}

func TestParseTextIncomplete(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		missing    []string
		want       *resolution.Resolution
	}{
		{name: "no resolution number",
			text:    "Resolución DIAN del 2023-06-15, prefijo FEV del 1 al 10000, vigencia 24 meses",
			missing: []string{"number"},
			want:    &resolution.Resolution{Ranges: []resolution.Range{textFEV(t)}}},
		{name: "no range at all",
			text:    "Resolución DIAN No. 18764003567890 del 2023-06-15, vigencia 24 meses",
			missing: []string{"ranges"},
			want:    &resolution.Resolution{Number: legendNumber, Ranges: []resolution.Range{}}},
		{name: "a prefix without bounds is a partial range",
			text:    "Resolución DIAN No. 18764003567890 del 2023-06-15, prefijo FEV, vigencia 24 meses",
			missing: []string{"ranges[0].from", "ranges[0].to"},
			want: &resolution.Resolution{Number: legendNumber, Ranges: []resolution.Range{
				textWith(t, func(r *resolution.Range) { r.From, r.To = 0, 0 })}}},
		{name: "bounds without any prefix leave the prefix unknown",
			text:    "Resolución DIAN No. 18764003567890 del 2023-06-15, numeración del 1 al 10000, vigencia 24 meses",
			missing: []string{"ranges[0].prefix"},
			want: &resolution.Resolution{Number: legendNumber, Ranges: []resolution.Range{
				textWith(t, func(r *resolution.Range) { r.Prefix = "" })}}},
		{name: "no start date keeps months but no end",
			text:    "Resolución DIAN No. 18764003567890, prefijo FEV del 1 al 10000, vigencia 24 meses",
			missing: []string{"ranges[0].valid_from"},
			want: &resolution.Resolution{Number: legendNumber, Ranges: []resolution.Range{
				textWith(t, func(r *resolution.Range) { r.ValidFrom, r.ValidTo = resolution.Date{}, resolution.Date{} })}}},
		{name: "neither months nor end date",
			text:    "Resolución DIAN No. 18764003567890 del 2023-06-15, prefijo FEV del 1 al 10000",
			missing: []string{"ranges[0].valid_to"},
			want: &resolution.Resolution{Number: legendNumber, Ranges: []resolution.Range{
				textWith(t, func(r *resolution.Range) { r.Months, r.ValidTo = 0, resolution.Date{} })}}},
		{name: "an end date but no start derives nothing",
			text:    "Resolución DIAN No. 18764003567890, prefijo FEV del 1 al 10000, fecha de vencimiento 2025-06-15",
			missing: []string{"ranges[0].valid_from"},
			want: &resolution.Resolution{Number: legendNumber, Ranges: []resolution.Range{
				textWith(t, func(r *resolution.Range) { r.Months, r.ValidFrom = 0, resolution.Date{} })}}},
		{name: "only a number",
			text:    "Resolución 18764003567890",
			missing: []string{"ranges"},
			want:    &resolution.Resolution{Number: legendNumber, Ranges: []resolution.Range{}}},
		{name: "everything missing but the words",
			text:    "Resolución de facturación pendiente",
			missing: []string{"number", "ranges"},
			want:    &resolution.Resolution{Ranges: []resolution.Range{}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := resolution.ParseText(tc.text)
			var pe *resolution.ParseError
			require.ErrorAs(t, err, &pe)
			assert.ErrorIs(t, err, resolution.ErrIncomplete)
			assert.Equal(t, tc.missing, pe.Missing)
			require.NotNil(t, got, "the partial resolution comes with the error")
			tc.want.Warnings = []resolution.Warning{}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestParseTextErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       error
		quoted     string // ParseError.Text
		partial    bool   // a partial resolution comes back
	}{
		{name: "empty text", text: "", want: resolution.ErrNotForm1876},
		{name: "greeting", text: "hola mundo", want: resolution.ErrNotForm1876},
		{name: "an invoice line without a legend",
			text: "Factura de venta FEV123, total $100.000, NIT 900.123.456-7", want: resolution.ErrNotForm1876},
		{name: "longer than MaxTextSize", text: strings.Repeat("a", resolution.MaxTextSize+1), want: resolution.ErrLimit},
		{name: "range start after its end",
			text: "Resolución 18764003567890 del 2023-06-15 prefijo FEV del 10000 al 1 vigencia 24 meses",
			want: resolution.ErrBadValue, quoted: "del 10000 al 1", partial: true},
		{name: "consecutives start at 1",
			text: "Resolución 18764003567890 del 2023-06-15 prefijo FEV del 0 al 10000 vigencia 24 meses",
			want: resolution.ErrBadValue, quoted: "del 0 al 10000", partial: true},
		{name: "impossible date",
			text: "Resolución 18764003567890 del 2023-02-30 prefijo FEV del 1 al 10000 vigencia 24 meses",
			want: resolution.ErrBadValue, quoted: "2023-02-30", partial: true},
		{name: "month-first date is not a day-first date",
			text: "Resolución 18764003567890 del 06/15/2023 prefijo FEV del 1 al 10000 vigencia 24 meses",
			want: resolution.ErrBadValue, quoted: "06/15/2023", partial: true},
		{name: "consecutive beyond int64",
			text: "Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 99999999999999999999 vigencia 24 meses",
			want: resolution.ErrBadValue, quoted: "del 1 al 99999999999999999999", partial: true},
		{name: "zero months",
			text: "Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 0 meses",
			want: resolution.ErrBadValue, quoted: "0 meses", partial: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := resolution.ParseText(tc.text)
			var pe *resolution.ParseError
			require.ErrorAs(t, err, &pe)
			assert.ErrorIs(t, err, tc.want)
			assert.Equal(t, tc.quoted, pe.Text)
			assert.Equal(t, tc.partial, got != nil)
			assert.True(t, strings.HasPrefix(err.Error(), "resolution: "), err.Error())
		})
	}
}

func TestParseTextSeveralNumbersWarns(t *testing.T) {
	got, err := resolution.ParseText("Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 24 meses; " +
		"Resolución 18764000000001 del 2023-06-15 prefijo DS del 1 al 10 vigencia 24 meses")
	require.NoError(t, err)
	assert.Equal(t, legendNumber, got.Number, "the first number is kept")
	require.Len(t, got.Warnings, 1)
	assert.Equal(t, resolution.WarnInconsistent, got.Warnings[0].Code)
	assert.Len(t, got.Ranges, 2)
}

func ExampleParseText() {
	r, err := resolution.ParseText("Autorización de numeración de facturación electrónica No 18764003567890 " +
		"de 15/06/2023 habilita del FEV1 al FEV10.000 vigente hasta 15/06/2025")
	if err != nil {
		panic(err)
	}
	rg := r.Ranges[0]
	fmt.Println(r.Number, rg.Kind, rg.Prefix, rg.From, rg.To)
	fmt.Println(rg.ValidFrom, rg.ValidTo, rg.Months, rg.Request)

	// What a legend does not say is reported, never guessed.
	_, err = resolution.ParseText("Resolución 18764003567890 del 2023-06-15, del 1 al 500")
	var pe *resolution.ParseError
	if errors.As(err, &pe) && errors.Is(err, resolution.ErrIncomplete) {
		fmt.Println("missing:", pe.Missing)
	}
	// Output:
	// 18764003567890 electronic-invoice FEV 1 10000
	// 2023-06-15 2025-06-15 24 authorization
	// missing: [ranges[0].prefix ranges[0].valid_to]
}

// FuzzParseText checks that any text gives a result or a ParseError, never a
// panic, and that what it accepts is coherent and survives JSON.
func FuzzParseText(f *testing.F) {
	for _, tc := range textCases(f) {
		f.Add(tc.text)
	}
	f.Add("Resolución 18764003567890 del 2023-02-30 prefijo FEV del 10000 al 1 vigencia 0 meses")
	f.Add("Resolución 18764003567890 del 9999-12-31 prefijo FEV del 1 al 2 vigencia 1200 meses")
	f.Fuzz(func(t *testing.T, s string) {
		r, err := resolution.ParseText(s)
		if err != nil {
			var pe *resolution.ParseError
			require.ErrorAs(t, err, &pe)
			require.NotEmpty(t, err.Error())
			_ = pe.Hint()
			if r == nil {
				return
			}
		}
		require.NotNil(t, r)
		for i, rg := range r.Ranges {
			if err == nil {
				require.LessOrEqual(t, rg.From, rg.To, "range %d", i)
			}
			for _, d := range []resolution.Date{rg.ValidFrom, rg.ValidTo} {
				require.True(t, d.IsZero() || d.Valid(), "range %d: date %v", i, d)
			}
		}
		if err == nil {
			// What ParseText accepts, Legend writes back readably.
			for _, rg := range r.Ranges {
				if strings.IndexFunc(rg.Prefix, func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) }) >= 0 {
					continue // Legend documents no round trip for these
				}
				legend := resolution.Legend(r.Number, rg)
				back, err := resolution.ParseText(legend)
				require.NoError(t, err, legend)
				require.Equal(t, []resolution.Range{rg}, back.Ranges, legend)
			}
		}
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var back resolution.Resolution
		require.NoError(t, json.Unmarshal(b, &back), "%s", b)
		require.Equal(t, r, &back)
	})
}

func BenchmarkParseText(b *testing.B) {
	for _, bc := range []struct{ name, text string }{
		{"legend", "Resolución DIAN No. 18764003567890 del 2023-06-15, prefijo FEV del 1 al 10000, vigencia 24 meses"},
		{"email", "Buenos días,\n\nLes comparto la resolución 18764003567890 expedida el 15 de junio de 2023.\n" +
			"Prefijo: FEV\nRango autorizado: 1 - 10.000\nVigencia: 24 meses\n\nGracias."},
		// The worst shape near MaxTextSize: thousands of ranges, and facts
		// that each range must look up among thousands of others.
		{"64KiB", "Resolución " + strings.Repeat("del FEV1 al FEV9 y ", 1500) + strings.Repeat("POS ", (resolution.MaxTextSize-12-1500*19)/4)},
		// Thousands of prefix declarations, each before a pair.
		{"64KiB-decls", strings.Repeat("prefijo AB, AB1 al AB2 ", resolution.MaxTextSize/23)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			require.LessOrEqual(b, len(bc.text), resolution.MaxTextSize)
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.text)))
			for b.Loop() {
				_, _ = resolution.ParseText(bc.text)
			}
		})
	}
}

func TestParseTextTwoStartDatesWarns(t *testing.T) {
	got, err := resolution.ParseText("Resolución 18764003567890 del 2023-06-15, expedida el 2024-01-10, " +
		"prefijo FEV del 1 al 10000 vigencia 24 meses")
	require.NoError(t, err)
	assert.Equal(t, []resolution.Range{textFEV(t)}, got.Ranges, "the first start date is kept")
	require.Len(t, got.Warnings, 1)
	assert.Equal(t, resolution.WarnInconsistent, got.Warnings[0].Code)
	assert.Contains(t, got.Warnings[0].Message, "2024-01-10")
}

// TestParseTextPrefixWithInnerDigits proves a prefix that mixes digits and
// letters ("F2A") is kept whole, written apart from or glued to the number.
func TestParseTextPrefixWithInnerDigits(t *testing.T) {
	for _, text := range []string{
		"Resolución 18764003567890 del 2023-06-15 del F2A 1 al F2A 10000 vigencia 24 meses",
		"Resolución 18764003567890 del 2023-06-15 del F2A1 al F2A10000 vigencia 24 meses",
		"Resolución 18764003567890 del 2023-06-15 prefijo F2A del 1 al 10000 vigencia 24 meses",
	} {
		got, err := resolution.ParseText(text)
		require.NoError(t, err, text)
		assert.Equal(t, []resolution.Range{textWith(t, func(r *resolution.Range) { r.Prefix = "F2A" })}, got.Ranges, text)
	}
}
