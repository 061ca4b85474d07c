package pdfrepair

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"io"
	"slices"
	"sync"

	"github.com/dianres/dianres/internal/pdfsyntax"
)

// errImage means a stream uses a filter Rewrite does not decode: an image
// codec (DCT, JPX, CCITTFax, JBIG2) or an unknown name. The text layer
// needs none of them, so Rewrite replaces such streams with empty ones.
var errImage = errors.New("image or unknown filter")

// budget is what one decode may still produce: the smaller of
// MaxStreamBytes and what is left of MaxTotalBytes, with the name of the
// limit that binds.
type budget struct {
	max int64
	// The limit that binds, made into an error only when hit: a
	// document decodes hundreds of streams and exceeds none.
	name  string
	value int64
}

func (b budget) limit() error { return &LimitError{Name: b.name, Value: b.value} }

// sink collects decoded bytes after buf[:start] and fails once more than
// b.max arrive, so a flate bomb costs at most max bytes and the time to
// inflate them.
type sink struct {
	buf   []byte
	start int
	b     budget
}

func (s *sink) n() int64 { return int64(len(s.buf) - s.start) }

func (s *sink) Write(p []byte) (int, error) {
	if s.n()+int64(len(p)) > s.b.max {
		n := int(s.b.max - s.n())
		s.buf = append(s.buf, p[:n]...)
		return n, s.b.limit()
	}
	s.buf = append(s.buf, p...)
	return len(p), nil
}

func (s *sink) WriteByte(c byte) error {
	if s.n() >= s.b.max {
		return s.b.limit()
	}
	s.buf = append(s.buf, c)
	return nil
}

// ReadFrom reads r straight into the spare capacity of buf, so io.Copy
// needs no buffer of its own.
func (s *sink) ReadFrom(r io.Reader) (int64, error) {
	var total int64
	for {
		if s.n() > s.b.max {
			s.buf = s.buf[:s.start+int(s.b.max)]
			return total, s.b.limit()
		}
		if cap(s.buf)-len(s.buf) < 512 {
			s.buf = slices.Grow(s.buf, max(4096, min(len(s.buf)-s.start, 1<<20)))
		}
		n, err := r.Read(s.buf[len(s.buf):cap(s.buf)])
		s.buf = s.buf[:len(s.buf)+n]
		total += int64(n)
		if s.n() > s.b.max {
			// Whatever err says: a corrupt stream that overflows is cut at
			// the limit as a clean one is, never returned longer.
			s.buf = s.buf[:s.start+int(s.b.max)]
			return total, s.b.limit()
		}
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}

// filters appends the stream's filter names and their parameters, which
// may each be a single value or an array, to names and parms: callers
// pass arrays of their own, as every decode asks.
func filters(hdr dict, names []name, parms []dict) ([]name, []dict) {
	switch f := hdr["Filter"].(type) {
	case name:
		names = append(names, f)
	case array:
		for _, x := range f {
			if n, ok := x.(name); ok {
				names = append(names, n)
			}
		}
	}
	for range names {
		parms = append(parms, nil)
	}
	switch p := hdr["DecodeParms"].(type) {
	case dict:
		if len(parms) > 0 {
			parms[0] = p
		}
	case array:
		for i, x := range p {
			if d, ok := x.(dict); ok && i < len(parms) {
				parms[i] = d
			}
		}
	}
	return names, parms
}

// knownFilter reports the filters Rewrite decodes; it drops the rest.
func knownFilter(f name) bool {
	switch f {
	case "FlateDecode", "Fl", "LZWDecode", "LZW", "ASCIIHexDecode", "AHx",
		"ASCII85Decode", "A85", "RunLengthDecode", "RL", "Crypt":
		return true
	}
	return false
}

// decodeFilters applies the stream's filters in order. Damaged data is
// decoded as far as it goes; only a limit or an image filter is an error.
func decodeFilters(data []byte, hdr dict, b budget) ([]byte, error) {
	return decodeAppend(nil, data, hdr, b)
}

// decodeAppend is decodeFilters appending to dst; the budget counts only
// what is appended. On an error dst may hold part of the output.
func decodeAppend(dst, data []byte, hdr dict, b budget) ([]byte, error) {
	var nb [4]name
	var pb [4]dict
	names, parms := filters(hdr, nb[:0], pb[:0])
	for _, f := range names {
		if !knownFilter(f) {
			return dst, errImage
		}
	}
	for i, f := range names {
		if i == len(names)-1 {
			return decodeOne(dst, f, parms[i], data, b)
		}
		var err error
		if data, err = decodeOne(nil, f, parms[i], data, b); err != nil {
			return dst, err
		}
	}
	if int64(len(data)) > b.max {
		return dst, b.limit()
	}
	return append(dst, data...), nil
}

// decodeOne appends the output of filter f to dst.
func decodeOne(dst []byte, f name, parm dict, data []byte, b budget) ([]byte, error) {
	s := &sink{buf: dst, start: len(dst), b: b}
	var err error
	switch f {
	case "FlateDecode", "Fl":
		err = inflate(s, data)
	case "LZWDecode", "LZW":
		early := int64(1)
		if e, ok := parm["EarlyChange"].(int64); ok {
			early = e
		}
		err = lzwDecode(s, data, early != 0)
	case "ASCIIHexDecode", "AHx":
		err = asciiHexDecode(s, data)
	case "ASCII85Decode", "A85":
		err = ascii85Decode(s, data)
	case "RunLengthDecode", "RL":
		err = runLengthDecode(s, data)
	case "Crypt":
		// The standard handler already decrypted the stream; a /Crypt
		// filter only ever names /Identity in the files we accept.
		_, err = s.Write(data)
	}
	if err != nil {
		return s.buf, err
	}
	if f == "FlateDecode" || f == "Fl" || f == "LZWDecode" || f == "LZW" {
		if intParam(parm, "Predictor", 1, 1, 15) >= 2 {
			out := unpredict(s.buf[s.start:], parm) // a new slice, never longer
			return append(s.buf[:s.start], out...), nil
		}
	}
	return s.buf, nil
}

// inflater is a flate reader kept for reuse (flate.Resetter): a new one
// costs tens of kilobytes of tables.
type inflater struct {
	src bytes.Reader
	fr  io.ReadCloser
}

var inflaters = sync.Pool{New: func() any { return new(inflater) }}

// flateReader returns a raw deflate reader over data. src is a
// ByteReader, so the reader takes no byte past the deflate data.
func (z *inflater) flateReader(data []byte) io.Reader {
	z.src.Reset(data)
	if z.fr == nil {
		z.fr = flate.NewReader(&z.src)
	} else {
		z.fr.(flate.Resetter).Reset(&z.src, nil)
	}
	return z.fr
}

// zlibBody returns where the deflate data of zlib data starts, or -1 if
// zlib.NewReader, given no dictionary, would reject the header (RFC 1950
// §2.2): that one accepts a preset dictionary only when its id is the
// Adler-32 of the empty one, 1.
func zlibBody(data []byte) int {
	if len(data) < 2 {
		return -1
	}
	cmf, flg := data[0], data[1]
	if cmf&0x0f != 8 || cmf>>4 > 7 || (uint16(cmf)<<8|uint16(flg))%31 != 0 {
		return -1
	}
	if flg&0x20 == 0 {
		return 2
	}
	if len(data) < 6 || binary.BigEndian.Uint32(data[2:6]) != 1 {
		return -1
	}
	return 6
}

// inflate decodes zlib data, or raw deflate when the zlib header is bad,
// keeping whatever decoded before any corruption.
//
// The zlib body is read as raw deflate and its Adler-32 trailer is not
// checked: summing every byte costs a few percent of reading a file and
// changes nothing. What decodes is kept whether the trailer matches or
// not; when nothing decodes, a bad trailer would only have sent the
// body to the raw-deflate retry below, which decodes nothing again (the
// same bytes, or, after a preset-dictionary id of 1, a stored block
// whose length check fails).
func inflate(s *sink, data []byte) error {
	z := inflaters.Get().(*inflater)
	defer func() {
		z.src.Reset(nil)
		inflaters.Put(z)
	}()
	body := zlibBody(data)
	r := z.flateReader(data[max(body, 0):])
	// Page content inflates to 3-6 times its size: grow once, not by
	// doubling from nothing.
	if want := min(int64(4*len(data)+1024), s.b.max+1); int64(cap(s.buf)-len(s.buf)) < want {
		s.buf = slices.Grow(s.buf, int(want))
	}
	_, err := s.ReadFrom(r)
	var le *LimitError
	if errors.As(err, &le) {
		return err
	}
	if s.n() == 0 && err != nil && len(data) > 2 {
		// A zlib header that parsed but a body that did not: try the
		// body as raw deflate, as some writers omit the header.
		s.buf = s.buf[:s.start]
		_, err = s.ReadFrom(z.flateReader(data[2:]))
		if errors.As(err, &le) {
			return err
		}
	}
	return nil
}

// lzwDecode decodes PDF LZW (MSB first, 9 to 12 bit codes). early is
// /EarlyChange 1, the default: the code width grows one code early.
//
// Every table entry is an earlier entry plus the first byte of the one
// written after it, so it is a span of the output already written: the
// table holds spans, not copies, and decoding allocates only the table.
func lzwDecode(s *sink, data []byte, early bool) error {
	const clear, eod = 256, 257
	type span struct{ off, n int } // in s.buf, from s.start
	table := make([]span, 258, 4096)
	off := 0
	if early {
		off = 1
	}
	width := 9
	var bits uint32
	nbits := 0
	prev := span{n: 0} // n == 0: no previous entry
	for i := 0; ; {
		for nbits < width && i < len(data) {
			bits = bits<<8 | uint32(data[i])
			nbits += 8
			i++
		}
		if nbits < width {
			return nil
		}
		code := int(bits>>(nbits-width)) & (1<<width - 1)
		nbits -= width
		switch {
		case code == clear:
			table = table[:258]
			width = 9
			prev = span{}
			continue
		case code == eod:
			return nil
		}
		at := len(s.buf) - s.start
		switch {
		case code < clear:
			if err := s.WriteByte(byte(code)); err != nil {
				return err
			}
		case code < len(table):
			e := table[code]
			if _, err := s.Write(s.buf[s.start+e.off : s.start+e.off+e.n]); err != nil {
				return err
			}
		case code == len(table) && prev.n > 0:
			p := s.buf[s.start+prev.off : s.start+prev.off+prev.n]
			if _, err := s.Write(p); err != nil {
				return err
			}
			if err := s.WriteByte(s.buf[s.start+prev.off]); err != nil {
				return err
			}
		default:
			return nil // corrupt: keep what decoded
		}
		if prev.n > 0 && len(table) < 4096 {
			table = append(table, span{prev.off, prev.n + 1})
		}
		prev = span{at, len(s.buf) - s.start - at}
		if len(table)+off >= 1<<width && width < 12 {
			width++
		}
	}
}

func asciiHexDecode(s *sink, data []byte) error {
	var hi byte
	half := false
	for _, c := range data {
		if c == '>' {
			break
		}
		v, ok := pdfsyntax.Unhex(c)
		if !ok {
			continue
		}
		if half {
			if err := s.WriteByte(hi<<4 | v); err != nil {
				return err
			}
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		return s.WriteByte(hi << 4)
	}
	return nil
}

func ascii85Decode(s *sink, data []byte) error {
	data = bytes.TrimPrefix(bytes.TrimLeft(data, "\x00\t\n\f\r "), []byte("<~"))
	var group [5]byte
	n := 0
	flush := func(n int) error {
		for i := n; i < 5; i++ {
			group[i] = 'u'
		}
		var v uint32
		for _, c := range group {
			v = v*85 + uint32(c-'!')
		}
		out := [4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}
		_, err := s.Write(out[:n-1])
		return err
	}
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '~':
			i = len(data)
			continue
		case c == 'z' && n == 0:
			if _, err := s.Write([]byte{0, 0, 0, 0}); err != nil {
				return err
			}
			continue
		case c < '!' || c > 'u':
			continue // white space and junk
		}
		group[n] = c
		n++
		if n == 5 {
			if err := flush(5); err != nil {
				return err
			}
			n = 0
		}
	}
	if n > 1 {
		return flush(n)
	}
	return nil
}

func runLengthDecode(s *sink, data []byte) error {
	for i := 0; i < len(data); {
		l := int(data[i])
		i++
		switch {
		case l < 128:
			end := min(i+l+1, len(data))
			if _, err := s.Write(data[i:end]); err != nil {
				return err
			}
			i = end
		case l > 128:
			if i >= len(data) {
				return nil
			}
			for range 257 - l {
				if err := s.WriteByte(data[i]); err != nil {
					return err
				}
			}
			i++
		default:
			return nil // 128 is end of data
		}
	}
	return nil
}

func intParam(d dict, key name, def, lo, hi int64) int64 {
	v, ok := d[key].(int64)
	if !ok || v < lo || v > hi {
		return def
	}
	return v
}

// unpredict undoes a PNG (10-15) or TIFF (2) predictor. The output is never
// longer than the input, so it needs no budget.
func unpredict(data []byte, parm dict) []byte {
	pred := intParam(parm, "Predictor", 1, 1, 15)
	if pred < 2 {
		return data
	}
	colors := intParam(parm, "Colors", 1, 1, 32)
	bpc := intParam(parm, "BitsPerComponent", 8, 1, 16)
	columns := intParam(parm, "Columns", 1, 1, 1<<24)
	switch bpc {
	case 1, 2, 4, 8, 16:
	default:
		return data
	}
	bitsPerPixel := colors * bpc
	rowLen := int((bitsPerPixel*columns + 7) / 8)
	bpp := int(max(1, bitsPerPixel/8))
	if pred == 2 {
		return tiffUnpredict(data, rowLen, int(colors), int(bpc))
	}
	if pred < 10 {
		return data
	}
	out := make([]byte, 0, len(data))
	prior, cur := make([]byte, rowLen), make([]byte, rowLen) // swapped row by row
	for len(data) > 0 {
		typ := data[0]
		row := data[1:min(len(data), rowLen+1)]
		data = data[len(row)+1:]
		copy(cur, row)
		clear(cur[len(row):])
		for i := range cur {
			var left, up, upLeft byte
			if i >= bpp {
				left, upLeft = cur[i-bpp], prior[i-bpp]
			}
			up = prior[i]
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
		prior, cur = cur, prior
	}
	return out
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

// tiffUnpredict undoes TIFF predictor 2: each component is stored as the
// difference from the same component of the pixel to its left.
func tiffUnpredict(data []byte, rowLen, colors, bpc int) []byte {
	out := bytes.Clone(data)
	mask := uint32(1)<<bpc - 1
	for start := 0; start+rowLen <= len(out); start += rowLen {
		row := out[start : start+rowLen]
		comps := rowLen * 8 / bpc
		comps -= comps % colors
		for i := colors; i < comps; i++ {
			v := (getBits(row, i, bpc) + getBits(row, i-colors, bpc)) & mask
			setBits(row, i, bpc, v)
		}
	}
	return out
}

func getBits(row []byte, i, bpc int) uint32 {
	switch bpc {
	case 8:
		return uint32(row[i])
	case 16:
		return uint32(row[2*i])<<8 | uint32(row[2*i+1])
	}
	bit := i * bpc
	shift := 8 - bpc - bit%8
	return uint32(row[bit/8]>>shift) & (1<<bpc - 1)
}

func setBits(row []byte, i, bpc int, v uint32) {
	switch bpc {
	case 8:
		row[i] = byte(v)
		return
	case 16:
		row[2*i], row[2*i+1] = byte(v>>8), byte(v)
		return
	}
	bit := i * bpc
	shift := 8 - bpc - bit%8
	m := byte(1<<bpc-1) << shift
	row[bit/8] = row[bit/8]&^m | byte(v)<<shift&m
}
