package resolution

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"syscall"
)

// Options tune Parse. A nil *Options, or a zero field, means the default.
// Options are only read, so one value may be shared by concurrent calls.
type Options struct {
	// Password opens PDFs encrypted with a user password. PDFs protected
	// only by an owner password (empty user password) open without it.
	// A PDF that needs a password fails with [ErrEncrypted]; one given a
	// password that does not open it fails with [ErrWrongPassword], which
	// also matches ErrEncrypted.
	Password string

	MaxSize        int64 // input bytes; default 20 MiB
	MaxPages       int   // pages read; default 10 (a 1876 has 2)
	MaxStreamBytes int64 // decompressed bytes of one stream; default 16 MiB
	MaxTotalBytes  int64 // decompressed bytes over the document; default 64 MiB
	MaxOps         int   // content-stream operators over the document; default 2,000,000
	MaxDepth       int   // nesting of forms, references and page tree; default 32
}

// defaultMaxSize is Options.MaxSize when it is zero.
const defaultMaxSize = 20 << 20

func (o *Options) maxSize() int64 {
	if o == nil || o.MaxSize <= 0 {
		return defaultMaxSize
	}
	return o.MaxSize
}

// Parse reads a formato 1876 PDF of size bytes from r and returns its
// resolution. See the package documentation for what is read and how.
// The whole file is read into memory first, at most opts.MaxSize bytes.
//
// With an [ErrIncomplete] error Parse also returns the partial Resolution
// it read; with any other error the Resolution is nil. Parse is safe for
// concurrent use, provided r is (an *os.File and a *bytes.Reader are).
func Parse(ctx context.Context, r io.ReaderAt, size int64, opts *Options) (*Resolution, error) {
	if size > opts.maxSize() {
		return nil, &ParseError{Err: ErrLimit, Limit: "MaxSize"}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	bp := inputPool.Get().(*[]byte)
	b := slices.Grow((*bp)[:0], int(size))[:size]
	defer func() {
		if cap(b) <= maxPooledInput {
			*bp = b[:0]
			inputPool.Put(bp)
		}
	}()
	if _, err := io.ReadFull(io.NewSectionReader(r, 0, size), b); err != nil {
		return nil, fmt.Errorf("resolution: reading input: %w", err)
	}
	return ParseBytes(ctx, b, opts)
}

// inputPool holds the buffers Parse reads files into: a batch reads each
// file into the memory the one before used, rather than into new memory,
// which the runtime must zero and the garbage collector reclaim. Nothing
// a Resolution or an error holds points into its input
// (TestResultsOutliveLaterParses).
var inputPool = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledInput bounds the buffers kept: a rare huge file must not pin
// its memory for the rest of the process.
const maxPooledInput = 8 << 20

// ParseBytes is Parse over an in-memory PDF, read in place: b is never
// written to, and must not change until ParseBytes returns. ParseBytes is
// safe for concurrent use.
func ParseBytes(ctx context.Context, b []byte, opts *Options) (*Resolution, error) {
	if opts == nil {
		opts = &Options{}
	}
	res, err := parse(ctx, b, opts)
	var pe *ParseError
	if err != nil && errors.As(err, &pe) {
		if pe.Err == ErrEncrypted && strings.Contains(pe.Detail, "wrong or missing password") {
			pe.Detail = "" // says no more than the sentinel
		}
		switch {
		case pe.Err == ErrEncrypted && opts.Password != "":
			pe.Err = ErrWrongPassword
		case pe.Err == ErrMalformedPDF && !hasHeader(b):
			pe.Err, pe.Page, pe.Detail = ErrNotPDF, 0, notPDFDetail(len(b))
		}
	}
	return res, err
}

// hasHeader reports whether "%PDF-" appears in the first KiB of b, where
// readers look for it (ISO 32000-1 annex H.3 lets junk precede it).
func hasHeader(b []byte) bool {
	return bytes.Contains(b[:min(len(b), 1024)], []byte("%PDF-"))
}

func notPDFDetail(size int) string {
	if size == 0 {
		return "the file is empty"
	}
	return `no "%PDF-" header in the first 1024 bytes`
}

// ParseReader reads a PDF from a stream (an upload, a pipe) and parses
// it. The PDF format needs random access, so the stream is read to its end
// into memory first, at most opts.MaxSize bytes: a longer stream fails
// with an [ErrLimit] *ParseError whose Limit is "MaxSize", before any
// parsing. A read failure comes back wrapped, not as a ParseError.
// ParseReader is safe for concurrent use on distinct readers.
func ParseReader(ctx context.Context, r io.Reader, opts *Options) (*Resolution, error) {
	limit := opts.maxSize()
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("resolution: reading input: %w", err)
	}
	if int64(len(b)) > limit {
		return nil, &ParseError{Err: ErrLimit, Limit: "MaxSize"}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return ParseBytes(ctx, b, opts)
}

// ParseFile opens the named file and parses it. A regular file is read
// in place; anything else (a pipe, /dev/stdin, a FIFO) through
// [ParseReader], within opts.MaxSize. When the file cannot be read (it
// does not exist, permission is denied, it is a directory) the error is
// the *fs.PathError, so errors.Is(err, fs.ErrNotExist) and
// errors.Is(err, fs.ErrPermission) work. ParseFile is safe for
// concurrent use.
func ParseFile(ctx context.Context, name string, opts *Options) (*Resolution, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	switch {
	case fi.IsDir():
		return nil, &fs.PathError{Op: "read", Path: name, Err: syscall.EISDIR}
	case fi.Mode().IsRegular():
		return Parse(ctx, f, fi.Size(), opts)
	}
	return ParseReader(ctx, f, opts)
}
