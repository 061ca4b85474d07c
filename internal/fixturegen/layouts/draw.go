package layouts

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"

	"github.com/dianres/dianres/internal/fixturegen"
)

// surface is what the drawing code needs from a producer: our PDF writer
// (writerSurface) or PostScript for Ghostscript (psSurface). Coordinates
// are points, top-left origin, y down; text is placed by its baseline.
type surface interface {
	size() (w, h float64)
	addPage()
	width(f fixturegen.Face, size float64, s string) float64
	text(page int, f fixturegen.Face, size, x, y, deg float64, s string)
	rect(page int, x, y, w, h, lw float64)
	line(page int, x1, y1, x2, y2, lw float64)
	circle(page int, cx, cy, r, lw float64)
}

const (
	label = fixturegen.LabelFace
	value = fixturegen.ValueFace
)

// drawer lays out one document on a surface. Everything it decides at
// random comes from rng, seeded by the layout, so both producers draw
// the same document the same way.
type drawer struct {
	s      surface
	l      Layout
	d      *Data
	rng    *rand.Rand
	w, h   float64
	margin float64
	page   int // current page, 0-based
	pages  int
	y      float64
	// captionAt holds captions and furniture placed beside values; they
	// are drawn last, when the page count is known.
	captionAt []caption
}

// A caption is text placed on a value's line that belongs to no box.
type caption struct {
	page int
	x, y float64
	text string // may hold one %d: the page count
}

// draw draws d with layout l on s.
func draw(s surface, l Layout, d *Data) {
	w, h := s.size()
	dr := &drawer{s: s, l: l, d: d, rng: rand.New(rand.NewPCG(l.Seed, 0x5eed)), w: w, h: h, margin: 36}
	dr.newPage()
	dr.header()
	dr.boxes()
	if l.TableNewPage {
		dr.newPage()
		dr.y = dr.margin + 20
	} else {
		dr.y += 24
	}
	dr.table()
	if l.StampOwnPage {
		dr.newPage()
		dr.y = dr.margin + 40
	}
	dr.stamp()
	dr.furniture()
}

func (dr *drawer) newPage() {
	dr.s.addPage()
	dr.page = dr.pages
	dr.pages++
	dr.y = dr.margin
}

// bottom is the lowest baseline content may use on a page.
func (dr *drawer) bottom() float64 { return dr.h - dr.margin - 20 }

// labelWords are the ways a form may word each box's label; the first is
// docs/form-1876.md's.
var labelWords = map[int][]string{
	1:  {"Año", "Año de la solicitud"},
	4:  {"Número de formulario", "No. de formulario", "Formulario No.", "Número del formulario", "Nro. formulario"},
	5:  {"Número de Identificación Tributaria (NIT)", "NIT", "Número de identificación tributaria", "N.I.T.", "Identificación tributaria (NIT)"},
	6:  {"DV", "D.V.", "Dígito de verificación", "DV."},
	7:  {"Primer apellido", "1er. apellido", "Primer Apellido"},
	8:  {"Segundo apellido", "2do. apellido", "Segundo Apellido"},
	9:  {"Primer nombre", "Nombre", "Primer Nombre"},
	10: {"Otros nombres", "Otros Nombres", "Segundo nombre"},
	11: {"Razón social", "Razón Social", "Nombre o razón social", "Razón social del solicitante"},
	12: {"Cód. Dirección Seccional", "Código Dirección Seccional", "Dirección seccional"},
	30: {"Modalidad", "Modalidad de facturación", "Tipo de documento"},
	31: {"Prefijo", "Prefijo autorizado"},
	32: {"Desde el número", "Desde", "Rango desde", "Número inicial"},
	33: {"Hasta el número", "Hasta", "Rango hasta", "Número final"},
	34: {"Total"},
	35: {"Utilizados"},
	36: {"Disponibles"},
	37: {"Anulados"},
	38: {"Vigencia (meses)", "Vigencia", "Meses de vigencia", "Vigencia en meses"},
	0:  {"Tipo de solicitud", "Solicitud", "Tipo solicitud"},
}

// stripAccents drops the accents of the letters the form uses.
func stripAccents(s string) string {
	return strings.Map(func(r rune) rune {
		if i := strings.IndexRune("ÁÉÍÓÚÜáéíóúü", r); i >= 0 {
			return []rune("AEIOUUaeiouu")[i/2]
		}
		return r
	}, s)
}

// label returns box's label as this layout prints it: wording, box
// number, case, accents and colon. Box 0 is the request-type column,
// which has no number.
func (dr *drawer) label(box int) string {
	words := labelWords[box]
	s := words[0]
	if dr.rng.IntN(3) > 0 { // docs/form-1876.md's wording is the most common
		s = pick(dr.rng, words...)
	}
	if box >= 34 && box <= 37 && dr.l.Numbering != NumNone {
		// What boxes 34–37 hold is not known (docs/form-1876.md §2): a numbered
		// form prints only their numbers.
		s = ""
	}
	if box > 0 {
		switch dr.l.Numbering {
		case NumBefore:
			s = strings.TrimSpace(fmt.Sprintf(pick(dr.rng, "%d. %s", "%d %s"), box, s))
		case NumAfter:
			s = strings.TrimSpace(fmt.Sprintf("%s (%d)", s, box))
		}
	}
	return dr.style(s, dr.l.Colon && box >= 1 && box < 30)
}

// style applies the layout's case and accents to printed text other
// than values.
func (dr *drawer) style(s string, colon bool) string {
	switch dr.l.Case {
	case Upper:
		s = strings.ToUpper(s)
	case Lower:
		s = strings.ToLower(s)
	}
	if dr.l.NoAccents {
		s = stripAccents(s)
	}
	if colon {
		s += ":"
	}
	return s
}

// wrap splits s into lines no wider than w; a word wider than w gets a
// line of its own.
func (dr *drawer) wrap(f fixturegen.Face, size, w float64, s string) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		try := strings.TrimSpace(cur + " " + word)
		if cur != "" && dr.s.width(f, size, try) > w {
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

// wrapTo wraps s into at most n lines, as evenly as greedy wrapping
// allows: the narrowest width that still gives n lines or fewer.
func (dr *drawer) wrapTo(f fixturegen.Face, size float64, n int, s string) []string {
	full := dr.s.width(f, size, s)
	if n <= 1 || len(strings.Fields(s)) < 2 {
		return []string{s}
	}
	for w := full / float64(n); w < full; w += 2 {
		if lines := dr.wrap(f, size, w, s); len(lines) <= n {
			return lines
		}
	}
	return []string{s}
}

func (dr *drawer) maxWidth(f fixturegen.Face, size float64, lines []string) float64 {
	m := 0.0
	for _, ln := range lines {
		m = max(m, dr.s.width(f, size, ln))
	}
	return m
}

// A field is one page-1 box: its label lines and its value.
type field struct {
	box    int
	lines  []string
	val    string
	spaced bool // drawn one glyph per box
	align  Align
}

// pitch is the advance of one glyph box of a letter-spaced value.
func (dr *drawer) pitch() float64 { return dr.l.ValueSize * 1.25 }

func (dr *drawer) valueWidth(f field) float64 {
	if f.spaced {
		return float64(len([]rune(f.val))) * dr.pitch()
	}
	return dr.s.width(value, dr.l.ValueSize, f.val)
}

// drawValue draws a value starting at x on baseline y.
func (dr *drawer) drawValue(f field, x, y float64) {
	if f.val == "" {
		return
	}
	if !f.spaced {
		dr.s.text(dr.page, value, dr.l.ValueSize, x, y, 0, f.val)
		return
	}
	p := dr.pitch()
	for i, r := range []rune(f.val) {
		bx := x + float64(i)*p
		if dr.l.SpacedBox {
			dr.s.rect(dr.page, bx, y-dr.l.ValueSize-1, p, dr.l.ValueSize+4, 0.3)
		}
		g := string(r)
		dr.s.text(dr.page, value, dr.l.ValueSize, bx+(p-dr.s.width(value, dr.l.ValueSize, g))/2, y, 0, g)
	}
}

func (dr *drawer) header() {
	l := dr.l
	y := dr.margin + 14
	switch l.Title {
	case 0:
		dr.s.text(dr.page, value, 26, dr.margin, y+14, 0, "1876")
		dr.s.text(dr.page, label, 11, dr.margin+80, y, 0, dr.style("Autorización numeración de facturación", false))
		dr.s.text(dr.page, label, 7, dr.margin+80, y+12, 0, "Privado")
	case 1:
		dr.s.text(dr.page, label, 8, dr.margin, y, 0, "DIAN - Dirección de Impuestos y Aduanas Nacionales")
		dr.s.text(dr.page, label, 12, dr.margin, y+16, 0, "FORMULARIO 1876")
		dr.s.text(dr.page, label, 9, dr.margin, y+28, 0, "AUTORIZACIÓN NUMERACIÓN DE FACTURACIÓN")
	default:
		t := "Solicitud sobre numeración de facturación"
		dr.s.text(dr.page, label, 11, (dr.w-dr.s.width(label, 11, t))/2, y, 0, t)
		t = "Formato 1876"
		dr.s.text(dr.page, label, 8, (dr.w-dr.s.width(label, 8, t))/2, y+12, 0, t)
	}
	dr.y = y + 44
}

// fields returns the page-1 boxes in drawing order.
func (dr *drawer) fields() []field {
	d, l := dr.d, dr.l
	spaced := l.Spaced
	fs := []field{
		{box: 1, val: fmt.Sprint(d.Year)},
		{box: 4, val: d.Number, spaced: spaced},
		{box: 5, val: d.NIT, spaced: spaced},
		{box: 6, val: d.DV, spaced: spaced},
		{box: 7, val: d.Surname1},
		{box: 8, val: d.Surname2},
		{box: 9, val: d.Given},
		{box: 10, val: d.Other},
		{box: 11, val: d.Company},
		{box: 12, val: d.Seccional},
	}
	if l.ShuffleBoxes {
		dr.rng.Shuffle(len(fs), func(i, j int) { fs[i], fs[j] = fs[j], fs[i] })
	}
	for i := range fs {
		fs[i].lines = dr.wrapTo(label, l.LabelSize, l.LabelLines, dr.label(fs[i].box))
		fs[i].align = pick(dr.rng, l.Aligns...)
	}
	return fs
}

// pad is the space inside a cell above and below its text; padX the
// space left and right, wide enough that values of adjacent cells never
// read as one run.
const (
	pad  = 3.0
	padX = 6.0
)

// cellSize is the width and height a field needs.
func (dr *drawer) cellSize(f field) (float64, float64) {
	l := dr.l
	lw := dr.maxWidth(label, l.LabelSize, f.lines)
	lh := float64(len(f.lines)) * l.LabelSize * 1.2
	vw, vh := dr.valueWidth(f), l.ValueSize*1.3
	if f.spaced {
		vh += 3
	}
	if l.Place == Beside {
		return lw + 10 + vw + 2*padX, max(lh, vh) + 2*pad
	}
	return max(lw, vw) + 2*padX, lh + vh + 2*pad + 2
}

// captions are texts of other areas of a DIAN form; furniture is text
// that belongs to the page. Neither is a box value.
var captions = []string{"Espacio reservado para la DIAN", "Firma del solicitante", "Datos del solicitante",
	"Sello de recibido", "Uso exclusivo de la DIAN", "Espacio para el rótulo"}

// boxes draws page 1's boxes in rows of cells.
func (dr *drawer) boxes() {
	l := dr.l
	fs := dr.fields()
	avail := dr.w - 2*dr.margin
	strip := 0.0
	if l.Captions {
		strip = 150 // right-hand band for captions and furniture
		avail -= strip
	}
	row := 0
	for len(fs) > 0 {
		// Take as many fields as fit, up to Columns.
		n, used := 0, 0.0
		var ws, hs []float64
		for n < len(fs) && n < l.Columns {
			w, h := dr.cellSize(fs[n])
			if n > 0 && used+w > avail {
				break
			}
			ws, hs = append(ws, w), append(hs, h)
			used += w
			n++
		}
		rowH := 0.0
		for _, h := range hs {
			rowH = max(rowH, h)
		}
		if dr.y+rowH > dr.bottom() {
			dr.newPage()
		}
		// Ruled cells and lone fields stretch to the full width. Unruled
		// cells keep their size, with a gap between them: a stretched
		// unruled cell would put a right-aligned value against the next
		// label, where a reader could not tell whose value it is.
		extra, gap := max(0, avail-used)/float64(n), 0.0
		if l.CellRule != Boxed && n > 1 {
			gap = min(18, max(0, avail-used)/float64(n-1))
			extra = 0
		}
		x := dr.margin
		firstBaseline := 0.0
		for i := range n {
			w := ws[i] + extra
			if used > avail { // a field wider than the page: let it run
				w = ws[i]
			}
			b := dr.cell(fs[i], x, dr.y, w, rowH)
			if i == 0 {
				firstBaseline = b
			}
			x += w + gap
		}
		if l.Captions && (row == 0 || dr.rng.IntN(2) == 0) {
			t := pick(dr.rng, captions...)
			if row == 0 && l.Furniture {
				t = pick(dr.rng, "Hoja %[1]d", "Página %[1]d de %[2]d")
			}
			// %d is the page count, known only at the end: furniture
			// drawn now says "Página 1 de" and the count is added later.
			dr.captionAt = append(dr.captionAt, caption{dr.page, dr.w - dr.margin - strip + 12, firstBaseline, t})
		}
		fs = fs[n:]
		dr.y += rowH + l.Gap
		row++
	}
}

// alignX places a run of width vw in [x, x+w).
func alignX(a Align, x, w, vw float64) float64 {
	switch a {
	case AlignRight:
		return x + w - vw
	case AlignCenter:
		return x + (w-vw)/2
	}
	return x
}

// cell draws one field in the cell (x, y, w, h) and returns the value's
// baseline.
func (dr *drawer) cell(f field, x, y, w, h float64) float64 {
	l := dr.l
	ls, vs := l.LabelSize, l.ValueSize
	lh := ls * 1.2
	inner, innerW := x+padX, w-2*padX
	vw := dr.valueWidth(f)
	drawLabel := func(top float64) {
		for i, ln := range f.lines {
			dr.s.text(dr.page, label, ls, inner, top+ls+float64(i)*lh, 0, ln)
		}
	}
	var vx, vy float64
	switch l.Place {
	case Below:
		drawLabel(y + pad)
		vy = y + pad + float64(len(f.lines))*lh + vs*1.1 + 2
		vx = alignX(f.align, inner, innerW, vw)
	case Above:
		vy = y + pad + vs
		if f.spaced {
			vy += 1
		}
		drawLabel(vy + vs*0.3 + 3)
		vx = alignX(f.align, inner, innerW, vw)
	default: // Beside
		vy = y + pad + max(ls, vs)
		drawLabel(vy - ls)
		lw := dr.maxWidth(label, ls, f.lines) + 10
		vx = alignX(f.align, inner+lw, innerW-lw, vw)
	}
	dr.drawValue(f, vx, vy)
	switch l.CellRule {
	case Boxed:
		dr.s.rect(dr.page, x, y, w, h, 0.6)
	case Underline:
		uy := vy + 2.5
		if f.spaced && l.SpacedBox {
			uy += 2
		}
		dr.s.line(dr.page, x+pad, uy, x+w-pad, uy, 0.4)
	}
	return vy
}

// group writes n with sep between 3-digit groups; "" means none.
func group(n int64, sep string) string {
	s := fmt.Sprint(n)
	if sep == "" {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// titleCase writes "AUTORIZACIÓN" as "Autorización".
func titleCase(s string) string {
	r := []rune(strings.ToLower(s))
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// A column of the ranges table.
type column struct {
	header string
	lines  []string // header, wrapped
	align  Align
	cell   func(Row) []string
	w      float64
}

func (dr *drawer) columns(wrapKind bool, cs float64) []column {
	l := dr.l
	req := func(r Row) string {
		for _, q := range requests {
			if q.req == r.Request {
				if l.TitleCaseReq {
					return titleCase(q.label)
				}
				return q.label
			}
		}
		return ""
	}
	codeHead := pick(dr.rng, "", "Cód.", "Código")
	cols := []column{{header: dr.label(30), cell: func(r Row) []string {
		if wrapKind && len(strings.Fields(r.KindLabel)) > 1 && dr.s.width(value, cs, r.KindLabel) > 70 {
			return dr.wrapTo(value, cs, 2, r.KindLabel)
		}
		return []string{r.KindLabel}
	}}}
	if l.KindCode {
		cols = append(cols, column{header: codeHead, cell: func(r Row) []string { return []string{fmt.Sprint(r.KindCode)} }})
	}
	cols = append(cols,
		column{header: dr.label(31), cell: func(r Row) []string { return []string{r.Prefix} }},
		column{header: dr.label(32), cell: func(r Row) []string { return []string{group(r.From, l.Sep)} }},
		column{header: dr.label(33), cell: func(r Row) []string { return []string{group(r.To, l.Sep)} }},
	)
	if l.Boxes34 {
		for b := 34; b <= 37; b++ {
			cols = append(cols, column{header: dr.label(b), cell: func(Row) []string { return []string{l.Fill34} }})
		}
	}
	cols = append(cols,
		column{header: dr.label(38), cell: func(r Row) []string { return []string{fmt.Sprint(r.Months)} }},
		column{header: dr.label(0), cell: func(r Row) []string { return []string{req(r)} }},
	)
	if l.RequestCode {
		cols = append(cols, column{header: codeHead, cell: func(r Row) []string { return []string{fmt.Sprint(r.RequestCode)} }})
	}
	return cols
}

// fit sizes the columns for cell size cs and header size hs and returns
// the table width.
func (dr *drawer) fit(cols []column, cs, hs float64) float64 {
	total := 0.0
	for i := range cols {
		c := &cols[i]
		cw := 0.0
		for _, r := range dr.d.Rows {
			cw = max(cw, dr.maxWidth(value, cs, c.cell(r)))
		}
		for _, word := range strings.Fields(c.header) {
			cw = max(cw, dr.s.width(label, hs, word))
		}
		c.lines = dr.wrap(label, hs, cw, c.header)
		for len(c.lines) > 3 {
			cw += 4
			c.lines = dr.wrap(label, hs, cw, c.header)
		}
		c.w = cw + 2*pad + 2
		total += c.w
	}
	return total
}

// table draws the ranges table from dr.y on, breaking pages as needed.
func (dr *drawer) table() {
	l := dr.l
	avail := dr.w - 2*dr.margin
	cs, hs := max(6, l.ValueSize-1.5), l.LabelSize
	wrapKind := l.WrapKind
	var cols []column
	var total float64
	for {
		aligns := dr.rng.Uint64() // same alignment draw on every retry
		cols = dr.columns(wrapKind, cs)
		total = dr.fit(cols, cs, hs)
		ar := rand.New(rand.NewPCG(aligns, 1))
		for i := range cols {
			cols[i].align = pick(ar, l.ColAligns...)
		}
		if total <= avail || cs <= 5 {
			break
		}
		if !wrapKind {
			wrapKind = true
			continue
		}
		cs, hs = cs-0.5, max(5, hs-0.5)
	}
	if total < avail && (l.TableRule == Boxed || dr.rng.IntN(2) == 0) {
		extra := (avail - total) / float64(len(cols))
		for i := range cols {
			cols[i].w += extra
		}
		total = avail
	}
	headH := 0.0
	for _, c := range cols {
		headH = max(headH, float64(len(c.lines))*hs*1.2)
	}
	headH += 2 * pad
	rowH := func(r Row) float64 {
		n := 1
		for _, c := range cols {
			n = max(n, len(c.cell(r)))
		}
		return float64(n)*cs*1.25 + 2*pad
	}
	x0 := dr.margin
	header := func() {
		x := x0
		for _, c := range cols {
			for i, ln := range c.lines {
				tx := alignX(c.align, x+pad, c.w-2*pad, dr.s.width(label, hs, ln))
				dr.s.text(dr.page, label, hs, tx, dr.y+pad+hs+float64(i)*hs*1.2, 0, ln)
			}
			if l.TableRule == Boxed {
				dr.s.rect(dr.page, x, dr.y, c.w, headH, 0.6)
			}
			x += c.w
		}
		if l.TableRule == HLines {
			dr.s.line(dr.page, x0, dr.y+headH, x0+total, dr.y+headH, 0.6)
		}
		dr.y += headH
	}
	title := func() {
		if !l.SectionTitle {
			return
		}
		t := dr.style(pick(dr.rng, "Detalle de la solicitud", "Rangos de numeración autorizados", "Información de la numeración"), false)
		dr.s.text(dr.page, label, hs+1.5, x0, dr.y+hs+1.5, 0, t)
		if l.Captions {
			f := pick(dr.rng, "Hoja %[1]d", "Página %[1]d de %[2]d")
			dr.captionAt = append(dr.captionAt, caption{dr.page, x0 + total - 60, dr.y + hs + 1.5, f})
		}
		dr.y += hs + 4
	}
	first := rowH(dr.d.Rows[0])
	if dr.y+headH+first+20 > dr.bottom() {
		dr.newPage()
		dr.y = dr.margin + 20
	}
	title()
	header()
	onPage := 0
	for _, r := range dr.d.Rows {
		h := rowH(r)
		if (l.RowsPerPage > 0 && onPage == l.RowsPerPage) || dr.y+h > dr.bottom() {
			dr.newPage()
			dr.y = dr.margin + 20
			if l.RepeatHeader {
				title()
				header()
			}
			onPage = 0
		}
		x := x0
		for _, c := range cols {
			for i, ln := range c.cell(r) {
				tx := alignX(c.align, x+pad, c.w-2*pad, dr.s.width(value, cs, ln))
				dr.s.text(dr.page, value, cs, tx, dr.y+pad+cs+float64(i)*cs*1.25, 0, ln)
			}
			if l.TableRule == Boxed {
				dr.s.rect(dr.page, x, dr.y, c.w, h, 0.4)
			}
			x += c.w
		}
		if l.TableRule == HLines {
			dr.s.line(dr.page, x0, dr.y+h, x0+total, dr.y+h, 0.3)
		}
		dr.y += h
		onPage++
	}
}

// A stamp format writes the reception date-time; words marks the
// spelled-out Spanish ones, kept for held-out families.
type stampFormat struct {
	name  string
	words bool
	date  func(time.Time) string // the date part
	time  func(time.Time) string // the rest, after the date; may be ""
}

var months = []string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}

func layoutOf(f string) func(time.Time) string {
	return func(t time.Time) string { return t.Format(f) }
}

var stampFormats = []stampFormat{
	{"iso-slash-12h", false, layoutOf("2006-01-02"), layoutOf(" / 03:04:05 PM")}, // [seen] "2024-10-19 / 11:38:26 AM"
	{"dmy-slash-24h", false, layoutOf("02/01/2006"), layoutOf(" 15:04")},
	{"iso-24h", false, layoutOf("2006-01-02"), layoutOf(" 15:04:05")},
	{"iso-date", false, layoutOf("2006-01-02"), layoutOf("")},
	{"dmy-dash-12h", false, layoutOf("02-01-2006"), layoutOf(" 03:04 PM")},
	{"words", true, func(t time.Time) string { return fmt.Sprintf("%d de %s de %d", t.Day(), months[t.Month()-1], t.Year()) }, layoutOf("")},
	{"words-time", true, func(t time.Time) string { return fmt.Sprintf("%d de %s de %d", t.Day(), months[t.Month()-1], t.Year()) },
		func(t time.Time) string {
			return fmt.Sprintf(", %s %s", t.Format("3:04"), map[bool]string{false: "a. m.", true: "p. m."}[t.Hour() >= 12])
		}},
}

// stampNumeric and stampWords index stampFormats.
var (
	stampNumeric = []int{0, 0, 1, 2, 3, 4}
	stampWords   = []int{5, 6}
)

// stamp draws the reception stamp below the table.
func (dr *drawer) stamp() {
	l := dr.l
	f := stampFormats[l.StampFormat]
	size := 6.5
	head := dr.style("Fecha Acuse de Recibo", false)
	datePart, timePart := f.date(dr.d.Stamp), f.time(dr.d.Stamp)
	dv := field{val: datePart, spaced: l.Spaced && !f.words}
	// The stamp draws its date at its own size: borrow ValueSize.
	saved := dr.l.ValueSize
	dr.l.ValueSize = size + 0.5
	defer func() { dr.l.ValueSize = saved }()
	dateW := dr.valueWidth(dv) + dr.s.width(value, size+0.5, timePart)
	lines := 3
	textW := max(dr.s.width(label, size, head), dateW)
	if l.StampInline {
		lines = 1
		textW = dr.s.width(label, size, head+": ") + dateW
	}
	r := max(58, textW/2+16)
	height := 2*r + 20
	if l.StampShape != "circle" {
		height = float64(lines)*size*1.6 + 20
	}
	if dr.y+30+height > dr.bottom() {
		dr.newPage()
	}
	cx := dr.w - dr.margin - r - 10
	if l.StampLeft {
		cx = dr.margin + r + 10
	}
	cy := dr.y + 30 + height/2
	lh := size * 1.6
	top := cy - float64(lines)*lh/2 + size
	drawDate := func(x, y float64) {
		dr.drawValue(dv, x, y)
		dr.s.text(dr.page, value, size+0.5, x+dr.valueWidth(dv), y, 0, timePart)
	}
	if l.StampInline {
		x := cx - textW/2
		dr.s.text(dr.page, label, size, x, top, 0, head+":")
		drawDate(x+dr.s.width(label, size, head+": "), top)
	} else {
		dr.s.text(dr.page, label, size, cx-dr.s.width(label, size, head)/2, top, 0, head)
		drawDate(cx-dateW/2, top+lh)
		dr.s.text(dr.page, label, size, cx-dr.s.width(label, size, "Firmado")/2, top+2*lh, 0, "Firmado")
	}
	switch l.StampShape {
	case "circle":
		dr.s.circle(dr.page, cx, cy, r, 1)
		dr.s.circle(dr.page, cx, cy, r-14, 0.5)
		if l.StampArc {
			dr.arcText(label, 6.5, cx, cy, r-9, true, "DIRECCIÓN DE IMPUESTOS Y ADUANAS NACIONALES")
			dr.arcText(label, 8, cx, cy, r-4, false, "DIAN")
		}
	case "rect":
		dr.s.rect(dr.page, cx-textW/2-8, cy-height/2+6, textW+16, height-12, 0.8)
		if l.StampArc {
			dr.s.text(dr.page, label, 6, cx-textW/2-12, cy+25, 90, "DIAN Recibido")
		}
	}
	dr.y = cy + height/2
}

// arcText draws s one rotated glyph at a time along a circle: over the
// top reading clockwise, or along the bottom.
func (dr *drawer) arcText(f fixturegen.Face, size, cx, cy, r float64, top bool, s string) {
	total := dr.s.width(f, size, s) / r
	off := 0.0
	for _, ch := range s {
		w := dr.s.width(f, size, string(ch))
		var theta, rot float64
		if top {
			theta = math.Pi/2 + total/2 - off/r
			rot = theta - math.Pi/2
		} else {
			theta = 3*math.Pi/2 - total/2 + off/r
			rot = theta + math.Pi/2
		}
		if ch != ' ' {
			dr.s.text(dr.page, f, size, cx+r*math.Cos(theta), cy-r*math.Sin(theta), rot*180/math.Pi, string(ch))
		}
		off += w
	}
}

// furniture draws captions placed beside values and each page's "Hoja"
// line, now that the page count is known.
func (dr *drawer) furniture() {
	for _, c := range dr.captionAt {
		t := c.text
		if strings.Contains(t, "%") {
			t = fmt.Sprintf(t, c.page+1, dr.pages)
		}
		dr.s.text(c.page, label, dr.l.LabelSize, c.x, c.y, 0, t)
	}
	if dr.l.Captions {
		return
	}
	style := dr.rng.IntN(3)
	for p := range dr.pages {
		var t string
		switch style {
		case 0:
			continue
		case 1:
			t = fmt.Sprintf("Hoja %d", p+1)
		default:
			t = fmt.Sprintf("Página %d de %d", p+1, dr.pages)
		}
		dr.s.text(p, label, 7, dr.w-dr.margin-dr.s.width(label, 7, t), dr.h-dr.margin+8, 0, t)
	}
}
