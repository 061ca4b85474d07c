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

// TestCompositeGlyphCache checks that codes sharing a slot of the
// composite font's direct-mapped cache keep their own glyphs, whichever
// is decoded first and however often.
func TestCompositeGlyphCache(t *testing.T) {
	cm, _ := parseCMap([]byte("1 begincodespacerange <0000> <FFFF> endcodespacerange\n" +
		"3 beginbfchar <0041> <0041> <0141> <0042> <FF41> <0043> endbfchar"))
	f := &font{composite: true, dw: 1, toUni: cm}
	want := map[uint32]string{0x41: "A", 0x141: "B", 0xFF41: "C", 0x241: "", 0xFFFFFFFF: ""}
	for range 3 {
		for _, code := range []uint32{0x141, 0x41, 0xFF41, 0x241, 0xFFFFFFFF, 0x41} {
			text, w := f.glyph(code)
			assert.Equal(t, want[code], text, "code %#x", code)
			assert.Equal(t, 1.0, w, "code %#x", code)
		}
	}
}
