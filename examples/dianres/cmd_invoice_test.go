package main

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInvoiceCommand(t *testing.T) {
	setp := writeTestResolution(t, "SETP")
	b, err := os.ReadFile(xmlSample("invoice-setp.xml"))
	require.NoError(t, err)
	inv := string(b)
	sett := writeFile(t, "sett.xml", strings.Replace(inv, "<sts:Prefix>SETP<", "<sts:Prefix>SETT<", 1))
	late := writeFile(t, "late.xml", strings.Replace(inv, ">SETP990000002<", ">SETP995000001<", 1))
	const sw = "56f2ae4e-9812-4fad-9255-08fcfcd5ccb0"
	for _, tc := range []struct {
		name     string
		args     []string
		stdin    string
		code     int
		stdout   string
		stderrIn string
	}{
		{"clean invoice", []string{"--resolution", setp, "--software-id", sw, xmlSample("invoice-setp.xml")}, "", 0,
			`{"id":"SETP990000002","findings":[]}`, ""},
		{"flags after the file", []string{xmlSample("invoice-setp.xml"), "--resolution", setp}, "", 0,
			`{"id":"SETP990000002","findings":[]}`, ""},
		{"invoice from standard input", []string{"--resolution", setp, "-"}, inv, 0,
			`{"id":"SETP990000002","findings":[]}`, ""},
		{"invoice inside an AttachedDocument", []string{"--resolution", setp, xmlSample("attached-document.xml")}, "", 0,
			`{"id":"SETP990000002","findings":[]}`, ""},
		{"credit note", []string{"--resolution", setp, xmlSample("creditnote-setp.xml")}, "", 0,
			`{"id":"SETP990000003","findings":[]}`, ""},
		{"FAB05c with another software", []string{"--resolution", setp, "--software-id", "other", xmlSample("invoice-setp.xml")}, "", 1,
			`{"id":"SETP990000002","findings":[{"rule":"FAB05c","field":"software_id","resolution":"other","invoice":"56f2ae4e-9812-4fad-9255-08fcfcd5ccb0","message":"the invoice was issued by software \"56f2ae4e-9812-4fad-9255-08fcfcd5ccb0\"; the range is associated with \"other\""}]}`, ""},
		{"FAD05e and FAB10b", []string{"--resolution", setp, sett}, "", 1,
			`{"id":"SETP990000002","findings":[
			{"rule":"FAD05e","field":"range","resolution":"18760000001/SETT","invoice":"","message":"resolution 18760000001 has no range with prefix \"SETT\" that the invoice's InvoiceControl could refer to"},
			{"rule":"FAB10b","field":"prefix","resolution":"SETP","invoice":"SETT","message":"the invoice's InvoiceControl has prefix \"SETT\"; the formato 1876 authorizes \"SETP\""}]}`, ""},
		{"number outside the range", []string{"--resolution", setp, late}, "", 1,
			`{"id":"SETP995000001","findings":[{"rule":"number-in-range","field":"number","resolution":"990000000-995000000","invoice":"995000001","message":"consecutive 995000001 lies outside the authorized range 990000000-995000000"}]}`, ""},
		{"entity expansion attempt", []string{"--resolution", setp, xmlSample("invoice-entities.xml")}, "", 1, "", "DOCTYPE not allowed"},
		{"not an invoice", []string{"--resolution", setp, xmlSample("ranges-bare.xml")}, "", 1, "", "not a UBL invoice"},
		{"no file is usage", []string{"--resolution", setp}, "", 2, "", "exactly one INVOICE.xml"},
		{"two files is usage", []string{"--resolution", setp, "a.xml", "b.xml"}, "", 2, "", "exactly one INVOICE.xml"},
		{"no --resolution is usage", []string{xmlSample("invoice-setp.xml")}, "", 2, "", "--resolution"},
		{"--help shows an example", []string{"--help"}, "", 0, "", "dianres invoice --resolution 18760000001.pdf --software-id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(tc.stdin, append([]string{"invoice"}, tc.args...)...)
			assert.Equal(t, tc.code, code, "stderr: %s", stderr)
			if tc.stdout == "" {
				assert.Empty(t, stdout)
			} else {
				assert.JSONEq(t, tc.stdout, stdout)
			}
			assert.Contains(t, stderr, tc.stderrIn)
		})
	}
}
