package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/validate"
)

func TestAuditCommand(t *testing.T) {
	resPath := writeResolutionJSON(t, feRange, setpRange)
	issued := "FE1,2024-10-20\nFE2,2024-10-21\nFE3,2024-10-21\nFE3,2024-10-22\nFE7,2024-10-23\nFE2000\nXX1\nSETP990000000\n"
	file := filepath.Join(t.TempDir(), "issued.txt")
	require.NoError(t, os.WriteFile(file, []byte(issued), 0o600))

	t.Run("contract fields per range", func(t *testing.T) {
		code, out, errs := runCLI("", "audit", "--resolution", resPath, "--at", "2025-01-31", file)
		require.Equal(t, 1, code, errs)
		var got struct {
			Ranges  []map[string]any `json:"ranges"`
			Unknown []string         `json:"unknown"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &got), out)
		require.Len(t, got.Ranges, 2)
		fe := got.Ranges[0]
		for _, k := range []string{"prefix", "from", "to", "issued", "unique", "duplicates", "gaps", "outside", "remaining", "used_percent", "days_left", "alerts"} {
			assert.Contains(t, fe, k)
		}
		assert.Equal(t, "FE", fe["prefix"])
		assert.EqualValues(t, 1, fe["from"])
		assert.EqualValues(t, 1000, fe["to"])
		assert.EqualValues(t, 5, fe["issued"])
		assert.EqualValues(t, 4, fe["unique"])
		assert.Equal(t, []any{map[string]any{"number": 3.0, "count": 2.0}}, fe["duplicates"])
		assert.Equal(t, []any{map[string]any{"from": 4.0, "to": 6.0}}, fe["gaps"])
		assert.Equal(t, []any{"FE2000"}, fe["outside"])
		assert.EqualValues(t, 993, fe["remaining"])
		assert.EqualValues(t, 0.7, fe["used_percent"])
		assert.EqualValues(t, 626, fe["days_left"])
		assert.Equal(t, []any{}, fe["alerts"])
		assert.Equal(t, []string{"XX1"}, got.Unknown)
		assert.EqualValues(t, 1, got.Ranges[1]["unique"])
	})

	for _, tc := range []struct {
		name       string
		stdin      string
		args       []string
		wantCode   int
		wantOut    []string
		wantStderr string
	}{
		{
			name: "clean numbering exits 0", stdin: "FE1\nFE2\nFE3\n", wantCode: 0,
			args:    []string{"audit", "--resolution", resPath, "--at", "2025-01-31", "-"},
			wantOut: []string{`"unique": 3`, `"alerts": []`},
		},
		{
			name: "expiring alert in Spanish", stdin: "FE1\n", wantCode: 1,
			args:    []string{"audit", "--resolution", resPath, "--at", "2026-10-01", "--lang", "es", "-"},
			wantOut: []string{`"code": "expiring"`, "la vigencia termina el 2026-10-19, en 18 días"},
		},
		{
			name: "warn days 0 turns the alert off", stdin: "FE1\n", wantCode: 0,
			args: []string{"audit", "--resolution", resPath, "--at", "2026-10-01", "--warn-days", "0", "-"},
		},
		{
			name: "warn percent threshold", stdin: strings.Repeat("FE1\n", 1) + "FE950\n", wantCode: 1,
			args:    []string{"audit", "--resolution", resPath, "--at", "2025-01-31", "--warn-percent", "10", "--warn-days", "0", "-"},
			wantOut: []string{`"code": "running-out"`, "50 numbers left"},
		},
		{
			name: "out of order with dates", stdin: "FE1,2025-01-02\nFE2,2025-01-01\n", wantCode: 1,
			args:    []string{"audit", "--resolution", resPath, "--at", "2025-01-31", "-"},
			wantOut: []string{`"out_of_order": [`, `"from": 2`},
		},
		{
			name: "bad line fails with its number", stdin: "FE1\nFE2,ayer\n", wantCode: 1,
			args: []string{"audit", "--resolution", resPath, "-"}, wantStderr: "line 2",
		},
		{name: "no file is a usage error", wantCode: 2, args: []string{"audit", "--resolution", resPath}, wantStderr: "exactly one FILE"},
		{name: "negative threshold is a usage error", wantCode: 2, args: []string{"audit", "--resolution", resPath, "--warn-days", "-3", "-"}, wantStderr: ">= 0"},
		{name: "missing file fails", wantCode: 1, args: []string{"audit", "--resolution", resPath, filepath.Join(t.TempDir(), "none.txt")}, wantStderr: "dianres audit:"},
		{name: "help shows an example", wantCode: 0, args: []string{"audit", "-h"}, wantStderr: "example:\n  dianres audit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runCLI(tc.stdin, tc.args...)
			assert.Equal(t, tc.wantCode, code, "stderr: %s\nstdout: %s", errs, out)
			for _, w := range tc.wantOut {
				assert.Contains(t, out, w)
			}
			if tc.wantStderr != "" {
				assert.Contains(t, errs, tc.wantStderr)
			}
		})
	}
}

// TestAuditSample runs the sample in testdata/audit, the one the README
// shows: a duplicate, gaps, a number outside, one dated out of order, one
// issued in a disabled part, an unknown prefix and a used-up range.
func TestAuditSample(t *testing.T) {
	code, out, errs := runCLI("", "audit", "--resolution", "../../testdata/audit/resolution.json", "--at", "2025-03-10",
		"../../testdata/audit/issued.txt")
	require.Equal(t, 1, code, errs)
	var got struct {
		Unknown []string `json:"unknown"`
		Ranges  []struct {
			Prefix     string `json:"prefix"`
			Issued     int64  `json:"issued"`
			Unique     int64  `json:"unique"`
			Gaps       []struct{ From, To int64 }
			Outside    []string                   `json:"outside"`
			OutOfOrder []struct{ From, To int64 } `json:"out_of_order"`
			Remaining  int64                      `json:"remaining"`
			Invalid    []jsonFinding              `json:"invalid"`
			Alerts     []jsonFinding              `json:"alerts"`
		} `json:"ranges"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got), out)
	require.Len(t, got.Ranges, 2, "the disablement row gets no report")
	fe := got.Ranges[0]
	assert.Equal(t, "FE", fe.Prefix)
	assert.Equal(t, int64(8), fe.Issued)
	assert.Equal(t, int64(7), fe.Unique)
	assert.Equal(t, []struct{ From, To int64 }{{4, 4}, {7, 89}}, fe.Gaps)
	assert.Equal(t, []string{"FE150"}, fe.Outside)
	assert.Equal(t, []struct{ From, To int64 }{{5, 5}}, fe.OutOfOrder)
	assert.Equal(t, int64(0), fe.Remaining, "92–100 are disabled")
	require.Len(t, fe.Invalid, 1)
	assert.Equal(t, validate.CodeDisabledRange, fe.Invalid[0].Code)
	require.Len(t, fe.Alerts, 1)
	assert.Equal(t, validate.CodeRunningOut, fe.Alerts[0].Code)
	assert.Equal(t, []string{"FV7"}, got.Unknown)
	assert.Equal(t, int64(1998), got.Ranges[1].Remaining)
}
