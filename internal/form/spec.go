package form

import (
	"slices"
	"strings"
)

// valueType is what a field's value looks like; each has one recogniser
// (candidates.go), built on internal/vocab.
type valueType int

const (
	typeNone        valueType = iota // a label that only bounds its neighbours
	typeFormNumber                   // "1876" + 7–16 digits
	typeNIT                          // grouped digits, maybe "-DV"
	typeDV                           // one digit
	typeName                         // words
	typeYear                         // four digits
	typeKind                         // a modality name
	typePrefix                       // 0–4 letters and digits
	typeConsecutive                  // a range bound
	typeMonths                       // a validity in months
	typeRequest                      // a request type
	typeCode                         // a one- or two-digit code ("Cód.")
	typeDate                         // a calendar date
	typeRange                        // both bounds of a range in one cell: "1 - 5.000"
	typeAny                          // an unknown table column: anything
)

// A spec is one field of the form: its box, the label as printed and the
// folded phrases that name it, its value type and where its value goes.
// It is the one place that knows the form's labels.
type spec struct {
	key     string // field name as reported: "number", "nit", "ranges[].from"
	box     int
	printed string     // the label as DIAN prints it (docs/form-1876.md §2)
	phrases [][]string // folded tokens, most specific first
	typ     valueType
	field   func(*Fields) *Field // page boxes; nil for table columns and bounders
	row     func(*Row) *Field    // range fields, in a table or as labelled boxes
	column  bool                 // a column label of the table of ranges
	needBox bool                 // a phrase too common to be a label without its box number ("Año")
	// keys are folded words of which a label printed with its box number
	// must hold at least one: "32. Número inicial" is box 32 by its number,
	// and "inicial" confirms it whatever the rest of the wording.
	keys []string
}

// Labels as printed on the form (docs/form-1876.md §2).
const (
	labelTitle        = "Autorización numeración de facturación"
	labelFormNumber   = "Número de formulario"
	labelNIT          = "Número de Identificación Tributaria (NIT)"
	labelDV           = "DV"
	labelSurname1     = "Primer apellido"
	labelSurname2     = "Segundo apellido"
	labelGivenName    = "Primer nombre"
	labelOtherNames   = "Otros nombres"
	labelBusinessName = "Razón social"
	labelSeccional    = "Cód. Dirección Seccional"
	labelYear         = "Año"
	labelStamp        = "Fecha Acuse de Recibo"
	labelKind         = "Modalidad"
	labelPrefix       = "Prefijo"
	labelFrom         = "Desde el número"
	labelTo           = "Hasta el número"
	labelMonths       = "Vigencia (meses)"
	labelRequest      = "Tipo de solicitud"
	labelCode         = "Cód."
	labelValidTo      = "Fecha de vencimiento"
	labelValidFrom    = "Fecha inicial"
)

func phrases(ps ...string) [][]string {
	out := make([][]string, len(ps))
	for i, p := range ps {
		out[i] = strings.Fields(p)
	}
	return out
}

// specs lists every label the reader knows. Order does not matter: longer
// phrases are matched first (see labelOrder).
var specs = []*spec{
	{key: "number", box: 4, keys: []string{"formulario"}, printed: labelFormNumber, typ: typeFormNumber, field: func(f *Fields) *Field { return &f.Number },
		phrases: phrases("numero de formulario", "numero del formulario", "numero formulario", "no de formulario", "no formulario",
			"formulario no", "formulario numero", "formulario nro", "nro de formulario", "n de formulario")},
	{key: "nit", box: 5, keys: []string{"nit", "identificacion", "tributaria"}, printed: labelNIT, typ: typeNIT, field: func(f *Fields) *Field { return &f.NIT },
		phrases: phrases("numero de identificacion tributaria nit", "numero de identificacion tributaria", "identificacion tributaria nit",
			"identificacion tributaria", "nit")},
	{key: "dv", box: 6, keys: []string{"dv", "digito", "verificacion"}, printed: labelDV, typ: typeDV, field: func(f *Fields) *Field { return &f.DV },
		phrases: phrases("digito de verificacion", "dig de verificacion", "dig verif", "digito verif", "dv", "d v")},
	{key: "surname1", box: 7, keys: []string{"apellido", "apellidos"}, printed: labelSurname1, typ: typeName, field: func(f *Fields) *Field { return &f.Surname1 },
		phrases: phrases("primer apellido", "1er apellido", "1 apellido", "apellido 1", "primer apell", "1er apell", "apellido")},
	{key: "surname2", box: 8, keys: []string{"apellido", "apellidos"}, printed: labelSurname2, typ: typeName, field: func(f *Fields) *Field { return &f.Surname2 },
		phrases: phrases("segundo apellido", "2do apellido", "2 apellido", "apellido 2", "segundo apell", "2do apell")},
	{key: "given_name", box: 9, keys: []string{"nombre", "nombres"}, printed: labelGivenName, typ: typeName, field: func(f *Fields) *Field { return &f.GivenName },
		phrases: phrases("primer nombre", "1er nombre", "nombre 1", "primer nom", "1er nom", "nombre")},
	{key: "other_names", box: 10, keys: []string{"nombre", "nombres"}, printed: labelOtherNames, typ: typeName, field: func(f *Fields) *Field { return &f.OtherNames },
		phrases: phrases("otros nombres", "otro nombre", "segundo nombre", "2do nombre", "nombre 2", "otros nom", "otro nom")},
	{key: "name", box: 11, keys: []string{"razon", "social", "nombre", "denominacion"}, printed: labelBusinessName, typ: typeName, field: func(f *Fields) *Field { return &f.BusinessName },
		phrases: phrases("razon social", "nombre o razon social", "denominacion o razon social", "razon soc", "r social")},
	{key: "seccional", box: 12, keys: []string{"seccional", "direccion", "dir"}, printed: labelSeccional, phrases: phrases("cod direccion seccional", "codigo direccion seccional", "direccion seccional")},
	{key: "year", box: 1, keys: []string{"ano", "anio", "periodo"}, printed: labelYear, typ: typeYear, field: func(f *Fields) *Field { return &f.Year }, needBox: true,
		phrases: phrases("ano")},
	{key: "stamp", printed: labelStamp, phrases: phrases("fecha acuse de recibo", "acuse de recibo")},

	{key: "kind", box: 30, keys: []string{"modalidad", "tipo", "documento", "clase"}, printed: labelKind, typ: typeKind, column: true, row: func(r *Row) *Field { return &r.Kind },
		phrases: phrases("modalidad", "tipo de documento", "clase de documento", "tipo de documento soporte", "mod")},
	{key: "prefix", box: 31, keys: []string{"prefijo"}, printed: labelPrefix, typ: typePrefix, column: true, row: func(r *Row) *Field { return &r.Prefix },
		phrases: phrases("prefijo", "pref")},
	{key: "from", box: 32, keys: []string{"desde", "inicial", "inicio", "numero", "no", "rango", "del"}, printed: labelFrom, typ: typeConsecutive, column: true, row: func(r *Row) *Field { return &r.From },
		phrases: phrases("desde el numero", "desde el no", "desde numero", "desde no", "rango desde", "numero inicial", "rango inicial", "consecutivo inicial", "numeracion inicial", "desde", "inicial")},
	{key: "to", box: 33, keys: []string{"hasta", "final", "fin", "numero", "no", "rango", "al"}, printed: labelTo, typ: typeConsecutive, column: true, row: func(r *Row) *Field { return &r.To },
		phrases: phrases("hasta el numero", "hasta el no", "hasta numero", "hasta no", "rango hasta", "numero final", "rango final", "consecutivo final", "numeracion final", "hasta", "final")},
	{key: "months", box: 38, keys: []string{"vigencia", "meses", "plazo", "vigente"}, printed: labelMonths, typ: typeMonths, column: true, row: func(r *Row) *Field { return &r.Months },
		phrases: phrases("vigencia meses", "vigencia en meses", "vigencia", "meses de vigencia", "plazo meses", "vig meses", "meses", "vig")},
	{key: "request", printed: labelRequest, typ: typeRequest, column: true, row: func(r *Row) *Field { return &r.Request },
		phrases: phrases("tipo de solicitud", "tipo solicitud", "clase de solicitud", "tipo de sol", "tipo sol", "tipo de tramite", "tramite", "sol")},
	{key: "code", printed: labelCode, typ: typeCode, column: true,
		phrases: phrases("cod", "codigo")},
	{key: "box34", box: 34, column: true, typ: typeAny, printed: "34."},
	{key: "box35", box: 35, column: true, typ: typeAny, printed: "35."},
	{key: "box36", box: 36, column: true, typ: typeAny, printed: "36."},
	{key: "box37", box: 37, column: true, typ: typeAny, printed: "37."},
	// One column for both bounds ("Rango (desde - hasta)"): read only in a
	// table that has no column for either (see columns).
	{key: "range", printed: "Rango", typ: typeRange, column: true,
		phrases: phrases("rango desde hasta", "rango del al", "rango de numeracion", "rango autorizado", "numeracion autorizada", "rango")},
	{key: "valid_from", printed: labelValidFrom, typ: typeDate, column: true, row: func(r *Row) *Field { return &r.ValidFrom },
		phrases: phrases("fecha inicial", "fecha de inicio", "fecha inicio", "vigencia desde", "vigente desde", "fecha desde", "desde fecha", "f inicial", "f inicio")},
	{key: "valid_to", printed: labelValidTo, typ: typeDate, column: true, row: func(r *Row) *Field { return &r.ValidTo },
		phrases: phrases("fecha de vencimiento", "vigencia hasta", "vigente hasta", "fecha hasta", "hasta fecha", "fecha final", "vence", "f final", "f vencimiento")},
}

// glossWords are the English words bilingual copies print after a slash
// to translate the form's labels ("Razón social / Company name"): they
// belong to the label, and no value is made of them alone.
var glossWords = map[string]bool{
	"year": true, "form": true, "number": true, "tax": true, "id": true, "check": true, "digit": true,
	"first": true, "second": true, "middle": true, "other": true, "last": true, "given": true,
	"surname": true, "surnames": true, "name": true, "names": true, "company": true, "business": true,
	"legal": true, "office": true, "code": true, "prefix": true, "from": true, "to": true, "validity": true,
	"months": true, "request": true, "type": true, "modality": true, "range": true, "date": true,
	"applicant": true, "of": true, "receipt": true, "start": true, "end": true, "valid": true, "until": true,
}

// isGloss reports whether a folded word is a word of a label's English
// translation.
func isGloss(fold string) bool { return glossWords[strings.Trim(fold, "()")] }

// byBox maps a box number to its spec.
var byBox = func() map[int]*spec {
	m := map[int]*spec{}
	for _, s := range specs {
		if s.box != 0 {
			m[s.box] = s
		}
	}
	return m
}()

// labelOrder holds every (spec, phrase) pair, longest phrase first, so
// "Número de Identificación Tributaria (NIT)" is one label, not "NIT", and
// "Nombre" alone is the first name only where no longer label ("Segundo
// nombre", "Nombre o razón social") took the word.
var labelOrder = func() []phraseRef {
	var out []phraseRef
	for _, s := range specs {
		for _, p := range s.phrases {
			out = append(out, phraseRef{s, p})
		}
	}
	slices.SortStableFunc(out, func(a, b phraseRef) int { return len(b.tokens) - len(a.tokens) })
	return out
}()

// isPhrase reports whether folded text is, token for token, one of the
// label phrases.
func isPhrase(folded string) bool {
	toks := strings.Fields(folded)
	if len(toks) == 0 {
		return false
	}
	for _, i := range phraseHeads[toks[0]] {
		if slices.Equal(labelOrder[i].tokens, toks) {
			return true
		}
	}
	return false
}

// minTypoLen is the shortest word read with one typo (see tokenEq).
const minTypoLen = 7

// maxPhraseLen bounds the tokens of a label phrase (TestPhrasesFit holds
// specs to it): findLabels sorts its hits by length in that many buckets.
const maxPhraseLen = 8

// phraseHeads maps a phrase's first token to the labelOrder entries that
// start with it; longHeads lists, sorted, those tokens that are long
// enough to be matched with a typo.
var phraseHeads, longHeads = func() (map[string][]int, []string) {
	heads := map[string][]int{}
	var long []string
	for i, ref := range labelOrder {
		h := ref.tokens[0]
		if len(h) >= minTypoLen && heads[h] == nil {
			long = append(long, h)
		}
		heads[h] = append(heads[h], i)
	}
	slices.Sort(long)
	return heads, long
}()

type phraseRef struct {
	spec   *spec
	tokens []string
}
