package pdftext

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// maxXrefHops bounds the /Prev chain of cross-reference sections.
const maxXrefHops = 64

// precheck defends against what ledongthuc/pdf would do with hostile
// numbers before it is called:
//   - it sizes its xref table by the largest object number it sees, so a
//     134-byte file claiming object 20,000,000 costs hundreds of MiB; no
//     object number can exceed the file size (each object takes bytes),
//     so subsection headers and /Size are checked against it;
//   - it follows /Prev between xref tables without remembering where it
//     has been, so a /Prev pointing back loops forever; the chain is
//     walked here first, with a visited set and a hop limit.
//
// It reads at most the file's tail and, per xref section, its lines and
// a few KiB of trailer, never a buffer sized by a number in the file.
func precheck(r io.ReaderAt, size int64) error {
	if size < 16 {
		return fmt.Errorf("pdftext: %w: file of %d bytes", ErrMalformed, size)
	}
	tail := make([]byte, min(size, 2048))
	if _, err := r.ReadAt(tail, size-int64(len(tail))); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("pdftext: reading: %w", err)
	}
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return nil // ledongthuc reports the missing startxref
	}
	off, ok := leadingInt(tail[i+len("startxref"):])
	seen := map[int64]bool{}
	for hops := 0; ok; hops++ {
		if off < 0 || off >= size {
			return fmt.Errorf("pdftext: %w: xref offset %d outside the file", ErrMalformed, off)
		}
		if seen[off] {
			return fmt.Errorf("pdftext: %w: xref /Prev chain loops at offset %d", ErrMalformed, off)
		}
		if hops >= maxXrefHops {
			return fmt.Errorf("pdftext: %w: over %d xref sections", ErrMalformed, maxXrefHops)
		}
		seen[off] = true
		var err error
		if off, ok, err = checkXrefSection(r, off, size); err != nil {
			return err
		}
	}
	return nil
}

// checkXrefSection checks the xref section at off and returns its /Prev.
func checkXrefSection(r io.ReaderAt, off, size int64) (prev int64, ok bool, err error) {
	tooBig := func(n int64) error {
		return fmt.Errorf("pdftext: %w: object number %d in a file of %d bytes", ErrMalformed, n, size)
	}
	sc := bufio.NewScanner(io.NewSectionReader(r, off, size-off))
	sc.Buffer(make([]byte, 4096), 4096)
	sc.Split(scanPDFLines)
	var dict []byte
	if !sc.Scan() {
		return 0, false, nil
	}
	first := bytes.TrimSpace(sc.Bytes())
	if bytes.HasPrefix(first, []byte("xref")) {
		// Classic table: subsection headers "start count", entries, trailer.
		for sc.Scan() {
			line := bytes.TrimSpace(sc.Bytes())
			if j := bytes.Index(line, []byte("trailer")); j >= 0 {
				dict = append(dict, line[j:]...)
				for len(dict) < 4096 && sc.Scan() && !bytes.Contains(dict, []byte("startxref")) {
					dict = append(append(dict, '\n'), sc.Bytes()...)
				}
				break
			}
			f := bytes.Fields(line)
			if len(f) == 2 {
				a, ok1 := leadingInt(f[0])
				n, ok2 := leadingInt(f[1])
				if ok1 && ok2 && a+n > size {
					return 0, false, tooBig(a + n)
				}
			}
		}
	} else {
		// Xref stream: "N 0 obj << … /Size … /Prev … >> stream".
		dict = append(dict, first...)
		for len(dict) < 4096 && !bytes.Contains(dict, []byte("stream")) && sc.Scan() {
			dict = append(append(dict, '\n'), sc.Bytes()...)
		}
		if j := bytes.Index(dict, []byte("stream")); j >= 0 {
			dict = dict[:j]
		}
	}
	if err := sc.Err(); err != nil && !errors.Is(err, bufio.ErrTooLong) {
		return 0, false, fmt.Errorf("pdftext: reading: %w", err)
	}
	if n, ok := intAfter(dict, "/Size"); ok && n > size {
		return 0, false, tooBig(n)
	}
	// An xref stream's /Index [start count …] names its object numbers.
	if j := bytes.Index(dict, []byte("/Index")); j >= 0 {
		rest := dict[j+len("/Index"):]
		if k := bytes.IndexByte(rest, ']'); k >= 0 {
			f := bytes.Fields(bytes.Trim(bytes.TrimSpace(rest[:k]), "["))
			for i := 0; i+1 < len(f); i += 2 {
				a, ok1 := leadingInt(f[i])
				n, ok2 := leadingInt(f[i+1])
				if ok1 && ok2 && a+n > size {
					return 0, false, tooBig(a + n)
				}
			}
		}
	}
	prev, ok = intAfter(dict, "/Prev")
	return prev, ok, nil
}

// intAfter returns the integer following the first occurrence of key
// (as a whole name) in b.
func intAfter(b []byte, key string) (int64, bool) {
	for {
		j := bytes.Index(b, []byte(key))
		if j < 0 {
			return 0, false
		}
		b = b[j+len(key):]
		if len(b) > 0 && isRegular(b[0]) {
			continue // /SizeX, /Prevx
		}
		return leadingInt(b)
	}
}

// scanPDFLines splits at CR, LF or CR LF: PDF allows all three.
func scanPDFLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
		n := i + 1
		if data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n' {
			n++
		}
		return n, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// leadingInt parses the integer after optional white space.
func leadingInt(b []byte) (int64, bool) {
	b = bytes.TrimLeft(b, " \t\r\n\f\x00")
	j := 0
	for j < len(b) && j < 19 && b[j] >= '0' && b[j] <= '9' {
		j++
	}
	if j == 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(string(b[:j]), 10, 64)
	return n, err == nil
}
