package fixturegen

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/resolution"
)

const testdataDir = "../../testdata"

func requireFonts(t *testing.T) *Fonts {
	t.Helper()
	fs, err := LoadFonts()
	require.NoError(t, err)
	return fs
}

func TestFilesAreDeterministicAndCommitted(t *testing.T) {
	requireFonts(t)
	first, err := Files()
	require.NoError(t, err)
	second, err := Files()
	require.NoError(t, err)
	require.Equal(t, len(first), len(second))
	for rel, b := range first {
		t.Run(rel, func(t *testing.T) {
			assert.True(t, bytes.Equal(b, second[rel]), "two runs differ")
			onDisk, err := os.ReadFile(filepath.Join(testdataDir, rel))
			require.NoError(t, err, "run go run ./internal/fixturegen/cmd/genfixtures")
			assert.True(t, bytes.Equal(b, onDisk), "testdata is stale: run go run ./internal/fixturegen/cmd/genfixtures")
		})
	}
}

func TestGoldensAreResolutions(t *testing.T) {
	goldens, err := filepath.Glob(filepath.Join(testdataDir, "*", "*.golden.json"))
	require.NoError(t, err)
	require.NotEmpty(t, goldens)
	for _, path := range goldens {
		t.Run(filepath.Base(path), func(t *testing.T) {
			raw, err := os.ReadFile(path)
			require.NoError(t, err)
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.DisallowUnknownFields()
			var r resolution.Resolution
			require.NoError(t, dec.Decode(&r))
			again, err := json.Marshal(r)
			require.NoError(t, err)
			assert.JSONEq(t, string(raw), string(again), "golden does not round-trip")
			assert.True(t, strings.HasPrefix(r.Number, "1876"), "form number %q", r.Number)
			assert.NotEmpty(t, r.NIT)
			assert.NotEmpty(t, r.Name)
			assert.NotNil(t, r.Warnings, "warnings must be [] not null")
			require.NotEmpty(t, r.Ranges)
			for _, rg := range r.Ranges {
				assert.NotEqual(t, resolution.KindUnknown, rg.Kind)
				assert.NotEqual(t, resolution.RequestUnknown, rg.Request)
				assert.LessOrEqual(t, rg.From, rg.To)
				assert.True(t, rg.ValidFrom.Valid() && rg.ValidTo.Valid(), "dates %v %v", rg.ValidFrom, rg.ValidTo)
				assert.True(t, rg.ValidFrom.Before(rg.ValidTo))
			}
		})
	}
}

func TestInvalidFilesHaveAWant(t *testing.T) {
	pdfs, err := filepath.Glob(filepath.Join(testdataDir, "invalid", "*.pdf"))
	require.NoError(t, err)
	require.NotEmpty(t, pdfs)
	known := map[string]bool{WantMalformed: true, WantEncrypted: true, WantNoText: true, WantNotResolution: true, WantIncomplete: true}
	for _, p := range pdfs {
		want, err := os.ReadFile(strings.TrimSuffix(p, ".pdf") + ".want")
		require.NoError(t, err)
		assert.True(t, known[strings.TrimSpace(string(want))], "%s: unknown code %q", p, want)
	}
}

func TestCheckDigit(t *testing.T) {
	for _, tc := range []struct{ name, nit, want string }{
		{"DIAN's own NIT, 800197268-4 (docs/form-1876.md §7 schemeID)", "800197268", "4"},
		{"remainder 0 gives 0", "900000000", checkDigitSlow("900000000")},
		{"ten-digit cédula", "1020304050", checkDigitSlow("1020304050")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, CheckDigit(tc.nit))
		})
	}
}

// checkDigitSlow is the textbook DIAN algorithm, written separately.
func checkDigitSlow(nit string) string {
	weights := map[int]int{0: 3, 1: 7, 2: 13, 3: 17, 4: 19, 5: 23, 6: 29, 7: 37, 8: 41, 9: 43, 10: 47, 11: 53, 12: 59, 13: 67, 14: 71}
	sum := 0
	for i, pos := len(nit)-1, 0; i >= 0; i, pos = i-1, pos+1 {
		sum += int(nit[i]-'0') * weights[pos]
	}
	if r := sum % 11; r >= 2 {
		return strconv.Itoa(11 - r)
	} else {
		return strconv.Itoa(r)
	}
}

func TestGroupDigits(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int64
		sep  rune
		want string
	}{
		{"comma as seen on real forms", 2000, ',', "2,000"},
		{"Colombian dot", 1000000, '.', "1.000.000"},
		{"no separator", 995000000, 0, "995000000"},
		{"below a thousand is untouched", 999, ',', "999"},
		{"ten digits", 9999999999, ',', "9,999,999,999"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, groupDigits(tc.n, tc.sep))
		})
	}
}

func TestGoldenDerivesValidity(t *testing.T) {
	s := companySpec()
	s.Rows[0].Months = 6
	s.Stamp = cot(2023, 8, 31, 23, 59, 0)
	g := s.Golden()
	require.Len(t, g.Ranges, 1)
	assert.Equal(t, resolution.NewDate(2023, 8, 31), g.Ranges[0].ValidFrom, "stamp's civil date in Colombia")
	assert.Equal(t, resolution.NewDate(2024, 2, 29), g.Ranges[0].ValidTo, "clamped to the month's end")
	s.Rows[0].EndDate = resolution.NewDate(2024, 3, 1)
	assert.Equal(t, resolution.NewDate(2024, 3, 1), s.Golden().Ranges[0].ValidTo, "a printed end date wins")
}

func TestNameOrder(t *testing.T) {
	p := personSpec()
	assert.Equal(t, "PÉREZ GÓMEZ JOSÉ MARÍA ÁNGEL", p.Name(), "surnames first, then given names, as DIAN writes them")
	p.OtherName, p.Surname2 = "", ""
	assert.Equal(t, "PÉREZ JOSÉ", p.Name(), "empty parts skipped")
}

func TestSubsetKeepsGlyphIDs(t *testing.T) {
	fs := requireFonts(t)
	f := fs.dejavu
	keep := map[uint16]bool{f.glyph('Ó'): true, f.glyph('7'): true}
	sub, err := parseTTF(f.subset(keep, true), "sub")
	require.NoError(t, err)
	assert.Equal(t, f.numGlyphs, sub.numGlyphs)
	for g := range keep {
		assert.Equal(t, f.advances[g], sub.advances[g])
		assert.Greater(t, sub.loca[g+1], sub.loca[g], "kept glyph %d has an outline", g)
	}
	other := f.glyph('Q')
	assert.Equal(t, sub.loca[other], sub.loca[other+1], "unused glyph emptied")
}

func TestWriterProducersAreCommitted(t *testing.T) {
	fs := requireFonts(t)
	files, err := WriterProducerFiles(fs)
	require.NoError(t, err)
	for name, b := range files {
		t.Run(name, func(t *testing.T) {
			onDisk, err := os.ReadFile(filepath.Join(testdataDir, "producers", name))
			require.NoError(t, err, "run internal/fixturegen/producers.sh")
			assert.True(t, bytes.Equal(b, onDisk), "testdata/producers is stale")
		})
	}
}

func TestProducerGoldensMatchTheirSpecs(t *testing.T) {
	for _, p := range ProducerSpecs() {
		want, err := GoldenJSON(&p.Spec)
		require.NoError(t, err)
		matches, err := filepath.Glob(filepath.Join(testdataDir, "producers", "*-"+p.Name+".golden.json"))
		require.NoError(t, err)
		require.NotEmpty(t, matches, "no producer output for %s", p.Name)
		for _, m := range matches {
			got, err := os.ReadFile(m)
			require.NoError(t, err)
			assert.JSONEq(t, string(want), string(got), m)
		}
	}
}

func TestLZWDecodesToInput(t *testing.T) {
	in := bytes.Repeat([]byte("BT /F1 9 Tf (1876) Tj ET\n"), 40)
	out := lzwDecodeEarlyChange(lzwEncode(in))
	assert.Equal(t, in, out)
}

// lzwDecodeEarlyChange is a PDF LZW decoder (EarlyChange 1), written
// independently of the encoder so the test checks the format.
func lzwDecodeEarlyChange(b []byte) []byte {
	var out []byte
	var acc uint32
	var nbits uint
	width := uint(9)
	table := [][]byte{}
	reset := func() {
		table = table[:0]
		for i := range 256 {
			table = append(table, []byte{byte(i)})
		}
		table = append(table, nil, nil)
		width = 9
	}
	reset()
	var prev []byte
	for _, c := range b {
		acc = acc<<8 | uint32(c)
		nbits += 8
		for nbits >= width {
			code := int(acc>>(nbits-width)) & (1<<width - 1)
			nbits -= width
			switch {
			case code == 256:
				reset()
				prev = nil
				continue
			case code == 257:
				return out
			}
			var entry []byte
			if code < len(table) {
				entry = table[code]
			} else {
				entry = append(append([]byte{}, prev...), prev[0])
			}
			out = append(out, entry...)
			if prev != nil {
				table = append(table, append(append([]byte{}, prev...), entry[0]))
			}
			prev = entry
			if len(table)+1 >= 1<<width && width < 12 {
				width++
			}
		}
	}
	return out
}

func BenchmarkRenderSample(b *testing.B) {
	fs, err := LoadFonts()
	if err != nil {
		b.Fatal(err)
	}
	s := companySpec()
	b.ReportAllocs()
	for b.Loop() {
		Render("bench", &s, Layout{PerDigit: true, Barcode: true}, fs)
	}
}

func BenchmarkFiles(b *testing.B) {
	if _, err := LoadFonts(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Files(); err != nil {
			b.Fatal(err)
		}
	}
}
