package pdfrepair

import (
	"errors"
	"math"
	"slices"

	"github.com/dianres/dianres/internal/pdfsyntax"
)

// load reads the cross-reference data: the xref chain when it is sound,
// else a scan of the whole file. It then sets up decryption.
func (d *document) load(password string) error {
	if err := d.readXref(); err != nil || !d.validXref() {
		trailers, err := d.scan()
		if err != nil {
			return err
		}
		// Keep what the xref chain gave for the trailer, newest trailers
		// found by the scan filling the gaps.
		old := d.trailer
		d.trailer = dict{}
		for i := len(trailers) - 1; i >= 0; i-- {
			for k, v := range trailers[i] {
				if _, ok := d.trailer[k]; !ok {
					d.trailer[k] = v
				}
			}
		}
		for k, v := range old {
			if _, ok := d.trailer[k]; !ok || k == "Root" {
				d.trailer[k] = v
			}
		}
		for _, k := range []name{"Prev", "XRefStm", "Type", "W", "Index", "Length", "Filter", "DecodeParms"} {
			delete(d.trailer, k)
		}
		if _, ok := d.trailer["Encrypt"]; !ok && d.encCandidate != 0 {
			// The trailer is gone but the file was encrypted: without
			// this, every string and stream would come out as noise.
			d.trailer["Encrypt"] = ref{d.encCandidate, 0}
		}
	}
	if err := d.initSecurity(password); err != nil {
		return err
	}
	if d.pendingStms != nil {
		d.indexObjStms()
	}
	if root, err := d.resolveRef(d.trailer["Root"]); err != nil || !isDict(root) {
		if errors.Is(err, ErrLimit) {
			return err
		}
		if d.catalog == 0 {
			// The xref looked sound but its /Root is not a dictionary:
			// only a scan can find the catalog.
			if !d.scanned {
				if _, err := d.scan(); err != nil {
					return err
				}
				d.indexObjStms()
				d.cache = map[int]any{}
			}
		}
		if d.catalog == 0 {
			d.catalog = d.catalogInObjStm()
		}
		if d.catalog == 0 && len(d.pages) > 0 {
			d.catalog = d.synthesizeCatalog()
		}
		if d.catalog == 0 {
			return errorAt(-1, ErrMalformed, "no document catalog (/Root)")
		}
		d.trailer["Root"] = ref{d.catalog, d.xref[d.catalog].gen}
	}
	return nil
}

func isDict(v any) bool {
	switch v.(type) {
	case dict:
		return true
	}
	return false
}

func (d *document) initSecurity(password string) error {
	encVal, ok := d.trailer["Encrypt"]
	if !ok {
		return nil
	}
	if r, ok := encVal.(ref); ok {
		d.encNum = r.num
	}
	// The encryption dictionary is read before any key exists, so its
	// strings come back as they are in the file, which is what they must be.
	enc, err := d.resolveRef(encVal)
	if err != nil {
		return err
	}
	encDict, ok := enc.(dict)
	if !ok {
		return errorAt(-1, ErrMalformed, "/Encrypt is not a dictionary")
	}
	var id []byte
	if ids, ok := d.trailer["ID"].(array); ok && len(ids) > 0 {
		s, _ := ids[0].(pdfString)
		id = []byte(s)
	}
	d.sec, err = newSecurity(encDict, id, password)
	// Objects read so far were not decrypted.
	d.cache = map[int]any{}
	d.objStms = map[int]map[int]int{}
	d.stmData = map[int][]byte{}
	return err
}

// resolveRef returns v, or the object v refers to.
func (d *document) resolveRef(v any) (any, error) {
	if r, ok := v.(ref); ok {
		return d.resolve(r.num)
	}
	return v, nil
}

// resolve returns object num, decrypted, or nil when it is missing,
// damaged or part of a reference cycle.
func (d *document) resolve(num int) (any, error) {
	if v, ok := d.cache[num]; ok {
		return v, nil
	}
	if d.busy[num] {
		return nil, nil // a cycle such as a /Length that refers to itself
	}
	d.busy[num] = true
	defer delete(d.busy, num)
	v, err := d.load1(num)
	if err != nil {
		if errors.Is(err, ErrLimit) || errors.Is(err, ErrPassword) {
			return nil, err
		}
		v = nil // damaged objects read as null, as in viewers
	}
	d.cache[num] = v
	return v, nil
}

func (d *document) load1(num int) (any, error) {
	e, ok := d.xref[num]
	if !ok || e.free {
		return nil, nil
	}
	if e.inStm {
		if e.off > math.MaxInt32 {
			return nil, nil
		}
		return d.fromObjStm(int(e.off), num)
	}
	if e.off < 0 || e.off >= int64(len(d.data)) {
		return nil, objError(num, e.off, ErrMalformed, "offset out of bounds")
	}
	p := d.parser(d.data, int(e.off))
	defer d.release(p)
	p.length = func(r ref) (int64, bool) {
		v, err := d.resolve(r.num)
		n, ok := v.(int64)
		return n, ok && err == nil
	}
	n, gen, obj, err := p.indirect(true)
	if err := d.spend(p.Pos - int(e.off)); err != nil {
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	if n != num {
		return nil, objError(num, e.off, ErrMalformed, "xref points at object %d", n)
	}
	if d.sec != nil && num != d.encNum {
		obj = d.decryptStrings(obj, num, gen)
		if s, ok := obj.(*stream); ok {
			s.num, s.gen, s.encrypted = num, gen, true
		}
	}
	return obj, nil
}

// decryptStrings decrypts every string in v, in place for containers.
func (d *document) decryptStrings(v any, num, gen int) any {
	switch t := v.(type) {
	case pdfString:
		return pdfString(d.sec.decrypt(d.sec.str, num, gen, []byte(t)))
	case array:
		for i := range t {
			t[i] = d.decryptStrings(t[i], num, gen)
		}
	case dict:
		for k, x := range t {
			t[k] = d.decryptStrings(x, num, gen)
		}
	case *stream:
		d.decryptStrings(t.hdr, num, gen)
	}
	return v
}

// budget returns what the next decode may produce.
func (d *document) budget() budget {
	left := d.lim.MaxTotalBytes - d.total
	if left < d.lim.MaxStreamBytes {
		return budget{max: max(left, 0), name: "MaxTotalBytes", value: d.lim.MaxTotalBytes}
	}
	return budget{max: d.lim.MaxStreamBytes, name: "MaxStreamBytes", value: d.lim.MaxStreamBytes}
}

// decodeStream decrypts (when decrypt is true and the stream is
// encrypted) and decodes s. The result counts against MaxTotalBytes.
func (d *document) decodeStream(num, gen int, s *stream, decrypt bool) ([]byte, error) {
	raw := s.raw
	if decrypt && s.encrypted && d.sec != nil && s.hdr["Type"] != name("XRef") {
		raw = d.decryptRaw(s)
	}
	out, err := decodeFilters(raw, s.hdr, d.budget())
	if err != nil {
		if errors.Is(err, ErrLimit) {
			return nil, objError(num, s.off, err, "decoding stream")
		}
		return nil, err
	}
	d.total += int64(len(out))
	return out, nil
}

// decryptRaw returns the decrypted data of an encrypted stream, by the
// method its crypt filter names.
func (d *document) decryptRaw(s *stream) []byte {
	m := d.sec.stm
	if s.hdr["Type"] == name("Metadata") && !d.sec.encryptMetadata {
		m = methodNone
	}
	var nb [4]name
	var pb [4]dict
	if names, parms := filters(s.hdr, nb[:0], pb[:0]); len(names) > 0 && names[0] == "Crypt" {
		if n, _ := parms[0]["Name"].(name); n == "" || n == "Identity" {
			m = methodNone
		}
	}
	return d.sec.decrypt(m, s.num, s.gen, s.raw)
}

// objStm returns the offsets of the objects in object stream sn.
func (d *document) objStm(sn int) (map[int]int, error) {
	if offs, ok := d.objStms[sn]; ok {
		return offs, nil
	}
	d.objStms[sn] = nil // a stream that contains itself reads as empty
	v, err := d.resolve(sn)
	if err != nil {
		return nil, err
	}
	s, ok := v.(*stream)
	if !ok {
		return nil, objError(sn, -1, ErrMalformed, "object stream is not a stream")
	}
	data, err := d.decodeStream(sn, 0, s, true)
	if err != nil {
		return nil, err
	}
	first, _ := s.hdr["First"].(int64)
	n, _ := s.hdr["N"].(int64)
	if first < 0 || first > int64(len(data)) {
		return nil, objError(sn, s.off, ErrMalformed, "object stream /First out of range")
	}
	offs := map[int]int{}
	l := lexer{Lexer: pdfsyntax.Lexer{Buf: data[:first]}}
	for i := int64(0); i < n; i++ {
		num, ok1 := l.token().(int64)
		off, ok2 := l.token().(int64)
		if !ok1 || !ok2 {
			break // /N larger than the header: the header is the truth
		}
		if num < 0 || num > math.MaxInt32 || off < 0 || first+off >= int64(len(data)) {
			continue
		}
		if _, dup := offs[int(num)]; !dup {
			offs[int(num)] = int(first + off)
		}
	}
	d.objStms[sn] = offs
	d.stmData[sn] = data
	return offs, nil
}

// parser returns a parser over data from pos: the document's spare one
// when it has it, so that objects are parsed with scratch and stacks
// already grown. A parser taken while another is at work (resolving an
// indirect /Length) is a new one.
func (d *document) parser(data []byte, pos int) *parser {
	p := d.spare
	if p == nil {
		return newParser(data, pos, d.lim.MaxDepth)
	}
	d.spare = nil
	p.reset(data, pos, d.lim.MaxDepth)
	return p
}

// release makes p the spare parser. Its stacks are empty and cleared
// (every container pops what it pushed, on errors too).
func (d *document) release(p *parser) {
	p.length, p.Buf = nil, nil
	d.spare = p
}

// fromObjStm reads object num from object stream sn. Its strings are not
// decrypted: the whole stream was.
func (d *document) fromObjStm(sn, num int) (any, error) {
	offs, err := d.objStm(sn)
	if err != nil {
		return nil, err
	}
	off, ok := offs[num]
	if !ok {
		return nil, objError(num, -1, ErrMalformed, "not in object stream %d", sn)
	}
	p := d.parser(d.stmData[sn], off)
	defer d.release(p)
	v, err := p.object(0)
	if err := d.spend(p.Pos - off); err != nil {
		return nil, err
	}
	if err != nil {
		return nil, withObject(err, num)
	}
	return v, nil
}

// catalogInObjStm returns the highest-numbered /Type /Catalog object held
// in an object stream, or 0. It adds the /Type /Page objects it meets to
// d.pages, in number order, for synthesizeCatalog.
func (d *document) catalogInObjStm() int {
	var nums []int
	for num, e := range d.xref {
		if e.inStm {
			nums = append(nums, num)
		}
	}
	slices.Sort(nums)
	best := 0
	for _, num := range nums {
		v, err := d.resolve(num)
		if err != nil {
			continue
		}
		switch c, _ := v.(dict); c["Type"] {
		case name("Catalog"):
			best = num
		case name("Page"):
			d.pages = append(d.pages, num)
		}
	}
	return best
}

// spend counts n parsed bytes against MaxTotalBytes. Parsing is linear in
// the input only if objects do not overlap; in a hostile file every header
// can start a string that runs to the end, and this keeps that from
// costing the square of the file size.
func (d *document) spend(n int) error {
	d.total += int64(max(n, 0))
	if d.total > d.lim.MaxTotalBytes {
		return &Error{Offset: -1, Msg: "parsing", Err: &LimitError{Name: "MaxTotalBytes", Value: d.lim.MaxTotalBytes}}
	}
	return nil
}

// synthesizeCatalog makes a catalog and a flat page tree over the pages
// scan found, for a file cut before its catalog (an interrupted
// download): the pages are all there is to read. It returns the
// catalog's number.
func (d *document) synthesizeCatalog() int {
	top := 0
	for num := range d.xref {
		top = max(top, num)
	}
	if top > math.MaxInt32-2 {
		return 0 // synthesizePages needs the next number too
	}
	catalog := top + 1
	d.xref[catalog] = xentry{off: -1}
	d.cache[catalog] = dict{"Type": name("Catalog")} // pageTree adds /Pages
	return catalog
}

// synthesizePages makes a flat page tree over the pages scan found and
// returns its number and page count, or 0, 0 if none of them is a page
// dictionary.
func (d *document) synthesizePages() (int, int64) {
	top := 0
	for num := range d.xref {
		top = max(top, num)
	}
	tree := top + 1
	var kids array
	for _, p := range d.pages {
		page, err := d.resolve(p)
		pd, ok := page.(dict)
		if err != nil || !ok {
			continue // a stream that claims to be a page, say
		}
		kids = append(kids, ref{p, d.xref[p].gen})
		// Keep a parent that still exists: pages inherit /Resources and
		// /MediaBox from it.
		if parent, _ := d.resolveRef(pd["Parent"]); !isDict(parent) {
			pd["Parent"] = ref{tree, 0}
		}
	}
	if len(kids) == 0 {
		return 0, 0
	}
	d.xref[tree] = xentry{off: -1}
	d.cache[tree] = dict{"Type": name("Pages"), "Kids": kids, "Count": int64(len(kids))}
	return tree, int64(len(kids))
}
