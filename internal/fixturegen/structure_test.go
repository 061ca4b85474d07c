package fixturegen

import (
	"bytes"
	"compress/zlib"
	"image"
	"io"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFixturesHaveTheStructureTheyClaim guards the PDF-layer fixtures
// of issue 7: each must still contain the construct it is named after,
// or its passing golden would prove nothing.
func TestFixturesHaveTheStructureTheyClaim(t *testing.T) {
	fs := requireFonts(t)
	cases := []struct {
		name    string
		want    []string // regexps that must match the raw file
		wantNot []string // regexps that must not
	}{
		{name: "annotation-stamp",
			want: []string{`/Annots \[\d+ 0 R\]`, `/Subtype /Stamp /Rect \[`, `/AP << /N \d+ 0 R >>`,
				`/Subtype /Form /BBox \[-80 -80 80 80\] /Matrix \[2 0 0 2 5 5\]`}},
		{name: "inherited-resources",
			want:    []string{`/Type /Pages /Kids \[[^]]*\] /Count 2 /MediaBox \[0 0 595 842\] /Resources << /Font`},
			wantNot: []string{`/Type /Page /Parent [^>]*/Resources`, `/Type /Page /Parent [^>]*/MediaBox`}},
		{name: "image-dct",
			want: []string{`/Subtype /Image /Width 24 /Height 8 [^>]*/Filter /DCTDecode >>\nstream\n`, `/XObject << /Im1 \d+ 0 R >>`}},
		{name: "filter-array",
			// Both pages' content streams; fonts keep plain Flate.
			want: []string{`(?s)/Filter \[/ASCII85Decode /FlateDecode\].*/Filter \[/ASCII85Decode /FlateDecode\]`}},
		{name: "predictor-tiff",
			want: []string{`<<  /Length \d+ /Filter /FlateDecode /DecodeParms << /Predictor 2 /Colors 1 /BitsPerComponent 8 /Columns 16 >> >>`}},
		{name: "hybrid-xref",
			want: []string{`(?s)\nxref\n0 1\n0000000000 65535 f \n.*trailer\n<< [^\n]*/XRefStm \d+ >>\nstartxref`, `/Type /XRef /Size \d+ /Index \[`, `/Type /ObjStm`},
			// Pages and fonts only exist inside the object stream.
			wantNot: []string{`/Type /Page /Parent`, `/Type /Font`}},
		{name: "font-type3",
			want: []string{`/Subtype /Type3 /FontBBox \[[^]]*\] /FontMatrix \[0.001 0 0 0.001 0 0\] /CharProcs << /\w+ \d+ 0 R`,
				`/Differences \[32 /space 40 /parenleft`, `/Widths \[`, `/Oacute`, `/ToUnicode \d+ 0 R`, `/Subtype /Type0`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, ok := Lookup(tc.name)
			require.True(t, ok, "fixture missing from ValidFixtures")
			raw := Render(f.Name, &f.Spec, f.Layout, fs)
			for _, re := range tc.want {
				assert.Regexp(t, regexp.MustCompile(re), string(raw))
			}
			for _, re := range tc.wantNot {
				assert.NotRegexp(t, regexp.MustCompile(re), string(raw))
			}
		})
	}
}

// TestTIFFPredictorDecodesToInput undoes Flate and the TIFF predictor
// independently of the encoder: the input comes back, followed only by
// the spaces that pad the last row.
func TestTIFFPredictorDecodesToInput(t *testing.T) {
	in := []byte("BT /F1 9 Tf 40 700 Td <0031003800370036> Tj ET\nq 72 0 0 24 36 810 cm /Im1 Do Q\n")
	enc, filt := encodeStream(in, FilterTIFF, true)
	require.Contains(t, filt, "/Predictor 2 ")
	zr, err := zlib.NewReader(bytes.NewReader(enc))
	require.NoError(t, err)
	rows, err := io.ReadAll(zr)
	require.NoError(t, err)
	require.Zero(t, len(rows)%16, "rows are whole")
	out := make([]byte, len(rows))
	for i, b := range rows {
		if i%16 != 0 {
			b += out[i-1]
		}
		out[i] = b
	}
	assert.Equal(t, in, out[:len(in)])
	assert.Equal(t, bytes.Repeat([]byte(" "), len(out)-len(in)), out[len(in):])
}

func TestLogoIsADeterministicJPEG(t *testing.T) {
	b := logoJPEG()
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	require.NoError(t, err)
	assert.Equal(t, "jpeg", format)
	assert.Equal(t, [2]int{24, 8}, [2]int{cfg.Width, cfg.Height}, "must match the XObject's /Width and /Height")
	assert.Equal(t, b, logoJPEG())
}

func TestGlyphNamesCoverPrintableASCII(t *testing.T) {
	require.Len(t, asciiGlyphNames, 95)
	for code, want := range map[byte]string{' ': "space", '0': "zero", 'A': "A", 'z': "z", '~': "asciitilde", '.': "period", 128 + 3: "Oacute", 7: "question"} {
		assert.Equal(t, want, glyphName(code), "code %d", code)
	}
}
