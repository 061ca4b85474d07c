package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Point 8: Spanish and English, chosen by --lang or the locale.

func TestLanguageChoice(t *testing.T) {
	for _, tc := range []struct {
		name    string
		env     map[string]string
		args    []string
		spanish bool
	}{
		{"no locale: English", nil, nil, false},
		{"LANG=es_CO.UTF-8", map[string]string{"LANG": "es_CO.UTF-8"}, nil, true},
		{"LANG=es", map[string]string{"LANG": "es"}, nil, true},
		{"LC_ALL wins over LANG", map[string]string{"LC_ALL": "en_US.UTF-8", "LANG": "es_CO.UTF-8"}, nil, false},
		{"LC_MESSAGES wins over LANG", map[string]string{"LC_MESSAGES": "es_ES.UTF-8", "LANG": "C"}, nil, true},
		{"--lang en wins over the locale", map[string]string{"LANG": "es_CO.UTF-8"}, []string{"--lang", "en"}, false},
		{"--lang=es", nil, []string{"--lang=es"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := cli{env: tc.env}.run(t, append([]string{"parse", td("valid/sample.pdf")}, tc.args...)...)
			require.Equal(t, 0, r.code, r.stderr)
			assert.Equal(t, tc.spanish, strings.Contains(r.stdout, "Titular:"), r.stdout)
		})
	}
	r := runCLI(t, "", "parse", "--lang", "fr", td("valid/sample.pdf"))
	assert.Equal(t, exitUsage, r.code)
	assert.Contains(t, r.stderr, `unknown language "fr"`)
}

func TestParseTextReadsAsColombianSupport(t *testing.T) {
	es := cli{env: map[string]string{"LANG": "es_CO.UTF-8"}}
	r := es.run(t, "parse", td("valid/rows-two-fe-ds.pdf"))
	require.Equal(t, 0, r.code)
	assert.Equal(t, `Resolución DIAN No. 18764000000981 (formulario 1876)
Titular: COMERCIALIZADORA ANDINA DE TECNOLOGÍA S.A.S., NIT 900123456-8
Rango 1: factura electrónica de venta, autorización, prefijo FE, del 1 al 1000, vigencia 24 meses, del 19/10/2024 al 19/10/2026
Rango 2: documento soporte, autorización, prefijo DSDS, del 1 al 2000, vigencia 24 meses, del 19/10/2024 al 19/10/2026
`, r.stdout)
	r = es.run(t, "parse", td("valid/wrong-check-digit.pdf"))
	assert.Contains(t, r.stdout, "Aviso (check-digit): el DV 7 no corresponde al NIT 900123456 (debería ser 8")

	r = runCLI(t, "", "parse", td("valid/prefix-empty.pdf"))
	assert.Contains(t, r.stdout, "Range 1: electronic invoice, authorization, no prefix, 1 to 1000, 24 months, valid 2024-10-19 to 2026-10-19\n")
}

// TestEveryMessageInBothLanguages runs each user-facing path in both
// languages and requires the two outputs to differ: a message left in
// one language would print the same text twice.
func TestEveryMessageInBothLanguages(t *testing.T) {
	res := writeResolutionJSON(t, feRange, setpRange)
	cases := [][]string{
		{"--help"},
		{"frobnicate"},
		{"check", "--nope"},
		{"check", "--resolution", res},
		{"check", "--resolution", res, "--at", "2025-01-31", "FV1", "FE1001"},
		{"check", "--resolution", td("invalid/image-only.pdf"), "FE1"},
		{"audit", "--resolution", res, "--at", "2026-10-01", "-"},
		{"assoc", "--resolution", res, "--ranges", td("xml/ranges-bare.xml")},
		{"assoc", "--resolution", res, "--ranges", td("xml/ranges-truncated.xml")},
		{"invoice", "--resolution", writeResolutionJSON(t, feRange), td("xml/invoice-setp.xml")},
		{"legend", "--text", "prefijo FEV del 1 al 10000"},
		{"parse", td("invalid/encrypted-rc4-user-password.pdf")},
		{"parse", "--max-size", "1KiB", td("valid/sample.pdf")},
		{"parse", "--max-size", "mucho", td("valid/sample.pdf")},
		{"parse", td("invalid/flate-bomb-1gib.pdf")},
		{"parse", td("valid/sample.pdf"), td("valid/one-page.pdf")},
	}
	for _, c := range commands() {
		cases = append(cases, []string{c.name, "--help"})
	}
	for _, args := range cases {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			en := runCLI(t, "FE1\n", append(args, "--lang", "en")...)
			es := runCLI(t, "FE1\n", append(args, "--lang", "es")...)
			assert.Equal(t, en.code, es.code)
			assert.NotEqual(t, en.stdout+en.stderr, es.stdout+es.stderr, "Spanish must differ from English")
			assert.NotContains(t, es.stderr, "hint:", "Spanish hints")
			assert.NotContains(t, es.stderr, "see '", "Spanish usage")
			assert.NotContains(t, es.stdout, "usage:", "Spanish help")
		})
	}
	r := runCLI(t, "", "check", "--lang", "es", "--resolution", res, "--at", "2025-01-31", "FE1001")
	assert.Contains(t, r.stdout, "está fuera del rango autorizado FE del 1 al 1000")
	r = runCLI(t, "", "assoc", "--lang", "es", "--resolution", res, "--ranges", td("xml/ranges-bare.xml"))
	assert.Contains(t, r.stdout, "la DIAN no tiene un rango asociado")
	r = runCLI(t, "", "parse", "--lang", "es", "--max-size", "mucho", "x.pdf")
	assert.Equal(t, "dianres parse: valor no válido \"mucho\" para la opción -max-size: use un tamaño como 50MiB\nvea 'dianres parse --help'\n", r.stderr)
	r = runCLI(t, "", "parse", "--lang", "es", td("invalid/image-only.pdf"))
	assert.Contains(t, r.stderr, "el PDF no tiene texto legible")
	assert.Contains(t, r.stderr, "\nsugerencia: Descargue el original")
}

func TestColombianDates(t *testing.T) {
	res := writeResolutionJSON(t, feRange)
	r := runCLI(t, "", "check", "--resolution", res, "--at", "19/10/2026", "FE10")
	assert.Equal(t, exitOK, r.code, "the last valid day, written DD/MM/AAAA")
	r = runCLI(t, "", "check", "--resolution", res, "--at", "20/10/2026", "FE10")
	assert.Contains(t, r.stdout, `"code":"expired"`)
	r = runCLI(t, "", "check", "--resolution", res, "--at", "2026-10-20T04:59:59Z", "FE10")
	assert.Equal(t, exitOK, r.code, "an instant counts as its Colombian day")
	r = runCLI(t, "", "check", "--resolution", res, "--at", "31/02/2025", "FE10")
	assert.Equal(t, exitUsage, r.code)

	r = runCLI(t, "FE1,02/01/2025\nFE2,01/01/2025\n", "audit", "--resolution", res, "--at", "31/01/2025", "-")
	assert.Contains(t, r.stdout, `"at":"2025-01-31"`)
	assert.Contains(t, r.stdout, `"out_of_order":[{"from":2,"to":2}]`, "01/01 is before 02/01: day first")
}

func TestAuditGoesOnAfterBadLines(t *testing.T) {
	res := writeResolutionJSON(t, feRange)
	in := "FE1,2025-01-02\nFE2,ayer\nFE3,31/02/2025\n" + strings.Repeat("9", 70000) + "\nFE4,2025-01-05\n"
	r := runCLI(t, in, "audit", "--resolution", res, "--at", "2025-01-31", "--warn-days", "0", "-")
	assert.Equal(t, exitFindings, r.code, "an unreadable line is a finding")
	line := jsonLines(t, r.stdout)[0]
	assert.EqualValues(t, 5, line["lines"])
	assert.EqualValues(t, 3, line["unreadable_count"])
	bad := line["unreadable"].([]any)
	require.Len(t, bad, 3)
	assert.Equal(t, map[string]any{"line": 2.0, "text": "FE2,ayer", "message": "bad issue date (want 2025-01-31, 31/01/2025 or RFC 3339)"}, bad[0])
	assert.EqualValues(t, 4, bad[2].(map[string]any)["line"])
	assert.Equal(t, "line too long", bad[2].(map[string]any)["message"])
	rr := line["ranges"].([]any)[0].(map[string]any)
	assert.EqualValues(t, 2, rr["unique"], "the lines after the bad ones counted")
	assert.Contains(t, r.stderr, "5 lines in")
	assert.Contains(t, r.stderr, "3 unreadable")
}
