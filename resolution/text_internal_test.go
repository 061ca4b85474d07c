package resolution

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dianres/dianres/internal/legend"
)

// TestLegendWarningCodes proves the legend reader's warning codes are
// resolution's: ParseText converts one into the other unchanged.
func TestLegendWarningCodes(t *testing.T) {
	for code, want := range map[string]WarningCode{
		legend.WarnFormNumber: WarnFormNumber, legend.WarnPrefix: WarnPrefix, legend.WarnMonths: WarnMonths,
		legend.WarnValidTo: WarnValidTo, legend.WarnInconsistent: WarnInconsistent,
	} {
		assert.Equal(t, want, WarningCode(code))
	}
}
