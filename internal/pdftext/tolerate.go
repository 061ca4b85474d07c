package pdftext

import (
	"bytes"
	"errors"
	"io"
)

// tolerate works around three harmless defects that make ledongthuc/pdf
// refuse a file outright, by presenting it a corrected view of the bytes
// (nothing is copied):
//   - a header other than "%PDF-1.0" … "%PDF-1.7" and a newline, such as
//     PDF 2.0's "%PDF-2.0": the first bytes read as "%PDF-1.7\n";
//   - junk before "%PDF-" (mail gateways, download wrappers): the view
//     starts at "%PDF-" when the xref offsets count from there;
//   - junk after the last "%%EOF" (ledongthuc looks in the last 100 bytes
//     only): the view ends at the last "%%EOF" that follows a startxref.
//
// Files damaged beyond that are left to a repair step.
func tolerate(r io.ReaderAt, size int64) (io.ReaderAt, int64) {
	head := make([]byte, min(size, 1024))
	if n, err := r.ReadAt(head, 0); err != nil && !errors.Is(err, io.EOF) {
		return r, size
	} else {
		head = head[:n]
	}
	start := int64(bytes.Index(head, []byte("%PDF-")))
	if start < 0 {
		return r, size
	}
	v := &view{r: r}
	if start > 0 && startsXref(r, size, start) && !startsXref(r, size, 0) {
		v.shift = start
	}
	h := head[v.shift:]
	if !(len(h) > 8 && bytes.HasPrefix(h, []byte("%PDF-1.")) && h[7] >= '0' && h[7] <= '7' && (h[8] == '\r' || h[8] == '\n')) {
		v.header = []byte("%PDF-1.7\n")
	}
	end := size
	tailLen := min(size-v.shift, 4096)
	tail := make([]byte, tailLen)
	if _, err := r.ReadAt(tail, size-tailLen); err == nil || errors.Is(err, io.EOF) {
		// The last %%EOF that closes a startxref: junk may hold its own.
		for t := tail; ; {
			i := bytes.LastIndex(t, []byte("%%EOF"))
			if i < 0 {
				break
			}
			if bytes.Contains(t[max(0, i-90):i], []byte("startxref")) {
				if len(bytes.TrimRight(tail[i+5:], " \t\r\n")) > 0 {
					end = size - tailLen + int64(i) + 5
				}
				break
			}
			t = t[:i]
		}
	}
	if v.shift == 0 && v.header == nil && end == size {
		return r, size
	}
	return v, end - v.shift
}

// startsXref reports whether the startxref offset, counted from base,
// lands on "xref" or an object ("12 0 obj" of an xref stream).
func startsXref(r io.ReaderAt, size, base int64) bool {
	tail := make([]byte, min(size, 2048))
	if _, err := r.ReadAt(tail, size-int64(len(tail))); err != nil && !errors.Is(err, io.EOF) {
		return false
	}
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return false
	}
	off, ok := leadingInt(tail[i+len("startxref"):])
	if !ok || base+off >= size {
		return false
	}
	b := make([]byte, 4)
	if n, _ := r.ReadAt(b, base+off); n < 4 {
		return false
	}
	return bytes.Equal(b, []byte("xref")) || (b[0] >= '0' && b[0] <= '9')
}

// view is a corrected window onto a file: shifted, with a patched header.
type view struct {
	r      io.ReaderAt
	shift  int64
	header []byte
}

func (v *view) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("pdftext: negative offset")
	}
	n, err := v.r.ReadAt(p, off+v.shift)
	if off < int64(len(v.header)) {
		copy(p[:n], v.header[off:])
	}
	return n, err
}
