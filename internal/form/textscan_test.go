package form

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The expressions the matchers of textscan.go stand for.
var (
	reFormNumber = regexp.MustCompile(`formulario[^0-9]{0,30}?\b(1876\d{7,16})\b`)
	reNIT        = regexp.MustCompile(`(?:\bnit\b\)?|tributaria)\s*:?\s*(\d{1,3}(?:[.,]\d{3}){2,3}|\d{5,12})(?:\s?-\s?(\d))?(?:\s|$)`)
	reDV         = regexp.MustCompile(`(?:\bdv\b|\bd\.v\.|verificacion)\s*:?\s*(\d)(?:\s|$)`)
)

// sameAsPatterns fails t when a matcher and its expression disagree on s.
func sameAsPatterns(t *testing.T, s string) {
	t.Helper()
	want := reFormNumber.FindStringSubmatch(s)
	n, ok := matchFormNumber(s)
	assert.Equal(t, want != nil, ok, "form number %q", s)
	if want != nil {
		assert.Equal(t, want[1], n, "form number %q", s)
	}
	want = reNIT.FindStringSubmatch(s)
	nit, dv, ok := matchNIT(s)
	assert.Equal(t, want != nil, ok, "nit %q", s)
	if want != nil {
		assert.Equal(t, want[1:], []string{nit, dv}, "nit %q", s)
	}
	want = reDV.FindStringSubmatch(s)
	d, ok := matchDV(s)
	assert.Equal(t, want != nil, ok, "dv %q", s)
	if want != nil {
		assert.Equal(t, want[1], d, "dv %q", s)
	}
}

var textPatternCases = []string{
	"5. número de identificación tributaria (nit) 900.123.456-8 6. dv 8",
	"5. numero de identificacion tributaria (nit) 900.123.456-8 6. dv 8",
	"unit 123456789 nit 900123456", "tributaria: 800123456  nit 900123456", "nit", "",
	"a nit: 9001234567 -7 b", "nit 900.123.456 - 7x", "nit 900.123.456 -7", "nit) 900,123,456 7",
	"nit 1.234.567.890.123", "nit 1.234.5678", "nit 12.345.678.901-2", "nit 1234.567.890", "nit 9001234567890",
	"nit 90012 ", "nit 9001\t", "nit:900123456-", "nit 900123456 -\t3", "nit_ 900123456", "xnit 900123456 nit 800123456",
	"d.v. 7 verificacion 3", "advertencia dv: 5", "xdv 3 dv 4", "dv 12 d.v.:  3", "verificacion\t:\t9", "dv9", "dv: 9x dv 8",
	"formulario:18764081810977", "numerodeformulario18764081810977", "formulariono.18764081810977 x",
	"formulario1876408181097x", "formulario--187640818109771234567", "formulario" + "ñ" + "18764081810977",
	"formulario!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!18764081810977", "formulario!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!18764081810977",
	"formulario12 formulario:18764081810977", "formulario:1876408181", "formulario:18764081810977_",
}

func TestTextMatchersAreThePatterns(t *testing.T) {
	for _, s := range textPatternCases {
		sameAsPatterns(t, s)
	}
}

// FuzzTextPatterns holds the hand matchers to the expressions they stand
// for, on any text.
func FuzzTextPatterns(f *testing.F) {
	for _, s := range textPatternCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sameAsPatterns(t, s)
	})
}
