package pdfrepair

import (
	"bytes"
	"encoding/ascii85"
	"encoding/hex"
)

// Encoders for the filters Rewrite decodes: the tests' writer side.

type bitWriter struct {
	out   []byte
	acc   uint32
	nbits int
}

func (w *bitWriter) write(code, width int) {
	w.acc = w.acc<<width | uint32(code)
	w.nbits += width
	for w.nbits >= 8 {
		w.out = append(w.out, byte(w.acc>>(w.nbits-8)))
		w.nbits -= 8
	}
}

func (w *bitWriter) flush() []byte {
	if w.nbits > 0 {
		w.out = append(w.out, byte(w.acc<<(8-w.nbits)))
	}
	return w.out
}

// lzwEncode writes PDF LZW for inputs short enough to need no clear code
// after the first.
func lzwEncode(data []byte, early bool) []byte {
	var w bitWriter
	width := 9
	off := 0
	if early {
		off = 1
	}
	dict := map[string]int{}
	for i := range 256 {
		dict[string(rune(i))] = i
	}
	code := func(s string) int {
		if len(s) == 1 {
			return int(s[0])
		}
		return dict[s]
	}
	next := 258
	decSize := 258 // the decoder's table size, one entry behind ours
	emitted := 0
	emit := func(c int) {
		w.write(c, width)
		emitted++
		if emitted >= 2 {
			decSize++
		}
		if decSize+off >= 1<<width && width < 12 {
			width++
		}
	}
	w.write(256, width)
	cur := ""
	for _, c := range data {
		s := cur + string([]byte{c})
		if _, ok := dict[s]; ok || len(s) == 1 {
			cur = s
			continue
		}
		emit(code(cur))
		dict[s] = next
		next++
		cur = string([]byte{c})
	}
	if cur != "" {
		emit(code(cur))
	}
	w.write(257, width)
	return w.flush()
}

func runLengthEncode(data []byte) []byte {
	var out []byte
	for i := 0; i < len(data); {
		j := i
		for j < len(data) && data[j] == data[i] && j-i < 128 {
			j++
		}
		if j-i >= 3 {
			out = append(out, byte(257-(j-i)), data[i])
			i = j
			continue
		}
		j = min(i+128, len(data))
		for k := i; k+2 < j; k++ {
			if data[k] == data[k+1] && data[k] == data[k+2] {
				j = k
				break
			}
		}
		if j == i {
			j = i + 1
		}
		out = append(out, byte(j-i-1))
		out = append(out, data[i:j]...)
		i = j
	}
	return append(out, 128)
}

func asciiHexEncode(data []byte) []byte {
	return []byte(hex.EncodeToString(data) + "\n>")
}

func ascii85Encode(data []byte) []byte {
	out := make([]byte, ascii85.MaxEncodedLen(len(data)))
	n := ascii85.Encode(out, data)
	return append(out[:n], "~>"...)
}

// pngPredict encodes rows of rowLen bytes with PNG filter types; typ(row)
// picks the type of each row (0 None to 4 Paeth).
func pngPredict(data []byte, rowLen, bpp int, typ func(row int) byte) []byte {
	var out []byte
	prior := make([]byte, rowLen)
	for r := 0; len(data) > 0; r++ {
		row := make([]byte, rowLen)
		n := copy(row, data[:min(rowLen, len(data))])
		data = data[n:]
		t := typ(r)
		out = append(out, t)
		for i := range n {
			var left, up, upLeft byte
			if i >= bpp {
				left, upLeft = row[i-bpp], prior[i-bpp]
			}
			up = prior[i]
			var p byte
			switch t {
			case 1:
				p = left
			case 2:
				p = up
			case 3:
				p = byte((int(left) + int(up)) / 2)
			case 4:
				p = paeth(left, up, upLeft)
			}
			out = append(out, row[i]-p)
		}
		prior = row
	}
	return out
}

// tiffPredict encodes TIFF predictor 2 (whole rows only).
func tiffPredict(data []byte, rowLen, colors, bpc int) []byte {
	out := bytes.Clone(data)
	mask := uint32(1)<<bpc - 1
	for start := 0; start+rowLen <= len(out); start += rowLen {
		row := out[start : start+rowLen]
		comps := rowLen * 8 / bpc
		comps -= comps % colors
		for i := comps - 1; i >= colors; i-- {
			setBits(row, i, bpc, (getBits(row, i, bpc)-getBits(row, i-colors, bpc))&mask)
		}
	}
	return out
}
