// Package resolution reads a DIAN numbering authorization, the PDF
// "formato 1876" ("Autorización numeración de facturación"), into a typed
// [Resolution], and holds the model the other dianres packages check
// against: [Range], [Kind], [Request] and the civil [Date].
//
// # Stages
//
// [Parse] runs four stages, each in its own package so each can be read and
// tested alone:
//
//  1. bytes → PDF objects: internal/pdfrepair reads the cross-reference
//     data (rebuilt by a scan when broken), decrypts and decodes streams,
//     and serves each object once, when first reached.
//  2. PDF → positioned text: internal/pdftext interprets each page's content
//     (fonts, CMaps, text and graphics state, forms and annotations) into
//     glyphs with positions, then words and lines by geometry.
//  3. lines → fields: internal/form finds the boxes ("casillas") by their
//     labels, the table of ranges by its header columns, and the reception
//     stamp's date.
//  4. fields → model: this package turns text into numbers and dates and
//     checks them (form number shape, the NIT's check digit, prefix rules,
//     months), reporting failures as [Warning]s on the result.
//
// [ParseText] reads free text through internal/legend instead, and turns
// the facts it returns into the same model. Both paths read numbers, dates
// and names through internal/vocab, so they agree on what a value is.
//
// # Errors
//
// Every failure except a cancelled context and I/O errors is a
// *[ParseError] wrapping one sentinel: [ErrMalformedPDF], [ErrNotPDF],
// [ErrEncrypted], [ErrWrongPassword], [ErrNoText], [ErrNotForm1876],
// [ErrIncomplete], [ErrBadValue] or [ErrLimit]. ErrNotPDF (not a PDF at
// all: empty, or no "%PDF-" header) also matches ErrMalformedPDF, and
// ErrWrongPassword (Options.Password given but wrong) also matches
// ErrEncrypted (no password given), so test the narrower one first. With
// ErrIncomplete, Parse also returns the partial Resolution, so a form can
// be pre-filled; ParseError.Missing names what is missing. A file that
// cannot be read at all ([ParseFile] on a missing file, a directory, a
// file without read permission) returns the *fs.PathError.
//
// # Concurrency
//
// Every function of this package is safe for concurrent use: [Parse],
// [ParseBytes], [ParseReader], [ParseFile], [ParseText], [Legend],
// [ParseDate], [NewDate], [DateOf], [Colombia], [CheckDigit],
// [CheckPrefix] and [LooksLikeFormNumber] keep no state between calls
// (Parse needs its io.ReaderAt to be safe for concurrent ReadAt when
// shared, as *os.File and *bytes.Reader are). The types ([Resolution],
// [Issuer], [Range], [Kind], [Request], [Warning], [WarningCode], [Date],
// [Source], [Options], [ParseError]) are plain data: their methods only read them,
// so values may be shared between goroutines as long as nobody modifies
// them.
//
// # Limits
//
// The input is customers' files: [Options] bounds the input size (20 MiB),
// pages (10), decompressed bytes per stream (16 MiB) and per document
// (64 MiB), content operators (2,000,000) and nesting (32). Limits are
// checked before work is done, since nothing recovers from running out of
// memory.
//
// # Notable divergences
//
// Facts about the form come from docs/form-1876.md, tagged [seen], [DIAN] or
// [model]. Where only a [model] guess exists the parser does not rely on it
// alone: values are found by label and by geometry, and rows by their
// header columns or, without a header, by the sequence of cells seen on
// real forms.
//
//   - Scanned PDFs (images, no text layer) are not supported: they fail
//     with ErrNoText. There is no OCR.
//   - The modality codes printed next to box 30 are known only for
//     electronic invoices (1) and support documents (6); the Kind comes from
//     the printed name, and the code is only cross-checked for those two.
//   - The validity end is the stamp date plus the months, clamped to the
//     month's end (docs/form-1876.md §3, the clamp is [model]); a printed end date
//     wins.
package resolution
