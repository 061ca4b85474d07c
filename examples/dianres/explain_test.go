package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parse --explain says where each value was read, in JSON and in text.
func TestParseExplain(t *testing.T) {
	r := runCLI(t, "", "parse", "--json", "--explain", td("valid/sample.pdf"))
	require.Equal(t, exitOK, r.code)
	out := r.stdout
	var line struct {
		Sources []struct {
			Field, Text, Label, How string
			Page, Box               int
			Checks                  []string
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &line))
	byField := map[string]int{}
	for i, s := range line.Sources {
		byField[s.Field] = i
	}
	require.Contains(t, byField, "number")
	n := line.Sources[byField["number"]]
	assert.Equal(t, "18764000000977", n.Text)
	assert.Equal(t, 4, n.Box)
	assert.Equal(t, 1, n.Page)
	assert.Equal(t, "Número de formulario", n.Label)
	require.Contains(t, byField, "ranges[0].to")
	assert.Equal(t, "column", line.Sources[byField["ranges[0].to"]].How)
	assert.Contains(t, line.Sources[byField["dv"]].Checks, "matches the NIT (modulo 11)")

	r = runCLI(t, "", "parse", "--explain", "--lang", "es", td("valid/sample.pdf"))
	require.Equal(t, exitOK, r.code)
	text := r.stdout
	assert.Contains(t, text, "CAMPO")
	assert.Contains(t, text, "coincide con el NIT (módulo 11)")

	// An incomplete file: the partial result explains what is missing and
	// what was printed near the label.
	r = runCLI(t, "", "parse", "--json", "--explain", td("invalid/incomplete-no-form-number.pdf"))
	require.Equal(t, exitFindings, r.code)
	out = r.stdout
	assert.True(t, strings.Contains(out, `"sources":[`), out)
	assert.Contains(t, out, `"field":"number"`)
}
