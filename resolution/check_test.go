package resolution_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dianres/dianres/resolution"
)

func TestCheckDigit(t *testing.T) {
	for _, tc := range []struct{ name, nit, want string }{
		{"DIAN's own NIT", "800197268", "4"},
		{"remainder 4 gives 11-4", "860001022", "7"},
		{"remainder 1 is the DV itself", "4", "1"},
		{"remainder 0 is the DV itself", "0", "0"},
		{"not digits", "80019726A", ""},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) { assert.Equal(t, tc.want, resolution.CheckDigit(tc.nit)) })
	}
}

func TestLooksLikeFormNumber(t *testing.T) {
	assert.True(t, resolution.LooksLikeFormNumber("18764081810977"))
	assert.True(t, resolution.LooksLikeFormNumber("18760000001"), "DIAN's test resolution has 11 digits")
	assert.False(t, resolution.LooksLikeFormNumber("1876000000"), "too short")
	assert.False(t, resolution.LooksLikeFormNumber("28764081810977"), "not a 1876")
	assert.False(t, resolution.LooksLikeFormNumber("1876408181097A"))
}

func TestCheckPrefix(t *testing.T) {
	for _, ok := range []string{"", "FE", "SETP", "F1", "dsds"} {
		assert.NoError(t, resolution.CheckPrefix(ok), ok)
	}
	for _, bad := range []string{"FEVEN", "F-E", "FÉ", "F E"} {
		assert.Error(t, resolution.CheckPrefix(bad), bad)
	}
}
