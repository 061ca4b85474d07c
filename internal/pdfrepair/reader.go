package pdfrepair

import (
	"errors"
	"strconv"
)

// A Reader serves the objects of one document to the text layer: the
// same object layer Rewrite uses (xref chain or rebuilt xref, object
// streams, decryption, filters), read in place. Every object is parsed
// once, when first reached, and kept for the life of the Reader; stream
// data is decoded only when asked for, into the caller's buffer.
//
// A Reader must not be used from several goroutines at once.
type Reader struct {
	d        *document
	repaired bool  // the xref was rebuilt or the page tree mended
	err      error // first *LimitError or password error met by Key or Index
}

// Open reads the cross-reference data of data (rebuilding it by a scan
// when it is missing or stale) and sets up decryption with password. It
// fails with ErrPassword, a *LimitError, or ErrMalformed when no
// document catalog exists.
func Open(data []byte, password string, lim Limits) (*Reader, error) {
	d := newDocument(data, lim)
	if err := d.load(password); err != nil {
		return nil, err
	}
	r := &Reader{d: d, repaired: d.scanned}
	if root, _ := d.resolveRef(d.trailer["Root"]); isDict(root) {
		if _, ok := root.(dict)["Pages"]; !ok && len(d.pages) > 0 {
			r.RepairPageTree()
		}
	}
	return r, nil
}

// Repaired reports whether the file was damaged: its xref was rebuilt by
// scanning for "N G obj", or its page tree had to be mended.
func (r *Reader) Repaired() bool { return r.repaired }

// RepairPageTree mends the page tree in place, as viewers do: nodes met
// twice and kids that are neither pages nor page-tree nodes are dropped,
// /Count is recounted, /Type set, and a catalog without pages gets the
// pages a scan found. It reports whether a tree with pages came out.
func (r *Reader) RepairPageTree() bool {
	r.repaired = true
	n, err := r.d.pageTree(true)
	if err != nil && errors.Is(err, ErrLimit) && r.err == nil {
		r.err = err
	}
	return err == nil && n > 0
}

// Err returns the first limit or password error met while resolving a
// reference in Key or Index; such a reference reads as null.
func (r *Reader) Err() error { return r.err }

// Trailer returns the trailer dictionary.
func (r *Reader) Trailer() Value { return Value{r: r, v: r.d.trailer} }

// A Kind is the type of a Value.
type Kind uint8

// The kinds of PDF objects (§7.3).
const (
	Null Kind = iota
	Bool
	Integer
	Real
	String
	Name
	Dict
	Array
	Stream
)

// ObjID is an indirect object's number and generation.
type ObjID struct {
	Num, Gen int
}

// A Value is a PDF object read from a Reader. The zero Value is null.
// References are resolved as they are reached, so a Value is never a
// reference.
type Value struct {
	r  *Reader
	id ObjID // the indirect object v was read from; Num 0 for the trailer
	v  any
}

// ID returns the indirect object v was read from: v itself when it was
// reached through a reference, else the object that contains it. It
// reports false for values inside the trailer.
func (v Value) ID() (ObjID, bool) { return v.id, v.id.Num > 0 }

// Kind returns the type of v.
func (v Value) Kind() Kind {
	switch v.v.(type) {
	case bool:
		return Bool
	case int64:
		return Integer
	case float64:
		return Real
	case pdfString:
		return String
	case name:
		return Name
	case dict:
		return Dict
	case array:
		return Array
	case *stream:
		return Stream
	}
	return Null
}

// resolve turns a reference into the object it names.
func (v Value) resolve(x any) Value {
	out := Value{r: v.r, id: v.id, v: x}
	if rf, ok := x.(ref); ok && v.r != nil {
		o, err := v.r.d.resolve(rf.num)
		if err != nil && v.r.err == nil {
			v.r.err = err
		}
		out.v, out.id = o, ObjID{rf.num, rf.gen}
		if o == nil {
			out.id = ObjID{}
		}
	}
	return out
}

// Key returns the entry k of a dictionary or stream dictionary, or null.
func (v Value) Key(k string) Value {
	switch t := v.v.(type) {
	case dict:
		if x, ok := t[name(k)]; ok {
			return v.resolve(x)
		}
	case *stream:
		if x, ok := t.hdr[name(k)]; ok {
			return v.resolve(x)
		}
	}
	return Value{}
}

// Keys returns the keys of a dictionary or stream dictionary, unordered.
func (v Value) Keys() []string {
	var d dict
	switch t := v.v.(type) {
	case dict:
		d = t
	case *stream:
		d = t.hdr
	}
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, string(k))
	}
	return keys
}

// Index returns element i of an array, or null.
func (v Value) Index(i int) Value {
	if a, ok := v.v.(array); ok && i >= 0 && i < len(a) {
		return v.resolve(a[i])
	}
	return Value{}
}

// Num returns element i of an array as a number, integer or real, with
// a reference resolved, and whether it is one: Index(i) read as a
// number without building the Value, for arrays of thousands of widths.
func (v Value) Num(i int) (float64, bool) {
	a, ok := v.v.(array)
	if !ok || i < 0 || i >= len(a) {
		return 0, false
	}
	x := a[i]
	if _, ok := x.(ref); ok {
		x = v.resolve(x).v
	}
	switch t := x.(type) {
	case int64:
		return float64(t), true
	case float64:
		return t, true
	}
	return 0, false
}

// Len returns the length of an array, else 0.
func (v Value) Len() int {
	a, _ := v.v.(array)
	return len(a)
}

// Name returns a name without its slash, else "".
func (v Value) Name() string {
	n, _ := v.v.(name)
	return string(n)
}

// Int64 returns an integer, else 0.
func (v Value) Int64() int64 {
	n, _ := v.v.(int64)
	return n
}

// Float64 returns an integer or real as a float64, else 0.
func (v Value) Float64() float64 {
	switch t := v.v.(type) {
	case int64:
		return float64(t)
	case float64:
		return t
	}
	return 0
}

// Bool returns a boolean, else false.
func (v Value) Bool() bool {
	b, _ := v.v.(bool)
	return b
}

// RawString returns the bytes of a string, decrypted, else "".
func (v Value) RawString() string {
	s, _ := v.v.(pdfString)
	return string(s)
}

// String formats v for messages.
func (v Value) String() string {
	switch t := v.v.(type) {
	case nil:
		return "null"
	case name:
		return "/" + string(t)
	case int64:
		return strconv.FormatInt(t, 10)
	case float64:
		return strconv.FormatFloat(t, 'g', -1, 64)
	case pdfString:
		return strconv.Quote(string(t))
	}
	return v.Kind().String()
}

// String names the kind.
func (k Kind) String() string {
	switch k {
	case Bool:
		return "bool"
	case Integer:
		return "integer"
	case Real:
		return "real"
	case String:
		return "string"
	case Name:
		return "name"
	case Dict:
		return "dict"
	case Array:
		return "array"
	case Stream:
		return "stream"
	}
	return "null"
}

// Decode appends the decrypted and decoded data of stream v to dst. It
// stops with a *LimitError (Name "max") once more than max bytes would
// be appended, and with the Reader's MaxTotalBytes once the document
// has decoded and parsed that much. A stream whose filters include an
// image codec or an unknown filter appends nothing; damaged data appends
// what decoded. A v that is not a stream appends nothing.
func (v Value) Decode(dst []byte, max int64) ([]byte, error) {
	s, ok := v.v.(*stream)
	if !ok || v.r == nil {
		return dst, nil
	}
	d := v.r.d
	b := d.budget()
	if max < b.max {
		b = budget{max: max, name: "max", value: max}
	}
	raw := s.raw
	if s.encrypted && d.sec != nil && s.hdr["Type"] != name("XRef") {
		raw = d.decryptRaw(s)
	}
	start := len(dst)
	out, err := decodeAppend(dst, raw, s.hdr, b)
	if errors.Is(err, errImage) {
		return dst[:start], nil
	}
	d.total += int64(len(out) - start)
	if err != nil {
		return out, objError(v.id.Num, s.off, err, "decoding stream")
	}
	return out, nil
}
