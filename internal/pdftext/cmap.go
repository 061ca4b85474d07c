package pdftext

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// cmap is what this package reads from a CMap stream (PDF 32000 §9.7.5,
// §9.10.3; Adobe TN 5014 and 5099): codespace ranges for splitting a
// string into codes, code → CID ranges for an embedded /Encoding CMap,
// and code → Unicode for a ToUnicode CMap. Ranges are kept as ranges, so
// "<0000> <FFFF>" costs one entry, not 65,536.
type cmap struct {
	codespace []codespaceRange
	cids      []cidRange
	uni       []uniRange
	useCMap   string // /usecmap of a predefined CMap, e.g. Identity-H

	// uniReach[i] and cidReach[i] are the largest hi among the first i+1
	// ranges: a backwards scan for code stops once they fall below it.
	uniReach, cidReach []uint32

	// runes holds the dst of the ranges back to back, and lists the
	// arrays of bfrange's array form: a range points into them by index,
	// so the ranges hold no pointers for the collector to scan or copy.
	runes []rune
	lists [][]string
}

type codespaceRange struct {
	n      int // bytes
	lo, hi [4]byte
}

type cidRange struct {
	lo, hi uint32
	cid    uint32
}

// uniRange maps codes lo..hi to text: either dst, the runes
// runes[off:off+n] with the last one incremented by code-lo (bfchar and
// the string form of bfrange), or, when list >= 0, lists[list][code-lo]
// (the array form of bfrange).
type uniRange struct {
	lo, hi uint32
	off, n int32
	list   int32
}

// parseCMap reads a CMap. It never fails: what cannot be read is skipped.
// ops counts the keywords seen, for MaxOps.
func parseCMap(data []byte) (cm *cmap, ops int) {
	cm = &cmap{}
	l := newLexer(data)
	sc := cmapScratch.Get().(*cmapBuf)
	args := sc.args[:0]
	l.Scratch = sc.lex[:0]
	defer func() {
		if cap(args) <= 1<<12 && cap(l.Scratch) <= 1<<16 {
			sc.args, sc.lex = args[:0], l.Scratch[:0]
			cmapScratch.Put(sc)
		}
	}()
	for {
		t := l.next()
		switch t.kind {
		case tokEOF:
			cm.finish()
			return cm, ops
		case tokOp:
			ops++
			switch string(l.raw(t)) {
			case "endcodespacerange":
				for i := 0; i+1 < len(args); i += 2 {
					lo, hi := args[i], args[i+1]
					if lo.kind != tokString || hi.kind != tokString {
						continue
					}
					a, b := l.str(lo), l.str(hi)
					if len(a) == 0 || len(a) > 4 || len(a) != len(b) {
						continue
					}
					r := codespaceRange{n: len(a)}
					copy(r.lo[:], a)
					copy(r.hi[:], b)
					cm.codespace = append(cm.codespace, r)
				}
			case "endbfchar":
				cm.uni = slices.Grow(cm.uni, len(args)/2)
				for i := 0; i+1 < len(args); i += 2 {
					src, dst := args[i], args[i+1]
					if src.kind != tokString {
						continue
					}
					c, ok := codeOf(l.str(src))
					if !ok {
						continue
					}
					switch dst.kind {
					case tokString:
						cm.uni = append(cm.uni, cm.dstRange(c, c, l.str(dst)))
					case tokName: // some producers write a glyph name
						if s := glyphText(string(l.str(dst))); s != "" {
							off := len(cm.runes)
							cm.runes = append(cm.runes, []rune(s)...)
							cm.uni = append(cm.uni, uniRange{lo: c, hi: c, off: int32(off), n: int32(len(cm.runes) - off), list: -1})
						}
					}
				}
			case "endbfrange":
				cm.bfranges(&l, args)
			case "endcidrange":
				for i := 0; i+2 < len(args); i += 3 {
					lo, hi, cid := args[i], args[i+1], args[i+2]
					a, ok1 := codeOfTok(&l, lo)
					b, ok2 := codeOfTok(&l, hi)
					if ok1 && ok2 && cid.kind == tokNumber && a <= b && cid.num >= 0 {
						cm.cids = append(cm.cids, cidRange{lo: a, hi: b, cid: uint32(cid.num)})
					}
				}
			case "endcidchar":
				for i := 0; i+1 < len(args); i += 2 {
					a, ok := codeOfTok(&l, args[i])
					if ok && args[i+1].kind == tokNumber && args[i+1].num >= 0 {
						cm.cids = append(cm.cids, cidRange{lo: a, hi: a, cid: uint32(args[i+1].num)})
					}
				}
			case "usecmap":
				if len(args) > 0 && args[len(args)-1].kind == tokName {
					cm.useCMap = string(l.str(args[len(args)-1]))
				}
			}
			args = args[:0]
			l.Scratch = l.Scratch[:0] // the operands' strings are read
		default:
			// A block holds at most 100 entries (TN 5014); far more
			// operands than that are junk, and must not grow memory.
			if len(args) < maxCMapArgs {
				args = append(args, t)
			}
		}
	}
}

// maxCMapArgs bounds the operands kept before one CMap keyword.
const maxCMapArgs = 1 << 14

// cmapBuf is the operands and lexer scratch of parseCMap, pooled across
// CMaps: a document has a few, a batch thousands.
type cmapBuf struct {
	args []token
	lex  []byte
}

var cmapScratch = sync.Pool{New: func() any { return &cmapBuf{args: make([]token, 0, 256)} }}

// bfranges reads "<lo> <hi> <dst>" and "<lo> <hi> [<d0> <d1> …]" triples.
func (cm *cmap) bfranges(l *lexer, args []token) {
	for i := 0; i+2 < len(args); {
		lo, ok1 := codeOfTok(l, args[i])
		hi, ok2 := codeOfTok(l, args[i+1])
		dst := args[i+2]
		i += 3
		var list []string
		if dst.kind == tokArrayOpen {
			for i < len(args) && args[i].kind != tokArrayClose {
				if args[i].kind == tokString {
					list = append(list, string(utf16Runes(l.str(args[i]))))
				} else {
					list = append(list, "")
				}
				i++
			}
			i++ // ]
		}
		if !ok1 || !ok2 || lo > hi {
			continue
		}
		switch {
		case dst.kind == tokArrayOpen:
			if n := uint64(hi-lo) + 1; uint64(len(list)) > n {
				list = list[:n]
			}
			cm.lists = append(cm.lists, list)
			cm.uni = append(cm.uni, uniRange{lo: lo, hi: hi, list: int32(len(cm.lists) - 1)})
		case dst.kind == tokString:
			cm.uni = append(cm.uni, cm.dstRange(lo, hi, l.str(dst)))
		}
	}
}

// finish sorts the ranges so lookups can binary-search; later entries win
// on overlap, as the stable sort keeps them after earlier ones.
func (cm *cmap) finish() {
	cm.runes = slices.Clip(cm.runes)
	slices.SortStableFunc(cm.uni, func(a, b uniRange) int { return cmp.Compare(a.lo, b.lo) })
	slices.SortStableFunc(cm.cids, func(a, b cidRange) int { return cmp.Compare(a.lo, b.lo) })
	var m uint32
	cm.uniReach = make([]uint32, len(cm.uni))
	for i, r := range cm.uni {
		m = max(m, r.hi)
		cm.uniReach[i] = m
	}
	m = 0
	cm.cidReach = make([]uint32, len(cm.cids))
	for i, r := range cm.cids {
		m = max(m, r.hi)
		cm.cidReach[i] = m
	}
}

// text returns the Unicode text of code, or "" and false.
func (cm *cmap) text(code uint32) (string, bool) {
	// The last range starting at or before code that contains it.
	i := firstAtLeast(len(cm.uni), code+1, func(i int) uint32 { return cm.uni[i].lo })
	for j := i - 1; j >= 0 && cm.uniReach[j] >= code; j-- {
		r := &cm.uni[j]
		if code < r.lo || code > r.hi {
			continue
		}
		off := code - r.lo
		if r.list >= 0 {
			if list := cm.lists[r.list]; int(off) < len(list) && list[off] != "" {
				return list[off], true
			}
			return "", false
		}
		dst := cm.runes[r.off : r.off+r.n]
		if len(dst) == 0 {
			return "", false
		}
		last := dst[len(dst)-1] + rune(off)
		if len(dst) == 1 {
			return runeText(last), true
		}
		// string([]rune) without cloning dst to change its last rune:
		// both encode an invalid rune as U+FFFD.
		var buf [64]byte
		b := buf[:0]
		for _, c := range dst[:len(dst)-1] {
			b = utf8.AppendRune(b, c)
		}
		return string(utf8.AppendRune(b, last)), true
	}
	return "", false
}

// firstAtLeast returns the first of n ascending keys, read with at,
// that is at least t (n if none): slices.BinarySearchFunc's position for
// keys that are never NaN. It runs for every glyph code not cached yet
// and every level glyph near rotated text; reading a key by index copies
// no element per probe, and the closure inlines.
func firstAtLeast[K cmp.Ordered](n int, t K, at func(int) K) int {
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if at(h) < t {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

// cid returns the CID of code under an embedded encoding CMap.
func (cm *cmap) cid(code uint32) (uint32, bool) {
	i := firstAtLeast(len(cm.cids), code+1, func(i int) uint32 { return cm.cids[i].lo })
	for j := i - 1; j >= 0 && cm.cidReach[j] >= code; j-- {
		r := cm.cids[j]
		if code >= r.lo && code <= r.hi {
			return r.cid + (code - r.lo), true
		}
	}
	return 0, false
}

// split returns the first code of s and its length in bytes, using the
// codespace ranges (§9.7.6.2): the shortest prefix that falls in a range
// of its length. With no match, one byte is consumed (or the smallest
// range length, so a 2-byte font does not desynchronise).
func (cm *cmap) split(s []byte) (uint32, int) {
	if len(cm.codespace) == 0 {
		if len(s) >= 2 {
			return uint32(s[0])<<8 | uint32(s[1]), 2
		}
		return uint32(s[0]), 1
	}
	minN := 4
	for n := 1; n <= 4 && n <= len(s); n++ {
		for _, r := range cm.codespace {
			minN = min(minN, r.n)
			if r.n != n {
				continue
			}
			ok := true
			for k := range n {
				if s[k] < r.lo[k] || s[k] > r.hi[k] {
					ok = false
					break
				}
			}
			if ok {
				c, _ := codeOf(s[:n])
				return c, n
			}
		}
	}
	n := min(max(minN, 1), len(s))
	c, _ := codeOf(s[:n])
	return c, n
}

// codeOf reads 1 to 4 bytes as a big-endian code.
func codeOf(b []byte) (uint32, bool) {
	if len(b) == 0 || len(b) > 4 {
		return 0, false
	}
	var c uint32
	for _, x := range b {
		c = c<<8 | uint32(x)
	}
	return c, true
}

func codeOfTok(l *lexer, t token) (uint32, bool) {
	if t.kind != tokString {
		return 0, false
	}
	return codeOf(l.str(t))
}

// utf16Runes decodes UTF-16BE, surrogate pairs included; an odd final
// byte is dropped.
func utf16Runes(b []byte) []rune { return appendUTF16(make([]rune, 0, len(b)/2), b) }

// dstRange maps lo..hi to the UTF-16BE text b, kept in cm.runes.
func (cm *cmap) dstRange(lo, hi uint32, b []byte) uniRange {
	off := len(cm.runes)
	cm.runes = appendUTF16(cm.runes, b)
	return uniRange{lo: lo, hi: hi, off: int32(off), n: int32(len(cm.runes) - off), list: -1}
}

// appendUTF16 appends the runes of UTF-16BE b to rs.
func appendUTF16(rs []rune, b []byte) []rune {
	n := len(b) / 2
	for i := 0; i < n; i++ {
		u := rune(b[2*i])<<8 | rune(b[2*i+1])
		switch {
		case utf16.IsSurrogate(u) && u < 0xDC00 && i+1 < n:
			lo := rune(b[2*i+2])<<8 | rune(b[2*i+3])
			if r := utf16.DecodeRune(u, lo); r != unicode.ReplacementChar {
				rs = append(rs, r)
				i++
				continue
			}
			rs = append(rs, unicode.ReplacementChar)
		case utf16.IsSurrogate(u):
			rs = append(rs, unicode.ReplacementChar)
		default:
			rs = append(rs, u)
		}
	}
	return rs
}

// predefinedUnicode reports whether the predefined CMap name has Unicode
// code points (UCS-2 or UTF-16) as codes, e.g. UniGB-UCS2-H, UniJIS-UTF16-H.
func predefinedUnicode(name string) bool {
	return strings.HasPrefix(name, "Uni") && (strings.Contains(name, "UCS2") || strings.Contains(name, "UTF16"))
}
