package main

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Point 3: one exit-code rule for every command.
func TestExitCodes(t *testing.T) {
	res := writeResolutionJSON(t, feRange, setpRange)
	missing := filepath.Join(t.TempDir(), "none")
	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"parse: every file read", []string{"parse", td("valid/sample.pdf")}, exitOK},
		{"parse: a file not read as a 1876", []string{"parse", td("valid/sample.pdf"), td("invalid/image-only.pdf")}, exitFindings},
		{"parse: a missing file is a file not read", []string{"parse", missing}, exitFindings},
		{"parse: usage", []string{"parse", "--format", "xml", td("valid/sample.pdf")}, exitUsage},
		{"check: clean", []string{"check", "--resolution", res, "--at", "2025-01-31", "FE10"}, exitOK},
		{"check: a finding", []string{"check", "--resolution", res, "--at", "2025-01-31", "FE1001"}, exitFindings},
		{"check: usage", []string{"check", "--resolution", res}, exitUsage},
		{"check: resolution unreadable", []string{"check", "--resolution", missing, "FE10"}, exitInput},
		{"check: resolution not a 1876", []string{"check", "--resolution", td("invalid/invoice-not-1876.pdf"), "FE10"}, exitInput},
		{"audit: clean", []string{"audit", "--resolution", res, "--at", "2025-01-31", "--warn-days", "0", writeFile(t, "a", "FE1\nFE2\n")}, exitOK},
		{"audit: a finding", []string{"audit", "--resolution", res, "--at", "2025-01-31", writeFile(t, "a", "FE1\nFE3\n")}, exitFindings},
		{"audit: numbers unreadable", []string{"audit", "--resolution", res, missing}, exitInput},
		{"assoc: clean", []string{"assoc", "--resolution", writeResolutionJSON(t, setpRange), "--ranges", td("xml/ranges-bare.xml")}, exitOK},
		{"assoc: a finding", []string{"assoc", "--resolution", res, "--ranges", td("xml/ranges-bare.xml")}, exitFindings},
		{"assoc: XML unreadable", []string{"assoc", "--resolution", res, "--ranges", td("xml/ranges-truncated.xml")}, exitInput},
		{"assoc: usage", []string{"assoc", "--resolution", res}, exitUsage},
		{"invoice: clean", []string{"invoice", "--resolution", writeResolutionJSON(t, setpRange), td("xml/invoice-setp.xml")}, exitOK},
		{"invoice: a finding", []string{"invoice", "--resolution", writeResolutionJSON(t, feRange), td("xml/invoice-setp.xml")}, exitFindings},
		{"invoice: XML unreadable", []string{"invoice", "--resolution", res, missing}, exitInput},
		{"legend: printed", []string{"legend", "--resolution", res}, exitOK},
		{"legend: resolution unreadable", []string{"legend", "--resolution", missing}, exitInput},
		{"legend: usage", []string{"legend"}, exitUsage},
		{"unknown command", []string{"frobnicate"}, exitUsage},
		{"no command", nil, exitUsage},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, "", tc.args...)
			assert.Equal(t, tc.code, r.code, "stdout: %s\nstderr: %s", r.stdout, r.stderr)
		})
	}
}

// Point 4: parse --json prints the same shape for one file, several, a
// folder, a glob or standard input; every line it prints is accepted
// by --resolution.
func TestParseJSONShape(t *testing.T) {
	keys := func(out string) []string {
		lines := jsonLines(t, out)
		require.NotEmpty(t, lines)
		var ks []string
		for k := range lines[0] {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return ks
	}
	single := runCLI(t, "", "parse", "--json", td("valid/sample.pdf"))
	require.Equal(t, 0, single.code)
	assert.Contains(t, single.stdout, `"file":"`+td("valid/sample.pdf")+`"`)
	want := keys(single.stdout)
	for _, args := range [][]string{
		{td("valid/sample.pdf"), td("valid/one-page.pdf")},
		{filepath.Join(testdata, "valid", "sampl*.pdf")},
		{"-"},
	} {
		r := runCLI(t, readFile(t, td("valid/sample.pdf")), append([]string{"parse", "--json"}, args...)...)
		require.Equal(t, 0, r.code, r.stderr)
		assert.Equal(t, want, keys(r.stdout), "%v", args)
	}
	assert.Equal(t, 1, strings.Count(single.stdout, "\n"), "one object, one line")
}

func TestEveryParseLineIsAResolution(t *testing.T) {
	r := runCLI(t, "", "parse", "--json", filepath.Join(testdata, "valid"), td("invalid/incomplete-no-table.pdf"), td("invalid/image-only.pdf"))
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	require.Greater(t, len(lines), 40)
	ok, failed := 0, 0
	for _, line := range lines {
		c := runCLI(t, line, "check", "--resolution", "-", "--at", "2025-01-31", "X1")
		if strings.Contains(line, `"error"`) {
			failed++
			assert.Equal(t, exitInput, c.code, "an error line is an unreadable resolution: %s", line)
			continue
		}
		ok++
		assert.Equal(t, exitFindings, c.code, "a resolution line loads (X1 is an unknown prefix): %s\n%s", line, c.stderr)
		assert.Contains(t, c.stdout, `"code":"unknown-prefix"`)
	}
	assert.Equal(t, 2, failed)
	assert.Greater(t, ok, 40)
}

// Point 4: one finding shape and one vocabulary across commands.
func TestSameFactSameCode(t *testing.T) {
	res := writeResolutionJSON(t, setpRange)
	invoice := readFile(t, td("xml/invoice-setp.xml"))
	for _, tc := range []struct {
		name, id, date, code string
	}{
		{"number outside the range", "SETP995000001", "2019-06-21", "out-of-range"},
		{"issued after the validity", "SETP990000002", "2030-01-20", "expired"},
		{"issued before the validity", "SETP990000002", "2019-01-18", "not-yet-valid"},
		{"prefix not authorized", "SETT990000002", "2019-06-21", "unknown-prefix"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			check := runCLI(t, "", "check", "--resolution", res, "--at", tc.date, tc.id)
			assert.Equal(t, exitFindings, check.code)
			xml := strings.Replace(invoice, "<cbc:ID>SETP990000002</cbc:ID>", "<cbc:ID>"+tc.id+"</cbc:ID>", 1)
			xml = strings.Replace(xml, "<cbc:IssueDate>2019-06-21</cbc:IssueDate>", "<cbc:IssueDate>"+tc.date+"</cbc:IssueDate>", 1)
			require.NotEqual(t, invoice, xml)
			inv := runCLI(t, xml, "invoice", "--resolution", res, "-")
			assert.Equal(t, exitFindings, inv.code)
			cf := jsonLines(t, check.stdout)[0]["findings"].([]any)
			var invCodes []string
			for _, f := range jsonLines(t, inv.stdout)[0]["findings"].([]any) {
				invCodes = append(invCodes, f.(map[string]any)["code"].(string))
			}
			require.NotEmpty(t, cf)
			assert.Equal(t, tc.code, cf[0].(map[string]any)["code"])
			assert.Contains(t, invCodes, tc.code, "invoice says what check says")
		})
	}
	// rule appears only when DIAN has a code.
	r := runCLI(t, "", "check", "--resolution", res, "--at", "2025-01-31", "FV1", "SETP995000001")
	assert.Contains(t, r.stdout, `"code":"unknown-prefix","rule":"FAD05e"`)
	assert.Contains(t, r.stdout, `"code":"out-of-range","field":"number","resolution":"990000000-995000000","found":"995000001"`)
	assert.NotContains(t, r.stdout, `"rule":""`)
}

// Point 5: assoc reports each range with its own technical key and
// findings.
func TestAssocPerRange(t *testing.T) {
	sett := setpRange
	sett.Prefix = "SETT"
	sets := setpRange
	sets.Prefix, sets.From = "SETS", 1
	res := writeResolutionJSON(t, setpRange, sett, sets)
	xml := readFile(t, td("xml/ranges-soap.xml"))
	block := xml[strings.Index(xml, "<c:NumberRangeResponse>") : strings.Index(xml, "</c:NumberRangeResponse>")+len("</c:NumberRangeResponse>")]
	settBlock := strings.NewReplacer("<c:Prefix>SETP</c:Prefix>", "<c:Prefix>SETT</c:Prefix>",
		"fc8eac422eba16e22ffd8c6f94b3f40a6e38162c", "dddddddddddddddddddddddddddddddddddddddd").Replace(block)
	setsBlock := strings.NewReplacer("<c:Prefix>SETP</c:Prefix>", "<c:Prefix>SETS</c:Prefix>",
		"fc8eac422eba16e22ffd8c6f94b3f40a6e38162c", "5555555555555555555555555555555555555555").Replace(block)
	xml = strings.Replace(xml, block, block+settBlock+setsBlock, 1)

	r := runCLI(t, xml, "assoc", "--resolution", res, "--ranges", "-")
	assert.Equal(t, exitFindings, r.code, r.stderr)
	line := jsonLines(t, r.stdout)[0]
	assert.Equal(t, true, line["associated"], "every range found by number and prefix")
	ranges := line["ranges"].([]any)
	require.Len(t, ranges, 3)
	keys, nFindings := []string{}, []int{}
	for _, x := range ranges {
		m := x.(map[string]any)
		keys = append(keys, m["technical_key"].(string))
		nFindings = append(nFindings, len(m["findings"].([]any)))
	}
	assert.Equal(t, []string{"fc8eac422eba16e22ffd8c6f94b3f40a6e38162c", "dddddddddddddddddddddddddddddddddddddddd", "5555555555555555555555555555555555555555"}, keys)
	assert.Equal(t, []int{0, 0, 1}, nFindings, "only the third range starts elsewhere")
	f := ranges[2].(map[string]any)["findings"].([]any)[0].(map[string]any)
	assert.Equal(t, map[string]any{"code": "from-mismatch", "rule": "FAB11b", "field": "from", "resolution": "1", "found": "990000000",
		"message": "DIAN's range starts at 990000000; the formato 1876 at 1"}, f)
}

// Point 6: warnings travel into every command's output, and into the CSV
// and table formats.
func TestWarningsTravel(t *testing.T) {
	pdf := td("valid/wrong-check-digit.pdf")
	xml := strings.ReplaceAll(readFile(t, td("xml/ranges-bare.xml")), "18760000001", "18764000001006")
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
	}{
		{"check", "", []string{"check", "--resolution", pdf, "--at", "2025-01-31", "FE10"}},
		{"audit", "FE1\n", []string{"audit", "--resolution", pdf, "--at", "2025-01-31", "-"}},
		{"assoc", xml, []string{"assoc", "--resolution", pdf, "--ranges", "-"}},
		{"invoice", readFile(t, td("xml/invoice-setp.xml")), []string{"invoice", "--resolution", pdf, "-"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, tc.stdin, tc.args...)
			require.NotEqual(t, exitInput, r.code, r.stderr)
			assert.Contains(t, r.stdout, `"warnings":[{"code":"check-digit","page":1,"box":6,"message":"DV 7 does not match NIT 900123456`)
			assert.Contains(t, r.stderr, "warning (check-digit)", "a person sees it too")
			r = runCLI(t, tc.stdin, append(tc.args, "--quiet")...)
			assert.NotContains(t, r.stderr, "warning", "--quiet keeps stderr for errors")
		})
	}
	r := runCLI(t, "", "check", "--resolution", pdf, "--at", "2025-01-31", "FE10")
	assert.Equal(t, exitOK, r.code, "a warning is not a finding: the number is valid")

	r = runCLI(t, "", "parse", "--format", "csv", pdf, td("valid/sample.pdf"))
	rows := strings.Split(strings.TrimSpace(r.stdout), "\n")
	require.Len(t, rows, 3)
	assert.Contains(t, rows[0], ",warnings,")
	assert.Contains(t, rows[1], ",check-digit,")
	assert.Contains(t, rows[2], ",authorization,,,", "no warnings, no error")

	r = runCLI(t, "", "parse", "--format", "table", pdf)
	assert.Contains(t, r.stdout, "WARNINGS")
	assert.Contains(t, r.stdout, "check-digit")
}

// Point 4: check, audit and the others print compact lines (the helper
// validates each against the schema; this checks the count).
func TestOneObjectPerLine(t *testing.T) {
	res := writeResolutionJSON(t, feRange)
	r := runCLI(t, "", "check", "--resolution", res, "--at", "2025-01-31", "FE1", "FE2", "FE3")
	assert.Len(t, jsonLines(t, r.stdout), 3)
	r = runCLI(t, "FE1\n", "audit", "--resolution", res, "--at", "2025-01-31", "-")
	assert.Len(t, jsonLines(t, r.stdout), 1)
	r = runCLI(t, "", "version", "--json")
	assert.Len(t, jsonLines(t, r.stdout), 1)
	r = runCLI(t, "", "legend", "--json", "--resolution", writeResolutionJSON(t, feRange, setpRange))
	assert.Len(t, jsonLines(t, r.stdout), 2)
}
