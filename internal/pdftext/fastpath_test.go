package pdftext

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSortByLine checks that the rank-key sort orders glyphs exactly as
// byLine does, ties, signed zeros and repeated values included.
func TestSortByLine(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pick := []float64{0, math.Copysign(0, -1), 1, 1.5, 2, -3, 1e6, 1e-9}
	var sb sortBuf
	// runs draws n words of 8 glyphs, each word left to right on one of
	// a few lines, at x positions from xAt.
	runs := func(n int, xAt func(word int) float64) []hglyph {
		var hs []hglyph
		for w := range n {
			base, x := float64(10*rng.IntN(6)), xAt(w)
			for k := range 8 {
				hs = append(hs, hglyph{base: base, x0: x + float64(k)*2, seq: int32(len(hs))})
			}
		}
		return hs
	}
	for _, tc := range []struct {
		name string
		hs   func() []hglyph
	}{
		{"empty", func() []hglyph { return nil }},
		{"one glyph", func() []hglyph { return []hglyph{{}} }},
		{"distinct coordinates", func() []hglyph {
			hs := make([]hglyph, 500)
			for i := range hs {
				hs[i] = hglyph{base: rng.Float64() * 800, x0: rng.Float64() * 600, seq: int32(i)}
			}
			return hs
		}},
		{"mostly ties and signed zeros", func() []hglyph {
			hs := make([]hglyph, 500)
			for i := range hs {
				hs[i] = hglyph{base: pick[rng.IntN(len(pick))], x0: pick[rng.IntN(len(pick))], seq: int32(i)}
			}
			return hs
		}},
		{"words in runs that do not interleave", func() []hglyph {
			return runs(60, func(w int) float64 { return float64(20 * w) })
		}},
		{"words in runs that interleave", func() []hglyph {
			return runs(60, func(int) float64 { return rng.Float64() * 100 })
		}},
		{"one run drawn twice, a fake bold", func() []hglyph {
			hs := runs(1, func(int) float64 { return 5 })
			hs = append(hs, hs...)
			for i := range hs {
				hs[i].seq = int32(i)
			}
			return hs
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hs := tc.hs()
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

// TestPartOfRotatedIndex checks the indexed partOfRotated against
// comparing every level glyph with every tilted one, on glyphs scattered
// at random angles and sizes around one another.
func TestPartOfRotatedIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	hits := 0
	for round := range 50 {
		glyphs := make([]glyph, 150)
		for i := range glyphs {
			size := 4 + rng.Float64()*8
			a := 0.0
			if rng.IntN(3) == 0 {
				a = rng.Float64() * 2 * math.Pi
			}
			c, s := math.Cos(a), math.Sin(a)
			glyphs[i] = glyph{
				text: string(rune('A' + rng.IntN(26))),
				ox:   rng.Float64() * 60, oy: rng.Float64() * 60,
				dx: size * c, dy: size * s, ux: size * s, uy: -size * c,
				w: 0.4 + rng.Float64()*0.4,
			}
			if rng.IntN(10) == 0 {
				glyphs[i].text = " "
			}
		}
		var tilted []int
		for i := range glyphs {
			if !horizontal(&glyphs[i]) {
				tilted = append(tilted, i)
			}
		}
		ti := newTiltIndex(glyphs, tilted)
		for i := range glyphs {
			if !horizontal(&glyphs[i]) {
				continue
			}
			want := false
			if g := &glyphs[i]; !isBlank(g.text) {
				for _, j := range tilted {
					if r := &glyphs[j]; !isBlank(r.text) && (follows(r, g) || follows(g, r)) {
						want = true
					}
				}
			}
			require.Equal(t, want, ti.partOfRotated(glyphs, tilted, i), "round %d glyph %d", round, i)
			if want {
				hits++
			}
		}
	}
	assert.Greater(t, hits, 20, "level glyphs found continuing tilted ones")
}

// TestChainOrderIndex checks chainOrder, which compares only glyphs
// starting near where another ends, against comparing every pair.
func TestChainOrderIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for round := range 30 {
		// A word along a circle, drawn in shuffled order, plus strays.
		var gs []glyph
		r, size := 40.0, 6.0
		for k := range 40 {
			a := float64(k) * 0.12
			c, s := math.Cos(a), math.Sin(a)
			gs = append(gs, glyph{
				text: string(rune('a' + k%26)),
				ox:   100 + r*math.Sin(a), oy: 100 - r*math.Cos(a),
				dx: size * c, dy: size * s, ux: size * s, uy: -size * c,
				w: 0.12 * r / size,
			})
		}
		for range 20 {
			a := rng.Float64() * 2 * math.Pi
			c, s := math.Cos(a), math.Sin(a)
			gs = append(gs, glyph{text: "x", ox: rng.Float64() * 200, oy: rng.Float64() * 200,
				dx: size * c, dy: size * s, ux: size * s, uy: -size * c, w: 0.5})
		}
		gs = append(gs, glyph{text: " "})
		rng.Shuffle(len(gs), func(i, j int) { gs[i], gs[j] = gs[j], gs[i] })
		want := chainOrderAllPairs(slices.Clone(gs))
		var got []glyph
		for _, k := range chainOrder(gs) {
			if k < 0 {
				got = append(got, glyph{text: " "})
			} else {
				got = append(got, gs[k])
			}
		}
		require.Equal(t, want, got, "round %d", round)
	}
}

func chainOrderAllPairs(gs []glyph) []glyph {
	if len(gs) > maxSpatial {
		return gs
	}
	type pair struct {
		i, j int
		d    float64
	}
	var pairs []pair
	for i := range gs {
		if gs[i].text == " " {
			continue
		}
		ex, ey := gs[i].ox+gs[i].w*gs[i].dx, gs[i].oy+gs[i].w*gs[i].dy
		for j := range gs {
			if i != j && gs[j].text != " " && follows(&gs[i], &gs[j]) {
				pairs = append(pairs, pair{i, j, math.Hypot(gs[j].ox-ex, gs[j].oy-ey)})
			}
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		return cmp.Or(cmp.Compare(a.d, b.d), cmp.Compare(a.i, b.i), cmp.Compare(a.j, b.j))
	})
	next := make([]int, len(gs))
	hasPrev := make([]bool, len(gs))
	for i := range next {
		next[i] = -1
	}
	for _, p := range pairs {
		if next[p.i] >= 0 || hasPrev[p.j] {
			continue
		}
		k := p.j // no cycles: j's chain must not lead back to i
		for k >= 0 && k != p.i {
			k = next[k]
		}
		if k == p.i {
			continue
		}
		next[p.i], hasPrev[p.j] = p.j, true
	}
	out := make([]glyph, 0, len(gs)*2)
	for i := range gs {
		if hasPrev[i] || gs[i].text == " " {
			continue
		}
		for k := i; k >= 0; k = next[k] {
			out = append(out, gs[k])
		}
		out = append(out, glyph{text: " "})
	}
	return out
}

// TestSortRules checks the hand-specialised rule sort against
// slices.SortFunc, on inputs full of ties, in order, reversed, all
// equal, and with the heapsort fallback forced.
func TestSortRules(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	ref := func(rs []Rule) []Rule {
		rs = slices.Clone(rs)
		slices.SortFunc(rs, func(a, b Rule) int {
			return cmp.Or(cmp.Compare(a.Y0, b.Y0), cmp.Compare(a.X0, b.X0), cmp.Compare(a.Y1, b.Y1), cmp.Compare(a.X1, b.X1))
		})
		return rs
	}
	random := func(n, spread int) []Rule {
		rs := make([]Rule, n)
		for i := range rs {
			v := func() float64 { return float64(rng.IntN(spread)) }
			rs[i] = Rule{X0: v(), Y0: v(), X1: v(), Y1: v()}
		}
		return rs
	}
	var cases [][]Rule
	for _, n := range []int{0, 1, 2, 3, 12, 13, 50, 233, 1000} {
		cases = append(cases, random(n, 4), random(n, 1000))
	}
	sorted := ref(random(300, 50))
	cases = append(cases, sorted, slices.Clone(sorted), make([]Rule, 100))
	slices.Reverse(cases[len(cases)-2])
	for i, rs := range cases {
		want := ref(rs)
		got := slices.Clone(rs)
		sortRules(got)
		require.Equal(t, want, got, "case %d", i)
		got = slices.Clone(rs)
		quickRules(got, 0) // heapsort from the start
		require.Equal(t, want, got, "case %d, heapsort", i)
	}
}

// TestNumberBitExact checks number against the digit-by-digit float
// loop it replaces, bit for bit, on random numbers of every length.
func TestNumberBitExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	digits := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('0' + rng.IntN(10))
		}
		return string(b)
	}
	cases := []string{"0", "-0", "+5", "--5", "-+5", ".5", "5.", "-.", ".", "-", "1.2.3", "1e5", "",
		"999999999999999", "9999999999999999", "9007199254740993", "123456789012345678901234567890",
		"0.1", "0.30000000000000004", "." + digits(40), digits(30) + "." + digits(30)}
	for range 20000 {
		s := ""
		switch rng.IntN(3) {
		case 0:
			s = "-"
		case 1:
			s = "+"
		}
		s += digits(rng.IntN(20))
		if rng.IntN(2) == 0 {
			s += "." + digits(rng.IntN(30))
		}
		cases = append(cases, s)
	}
	for _, s := range cases {
		got, ok := number([]byte(s))
		want, wantOK := numberRef([]byte(s))
		require.Equal(t, wantOK, ok, "%q", s)
		require.Equal(t, math.Float64bits(want), math.Float64bits(got), "%q: %v, want %v", s, got, want)
	}
}

func numberRef(b []byte) (float64, bool) {
	i := 0
	neg := false
	for i < len(b) && (b[i] == '+' || b[i] == '-') {
		if i == 0 {
			neg = b[i] == '-'
		}
		i++
	}
	var v float64
	digits := 0
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		v = v*10 + float64(b[i]-'0')
		i++
		digits++
	}
	if i < len(b) && b[i] == '.' {
		i++
		scale := 0.1
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			v += float64(b[i]-'0') * scale
			scale /= 10
			i++
			digits++
		}
	}
	if digits == 0 || i != len(b) {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}
