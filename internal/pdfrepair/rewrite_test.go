package pdfrepair

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type inputCase struct {
	name     string
	input    func(t testing.TB) []byte
	password string
	want     string // page content after Rewrite; "" means content
}

func withContent(data []byte, filter, parms string) func(t testing.TB) []byte {
	return func(t testing.TB) []byte {
		d := &tdoc{objs: baseObjects(data, filter)}
		if parms != "" {
			d.objs[3].body = "<< /DecodeParms " + parms + " >>"
		}
		return d.build(t)
	}
}

func encrypted(e encSpec) func(t testing.TB) []byte {
	return func(t testing.TB) []byte {
		d := &tdoc{objs: baseObjects(flateBytes(t, []byte(content)), "/FlateDecode"), enc: &e}
		return d.build(t)
	}
}

var cleanBytes = func(t testing.TB) []byte { return cleanDoc().build(t) }

// shiftOffsets inserts a comment after the header line, so every offset in
// the xref is stale by its length.
func shiftOffsets(b []byte) []byte {
	i := bytes.IndexByte(b, '\n') + 1
	return append(append(bytes.Clone(b[:i]), "% an editor added this line\n"...), b[i:]...)
}

// cut removes from the first match of re to the end of the match.
func cut(b []byte, re string) []byte {
	return regexp.MustCompile(re).ReplaceAll(b, nil)
}

func rewriteCases() []inputCase {
	const updated = "BT /F1 12 Tf 72 712 Td (Actualizado 1876 Hello) Tj ET"
	png := func(pred int) func(t testing.TB) []byte {
		typ := func(r int) byte { return byte(pred - 10) }
		if pred == 15 {
			typ = func(r int) byte { return byte(r % 5) }
		}
		enc := flateBytes(nil, pngPredict([]byte(content), 8, 2, typ))
		return withContent(enc, "/FlateDecode", fmt.Sprintf("<< /Predictor %d /Colors 2 /BitsPerComponent 8 /Columns 4 >>", pred))
	}
	return []inputCase{
		{name: "clean file passes through", input: cleanBytes},
		{name: "header after junk, absolute offsets", input: func(t testing.TB) []byte {
			return (&tdoc{prefix: strings.Repeat("junk ", 60) + "\n", objs: baseObjects([]byte(content), "")}).build(t)
		}},
		{name: "header after junk, offsets relative to header", input: func(t testing.TB) []byte {
			return (&tdoc{prefix: strings.Repeat("junk ", 60) + "\n", relative: true, objs: baseObjects([]byte(content), "")}).build(t)
		}},
		{name: "PDF 2.0 header", input: func(t testing.TB) []byte {
			return (&tdoc{header: "%PDF-2.0", objs: baseObjects([]byte(content), "")}).build(t)
		}},
		{name: "NULs, junk and a second %%EOF after the end", input: func(t testing.TB) []byte {
			return (&tdoc{suffix: "\x00\x00\x00garbage\n%%EOF\n" + strings.Repeat("\x00", 300), objs: baseObjects([]byte(content), "")}).build(t)
		}},
		{name: "stale xref offsets rebuilt by scanning", input: func(t testing.TB) []byte { return shiftOffsets(cleanDoc().build(t)) }},
		{name: "xref table missing, trailer kept", input: func(t testing.TB) []byte {
			return cut(cleanDoc().build(t), `(?s)xref\n0 7.*?(trailer)`)
		}},
		{name: "no xref, no trailer: catalog found by scanning", input: func(t testing.TB) []byte {
			return cut(cleanDoc().build(t), `(?s)xref\n0 7.*`)
		}},
		{name: "cut before the catalog: pages found by scanning", input: func(t testing.TB) []byte {
			d := cleanDoc()
			d.objs = append(d.objs[2:], d.objs[:2]...) // catalog and page tree last
			b := d.build(t)
			return b[:bytes.Index(b, []byte("\n1 0 obj"))]
		}},
		{name: "cut before the catalog, pages in an object stream", input: func(t testing.TB) []byte {
			b := stmDoc{}.build(t)
			b = bytes.Replace(b, []byte("/Root 1 0 R"), []byte("           "), 1)
			return bytes.Replace(b, []byte("/Type /Catalog"), []byte("/Type /Katalog"), 1)
		}},
		{name: "page tree cycle and wrong /Count", input: func(t testing.TB) []byte {
			d := cleanDoc()
			d.objs[1].body = "<< /Kids [3 0 R 2 0 R 5 0 R 99 0 R] /Count 7 >>"
			return d.build(t)
		}},
		{name: "page tree lost, pages found by scanning", input: func(t testing.TB) []byte {
			d := cleanDoc()
			d.objs[1].body = "<< /Type /Pages /Kids 12 /Count 1 >>"
			return shiftOffsets(d.build(t))
		}},
		{name: "stream /Length too long", input: func(t testing.TB) []byte {
			return bytes.Replace(cleanDoc().build(t), []byte("/Length 52"), []byte("/Length 900"), 1)
		}},
		{name: "stream /Length too short", input: func(t testing.TB) []byte {
			return bytes.Replace(cleanDoc().build(t), []byte("/Length 52"), []byte("/Length 10"), 1)
		}},
		{name: "stream /Length as an indirect reference", input: func(t testing.TB) []byte {
			d := cleanDoc()
			d.objs[3].length = "7 0 R"
			d.objs = append(d.objs, tobj{num: 7, body: "52"})
			return d.build(t)
		}},
		{name: "incremental update read through /Prev", want: updated, input: func(t testing.TB) []byte {
			b := cleanDoc().build(t)
			return incremental(t, b, updated, lastStartxref(t, b))
		}},
		{name: "/Prev cycle", want: updated, input: func(t testing.TB) []byte {
			return incremental(t, cleanDoc().build(t), updated, -1)
		}},
		{name: "linearized", input: linearized},
		{name: "object streams, no /Root anywhere", input: func(t testing.TB) []byte {
			return bytes.Replace(stmDoc{}.build(t), []byte("/Root 1 0 R"), []byte("           "), 1)
		}},
		{name: "xref stream and object streams", input: func(t testing.TB) []byte { return stmDoc{}.build(t) }},
		{name: "object streams whose /Extends cycle", input: func(t testing.TB) []byte { return stmDoc{extendsCycle: true}.build(t) }},
		{name: "hybrid file with /XRefStm", input: func(t testing.TB) []byte { return stmDoc{hybrid: true}.build(t) }},
		{name: "FlateDecode", input: func(t testing.TB) []byte {
			return withContent(flateBytes(t, []byte(content)), "/FlateDecode", "")(t)
		}},
		{name: "LZWDecode, EarlyChange 1", input: withContent(lzwEncode([]byte(content), true), "/LZWDecode", "")},
		{name: "LZWDecode, EarlyChange 0", input: withContent(lzwEncode([]byte(content), false), "/LZWDecode", "<< /EarlyChange 0 >>")},
		{name: "ASCIIHexDecode", input: withContent(asciiHexEncode([]byte(content)), "/ASCIIHexDecode", "")},
		{name: "ASCII85Decode", input: withContent(ascii85Encode([]byte(content)), "/ASCII85Decode", "")},
		{name: "RunLengthDecode", input: withContent(runLengthEncode([]byte(content)), "/RunLengthDecode", "")},
		{name: "filter array, abbreviated names", input: func(t testing.TB) []byte {
			return withContent(ascii85Encode(flateBytes(t, []byte(content))), "[/A85 /Fl]", "[null null]")(t)
		}},
		{name: "PNG predictor 10 (None)", input: png(10)},
		{name: "PNG predictor 11 (Sub)", input: png(11)},
		{name: "PNG predictor 12 (Up)", input: png(12)},
		{name: "PNG predictor 13 (Average)", input: png(13)},
		{name: "PNG predictor 14 (Paeth)", input: png(14)},
		{name: "PNG predictor 15 (per row)", input: png(15)},
		{name: "TIFF predictor 2, 8 bits", input: withContent(
			lzwEncode(tiffPredict([]byte(content), 52, 2, 8), true), "/LZWDecode",
			"<< /Predictor 2 /Colors 2 /BitsPerComponent 8 /Columns 26 >>")},
		{name: "TIFF predictor 2, 16 bits", input: withContent(
			lzwEncode(tiffPredict([]byte(content), 52, 1, 16), true), "/LZWDecode",
			"<< /Predictor 2 /Colors 1 /BitsPerComponent 16 /Columns 26 >>")},
		{name: "RC4 40-bit (V1 R2)", input: encrypted(encSpec{v: 1, r: 2, bits: 40})},
		{name: "RC4 128-bit (V2 R3)", input: encrypted(encSpec{v: 2, r: 3, bits: 128})},
		{name: "RC4 128-bit crypt filter (V4 R4 /V2)", input: encrypted(encSpec{v: 4, r: 4, bits: 128, cfm: "V2"})},
		{name: "AES-128 (V4 R4 AESV2)", input: encrypted(encSpec{v: 4, r: 4, bits: 128, cfm: "AESV2"})},
		{name: "V4 with /Identity crypt filters", input: encrypted(encSpec{v: 4, r: 4, bits: 128, cfm: "Identity"})},
		{name: "AES-128, EncryptMetadata false", input: encrypted(encSpec{v: 4, r: 4, bits: 128, cfm: "AESV2", noMeta: true})},
		{name: "AES-256 (V5 R5)", input: encrypted(encSpec{v: 5, r: 5, ownerPw: "dueño"})},
		{name: "AES-256 (V5 R6)", input: encrypted(encSpec{v: 5, r: 6, ownerPw: "dueño"})},
		{name: "AES-256 R6 with a user password", password: "clave 1876", input: encrypted(encSpec{v: 5, r: 6, userPw: "clave 1876", ownerPw: "dueño"})},
		{name: "AES-256 R6 opened with the owner password", password: "dueño", input: encrypted(encSpec{v: 5, r: 6, userPw: "clave 1876", ownerPw: "dueño"})},
		{name: "RC4 128 with a user password", password: "clave", input: encrypted(encSpec{v: 2, r: 3, bits: 128, userPw: "clave", ownerPw: "dueño"})},
		{name: "RC4 128 opened with the owner password", password: "dueño", input: encrypted(encSpec{v: 2, r: 3, bits: 128, userPw: "clave", ownerPw: "dueño"})},
	}
}

func TestRewrite(t *testing.T) {
	for _, tc := range rewriteCases() {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.input(t)
			out, err := Rewrite(in, tc.password, Limits{})
			require.NoError(t, err)
			readsClean(t, out)
			want := tc.want
			if want == "" {
				want = content
			}
			got, text := pageContent(t, out)
			assert.Equal(t, want, got)
			assert.Contains(t, text, "1876 Hello")
		})
	}
}

func TestRewriteMetadataInClear(t *testing.T) {
	const xmp = "<x:xmpmeta xmlns:x='adobe:ns:meta/'>Resolución 1876</x:xmpmeta>"
	for _, tc := range []struct {
		name string
		enc  encSpec
	}{
		{"AES-128", encSpec{v: 4, r: 4, bits: 128, cfm: "AESV2", noMeta: true}},
		{"AES-256", encSpec{v: 5, r: 6, noMeta: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &tdoc{objs: baseObjects([]byte(content), ""), enc: &tc.enc}
			d.objs[0].body = "<< /Type /Catalog /Pages 2 0 R /Metadata 7 0 R >>"
			d.objs = append(d.objs, tobj{num: 7, body: "<< /Type /Metadata /Subtype /XML >>", stream: []byte(xmp), plain: true})
			out, err := Rewrite(d.build(t), "", Limits{})
			require.NoError(t, err)
			assert.Contains(t, string(out), xmp)
			got, _ := pageContent(t, out)
			assert.Equal(t, content, got)
		})
	}
}

func TestRewriteOddNumbers(t *testing.T) {
	d := cleanDoc()
	d.objs[0].body = "<< /Type /Catalog /Pages 2 0 R /Big " + strings.Repeat("9", 400) + " /Real -.5 /Neg --3 /Huge 123456789012345678901234 >>"
	out, err := Rewrite(d.build(t), "", Limits{})
	require.NoError(t, err)
	readsClean(t, out)
	assert.Contains(t, string(out), "/Big 0/")
	assert.Contains(t, string(out), "/Real -0.5/")
	assert.Contains(t, string(out), "/Neg -3/")
	assert.Contains(t, string(out), "/Huge 123456789012345690000000/")
}
