package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/resolution"
)

// writeResolutionJSON writes a resolution as 'dianres parse --json' would
// and returns its path; PDF parsing is tested elsewhere.
func writeResolutionJSON(t *testing.T, ranges ...resolution.Range) string {
	t.Helper()
	res := resolution.Resolution{Number: "18760000001", Issuer: resolution.Issuer{NIT: "800197268", DV: "4", Name: "PRUEBAS SAS"},
		Ranges: ranges, Warnings: []resolution.Warning{}}
	b, err := json.Marshal(res)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "resolution.json")
	require.NoError(t, os.WriteFile(path, b, 0o600))
	return path
}

func civil(y int, m time.Month, d int) resolution.Date { return resolution.NewDate(y, m, d) }

var (
	feRange = resolution.Range{Kind: resolution.KindElectronicInvoice, Prefix: "FE", From: 1, To: 1000, Months: 24,
		ValidFrom: civil(2024, time.October, 19), ValidTo: civil(2026, time.October, 19), Request: resolution.RequestAuthorization}
	setpRange = resolution.Range{Kind: resolution.KindElectronicInvoice, Prefix: "SETP", From: 990000000, To: 995000000,
		ValidFrom: civil(2019, time.January, 19), ValidTo: civil(2030, time.January, 19), Request: resolution.RequestAuthorization}
)

func TestCheckCommand(t *testing.T) {
	resPath := writeResolutionJSON(t, feRange, setpRange)
	for _, tc := range []struct {
		name       string
		args       []string
		wantCode   int
		wantJSON   string // exact JSON, when set
		wantOut    []string
		wantStderr string
	}{
		{
			name: "valid number prints the contract shape", wantCode: 0,
			args:     []string{"check", "--resolution", resPath, "--at", "2025-01-31T23:30:00-05:00", "FE10"},
			wantJSON: `{"results":[{"id":"FE10","ok":true,"prefix":"FE","number":10,"findings":[]}]}`,
		},
		{
			name: "unknown prefix carries FAD05e", wantCode: 1,
			args:     []string{"check", "--resolution", resPath, "--at", "2025-01-31", "FV10"},
			wantJSON: `{"results":[{"id":"FV10","ok":false,"prefix":"FV","number":10,"findings":[{"code":"unknown-prefix","rule":"FAD05e","message":"FV10: no authorized range has prefix \"FV\" (FAD05e)"}]}]}`,
		},
		{
			name: "any invalid number exits 1", wantCode: 1,
			args:    []string{"check", "--resolution", resPath, "--at", "2025-01-31", "SETP990000002", "FE1001"},
			wantOut: []string{`"ok": true`, `"code": "out-of-range"`, `"rule": ""`},
		},
		{
			name: "Spanish messages with --lang es", wantCode: 1,
			args:    []string{"check", "--resolution", resPath, "--at", "2026-10-20", "--lang", "es", "FE10"},
			wantOut: []string{`"code": "expired"`, "expedida el 2026-10-20"},
		},
		{
			name: "instant in UTC still the last day in Colombia", wantCode: 0,
			args:    []string{"check", "--resolution", resPath, "--at", "2026-10-20T04:59:59Z", "FE10"},
			wantOut: []string{`"ok": true`},
		},
		{
			name: "flags after the numbers", wantCode: 0,
			args:    []string{"check", "FE10", "--resolution", resPath, "--at", "2025-01-31"},
			wantOut: []string{`"id": "FE10"`},
		},
		{name: "no number is a usage error", wantCode: 2, args: []string{"check", "--resolution", resPath}, wantStderr: "no invoice number"},
		{name: "missing resolution is a usage error", wantCode: 2, args: []string{"check", "FE10"}, wantStderr: "--resolution is required"},
		{name: "bad --at is a usage error", wantCode: 2, args: []string{"check", "--resolution", resPath, "--at", "31/01/2025", "FE10"}, wantStderr: "RFC 3339"},
		{name: "bad --lang is a usage error", wantCode: 2, args: []string{"check", "--resolution", resPath, "--lang", "fr", "FE10"}, wantStderr: "unknown language"},
		{name: "unknown flag is a usage error", wantCode: 2, args: []string{"check", "--nope", "FE10"}, wantStderr: "usage: dianres check"},
		{name: "help shows an example", wantCode: 0, args: []string{"check", "--help"}, wantStderr: "example:\n  dianres check"},
		{name: "unreadable resolution fails", wantCode: 1, args: []string{"check", "--resolution", filepath.Join(t.TempDir(), "none.json"), "FE10"}, wantStderr: "dianres check:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI("", tc.args...)
			assert.Equal(t, tc.wantCode, code, "stderr: %s", errs)
			if tc.wantJSON != "" {
				assert.JSONEq(t, tc.wantJSON, out)
			}
			for _, w := range tc.wantOut {
				assert.Contains(t, out, w)
			}
			if tc.wantStderr != "" {
				assert.Contains(t, errs, tc.wantStderr)
			}
		})
	}
}

func TestCheckCommandDefaultsToNow(t *testing.T) {
	// A range valid for a century around now: only "now" can make this pass.
	r := feRange
	r.ValidFrom, r.ValidTo = civil(2000, time.January, 1), civil(2100, time.January, 1)
	code, out, errs := runCLI("", "check", "--resolution", writeResolutionJSON(t, r), "FE10")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, `"ok": true`)
}
