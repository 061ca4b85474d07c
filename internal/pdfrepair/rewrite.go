package pdfrepair

import (
	"bytes"
	"errors"
	"slices"
	"strconv"

	"github.com/dianres/dianres/internal/pdfsyntax"
)

// Rewrite returns a clean PDF 1.7 with the same pages as data: a classic
// xref table, objects renumbered 1..N in the order they are reached from
// the trailer's /Root and /Info, no encryption, no object or xref streams,
// every stream decoded except images, which become empty streams.
//
// password opens an encrypted file as its user (or owner) password; most
// files need "". Damage is repaired rather than reported: a broken xref is
// rebuilt by scanning for "N G obj", unreadable objects become null, a
// corrupt flate stream keeps what decoded. Rewrite fails only with
// ErrPassword, a *LimitError (ErrLimit), or ErrMalformed when no document
// catalog can be found at all.
func Rewrite(data []byte, password string, lim Limits) ([]byte, error) {
	d := newDocument(data, lim)
	if err := d.load(password); err != nil {
		return nil, err
	}
	if _, err := d.pageTree(true); err != nil && errors.Is(err, ErrLimit) {
		return nil, err
	}
	w := &writer{d: d, renum: map[int]int{}}
	root := w.number(d.trailer["Root"])
	if root == 0 {
		return nil, errorAt(-1, ErrMalformed, "/Root names the encryption dictionary")
	}
	info := w.number(d.trailer["Info"])
	for i := 0; i < len(w.order); i++ {
		if err := w.object(i + 1); err != nil {
			return nil, err
		}
	}
	return w.finish(root, info), nil
}

// writer renumbers objects as it meets references and writes them in that
// order, so the queue grows while it is drained.
type writer struct {
	d     *document
	renum map[int]int // old number → new number
	order []int       // new number - 1 → old number
	buf   bytes.Buffer
	offs  []int
	err   error // the first *LimitError met while numbering
}

// number returns the new number for reference v, or 0 if v is not a
// reference to an existing object.
func (w *writer) number(v any) int {
	r, ok := v.(ref)
	if !ok {
		return 0
	}
	if n, ok := w.renum[r.num]; ok {
		return n
	}
	if e, ok := w.d.xref[r.num]; !ok || e.free || (w.d.sec != nil && r.num == w.d.encNum) {
		return 0
	}
	if len(w.order) >= w.d.lim.MaxObjects {
		if w.err == nil {
			w.err = &Error{Offset: -1, Msg: "too many objects", Err: &LimitError{Name: "MaxObjects", Value: int64(w.d.lim.MaxObjects)}}
		}
		return 0
	}
	w.order = append(w.order, r.num)
	n := len(w.order)
	w.renum[r.num] = n
	return n
}

func (w *writer) object(n int) error {
	if w.buf.Len() == 0 {
		w.buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	}
	old := w.order[n-1]
	v, err := w.d.resolve(old)
	if err != nil {
		return err
	}
	w.offs = append(w.offs, w.buf.Len())
	w.buf.WriteString(strconv.Itoa(n))
	w.buf.WriteString(" 0 obj\n")
	if s, ok := v.(*stream); ok && (s.hdr["Type"] == name("ObjStm") || s.hdr["Type"] == name("XRef")) {
		v = nil // the output has neither; nothing legitimately refers to one
	}
	if s, ok := v.(*stream); ok {
		data, err := w.d.decodeStream(old, 0, s, true)
		if err != nil && !errors.Is(err, errImage) {
			return err
		}
		hdr := make(dict, len(s.hdr))
		for k, x := range s.hdr {
			switch k {
			case "Filter", "DecodeParms", "DL", "F", "FFilter", "FDecodeParms":
			default:
				hdr[k] = x
			}
		}
		hdr["Length"] = int64(len(data))
		w.value(hdr)
		w.buf.WriteString("\nstream\n")
		w.buf.Write(data)
		w.buf.WriteString("\nendstream")
	} else {
		w.value(v)
	}
	w.buf.WriteString("\nendobj\n")
	return w.err
}

// value writes v with references renumbered; references to missing
// objects become null.
func (w *writer) value(v any) {
	b := &w.buf
	switch t := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(t))
	case int64:
		b.WriteString(strconv.FormatInt(t, 10))
	case float64:
		b.WriteString(strconv.FormatFloat(t, 'f', -1, 64))
	case pdfString:
		b.WriteByte('<')
		const hex = "0123456789abcdef"
		for i := 0; i < len(t); i++ {
			b.WriteByte(hex[t[i]>>4])
			b.WriteByte(hex[t[i]&15])
		}
		b.WriteByte('>')
	case name:
		writeName(b, t)
	case array:
		b.WriteByte('[')
		for i, x := range t {
			if i > 0 {
				b.WriteByte(' ')
			}
			w.value(x)
		}
		b.WriteByte(']')
	case dict:
		keys := make([]name, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b.WriteString("<<")
		for _, k := range keys {
			if r, ok := t[k].(ref); ok && w.number(r) == 0 {
				continue // a reference to nothing is null, and a null entry is no entry
			}
			writeName(b, k)
			b.WriteByte(' ')
			w.value(t[k])
		}
		b.WriteString(">>")
	case ref:
		if n := w.number(t); n > 0 {
			b.WriteString(strconv.Itoa(n))
			b.WriteString(" 0 R")
		} else {
			b.WriteString("null")
		}
	case *stream:
		b.WriteString("null") // a stream inside an object stream is invalid
	default:
		b.WriteString("null")
	}
}

// writeName writes /n, escaping what is not a regular printable byte.
func writeName(b *bytes.Buffer, n name) {
	b.WriteByte('/')
	for i := 0; i < len(n); i++ {
		c := n[i]
		if c < '!' || c > '~' || c == '#' || !pdfsyntax.IsRegular(c) {
			const hex = "0123456789ABCDEF"
			b.WriteByte('#')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		b.WriteByte(c)
	}
}

func (w *writer) finish(root, info int) []byte {
	b := &w.buf
	if b.Len() == 0 {
		b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	}
	xref := b.Len()
	b.WriteString("xref\n0 ")
	b.WriteString(strconv.Itoa(len(w.offs) + 1))
	b.WriteString("\n0000000000 65535 f\r\n")
	for _, off := range w.offs {
		b.WriteString(pad10(off))
		b.WriteString(" 00000 n\r\n")
	}
	tr := dict{"Size": int64(len(w.offs) + 1)}
	// /ID is kept only as the two strings it must be: it is written after
	// the objects, so a reference in it would name nothing.
	if id, ok := w.d.trailer["ID"].(array); ok && len(id) == 2 {
		_, ok1 := id[0].(pdfString)
		_, ok2 := id[1].(pdfString)
		if ok1 && ok2 {
			tr["ID"] = id
		}
	}
	b.WriteString("trailer\n")
	w.value(tr)
	// Root and Info already have their numbers; write them by hand so an
	// Info that failed to number is simply left out.
	b.Truncate(b.Len() - 2)
	b.WriteString("/Root " + strconv.Itoa(root) + " 0 R")
	if info > 0 && info <= len(w.offs) {
		b.WriteString("/Info " + strconv.Itoa(info) + " 0 R")
	}
	b.WriteString(">>\nstartxref\n")
	b.WriteString(strconv.Itoa(xref))
	b.WriteString("\n%%EOF\n")
	return b.Bytes()
}

func pad10(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 10 {
		s = "0" + s
	}
	return s
}
