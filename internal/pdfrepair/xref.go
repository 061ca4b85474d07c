package pdfrepair

import (
	"bytes"
	"errors"
	"math"
	"slices"

	"github.com/dianres/dianres/internal/pdfsyntax"
)

// xentry locates one object: at an offset, or inside an object stream.
type xentry struct {
	off   int64 // type 1: offset of "num gen obj"; type 2: number of the object stream
	gen   int   // type 1: generation; type 2: index in the object stream
	inStm bool
	free  bool // deleted by a newer section: older sections must not revive it
}

// document is one input being read.
type document struct {
	data        []byte
	lim         Limits
	hdr         int64 // offset of "%PDF-"
	xref        map[int]xentry
	trailer     dict
	sec         *security
	encNum      int // object number of /Encrypt, which is never decrypted
	cache       map[int]any
	busy        map[int]bool
	objStms     map[int]map[int]int // object stream number → object number → offset in its data
	stmData     map[int][]byte      // decoded object streams
	total       int64               // bytes decoded or parsed so far, against MaxTotalBytes
	catalog     int                 // a /Type /Catalog object seen while scanning, 0 if none
	pendingStms []int               // object streams found by scan, indexed once encryption is set up
	scanned     bool                // the xref was rebuilt by scan
	pages       []int               // /Type /Page objects found by scan, in file order
	// encCandidate is a standard security handler dictionary found by
	// scan, for a file whose trailer (and /Encrypt) was lost.
	encCandidate int
	spare        *parser // see document.parser
}

func newDocument(data []byte, lim Limits) *document {
	d := &document{
		data:    data,
		lim:     lim.withDefaults(),
		xref:    map[int]xentry{},
		cache:   map[int]any{},
		busy:    map[int]bool{},
		objStms: map[int]map[int]int{},
		stmData: map[int][]byte{},
	}
	if i := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-")); i > 0 {
		d.hdr = int64(i)
	}
	return d
}

var kwStartxref = []byte("startxref")

// startxref returns the offset after the last "startxref".
func startxref(data []byte) (int64, error) {
	i := bytes.LastIndex(data, kwStartxref)
	if i < 0 {
		return 0, errorAt(-1, ErrMalformed, "no startxref")
	}
	l := lexer{Lexer: pdfsyntax.Lexer{Buf: data, Pos: i + len(kwStartxref)}}
	off, ok := l.token().(int64)
	if !ok {
		return 0, errorAt(int64(i), ErrMalformed, "startxref not followed by an integer")
	}
	return off, nil
}

// maxSections bounds a /Prev chain; real files have a handful.
const maxSections = 1000

// section is one cross-reference section: its entries in file order, its
// trailer (or xref stream dictionary) and the links to older sections.
type section struct {
	nums    []int
	entries []xentry
	trailer dict
	size    int  // bytes parsed
	table   bool // an xref table, not a stream
}

// readXref follows startxref and the /Prev chain, newest section first.
// It reports an error on anything it cannot follow; callers then rebuild.
func (d *document) readXref() error {
	off, err := startxref(d.data)
	if err != nil {
		return err
	}
	base := int64(0)
	first, err := d.readSection(off)
	if err != nil && d.hdr > 0 {
		if _, err2 := d.readSection(off + d.hdr); err2 == nil {
			base = d.hdr // offsets are relative to the header
		}
	}
	seen := map[int64]bool{}
	queue := []int64{off}
	for len(queue) > 0 {
		off := queue[0]
		queue = queue[1:]
		if seen[off] {
			continue // a /Prev cycle: every section is already read
		}
		if len(seen) >= maxSections {
			return errorAt(off, ErrMalformed, "more than %d xref sections", maxSections)
		}
		seen[off] = true
		var s *section
		if first != nil && first.table && base == 0 && len(seen) == 1 {
			// The newest table, read above to find base, is not parsed
			// twice; it is counted twice, as it always was.
			s, err = first, d.spend(first.size)
		} else {
			s, err = d.readSection(off + base)
		}
		if err != nil {
			return err
		}
		if len(d.xref) == 0 {
			d.xref = make(map[int]xentry, len(s.nums)) // the newest section has most entries
		}
		for i, num := range s.nums {
			if _, ok := d.xref[num]; !ok {
				e := s.entries[i]
				if !e.inStm && !e.free {
					e.off += base
				}
				d.xref[num] = e
			}
		}
		if d.trailer == nil {
			d.trailer = dict{}
		}
		for k, v := range s.trailer {
			if _, ok := d.trailer[k]; !ok {
				d.trailer[k] = v
			}
		}
		// A hybrid file's /XRefStm is read after its table, before /Prev.
		var next []int64
		if x, ok := s.trailer["XRefStm"].(int64); ok {
			next = append(next, x)
		}
		if p, ok := s.trailer["Prev"].(int64); ok {
			next = append(next, p)
		}
		queue = append(next, queue...)
	}
	delete(d.trailer, "Prev")
	delete(d.trailer, "XRefStm")
	return nil
}

// readSection reads an xref table or an xref stream at off.
func (d *document) readSection(off int64) (*section, error) {
	if off < 0 || off >= int64(len(d.data)) {
		return nil, errorAt(off, ErrMalformed, "xref offset out of bounds")
	}
	l := lexer{Lexer: pdfsyntax.Lexer{Buf: d.data, Pos: int(off)}}
	var s *section
	var err error
	if kw, ok := l.token().(keyword); ok && kw == "xref" {
		s, err = d.readTable(l.Pos)
		if s != nil {
			s.table = true
		}
	} else {
		s, err = d.readXrefStream(off)
	}
	if err != nil {
		return nil, err
	}
	// Offsets a few bytes apart can name the same big table: count it
	// every time.
	if err := d.spend(s.size); err != nil {
		return nil, err
	}
	return s, nil
}

func (d *document) readTable(pos int) (*section, error) {
	s := &section{}
	p := newParser(d.data, pos, d.lim.MaxDepth)
	for {
		save := p.Pos
		tok := p.token()
		if kw, ok := tok.(keyword); ok && kw == "trailer" {
			break
		}
		start, ok1 := tok.(int64)
		count, ok2 := p.token().(int64)
		if !ok1 || !ok2 || start < 0 || count < 0 || start > math.MaxInt32 {
			return nil, errorAt(int64(save), ErrMalformed, "bad xref subsection header")
		}
		// Entries are lexed here, not through token: boxing every
		// offset into an interface was most of what an xref cost.
		sl := pdfsyntax.Lexer{Buf: p.Buf, Pos: p.Pos}
		// Room for count entries at once, as count is the file's word
		// only up to what the rest of the file can hold ("0 0 n" and a
		// space, six bytes each) and a usual table's size.
		if n := int(min(count, int64(len(p.Buf)-p.Pos)/6+1, 1024)); n > cap(s.nums)-len(s.nums) {
			s.nums = slices.Grow(s.nums, n)
			s.entries = slices.Grow(s.entries, n)
		}
		for i := int64(0); i < count; i++ {
			at := sl.Pos
			o, ok1 := xrefInt(sl.Next())
			g, ok2 := xrefInt(sl.Next())
			t := sl.Next()
			free := string(t.Raw) == "f"
			if !ok1 || !ok2 || t.Kind != pdfsyntax.Regular || (string(t.Raw) != "n" && !free) || start+i > math.MaxInt32 {
				return nil, errorAt(int64(at), ErrMalformed, "bad xref entry")
			}
			s.nums = append(s.nums, int(start+i))
			s.entries = append(s.entries, xentry{off: o, gen: int(min(max(g, 0), math.MaxInt32)), free: free})
		}
		p.Pos = sl.Pos
	}
	tr, err := p.object(0)
	if err != nil {
		return nil, err
	}
	trailer, ok := tr.(dict)
	if !ok {
		return nil, errorAt(int64(p.Pos), ErrMalformed, "trailer is not a dictionary")
	}
	s.trailer = trailer
	s.size = p.Pos - pos
	return s, nil
}

func (d *document) readXrefStream(off int64) (*section, error) {
	p := newParser(d.data, int(off), d.lim.MaxDepth)
	num, _, obj, err := p.indirect(true)
	if err != nil {
		return nil, err
	}
	st, ok := obj.(*stream)
	if !ok || st.hdr["Type"] != name("XRef") {
		return nil, objError(num, off, ErrMalformed, "startxref does not point at an xref table or stream")
	}
	data, err := d.decodeStream(num, 0, st, false)
	if err != nil {
		return nil, withObject(err, num)
	}
	s, err := parseXrefStream(st.hdr, data)
	if err != nil {
		return nil, err
	}
	s.size = p.Pos - int(off)
	return s, nil
}

// parseXrefStream reads the rows of a decoded xref stream.
func parseXrefStream(hdr dict, data []byte) (*section, error) {
	s := &section{trailer: hdr}
	w, _ := hdr["W"].(array)
	var widths [3]int
	row := 0
	for i := range min(len(w), 3) {
		n, _ := w[i].(int64)
		if n < 0 || n > 8 {
			return nil, errorAt(-1, ErrMalformed, "xref stream /W %v out of range", n)
		}
		widths[i] = int(n)
		row += int(n)
	}
	if len(w) < 3 || row == 0 {
		return nil, errorAt(-1, ErrMalformed, "xref stream without a usable /W")
	}
	index, _ := hdr["Index"].(array)
	if index == nil {
		size, _ := hdr["Size"].(int64)
		index = array{int64(0), size}
	}
	field := func(b []byte, def int64) int64 {
		if len(b) == 0 {
			return def
		}
		var v int64
		for _, c := range b {
			v = v<<8 | int64(c)
		}
		return v
	}
	for i := 0; i+1 < len(index); i += 2 {
		start, _ := index[i].(int64)
		count, _ := index[i+1].(int64)
		if start < 0 || count < 0 || start > math.MaxInt32 {
			return nil, errorAt(-1, ErrMalformed, "xref stream /Index out of range")
		}
		if count > int64(len(data)/row) {
			// Damaged or truncated data: the entries it lost would read
			// as missing objects, so make the caller rebuild instead.
			return nil, errorAt(-1, ErrMalformed, "xref stream data shorter than /Index says")
		}
		for j := int64(0); j < count && start+j <= math.MaxInt32; j++ {
			r := data[:row]
			data = data[row:]
			typ := field(r[:widths[0]], 1)
			f2 := field(r[widths[0]:widths[0]+widths[1]], 0)
			f3 := field(r[widths[0]+widths[1]:], 0)
			var e xentry
			switch typ {
			case 0:
				e.free = true
			case 1:
				e.off, e.gen = f2, int(min(max(f3, 0), math.MaxInt32))
			case 2:
				e.off, e.gen, e.inStm = f2, int(min(max(f3, 0), math.MaxInt32)), true
			default:
				continue // reserved types are null references
			}
			s.nums = append(s.nums, int(start+j))
			s.entries = append(s.entries, e)
		}
	}
	return s, nil
}

// validXref reports whether every in-use entry of a table points at its
// own "num gen obj" header, the cheap test of a stale xref.
func (d *document) validXref() bool {
	if _, ok := d.trailer["Root"].(ref); !ok {
		return false
	}
	for num, e := range d.xref {
		if e.free || e.inStm {
			continue
		}
		if e.off < 0 || e.off >= int64(len(d.data)) {
			return false
		}
		p := lexer{Lexer: pdfsyntax.Lexer{Buf: d.data, Pos: int(e.off)}}
		n, ok1 := p.token().(int64)
		_, ok2 := p.token().(int64)
		kw, ok3 := p.token().(keyword)
		if !ok1 || !ok2 || !ok3 || kw != "obj" || n != int64(num) {
			return false
		}
	}
	return true
}

var kwObj = []byte("obj")

// scan rebuilds the xref by looking for "num gen obj" everywhere, skipping
// stream bodies, as poppler and MuPDF do: the last definition wins. It
// collects trailers (and xref stream dictionaries) in file order, newest
// last, and notes the last /Type /Catalog object.
func (d *document) scan() ([]dict, error) {
	d.scanned = true
	d.xref = map[int]xentry{}
	var trailers []dict
	var stms []int
	var catalogs, pages []xentry // gen holds the object number
	data := d.data
	p := d.parser(data, 0) // one parser for every object and trailer found
	defer d.release(p)
	nextTrailer := -1 // offset of the next "trailer" at or after pos, or len(data)
	nextEndobj := -1  // likewise for "endobj"
	for pos := 0; pos < len(data); {
		i := bytes.Index(data[pos:], kwObj)
		if nextTrailer < pos {
			nextTrailer = len(data)
			if t := bytes.Index(data[pos:], []byte("trailer")); t >= 0 {
				nextTrailer = pos + t
			}
		}
		if t := nextTrailer - pos; nextTrailer < len(data) && (i < 0 || t < i) {
			p.reset(data, pos+t+len("trailer"), d.lim.MaxDepth)
			tr, err := p.object(0)
			if err := d.spend(p.Pos - pos - t); err != nil {
				return nil, err
			}
			if err == nil {
				if td, ok := tr.(dict); ok {
					trailers = append(trailers, td)
				}
			}
			pos += t + len("trailer")
			continue
		}
		if i < 0 {
			break
		}
		at := pos + i
		pos = at + len(kwObj)
		if pos < len(data) && pdfsyntax.IsRegular(data[pos]) {
			continue // "objects", "endobj" is handled below
		}
		start, ok := objHeaderStart(data, at)
		if !ok {
			continue
		}
		p.reset(data, start, d.lim.MaxDepth)
		num, gen, obj, err := p.indirect(true)
		if err := d.spend(p.Pos - start); err != nil {
			return nil, err
		}
		if err != nil {
			if errors.Is(err, ErrLimit) {
				d.xref[num] = xentry{off: int64(start), gen: gen} // let the lookup report it
			}
			continue
		}
		d.xref[num] = xentry{off: int64(start), gen: gen}
		// Resume after the object (a stream body may hold anything), but
		// not past the next "endobj": a runaway string must not make
		// every later header parse to the end of the file.
		if nextEndobj < pos {
			nextEndobj = len(data)
			if e := bytes.Index(data[pos:], kwEndobj); e >= 0 {
				nextEndobj = pos + e
			}
		}
		var hdr dict
		switch o := obj.(type) {
		case dict:
			hdr = o
			pos = max(pos, min(p.Pos, nextEndobj))
		case *stream:
			hdr = o.hdr
			pos = max(pos, p.Pos)
		default:
			pos = max(pos, min(p.Pos, nextEndobj))
		}
		if hdr["Filter"] == name("Standard") && hdr["O"] != nil && hdr["U"] != nil && hdr["Type"] == nil {
			d.encCandidate = num
		}
		_, isDict := obj.(dict) // a stream is never a catalog or a page
		switch hdr["Type"] {
		case name("Page"):
			if isDict {
				pages = append(pages, xentry{off: int64(start), gen: num})
			}
		case name("Catalog"):
			if isDict {
				catalogs = append(catalogs, xentry{off: int64(start), gen: num})
			}
		case name("XRef"):
			trailers = append(trailers, hdr)
		case name("ObjStm"):
			stms = append(stms, num)
		}
	}
	// The catalog is the last one still current: a later definition of its
	// number replaced it.
	for _, c := range catalogs {
		if d.xref[c.gen].off == c.off {
			d.catalog = c.gen
		}
	}
	d.pages = d.pages[:0]
	for _, p := range pages {
		if d.xref[p.gen].off == p.off && !slices.Contains(d.pages, p.gen) {
			d.pages = append(d.pages, p.gen)
		}
	}
	// Objects in object streams fill the gaps direct definitions leave.
	d.pendingStms = stms
	return trailers, nil
}

// objHeaderStart finds the start of "num gen" before "obj" at at.
func objHeaderStart(data []byte, at int) (int, bool) {
	i := at
	back := func(digits bool) bool {
		j := i
		if digits {
			for i > 0 && data[i-1] >= '0' && data[i-1] <= '9' && j-i < 10 {
				i--
			}
		} else {
			for i > 0 && pdfsyntax.IsSpace(data[i-1]) && j-i < 64 {
				i--
			}
		}
		return i < j
	}
	if !back(false) || !back(true) || !back(false) || !back(true) {
		return 0, false
	}
	if i > 0 && pdfsyntax.IsRegular(data[i-1]) {
		return 0, false
	}
	return i, true
}

// indexObjStms adds the objects of object streams found by scan that no
// direct definition covers.
func (d *document) indexObjStms() {
	slices.Sort(d.pendingStms)
	for _, sn := range d.pendingStms {
		offs, err := d.objStm(sn)
		if err != nil {
			continue
		}
		keys := make([]int, 0, len(offs))
		for k := range offs {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, num := range keys {
			if _, ok := d.xref[num]; !ok {
				d.xref[num] = xentry{off: int64(sn), inStm: true}
			}
		}
	}
	d.pendingStms = nil
}

// xrefInt reads an xref entry's offset or generation as token would.
func xrefInt(t pdfsyntax.Token) (int64, bool) {
	if t.Kind != pdfsyntax.Regular {
		return 0, false
	}
	if c := t.Raw[0]; c != '+' && c != '-' && c != '.' && (c < '0' || c > '9') {
		return 0, false
	}
	n, _, isInt, ok := number(t.Raw)
	return n, ok && isInt
}
