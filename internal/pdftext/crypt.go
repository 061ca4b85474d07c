package pdftext

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"reflect"

	"github.com/ledongthuc/pdf"
)

// fileKey returns the decryption key ledongthuc/pdf derived when it
// opened an encrypted file, read by reflection like objID.
//
// Streams are then decrypted here (PDF 32000 §7.6.2, algorithm 1), so that
// they can go through this package's filters and because ledongthuc
// derives object keys one step wrong: it uses all 16 bytes of the MD5
// where the spec takes n+5, so 40-bit RC4 files decrypt to garbage.
func fileKey(r *pdf.Reader) (key []byte, useAES, ok bool) {
	v := reflect.ValueOf(r).Elem()
	k, a := v.FieldByName("key"), v.FieldByName("useAES")
	if !k.IsValid() || k.Kind() != reflect.Slice || k.Type().Elem().Kind() != reflect.Uint8 || !a.IsValid() || a.Kind() != reflect.Bool {
		return nil, false, false
	}
	if k.Len() == 0 || k.Len() > 16 {
		return nil, false, false
	}
	key = make([]byte, k.Len())
	for i := range key {
		key[i] = byte(k.Index(i).Uint())
	}
	return key, a.Bool(), true
}

// decrypt decrypts the data of the stream that is object id.
func decrypt(key []byte, useAES bool, id objID, data []byte) []byte {
	h := md5.New()
	h.Write(key)
	h.Write([]byte{byte(id.num), byte(id.num >> 8), byte(id.num >> 16), byte(id.gen), byte(id.gen >> 8)})
	if useAES {
		h.Write([]byte("sAlT"))
	}
	ok := h.Sum(nil)[:min(len(key)+5, 16)]
	if !useAES {
		c, _ := rc4.NewCipher(ok) // 1 to 256 bytes: cannot fail
		out := make([]byte, len(data))
		c.XORKeyStream(out, data)
		return out
	}
	if len(data) < 2*aes.BlockSize || len(data)%aes.BlockSize != 0 {
		return nil
	}
	b, _ := aes.NewCipher(ok) // 16 bytes: cannot fail
	out := make([]byte, len(data)-aes.BlockSize)
	cipher.NewCBCDecrypter(b, data[:aes.BlockSize]).CryptBlocks(out, data[aes.BlockSize:])
	if pad := int(out[len(out)-1]); pad >= 1 && pad <= aes.BlockSize {
		out = out[:len(out)-pad]
	}
	return out
}
