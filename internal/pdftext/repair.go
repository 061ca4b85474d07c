package pdftext

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/dianres/dianres/internal/pdfrepair"
)

// open reads the document's structure through pdfrepair's object reader
// and walks its page tree; a tree the walk cannot follow (a cycle, say)
// is mended once and walked again.
func open(ctx context.Context, data []byte, password string, lim Limits) (*Document, error) {
	r, err := pdfrepair.Open(data, password, pdfrepair.Limits{
		MaxStreamBytes: lim.MaxStreamBytes,
		MaxTotalBytes:  lim.MaxTotalBytes,
		MaxDepth:       max(lim.MaxDepth, 64), // syntax nesting, not forms: well-formed files nest a little deeper
	})
	if err != nil {
		return nil, mapRepairErr(err)
	}
	d := &Document{r: r, lim: lim, fonts: map[objID]*font{}, forms: map[objID][]byte{}}
	err = d.walkPages(ctx)
	if err != nil && errors.Is(err, ErrMalformed) && r.RepairPageTree() {
		d.pages, d.more, d.err = nil, false, nil
		err = d.walkPages(ctx)
	}
	if err != nil {
		return nil, err
	}
	return d, nil
}

// mapRepairErr turns a pdfrepair error into one of ours.
func mapRepairErr(err error) error {
	var le *pdfrepair.LimitError
	switch {
	case errors.As(err, &le):
		return &LimitError{Name: le.Name, Value: le.Value}
	case errors.Is(err, pdfrepair.ErrPassword):
		return fmt.Errorf("pdftext: %w: %v", ErrEncrypted, err)
	default:
		return fmt.Errorf("pdftext: %w: %v", ErrMalformed, err)
	}
}

// readAll reads the whole input, which Open has bounded by MaxSize.
func readAll(r io.ReaderAt, size int64) ([]byte, error) {
	data := make([]byte, size)
	if _, err := io.ReadFull(io.NewSectionReader(r, 0, size), data); err != nil {
		return nil, fmt.Errorf("pdftext: reading input: %w", err)
	}
	return data, nil
}

// Repaired reports whether the input was damaged: its cross-reference
// data was rebuilt by scanning the file for objects, or its page tree
// had to be mended.
func (d *Document) Repaired() bool { return d.r.Repaired() }
