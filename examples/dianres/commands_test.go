package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What each command reports, beyond the contract shared by all.

const legendJSON = `{"schema":"dianres/v1","file":"r.pdf",
  "number": "18764003567890", "nit": "900123456", "dv": "8", "name": "EJEMPLO S.A.S.",
  "ranges": [
    {"kind": "electronic-invoice", "prefix": "FEV", "from": 1, "to": 10000, "months": 24,
     "valid_from": "2023-06-15", "valid_to": "2025-06-15", "request": "authorization"},
    {"kind": "support-document", "prefix": "DS", "from": 1, "to": 500, "months": 12,
     "valid_from": "2023-06-15", "valid_to": "2024-06-15", "request": "enablement"},
    {"kind": "pos", "prefix": "POS", "from": 1, "to": 50, "months": 12,
     "valid_from": "2023-06-15", "valid_to": "2024-06-15", "request": "disablement"}
  ],
  "warnings": []
}`

func TestLegendCommand(t *testing.T) {
	jsonPath := writeFile(t, "r.json", legendJSON)
	const fevLegend = "Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración, prefijo FEV del 1 al 10000, vigencia 24 meses\n"
	for _, tc := range []struct {
		name, stdin string
		args        []string
		code        int
		stdout      string
		stderr      string // a substring
	}{
		{name: "one legend per usable range, skipping the inhabilitación",
			args: []string{"legend", "--resolution", jsonPath},
			stdout: "Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración de factura electrónica de venta, prefijo FEV del 1 al 10000, vigencia 24 meses\n" +
				"Resolución DIAN No. 18764003567890 del 2023-06-15, habilitación de numeración de documento soporte, prefijo DS del 1 al 500, vigencia 12 meses\n",
			stderr: `range 3 (prefix "POS", 1-50) is an inhabilitación`},
		{name: "free text is rewritten in the canonical wording",
			args:   []string{"legend", "--text", "Autorización No 18764003567890 de 15/06/2023 habilita del FEV1 al FEV10.000, vigencia 24 meses"},
			stdout: fevLegend},
		{name: "incomplete text prints no legend and names what is missing",
			args: []string{"legend", "--text", "Resolución 18764003567890 del 2023-06-15 del 1 al 500"},
			code: exitInput, stderr: "range 1: prefix (box 31)"},
		{name: "unrelated text is not a resolution",
			args: []string{"legend", "--text", "hola"}, code: exitInput, stderr: "not a DIAN numbering authorization"},
		{name: "warnings go to stderr and the legend still prints",
			args:   []string{"legend", "--text", "Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 36 meses"},
			stdout: "Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración, prefijo FEV del 1 al 10000, vigencia 36 meses\n",
			stderr: "warning (months)"},
		{name: "both flags are a usage error", args: []string{"legend", "--resolution", jsonPath, "--text", "x"}, code: exitUsage, stderr: "exactly one"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, tc.stdin, tc.args...)
			assert.Equal(t, tc.code, r.code, r.stderr)
			assert.Equal(t, tc.stdout, r.stdout)
			assert.Contains(t, r.stderr, tc.stderr)
		})
	}
	r := runCLI(t, "", "legend", "--json", "--resolution", jsonPath)
	lines := jsonLines(t, r.stdout)
	require.Len(t, lines, 2)
	assert.Equal(t, 2.0, lines[1]["index"])
	assert.Equal(t, "DS", lines[1]["prefix"])
}

func TestInvoiceCommand(t *testing.T) {
	setp := writeResolutionJSON(t, setpRange)
	inv := readFile(t, td("xml/invoice-setp.xml"))
	const sw = "56f2ae4e-9812-4fad-9255-08fcfcd5ccb0"
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
		code  int
		want  string // JSON, compared with JSONEq
	}{
		{"clean invoice", "", []string{"--software-id", sw, td("xml/invoice-setp.xml")}, 0,
			`{"schema":"dianres/v1","id":"SETP990000002","ok":true,"issue_date":"2019-06-21","findings":[],"warnings":[]}`},
		{"inside an AttachedDocument", "", []string{td("xml/attached-document.xml")}, 0,
			`{"schema":"dianres/v1","id":"SETP990000002","ok":true,"issue_date":"2019-06-21","findings":[],"warnings":[]}`},
		{"FAB05c with another software", "", []string{"--software-id", "other", td("xml/invoice-setp.xml")}, 1,
			`{"schema":"dianres/v1","id":"SETP990000002","ok":false,"issue_date":"2019-06-21","warnings":[],"findings":[
			{"code":"software-id-mismatch","rule":"FAB05c","field":"software_id","resolution":"other","found":"` + sw + `","message":"the invoice was issued by software \"` + sw + `\"; the range is associated with \"other\""}]}`},
		{"FAD05e and FAB10b", strings.Replace(inv, "<sts:Prefix>SETP<", "<sts:Prefix>SETT<", 1), []string{"-"}, 1,
			`{"schema":"dianres/v1","id":"SETP990000002","ok":false,"issue_date":"2019-06-21","warnings":[],"findings":[
			{"code":"range-not-found","rule":"FAD05e","field":"range","resolution":"18760000001/SETT","found":"","message":"resolution 18760000001 has no range with prefix \"SETT\" that the invoice's InvoiceControl could refer to"},
			{"code":"prefix-mismatch","rule":"FAB10b","field":"prefix","resolution":"SETP","found":"SETT","message":"the invoice's InvoiceControl has prefix \"SETT\"; the formato 1876 authorizes \"SETP\""}]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, tc.stdin, append([]string{"invoice", "--resolution", setp}, tc.args...)...)
			assert.Equal(t, tc.code, r.code, r.stderr)
			assert.JSONEq(t, tc.want, r.stdout)
		})
	}
	r := runCLI(t, "", "invoice", "--resolution", setp, td("xml/invoice-entities.xml"))
	assert.Equal(t, exitInput, r.code)
	assert.Contains(t, r.stderr, "DOCTYPE")
}

// TestAuditSample runs the sample in testdata/audit: a duplicate, gaps, a
// number outside, one dated out of order, one issued in a disabled part,
// an unknown prefix and a used-up range.
func TestAuditSample(t *testing.T) {
	r := runCLI(t, "", "audit", "--resolution", td("audit/resolution.json"), "--at", "10/03/2025", td("audit/issued.txt"))
	require.Equal(t, exitFindings, r.code, r.stderr)
	line := jsonLines(t, r.stdout)[0]
	ranges := line["ranges"].([]any)
	require.Len(t, ranges, 2, "the disablement row gets no report")
	fe := ranges[0].(map[string]any)
	assert.Equal(t, "FE", fe["prefix"])
	assert.EqualValues(t, 8, fe["issued"])
	assert.EqualValues(t, 7, fe["unique"])
	assert.Equal(t, []any{map[string]any{"from": 4.0, "to": 4.0}, map[string]any{"from": 7.0, "to": 89.0}}, fe["gaps"])
	assert.Equal(t, []any{"FE150"}, fe["outside"])
	assert.EqualValues(t, 0, fe["remaining"], "92–100 are disabled")
	inv := fe["invalid"].([]any)
	require.Len(t, inv, 1)
	assert.Equal(t, "disabled-range", inv[0].(map[string]any)["code"])
	alerts := fe["alerts"].([]any)
	require.Len(t, alerts, 1)
	assert.Equal(t, "running-out", alerts[0].(map[string]any)["code"])
	assert.Equal(t, []any{"FV7"}, line["unknown"])
}
