package prefix_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/resolution"
)

// The XML samples are hand-written files under testdata/xml (synthetic,
// no taxpayer data); variants for single rules are made from them in code
// by replacing one element's text, so each case shows exactly what differs.

func readXML(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "xml", name))
	require.NoError(t, err)
	return string(b)
}

// replace swaps exactly one occurrence of old, failing the test when the
// sample does not hold it once: a silent no-op would make a case prove nothing.
func replace(t testing.TB, s, old, new string) string {
	t.Helper()
	require.Equal(t, 1, strings.Count(s, old), "sample must hold %q exactly once", old)
	return strings.Replace(s, old, new, 1)
}

// testResolution is DIAN's test range (docs/form-1876.md §4) as the PDF parser
// would return it.
func testResolution() *resolution.Resolution {
	return &resolution.Resolution{
		Number: "18760000001",
		Issuer: resolution.Issuer{NIT: "800197268", DV: "4", Name: "EMPRESA DE PRUEBA S.A.S."},
		Ranges: []resolution.Range{{
			Kind: resolution.KindElectronicInvoice, Prefix: "SETP", From: 990000000, To: 995000000, Months: 132,
			ValidFrom: date("2019-01-19"), ValidTo: date("2030-01-19"), Request: resolution.RequestAuthorization,
		}},
		Warnings: []resolution.Warning{},
	}
}

func date(s string) resolution.Date {
	d, err := resolution.ParseDate(s)
	if err != nil {
		panic(err) // test literals only
	}
	return d
}
