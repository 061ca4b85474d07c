package pdftext_test

import (
	"testing"

	"github.com/dianres/dianres/internal/pdftext"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// h and v build expected rules in display space (612×792, y down).
func h(y, x0, x1 float64) pdftext.Rule { return pdftext.Rule{X0: x0, Y0: y, X1: x1, Y1: y} }
func v(x, y0, y1 float64) pdftext.Rule { return pdftext.Rule{X0: x, Y0: y0, X1: x, Y1: y1} }

func TestRules(t *testing.T) {
	for _, tc := range []struct {
		name string
		page pdftext.TestPage
		want []pdftext.Rule
	}{
		{
			name: "a stroked rectangle gives its four edges",
			page: pdftext.TestPage{Content: "100 600 200 50 re S"},
			want: []pdftext.Rule{h(142, 100, 300), v(100, 142, 192), v(300, 142, 192), h(192, 100, 300)},
		},
		{
			name: "a filled thin rectangle is one rule along its middle",
			page: pdftext.TestPage{Content: "100 700 300 1 re f 50 100 0.5 200 re f"},
			want: []pdftext.Rule{h(91.5, 100, 400), v(50.25, 492, 692)},
		},
		{
			name: "a table of boxes: cells share edges, each cell gives four",
			page: pdftext.TestPage{Content: "0.5 w 100 700 100 20 re 200 700 100 20 re S"},
			want: []pdftext.Rule{
				h(72, 100, 200), v(100, 72, 92), h(72, 200, 300), v(200, 72, 92), v(200, 72, 92), v(300, 72, 92),
				h(92, 100, 200), h(92, 200, 300),
			},
		},
		{
			name: "m l segments stroked, h closes, diagonals and curves give nothing",
			page: pdftext.TestPage{Content: "100 700 m 300 700 l 350 650 l S 100 500 m 100 400 l 150 400 l h S 400 400 m 450 450 460 470 500 400 c S"},
			want: []pdftext.Rule{h(92, 100, 300), v(100, 292, 392), h(392, 100, 150)},
		},
		{
			name: "a filled polygon that is a thin rectangle is one rule",
			page: pdftext.TestPage{Content: "100 300 m 400 300 l 400 301 l 100 301 l f"},
			want: []pdftext.Rule{h(491.5, 100, 400)},
		},
		{
			name: "a clipping path ended by n is not drawn",
			page: pdftext.TestPage{Content: "0 0 612 792 re W n 100 700 200 0 re S"},
			want: []pdftext.Rule{h(92, 100, 300)},
		},
		{
			name: "the CTM and a Form XObject place rules",
			page: pdftext.TestPage{
				Content:   "q 2 0 0 2 0 0 cm 50 350 m 100 350 l S Q q 1 0 0 1 10 0 cm /Fm1 Do Q",
				Resources: "<< /XObject << /Fm1 4 0 R >> >>",
			},
			want: []pdftext.Rule{h(92, 100, 200), v(110, 692, 792)},
		},
		{
			name: "/Rotate 90 turns a horizontal rule upright",
			page: pdftext.TestPage{Content: "100 700 200 0.5 re f", Extra: "/Rotate 90"},
			want: []pdftext.Rule{v(700.25, 100, 300)},
		},
		{
			name: "rules are clipped to the page and dots dropped",
			page: pdftext.TestPage{Content: "-100 700 m 900 700 l S 300 300 1 1 re f"},
			want: []pdftext.Rule{h(92, 0, 612)},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var data []byte
			if tc.page.Resources != "" {
				var b pdftext.TestPDF
				b.Obj("<< >>")
				b.Obj("<< >>")
				b.Obj("<< >>")
				b.FlateStream("/Type /XObject /Subtype /Form /BBox [0 0 612 792]", []byte("100 0 m 100 100 l S"))
				data = b.OnePage(tc.page)
			} else {
				data = pdftext.OnePage(tc.page)
			}
			p := page1(t, data)
			assert.Equal(t, tc.want, p.Rules)
			assert.False(t, p.RulesCapped)
		})
	}
}

func TestRulesCapped(t *testing.T) {
	data := pdftext.OnePage(pdftext.TestPage{Content: "100 100 10 10 re 200 200 10 10 re S"})
	doc, err := open(t, data, pdftext.Limits{MaxRules: 5})
	require.NoError(t, err)
	p, err := doc.Page(t.Context(), 1)
	require.NoError(t, err)
	assert.Len(t, p.Rules, 5)
	assert.True(t, p.RulesCapped)
}
