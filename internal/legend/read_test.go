package legend

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/internal/vocab"
)

// TestTokenizeDates proves each date vocab reads becomes one token that
// covers exactly the date as written, accents, capitals and glued words
// included.
func TestTokenizeDates(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		raw        []string // the date tokens, as written
		ok         []bool
	}{
		{"ISO", "del 2023-06-15, prefijo", []string{"2023-06-15"}, []bool{true}},
		{"ISO date-time: the day ends at the T", "del 2023-06-15T10:30:00-05:00", []string{"2023-06-15"}, []bool{true}},
		{"capitals and DE", "DEL 15 DE JUNIO DE 2023 RANGO", []string{"15 DE JUNIO DE 2023"}, []bool{true}},
		{"accented text before keeps offsets", "RESOLUCIÓN Nº 1876 expedida el 15 de junio de 2023.", []string{"15 de junio de 2023"}, []bool{true}},
		{"combining accents before keep offsets", "Resolucio\u0301n del 15/06/2023", []string{"15/06/2023"}, []bool{true}},
		{"no-break spaces", "del 15\u00a0de\u00a0junio de 2023", []string{"15\u00a0de\u00a0junio de 2023"}, []bool{true}},
		{"glued to a word", "vigente hasta15/06/2025", []string{"15/06/2025"}, []bool{true}},
		{"a period of two dates", "vigencia: 15/06/2023 - 15/06/2025", []string{"15/06/2023", "15/06/2025"}, []bool{true, true}},
		{"impossible dates are tokens too", "del 2023-02-30 y 06/15/2023", []string{"2023-02-30", "06/15/2023"}, []bool{false, false}},
		{"a range is no date", "del FEV1 al FEV10.000", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var raw []string
			var ok []bool
			for _, tk := range tokenize(tc.text) {
				if tk.kind == tokDate {
					raw = append(raw, tk.raw)
					ok = append(ok, tk.dateOK)
					assert.Equal(t, tc.text[tk.start:tk.end], tk.raw)
				}
			}
			assert.Equal(t, tc.raw, raw)
			assert.Equal(t, tc.ok, ok)
		})
	}
}

func TestTokenizeNumbers(t *testing.T) {
	for _, tc := range []struct {
		text    string
		kind    tokKind
		lead    string
		digits  string
		grouped bool
	}{
		{"10000", tokNumber, "", "10000", false},
		{"10.000", tokNumber, "", "10000", true},
		{"1,000,000", tokNumber, "", "1000000", true},
		{"FEV10.000", tokAlnum, "FEV", "10000", true},
		{"FEV1", tokAlnum, "FEV", "1", false},
		{"F2A", tokAlnum, "F2A", "", false},
		{"10 000", tokNumber, "", "10000", true},
		{"1\u202f000\u202f000", tokNumber, "", "1000000", true},
	} {
		toks := tokenize(tc.text)
		require.Len(t, toks, 1, tc.text)
		tk := toks[0]
		assert.Equal(t, []any{tc.kind, tc.lead, tc.digits, tc.grouped}, []any{tk.kind, tk.lead, tk.digits, tk.grouped}, tc.text)
	}
	// Groups of other than three digits, or two separators, are no one
	// number (vocab.Grouped): "20,00" and "1,000.000" split.
	assert.Len(t, tokenize("20,00"), 3)
	assert.Len(t, tokenize("1,000.000"), 3)
	// A space parts numbers that are no thousands groups: "24 12", "10 0001".
	assert.Len(t, tokenize("24 12"), 2)
	assert.Len(t, tokenize("10 0001"), 2)
	// "No18764003567890" reads as if a space had been typed.
	toks := tokenize("No18764003567890")
	require.Len(t, toks, 2)
	assert.Equal(t, "no", toks[0].norm)
	assert.Equal(t, "18764003567890", toks[1].digits)
}

// TestKinds covers how running text names a modality: vocab names it, the
// reader finds where the name starts and ends.
func TestKinds(t *testing.T) {
	for _, tc := range []struct {
		text  string
		kinds []string // the phrases found, as written
		names []string
	}{
		{"FACTURA ELECTRÓNICA DE VENTA No. FEV 123", []string{"FACTURA ELECTRÓNICA DE VENTA"}, []string{vocab.KindElectronicInvoice}},
		{"Autorización de numeración de facturación electrónica No 1", []string{"facturación electrónica"}, []string{vocab.KindElectronicInvoice}},
		{"factura electrónica y documento soporte", []string{"factura electrónica", "documento soporte"}, []string{vocab.KindElectronicInvoice, vocab.KindSupportDocument}},
		{"Facturas de talonario:", []string{"Facturas de talonario"}, []string{vocab.KindPaper}},
		{"talonario o de papel", []string{"talonario o de papel"}, []string{vocab.KindPaper}},
		{"tiquete de máquina registradora con sistema POS", []string{"máquina registradora", "POS"}, []string{vocab.KindPOS, vocab.KindPOS}},
		{"representación impresa en papel", nil, nil},
		{"habilitación de numeración", nil, nil},
	} {
		p := &parser{src: tc.text, toks: tokenize(tc.text)}
		p.findKinds()
		var kinds, names []string
		for _, o := range p.kinds {
			kinds = append(kinds, p.text(o.span))
			names = append(names, kindList[o.val])
		}
		assert.Equal(t, tc.kinds, kinds, tc.text)
		assert.Equal(t, tc.names, names, tc.text)
	}
}

func TestRequests(t *testing.T) {
	for text, want := range map[string][]string{
		"Autorización numeración de facturación: inhabilitación": {vocab.RequestAuthorization, vocab.RequestDisablement},
		"HABILITACIÓN":               {vocab.RequestEnablement},
		"habilita del FEV1 al FEV10": nil, // a verb says nothing
		"rango habilitado":           nil,
		"autorizado por la DIAN":     nil,
	} {
		p := &parser{src: text, toks: tokenize(text)}
		p.findRequests()
		var got []string
		for _, o := range p.requests {
			got = append(got, requestRank[o.val])
		}
		assert.Equal(t, want, got, text)
	}
}

func TestRead(t *testing.T) {
	r, err := Read("Factura electrónica de venta. Resolución DIAN No. 18764003567890 del 15 de junio de 2023, prefijo FEV del 1 al 10.000, vigencia 24 meses")
	require.NoError(t, err)
	assert.Equal(t, &Result{Number: "18764003567890", Ranges: []Range{{
		Kind: vocab.KindElectronicInvoice, Prefix: "FEV", From: 1, To: 10000, Months: 24,
		ValidFrom: Date{2023, time.June, 15}, ValidTo: Date{2025, time.June, 15}, Request: vocab.RequestAuthorization,
	}}}, r)

	r, err = Read("Resolución 18764003567890 del 2023-02-30, del 1 al 500")
	require.NoError(t, err)
	assert.Equal(t, &Bad{Label: "fecha", Text: "2023-02-30"}, r.Bad)
	assert.Equal(t, []string{"ranges[0].prefix", "ranges[0].valid_from", "ranges[0].valid_to"}, r.Missing)

	r, err = Read("hola mundo")
	assert.ErrorIs(t, err, ErrNoLegend)
	assert.Nil(t, r)
}

// FuzzRead checks that any text gives a Result or ErrNoLegend, never a
// panic, and that what it reads holds together.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"Resolución DIAN No. 18764003567890 del 2023-06-15, prefijo FEV del 1 al 10000, vigencia 24 meses",
		"Autorización de numeración de facturación electrónica No 18764003567890 de 15/06/2023 habilita del FEV1 al FEV10.000 vigente hasta 15/06/2025",
		"RESOLUCIÓN DIAN N° 18764003567890 DEL 15 DE JUNIO DE 2023 RANGO FEV 1 - FEV 10.000 FECHA DE VENCIMIENTO: 15/06/2025",
		"Resolución 18764003567890 del 2023-02-30 prefijo FEV del 10000 al 1 vigencia 0 meses",
		"Resolución 18764003567890, rangos FEV del 1 al 10000 y DS del 1 al 500 (documento soporte), vigente del 2023-06-15 al 2025-06-15",
		"resolucion 18764003567890 2023-06-15 2025-06-15 fev 1 al 10000 vigente hasta15/06/2025 dic 1 2023",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := Read(s)
		if err != nil {
			require.ErrorIs(t, err, ErrNoLegend)
			require.Nil(t, r)
			return
		}
		require.NotNil(t, r)
		for i, rg := range r.Ranges {
			if r.Bad == nil {
				require.LessOrEqual(t, rg.From, rg.To, "range %d", i)
			}
			for _, d := range []Date{rg.ValidFrom, rg.ValidTo} {
				require.True(t, d.IsZero() || vocab.FindDates(d.String()) != nil, "range %d: date %v", i, d)
			}
			require.Contains(t, requestRank[1:], rg.Request)
			require.Contains(t, kindList, rg.Kind)
		}
		if r.Bad != nil {
			require.NotEmpty(t, r.Bad.Label)
		}
	})
}

func BenchmarkRead(b *testing.B) {
	s := "Resolución DIAN No. 18764003567890 del 15 de junio de 2023, prefijo FEV del 1 al 10.000, vigencia 24 meses"
	b.ReportAllocs()
	for b.Loop() {
		_, _ = Read(s)
	}
}
