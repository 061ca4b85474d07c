package pdftext

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// objStmPDF writes a file whose page resources (object 6) live in object
// stream 5 with an xref stream. extends is the /Extends entry of stream 5;
// selfStored marks stream 5 as stored in itself.
func objStmPDF(extends string, selfStored bool) []byte {
	var out bytes.Buffer
	out.WriteString("%PDF-1.5\n")
	offs := map[int]int{}
	obj := func(id int, body string) {
		offs[id] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", id, body)
	}
	obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	obj(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources 6 0 R >>")
	data := "6 0 << /Font << >> >>"
	if extends != "" {
		data = "7 0 << /Font << >> >>" // object 6 is not there: search the chain
	}
	obj(5, fmt.Sprintf("<< /Type /ObjStm /N 1 /First 4 %s /Length %d >>\nstream\n%s\nendstream", extends, len(data), data))
	var xr bytes.Buffer
	row := func(typ byte, f2 uint32, f3 uint16) {
		xr.WriteByte(typ)
		binary.Write(&xr, binary.BigEndian, f2)
		binary.Write(&xr, binary.BigEndian, f3)
	}
	xrefOff := out.Len()
	offs[4] = xrefOff
	row(0, 0, 65535)
	for id := 1; id <= 5; id++ {
		if id == 5 && selfStored {
			row(2, 5, 0)
			continue
		}
		row(1, uint32(offs[id]), 0)
	}
	row(2, 5, 0) // object 6, index 0 of stream 5
	fmt.Fprintf(&out, "4 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n", xr.Len())
	out.Write(xr.Bytes())
	fmt.Fprintf(&out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xrefOff)
	return out.Bytes()
}

func TestObjectStreams(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		bad  bool
	}{
		{"object stream read through the xref stream", objStmPDF("", false), false},
		{"/Extends pointing at itself (ledongthuc loops forever)", objStmPDF("/Extends 5 0 R", false), true},
		{"object stream stored in itself (ledongthuc overflows the stack)", objStmPDF("", true), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := OpenBytes(t.Context(), tc.data, "", Limits{})
			require.NoError(t, err)
			assert.False(t, doc.Repaired(), "hostile object streams are read in place: /Extends is never followed, a stream in itself reads as empty")
			_, err = doc.Page(t.Context(), 1)
			assert.NoError(t, err)
		})
	}
}
