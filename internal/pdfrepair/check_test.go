package pdfrepair

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nested returns an object nested depth arrays deep.
func nested(depth int) string {
	return strings.Repeat("[", depth) + strings.Repeat("]", depth)
}

// hugeObjectNumber is the 134-byte shape that makes ledongthuc/pdf allocate
// a table for 20,000,001 objects.
func hugeObjectNumber(t testing.TB) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	off := b.Len()
	b.WriteString("1 0 obj<</Type/Catalog>>endobj\n")
	x := b.Len()
	fmt.Fprintf(&b, "xref\n20000000 1\n%010d 00000 n\r\ntrailer<</Size 20000001/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", off, x)
	return b.Bytes()
}

func TestCheck(t *testing.T) {
	deep := func(depth int) func(t testing.TB) []byte {
		return func(t testing.TB) []byte {
			d := cleanDoc()
			d.objs = append(d.objs, tobj{num: 7, body: nested(depth)})
			return d.build(t)
		}
	}
	for _, tc := range []struct {
		name  string
		input func(t testing.TB) []byte
		want  error // nil: ledongthuc/pdf must then read the page as written
	}{
		{"clean file is safe", cleanBytes, nil},
		{"stream /Length as an indirect reference is safe", func(t testing.TB) []byte {
			d := cleanDoc()
			d.objs[3].length = "7 0 R"
			d.objs = append(d.objs, tobj{num: 7, body: "52"})
			return d.build(t)
		}, nil},
		{"flate content is safe", func(t testing.TB) []byte {
			return withContent(flateBytes(t, []byte(content)), "/FlateDecode", "")(t)
		}, nil},
		{"PNG Up predictor 12 is safe", func(t testing.TB) []byte {
			return withContent(flateBytes(t, pngPredict([]byte(content), 4, 1, func(int) byte { return 2 })), "/FlateDecode",
				"<< /Predictor 12 /Columns 4 >>")(t)
		}, nil},
		{"ASCII85 content is safe", withContent(ascii85Encode([]byte(content)), "/ASCII85Decode", ""), nil},
		{"incremental update is safe", func(t testing.TB) []byte {
			b := cleanDoc().build(t)
			return incremental(t, b, content, lastStartxref(t, b))
		}, nil},
		{"linearized file is safe", linearized, nil},
		{"xref and object streams are safe", func(t testing.TB) []byte { return stmDoc{}.build(t) }, nil},
		{"RC4 128-bit is safe", encrypted(encSpec{v: 2, r: 3, bits: 128}), nil},
		{"AES-128 is safe", encrypted(encSpec{v: 4, r: 4, bits: 128, cfm: "AESV2"}), nil},
		{"nesting at MaxDepth is safe", deep(defaultMaxDepth), nil},
		{"header after junk", func(t testing.TB) []byte {
			return (&tdoc{prefix: "junk\n", objs: baseObjects([]byte(content), "")}).build(t)
		}, ErrUnsupported},
		{"PDF 2.0 header", func(t testing.TB) []byte {
			return (&tdoc{header: "%PDF-2.0", objs: baseObjects([]byte(content), "")}).build(t)
		}, ErrUnsupported},
		{"junk after %%EOF", func(t testing.TB) []byte {
			return (&tdoc{suffix: "\x00\x00junk", objs: baseObjects([]byte(content), "")}).build(t)
		}, ErrUnsupported},
		{"stale xref offsets", func(t testing.TB) []byte { return shiftOffsets(cleanDoc().build(t)) }, ErrMalformed},
		{"no xref at all", func(t testing.TB) []byte { return cut(cleanDoc().build(t), `(?s)xref\n0 7.*?(trailer)`) }, ErrMalformed},
		{"/Prev cycle", func(t testing.TB) []byte { return incremental(t, cleanDoc().build(t), content, -1) }, ErrMalformed},
		{"page tree cycle, an endless loop in the reader", func(t testing.TB) []byte {
			d := cleanDoc()
			d.objs[1].body = "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 1 >>"
			return d.build(t)
		}, ErrMalformed},
		{"page tree /Count wrong, pages the reader would miss", func(t testing.TB) []byte {
			d := cleanDoc()
			d.objs[1].body = "<< /Type /Pages /Kids [3 0 R] /Count 0 >>"
			return d.build(t)
		}, ErrMalformed},
		{"page without /Type", func(t testing.TB) []byte {
			d := cleanDoc()
			d.objs[2].body = strings.Replace(d.objs[2].body, "/Type /Page ", "", 1)
			return d.build(t)
		}, ErrMalformed},
		{"object number far beyond the file size", hugeObjectNumber, ErrMalformed},
		{"/Size far beyond the file size", func(t testing.TB) []byte {
			return bytes.Replace(cleanDoc().build(t), []byte("/Size 7"), []byte("/Size 99999999"), 1)
		}, ErrMalformed},
		{"object streams whose /Extends cycle", func(t testing.TB) []byte { return stmDoc{extendsCycle: true}.build(t) }, ErrUnsupported},
		{"hybrid file, /XRefStm ignored by the reader", func(t testing.TB) []byte { return stmDoc{hybrid: true}.build(t) }, ErrUnsupported},
		{"LZWDecode content", withContent(lzwEncode([]byte(content), true), "/LZWDecode", ""), ErrUnsupported},
		{"PNG predictor other than 12", func(t testing.TB) []byte {
			return withContent(flateBytes(t, pngPredict([]byte(content), 4, 1, func(int) byte { return 1 })), "/FlateDecode", "<< /Predictor 11 /Columns 4 >>")(t)
		}, ErrUnsupported},
		{"stream /Length too long", func(t testing.TB) []byte {
			return bytes.Replace(cleanDoc().build(t), []byte("/Length 52"), []byte("/Length 60"), 1)
		}, ErrMalformed},
		{"stream /Length too short", func(t testing.TB) []byte {
			return bytes.Replace(cleanDoc().build(t), []byte("/Length 52"), []byte("/Length 50"), 1)
		}, ErrMalformed},
		{"PNG predictor 12 with 3 colors, which the reader misreads", func(t testing.TB) []byte {
			return withContent(flateBytes(t, pngPredict([]byte(content), 6, 3, func(int) byte { return 2 })), "/FlateDecode",
				"<< /Predictor 12 /Colors 3 /Columns 2 >>")(t)
		}, ErrUnsupported},
		{"PNG predictor 12 with huge /Columns, which the reader allocates", func(t testing.TB) []byte {
			return withContent(flateBytes(t, pngPredict([]byte(content), 4, 1, func(int) byte { return 2 })), "/FlateDecode",
				"<< /Predictor 12 /Columns 4000000000 >>")(t)
		}, ErrUnsupported},
		{"ASCII85 with parameters, which the reader panics on", withContent(ascii85Encode([]byte(content)), "/ASCII85Decode", "<< /Foo 1 >>"), ErrUnsupported},
		{"RC4 40-bit, which the reader decrypts wrongly", encrypted(encSpec{v: 1, r: 2, bits: 40}), ErrUnsupported},
		{"AES-128 with EncryptMetadata false", encrypted(encSpec{v: 4, r: 4, bits: 128, cfm: "AESV2", noMeta: true}), ErrUnsupported},
		{"AES-256 R6", encrypted(encSpec{v: 5, r: 6}), ErrUnsupported},
		{"nesting deeper than MaxDepth", deep(defaultMaxDepth + 1), ErrLimit},
		{"nesting that would overflow a recursive parser", deep(1 << 20), ErrLimit},
		{"nesting too deep inside an object stream", func(t testing.TB) []byte { return stmDoc{deep: true}.build(t) }, ErrLimit},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.input(t)
			err := Check(in)
			if tc.want == nil {
				require.NoError(t, err)
				got, _ := pageContent(t, in)
				assert.Equal(t, content, got)
				return
			}
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.ErrorIs(t, err, tc.want)
			assert.True(t, strings.HasPrefix(err.Error(), "pdfrepair: "), err.Error())
			// Whatever Check rejects, Rewrite must turn into a file it
			// accepts (the deep objects here are not referenced, so they go).
			out, err := Rewrite(in, "", Limits{})
			if errors.Is(tc.want, ErrLimit) && errors.Is(err, ErrLimit) {
				return // the deep object is referenced: Rewrite refuses it too
			}
			require.NoError(t, err)
			assert.NoError(t, Check(out))
		})
	}
}

func TestCheckDepthError(t *testing.T) {
	d := cleanDoc()
	d.objs = append(d.objs, tobj{num: 7, body: nested(100)})
	err := Check(d.build(t))
	var le *LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "MaxDepth", le.Name)
	assert.Equal(t, int64(defaultMaxDepth), le.Value)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 7, e.Object, "the error names the object")
	assert.Greater(t, e.Offset, int64(0), "and where it is")
}

func TestCheckNeedsPassword(t *testing.T) {
	in := encrypted(encSpec{v: 4, r: 4, bits: 128, cfm: "AESV2", userPw: "clave"})(t)
	assert.ErrorIs(t, Check(in), ErrPassword)
}
