package fixturegen

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"encoding/binary"
	"encoding/hex"
	"fmt"
)

// Cipher names a standard security handler revision.
type Cipher int

// Ciphers the generator can write.
const (
	CipherRC4x128 Cipher = iota // /V 2 /R 3, 128-bit RC4
	CipherAES128                // /V 4 /R 4, /AESV2 crypt filter
)

// Encryption describes a PDF standard security handler (ISO 32000-1
// §7.6.3). Only streams are encrypted: the generator writes no strings
// outside content streams, so there is nothing else to encrypt.
type Encryption struct {
	Cipher        Cipher
	UserPassword  string
	OwnerPassword string

	key  []byte
	o, u []byte
	p    int32
}

// pdfPadding is the 32-byte password padding of ISO 32000-1 §7.6.3.3.
var pdfPadding = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

func padPassword(pw string) []byte {
	b := []byte(pw)
	if len(b) > 32 {
		b = b[:32]
	}
	return append(b, pdfPadding[:32-len(b)]...)
}

func rc4Crypt(key, data []byte) []byte {
	c, _ := rc4.NewCipher(key)
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out
}

// setup computes O, U and the file key (algorithms 2, 3 and 5).
func (e *Encryption) setup(id []byte) {
	const n = 16
	e.p = -3904 // print, copy and the rest allowed; reserved bits set
	owner := e.OwnerPassword
	if owner == "" {
		owner = e.UserPassword
	}
	h := md5.Sum(padPassword(owner))
	for range 50 {
		h = md5.Sum(h[:n])
	}
	e.o = rc4Crypt(h[:n], padPassword(e.UserPassword))
	for i := 1; i <= 19; i++ {
		k := make([]byte, n)
		for j := range k {
			k[j] = h[j] ^ byte(i)
		}
		e.o = rc4Crypt(k, e.o)
	}
	m := md5.New()
	m.Write(padPassword(e.UserPassword))
	m.Write(e.o)
	var p [4]byte
	binary.LittleEndian.PutUint32(p[:], uint32(e.p))
	m.Write(p[:])
	m.Write(id)
	key := m.Sum(nil)
	for range 50 {
		s := md5.Sum(key[:n])
		key = s[:]
	}
	e.key = key[:n]
	m.Reset()
	m.Write(pdfPadding)
	m.Write(id)
	u := rc4Crypt(e.key, m.Sum(nil))
	for i := 1; i <= 19; i++ {
		k := make([]byte, n)
		for j := range k {
			k[j] = e.key[j] ^ byte(i)
		}
		u = rc4Crypt(k, u)
	}
	e.u = append(u, make([]byte, 16)...)
}

func (e *Encryption) dict() string {
	o, u := hex.EncodeToString(e.o), hex.EncodeToString(e.u)
	if e.Cipher == CipherAES128 {
		return fmt.Sprintf("<< /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 /AuthEvent /DocOpen /Length 16 >> >> /StmF /StdCF /StrF /StdCF /O <%s> /U <%s> /P %d >>", o, u, e.p)
	}
	return fmt.Sprintf("<< /Filter /Standard /V 2 /R 3 /Length 128 /O <%s> /U <%s> /P %d >>", o, u, e.p)
}

// encrypt encrypts the data of object num (algorithm 1).
func (e *Encryption) encrypt(num int, data []byte) []byte {
	m := md5.New()
	m.Write(e.key)
	m.Write([]byte{byte(num), byte(num >> 8), byte(num >> 16), 0, 0})
	if e.Cipher == CipherAES128 {
		m.Write([]byte("sAlT"))
	}
	k := m.Sum(nil)[:min(len(e.key)+5, 16)]
	if e.Cipher != CipherAES128 {
		return rc4Crypt(k, data)
	}
	// A fixed IV per object keeps the output deterministic; a real writer
	// would use random bytes.
	iv := md5.Sum(append([]byte("iv"), byte(num), byte(num>>8)))
	pad := 16 - len(data)%16
	plain := append(append([]byte{}, data...), make([]byte, pad)...)
	for i := len(data); i < len(plain); i++ {
		plain[i] = byte(pad)
	}
	blk, _ := aes.NewCipher(k)
	out := make([]byte, len(plain))
	cipher.NewCBCEncrypter(blk, iv[:]).CryptBlocks(out, plain)
	return append(iv[:], out...)
}
