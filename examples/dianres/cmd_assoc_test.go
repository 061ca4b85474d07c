package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/resolution"
)

// writeTestResolution writes DIAN's test range (FORM-1876 §4) as the JSON
// of 'dianres parse --json', with the given prefix, and returns its path.
func writeTestResolution(t *testing.T, pfx string) string {
	t.Helper()
	res := resolution.Resolution{
		Number: "18760000001",
		Issuer: resolution.Issuer{NIT: "800197268", DV: "4", Name: "EMPRESA DE PRUEBA S.A.S."},
		Ranges: []resolution.Range{{
			Kind: resolution.KindElectronicInvoice, Prefix: pfx, From: 990000000, To: 995000000, Months: 132,
			ValidFrom: resolution.NewDate(2019, 1, 19), ValidTo: resolution.NewDate(2030, 1, 19),
			Request: resolution.RequestAuthorization,
		}},
		Warnings: []resolution.Warning{},
	}
	b, err := json.Marshal(res)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "resolution.json")
	require.NoError(t, os.WriteFile(path, b, 0o600))
	return path
}

// writeFile writes content to a temporary file and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}

func xmlSample(name string) string { return filepath.Join("..", "..", "testdata", "xml", name) }

func TestAssocCommand(t *testing.T) {
	setp := writeTestResolution(t, "SETP")
	bare, err := os.ReadFile(xmlSample("ranges-bare.xml"))
	require.NoError(t, err)
	shifted := writeFile(t, "shifted.xml", strings.Replace(string(bare), ">990000000<", ">990000001<", 1))
	for _, tc := range []struct {
		name     string
		args     []string
		stdin    string
		code     int
		stdout   string // JSON, compared with JSONEq; "" means no output
		stderrIn string
	}{
		{"associated, no findings", []string{"--resolution", setp, "--ranges", xmlSample("ranges-soap.xml")}, "", 0,
			`{"associated":true,"technical_key":"fc8eac422eba16e22ffd8c6f94b3f40a6e38162c","findings":[]}`, ""},
		{"answer from standard input", []string{"--resolution", setp, "--ranges", "-"}, string(bare), 0,
			`{"associated":true,"technical_key":"fc8eac422eba16e22ffd8c6f94b3f40a6e38162c","findings":[]}`, ""},
		{"FAB11b finding exits 1", []string{"--resolution", setp, "--ranges", shifted}, "", 1,
			`{"associated":true,"technical_key":"fc8eac422eba16e22ffd8c6f94b3f40a6e38162c","findings":[{"rule":"FAB11b","field":"from","resolution":"990000000","dian":"990000001","message":"DIAN's range starts at 990000001; the formato 1876 at 990000000"}]}`, ""},
		{"not associated", []string{"--resolution", writeTestResolution(t, "SETT"), "--ranges", xmlSample("ranges-bare.xml")}, "", 1,
			`{"associated":false,"technical_key":"","findings":[
			{"rule":"FAD05e","field":"range","resolution":"18760000001/SETT","dian":"","message":"DIAN has no range associated for resolution 18760000001 with prefix \"SETT\""},
			{"rule":"FAB10b","field":"prefix","resolution":"SETT","dian":"SETP","message":"DIAN's range has prefix \"SETP\"; the formato 1876 authorizes \"SETT\""}]}`, ""},
		{"DIAN error code", []string{"--resolution", setp, "--ranges", xmlSample("ranges-error.xml")}, "", 1, "", `OperationCode "301"`},
		{"malformed answer", []string{"--resolution", setp, "--ranges", xmlSample("ranges-truncated.xml")}, "", 1, "", "malformed XML"},
		{"missing answer file", []string{"--resolution", setp, "--ranges", "nope.xml"}, "", 1, "", "nope.xml"},
		{"unreadable resolution", []string{"--resolution", xmlSample("ranges-bare.xml"), "--ranges", xmlSample("ranges-bare.xml")}, "", 1, "", "dianres assoc:"},
		{"no --ranges is usage", []string{"--resolution", setp}, "", 2, "", "are required"},
		{"extra argument is usage", []string{"--resolution", setp, "--ranges", "-", "x"}, "", 2, "", "are required"},
		{"unknown flag is usage", []string{"--nope"}, "", 2, "", "flag provided but not defined"},
		{"--help shows an example", []string{"--help"}, "", 0, "", "dianres assoc --resolution 18760000001.pdf --ranges"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(tc.stdin, append([]string{"assoc"}, tc.args...)...)
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
