package resolution

import (
	"bytes"
	"context"
	"io"
	"os"
)

// Options tune Parse. A nil *Options, or a zero field, means the default.
type Options struct {
	// Password opens PDFs encrypted with a user password. PDFs protected
	// only by an owner password (empty user password) open without it.
	Password string

	MaxSize        int64 // input bytes; default 20 MiB
	MaxPages       int   // pages read; default 10 (a 1876 has 2)
	MaxStreamBytes int64 // decompressed bytes of one stream; default 16 MiB
	MaxTotalBytes  int64 // decompressed bytes over the document; default 64 MiB
	MaxOps         int   // content-stream operators over the document; default 2,000,000
	MaxDepth       int   // nesting of forms, references and page tree; default 32
}

// Parse reads a formato 1876 PDF of size bytes from r and returns its
// resolution. See the package documentation for what is read and how.
func Parse(ctx context.Context, r io.ReaderAt, size int64, opts *Options) (*Resolution, error) {
	if opts == nil {
		opts = &Options{}
	}
	return parse(ctx, r, size, opts)
}

// ParseBytes is Parse over an in-memory PDF.
func ParseBytes(ctx context.Context, b []byte, opts *Options) (*Resolution, error) {
	return Parse(ctx, bytes.NewReader(b), int64(len(b)), opts)
}

// ParseFile opens the named file and parses it.
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
	return Parse(ctx, f, fi.Size(), opts)
}
