package pdftext

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
)

// Stream filters (PDF 32000 §7.4), decoded here for unencrypted files:
// ledongthuc/pdf knows only FlateDecode and ASCII85Decode and panics on
// the others, which real producers still write (LZW from old tools,
// ASCIIHex from mutool, RunLength). Encrypted files go through
// ledongthuc, which holds the decryption key.

// errFilterLimit reports that a stage produced more than its limit.
var errFilterLimit = errors.New("filter output over the limit")

// params are the /DecodeParms entries the filters use.
type params struct {
	predictor, colors, bpc, columns, earlyChange int
}

func defaultParams() params {
	return params{predictor: 1, colors: 1, bpc: 8, columns: 1, earlyChange: 1}
}

// decodeFilter applies one filter to src, producing at most limit bytes
// (errFilterLimit past that). A damaged tail keeps what decoded before it.
func decodeFilter(name string, p params, src []byte, limit int64) ([]byte, error) {
	var z inflater
	return z.decodeFilter(name, p, src, limit)
}

// inflater keeps one zlib reader for a document's streams: each new one
// costs a 32 KiB window.
type inflater struct {
	zr io.ReadCloser
}

func (z *inflater) decodeFilter(name string, p params, src []byte, limit int64) ([]byte, error) {
	var out []byte
	var err error
	switch name {
	case "FlateDecode", "Fl":
		out, err = z.inflate(src, limit)
	case "LZWDecode", "LZW":
		out, err = lzwDecode(src, p.earlyChange, limit)
	case "ASCIIHexDecode", "AHx":
		out, err = asciiHexDecode(src, limit)
	case "ASCII85Decode", "A85":
		out, err = ascii85Decode(src, limit)
	case "RunLengthDecode", "RL":
		out, err = runLengthDecode(src, limit)
	case "Crypt": // only /Identity can reach here: the file is not encrypted
		return src, nil
	default:
		return nil, fmt.Errorf("pdftext: %w: unsupported filter %s", ErrMalformed, name)
	}
	if err != nil {
		return out, err
	}
	if name == "FlateDecode" || name == "Fl" || name == "LZWDecode" || name == "LZW" {
		return unpredict(out, p)
	}
	return out, nil
}

func (z *inflater) inflate(src []byte, limit int64) ([]byte, error) {
	var r io.Reader
	var err error
	if z.zr == nil {
		z.zr, err = zlib.NewReader(bytes.NewReader(src))
	} else {
		err = z.zr.(zlib.Resetter).Reset(bytes.NewReader(src), nil)
	}
	if err == nil {
		r = z.zr
	} else {
		// Some producers write raw deflate without the zlib header.
		z.zr = nil
		r = flate.NewReader(bytes.NewReader(src))
	}
	out := make([]byte, 0, min(int64(len(src))*4+512, limit+1))
	out, err = readAllInto(io.LimitReader(r, limit+1), out)
	if int64(len(out)) > limit {
		return out[:limit], errFilterLimit
	}
	if err != nil && len(out) == 0 {
		return nil, fmt.Errorf("pdftext: %w: %v", ErrMalformed, err)
	}
	return out, nil // a corrupt tail keeps what inflated
}

// lzwDecode decodes PDF's LZW: MSB-first codes of 9 to 12 bits, 256 clear,
// 257 end, the code width growing one code early unless /EarlyChange 0.
// Table entries are (start, length) spans of the output, since each new
// string is a previous output plus the byte that follows it.
func lzwDecode(src []byte, early int, limit int64) ([]byte, error) {
	type span struct{ start, n int }
	var (
		out   []byte
		table = make([]span, 258, 4096)
		width = 9
		prev  = span{-1, 0}
		acc   uint32
		nacc  int
	)
	if early != 0 {
		early = 1
	}
	for _, b := range src {
		acc = acc<<8 | uint32(b)
		nacc += 8
		for nacc >= width {
			code := int(acc>>(nacc-width)) & (1<<width - 1)
			nacc -= width
			switch {
			case code == 256:
				table, width, prev = table[:258], 9, span{-1, 0}
				continue
			case code == 257:
				return out, nil
			}
			start := len(out)
			switch {
			case code < 256:
				out = append(out, byte(code))
			case code < len(table):
				e := table[code]
				out = append(out, out[e.start:e.start+e.n]...)
			case code == len(table) && prev.start >= 0:
				out = append(out, out[prev.start:prev.start+prev.n]...)
				out = append(out, out[prev.start])
			default:
				return out, nil // corrupt: keep what decoded
			}
			if prev.start >= 0 && len(table) < 4096 {
				table = append(table, span{prev.start, prev.n + 1})
			}
			prev = span{start, len(out) - start}
			if len(table)+early >= 1<<width && width < 12 {
				width++
			}
			if int64(len(out)) > limit {
				return out[:limit], errFilterLimit
			}
		}
	}
	return out, nil
}

func asciiHexDecode(src []byte, limit int64) ([]byte, error) {
	out := make([]byte, 0, min(int64(len(src)/2+1), limit+1))
	var hi byte
	half := false
	for _, c := range src {
		if c == '>' {
			break
		}
		v, ok := unhex(c)
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	if int64(len(out)) > limit {
		return out[:limit], errFilterLimit
	}
	return out, nil
}

func ascii85Decode(src []byte, limit int64) ([]byte, error) {
	src = bytes.TrimLeft(src, " \t\r\n\f\x00")
	src = bytes.TrimPrefix(src, []byte("<~"))
	var out []byte
	var group [5]byte
	n := 0
	flush := func(n int) {
		for i := n; i < 5; i++ {
			group[i] = 'u'
		}
		var v uint32
		for _, c := range group {
			v = v*85 + uint32(c-'!')
		}
		b := [4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}
		out = append(out, b[:n-1]...)
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '~':
			i = len(src)
			continue
		case c == 'z' && n == 0:
			out = append(out, 0, 0, 0, 0)
		case c >= '!' && c <= 'u':
			group[n] = c
			if n++; n == 5 {
				flush(5)
				n = 0
			}
		}
		if int64(len(out)) > limit {
			return out[:limit], errFilterLimit
		}
	}
	if n > 1 {
		flush(n)
	}
	return out, nil
}

func runLengthDecode(src []byte, limit int64) ([]byte, error) {
	var out []byte
	for i := 0; i < len(src); {
		l := int(src[i])
		i++
		switch {
		case l == 128:
			return out, nil
		case l < 128:
			end := min(i+l+1, len(src))
			out = append(out, src[i:end]...)
			i = end
		default:
			if i < len(src) {
				for range 257 - l {
					out = append(out, src[i])
				}
				i++
			}
		}
		if int64(len(out)) > limit {
			return out[:limit], errFilterLimit
		}
	}
	return out, nil
}

// unpredict undoes a TIFF (2) or PNG (10–15) predictor (§7.4.4.4).
func unpredict(data []byte, p params) ([]byte, error) {
	if p.predictor < 2 {
		return data, nil
	}
	if p.colors < 1 || p.colors > 32 || p.columns < 1 || p.columns > 1<<20 || (p.bpc != 1 && p.bpc != 2 && p.bpc != 4 && p.bpc != 8 && p.bpc != 16) {
		return nil, fmt.Errorf("pdftext: %w: bad predictor parameters", ErrMalformed)
	}
	rowBytes := (p.colors*p.bpc*p.columns + 7) / 8
	bpp := max(1, p.colors*p.bpc/8)
	if p.predictor == 2 {
		if p.bpc != 8 {
			return data, nil // rare; leave as is
		}
		for r := 0; r+rowBytes <= len(data); r += rowBytes {
			row := data[r : r+rowBytes]
			for i := bpp; i < len(row); i++ {
				row[i] += row[i-bpp]
			}
		}
		return data, nil
	}
	out := make([]byte, 0, len(data))
	prior := make([]byte, rowBytes)
	for r := 0; r < len(data); r += rowBytes + 1 {
		end := min(r+rowBytes+1, len(data))
		typ, row := data[r], data[r+1:end]
		cur := make([]byte, rowBytes)
		copy(cur, row)
		for i := range cur {
			var left, upLeft byte
			if i >= bpp {
				left, upLeft = cur[i-bpp], prior[i-bpp]
			}
			up := prior[i]
			switch typ {
			case 1:
				cur[i] += left
			case 2:
				cur[i] += up
			case 3:
				cur[i] += byte((int(left) + int(up)) / 2)
			case 4:
				cur[i] += paeth(left, up, upLeft)
			}
		}
		out = append(out, cur[:len(row)]...)
		prior = cur
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// readAllInto is io.ReadAll appending to buf.
func readAllInto(r io.Reader, buf []byte) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err != nil {
			if errors.Is(err, io.EOF) {
				return buf, nil
			}
			return buf, err
		}
	}
}
