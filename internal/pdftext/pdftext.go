// Package pdftext turns PDF pages into positioned text: glyphs with correct
// positions, grouped into words and lines by geometry. It is the only
// package that imports github.com/ledongthuc/pdf.
//
// Coordinates are in PDF points with the origin at the top-left corner of
// the page as displayed (after /Rotate), y growing downwards, so reading
// order is "sort by Y, then X".
package pdftext

import (
	"context"
	"errors"
	"io"
)

// Errors. Every error Open and Document.Page return wraps one of these,
// except ctx.Err() and I/O errors.
var (
	ErrMalformed = errors.New("malformed PDF")
	ErrEncrypted = errors.New("encrypted PDF: wrong or missing password")
	ErrLimit     = errors.New("limit exceeded")
)

// A LimitError names the limit that was hit. It wraps ErrLimit.
type LimitError struct {
	Name  string // the Limits field, e.g. "MaxStreamBytes"
	Value int64  // the limit in force
}

func (e *LimitError) Error() string { return "pdftext: limit " + e.Name + " exceeded" }
func (e *LimitError) Unwrap() error { return ErrLimit }

// Limits bound the work done on one document. A zero field means its default.
type Limits struct {
	MaxSize        int64 // input bytes; default 20 MiB
	MaxPages       int   // pages read; default 10
	MaxStreamBytes int64 // decompressed bytes of one stream; default 16 MiB
	MaxTotalBytes  int64 // decompressed bytes over the document; default 64 MiB
	MaxOps         int   // content-stream operators over the document; default 2,000,000
	MaxDepth       int   // nesting of Form XObjects, references and page tree; default 32
}

// Word is a run of glyphs read as one token.
type Word struct {
	Text           string
	X0, Y0, X1, Y1 float64 // bounding box, top-left origin
	Size           float64 // font size in points (height of the glyph box)
	Spaced         bool    // assembled from evenly letter-spaced glyphs ("1 8 7 6 …")
}

// Line is a run of words sharing a baseline, left to right.
type Line struct {
	Words          []Word
	X0, Y0, X1, Y1 float64
}

// Page is the text of one page.
type Page struct {
	Number        int     // 1-based
	Width, Height float64 // as displayed, after /Rotate
	Lines         []Line  // horizontal text, top to bottom
	Rotated       []Word  // text not drawn horizontally (e.g. around a circular stamp)
	Undecoded     int     // glyphs that had no Unicode mapping
}

// Document is an open PDF.
type Document struct {
	_ int // filled in by the implementation
}

// Open opens the PDF in r. password may be empty.
func Open(ctx context.Context, r io.ReaderAt, size int64, password string, lim Limits) (*Document, error) {
	return nil, errors.New("pdftext: not implemented")
}

// NumPages returns the number of pages, capped at Limits.MaxPages.
func (d *Document) NumPages() int { return 0 }

// Page returns the text of page n (1-based).
func (d *Document) Page(ctx context.Context, n int) (*Page, error) {
	return nil, errors.New("pdftext: not implemented")
}
