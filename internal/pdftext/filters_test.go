package pdftext

import (
	"bytes"
	"compress/zlib"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func zlibBytes(b []byte) []byte {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(b)
	w.Close()
	return z.Bytes()
}

func TestFilters(t *testing.T) {
	p := defaultParams()
	png := params{predictor: 12, colors: 1, bpc: 8, columns: 3, earlyChange: 1}
	for _, tc := range []struct {
		name, filter string
		p            params
		in           []byte
		want         string
	}{
		{"LZW, the example of PDF 32000 §7.4.4.2", "LZWDecode", p, []byte{0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01}, "-----A---B"},
		{"ASCIIHex with spaces and an odd final digit", "AHx", p, []byte("41 42\n4>ignored"), "AB@"},
		{"ASCII85 with z and a partial group", "ASCII85Decode", p, []byte("<~9jqo^z!!~>"), "Man \x00\x00\x00\x00\x00"},
		{"RunLength literal and repeat runs", "RunLengthDecode", p, []byte{2, 'a', 'b', 'c', 254, 'x', 128, 'z'}, "abcxxx"},
		{"Flate", "FlateDecode", p, zlibBytes([]byte("BT ET")), "BT ET"},
		{"raw deflate without zlib header", "FlateDecode", p, zlibBytes([]byte("q Q"))[2:], "q Q"},
		{"Flate with PNG Up and Sub predictors", "FlateDecode", png, zlibBytes([]byte{2, 1, 2, 3, 2, 1, 1, 1, 1, 1, 1, 1}), "\x01\x02\x03\x02\x03\x04\x01\x02\x03"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decodeFilter(tc.filter, tc.p, tc.in, 1<<20)
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(got))
		})
	}
}

func TestFilterLimits(t *testing.T) {
	zeros := make([]byte, 1<<20)
	for _, tc := range []struct {
		name, filter string
		in           []byte
	}{
		{"Flate bomb", "FlateDecode", zlibBytes(zeros)},
		{"RunLength bomb", "RunLengthDecode", bytes.Repeat([]byte{129, 0}, 1<<14)},
		{"ASCII85 z bomb", "ASCII85Decode", bytes.Repeat([]byte("z"), 1<<16)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := decodeFilter(tc.filter, defaultParams(), tc.in, 1000)
			assert.True(t, errors.Is(err, errFilterLimit), "%v", err)
			assert.LessOrEqual(t, len(out), 1000)
		})
	}
	_, err := decodeFilter("DCTDecode", defaultParams(), nil, 10)
	assert.ErrorIs(t, err, ErrMalformed)
	_, err = decodeFilter("FlateDecode", params{predictor: 12, colors: 1, bpc: 8, columns: 1 << 30}, zlibBytes([]byte{0}), 10)
	assert.ErrorIs(t, err, ErrMalformed)
}

func TestLZWGarbage(t *testing.T) {
	for _, in := range [][]byte{{0xff, 0xff, 0xff, 0xff}, {0x00}, bytes.Repeat([]byte{0x80, 0x0B}, 3000)} {
		_, err := lzwDecode(in, 1, 1<<20)
		assert.NotPanics(t, func() { _, _ = lzwDecode(in, 0, 100) })
		_ = err
	}
}
