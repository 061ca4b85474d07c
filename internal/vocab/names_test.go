package vocab

import (
	"testing"

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
