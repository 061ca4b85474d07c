package layouts

import (
	"math/rand/v2"
	"slices"

	"github.com/dianres/dianres/internal/fixturegen"
)

// Alignment of a value in its cell, or of a table column.
type Align int

// Alignments.
const (
	AlignLeft Align = iota
	AlignRight
	AlignCenter
)

// String returns the alignment's name as the truth's "_variant" note writes it.
func (a Align) String() string { return [...]string{"left", "right", "center"}[a] }

// Placement of a value relative to its label.
type Placement int

// Placements.
const (
	Below  Placement = iota // label on top, value under it
	Beside                  // value on the label's baseline, to its right
	Above                   // value on top, label under it (signature-line style)
)

// String returns the placement's name as the truth's "_variant" note writes it.
func (p Placement) String() string { return [...]string{"below", "beside", "above"}[p] }

// Rule says what lines are drawn around cells.
type Rule int

// Rules.
const (
	NoRule    Rule = iota // no lines at all
	Boxed                 // a rectangle around every cell
	Underline             // a line under every value (forms filled by hand)
	HLines                // horizontal lines between rows (tables)
)

// String returns the rule's name as the truth's "_variant" note writes it.
func (r Rule) String() string { return [...]string{"none", "boxed", "underline", "hlines"}[r] }

// Numbering says where a label carries its DIAN box number.
type Numbering int

// Numberings.
const (
	NumBefore Numbering = iota // "4. Número de formulario"
	NumAfter                   // "Número de formulario (4)"
	NumNone                    // "Número de formulario"
)

// String returns the numbering's name as the truth's "_variant" note writes it.
func (n Numbering) String() string { return [...]string{"before", "after", "none"}[n] }

// LabelCase is how labels are cased.
type LabelCase int

// Label cases.
const (
	AsPrinted LabelCase = iota
	Upper
	Lower
)

// String returns the case's name as the truth's "_variant" note writes it.
func (c LabelCase) String() string { return [...]string{"as-printed", "upper", "lower"}[c] }

// A Layout is every random choice about how one document is drawn. It is
// drawn by a family from a seeded generator, so a (family, seed) pair
// always gives the same Layout.
type Layout struct {
	Family string
	Letter bool // US Letter paper instead of A4

	// Fonts (our writer) and sizes. The PostScript producer uses
	// Helvetica or Courier instead of the writer's font kinds.
	LabelFont, ValueFont fixturegen.FontKind
	Accents              fixturegen.AccentMode
	PSLabelFont          string // "Helvetica" or "Courier"
	PSValueFont          string
	LabelSize, ValueSize float64

	// Labels.
	Numbering    Numbering
	Case         LabelCase
	NoAccents    bool   // labels printed without accents ("Numero de formulario")
	Colon        bool   // a trailing colon after every label
	Seed         uint64 // per-element choices: each label's wording, each box's alignment
	Shuffle      bool   // content-stream order shuffled (our writer only)
	LabelLines   int    // labels are wrapped to at most this many lines (1–3)
	Title        int    // which page title is printed
	ShuffleBoxes bool   // page-1 boxes in random order, not box order

	// Page-1 cells.
	Columns   int       // most cells on one row
	Place     Placement // value position relative to its label
	Aligns    []Align   // alignments a value may take; each box picks one
	CellRule  Rule      // lines around page-1 cells
	Spaced    bool      // form number, NIT and dates drawn one glyph per box
	SpacedBox bool      // with Spaced: a small rectangle around every glyph
	Gap       float64   // vertical space between rows of cells
	Sep       string    // thousands separator: "," "." "" or "\u00a0"
	Captions  bool      // captions of other areas on value lines, far right
	Furniture bool      // "Hoja 1" / "Página 1 de 2" near the first values

	// Table.
	KindCode     bool    // the modality code column
	RequestCode  bool    // the request code column
	Boxes34      bool    // columns 34–37
	Fill34       string  // what columns 34–37 hold: "", "0" or "N/A"
	ColAligns    []Align // alignments a table column may take
	TableRule    Rule    // Boxed, HLines or NoRule
	WrapKind     bool    // long modality names wrapped over two lines
	SectionTitle bool    // "Detalle de la solicitud" right above the header
	RepeatHeader bool    // header repeated on a continuation page
	RowsPerPage  int     // table rows before a page break; 0 means no forced break
	TableNewPage bool    // the table starts on a new page
	TitleCaseReq bool    // "Autorización" rather than "AUTORIZACIÓN"

	// Stamp.
	StampFormat  int    // index into stampFormats
	StampShape   string // "circle", "rect" or "none"
	StampArc     bool   // rotated text around the stamp
	StampInline  bool   // "Fecha Acuse de Recibo: <date>" on one line
	StampOwnPage bool   // the stamp on a page of its own
	StampLeft    bool   // stamp on the left of the page
}

// Variant returns the layout's choices as the truth file's "_variant" note.
func (l *Layout) Variant(producer string) map[string]any {
	aligns := func(as []Align) []string {
		var s []string
		for _, a := range as {
			s = append(s, a.String())
		}
		return s
	}
	v := map[string]any{
		"producer": producer, "paper": map[bool]string{false: "a4", true: "letter"}[l.Letter],
		"numbering": l.Numbering.String(), "case": l.Case.String(), "label_accents": !l.NoAccents, "colon": l.Colon,
		"label_lines": l.LabelLines, "shuffled": l.ShuffleBoxes, "columns": l.Columns, "place": l.Place.String(),
		"aligns": aligns(l.Aligns), "cell_rule": l.CellRule.String(), "spaced": l.Spaced, "sep": l.Sep,
		"captions": l.Captions, "furniture": l.Furniture, "kind_code": l.KindCode, "request_code": l.RequestCode,
		"boxes34": l.Boxes34, "col_aligns": aligns(l.ColAligns), "table_rule": l.TableRule.String(),
		"wrap_kind": l.WrapKind, "section_title": l.SectionTitle, "repeat_header": l.RepeatHeader,
		"rows_per_page": l.RowsPerPage, "table_new_page": l.TableNewPage, "stamp_format": stampFormats[l.StampFormat].name,
		"stamp_shape": l.StampShape, "stamp_arc": l.StampArc, "stamp_inline": l.StampInline,
	}
	switch producer {
	case Writer:
		v["fonts"] = []string{l.LabelFont.String(), l.ValueFont.String()}
		v["accents"] = []string{"precomposed", "combining", "stripped"}[l.Accents]
	case Chromium:
		f := htmlFontsOf(*l)
		v["fonts"] = f[:]
	default:
		v["fonts"] = []string{l.PSLabelFont, l.PSValueFont}
	}
	if l.Boxes34 {
		v["fill34"] = l.Fill34
	}
	return v
}

// A Family is a region of the layout space: a generator of Layouts that
// share some traits and vary the rest at random.
type Family struct {
	Name string
	Note string // what the region is
	// Person forces natural persons (1), companies (0) or either (-1).
	Person int
	// Rows returns the number of ranges of one document.
	Rows func(rng *rand.Rand) int
	// Layout draws a layout; base has the traits every family varies
	// the same way (fonts, sizes, wording...).
	Layout func(rng *rand.Rand, base Layout) Layout
}

// HeldOut names the families kept for measurement only: nobody develops
// the parser against them, so their score estimates how it does on
// layouts it has not seen. See testdata/layouts/HELDOUT.
var HeldOut = []string{"centered-unruled", "wrapped-labels-persons", "captions-and-furniture"}

// IsHeldOut reports whether family is held out.
func IsHeldOut(family string) bool { return slices.Contains(HeldOut, family) }

func oneToN(n int) func(*rand.Rand) int { return func(rng *rand.Rand) int { return 1 + rng.IntN(n) } }

// Families lists the layout families, development families first.
// Traits exclusive to the held-out families, so that they measure
// generalisation rather than repetition: centred values and columns,
// values above their labels, page-1 labels wrapped over three lines,
// captions and page furniture on value lines, and dates spelled out in
// words.
var Families = []Family{
	{
		Name: "boxed-grid", Note: "ruled cells, label at the top of its box, value under it; digits often one per box; ruled table",
		Person: -1, Rows: oneToN(3),
		Layout: func(rng *rand.Rand, l Layout) Layout {
			l.CellRule, l.Place = Boxed, Below
			l.Columns = 2 + rng.IntN(3)
			l.Aligns = pick(rng, []Align{AlignLeft}, []Align{AlignLeft, AlignRight})
			l.Spaced = chance(rng, 0.6)
			l.SpacedBox = l.Spaced && chance(rng, 0.7)
			l.TableRule = Boxed
			l.ColAligns = []Align{AlignLeft}
			l.LabelLines = 1 + rng.IntN(2)
			l.StampShape = "circle"
			l.StampArc = true
			return l
		},
	},
	{
		Name: "flow-labels-colon", Note: "one 'label: value' per line, values beside their labels, unruled or underlined, boxes in random order",
		Person: -1, Rows: oneToN(4),
		Layout: func(rng *rand.Rand, l Layout) Layout {
			l.Place, l.Colon = Beside, true
			l.Columns = 1 + rng.IntN(2)
			l.CellRule = pick(rng, NoRule, Underline)
			l.Aligns = pick(rng, []Align{AlignLeft}, []Align{AlignRight}, []Align{AlignLeft, AlignRight})
			l.ShuffleBoxes = chance(rng, 0.6)
			l.TableRule = pick(rng, HLines, NoRule)
			l.ColAligns = []Align{AlignLeft, AlignRight}
			l.StampShape = pick(rng, "rect", "none")
			l.StampInline = chance(rng, 0.5)
			return l
		},
	},
	{
		Name: "right-aligned-table", Note: "values right-aligned in their cells, right-aligned table columns, columns 34–37 filled, separators varied",
		Person: -1, Rows: oneToN(5),
		Layout: func(rng *rand.Rand, l Layout) Layout {
			l.Place = pick(rng, Below, Beside)
			l.Columns = 1 + rng.IntN(3)
			l.CellRule = pick(rng, Boxed, NoRule)
			l.Aligns = []Align{AlignRight}
			l.TableRule = pick(rng, Boxed, HLines)
			l.ColAligns = []Align{AlignRight}
			l.Boxes34 = true
			l.Fill34 = pick(rng, "", "0", "N/A")
			l.KindCode = chance(rng, 0.7)
			l.RequestCode = chance(rng, 0.7)
			return l
		},
	},
	{
		Name: "values-below", Note: "unruled or underlined cells, value under its label (labels wrap over two lines), mixed column alignment",
		Person: -1, Rows: oneToN(4),
		Layout: func(rng *rand.Rand, l Layout) Layout {
			l.Place = Below
			l.Columns = 2 + rng.IntN(2)
			l.CellRule = pick(rng, NoRule, Underline)
			l.Aligns = []Align{AlignLeft, AlignRight}
			l.LabelLines = 1 + rng.IntN(2)
			l.TableRule = pick(rng, NoRule, HLines, Boxed)
			l.ColAligns = []Align{AlignLeft, AlignRight}
			l.WrapKind = chance(rng, 0.5)
			return l
		},
	},
	{
		Name: "multi-page-table", Note: "two or three pages: boxes, then a table of four to six rows split over two pages, header repeated or not; stamp after it or on a page of its own",
		Person: -1, Rows: func(rng *rand.Rand) int { return 4 + rng.IntN(3) },
		Layout: func(rng *rand.Rand, l Layout) Layout {
			l.Place = pick(rng, Below, Beside)
			l.Columns = 1 + rng.IntN(3)
			l.CellRule = pick(rng, Boxed, NoRule, Underline)
			l.Aligns = []Align{AlignLeft, AlignRight}
			// Four to six rows, three per page: the table takes two
			// pages, and the document two or three in all.
			l.TableNewPage = chance(rng, 0.6)
			l.RowsPerPage = 3
			l.RepeatHeader = chance(rng, 0.5)
			l.TableRule = pick(rng, Boxed, HLines, NoRule)
			l.ColAligns = []Align{AlignLeft, AlignRight}
			l.StampOwnPage = !l.TableNewPage && chance(rng, 0.5)
			return l
		},
	},
	{
		Name: "centered-unruled", Note: "held out: no lines anywhere, every value and every table column centred, labels upper or lower case",
		Person: -1, Rows: oneToN(4),
		Layout: func(rng *rand.Rand, l Layout) Layout {
			l.Place = pick(rng, Below, Beside)
			l.Columns = 1 + rng.IntN(3)
			l.CellRule = NoRule
			l.Aligns = []Align{AlignCenter}
			l.Case = pick(rng, Upper, Lower, AsPrinted)
			l.TableRule = NoRule
			l.ColAligns = []Align{AlignCenter}
			l.StampShape = pick(rng, "circle", "none")
			return l
		},
	},
	{
		Name: "wrapped-labels-persons", Note: "held out: natural persons, labels wrapped over two or three lines, values above or below them, some name parts empty",
		Person: 1, Rows: oneToN(3),
		Layout: func(rng *rand.Rand, l Layout) Layout {
			l.Place = pick(rng, Above, Below, Above)
			l.Columns = 2 + rng.IntN(3)
			l.CellRule = pick(rng, Boxed, Underline)
			l.Aligns = []Align{AlignLeft, AlignRight, AlignCenter}
			l.LabelLines = 2 + rng.IntN(2)
			l.TableRule = pick(rng, Boxed, HLines)
			l.ColAligns = []Align{AlignLeft, AlignCenter, AlignRight}
			l.WrapKind = true
			return l
		},
	},
	{
		Name: "captions-and-furniture", Note: "held out: captions of other areas and page furniture on value lines, section titles over the table, dates in words",
		Person: -1, Rows: oneToN(6),
		Layout: func(rng *rand.Rand, l Layout) Layout {
			l.Place = Beside
			l.Columns = 1
			l.Captions, l.Furniture, l.SectionTitle = true, true, true
			l.CellRule = pick(rng, NoRule, Underline, Boxed)
			l.Aligns = []Align{AlignLeft, AlignRight}
			l.TableRule = pick(rng, Boxed, HLines)
			l.ColAligns = []Align{AlignLeft, AlignRight}
			l.StampShape = "circle"
			l.StampArc = true
			l.StampFormat = pick(rng, stampWords...)
			l.TableNewPage = chance(rng, 0.5)
			return l
		},
	},
}

// FamilyByName returns the family called name.
func FamilyByName(name string) (Family, bool) {
	for _, f := range Families {
		if f.Name == name {
			return f, true
		}
	}
	return Family{}, false
}

// baseLayout draws the traits every family varies the same way.
func baseLayout(rng *rand.Rand, family string) Layout {
	fonts := []fixturegen.FontKind{fixturegen.FontType0, fixturegen.FontTrueType, fixturegen.FontHelvetica, fixturegen.FontType3}
	l := Layout{
		Family:       family,
		Letter:       chance(rng, 0.3),
		LabelFont:    pick(rng, fonts...),
		ValueFont:    pick(rng, fonts...),
		Accents:      pick(rng, fixturegen.AccentPrecomposed, fixturegen.AccentPrecomposed, fixturegen.AccentCombining, fixturegen.AccentStripped),
		PSLabelFont:  pick(rng, "Helvetica", "Helvetica", "Courier"),
		PSValueFont:  pick(rng, "Helvetica", "Courier"),
		LabelSize:    pick(rng, 5.5, 6, 6.5, 7, 8),
		ValueSize:    pick(rng, 7.0, 8, 9, 10),
		Numbering:    pick(rng, NumBefore, NumBefore, NumAfter, NumNone),
		Case:         pick(rng, AsPrinted, AsPrinted, Upper),
		NoAccents:    chance(rng, 0.2),
		Colon:        chance(rng, 0.3),
		Seed:         rng.Uint64(),
		Shuffle:      chance(rng, 0.5),
		LabelLines:   1,
		Title:        rng.IntN(3),
		Columns:      2,
		Aligns:       []Align{AlignLeft},
		Gap:          pick(rng, 2.0, 4, 8),
		Sep:          pick(rng, ",", ",", ".", "", "\u00a0"),
		KindCode:     chance(rng, 0.8),
		RequestCode:  chance(rng, 0.7),
		Boxes34:      chance(rng, 0.4),
		Fill34:       "",
		ColAligns:    []Align{AlignLeft},
		TableRule:    Boxed,
		TitleCaseReq: chance(rng, 0.2),
		StampFormat:  pick(rng, stampNumeric...),
		StampShape:   pick(rng, "circle", "circle", "rect", "none"),
		StampArc:     chance(rng, 0.5),
		StampLeft:    chance(rng, 0.3),
		TableNewPage: chance(rng, 0.7),
		SectionTitle: chance(rng, 0.4),
	}
	// Helvetica and Type3 fonts have no glyph for a no-break space in
	// the writer's encoding: it would print as '?'.
	if l.Sep == "\u00a0" && (l.ValueFont == fixturegen.FontHelvetica || l.ValueFont == fixturegen.FontType3) {
		l.Sep = " "
	}
	return l
}
