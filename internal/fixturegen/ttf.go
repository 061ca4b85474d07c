package fixturegen

import (
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// Font files, copied from Debian's fonts-dejavu-core and fonts-liberation2
// (licences beside them) so that generation gives the same bytes on any
// machine. Liberation Sans is metric-compatible with Helvetica, so it
// gives the standard-14 font its widths.
//
//go:embed fonts/DejaVuSans.ttf fonts/LiberationSans-Regular.ttf
var fontFiles embed.FS

const (
	dejaVuSansPath     = "fonts/DejaVuSans.ttf"
	liberationSansPath = "fonts/LiberationSans-Regular.ttf"
)

// errBadTTF reports a font file this small reader does not understand.
var errBadTTF = errors.New("fixturegen: unsupported TrueType file")

// A ttf is a parsed TrueType font: enough to map runes to glyphs, measure
// them, and cut a subset that keeps glyph IDs.
type ttf struct {
	name       string // PostScript-ish base name, e.g. "DejaVuSans"
	data       []byte
	tables     map[string][]byte
	unitsPerEm int
	numGlyphs  int
	advances   []uint16 // per glyph, font units
	loca       []uint32 // numGlyphs+1 offsets into glyf
	cmap       map[rune]uint16
	bbox       [4]int16
	ascent     int16
	descent    int16
}

func loadTTF(path, name string) (*ttf, error) {
	b, err := fontFiles.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseTTF(b, name)
}

func parseTTF(b []byte, name string) (*ttf, error) {
	if len(b) < 12 {
		return nil, errBadTTF
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	f := &ttf{name: name, data: b, tables: map[string][]byte{}}
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(b) {
			return nil, errBadTTF
		}
		tag := string(b[rec : rec+4])
		off := int(binary.BigEndian.Uint32(b[rec+8:]))
		ln := int(binary.BigEndian.Uint32(b[rec+12:]))
		if off < 0 || ln < 0 || off+ln > len(b) {
			return nil, fmt.Errorf("%w: table %q out of bounds", errBadTTF, tag)
		}
		f.tables[tag] = b[off : off+ln]
	}
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap"} {
		if f.tables[t] == nil {
			return nil, fmt.Errorf("%w: no %s table", errBadTTF, t)
		}
	}
	head := f.tables["head"]
	f.unitsPerEm = int(binary.BigEndian.Uint16(head[18:]))
	for i := range 4 {
		f.bbox[i] = int16(binary.BigEndian.Uint16(head[36+2*i:]))
	}
	longLoca := binary.BigEndian.Uint16(head[50:]) == 1
	f.numGlyphs = int(binary.BigEndian.Uint16(f.tables["maxp"][4:]))
	hhea := f.tables["hhea"]
	f.ascent = int16(binary.BigEndian.Uint16(hhea[4:]))
	f.descent = int16(binary.BigEndian.Uint16(hhea[6:]))
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	hmtx := f.tables["hmtx"]
	f.advances = make([]uint16, f.numGlyphs)
	for g := range f.numGlyphs {
		i := min(g, nh-1)
		f.advances[g] = binary.BigEndian.Uint16(hmtx[4*i:])
	}
	loca := f.tables["loca"]
	f.loca = make([]uint32, f.numGlyphs+1)
	for g := range f.numGlyphs + 1 {
		if longLoca {
			f.loca[g] = binary.BigEndian.Uint32(loca[4*g:])
		} else {
			f.loca[g] = uint32(binary.BigEndian.Uint16(loca[2*g:])) * 2
		}
	}
	if err := f.parseCmap(); err != nil {
		return nil, err
	}
	return f, nil
}

// parseCmap reads the Windows Unicode BMP subtable (3,1), format 4.
func (f *ttf) parseCmap() error {
	c := f.tables["cmap"]
	n := int(binary.BigEndian.Uint16(c[2:]))
	for i := range n {
		rec := 4 + 8*i
		pid, eid := binary.BigEndian.Uint16(c[rec:]), binary.BigEndian.Uint16(c[rec+2:])
		off := int(binary.BigEndian.Uint32(c[rec+4:]))
		if pid != 3 || eid != 1 || binary.BigEndian.Uint16(c[off:]) != 4 {
			continue
		}
		sub := c[off:]
		segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
		ends, starts := sub[14:], sub[16+2*segs:]
		deltas, ranges := sub[16+4*segs:], sub[16+6*segs:]
		f.cmap = map[rune]uint16{}
		for s := range segs {
			end := binary.BigEndian.Uint16(ends[2*s:])
			start := binary.BigEndian.Uint16(starts[2*s:])
			delta := binary.BigEndian.Uint16(deltas[2*s:])
			ro := int(binary.BigEndian.Uint16(ranges[2*s:]))
			for ch := int(start); ch <= int(end) && ch != 0xFFFF; ch++ {
				var g uint16
				if ro == 0 {
					g = uint16(ch) + delta
				} else {
					p := 16 + 6*segs + 2*s + ro + 2*(ch-int(start))
					g = binary.BigEndian.Uint16(sub[p:])
					if g != 0 {
						g += delta
					}
				}
				if g != 0 {
					f.cmap[rune(ch)] = g
				}
			}
		}
		return nil
	}
	return fmt.Errorf("%w: no (3,1) format 4 cmap", errBadTTF)
}

// glyph returns r's glyph ID, 0 (.notdef) when the font lacks it.
func (f *ttf) glyph(r rune) uint16 { return f.cmap[r] }

// advance returns r's advance width in thousandths of an em.
func (f *ttf) advance(r rune) float64 { return f.glyphAdvance(f.glyph(r)) }

func (f *ttf) glyphAdvance(g uint16) float64 {
	return float64(f.advances[g]) * 1000 / float64(f.unitsPerEm)
}

// width returns s's width in points at the given size.
func (f *ttf) width(s string, size float64) float64 {
	var w float64
	for _, r := range s {
		w += f.advance(r)
	}
	return w * size / 1000
}

// components returns the glyphs a composite glyph is built from.
func (f *ttf) components(g uint16) []uint16 {
	glyf := f.tables["glyf"]
	a, b := f.loca[g], f.loca[g+1]
	if b <= a || int(b) > len(glyf) || b-a < 10 {
		return nil
	}
	d := glyf[a:b]
	if int16(binary.BigEndian.Uint16(d)) >= 0 {
		return nil
	}
	var out []uint16
	p := 10
	for p+4 <= len(d) {
		flags := binary.BigEndian.Uint16(d[p:])
		out = append(out, binary.BigEndian.Uint16(d[p+2:]))
		p += 4
		if flags&0x1 != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x8 != 0:
			p += 2
		case flags&0x40 != 0:
			p += 4
		case flags&0x80 != 0:
			p += 8
		}
		if flags&0x20 == 0 {
			break
		}
	}
	return out
}

// subset returns a TrueType file with the same glyph IDs as f where every
// glyph outside keep (and their components) is empty. Keeping IDs lets a
// CIDFont use /CIDToGIDMap /Identity and a simple font keep its cmap.
func (f *ttf) subset(keep map[uint16]bool, withCmap bool) []byte {
	all := map[uint16]bool{}
	var walk func(g uint16)
	walk = func(g uint16) {
		if all[g] || int(g) >= f.numGlyphs {
			return
		}
		all[g] = true
		for _, c := range f.components(g) {
			walk(c)
		}
	}
	walk(0)
	for g := range keep {
		walk(g)
	}
	glyfIn := f.tables["glyf"]
	var glyf []byte
	loca := make([]byte, 4*(f.numGlyphs+1))
	for g := range f.numGlyphs {
		binary.BigEndian.PutUint32(loca[4*g:], uint32(len(glyf)))
		if all[uint16(g)] {
			glyf = append(glyf, glyfIn[f.loca[g]:f.loca[g+1]]...)
			for len(glyf)%4 != 0 {
				glyf = append(glyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(loca[4*f.numGlyphs:], uint32(len(glyf)))
	head := slices.Clone(f.tables["head"])
	binary.BigEndian.PutUint32(head[8:], 0) // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 1)
	tables := map[string][]byte{
		"head": head, "hhea": f.tables["hhea"], "maxp": f.tables["maxp"],
		"hmtx": f.tables["hmtx"], "loca": loca, "glyf": glyf,
	}
	for _, t := range []string{"cvt ", "fpgm", "prep"} {
		if f.tables[t] != nil {
			tables[t] = f.tables[t]
		}
	}
	if withCmap {
		tables["cmap"] = f.tables["cmap"]
	}
	out := writeSFNT(tables)
	adj := 0xB1B0AFBA - ttfChecksum(out)
	headOff := tableOffset(out, "head")
	binary.BigEndian.PutUint32(out[headOff+8:], adj)
	return out
}

func writeSFNT(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	n := len(tags)
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	sr := (1 << es) * 16
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(sr))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(n*16-sr))
	for i, t := range tags {
		data := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[4:], ttfChecksum(data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func tableOffset(font []byte, tag string) int {
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := range n {
		rec := 12 + 16*i
		if string(font[rec:rec+4]) == tag {
			return int(binary.BigEndian.Uint32(font[rec+8:]))
		}
	}
	return -1
}

func ttfChecksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:min(i+4, len(b))])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
