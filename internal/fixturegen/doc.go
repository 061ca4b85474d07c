// Package fixturegen builds the synthetic formato 1876 PDFs under
// testdata, and the goldens that say what a correct parser reads from
// them. Goldens come from the generator's input ([Spec]), never from
// running the parser.
//
// # What it writes
//
// A small PDF writer of its own ([Doc]): classic, stream or hybrid
// (/XRefStm) cross-reference tables, object streams, Flate and other
// filters (filter arrays, PNG and TIFF predictors, pass-through
// /DCTDecode images), RC4 and AES encryption, and four font paths (Type0
// CID with an embedded TrueType subset, simple TrueType with
// WinAnsiEncoding, standard-14 Helvetica with /Differences, Type3 with
// path glyphs). The stamp can be page content or a /Stamp annotation's
// appearance stream, and resources can be inherited from /Pages. The form layout is our reconstruction of
// DIAN's (docs/form-1876.md §2, [model]): page 1 holds boxes 1–12, page 2 the
// ranges table and the circular reception stamp.
//
// Output is deterministic: fixed seeds, fixed file identifiers, no
// timestamps, so regenerating gives identical bytes.
//
// # Limits
//
// The layout is a guess, not a copy of a real 1876: parsers must be
// tested against real (redacted) files too. The fonts are copies of
// Debian's DejaVu Sans and Liberation Sans in fonts/, embedded so that
// regeneration is byte-identical on any machine.
package fixturegen
