package prefix_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/prefix"
	"github.com/dianres/dianres/resolution"
)

func TestNormalize(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		bad            bool
	}{
		{"already normal", "SETP", "SETP", false},
		{"lower case and spaces", " fe ", "FE", false},
		{"empty is a real prefix", "", "", false},
		{"digits allowed", "F1E2", "F1E2", false},
		{"five characters", "FACTU", "", true},
		{"a dash", "FE-", "", true},
		{"an accented letter", "FÉ", "", true},
		{"an inner space", "F E", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := prefix.Normalize(tc.in)
			if tc.bad {
				var pe *prefix.PrefixError
				require.ErrorAs(t, err, &pe)
				assert.ErrorIs(t, err, prefix.ErrInvalidPrefix)
				assert.Equal(t, tc.in, pe.Prefix)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func rules(is []prefix.Issue) []prefix.Rule {
	out := []prefix.Rule{}
	for _, i := range is {
		out = append(out, i.Rule)
	}
	return out
}

func TestLint(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    string
		test bool
		want []prefix.Rule
	}{
		{"clean", "FEV", false, []prefix.Rule{}},
		{"empty is clean", "", false, []prefix.Rule{}},
		{"ends in a digit", "FE1", false, []prefix.Rule{prefix.RulePrefixDigit}},
		{"all digits", "2024", false, []prefix.Rule{prefix.RulePrefixDigit}},
		{"too long", "FACTV", false, []prefix.Rule{prefix.RulePrefixSyntax}},
		{"bad character", "FE_", false, []prefix.Rule{prefix.RulePrefixSyntax}},
		{"lower case", "fe", false, []prefix.Rule{prefix.RulePrefixCase}},
		{"test prefix in production", "SETP", false, []prefix.Rule{prefix.RulePrefixTest}},
		{"test prefix in lower case in production", "sett", false, []prefix.Rule{prefix.RulePrefixCase, prefix.RulePrefixTest}},
		{"test prefix in a test context", "SETG", true, []prefix.Rule{}},
		{"several at once", "fact1", false, []prefix.Rule{prefix.RulePrefixSyntax, prefix.RulePrefixCase, prefix.RulePrefixDigit}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, rules(prefix.Lint(tc.p, &prefix.LintOptions{Test: tc.test})))
		})
	}
	t.Run("nil options mean production", func(t *testing.T) {
		assert.Equal(t, []prefix.Rule{prefix.RulePrefixTest}, rules(prefix.Lint("SETT", nil)))
	})
	t.Run("digit message shows both readings", func(t *testing.T) {
		is := prefix.Lint("FE2", nil)
		require.Len(t, is, 1)
		assert.Contains(t, is[0].Message, `"FE2" number 1 or prefix "FE" number 21`)
	})
}

func rng(kind resolution.Kind, p string, from, to int64, vf, vt string, req resolution.Request) resolution.Range {
	r := resolution.Range{Kind: kind, Prefix: p, From: from, To: to, Request: req}
	if vf != "" {
		r.ValidFrom = date(vf)
	}
	if vt != "" {
		r.ValidTo = date(vt)
	}
	return r
}

func TestLintResolutions(t *testing.T) {
	const (
		fe  = resolution.KindElectronicInvoice
		ds  = resolution.KindSupportDocument
		aut = resolution.RequestAuthorization
		hab = resolution.RequestEnablement
		inh = resolution.RequestDisablement
	)
	res := func(n string, rs ...resolution.Range) *resolution.Resolution {
		return &resolution.Resolution{Number: n, Ranges: rs}
	}
	for _, tc := range []struct {
		name string
		rs   []*resolution.Resolution
		want []prefix.Issue
	}{
		{"two prefixes, two kinds: clean", []*resolution.Resolution{
			res("1", rng(fe, "FE", 1, 1000, "2024-01-01", "2026-01-01", aut), rng(ds, "DS", 1, 1000, "2024-01-01", "2026-01-01", aut)),
		}, nil},
		{"same prefix continues in a later resolution: clean", []*resolution.Resolution{
			res("1", rng(fe, "FE", 1, 1000, "2022-01-01", "2024-01-01", aut)),
			res("2", rng(fe, "FE", 1001, 2000, "2024-01-01", "2026-01-01", aut)),
		}, nil},
		{"one prefix for invoices and support documents", []*resolution.Resolution{
			res("1", rng(fe, "FE", 1, 1000, "2024-01-01", "2026-01-01", aut)),
			res("2", rng(ds, "FE", 1001, 2000, "2024-01-01", "2026-01-01", aut)),
		}, []prefix.Issue{{Rule: prefix.RulePrefixReused, Prefix: "FE", Resolutions: []string{"1", "2"},
			Message: `prefix "FE" is used for electronic-invoice and support-document; use one prefix per kind of document`}}},
		{"cruce de consecutivos across resolutions", []*resolution.Resolution{
			res("1", rng(fe, "FE", 1, 1000, "2024-01-01", "2026-01-01", aut)),
			res("2", rng(fe, "FE", 900, 2000, "2025-01-01", "2027-01-01", aut)),
		}, []prefix.Issue{{Rule: prefix.RuleRangeOverlap, Prefix: "FE", Resolutions: []string{"1", "2"},
			Message: `prefix "FE": 1-1000 of resolution 1 and 900-2000 of resolution 2 share numbers while both are valid`}}},
		{"overlap with an unknown end date counts", []*resolution.Resolution{
			res("1", rng(fe, "FE", 1, 1000, "2024-01-01", "", aut)),
			res("2", rng(fe, "FE", 1000, 2000, "2030-01-01", "2031-01-01", aut)),
		}, []prefix.Issue{{Rule: prefix.RuleRangeOverlap, Prefix: "FE", Resolutions: []string{"1", "2"},
			Message: `prefix "FE": 1-1000 of resolution 1 and 1000-2000 of resolution 2 share numbers while both are valid`}}},
		{"enablement of an expired range shares numbers, not time: clean", []*resolution.Resolution{
			res("1", rng(fe, "FE", 1, 1000, "2022-01-01", "2024-01-01", aut)),
			res("2", rng(fe, "FE", 501, 1000, "2024-03-01", "2026-03-01", hab)),
		}, nil},
		{"disablement rows are skipped", []*resolution.Resolution{
			res("1", rng(fe, "FE", 1, 1000, "2024-01-01", "2026-01-01", aut)),
			res("2", rng(ds, "FE", 1, 1000, "2024-06-01", "", inh)),
		}, nil},
		{"per-prefix issues once, tagged with the first resolution", []*resolution.Resolution{
			res("1", rng(fe, "FE1", 1, 10, "2024-01-01", "2025-01-01", aut)),
			res("2", rng(fe, "FE1", 11, 20, "2025-01-01", "2026-01-01", aut)),
			nil,
		}, []prefix.Issue{{Rule: prefix.RulePrefixDigit, Prefix: "FE1", Resolutions: []string{"1"},
			Message: `prefix "FE1" ends in a digit: FE11 could be prefix "FE1" number 1 or prefix "FE" number 11`}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, prefix.LintResolutions(tc.rs, nil))
		})
	}
}
