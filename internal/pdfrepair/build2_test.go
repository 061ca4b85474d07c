package pdfrepair

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
)

// stmDoc builds the test document with objects 1, 2, 3, 5 and 6 inside
// object streams and a cross-reference stream (PDF 1.5).
type stmDoc struct {
	extendsCycle bool // two object streams whose /Extends point at each other
	hybrid       bool // a classic table with /XRefStm, as Acrobat writes for old readers
	deep         bool // the Info dictionary, inside the object stream, nested far too deep
}

func (s stmDoc) build(t testing.TB) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	objs := baseObjects(nil, "")
	body := map[int]string{}
	for _, o := range objs {
		body[o.num] = o.body
	}
	body[6] = "<< /Producer (dianres test) /Title (Resolucion 1876) >>"
	if s.deep {
		body[6] = "<< /Deep " + nested(1<<16) + " >>"
	}
	type loc struct{ stm, idx int }
	where := map[int]loc{}
	offs := map[int]int{}

	offs[4] = b.Len()
	fc := flateBytes(t, []byte(content))
	fmt.Fprintf(&b, "4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream\nendobj\n", len(fc), fc)

	groups := map[int][]int{7: {1, 2, 3, 5, 6}}
	if s.extendsCycle {
		groups = map[int][]int{7: {1, 2, 3}, 9: {5, 6}}
	}
	for _, sn := range []int{7, 9} {
		nums, ok := groups[sn]
		if !ok {
			continue
		}
		var hdr, objData strings.Builder
		for i, n := range nums {
			fmt.Fprintf(&hdr, "%d %d ", n, objData.Len())
			objData.WriteString(body[n] + "\n")
			where[n] = loc{sn, i}
		}
		data := hdr.String() + objData.String()
		fd := flateBytes(t, []byte(data))
		ext := ""
		if s.extendsCycle {
			ext = fmt.Sprintf(" /Extends %d 0 R", 16-sn) // 7 ↔ 9
		}
		offs[sn] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Length %d /Filter /FlateDecode%s >>\nstream\n%s\nendstream\nendobj\n",
			sn, len(nums), hdr.Len(), len(fd), ext, fd)
	}
	const size = 10
	xrefNum := 8
	offs[xrefNum] = b.Len()
	var rows bytes.Buffer
	for n := 0; n < size; n++ {
		switch l, ok := where[n]; {
		case ok:
			rows.WriteByte(2)
			rows.Write(binary.BigEndian.AppendUint32(nil, uint32(l.stm)))
			rows.Write(binary.BigEndian.AppendUint16(nil, uint16(l.idx)))
		case offs[n] > 0:
			rows.WriteByte(1)
			rows.Write(binary.BigEndian.AppendUint32(nil, uint32(offs[n])))
			rows.Write([]byte{0, 0})
		default:
			rows.Write([]byte{0, 0, 0, 0, 0, 0xff, 0xff})
		}
	}
	// PNG Up predictor on the rows, as most writers do.
	var pred bytes.Buffer
	prev := make([]byte, 7)
	r := rows.Bytes()
	for i := 0; i+7 <= len(r); i += 7 {
		pred.WriteByte(2)
		for j := range 7 {
			pred.WriteByte(r[i+j] - prev[j])
		}
		prev = r[i : i+7]
	}
	fx := flateBytes(t, pred.Bytes())
	fmt.Fprintf(&b, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Info 6 0 R /ID [<%x> <%x>] /Filter /FlateDecode"+
		" /DecodeParms << /Predictor 12 /Columns 7 >> /Length %d >>\nstream\n%s\nendstream\nendobj\n",
		xrefNum, size, testID, testID, len(fx), fx)
	start := offs[xrefNum]
	if s.hybrid {
		// The table lists only the direct objects; the rest are in the
		// stream named by /XRefStm.
		start = b.Len()
		fmt.Fprintf(&b, "xref\n0 1\n0000000000 65535 f\r\n4 1\n%010d 00000 n\r\n7 1\n%010d 00000 n\r\n", offs[4], offs[7])
		fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R /XRefStm %d >>\n", size, offs[xrefNum])
	}
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", start)
	return b.Bytes()
}

// incremental appends an update that replaces page content object 4 and
// adds a classic xref section with /Prev; prevOff -1 makes /Prev point at
// the new section itself.
func incremental(t testing.TB, base []byte, newContent string, prevOff int) []byte {
	b := bytes.NewBuffer(bytes.Clone(base))
	off := b.Len()
	fmt.Fprintf(b, "4 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n", len(newContent), newContent)
	x := b.Len()
	if prevOff < 0 {
		prevOff = x
	}
	fmt.Fprintf(b, "xref\n0 1\n0000000000 65535 f\r\n4 1\n%010d 00000 n\r\ntrailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n",
		off, prevOff, x)
	return b.Bytes()
}

// lastStartxref returns the offset the last startxref names.
func lastStartxref(t testing.TB, b []byte) int {
	off, err := startxref(b)
	if err != nil {
		t.Fatal(err)
	}
	return int(off)
}

// linearized builds the test document laid out as a linearized file: a
// linearization dictionary and a first-page xref section at the top whose
// /Prev names the main section at the end, and the final startxref
// pointing back at the top.
func linearized(t testing.TB) []byte {
	const hdr = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
	var body bytes.Buffer
	rel := map[int]int{}
	for _, o := range baseObjects([]byte(content), "") {
		rel[o.num] = body.Len()
		if o.stream != nil {
			fmt.Fprintf(&body, "%d 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n", o.num, len(o.stream), o.stream)
			continue
		}
		b := strings.TrimSuffix(o.body, ">>")
		for k, v := range o.strs {
			b += fmt.Sprintf(" /%s (%s)", k, v)
		}
		fmt.Fprintf(&body, "%d 0 obj\n%s>>\nendobj\n", o.num, b)
	}
	head := func(total, mainX, bodyStart int) (string, int) {
		lin := fmt.Sprintf("7 0 obj\n<< /Linearized 1 /L %010d /O 3 /N 1 /T %010d >>\nendobj\n", total, mainX)
		x := len(hdr) + len(lin)
		s := hdr + lin + "xref\n1 1\n" + fmt.Sprintf("%010d 00000 n\r\n", bodyStart+rel[1]) +
			"3 3\n" + fmt.Sprintf("%010d 00000 n\r\n%010d 00000 n\r\n%010d 00000 n\r\n", bodyStart+rel[3], bodyStart+rel[4], bodyStart+rel[5]) +
			"7 1\n" + fmt.Sprintf("%010d 00000 n\r\n", len(hdr)) +
			fmt.Sprintf("trailer\n<< /Size 8 /Root 1 0 R /Info 6 0 R /ID [<%x> <%x>] /Prev %010d >>\nstartxref\n0\n%%%%EOF\n", testID, testID, mainX)
		return s, x
	}
	probe, _ := head(0, 0, 0)
	bodyStart := len(probe)
	mainX := bodyStart + body.Len()
	tail := func(firstX int) string {
		return fmt.Sprintf("xref\n0 1\n0000000000 65535 f\r\n2 1\n%010d 00000 n\r\n6 1\n%010d 00000 n\r\ntrailer\n<< /Size 7 >>\nstartxref\n%d\n%%%%EOF\n",
			bodyStart+rel[2], bodyStart+rel[6], firstX)
	}
	_, firstX := head(0, mainX, bodyStart)
	total := mainX + len(tail(firstX))
	h, _ := head(total, mainX, bodyStart)
	return []byte(h + body.String() + tail(firstX))
}
