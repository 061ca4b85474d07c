package prefix_test

import (
	"strings"
	"testing"

	"github.com/dianres/dianres/prefix"
)

func BenchmarkParseNumberingRanges(b *testing.B) {
	s := readXML(b, "ranges-soap.xml")
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := prefix.ParseNumberingRanges(strings.NewReader(s), nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseInvoice(b *testing.B) {
	s := readXML(b, "invoice-setp.xml")
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := prefix.ParseInvoice(strings.NewReader(s), nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseInvoice1000Lines reads an invoice padded to 1000 lines:
// the whole document is read, so the cost grows with it.
func BenchmarkParseInvoice1000Lines(b *testing.B) {
	line := `<cac:InvoiceLine><cbc:ID>2</cbc:ID><cbc:InvoicedQuantity unitCode="EA">1.00</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID="COP">100000.00</cbc:LineExtensionAmount><cac:Item><cbc:Description>Servicio de prueba</cbc:Description></cac:Item></cac:InvoiceLine>`
	s := replace(b, readXML(b, "invoice-setp.xml"), "</Invoice>", strings.Repeat(line, 1000)+"</Invoice>")
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := prefix.ParseInvoice(strings.NewReader(s), nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAssociate(b *testing.B) {
	rs, err := prefix.ParseNumberingRanges(strings.NewReader(readXML(b, "ranges-soap.xml")), nil)
	if err != nil {
		b.Fatal(err)
	}
	res := testResolution()
	b.ReportAllocs()
	for b.Loop() {
		prefix.Associate(res, rs)
	}
}

func BenchmarkCheckInvoice(b *testing.B) {
	inv, err := prefix.ParseInvoice(strings.NewReader(readXML(b, "invoice-setp.xml")), nil)
	if err != nil {
		b.Fatal(err)
	}
	res := testResolution()
	opts := &prefix.InvoiceOptions{SoftwareID: "56f2ae4e-9812-4fad-9255-08fcfcd5ccb0"}
	b.ReportAllocs()
	for b.Loop() {
		prefix.CheckInvoice(res, inv, opts)
	}
}
