// Package form finds the fields of a formato 1876 in positioned text: the
// boxes ("casillas") of page 1, the table of ranges and the DIAN stamp.
//
// Nothing here depends on one arrangement of the page. Every field is
// read in three steps:
//
//  1. Labels are found by their phrases (spec.go), tolerant of case,
//     accents, punctuation, a box number before or after, small typos and
//     wrapping over up to three lines.
//  2. Candidates are proposed around each label (beside it on its line,
//     below or above it in its column) and typed by the recognisers of
//     internal/vocab; each gets a cost from its direction and distance in
//     font-size units.
//  3. Fields are decided jointly: the cheapest candidates first, each word
//     used once, then cross-checks (the DV against the NIT, one form
//     number in the document) that move a field to its runner-up or leave
//     it empty with a note.
//
// The table of ranges is read from a header band of column labels: each
// row's words are aligned to the columns by a monotone assignment that
// respects value types, so a right-aligned "desde" never lands under
// "hasta", and a cell with two numbers is an error, never one number.
//
// A second, independent reading (textread.go) takes the page text in
// reading order, as a text dump prints it, and reads it with patterns.
// Where both readings find a field and agree, nothing changes; where they
// disagree, a Note names the field; a field only the text reading finds is
// taken, with a Note. The parser thus never misses what a text dump plus
// patterns reads, and never hides a disagreement.
//
// Form returns text and where it came from, not typed values: package
// resolution turns the text into the model with the same vocabulary.
package form

import (
	"strings"

	"github.com/dianres/dianres/internal/pdftext"
)

// A Rect is a box on a page, top-left origin, in points.
type Rect struct {
	X0 float64 `json:"x0"`
	Y0 float64 `json:"y0"`
	X1 float64 `json:"x1"`
	Y1 float64 `json:"y1"`
}

// A Field is one value as printed, with where it was found.
type Field struct {
	Text  string // as printed, words joined by single spaces; "" when not found
	Page  int    // 1-based page; 0 when not found
	Box   int    // DIAN box number, when the field has one
	Label string // the label the value was read by, as printed
	Found bool   // the label (or the value's pattern) was found, even if the value is empty
	Rect  Rect   // the value's bounding box
	How   string // how it was found: "beside", "below", "above", "before", "column", "heading", "prose", "pattern", "stamp", "text"
	// RunnerUp is the next-best candidate's text, when there was one.
	RunnerUp string
	// Near is what was printed near the label when no value was accepted,
	// so a person knows where to look.
	Near string
	// Conflict says why a value was refused (e.g. two numbers in one cell).
	Conflict string
	// Agreed is true when the text reading found the same value.
	Agreed bool
}

// A Row is one row of the table of ranges, cell by cell.
type Row struct {
	Page        int
	Kind        Field // box 30 "Modalidad": the name, e.g. "FACTURA ELECTRÓNICA DE VENTA"
	KindCode    Field // the modality's numeric code printed beside its name
	Prefix      Field // box 31 "Prefijo"
	From        Field // box 32 "Desde el número"
	To          Field // box 33 "Hasta el número"
	Months      Field // box 38 "Vigencia" in months
	Request     Field // "Tipo de solicitud": AUTORIZACIÓN, HABILITACIÓN, INHABILITACIÓN
	RequestCode Field
	ValidFrom   Field // a start date printed in the row, if any
	ValidTo     Field // an end date printed in the row, if any

	line  int    // the row's data line on its page, for the text reading
	cites string // the form number the row is printed under, if any (see others.go)
}

// A Note is something the reader noticed about a field: a disagreement
// between two readings, a value moved to its runner-up by a check.
type Note struct {
	Field   string // the field's name, e.g. "dv" or "ranges[1].to"
	Page    int
	Box     int
	Message string
}

// Fields is everything read off a document.
type Fields struct {
	Title        bool  // "Autorización numeración de facturación" was printed
	Model1876    bool  // the form model "1876" was printed as such
	Number       Field // box 4 "Número de formulario"
	NIT          Field // box 5
	DV           Field // box 6
	Surname1     Field // box 7 "Primer apellido"
	Surname2     Field // box 8 "Segundo apellido"
	GivenName    Field // box 9 "Primer nombre"
	OtherNames   Field // box 10 "Otros nombres"
	BusinessName Field // box 11 "Razón social"
	Year         Field // box 1 "Año"
	TableHeader  bool  // the header of the table of ranges was found
	Rows         []Row
	StampDate    Field // the date of the stamp's "Fecha Acuse de Recibo"
	// MissedRows counts lines that look like rows of the table but were
	// not read as rows: the ranges read are not all the form holds.
	MissedRows int
	// MissedAmongRows is set when a line that looks like a row but was not
	// read stands before a row that was: the rows read may not be the
	// form's first ones, in order.
	MissedAmongRows bool
	// NameOrphans are runs of text among boxes 7–10 that no field took
	// and that read as a name.
	NameOrphans []string
	// NameDisorder says why the parts of a person's name read may belong
	// to other boxes (their values stand in another order than their
	// labels); "" when they are in order.
	NameDisorder string
	Notes        []Note

	// lost holds lines under a table's header that align as rows but
	// that the table's reading stopped short of; checkRowCount counts
	// those no reading took.
	lost []lineAt
	// leftOut holds the lines of rows left out: another authorization's,
	// or a copy's.
	leftOut []lineAt
}

// ownNumber is the form's number as read, without the spaces of digits
// letter-spaced one per box; "" when unread.
func (f *Fields) ownNumber() string { return strings.ReplaceAll(f.Number.Text, " ", "") }

func (f *Fields) note(field string, page, box int, msg string) {
	f.Notes = append(f.Notes, Note{Field: field, Page: page, Box: box, Message: msg})
}

// Read finds the fields on pages, which are in page order. When that
// leaves something unread, a page set as two columns side by side is
// read split as well (see splitColumns), and the better reading is
// returned: the one that finds more and doubts less, or at a tie the
// split one when it reads everything.
func Read(pages []*pdftext.Page) Fields {
	f := read(pages)
	if f.whole() {
		return f
	}
	if split, from := splitColumns(pages); split != nil {
		if g := read(split); g.score() > f.score() || g.whole() && g.score() == f.score() {
			g.mapPages(from)
			g.note("", 0, 0, "pages read as two columns side by side")
			return g
		}
	}
	return f
}

// read finds the fields on pages, each read as one.
func read(pages []*pdftext.Page) Fields {
	var f Fields
	idx := make([]*page, len(pages))
	for i, p := range pages {
		idx[i] = newPage(p)
	}
	abbrev := abbreviations(idx)
	for _, pg := range idx {
		f.Title = f.Title || pg.hasTitle()
		f.Model1876 = f.Model1876 || pg.hasModel()
		pg.abbrev = abbrev
	}
	readTables(idx, &f)
	readBoxes(idx, &f)
	dropOtherAuthorizations(idx, &f)
	readStampDate(idx, &f)
	reconcile(idx, &f)
	readProse(idx, &f)
	dropCopies(&f)
	crossCheck(idx, &f)
	for _, pg := range idx {
		pg.release()
	}
	return f
}
