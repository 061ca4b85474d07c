package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadmeShowsRealOutput: the README's parse --json line, Spanish text
// output and error lines are what the command prints.
func TestReadmeShowsRealOutput(t *testing.T) {
	readme := readFile(t, "../../README.md")

	m := regexp.MustCompile("(?s)```json\n(.*?)\n```").FindStringSubmatch(readme)
	require.NotNil(t, m)
	r := runCLI(t, "", "parse", "--json", td("valid/sample.pdf"))
	got := strings.Replace(strings.TrimSpace(r.stdout), td("valid/sample.pdf"), "testdata/valid/sample.pdf", 1)
	assert.Equal(t, m[1], got)
	assertSchema(t, "parse", m[1]+"\n")

	r = cli{env: map[string]string{"LANG": "es_CO.UTF-8"}}.run(t, "parse", td("valid/sample.pdf"))
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		assert.Contains(t, readme, "    "+line+"\n")
	}

	r = runCLI(t, "", "parse", td("invalid/image-only.pdf"))
	for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		line = strings.Replace(line, td("invalid/image-only.pdf"), "scan.pdf", 1)
		assert.Contains(t, readme, "    "+line+"\n")
	}

	for _, heading := range []string{"### Exit codes", "### Output contract", "### Languages"} {
		assert.Contains(t, readme, heading)
	}
	for _, code := range []string{codeUnreadable, codeMalformed, codeEncrypted, codeWrongPassword, codeNoText,
		codeNotResolution, codeIncomplete, codeBadJSON, codeBadXML, codeDIANError, codeBadRanges} {
		assert.Contains(t, readme, "`"+code+"`", "README documents error code %s", code)
	}
}
