package form

import (
	"cmp"
	"math"
	"slices"

	"github.com/dianres/dianres/internal/vocab"
)

// A table may print each range as a record of two lines under a header of
// two tiers: the modality and the request over the prefix, the bounds, the
// months and the dates. The tiers' columns overlap, so no one line aligns
// with the whole header; each line aligns with its own tier.

// tiers splits band b's labels into the lines of labels they stand on,
// top to bottom: a label belongs to the tier it overlaps vertically.
func (pg *page) tiers(b band) [][]int {
	ks := slices.Clone(b.labels)
	slices.SortFunc(ks, func(x, y int) int { return cmp.Compare(pg.labels[x].r.Y0, pg.labels[y].r.Y0) })
	var out [][]int
	bottom := math.Inf(-1)
	for _, k := range ks {
		l := &pg.labels[k]
		if len(out) == 0 || l.r.Y0 >= bottom-0.2*l.size {
			out = append(out, nil)
			bottom = l.r.Y1
		}
		out[len(out)-1] = append(out[len(out)-1], k)
		bottom = max(bottom, l.r.Y1)
	}
	return out
}

// readRecords reads the rows under a header of two tiers whose columns
// overlap: the upper names the modality or the request, the lower holds
// both bounds. ok is false for any other header.
func (pg *page) readRecords(b band) ([]Row, bool) {
	if !slices.ContainsFunc(b.labels, func(k int) bool {
		return pg.labels[k].r.Y0 > pg.labels[b.labels[0]].r.Y1 || pg.labels[k].r.Y1 < pg.labels[b.labels[0]].r.Y0
	}) {
		return nil, false // one line of labels: one tier
	}
	ts := pg.tiers(b)
	if len(ts) != 2 {
		return nil, false
	}
	has := func(t []int, keys ...string) bool {
		return slices.ContainsFunc(t, func(k int) bool { return slices.Contains(keys, pg.labels[k].spec.key) })
	}
	if !has(ts[0], "kind", "request") || has(ts[0], "from", "to") || !has(ts[1], "from") || !has(ts[1], "to") {
		return nil, false
	}
	overlap := slices.ContainsFunc(ts[0], func(a int) bool {
		return slices.ContainsFunc(ts[1], func(c int) bool {
			return pg.labels[a].r.X0 < pg.labels[c].r.X1 && pg.labels[c].r.X0 < pg.labels[a].r.X1
		})
	})
	if !overlap {
		return nil, false
	}
	sub := func(t []int) band {
		s := band{labels: t, y0: math.Inf(1), y1: math.Inf(-1), size: b.size}
		for _, k := range t {
			s.y0, s.y1 = min(s.y0, pg.labels[k].r.Y0), max(s.y1, pg.labels[k].r.Y1)
		}
		return s
	}
	upper, lower := pg.columns(sub(ts[0])), pg.columns(sub(ts[1]))
	cols := append(slices.Clone(upper), lower...)
	bound := func(assign []int, cs []col) bool {
		return slices.ContainsFunc(assign, func(c int) bool { return c >= 0 && boundRole(cs[c].role) })
	}
	var rows []Row
	first, last := -1, b.y1
	for li := range pg.lines {
		ln := pg.lines[li]
		if ln.y0 < b.y1-0.2*b.size {
			continue
		}
		if ln.y0-last > 4*b.size {
			break
		}
		ws := pg.lineWords(li)
		if len(ws) == 1 && ws[0].digits {
			if _, ok := vocab.SmallInt(ws[0].Text, 2); ok {
				last = ln.y1
				continue // the record's number, between its two lines
			}
		}
		if a, ok := pg.align(li, upper); ok && !bound(a, upper) && first < 0 {
			first = li
			last = ln.y1
			continue
		}
		a, ok := pg.align(li, lower)
		if first < 0 || !ok || !bound(a, lower) {
			break
		}
		fa, _ := pg.align(first, upper)
		shifted := make([]int, len(a))
		for i, c := range a {
			shifted[i] = c
			if c >= 0 {
				shifted[i] = c + len(upper)
			}
		}
		got := []rowLine{{line: first, assign: fa}, {line: li, assign: shifted, data: true}}
		rows = append(rows, pg.buildRow(cols, got, 1, []int{0}))
		first, last = -1, ln.y1
	}
	if len(rows) == 0 {
		for _, k := range b.labels {
			pg.labels[k].taken = false // the caller reads the band as one header
		}
		return nil, false
	}
	return rows, true
}
