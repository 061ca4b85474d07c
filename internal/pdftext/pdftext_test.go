package pdftext_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/dianres/dianres/internal/pdftext"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func page1(t *testing.T, data []byte) *pdftext.Page {
	t.Helper()
	doc, err := pdftext.Open(t.Context(), bytes.NewReader(data), int64(len(data)), "", pdftext.Limits{})
	require.NoError(t, err)
	require.Equal(t, 1, doc.NumPages())
	p, err := doc.Page(t.Context(), 1)
	require.NoError(t, err)
	return p
}

func texts(p *pdftext.Page) []string {
	var out []string
	for _, l := range p.Lines {
		out = append(out, l.Text())
	}
	return out
}

func TestSimpleWinAnsi(t *testing.T) {
	data := pdftext.OnePage(pdftext.TestPage{Content: "BT /F1 12 Tf 72 700 Td (AUTORIZACI\323N de numeraci\363n) Tj ET"})
	p := page1(t, data)
	assert.Equal(t, []string{"AUTORIZACIÓN de numeración"}, texts(p))
	w := p.Lines[0].Words[0]
	assert.InDelta(t, 72, w.X0, 0.01)
	assert.InDelta(t, 792-700-0.8*12, w.Y0, 0.01)
	assert.InDelta(t, 12, w.Size, 0.01)
	assert.Equal(t, "Helvetica", w.Font)
	assert.Zero(t, p.Undecoded)
}

func TestContextCancelled(t *testing.T) {
	data := pdftext.OnePage(pdftext.TestPage{Content: "BT /F1 12 Tf (x) Tj ET"})
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := pdftext.Open(ctx, bytes.NewReader(data), int64(len(data)), "", pdftext.Limits{})
	assert.ErrorIs(t, err, context.Canceled)
	_ = strings.TrimSpace
}
