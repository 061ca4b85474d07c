package pdftext

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPrecheck(t *testing.T) {
	// pad makes room so that small object numbers fit the size check.
	pad := string(bytes.Repeat([]byte("%"), 200)) + "\n"
	xrefStream := func(dict string) []byte {
		head := "%PDF-1.5\n" + pad
		off := len(head)
		return fmt.Appendf(nil, "%s5 0 obj\n<< /Type /XRef %s /W [1 2 1] /Length 0 >>\nstream\n\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", head, dict, off)
	}
	for _, tc := range []struct {
		name string
		data []byte
		bad  bool
	}{
		{"xref stream with a sane /Index", xrefStream("/Size 6 /Index [0 6]"), false},
		{"xref stream /Index far past the file size", xrefStream("/Size 6 /Index [0 3 20000000 3]"), true},
		{"xref stream /Size past the file size", xrefStream("/Size 9999999"), true},
		{"xref stream /Prev pointing at itself", xrefStream(fmt.Sprintf("/Size 6 /Prev %d", len("%PDF-1.5\n"+pad))), true},
		{"startxref past the end", []byte("%PDF-1.4\n" + pad + "startxref\n999999\n%%EOF\n"), true},
		{"no startxref is left to ledongthuc", []byte("%PDF-1.4\n" + pad + "%%EOF\n"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := precheck(bytes.NewReader(tc.data), int64(len(tc.data)))
			if tc.bad {
				assert.ErrorIs(t, err, ErrMalformed)
			} else {
				assert.NoError(t, err)
			}
		})
	}
}

func TestIntAfter(t *testing.T) {
	n, ok := intAfter([]byte("<< /SizeX 5 /Size 7 >>"), "/Size")
	assert.True(t, ok)
	assert.Equal(t, int64(7), n)
	_, ok = intAfter([]byte("<< /Prev /X >>"), "/Prev")
	assert.False(t, ok)
}
