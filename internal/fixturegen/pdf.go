package fixturegen

import (
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
)

// A Filter says how a stream's bytes are encoded in the file.
type Filter int

// Stream encodings the writer knows. FilterDefault follows
// [WriteOptions.Compress].
const (
	FilterDefault   Filter = iota
	FilterNone             // raw bytes
	FilterFlate            // /FlateDecode
	FilterLZW              // /LZWDecode, EarlyChange 1 (the PDF default)
	FilterRunLength        // /RunLengthDecode
	FilterASCII85          // /ASCII85Decode over /FlateDecode
	FilterASCIIHex         // /ASCIIHexDecode
	FilterPredictor        // /FlateDecode with a PNG Up predictor
	FilterTIFF             // /FlateDecode with the TIFF predictor (/Predictor 2)
	FilterDCT              // data already JPEG: written as is with /DCTDecode
)

// object is one indirect object: a dictionary (or any value) and, for
// streams, its unencoded data.
type object struct {
	body     string // the value; for streams the dictionary's inner entries
	isStream bool
	data     []byte
	filter   Filter
}

// A Doc collects indirect objects and writes them as a PDF file.
type Doc struct {
	objs []*object // objs[i] is object number i+1
	Root int
}

// alloc reserves an object number, to be filled with set or setStream.
func (d *Doc) alloc() int {
	d.objs = append(d.objs, nil)
	return len(d.objs)
}

func (d *Doc) set(n int, body string) { d.objs[n-1] = &object{body: body} }

// setStream stores a stream; dict holds its entries other than /Length
// and /Filter, e.g. "/Type /XObject /Subtype /Form".
func (d *Doc) setStream(n int, dict string, data []byte, f Filter) {
	d.objs[n-1] = &object{body: dict, isStream: true, data: data, filter: f}
}

func (d *Doc) add(body string) int {
	n := d.alloc()
	d.set(n, body)
	return n
}

func (d *Doc) addStream(dict string, data []byte, f Filter) int {
	n := d.alloc()
	d.setStream(n, dict, data, f)
	return n
}

// WriteOptions choose the file structure.
type WriteOptions struct {
	Version       string      // header version, "1.4" when empty
	Compress      bool        // encode FilterDefault streams with Flate
	ObjectStreams bool        // put non-stream objects in an object stream and write an xref stream
	Hybrid        bool        // hybrid-reference file: classic table plus /XRefStm for objects in an object stream
	Encrypt       *Encryption // nil: not encrypted
	ID            [16]byte    // the file identifier; fixed for deterministic output
}

// encodeStream returns the encoded bytes and the /Filter (and
// /DecodeParms) entries for them.
func encodeStream(data []byte, f Filter, compress bool) ([]byte, string) {
	if f == FilterDefault {
		f = FilterNone
		if compress {
			f = FilterFlate
		}
	}
	switch f {
	case FilterFlate:
		return flate(data), " /Filter /FlateDecode"
	case FilterLZW:
		return lzwEncode(data), " /Filter /LZWDecode"
	case FilterRunLength:
		return runLength(data), " /Filter /RunLengthDecode"
	case FilterASCII85:
		z := flate(data)
		buf := make([]byte, ascii85.MaxEncodedLen(len(z)))
		n := ascii85.Encode(buf, z)
		return append(wrap(buf[:n], 72), "~>"...), " /Filter [/ASCII85Decode /FlateDecode]"
	case FilterASCIIHex:
		h := []byte(strings.ToUpper(hex.EncodeToString(data)))
		return append(wrap(h, 64), '>'), " /Filter /ASCIIHexDecode"
	case FilterPredictor:
		const cols = 16
		var rows []byte
		for i := 0; i < len(data); i += cols {
			row := make([]byte, cols)
			copy(row, data[i:min(i+cols, len(data))])
			rows = append(rows, 2) // PNG "Up"
			for j := range cols {
				var up byte
				if i >= cols {
					up = paddedAt(data, i-cols+j)
				}
				rows = append(rows, row[j]-up)
			}
		}
		// A predictor pads the last row; trailing NULs are harmless in a
		// content stream, which is where this filter is used.
		return flate(rows), fmt.Sprintf(" /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns %d >>", cols)
	case FilterTIFF:
		const cols = 16
		// The last row is padded with spaces, not NULs: TIFF differences
		// of zero would repeat the last byte, while spaces decode to
		// trailing whitespace, which content streams ignore.
		padded := append([]byte(nil), data...)
		for len(padded)%cols != 0 {
			padded = append(padded, ' ')
		}
		diff := make([]byte, len(padded))
		for i, b := range padded {
			if i%cols == 0 {
				diff[i] = b
				continue
			}
			diff[i] = b - padded[i-1]
		}
		return flate(diff), fmt.Sprintf(" /Filter /FlateDecode /DecodeParms << /Predictor 2 /Colors 1 /BitsPerComponent 8 /Columns %d >>", cols)
	case FilterDCT:
		return data, " /Filter /DCTDecode"
	}
	return data, ""
}

func paddedAt(b []byte, i int) byte {
	if i < len(b) {
		return b[i]
	}
	return 0
}

func wrap(b []byte, width int) []byte {
	var out []byte
	for i := 0; i < len(b); i += width {
		out = append(out, b[i:min(i+width, len(b))]...)
		out = append(out, '\n')
	}
	return out
}

func flate(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := zlib.NewWriterLevel(&buf, zlib.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// lzwEncode writes valid LZW with 9-bit codes only: every byte is a
// literal and a clear code comes before the table would need 10 bits.
// Decoders with EarlyChange 1 or 0 both read it.
func lzwEncode(b []byte) []byte {
	var out []byte
	var acc uint32
	var nbits uint
	put := func(code uint32) {
		acc = acc<<9 | code
		nbits += 9
		for nbits >= 8 {
			out = append(out, byte(acc>>(nbits-8)))
			nbits -= 8
		}
	}
	put(256)
	n := 0
	for _, c := range b {
		if n == 250 {
			put(256)
			n = 0
		}
		put(uint32(c))
		n++
	}
	put(257)
	if nbits > 0 {
		out = append(out, byte(acc<<(8-nbits)))
	}
	return out
}

func runLength(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); {
		j := i + 1
		for j < len(b) && j-i < 128 && b[j] == b[i] {
			j++
		}
		if j-i >= 3 {
			out = append(out, byte(257-(j-i)), b[i])
			i = j
			continue
		}
		j = i
		for j < len(b) && j-i < 128 && !(j+2 < len(b) && b[j] == b[j+1] && b[j] == b[j+2]) {
			j++
		}
		out = append(out, byte(j-i-1))
		out = append(out, b[i:j]...)
		i = j
	}
	return append(out, 128)
}

// Bytes writes the document.
func (d *Doc) Bytes(o WriteOptions) []byte {
	ver := o.Version
	if ver == "" {
		ver = "1.4"
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", ver)
	idHex := strings.ToUpper(hex.EncodeToString(o.ID[:]))
	objs := d.objs
	encNum := 0
	if o.Encrypt != nil {
		o.Encrypt.setup(o.ID[:])
		objs = append(objs[:len(objs):len(objs)], &object{body: o.Encrypt.dict()})
		encNum = len(objs)
	}
	if o.ObjectStreams && o.Encrypt == nil {
		return d.writeObjStm(&buf, o, idHex)
	}
	if o.Hybrid && o.Encrypt == nil {
		return d.writeHybrid(&buf, o, idHex)
	}
	offsets := make([]int, len(objs))
	for i, ob := range objs {
		num := i + 1
		offsets[i] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n", num)
		if !ob.isStream {
			buf.WriteString(ob.body)
			buf.WriteString("\nendobj\n")
			continue
		}
		data, filt := encodeStream(ob.data, ob.filter, o.Compress)
		if o.Encrypt != nil && num != encNum {
			data = o.Encrypt.encrypt(num, data)
		}
		fmt.Fprintf(&buf, "<< %s /Length %d%s >>\nstream\n", ob.body, len(data), filt)
		buf.Write(data)
		buf.WriteString("\nendstream\nendobj\n")
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root %d 0 R /ID [<%s> <%s>]", len(objs)+1, d.Root, idHex, idHex)
	if encNum != 0 {
		fmt.Fprintf(&buf, " /Encrypt %d 0 R", encNum)
	}
	fmt.Fprintf(&buf, " >>\nstartxref\n%d\n%%%%EOF\n", xref)
	return buf.Bytes()
}

// writeObjStm writes streams as plain objects, every other object inside
// one object stream, and a cross-reference stream.
func (d *Doc) writeObjStm(buf *bytes.Buffer, o WriteOptions, idHex string) []byte {
	type loc struct{ typ, a, b int }
	locs := make([]loc, len(d.objs)+3)
	stmNum := len(d.objs) + 1
	xrefNum := len(d.objs) + 2
	var hdr, body bytes.Buffer
	idx := 0
	for i, ob := range d.objs {
		num := i + 1
		if ob.isStream {
			locs[num] = loc{1, buf.Len(), 0}
			data, filt := encodeStream(ob.data, ob.filter, o.Compress)
			fmt.Fprintf(buf, "%d 0 obj\n<< %s /Length %d%s >>\nstream\n", num, ob.body, len(data), filt)
			buf.Write(data)
			buf.WriteString("\nendstream\nendobj\n")
			continue
		}
		fmt.Fprintf(&hdr, "%d %d ", num, body.Len())
		body.WriteString(ob.body)
		body.WriteString("\n")
		locs[num] = loc{2, stmNum, idx}
		idx++
	}
	stm := append(hdr.Bytes(), body.Bytes()...)
	z := flate(stm)
	locs[stmNum] = loc{1, buf.Len(), 0}
	fmt.Fprintf(buf, "%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Length %d /Filter /FlateDecode >>\nstream\n", stmNum, idx, hdr.Len(), len(z))
	buf.Write(z)
	buf.WriteString("\nendstream\nendobj\n")
	locs[xrefNum] = loc{1, buf.Len(), 0}
	var rows []byte
	for num := range xrefNum + 1 {
		l := locs[num]
		if num == 0 {
			l = loc{0, 0, 65535}
		}
		rows = append(rows, byte(l.typ), byte(l.a>>24), byte(l.a>>16), byte(l.a>>8), byte(l.a), byte(l.b>>8), byte(l.b))
	}
	zr := flate(rows)
	fmt.Fprintf(buf, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /ID [<%s> <%s>] /Length %d /Filter /FlateDecode >>\nstream\n",
		xrefNum, xrefNum+1, d.Root, idHex, idHex, len(zr))
	buf.Write(zr)
	fmt.Fprintf(buf, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", locs[xrefNum].a)
	return buf.Bytes()
}

// writeHybrid writes a hybrid-reference file (PDF 32000 §7.5.8.4): the
// catalog and every stream are classic objects in a classic xref table;
// the other objects sit in an object stream that only the xref stream
// named by the trailer's /XRefStm lists, so a reader that skips
// /XRefStm finds no pages or fonts.
func (d *Doc) writeHybrid(buf *bytes.Buffer, o WriteOptions, idHex string) []byte {
	stmNum := len(d.objs) + 1
	xrefNum := len(d.objs) + 2
	offsets := make([]int, xrefNum+1)
	var hidden []int
	var hdr, body bytes.Buffer
	for i, ob := range d.objs {
		num := i + 1
		if !ob.isStream && num != d.Root {
			fmt.Fprintf(&hdr, "%d %d ", num, body.Len())
			body.WriteString(ob.body)
			body.WriteString("\n")
			hidden = append(hidden, num)
			continue
		}
		offsets[num] = buf.Len()
		if !ob.isStream {
			fmt.Fprintf(buf, "%d 0 obj\n%s\nendobj\n", num, ob.body)
			continue
		}
		data, filt := encodeStream(ob.data, ob.filter, o.Compress)
		fmt.Fprintf(buf, "%d 0 obj\n<< %s /Length %d%s >>\nstream\n", num, ob.body, len(data), filt)
		buf.Write(data)
		buf.WriteString("\nendstream\nendobj\n")
	}
	z := flate(append(hdr.Bytes(), body.Bytes()...))
	offsets[stmNum] = buf.Len()
	fmt.Fprintf(buf, "%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Length %d /Filter /FlateDecode >>\nstream\n", stmNum, len(hidden), hdr.Len(), len(z))
	buf.Write(z)
	buf.WriteString("\nendstream\nendobj\n")

	var rows []byte
	for i := range hidden {
		rows = append(rows, 2, byte(stmNum>>24), byte(stmNum>>16), byte(stmNum>>8), byte(stmNum), byte(i>>8), byte(i))
	}
	var index strings.Builder
	for _, run := range runs(hidden) {
		fmt.Fprintf(&index, "%d %d ", run[0], run[1])
	}
	zr := flate(rows)
	offsets[xrefNum] = buf.Len()
	fmt.Fprintf(buf, "%d 0 obj\n<< /Type /XRef /Size %d /Index [%s] /W [1 4 2] /Length %d /Filter /FlateDecode >>\nstream\n",
		xrefNum, xrefNum+1, strings.TrimSpace(index.String()), len(zr))
	buf.Write(zr)
	buf.WriteString("\nendstream\nendobj\n")

	// The classic table has subsections for the classic objects only:
	// the hidden ones are absent, not free, so the xref stream supplies them.
	var classic []int
	for num := 0; num <= xrefNum; num++ {
		if num == 0 || offsets[num] != 0 {
			classic = append(classic, num)
		}
	}
	xref := buf.Len()
	buf.WriteString("xref\n")
	for _, run := range runs(classic) {
		fmt.Fprintf(buf, "%d %d\n", run[0], run[1])
		for num := run[0]; num < run[0]+run[1]; num++ {
			if num == 0 {
				buf.WriteString("0000000000 65535 f \n")
				continue
			}
			fmt.Fprintf(buf, "%010d 00000 n \n", offsets[num])
		}
	}
	fmt.Fprintf(buf, "trailer\n<< /Size %d /Root %d 0 R /ID [<%s> <%s>] /XRefStm %d >>\nstartxref\n%d\n%%%%EOF\n",
		xrefNum+1, d.Root, idHex, idHex, offsets[xrefNum], xref)
	return buf.Bytes()
}

// runs groups ascending object numbers into [first, count] subsections.
func runs(nums []int) [][2]int {
	var out [][2]int
	for _, n := range nums {
		if k := len(out); k > 0 && out[k-1][0]+out[k-1][1] == n {
			out[k-1][1]++
			continue
		}
		out = append(out, [2]int{n, 1})
	}
	return out
}

// sortedKeys returns m's keys in order, for deterministic output.
func sortedKeys[V any](m map[uint16]V) []uint16 {
	keys := make([]uint16, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}
