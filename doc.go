// Package dianres reads DIAN numbering authorizations (formato 1876,
// "Autorización numeración de facturación") and keeps Colombian invoice
// numbering legal. The module has three packages, used in this order:
//
//   - [github.com/dianres/dianres/resolution] parses a formato 1876 PDF, or
//     a free-text legend, into a typed Resolution (number, issuer, ranges,
//     validity) and writes the legend invoices must print.
//   - [github.com/dianres/dianres/validate] checks invoice numbers against
//     the resolution's ranges (range, validity, disabled ranges, ambiguous
//     prefixes) and audits everything issued: duplicates, gaps, remaining
//     numbers, days left.
//   - [github.com/dianres/dianres/prefix] checks prefix rules and prefix
//     association against DIAN's GetNumberingRange answer and the invoice
//     XML, with DIAN's rule codes (FAD05e, FAB05b…FAB12b).
//
// The parser's stages live in internal packages, one job each:
// internal/pdfsyntax (one lexer), internal/pdfrepair (bytes → PDF objects,
// damaged or encrypted), internal/pdftext (PDF → positioned glyphs → words,
// lines and ruling lines), internal/form (words → labels, candidate values,
// table columns and the stamp's date, cross-checked by a second reading of
// the text in reading order); resolution turns fields into the checked
// model and keeps where each value came from. Free
// text goes through internal/legend (a legend → neutral facts) instead.
// Both readers take how numbers, dates and names are written from one
// vocabulary, internal/vocab.
//
// The command examples/dianres wraps all three packages.
//
// What is known of the form, and from which source, is in
// docs/form-1876.md.
//
// Known limits: scanned PDFs without a text layer are not read (no OCR);
// the 1876 layout is known from public descriptions, not from DIAN's
// specification, so values are found by label and geometry rather than by
// fixed positions, and a value the reader is unsure of is reported missing
// rather than guessed; no DIAN web service is called.
package dianres
