// Package form finds the fields of a formato 1876 in positioned text: the
// boxes ("casillas") of page 1, the table of ranges and the DIAN stamp. It
// works from labels and geometry, and returns text, not typed values:
// turning text into numbers and dates, and checking them, is the job of
// package resolution.
package form

import (
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/dianres/dianres/internal/pdftext"
)

// A Field is one value as printed, with where it was found.
type Field struct {
	Text  string // as printed, words joined by single spaces; "" when not found
	Page  int    // 1-based page; 0 when not found
	Box   int    // DIAN box number, when the field has one
	Label string // the label the value was found by, as printed
	Found bool   // the label (or the value's pattern) was found, even if the value is empty
}

// A Row is one row of the table of ranges, cell by cell.
type Row struct {
	Page        int
	Kind        Field // box 30 "Modalidad": the name, e.g. "FACTURA ELECTRÓNICA DE VENTA"
	KindCode    Field // the modality's numeric code printed beside its name
	Prefix      Field // box 31 "Prefijo"
	From        Field // box 32 "Desde el número"
	To          Field // box 33 "Hasta el número"
	Months      Field // box 38 "Vigencia" in months
	Request     Field // "Tipo de solicitud": AUTORIZACIÓN, HABILITACIÓN, INHABILITACIÓN
	RequestCode Field
	ValidTo     Field // an end date printed in the row, if any
}

// Fields is everything read off a document.
type Fields struct {
	Title        bool  // "Autorización numeración de facturación" was printed
	Number       Field // box 4 "Número de formulario"
	NIT          Field // box 5
	DV           Field // box 6
	Surname1     Field // box 7 "Primer apellido"
	Surname2     Field // box 8 "Segundo apellido"
	GivenName    Field // box 9 "Primer nombre"
	OtherNames   Field // box 10 "Otros nombres"
	BusinessName Field // box 11 "Razón social"
	TableHeader  bool  // the header of the table of ranges was found
	Rows         []Row
	StampDate    Field // the date of the stamp's "Fecha Acuse de Recibo"

	single Row // a range printed as labelled boxes rather than a table
}

// Label texts as printed on the form, matched after folding (see Fold).
const (
	labelTitle        = "Autorización numeración de facturación"
	labelFormNumber   = "Número de formulario"
	labelNIT          = "Número de Identificación Tributaria (NIT)"
	labelDV           = "DV"
	labelSurname1     = "Primer apellido"
	labelSurname2     = "Segundo apellido"
	labelGivenName    = "Primer nombre"
	labelOtherNames   = "Otros nombres"
	labelBusinessName = "Razón social"
	labelSeccional    = "Cód. Dirección Seccional"
	labelYear         = "Año"
	labelStamp        = "Fecha Acuse de Recibo"
)

// A boxLabel is a page-1 box: its number and the folded phrases that name it.
type boxLabel struct {
	box     int
	printed string
	phrases []string
	field   func(*Fields) *Field // nil: a label that only bounds its neighbours' cells
}

var boxLabels = []boxLabel{
	{4, labelFormNumber, []string{"numero de formulario", "numero del formulario", "numero formulario", "no de formulario", "no formulario", "formulario no", "formulario numero"}, func(f *Fields) *Field { return &f.Number }},
	{5, labelNIT, []string{"numero de identificacion tributaria", "identificacion tributaria", "nit"}, func(f *Fields) *Field { return &f.NIT }},
	{6, labelDV, []string{"dv", "d v", "digito de verificacion"}, func(f *Fields) *Field { return &f.DV }},
	{7, labelSurname1, []string{"primer apellido"}, func(f *Fields) *Field { return &f.Surname1 }},
	{8, labelSurname2, []string{"segundo apellido"}, func(f *Fields) *Field { return &f.Surname2 }},
	{9, labelGivenName, []string{"primer nombre"}, func(f *Fields) *Field { return &f.GivenName }},
	{10, labelOtherNames, []string{"otros nombres"}, func(f *Fields) *Field { return &f.OtherNames }},
	{11, labelBusinessName, []string{"razon social"}, func(f *Fields) *Field { return &f.BusinessName }},
	{12, labelSeccional, []string{"cod direccion seccional", "direccion seccional"}, nil},
	{1, labelYear, []string{"ano"}, nil},
	{0, labelStamp, []string{"fecha acuse de recibo", "acuse de recibo"}, nil},
}

// rowLabels read one range printed as labelled boxes ("Prefijo: FE"),
// for layouts without a table of ranges.
var rowLabels = []boxLabel{
	{30, "Modalidad", []string{"modalidad"}, func(f *Fields) *Field { return &f.single.Kind }},
	{31, "Prefijo", []string{"prefijo"}, func(f *Fields) *Field { return &f.single.Prefix }},
	{32, "Desde el número", []string{"desde el numero", "desde"}, func(f *Fields) *Field { return &f.single.From }},
	{33, "Hasta el número", []string{"hasta el numero", "hasta"}, func(f *Fields) *Field { return &f.single.To }},
	{38, "Vigencia (meses)", []string{"vigencia"}, func(f *Fields) *Field { return &f.single.Months }},
	{0, "Tipo de solicitud", []string{"tipo de solicitud"}, func(f *Fields) *Field { return &f.single.Request }},
}

// Read finds the fields on pages, which are in page order.
func Read(pages []*pdftext.Page) Fields {
	var f Fields
	docs := make([]*page, len(pages))
	for i, p := range pages {
		doc := newPage(p, boxLabels)
		docs[i] = doc
		if doc.find("autorizacion numeracion de facturacion") != nil ||
			doc.find("autorizacion de numeracion de facturacion") != nil && doc.find("formulario") != nil {
			f.Title = true
		}
		doc.readBoxes(&f)
		doc.readTable(&f)
	}
	if len(f.Rows) == 0 {
		readSingleRow(pages, &f)
	}
	readStampDate(docs, &f)
	if !f.Number.Found || f.Number.Text == "" {
		findNumberAnywhere(pages, &f)
	}
	return f
}

// token is one folded word piece of a line, pointing back at its word.
type token struct {
	text string
	word int
}

type line struct {
	pdftext.Line
	text   []string // each word's text, as printed
	fwords []string // each word's text, folded
	tokens []token
	folded string     // the tokens joined by spaces: a fast first test for match
	labels []labelHit // box labels found on this line, by x
}

type labelHit struct {
	label      *boxLabel
	first, end int     // words [first, end)
	x0, x1     float64 // the label's cell: from its start to the next label's
	cont       bool    // the second line of a label that wraps; not read again
}

type page struct {
	number  int
	width   float64
	lines   []line
	rotated []pdftext.Word
}

func newPage(p *pdftext.Page, labels []boxLabel) *page {
	pg := &page{number: p.Number, width: p.Width, rotated: p.Rotated}
	for _, l := range p.Lines {
		ln := line{Line: l, text: make([]string, len(l.Words)), fwords: make([]string, len(l.Words))}
		var all []string
		for i, w := range l.Words {
			ln.text[i], ln.fwords[i] = w.Text, Fold(w.Text)
			for _, t := range strings.Fields(ln.fwords[i]) {
				ln.tokens = append(ln.tokens, token{t, i})
				all = append(all, t)
			}
		}
		ln.folded = " " + strings.Join(all, " ") + " "
		pg.lines = append(pg.lines, ln)
	}
	for i := range pg.lines {
		pg.findLabels(i, labels)
	}
	for i := range pg.lines {
		pg.findWrappedLabels(i, labels)
	}
	pg.openCells()
	pg.closeCells()
	return pg
}

// closeCells ends each label's cell where the next label to its right
// starts, looking also at labels on lines a little above or below: a row
// of boxes whose labels wrap differently is not one text line.
func (pg *page) closeCells() {
	for i := range pg.lines {
		ln := &pg.lines[i]
		size := lineSize(ln)
		for k := range ln.labels {
			h := &ln.labels[k]
			for j := range pg.lines {
				other := &pg.lines[j]
				if j == i || math.Abs((other.Y0+other.Y1)/2-(ln.Y0+ln.Y1)/2) > 1.2*size {
					continue
				}
				for _, o := range other.labels {
					if x := other.Words[o.first].X0; x > h.x0+size && x < h.x1 {
						h.x1 = x
					}
				}
			}
		}
	}
}

// match returns the words [first, end) of line ln that spell phrase (folded,
// single-spaced) from word from on, or ok=false. It allocates nothing: it
// runs for every label on every line.
func (ln *line) match(phrase string, from int) (first, end int, ok bool) {
	if ln.folded != "" && !containsWords(ln.folded, phrase) {
		return 0, 0, false
	}
	n := strings.Count(phrase, " ") + 1
	for i := 0; i+n <= len(ln.tokens); i++ {
		if ln.tokens[i].word < from {
			continue
		}
		rest, j := phrase, 0
		for ; j < n; j++ {
			w, r, _ := strings.Cut(rest, " ")
			if ln.tokens[i+j].text != w {
				break
			}
			rest = r
		}
		if j == n {
			return ln.tokens[i].word, ln.tokens[i+n-1].word + 1, true
		}
	}
	return 0, 0, false
}

// containsWords reports whether the space-framed text holds phrase as
// whole words.
func containsWords(framed, phrase string) bool {
	for i := 0; ; {
		j := strings.Index(framed[i:], phrase)
		if j < 0 {
			return false
		}
		j += i
		if j > 0 && framed[j-1] == ' ' && j+len(phrase) < len(framed) && framed[j+len(phrase)] == ' ' {
			return true
		}
		i = j + 1
	}
}

func (pg *page) find(phrase string) *line {
	for i := range pg.lines {
		if _, _, ok := pg.lines[i].match(phrase, 0); ok {
			return &pg.lines[i]
		}
	}
	return nil
}

var (
	boxNumber    = regexp.MustCompile(`^\d{1,3}\.?$`)
	boxNumberDot = regexp.MustCompile(`^\d{1,3}\.$`)
)

func (pg *page) findLabels(i int, labels []boxLabel) {
	ln := &pg.lines[i]
	used := make([]bool, len(ln.Words))
	for bi := range labels {
		bl := &labels[bi]
		for _, ph := range bl.phrases {
			first, end, ok := ln.match(ph, 0)
			for ok && slices.Contains(used[first:end], true) {
				first, end, ok = ln.match(ph, end)
			}
			if !ok || !plausibleLabel(ln, bl, first, end) {
				continue
			}
			// A parenthesised tail belongs to the label: "… Tributaria (NIT)".
			for end < len(ln.Words) && strings.HasPrefix(ln.Words[end].Text, "(") {
				end++
				if strings.HasSuffix(ln.Words[end-1].Text, ")") {
					break
				}
			}
			// Include the box number printed before the label ("4." or "4").
			if first > 0 && boxNumber.MatchString(ln.Words[first-1].Text) && ln.Words[first].X0-ln.Words[first-1].X1 < lineSize(ln) {
				first--
			}
			for k := first; k < end; k++ {
				used[k] = true
			}
			ln.labels = append(ln.labels, labelHit{label: bl, first: first, end: end})
			break
		}
	}
	slices.SortFunc(ln.labels, func(a, b labelHit) int { return a.first - b.first })
}

// openCells gives each label a cell from its first word to the next label
// on its line, or to the page's edge.
func (pg *page) openCells() {
	for i := range pg.lines {
		ln := &pg.lines[i]
		for k := range ln.labels {
			h := &ln.labels[k]
			h.x0 = ln.Words[h.first].X0
			h.x1 = pg.width
			if pg.width == 0 {
				h.x1 = 1e9
			}
			if k+1 < len(ln.labels) {
				h.x1 = ln.Words[ln.labels[k+1].first].X0
			}
		}
	}
}

// findWrappedLabels finds labels that wrap inside their cell, "Número de"
// over "formulario": the phrase's head ends a cell on line i and its tail
// starts the next line down at the same left edge.
func (pg *page) findWrappedLabels(i int, labels []boxLabel) {
	ln := &pg.lines[i]
	size := lineSize(ln)
	for bi := range labels {
		bl := &labels[bi]
		if bl.field == nil || slices.ContainsFunc(ln.labels, func(h labelHit) bool { return h.label == bl }) {
			continue
		}
		for _, ph := range bl.phrases {
			if pg.matchWrapped(i, bl, ph, size) {
				break
			}
		}
	}
	slices.SortFunc(ln.labels, func(a, b labelHit) int { return a.first - b.first })
}

func (pg *page) matchWrapped(i int, bl *boxLabel, phrase string, size float64) bool {
	ln := &pg.lines[i]
	for k := strings.IndexByte(phrase, ' '); k > 0; k = nextSpace(phrase, k) {
		head, tail := phrase[:k], phrase[k+1:]
		first, end, ok := ln.match(head, 0)
		if !ok || ln.labelAt(first) || end < len(ln.Words) && ln.Words[end].X0-ln.Words[end-1].X1 < 2*size {
			continue // the head must end its cell
		}
		if first > 0 && boxNumber.MatchString(ln.Words[first-1].Text) && ln.Words[first].X0-ln.Words[first-1].X1 < size {
			first-- // its box number: the wrapped line aligns with it
		}
		for j := i + 1; j < len(pg.lines) && pg.lines[j].Y0-ln.Y1 < 1.5*size; j++ {
			next := &pg.lines[j]
			f2, e2, ok := next.match(tail, 0)
			if !ok || next.labelAt(f2) || math.Abs(next.Words[f2].X0-ln.Words[first].X0) > size && math.Abs(next.Words[f2].X0-ln.Words[min(first+1, end-1)].X0) > size {
				continue
			}
			ln.labels = append(ln.labels, labelHit{label: bl, first: first, end: end})
			next.labels = append(next.labels, labelHit{label: bl, first: f2, end: e2, cont: true})
			slices.SortFunc(next.labels, func(a, b labelHit) int { return a.first - b.first })
			return true
		}
	}
	return false
}

// nextSpace returns the index of the space after the one at k, or -1.
func nextSpace(s string, k int) int {
	if i := strings.IndexByte(s[k+1:], ' '); i >= 0 {
		return k + 1 + i
	}
	return -1
}

// plausibleLabel rejects short phrases that are labels only in context:
// "Año" must carry its box number, as the word is common elsewhere.
func plausibleLabel(ln *line, bl *boxLabel, first, _ int) bool {
	if bl.box == 1 {
		return first > 0 && strings.TrimSuffix(ln.Words[first-1].Text, ".") == "1"
	}
	return true
}

// readBoxes fills the page-1 boxes it finds on this page, first find wins.
func (pg *page) readBoxes(f *Fields) {
	for i := range pg.lines {
		for _, h := range pg.lines[i].labels {
			if h.label.field == nil || h.cont {
				continue
			}
			dst := h.label.field(f)
			if dst.Found && dst.Text != "" {
				continue
			}
			v := pg.valueOf(i, h)
			v.Box, v.Label, v.Found, v.Page = h.label.box, h.label.printed, true, pg.number
			if v.Text != "" || !dst.Found {
				*dst = v
			}
		}
	}
}

// valueOf returns the value of the label h on line i: the words after it on
// the same line inside its cell, else the first line below inside its cell.
func (pg *page) valueOf(i int, h labelHit) Field {
	ln := &pg.lines[i]
	var words []string
	for k := h.end; k < len(ln.Words); k++ {
		w := ln.Words[k]
		if w.X0 >= h.x1-0.5 || k+1 < len(ln.Words) && boxNumberDot.MatchString(w.Text) && !isNumber(ln.Words[k+1].Text) {
			break // the next cell, or the next box's number ("12. Cód. …")
		}
		if t := strings.Trim(w.Text, ":.-–"); t != "" || len(words) > 0 {
			words = append(words, w.Text)
		}
	}
	if len(words) > 0 {
		return Field{Text: cleanValue(words)}
	}
	size := lineSize(ln)
	maxGap := 4 * size
	var value []string
	var last *line // the last line the value was read from
	for j := i + 1; j < len(pg.lines); j++ {
		below := &pg.lines[j]
		if below.Y0-ln.Y1 > maxGap {
			break
		}
		if below.Y0 < ln.Y0+size*0.5 {
			continue // same baseline band, not below
		}
		if last != nil && below.Y0-last.Y1 > 0.6*lineSize(last) {
			break // a value wraps at its own leading; a wider gap ends it
		}
		ws, labelHere := below.wordsIn(h.x0-size, h.x1, h.label)
		if labelHere || isTitle(ws) {
			break
		}
		if len(ws) > 0 {
			value, last = append(value, ws...), below
		}
	}
	if len(value) == 0 {
		return Field{}
	}
	return Field{Text: cleanValue(value)}
}

// wordsIn returns the words of ln whose centre lies in [x0, x1), and
// whether one of them is part of a label.
func (ln *line) wordsIn(x0, x1 float64, own *boxLabel) (ws []string, label bool) {
	for k, w := range ln.Words {
		if c := (w.X0 + w.X1) / 2; c < x0 || c >= x1 {
			continue
		}
		if l := ln.labelOf(k); l == own {
			continue // the wrapped rest of the label being read
		} else if l != nil {
			return ws, true
		}
		ws = append(ws, w.Text)
	}
	return ws, false
}

// isTitle reports whether words are a heading of the form, which ends a
// box above it as a label would.
func isTitle(ws []string) bool {
	t := Fold(strings.Join(ws, " "))
	return strings.Contains(t, "autorizacion numeracion de facturacion") || strings.Contains(t, "rangos de numeracion")
}

func (ln *line) labelAt(word int) bool { return ln.labelOf(word) != nil }

// labelOf returns the label that word is part of, or nil.
func (ln *line) labelOf(word int) *boxLabel {
	for _, h := range ln.labels {
		if word >= h.first && word < h.end {
			return h.label
		}
	}
	return nil
}

func lineSize(ln *line) float64 {
	s := 0.0
	for _, w := range ln.Words {
		s = max(s, w.Size)
	}
	if s == 0 {
		s = ln.Y1 - ln.Y0
	}
	if s <= 0 {
		s = 10
	}
	return s
}

func cleanValue(words []string) string {
	return compose(strings.Join(strings.Fields(strings.Join(words, " ")), " "))
}

// readSingleRow reads one range from labelled boxes when no table row
// was found; it keeps the row only when both bounds were read.
func readSingleRow(pages []*pdftext.Page, f *Fields) {
	labels := append(slices.Clone(boxLabels), rowLabels...)
	for _, p := range pages {
		newPage(p, labels).readBoxes(f)
	}
	r := f.single
	if r.From.Text == "" || r.To.Text == "" {
		return
	}
	r.Page = r.From.Page
	if !r.Prefix.Found {
		return // a prefix that was never printed is unknown, not empty
	}
	f.Rows = append(f.Rows, r)
}

// number1876 matches a form number once spaces are removed: 1876 and 7–10 more digits.
var number1876 = regexp.MustCompile(`(?:^|\D)(1876\d{7,10})(?:\D|$)`)

// findNumberAnywhere looks for a lone 1876 form number when no label led to
// one, as some producers print the number without its box label.
func findNumberAnywhere(pages []*pdftext.Page, f *Fields) {
	seen := map[string]int{}
	var order []string
	for _, p := range pages {
		for _, l := range p.Lines {
			for _, w := range l.Words {
				t := strings.ReplaceAll(w.Text, " ", "")
				if m := number1876.FindStringSubmatch(t); m != nil {
					if _, ok := seen[m[1]]; !ok {
						order = append(order, m[1])
						seen[m[1]] = p.Number
					}
				}
			}
		}
	}
	if len(order) == 1 {
		f.Number = Field{Text: order[0], Page: seen[order[0]], Box: 4, Found: true}
	}
}
