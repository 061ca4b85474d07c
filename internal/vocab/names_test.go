package vocab

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
)

func TestKindOf(t *testing.T) {
	for _, tc := range []struct {
		printed string
		want    string
	}{
		{"FACTURA ELECTRÓNICA DE VENTA", KindElectronicInvoice},
		{"FACTURA ELECTRONICA DE VENTA", KindElectronicInvoice},
		{"Factura de venta electrónica", KindElectronicInvoice},
		{"FACTURA ELECTRO\u0301NICA", KindElectronicInvoice},
		{"DOCUMENTO SOPORTE", KindSupportDocument},
		{"DOCUMENTO SOPORTE EN ADQUISICIONES EFECTUADAS A NO OBLIGADOS A FACTURAR", KindSupportDocument},
		{"TALONARIO O DE PAPEL", KindPaper},
		{"POS", KindPOS},
		{"MÁQUINA REGISTRADORA", KindPOS},
		{"FACTURA POR COMPUTADOR", KindComputer},
		{"DOCUMENTO EQUIVALENTE ELECTRÓNICO", KindEquivalentDocument},
		{"DOCUMENTO EQUIVALENTE ELECTRÓNICO TIQUETE DE MÁQUINA REGISTRADORA CON SISTEMA P.O.S.", KindEquivalentDocument},
		{"NÓMINA ELECTRÓNICA", ""},
		{"", ""},
	} {
		assert.Equal(t, tc.want, KindOf(tc.printed), tc.printed)
	}
}

func TestRequestOf(t *testing.T) {
	for printed, want := range map[string]string{
		"AUTORIZACIÓN": RequestAuthorization, "AUTORIZACION": RequestAuthorization, "Autorizar": RequestAuthorization,
		"HABILITACIÓN": RequestEnablement, "HABILITAR": RequestEnablement,
		"INHABILITACIÓN": RequestDisablement, "INHABILITAR": RequestDisablement,
		"RECHAZO": "",
	} {
		assert.Equal(t, want, RequestOf(printed), printed)
	}
}

// TestKindOfRunningText covers how invoices and e-mails name a modality,
// as opposed to how box 30 prints it.
func TestKindOfRunningText(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string
	}{
		{"facturación electrónica", KindElectronicInvoice},
		{"facturas electrónicas", KindElectronicInvoice},
		{"documentos soporte", KindSupportDocument},
		{"facturación por computador", KindComputer},
		{"factura de papel", KindPaper},
		{"talonario", KindPaper},
		{"máquina registradora POS", KindPOS},
		{"representación impresa en papel", ""},
		{"autorización numeración de facturación", ""},
	} {
		assert.Equal(t, tc.want, KindOf(tc.text), tc.text)
	}
	assert.Equal(t, "factura", KindStem("facturacion"))
	assert.Equal(t, "prefijo", KindStem("prefijo"))
}

func TestFoldJoinsDottedInitials(t *testing.T) {
	for in, want := range map[string]string{
		"N.I.T.":       "nit",
		"N.I.T.:":      "nit",
		"(N.I.T.)":     "nit",
		"D.V.":         "dv",
		"S.A.S. LTDA.": "sas ltda",
		"Cód. 12.5":    "cod 12 5",
	} {
		assert.Equal(t, want, Fold(in), in)
	}
}

func TestExpandLigatures(t *testing.T) {
	assert.Equal(t, "Prefijo", ExpandLigatures("Pre\ufb01jo"))
	assert.Equal(t, "OFICINA", ExpandLigatures("OFICINA"))
}

var foldCases = []string{"", "FACTURA", "  Cód. 12 ", "N.I.T.:", "(NIT)", "a-b_c", "2,000", "Desde el número", "ABC  def--", "x.y.z",
	"NÚMERO", "Nu\u0301mero", "AÑO\u2010FE", "Nº 5", "\xffA\xc3", "Ǆ İ ß", "MÁQUINA  REGISTRADORA",
	"factura electronica", " factura", "factura ", "a  b", " ",
	"S.A.S. LTDA.", "2024.10.19", "N.º 5.", "Ñ.A.B.", "1.2.3 x.y", "(N.I.T.):", "AUTORIZACIÓN", "Autoriz-ación", "FACTURA ELECTRÓNICA", "POS", "pos.", "H.A.B.I.L.I.T"}

// Fold and Lower read ASCII bytes without decoding them; they must fold
// as the plain rune loops do.
func TestFoldFastPathsMatchRuneLoops(t *testing.T) {
	for _, s := range foldCases {
		assert.Equal(t, strings.TrimSpace(foldSlow(s)), Fold(s), "Fold %q", s)
		assert.Equal(t, lowerSlow(s), Lower(s), "Lower %q", s)
	}
}

func FuzzFoldFastPaths(f *testing.F) {
	for _, s := range foldCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if a, b := strings.TrimSpace(foldSlow(s)), Fold(s); a != b {
			t.Fatalf("Fold(%q) = %q, the rune loop says %q", s, b, a)
		}
		if a, b := Fold(s), string(AppendFold([]byte("x"), s)); "x"+a != b {
			t.Fatalf("AppendFold(%q) = %q, Fold says %q", s, b, a)
		}
		for _, cues := range [][]string{kindCues, requestCues} {
			if lacksAll(s, cues) && containsAny(Fold(s), cues) {
				t.Fatalf("lacksAll(%q, %q), but its fold %q holds one", s, cues, Fold(s))
			}
		}
		if a, b := lowerSlow(s), Lower(s); a != b {
			t.Fatalf("Lower(%q) = %q, the rune loop says %q", s, b, a)
		}
	})
}

// foldSlow folds through the rune path only.
func foldSlow(s string) string {
	if strings.Count(s, ".") >= 2 {
		s = joinInitials(s)
	}
	var b strings.Builder
	space := true
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = LowerRune(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return b.String()
}

// lowerSlow lowers through the rune path only.
func lowerSlow(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(LowerRune(r))
		}
	}
	return b.String()
}

// KindOf rejects text holding none of kindCues before stemming it: every
// word its cases look for, and every word KindStem turns into one, must
// hold a cue.
func TestKindCuesCoverKindWords(t *testing.T) {
	looked := []string{"documento", "computador", "talonario", "papel", "pos", "maquina", "factura"}
	for from, to := range kindStems {
		if slices.Contains(looked, to) {
			assert.True(t, containsAny(from, kindCues), "%q (stem %q) holds no cue", from, to)
		}
	}
	for _, w := range looked {
		assert.True(t, containsAny(w, kindCues), w)
	}
}

// Text that names two modalities names none: the end of one wrapped cell
// and the start of the next. An equivalent document may name its POS.
func TestKindOfTwoModalities(t *testing.T) {
	assert.Equal(t, "", KindOf("POS FACTURA ELECTRONICA DE"))
	assert.Equal(t, "", KindOf("TALONARIO O DE PAPEL DOCUMENTO SOPORTE"))
	assert.Equal(t, KindEquivalentDocument, KindOf("DOCUMENTO EQUIVALENTE ELECTRÓNICO TIQUETE DE MÁQUINA REGISTRADORA CON SISTEMA POS"))
	assert.Equal(t, KindComputer, KindOf("FACTURA POR COMPUTADOR"))
	assert.Equal(t, KindPOS, KindOf("MÁQUINA REGISTRADORA POS"))
}

func TestSectionHeadingsAreFurniture(t *testing.T) {
	assert.True(t, Furniture(Fold("Persona jurídica")))
	assert.True(t, Furniture(Fold("PERSONA NATURAL")))
	assert.False(t, Furniture(Fold("ACME S.A.S.")))
}

func TestFormWord(t *testing.T) {
	for _, w := range []string{"factura", "venta", "registradora", "autorizacion", "habilitacion", "soporte"} {
		assert.True(t, FormWord(w), w)
	}
	for _, w := range []string{"de", "y", "la", "garcia", "maria", "ventas"} {
		assert.False(t, FormWord(w), w)
	}
}
