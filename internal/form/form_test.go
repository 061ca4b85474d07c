package form

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/internal/pdftext"
	"github.com/dianres/dianres/internal/vocab"
)

// boxes are page-1 arrangements of the same facts: number 18764081810977,
// NIT 900123456, DV 8, company ACME ANDINA S.A.S. Each must read the same.
func TestReadBoxesInManyArrangements(t *testing.T) {
	for _, tc := range []struct {
		name string
		runs []at
	}{
		{"values beside their labels", []at{
			lbl(40, 100, "4.|Número|de|formulario"), {x: 150, y: 100, text: "18764081810977"},
			lbl(40, 120, "5.|NIT"), {x: 150, y: 120, text: "900123456"}, lbl(300, 120, "6.|DV"), {x: 330, y: 120, text: "8"},
			lbl(40, 140, "11.|Razón|social"), {x: 150, y: 140, text: "ACME|ANDINA|S.A.S."},
		}},
		{"values below, left-aligned", []at{
			lbl(40, 100, "4.|Número|de|formulario"), {x: 40, y: 112, text: "18764081810977"},
			lbl(40, 140, "5.|Número|de|Identificación|Tributaria|(NIT)"), lbl(300, 140, "6.|DV"),
			{x: 40, y: 152, text: "900123456"}, {x: 300, y: 152, text: "8"},
			lbl(40, 180, "11.|Razón|social"), {x: 40, y: 192, text: "ACME|ANDINA|S.A.S."},
		}},
		{"values below, centred under wide boxes", []at{
			lbl(40, 100, "4.|Número|de|formulario"), {x: 60, y: 112, text: "18764081810977"},
			lbl(40, 140, "5.|NIT"), lbl(300, 140, "6.|DV"),
			{x: 110, y: 152, text: "900123456"}, {x: 310, y: 152, text: "8"},
			lbl(40, 180, "11.|Razón|social"), {x: 120, y: 192, text: "ACME|ANDINA|S.A.S."},
		}},
		{"values above their labels", []at{
			{x: 40, y: 100, text: "18764081810977"}, lbl(40, 110, "4.|Número|de|formulario"),
			{x: 40, y: 140, text: "900123456"}, {x: 300, y: 140, text: "8"},
			lbl(40, 150, "5.|NIT"), lbl(300, 150, "6.|DV"),
			{x: 40, y: 180, text: "ACME|ANDINA|S.A.S."}, lbl(40, 190, "11.|Razón|social"),
		}},
		{"labels wrapped over three lines, box number after", []at{
			lbl(40, 100, "Número|de"), lbl(40, 107, "formulario"), lbl(40, 114, "(4)"), {x: 40, y: 126, text: "18764081810977"},
			lbl(40, 150, "Número|de"), lbl(40, 157, "Identificación"), lbl(40, 164, "Tributaria|(5)"), lbl(300, 150, "DV|(6)"),
			{x: 40, y: 176, text: "900123456"}, {x: 300, y: 176, text: "8"},
			lbl(40, 200, "Razón|social"), lbl(40, 207, "del|solicitante|(11)"), {x: 40, y: 219, text: "ACME|ANDINA|S.A.S."},
		}},
		{"other wordings, capitals, colons, no accents", []at{
			lbl(40, 100, "NO.|DE|FORMULARIO:"), {x: 150, y: 100, text: "18764081810977"},
			lbl(40, 120, "NIT:"), {x: 150, y: 120, text: "900.123.456"}, lbl(300, 120, "DIGITO|DE|VERIFICACION:"), {x: 400, y: 120, text: "8"},
			lbl(40, 140, "NOMBRE|O|RAZON|SOCIAL:"), {x: 150, y: 140, text: "ACME|ANDINA|S.A.S."},
		}},
		{"captions of other areas on the values' lines", []at{
			lbl(40, 100, "4.|Número|de|formulario"), lbl(400, 100, "Espacio|reservado|para|la|DIAN"),
			{x: 40, y: 112, text: "18764081810977"}, lbl(400, 112, "Sello|de|recibido"),
			lbl(40, 140, "5.|NIT"), lbl(300, 140, "6.|DV"),
			{x: 40, y: 152, text: "900123456"}, {x: 300, y: 152, text: "8"}, lbl(400, 152, "Uso|exclusivo|DIAN"),
			lbl(40, 180, "11.|Razón|social"), {x: 40, y: 192, text: "ACME|ANDINA|S.A.S."},
			lbl(500, 780, "Hoja|1"),
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := Read([]*pdftext.Page{pageOf(1, tc.runs...)})
			assert.Equal(t, "18764081810977", f.Number.Text, "number")
			assert.Equal(t, "8", f.DV.Text, "dv")
			assert.Contains(t, []string{"900123456", "900.123.456"}, f.NIT.Text, "nit")
			assert.Equal(t, "ACME ANDINA S.A.S.", f.BusinessName.Text, "name")
		})
	}
}

// A natural person's boxes 7-10, one of them empty: the empty box stays
// empty rather than taking a neighbour's value.
func TestReadPersonWithAnEmptyBox(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1,
		lbl(40, 100, "7.|Primer|apellido"), lbl(160, 100, "8.|Segundo|apellido"),
		lbl(280, 100, "9.|Primer|nombre"), lbl(400, 100, "10.|Otros|nombres"),
		at{x: 40, y: 112, text: "PÉREZ"}, at{x: 280, y: 112, text: "JOSÉ"}, at{x: 400, y: 112, text: "MARÍA"},
		lbl(40, 140, "11.|Razón|social"),
	)})
	assert.Equal(t, "PÉREZ", f.Surname1.Text)
	assert.Empty(t, f.Surname2.Text)
	assert.True(t, f.Surname2.Found)
	assert.Equal(t, "JOSÉ", f.GivenName.Text)
	assert.Equal(t, "MARÍA", f.OtherNames.Text)
	assert.Empty(t, f.BusinessName.Text)
}

// header is a table header with boxes 30-38 and codes; x positions are
// the left edges of the column labels.
func header(y float64) []at {
	return []at{
		lbl(40, y, "30.|Modalidad"), lbl(170, y, "Cód."), lbl(200, y, "31.|Prefijo"),
		lbl(250, y, "32.|Desde|el|número"), lbl(330, y, "33.|Hasta|el|número"),
		lbl(410, y, "38.|Vigencia"), lbl(410, y+7, "(meses)"), lbl(460, y, "Tipo|de|solicitud"), lbl(540, y, "Cód."),
	}
}

func TestReadTableAlignments(t *testing.T) {
	type want struct{ kind, prefix, from, to, months, request string }
	for _, tc := range []struct {
		name string
		rows []at
		want []want
	}{
		{"left-aligned under their headers", []at{
			{x: 40, y: 120, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, {x: 170, y: 120, text: "1"}, {x: 200, y: 120, text: "FE"},
			{x: 250, y: 120, text: "1"}, {x: 330, y: 120, text: "1,000"}, {x: 410, y: 120, text: "24"}, {x: 460, y: 120, text: "AUTORIZACIÓN"}, {x: 540, y: 120, text: "1"},
		}, []want{{"FACTURA ELECTRÓNICA DE VENTA", "FE", "1", "1,000", "24", "AUTORIZACIÓN"}}},
		{"numbers right-aligned to the headers' right edges", []at{
			{x: 40, y: 120, text: "DOCUMENTO|SOPORTE"}, right(178, 120, "6"), {x: 200, y: 120, text: "DS"},
			right(318, 120, "1"), right(400, 120, "2,000"), right(450, 120, "12"), {x: 460, y: 120, text: "AUTORIZACIÓN"}, right(560, 120, "1"),
		}, []want{{"DOCUMENTO SOPORTE", "DS", "1", "2,000", "12", "AUTORIZACIÓN"}}},
		{"an empty prefix and a wrapped modality", []at{
			{x: 40, y: 120, text: "DOCUMENTO|EQUIVALENTE"}, {x: 170, y: 120, text: "5"},
			{x: 250, y: 120, text: "5,001"}, {x: 330, y: 120, text: "10,000"}, {x: 410, y: 120, text: "6"}, {x: 460, y: 120, text: "HABILITACIÓN"}, {x: 540, y: 120, text: "2"},
			{x: 40, y: 130, text: "ELECTRÓNICO"},
			{x: 40, y: 150, text: "TALONARIO|O|DE|PAPEL"}, {x: 170, y: 150, text: "2"}, {x: 200, y: 150, text: "P1"},
			{x: 250, y: 150, text: "1"}, {x: 330, y: 150, text: "500"}, {x: 410, y: 150, text: "24"}, {x: 460, y: 150, text: "INHABILITACIÓN"}, {x: 540, y: 150, text: "3"},
		}, []want{
			{"DOCUMENTO EQUIVALENTE ELECTRÓNICO", "", "5,001", "10,000", "6", "HABILITACIÓN"},
			{"TALONARIO O DE PAPEL", "P1", "1", "500", "24", "INHABILITACIÓN"},
		}},
		{"thousands grouped with spaces", []at{
			{x: 40, y: 120, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, {x: 170, y: 120, text: "1"}, {x: 200, y: 120, text: "FE"},
			{x: 250, y: 120, text: "990|000|000"}, {x: 330, y: 120, text: "995|000|000"}, {x: 410, y: 120, text: "24"}, {x: 460, y: 120, text: "AUTORIZACIÓN"}, {x: 540, y: 120, text: "1"},
		}, []want{{"FACTURA ELECTRÓNICA DE VENTA", "FE", "990 000 000", "995 000 000", "24", "AUTORIZACIÓN"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			runs := append(header(100), tc.rows...)
			f := Read([]*pdftext.Page{pageOf(2, runs...)})
			require.True(t, f.TableHeader)
			require.Len(t, f.Rows, len(tc.want))
			for i, w := range tc.want {
				r := f.Rows[i]
				got := want{r.Kind.Text, r.Prefix.Text, r.From.Text, r.To.Text, r.Months.Text, r.Request.Text}
				assert.Equal(t, w, got, "row %d", i)
			}
		})
	}
}

// A cell that holds two numbers is an error for that cell, never a joined
// number: the layout reading refuses the row, and the text order, which
// reads "1" and "2,000" as the two bounds a text dump would, supplies them
// with a note that names the fields.
func TestTwoNumbersInOneCellAreNotJoined(t *testing.T) {
	runs := append(header(100),
		at{x: 40, y: 120, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, at{x: 170, y: 120, text: "1"}, at{x: 200, y: 120, text: "FE"},
		at{x: 330, y: 120, text: "1"}, at{x: 350, y: 120, text: "2,000"}, at{x: 410, y: 120, text: "24"}, at{x: 460, y: 120, text: "AUTORIZACIÓN"})
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 1)
	r := f.Rows[0]
	assert.NotEqual(t, "12,000", r.To.Text)
	assert.Equal(t, []string{"1", "2,000", "text", "text"}, []string{r.From.Text, r.To.Text, r.From.How, r.To.How})
	require.NotEmpty(t, f.Notes)
	assert.Equal(t, "ranges[0].from", f.Notes[0].Field)
	assert.Equal(t, 32, f.Notes[0].Box)
}

func TestStampDateFormats(t *testing.T) {
	for text, want := range map[string]string{
		"2024-10-19|/|11:38:26|AM":     "2024-10-19",
		"19/10/2024|11:38":             "2024-10-19",
		"19|de|octubre|de|2024":        "2024-10-19",
		"2|0|2|4|-|1|0|-|1|9":          "2024-10-19",
		"19-oct-2024|11:38:26":         "2024-10-19",
		"octubre|19|de|2024,|11:38|AM": "2024-10-19",
		"1º|de|octubre|de|2024":        "2024-10-01",
	} {
		f := Read([]*pdftext.Page{pageOf(2, lbl(400, 200, "Fecha|Acuse|de|Recibo"), at{x: 400, y: 215, text: text})})
		assert.Equal(t, want, f.StampDate.Text, text)
	}
}

// The stamp's date is the one near its words, not another date of the
// page, even one printed with a time; its caption may wrap.
func TestStampDateIsTheOneNearTheStamp(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(2,
		lbl(40, 60, "Fecha|de|impresión:"), at{x: 120, y: 60, text: "2025-01-02|09:15"},
		lbl(400, 300, "Fecha|Acuse"), lbl(400, 307, "de|Recibo"), at{x: 400, y: 322, text: "2024-10-19|/|11:38:26|AM"}, lbl(420, 337, "Firmado"),
	)})
	assert.Equal(t, "2024-10-19", f.StampDate.Text)
	assert.Equal(t, "2025-01-02", f.StampDate.RunnerUp)
}

// The RUT (formulario 001) shares box labels with the 1876; its "Número de
// formulario" is not a 1876 number, and it has no title or table.
func TestAnotherDIANFormIsNotEvidence(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1,
		at{x: 40, y: 40, text: "Formulario|del|Registro|Único|Tributario", size: 13},
		lbl(40, 100, "4.|Número|de|formulario"), at{x: 40, y: 112, text: "14198765432101"},
		lbl(40, 140, "5.|Número|de|Identificación|Tributaria|(NIT)"), at{x: 40, y: 152, text: "901234567"},
	)})
	assert.False(t, f.Title)
	assert.False(t, f.TableHeader)
	assert.Empty(t, f.Number.Text, "a number that does not start with 1876 is not a form number")
}

// Rows that look like ranges but could not be read are counted, so a short
// list of ranges is never returned as if it were complete; a row the
// layout reading did not reach but the text order reads whole is taken,
// with a note.
func TestLostRowsAreCountedOrReadFromTheText(t *testing.T) {
	runs := append(header(100),
		at{x: 40, y: 120, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, at{x: 170, y: 120, text: "1"}, at{x: 200, y: 120, text: "FE"},
		at{x: 250, y: 120, text: "1"}, at{x: 330, y: 120, text: "1,000"}, at{x: 410, y: 120, text: "24"}, at{x: 460, y: 120, text: "AUTORIZACIÓN"},
		lbl(40, 300, "Firma|del|solicitante"),
		// Rows printed far below the table, after the signature line: one
		// whole, one whose modality is unreadable.
		at{x: 40, y: 400, text: "DOCUMENTO|SOPORTE"}, at{x: 200, y: 400, text: "DS"}, at{x: 250, y: 400, text: "1"},
		at{x: 330, y: 400, text: "500"}, at{x: 410, y: 400, text: "12"}, at{x: 460, y: 400, text: "AUTORIZACIÓN"},
		at{x: 40, y: 500, text: "XXXXXXX"}, at{x: 250, y: 500, text: "1"}, at{x: 330, y: 500, text: "900"}, at{x: 460, y: 500, text: "AUTORIZACIÓN"})
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 2)
	r := f.Rows[1]
	assert.Equal(t, []string{"DOCUMENTO SOPORTE", "DS", "1", "500", "12"}, []string{r.Kind.Text, r.Prefix.Text, r.From.Text, r.To.Text, r.Months.Text})
	assert.Equal(t, "text", r.From.How)
	assert.NotEmpty(t, f.Notes, "a row read from the text alone is noted")
	assert.Equal(t, 1, f.MissedRows, "the unreadable one is counted")
}

// A person's four name boxes in a row, their labels wrapped over up to
// three lines, the values below or above them.
func TestReadPersonWithWrappedLabels(t *testing.T) {
	labels := func(y float64) []at {
		return []at{
			lbl(40, y, "7."), lbl(40, y+7, "Primer"), lbl(40, y+14, "apellido"),
			lbl(160, y, "8."), lbl(160, y+7, "Segundo"), lbl(160, y+14, "apellido"),
			lbl(280, y, "9.|Primer"), lbl(280, y+7, "nombre"),
			lbl(400, y, "10.|Otros"), lbl(400, y+7, "nombres"),
		}
	}
	values := func(y float64) []at {
		return []at{{x: 40, y: y, text: "OSPINA"}, {x: 160, y: y, text: "PEÑA"}, {x: 280, y: y, text: "ANDRÉS"}, {x: 400, y: y, text: "MARÍA"}}
	}
	for name, runs := range map[string][]at{
		"below": append(labels(100), values(128)...),
		"above": append(values(100), labels(110)...),
		"below, centred": append(labels(100), at{x: 60, y: 128, text: "OSPINA"}, at{x: 180, y: 128, text: "PEÑA"},
			at{x: 300, y: 128, text: "ANDRÉS"}, at{x: 420, y: 128, text: "MARÍA"}),
	} {
		f := Read([]*pdftext.Page{pageOf(1, runs...)})
		assert.Equal(t, []string{"OSPINA", "PEÑA", "ANDRÉS", "MARÍA"},
			[]string{f.Surname1.Text, f.Surname2.Text, f.GivenName.Text, f.OtherNames.Text}, name)
	}
}

// Captions of other areas on a row's line and page furniture between rows
// are not values of the table.
func TestTableWithCaptionsAndFurniture(t *testing.T) {
	runs := append(header(100),
		at{x: 40, y: 120, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, at{x: 170, y: 120, text: "1"}, at{x: 200, y: 120, text: "FE"},
		at{x: 250, y: 120, text: "1"}, at{x: 330, y: 120, text: "1,000"}, at{x: 410, y: 120, text: "24"}, at{x: 460, y: 120, text: "AUTORIZACIÓN"},
		lbl(560, 120, "Sello|DIAN"),
		lbl(500, 133, "Hoja|2|de|3"),
		at{x: 40, y: 146, text: "DOCUMENTO|SOPORTE"}, at{x: 170, y: 146, text: "6"}, at{x: 200, y: 146, text: "DS"},
		at{x: 250, y: 146, text: "5,001"}, at{x: 330, y: 146, text: "6,000"}, at{x: 410, y: 146, text: "12"}, at{x: 460, y: 146, text: "HABILITACIÓN"})
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 2)
	for i, want := range [][]string{{"FE", "1", "1,000", "24"}, {"DS", "5,001", "6,000", "12"}} {
		r := f.Rows[i]
		assert.Equal(t, want, []string{r.Prefix.Text, r.From.Text, r.To.Text, r.Months.Text}, "row %d", i)
	}
	assert.Equal(t, "AUTORIZACIÓN", f.Rows[0].Request.Text)
}

// Captions between rows and beside them do not end the table, and a row
// whose modality ends in a word that could be a prefix ("MÁQUINA
// REGISTRADORA POS") keeps its prefix column's value.
func TestTableWithCaptionsBetweenRows(t *testing.T) {
	row := func(y float64, kind, prefix, from, to, months, req string) []at {
		return []at{{x: 40, y: y, text: kind}, {x: 200, y: y, text: prefix}, {x: 250, y: y, text: from},
			{x: 330, y: y, text: to}, {x: 410, y: y, text: months}, {x: 460, y: y, text: req}}
	}
	runs := header(100)
	runs = append(runs, row(120, "FACTURA|ELECTRÓNICA|DE|VENTA", "FE", "1", "1,000", "24", "AUTORIZACIÓN")...)
	runs = append(runs, lbl(40, 132, "Espacio|reservado|para|la|DIAN"))
	runs = append(runs, row(146, "DOCUMENTO|SOPORTE", "DS", "5,001", "6,000", "12", "HABILITACIÓN")...)
	runs = append(runs, lbl(450, 158, "Página|1|de|2"))
	runs = append(runs, row(172, "MÁQUINA|REGISTRADORA", "POS", "1", "500", "6", "AUTORIZACIÓN")...)
	runs = append(runs, lbl(40, 184, "Sello|de|recibido"), lbl(300, 184, "Uso|exclusivo|DIAN"))
	runs = append(runs, row(198, "TALONARIO|O|DE|PAPEL", "P", "7", "90", "18", "INHABILITACIÓN")...)
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 4)
	for i, want := range [][]string{{"FE", "1", "1,000"}, {"DS", "5,001", "6,000"}, {"POS", "1", "500"}, {"P", "7", "90"}} {
		r := f.Rows[i]
		assert.Equal(t, want, []string{r.Prefix.Text, r.From.Text, r.To.Text}, "row %d", i)
		assert.Equal(t, "column", r.From.How, "row %d is read in its columns", i)
	}
	assert.Empty(t, f.Notes)
}

// Two numbers a word space apart but on either side of a ruling line are
// two cells: "1 | 500" is never 1500.
func TestRuledCellsAreNotJoined(t *testing.T) {
	runs := append(header(100),
		at{x: 40, y: 120, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, at{x: 170, y: 120, text: "1"}, at{x: 200, y: 120, text: "FE"},
		right(328, 120, "1"), at{x: 330, y: 120, text: "500"}, at{x: 410, y: 120, text: "24"}, at{x: 460, y: 120, text: "AUTORIZACIÓN"})
	p := pageOf(2, runs...)
	p.Rules = []pdftext.Rule{{X0: 329, Y0: 105, X1: 329, Y1: 125}}
	f := Read([]*pdftext.Page{p})
	require.Len(t, f.Rows, 1)
	assert.NotEqual(t, "1 500", f.Rows[0].To.Text)
	assert.Equal(t, []string{"1", "500"}, []string{f.Rows[0].From.Text, f.Rows[0].To.Text})
}

// One range printed as labelled boxes rather than a table.
func TestReadSingleRangeAsLabelledBoxes(t *testing.T) {
	base := []at{
		lbl(40, 100, "Modalidad:"), {x: 120, y: 100, text: "FACTURA|ELECTRÓNICA|DE|VENTA"},
		lbl(40, 130, "Desde:"), {x: 120, y: 130, text: "1"},
		lbl(40, 145, "Hasta:"), {x: 120, y: 145, text: "5.000"},
		lbl(40, 160, "Vigencia:"), {x: 120, y: 160, text: "12"},
		lbl(40, 175, "Tipo|de|solicitud:"), {x: 120, y: 175, text: "AUTORIZACIÓN"},
	}
	for prefix, want := range map[string]string{"FV": "FV", "FE-1": "FE-1", "": ""} {
		runs := append(base, lbl(40, 115, "Prefijo:"))
		if prefix != "" {
			runs = append(runs, at{x: 120, y: 115, text: prefix})
		}
		f := Read([]*pdftext.Page{pageOf(2, runs...)})
		require.Len(t, f.Rows, 1, prefix)
		r := f.Rows[0]
		assert.Equal(t, []string{"FACTURA ELECTRÓNICA DE VENTA", want, "1", "5.000", "12", "AUTORIZACIÓN"},
			[]string{r.Kind.Text, r.Prefix.Text, r.From.Text, r.To.Text, r.Months.Text, r.Request.Text}, prefix)
		assert.True(t, r.Prefix.Found, "an empty prefix box is a printed, empty prefix")
	}
}

// Leaders and bars drawn as text are neither values nor parts of them.
func TestLeadersAndBarsAreNotValues(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1,
		lbl(40, 100, "Número|de|formulario"), at{x: 130, y: 100, text: "..........|18764081810977"},
		lbl(40, 115, "Razón|social"), at{x: 130, y: 115, text: ".............|ACME|ANDINA|S.A.S."},
	), pageOf(2, append(header(100),
		at{x: 40, y: 120, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, at{x: 165, y: 120, text: "|"}, at{x: 170, y: 120, text: "1"},
		at{x: 195, y: 120, text: "|"}, at{x: 200, y: 120, text: "FE"}, at{x: 245, y: 120, text: "|"}, at{x: 250, y: 120, text: "1"},
		at{x: 325, y: 120, text: "|"}, at{x: 330, y: 120, text: "1,000"}, at{x: 410, y: 120, text: "24"}, at{x: 460, y: 120, text: "AUTORIZACIÓN"})...)})
	assert.Equal(t, "18764081810977", f.Number.Text)
	assert.Equal(t, "ACME ANDINA S.A.S.", f.BusinessName.Text)
	require.Len(t, f.Rows, 1)
	assert.Equal(t, []string{"FE", "1", "1,000"}, []string{f.Rows[0].Prefix.Text, f.Rows[0].From.Text, f.Rows[0].To.Text})
}

// In a column of boxes each value stands under one label and over the
// next; the page is read in the direction whose values stand closer to
// their labels, so an empty box does not take its neighbour's value.
func TestValuesOverTheirLabelsInAColumn(t *testing.T) {
	for name, tc := range map[string]struct {
		runs []at
		want []string
	}{
		"values over labels, box 8 empty": {[]at{
			{x: 40, y: 100, text: "OSPINA"}, lbl(40, 110, "7.|Primer|apellido"),
			lbl(40, 140, "8.|Segundo|apellido"),
			{x: 40, y: 160, text: "ANDRÉS"}, lbl(40, 170, "9.|Primer|nombre"),
			{x: 40, y: 190, text: "MARÍA"}, lbl(40, 200, "10.|Otros|nombres"),
		}, []string{"OSPINA", "", "ANDRÉS", "MARÍA"}},
		"values over labels, captions beside": {[]at{
			{x: 40, y: 100, text: "OSPINA"}, lbl(400, 100, "Espacio|para|la|DIAN"), lbl(40, 110, "7.|Primer|apellido"),
			{x: 40, y: 130, text: "PEÑA"}, lbl(40, 140, "8.|Segundo|apellido"),
			{x: 40, y: 160, text: "ANDRÉS"}, lbl(400, 160, "Sello"), lbl(40, 170, "9.|Primer|nombre"),
			lbl(40, 200, "10.|Otros|nombres"),
		}, []string{"OSPINA", "PEÑA", "ANDRÉS", ""}},
		"values under labels, box 9 empty": {[]at{
			lbl(40, 100, "7.|Primer|apellido"), {x: 40, y: 110, text: "OSPINA"},
			lbl(40, 130, "8.|Segundo|apellido"), {x: 40, y: 140, text: "PEÑA"},
			lbl(40, 160, "9.|Primer|nombre"),
			lbl(40, 190, "10.|Otros|nombres"), {x: 40, y: 200, text: "MARÍA"},
		}, []string{"OSPINA", "PEÑA", "", "MARÍA"}},
	} {
		f := Read([]*pdftext.Page{pageOf(1, tc.runs...)})
		assert.Equal(t, tc.want, []string{f.Surname1.Text, f.Surname2.Text, f.GivenName.Text, f.OtherNames.Text}, name)
	}
}

// The title counts as evidence only as a heading; an invoice's legend that
// names the authorization in a sentence does not make it a 1876.
func TestTitleIsAHeading(t *testing.T) {
	legend := Read([]*pdftext.Page{pageOf(1,
		at{x: 40, y: 60, text: "FACTURA|ELECTRÓNICA|DE|VENTA|No.|FE10", size: 14},
		at{x: 40, y: 700, text: "Autorización|de|numeración|de|facturación|DIAN|No.|18764003567890|del|2023-06-15,|prefijo|FE|del|1|al|1000", size: 7},
	)})
	assert.False(t, legend.Title)
	assert.False(t, legend.Model1876)
	form := Read([]*pdftext.Page{pageOf(1,
		at{x: 40, y: 40, text: "1876", size: 24},
		at{x: 120, y: 40, text: "Autorización|numeración|de|facturación", size: 12},
	)})
	assert.True(t, form.Title)
	assert.True(t, form.Model1876)
}

// The text reading of a row takes the two bounds only where DIAN's column
// order explains every number, and reads a prefix only with a letter.
func TestTextRow(t *testing.T) {
	for line, want := range map[string]*TextRow{
		"FACTURA ELECTRÓNICA DE VENTA  1  FE  1  1,000  24  AUTORIZACIÓN  1":       {Kind: "FACTURA ELECTRÓNICA DE VENTA", Prefix: "FE", PrefixKnown: true, From: "1", To: "1,000", Months: "24", MonthsRead: true, Request: "AUTORIZACIÓN"},
		"DOCUMENTO SOPORTE  6  990 000 000  995 000 000  12  HABILITACIÓN":         {Kind: "DOCUMENTO SOPORTE", From: "990 000 000", To: "995 000 000", Months: "12", MonthsRead: true, Request: "HABILITACIÓN"},
		"TALONARIO O DE PAPEL  2  P1  1  500  N/A  N/A  N/A  N/A  6  AUTORIZACIÓN": {Kind: "TALONARIO O DE PAPEL", Prefix: "P1", PrefixKnown: true, From: "1", To: "500", Months: "6", MonthsRead: true, Request: "AUTORIZACIÓN"},
		// Totals in boxes 34–37: the numbers cannot all be placed.
		"FACTURA ELECTRÓNICA DE VENTA  1  1  500  500  0  500  0  24  AUTORIZACIÓN": nil,
		// No modality, no row.
		"Fecha de generación  1  500  AUTORIZACIÓN": nil,
	} {
		got, ok := textRow(line)
		if want == nil {
			assert.False(t, ok, line)
			continue
		}
		require.True(t, ok, line)
		got.Line = 0
		assert.Equal(t, *want, got, line)
	}
}

// The bucketed index of vertical rules answers as a look at every rule
// would: a line at x between lo and hi that spans height y.
func TestRuleIndexMatchesAScan(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 60 {
		var rs []pdftext.Rule
		for range n {
			x, y0, y1 := float64(rng.IntN(40)), float64(rng.IntN(100)), float64(rng.IntN(100))
			if rng.IntN(4) == 0 {
				rs = append(rs, pdftext.Rule{X0: x, Y0: y0, X1: x + 30, Y1: y0}) // horizontal
				continue
			}
			rs = append(rs, pdftext.Rule{X0: x, Y0: y0, X1: x, Y1: y1})
		}
		ix := newRuleIndex(rs, nil)
		for range 200 {
			lo, hi, y := float64(rng.IntN(50))-5, float64(rng.IntN(50))-5, float64(rng.IntN(100))
			want := false
			for _, r := range rs {
				if !r.Horizontal() && lo <= r.X0 && r.X0 <= hi && min(r.Y0, r.Y1) <= y && y <= max(r.Y0, r.Y1) {
					want = true
				}
			}
			require.Equal(t, want, ix.between(lo, hi, y), "%d rules, x in [%v, %v], y %v", n, lo, hi, y)
		}
	}
}

// Read reuses its pages' memory for the next pages it reads (pagePool):
// nothing it returns may live in that memory.
func TestReadResultsOutliveTheirPages(t *testing.T) {
	first := []at{
		lbl(40, 100, "4.|Número|de|formulario"), {x: 150, y: 100, text: "18764081810977"},
		lbl(40, 120, "5.|NIT"), {x: 150, y: 120, text: "900123456"}, lbl(300, 120, "6.|DV"), {x: 330, y: 120, text: "8"},
		lbl(40, 140, "11.|Razón|social"), {x: 150, y: 140, text: "ACME|ANDINA|S.A.S."},
		lbl(40, 160, "7.|Primer|apellido"), {x: 150, y: 160, text: "PÉREZ"}, {x: 250, y: 175, text: "SUELTO"},
	}
	other := []at{
		lbl(40, 100, "4.|Número|de|formulario"), {x: 150, y: 100, text: "18769999999999"},
		lbl(40, 120, "5.|NIT"), {x: 150, y: 120, text: "800999999"}, lbl(300, 120, "6.|DV"), {x: 330, y: 120, text: "3"},
		lbl(40, 140, "11.|Razón|social"), {x: 150, y: 140, text: "OTRA|EMPRESA|LTDA"},
		lbl(40, 160, "7.|Primer|apellido"), {x: 150, y: 160, text: "GÓMEZ"}, {x: 250, y: 175, text: "OTRO"},
	}
	got := Read([]*pdftext.Page{pageOf(1, first...)})
	want := fmt.Sprintf("%#v", got)
	require.Equal(t, "18764081810977", got.Number.Text)
	for range 5 {
		Read([]*pdftext.Page{pageOf(1, other...), pageOf(2, first...)})
	}
	assert.Equal(t, want, fmt.Sprintf("%#v", got))
}

// A right-aligned modality that wraps may reach past the left edge of its
// narrow header, out of the table's extent: its second line still belongs
// to the cell whose right edge it shares.
func TestWrappedCellPastItsHeader(t *testing.T) {
	runs := []at{
		lbl(125, 100, "30.|Modalidad"), lbl(170, 100, "Cód."), lbl(200, 100, "31.|Prefijo"),
		lbl(250, 100, "32.|Desde|el|número"), lbl(330, 100, "33.|Hasta|el|número"),
		lbl(410, 100, "38.|Vigencia"), lbl(460, 100, "Tipo|de|solicitud"), lbl(540, 100, "Cód."),
		right(165, 120, "DOCUMENTO"), right(165, 130, "EQUIVALENTE|ELECTRÓNICO"),
		{x: 170, y: 120, text: "5"}, {x: 200, y: 120, text: "DE"}, {x: 250, y: 120, text: "1"},
		{x: 330, y: 120, text: "5,000"}, {x: 410, y: 120, text: "12"}, {x: 460, y: 120, text: "AUTORIZACIÓN"}, {x: 540, y: 120, text: "1"},
	}
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 1)
	r := f.Rows[0]
	assert.Equal(t, []string{"DOCUMENTO EQUIVALENTE ELECTRÓNICO", "DE", "1", "5,000"}, []string{r.Kind.Text, r.Prefix.Text, r.From.Text, r.To.Text})
}

// A box number after its label may carry the label's colon: "Año (1):".
// "Año" is a label only with its box number or a colon, so without the
// number read it would be a stray word, and the box above would seem to
// hold it.
func TestBoxNumberAfterTheLabelWithAColon(t *testing.T) {
	runs := []at{
		lbl(42, 100, "Primer|apellido|(7):"), {x: 500, y: 100, text: "ARIZA"},
		lbl(42, 115, "Primer|Nombre|(9):"), {x: 500, y: 115, text: "JULIAN"},
		lbl(42, 130, "Otros|nombres|(10):"),
		lbl(42, 145, "Año|(1):"), {x: 76, y: 145, text: "2021"},
	}
	f := Read([]*pdftext.Page{pageOf(1, runs...)})
	assert.Equal(t, "2021", f.Year.Text)
	assert.Equal(t, 1, f.Year.Box)
	assert.Equal(t, 10, f.OtherNames.Box)
	assert.NotContains(t, f.OtherNames.Near, "Año")
}

// What makes an empty name box doubtful must stand at the box: neither the
// page's footer far below it nor a label's own wording ("AÑO" printed
// without its box number) is a part of the name that the reader lost.
func TestNothingNearAnEmptyNameBox(t *testing.T) {
	names := []at{
		lbl(42, 100, "Primer|apellido:"), {x: 120, y: 100, text: "RODRÍGUEZ"},
		lbl(42, 115, "Primer|nombre:"), {x: 120, y: 115, text: "HERNÁN"},
		lbl(240, 115, "Otros|nombres:"),
	}
	t.Run("a footer far below", func(t *testing.T) {
		f := Read([]*pdftext.Page{pageOf(1, append(slices.Clone(names), at{x: 240, y: 800, text: "Hoja|1"})...)})
		assert.Equal(t, "", f.OtherNames.Near)
		assert.Empty(t, f.NameOrphans)
	})
	t.Run("a label's wording without its box number", func(t *testing.T) {
		f := Read([]*pdftext.Page{pageOf(1, append(slices.Clone(names), at{x: 42, y: 88, text: "AÑO"}, at{x: 70, y: 88, text: "2020"})...)})
		assert.Empty(t, f.NameOrphans)
	})
}

// A value printed right under its label in the label's own font and size
// is the value, not a wrapped line of the label: it reads as the field's
// type, which a label's continuation ("del solicitante") does not.
func TestValueInTheLabelsStyleRightUnderIt(t *testing.T) {
	runs := []at{
		lbl(42, 100, "7.|PRIMER|APELLIDO"), lbl(150, 100, "8.|SEGUNDO|APELLIDO"),
		lbl(89, 106.5, "OSPINA"),
		lbl(42, 130, "9.|PRIMER|NOMBRE"), lbl(150, 130, "10.|OTROS|NOMBRES"),
		lbl(84, 136.5, "CAMILA"),
		lbl(42, 160, "11.|RAZÓN|SOCIAL"), lbl(42, 166.5, "DEL|SOLICITANTE"),
	}
	f := Read([]*pdftext.Page{pageOf(1, runs...)})
	assert.Equal(t, "OSPINA", f.Surname1.Text)
	assert.Equal(t, "CAMILA", f.GivenName.Text)
	assert.Equal(t, "RAZÓN SOCIAL DEL SOLICITANTE", f.BusinessName.Label)

	// A bracketed line under a label is more of the label, whatever it reads as.
	f = Read([]*pdftext.Page{pageOf(1, lbl(42, 100, "7.|PRIMER|APELLIDO"), lbl(42, 106.5, "(PATERNO)"), lbl(150, 100, "8.|SEGUNDO|APELLIDO"))})
	assert.Equal(t, "", f.Surname1.Text)
	assert.Equal(t, "PRIMER APELLIDO (PATERNO)", f.Surname1.Label)
}

// In an unruled header whose cells stand a word space apart, a box
// number's free wording ends where another column's label begins: "38.
// Meses" over "de" over "vigencia" is box 38, and "Tipo de" over
// "solicitud", right beside it, is the request's column.
func TestBoxLabelStopsAtTheNextLabel(t *testing.T) {
	runs := []at{
		lbl(40, 100, "30.|Modalidad"), lbl(170, 100, "Cód."), lbl(200, 100, "31.|Prefijo"),
		lbl(250, 100, "32.|Desde"), lbl(330, 100, "33.|Hasta"),
		lbl(410, 100, "38.|Meses"), lbl(442.5, 100, "Tipo|de"), lbl(540, 100, "Cód."),
		lbl(427, 107, "de"), lbl(442.5, 107, "solicitud"),
		lbl(412, 114, "vigencia"),
		{x: 40, y: 130, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, {x: 170, y: 130, text: "1"}, {x: 200, y: 130, text: "FE"},
		{x: 250, y: 130, text: "1"}, {x: 330, y: 130, text: "1,000"}, {x: 425, y: 130, text: "24"},
		{x: 450, y: 130, text: "AUTORIZACIÓN"}, {x: 540, y: 130, text: "1"},
	}
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 1)
	r := f.Rows[0]
	assert.Equal(t, []string{"24", "AUTORIZACIÓN", "1", "1,000"}, []string{r.Months.Text, r.Request.Text, r.From.Text, r.To.Text})
	assert.Equal(t, "Meses de vigencia", r.Months.Label)
}

// A box number printed under the first words of its label ("(30)" under
// "Tipo de" of "Tipo de documento") spans less than the label: the whole
// phrase is the label, so the column is as wide as its wording.
func TestBoxNumberUnderPartOfItsLabel(t *testing.T) {
	runs := []at{
		lbl(39, 100, "Tipo|de|documento"), lbl(191, 100, "Cód."), lbl(242, 100, "Prefijo"),
		lbl(313, 100, "Rango|desde"), lbl(380, 100, "Hasta|el|número"), lbl(450, 100, "Vigencia"), lbl(520, 100, "Solicitud"),
		lbl(39, 107, "(30)"),
		at{x: 39, y: 125, text: "Factura|por|computador", size: 6}, at{x: 200, y: 125, text: "3", size: 6},
		at{x: 250, y: 125, text: "SRZ", size: 6}, at{x: 313, y: 125, text: "1", size: 6}, at{x: 380, y: 125, text: "1000", size: 6},
		at{x: 450, y: 125, text: "18", size: 6}, at{x: 510, y: 125, text: "AUTORIZACIÓN", size: 6},
	}
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 1)
	r := f.Rows[0]
	assert.Equal(t, "Factura por computador", r.Kind.Text)
	assert.Equal(t, "Tipo de documento", r.Kind.Label)
}

// A header's wrapped wording under a column of numbers or codes is the
// header's, even when it reads like a row's text: "Prefijo" over
// "autorizado" does not end the header band and, with it, the table.
func TestHeaderWordingUnderANumberColumn(t *testing.T) {
	runs := append([]at{
		lbl(40, 100, "30.|Modalidad"), lbl(170, 100, "Cód."), lbl(200, 100, "31.|Prefijo"),
		lbl(250, 100, "32.|Desde|el|número"), lbl(330, 100, "33.|Hasta|el|número"),
		lbl(410, 100, "38.|Vigencia"), lbl(460, 100, "Tipo|de|solicitud"), lbl(540, 100, "Cód."),
	}, lbl(205, 107, "autorizado"),
		at{x: 40, y: 125, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, at{x: 170, y: 125, text: "1"}, at{x: 200, y: 125, text: "FE"},
		at{x: 250, y: 125, text: "1"}, at{x: 330, y: 125, text: "1,000"}, at{x: 410, y: 125, text: "24"},
		at{x: 460, y: 125, text: "AUTORIZACIÓN"}, at{x: 540, y: 125, text: "1"})
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 1)
	r := f.Rows[0]
	assert.Equal(t, []string{"FACTURA ELECTRÓNICA DE VENTA", "FE", "1", "1,000", "AUTORIZACIÓN"},
		[]string{r.Kind.Text, r.Prefix.Text, r.From.Text, r.To.Text, r.Request.Text})
	assert.Equal(t, []string{"column", "column"}, []string{r.From.How, r.To.How}, "read under the header, not only from the text order")
}

// Box numbers printed in parentheses under a header's wording ("(32)",
// "(33)") beside a word that reads like a request ("AUTORIZADO") are not a
// row of the table that the reader failed to read.
func TestHeaderBoxNumbersAreNotAMissedRow(t *testing.T) {
	runs := []at{
		lbl(40, 100, "Modalidad"), lbl(170, 100, "Cód."), lbl(200, 100, "Prefijo"),
		lbl(250, 100, "Número|inicial"), lbl(330, 100, "Número|final"),
		lbl(410, 100, "Vigencia"), lbl(460, 100, "Tipo|de|solicitud"), lbl(540, 100, "Cód."),
		lbl(60, 107, "(30)"), lbl(200, 107, "AUTORIZADO"), lbl(290, 107, "(32)"), lbl(370, 107, "(33)"), lbl(430, 107, "(38)"),
		{x: 40, y: 125, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, {x: 170, y: 125, text: "1"}, {x: 200, y: 125, text: "FE"},
		{x: 250, y: 125, text: "1"}, {x: 330, y: 125, text: "1,000"}, {x: 410, y: 125, text: "24"},
		{x: 460, y: 125, text: "AUTORIZACIÓN"}, {x: 540, y: 125, text: "1"},
	}
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 1)
	assert.Equal(t, 0, f.MissedRows)
}

// Label phrases of one length are taken left to right along a line: in
// "Rango desde Número final", "desde número" (a wording of box 32) must
// not take the middle two words and leave "Rango" and "final" as stray
// words; the header has a "from" and a "to" column.
func TestEqualLengthLabelsLeftToRight(t *testing.T) {
	runs := []at{
		lbl(40, 100, "Modalidad"), lbl(170, 100, "Cód."), lbl(200, 100, "Prefijo"),
		lbl(250, 100, "Rango|desde"), lbl(290, 100, "Número|final"),
		lbl(410, 100, "Vigencia"), lbl(460, 100, "Tipo|de|solicitud"), lbl(540, 100, "Cód."),
	}
	pg := newPage(pageOf(2, runs...))
	var got []string
	for _, l := range pg.labels {
		got = append(got, l.spec.key+"="+l.text)
	}
	assert.Subset(t, got, []string{"from=Rango desde", "to=Número final"})

	f := Read([]*pdftext.Page{pageOf(2, append(runs,
		at{x: 40, y: 120, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, at{x: 170, y: 120, text: "1"}, at{x: 200, y: 120, text: "FE"},
		at{x: 250, y: 120, text: "1"}, at{x: 290, y: 120, text: "5,000"}, at{x: 410, y: 120, text: "24"},
		at{x: 460, y: 120, text: "AUTORIZACIÓN"}, at{x: 540, y: 120, text: "1"})...)})
	require.Len(t, f.Rows, 1)
	r := f.Rows[0]
	assert.Equal(t, []string{"1", "5,000", "column", "column"}, []string{r.From.Text, r.To.Text, r.From.How, r.To.How})
}

// In a table with no code column, the modality's code printed beside its
// name is no prefix: a row without a prefix reads an empty one, not the
// code standing just left of the prefix column.
func TestModalityCodeIsNotAPrefix(t *testing.T) {
	runs := []at{
		lbl(40, 100, "30.|Modalidad"), lbl(200, 100, "31.|Prefijo"),
		lbl(250, 100, "32.|Desde|el|número"), lbl(330, 100, "33.|Hasta|el|número"),
		lbl(410, 100, "38.|Vigencia"), lbl(460, 100, "Tipo|de|solicitud"),
		{x: 40, y: 120, text: "MÁQUINA|REGISTRADORA|POS"}, {x: 190, y: 120, text: "4"},
		{x: 250, y: 120, text: "42001"}, {x: 330, y: 120, text: "42200"}, {x: 410, y: 120, text: "18"}, {x: 460, y: 120, text: "INHABILITACIÓN"},
		{x: 40, y: 140, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, {x: 190, y: 140, text: "1"}, {x: 205, y: 140, text: "FE"},
		{x: 250, y: 140, text: "1"}, {x: 330, y: 140, text: "1,000"}, {x: 410, y: 140, text: "24"}, {x: 460, y: 140, text: "AUTORIZACIÓN"},
	}
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 2)
	assert.Equal(t, []string{"", "42001", "42200"}, []string{f.Rows[0].Prefix.Text, f.Rows[0].From.Text, f.Rows[0].To.Text})
	assert.Equal(t, "FE", f.Rows[1].Prefix.Text)
}

// A colon ends a label: "SEGUNDO NOMBRE:" over "NOMBRE O RAZÓN SOCIAL:",
// whose "O" stands under "NOMBRE:", is two labels, not "nombre o razón
// social" wrapped from the line above.
func TestAColonEndsALabel(t *testing.T) {
	pg := newPage(pageOf(1,
		lbl(42, 100, "PRIMER|NOMBRE:"), at{x: 500, y: 100, text: "LUZ"},
		lbl(42, 107, "SEGUNDO|NOMBRE:"),
		lbl(42, 114, "NOMBRE|O|RAZON|SOCIAL:"),
	))
	var got []string
	for _, l := range pg.labels {
		got = append(got, l.spec.key+"="+l.text)
	}
	assert.Subset(t, got, []string{"other_names=SEGUNDO NOMBRE:", "name=NOMBRE O RAZON SOCIAL:"})
}

// A box number after its label ("Desde (32)") takes the words before it
// back to its cell's start, but in an unruled header "Prefijo", a word
// space to the left, starts another column's label: "Prefijo" over
// "autorizado (31)" is the prefix's column, not more of box 32's wording.
func TestBoxLabelBeforeItsNumberStopsAtAnotherLabel(t *testing.T) {
	runs := []at{
		lbl(40, 100, "Modalidad|(30)"), lbl(224, 100, "Prefijo|Desde|(32)"), lbl(329, 100, "Hasta|el"),
		lbl(429, 100, "Vigencia"), lbl(465, 100, "Solicitud"),
		lbl(209, 107, "autorizado"), lbl(329, 107, "número|(33)"), lbl(429, 107, "(meses)"),
		lbl(231, 114, "(31)"), lbl(437, 114, "(38)"),
		{x: 40, y: 130, text: "Documento"}, {x: 237, y: 130, text: "P8"}, {x: 252, y: 130, text: "1"},
		{x: 329, y: 130, text: "2|000|000"}, {x: 445, y: 130, text: "24"}, {x: 465, y: 130, text: "INHABILITACIÓN"},
		{x: 40, y: 137, text: "soporte"},
	}
	pg := newPage(pageOf(2, runs...))
	var got []string
	for _, l := range pg.labels {
		got = append(got, l.spec.key+"="+l.text)
	}
	assert.Contains(t, got, "from=Desde")
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 1)
	r := f.Rows[0]
	assert.Equal(t, []string{"P8", "1", "2 000 000"}, []string{r.Prefix.Text, r.From.Text, r.To.Text})
}

// In an unruled header a label wraps under its own first word, even when
// the word it needs next also stands on its line a stretched space away:
// "DESDE EL" over "NÚMERO" is box 32, and the "NÚMERO" a cell gap to the
// right starts box 33's "NÚMERO FINAL".
func TestLabelWrapsRatherThanTakeTheNextColumnsWord(t *testing.T) {
	runs := []at{
		lbl(40, 100, "TIPO|DE"), lbl(100, 100, "PREFIJO"), lbl(140, 100, "DESDE|EL"), lbl(171.6, 100, "NÚMERO"),
		lbl(215, 100, "MESES|DE"), lbl(260, 100, "TIPO|DE"),
		lbl(40, 107, "DOCUMENTO|(30)"), lbl(100, 107, "AUTORIZADO"), lbl(140, 107, "NÚMERO"), lbl(171.6, 107, "FINAL"),
		lbl(215, 107, "VIGENCIA"), lbl(260, 107, "SOLICITUD"),
		{x: 40, y: 130, text: "POS", size: 6}, {x: 100, y: 130, text: "KR", size: 6}, {x: 140, y: 130, text: "1", size: 6},
		{x: 171.6, y: 130, text: "2|000", size: 6}, {x: 235, y: 130, text: "6", size: 6}, {x: 260, y: 130, text: "AUTORIZACIÓN", size: 6},
	}
	pg := newPage(pageOf(2, runs...))
	var got []string
	for _, l := range pg.labels {
		got = append(got, l.spec.key+"="+l.text)
	}
	assert.Contains(t, got, "from=DESDE EL NÚMERO")
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 1)
	r := f.Rows[0]
	assert.Equal(t, []string{"KR", "1", "2 000", "column", "column"}, []string{r.Prefix.Text, r.From.Text, r.To.Text, r.From.How, r.To.How})
}

// A box number set right-aligned under the last word of its label ("(33)"
// under "final" of "Número final") spans part of it: the whole phrase,
// which starts a word before, is the label, so the column is as wide as
// its wording and a number under "Número" is not a column of its own.
func TestBoxNumberUnderTheEndOfItsLabel(t *testing.T) {
	runs := []at{
		lbl(40, 100, "Modalidad|(30)"), lbl(150, 100, "Prefijo"), lbl(190, 100, "Desde|el"), lbl(250, 100, "Número|final"),
		lbl(330, 100, "Meses|de"), lbl(380, 100, "Tipo|de|solicitud"),
		lbl(150, 107, "autorizado"), lbl(190, 107, "número"), lbl(275, 107, "(33)"), lbl(330, 107, "vigencia"),
		lbl(150, 114, "(31)"), lbl(190, 114, "(32)"), lbl(330, 114, "(38)"),
		{x: 40, y: 130, text: "POS", size: 6}, {x: 150, y: 130, text: "KR", size: 6}, {x: 190, y: 130, text: "1", size: 6},
		{x: 250, y: 130, text: "1|000|000", size: 6}, {x: 335, y: 130, text: "24", size: 6}, {x: 380, y: 130, text: "AUTORIZACIÓN", size: 6},
	}
	pg := newPage(pageOf(2, runs...))
	var got []string
	for _, l := range pg.labels {
		got = append(got, l.spec.key+"="+l.text)
	}
	assert.Contains(t, got, "to=Número final")
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 1)
	r := f.Rows[0]
	assert.Equal(t, []string{"1", "1 000 000", "column", "column"}, []string{r.From.Text, r.To.Text, r.From.How, r.To.How})
}

// A number printed with spaces for separators ("1 000 000") whose first
// groups stand under a header the reader does not know and whose last
// group stands under "Hasta" is one number, not a bound of "000": the
// columns cannot read that row.
func TestNumberSplitByAnUnknownColumnIsNotABound(t *testing.T) {
	runs := []at{
		lbl(40, 100, "Modalidad"), lbl(150, 100, "Prefijo"), lbl(190, 100, "Desde"), lbl(250, 100, "Número"),
		lbl(272, 100, "Hasta"), lbl(330, 100, "Vigencia"), lbl(380, 100, "Solicitud"),
		{x: 40, y: 120, text: "POS", size: 6}, {x: 150, y: 120, text: "KR", size: 6}, {x: 190, y: 120, text: "1", size: 6},
		{x: 250, y: 120, text: "1|000|000", size: 6}, {x: 335, y: 120, text: "24", size: 6}, {x: 380, y: 120, text: "AUTORIZACIÓN", size: 6},
	}
	pg := newPage(pageOf(2, runs...))
	var cols []col
	for _, b := range pg.headerBands() {
		cols = pg.columns(b)
	}
	require.NotEmpty(t, cols)
	_, ok := pg.align(1, cols)
	assert.False(t, ok, "a number split between an unknown column and a bound's")
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	for _, r := range f.Rows {
		assert.NotEqual(t, "000", r.To.Text)
		assert.NotEqual(t, "000 000", r.To.Text)
	}
}

// In an unruled header, box 38's number over "VIGENCIA" over "(MESES)"
// takes the words below it in its cell, but not "SOLICITUD" beside
// "VIGENCIA": it ends "TIPO SOLICITUD", which starts on the number's line
// farther right and is set flush right.
func TestBoxLabelBelowLeavesAnotherLabelsWrap(t *testing.T) {
	runs := []at{
		lbl(40, 100, "30|MODALIDAD"), lbl(150, 100, "31."), lbl(200, 100, "32.|DESDE|EL"), lbl(260, 100, "33|HASTA|EL"),
		lbl(330, 100, "38"), lbl(410, 100, "TIPO"),
		lbl(150, 107, "PREFIJO"), lbl(205, 107, "NÚMERO"), lbl(265, 107, "NÚMERO"), lbl(330, 107, "VIGENCIA"), lbl(393.3, 107, "SOLICITUD"),
		lbl(330, 114, "(MESES)"),
		{x: 40, y: 130, text: "POS", size: 6}, {x: 150, y: 130, text: "TSM", size: 6}, {x: 200, y: 130, text: "395,814,647", size: 6},
		{x: 260, y: 130, text: "395,901,463", size: 6}, {x: 330, y: 130, text: "18", size: 6}, {x: 385, y: 130, text: "Autorización", size: 6},
	}
	pg := newPage(pageOf(2, runs...))
	var got []string
	for _, l := range pg.labels {
		got = append(got, l.spec.key+"="+l.text)
	}
	assert.Subset(t, got, []string{"months=VIGENCIA (MESES)", "request=TIPO SOLICITUD"})
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 1)
	r := f.Rows[0]
	assert.Equal(t, []string{"18", "Autorización", "column", "column"}, []string{r.Months.Text, r.Request.Text, r.Months.How, r.Request.How})
}

// DIAN's own NIT in a page header ("DIAN - NIT 800197268-4") is never box
// 5's value, even when it is the only NIT-shaped number beside a "NIT".
func TestDIANsNITIsNotTheTaxpayers(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1,
		at{x: 40, y: 40, text: "DIAN|-|NIT|800197268-4"},
		lbl(40, 100, "4.|Número|de|formulario"), at{x: 200, y: 100, text: "18764081810977"},
		lbl(40, 120, "5.|Número|de|Identificación|Tributaria|(NIT)"),
	)})
	assert.NotContains(t, f.NIT.Text, "800197268")
}

// Ranges printed as blocks of labelled boxes, two blocks side by side and
// a third under the first, each label with its value after dot leaders:
// three ranges in reading order, each field from its own block. The
// labels stacked one per line are no table header.
func TestRangesAsBlocksOfBoxes(t *testing.T) {
	// A long modality name wraps under its label and pushes its block's
	// other boxes a line down: the blocks are still read left to right.
	block := func(x, y float64, kind, prefix, from, to, months, request string) []at {
		kx, ky, dy := x+60, y+10, 0.0
		if len(kind) > 20 {
			kx, ky, dy = x+20, y+20, 10
		}
		return []at{
			lbl(x, y, "Rango"),
			lbl(x, y+10, "30|Modalidad|..."), {x: kx, y: ky, text: kind, size: 6},
			lbl(x, y+dy+20, "31|Prefijo|......"), {x: x + 140, y: y + dy + 20, text: prefix, size: 6},
			lbl(x, y+dy+30, "32|Desde|el|número|...."), {x: x + 140, y: y + dy + 30, text: from, size: 6},
			lbl(x, y+dy+40, "33|Hasta|el|número|...."), {x: x + 140, y: y + dy + 40, text: to, size: 6},
			lbl(x, y+dy+50, "38|Vigencia|(meses)|...."), {x: x + 140, y: y + dy + 50, text: months, size: 6},
			lbl(x, y+dy+60, "Tipo|de|solicitud|...."), {x: x + 100, y: y + dy + 60, text: request, size: 6},
		}
	}
	runs := slices.Concat(
		block(40, 100, "FACTURA|ELECTRÓNICA|DE|VENTA", "FE", "1", "100000", "12", "AUTORIZACIÓN"),
		block(320, 100, "DOCUMENTO|SOPORTE", "DS", "990000000", "995000000", "24", "AUTORIZACIÓN"),
		block(40, 200, "MÁQUINA|REGISTRADORA|POS", "POS", "5001", "9000", "6", "HABILITACIÓN"),
	)
	pg := newPage(pageOf(2, runs...))
	assert.Empty(t, pg.headerBands(), "labels one per line are not a header")
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 3)
	got := rowTexts(f)
	assert.Equal(t, [][]string{
		{"FACTURA ELECTRÓNICA DE VENTA", "FE", "1", "100000", "12", "AUTORIZACIÓN"},
		{"DOCUMENTO SOPORTE", "DS", "990000000", "995000000", "24", "AUTORIZACIÓN"},
		{"MÁQUINA REGISTRADORA POS", "POS", "5001", "9000", "6", "HABILITACIÓN"},
	}, got)
}

// A table of ranges turned sideways: a label per line, wrapped over up to
// three lines, and one value per range in columns, on the label's middle
// line. Each range reads its own column; none reads one value per label
// as a single range would.
func TestSidewaysTableOfRanges(t *testing.T) {
	runs := []at{
		lbl(40, 100, "Campo"), lbl(200, 100, "Rango|1"), lbl(300, 100, "Rango|2"),
		lbl(40, 110, "30."), {x: 180, y: 113, text: "DOCUMENTO|SOPORTE", size: 7}, {x: 290, y: 113, text: "POS", size: 7},
		lbl(40, 116, "MODALIDAD"),
		lbl(40, 130, "31.|PREFIJO"), {x: 200, y: 130, text: "DSE", size: 7},
		lbl(40, 140, "32.|DESDE"), lbl(40, 147, "EL"), lbl(40, 154, "NÚMERO"),
		{x: 200, y: 147.5, text: "10.001", size: 7}, {x: 300, y: 147.5, text: "1", size: 7},
		lbl(40, 170, "33.|HASTA"), lbl(40, 177, "EL"), lbl(40, 184, "NÚMERO"),
		{x: 200, y: 177.5, text: "20.000", size: 7}, {x: 300, y: 177.5, text: "5.000", size: 7},
		lbl(40, 200, "38.|VIGENCIA|(MESES)"), {x: 200, y: 200, text: "24", size: 7}, {x: 300, y: 200, text: "12", size: 7},
		lbl(40, 210, "TIPO|DE|SOLICITUD"), {x: 190, y: 210, text: "AUTORIZACIÓN", size: 7}, {x: 290, y: 210, text: "HABILITACIÓN", size: 7},
	}
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 2)
	got := rowTexts(f)
	assert.Equal(t, [][]string{
		{"DOCUMENTO SOPORTE", "DSE", "10.001", "20.000", "24", "AUTORIZACIÓN"},
		{"POS", "", "1", "5.000", "12", "HABILITACIÓN"},
	}, got, "range 2 has an empty prefix cell")
}

// A leader ends a label: in "31 Prefijo ........ EQ", set in one font and
// size, "EQ" is the prefix, not more of the label (which left the prefix
// empty: a real, and here wrong, value).
func TestALeaderEndsALabel(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(2,
		lbl(40, 100, "30|Modalidad|........|POS"),
		lbl(40, 110, "31|Prefijo|..........|EQ"),
		lbl(40, 120, "32|Desde|el|número|....|1"),
		lbl(40, 130, "33|Hasta|el|número|....|500"),
	)})
	require.Len(t, f.Rows, 1)
	assert.Equal(t, []string{"EQ", "1", "500"}, []string{f.Rows[0].Prefix.Text, f.Rows[0].From.Text, f.Rows[0].To.Text})
}

// A business name beside its label wraps onto the next line, indented
// under it: both lines are the name. The line after, which has its own
// label, is not.
func TestNameBesideItsLabelWraps(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1,
		lbl(40, 100, "4.|Número|de|formulario"), at{x: 200, y: 100, text: "18764081810977"},
		lbl(40, 120, "11.|Razón|social|........"), at{x: 150, y: 120, text: "COMERCIALIZADORA|ANDINA|DE"},
		at{x: 170, y: 130, text: "CAFÉS|LTDA."},
		lbl(40, 140, "12.|Cód.|Dirección|Seccional"), at{x: 170, y: 140, text: "35"},
	)})
	assert.Equal(t, "COMERCIALIZADORA ANDINA DE CAFÉS LTDA.", f.BusinessName.Text)
}

// A header of two tiers: captions over groups of columns ("Rango
// autorizado" over "Desde" and "Hasta", "Vigencia" over the months and
// two dates) name no column and widen none; the numbered "38. Vigencia
// (meses)" under its group's "Vigencia" is the months' column.
func TestHeaderWithGroupCaptions(t *testing.T) {
	runs := []at{
		lbl(40, 100, "30.|Modalidad"), lbl(110, 100, "31.|Prefijo"), lbl(203, 100, "Rango|autorizado"), lbl(367, 100, "Vigencia"),
		lbl(160, 110, "32.|Desde|el|número"), lbl(240, 110, "33.|Hasta|el|número"),
		lbl(300, 110, "38.|Vigencia|(meses)"), lbl(375, 110, "Fecha|inicial"), lbl(425, 110, "Fecha|final"), lbl(470, 110, "Tipo|de|solicitud"),
		{x: 40, y: 130, text: "POS", size: 6}, {x: 110, y: 130, text: "P", size: 6}, {x: 160, y: 130, text: "5001", size: 6},
		{x: 240, y: 130, text: "15000", size: 6}, {x: 300, y: 130, text: "24", size: 6}, {x: 375, y: 130, text: "2024-10-09", size: 6},
		{x: 425, y: 130, text: "2026-10-09", size: 6}, {x: 470, y: 130, text: "AUTORIZACIÓN", size: 6},
	}
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 1)
	r := f.Rows[0]
	assert.Equal(t, []string{"P", "5001", "15000", "24", "2024-10-09", "2026-10-09", "AUTORIZACIÓN"},
		[]string{r.Prefix.Text, r.From.Text, r.To.Text, r.Months.Text, r.ValidFrom.Text, r.ValidTo.Text, r.Request.Text})
	assert.Equal(t, []string{"column", "column"}, []string{r.From.How, r.Months.How})
}

// Each range printed over its own copy of the header, values over their
// captions: every header has its row right above it, so the first range
// is the one above the first header, not the one under it.
func TestRowsOverRepeatedHeaders(t *testing.T) {
	header := func(y float64) []at {
		return []at{lbl(40, y, "Tipo|de|solicitud"), lbl(150, y, "30.|Modalidad"), lbl(300, y, "38.|Vigencia"),
			lbl(360, y, "31.|Prefijo"), lbl(410, y, "32.|Desde|el|número"), lbl(490, y, "33.|Hasta|el|número")}
	}
	row := func(y float64, req, kind, months, prefix, from, to string) []at {
		return []at{{x: 40, y: y, text: req}, {x: 150, y: y, text: kind}, {x: 300, y: y, text: months},
			{x: 360, y: y, text: prefix}, {x: 410, y: y, text: from}, {x: 490, y: y, text: to}}
	}
	runs := slices.Concat(
		row(100, "HABILITACIÓN", "POS", "18", "FELA", "990.000.000", "995.000.000"), header(108),
		row(140, "AUTORIZACIÓN", "POS", "24", "FE", "1", "50.000"), header(148),
	)
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 2)
	assert.Equal(t, []string{"HABILITACIÓN", "FELA", "990.000.000"}, []string{f.Rows[0].Request.Text, f.Rows[0].Prefix.Text, f.Rows[0].From.Text})
	assert.Equal(t, []string{"AUTORIZACIÓN", "FE", "50.000"}, []string{f.Rows[1].Request.Text, f.Rows[1].Prefix.Text, f.Rows[1].To.Text})
	assert.Empty(t, f.MissedRows)

	// One range over its captions, the signature under them.
	f = Read([]*pdftext.Page{pageOf(2, slices.Concat(row(100, "HABILITACIÓN", "POS", "18", "FELA", "990.000.000", "995.000.000"), header(108),
		[]at{{x: 40, y: 160, text: "Paola|Cárdenas|V."}, lbl(40, 170, "Firma|del|solicitante")})...)})
	require.Len(t, f.Rows, 1)
	assert.Equal(t, []string{"HABILITACIÓN", "FELA", "990.000.000", "column"}, []string{f.Rows[0].Request.Text, f.Rows[0].Prefix.Text, f.Rows[0].From.Text, f.Rows[0].From.How})
}

// Ranges printed as cards, two side by side, each line of a card a few
// "label: value" pairs: the pairs on one line are labelled boxes, not a
// table header with the next card's line as its row.
func TestRangesAsCardsOfInlinePairs(t *testing.T) {
	card := func(x, y float64, kind, prefix, from, to, months, request string) []at {
		return []at{
			lbl(x, y, "Rango"),
			lbl(x, y+10, "Modalidad:"), {x: x + 40, y: y + 10, text: kind, size: 6},
			lbl(x, y+20, "Prefijo:"), {x: x + 30, y: y + 20, text: prefix, size: 6},
			lbl(x+60, y+20, "Desde:"), {x: x + 85, y: y + 20, text: from, size: 6},
			lbl(x+140, y+20, "Hasta:"), {x: x + 165, y: y + 20, text: to, size: 6},
			lbl(x, y+30, "Vigencia|(meses):"), {x: x + 60, y: y + 30, text: months, size: 6},
			lbl(x+90, y+30, "Tipo|de|solicitud:"), {x: x + 150, y: y + 30, text: request, size: 6},
		}
	}
	runs := slices.Concat(
		card(40, 100, "FACTURA|ELECTRÓNICA|DE|VENTA", "FE", "1", "5000", "12", "AUTORIZACIÓN"),
		card(300, 100, "POS", "P2", "990000000", "995000000", "24", "HABILITACIÓN"),
		card(40, 160, "DOCUMENTO|SOPORTE", "DS", "1001", "2000", "6", "AUTORIZACIÓN"),
	)
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 3)
	got := rowTexts(f)
	assert.Equal(t, [][]string{
		{"FACTURA ELECTRÓNICA DE VENTA", "FE", "1", "5000", "12", "AUTORIZACIÓN"},
		{"POS", "P2", "990000000", "995000000", "24", "HABILITACIÓN"},
		{"DOCUMENTO SOPORTE", "DS", "1001", "2000", "6", "AUTORIZACIÓN"},
	}, got)
}

// Cards side by side, each a small grid of boxes ("31. PREFIJO 32. DESDE
// 33. HASTA" over their values): a line that repeats a label is two
// ranges' boxes, not one table header with two columns of each field.
func TestCardsSideBySideAreNoHeader(t *testing.T) {
	card := func(x, y float64, title, prefix, from, to string) []at {
		return []at{
			lbl(x, y, "Rango|"+title),
			lbl(x, y+10, "31.|PREFIJO"), lbl(x+50, y+10, "32.|DESDE|EL|NÚMERO"), lbl(x+130, y+10, "33.|HASTA|EL|NÚMERO"),
			{x: x, y: y + 20, text: prefix, size: 6}, {x: x + 50, y: y + 20, text: from, size: 6}, {x: x + 130, y: y + 20, text: to, size: 6},
			lbl(x, y+30, "38.|VIGENCIA|(MESES)"), lbl(x+70, y+30, "TIPO|DE|SOLICITUD"),
			{x: x, y: y + 40, text: "24", size: 6}, {x: x + 70, y: y + 40, text: "AUTORIZACION", size: 6},
		}
	}
	// The third card stands alone on its row: it is a card too.
	runs := slices.Concat(card(40, 100, "1/3", "P", "1", "500"), card(320, 100, "2/3", "", "990000000", "995000000"),
		card(40, 160, "3/3", "DS", "1001", "2000"))
	pg := newPage(pageOf(2, runs...))
	assert.Empty(t, pg.headerBands())
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 3)
	assert.Equal(t, []string{"DS", "1001", "2000"}, []string{f.Rows[2].Prefix.Text, f.Rows[2].From.Text, f.Rows[2].To.Text})
	assert.Equal(t, []string{"P", "1", "500"}, []string{f.Rows[0].Prefix.Text, f.Rows[0].From.Text, f.Rows[0].To.Text})
	assert.Equal(t, []string{"", "990000000", "995000000"}, []string{f.Rows[1].Prefix.Text, f.Rows[1].From.Text, f.Rows[1].To.Text})
}

// A number inside a request's or a modality's name is that name's code,
// never another field's value: "INHABILITACIÓN - 3" beside the wrapped
// label "38. VIGENCIA (MESES)" is not 3 months; the 24 under it is.
func TestACodeInANameIsNoNumber(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(2,
		lbl(40, 80, "32.|DESDE|EL|NÚMERO"), at{x: 40, y: 90, text: "1", size: 6},
		lbl(120, 80, "33.|HASTA|EL|NÚMERO"), at{x: 120, y: 90, text: "500", size: 6},
		lbl(40, 100, "38.|VIGENCIA"), lbl(120, 100, "TIPO|DE|SOLICITUD"),
		lbl(40, 107, "(MESES)"), at{x: 120, y: 107, text: "INHABILITACIÓN|-|3", size: 6},
		at{x: 40, y: 117, text: "24", size: 6},
	)})
	require.Len(t, f.Rows, 1)
	assert.Equal(t, "24", f.Rows[0].Months.Text)
}

// A sentence of the legal text right under the table, with a request's
// word and numbers in it, is neither a row that failed to align nor a
// row the reader lost.
func TestLegalSentenceUnderTheTableIsNoRow(t *testing.T) {
	runs := append(header(100),
		at{x: 40, y: 120, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, at{x: 170, y: 120, text: "1"}, at{x: 200, y: 120, text: "FE"},
		at{x: 250, y: 120, text: "1"}, at{x: 330, y: 120, text: "1,000"}, at{x: 410, y: 120, text: "24"}, at{x: 460, y: 120, text: "AUTORIZACIÓN"},
		at{x: 40, y: 135, text: "La|presente|autorización|se|expide|conforme|a|lo|dispuesto|en|la|Resolución|000042|de|2020,|el|Decreto|1625|de|2016", size: 6})
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 1)
	assert.Empty(t, f.MissedRows)
	assert.Empty(t, f.Rows[0].From.Conflict)
}

// A page that prints each value before its label, set flush right against
// it: the values are read leftward, and a name that wraps onto the next
// line, flush right too, keeps that line, but not the next box's value.
func TestValuesBeforeTheirLabels(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1,
		right(300, 100, "2025"), lbl(320, 100, "1.|Año"),
		right(300, 110, "18767061997222703"), lbl(320, 110, "4.|No.|de|formulario"),
		right(300, 120, "900874610"), lbl(320, 120, "5.|NIT"),
		right(300, 130, "8"), lbl(320, 130, "6.|D.V."),
		right(300, 140, "ASOCIACIÓN|DE|PRODUCTORES|DEL"), lbl(320, 140, "11.|Razón|social"),
		right(300, 149, "HUILA"),
		right(300, 160, "88"), lbl(320, 160, "12.|Cód.|Dir.|Seccional"),
	)})
	assert.Equal(t, []string{"18767061997222703", "900874610", "8", "ASOCIACIÓN DE PRODUCTORES DEL HUILA"},
		[]string{f.Number.Text, f.NIT.Text, f.DV.Text, f.BusinessName.Text})
}

// A row whose first values stand level with the last line of a wrapped
// header label ("CP 1,001" beside "numero" of "33. Hasta el / numero"),
// and whose last value sits a line lower, is one row of three cells.
func TestRowLevelWithAWrappedHeader(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(2,
		lbl(49, 100, "31.|Prefijo"), lbl(125, 100, "32.|Desde|el|numero"), lbl(228, 100, "33.|Hasta|el"),
		at{x: 49, y: 110, text: "CP", size: 10}, at{x: 125, y: 110, text: "1,001", size: 10}, lbl(228, 110, "numero"),
		at{x: 228, y: 120, text: "101,000", size: 10},
	)})
	require.Len(t, f.Rows, 1)
	assert.Equal(t, []string{"CP", "1,001", "101,000"}, []string{f.Rows[0].Prefix.Text, f.Rows[0].From.Text, f.Rows[0].To.Text})
}

// Rows that stand a line apart, their modality names wrapped over three
// lines: the last line of one name ("POS") is as near to the next row as
// to its own, and goes to the row whose name it completes.
func TestWrappedNamesInRowsALineApart(t *testing.T) {
	runs := append(header(100),
		at{x: 40, y: 120, text: "MAQUINA"}, at{x: 170, y: 120, text: "4"}, at{x: 200, y: 120, text: "PV"},
		at{x: 250, y: 120, text: "1001"}, at{x: 330, y: 120, text: "1500"}, at{x: 410, y: 120, text: "6"}, at{x: 460, y: 120, text: "AUTORIZACIÓN"},
		at{x: 40, y: 131, text: "REGISTRADORA"},
		at{x: 40, y: 142, text: "POS"},
		at{x: 40, y: 153, text: "FACTURA"}, at{x: 170, y: 153, text: "1"}, at{x: 200, y: 153, text: "F"},
		at{x: 250, y: 153, text: "10001"}, at{x: 330, y: 153, text: "10500"}, at{x: 410, y: 153, text: "12"}, at{x: 460, y: 153, text: "AUTORIZACIÓN"},
		at{x: 40, y: 164, text: "ELECTRONICA|DE"},
		at{x: 40, y: 175, text: "VENTA"})
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 2)
	assert.Equal(t, []string{"MAQUINA REGISTRADORA POS", "FACTURA ELECTRONICA DE VENTA"}, []string{f.Rows[0].Kind.Text, f.Rows[1].Kind.Text})
}

// Box numbers printed in each cell's right corner, after its label:
// "PRIMER APELLIDO 7 SEGUNDO APELLIDO 8". The 7 closes the first box; it
// does not make "SEGUNDO APELLIDO" another form's box 7.
func TestBoxNumbersInTheCellsCorner(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1,
		lbl(44, 100, "PRIMER|APELLIDO"), lbl(166, 100, "7"), lbl(177, 100, "SEGUNDO|APELLIDO"), lbl(299, 100, "8"),
		lbl(310, 100, "PRIMER|NOMBRE"), lbl(432, 100, "9"), lbl(443, 100, "OTROS|NOMBRES"), lbl(561, 100, "10"),
		at{x: 44, y: 112, text: "DEL|VALLE"}, at{x: 177, y: 112, text: "OSPINA"}, at{x: 310, y: 112, text: "LUIS"}, at{x: 443, y: 112, text: "FERNANDO"},
	)})
	assert.Equal(t, []string{"DEL VALLE", "OSPINA", "LUIS", "FERNANDO"}, []string{f.Surname1.Text, f.Surname2.Text, f.GivenName.Text, f.OtherNames.Text})
}

// A resolution that lists its ranges as numbered paragraphs, after legal
// text full of other numbers and dates: each paragraph is one range, read
// alone, and nothing of the legal text lands in one.
func TestRangesAsNumberedParagraphs(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(2,
		at{x: 40, y: 60, text: "AUTORIZACIÓN|NUMERACIÓN|DE|FACTURACIÓN"},
		at{x: 40, y: 80, text: "Que|mediante|Resolución|000042|de|2020|la|vigencia|máxima|es|de|24|meses,|desde|el|5|de|mayo|de|2020."},
		at{x: 40, y: 100, text: "1.|Autorización|de|numeración|para|factura|electrónica|de|venta,|prefijo|FE,|del|número|1|al|número"},
		at{x: 52, y: 110, text: "5000,|con|vigencia|de|24|meses."},
		at{x: 40, y: 120, text: "2.|Habilitación|de|numeración|para|talonario|o|de|papel,|prefijo|MAN,|del|número|1|al|número|500,"},
		at{x: 52, y: 130, text: "con|vigencia|de|12|meses."},
	)})
	require.Len(t, f.Rows, 2)
	got := rowTexts(f)
	assert.Equal(t, [][]string{
		{"electronic-invoice", "FE", "1", "5000", "24", "authorization"},
		{"paper", "MAN", "1", "500", "12", "enablement"},
	}, got)
}

// A line-printer report: box numbers over abbreviated labels set a single
// space apart ("MESES TIPO SOLICITUD"), a rule of dashes under them. Each
// label is its own column, the dashes are no wording, and "PREF." is the
// prefix's.
func TestMonospacedHeader(t *testing.T) {
	mono := func(x, y float64, s string) at { return at{x: x, y: y, text: s, size: 7, font: "M"} }
	f := Read([]*pdftext.Page{pageOf(2,
		mono(40, 100, "COD|30"), mono(190, 100, "31"), mono(230, 100, "32"), mono(280, 100, "33"), mono(320, 100, "38"),
		mono(40, 108, "MOD|MODALIDAD"), mono(190, 108, "PREF."), mono(230, 108, "DESDE"), mono(280, 108, "HASTA"),
		mono(320, 108, "MESES|TIPO|SOLICITUD|COD"),
		mono(40, 116, "---|---------------------"), mono(190, 116, "-----"), mono(230, 116, "------"), mono(280, 116, "------"),
		mono(320, 116, "-----|---------------|---"),
		mono(40, 124, "1|FACTURA|ELECTRONICA|DE|VENTA"), mono(190, 124, "SETT"), mono(230, 124, "10001"), mono(280, 124, "11000"),
		mono(320, 124, "24|AUTORIZACION|1"),
	)})
	require.Len(t, f.Rows, 1)
	r := f.Rows[0]
	assert.Equal(t, []string{"FACTURA ELECTRONICA DE VENTA", "SETT", "10001", "11000", "24", "AUTORIZACION"},
		[]string{r.Kind.Text, r.Prefix.Text, r.From.Text, r.To.Text, r.Months.Text, r.Request.Text})
}

// Each range a record of two lines under a header of two tiers whose
// columns overlap: the modality and the request over the prefix, bounds
// and months, the record's number between them.
func TestRecordsOfTwoLines(t *testing.T) {
	runs := []at{
		lbl(158, 87, "30.|Modalidad|(cód.)"), lbl(390, 87, "Tipo|de|solicitud|(cód.)"),
		lbl(52, 92, "N.º"),
		lbl(77, 97, "31.|Prefijo"), lbl(128, 97, "32.|Desde|el|número"), lbl(212, 97, "33.|Hasta|el|número"), lbl(349, 97, "38.|Vigencia|(meses)"),
	}
	record := func(y float64, n, kind, req, prefix, from, to, months string) []at {
		return []at{{x: 77, y: y, text: kind}, {x: 390, y: y, text: req}, {x: 52, y: y + 8, text: n},
			{x: 77, y: y + 16, text: prefix}, {x: 128, y: y + 16, text: from}, {x: 212, y: y + 16, text: to}, {x: 349, y: y + 16, text: months}}
	}
	runs = slices.Concat(runs,
		record(130, "1", "FACTURA|ELECTRONICA|DE|VENTA|(1)", "AUTORIZACION|(1)", "FELA", "1", "100000", "24"),
		record(170, "2", "DOCUMENTO|SOPORTE|(6)", "INHABILITACION|(3)", "DSDS", "990000000", "995000000", "6"))
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 2)
	var got [][]string
	for _, r := range f.Rows {
		got = append(got, []string{vocab.KindOf(r.Kind.Text), r.Prefix.Text, r.From.Text, r.To.Text, r.Months.Text, vocab.RequestOf(r.Request.Text)})
	}
	assert.Equal(t, [][]string{
		{"electronic-invoice", "FELA", "1", "100000", "24", "authorization"},
		{"support-document", "DSDS", "990000000", "995000000", "6", "disablement"},
	}, got)
}

// Labels right-aligned against a gutter where each box's number stands,
// values after it: the number is the box's, not a run before the value,
// and the name keeps its wrapped line. A number that can be the value is
// the value: "DV  6  Hoja 1" is a DV of 6.
func TestBoxNumbersInAGutter(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1,
		lbl(222, 100, "Razon|social"), at{x: 300, y: 100, text: "11", size: 6}, at{x: 326, y: 100, text: "ESTACIÓN|DE|SERVICIO|LA|80"},
		at{x: 326, y: 111, text: "S.A.S."},
		lbl(260, 130, "DV"), at{x: 300, y: 130, text: "6"}, at{x: 480, y: 130, text: "Hoja|1"},
	)})
	assert.Equal(t, "ESTACIÓN DE SERVICIO LA 80 S.A.S.", f.BusinessName.Text)
	assert.Equal(t, "6", f.DV.Text)
}

// A table whose cells carry their box numbers over their values, row by
// row ("30 Cód. 31 32 33 38" over each row), under a one-line legend that
// names the boxes: each line of numbers labels the columns of the row
// under it, and is no row itself.
func TestBoxNumbersOverEachRow(t *testing.T) {
	nums := func(y float64) []at {
		small := func(x float64, s string) at { return at{x: x, y: y, text: s, size: 6} }
		return []at{small(40, "30"), small(150, "Cód."), small(190, "31"), small(240, "32"), small(320, "33"), small(400, "38"), small(440, "Tipo")}
	}
	row := func(y float64, kind, code, prefix, from, to, months, req string) []at {
		return []at{{x: 40, y: y, text: kind}, {x: 150, y: y, text: code}, {x: 190, y: y, text: prefix}, {x: 240, y: y, text: from},
			{x: 320, y: y, text: to}, {x: 400, y: y, text: months}, {x: 440, y: y, text: req}}
	}
	runs := slices.Concat(
		[]at{lbl(40, 90, "Casillas:|30.|Modalidad|·|31.|Prefijo|·|32.|Desde|el|número|·|33.|Hasta|el|número|·|38.|Vigencia")},
		nums(100), row(110, "Factura|por|computador", "3", "PC", "990.000.000", "995.000.000", "18", "Habilitación"),
		nums(125), row(135, "Factura|electrónica|de|venta", "1", "SETT", "1", "50.000", "12", "Inhabilitación"),
	)
	pg := newPage(pageOf(2, runs...))
	numbered := 0
	for _, l := range pg.labels {
		if l.text == "32" && l.spec.key == "from" || l.text == "33" && l.spec.key == "to" {
			numbered++
		}
	}
	assert.Equal(t, 4, numbered, "each line of numbers labels its columns")
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 2)
	assert.Equal(t, []string{"PC", "990.000.000", "995.000.000", "18"}, []string{f.Rows[0].Prefix.Text, f.Rows[0].From.Text, f.Rows[0].To.Text, f.Rows[0].Months.Text})
	assert.Equal(t, []string{"SETT", "1", "50.000", "12"}, []string{f.Rows[1].Prefix.Text, f.Rows[1].From.Text, f.Rows[1].To.Text, f.Rows[1].Months.Text})
}

// A bilingual copy: each label followed by its English translation after a
// slash, in another style, wrapped under it. The translation is the
// label's, never the name; the name beside it keeps its wrapped line.
func TestBilingualLabels(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1,
		lbl(58, 100, "4|Número|de|Formulario|/"), at{x: 120, y: 100, text: "Form|number", size: 6, font: "I"}, at{x: 300, y: 100, text: "18766818548088"},
		lbl(58, 140, "11|Razón|Social|/"), at{x: 120, y: 140, text: "Company", size: 6, font: "I"}, at{x: 190, y: 140, text: "LAVANDERÍA|EXPRESS"},
		at{x: 58, y: 150, text: "name", size: 6, font: "I"}, at{x: 190, y: 150, text: "NÚMERO|1|S.A.S."},
	)})
	assert.Equal(t, "LAVANDERÍA EXPRESS NÚMERO 1 S.A.S.", f.BusinessName.Text)
}

// Rows grouped under headings that name their modality, in a table with no
// modality column: every row takes its group's modality, and a heading
// does not end the table.
func TestRowsGroupedUnderModalityHeadings(t *testing.T) {
	runs := []at{
		lbl(40, 100, "31.|Prefijo"), lbl(120, 100, "32.|Desde|el|número"), lbl(220, 100, "33.|Hasta|el|número"),
		lbl(320, 100, "38.|Vigencia"), lbl(380, 100, "Tipo|de|solicitud"),
		lbl(40, 118, "30.|Modalidad:"), {x: 90, y: 118, text: "DOCUMENTO|SOPORTE|-"}, lbl(200, 118, "Cód."), {x: 220, y: 118, text: "6"},
		{x: 40, y: 128, text: "DSA"}, {x: 120, y: 128, text: "1"}, {x: 220, y: 128, text: "1|000"}, {x: 320, y: 128, text: "6"}, {x: 380, y: 128, text: "AUTORIZACION"},
		{x: 40, y: 138, text: "COMP"}, {x: 120, y: 138, text: "1|001"}, {x: 220, y: 138, text: "1|500"}, {x: 320, y: 138, text: "24"}, {x: 380, y: 138, text: "AUTORIZACION"},
		lbl(40, 148, "30.|Modalidad:"), {x: 90, y: 148, text: "FACTURA|ELECTRONICA|DE|VENTA"},
		{x: 40, y: 158, text: "SETT"}, {x: 120, y: 158, text: "1"}, {x: 220, y: 158, text: "50|000"}, {x: 320, y: 158, text: "24"}, {x: 380, y: 158, text: "INHABILITACION"},
	}
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 3)
	var got [][]string
	for _, r := range f.Rows {
		got = append(got, []string{vocab.KindOf(r.Kind.Text), r.Prefix.Text, r.To.Text})
	}
	assert.Equal(t, [][]string{{"support-document", "DSA", "1 000"}, {"support-document", "COMP", "1 500"}, {"electronic-invoice", "SETT", "50 000"}}, got)
}

// A note under the table that holds a number where a bound could stand
// ("- Esta copia se genera a partir del formulario 1876 …") is prose: it
// ends the table and is no row.
func TestNoteUnderTheTableEndsIt(t *testing.T) {
	runs := append(header(100),
		at{x: 40, y: 120, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, at{x: 170, y: 120, text: "1"}, at{x: 200, y: 120, text: "FE"},
		at{x: 250, y: 120, text: "1"}, at{x: 330, y: 120, text: "1,000"}, at{x: 410, y: 120, text: "24"}, at{x: 460, y: 120, text: "AUTORIZACIÓN"},
		at{x: 93, y: 132, text: "-|Esta|copia|se|genera|a|partir|del|formulario|1876|descargado|de|los|servicios|informáticos", size: 6})
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 1)
	assert.Empty(t, f.MissedRows)
}

// A label's English translation printed under it without a slash is the
// label's too, and the name beside it keeps its wrapped lines. A wrapped
// line with unlabelled text left of it leaves the name in doubt: it is
// refused, never returned short.
func TestNameWrapsPastAGlossButNotPastUnknownText(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1,
		lbl(58, 140, "11|Razón|Social"), at{x: 190, y: 140, text: "CENTRO|MÉDICO"},
		at{x: 58, y: 150, text: "Company|name", size: 6, font: "I"}, at{x: 190, y: 150, text: "INTEGRAL|VIDA|SANA"},
	)})
	assert.Equal(t, "CENTRO MÉDICO INTEGRAL VIDA SANA", f.BusinessName.Text)

	f = Read([]*pdftext.Page{pageOf(1,
		lbl(58, 140, "11|Razón|Social"), at{x: 190, y: 140, text: "CENTRO|MÉDICO"},
		at{x: 58, y: 150, text: "Sigla|comercial", size: 6}, at{x: 190, y: 150, text: "INTEGRAL|VIDA|SANA"},
	)})
	assert.NotEqual(t, "CENTRO MÉDICO", f.BusinessName.Text, "a name that may go on is not returned short")
}

// A modality heading right under the header is no column of it: the row
// under it keeps its prefix in the prefix column.
func TestModalityHeadingRightUnderTheHeader(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(2,
		lbl(40, 100, "31.|Prefijo"), lbl(120, 100, "32.|Desde|el|número"), lbl(220, 100, "33.|Hasta|el|número"),
		lbl(320, 100, "38.|Vigencia"), lbl(380, 100, "Tipo|de|solicitud"),
		lbl(40, 107, "30.|Modalidad:"), at{x: 90, y: 107, text: "Documento|equivalente|electrónico", size: 6},
		at{x: 40, y: 117, text: "DE"}, at{x: 120, y: 117, text: "1"}, at{x: 220, y: 117, text: "1|000"}, at{x: 320, y: 117, text: "18"}, at{x: 380, y: 117, text: "Autorización"},
	)})
	require.Len(t, f.Rows, 1)
	assert.Equal(t, []string{"equivalent-document", "DE", "1 000"}, []string{vocab.KindOf(f.Rows[0].Kind.Text), f.Rows[0].Prefix.Text, f.Rows[0].To.Text})
}

// An item number under a header the reader does not know ("Ítem") and the
// modality a cell away are two cells: the modality is read whole.
func TestItemNumberColumn(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(2,
		lbl(47, 100, "Ítem"), lbl(145, 100, "30.|Modalidad"), lbl(274, 100, "Cód."), lbl(312, 100, "31.|Prefijo"),
		lbl(372, 100, "32.|Desde|el|número"), lbl(466, 100, "33.|Hasta|el|número"), lbl(560, 100, "Tipo|de|solicitud"),
		at{x: 52, y: 115, text: "1"}, at{x: 76, y: 115, text: "FACTURA|ELECTRONICA|DE|VENTA"}, at{x: 280, y: 115, text: "1"},
		at{x: 312, y: 115, text: "FE"}, at{x: 380, y: 115, text: "990.000.000"}, at{x: 470, y: 115, text: "995.000.000"}, at{x: 560, y: 115, text: "AUTORIZACION"},
	)})
	require.Len(t, f.Rows, 1)
	assert.Equal(t, "FACTURA ELECTRONICA DE VENTA", f.Rows[0].Kind.Text)
}

// A vendor's copy prints codes in its table ("FE", "AUT") and spells them
// out in its conventions: the cells are read through those words. A code
// the document does not define stays what it is.
func TestCodesDefinedByTheDocument(t *testing.T) {
	runs := []at{
		lbl(54, 100, "#"), lbl(70, 100, "Mod."), lbl(99, 100, "Prefijo"), lbl(151, 100, "Desde"), lbl(217, 100, "Hasta"),
		lbl(267, 100, "Meses"), lbl(330, 100, "Sol."),
		{x: 54, y: 112, text: "1"}, {x: 70, y: 112, text: "FE"}, {x: 99, y: 112, text: "FEV"}, {x: 151, y: 112, text: "1"},
		{x: 217, y: 112, text: "5,000"}, {x: 267, y: 112, text: "24"}, {x: 330, y: 112, text: "AUT"},
		{x: 54, y: 124, text: "2"}, {x: 70, y: 124, text: "XX"}, {x: 99, y: 124, text: "P"}, {x: 151, y: 124, text: "1"},
		{x: 217, y: 124, text: "500"}, {x: 267, y: 124, text: "12"}, {x: 330, y: 124, text: "HAB"},
		{x: 54, y: 150, text: "Convenciones|-|Modalidad:|FE|=|Factura|electrónica|de|venta.|Solicitud:|AUT|=|Autorización;|HAB|=", size: 6},
		{x: 54, y: 158, text: "Habilitación.", size: 6},
	}
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 2)
	assert.Equal(t, []string{"Factura electrónica de venta", "Autorización"}, []string{f.Rows[0].Kind.Text, f.Rows[0].Request.Text})
	assert.Equal(t, []string{"XX", "Habilitación"}, []string{f.Rows[1].Kind.Text, f.Rows[1].Request.Text})
}

// One table per request type, each under a heading that names it, with no
// request column ("A. Rangos solicitados para Autorización - TIPO DE
// SOLICITUD, CÓD. 1"): the heading's labels head no column, a column
// glossed "(prefijo + número)" is no second prefix column, and each row's
// request is its heading's. A row of a section that the reading stopped
// short of (a cell that wraps around its row in a way it could not follow)
// is counted lost, so that the ranges listed never look complete.
func TestTablesSplitByRequestType(t *testing.T) {
	header := func(y float64) []at {
		return []at{lbl(78, y, "30.|MODALIDAD"), lbl(212, y, "31.|PREFIJO"), lbl(266, y, "32.|DESDE|EL|NÚMERO"),
			lbl(360, y, "33.|HASTA|EL|NÚMERO"), lbl(440, y, "Rango|autorizado|(prefijo|+|número)"), lbl(560, y, "38.|VIGENCIA")}
	}
	row := func(y float64, kind, prefix, from, to, joined, months string) []at {
		return []at{{x: 40, y: y, text: kind}, {x: 212, y: y, text: prefix}, {x: 266, y: y, text: from},
			{x: 360, y: y, text: to}, {x: 440, y: y, text: joined}, {x: 560, y: y, text: months}}
	}
	runs := slices.Concat(
		[]at{lbl(40, 90, "A.|Rangos|solicitados|para|Autorización|-|TIPO|DE|SOLICITUD,|CÓD.|1")}, header(100),
		row(115, "POS", "FV", "1.001", "51.000", "FV1001|a|FV51000", "12"),
		[]at{lbl(40, 140, "B.|Rangos|solicitados|para|Habilitación|-|TIPO|DE|SOLICITUD,|CÓD.|2")}, header(150),
		row(165, "POS", "DS", "1.667", "5.000", "DS1667|a|DS5000", "24"),
	)
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 2)
	assert.Equal(t, []string{"FV", "1.001", "51.000", "Autorización"}, []string{f.Rows[0].Prefix.Text, f.Rows[0].From.Text, f.Rows[0].To.Text, f.Rows[0].Request.Text})
	assert.Equal(t, []string{"DS", "1.667", "5.000", "Habilitación"}, []string{f.Rows[1].Prefix.Text, f.Rows[1].From.Text, f.Rows[1].To.Text, f.Rows[1].Request.Text})
	assert.Zero(t, f.MissedRows)

	// Section A's second row stands past a line the reading cannot place.
	runs = slices.Concat(
		[]at{lbl(40, 90, "A.|Rangos|solicitados|para|Autorización|-|TIPO|DE|SOLICITUD,|CÓD.|1")}, header(100),
		row(115, "POS", "FV", "1.001", "51.000", "FV1001|a|FV51000", "12"),
		[]at{{x: 300, y: 125, text: "véase|la|nota|al|pie"}},
		row(135, "POS", "FE", "1", "1.000", "FE1|a|FE1000", "12"),
		[]at{lbl(40, 160, "B.|Rangos|solicitados|para|Habilitación|-|TIPO|DE|SOLICITUD,|CÓD.|2")}, header(170),
		row(185, "POS", "DS", "1.667", "5.000", "DS1667|a|DS5000", "24"),
	)
	f = Read([]*pdftext.Page{pageOf(2, runs...)})
	assert.Len(t, f.Rows, 2)
	assert.Equal(t, 1, f.MissedRows)
	assert.True(t, f.MissedAmongRows, "a row lost before the last one read")
}

// A cell of a column no field reads may wrap a number over its row's
// lines ("FV1001 a" above the row, "FV51000" under it): those lines are
// the row's text and the table goes on. A line with two numbers under
// that column is no cell text but a row that did not align, and is
// reported as an unread row.
func TestNumbersWrappedInAnUnreadColumn(t *testing.T) {
	header := []at{lbl(78, 100, "30.|MODALIDAD"), lbl(212, 100, "31.|PREFIJO"), lbl(266, 100, "32.|DESDE|EL|NÚMERO"),
		lbl(360, 100, "33.|HASTA|EL|NÚMERO"), lbl(440, 100, "Rango|autorizado|(prefijo|+|número)"), lbl(560, 100, "38.|VIGENCIA")}
	row := func(y float64, kind, prefix, from, to, months string) []at {
		return []at{{x: 78, y: y - 9, text: kind}, {x: 440, y: y - 9, text: prefix + from + "|a"},
			{x: 212, y: y, text: prefix}, {x: 266, y: y, text: from}, {x: 360, y: y, text: to}, {x: 560, y: y, text: months},
			{x: 78, y: y + 9, text: "venta"}, {x: 440, y: y + 9, text: prefix + to}}
	}
	runs := slices.Concat(header, row(130, "Factura|electrónica|de", "FV", "1001", "51000", "12"),
		row(170, "Factura|electrónica|de", "FE", "1", "2000", "24"))
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 2)
	assert.Equal(t, []string{"FV", "1001", "51000", "Factura electrónica de venta"},
		[]string{f.Rows[0].Prefix.Text, f.Rows[0].From.Text, f.Rows[0].To.Text, f.Rows[0].Kind.Text})
	assert.Equal(t, []string{"FE", "1", "2000", "24"}, []string{f.Rows[1].Prefix.Text, f.Rows[1].From.Text, f.Rows[1].To.Text, f.Rows[1].Months.Text})
	assert.Zero(t, f.MissedRows)

	runs = slices.Concat(header, row(130, "Factura|electrónica|de", "FV", "1001", "51000", "12"),
		[]at{{x: 440, y: 148, text: "5001|10000"}}, row(170, "Factura|electrónica|de", "FE", "1", "2000", "24"))
	f = Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 3, "two numbers under an unread column may be a row")
	assert.Equal(t, []string{"", ""}, []string{f.Rows[1].From.Text, f.Rows[1].To.Text}, "a row that did not align is reported unread")
}

// Blocks of "label: value | label: value" lines, one per range, as a
// notice prints them. A longer value ("Sin prefijo") pushes its block's
// "desde" right, nearer the next block's labels than its own, and
// sentences under the blocks say "prefijo" too: each label still goes to
// its own block. "Sin prefijo" is the value, an empty prefix, and its
// word "prefijo" no label.
func TestBlocksWhoseAnchorsShiftWithTheirValues(t *testing.T) {
	block := func(y float64, prefix string, fromX float64, from, to, months string) []at {
		return []at{
			lbl(76, y, "Modalidad:"), {x: 114, y: y, text: "Factura|electrónica|de|venta", size: 6},
			lbl(76, y+8, "Prefijo:"), {x: 106, y: y + 8, text: prefix, size: 6}, {x: fromX - 6, y: y + 8, text: "|", size: 6},
			lbl(fromX, y+8, "Desde|el|número:"), {x: fromX + 50, y: y + 8, text: from, size: 6}, {x: fromX + 74, y: y + 8, text: "|", size: 6},
			lbl(fromX+80, y+8, "Hasta|el|número:"), {x: fromX + 130, y: y + 8, text: to, size: 6},
			lbl(76, y+16, "Vigencia:"), {x: 110, y: y + 16, text: months + "|meses", size: 6},
		}
	}
	runs := slices.Concat(
		block(300, "DS", 125, "1", "2.000", "24"),
		block(340, "DE", 126, "10.001", "20.000", "12"),
		block(380, "Sin|prefijo", 145, "1.001", "51.000", "6"),
		[]at{{x: 60, y: 420, text: "La|asociación|del|prefijo|al|software|solo|es|posible|dos|horas|después|de|la|firma.", size: 6},
			{x: 60, y: 470, text: "El|rango|anterior,|con|prefijo|DS,|del|1|al|1.000,|vence|el|1|de|enero.", size: 6}},
	)
	f := Read([]*pdftext.Page{pageOf(1, runs...)})
	require.Len(t, f.Rows, 3)
	var got [][]string
	for _, r := range f.Rows {
		got = append(got, []string{r.Prefix.Text, r.From.Text, r.To.Text, r.Months.Text})
	}
	assert.Equal(t, [][]string{{"DS", "1", "2.000", "24"}, {"DE", "10.001", "20.000", "12"}, {"", "1.001", "51.000", "6"}}, got)
	assert.True(t, f.Rows[2].Prefix.Found, "printed as none: a real, empty prefix")
	assert.Empty(t, f.Rows[2].Prefix.Conflict)
}

// Two cards side by side, each printing "38. Vigencia" over its other
// boxes with nothing beside it, and "Vigencia (meses)" further down with
// the value: each card's months come from the label that holds one.
func TestBlocksPreferTheLabelThatHoldsAValue(t *testing.T) {
	card := func(x float64, prefix, from, to, months string) []at {
		return []at{
			lbl(x, 100, "Rango"),
			lbl(x, 110, "31.|Prefijo"), {x: x + 60, y: 110, text: prefix, size: 7},
			lbl(x, 120, "32.|Desde|el|número"), {x: x + 60, y: 120, text: from, size: 7},
			lbl(x, 130, "33.|Hasta|el|número"), {x: x + 60, y: 130, text: to, size: 7},
			lbl(x, 140, "38.|Vigencia"),
			lbl(x, 160, "Vigencia|(meses)"), {x: x + 60, y: 160, text: months, size: 7},
		}
	}
	runs := slices.Concat(card(40, "FE", "1001", "11000", "24"), card(300, "MR", "1", "1000", "12"))
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 2)
	assert.Equal(t, []string{"24", "12"}, []string{f.Rows[0].Months.Text, f.Rows[1].Months.Text})
}

// A name under a line of text that is no value but is set in the name's
// style (its first line, spoilt by a hint printed on it) may be that
// line's continuation: it is refused, never returned short. A hint on a
// line of its own, in another style, is no part of the name.
func TestNameUnderUnreadTextIsRefused(t *testing.T) {
	name := func(hintY float64) Field {
		return Read([]*pdftext.Page{pageOf(1,
			lbl(45, 180, "11.|Razón|social"),
			at{x: 47, y: 194, text: "SOCIEDAD|DE|COMERCIALIZACIÓN|DE|CAFÉS|DE|LA|SIERRA"},
			at{x: 235, y: hintY, text: "Diligencie|este|campo", size: 5}, // over the end of "SIERRA"
			at{x: 47, y: 205, text: "NEVADA|DE|SANTA|MARTA|S.A.S."},
		)}).BusinessName
	}
	f := name(194)
	assert.Empty(t, f.Text, "the first line holds the hint: the second alone is no name")
	assert.True(t, f.Found)
	assert.Contains(t, f.Conflict, "SIERRA")

	f = name(187)
	assert.Equal(t, "SOCIEDAD DE COMERCIALIZACIÓN DE CAFÉS DE LA SIERRA NEVADA DE SANTA MARTA S.A.S.", f.Text)
}

// Labels in a column with their values in another, the name wrapped over
// four lines centred on its label: two above the label's middle, two
// below. The lines above are no wrap of the label over them ("DV"), and
// the name is all four lines, never its last.
func TestNameCentredOnItsLabel(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1,
		lbl(44, 177, "Número|de|Identificación|Tributaria|(NIT)"), at{x: 242, y: 177, text: "890966107", font: "L"},
		lbl(44, 191, "DV"), at{x: 242, y: 191, text: "4", font: "L"},
		at{x: 242, y: 205, text: "FONDO|DE|EMPLEADOS|DE|LAS|EMPRESAS", size: 6, font: "L"},
		at{x: 242, y: 213, text: "DE|SERVICIOS|PÚBLICOS|DOMICILIARIOS|DE", size: 6, font: "L"},
		lbl(44, 217, "Razón|social"),
		at{x: 242, y: 221, text: "ACUEDUCTO|ALCANTARILLADO|Y|ASEO|DE", size: 6, font: "L"},
		at{x: 242, y: 229, text: "BOYACÁ", size: 6, font: "L"},
		lbl(44, 245, "Cód.|Dirección|Seccional"), at{x: 242, y: 245, text: "32", font: "L"},
	)})
	assert.Equal(t, "4", f.DV.Text)
	assert.Equal(t, "FONDO DE EMPLEADOS DE LAS EMPRESAS DE SERVICIOS PÚBLICOS DOMICILIARIOS DE ACUEDUCTO ALCANTARILLADO Y ASEO DE BOYACÁ", f.BusinessName.Text)
}

// A person's names hold no digits: under an empty "Otros nombres" the
// next row's "12 Secc." is no name. A name repeated on the rows under it
// (an export that repeats it on every range) is one name, not a wrap.
func TestNamesHoldNoNextRows(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1,
		lbl(50, 94, "Apellido|1"), at{x: 134, y: 94, text: "MONTES|DE|OCA"},
		lbl(50, 105, "Apellido|2"), at{x: 134, y: 105, text: "DE|LA|ESPRIELLA"},
		lbl(50, 116, "Nombre|1"), at{x: 134, y: 116, text: "MARÍA|JOSÉ"},
		lbl(50, 128, "Otros|nombres"),
		at{x: 134, y: 139, text: "12|Secc."}, at{x: 200, y: 139, text: "05"},
	)})
	assert.Equal(t, "", f.OtherNames.Text)

	f = Read([]*pdftext.Page{pageOf(1,
		lbl(40, 100, "Razón|social"),
		at{x: 40, y: 110, text: "FONDO|DE|EMPLEADOS|DEL|HUILA"},
		at{x: 40, y: 118, text: "FONDO|DE|EMPLEADOS|DEL|HUILA"},
		at{x: 40, y: 126, text: "FONDO|DE|EMPLEADOS|DEL|HUILA"},
	)})
	assert.Equal(t, "FONDO DE EMPLEADOS DEL HUILA", f.BusinessName.Text)
}

// Dates in a table's cells come back as ISO dates whatever their
// spelling; a cell that holds no single date is reported, not kept.
func TestTableDatesAsISO(t *testing.T) {
	header := []at{lbl(40, 100, "31.|Prefijo"), lbl(90, 100, "32.|Desde"), lbl(140, 100, "33.|Hasta"),
		lbl(190, 100, "38.|Vigencia"), lbl(240, 100, "Fecha|inicial"), lbl(330, 100, "Fecha|final")}
	row := func(y float64, prefix, from, to, months, start, end string) []at {
		return []at{{x: 40, y: y, text: prefix}, {x: 90, y: y, text: from}, {x: 140, y: y, text: to},
			{x: 190, y: y, text: months}, {x: 240, y: y, text: start}, {x: 330, y: y, text: end}}
	}
	f := Read([]*pdftext.Page{pageOf(2, slices.Concat(header,
		row(115, "FE", "1", "1000", "12", "julio|22|de|2019", "22/07/2020"),
		row(130, "DS", "1", "500", "24", "2019-07-22", "31/02/2021"))...)})
	require.Len(t, f.Rows, 2)
	assert.Equal(t, []string{"2019-07-22", "2020-07-22"}, []string{f.Rows[0].ValidFrom.Text, f.Rows[0].ValidTo.Text})
	assert.Equal(t, "2019-07-22", f.Rows[1].ValidFrom.Text)
	assert.Empty(t, f.Rows[1].ValidTo.Text)
	assert.Contains(t, f.Rows[1].ValidTo.Conflict, "31/02/2021", "no such day")
}

// A line that names a request and prints a date and a time ("Fecha de
// autorización: 2024-07-05 05:43:49") is no row of the table: only range
// bounds count. A row that did not align still does.
func TestRowCountCountsBoundsNotDates(t *testing.T) {
	runs := append(header(100),
		at{x: 40, y: 120, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, at{x: 170, y: 120, text: "1"}, at{x: 200, y: 120, text: "FE"},
		at{x: 250, y: 120, text: "1"}, at{x: 330, y: 120, text: "1,000"}, at{x: 410, y: 120, text: "24"}, at{x: 460, y: 120, text: "AUTORIZACIÓN"},
		at{x: 40, y: 60, text: "Fecha|de|autorización:|2024-07-05|05:43:49"})
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 1)
	assert.Zero(t, f.MissedRows)

	runs = append(runs, at{x: 40, y: 200, text: "Otro|rango|5001|a|6000|AUTORIZACIÓN"})
	f = Read([]*pdftext.Page{pageOf(2, runs...)})
	assert.Equal(t, 1, f.MissedRows)
}

// A spreadsheet's abbreviated headers: "Vig." is the months' column, "F.
// inicial" and "F. final" the dates'.
func TestAbbreviatedDateAndMonthHeaders(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(2,
		lbl(28, 100, "Mod."), lbl(276, 100, "Cód."), lbl(299, 100, "Pref."), lbl(344, 100, "Desde"), lbl(395, 100, "Hasta"),
		lbl(425, 100, "Vig."), lbl(452, 100, "F.|inicial"), lbl(504, 100, "F.|final"),
		at{x: 28, y: 112, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, at{x: 278, y: 112, text: "1"}, at{x: 299, y: 112, text: "SETP"},
		at{x: 350, y: 112, text: "300"}, at{x: 400, y: 112, text: "500"}, at{x: 428, y: 112, text: "18"},
		at{x: 452, y: 112, text: "04/04/2020"}, at{x: 504, y: 112, text: "04/10/2021"},
	)})
	require.Len(t, f.Rows, 1)
	r := f.Rows[0]
	assert.Equal(t, []string{"300", "500", "18", "2020-04-04", "2021-10-04"}, []string{r.From.Text, r.To.Text, r.Months.Text, r.ValidFrom.Text, r.ValidTo.Text})
}

// A request cell merged over two rows prints between them, with its
// code: both rows are read, the table goes on past it.
func TestRequestCellMergedOverTwoRows(t *testing.T) {
	runs := append(header(100),
		at{x: 40, y: 120, text: "TALONARIO|O|DE|PAPEL"}, at{x: 170, y: 120, text: "2"}, at{x: 200, y: 120, text: "TAL"},
		at{x: 250, y: 120, text: "1"}, at{x: 330, y: 120, text: "10.000"}, at{x: 410, y: 120, text: "24"},
		at{x: 460, y: 129, text: "AUTORIZACIÓN"}, at{x: 540, y: 129, text: "1"},
		at{x: 40, y: 138, text: "MÁQUINA|REGISTRADORA|POS"}, at{x: 170, y: 138, text: "4"},
		at{x: 250, y: 138, text: "1"}, at{x: 330, y: 138, text: "10.000"}, at{x: 410, y: 138, text: "18"})
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 2)
	assert.Equal(t, []string{"TAL", "1", "10.000", "24"}, []string{f.Rows[0].Prefix.Text, f.Rows[0].From.Text, f.Rows[0].To.Text, f.Rows[0].Months.Text})
	assert.Equal(t, []string{"1", "10.000", "18"}, []string{f.Rows[1].From.Text, f.Rows[1].To.Text, f.Rows[1].Months.Text})

	// The months merged over two rows: both rows are read; the second,
	// whose months stand over it, is not given the first's.
	runs = append(header(100),
		at{x: 200, y: 120, text: "FELA"}, at{x: 250, y: 120, text: "10,001"}, at{x: 330, y: 120, text: "110,000"},
		at{x: 410, y: 129, text: "24"},
		at{x: 200, y: 138, text: "FV"}, at{x: 250, y: 138, text: "10,001"}, at{x: 330, y: 138, text: "110,000"})
	f = Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 2)
	assert.Equal(t, "FV", f.Rows[1].Prefix.Text)
	assert.NotEqual(t, f.Rows[0].Months.Text, f.Rows[1].Months.Text, "one merged cell is not read twice")
}

// "NIT de la DIAN 800197268-4. Línea de atención 601 307 8064" is DIAN's
// address, no NIT box: the taxpayer's NIT is read from its own label.
func TestDIANsNITIsNoLabel(t *testing.T) {
	dian := at{x: 40, y: 300, text: "Unidad|Administrativa|Especial|DIAN,|NIT|de|la|DIAN|800197268-4.|Línea|de|atención|601|307|8064", size: 6}
	f := Read([]*pdftext.Page{pageOf(1,
		lbl(40, 100, "5.|NIT"), at{x: 120, y: 100, text: "900204605"}, lbl(300, 100, "6.|DV"), at{x: 340, y: 100, text: "7"}, dian)})
	assert.Equal(t, "900204605", f.NIT.Text)

	// The box left empty: nothing of DIAN's address stands in for it.
	f = Read([]*pdftext.Page{pageOf(1, lbl(40, 100, "5.|NIT"), lbl(300, 100, "6.|DV"), at{x: 340, y: 100, text: "7"}, dian)})
	assert.Empty(t, f.NIT.Text)
	assert.NotContains(t, f.NIT.Conflict+f.NIT.Near, "800197268")
}

// Where the layout found the NIT's box and doubted it (two numbers in one
// cell), a NIT the text order reads elsewhere (a provider's letterhead)
// does not settle it.
func TestTextOrderDoesNotSettleALayoutDoubt(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1,
		at{x: 40, y: 40, text: "NIT|901.149.467-5|·|Proveedor|tecnológico|autorizado", size: 7},
		lbl(40, 100, "5.|NIT"), at{x: 120, y: 100, text: "900204605|800197268"},
	)})
	assert.Empty(t, f.NIT.Text)
	assert.NotEmpty(t, f.NIT.Conflict)
}

// Cells of the ranges set beside the taxpayer's boxes by another column
// are no names: a person's name holds no modality or request word, and
// no business is named "Factura …", only with a modality's words, or
// with one short token (a prefix).
func TestRangeCellsAreNoNames(t *testing.T) {
	for _, tc := range []struct{ label, value string }{
		{"11.|Razón|social", "VENTA"},
		{"11.|Razón|social", "DOCUMENTO|SOPORTE"},
		{"11.|Razón|social", "FE"},
		{"11.|Razón|social", "Factura|electrónica|de|venta|-|1"},
		{"8.|Segundo|apellido", "Factura|por"},
		{"9.|Primer|nombre", "AUTORIZACIÓN"},
		{"11.|Razón|social", "Autorización|-|1"},
	} {
		f := Read([]*pdftext.Page{pageOf(1, lbl(40, 100, tc.label), at{x: 160, y: 100, text: tc.value})})
		assert.Empty(t, f.BusinessName.Text+f.Surname2.Text+f.GivenName.Text, tc.value)
	}
	f := Read([]*pdftext.Page{pageOf(1, lbl(40, 100, "9.|Primer|nombre"), at{x: 160, y: 100, text: "ANA"},
		lbl(40, 120, "11.|Razón|social"), at{x: 160, y: 120, text: "VENTAS|Y|SERVICIOS|DEL|NORTE|S.A.S."})})
	assert.Equal(t, "ANA", f.GivenName.Text)
	assert.Equal(t, "VENTAS Y SERVICIOS DEL NORTE S.A.S.", f.BusinessName.Text)
}

// A name wrapped right-aligned or centred under its label is read whole;
// a line in the name's style under it, aligned otherwise, leaves the name
// in doubt rather than returned short. A rule of dashes is no such line.
func TestNameWrapsKeepTheirAlignment(t *testing.T) {
	name := func(second at) Field {
		return Read([]*pdftext.Page{pageOf(1,
			lbl(40, 100, "11.|Razón|social"),
			at{x: 100, y: 112, text: "COOPERATIVA|DE|TRABAJO|ASOCIADO|DEL|SUR"}, second,
		)}).BusinessName
	}
	w1, w2 := runWidth("COOPERATIVA|DE|TRABAJO|ASOCIADO|DEL|SUR", 9), runWidth("DEL|CESAR", 9)
	assert.Equal(t, "COOPERATIVA DE TRABAJO ASOCIADO DEL SUR DEL CESAR", name(at{x: 100 + w1 - w2, y: 122, text: "DEL|CESAR"}).Text, "right-aligned")
	assert.Equal(t, "COOPERATIVA DE TRABAJO ASOCIADO DEL SUR DEL CESAR", name(at{x: 100 + (w1-w2)/2, y: 122, text: "DEL|CESAR"}).Text, "centred")
	f := name(at{x: 130, y: 122, text: "DEL|CESAR"})
	assert.Empty(t, f.Text, "aligned neither way")
	assert.Contains(t, f.Conflict, "may go on")
	assert.Equal(t, "COOPERATIVA DE TRABAJO ASOCIADO DEL SUR", name(at{x: 40, y: 122, text: "-----------------------------------------------------"}).Text)
}

// A letterhead prints its own NIT beside the taxpayer's box. The DV box
// tells which one is the taxpayer's, else the NIT label that stands by
// the DV's; when neither does, the NIT is left unread. A NIT printed only
// in a letter's sentence counts too.
func TestTwoTaxpayersNITs(t *testing.T) {
	head := at{x: 200, y: 40, text: "Contadores|Públicos|-|NIT|901.987.186-5", size: 7}
	// The letterhead's NIT beside its label, the taxpayer's under its own:
	// the cheaper reading is the letterhead's.
	f := Read([]*pdftext.Page{pageOf(1, head,
		lbl(76, 230, "NIT"), at{x: 76, y: 258, text: "902915566"}, lbl(300, 230, "DV"), at{x: 300, y: 242, text: "6"})})
	assert.Equal(t, "902915566", f.NIT.Text, "the DV is this NIT's")

	// Both NITs' check digits are 5: the label by the DV's is the taxpayer's.
	f = Read([]*pdftext.Page{pageOf(1, at{x: 60, y: 700, text: "SOLUCIONES|NUBE|S.A.S.|-|NIT|901.438.589-5", size: 7},
		lbl(76, 230, "NIT:"), at{x: 200, y: 230, text: "800371526"}, lbl(76, 242, "DV:"), at{x: 200, y: 242, text: "5"})})
	assert.Equal(t, "800371526", f.NIT.Text)

	// No DV box, the taxpayer's NIT only in a sentence: neither is taken.
	f = Read([]*pdftext.Page{pageOf(1, head,
		at{x: 72, y: 300, text: "CÓNDOR|S.A.,|identificado(a)|con|NIT|902.915.566-6,|mediante|el|formulario|1876"})})
	assert.Empty(t, f.NIT.Text)
	assert.Contains(t, f.NIT.Conflict, "another taxpayer's NIT")
}

// "DV: 9" over "Nombre o razón social:": 9 is the DV, no box number of
// "Nombre" (box 9), and the line under it is one label, the business
// name's.
func TestValueAfterAColonIsNoBoxNumber(t *testing.T) {
	// One font and size for all, as an e-mail prints them.
	pg := newPage(pageOf(1,
		at{x: 75.6, y: 240.9, text: "NIT:|900227099", size: 10},
		at{x: 75.6, y: 253.4, text: "DV:|9", size: 10},
		at{x: 75.6, y: 265.9, text: "Nombre|o|razón|social:|HOTEL|BAHÍA|SOLANO|LTDA.", size: 10},
	))
	var got []string
	for _, l := range pg.labels {
		got = append(got, l.spec.key+" "+l.text)
	}
	assert.Equal(t, []string{"nit NIT:", "dv DV:", "name Nombre o razón social:"}, got)
}

// A row marked void ("<- ANULADO") is no range of the authorization: it
// is left out, with a note, and not counted as a row lost.
func TestAnnulledRowIsLeftOut(t *testing.T) {
	runs := append(header(100),
		at{x: 40, y: 120, text: "DOCUMENTO|EQUIVALENTE|ELECTRÓNICO"}, at{x: 170, y: 120, text: "5"}, at{x: 200, y: 120, text: "POSE"},
		at{x: 250, y: 120, text: "1"}, at{x: 330, y: 120, text: "5000"}, at{x: 410, y: 120, text: "12"}, at{x: 460, y: 120, text: "AUTORIZACIÓN"},
		at{x: 540, y: 120, text: "1"}, at{x: 560, y: 120, text: "<-|ANULADO", size: 7},
		at{x: 40, y: 135, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, at{x: 170, y: 135, text: "1"}, at{x: 200, y: 135, text: "FVE"},
		at{x: 250, y: 135, text: "5001"}, at{x: 330, y: 135, text: "6000"}, at{x: 410, y: 135, text: "24"}, at{x: 460, y: 135, text: "AUTORIZACIÓN"},
		at{x: 540, y: 135, text: "1"})
	f := Read([]*pdftext.Page{pageOf(2, runs...)})
	require.Len(t, f.Rows, 1)
	assert.Equal(t, "FVE", f.Rows[0].Prefix.Text)
	assert.Zero(t, f.MissedRows)
	assert.True(t, slices.ContainsFunc(f.Notes, func(n Note) bool { return strings.Contains(n.Message, "ANULADO") }))
}

// Letter-spaced text is read as words: "E D I T O R I A L   P Á G I N A S"
// is "EDITORIAL PÁGINAS", the wider word space still parting words and a
// name's words still one run. Letters in boxes of their own (ruled apart)
// are not joined this way.
func TestLetterSpacedText(t *testing.T) {
	spaced := func(x, y float64, text string) []at {
		var out []at
		for _, word := range strings.Fields(text) {
			for _, r := range word {
				out = append(out, at{x: x, y: y, text: string(r)})
				x += charWidth(9) + 2.5
			}
			x += 9
		}
		return out
	}
	f := Read([]*pdftext.Page{pageOf(1, slices.Concat(
		[]at{lbl(40, 100, "11.|Razón|social")}, spaced(40, 112, "EDITORIAL PÁGINAS DEL SUR LTDA."))...)})
	assert.Equal(t, "EDITORIAL PÁGINAS DEL SUR LTDA.", f.BusinessName.Text)

	p := pageOf(1, slices.Concat([]at{lbl(40, 100, "11.|Razón|social")}, spaced(40, 112, "EDITORIAL"))...)
	for i := range 10 {
		x := 40 + float64(i)*(charWidth(9)+2.5) - 1.25
		p.Rules = append(p.Rules, pdftext.Rule{X0: x, Y0: 100, X1: x, Y1: 115})
	}
	pg := newPage(p)
	assert.Equal(t, "E", pg.words[pg.lines[1].first].Text, "boxed letters stay apart")
}

// A name set with word spaces wider than a font size ("MINIMERCADO   DOÑA
// ROSA") may go on past the first of its words: it is refused, never
// returned short. A fill line ends a box: the name before it is whole.
func TestNameWithWideWordSpaces(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1, lbl(31, 160, "Razón|social"),
		at{x: 31, y: 172, text: "MINIMERCADO"}, at{x: 31 + runWidth("MINIMERCADO", 9) + 12, y: 172, text: "DOÑA|ROSA"})})
	assert.Empty(t, f.BusinessName.Text)
	assert.Contains(t, f.BusinessName.Conflict, "DOÑA ROSA")

	f = Read([]*pdftext.Page{pageOf(1, lbl(50, 230, "7.|Primer|apellido"), lbl(310, 230, "8.|Segundo|apellido"),
		at{x: 50, y: 242, text: "DE|LA|HOZ"}, at{x: 50 + runWidth("DE|LA|HOZ", 9), y: 242, text: "________________________"},
		at{x: 310, y: 242, text: "OCAMPO"})})
	assert.Equal(t, "DE LA HOZ", f.Surname1.Text)
}

// A number alone under a name (a superscript box number, "11" over
// "Razón social") is no line of the name: the name is read, not rejected
// for holding a digit.
func TestNumberUnderANameIsNoWrap(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1,
		lbl(46, 164, "Primer|apellido"), lbl(179, 164, "Segundo|apellido"),
		at{x: 45, y: 176, text: "OSPINA"}, at{x: 178, y: 176, text: "CASTAÑO"},
		at{x: 43, y: 183, text: "2", size: 6},
		lbl(49, 191, "Razón|social"),
	)})
	assert.Equal(t, []string{"OSPINA", "CASTAÑO"}, []string{f.Surname1.Text, f.Surname2.Text})
}

// Two pages printed side by side on one sheet (a 2-up print): the
// taxpayer's boxes left, the table right, their lines at the same
// heights. Read as one page each line runs on into the other column; read
// as two, both are whole. Labels with their values far to their right
// (no second form beyond the gap) keep the page whole.
func TestTwoPagesSideBySide(t *testing.T) {
	left := []at{
		lbl(40, 100, "4.|Número|de|formulario"), at{x: 40, y: 110, text: "18764003567890"},
		lbl(40, 125, "5.|NIT"), at{x: 40, y: 135, text: "900123456"}, lbl(200, 125, "6.|DV"), at{x: 200, y: 135, text: "8"},
		lbl(40, 150, "11.|Razón|social"), at{x: 40, y: 160, text: "ACME|S.A.S."},
		lbl(40, 175, "12.|Cód.|Dirección|Seccional"), at{x: 40, y: 185, text: "05"},
		at{x: 40, y: 200, text: "Espacio|reservado|para|la|DIAN", size: 6},
		at{x: 40, y: 215, text: "Hoja|1", size: 6}, at{x: 40, y: 230, text: "Firma|del|solicitante", size: 6},
	}
	right := []at{
		lbl(440, 100, "30.|Modalidad"), lbl(520, 100, "31.|Prefijo"), lbl(570, 100, "32.|Desde"), lbl(620, 100, "33.|Hasta"),
		lbl(670, 100, "38.|Vigencia"), lbl(720, 100, "Tipo|de|solicitud"),
		at{x: 440, y: 110, text: "POS"}, at{x: 520, y: 110, text: "P"}, at{x: 570, y: 110, text: "1"}, at{x: 620, y: 110, text: "500"},
		at{x: 670, y: 110, text: "12"}, at{x: 720, y: 110, text: "AUTORIZACIÓN"},
		at{x: 440, y: 125, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, at{x: 520, y: 135, text: "FE"}, at{x: 570, y: 135, text: "1"},
		at{x: 620, y: 135, text: "1000"}, at{x: 670, y: 135, text: "24"}, at{x: 720, y: 135, text: "AUTORIZACIÓN"},
	}
	p := pageOf(1, slices.Concat(left, right)...)
	p.Width = 842
	f := Read([]*pdftext.Page{p})
	assert.Equal(t, []string{"18764003567890", "900123456", "8", "ACME S.A.S."}, []string{f.Number.Text, f.NIT.Text, f.DV.Text, f.BusinessName.Text})
	require.Len(t, f.Rows, 2)
	assert.Equal(t, []string{"P", "1", "500"}, []string{f.Rows[0].Prefix.Text, f.Rows[0].From.Text, f.Rows[0].To.Text})
	assert.Equal(t, 1, f.Rows[0].Page, "page numbers are the sheet's")

	// Labels left, values right beyond a wide gap: one form, read whole.
	var kv []at
	for i, l := range []struct{ label, value string }{{"4.|Número|de|formulario", "18764003567890"}, {"5.|NIT", "900123456"},
		{"6.|DV", "8"}, {"11.|Razón|social", "ACME|S.A.S."}, {"12.|Seccional", "05"}, {"1.|Año", "2024"},
		{"Espacio|reservado", "DIAN"}, {"Hoja", "1"}} {
		y := 100 + 14*float64(i)
		kv = append(kv, lbl(40, y, l.label), at{x: 480, y: y, text: l.value})
	}
	p = pageOf(1, kv...)
	p.Width = 842
	f = Read([]*pdftext.Page{p})
	assert.Equal(t, []string{"900123456", "8", "ACME S.A.S."}, []string{f.NIT.Text, f.DV.Text, f.BusinessName.Text})
}

// A table of the taxpayer's earlier authorizations, each row under its own
// form number, holds no range of this one: its rows, and the rows printed
// under them without a number, are left out with a note, and are not
// counted as rows lost. A table whose rows all cite the form's own number
// is this authorization's.
func TestRowsOfOtherAuthorizationsAreLeftOut(t *testing.T) {
	row := func(y float64, prefix, from, to string) []at {
		return []at{{x: 40, y: y, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, {x: 170, y: y, text: "1"}, {x: 200, y: y, text: prefix},
			{x: 250, y: y, text: from}, {x: 330, y: y, text: to}, {x: 410, y: y, text: "12"}, {x: 460, y: y, text: "AUTORIZACIÓN"}, {x: 540, y: y, text: "1"}}
	}
	number := []at{lbl(40, 40, "4.|Número|de|formulario"), {x: 40, y: 52, text: "18766748856353"}}
	history := slices.Concat(header(100), row(120, "DSE", "5001", "5500"), []at{{x: 570, y: 120, text: "18765679152478"}},
		row(135, "FEB", "5001", "5500"))
	current := slices.Concat(header(300), row(320, "ELEC", "1", "1000"))

	f := Read([]*pdftext.Page{pageOf(1, slices.Concat(number, history, current)...)})
	require.Len(t, f.Rows, 1)
	assert.Equal(t, "ELEC", f.Rows[0].Prefix.Text)
	assert.Zero(t, f.MissedRows)
	assert.True(t, slices.ContainsFunc(f.Notes, func(n Note) bool { return strings.Contains(n.Message, "another authorization (form 18765679152478)") }))

	own := slices.Concat(number, header(100), row(120, "ELEC", "1", "1000"), []at{{x: 570, y: 120, text: "18766748856353"}})
	f = Read([]*pdftext.Page{pageOf(1, own...)})
	require.Len(t, f.Rows, 1, "rows under the form's own number are its ranges")
	assert.Equal(t, "ELEC", f.Rows[0].Prefix.Text)
}

// A label the reader does not know as one ("Díg. verif.", "Otros nom.")
// set where a name goes is no name: every word is a word of the taxpayer
// boxes' labels or an abbreviation of one. One unabbreviated label word
// ("SEGUNDO") may be a person's name; a business's abbreviations are not
// label words.
func TestLabelWordingIsNoName(t *testing.T) {
	for text, want := range map[string]bool{
		"Díg. verif.": true, "Otros nom.": true, "Razón soc.": true, "PRIMER NOMBRE": true, "Secc.": true,
		"SEGUNDO": false, "INVERSIONES DIG S.A.S.": false, "Dist. Ltda.": false, "JOSÉ": false, "S.A.S.": false,
	} {
		assert.Equal(t, want, notAName(11, text), text)
		assert.Equal(t, want, notAName(9, text), text)
	}
	f := Read([]*pdftext.Page{pageOf(1, lbl(40, 100, "11.|Razón|social"), at{x: 40, y: 112, text: "Díg.|verif."})})
	assert.Empty(t, f.BusinessName.Text)
}

// A name set over its caption wraps upwards: its lines over the one read,
// in its style and alignment, up to the label above, are its start. One
// over it aligned otherwise puts it in doubt.
func TestNameAboveItsCaptionReadWhole(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1,
		lbl(40, 60, "5.|Número|de|Identificación|Tributaria|(NIT)"),
		at{x: 40, y: 80, text: "SOCIEDAD|DE|CAFÉS|ESPECIALES|DE|LA|SIERRA"},
		at{x: 40, y: 90, text: "NEVADA|DE|SANTA|MARTA|S.A.S."},
		lbl(40, 99, "11.|Razón|social"))})
	assert.Equal(t, "SOCIEDAD DE CAFÉS ESPECIALES DE LA SIERRA NEVADA DE SANTA MARTA S.A.S.", f.BusinessName.Text)

	f = Read([]*pdftext.Page{pageOf(1,
		lbl(40, 60, "5.|Número|de|Identificación|Tributaria|(NIT)"),
		at{x: 70, y: 80, text: "SOCIEDAD|DE|CAFÉS|ESPECIALES|DE|LA|SIERRA"},
		at{x: 40, y: 90, text: "NEVADA|DE|SANTA|MARTA|S.A.S."},
		lbl(40, 99, "11.|Razón|social"))})
	assert.Empty(t, f.BusinessName.Text)
	assert.Contains(t, f.BusinessName.Conflict, "may begin on the line above")
}

// Beside its label at the end of a full line, a name may wrap to the
// start of the next line as running text does ("FERRETERÍA EL TORNILLO" /
// "FELIZ S.A.S." on a narrow receipt): it is refused, never returned
// short. A short name whose line broke for another reason stands.
func TestNameWrappedToTheMarginIsRefused(t *testing.T) {
	page := func(name string) *pdftext.Page {
		return pageOf(1,
			at{x: 20, y: 90, text: "La|presente|autorización|se|expide|conforme|a|la"},
			at{x: 20, y: 100, text: "11.|Razón|social:"}, at{x: 110, y: 100, text: name},
			at{x: 20, y: 110, text: "FELIZ|S.A.S."})
	}
	f := Read([]*pdftext.Page{page("FERRETERÍA|EL|TORNILLO")})
	assert.Empty(t, f.BusinessName.Text)
	assert.Contains(t, f.BusinessName.Conflict, "FERRETERÍA EL TORNILLO FELIZ S.A.S.")

	f = Read([]*pdftext.Page{page("ACME|S.A.S.")})
	assert.Equal(t, "ACME S.A.S.", f.BusinessName.Text)
}

// Footnote marks glued to values ("DSDS¹", "24²", "18766670028677(1)",
// "PC(2)") are no part of them: the values are read without them.
func TestFootnoteMarksGluedToValues(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1, slices.Concat(
		[]at{lbl(40, 40, "4.|Número|de|formulario"), {x: 40, y: 52, text: "18766670028677(1)"}},
		header(100),
		[]at{{x: 40, y: 120, text: "DOCUMENTO|SOPORTE"}, {x: 170, y: 120, text: "6"}, {x: 200, y: 120, text: "DSDS¹"},
			{x: 250, y: 120, text: "1"}, {x: 330, y: 120, text: "5000*"}, {x: 410, y: 120, text: "24²"}, {x: 460, y: 120, text: "AUTORIZACIÓN"}, {x: 540, y: 120, text: "1"},
			{x: 40, y: 135, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, {x: 170, y: 135, text: "1"}, {x: 200, y: 135, text: "PC(2)"},
			{x: 250, y: 135, text: "5001"}, {x: 330, y: 135, text: "6000"}, {x: 410, y: 135, text: "12"}, {x: 460, y: 135, text: "AUTORIZACIÓN"}, {x: 540, y: 135, text: "1"}})...)})
	assert.Equal(t, "18766670028677", f.Number.Text)
	require.Len(t, f.Rows, 2)
	assert.Equal(t, []string{"DSDS", "5000", "24"}, []string{f.Rows[0].Prefix.Text, f.Rows[0].To.Text, f.Rows[0].Months.Text})
	assert.Equal(t, "PC", f.Rows[1].Prefix.Text)
}

// A modality name set around its row's numbers, a line over them and a
// line under ("MÁQUINA REGISTRADORA" / numbers / "POS"), reaching left of
// its narrow header: the line under continues the cell of the line over,
// and the rows after it are read too.
func TestCellSetAroundItsRow(t *testing.T) {
	nums := func(y float64, code, prefix, from, to string) []at {
		return []at{{x: 170, y: y, text: code}, {x: 200, y: y, text: prefix}, {x: 250, y: y, text: from}, {x: 330, y: y, text: to},
			{x: 410, y: y, text: "24"}, {x: 460, y: y, text: "AUTORIZACIÓN"}, {x: 540, y: y, text: "1"}}
	}
	f := Read([]*pdftext.Page{pageOf(2, slices.Concat(header(100),
		[]at{{x: 5, y: 118, text: "MÁQUINA|REGISTRADORA"}}, nums(123, "4", "PV", "10001", "60000"), []at{{x: 5, y: 128, text: "POS"}},
		[]at{{x: 5, y: 145, text: "FACTURA|POR|COMPUTADOR"}}, nums(145, "3", "FPC", "1", "5000"),
		[]at{{x: 5, y: 162, text: "DOCUMENTO|EQUIVALENTE"}}, nums(167, "5", "DEE", "1", "100000"), []at{{x: 5, y: 172, text: "ELECTRÓNICO"}},
	)...)})
	require.Len(t, f.Rows, 3)
	assert.Equal(t, []string{"PV", "FPC", "DEE"}, []string{f.Rows[0].Prefix.Text, f.Rows[1].Prefix.Text, f.Rows[2].Prefix.Text})
	assert.Equal(t, "MÁQUINA REGISTRADORA POS", f.Rows[0].Kind.Text)
	for _, r := range f.Rows {
		assert.Equal(t, "column", r.From.How, "read by the table's layout, not the text order alone")
	}
	assert.Zero(t, f.MissedRows)
}

// "Sin prefijo" in the prefix cell of a row is the cell's text, an empty
// prefix; codes in parentheses after a modality's or a request's name are
// part of their cells. The row is read by its columns.
func TestNoPrefixInWordsInARow(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(2, slices.Concat(header(100), []at{
		{x: 40, y: 120, text: "Documento|soporte|(6)"}, {x: 200, y: 120, text: "Sin|prefijo"},
		{x: 250, y: 120, text: "1.001"}, {x: 330, y: 120, text: "11.000"}, {x: 410, y: 120, text: "12"}, {x: 460, y: 120, text: "Autorización|(1)"}})...)})
	require.Len(t, f.Rows, 1)
	r := f.Rows[0]
	assert.Equal(t, []string{"", "1.001", "11.000", "12"}, []string{r.Prefix.Text, r.From.Text, r.To.Text, r.Months.Text})
	assert.True(t, r.Prefix.Found)
	assert.Empty(t, r.Prefix.Conflict)
	assert.Equal(t, "column", r.From.How)
}

// The taxpayer boxes' labels abbreviated as designers shorten them
// ("Primer apell.", "Otros nom.", "Razón soc.", "Díg. verif.") are labels.
func TestAbbreviatedBoxLabels(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1,
		lbl(40, 100, "Primer|apell."), lbl(200, 100, "Segundo|apell."), at{x: 40, y: 110, text: "PÉREZ"}, at{x: 200, y: 110, text: "ZAPATA"},
		lbl(40, 125, "Primer|nom."), lbl(200, 125, "Otros|nom."), at{x: 40, y: 135, text: "ÓSCAR"}, at{x: 200, y: 135, text: "ALEJANDRO"},
		lbl(40, 150, "NIT"), at{x: 40, y: 160, text: "67287278"}, lbl(200, 150, "Díg.|verif."), at{x: 200, y: 160, text: "6"})})
	assert.Equal(t, []string{"PÉREZ", "ZAPATA", "ÓSCAR", "ALEJANDRO", "6"},
		[]string{f.Surname1.Text, f.Surname2.Text, f.GivenName.Text, f.OtherNames.Text, f.DV.Text})

	f = Read([]*pdftext.Page{pageOf(1, lbl(40, 100, "R.|social"), at{x: 40, y: 110, text: "FUNDACIÓN|EDUCATIVA|ÁRBOL|DE|LA|VIDA"})})
	assert.Equal(t, "FUNDACIÓN EDUCATIVA ÁRBOL DE LA VIDA", f.BusinessName.Text)
}

// A value set beside a label that ends its line, in a larger size, lands
// on a line of its own level with the label's ("5. NIT" in 5 points,
// "34195389" in 9.5 a point lower): it is the label's value beside it. A
// name level with one label is not another's value set around it.
func TestValueLevelWithItsLabelOnALineOfItsOwn(t *testing.T) {
	l := func(y float64, text string) at { return at{x: 25, y: y, text: text, size: 5, font: "L"} }
	v := func(y float64, text string) at { return at{x: 150, y: y + 3, text: text, size: 9.5} }
	f := Read([]*pdftext.Page{pageOf(1,
		l(149, "5.|Número|de|Identificación|Tributaria|(NIT)"), v(149, "34195389"),
		l(163, "6.|DV"), v(163, "1"),
		l(177, "Apellido|1"), v(177, "ZAPATA"),
		l(191, "8.|Segundo|apellido"),
		l(203, "Nombre|1"), v(203, "NICOLÁS"),
		l(217, "Otros|nom."), v(217, "LUCÍA"))})
	assert.Equal(t, []string{"34195389", "1", "ZAPATA", "", "NICOLÁS", "LUCÍA"},
		[]string{f.NIT.Text, f.DV.Text, f.Surname1.Text, f.Surname2.Text, f.GivenName.Text, f.OtherNames.Text})
}

// Dates wrapped in narrow cells ("31 de" / "agosto de" / "2023", "2022-"
// / "03-31", a weekday first) are one date each, and the lines that hold
// only their pieces are no rows.
func TestDatesWrappedInNarrowCells(t *testing.T) {
	header := []at{lbl(40, 100, "31.|Prefijo"), lbl(90, 100, "32.|Desde"), lbl(140, 100, "33.|Hasta"),
		lbl(190, 100, "38.|Vigencia"), lbl(240, 100, "Fecha|inicial"), lbl(330, 100, "Fecha|final")}
	f := Read([]*pdftext.Page{pageOf(2, slices.Concat(header, []at{
		{x: 240, y: 112, text: "31|de"}, {x: 330, y: 112, text: "2022-"},
		{x: 40, y: 122, text: "FE"}, {x: 90, y: 122, text: "1"}, {x: 140, y: 122, text: "1000"}, {x: 190, y: 122, text: "12"},
		{x: 240, y: 122, text: "agosto|de"}, {x: 330, y: 122, text: "03-31"},
		{x: 240, y: 132, text: "2021"},
		{x: 40, y: 150, text: "DS"}, {x: 90, y: 150, text: "1"}, {x: 140, y: 150, text: "500"}, {x: 190, y: 150, text: "24"},
		{x: 240, y: 150, text: "lunes,|20|de"}, {x: 330, y: 150, text: "2023/12/20"},
		{x: 240, y: 160, text: "diciembre|de"},
		{x: 240, y: 170, text: "2021"},
	})...)})
	require.Len(t, f.Rows, 2)
	assert.Equal(t, []string{"2021-08-31", "2022-03-31"}, []string{f.Rows[0].ValidFrom.Text, f.Rows[0].ValidTo.Text})
	assert.Equal(t, []string{"2021-12-20", "2023-12-20"}, []string{f.Rows[1].ValidFrom.Text, f.Rows[1].ValidTo.Text})
	assert.Zero(t, f.MissedRows)
}

// A number wrapped in a narrow cell ("990." over "000.000", "995,000," over
// "000") is one number; the line of its tails is no row. A head with
// nothing under it may go on: it is refused, never read short.
func TestNumbersWrappedInNarrowCells(t *testing.T) {
	row := func(y float64, prefix, from, to string) []at {
		return []at{{x: 40, y: y, text: "DOCUMENTO"}, {x: 170, y: y, text: "6"}, {x: 200, y: y, text: prefix},
			{x: 250, y: y, text: from}, {x: 330, y: y, text: to}, {x: 410, y: y, text: "24"}, {x: 460, y: y, text: "AUTORIZACIÓN"}, {x: 540, y: y, text: "1"}}
	}
	f := Read([]*pdftext.Page{pageOf(2, slices.Concat(header(100),
		row(120, "DSDS", "990.", "995,000,"), []at{{x: 40, y: 130, text: "SOPORTE"}, {x: 250, y: 130, text: "000.000"}, {x: 330, y: 130, text: "000"}},
		row(150, "DS", "1", "1000"), []at{{x: 40, y: 160, text: "SOPORTE"}},
		row(180, "DE", "5.", "7.000"), []at{{x: 40, y: 190, text: "SOPORTE"}},
	)...)})
	require.Len(t, f.Rows, 3)
	assert.Equal(t, []string{"990.000.000", "995,000,000"}, []string{f.Rows[0].From.Text, f.Rows[0].To.Text})
	assert.Equal(t, []string{"1", "1000"}, []string{f.Rows[1].From.Text, f.Rows[1].To.Text})
	assert.Empty(t, f.Rows[2].From.Text, "5. may go on")
	assert.Contains(t, f.Rows[2].From.Conflict, "5.")
}

// A word drawn twice over itself (a shadow, a form field's value and its
// flattened appearance three points apart) is one word: the name is read
// once, not "CASTAÑO CASTAÑO".
func TestOverprintedWordsAreOne(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(1, lbl(40, 100, "7.|Primer|apellido"), lbl(200, 100, "9.|Primer|nombre"),
		at{x: 40, y: 112, text: "CASTAÑO"}, at{x: 43, y: 112, text: "CASTAÑO"}, at{x: 200, y: 112, text: "ÁNGELA"}, at{x: 203, y: 112, text: "ÁNGELA"})})
	assert.Equal(t, []string{"CASTAÑO", "ÁNGELA"}, []string{f.Surname1.Text, f.GivenName.Text})
}

// A form printed twice in one file runs through its ranges twice: they
// are read once, with a note. One range printed twice otherwise is no
// copy, and no form authorizes a range twice: both rows are doubted.
func TestCopiesOfTheTableAreReadOnce(t *testing.T) {
	row := func(y float64, prefix, from, to string) []at {
		return []at{{x: 40, y: y, text: "FACTURA|ELECTRÓNICA|DE|VENTA"}, {x: 170, y: y, text: "1"}, {x: 200, y: y, text: prefix},
			{x: 250, y: y, text: from}, {x: 330, y: y, text: to}, {x: 410, y: y, text: "12"}, {x: 460, y: y, text: "AUTORIZACIÓN"}, {x: 540, y: y, text: "1"}}
	}
	table := slices.Concat(header(100), row(120, "FE", "1", "1000"), row(135, "FEB", "5001", "6000"))
	copy2 := slices.Concat(header(100), row(120, "FE", "1", "1.000"), row(135, "FEB", "5.001", "6.000")) // a reprint, grouped otherwise
	f := Read([]*pdftext.Page{pageOf(1, table...), pageOf(2, copy2...)})
	require.Len(t, f.Rows, 2)
	assert.Equal(t, []string{"FE", "FEB"}, []string{f.Rows[0].Prefix.Text, f.Rows[1].Prefix.Text})
	assert.True(t, slices.ContainsFunc(f.Notes, func(n Note) bool { return strings.Contains(n.Message, "printed 2 times") }))

	f = Read([]*pdftext.Page{pageOf(1, slices.Concat(header(100), row(120, "FE", "1", "1000"), row(135, "FEB", "5001", "6000"), row(150, "FE", "1", "1000"))...)})
	require.Len(t, f.Rows, 3)
	assert.Empty(t, f.Rows[0].From.Text)
	assert.Contains(t, f.Rows[2].To.Conflict, "printed on two rows")
	assert.Equal(t, "5001", f.Rows[1].From.Text)
}

// Two copies of the form side by side on one sheet, their headers and
// rows on shared lines: each half is read as a page, and the copies'
// ranges once.
func TestTwoCopiesSideBySide(t *testing.T) {
	copyAt := func(dx, dy float64) []at {
		out := []at{
			lbl(dx, 40, "4.|Número|de|formulario"), {x: dx, y: 50, text: "18764000000977"},
			lbl(dx, 62, "5.|NIT"), {x: dx, y: 72, text: "900123456"}, lbl(dx+100, 62, "6.|DV"), {x: dx + 100, y: 72, text: "8"},
			lbl(dx, 84, "11.|Razón|social"), {x: dx, y: 94, text: "ACME|S.A.S."},
			lbl(dx, 110, "30.|Modalidad"), lbl(dx+60, 110, "31.|Prefijo"), lbl(dx+100, 110, "32.|Desde"), lbl(dx+140, 110, "33.|Hasta"),
			lbl(dx+180, 110, "38.|Vigencia"), lbl(dx+220, 110, "Tipo|de|solicitud"),
			{x: dx, y: 124, text: "POS"}, {x: dx + 60, y: 124, text: "P1"}, {x: dx + 100, y: 124, text: "1"}, {x: dx + 140, y: 124, text: "500"},
			{x: dx + 180, y: 124, text: "12"}, {x: dx + 220, y: 124, text: "AUTORIZACIÓN"},
			{x: dx, y: 138, text: "POS"}, {x: dx + 60, y: 138, text: "P2"}, {x: dx + 100, y: 138, text: "501"}, {x: dx + 140, y: 138, text: "900"},
			{x: dx + 180, y: 138, text: "12"}, {x: dx + 220, y: 138, text: "AUTORIZACIÓN"},
			lbl(dx, 160, "Fecha|Acuse|de|Recibo"), {x: dx, y: 170, text: "2024-07-18"},
		}
		for i := range out {
			out[i].y += dy
		}
		return out
	}
	right := copyAt(330, 0)
	for i := range right {
		if right[i].y == 110 {
			right[i].y = 106 // the right header a little higher: one band with the left one, across the gutter
		}
	}
	p := pageOf(1, slices.Concat(copyAt(20, 0), right)...)
	p.Width = 612
	f := Read([]*pdftext.Page{p})
	require.Len(t, f.Rows, 2)
	assert.Equal(t, [][]string{{"P1", "1", "500"}, {"P2", "501", "900"}},
		[][]string{{f.Rows[0].Prefix.Text, f.Rows[0].From.Text, f.Rows[0].To.Text}, {f.Rows[1].Prefix.Text, f.Rows[1].From.Text, f.Rows[1].To.Text}})
	assert.Equal(t, "ACME S.A.S.", f.BusinessName.Text)
}

// One column for both bounds ("Rango (desde - hasta)": "1001 - 11000",
// "FE1 – FE5000") and a validity column that prints its dates ("03/10/2019
// al 03/10/2020", "24 meses (…)") are read into the row's fields; a range
// column beside columns for the bounds is left unread.
func TestRangeAndValidityInOneCell(t *testing.T) {
	combined := []at{lbl(40, 100, "Tipo|de|documento"), lbl(170, 100, "Rango|(desde|-|hasta)"), lbl(280, 100, "Período|de|vigencia"),
		lbl(420, 100, "Tipo|de|solicitud")}
	f := Read([]*pdftext.Page{pageOf(2, slices.Concat(combined, []at{
		{x: 40, y: 115, text: "Talonario|o|de|papel"}, {x: 170, y: 115, text: "1001|-|11000"}, {x: 280, y: 115, text: "03/10/2019|al|03/10/2020"}, {x: 420, y: 115, text: "Autorización"},
		{x: 40, y: 130, text: "Factura|electrónica"}, {x: 170, y: 130, text: "FE1|–|FE5000"}, {x: 280, y: 130, text: "24|meses"}, {x: 420, y: 130, text: "Habilitación"},
	})...)})
	require.Len(t, f.Rows, 2)
	r := f.Rows[0]
	assert.Equal(t, []string{"1001", "11000", "", "2019-10-03", "2020-10-03"}, []string{r.From.Text, r.To.Text, r.Months.Text, r.ValidFrom.Text, r.ValidTo.Text})
	r = f.Rows[1]
	assert.Equal(t, []string{"FE", "1", "5000", "24"}, []string{r.Prefix.Text, r.From.Text, r.To.Text, r.Months.Text})

	f = Read([]*pdftext.Page{pageOf(2, slices.Concat(header(100), []at{lbl(580, 100, "Rango")}, []at{
		{x: 40, y: 120, text: "FACTURA|ELECTRÓNICA"}, {x: 170, y: 120, text: "1"}, {x: 200, y: 120, text: "FE"}, {x: 250, y: 120, text: "1"},
		{x: 330, y: 120, text: "1000"}, {x: 410, y: 120, text: "12"}, {x: 460, y: 120, text: "AUTORIZACIÓN"}, {x: 540, y: 120, text: "1"}, {x: 580, y: 120, text: "FE1-FE9"}})...)})
	require.Len(t, f.Rows, 1)
	assert.Equal(t, []string{"1", "1000"}, []string{f.Rows[0].From.Text, f.Rows[0].To.Text})
}

// A caption over the bounds' columns ("Numeración autorizada" over
// "Desde" and "Hasta") is no column for both; "Inicial" and "Final" alone
// head the bounds' columns (under a caption such as "NUMERACIÓN", or as a
// designer shortens "Número inicial").
func TestCaptionOverTheBounds(t *testing.T) {
	for _, tc := range []struct{ caption, from, to string }{
		{"Numeración|autorizada", "Desde", "Hasta"},
		{"NUMERACIÓN", "Inicial", "Final"},
	} {
		f := Read([]*pdftext.Page{pageOf(2, []at{lbl(250, 98, tc.caption),
			lbl(40, 104, "30.|Modalidad"), lbl(200, 104, "31.|Prefijo"), lbl(250, 106, tc.from), lbl(300, 106, tc.to),
			lbl(410, 104, "38.|Vigencia"), lbl(460, 104, "Tipo|de|solicitud"),
			{x: 40, y: 120, text: "FACTURA|POR|COMPUTADOR"}, {x: 200, y: 120, text: "PC"}, {x: 250, y: 120, text: "5.001"},
			{x: 300, y: 120, text: "15.000"}, {x: 410, y: 120, text: "24"}, {x: 460, y: 120, text: "AUTORIZACIÓN"}}...)})
		require.Len(t, f.Rows, 1, tc.caption)
		assert.Equal(t, []string{"PC", "5.001", "15.000"}, []string{f.Rows[0].Prefix.Text, f.Rows[0].From.Text, f.Rows[0].To.Text}, tc.caption)
	}
}

// "Cód." over "mod." and "Cód." over "sol." are the codes of the modality
// and of the request, wherever they stand: no second modality or request
// column.
func TestStackedCodeCaptions(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(2, []at{
		lbl(40, 104, "Modalidad"), lbl(150, 100, "Cód."), lbl(148, 108, "mod."), lbl(190, 104, "Prefijo"),
		lbl(240, 104, "Desde"), lbl(300, 104, "Hasta"), lbl(360, 104, "Vigencia"), lbl(420, 104, "Tipo|solicitud"),
		lbl(500, 100, "Cód."), lbl(500, 108, "sol."),
		{x: 40, y: 124, text: "Documento|soporte"}, {x: 150, y: 124, text: "6"}, {x: 190, y: 124, text: "DS"}, {x: 240, y: 124, text: "1"},
		{x: 300, y: 124, text: "1000"}, {x: 360, y: 124, text: "6"}, {x: 420, y: 124, text: "Habilitación"}, {x: 500, y: 124, text: "2"}}...)})
	require.Len(t, f.Rows, 1)
	r := f.Rows[0]
	assert.Equal(t, []string{"Documento soporte", "6", "DS", "Habilitación", "2"}, []string{r.Kind.Text, r.KindCode.Text, r.Prefix.Text, r.Request.Text, r.RequestCode.Text})
}

// A modality's name wrapped with its code in parentheses ("Factura
// electrónica de" / "venta (1)", "Autorización" / "(1)") continues its
// cell: the row over its captions is read.
func TestCodeInParensWrappedUnderItsName(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(2, []at{
		{x: 40, y: 100, text: "Factura"}, {x: 150, y: 100, text: "FE"}, {x: 200, y: 100, text: "10.001"}, {x: 260, y: 100, text: "10.500"},
		{x: 320, y: 100, text: "12"}, {x: 380, y: 100, text: "Autorización"},
		{x: 40, y: 109, text: "electrónica|de"}, {x: 380, y: 109, text: "(1)"},
		{x: 40, y: 118, text: "venta|(1)"},
		lbl(40, 127, "Modalidad"), lbl(150, 127, "Prefijo"), lbl(200, 127, "Num.|inicial"), lbl(260, 127, "Num.|final"),
		lbl(320, 127, "Vigencia"), lbl(380, 127, "Tipo|de|solicitud"),
		{x: 40, y: 170, text: "Sandra|Milena|Torres"}}...)})
	require.Len(t, f.Rows, 1)
	r := f.Rows[0]
	assert.Equal(t, []string{"FE", "10.001", "10.500", "column"}, []string{r.Prefix.Text, r.From.Text, r.To.Text, r.From.How})
}

// A text-mode table draws its cells with characters: bars one under
// another are cell borders, no words, and "+-----+" lines are rules. A
// "|" between two pairs of one line stays a word.
func TestTableDrawnWithCharacters(t *testing.T) {
	bar := func(x, y float64) at { return at{x: x, y: y, text: "│"} } // "|" parts words in these tests
	f := Read([]*pdftext.Page{pageOf(1,
		at{x: 20, y: 90, text: "+--------------+-----------------------------+"},
		bar(20, 100), at{x: 30, y: 100, text: "4.|Número|de|formulario"}, bar(140, 100), at{x: 150, y: 100, text: "18764000000977"}, bar(330, 100),
		bar(20, 110), at{x: 30, y: 110, text: "11.|Razón|social"}, bar(140, 110), at{x: 150, y: 110, text: "COOPERATIVA|DE|TRABAJO"}, bar(330, 110),
		bar(20, 120), bar(140, 120), at{x: 150, y: 120, text: "ASOCIADO|DEL|CESAR"}, bar(330, 120),
		at{x: 20, y: 130, text: "+--------------+-----------------------------+"})})
	assert.Equal(t, "18764000000977", f.Number.Text)
	assert.Equal(t, "COOPERATIVA DE TRABAJO ASOCIADO DEL CESAR", f.BusinessName.Text)
}

// "Rango desde" and "Hasta el número" side by side are two columns, not
// one range column "Rango desde hasta": that one prints the dash or the
// parentheses ("Rango (desde - hasta)").
func TestRangeFromAndToSideBySide(t *testing.T) {
	f := Read([]*pdftext.Page{pageOf(2, []at{
		lbl(40, 100, "Modalidad"), lbl(150, 100, "Prefijo"), lbl(200, 100, "Rango|desde"), lbl(236, 100, "Hasta|el|número"),
		lbl(300, 100, "Vigencia"), lbl(350, 100, "Tipo|de|solicitud"),
		{x: 40, y: 115, text: "Documento|soporte"}, {x: 150, y: 115, text: "NY"}, {x: 200, y: 115, text: "393.166.066"},
		{x: 246, y: 115, text: "395.166.065"}, {x: 300, y: 115, text: "12"}, {x: 350, y: 115, text: "AUTORIZACIÓN"}}...)})
	require.Len(t, f.Rows, 1)
	assert.Equal(t, []string{"393.166.066", "395.166.065", "column"}, []string{f.Rows[0].From.Text, f.Rows[0].To.Text, f.Rows[0].From.How})
}

// Every label phrase fits findLabels' buckets.
func TestPhrasesFit(t *testing.T) {
	for _, ref := range labelOrder {
		assert.LessOrEqual(t, len(ref.tokens), maxPhraseLen, ref.tokens)
		assert.NotEmpty(t, ref.tokens)
	}
}
