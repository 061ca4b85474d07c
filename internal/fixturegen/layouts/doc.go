// Package layouts generates formato 1876 PDFs from a wide, random space
// of layouts, to measure how a parser generalises beyond the layouts it
// was developed against (issue 10).
//
// # Families and held-out families
//
// A [Layout] is every choice about how one document is drawn: where each
// box sits and in what order, how its label is worded (box number before,
// after or missing; case; accents; colon; wrapped over one to three
// lines), whether its value sits beside, below or above the label and how
// it is aligned, which cells are ruled, which extra table columns exist,
// how thousands are separated, how many pages the table spans, how the
// reception stamp and its date are printed, and the fonts and sizes.
// [Families] groups the space into regions, each a generator of Layouts
// that share some traits and draw the rest at random. Three of them,
// listed in [HeldOut], are for measurement only: see testdata/layouts/HELDOUT.
//
// The values printed ([Data]: form number, NIT with a correct DIAN
// modulo-11 DV, company or natural person, one to six ranges of every
// modality and request type, month-end reception dates) are drawn from
// the same seed, and the truth ([Truth]) is derived from them, never from
// running the parser.
//
// # Producers
//
// Each document is drawn through one drawing routine onto one of two
// surfaces: fixturegen's own PDF writer ([fixturegen.Sheet]), whose bytes
// are reproducible, or PostScript that Ghostscript's ps2pdf turns into a
// PDF at generation time. cmd/genlayouts writes both into
// testdata/layouts; cmd/scorelayouts scores the parser on them with
// [Score].
//
// # Limits
//
// The layouts are inventions around docs/form-1876.md's facts, not copies of
// real forms: a parser that does well here can still fail on a real
// 1876. Fonts are the two embedded in fixturegen (DejaVu Sans and
// Liberation Sans) for the writer, and Helvetica or Courier for
// Ghostscript. Nothing checks that drawn text never overlaps; the cell
// and table sizing is meant to prevent it.
package layouts
