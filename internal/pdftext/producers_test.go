package pdftext_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestProducerReadPath pins which real files are damaged (their xref is
// rebuilt by a scan) and that all of them read the form, whatever the
// encryption, filters or header.
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
		{"qpdf-rc4-40-sample.pdf", false},
		{"qpdf-aes256-r6-sample.pdf", false},
		{"qpdf-pdf20-sample.pdf", false},
		{"damage-junk-prefix.pdf", false},
		{"damage-trailing-junk.pdf", false},
		{"damage-xref-removed.pdf", true},
		{"damage-stale-xref.pdf", true},
		{"writer-lzw.pdf", false},
		{"writer-runlength.pdf", false},
		{"writer-asciihex.pdf", false},
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
