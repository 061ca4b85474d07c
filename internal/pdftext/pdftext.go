// Package pdftext turns PDF pages into positioned text: glyphs with correct
// positions, grouped into words and lines by geometry, and the ruling
// lines drawn around them.
//
// Coordinates are in PDF points with the origin at the top-left corner of
// the page as displayed (after /Rotate), y growing downwards, so reading
// order is "sort by Y, then X".
//
// # What it reads
//
// internal/pdfrepair's Reader provides the file structure: the xref
// (rebuilt by a scan when damaged), objects as values, object streams,
// stream filters and decryption. Each object is parsed once per document,
// when first reached; streams are decoded only when needed (page content,
// Form XObjects, ToUnicode and encoding CMaps; never font programs or
// images). Everything above it is done here, following PDF 32000-1:2008:
// the page tree (§7.7.3, with inherited attributes and cycle detection;
// a tree that cannot be walked is mended once by the Reader), the
// content-stream syntax (§7.8), the text operators and the text
// rendering matrix (§9.4), simple and composite fonts with their
// encodings, /Widths, /W and ToUnicode CMaps (§9.6–9.10), path painting
// for ruling lines (§8.5), Form XObjects (§8.10), annotation appearance
// streams placed by the algorithm of §12.5.5, and text-field values that
// have none. [Document.Repaired] tells whether the file was damaged.
//
// Every glyph is placed with the full text rendering matrix, then glyphs are
// grouped by geometry, not by stream order: horizontal glyphs into lines by
// baseline and into words by gaps and explicit spaces; text drawn at an
// angle (such as around DIAN's circular stamp) goes to [Page.Rotated].
// Runs of single digits printed one per box ("2 0 2 4 - 1 0 - 1 9") are
// merged into one [Word] with Spaced set. Spanish accents come out
// precomposed, whether the producer used a combining mark or drew a
// spacing accent over the letter.
//
// # Limits and safety
//
// [Limits] bounds input size, pages, decompressed bytes, operators,
// nesting and ruling lines. The Reader allocates nothing by a number read
// from the file, counts parsed and decoded bytes against MaxTotalBytes
// and cuts /Prev and object-stream cycles; this package bounds content
// streams. Nothing here recovers from a panic: there is no third-party
// code left to panic, and our own bugs must fail tests.
//
// # Notable divergences
//
//   - Glyph boxes are estimated from the font size (0.8 em above the
//     baseline, 0.2 em below), not from font programs, which are never read.
//   - Glyphs without a Unicode mapping are kept as U+FFFD and counted in
//     [Page.Undecoded]; nothing is guessed from glyph shapes. Codes above
//     ASCII in a symbolic TrueType font without /Encoding or ToUnicode are
//     such glyphs.
//   - Vertical writing (Identity-V) is read as if horizontal.
//   - Clipping, text render modes and colours are ignored: invisible text
//     (render mode 3) and text hidden behind images is returned too.
//   - Files pdfrepair cannot read are not read; its package comment
//     lists what it repairs.
//   - Scanned PDFs (images, no text layer) yield no text.
package pdftext

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/dianres/dianres/internal/pdfrepair"
)

// Errors. Every error Open and Document.Page return wraps one of these,
// except ctx.Err(), I/O errors and a page number out of range.
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

// Error names the limit, e.g. "pdftext: limit MaxOps exceeded".
func (e *LimitError) Error() string { return "pdftext: limit " + e.Name + " exceeded" }

// Unwrap returns ErrLimit.
func (e *LimitError) Unwrap() error { return ErrLimit }

// Limits bound the work done on one document. A zero field means its default.
type Limits struct {
	MaxSize        int64 // input bytes; default 20 MiB
	MaxPages       int   // pages read; default 10
	MaxStreamBytes int64 // decompressed bytes of one stream; default 16 MiB
	MaxTotalBytes  int64 // decompressed bytes over the document; default 64 MiB
	MaxOps         int   // content-stream operators over the document; default 2,000,000
	MaxDepth       int   // nesting of Form XObjects, references and page tree; default 32
	MaxRules       int   // ruling lines kept per page, further ones are dropped; default 10,000
}

// withDefaults returns l with every zero (or negative) field set to its default.
func (l Limits) withDefaults() Limits {
	if l.MaxSize <= 0 {
		l.MaxSize = 20 << 20
	}
	if l.MaxPages <= 0 {
		l.MaxPages = 10
	}
	if l.MaxStreamBytes <= 0 {
		l.MaxStreamBytes = 16 << 20
	}
	if l.MaxTotalBytes <= 0 {
		l.MaxTotalBytes = 64 << 20
	}
	if l.MaxOps <= 0 {
		l.MaxOps = 2_000_000
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = 32
	}
	if l.MaxRules <= 0 {
		l.MaxRules = 10_000
	}
	return l
}

// Word is a run of glyphs read as one token.
type Word struct {
	Text string `json:"text"`
	// Bounding box, top-left origin.
	X0     float64 `json:"x0"`
	Y0     float64 `json:"y0"`
	X1     float64 `json:"x1"`
	Y1     float64 `json:"y1"`
	Size   float64 `json:"size"`            // font size in points (height of the glyph box)
	Spaced bool    `json:"spaced,omitzero"` // assembled from evenly letter-spaced glyphs ("1 8 7 6 …")
	Font   string  `json:"font,omitzero"`   // BaseFont of the first glyph, subset tag removed
}

// Line is a run of words sharing a baseline, left to right.
type Line struct {
	Words []Word  `json:"words"`
	X0    float64 `json:"x0"`
	Y0    float64 `json:"y0"`
	X1    float64 `json:"x1"`
	Y1    float64 `json:"y1"`
}

// Text returns the words of l joined by single spaces.
func (l Line) Text() string {
	var b strings.Builder
	for i, w := range l.Words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
	}
	return b.String()
}

// Page is the text of one page.
type Page struct {
	Number    int     `json:"number"` // 1-based
	Width     float64 `json:"width"`  // as displayed, after /Rotate
	Height    float64 `json:"height"`
	Lines     []Line  `json:"lines"`            // horizontal text, top to bottom
	Rotated   []Word  `json:"rotated,omitzero"` // text not drawn horizontally (e.g. around a circular stamp)
	Undecoded int     `json:"undecoded"`        // glyphs that had no Unicode mapping
	// Rules are the horizontal and vertical segments of stroked or filled
	// paths (table borders), clipped to the page, by Y0 then X0. A
	// rectangle gives its four edges, one at most ruleThin (3 pt) thick
	// gives one rule along its middle; curves and diagonals give nothing.
	Rules       []Rule `json:"rules,omitzero"`
	RulesCapped bool   `json:"rules_capped,omitzero"` // rules beyond Limits.MaxRules were dropped

	mem *pageMem // the arrays of Lines, their Words and Rules; see Release
}

// Text returns the lines of p, one per line of text, in reading order.
// Rotated words are not included.
func (p *Page) Text() string {
	var b strings.Builder
	for _, l := range p.Lines {
		b.WriteString(l.Text())
		b.WriteByte('\n')
	}
	return b.String()
}

// Document is an open PDF. Different Documents may be used from different
// goroutines at once; one Document must not be.
type Document struct {
	r     *pdfrepair.Reader
	lim   Limits
	pages []pageInfo
	more  bool // the page tree has pages beyond MaxPages

	fonts      map[objID]*font  // decoded fonts by indirect object
	cmapBuf    []byte           // decoded CMap stream, reused from one CMap to the next
	forms      map[objID][]byte // decoded Form XObject content, drawn again without re-reading
	totalBytes int64            // decompressed stream bytes read so far
	ops        int              // operators interpreted so far
	err        error            // first limit or password error met resolving a reference

}

// Open opens the PDF in r. password may be empty.
//
// Open rejects size > Limits.MaxSize before reading anything, walks the
// page tree (at most Limits.MaxPages pages) and reads no content yet.
func Open(ctx context.Context, r io.ReaderAt, size int64, password string, lim Limits) (*Document, error) {
	lim = lim.withDefaults()
	if size > lim.MaxSize {
		return nil, &LimitError{Name: "MaxSize", Value: lim.MaxSize}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	data, err := readAll(r, size)
	if err != nil {
		return nil, err
	}
	return open(ctx, data, password, lim)
}

// OpenBytes is Open over a PDF already in memory, read in place rather
// than copied. It never writes to data, and data must not change while
// the Document is in use.
func OpenBytes(ctx context.Context, data []byte, password string, lim Limits) (*Document, error) {
	lim = lim.withDefaults()
	if int64(len(data)) > lim.MaxSize {
		return nil, &LimitError{Name: "MaxSize", Value: lim.MaxSize}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return open(ctx, data, password, lim)
}

// NumPages returns the number of pages, capped at Limits.MaxPages.
func (d *Document) NumPages() int { return len(d.pages) }

// Page returns the text of page n (1-based).
//
// For n past Limits.MaxPages in a longer document the error is a
// *LimitError; for n < 1 or past the last page it is a plain error.
func (d *Document) Page(ctx context.Context, n int) (*Page, error) {
	if n < 1 || n > len(d.pages) {
		if n > len(d.pages) && d.more {
			return nil, &LimitError{Name: "MaxPages", Value: int64(d.lim.MaxPages)}
		}
		return nil, fmt.Errorf("pdftext: no page %d in a document of %d", n, len(d.pages))
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d.err = nil
	return d.extract(ctx, n)
}
