package pdftext

import (
	"bytes"
	"compress/zlib"
	"fmt"
)

// TestPDF writes small PDFs for tests: objects numbered from 1, a classic
// xref table with correct offsets, and a trailer.
type TestPDF struct {
	objs    [][]byte
	Trailer string // extra trailer entries
}

// Reserve returns an object number to be filled in later with Set.
func (b *TestPDF) Reserve() int {
	b.objs = append(b.objs, nil)
	return len(b.objs)
}

// Set gives object id its body.
func (b *TestPDF) Set(id int, body string) { b.objs[id-1] = []byte(body) }

// Obj adds an object and returns its number.
func (b *TestPDF) Obj(body string) int {
	id := b.Reserve()
	b.Set(id, body)
	return id
}

// Stream adds a stream object; dict is the inside of its dictionary
// without /Length.
func (b *TestPDF) Stream(dict string, data []byte) int {
	id := b.Reserve()
	b.objs[id-1] = fmt.Appendf(nil, "<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
	return id
}

// FlateStream adds a FlateDecode-compressed stream.
func (b *TestPDF) FlateStream(dict string, data []byte) int {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(data)
	w.Close()
	return b.Stream(dict+" /Filter /FlateDecode", z.Bytes())
}

// Bytes returns the file with catalog root.
func (b *TestPDF) Bytes(root int) []byte {
	var out bytes.Buffer
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(b.objs))
	for i, o := range b.objs {
		offs[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(b.objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&out, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root %d 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(b.objs)+1, root, b.Trailer, xref)
	return out.Bytes()
}

// TestPage describes a one-page document for OnePage.
type TestPage struct {
	Content   string // page content stream
	Resources string // resource dictionary; default: /Font << /F1 Helvetica WinAnsi >>
	Extra     string // more page dictionary entries, e.g. "/Rotate 90"
}

// OnePage builds a one-page PDF, 612×792 unless Extra sets a MediaBox.
func OnePage(p TestPage) []byte {
	var b TestPDF
	return b.OnePage(p)
}

// OnePage builds a one-page PDF using the objects already in b.
func (b *TestPDF) OnePage(p TestPage) []byte {
	if p.Resources == "" {
		f := b.Obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
		p.Resources = fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", f)
	}
	content := b.FlateStream("", []byte(p.Content))
	pages := b.Reserve()
	page := b.Obj(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources %s /Contents %d 0 R %s >>", pages, p.Resources, content, p.Extra))
	b.Set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	root := b.Obj(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	return b.Bytes(root)
}
