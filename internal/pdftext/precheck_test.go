package pdftext

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// xrefStreamPDF writes the one-page file of OnePage with an xref stream
// (PDF 32000 §7.5.8) in place of the table. dict adds entries to the
// stream's dictionary after /Size and /W, so a later /Size, /Index or
// /Prev overrides; rows are more entries after the real ones, and
// startxref is where startxref points (-1: at the xref stream).
func xrefStreamPDF(dict string, rows, startxref int) []byte {
	var b TestPDF
	b.OnePage(TestPage{Content: "BT /F1 10 Tf 72 700 Td (Hostil) Tj ET"})
	var out bytes.Buffer
	out.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(b.objs))
	for i, o := range b.objs {
		offs[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	id := len(b.objs) + 1
	xref := out.Len()
	var xr bytes.Buffer
	row := func(typ byte, f2 uint32, f3 uint16) {
		xr.WriteByte(typ)
		binary.Write(&xr, binary.BigEndian, f2)
		binary.Write(&xr, binary.BigEndian, f3)
	}
	row(0, 0, 65535)
	for _, o := range offs {
		row(1, uint32(o), 0)
	}
	row(1, uint32(xref), 0)
	for range rows {
		row(1, uint32(offs[0]), 0)
	}
	if startxref < 0 {
		startxref = xref
	}
	fmt.Fprintf(&out, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root %d 0 R %s /Length %d >>\nstream\n", id, id+1, len(b.objs), dict, xr.Len())
	out.Write(xr.Bytes())
	fmt.Fprintf(&out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", startxref)
	return out.Bytes()
}

// TestHostileXref feeds xref shapes that made ledongthuc/pdf allocate by a
// number in the file or loop forever. pdfrepair's reader keeps its xref in
// a map and cuts /Prev cycles; what it cannot follow it rebuilds by a scan.
func TestHostileXref(t *testing.T) {
	xrefAt := bytes.Index(xrefStreamPDF("", 0, -1), []byte(" 0 obj\n<< /Type /XRef"))
	require.Positive(t, xrefAt)
	xrefAt-- // back to the object number
	for _, tc := range []struct {
		name     string
		data     []byte
		repaired bool
	}{
		{"xref stream with a sane /Index is read as it is", xrefStreamPDF("/Index [0 7]", 0, -1), false},
		{"xref stream /Index far past the file size", xrefStreamPDF("/Index [0 7 20000000 1]", 1, -1), true},
		{"xref stream /Size far past the file size", xrefStreamPDF("/Size 9999999", 0, -1), true},
		{"xref stream /Prev pointing at itself", xrefStreamPDF(fmt.Sprintf("/Prev %d", xrefAt), 0, -1), false},
		{"startxref past the end", xrefStreamPDF("", 0, 999999), true},
		{"startxref pointing into an object", xrefStreamPDF("", 0, 30), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := OpenBytes(t.Context(), tc.data, "", Limits{})
			require.NoError(t, err)
			assert.Equal(t, tc.repaired, doc.Repaired())
			p, err := doc.Page(t.Context(), 1)
			require.NoError(t, err)
			assert.Equal(t, "Hostil\n", p.Text())
		})
	}
}
