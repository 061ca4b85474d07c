package pdftext_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestProducerReadPath pins which real files ledongthuc/pdf reads as they
// are and which go through pdfrepair's rewrite, and that both read the
// form. A file read directly that should not be would come out as
// garbage, not as an error: the 40-bit RC4 one is the case in point.
func TestProducerReadPath(t *testing.T) {
	for _, tc := range []struct {
		file     string
		repaired bool
	}{
		{"qpdf-uncompressed-sample.pdf", false},
		{"qpdf-objstm-sample.pdf", false},
		{"qpdf-linearized-objstm-sample.pdf", false},
		{"qpdf-rc4-128-sample.pdf", false},
		{"qpdf-aes128-sample.pdf", false},
		{"writer-ascii85.pdf", false},
		{"writer-predictor.pdf", false},
		{"qpdf-rc4-40-sample.pdf", true}, // ledongthuc keys 40-bit RC4 objects wrongly, silently
		{"qpdf-aes256-r6-sample.pdf", true},
		{"qpdf-pdf20-sample.pdf", true},
		{"damage-junk-prefix.pdf", true},
		{"damage-trailing-junk.pdf", true},
		{"damage-xref-removed.pdf", true},
		{"damage-stale-xref.pdf", true},
		{"writer-lzw.pdf", true},
		{"writer-runlength.pdf", true},
		{"writer-asciihex.pdf", true},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "producers", tc.file))
			require.NoError(t, err)
			doc, err := open(t, data, fuzzLimits)
			require.NoError(t, err)
			assert.Equal(t, tc.repaired, doc.Repaired())
			p, err := doc.Page(t.Context(), 1)
			require.NoError(t, err)
			assert.Contains(t, p.Text(), "1876")
			assert.Zero(t, p.Undecoded)
		})
	}
}
