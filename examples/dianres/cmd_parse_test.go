package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testdata = "../../testdata"

func TestParseJSONContract(t *testing.T) {
	code, out, errOut := runCLI("", "parse", "--json", filepath.Join(testdata, "valid/sample.pdf"))
	require.Equal(t, 0, code, errOut)
	want, err := os.ReadFile(filepath.Join(testdata, "valid/sample.golden.json"))
	require.NoError(t, err)
	assert.JSONEq(t, string(want), out)
	assert.Equal(t, 1, strings.Count(out, "\n"), "one JSON object on one line")
	assert.Empty(t, errOut, "a single file prints no summary")
}

func TestParseErrorContract(t *testing.T) {
	for _, tc := range []struct{ name, file, code string }{
		{"random bytes", "invalid/random-bytes.pdf", "malformed-pdf"},
		{"user password", "invalid/encrypted-rc4-user-password.pdf", "encrypted"},
		{"scanned image", "invalid/image-only.pdf", "no-text"},
		{"an invoice", "invalid/invoice-not-1876.pdf", "not-a-resolution"},
		{"no table", "invalid/incomplete-no-table.pdf", "incomplete"},
		{"missing file", "invalid/no-such-file.pdf", "malformed-pdf"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, _ := runCLI("", "parse", "--json", filepath.Join(testdata, tc.file))
			assert.Equal(t, 1, code)
			var got struct {
				Error struct{ Code, Message string } `json:"error"`
			}
			require.NoError(t, json.Unmarshal([]byte(out), &got), out)
			assert.Equal(t, tc.code, got.Error.Code)
			assert.NotEmpty(t, got.Error.Message)
			assert.NotContains(t, out, `"number"`, "no partial result beside an error")
		})
	}
}

func TestParsePasswordFlag(t *testing.T) {
	for _, file := range []string{"invalid/encrypted-rc4-user-password.pdf", "invalid/encrypted-aes128-user-password.pdf"} {
		t.Run(file, func(t *testing.T) {
			code, out, _ := runCLI("", "parse", "--json", "--password", "secreto", filepath.Join(testdata, file))
			assert.Equal(t, 0, code, out)
			assert.Contains(t, out, `"number":"18764000000977"`)

			code, out, _ = runCLI("", "parse", "--json", "--password", "wrong", filepath.Join(testdata, file))
			assert.Equal(t, 1, code)
			assert.Contains(t, out, `"code":"encrypted"`)
		})
	}
}

// TestParseBatch runs the batch mode over whole folders, as a support team
// would, and checks the streamed lines, the summary and that piped output
// has no progress bar.
func TestParseBatch(t *testing.T) {
	valid, _ := filepath.Glob(filepath.Join(testdata, "valid/*.pdf"))
	invalid, _ := filepath.Glob(filepath.Join(testdata, "invalid/*.pdf"))
	require.NotEmpty(t, valid)
	var out, errb bytes.Buffer
	code := run(&env{stdout: &out, stderr: &errb, terminal: false}, []string{"parse", "--json", "--workers", "3",
		filepath.Join(testdata, "valid"), filepath.Join(testdata, "invalid")})
	assert.Equal(t, 1, code, "invalid files fail")

	var files []string
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		var line map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &line), sc.Text())
		file, _ := line["file"].(string)
		require.NotEmpty(t, file, "every batch line names its file")
		files = append(files, file)
		_, isErr := line["error"]
		assert.Equal(t, strings.Contains(file, "/invalid/"), isErr, file)
	}
	assert.Len(t, files, len(valid)+len(invalid))
	assert.Equal(t, append(valid, invalid...), files, "results keep argument order")

	lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
	require.Len(t, lines, 1, "stderr holds only the summary: no progress when not a terminal")
	assert.NotContains(t, errb.String(), "\r")
	assert.Regexp(t, `^dianres: parsed \d+, failed \d+ \(.*\), warnings \d+$`, lines[0])
	assert.Contains(t, lines[0], fmt.Sprintf("parsed %d, failed %d", len(valid), len(invalid)))
	assert.Contains(t, lines[0], "encrypted 2")
}

func TestParseProgressOnTerminal(t *testing.T) {
	var out, errb bytes.Buffer
	run(&env{stdout: &out, stderr: &errb, terminal: true}, []string{"parse", "--json", filepath.Join(testdata, "valid/sample.pdf"), filepath.Join(testdata, "valid/one-page.pdf")})
	assert.Contains(t, errb.String(), "2/2", "a terminal sees progress")
	assert.NotContains(t, out.String(), "2/2", "progress never reaches stdout")
}

func TestParseFormats(t *testing.T) {
	sample := filepath.Join(testdata, "valid/rows-two-fe-ds.pdf")
	code, out, _ := runCLI("", "parse", "--format", "csv", sample)
	require.Equal(t, 0, code)
	rows := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, rows, 3, "a header and one record per range")
	assert.True(t, strings.HasPrefix(rows[0], "file,number,nit"))
	assert.Contains(t, rows[2], ",support-document,DSDS,1,2000,")

	code, out, _ = runCLI("", "parse", "--format", "table", sample)
	require.Equal(t, 0, code)
	assert.Contains(t, out, "DSDS")

	code, out, _ = runCLI("", "parse", sample)
	require.Equal(t, 0, code)
	assert.Contains(t, out, "Range 2: support-document, authorization, prefix DSDS, 1 to 2000")

	code, _, _ = runCLI("", "parse", "--format", "xml", sample)
	assert.Equal(t, 2, code)
}

func TestParseText(t *testing.T) {
	code, out, _ := runCLI("", "parse", "--json", "--text", "Resolución DIAN No. 18764003567890 del 2023-06-15, prefijo FEV del 1 al 10000, vigencia 24 meses")
	require.Equal(t, 0, code)
	assert.Contains(t, out, `"prefix":"FEV"`)
	assert.Contains(t, out, `"valid_to":"2025-06-15"`)

	code, out, _ = runCLI("", "parse", "--json", "--text", "prefijo FEV del 1 al 10000")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, `"code":"incomplete"`)
}

func TestHelp(t *testing.T) {
	for _, cmd := range commands() {
		code, _, errOut := runCLI("", cmd.name, "--help")
		assert.Equal(t, 0, code, cmd.name)
		assert.Contains(t, errOut, "xample", "%s --help shows an example", cmd.name)
	}
}
