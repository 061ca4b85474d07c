package pdfrepair

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rawStmDoc writes baseObjects with the font (object 5) in object stream
// 7 and an uncompressed xref stream 8, so tests can write any xref row.
// internal/pdftext relies on Check rejecting each of its hostile shapes,
// which used to be pdftext's own pre-checks.
type rawStmDoc struct {
	extends7  string // /Extends entry of object stream 7, e.g. "9 0 R"
	with9     bool   // object 6 goes in a second object stream, 9
	extends9  string // /Extends entry of object stream 9
	stm7In    int    // when set, object 7's xref row is type 2 in this stream
	xrefExtra string // more entries of the xref stream dictionary (a later key wins)
	extraRows int    // rows after the real ones, pointing at object 1
	startxref int    // when set, startxref points here instead of at the xref stream
}

func (s rawStmDoc) build(t testing.TB) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := map[int]int{}
	obj := func(num int, body string) {
		offs[num] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", num, body)
	}
	base := baseObjects(nil, "")
	for _, o := range base[:3] {
		obj(o.num, o.body)
	}
	obj(4, fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	objStm := func(num int, data, extends string) {
		ext := ""
		if extends != "" {
			ext = " /Extends " + extends
		}
		obj(num, fmt.Sprintf("<< /Type /ObjStm /N 1 /First 4%s /Length %d >>\nstream\n%s\nendstream", ext, len(data), data))
	}
	objStm(7, "5 0 "+base[4].body, s.extends7)
	if s.with9 {
		objStm(9, "6 0 << /Producer (dianres test) >>", s.extends9)
	}
	const size = 10
	xref := b.Len()
	offs[8] = xref
	var rows bytes.Buffer
	row := func(typ byte, f2 uint32, f3 uint16) {
		rows.WriteByte(typ)
		rows.Write(binary.BigEndian.AppendUint32(nil, f2))
		rows.Write(binary.BigEndian.AppendUint16(nil, f3))
	}
	for n := range size {
		switch {
		case n == 5:
			row(2, 7, 0)
		case n == 6 && s.with9:
			row(2, 9, 0)
		case n == 7 && s.stm7In != 0:
			row(2, uint32(s.stm7In), 0)
		case offs[n] > 0:
			row(1, uint32(offs[n]), 0)
		default:
			row(0, 0, 0xffff)
		}
	}
	for range s.extraRows {
		row(1, uint32(offs[1]), 0)
	}
	fmt.Fprintf(&b, "8 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R %s /Length %d >>\nstream\n", size, s.xrefExtra, rows.Len())
	b.Write(rows.Bytes())
	start := xref
	if s.startxref != 0 {
		start = s.startxref
	}
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", start)
	return b.Bytes()
}

// xrefStmAt returns where object 8, the xref stream, starts.
func xrefStmAt(t testing.TB) int {
	b := rawStmDoc{}.build(t)
	i := bytes.Index(b, []byte("\n8 0 obj\n"))
	require.Positive(t, i)
	return i + 1
}

// TestCheckReaderTraps covers each shape that makes ledongthuc/pdf loop,
// overflow its stack, allocate by a number in the file, refuse the file
// or decrypt it to garbage. Check must pass the sound ones and reject
// the others, so that pdftext reads those through Rewrite.
func TestCheckReaderTraps(t *testing.T) {
	build := func(s rawStmDoc) func(t testing.TB) []byte {
		return func(t testing.TB) []byte { return s.build(t) }
	}
	edit := func(in func(t testing.TB) []byte, old, new string) func(t testing.TB) []byte {
		return func(t testing.TB) []byte {
			b := in(t)
			require.Contains(t, string(b), old)
			return bytes.Replace(b, []byte(old), []byte(new), 1)
		}
	}
	header := func(h string) func(t testing.TB) []byte {
		return func(t testing.TB) []byte {
			return (&tdoc{header: h, objs: baseObjects([]byte(content), "")}).build(t)
		}
	}
	after := func(suffix string) func(t testing.TB) []byte {
		return func(t testing.TB) []byte {
			return (&tdoc{suffix: suffix, objs: baseObjects([]byte(content), "")}).build(t)
		}
	}
	rc4v1 := encrypted(encSpec{v: 1, r: 2, bits: 40})
	aes := encrypted(encSpec{v: 4, r: 4, bits: 128, cfm: "AESV2"})
	for _, tc := range []struct {
		name  string
		input func(t testing.TB) []byte
		want  error // nil: ledongthuc/pdf must then read the page as written
	}{
		{"object stream through an uncompressed xref stream is safe", build(rawStmDoc{}), nil},
		{"xref stream with an explicit sane /Index is safe", build(rawStmDoc{xrefExtra: "/Index [0 10]"}), nil},
		{"header %PDF-1.0 with CR is safe", header("%PDF-1.0\r"), nil},
		{"white space after %%EOF is safe", after(" \r\n\t\n"), nil},

		// Object streams: ledongthuc recurses without end or searches forever.
		{"object stream stored in itself, a fatal stack overflow in the reader", build(rawStmDoc{stm7In: 7}), ErrMalformed},
		{"object stream stored in another object stream", build(rawStmDoc{stm7In: 9, with9: true}), ErrMalformed},
		{"object stream /Extends pointing at itself", build(rawStmDoc{extends7: "7 0 R"}), ErrUnsupported},
		{"object stream /Extends chain without a loop", build(rawStmDoc{extends7: "9 0 R", with9: true}), ErrUnsupported},

		// Xref chain: ledongthuc follows /Prev with no memory and sizes
		// its table by the largest object number.
		{"xref stream /Prev pointing at itself", func(t testing.TB) []byte {
			return rawStmDoc{xrefExtra: fmt.Sprintf("/Prev %d", xrefStmAt(t))}.build(t)
		}, ErrMalformed},
		{"xref stream /Index naming object 20,000,000", build(rawStmDoc{xrefExtra: "/Index [0 10 20000000 1]", extraRows: 1}), ErrMalformed},
		{"xref stream /Size far beyond the file size", build(rawStmDoc{xrefExtra: "/Size 9999999 /Index [0 10]"}), ErrMalformed},
		{"xref stream /Index count beyond its data", build(rawStmDoc{xrefExtra: "/Index [0 99999999]"}), ErrMalformed},
		{"startxref past the end of the file", build(rawStmDoc{startxref: 999999}), ErrMalformed},
		{"startxref into the middle of an object", build(rawStmDoc{startxref: 30}), ErrMalformed},

		// Header and trailer: the reader reads byte 0 and the last 100 bytes.
		{"header %PDF-1.8", header("%PDF-1.8"), ErrUnsupported},
		{"header followed by a space, not an end of line", header("%PDF-1.7 "), ErrUnsupported},
		{"lowercase header", header("%pdf-1.7"), ErrUnsupported},
		{"NUL bytes after %%EOF", after("\x00\x00\x00"), ErrUnsupported},
		{"a second %%EOF in junk after the last", after("\n<html>%%EOF</html>\n"), ErrUnsupported},

		// Encryption: ledongthuc keys RC4 objects with 16 bytes, not n+5,
		// and an R2 file key with 5 bytes: garbage, silently.
		{"RC4 56-bit at revision 3", encrypted(encSpec{v: 2, r: 3, bits: 56}), ErrUnsupported},
		{"RC4 revision 2 claiming a 128-bit /Length", edit(rc4v1, "/Filter /Standard /V 1 /R 2 /Length 40", "/Filter/Standard /V 2 /R 2 /Length 128"), ErrUnsupported},
		{"RC4 V1 claiming a 128-bit /Length at revision 3", encrypted(encSpec{v: 1, r: 3, bits: 128}), ErrUnsupported},
		{"AESV2 without a top-level /Length, a 40-bit key to the reader", edit(aes, "/Length 128 /P", "/Lengtx 128 /P"), ErrUnsupported},
		{"AESV2 with a 40-bit top-level /Length", edit(aes, "/Length 128 /P", "/Length 40  /P"), ErrUnsupported},
		{"V4 with the RC4 crypt filter", encrypted(encSpec{v: 4, r: 4, bits: 128, cfm: "V2"}), ErrUnsupported},
		{"AES-256 R5", encrypted(encSpec{v: 5, r: 5}), ErrUnsupported},
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
			out, err := Rewrite(in, "", Limits{})
			require.NoError(t, err)
			require.NoError(t, Check(out), "Rewrite's output is one the reader can trust")
			got, _ := pageContent(t, out)
			assert.Equal(t, content, got)
		})
	}
}

// TestCheckRC4Garbage shows why Check refuses short RC4 keys: the reader
// opens such a file without any error and returns wrong bytes.
func TestCheckRC4Garbage(t *testing.T) {
	in := encrypted(encSpec{v: 2, r: 3, bits: 40})(t)
	require.True(t, errors.Is(Check(in), ErrUnsupported))
	r, err := pdf.NewReader(bytes.NewReader(in), int64(len(in)))
	require.NoError(t, err, "the reader accepts the file")
	var got []byte
	func() {
		defer func() { _ = recover() }() // the garbage is no zlib stream: ledongthuc panics
		got, _ = io.ReadAll(r.Page(1).V.Key("Contents").Reader())
	}()
	assert.NotEqual(t, content, string(got), "ledongthuc/pdf decrypts 40-bit RC4 wrongly")
}
