package resolution

import (
	"context"
	"io"
)

func parse(ctx context.Context, r io.ReaderAt, size int64, opts *Options) (*Resolution, error) {
	return nil, &ParseError{Err: ErrMalformedPDF, Detail: "not implemented"}
}
