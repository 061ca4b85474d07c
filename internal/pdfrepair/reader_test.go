package pdfrepair

import (
	"bytes"
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

// hugeObjectNumber is the 134-byte shape that made ledongthuc/pdf
// allocate a table for 20,000,001 objects.
func hugeObjectNumber(t testing.TB) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	off := b.Len()
	b.WriteString("1 0 obj<</Type/Catalog>>endobj\n")
	x := b.Len()
	fmt.Fprintf(&b, "xref\n20000000 1\n%010d 00000 n\r\ntrailer<</Size 20000001/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", off, x)
	return b.Bytes()
}

// TestReader is the crafted-file suite: shapes that ledongthuc/pdf
// mishandled, looped on or over-allocated for, each read by the Reader
// in place to the page's content. repaired says which are damage.
func TestReader(t *testing.T) {
	deep := func(depth int) func(t testing.TB) []byte {
		return func(t testing.TB) []byte {
			d := cleanDoc()
			d.objs = append(d.objs, tobj{num: 7, body: nested(depth)})
			return d.build(t)
		}
	}
	for _, tc := range []struct {
		name     string
		input    func(t testing.TB) []byte
		repaired bool
	}{
		{"clean file", cleanBytes, false},
		{"stream /Length as an indirect reference", func(t testing.TB) []byte {
			d := cleanDoc()
			d.objs[3].length = "7 0 R"
			d.objs = append(d.objs, tobj{num: 7, body: "52"})
			return d.build(t)
		}, false},
		{"flate content", func(t testing.TB) []byte {
			return withContent(flateBytes(t, []byte(content)), "/FlateDecode", "")(t)
		}, false},
		{"PNG Up predictor 12", func(t testing.TB) []byte {
			return withContent(flateBytes(t, pngPredict([]byte(content), 4, 1, func(int) byte { return 2 })), "/FlateDecode",
				"<< /Predictor 12 /Columns 4 >>")(t)
		}, false},
		{"ASCII85 content", withContent(ascii85Encode([]byte(content)), "/ASCII85Decode", ""), false},
		{"incremental update", func(t testing.TB) []byte {
			b := cleanDoc().build(t)
			return incremental(t, b, content, lastStartxref(t, b))
		}, false},
		{"linearized file", linearized, false},
		{"xref and object streams", func(t testing.TB) []byte { return stmDoc{}.build(t) }, false},
		{"RC4 128-bit", encrypted(encSpec{v: 2, r: 3, bits: 128}), false},
		{"AES-128", encrypted(encSpec{v: 4, r: 4, bits: 128, cfm: "AESV2"}), false},
		{"nesting at MaxDepth", deep(defaultMaxDepth), false},
		{"header after junk", func(t testing.TB) []byte {
			return (&tdoc{prefix: "junk\n", objs: baseObjects([]byte(content), "")}).build(t)
		}, false},
		{"PDF 2.0 header", func(t testing.TB) []byte {
			return (&tdoc{header: "%PDF-2.0", objs: baseObjects([]byte(content), "")}).build(t)
		}, false},
		{"junk after %%EOF", func(t testing.TB) []byte {
			return (&tdoc{suffix: "\x00\x00junk", objs: baseObjects([]byte(content), "")}).build(t)
		}, false},
		{"stale xref offsets", func(t testing.TB) []byte { return shiftOffsets(cleanDoc().build(t)) }, true},
		{"no xref at all", func(t testing.TB) []byte { return cut(cleanDoc().build(t), `(?s)xref\n0 7.*?(trailer)`) }, true},
		{"/Prev cycle", func(t testing.TB) []byte { return incremental(t, cleanDoc().build(t), content, -1) }, true},
		{"page tree cycle", func(t testing.TB) []byte {
			d := cleanDoc()
			d.objs[1].body = "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 1 >>"
			return d.build(t)
		}, false},
		{"page tree /Count wrong", func(t testing.TB) []byte {
			d := cleanDoc()
			d.objs[1].body = "<< /Type /Pages /Kids [3 0 R] /Count 0 >>"
			return d.build(t)
		}, false},
		{"page without /Type", func(t testing.TB) []byte {
			d := cleanDoc()
			d.objs[2].body = strings.Replace(d.objs[2].body, "/Type /Page ", "", 1)
			return d.build(t)
		}, false},
		{"/Size far beyond the file size", func(t testing.TB) []byte {
			return bytes.Replace(cleanDoc().build(t), []byte("/Size 7"), []byte("/Size 99999999"), 1)
		}, false},
		{"object streams whose /Extends cycle", func(t testing.TB) []byte { return stmDoc{extendsCycle: true}.build(t) }, false},
		{"hybrid file with /XRefStm", func(t testing.TB) []byte { return stmDoc{hybrid: true}.build(t) }, false},
		{"LZWDecode content", withContent(lzwEncode([]byte(content), true), "/LZWDecode", ""), false},
		{"PNG predictor 11", func(t testing.TB) []byte {
			return withContent(flateBytes(t, pngPredict([]byte(content), 4, 1, func(int) byte { return 1 })), "/FlateDecode", "<< /Predictor 11 /Columns 4 >>")(t)
		}, false},
		{"stream /Length too long", func(t testing.TB) []byte {
			return bytes.Replace(cleanDoc().build(t), []byte("/Length 52"), []byte("/Length 60"), 1)
		}, false},
		{"stream /Length too short", func(t testing.TB) []byte {
			return bytes.Replace(cleanDoc().build(t), []byte("/Length 52"), []byte("/Length 50"), 1)
		}, false},
		{"PNG predictor 12 with 3 colors", func(t testing.TB) []byte {
			return withContent(flateBytes(t, pngPredict([]byte(content), 6, 3, func(int) byte { return 2 })), "/FlateDecode",
				"<< /Predictor 12 /Colors 3 /Columns 2 >>")(t)
		}, false},
		{"ASCII85 with parameters", withContent(ascii85Encode([]byte(content)), "/ASCII85Decode", "<< /Foo 1 >>"), false},
		{"RC4 40-bit", encrypted(encSpec{v: 1, r: 2, bits: 40}), false},
		{"AES-128 with EncryptMetadata false", encrypted(encSpec{v: 4, r: 4, bits: 128, cfm: "AESV2", noMeta: true}), false},
		{"AES-256 R6", encrypted(encSpec{v: 5, r: 6}), false},
		// Objects are parsed when reached: a deep one nobody refers to
		// costs nothing.
		{"unreferenced nesting deeper than MaxDepth", deep(defaultMaxDepth + 1), false},
		{"unreferenced nesting that would overflow a recursive parser", deep(1 << 20), false},
		{"nesting too deep inside an object stream", func(t testing.TB) []byte { return stmDoc{deep: true}.build(t) }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.input(t)
			r, err := Open(in, "", Limits{})
			require.NoError(t, err)
			assert.Equal(t, tc.repaired, r.Repaired())
			got, text := pageContent(t, in)
			assert.Equal(t, content, got)
			assert.Equal(t, "Formulario 1876 Hello", text)
		})
	}
}

// TestReaderHugeObjectNumber: the xref lives in a map, not a table sized by the file.
func TestReaderHugeObjectNumber(t *testing.T) {
	r, err := Open(hugeObjectNumber(t), "", Limits{})
	require.NoError(t, err)
	assert.Equal(t, "Catalog", r.Trailer().Key("Root").Key("Type").Name())
}

func TestReaderDepthError(t *testing.T) {
	d := cleanDoc()
	d.objs[0].body = "<< /Type /Catalog /Pages 2 0 R /Deep 7 0 R >>"
	d.objs = append(d.objs, tobj{num: 7, body: nested(100)})
	r, err := Open(d.build(t), "", Limits{})
	require.NoError(t, err)
	v := r.Trailer().Key("Root").Key("Deep")
	assert.Equal(t, Null, v.Kind(), "an object past MaxDepth reads as null")
	var le *LimitError
	require.ErrorAs(t, r.Err(), &le, "and the limit is reported")
	assert.Equal(t, "MaxDepth", le.Name)
	var e *Error
	require.ErrorAs(t, r.Err(), &e)
	assert.Equal(t, 7, e.Object, "the error names the object")
	assert.Greater(t, e.Offset, int64(0), "and where it is")
}

func TestReaderNeedsPassword(t *testing.T) {
	in := encrypted(encSpec{v: 4, r: 4, bits: 128, cfm: "AESV2", userPw: "clave"})(t)
	_, err := Open(in, "", Limits{})
	assert.ErrorIs(t, err, ErrPassword)
	_, err = Open(in, "clave", Limits{})
	assert.NoError(t, err)
}

// TestReaderOverlappingObjects: 20,000 objects that each run to the end
// of the file cost at most MaxTotalBytes of parsing, then the limit.
func TestReaderOverlappingObjects(t *testing.T) {
	r, err := Open(overlapping(20000), "", Limits{MaxTotalBytes: 16 << 20})
	if err == nil {
		for n := 1; n <= 20000 && r.Err() == nil; n++ {
			Value{r: r}.resolve(ref{n, 0})
		}
		err = r.Err()
	}
	var le *LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "MaxTotalBytes", le.Name)
}

func TestDecodeLimit(t *testing.T) {
	r, err := Open(withContent(flateBytes(t, bytes.Repeat([]byte("x"), 1<<20)), "/FlateDecode", "")(t), "", Limits{})
	require.NoError(t, err)
	page := r.Trailer().Key("Root").Key("Pages").Key("Kids").Index(0)
	out, err := page.Key("Contents").Decode([]byte("keep"), 1000)
	var le *LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "max", le.Name)
	assert.Equal(t, "keep", string(out[:4]), "Decode appends")
	assert.LessOrEqual(t, len(out), 4+1000)
}

func TestKeyR6Perms(t *testing.T) {
	key := bytes.Repeat([]byte{0x5a, 0xa5, 0x3c, 0xc3}, 8)
	uvs, uks, ovs, oks := []byte("uvsalt01"), []byte("uksalt02"), []byte("ovsalt03"), []byte("oksalt04")
	user, owner := []byte("clave"), []byte("dueño")
	u := append(append(hashR6(6, user, uvs, nil), uvs...), uks...)
	ue := aes256NoIVEncrypt(hashR6(6, user, uks, nil), key)
	o := append(append(hashR6(6, owner, ovs, u), ovs...), oks...)
	oe := aes256NoIVEncrypt(hashR6(6, owner, oks, u), key)
	// /P as 8 bytes, then "T" (EncryptMetadata) and "adb" (Algorithm 10).
	good := aes256NoIVEncrypt(key, append([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 'T', 'a', 'd', 'b'}, "xxxx"...))
	for _, tc := range []struct {
		name     string
		password []byte
		perms    []byte
		ok       bool
	}{
		{"user password, /Perms checks: one hash", user, good, true},
		{"user password, /Perms wrong: the full algorithm", user, make([]byte, 16), true},
		{"owner password, /Perms checks", owner, good, true},
		{"owner password, no /Perms", owner, nil, true},
		{"wrong password", []byte("otra"), good, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := keyR6(6, tc.password, o, u, oe, ue, tc.perms)
			if !tc.ok {
				assert.ErrorIs(t, err, ErrPassword)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, key, got)
		})
	}
}

// TestValueNum reads array elements as numbers, as Index then Float64
// would: integers, reals and references to them; anything else, or an
// index out of range, is not one.
func TestValueNum(t *testing.T) {
	d := cleanDoc()
	d.objs = append(d.objs, tobj{num: 7, body: "[1 -2.5 8 0 R (x) /N 9 0 R]"}, tobj{num: 8, body: "640"}, tobj{num: 9, body: "/Name"})
	r, err := Open(d.build(t), "", Limits{})
	require.NoError(t, err)
	a := Value{r: r}.resolve(ref{7, 0})
	for _, tc := range []struct {
		i  int
		v  float64
		ok bool
	}{{0, 1, true}, {1, -2.5, true}, {2, 640, true}, {3, 0, false}, {4, 0, false}, {5, 0, false}, {6, 0, false}, {-1, 0, false}} {
		v, ok := a.Num(tc.i)
		assert.Equal(t, tc.ok, ok, tc.i)
		assert.Equal(t, tc.v, v, tc.i)
		assert.Equal(t, a.Index(tc.i).Float64(), v, tc.i)
	}
	assert.NoError(t, r.Err())
}
