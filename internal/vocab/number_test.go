package vocab

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestConsecutive(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int64
		ok   bool
	}{
		{"10000", 10000, true},
		{"10.000", 10000, true},
		{"1,000,000", 1000000, true},
		{"2 000", 2000, true},
		{"0001", 1, true},
		{"9223372036854775807", 9223372036854775807, true}, // DIAN's consecutives are 64-bit: the largest one
		{"9223372036854775808", 0, false},
		{"99999999999999999999", 0, false},
		{"0", 0, false},
		{"1 2,000", 0, false}, // two numbers, not one
		{"20,00", 0, false},
		{"1,000.000", 0, false},
	} {
		n, ok := Consecutive(tc.text)
		assert.Equal(t, tc.want, n, tc.text)
		assert.Equal(t, tc.ok, ok, tc.text)
	}
}

func TestConsecutiveMillionsApostrophe(t *testing.T) {
	for in, want := range map[string]int64{"1'000.000": 1000000, "12'500,000": 12500000, "1’000.000": 1000000, "990'000.000": 990000000} {
		n, ok := Consecutive(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, n, in)
	}
	for _, bad := range []string{"1'00.000", "1'000'00", "'1000"} {
		_, ok := Consecutive(bad)
		assert.False(t, ok, bad)
	}
}

func TestTaxpayerNITIsNeverDIANs(t *testing.T) {
	_, _, ok := TaxpayerNIT("800.197.268-4")
	assert.False(t, ok, "DIAN's own NIT, printed in headers and legal text")
	nit, dv, ok := TaxpayerNIT("900.123.456-8")
	assert.True(t, ok)
	assert.Equal(t, []string{"900123456", "8"}, []string{nit, dv})
	nit, _, ok = NIT("800197268")
	assert.True(t, ok, "NIT itself still reads it: a software provider may be DIAN")
	assert.Equal(t, DIANNIT, nit)
}

func TestNoPrefixStart(t *testing.T) {
	for _, s := range []string{"sin", "no", " sin "} {
		assert.True(t, NoPrefixStart(s), s)
	}
	for _, s := range []string{"sin prefijo", "ninguno", "fe", "si", "setp", ""} {
		assert.False(t, NoPrefixStart(s), s)
	}
}

func TestTrimFootnote(t *testing.T) {
	for in, want := range map[string]string{"DSDS¹": "DSDS", "24²": "24", "5.000*": "5.000", "FE†": "FE", "10⁴": "10", "*": "*", "¹": "¹", "FE": "FE", "(*)": "(*)", "": "", "12(2)": "12", "PC(2)": "PC", "18766670028677(1)": "18766670028677",
		"Año(1)": "Año(1)", "Prefijo(31)": "Prefijo(31)", "(1)": "(1)", "VENTA(1)": "VENTA(1)", "5.000(12)": "5.000"} {
		assert.Equal(t, want, TrimFootnote(in), in)
	}
}

func TestRangeCell(t *testing.T) {
	type want struct {
		prefix   string
		from, to int64
	}
	for in, w := range map[string]want{
		"1 - 5.000": {"", 1, 5000}, "Del 1 al 5.000": {"", 1, 5000}, "1 a 5000": {"", 1, 5000}, "1001-11000": {"", 1001, 11000},
		"desde 1 hasta 5000": {"", 1, 5000}, "FE1 – FE5000": {"FE", 1, 5000}, "del número 10.001 al número 20.000": {"", 10001, 20000},
	} {
		p, a, b, ok := RangeCell(in)
		assert.True(t, ok, in)
		assert.Equal(t, w, want{p, a, b}, in)
	}
	for _, in := range []string{"1", "1 - ", "1 2", "FE1 - DS5000", "1 - 5000 24", "del 1", "12 meses", "03/10/2019 al 03/10/2020", "1 y 5000"} {
		_, _, _, ok := RangeCell(in)
		assert.False(t, ok, in)
	}
}
