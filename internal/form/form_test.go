package form

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/internal/pdftext"
)

// at is one run of text placed at x, y (top-left origin) in a 9-point font;
// words inside text are split on "|" so tests choose word boundaries.
type at struct {
	x, y float64
	text string
}

// pageOf lays out runs as the text layer would: each run's words side by
// side, each word 5 points per character, runs with equal y on one line.
func pageOf(n int, runs ...at) *pdftext.Page {
	const size = 9.0
	p := &pdftext.Page{Number: n, Width: 612, Height: 792}
	byY := map[float64]*pdftext.Line{}
	var ys []float64
	for _, r := range runs {
		l, ok := byY[r.y]
		if !ok {
			l = &pdftext.Line{Y0: r.y - size, Y1: r.y, X0: r.x}
			byY[r.y] = l
			ys = append(ys, r.y)
		}
		x := r.x
		for _, w := range strings.Split(r.text, "|") {
			w = strings.TrimSpace(w)
			wd := float64(len([]rune(w))) * 5
			l.Words = append(l.Words, pdftext.Word{Text: w, X0: x, X1: x + wd, Y0: r.y - size, Y1: r.y, Size: size})
			x += wd + 4
		}
	}
	for i := 1; i < len(ys); i++ { // insertion sort keeps the helper dependency-free
		for j := i; j > 0 && ys[j] < ys[j-1]; j-- {
			ys[j], ys[j-1] = ys[j-1], ys[j]
		}
	}
	for _, y := range ys {
		l := byY[y]
		for i := 1; i < len(l.Words); i++ {
			for j := i; j > 0 && l.Words[j].X0 < l.Words[j-1].X0; j-- {
				l.Words[j], l.Words[j-1] = l.Words[j-1], l.Words[j]
			}
		}
		l.X0, l.X1 = l.Words[0].X0, l.Words[len(l.Words)-1].X1
		p.Lines = append(p.Lines, *l)
	}
	return p
}

func TestReadBoxesValueBelowLabel(t *testing.T) {
	p1 := pageOf(1,
		at{40, 40, "Autorización|numeración|de|facturación"},
		at{400, 60, "4.|Número|de|formulario"},
		at{400, 75, "18764081810977"},
		at{40, 100, "5.|Número|de|Identificación|Tributaria|(NIT)"},
		at{300, 100, "6.|DV"},
		at{340, 100, "7.|Primer|apellido"},
		at{40, 115, "900123456"}, at{300, 115, "7"},
		at{40, 140, "11.|Razón|social"},
		at{40, 155, "COMERCIALIZADORA|EL|EJEMPLO|S.A.S."},
	)
	f := Read([]*pdftext.Page{p1})
	assert.True(t, f.Title)
	assert.Equal(t, "18764081810977", f.Number.Text)
	assert.Equal(t, 4, f.Number.Box)
	assert.Equal(t, "900123456", f.NIT.Text)
	assert.Equal(t, "7", f.DV.Text)
	assert.Equal(t, "", f.Surname1.Text, "an empty cell stays empty, never the next row's value")
	assert.True(t, f.Surname1.Found)
	assert.Equal(t, "COMERCIALIZADORA EL EJEMPLO S.A.S.", f.BusinessName.Text)
}

func TestReadBoxesValueRightOfLabel(t *testing.T) {
	p1 := pageOf(1,
		at{40, 60, "4.|Número|de|formulario:|18760000001"},
		at{40, 80, "NIT:|800.197.268|DV:|4"},
		at{40, 100, "Razón|social:|DIAN|PRUEBAS"},
	)
	f := Read([]*pdftext.Page{p1})
	assert.Equal(t, "18760000001", f.Number.Text)
	assert.Equal(t, "800.197.268", f.NIT.Text)
	assert.Equal(t, "4", f.DV.Text)
	assert.Equal(t, "DIAN PRUEBAS", f.BusinessName.Text)
}

func TestReadTableByColumns(t *testing.T) {
	p2 := pageOf(2,
		at{30, 100, "30.|Modalidad"}, at{200, 100, "31.|Prefijo"}, at{260, 100, "32.|Desde|el|número"},
		at{350, 100, "33.|Hasta|el|número"}, at{440, 100, "38.|Vigencia"}, at{500, 100, "Tipo|de|solicitud"},
		at{30, 120, "FACTURA|ELECTRÓNICA"}, at{170, 125, "1"}, at{210, 125, "FE"}, at{280, 125, "1"},
		at{370, 125, "1,000"}, at{455, 125, "24"}, at{500, 125, "AUTORIZACIÓN|1"},
		at{30, 130, "DE|VENTA"},
		at{30, 150, "DOCUMENTO|SOPORTE|6"}, at{280, 150, "1"},
		at{370, 150, "2.000"}, at{455, 150, "12"}, at{500, 150, "INHABILITACIÓN|3"},
		at{200, 250, "Fecha|Acuse|de|Recibo"},
		at{200, 262, "2 0 2 4 - 1 0 - 1 9|/|11:38:26|AM"},
	)
	f := Read([]*pdftext.Page{p2})
	require.True(t, f.TableHeader)
	require.Len(t, f.Rows, 2)
	r := f.Rows[0]
	assert.Equal(t, "FACTURA ELECTRÓNICA DE VENTA", r.Kind.Text, "a wrapped cell joins its lines in order")
	assert.Equal(t, "1", r.KindCode.Text)
	assert.Equal(t, "FE", r.Prefix.Text)
	assert.Equal(t, "1", r.From.Text)
	assert.Equal(t, "1,000", r.To.Text)
	assert.Equal(t, "24", r.Months.Text)
	assert.Equal(t, "AUTORIZACIÓN", r.Request.Text)
	r = f.Rows[1]
	assert.Equal(t, "DOCUMENTO SOPORTE", r.Kind.Text)
	assert.Equal(t, "6", r.KindCode.Text)
	assert.Equal(t, "", r.Prefix.Text, "an empty prefix cell is an empty prefix")
	assert.True(t, r.Prefix.Found)
	assert.Equal(t, "2.000", r.To.Text)
	assert.Equal(t, "INHABILITACIÓN", r.Request.Text)
	assert.Equal(t, "2024-10-19", f.StampDate.Text)
}

func TestReadRowSequence(t *testing.T) {
	for _, tc := range []struct {
		name, line                         string
		kind, code, prefix, from, to, mths string
	}{
		{"seen electronic invoice row", "FACTURA|ELECTRÓNICA|DE|VENTA|1|FE|1|1,000|24|AUTORIZACIÓN|1", "FACTURA ELECTRÓNICA DE VENTA", "1", "FE", "1", "1,000", "24"},
		{"seen support document row", "DOCUMENTO|SOPORTE|6|DSDS|1|2,000|24|AUTORIZACIÓN|1", "DOCUMENTO SOPORTE", "6", "DSDS", "1", "2,000", "24"},
		{"empty prefix", "DOCUMENTO|SOPORTE|6|1|2,000|24|AUTORIZACIÓN|1", "DOCUMENTO SOPORTE", "6", "", "1", "2,000", "24"},
		{"numeric prefix", "FACTURA|ELECTRONICA|DE|VENTA|1|12|1|500|12|HABILITACION|2", "FACTURA ELECTRONICA DE VENTA", "1", "12", "1", "500", "12"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ws, folded := foldedWords(tc.line)
			r, ok := readRowSequence(2, ws, folded)
			require.True(t, ok)
			assert.Equal(t, tc.kind, r.Kind.Text)
			assert.Equal(t, tc.code, r.KindCode.Text)
			assert.Equal(t, tc.prefix, r.Prefix.Text)
			assert.Equal(t, tc.from, r.From.Text)
			assert.Equal(t, tc.to, r.To.Text)
			assert.Equal(t, tc.mths, r.Months.Text)
		})
	}
	ws, folded := foldedWords("FACTURA|ELECTRÓNICA|DE|VENTA|No.|FE10")
	_, ok := readRowSequence(1, ws, folded)
	assert.False(t, ok, "an invoice heading is not a row")
}

func TestFoldAndCompose(t *testing.T) {
	assert.Equal(t, "numero de formulario", Fold("4. NÚMERO DE FORMULARIO:")[2:])
	assert.Equal(t, "numero", Fold("Nu\u0301mero"))
	assert.Equal(t, "ELECTRÓNICA", compose("ELECTRO\u0301NICA"))
}

func TestReadSingleRangeAsLabelledBoxes(t *testing.T) {
	p := pageOf(1,
		at{40, 60, "Número|de|formulario:|18764081810977"},
		at{40, 80, "Modalidad:|Factura|electrónica|de|venta"},
		at{40, 95, "Prefijo:|FV"},
		at{40, 110, "Desde|el|número:|1"},
		at{40, 125, "Hasta|el|número:|5.000"},
		at{40, 140, "Vigencia:|12|meses"},
		at{40, 155, "Tipo|de|solicitud:|Autorización"},
	)
	f := Read([]*pdftext.Page{p})
	require.Len(t, f.Rows, 1)
	r := f.Rows[0]
	assert.Equal(t, "Factura electrónica de venta", r.Kind.Text)
	assert.Equal(t, "FV", r.Prefix.Text)
	assert.Equal(t, "1", r.From.Text)
	assert.Equal(t, "5.000", r.To.Text)
	assert.Equal(t, "12 meses", r.Months.Text)
	assert.Equal(t, "Autorización", r.Request.Text)
}

func TestReadBoxValueWrappedOverTwoLines(t *testing.T) {
	p := pageOf(1,
		at{40, 100, "11.|Razón|social"}, at{300, 100, "12.|Cód.|Dirección|Seccional"},
		at{40, 115, "COMERCIALIZADORA|ANDINA|DE"}, at{300, 115, "31"},
		at{40, 125, "TECNOLOGÍA|S.A.S."},
		at{40, 150, "Número|formulario|18764081810977"},
	)
	f := Read([]*pdftext.Page{p})
	assert.Equal(t, "COMERCIALIZADORA ANDINA DE TECNOLOGÍA S.A.S.", f.BusinessName.Text)
	assert.Equal(t, "18764081810977", f.Number.Text, `"Número formulario" without "de" is the same label`)
}

func TestFindDate(t *testing.T) {
	for in, want := range map[string]string{
		"2024-10-19 / 11:38:26 AM": "2024-10-19",
		"2 0 2 4 - 1 0 - 1 9":      "2024-10-19",
		"2 0 2 4 -1 0 -1 9":        "2024-10-19",
		"2024 - 10 - 19":           "2024-10-19",
		"19/03/2025 10:04:11":      "2025-03-19",
		"Recibo: 19/03/2025 10:04": "2025-03-19",
		"2024\u221210\u221219":     "2024-10-19",
		"desde 1 hasta 1,000 24":   "",
		"1876 4081 8109 77":        "",
	} {
		assert.Equal(t, want, findDate(in), in)
	}
}

func TestReadWrappedLabel(t *testing.T) {
	for _, tc := range []struct {
		name string
		runs []at
	}{
		{"value centred between the label's lines", []at{
			{80, 39, "Número|de"}, {196, 44, "18764081810977"}, {80, 48, "formulario"},
			{80, 75, "NIT"}, {196, 75, "860.069.804"},
		}},
		{"value below a label wrapped in a narrow cell", []at{
			{80, 39, "4.|Número|de"}, {80, 48, "formulario"}, {80, 60, "18764081810977"},
			{80, 85, "NIT"}, {196, 85, "860.069.804"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := Read([]*pdftext.Page{pageOf(1, tc.runs...)})
			assert.Equal(t, "18764081810977", f.Number.Text)
			assert.Equal(t, "Número de formulario", f.Number.Label)
			assert.Equal(t, "860.069.804", f.NIT.Text)
		})
	}
}

// foldedWords splits a "|"-separated run into words and their folded forms.
func foldedWords(run string) (ws, folded []string) {
	ws = strings.Split(run, "|")
	for _, w := range ws {
		folded = append(folded, Fold(w))
	}
	return ws, folded
}
