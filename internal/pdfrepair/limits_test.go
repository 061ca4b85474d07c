package pdfrepair

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// flateBomb returns zlib data that inflates to 1 GiB of zeros, in about
// 1 MiB. Compressing the whole GiB takes seconds, so the test compresses
// three 1 MiB chunks with a flush after each; from the second on, each
// chunk's output is the same bytes (same window, same input), so the rest
// is that block repeated. The checksum at the end is the 3 MiB one, which
// no reader reaches before its limit.
func flateBomb(t testing.TB) []byte {
	var buf bytes.Buffer
	w, err := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
	require.NoError(t, err)
	zero := make([]byte, 1<<20)
	var parts [][]byte
	for range 3 {
		start := buf.Len()
		_, err := w.Write(zero)
		require.NoError(t, err)
		require.NoError(t, w.Flush())
		parts = append(parts, bytes.Clone(buf.Bytes()[start:]))
	}
	end := buf.Len()
	require.NoError(t, w.Close())
	tail := buf.Bytes()[end:]
	require.Equal(t, parts[1], parts[2], "a flushed chunk of zeros must compress the same every time")
	out := parts[0] // zlib header + first chunk
	for range 1023 {
		out = append(out, parts[1]...)
	}
	return append(out, tail...)
}

func TestRewriteLimits(t *testing.T) {
	bomb := flateBomb(t)
	require.Less(t, len(bomb), 4<<20)
	for _, tc := range []struct {
		name  string
		input func(t testing.TB) []byte
		lim   Limits
		limit string // the LimitError.Name expected
	}{
		{"1 GiB flate bomb stops at MaxStreamBytes", withContent(bomb, "/FlateDecode", ""), Limits{MaxStreamBytes: 8 << 20}, "MaxStreamBytes"},
		{"1 GiB flate bomb stops at the default MaxStreamBytes", withContent(bomb, "/FlateDecode", ""), Limits{}, "MaxStreamBytes"},
		{"small MaxStreamBytes", cleanBytes, Limits{MaxStreamBytes: 10}, "MaxStreamBytes"},
		{"MaxTotalBytes over all streams", func(t testing.TB) []byte {
			d := cleanDoc()
			d.objs[0].body = "<< /Type /Catalog /Pages 2 0 R /Extra [7 0 R 8 0 R] >>"
			d.objs = append(d.objs, tobj{num: 7, body: "<< >>", stream: bytes.Repeat([]byte("a"), 600)},
				tobj{num: 8, body: "<< >>", stream: bytes.Repeat([]byte("b"), 600)})
			return d.build(t)
		}, Limits{MaxTotalBytes: 1000}, "MaxTotalBytes"},
		{"referenced object nested deeper than MaxDepth", func(t testing.TB) []byte {
			d := cleanDoc()
			d.objs[0].body = "<< /Type /Catalog /Pages 2 0 R /Deep " + nested(1<<16) + " >>"
			return d.build(t)
		}, Limits{}, "MaxDepth"},
		{"MaxObjects", cleanBytes, Limits{MaxObjects: 3}, "MaxObjects"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// How fast the bomb stops, BenchmarkRewriteFlateBomb measures:
			// a wall-clock bound here fails under -race on a busy machine.
			_, err := Rewrite(tc.input(t), "", tc.lim)
			var le *LimitError
			require.ErrorAs(t, err, &le)
			assert.ErrorIs(t, err, ErrLimit)
			assert.Equal(t, tc.limit, le.Name)
		})
	}
}

func TestRewriteErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		input    func(t testing.TB) []byte
		password string
		want     error
	}{
		{"AES-256 without the user password", encrypted(encSpec{v: 5, r: 6, userPw: "clave", ownerPw: "dueño"}), "", ErrPassword},
		{"AES-256 R5 with a wrong password", encrypted(encSpec{v: 5, r: 5, userPw: "clave", ownerPw: "dueño"}), "otra", ErrPassword},
		{"RC4 with a wrong password", encrypted(encSpec{v: 2, r: 3, bits: 128, userPw: "clave", ownerPw: "dueño"}), "otra", ErrPassword},
		{"AES-128 without the user password", encrypted(encSpec{v: 4, r: 4, bits: 128, cfm: "AESV2", userPw: "clave"}), "", ErrPassword},
		{"not a PDF", func(testing.TB) []byte { return []byte("hello, world") }, "", ErrMalformed},
		{"empty input", func(testing.TB) []byte { return nil }, "", ErrMalformed},
		{"objects but no catalog and no pages", func(testing.TB) []byte { return []byte("%PDF-1.4\n1 0 obj << /Type /Font >> endobj\n") }, "", ErrMalformed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Rewrite(tc.input(t), tc.password, Limits{})
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.ErrorIs(t, err, tc.want)
			assert.Contains(t, err.Error(), "pdfrepair: ")
		})
	}
}

func TestRewriteHugeObjectNumber(t *testing.T) {
	out, err := Rewrite(hugeObjectNumber(t), "", Limits{})
	require.NoError(t, err)
	readsClean(t, out)
	assert.Contains(t, string(out), "/Type /Catalog")
}

func TestRewriteDropsImages(t *testing.T) {
	d := cleanDoc()
	d.objs[2].body = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R" +
		" /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 7 0 R /Im2 8 0 R >> >> >>"
	d.objs = append(d.objs,
		tobj{num: 7, body: "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray >>",
			stream: []byte("\xff\xd8\xff\xe0 not really a jpeg"), filter: "/DCTDecode"},
		tobj{num: 8, body: "<< /Type /XObject /Subtype /Image /DecodeParms << /K -1 >> >>",
			stream: []byte("fax"), filter: "[/ASCIIHexDecode /CCITTFaxDecode]"})
	out, err := Rewrite(d.build(t), "", Limits{})
	require.NoError(t, err)
	readsClean(t, out)
	assert.NotContains(t, string(out), "not really a jpeg")
	assert.NotContains(t, string(out), "Filter")
	assert.NotContains(t, string(out), "DecodeParms")
	got, _ := pageContent(t, out)
	assert.Equal(t, content, got)
}

func TestDecodeDamagedFlate(t *testing.T) {
	long := bytes.Repeat([]byte(content+"\n"), 200)
	full := flateBytes(t, long)
	b := budget{max: 1 << 20, name: "MaxStreamBytes", value: 1 << 20}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"truncated", full[:len(full)/2]},
		{"bad checksum", append(bytes.Clone(full[:len(full)-4]), 0, 0, 0, 0)},
		{"raw deflate, no zlib header", full[2 : len(full)-4]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := decodeFilters(tc.data, dict{"Filter": name("FlateDecode")}, b)
			require.NoError(t, err)
			require.NotEmpty(t, out)
			assert.Equal(t, long[:len(out)], out, "what decoded is a prefix of the original")
		})
	}
}

// overlapping builds a file whose every object opens a string that never
// closes, so parsing each object reads to the end of the file.
func overlapping(n int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offs := make([]int, n+1)
	for i := 1; i <= n; i++ {
		offs[i] = b.Len()
		b.WriteString(strconv.Itoa(i) + " 0 obj (\nendobj\n")
	}
	x := b.Len()
	b.WriteString("xref\n0 " + strconv.Itoa(n+1) + "\n0000000000 65535 f\r\n")
	for i := 1; i <= n; i++ {
		b.WriteString(fmt.Sprintf("%010d 00000 n\r\n", offs[i]))
	}
	b.WriteString("trailer\n<< /Size " + strconv.Itoa(n+1) + " /Root 1 0 R >>\nstartxref\n" + strconv.Itoa(x) + "\n%%EOF\n")
	return b.Bytes()
}

// TestQuadraticParsingIsBounded checks that overlapping objects are
// refused rather than parsed to the end one by one;
// BenchmarkOverlappingObjects measures how fast.
func TestQuadraticParsingIsBounded(t *testing.T) {
	in := overlapping(20000)
	_, err := Rewrite(in, "", Limits{MaxTotalBytes: 16 << 20})
	var le *LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "MaxTotalBytes", le.Name)
}

func TestTIFFPredictorSmallComponents(t *testing.T) {
	row := []byte{0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0}
	data := append(bytes.Clone(row), row...)
	for _, tc := range []struct {
		name        string
		colors, bpc int
	}{
		{"1 bit, 1 color", 1, 1},
		{"2 bits, 2 colors", 2, 2},
		{"4 bits, 3 colors", 3, 4},
		{"16 bits, 2 colors", 2, 16},
	} {
		t.Run(tc.name, func(t *testing.T) {
			columns := len(row) * 8 / (tc.colors * tc.bpc)
			enc := tiffPredict(data, len(row), tc.colors, tc.bpc)
			require.NotEqual(t, data, enc)
			got := unpredict(enc, dict{"Predictor": int64(2), "Colors": int64(tc.colors), "BitsPerComponent": int64(tc.bpc), "Columns": int64(columns)})
			assert.Equal(t, data, got)
		})
	}
}

// failingAfter returns n bytes and an error other than io.EOF with them,
// as a corrupt zlib stream does when its checksum fails.
type failingAfter struct{ n int }

func (f *failingAfter) Read(p []byte) (int, error) {
	k := min(len(p), f.n)
	f.n -= k
	if f.n == 0 {
		return k, fmt.Errorf("zlib: invalid checksum")
	}
	return k, nil
}

// A stream that errs on the read that takes it past the limit is cut at
// the limit, with a limit error, as a clean one is.
func TestSinkCutsAtTheLimitWhateverTheReadError(t *testing.T) {
	s := sink{buf: []byte("kept"), start: 4, b: budget{max: 1000, name: "MaxStreamBytes", value: 1000}}
	_, err := s.ReadFrom(&failingAfter{n: 2000})
	var le *LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "MaxStreamBytes", le.Name)
	assert.Equal(t, 4+1000, len(s.buf))
	assert.Equal(t, "kept", string(s.buf[:4]))
}
