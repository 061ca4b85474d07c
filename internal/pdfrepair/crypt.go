package pdfrepair

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"hash"
)

// method is how one class of data (strings or streams) is encrypted.
type method int

const (
	methodNone  method = iota // /Identity, or no encryption
	methodRC4                 // V1, V2 and crypt filter /V2
	methodAESV2               // AES-128-CBC, crypt filter /AESV2
	methodAESV3               // AES-256-CBC, crypt filter /AESV3 (V5)
)

// security is the standard security handler (PDF 32000-1 §7.6.3, ISO
// 32000-2 §7.6.4 for R6) opened with one password.
type security struct {
	key             []byte // the file encryption key
	str, stm        method
	encryptMetadata bool
}

// passwordPad is the padding string of Algorithm 2 step (a).
var passwordPad = []byte("\x28\xBF\x4E\x5E\x4E\x75\x8A\x41\x64\x00\x4E\x56\xFF\xFA\x01\x08" +
	"\x2E\x2E\x00\xB6\xD0\x68\x3E\x80\x2F\x0C\xA9\xFE\x64\x53\x69\x7A")

func padPassword(pw []byte) []byte {
	out := make([]byte, 0, 32)
	out = append(out, pw[:min(len(pw), 32)]...)
	return append(out, passwordPad[:32-len(out)]...)
}

// newSecurity opens the encryption dictionary enc with password, trying it
// as the user password and then as the owner password.
func newSecurity(enc dict, id []byte, password string) (*security, error) {
	if f, _ := enc["Filter"].(name); f != "Standard" {
		return nil, errorAt(-1, ErrUnsupported, "security handler %q", truncate(string(f)))
	}
	v := intParam(enc, "V", 0, 0, 5)
	r := intParam(enc, "R", 0, 0, 6)
	s := &security{encryptMetadata: true}
	if b, ok := enc["EncryptMetadata"].(bool); ok {
		s.encryptMetadata = b
	}
	o, _ := enc["O"].(pdfString)
	u, _ := enc["U"].(pdfString)
	var err error
	switch {
	case v == 5 || r >= 5:
		s.str, s.stm = methodAESV3, methodAESV3
		if v >= 4 {
			s.str, s.stm = cryptFilters(enc)
		}
		oe, _ := enc["OE"].(pdfString)
		ue, _ := enc["UE"].(pdfString)
		perms, _ := enc["Perms"].(pdfString)
		s.key, err = keyR6(int(r), []byte(password), []byte(o), []byte(u), []byte(oe), []byte(ue), []byte(perms))
	case r >= 2:
		s.str, s.stm = methodRC4, methodRC4
		bits := intParam(enc, "Length", 40, 40, 128)
		if v == 4 {
			s.str, s.stm = cryptFilters(enc)
			bits = 128
		}
		if bits%8 != 0 {
			bits = 40
		}
		if r == 2 {
			bits = 40
		}
		p, _ := enc["P"].(int64)
		s.key, err = keyR4(int(r), int(bits/8), []byte(password), []byte(o), []byte(u), uint32(p), id, s.encryptMetadata)
	default:
		return nil, errorAt(-1, ErrUnsupported, "encryption V=%d R=%d", v, r)
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// cryptFilters reads /StrF and /StmF of a V4 or V5 dictionary.
func cryptFilters(enc dict) (str, stm method) {
	cf, _ := enc["CF"].(dict)
	get := func(key name) method {
		n, _ := enc[key].(name)
		if n == "" || n == "Identity" {
			return methodNone
		}
		f, _ := cf[n].(dict)
		switch cfm, _ := f["CFM"].(name); cfm {
		case "V2":
			return methodRC4
		case "AESV2":
			return methodAESV2
		case "AESV3":
			return methodAESV3
		}
		return methodNone
	}
	return get("StrF"), get("StmF")
}

// keyR4 is Algorithm 2 (file key from the user password) checked by
// Algorithm 6; if that fails, Algorithm 7 recovers the user password from
// O with password as the owner password and tries again.
func keyR4(r, n int, password, o, u []byte, p uint32, id []byte, encMeta bool) ([]byte, error) {
	if len(o) < 32 || len(u) < 32 {
		return nil, errorAt(-1, ErrMalformed, "encryption dictionary: /O or /U shorter than 32 bytes")
	}
	try := func(pw []byte) []byte {
		key := fileKeyR4(r, n, pw, o, p, id, encMeta)
		if want := userHashR4(r, key, id); bytes.Equal(u[:len(want)], want) {
			return key
		}
		return nil
	}
	if key := try(password); key != nil {
		return key, nil
	}
	// As owner password: RC4-decrypt O with the key derived from it.
	h := md5.Sum(padPassword(password))
	okey := h[:]
	if r >= 3 {
		for range 50 {
			h = md5.Sum(okey[:n])
			okey = h[:]
		}
	}
	okey = okey[:n]
	userPw := bytes.Clone(o[:32])
	if r == 2 {
		rc4XOR(okey, userPw)
	} else {
		k := make([]byte, n)
		for i := 19; i >= 0; i-- {
			for j := range k {
				k[j] = okey[j] ^ byte(i)
			}
			rc4XOR(k, userPw)
		}
	}
	if key := try(userPw); key != nil {
		return key, nil
	}
	return nil, errorAt(-1, ErrPassword, "standard security handler R%d", r)
}

// fileKeyR4 is Algorithm 2.
func fileKeyR4(r, n int, password, o []byte, p uint32, id []byte, encMeta bool) []byte {
	h := md5.New()
	h.Write(padPassword(password))
	h.Write(o[:32])
	h.Write(binary.LittleEndian.AppendUint32(nil, p))
	h.Write(id)
	if r >= 4 && !encMeta {
		h.Write([]byte{0xff, 0xff, 0xff, 0xff})
	}
	key := h.Sum(nil)
	if r >= 3 {
		for range 50 {
			s := md5.Sum(key[:n])
			key = s[:]
		}
	}
	return key[:n]
}

// userHashR4 is Algorithms 4 (R2) and 5 (R3, R4): the bytes of /U a correct
// key reproduces (all 32 for R2, the first 16 otherwise).
func userHashR4(r int, key, id []byte) []byte {
	if r == 2 {
		u := bytes.Clone(passwordPad)
		rc4XOR(key, u)
		return u
	}
	h := md5.New()
	h.Write(passwordPad)
	h.Write(id)
	u := h.Sum(nil)
	k := make([]byte, len(key))
	for i := range 20 {
		for j := range k {
			k[j] = key[j] ^ byte(i)
		}
		rc4XOR(k, u)
	}
	return u
}

func rc4XOR(key, data []byte) {
	c, err := rc4.NewCipher(key)
	if err != nil {
		return // key length is always 5 to 16 bytes here
	}
	c.XORKeyStream(data, data)
}

// keyR6 checks password as the user, then the owner password of an
// AES-256 handler (R5 Algorithm 3.2a of Adobe's extension level 3, R6
// Algorithm 2.A) and returns the file key from /UE or /OE.
//
// Each R6 hash is 64 or more rounds of AES and SHA-2, by design, and the
// algorithm takes two per password (one to check it, one for the key):
// a millisecond per file. The key is tried first and checked against
// /Perms (Algorithm 13: "adb" at bytes 9-11 once decrypted), which saves
// one of them for the usual file opened with its user password; when
// /Perms is missing or does not check, the full algorithm runs.
func keyR6(r int, password, o, u, oe, ue, perms []byte) ([]byte, error) {
	if len(o) < 48 || len(u) < 48 || len(oe) < 32 || len(ue) < 32 {
		return nil, errorAt(-1, ErrMalformed, "encryption dictionary: /O, /U, /OE or /UE too short")
	}
	// SASLprep is not applied: passwords are used as UTF-8 bytes.
	password = password[:min(len(password), 127)]
	if len(perms) >= 16 {
		key := aes256NoIV(hashR6(r, password, u[40:48], nil), ue[:32])
		if p := aes256NoIV(key, perms[:16]); string(p[9:12]) == "adb" {
			return key, nil
		}
	}
	if bytes.Equal(hashR6(r, password, u[32:40], nil), u[:32]) {
		return aes256NoIV(hashR6(r, password, u[40:48], nil), ue[:32]), nil
	}
	if bytes.Equal(hashR6(r, password, o[32:40], u[:48]), o[:32]) {
		return aes256NoIV(hashR6(r, password, o[40:48], u[:48]), oe[:32]), nil
	}
	return nil, errorAt(-1, ErrPassword, "standard security handler R%d", r)
}

// hashR6 is Algorithm 2.B (R6) or plain SHA-256 (R5).
func hashR6(r int, password, salt, udata []byte) []byte {
	h := sha256.New()
	h.Write(password)
	h.Write(salt)
	h.Write(udata)
	k := h.Sum(nil)
	if r < 6 {
		return k
	}
	// One buffer and one hash of each kind serve every round: the loop
	// runs at least 64 times per password tried.
	var e, k1 []byte
	h256, h384, h512 := sha256.New(), sha512.New384(), sha512.New()
	var sum512 [sha512.Size]byte
	for i := 0; i < 64 || int(e[len(e)-1]) > i-32; i++ {
		unit := len(password) + len(k) + len(udata)
		k1 = k1[:0]
		for range 64 {
			k1 = append(k1, password...)
			k1 = append(k1, k...)
			k1 = append(k1, udata...)
		}
		block, _ := aes.NewCipher(k[:16])
		e = k1[:64*unit]
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, c := range e[:16] {
			sum += int(c)
		}
		var hh hash.Hash
		switch sum % 3 {
		case 0:
			hh = h256
		case 1:
			hh = h384
		default:
			hh = h512
		}
		hh.Reset()
		hh.Write(e)
		k = hh.Sum(sum512[:0])
	}
	return k[:32]
}

func aes256NoIV(key, data []byte) []byte {
	block, _ := aes.NewCipher(key)
	out := make([]byte, len(data))
	cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(out, data)
	return out
}

// decrypt returns data decrypted with method m for object num gen.
// Damaged ciphertext (a bad length or padding) yields what decrypts.
func (s *security) decrypt(m method, num, gen int, data []byte) []byte {
	switch m {
	case methodRC4:
		out := bytes.Clone(data)
		rc4XOR(s.objectKey(num, gen, false), out)
		return out
	case methodAESV2:
		return aesCBC(s.objectKey(num, gen, true), data)
	case methodAESV3:
		return aesCBC(s.key, data)
	}
	return data
}

// objectKey is Algorithm 1: the file key extended with the object number
// and generation, hashed, truncated to n+5 bytes (at most 16).
func (s *security) objectKey(num, gen int, aesSalt bool) []byte {
	h := md5.New()
	h.Write(s.key)
	h.Write([]byte{byte(num), byte(num >> 8), byte(num >> 16), byte(gen), byte(gen >> 8)})
	if aesSalt {
		h.Write([]byte("sAlT"))
	}
	return h.Sum(nil)[:min(len(s.key)+5, 16)]
}

// aesCBC decrypts data whose first 16 bytes are the IV and strips the
// PKCS#5 padding when it is well formed.
func aesCBC(key, data []byte) []byte {
	if len(data) < 32 {
		return nil // an IV alone, or less, holds no data
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil
	}
	body := data[16 : 16+(len(data)-16)/16*16]
	out := make([]byte, len(body))
	cipher.NewCBCDecrypter(block, data[:16]).CryptBlocks(out, body)
	if p := int(out[len(out)-1]); p >= 1 && p <= 16 && p <= len(out) {
		out = out[:len(out)-p]
	}
	return out
}
