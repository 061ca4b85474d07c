package pdftext_test

import (
	"bytes"
	"crypto/md5"
	"crypto/rc4"
	"fmt"
	"testing"

	"github.com/dianres/dianres/internal/pdftext"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var passwordPad = []byte("\x28\xbf\x4e\x5e\x4e\x75\x8a\x41\x64\x00\x4e\x56\xff\xfa\x01\x08\x2e\x2e\x00\xb6\xd0\x68\x3e\x80\x2f\x0c\xa9\xfe\x64\x53\x69\x7a")

func rc4XOR(key, data []byte) []byte {
	c, _ := rc4.NewCipher(key)
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out
}

// encryptedPDF writes a one-page PDF under the standard security handler
// with RC4 (PDF 32000 §7.6.3, algorithms 2, 4 and 5): revision 3 with a
// 128-bit key, or revision 2 with a 40-bit key when r == 2.
func encryptedPDF(userPassword, content string, r int) []byte {
	id := []byte("0123456789abcdef")
	o := bytes.Repeat([]byte{0x42}, 32) // only hashed into the key here
	const p = -4
	padded := append([]byte(userPassword), passwordPad...)[:32]
	h := md5.New()
	h.Write(padded)
	h.Write(o)
	h.Write([]byte{byte(p & 0xff), byte(p >> 8 & 0xff), byte(p >> 16 & 0xff), byte(p >> 24 & 0xff)})
	h.Write(id)
	key := h.Sum(nil)
	var u []byte
	dict := "/V 2 /R 3 /Length 128"
	if r == 2 {
		key = key[:5]
		u = rc4XOR(key, passwordPad)
		dict = "/V 1 /R 2 /Length 40"
	} else {
		for range 50 {
			s := md5.Sum(key[:16])
			key = s[:]
		}
		h.Reset()
		h.Write(passwordPad)
		h.Write(id)
		u = rc4XOR(key, h.Sum(nil))
		for i := 1; i <= 19; i++ {
			k := make([]byte, len(key))
			for j := range key {
				k[j] = key[j] ^ byte(i)
			}
			u = rc4XOR(k, u)
		}
		u = append(u, make([]byte, 16)...)
	}

	var b pdftext.TestPDF
	font := b.Obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	cs := b.Reserve()
	objKey := md5.Sum(append(append([]byte{}, key...), byte(cs), byte(cs>>8), byte(cs>>16), 0, 0))
	data := rc4XOR(objKey[:min(len(key)+5, 16)], []byte(content))
	b.Set(cs, fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(data), data))
	pages := b.Reserve()
	page := b.Obj(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pages, font, cs))
	b.Set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	enc := b.Obj(fmt.Sprintf("<< /Filter /Standard %s /P %d /O <%x> /U <%x> >>", dict, p, o, u))
	b.Trailer = fmt.Sprintf("/Encrypt %d 0 R /ID [<%x> <%x>]", enc, id, id)
	return b.Bytes(b.Obj(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages)))
}

func TestEncrypted(t *testing.T) {
	for _, tc := range []struct {
		name, userPW, given string
		r                   int
		want                error
		repaired            bool
	}{
		{"empty user password opens without asking", "", "", 3, nil, false},
		{"right password decrypts", "secreto", "secreto", 3, nil, false},
		// The object key is n+5 bytes long, not 16 (ledongthuc/pdf got
		// this wrong and read garbage).
		{"40-bit RC4 is decrypted", "", "", 2, nil, false},
		{"40-bit RC4 with the right password", "secreto", "secreto", 2, nil, false},
		{"missing password is ErrEncrypted", "secreto", "", 3, pdftext.ErrEncrypted, false},
		{"wrong password is ErrEncrypted", "secreto", "otro", 3, pdftext.ErrEncrypted, false},
		{"wrong password for 40-bit RC4 is ErrEncrypted", "secreto", "otro", 2, pdftext.ErrEncrypted, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := encryptedPDF(tc.userPW, "BT /F1 10 Tf 72 700 Td (Cifrado) Tj ET", tc.r)
			doc, err := pdftext.Open(t.Context(), bytes.NewReader(data), int64(len(data)), tc.given, pdftext.Limits{})
			if tc.want != nil {
				assert.ErrorIs(t, err, tc.want)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.repaired, doc.Repaired())
			p, err := doc.Page(t.Context(), 1)
			require.NoError(t, err)
			assert.Equal(t, "Cifrado\n", p.Text())
		})
	}
}

func TestWrongGenerationIsRead(t *testing.T) {
	// An xref entry pointing at an object with another generation: the
	// object is found by its number, as viewers do (ledongthuc/pdf
	// panicked: "loading 4 0 R: found 4 1 R").
	var b pdftext.TestPDF
	bad := b.Obj("<< /Subtype /Widget /Rect [0 0 10 10] >>")
	data := b.OnePage(pdftext.TestPage{Content: "BT ET", Extra: fmt.Sprintf("/Annots [%d 0 R]", bad)})
	data = bytes.Replace(data, fmt.Appendf(nil, "\n%d 0 obj", bad), fmt.Appendf(nil, "\n%d 1 obj", bad), 1)
	doc, err := pdftext.Open(t.Context(), bytes.NewReader(data), int64(len(data)), "", pdftext.Limits{})
	require.NoError(t, err)
	_, err = doc.Page(t.Context(), 1)
	require.NoError(t, err)
	assert.False(t, doc.Repaired())
}
