package vocab

import (
	"strings"
	"unicode/utf8"
)

// Kind names, as the kebab strings of resolution.Kind.
const (
	KindElectronicInvoice  = "electronic-invoice"  // "FACTURA ELECTRÓNICA DE VENTA"
	KindSupportDocument    = "support-document"    // "DOCUMENTO SOPORTE"
	KindPaper              = "paper"               // "TALONARIO O DE PAPEL"
	KindPOS                = "pos"                 // "POS" / "MÁQUINA REGISTRADORA"
	KindComputer           = "computer"            // "FACTURA POR COMPUTADOR"
	KindEquivalentDocument = "equivalent-document" // "DOCUMENTO EQUIVALENTE ELECTRÓNICO"
)

// KindOf maps a modality as printed in box 30, or as running text names
// it ("facturación electrónica", "documentos soporte"), to its kind name,
// or "". It reads word stems (see KindStem), so word order, plurals and
// missing accents do not matter. "papel" names the paper kind only as "de
// papel" or with "talonario": invoices say "representación impresa en
// papel" of any kind.
func KindOf(s string) string {
	if lacksAll(s, kindCues) {
		return ""
	}
	f := Fold(s)
	if !containsAny(f, kindCues) {
		return "" // most text names no modality: spare the stemming
	}
	var buf [128]byte
	b := append(buf[:0], ' ')
	for w := range strings.FieldsSeq(f) {
		b = append(append(b, KindStem(w)...), ' ')
	}
	t := string(b) // the stems, each between spaces
	equivalent := strings.Contains(t, " documento equivalente")
	support := strings.Contains(t, " documento soporte")
	computer := strings.Contains(t, " computador")
	paper := strings.Contains(t, " talonario") || strings.Contains(t, " de papel ")
	pos := strings.Contains(t, " pos ") || strings.Contains(t, " maquina registradora")
	invoice := strings.Contains(t, " factura ") && strings.Contains(t, " electronica ")
	// Text that names two modalities names none: "POS FACTURA ELECTRÓNICA
	// DE" is the end of one cell and the start of the next. An equivalent
	// document may name the POS it stands for ("documento equivalente
	// electrónico tiquete de máquina registradora con sistema POS").
	n := 0
	for _, named := range []bool{equivalent, support, computer, paper, pos && !equivalent, invoice && !equivalent} {
		if named {
			n++
		}
	}
	if n > 1 {
		return ""
	}
	switch {
	case equivalent:
		return KindEquivalentDocument
	case support:
		return KindSupportDocument
	case computer:
		return KindComputer
	case paper:
		return KindPaper
	case pos:
		return KindPOS
	case invoice:
		return KindElectronicInvoice // "FACTURA ELECTRÓNICA DE VENTA", "FACTURA DE VENTA ELECTRÓNICA"
	}
	return ""
}

// kindCues holds a piece of every word KindOf looks for, as printed and
// as KindStem maps it: text without any of them names no modality.
var kindCues = []string{"document", "computador", "talonario", "papel", "pos", "maquina", "factura"}

var requestCues = []string{"habilit", "autoriz"}

// lacksAll reports, without folding s, that Fold(s) holds none of cues
// (lower-case ASCII letters): s is ASCII with no dotted initials to join,
// so Fold only lowercases its letters and turns the rest into spaces, and
// no cue is found in it whatever the case. When s is not so plain it
// reports false, and the caller folds.
func lacksAll(s string, cues []string) bool {
	dots := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return false
		case c == '.':
			dots++
		}
	}
	if dots >= 2 {
		return false
	}
	for _, c := range cues {
		if indexFoldASCII(s, c) >= 0 {
			return false
		}
	}
	return true
}

// indexFoldASCII is strings.Index(strings.ToLower(s), sub) for ASCII s
// and a lower-case sub, without the copy.
func indexFoldASCII(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && s[i+j]|0x20 == sub[j] {
			j++
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// KindStem returns the word box 30 prints for a folded word of running
// text that names a modality in another form: a plural ("facturas"), the
// activity ("facturacion" for "factura") or the other gender ("electronico"
// for "electronica"). Other words come back unchanged.
func KindStem(folded string) string {
	if w, ok := kindStems[folded]; ok {
		return w
	}
	return folded
}

var kindStems = map[string]string{
	"facturas": "factura", "facturacion": "factura", "electronicas": "electronica", "electronico": "electronica",
	"electronicos": "electronica", "documentos": "documento", "soportes": "soporte", "talonarios": "talonario",
	"maquinas": "maquina", "registradoras": "registradora", "computadores": "computador", "equivalentes": "equivalente",
}

// FormWord reports whether a folded word belongs to the form's own
// wording of modalities and requests ("factura", "venta", "registradora",
// "autorizacion"), which no person's name holds. Function words ("de",
// "y") are no such words: names hold them.
func FormWord(folded string) bool {
	switch folded {
	case "de", "o", "y", "en", "a", "no", "por":
		return false
	}
	return KindWord(folded) || RequestOf(folded) != ""
}

// KindWord reports whether a folded word belongs to some modality name, so
// that a table row's modality may be told from its other cells.
func KindWord(folded string) bool {
	switch folded {
	case "factura", "electronica", "de", "venta", "documento", "soporte", "talonario", "o", "papel",
		"pos", "maquina", "registradora", "por", "computador", "equivalente", "y", "en", "adquisiciones",
		"no", "obligados", "a", "facturar":
		return true
	}
	return false
}

// Request names, as the kebab strings of resolution.Request.
const (
	RequestAuthorization = "authorization" // "AUTORIZACIÓN"
	RequestEnablement    = "enablement"    // "HABILITACIÓN"
	RequestDisablement   = "disablement"   // "INHABILITACIÓN"
)

// RequestOf maps the printed request type to its name, or "". It reads
// stems, so "INHABILITAR" reads as "INHABILITACIÓN".
func RequestOf(s string) string {
	if lacksAll(s, requestCues) {
		return ""
	}
	t := Fold(s)
	switch {
	case strings.Contains(t, "inhabilit"):
		return RequestDisablement
	case strings.Contains(t, "habilit"):
		return RequestEnablement
	case strings.Contains(t, "autoriz"):
		return RequestAuthorization
	}
	return ""
}

// Furniture reports whether folded text is printed matter that is never a
// box's value: captions of areas for DIAN's use, section titles, page
// numbers and the signature line. Such text may stand on a value's line.
func Furniture(folded string) bool {
	t := " " + folded + " "
	for _, p := range furniture {
		if strings.Contains(t, p) {
			return true
		}
	}
	return false
}

var furniture = []string{
	" espacio reservado ", " reservado para ", " uso exclusivo ", " para uso de la dian ",
	" datos del solicitante ", " detalle de la solicitud ", " firma del solicitante ", " firma ",
	" hoja ", " pagina ", " pag ", " formulario para la solicitud ", " autorizacion numeracion ",
	" acuse de recibo ", " firmado ", " direccion de impuestos ", " u a e ", " datos del ",
	" informacion del ", " rangos de numeracion ", " sello ", " recibido ", " radicado ", " no diligenciar ",
	" diligencie ", " uso dian ", " espacio para ", " exclusivo ", " pagina ",
	// Section headings over the person's or the company's boxes.
	" persona juridica ", " persona natural ",
}
