package pdfrepair

import (
	"bytes"
	"compress/zlib"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// content is the page content every test document carries; tests check
// that it reads back byte for byte after Rewrite.
const content = "BT /F1 12 Tf 72 712 Td (Formulario 1876 Hello) Tj ET"

// tobj is one object of a test document. Strings in strs are added to the
// dictionary body encrypted when the document is; a non-nil stream makes it
// a stream object, with Length added.
type tobj struct {
	num    int
	body   string // the dictionary or value, e.g. "<< /Type /Catalog >>"
	strs   map[string]string
	stream []byte
	filter string // written as /Filter when stream is set
	length string // written as /Length instead of the real one, e.g. "7 0 R"
	plain  bool   // never encrypted (metadata under /EncryptMetadata false)
}

// encSpec describes how a test document is encrypted (the writer's side of
// the standard security handler).
type encSpec struct {
	v, r, bits int
	cfm        string // V4/V5 crypt filter method: V2, AESV2, AESV3
	noMeta     bool   // /EncryptMetadata false
	userPw     string
	ownerPw    string
}

// tdoc builds a PDF in memory: header, objects, one classic xref table.
type tdoc struct {
	prefix  string // bytes before the header
	header  string // default "%PDF-1.7"
	objs    []tobj
	trailer string // extra trailer entries
	enc     *encSpec
	suffix  string // bytes after %%EOF
	// relative writes xref offsets relative to the header, not the file.
	relative bool
}

var testID = []byte("0123456789abcdef")

func baseObjects(streamData []byte, filter string) []tobj {
	return []tobj{
		{num: 1, body: "<< /Type /Catalog /Pages 2 0 R >>"},
		{num: 2, body: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"},
		{num: 3, body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"},
		{num: 4, body: "<< >>", stream: streamData, filter: filter},
		{num: 5, body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"},
		{num: 6, body: "<< >>", strs: map[string]string{"Producer": "dianres test", "Title": "Resolución 1876"}},
	}
}

func cleanDoc() *tdoc {
	return &tdoc{objs: baseObjects([]byte(content), "")}
}

func flateBytes(t testing.TB, b []byte) []byte {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	_, err := w.Write(b)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return buf.Bytes()
}

// build writes the document and returns it with the offsets of each object.
func (d *tdoc) build(t testing.TB) []byte {
	var b bytes.Buffer
	b.WriteString(d.prefix)
	base := 0
	if d.relative {
		base = b.Len()
	}
	h := d.header
	if h == "" {
		h = "%PDF-1.7"
	}
	b.WriteString(h + "\n%\xe2\xe3\xcf\xd3\n")
	var sec *security
	var str, stm method
	var encDict string
	if d.enc != nil {
		encDict, sec, str, stm = d.enc.setup(t, testID)
	}
	offs := map[int]int{}
	for _, o := range d.objs {
		offs[o.num] = b.Len() - base
		fmt.Fprintf(&b, "%d 0 obj\n", o.num)
		body := o.body
		extra := ""
		for _, k := range slices.Sorted(mapsKeys(o.strs)) {
			v := []byte(o.strs[k])
			if sec != nil {
				v = encryptWith(sec, str, o.num, v)
			}
			extra += fmt.Sprintf(" /%s <%s>", k, hex.EncodeToString(v))
		}
		if o.stream != nil {
			data := o.stream
			if sec != nil && !o.plain {
				data = encryptWith(sec, stm, o.num, data)
			}
			if o.filter != "" {
				extra += " /Filter " + o.filter
			}
			if o.length != "" {
				extra += " /Length " + o.length
			} else {
				extra += fmt.Sprintf(" /Length %d", len(data))
			}
			body = strings.TrimSuffix(strings.TrimSpace(body), ">>") + extra + " >>"
			b.WriteString(body + "\nstream\n")
			b.Write(data)
			b.WriteString("\nendstream\nendobj\n")
			continue
		}
		if extra != "" {
			body = strings.TrimSuffix(strings.TrimSpace(body), ">>") + extra + " >>"
		}
		b.WriteString(body + "\nendobj\n")
	}
	maxNum := 0
	for n := range offs {
		maxNum = max(maxNum, n)
	}
	encRef := ""
	if d.enc != nil {
		maxNum++
		offs[maxNum] = b.Len() - base
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", maxNum, encDict)
		encRef = fmt.Sprintf(" /Encrypt %d 0 R", maxNum)
	}
	xref := b.Len() - base
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f\r\n", maxNum+1)
	for n := 1; n <= maxNum; n++ {
		if off, ok := offs[n]; ok {
			fmt.Fprintf(&b, "%010d 00000 n\r\n", off)
		} else {
			b.WriteString("0000000000 65535 f\r\n")
		}
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R /ID [<%x> <%x>]%s%s >>\nstartxref\n%d\n%%%%EOF\n",
		maxNum+1, testID, testID, encRef, d.trailer, xref)
	b.WriteString(d.suffix)
	return b.Bytes()
}

func mapsKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// encryptWith encrypts data for object num (generation 0).
func encryptWith(s *security, m method, num int, data []byte) []byte {
	switch m {
	case methodRC4:
		out := bytes.Clone(data)
		rc4XOR(s.objectKey(num, 0, false), out)
		return out
	case methodAESV2:
		return aesEncrypt(s.objectKey(num, 0, true), data)
	case methodAESV3:
		return aesEncrypt(s.key, data)
	}
	return data
}

func aesEncrypt(key, data []byte) []byte {
	block, err := aes.NewCipher(key)
	if err != nil {
		panic(err)
	}
	p := 16 - len(data)%16
	plain := append(bytes.Clone(data), bytes.Repeat([]byte{byte(p)}, p)...)
	iv := md5.Sum(data) // deterministic IV: tests compare bytes
	out := append(iv[:], make([]byte, len(plain))...)
	cipher.NewCBCEncrypter(block, iv[:]).CryptBlocks(out[16:], plain)
	return out
}

func aes256NoIVEncrypt(key, data []byte) []byte {
	block, err := aes.NewCipher(key)
	if err != nil {
		panic(err)
	}
	out := make([]byte, len(data))
	cipher.NewCBCEncrypter(block, make([]byte, 16)).CryptBlocks(out, data)
	return out
}

// setup computes /O, /U (and /OE, /UE) and returns the encryption
// dictionary, the file key and the methods for strings and streams.
func (e *encSpec) setup(t testing.TB, id []byte) (string, *security, method, method) {
	var p int32 = -3904 // print, copy... (bits 1-2 clear, reserved bits set)
	meta := ""
	if e.noMeta {
		meta = " /EncryptMetadata false"
	}
	if e.r >= 5 {
		key := bytes.Repeat([]byte{0x5a, 0xa5, 0x3c, 0xc3}, 8)
		uvs, uks, ovs, oks := []byte("uvsalt01"), []byte("uksalt02"), []byte("ovsalt03"), []byte("oksalt04")
		u := append(append(hashR6(e.r, []byte(e.userPw), uvs, nil), uvs...), uks...)
		ue := aes256NoIVEncrypt(hashR6(e.r, []byte(e.userPw), uks, nil), key)
		o := append(append(hashR6(e.r, []byte(e.ownerPw), ovs, u), ovs...), oks...)
		oe := aes256NoIVEncrypt(hashR6(e.r, []byte(e.ownerPw), oks, u), key)
		perms := bytes.Repeat([]byte{0}, 16)
		d := fmt.Sprintf("<< /Filter /Standard /V 5 /R %d /Length 256 /P %d /O <%x> /U <%x> /OE <%x> /UE <%x> /Perms <%x>"+
			" /CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> /StmF /StdCF /StrF /StdCF%s >>",
			e.r, p, o, u, oe, ue, perms, meta)
		return d, &security{key: key}, methodAESV3, methodAESV3
	}
	n := e.bits / 8
	if e.r == 2 {
		n = 5
	}
	// Algorithm 3: /O from the owner password.
	owner := e.ownerPw
	if owner == "" {
		owner = e.userPw
	}
	h := md5.Sum(padPassword([]byte(owner)))
	okey := h[:]
	if e.r >= 3 {
		for range 50 {
			h = md5.Sum(okey[:n])
			okey = h[:]
		}
	}
	okey = okey[:n]
	o := padPassword([]byte(e.userPw))
	rc4XOR(okey, o)
	if e.r >= 3 {
		k := make([]byte, n)
		for i := 1; i <= 19; i++ {
			for j := range k {
				k[j] = okey[j] ^ byte(i)
			}
			rc4XOR(k, o)
		}
	}
	key := fileKeyR4(e.r, n, []byte(e.userPw), o, uint32(p), id, !e.noMeta)
	u := userHashR4(e.r, key, id)
	u = append(u, make([]byte, 32-len(u))...)
	var d string
	m := methodRC4
	if e.cfm == "Identity" {
		d = fmt.Sprintf("<< /Filter /Standard /V 4 /R 4 /Length 128 /P %d /O <%x> /U <%x> /StmF /Identity /StrF /Identity >>", p, o, u)
		return d, &security{key: key}, methodNone, methodNone
	}
	if e.v == 4 {
		d = fmt.Sprintf("<< /Filter /Standard /V 4 /R 4 /Length 128 /P %d /O <%x> /U <%x>"+
			" /CF << /StdCF << /CFM /%s /AuthEvent /DocOpen /Length 16 >> >> /StmF /StdCF /StrF /StdCF%s >>",
			p, o, u, e.cfm, meta)
		if e.cfm == "AESV2" {
			m = methodAESV2
		}
	} else {
		d = fmt.Sprintf("<< /Filter /Standard /V %d /R %d /Length %d /P %d /O <%x> /U <%x> >>", e.v, e.r, n*8, p, o, u)
	}
	return d, &security{key: key}, m, m
}

// pageContent opens b with the Reader and returns page 1's content
// stream and the strings it shows, joined by spaces.
func pageContent(t testing.TB, b []byte) (string, string) {
	t.Helper()
	r, err := Open(b, "", Limits{})
	require.NoError(t, err)
	page := r.Trailer().Key("Root").Key("Pages")
	for range 32 {
		if page.Key("Kids").Kind() != Array {
			break
		}
		page = page.Key("Kids").Index(0)
	}
	require.Equal(t, Dict, page.Kind(), "page 1")
	data, err := page.Key("Contents").Decode(nil, 1<<20)
	require.NoError(t, err)
	var shown []string
	for _, m := range regexp.MustCompile(`\(([^)]*)\)`).FindAllStringSubmatch(string(data), -1) {
		shown = append(shown, m[1])
	}
	return string(data), strings.Join(shown, " ")
}

// readsClean checks that b opens as it is: no xref rebuilt, no page tree
// mended. Rewrite's output must.
func readsClean(t testing.TB, b []byte) {
	t.Helper()
	r, err := Open(b, "", Limits{})
	require.NoError(t, err)
	assert.False(t, r.Repaired(), "the file needed repair")
}
