package pdftext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/dianres/dianres/internal/pdfrepair"
)

// openChecked opens data as it is when pdfrepair.Check says
// ledongthuc/pdf can read it, and through pdfrepair.Rewrite otherwise or
// when the direct open fails. Clean files pay only for Check.
func openChecked(ctx context.Context, data []byte, password string, lim Limits) (*Document, error) {
	if pdfrepair.Check(data) == nil {
		d, err := open(ctx, bytes.NewReader(data), int64(len(data)), password, lim)
		if err == nil {
			d.original, d.password = data, password
			return d, nil
		}
		if !repairable(err) {
			return nil, err
		}
	}
	return openRepaired(ctx, data, password, lim)
}

// repairable reports whether a rewrite may succeed where the direct read
// failed: structure the reader mishandles, or encryption it lacks.
func repairable(err error) bool {
	return errors.Is(err, ErrMalformed) || errors.Is(err, ErrEncrypted)
}

// openRepaired rewrites data into a clean PDF and opens that.
func openRepaired(ctx context.Context, data []byte, password string, lim Limits) (*Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	clean, err := pdfrepair.Rewrite(data, password, pdfrepair.Limits{
		MaxStreamBytes: lim.MaxStreamBytes,
		MaxTotalBytes:  lim.MaxTotalBytes,
		MaxDepth:       max(lim.MaxDepth, 64), // syntax nesting, not forms: well-formed files nest a little deeper
	})
	var le *pdfrepair.LimitError
	switch {
	case err == nil:
	case errors.As(err, &le):
		return nil, &LimitError{Name: le.Name, Value: le.Value}
	case errors.Is(err, pdfrepair.ErrPassword):
		return nil, fmt.Errorf("pdftext: %w: %v", ErrEncrypted, err)
	default:
		return nil, fmt.Errorf("pdftext: %w: %v", ErrMalformed, err)
	}
	d, err := open(ctx, bytes.NewReader(clean), int64(len(clean)), "", lim)
	if err != nil {
		return nil, err
	}
	d.repaired = true
	return d, nil
}

// readAll reads the whole input, which Open has bounded by MaxSize.
func readAll(r io.ReaderAt, size int64) ([]byte, error) {
	data := make([]byte, size)
	if _, err := io.ReadFull(io.NewSectionReader(r, 0, size), data); err != nil {
		return nil, fmt.Errorf("pdftext: reading input: %w", err)
	}
	return data, nil
}

// retryRepaired swaps d for its rewritten copy after a page failed to
// read directly; it reports whether the page is worth trying again.
func (d *Document) retryRepaired(ctx context.Context, err error) bool {
	if d.repaired || d.original == nil || !errors.Is(err, ErrMalformed) {
		return false
	}
	nd, rerr := openRepaired(ctx, d.original, d.password, d.lim)
	if rerr != nil || len(nd.pages) != len(d.pages) {
		return false
	}
	nd.totalBytes, nd.ops = d.totalBytes, d.ops // limits count the failed attempt too
	*d = *nd
	return true
}

// Repaired reports whether the document was read through pdfrepair's
// rewrite because ledongthuc/pdf could not read the input as it is.
func (d *Document) Repaired() bool { return d.repaired }
