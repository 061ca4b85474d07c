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
