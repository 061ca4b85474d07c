package validate

import (
	"iter"
	"maps"
	"math"
	"math/bits"
	"slices"
)

// A range's numbers are tracked in pages of pageBits numbers, allocated
// only when a number falls in them, so a range of 10^15 numbers with a
// thousand issued costs a few pages, not 10^15 bits.
const (
	pageShift = 12
	pageBits  = 1 << pageShift // 4096 numbers, 512 bytes of bitset
	pageWords = pageBits / 64
	// denseMaxPages is the most pages indexed by a slice (512 KiB of
	// pointers); larger ranges index their pages with a map.
	denseMaxPages = 1 << 16
)

type page struct {
	seen [pageWords]uint64
	// extra counts repeats beyond the first, saturating at 255 (the
	// tracker's overflow map holds the rest); nil until the page's first
	// duplicate, so clean numbering pays nothing for it.
	extra *[pageBits]uint8
	// Each number's earliest issue day (a dayIndex; 0 when undated). While
	// the page's days span fewer than 255 days they are one byte each,
	// days8[b] = day - base + 1; past that the page widens to days16.
	// Both are nil until a dated number lands in the page.
	base   uint16
	maxOff uint8 // the largest value in days8
	days8  *[pageBits]uint8
	days16 *[pageBits]uint16
}

// dated reports whether any number of the page has an issue day.
func (p *page) dated() bool { return p.days8 != nil || p.days16 != nil }

// day returns the issue day of offset b, 0 when undated.
func (p *page) day(b int) uint16 {
	if p.days16 != nil {
		return p.days16[b]
	}
	if p.days8 == nil || p.days8[b] == 0 {
		return 0
	}
	return p.base + uint16(p.days8[b]) - 1
}

// setDay records day x (> 0) for offset b, keeping the earliest.
func (p *page) setDay(b int, x uint16) {
	if cur := p.day(b); cur != 0 && cur <= x {
		return
	}
	switch {
	case p.days16 != nil:
		p.days16[b] = x
		return
	case p.days8 == nil:
		p.days8, p.base = new([pageBits]uint8), x
	case x < p.base:
		shift := p.base - x
		if int(p.maxOff)+int(shift) > math.MaxUint8 {
			p.widen()
			p.days16[b] = x
			return
		}
		for i, v := range p.days8 {
			if v != 0 {
				p.days8[i] = v + uint8(shift)
			}
		}
		p.base, p.maxOff = x, p.maxOff+uint8(shift)
	}
	off := int(x-p.base) + 1
	if off > math.MaxUint8 {
		p.widen()
		p.days16[b] = x
		return
	}
	p.days8[b] = uint8(off)
	p.maxOff = max(p.maxOff, uint8(off))
}

// widen moves the page's days from one byte to two.
func (p *page) widen() {
	wide := new([pageBits]uint16)
	for i := range wide {
		wide[i] = p.day(i) // still reading days8
	}
	p.days16, p.days8 = wide, nil
}

// pagedSet is a lazily allocated bitset over offsets [0, size).
type pagedSet struct {
	dense  []*page
	sparse map[uint64]*page
}

func newPagedSet(size uint64) pagedSet {
	n := (size-1)>>pageShift + 1
	if n <= denseMaxPages {
		return pagedSet{dense: make([]*page, n)}
	}
	return pagedSet{sparse: make(map[uint64]*page)}
}

// page returns page pi, allocating it if needed.
func (s *pagedSet) page(pi uint64) *page {
	if s.dense != nil {
		p := s.dense[pi]
		if p == nil {
			p = new(page)
			s.dense[pi] = p
		}
		return p
	}
	p := s.sparse[pi]
	if p == nil {
		p = new(page)
		s.sparse[pi] = p
	}
	return p
}

// pages yields the allocated pages in ascending order.
func (s *pagedSet) pages() iter.Seq2[uint64, *page] {
	return func(yield func(uint64, *page) bool) {
		if s.dense != nil {
			for i, p := range s.dense {
				if p != nil && !yield(uint64(i), p) {
					return
				}
			}
			return
		}
		for _, i := range slices.Sorted(maps.Keys(s.sparse)) {
			if !yield(i, s.sparse[i]) {
				return
			}
		}
	}
}

// runs yields the runs of set bits in p as [start, end) offsets.
func (p *page) runs() iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for i := 0; i < pageBits; {
			s := p.next(i, false)
			if s == pageBits {
				return
			}
			e := p.next(s, true)
			if !yield(s, e) {
				return
			}
			i = e
		}
	}
}

// next returns the first offset at or after i whose bit is set (or clear,
// when clear is true), or pageBits if there is none.
func (p *page) next(i int, clear bool) int {
	var flip uint64
	if clear {
		flip = ^uint64(0)
	}
	w := i >> 6
	if word := (p.seen[w] ^ flip) >> (i & 63); word != 0 {
		return i + bits.TrailingZeros64(word)
	}
	for w++; w < pageWords; w++ {
		if word := p.seen[w] ^ flip; word != 0 {
			return w<<6 + bits.TrailingZeros64(word)
		}
	}
	return pageBits
}
