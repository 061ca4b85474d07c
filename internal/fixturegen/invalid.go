package fixturegen

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"math/rand/v2"
)

// CLI error codes the negative fixtures expect.
const (
	WantMalformed      = "malformed-pdf"
	WantLimit          = "malformed-pdf" // a limit hit: the documented code, the message names the limit
	WantEncrypted      = "encrypted"
	WantNoText         = "no-text"
	WantNotResolution  = "not-a-resolution"
	WantIncomplete     = "incomplete"
	encryptedPassword  = "secreto"
	encryptedOwnerPass = "dueno-1876"
)

// InvalidFixtures returns the files a correct parser rejects.
func InvalidFixtures(fs *Fonts) []Invalid {
	base := companySpec()
	sample := Render("invalid-base", &base, Layout{PerDigit: true}, fs)
	rng := rand.New(rand.NewPCG(1876, 4))
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(rng.Uint32())
	}
	// Encrypted files use fonts whose dictionaries hold no strings, since
	// the generator encrypts streams only.
	encLayout := func(c Cipher) Layout {
		return Layout{PerDigit: true, LabelFont: FontHelvetica, ValueFont: FontTrueType,
			Encrypt: &Encryption{Cipher: c, UserPassword: encryptedPassword, OwnerPassword: encryptedOwnerPass}}
	}
	noNumber := numbered(base, "18764000009001")
	noTable := numbered(base, "18764000009002")
	return []Invalid{
		{Name: "random-bytes", Note: "4 KiB of seeded random bytes", Want: WantMalformed, PDF: junk},
		{Name: "truncated-half", Note: "a valid form cut at half its length", Want: WantMalformed, PDF: sample[:len(sample)/2]},
		{Name: "xref-nowhere", Note: "header, trailer and a startxref pointing past the end; no objects", Want: WantMalformed, PDF: xrefNowhere()},
		{Name: "encrypted-rc4-user-password", Note: "RC4-128 (R3) with user password \"secreto\"", Want: WantEncrypted,
			PDF: Render("enc-rc4", &base, encLayout(CipherRC4x128), fs)},
		{Name: "encrypted-aes128-user-password", Note: "AES-128 (R4, AESV2) with user password \"secreto\"", Want: WantEncrypted,
			PDF: Render("enc-aes", &base, encLayout(CipherAES128), fs)},
		{Name: "image-only", Note: "one page that only draws a grey image (a scan)", Want: WantNoText, PDF: imageOnly()},
		{Name: "vector-only", Note: "the form's boxes and barcode as paths, no text at all", Want: WantNoText, PDF: vectorOnly()},
		{Name: "invoice-not-1876", Note: "an invoice: FACTURA ELECTRÓNICA DE VENTA No. FE10, lines, no form number", Want: WantNotResolution, PDF: invoice(fs)},
		{Name: "incomplete-no-table", Note: "a 1876 whose page-2 table is missing", Want: WantIncomplete,
			PDF: Render("no-table", &noTable, Layout{PerDigit: true, NoTable: true}, fs)},
		{Name: "incomplete-no-form-number", Note: "a 1876 without box 4 (form number)", Want: WantIncomplete,
			PDF: Render("no-number", &noNumber, Layout{PerDigit: true, NoNumber: true}, fs)},
	}
}

func xrefNowhere() []byte {
	return []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Root 1 0 R >>\nstartxref\n99999\n%%EOF\n")
}

// onePage writes a single-page document from a content stream and the
// page's resource dictionary entries.
func onePage(content []byte, res func(d *Doc) string, id string) []byte {
	d := &Doc{}
	pages := d.alloc()
	r := res(d)
	cn := d.addStream("", content, FilterFlate)
	pg := d.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << %s >> /Contents %d 0 R >>", pages, r, cn))
	d.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", pg))
	d.Root = d.add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	var fid [16]byte
	copy(fid[:], id)
	return d.Bytes(WriteOptions{Compress: true, ID: fid})
}

func imageOnly() []byte {
	const w, h = 120, 160
	var px bytes.Buffer
	for y := range h {
		for x := range w {
			v := byte(230)
			if (y/8)%4 == 0 && x > 10 && x < 110 { // text-like stripes
				v = byte(60 + (x*y)%40)
			}
			px.WriteByte(v)
		}
	}
	return onePage([]byte("q 480 640 0 0 cm\nQ\nq 480 0 0 640 57 100 cm /Im1 Do Q\n"), func(d *Doc) string {
		im := d.addStream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8", w, h), px.Bytes(), FilterFlate)
		return fmt.Sprintf("/XObject << /Im1 %d 0 R >>", im)
	}, "image-only")
}

func vectorOnly() []byte {
	c := newCanvas(0, 0, 842)
	r := &renderer{s: &Spec{Number: "18764000009003"}, w: 595, h: 842}
	r.barcode(c, 359, 56, 200, 30)
	for i := range 8 {
		c.rect(36, 95+float64(i)*30, 523, 30, 0.6)
	}
	c.circle(480, 600, 72, 1)
	c.circle(480, 600, 52, 0.5)
	return onePage(c.content(nil), func(*Doc) string { return "" }, "vector-only")
}

func invoice(fs *Fonts) []byte {
	c := newCanvas(0, 0, 842)
	f := newFont("F1", FontType0, AccentPrecomposed, fs)
	c.text(f, 14, 40, 60, "FACTURA ELECTRÓNICA DE VENTA No. FE10")
	c.text(f, 9, 40, 80, "COMERCIALIZADORA ANDINA DE TECNOLOGÍA S.A.S.  NIT 900123456-8")
	c.text(f, 9, 40, 94, "Fecha de emisión: 2024-11-02   Forma de pago: Contado")
	y := 130.0
	c.line(40, y-12, 555, y-12, 0.6)
	for _, h := range [][2]any{{"Descripción", 40.0}, {"Cant.", 330.0}, {"Valor unitario", 380.0}, {"Total", 480.0}} {
		c.text(f, 9, h[1].(float64), y, h[0].(string))
	}
	c.line(40, y+4, 555, y+4, 0.6)
	items := []struct {
		d         string
		q         int
		unit, tot string
	}{
		{"Servicio de soporte técnico", 2, "150.000", "300.000"},
		{"Licencia de software anual", 1, "1.200.000", "1.200.000"},
	}
	for i, it := range items {
		yy := y + 18 + float64(i)*14
		c.text(f, 9, 40, yy, it.d)
		c.text(f, 9, 330, yy, fmt.Sprint(it.q))
		c.text(f, 9, 380, yy, it.unit)
		c.text(f, 9, 480, yy, it.tot)
	}
	c.line(40, y+50, 555, y+50, 0.6)
	c.text(f, 9, 380, y+66, "Total a pagar: 1.500.000")
	c.text(f, 7, 40, 760, "Resolución DIAN No. 18764000000001 del 2024-10-19, prefijo FE del 1 al 1000, vigencia 24 meses")
	c.text(f, 7, 40, 772, "CUFE: 3f1e0c9b0d2a7a44c1c8a1b5c7e6d9f0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2")
	return onePage(c.content(nil), func(d *Doc) string {
		return fmt.Sprintf("/Font << /F1 %d 0 R >>", f.write(d))
	}, "invoice-not-1876")
}

// FlateBomb returns a one-page PDF whose content stream inflates to 1 GiB
// of zeros from about 1.3 MB: a limit must stop it early. It takes seconds
// to compress, so it is not part of Files; genfixtures -bomb writes it.
func FlateBomb() []byte {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	zero := make([]byte, 1<<20)
	for range 1024 {
		w.Write(zero)
	}
	w.Close()
	d := &Doc{}
	pages := d.alloc()
	cn := d.addStream("/Filter /FlateDecode", z.Bytes(), FilterDefault)
	pg := d.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R >>", pages, cn))
	d.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", pg))
	d.Root = d.add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	var fid [16]byte
	copy(fid[:], "flate-bomb")
	return d.Bytes(WriteOptions{ID: fid})
}
