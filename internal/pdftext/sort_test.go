package pdftext

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSortByLine checks that the rank-key sort orders glyphs exactly as
// byLine does, ties, signed zeros and repeated values included.
func TestSortByLine(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pick := []float64{0, math.Copysign(0, -1), 1, 1.5, 2, -3, 1e6, 1e-9}
	var sb sortBuf
	for _, tc := range []struct {
		name string
		n    int
		vals bool // draw coordinates from pick, so most are ties
	}{
		{"empty", 0, false},
		{"one glyph", 1, false},
		{"distinct coordinates", 500, false},
		{"mostly ties and signed zeros", 500, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hs := make([]hglyph, tc.n)
			for i := range hs {
				hs[i] = hglyph{base: rng.Float64() * 800, x0: rng.Float64() * 600, seq: int32(i)}
				if tc.vals {
					hs[i].base, hs[i].x0 = pick[rng.IntN(len(pick))], pick[rng.IntN(len(pick))]
				}
			}
			want := slices.Clone(hs)
			slices.SortFunc(want, byLine)
			sb.sortByLine(hs)
			assert.Equal(t, seqs(want), seqs(hs))
		})
	}
}

func seqs(hs []hglyph) []int32 {
	out := make([]int32, len(hs))
	for i := range hs {
		out[i] = hs[i].seq
	}
	return out
}
