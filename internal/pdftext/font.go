package pdftext

import (
	"context"
	"strings"
	"sync"

	"github.com/dianres/dianres/internal/pdfrepair"
)

// stdFont holds the metrics of one of the standard 14 fonts.
type stdFont struct {
	byRune map[rune]uint16
	byCode [256]uint16 // by code in the font's built-in encoding
}

// font is a decoded PDF font: how to split a string into codes and, per
// code, its text and advance width. Simple fonts are decoded into arrays
// up front; composite fonts decode lazily and cache per code.
type font struct {
	name      string // BaseFont without the subset tag
	composite bool

	// Simple fonts: text and width by code. Composite fonts: a
	// direct-mapped cache of decoded codes (see tag).
	text  [256]string
	width [256]float64 // text-space units per unit of font size

	// Composite fonts.
	enc        *cmap // embedded encoding CMap; nil for Identity and predefined CMaps
	unicodeEnc bool  // predefined Uni…-UCS2/UTF16 CMap: codes are Unicode
	toUni      *cmap
	cidW       []cidWidth
	dw         float64
	// tag[code&0xFF] is code+1 when text and width hold code's glyph,
	// else 0. A code whose slot is taken goes to cache instead; nothing
	// is evicted, so a code is found where it was first stored.
	tag   [256]uint32
	cache map[uint32]glyphInfo
}

type glyphInfo struct {
	text  string
	width float64
}

type cidWidth struct {
	lo, hi uint32
	w      float64   // for "cfirst clast w"
	ws     []float64 // for "c [w1 w2 …]"
}

// next splits the first code off s. single reports a one-byte code, the
// only kind to which word spacing (Tw) applies.
func (f *font) next(s []byte) (code uint32, n int) {
	if !f.composite {
		return uint32(s[0]), 1
	}
	if f.enc != nil {
		return f.enc.split(s)
	}
	if len(s) >= 2 {
		return uint32(s[0])<<8 | uint32(s[1]), 2
	}
	return uint32(s[0]), 1
}

// glyph returns the text ("" when unknown) and width of code.
func (f *font) glyph(code uint32) (string, float64) {
	if !f.composite {
		return f.text[code&0xFF], f.width[code&0xFF]
	}
	slot := code & 0xFF
	if t := f.tag[slot]; t != 0 && t == code+1 { // code 0xFFFFFFFF is never in a slot
		return f.text[slot], f.width[slot]
	}
	if g, ok := f.cache[code]; ok {
		return g.text, g.width
	}
	var g glyphInfo
	cid := code
	if f.enc != nil {
		if c, ok := f.enc.cid(code); ok {
			cid = c
		} else if f.enc.useCMap == "" || !strings.HasPrefix(f.enc.useCMap, "Identity") {
			cid = 0
		}
	}
	if f.toUni != nil {
		g.text, _ = f.toUni.text(code)
	}
	if g.text == "" && f.unicodeEnc && validText(rune(code)) {
		g.text = runeText(rune(code))
	}
	g.width = f.dw
	if !f.unicodeEnc {
		g.width = f.cidWidth(cid)
	}
	switch {
	case f.tag[slot] == 0 && code+1 != 0:
		f.tag[slot], f.text[slot], f.width[slot] = code+1, g.text, g.width
	case len(f.cache) < 1<<16:
		if f.cache == nil {
			f.cache = map[uint32]glyphInfo{}
		}
		f.cache[code] = g
	}
	return g.text, g.width
}

func (f *font) cidWidth(cid uint32) float64 {
	for i := len(f.cidW) - 1; i >= 0; i-- {
		r := &f.cidW[i]
		if cid < r.lo || cid > r.hi {
			continue
		}
		if r.ws != nil {
			return r.ws[cid-r.lo]
		}
		return r.w
	}
	return f.dw
}

// baseName strips a subset tag ("ABCDEF+Arial") from a BaseFont name.
func baseName(n string) string {
	if len(n) > 7 && n[6] == '+' {
		for i := range 6 {
			if n[i] < 'A' || n[i] > 'Z' {
				return n
			}
		}
		return n[7:]
	}
	return n
}

// fontNameCleaner drops what stdFontFor ignores in a BaseFont name; built
// once, as a Replacer is costly to build and safe to share.
var fontNameCleaner = strings.NewReplacer(" ", "", ",", "-", "MT", "", "PS", "")

// stdFontFor finds the standard-14 metrics for a BaseFont, including the
// usual aliases (Arial → Helvetica, TimesNewRoman → Times, CourierNew →
// Courier) that Acrobat also maps.
func stdFontFor(name string) *stdFont {
	if f, ok := stdFonts[name]; ok {
		return f
	}
	n := fontNameCleaner.Replace(name)
	lower := strings.ToLower(n)
	family := ""
	switch {
	case strings.HasPrefix(lower, "arial"), strings.HasPrefix(lower, "helvetica"):
		family = "Helvetica"
	case strings.HasPrefix(lower, "times"):
		family = "Times"
	case strings.HasPrefix(lower, "courier"):
		family = "Courier"
	case strings.HasPrefix(lower, "symbol"):
		return stdFonts["Symbol"]
	case strings.HasPrefix(lower, "zapfdingbats"):
		return stdFonts["ZapfDingbats"]
	default:
		return nil
	}
	bold := strings.Contains(lower, "bold")
	italic := strings.Contains(lower, "italic") || strings.Contains(lower, "oblique")
	style := ""
	switch {
	case bold && italic:
		style = "-BoldOblique"
		if family == "Times" {
			style = "-BoldItalic"
		}
	case bold:
		style = "-Bold"
	case italic:
		style = "-Oblique"
		if family == "Times" {
			style = "-Italic"
		}
	case family == "Times":
		style = "-Roman"
	}
	return stdFonts[family+style]
}

// fontPool holds fonts of closed Documents, cleared: a font's tables are
// 7 KB, and a batch reads a few fonts per file.
var fontPool = sync.Pool{New: func() any { return new(font) }}

// Close hands the fonts d decoded back for documents opened later to
// reuse. Pages read from d stay valid; d must not be used after. Closing
// is optional: the fonts of a Document that is not closed are collected
// as usual.
func (d *Document) Close() {
	for id, f := range d.fonts {
		delete(d.fonts, id)
		*f = font{}
		fontPool.Put(f)
	}
	if d.cmapBuf != nil && cap(d.cmapBuf) <= maxPooled {
		b := d.cmapBuf[:0]
		cmapBufs.Put(&b)
	}
	d.cmapBuf = nil
}

// cmapBufs holds the CMap buffers of closed Documents.
var cmapBufs sync.Pool

// loadFont decodes the font dictionary fv, or returns the cached font.
// parent is the /Font resource dictionary holding it, to tell an indirect
// font (cacheable by object) from one written inline.
func (d *Document) loadFont(ctx context.Context, parent, fv pdfrepair.Value) (*font, error) {
	id, cacheable := indirect(parent, fv)
	if cacheable {
		if f, ok := d.fonts[id]; ok {
			return f, nil
		}
	}
	f := fontPool.Get().(*font)
	var err error
	if d.key(fv, "Subtype").Name() == "Type0" {
		err = d.loadComposite(ctx, f, fv)
	} else {
		err = d.loadSimple(ctx, f, fv)
	}
	if err != nil {
		return nil, err
	}
	if d.err != nil {
		return nil, d.err
	}
	if cacheable {
		d.fonts[id] = f
	}
	return f, nil
}

// loadCMap reads a CMap stream, counting its keywords against MaxOps.
func (d *Document) loadCMap(ctx context.Context, v pdfrepair.Value) (*cmap, error) {
	if d.cmapBuf == nil {
		if b, ok := cmapBufs.Get().(*[]byte); ok {
			d.cmapBuf = *b
		}
	}
	data, err := d.readStream(ctx, v, d.cmapBuf[:0])
	d.cmapBuf = data[:0] // parseCMap copies what it keeps
	if err != nil {
		return nil, err
	}
	cm, ops := parseCMap(data)
	if err := d.countOps(ops); err != nil {
		return nil, err
	}
	return cm, nil
}

func (d *Document) countOps(n int) error {
	d.ops += n
	if d.ops > d.lim.MaxOps {
		return &LimitError{Name: "MaxOps", Value: int64(d.lim.MaxOps)}
	}
	return nil
}

func (d *Document) loadSimple(ctx context.Context, f *font, fv pdfrepair.Value) error {
	f.name = baseName(d.key(fv, "BaseFont").Name())
	subtype := d.key(fv, "Subtype").Name()
	std := stdFontFor(f.name)

	// Encoding: base table, then /Differences (§9.6.6).
	var base *[256]rune
	builtin := false
	var diffs [256]string
	encV := d.key(fv, "Encoding")
	switch encV.Kind() {
	case pdfrepair.Name:
		base, _ = encodingByName(encV.Name())
	case pdfrepair.Dict:
		base, _ = encodingByName(d.key(encV, "BaseEncoding").Name())
		dv := d.key(encV, "Differences")
		code := -1
		for i := range min(dv.Len(), 4096) {
			e := d.index(dv, i)
			switch e.Kind() {
			case pdfrepair.Integer:
				code = int(e.Int64())
			case pdfrepair.Name:
				if code >= 0 && code < 256 {
					diffs[code] = e.Name()
				}
				if code >= 0 {
					code++
				}
			}
		}
	}
	fd := d.key(fv, "FontDescriptor")
	flags := d.key(fd, "Flags").Int64()
	if base == nil {
		switch {
		case std == nil && subtype == "TrueType" && flags&4 != 0 && flags&32 == 0:
			// A symbolic TrueType font without /Encoding maps codes
			// through its own cmap, which tells glyphs, not text. Such
			// subsets (Ghostscript writes them) keep ASCII codes, but
			// higher codes are whatever the subsetter chose: undecoded.
			base, builtin = &asciiEncoding, true
		case std == stdFonts["Symbol"]:
			base, builtin = &symbolEncoding, true
		case std == stdFonts["ZapfDingbats"]:
			base, builtin = &[256]rune{}, true
		case subtype == "TrueType":
			base = &winAnsiEncoding
		default:
			base, builtin = &standardEncoding, std != nil
		}
	}
	var runes [256]rune
	for c := range 256 {
		r := base[c]
		if diffs[c] != "" {
			r = 0
			if t := glyphText(diffs[c]); t != "" {
				f.text[c] = t
				r, _ = firstRune(t)
			}
		} else if r != 0 {
			f.text[c] = runeText(r)
		}
		runes[c] = r
	}

	// ToUnicode wins over the encoding (§9.10.2).
	if tu := d.key(fv, "ToUnicode"); tu.Kind() == pdfrepair.Stream {
		cm, err := d.loadCMap(ctx, tu)
		if err != nil {
			return err
		}
		for c := range 256 {
			if t, ok := cm.text(uint32(c)); ok {
				f.text[c] = t
			}
		}
	}

	// Widths: /Widths from /FirstChar, else the standard-14 metrics, else
	// /MissingWidth (§9.6.2.1).
	scale := 0.001
	if subtype == "Type3" {
		if fm := d.key(fv, "FontMatrix"); fm.Len() == 6 {
			if a, ok := num(d.index(fm, 0)); ok && a != 0 {
				scale = a
			}
		}
	}
	missing := 0.0
	if mw, ok := num(d.key(fd, "MissingWidth")); ok {
		missing = mw
	}
	for c := range 256 {
		w := missing
		if std != nil {
			if sw, ok := std.byRune[runes[c]]; ok {
				w = float64(sw)
			} else if builtin && std.byCode[c] != 0 {
				w = float64(std.byCode[c])
			}
		} else if missing == 0 {
			w = 500 // no metrics at all: guess half an em
		}
		f.width[c] = w * scale
	}
	if ws := d.key(fv, "Widths"); ws.Kind() == pdfrepair.Array {
		first := int(d.key(fv, "FirstChar").Int64())
		for i := range min(ws.Len(), 256) {
			c := first + i
			if c < 0 || c > 255 {
				continue
			}
			if w, ok := ws.Num(i); ok {
				f.width[c] = w * scale
			}
		}
		d.noteErr() // of the references Num resolved
	}
	return nil
}

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

func (d *Document) loadComposite(ctx context.Context, f *font, fv pdfrepair.Value) error {
	f.composite = true
	f.name = baseName(d.key(fv, "BaseFont").Name())
	f.dw = 1.0
	switch enc := d.key(fv, "Encoding"); enc.Kind() {
	case pdfrepair.Name:
		f.unicodeEnc = predefinedUnicode(enc.Name())
	case pdfrepair.Stream:
		cm, err := d.loadCMap(ctx, enc)
		if err != nil {
			return err
		}
		f.enc = cm
	}
	if tu := d.key(fv, "ToUnicode"); tu.Kind() == pdfrepair.Stream {
		cm, err := d.loadCMap(ctx, tu)
		if err != nil {
			return err
		}
		f.toUni = cm
	}
	desc := d.index(d.key(fv, "DescendantFonts"), 0)
	if dw, ok := num(d.key(desc, "DW")); ok {
		f.dw = dw / 1000
	}
	// /W (§9.7.4.3): "c [w1 w2 …]" or "cfirst clast w".
	w := d.key(desc, "W")
	n := min(w.Len(), 1<<16)
	all := make([]float64, 0, n)      // the "c [w1 w2 …]" widths back to back; appended to only
	f.cidW = make([]cidWidth, 0, n/2) // an entry takes two or three elements
	for i := 0; i < n; {
		first, ok := w.Num(i)
		if !ok || first < 0 || first > 1<<31 {
			break
		}
		next := d.index(w, i+1)
		if next.Kind() == pdfrepair.Array {
			m := min(next.Len(), 1<<16)
			start := len(all)
			for j := range m {
				v, _ := next.Num(j)
				all = append(all, v/1000)
			}
			ws := all[start:len(all):len(all)]
			if m > 0 {
				f.cidW = append(f.cidW, cidWidth{lo: uint32(first), hi: uint32(first) + uint32(m) - 1, ws: ws})
			}
			i += 2
			continue
		}
		last, ok1 := num(next)
		wv, ok2 := w.Num(i + 2)
		if !ok1 || !ok2 || last < first || last > 1<<31 {
			break
		}
		f.cidW = append(f.cidW, cidWidth{lo: uint32(first), hi: uint32(last), w: wv / 1000})
		i += 3
	}
	d.noteErr() // of the references Num resolved
	return nil
}
