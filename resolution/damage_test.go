package resolution_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/internal/fixturegen"
	"github.com/dianres/dianres/resolution"
)

// TestDamagedFieldIsReported redraws one fixture with one printed value
// damaged at a time. The damage must come back as an error or a warning
// that names it, never as a plausible value. A value that cannot be read
// leaves its field missing, and the error quotes what was printed there.
func TestDamagedFieldIsReported(t *testing.T) {
	base, ok := fixturegen.Lookup("plain-values")
	require.True(t, ok)
	replace := func(old, new string) func(string) string {
		return func(s string) string {
			if s == old {
				return new
			}
			return s
		}
	}
	for _, tc := range []struct {
		name     string
		old, new string
		err      error                  // the sentinel Parse must return, or nil
		missing  string                 // with ErrIncomplete, a field named in Missing
		warning  resolution.WarningCode // with no error, the warning that must be raised
	}{
		{"form number with a letter O", "18764000000978", "1876400000O978", resolution.ErrIncomplete, "number", ""},
		{"form number erased", "18764000000978", "", resolution.ErrIncomplete, "number", ""},
		{"form number of another form", "18764000000978", "28764000000978", resolution.ErrIncomplete, "number", ""},
		{"NIT with a letter S", "900123456", "9001234S6", resolution.ErrIncomplete, "nit", ""},
		{"NIT erased", "900123456", "", resolution.ErrIncomplete, "nit", ""},
		{"DV changed", "8", "3", nil, "", resolution.WarnCheckDigit},
		{"company name erased", "COMERCIALIZADORA ANDINA DE TECNOLOGÍA S.A.S.", "", resolution.ErrIncomplete, "name", ""},
		{"upper bound with a letter O", "1,000", "1,0O0", resolution.ErrIncomplete, "ranges[0].to", ""},
		{"upper bound erased", "1,000", "", resolution.ErrIncomplete, "ranges[0].to", ""},
		{"upper bound below the lower", "1,000", "0", resolution.ErrIncomplete, "ranges[0].to", ""},
		{"months unreadable", "24", "XX", resolution.ErrIncomplete, "ranges[0].months", ""},
		{"months implausible", "24", "240", nil, "", resolution.WarnMonths},
		{"prefix too long", "FE", "FEVXYZ", nil, "", resolution.WarnPrefix},
		{"modality unreadable", "FACTURA ELECTRÓNICA DE VENTA", "XXXXXXX", resolution.ErrIncomplete, "ranges[0].kind", ""},
		{"request unreadable", "AUTORIZACIÓN", "XXXXXXX", resolution.ErrIncomplete, "ranges[0].request", ""},
		{"stamp date erased", "2024-10-19 / 11:38:26 AM", "", resolution.ErrIncomplete, "valid_from", ""},
		{"stamp date impossible", "2024-10-19 / 11:38:26 AM", "2024-02-30 / 11:38:26 AM", resolution.ErrIncomplete, "valid_from", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fx := base
			hits := 0
			edit := replace(tc.old, tc.new)
			fx.Layout.Edit = func(s string) string {
				if s == tc.old {
					hits++
				}
				return edit(s)
			}
			pdf, err := fx.PDF()
			require.NoError(t, err)
			require.Equal(t, 1, hits, "the damaged text must be drawn exactly once")

			res, err := resolution.ParseBytes(t.Context(), pdf, nil)
			if tc.err != nil {
				require.ErrorIs(t, err, tc.err)
				var pe *resolution.ParseError
				require.ErrorAs(t, err, &pe)
				if tc.missing != "" {
					assert.Contains(t, pe.Missing, tc.missing)
					if tc.new != "" {
						assert.Contains(t, err.Error(), tc.new, "the error quotes what was printed")
					}
				} else {
					assert.NotZero(t, pe.Page, "the error says where: %v", err)
				}
				return
			}
			require.NoError(t, err)
			codes := make([]resolution.WarningCode, len(res.Warnings))
			for i, w := range res.Warnings {
				codes[i] = w.Code
			}
			assert.Contains(t, codes, tc.warning)
		})
	}
}
