package layouts_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dianres/dianres/internal/fixturegen/layouts"
	"github.com/dianres/dianres/resolution"
)

func TestScoreOutcomes(t *testing.T) {
	truth := layouts.Truth{Number: "18764081810977", NIT: "900123456", DV: "8", Name: "PEÑA GÓMEZ CAMILA",
		Ranges: []layouts.TruthRange{{Kind: "electronic-invoice", Prefix: "FE", From: 1, To: 1000, Months: 24,
			ValidFrom: "2024-10-19", ValidTo: "2026-10-19", Request: "authorization"}}}
	d := resolution.NewDate
	good := func() *resolution.Resolution {
		return &resolution.Resolution{Number: "18764081810977", Issuer: resolution.Issuer{NIT: "900123456", DV: "8", Name: "pena  gomez camila"},
			Ranges: []resolution.Range{{Kind: resolution.KindElectronicInvoice, Prefix: "FE", From: 1, To: 1000, Months: 24,
				ValidFrom: d(2024, 10, 19), ValidTo: d(2026, 10, 19), Request: resolution.RequestAuthorization}}}
	}
	outcome := func(rs []layouts.Result, path string) layouts.Outcome {
		for _, r := range rs {
			if r.Path == path {
				return r.Outcome
			}
		}
		t.Fatalf("no result for %s", path)
		return 0
	}
	for _, tc := range []struct {
		name string
		edit func(*resolution.Resolution)
		err  error
		path string
		want layouts.Outcome
	}{
		{"a name differing only in case, accents and spaces is right", func(*resolution.Resolution) {}, nil, "name", layouts.Right},
		{"an empty DV is missing", func(r *resolution.Resolution) { r.DV = "" }, nil, "dv", layouts.Missing},
		{"a different DV is wrong", func(r *resolution.Resolution) { r.DV = "3" }, nil, "dv", layouts.Wrong},
		{"a different DV with a check-digit warning is warned", func(r *resolution.Resolution) {
			r.DV = "3"
			r.Warnings = []resolution.Warning{{Code: resolution.WarnCheckDigit}}
		}, nil, "dv", layouts.Warned},
		{"an empty prefix where one is printed is wrong", func(r *resolution.Resolution) { r.Ranges[0].Prefix = "" }, nil, "ranges[0].prefix", layouts.Wrong},
		{"a range the parser did not return is missing", func(r *resolution.Resolution) { r.Ranges = nil }, nil, "ranges[0].from", layouts.Missing},
		{"no ranges is a missing count", func(r *resolution.Resolution) { r.Ranges = nil }, nil, "ranges", layouts.Missing},
		{"a field ErrIncomplete lists is missing", func(r *resolution.Resolution) { r.Ranges[0].To = 5 },
			&resolution.ParseError{Err: resolution.ErrIncomplete, Missing: []string{"ranges[0].to"}}, "ranges[0].to", layouts.Missing},
		{"a wrong bound is wrong", func(r *resolution.Resolution) { r.Ranges[0].From = 10001 }, nil, "ranges[0].from", layouts.Wrong},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := good()
			tc.edit(r)
			assert.Equal(t, tc.want, outcome(layouts.Score(truth, r, tc.err), tc.path))
		})
	}
	t.Run("nothing read: every field missing", func(t *testing.T) {
		for _, r := range layouts.Score(truth, nil, nil) {
			assert.Equal(t, layouts.Missing, r.Outcome, r.Path)
		}
	})
}

func TestFoldName(t *testing.T) {
	assert.Equal(t, "pena gomez", layouts.FoldName(" PEÑA\tGÓMEZ "))
	assert.Equal(t, "pena", layouts.FoldName("PEN\u0303A"))
}
