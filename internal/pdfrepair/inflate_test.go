package pdfrepair

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

// inflateZlib is inflate as it was with compress/zlib, Adler-32 checked:
// the reference the raw-deflate reading must match, byte for byte.
func inflateZlib(s *sink, data []byte) error {
	var r io.Reader
	if zr, err := zlib.NewReader(bytes.NewReader(data)); err == nil {
		r = zr
	} else {
		r = flate.NewReader(bytes.NewReader(data))
	}
	_, err := s.ReadFrom(r)
	var le *LimitError
	if errors.As(err, &le) {
		return err
	}
	if s.n() == 0 && err != nil && len(data) > 2 {
		s.buf = s.buf[:s.start]
		_, err = s.ReadFrom(flate.NewReader(bytes.NewReader(data[2:])))
		if errors.As(err, &le) {
			return err
		}
	}
	return nil
}

func zlibBytes(t testing.TB, level int, dict bool, p []byte) []byte {
	var b bytes.Buffer
	var w *zlib.Writer
	var err error
	if dict {
		w, err = zlib.NewWriterLevelDict(&b, level, []byte("dictionary"))
	} else {
		w, err = zlib.NewWriterLevel(&b, level)
	}
	if err != nil {
		t.Fatal(err)
	}
	w.Write(p)
	w.Close()
	return b.Bytes()
}

// TestInflateMatchesZlib decodes well-formed, damaged and odd zlib data
// both ways, with and without a tight limit.
func TestInflateMatchesZlib(t *testing.T) {
	text := bytes.Repeat([]byte("BT /F1 12 Tf 72 712 Td (Hello) Tj ET\n"), 40)
	seeds := [][]byte{
		zlibBytes(t, 6, false, text),
		zlibBytes(t, 0, false, text),
		zlibBytes(t, 6, false, nil),
		zlibBytes(t, 6, true, text),
		zlibBytes(t, 6, true, nil),
		{0x78, 0x9c},
		{0x78, 0xbb, 0, 0, 0, 1, 3, 0, 0, 0, 0, 1}, // FDICT, id 1, empty body, good trailer
		{0x78, 0xbb, 0, 0, 0, 1, 3, 0, 0, 0, 0, 2}, // FDICT, id 1, empty body, bad trailer
		{0x78, 0xbb, 0, 0, 0, 2, 3, 0},             // FDICT, another id
		{0x78, 0x9c, 3, 0, 0, 0, 0, 1},             // empty body, good trailer
		{0x78, 0x9c, 3, 0, 0, 0, 0, 7},             // empty body, bad trailer
		{0x78, 0x9c, 3, 0, 0, 0},                   // empty body, short trailer
		{0x78, 0x9c, 3, 0, 3, 0},                   // empty body, a second empty block after
		{0x08, 0x1d, 3, 0},                         // another valid header
		{0x79, 0x9c, 3, 0},                         // bad header
		{0x78},                                     // short
		{},
	}
	var fl bytes.Buffer
	fw, _ := flate.NewWriter(&fl, 6)
	fw.Write(text)
	fw.Close()
	seeds = append(seeds, fl.Bytes())
	rng := rand.New(rand.NewPCG(1, 2))
	cases := append([][]byte(nil), seeds...)
	for range 3000 {
		c := bytes.Clone(seeds[rng.IntN(len(seeds))])
		switch rng.IntN(3) {
		case 0:
			if len(c) > 0 {
				c = c[:rng.IntN(len(c))]
			}
		case 1:
			for range 1 + rng.IntN(3) {
				if len(c) > 0 {
					c[rng.IntN(len(c))] ^= byte(1 << rng.IntN(8))
				}
			}
		case 2:
			c = append(c, byte(rng.IntN(256)), byte(rng.IntN(256)))
		}
		cases = append(cases, c)
	}
	for i, c := range cases {
		for _, max := range []int64{1 << 20, 100} {
			got := sink{buf: []byte("prefix"), start: 6, b: budget{max: max, name: "max", value: max}}
			want := got
			want.buf = []byte("prefix")
			gotErr := inflate(&got, c)
			wantErr := inflateZlib(&want, c)
			if !assert.Equal(t, want.buf, got.buf, "case %d % x max %d", i, c, max) ||
				!assert.Equal(t, wantErr, gotErr, "case %d % x max %d", i, c, max) {
				return
			}
		}
	}
}
