package resolution_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/resolution"
)

func TestLegend(t *testing.T) {
	for _, tc := range []struct {
		name string
		rg   resolution.Range
		want string
	}{
		{"unknown kind prints the plain DIAN wording",
			textWith(t, func(r *resolution.Range) { r.Request = resolution.RequestUnknown }),
			"Resolución DIAN No. 18764003567890 del 2023-06-15, prefijo FEV del 1 al 10000, vigencia 24 meses"},
		{"kind and request are named",
			textWith(t, func(r *resolution.Range) { r.Kind = resolution.KindElectronicInvoice }),
			"Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración de factura electrónica de venta, prefijo FEV del 1 al 10000, vigencia 24 meses"},
		{"kind without request",
			textWith(t, func(r *resolution.Range) {
				r.Kind, r.Request = resolution.KindSupportDocument, resolution.RequestUnknown
			}),
			"Resolución DIAN No. 18764003567890 del 2023-06-15, numeración de documento soporte, prefijo FEV del 1 al 10000, vigencia 24 meses"},
		{"empty prefix prints sin prefijo",
			textWith(t, func(r *resolution.Range) { r.Prefix = "" }),
			"Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración, sin prefijo del 1 al 10000, vigencia 24 meses"},
		{"end date off the month grid is printed",
			textWith(t, func(r *resolution.Range) { r.ValidTo = textDay(t, "2025-06-20") }),
			"Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración, prefijo FEV del 1 al 10000, vigencia 24 meses, vigente hasta 2025-06-20"},
		{"end date without months",
			textWith(t, func(r *resolution.Range) { r.Months = 0 }),
			"Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración, prefijo FEV del 1 al 10000, vigente hasta 2025-06-15"},
		{"one month is singular",
			textWith(t, func(r *resolution.Range) { r.Months, r.ValidTo = 1, textDay(t, "2023-07-15") }),
			"Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración, prefijo FEV del 1 al 10000, vigencia 1 mes"},
		{"unknown dates are left out, not guessed",
			textWith(t, func(r *resolution.Range) { r.ValidFrom, r.ValidTo = resolution.Date{}, resolution.Date{} }),
			"Resolución DIAN No. 18764003567890, autorización de numeración, prefijo FEV del 1 al 10000, vigencia 24 meses"},
		{"unknown bounds are left out, not printed as zero",
			textWith(t, func(r *resolution.Range) { r.From, r.To, r.Months, r.ValidTo = 0, 0, 0, resolution.Date{} }),
			"Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración, prefijo FEV"},
		{"out-of-range enums print as unknown",
			textWith(t, func(r *resolution.Range) { r.Kind, r.Request = 99, 99 }),
			"Resolución DIAN No. 18764003567890 del 2023-06-15, prefijo FEV del 1 al 10000, vigencia 24 meses"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, resolution.Legend(legendNumber, tc.rg))
		})
	}
}

// TestLegendRoundTrip proves that ParseText reads back every kind and every
// request Legend writes.
func TestLegendRoundTrip(t *testing.T) {
	kinds := []resolution.Kind{resolution.KindUnknown, resolution.KindElectronicInvoice, resolution.KindSupportDocument,
		resolution.KindPaper, resolution.KindPOS, resolution.KindComputer, resolution.KindEquivalentDocument}
	requests := []resolution.Request{resolution.RequestUnknown, resolution.RequestAuthorization,
		resolution.RequestEnablement, resolution.RequestDisablement}
	shapes := map[string]func(*resolution.Range){
		"months":            func(*resolution.Range) {},
		"end date only":     func(r *resolution.Range) { r.Months = 0; r.ValidTo = textDay(t, "2025-06-14") },
		"both disagree":     func(r *resolution.Range) { r.ValidTo = textDay(t, "2025-07-01") },
		"empty prefix":      func(r *resolution.Range) { r.Prefix = "" },
		"digit prefix":      func(r *resolution.Range) { r.Prefix = "FE2" },
		"POS prefix":        func(r *resolution.Range) { r.Prefix = "POS" },
		"connective prefix": func(r *resolution.Range) { r.Prefix = "DE" },
		"one-letter prefix": func(r *resolution.Range) { r.Prefix = "A" },
		"lower-case prefix": func(r *resolution.Range) { r.Prefix = "fe" },
		"long prefix":       func(r *resolution.Range) { r.Prefix = "SETPX" },
		"accented prefix":   func(r *resolution.Range) { r.Prefix = "ÑÚ1" },
		"large numbers":     func(r *resolution.Range) { r.From, r.To = 990000000, 995000000 },
		"max int64":         func(r *resolution.Range) { r.From, r.To = 1, 1<<63-1 },
		"month-end clamp": func(r *resolution.Range) {
			r.ValidFrom, r.Months, r.ValidTo = textDay(t, "2024-01-31"), 1, textDay(t, "2024-02-29")
		},
	}
	for _, k := range kinds {
		for _, q := range requests {
			for shape, f := range shapes {
				t.Run(fmt.Sprintf("%s/%s/%s", k, q, shape), func(t *testing.T) {
					rg := textWith(t, func(r *resolution.Range) { r.Kind, r.Request = k, q })
					f(&rg)
					legend := resolution.Legend(legendNumber, rg)
					got, err := resolution.ParseText(legend)
					require.NoError(t, err, legend)
					want := rg
					if want.Request == resolution.RequestUnknown {
						want.Request = resolution.RequestAuthorization // a legend naming no request is an authorization
					}
					assert.Equal(t, legendNumber, got.Number)
					assert.Equal(t, []resolution.Range{want}, got.Ranges, legend)
				})
			}
		}
	}
}

// TestLegendsRoundTrip proves that the legends of a multi-range resolution,
// one per line, read back as the same resolution.
func TestLegendsRoundTrip(t *testing.T) {
	r := &resolution.Resolution{Number: legendNumber, Warnings: []resolution.Warning{}, Ranges: []resolution.Range{
		textWith(t, func(r *resolution.Range) { r.Kind = resolution.KindElectronicInvoice }),
		textWith(t, func(r *resolution.Range) {
			r.Kind, r.Request, r.Prefix, r.To, r.Months, r.ValidTo = resolution.KindSupportDocument, resolution.RequestEnablement, "DS", 500, 12, textDay(t, "2024-06-15")
		}),
		textWith(t, func(r *resolution.Range) {
			r.Kind, r.Request, r.Prefix, r.From, r.To, r.Months, r.ValidTo = resolution.KindPOS, resolution.RequestDisablement, "", 5, 50, 0, textDay(t, "2025-06-10")
		}),
		textWith(t, func(r *resolution.Range) {
			r.Prefix, r.ValidFrom, r.ValidTo = "SETP", textDay(t, "2019-01-19"), textDay(t, "2021-01-19")
		}),
	}}
	legends := r.Legends()
	require.Len(t, legends, len(r.Ranges))
	got, err := resolution.ParseText(strings.Join(legends, "\n"))
	require.NoError(t, err)
	assert.Equal(t, r, got)
}

func TestLegendWithoutNumber(t *testing.T) {
	assert.Equal(t, "Resolución DIAN del 2023-06-15, autorización de numeración, prefijo FEV del 1 al 10000, vigencia 24 meses",
		resolution.Legend("", textFEV(t)))
}

func TestLegendsNil(t *testing.T) {
	var r *resolution.Resolution
	assert.Nil(t, r.Legends())
	assert.Empty(t, (&resolution.Resolution{}).Legends())
}

func ExampleLegend() {
	from, _ := resolution.ParseDate("2023-06-15")
	rg := resolution.Range{
		Kind: resolution.KindElectronicInvoice, Prefix: "FEV", From: 1, To: 10000,
		Months: 24, ValidFrom: from, ValidTo: from.AddMonths(24), Request: resolution.RequestAuthorization,
	}
	fmt.Println(resolution.Legend("18764003567890", rg))
	// Output:
	// Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración de factura electrónica de venta, prefijo FEV del 1 al 10000, vigencia 24 meses
}

func ExampleResolution_Legends() {
	r, err := resolution.ParseText("Resolución 18764003567890 del 15/06/2023: prefijo FEV del 1 al 10.000 " +
		"y documento soporte prefijo DS del 1 al 500, vigencia 12 meses")
	if err != nil {
		panic(err)
	}
	for _, l := range r.Legends() {
		fmt.Println(l)
	}
	// Output:
	// Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración, prefijo FEV del 1 al 10000, vigencia 12 meses
	// Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración de documento soporte, prefijo DS del 1 al 500, vigencia 12 meses
}

func BenchmarkLegend(b *testing.B) {
	rg := textWith(b, func(r *resolution.Range) { r.Kind = resolution.KindElectronicInvoice })
	b.ReportAllocs()
	for b.Loop() {
		_ = resolution.Legend(legendNumber, rg)
	}
}
