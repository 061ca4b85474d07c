package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// legendRun runs dianres with args and stdin, and returns its exit status,
// stdout and stderr.
func legendRun(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code := run(e, args)
	return code, out.String(), errb.String()
}

const legendJSON = `{
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
	dir := t.TempDir()
	jsonPath := filepath.Join(dir, "r.json")
	require.NoError(t, os.WriteFile(jsonPath, []byte(legendJSON), 0o600))
	const fevLegend = "Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración, prefijo FEV del 1 al 10000, vigencia 24 meses\n"

	for _, tc := range []struct {
		name, stdin string
		args        []string
		code        int
		stdout      string
		stderr      string // a substring
	}{
		{name: "JSON resolution prints one legend per usable range, skipping the inhabilitación",
			args: []string{"legend", "--resolution", jsonPath},
			stdout: "Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración de factura electrónica de venta, prefijo FEV del 1 al 10000, vigencia 24 meses\n" +
				"Resolución DIAN No. 18764003567890 del 2023-06-15, habilitación de numeración de documento soporte, prefijo DS del 1 al 500, vigencia 12 meses\n",
			stderr: `range 2 (prefix "POS", 1–50) is an inhabilitación`},
		{name: "free text is rewritten in the canonical wording (the help's example)",
			args:   []string{"legend", "--text", "Autorización No 18764003567890 de 15/06/2023 habilita del FEV1 al FEV10.000, vigencia 24 meses"},
			stdout: fevLegend},
		{name: "text from stdin",
			args: []string{"legend", "--text", "-"}, stdin: "Resolución 18764003567890 del 15 de junio de 2023\nprefijo FEV del 1 al 10.000\nvigencia 24 meses\n",
			stdout: fevLegend},
		{name: "incomplete text prints no legend and names what is missing",
			args: []string{"legend", "--text", "Resolución 18764003567890 del 2023-06-15 del 1 al 500"},
			code: 1, stderr: "ranges[0].prefix"},
		{name: "unrelated text is not a resolution",
			args: []string{"legend", "--text", "hola"}, code: 1, stderr: "not a formato 1876"},
		{name: "warnings go to stderr and the legend still prints",
			args:   []string{"legend", "--text", "Resolución 18764003567890 del 2023-06-15 prefijo FEV del 1 al 10000 vigencia 36 meses"},
			stdout: "Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración, prefijo FEV del 1 al 10000, vigencia 36 meses\n",
			stderr: "warning: months"},
		{name: "missing file", args: []string{"legend", "--resolution", filepath.Join(dir, "nope.pdf")}, code: 1, stderr: "nope.pdf"},
		{name: "help exits 0 with an example", args: []string{"legend", "--help"}, stderr: "Example:"},
		{name: "neither flag is a usage error", args: []string{"legend"}, code: 2, stderr: "exactly one of"},
		{name: "both flags are a usage error", args: []string{"legend", "--resolution", jsonPath, "--text", "x"}, code: 2, stderr: "exactly one of"},
		{name: "stray argument is a usage error", args: []string{"legend", "--resolution", jsonPath, "extra"}, code: 2, stderr: "exactly one of"},
		{name: "unknown flag is a usage error", args: []string{"legend", "--nope"}, code: 2, stderr: "flag provided but not defined"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := legendRun(t, tc.stdin, tc.args...)
			assert.Equal(t, tc.code, code, "stderr: %s", stderr)
			assert.Equal(t, tc.stdout, stdout)
			assert.Contains(t, stderr, tc.stderr)
		})
	}
}
