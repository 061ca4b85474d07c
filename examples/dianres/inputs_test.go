package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Point 1: flags anywhere, "-" for standard input everywhere.

func TestFlagsAnywhere(t *testing.T) {
	res := writeResolutionJSON(t, feRange, setpRange)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string // in stdout
	}{
		{"parse: --json after the file", []string{"parse", td("valid/sample.pdf"), "--json"}, 0, `"number":"18764000000977"`},
		{"parse: --lang between files", []string{"parse", td("valid/sample.pdf"), "--lang", "es", td("valid/one-page.pdf")}, 0, "Titular:"},
		{"check: flags after the number", []string{"check", "FE10", "--resolution", res, "--at", "2025-01-31"}, 0, `"id":"FE10"`},
		{"audit: flags after the file", []string{"audit", writeFile(t, "n.txt", "FE1\n"), "--resolution", res, "--at", "2025-01-31", "--warn-days", "0"}, 0, `"unique":1`},
		{"assoc: flags in any order", []string{"assoc", "--ranges", td("xml/ranges-bare.xml"), "--resolution", writeResolutionJSON(t, setpRange)}, 0, `"associated":true`},
		{"invoice: flags after the file", []string{"invoice", td("xml/invoice-setp.xml"), "--resolution", writeResolutionJSON(t, setpRange)}, 0, `"id":"SETP990000002"`},
		{"legend: --json after --resolution", []string{"legend", "--resolution", res, "--json"}, 0, `"legend":"Resolución DIAN No. 18760000001`},
		{"global flag before the command", []string{"--lang", "es", "parse", td("valid/sample.pdf")}, 0, "Titular:"},
		{"-- ends the flags", []string{"parse", "--json", "--", td("valid/sample.pdf")}, 0, `"number":"18764000000977"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, "", tc.args...)
			assert.Equal(t, tc.code, r.code, "stderr: %s", r.stderr)
			assert.Contains(t, r.stdout, tc.want)
		})
	}
	r := runCLI(t, "", "parse", "--json", "--", "--json")
	assert.Equal(t, exitFindings, r.code)
	assert.Contains(t, r.stdout, `"file":"--json","error":{"code":"unreadable-file"`, "after --, --json is a file name")
}

func TestStdinEverywhere(t *testing.T) {
	sample := readFile(t, td("valid/sample.pdf"))
	resJSON := readFile(t, writeResolutionJSON(t, feRange, setpRange))
	setpJSON := readFile(t, writeResolutionJSON(t, setpRange))
	for _, tc := range []struct {
		name, stdin string
		args        []string
		want        string
	}{
		{"parse -", sample, []string{"parse", "--json", "-"}, `"file":"-","number":"18764000000977"`},
		{"check --resolution - with a PDF", sample, []string{"check", "--resolution", "-", "--at", "2025-01-31", "FE10"}, `"ok":true`},
		{"check --resolution - with a parse line", resJSON, []string{"check", "--resolution", "-", "--at", "2025-01-31", "SETP990000001"}, `"ok":true`},
		{"check - reads the numbers", "FE10\nFE11\n", []string{"check", "--resolution", writeResolutionJSON(t, feRange), "--at", "2025-01-31", "-"}, `"id":"FE11"`},
		{"audit - reads the numbers", "FE1\nFE2\n", []string{"audit", "--resolution", writeResolutionJSON(t, feRange), "--at", "2025-01-31", "-"}, `"unique":2`},
		{"audit --resolution -", resJSON, []string{"audit", "--resolution", "-", "--at", "2025-01-31", writeFile(t, "n.txt", "FE1\n")}, `"unique":1`},
		{"assoc --ranges -", readFile(t, td("xml/ranges-bare.xml")), []string{"assoc", "--resolution", writeResolutionJSON(t, setpRange), "--ranges", "-"}, `"associated":true`},
		{"assoc --resolution -", setpJSON, []string{"assoc", "--resolution", "-", "--ranges", td("xml/ranges-bare.xml")}, `"associated":true`},
		{"invoice -", readFile(t, td("xml/invoice-setp.xml")), []string{"invoice", "--resolution", writeResolutionJSON(t, setpRange), "-"}, `"id":"SETP990000002"`},
		{"legend --resolution -", sample, []string{"legend", "--resolution", "-"}, "Resolución DIAN No. 18764000000977"},
		{"legend --text -", "Resolución 18764003567890 del 15/06/2023, prefijo FEV del 1 al 10000, vigencia 24 meses", []string{"legend", "--text", "-"}, "prefijo FEV del 1 al 10000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, tc.stdin, tc.args...)
			assert.Equal(t, 0, r.code, "stderr: %s", r.stderr)
			assert.Contains(t, r.stdout, tc.want)
		})
	}
	r := runCLI(t, sample, "check", "--resolution", "-", "-")
	assert.Equal(t, exitUsage, r.code, "two inputs cannot both be standard input")
	assert.Contains(t, r.stderr, "only one input can be standard input")
}

// TestRealPipes runs the built binary the way the user did: a
// PDF piped to /dev/stdin and to "-".
func TestRealPipes(t *testing.T) {
	bin := binary(t)
	for _, args := range [][]string{{"parse", "--json", "/dev/stdin"}, {"parse", "--json", "-"}} {
		cmd := exec.Command(bin, args...)
		f, err := os.Open(td("valid/sample.pdf"))
		require.NoError(t, err)
		defer f.Close()
		stdin, err := cmd.StdinPipe() // a real pipe: Stat gives no size
		require.NoError(t, err)
		go func() {
			b, _ := os.ReadFile(td("valid/sample.pdf"))
			stdin.Write(b)
			stdin.Close()
		}()
		out, err := cmd.Output()
		require.NoError(t, err, "%v", args)
		assert.Contains(t, string(out), `"number":"18764000000977"`, "%v", args)
		assertSchema(t, "parse", string(out))
	}
}

// Point 2: errors that say what happened.

// internalNames are words users must never see in a message.
var internalNames = regexp.MustCompile(`pdftext|pdfrepair|pdfsyntax|resolution: |prefix: |validate: |\(malformed`)

func TestParseErrorCodes(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.pdf")
	require.NoError(t, os.WriteFile(empty, nil, 0o600))
	for _, tc := range []struct{ name, file, code, message string }{
		{"random bytes are not a PDF", td("invalid/random-bytes.pdf"), "malformed-pdf", "not a PDF"},
		{"an empty file", empty, "malformed-pdf", "empty"},
		{"a README", "../../README.md", "malformed-pdf", "not a PDF"},
		{"a missing file", filepath.Join(dir, "none.pdf"), "unreadable-file", "file not found"},
		{"a cut PDF", td("invalid/truncated-half.pdf"), "malformed-pdf", "damaged"},
		{"a password needed", td("invalid/encrypted-rc4-user-password.pdf"), "encrypted", "protected with a password"},
		{"a scan", td("invalid/image-only.pdf"), "no-text", "no readable text"},
		{"an invoice", td("invalid/invoice-not-1876.pdf"), "not-a-resolution", "not a DIAN numbering authorization"},
		{"no table", td("invalid/incomplete-no-table.pdf"), "incomplete", "ranges"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, "", "parse", "--json", tc.file)
			assert.Equal(t, exitFindings, r.code)
			lines := jsonLines(t, r.stdout)
			require.Len(t, lines, 1)
			e := lines[0]["error"].(map[string]any)
			assert.Equal(t, tc.code, e["code"])
			assert.Contains(t, e["message"], tc.message)
			assert.NotEmpty(t, e["hint"])
			assert.NotRegexp(t, internalNames, r.stdout)
			assert.Empty(t, r.stderr, "in --json mode the error is on stdout only")

			// Without --json: stderr, one line, the hint on its own line.
			r = runCLI(t, "", "parse", tc.file)
			assert.Equal(t, exitFindings, r.code)
			if tc.code == "incomplete" {
				// What was read goes to stdout, so only the missing fields are typed.
				assert.Contains(t, r.stdout, "(not read)")
			} else {
				assert.Empty(t, r.stdout)
			}
			lines2 := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
			require.Len(t, lines2, 2, r.stderr)
			assert.True(t, strings.HasPrefix(lines2[0], "dianres parse: "+tc.file+": "), lines2[0])
			assert.Contains(t, lines2[0], tc.message)
			assert.True(t, strings.HasPrefix(lines2[1], "hint: "), lines2[1])
			assert.NotRegexp(t, internalNames, r.stderr)
		})
	}
}

func TestWrongPasswordIsNotMissingPassword(t *testing.T) {
	file := td("invalid/encrypted-aes128-user-password.pdf")
	r := runCLI(t, "", "parse", "--json", file)
	assert.Contains(t, r.stdout, `"code":"encrypted"`)
	r = runCLI(t, "", "parse", "--json", "--password", "clave", file)
	assert.Contains(t, r.stdout, `"code":"wrong-password"`)
	assert.Contains(t, r.stdout, "does not open")
	r = runCLI(t, "", "parse", "--json", "--password", "secreto", file)
	assert.Equal(t, 0, r.code)
}

func TestIncompleteCarriesPartial(t *testing.T) {
	r := runCLI(t, "", "parse", "--json", td("invalid/incomplete-no-table.pdf"))
	lines := jsonLines(t, r.stdout)
	require.Len(t, lines, 1)
	partial, ok := lines[0]["partial"].(map[string]any)
	require.True(t, ok, "an incomplete result carries what was read: %s", r.stdout)
	assert.Equal(t, "18764000009002", partial["number"])
	assert.Equal(t, "900123456", partial["nit"])

	r = runCLI(t, "", "parse", "--json", td("invalid/invoice-not-1876.pdf"))
	assert.NotContains(t, r.stdout, `"partial"`, "only incomplete results have a partial")

	// --text too: what the text says comes back beside what it lacks.
	r = runCLI(t, "", "parse", "--json", "--text", "prefijo FEV del 1 al 10000")
	assert.Equal(t, exitFindings, r.code)
	assert.Contains(t, r.stdout, `"code":"incomplete"`)
	assert.Contains(t, r.stdout, `"partial":{`)
}

func TestUnreadableInputsOfCheckingCommands(t *testing.T) {
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked.json")
	require.NoError(t, os.WriteFile(locked, []byte("{}"), 0o000))
	res := writeResolutionJSON(t, setpRange)
	for _, tc := range []struct {
		name    string
		args    []string
		code    string
		message string
	}{
		{"resolution not found", []string{"check", "--resolution", filepath.Join(dir, "none.pdf"), "FE1"}, "unreadable-file", "file not found"},
		{"resolution is a folder", []string{"check", "--resolution", dir, "FE1"}, "unreadable-file", "folder"},
		{"resolution without permission", []string{"check", "--resolution", locked, "FE1"}, "unreadable-file", "permission"},
		{"resolution is a README", []string{"check", "--resolution", "../../README.md", "FE1"}, "malformed-pdf", "not a PDF"},
		{"resolution JSON of another kind", []string{"check", "--resolution", writeFile(t, "x.json", `{"hello":1}`), "FE1"}, "bad-json", "parse --json"},
		{"resolution is an error line", []string{"check", "--resolution", writeFile(t, "e.json", `{"schema":"dianres/v1","file":"a.pdf","error":{"code":"no-text","message":"the PDF has no readable text"}}`), "FE1"}, "no-text", "no readable text"},
		{"numbers file not found", []string{"audit", "--resolution", res, filepath.Join(dir, "none.txt")}, "unreadable-file", "file not found"},
		{"XML not well-formed", []string{"assoc", "--resolution", res, "--ranges", td("xml/ranges-truncated.xml")}, "bad-xml", "not well-formed"},
		{"DIAN answered an error", []string{"assoc", "--resolution", res, "--ranges", td("xml/ranges-error.xml")}, "dian-error", "301"},
		{"invoice is not an invoice", []string{"invoice", "--resolution", res, td("xml/not-dian.xml")}, "bad-xml", "not a UBL invoice"},
		{"legend of an unreadable PDF", []string{"legend", "--resolution", td("invalid/truncated-half.pdf")}, "malformed-pdf", "damaged"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if strings.Contains(tc.name, "permission") && os.Geteuid() == 0 {
				t.Skip("root reads any file")
			}
			r := runCLI(t, "", tc.args...)
			assert.Equal(t, exitInput, r.code, r.stderr)
			assert.Empty(t, r.stdout, "errors go to stderr")
			assert.Contains(t, r.stderr, tc.message)
			assert.NotRegexp(t, internalNames, r.stderr)

			r = runCLI(t, "", append(tc.args, "--json")...)
			assert.Equal(t, exitInput, r.code)
			assert.Contains(t, r.stdout, `"error":{"code":"`+tc.code+`"`, "with --json the error is a JSON line on stdout")
		})
	}
}

// TestInvalidFixtures: every negative fixture gets the code its .want
// file names, through the CLI.
func TestInvalidFixtures(t *testing.T) {
	files, err := filepath.Glob(td("invalid/*.pdf"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	r := runCLI(t, "", append([]string{"parse", "--json"}, files...)...)
	lines := jsonLines(t, r.stdout)
	require.Len(t, lines, len(files))
	for i, f := range files {
		want := strings.TrimSpace(readFile(t, strings.TrimSuffix(f, ".pdf")+".want"))
		e, _ := lines[i]["error"].(map[string]any)
		require.NotNil(t, e, f)
		assert.Equal(t, want, e["code"], f)
	}
}
