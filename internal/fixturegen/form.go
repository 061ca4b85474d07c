package fixturegen

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
	"strings"
)

// Paper sizes in points.
var (
	A4     = [2]float64{595, 842}
	Letter = [2]float64{612, 792}
)

// A Layout says how a Spec is drawn and how the file is built. The zero
// Layout is the typical two-page A4 form: per-digit boxes off, values
// below labels, Type0 fonts, compressed streams, classic xref.
type Layout struct {
	Paper      [2]float64 // A4 when zero
	OnePage    bool       // table and stamp on page 1
	RotatePage int        // page number (1-based) stored landscape with /Rotate 90; 0 none
	PerDigit   bool       // year, form number, NIT and DV one digit per box
	ValueRight bool       // "4. Número de formulario: 1876…" on one line, no grid
	NoBoxes34  bool       // leave out the empty columns 34–37
	Sep        rune       // thousands separator in the table; ',' when zero
	NoSep      bool       // no thousands separator
	Accents    AccentMode
	LabelFont  FontKind
	ValueFont  FontKind
	Plain      bool   // uncompressed streams
	ObjStreams bool   // object stream + xref stream
	TableForm  bool   // the table drawn inside a Form XObject
	Shuffle    uint64 // seed for shuffling drawing order; 0 keeps natural order
	Invisible  bool   // all text in render mode 3, nothing underneath
	Barcode    bool   // a barcode of rectangles above the form number
	Version    string // PDF header version
	Encrypt    *Encryption
	Content    Filter // filter for content streams (FilterDefault follows Plain)
	NoNumber   bool   // leave box 4 out (an incomplete form)
	NoTable    bool   // leave the table out (an incomplete form)
	AnnotStamp bool   // the reception stamp drawn as a /Stamp annotation's appearance, not page content
	Inherit    bool   // /Resources and /MediaBox only on the /Pages node, inherited by every page
	Image      bool   // a small JPEG Image XObject (/DCTDecode) drawn on page 1
	Hybrid     bool   // hybrid-reference file: classic xref table with /XRefStm
	// Edit, when set, rewrites each text run before it is drawn: tests
	// damage one printed value at a time with it.
	Edit func(string) string
}

// pending is an object whose dictionary names fonts as %F1%/%F2%,
// patched once the fonts are written.
type pending struct {
	num  int
	dict string
}

type renderer struct {
	name   string
	s      *Spec
	l      Layout
	w, h   float64
	label  *font
	value  *font
	pages  []*canvas
	forms  map[int][]*canvas // page index → forms drawn on it
	places map[*canvas][2]float64
	annot  *canvas // the stamp's appearance stream when AnnotStamp
	annotP int     // page index of annot
}

// Render draws s as a PDF file; name seeds the file identifier.
func Render(name string, s *Spec, l Layout, fs *Fonts) []byte {
	if l.Paper == [2]float64{} {
		l.Paper = A4
	}
	if l.Sep == 0 {
		l.Sep = ','
	}
	if l.NoSep {
		l.Sep = 0
	}
	r := &renderer{name: name, s: s, l: l, w: l.Paper[0], h: l.Paper[1], forms: map[int][]*canvas{}, places: map[*canvas][2]float64{}}
	r.label = newFont("F1", l.LabelFont, l.Accents, fs)
	r.value = r.label
	if l.ValueFont != l.LabelFont {
		r.value = newFont("F2", l.ValueFont, l.Accents, fs)
	}
	p1 := r.newPage()
	r.page1(p1)
	p := p1
	y := 250.0
	if !l.OnePage {
		p = r.newPage()
		y = 60
		p.text(r.label, 11, 36, 40, "Autorización numeración de facturación")
		p.text(r.label, 7, r.w-36-r.label.width("Hoja 2", 7), 40, "Hoja 2")
	}
	if !l.NoTable {
		y = r.table(p, len(r.pages)-1, y)
	}
	r.stamp(p, len(r.pages)-1, y+90)
	return r.finish()
}

func (r *renderer) newPage() *canvas {
	c := newCanvas(0, 0, r.h)
	c.invisible = r.l.Invisible
	c.edit = r.l.Edit
	r.pages = append(r.pages, c)
	return c
}

// cell draws a grid cell with its label at the top and value below.
func (r *renderer) cell(c *canvas, x, y, w float64, label, value string, digits bool) {
	const h = 30
	c.rect(x, y, w, h, 0.6)
	c.text(r.label, 6, x+3, y+8, label)
	if digits {
		c.digits(r.value, 9, x+5, y+24, 12, value)
		return
	}
	c.text(r.value, 9, x+5, y+24, value)
}

func (r *renderer) page1(c *canvas) {
	s, l := r.s, r.l
	c.text(r.label, 12, 120, 50, "Autorización numeración de facturación")
	c.text(r.label, 7, 120, 62, "Privado")
	c.text(r.value, 28, 40, 72, "1876")
	if l.Barcode && !l.NoNumber {
		r.barcode(c, r.w-36-200, 56, 200, 30)
	}
	if l.ValueRight {
		r.page1Lines(c)
		return
	}
	r.cell(c, 36, 95, 110, "1. Año", fmt.Sprint(s.Year), l.PerDigit)
	if !l.NoNumber {
		r.cell(c, r.w-36-200, 95, 200, "4. Número de formulario", s.Number, l.PerDigit)
	}
	full := r.w - 72
	r.cell(c, 36, 135, 150, "5. Número de Identificación Tributaria (NIT)", s.NIT, l.PerDigit)
	r.cell(c, 186, 135, 35, "6. DV", s.DV, l.PerDigit)
	rest := (full - 185) / 2
	r.cell(c, 221, 135, rest, "7. Primer apellido", s.Surname1, false)
	r.cell(c, 221+rest, 135, rest, "8. Segundo apellido", s.Surname2, false)
	r.cell(c, 36, 165, full/2, "9. Primer nombre", s.FirstName, false)
	r.cell(c, 36+full/2, 165, full/2, "10. Otros nombres", s.OtherName, false)
	r.cell(c, 36, 195, full-100, "11. Razón social", s.Company, false)
	r.cell(c, 36+full-100, 195, 100, "12. Cód. Dirección Seccional", s.Seccional, false)
}

// page1Lines writes the page-1 boxes as "label: value" lines.
func (r *renderer) page1Lines(c *canvas) {
	s := r.s
	lines := [][2]string{
		{"1. Año", fmt.Sprint(s.Year)},
		{"4. Número de formulario", s.Number},
		{"5. Número de Identificación Tributaria (NIT)", s.NIT},
		{"6. DV", s.DV},
		{"7. Primer apellido", s.Surname1},
		{"8. Segundo apellido", s.Surname2},
		{"9. Primer nombre", s.FirstName},
		{"10. Otros nombres", s.OtherName},
		{"11. Razón social", s.Company},
		{"12. Cód. Dirección Seccional", s.Seccional},
	}
	y := 100.0
	for _, ln := range lines {
		if r.l.NoNumber && strings.HasPrefix(ln[0], "4.") {
			continue
		}
		lab := ln[0] + ":"
		c.text(r.label, 8, 40, y, lab)
		if ln[1] != "" {
			c.text(r.value, 8, 40+r.label.width(lab, 8)+5, y, ln[1])
		}
		c.line(36, y+4, r.w-36, y+4, 0.3)
		y += 14
	}
}

// barcode draws bars whose widths follow the form number's digits.
func (r *renderer) barcode(c *canvas, x, y, w, h float64) {
	sum := sha256.Sum256([]byte(r.s.Number))
	bx := x
	for i := 0; bx < x+w-4; i++ {
		bw := 0.6 + float64(sum[i%32]%4)*0.5
		c.fill(bx, y, bw, h)
		bx += bw + 0.8 + float64(sum[(i+7)%32]%3)*0.4
	}
}

type column struct {
	label string
	w     float64
	cell  func(rw Row) string
}

func (r *renderer) columns() []column {
	sep := r.l.Sep
	cols := []column{
		{"30. Modalidad", 148, func(rw Row) string { return rw.KindLabel }},
		{"", 16, func(rw Row) string { return fmt.Sprint(rw.KindCode) }},
		{"31. Prefijo", 32, func(rw Row) string { return rw.Prefix }},
		{"32. Desde el número", 60, func(rw Row) string { return groupDigits(rw.From, sep) }},
		{"33. Hasta el número", 60, func(rw Row) string { return groupDigits(rw.To, sep) }},
	}
	if !r.l.NoBoxes34 {
		for i := 34; i <= 37; i++ {
			cols = append(cols, column{fmt.Sprintf("%d.", i), 16, func(Row) string { return "" }})
		}
	}
	cols = append(cols, column{"38. Vigencia (meses)", 36, func(rw Row) string { return fmt.Sprint(rw.Months) }})
	printsEnd := false
	for _, rw := range r.s.Rows {
		printsEnd = printsEnd || !rw.EndDate.IsZero()
	}
	if printsEnd {
		cols = append(cols, column{"Fecha de vencimiento", 44, func(rw Row) string { return rw.EndDate.String() }})
	}
	cols = append(cols,
		column{"Tipo de solicitud", 68, func(rw Row) string { return requestText(rw) }},
		column{"", 14, func(rw Row) string { return fmt.Sprint(rw.RequestCode) }},
	)
	return cols
}

func requestText(rw Row) string {
	return requestLabels[rw.Request].label
}

// wrapWords splits label into lines that fit w.
func wrapWords(f *font, size, w float64, label string) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(label) {
		try := strings.TrimSpace(cur + " " + word)
		if cur != "" && f.width(try, size) > w {
			lines = append(lines, cur)
			cur = word
			continue
		}
		cur = try
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// table draws the ranges table at y and returns the y below it.
func (r *renderer) table(page *canvas, pageIdx int, y float64) float64 {
	cols := r.columns()
	x0 := 36.0
	total := 0.0
	for _, col := range cols {
		total += col.w
	}
	const hh, rh = 26.0, 16.0
	height := hh + rh*float64(len(r.s.Rows)) + 14
	c := page
	if r.l.TableForm {
		c = newCanvas(x0, y, height)
		c.edit = r.l.Edit
		c.invisible = r.l.Invisible
		r.forms[pageIdx] = append(r.forms[pageIdx], c)
		r.places[c] = [2]float64{x0, y}
	}
	c.text(r.label, 7, x0, y+8, "Rangos de numeración autorizados")
	ty := y + 14
	x := x0
	for _, col := range cols {
		c.rect(x, ty, col.w, hh, 0.6)
		for i, ln := range wrapWords(r.label, 5.5, col.w-3, col.label) {
			c.text(r.label, 5.5, x+1.5, ty+7+float64(i)*6.5, ln)
		}
		x += col.w
	}
	ry := ty + hh
	for _, rw := range r.s.Rows {
		x = x0
		for _, col := range cols {
			c.rect(x, ry, col.w, rh, 0.4)
			c.text(r.value, 6.5, x+2, ry+10.5, col.cell(rw))
			x += col.w
		}
		ry += rh
	}
	return ry
}

// stampRadius bounds the stamp; the annotation's /BBox is this square.
const stampRadius = 80

// stamp draws DIAN's circular reception stamp centred below y.
func (r *renderer) stamp(page *canvas, pageIdx int, cy float64) {
	cx := r.w - 36 - 80
	c := page
	if r.l.AnnotStamp {
		// Form space has its origin at the stamp's centre, y up, so the
		// /BBox is symmetric and /Rect alone places it.
		c = newCanvas(cx, cy, 0)
		c.edit = r.l.Edit
		c.invisible = r.l.Invisible
		r.annot, r.annotP = c, pageIdx
		r.places[c] = [2]float64{cx, cy}
	}
	c.circle(cx, cy, 72, 1)
	c.circle(cx, cy, 52, 0.5)
	c.arcText(r.label, 7, cx, cy, 58, true, "DIRECCIÓN DE IMPUESTOS Y ADUANAS NACIONALES")
	c.arcText(r.label, 9, cx, cy, 67, false, "DIAN")
	c.text(r.label, 6, cx-r.label.width("Fecha Acuse de Recibo", 6)/2, cy-10, "Fecha Acuse de Recibo")
	st := stampText(r.s.Stamp)
	c.text(r.value, 6, cx-r.value.width(st, 6)/2, cy+1, st)
	c.text(r.label, 6, cx-r.label.width("Firmado", 6)/2, cy+12, "Firmado")
	page.text(r.label, 6, 40, cy+40, "Firma autorizada por la DIAN")
	page.line(40, cy+30, 220, cy+30, 0.5)
}

// finish writes fonts, forms, pages and the catalog.
func (r *renderer) finish() []byte {
	l := r.l
	d := &Doc{}
	var rng *rand.Rand
	if l.Shuffle != 0 {
		rng = rand.New(rand.NewPCG(l.Shuffle, l.Shuffle^0x9e3779b97f4a7c15))
	}
	filter := l.Content
	fontRes := func(c *canvas, extra string) string {
		var b strings.Builder
		b.WriteString("<< /Font << ")
		for _, res := range []string{"F1", "F2"} {
			if c.fonts[res] != nil {
				fmt.Fprintf(&b, "/%s %s ", res, "%"+res+"%")
			}
		}
		b.WriteString(">>" + extra + " >>")
		return b.String()
	}
	pagesNum := d.alloc()
	var deferred []pending // dictionaries that name fonts, patched below
	var kids []string
	inherited := newCanvas(0, 0, 0) // collects the fonts every page uses, for Inherit
	allXObj := ""
	for i, pc := range r.pages {
		xobj := ""
		var pre strings.Builder
		if i == 0 && l.Image {
			xobj += fmt.Sprintf(" /Im1 %d 0 R", d.addStream("/Type /XObject /Subtype /Image /Width 24 /Height 8 /ColorSpace /DeviceRGB /BitsPerComponent 8", logoJPEG(), FilterDCT))
			fmt.Fprintf(&pre, "q 72 0 0 24 %s %s cm /Im1 Do Q\n", num(36), num(r.h-8-24))
		}
		for j, fc := range r.forms[i] {
			name := fmt.Sprintf("Fm%d", j+1)
			h := fc.h
			var tw float64 = r.w - 72
			fn := d.alloc()
			deferred = append(deferred, pending{fn, fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 %s %s] /Resources %s", num(tw), num(h), fontRes(fc, ""))})
			d.setStream(fn, "", fc.content(rng), filter)
			xobj += fmt.Sprintf(" /%s %d 0 R", name, fn)
			at := r.places[fc]
			fmt.Fprintf(&pre, "q 1 0 0 1 %s %s cm /%s Do Q\n", num(at[0]), num(r.h-at[1]-h), name)
			for k, v := range fc.fonts {
				pc.fonts[k] = v
			}
		}
		body := append(pc.content(rng), pre.String()...)
		w, h := r.w, r.h
		rot := ""
		if l.RotatePage == i+1 {
			body = append([]byte(fmt.Sprintf("q 0 1 -1 0 %s 0 cm\n", num(h))), body...)
			body = append(body, "Q\n"...)
			w, h = h, w
			rot = " /Rotate 90"
		}
		cn := d.addStream("", body, filter)
		annots := ""
		if r.annot != nil && r.annotP == i {
			annots = fmt.Sprintf(" /Annots [%d 0 R]", r.stampAnnot(d, fontRes, &deferred))
		}
		pn := d.alloc()
		kids = append(kids, fmt.Sprintf("%d 0 R", pn))
		if l.Inherit {
			allXObj += xobj
			for k, v := range pc.fonts {
				inherited.fonts[k] = v
			}
			box := ""
			if w != r.w {
				box = fmt.Sprintf(" /MediaBox [0 0 %s %s]", num(w), num(h))
			}
			d.set(pn, fmt.Sprintf("<< /Type /Page /Parent %d 0 R%s%s /Contents %d 0 R%s >>", pagesNum, box, rot, cn, annots))
			continue
		}
		if xobj != "" {
			xobj = " /XObject <<" + xobj + " >>"
		}
		deferred = append(deferred, pending{pn, fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s]%s /Resources %s /Contents %d 0 R%s >>",
			pagesNum, num(w), num(h), rot, fontRes(pc, xobj), cn, annots)})
	}
	pages := fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	if l.Inherit {
		if allXObj != "" {
			allXObj = " /XObject <<" + allXObj + " >>"
		}
		pages = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 %s %s] /Resources %s >>",
			strings.Join(kids, " "), len(kids), num(r.w), num(r.h), fontRes(inherited, allXObj))
	}
	deferred = append(deferred, pending{pagesNum, pages})
	// Fonts are written last: only now is every glyph known.
	f1 := r.label.write(d)
	f2 := f1
	if r.value != r.label {
		f2 = r.value.write(d)
	}
	for _, p := range deferred {
		body := strings.ReplaceAll(strings.ReplaceAll(p.dict, "%F1%", fmt.Sprintf("%d 0 R", f1)), "%F2%", fmt.Sprintf("%d 0 R", f2))
		if ob := d.objs[p.num-1]; ob != nil && ob.isStream {
			ob.body = body
			continue
		}
		d.set(p.num, body)
	}
	d.Root = d.add(fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesNum))
	id := sha256.Sum256([]byte(r.name))
	var fid [16]byte
	copy(fid[:], id[:])
	return d.Bytes(WriteOptions{Version: l.Version, Compress: !l.Plain, ObjectStreams: l.ObjStreams, Hybrid: l.Hybrid, Encrypt: l.Encrypt, ID: fid})
}

// stampAnnot writes the stamp canvas as the normal appearance of a
// /Stamp annotation and returns the annotation's object number. The
// /Matrix doubles form space and shifts it; the §12.5.5 mapping of the
// transformed /BBox onto /Rect undoes both, so a reader that applies
// the algorithm draws the stamp exactly where page content would have.
func (r *renderer) stampAnnot(d *Doc, fontRes func(*canvas, string) string, deferred *[]pending) int {
	const rad = stampRadius
	ap := d.alloc()
	*deferred = append(*deferred, pending{ap, fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [%d %d %d %d] /Matrix [2 0 0 2 5 5] /Resources %s",
		-rad, -rad, rad, rad, fontRes(r.annot, ""))})
	d.setStream(ap, "", r.annot.content(nil), r.l.Content)
	at := r.places[r.annot]
	x, y := at[0], r.h-at[1]
	return d.add(fmt.Sprintf("<< /Type /Annot /Subtype /Stamp /Rect [%s %s %s %s] /F 4 /Name /Approved /AP << /N %d 0 R >> >>",
		num(x-rad), num(y-rad), num(x+rad), num(y+rad), ap))
}

// logoJPEG returns a 24×8 JPEG gradient. Go's encoder is deterministic,
// so the fixture bytes are too.
func logoJPEG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 24, 8))
	for y := range 8 {
		for x := range 24 {
			img.Set(x, y, color.RGBA{uint8(x * 10), uint8(y * 30), 160, 255})
		}
	}
	var buf bytes.Buffer
	_ = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}) // a bytes.Buffer never fails
	return buf.Bytes()
}
