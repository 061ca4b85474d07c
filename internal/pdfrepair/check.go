package pdfrepair

import (
	"bytes"
	"errors"
	"slices"

	"github.com/dianres/dianres/internal/pdfsyntax"
)

// Check reports whether github.com/ledongthuc/pdf can be trusted with data
// as it is. It returns nil when it can, else an *Error wrapping
// ErrUnsupported (valid PDF that reader mishandles: another header,
// encryption it lacks or decrypts wrongly, object streams with /Extends...),
// ErrMalformed (damage the reader would choke on or loop over), ErrLimit
// (nesting deeper than the default MaxDepth, in top-level objects or in
// object streams) or ErrPassword (the file needs a user password).
// Rewrite fixes the first three.
//
// Check reads what that reader reads, the way it reads it: the header at
// byte 0, the last 100 bytes, the xref chain, every object the xref lists
// (stream bodies only for where they end), object streams and the page
// tree. It does not decode page content. Object numbers and /Size must be
// at most len(data)/8, which no real file comes near, because the reader
// allocates a table sized by them.
func Check(data []byte) error {
	c := checker{doc: newDocument(data, Limits{}), maxObj: int64(len(data) / 8)}
	return c.run()
}

type checker struct {
	doc    *document
	maxObj int64
}

func unsupported(off int64, format string, args ...any) error {
	return errorAt(off, ErrUnsupported, format, args...)
}

func (c *checker) run() error {
	data := c.doc.data
	if len(data) < 10 || !bytes.HasPrefix(data, []byte("%PDF-1.")) || data[7] < '0' || data[7] > '7' || (data[8] != '\r' && data[8] != '\n') {
		return unsupported(0, "header is not %%PDF-1.0 to %%PDF-1.7 at byte 0")
	}
	// The reader looks only at the last 100 bytes, trimmed of white space
	// (and reads zeros there in a shorter file).
	if len(data) < 100 {
		return unsupported(0, "shorter than 100 bytes")
	}
	tailStart := len(data) - 100
	tail := bytes.TrimRight(data[tailStart:], "\r\n\t ")
	if !bytes.HasSuffix(tail, []byte("%%EOF")) {
		return unsupported(int64(len(data)), "data after the last %%%%EOF")
	}
	i := findLastLine(tail, "startxref")
	if i < 0 {
		return errorAt(int64(tailStart), ErrMalformed, "no startxref line in the last 100 bytes")
	}
	l := lexer{data: data, pos: tailStart + i + len(kwStartxref)}
	off, ok := l.token().(int64)
	if !ok {
		return errorAt(int64(tailStart+i), ErrMalformed, "startxref not followed by an integer")
	}
	if err := c.xrefChain(off); err != nil {
		return err
	}
	stms, err := c.objects()
	if err != nil {
		return err
	}
	if err := c.encryption(); err != nil {
		return err
	}
	if err := c.objectStreams(stms); err != nil {
		return err
	}
	// The reader follows /Kids by /Count with no memory of where it has
	// been: a cycle is an endless loop, a wrong /Count lost pages.
	_, err = c.doc.pageTree(false)
	return err
}

// objectStreams checks the nesting of the objects inside object streams:
// the reader's parser recurses once per level, and a few compressed bytes
// can hold millions of levels, a stack overflow no recover catches.
func (c *checker) objectStreams(stms []int) error {
	if len(stms) == 0 {
		return nil
	}
	d := c.doc
	if err := d.initSecurity(""); err != nil {
		return err
	}
	for _, sn := range stms {
		offs, err := d.objStm(sn)
		if err != nil {
			if errors.Is(err, ErrLimit) || errors.Is(err, ErrPassword) {
				return err
			}
			continue // the reader fails on it, and its panic is recovered
		}
		for num := range offs {
			if _, err := d.fromObjStm(sn, num); errors.Is(err, ErrLimit) {
				return err
			}
		}
	}
	return nil
}

// findLastLine is the reader's own test: s on a line of its own, not at
// the very start or end of buf.
func findLastLine(buf []byte, s string) int {
	bs := []byte(s)
	end := len(buf)
	for {
		i := bytes.LastIndex(buf[:end], bs)
		if i <= 0 || i+len(bs) >= len(buf) {
			return -1
		}
		if (buf[i-1] == '\n' || buf[i-1] == '\r') && (buf[i+len(bs)] == '\n' || buf[i+len(bs)] == '\r') {
			return i
		}
		end = i
	}
}

// xrefChain reads every section the reader would, checking what makes it
// allocate, loop or misread: sizes, a /Prev cycle, mixed section kinds,
// /XRefStm (which it ignores).
func (c *checker) xrefChain(off int64) error {
	d := c.doc
	seen := map[int64]bool{}
	var firstSize int64 = -1
	isStream := false
	parsed := 0
	for n := 0; ; n++ {
		if off < 0 || off >= int64(len(d.data)) {
			return errorAt(off, ErrMalformed, "xref offset out of bounds")
		}
		if seen[off] {
			return errorAt(off, ErrMalformed, "/Prev chain loops")
		}
		seen[off] = true
		l := lexer{data: d.data, pos: int(off)}
		kw, table := l.token().(keyword)
		table = table && kw == "xref"
		if n == 0 {
			isStream = !table
		} else if table == isStream {
			return errorAt(off, ErrUnsupported, "/Prev mixes xref tables and xref streams")
		}
		s, err := d.readSection(off)
		if err != nil {
			return err
		}
		// Sections of a sound file do not overlap either.
		if parsed += s.size; parsed > len(d.data) {
			return errorAt(off, ErrMalformed, "xref sections overlap")
		}
		if table {
			if _, ok := s.trailer["XRefStm"]; ok {
				return unsupported(off, "hybrid file (/XRefStm)")
			}
		} else if err := readerFilters(s.trailer); err != nil {
			return err
		}
		size, ok := s.trailer["Size"].(int64)
		switch {
		case !ok && n == 0:
			return errorAt(off, ErrMalformed, "trailer without /Size")
		case size < 0 || size > c.maxObj:
			return errorAt(off, ErrMalformed, "/Size %d too large for a %d-byte file", size, len(d.data))
		case firstSize >= 0 && isStream && size > firstSize:
			return errorAt(off, ErrMalformed, "older xref stream larger than the newest")
		}
		if n == 0 {
			firstSize = size
		}
		for i, num := range s.nums {
			if int64(num) > c.maxObj {
				return errorAt(off, ErrMalformed, "object number %d too large for a %d-byte file", num, len(d.data))
			}
			if _, ok := d.xref[num]; !ok {
				d.xref[num] = s.entries[i]
			}
		}
		if d.trailer == nil {
			d.trailer = s.trailer
		}
		prev, ok := s.trailer["Prev"]
		if !ok {
			return nil
		}
		if off, ok = prev.(int64); !ok {
			return errorAt(off, ErrMalformed, "/Prev is not an integer")
		}
	}
}

// objects checks that every in-use entry points at its own header and that
// the object after it parses within MaxDepth, with filters the reader has.
func (c *checker) objects() ([]int, error) {
	d := c.doc
	stms := map[int]bool{}
	parsed := 0
	for num, e := range d.xref {
		if e.free {
			continue
		}
		if e.inStm {
			stms[int(e.off)] = true
			continue
		}
		if e.off <= 0 || e.off >= int64(len(d.data)) {
			return nil, objError(num, e.off, ErrMalformed, "offset out of bounds")
		}
		p := newParser(d.data, int(e.off), d.lim.MaxDepth)
		n, gen, obj, err := p.indirect(false)
		// Objects of a sound file do not overlap, so parsing them all
		// reads each byte once; more means a hostile file whose objects
		// each run to the end, and reading on would cost its size squared.
		if parsed += p.pos - int(e.off); parsed > len(d.data) {
			return nil, objError(num, e.off, ErrMalformed, "objects overlap")
		}
		if err != nil {
			return nil, withObject(err, num)
		}
		if n != num || gen != e.gen {
			return nil, objError(num, e.off, ErrMalformed, "xref points at object %d %d", n, gen)
		}
		hdr, ok := obj.(dict)
		if !ok {
			continue
		}
		p.skipSpace()
		if !bytes.HasPrefix(d.data[p.pos:], []byte("stream")) {
			continue
		}
		if hdr["Type"] == name("ObjStm") {
			if _, ok := hdr["Extends"]; ok {
				return nil, objError(num, e.off, ErrUnsupported, "object stream with /Extends")
			}
			stms[-num-1] = true // seen as an object stream
		}
		if err := readerFilters(hdr); err != nil {
			return nil, withObject(err, num)
		}
		p.pos += len("stream")
		if err := c.streamLength(num, hdr, p); err != nil {
			return nil, err
		}
	}
	var list []int
	for sn := range stms {
		if sn >= 0 {
			if !stms[-sn-1] {
				return nil, objError(sn, -1, ErrMalformed, "xref names object stream %d, which is not one", sn)
			}
			list = append(list, sn)
		}
	}
	slices.Sort(list)
	if _, ok := d.trailer["Root"].(ref); !ok {
		return nil, errorAt(-1, ErrMalformed, "trailer without /Root")
	}
	return list, nil
}

// streamLength checks that the stream's /Length, which the reader trusts,
// ends on "endstream". p is just after the "stream" keyword.
func (c *checker) streamLength(num int, hdr dict, p *parser) error {
	d := c.doc
	s := p.streamBody(dict{}) // no /Length: finds where "endstream" really is
	var n int64
	switch l := hdr["Length"].(type) {
	case int64:
		n = l
	case ref:
		e, ok := d.xref[l.num]
		if !ok || e.free || e.inStm {
			return nil // the reader resolves it the same way we would not: let it
		}
		lp := newParser(d.data, int(e.off), 1)
		_, _, v, err := lp.indirect(false)
		if n, ok = v.(int64); err != nil || !ok {
			return objError(num, s.off, ErrMalformed, "stream /Length %d 0 R is not an integer", l.num)
		}
	default:
		return objError(num, s.off, ErrMalformed, "stream without /Length")
	}
	// /Length landing on "endstream" is all the reader needs, whatever the
	// data holds: a scan without /Length stops early at an "endobj" inside
	// the data (fuzz crasher 07dd085e13ebb5ce).
	if n >= 0 && s.off+n <= int64(len(d.data)) {
		q := s.off + n
		for q < int64(len(d.data)) && pdfsyntax.IsSpace(d.data[q]) {
			q++
		}
		if bytes.HasPrefix(d.data[q:], kwEndstream) {
			return nil
		}
	}
	// The two ends may differ by the white space around "endstream".
	lo, hi := min(n, int64(len(s.raw))), max(n, int64(len(s.raw)))
	if lo < 0 || s.off+hi > int64(len(d.data)) ||
		len(bytes.TrimLeft(d.data[s.off+lo:s.off+hi], "\x00\t\n\f\r ")) > 0 {
		return objError(num, s.off, ErrMalformed, "stream /Length %d does not end at endstream", n)
	}
	return nil
}

// readerFilters rejects stream filters the reader cannot decode, and
// decode parameters it would misread or allocate by. Image codecs pass:
// text extraction never decodes them.
func readerFilters(hdr dict) error {
	switch f := hdr["Filter"].(type) {
	case nil, name:
	case array:
		for _, x := range f {
			if _, ok := x.(name); !ok {
				return unsupported(-1, "filter array holds %T", x)
			}
		}
	default:
		return unsupported(-1, "/Filter is a %T", f)
	}
	names, parms := filters(hdr)
	for i, f := range names {
		switch f {
		case "FlateDecode":
			// The reader knows only predictor 12, reads it as PNG Up rows of
			// /Columns bytes (ignoring /Colors and /BitsPerComponent) and
			// allocates /Columns bytes before reading any.
			if _, ok := parms[i]["Predictor"]; !ok {
				continue
			}
			p := parms[i]
			colors, ok1 := p["Colors"]
			bpc, ok2 := p["BitsPerComponent"]
			if p["Predictor"] != int64(12) || (ok1 && colors != int64(1)) || (ok2 && bpc != int64(8)) {
				return unsupported(-1, "/FlateDecode parameters %v", p)
			}
			if cols, ok := p["Columns"].(int64); !ok || cols < 1 || cols > 1<<16 {
				return unsupported(-1, "/FlateDecode /Columns %v", p["Columns"])
			}
		case "ASCII85Decode":
			if len(parms[i]) > 0 {
				return unsupported(-1, "/ASCII85Decode with parameters")
			}
		case "DCTDecode", "JPXDecode", "CCITTFaxDecode", "JBIG2Decode":
		default:
			return unsupported(-1, "filter /%s", f)
		}
	}
	return nil
}

// encryption accepts only what the reader decrypts correctly: the standard
// handler with V2 R3 RC4 and a 128-bit key, or V4 R4 AESV2 for both
// strings and streams.
func (c *checker) encryption() error {
	d := c.doc
	v, ok := d.trailer["Encrypt"]
	if !ok {
		return nil
	}
	if r, ok := v.(ref); ok {
		e, ok := d.xref[r.num]
		if !ok || e.inStm || e.free {
			return errorAt(-1, ErrMalformed, "/Encrypt not found")
		}
		p := newParser(d.data, int(e.off), d.lim.MaxDepth)
		_, _, obj, err := p.indirect(false)
		if err != nil {
			return err
		}
		v = obj
	}
	enc, ok := v.(dict)
	if !ok {
		return errorAt(-1, ErrMalformed, "/Encrypt is not a dictionary")
	}
	if ids, ok := d.trailer["ID"].(array); !ok || len(ids) == 0 {
		return errorAt(-1, ErrMalformed, "encrypted file without /ID")
	}
	o, _ := enc["O"].(pdfString)
	u, _ := enc["U"].(pdfString)
	bits := intParam(enc, "Length", 40, 0, 1<<31)
	switch {
	case enc["Filter"] != name("Standard"):
		return unsupported(-1, "security handler %v", enc["Filter"])
	case len(o) != 32 || len(u) != 32:
		return unsupported(-1, "/O or /U not 32 bytes (AES-256?)")
	case enc["EncryptMetadata"] == false:
		return unsupported(-1, "/EncryptMetadata false")
	}
	r := intParam(enc, "R", 0, 0, 1<<31)
	switch v := intParam(enc, "V", 0, 0, 1<<31); {
	case v == 1 || v == 2:
		// The reader keys RC4 objects with all 16 bytes of the object-key
		// hash instead of n+5 (Algorithm 1), and an R2 file key with 5
		// bytes whatever /Length says: only V2 R3 with a 128-bit key
		// decrypts right. Anything else reads as garbage, with no error.
		if v != 2 || r != 3 || bits != 128 {
			return unsupported(-1, "RC4 V=%d R=%d with a %d-bit key (the reader decrypts only V2 R3 128-bit RC4 correctly)", v, r, bits)
		}
	case v == 4:
		// The reader sizes the file key by the top-level /Length, 40 bits
		// when it is missing, where V4 means 128.
		cf, _ := enc["CF"].(dict)
		stmf, _ := enc["StmF"].(name)
		strf, _ := enc["StrF"].(name)
		f, _ := cf[stmf].(dict)
		if r != 4 || bits != 128 || stmf != strf || f["CFM"] != name("AESV2") || (f["Length"] != nil && f["Length"] != int64(16)) ||
			(f["AuthEvent"] != nil && f["AuthEvent"] != name("DocOpen")) {
			return unsupported(-1, "V4 other than R4, /Length 128 and AESV2 for both strings and streams")
		}
	default:
		return unsupported(-1, "encryption version V=%v", enc["V"])
	}
	// A file that needs a user password is one the reader cannot open
	// either; say so, so the caller can ask for it.
	ids, _ := d.trailer["ID"].(array)
	id, _ := ids[0].(pdfString)
	_, err := newSecurity(enc, []byte(id), "")
	return err
}
