package pdftext

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"

	"github.com/ledongthuc/pdf"
)

// maxObjStmChain bounds a chain of object streams linked by /Extends.
const maxObjStmChain = 64

// checkObjStreams guards two ways ledongthuc/pdf never returns when it
// looks an object up in an object stream (PDF 32000 §7.5.7):
//   - an object stream that is itself marked as stored in an object
//     stream makes it recurse until the Go stack overflows, a fatal error
//     no recover can catch;
//   - an /Extends chain that loops makes it search forever for an object
//     that is not there.
//
// It reads ledongthuc's xref table by reflection, as idOf reads object
// numbers, and each object stream's dictionary from the file with this
// package's lexer, never through ledongthuc.
func checkObjStreams(r *pdf.Reader, f io.ReaderAt, size int64) error {
	xv := reflect.ValueOf(r).Elem().FieldByName("xref")
	if !xv.IsValid() || xv.Kind() != reflect.Slice {
		return nil
	}
	type entry struct {
		inStream bool
		stream   uint32
		offset   int64
	}
	at := func(i int) (entry, bool) {
		if i < 0 || i >= xv.Len() {
			return entry{}, false
		}
		e := xv.Index(i)
		in, st, off := e.FieldByName("inStream"), e.FieldByName("stream"), e.FieldByName("offset")
		if in.Kind() != reflect.Bool || st.Kind() != reflect.Struct || st.NumField() < 1 || !st.Field(0).CanUint() || off.Kind() != reflect.Int64 {
			return entry{}, false
		}
		return entry{in.Bool(), uint32(st.Field(0).Uint()), off.Int()}, true
	}
	streams := map[uint32]bool{}
	for i := range xv.Len() {
		if e, ok := at(i); ok && e.inStream {
			streams[e.stream] = true
		}
	}
	ids := make([]uint32, 0, len(streams))
	for id := range streams {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	buf := make([]byte, 4096)
	for _, id := range ids {
		seen := map[uint32]bool{}
		for cur, hops := id, 0; ; hops++ {
			if hops > maxObjStmChain {
				return fmt.Errorf("pdftext: %w: object stream chain longer than %d", ErrMalformed, maxObjStmChain)
			}
			if seen[cur] {
				return fmt.Errorf("pdftext: %w: object stream /Extends loop at object %d", ErrMalformed, cur)
			}
			seen[cur] = true
			e, ok := at(int(cur))
			if ok && e.inStream {
				return fmt.Errorf("pdftext: %w: object stream %d stored in an object stream", ErrMalformed, cur)
			}
			if !ok || e.offset <= 0 || e.offset >= size {
				break // ledongthuc reports a missing stream
			}
			n, err := f.ReadAt(buf, e.offset)
			if err != nil && !errors.Is(err, io.EOF) {
				return fmt.Errorf("pdftext: reading: %w", err)
			}
			next, ok := extendsOf(buf[:n])
			if !ok {
				break
			}
			cur = next
		}
	}
	return nil
}

// extendsOf finds "/Extends N G R" in an object's dictionary, which ends
// where its stream data begins.
func extendsOf(b []byte) (uint32, bool) {
	l := lexer{buf: b}
	var toks [4]token
	var names [4]string
	for range 4096 {
		t := l.next()
		if t.kind == tokEOF || (t.kind == tokOp && string(t.raw) == "stream") {
			return 0, false
		}
		copy(toks[:], toks[1:])
		copy(names[:], names[1:])
		toks[3], names[3] = t, ""
		if t.kind == tokName {
			names[3] = string(l.str(t))
		}
		if names[0] == "Extends" && toks[1].kind == tokNumber && toks[2].kind == tokNumber &&
			toks[3].kind == tokOp && string(toks[3].raw) == "R" && toks[1].num >= 0 && toks[1].num < 1<<31 {
			return uint32(toks[1].num), true
		}
	}
	return 0, false
}
