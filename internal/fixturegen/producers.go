package fixturegen

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

//go:embed templates/form.html.tmpl
var templateFS embed.FS

// ProducerSpec is a spec rendered by other producers (Chromium,
// LibreOffice, ghostscript, reportlab) in producers.sh.
type ProducerSpec struct {
	Name string
	Spec Spec
	Sep  rune // thousands separator in the table
}

// ProducerSpecs lists the documents producers.sh renders.
func ProducerSpecs() []ProducerSpec {
	person := personSpec()
	person.Number = "18764000005501"
	person.Rows = []Row{row(fe, "FEJP", 1, 5000, 24, auth), row(ds, "DSJP", 1, 1000, 12, auth)}
	six := companySpec()
	six.Number = "18764000005502"
	six.Rows = []Row{
		row(fe, "FE", 1001, 50000, 24, enab),
		row(ds, "DSDS", 1, 2000, 24, auth),
		row(paper, "TP", 1, 300, 12, auth),
		row(pos, "POS", 1, 90000, 18, auth),
		row(pc, "PC", 1, 100, 6, disab),
		row(deq, "DEE", 1, 100000, 24, auth),
	}
	return []ProducerSpec{
		{"company", companySpec(), ','},
		{"person", person, ','},
		{"six-rows", six, '.'},
	}
}

// templateData is what the HTML template and the reportlab script read.
type templateData struct {
	Number    string        `json:"number"`
	Year      int           `json:"year"`
	NIT       string        `json:"nit"`
	DV        string        `json:"dv"`
	Surname1  string        `json:"surname1"`
	Surname2  string        `json:"surname2"`
	FirstName string        `json:"first_name"`
	OtherName string        `json:"other_name"`
	Company   string        `json:"company"`
	Seccional string        `json:"seccional"`
	StampText string        `json:"stamp_text"`
	Rows      []templateRow `json:"rows"`
}

type templateRow struct {
	KindLabel    string `json:"kind_label"`
	KindCode     int    `json:"kind_code"`
	Prefix       string `json:"prefix"`
	FromText     string `json:"from_text"`
	ToText       string `json:"to_text"`
	Months       int    `json:"months"`
	RequestLabel string `json:"request_label"`
	RequestCode  int    `json:"request_code"`
}

func dataOf(p ProducerSpec) templateData {
	s := p.Spec
	d := templateData{Number: s.Number, Year: s.Year, NIT: s.NIT, DV: s.DV, Surname1: s.Surname1, Surname2: s.Surname2,
		FirstName: s.FirstName, OtherName: s.OtherName, Company: s.Company, Seccional: s.Seccional, StampText: stampText(s.Stamp)}
	for _, r := range s.Rows {
		d.Rows = append(d.Rows, templateRow{r.KindLabel, r.KindCode, r.Prefix, groupDigits(r.From, p.Sep), groupDigits(r.To, p.Sep),
			r.Months, requestText(r), r.RequestCode})
	}
	return d
}

// WriteProducerSources writes, for each producer spec, NAME.html,
// NAME.ps, NAME.json and NAME.golden.json into work.
func WriteProducerSources(work string) error {
	tmpl, err := template.ParseFS(templateFS, "templates/form.html.tmpl")
	if err != nil {
		return err
	}
	for _, p := range ProducerSpecs() {
		d := dataOf(p)
		var html bytes.Buffer
		if err := tmpl.Execute(&html, d); err != nil {
			return err
		}
		js, err := json.MarshalIndent(d, "", "  ")
		if err != nil {
			return err
		}
		golden, err := GoldenJSON(&p.Spec)
		if err != nil {
			return err
		}
		ps, err := postScript(d)
		if err != nil {
			return fmt.Errorf("fixturegen: %s: %w", p.Name, err)
		}
		for ext, b := range map[string][]byte{".html": html.Bytes(), ".json": js, ".golden.json": golden, ".ps": ps} {
			if err := os.WriteFile(filepath.Join(work, p.Name+ext), b, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// postScript draws the form in PostScript with Helvetica re-encoded to
// ISOLatin1Encoding, the way hand-written or legacy PS drivers do.
func postScript(d templateData) ([]byte, error) {
	var b bytes.Buffer
	const h = 842.0
	var firstErr error
	text := func(font string, size, x, top float64, s string) {
		lit, err := PSString(s)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		fmt.Fprintf(&b, "/%s %s selectfont %s %s moveto %s show\n", font, num(size), num(x), num(h-top), lit)
	}
	cell := func(x, top, w float64, label, value string) {
		fmt.Fprintf(&b, "0.6 setlinewidth %s %s %s %s rectstroke\n", num(x), num(h-top-30), num(w), num(30))
		text("HelvL1", 6, x+3, top+8, label)
		text("HelvL1", 9, x+5, top+24, value)
	}
	b.WriteString("%!PS-Adobe-3.0\n%%Pages: 2\n%%EndComments\n")
	b.WriteString("/Helvetica findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall /Encoding ISOLatin1Encoding def currentdict end /HelvL1 exch definefont pop\n")
	b.WriteString("<< /PageSize [595 842] >> setpagedevice\n%%Page: 1 1\n")
	text("HelvL1", 28, 40, 72, "1876")
	text("HelvL1", 12, 120, 50, "Autorización numeración de facturación")
	cell(36, 95, 110, "1. Año", strconv.Itoa(d.Year))
	cell(359, 95, 200, "4. Número de formulario", d.Number)
	cell(36, 135, 150, "5. Número de Identificación Tributaria (NIT)", d.NIT)
	cell(186, 135, 35, "6. DV", d.DV)
	cell(221, 135, 169, "7. Primer apellido", d.Surname1)
	cell(390, 135, 169, "8. Segundo apellido", d.Surname2)
	cell(36, 165, 261.5, "9. Primer nombre", d.FirstName)
	cell(297.5, 165, 261.5, "10. Otros nombres", d.OtherName)
	cell(36, 195, 423, "11. Razón social", d.Company)
	cell(459, 195, 100, "12. Cód. Dirección Seccional", d.Seccional)
	b.WriteString("showpage\n%%Page: 2 2\n")
	cols := []struct {
		label string
		w     float64
	}{{"30. Modalidad", 150}, {"", 16}, {"31. Prefijo", 34}, {"32. Desde el número", 62}, {"33. Hasta el número", 62},
		{"38. Vigencia (meses)", 40}, {"Tipo de solicitud", 70}, {"", 16}}
	x, top := 36.0, 60.0
	for _, c := range cols {
		fmt.Fprintf(&b, "0.6 setlinewidth %s %s %s 18 rectstroke\n", num(x), num(h-top-18), num(c.w))
		text("HelvL1", 5.5, x+2, top+11, c.label)
		x += c.w
	}
	top += 18
	for _, r := range d.Rows {
		vals := []string{r.KindLabel, strconv.Itoa(r.KindCode), r.Prefix, r.FromText, r.ToText, strconv.Itoa(r.Months), r.RequestLabel, strconv.Itoa(r.RequestCode)}
		x = 36
		for i, c := range cols {
			fmt.Fprintf(&b, "0.4 setlinewidth %s %s %s 15 rectstroke\n", num(x), num(h-top-15), num(c.w))
			text("HelvL1", 6.5, x+2, top+10, vals[i])
			x += c.w
		}
		top += 15
	}
	cy := top + 110
	fmt.Fprintf(&b, "1 setlinewidth newpath 475 %s 72 0 360 arc stroke newpath 475 %s 52 0 360 arc stroke\n", num(h-cy), num(h-cy))
	// Rotated stamp text, one glyph at a time along the upper arc.
	lit, _ := PSString("DIRECCIÓN DE IMPUESTOS Y ADUANAS NACIONALES")
	fmt.Fprintf(&b, "/HelvL1 7 selectfont gsave 475 %s translate 85 rotate %s { 1 string dup 0 4 -1 roll put gsave 0 58 moveto show grestore -4.2 rotate } forall grestore\n", num(h-cy), lit)
	text("HelvL1", 9, 466, cy+66, "DIAN")
	text("HelvL1", 6, 445, cy-10, "Fecha Acuse de Recibo")
	text("HelvL1", 6, 440, cy+1, d.StampText)
	text("HelvL1", 6, 464, cy+12, "Firmado")
	b.WriteString("showpage\n%%EOF\n")
	return b.Bytes(), firstErr
}

// WriterProducerFiles returns the producers corpus entries that come
// from the generator's own writer (unusual stream filters and byte-level
// damage), keyed by file name, goldens included.
func WriterProducerFiles(fs *Fonts) (map[string][]byte, error) {
	base := companySpec()
	golden, err := GoldenJSON(&base)
	if err != nil {
		return nil, err
	}
	sample := Render("sample", &base, Layout{PerDigit: true, Barcode: true}, fs)
	pdfs := map[string][]byte{
		"writer-lzw":           Render("writer-lzw", &base, Layout{PerDigit: true, Content: FilterLZW}, fs),
		"writer-runlength":     Render("writer-runlength", &base, Layout{PerDigit: true, Content: FilterRunLength}, fs),
		"writer-ascii85":       Render("writer-ascii85", &base, Layout{PerDigit: true, Content: FilterASCII85}, fs),
		"writer-asciihex":      Render("writer-asciihex", &base, Layout{PerDigit: true, Content: FilterASCIIHex}, fs),
		"writer-predictor":     Render("writer-predictor", &base, Layout{PerDigit: true, Content: FilterPredictor}, fs),
		"damage-junk-prefix":   junkPrefix(sample),
		"damage-trailing-junk": trailingJunk(sample),
		"damage-stale-xref":    staleXref(sample),
		"damage-xref-removed":  xrefRemoved(sample),
		"damage-incremental":   incremental(sample),
	}
	out := map[string][]byte{}
	for name, b := range pdfs {
		out[name+".pdf"] = b
		out[name+".golden.json"] = golden
	}
	return out, nil
}

// WriteProducers writes [WriterProducerFiles] into dir/producers.
func WriteProducers(dir string) error {
	fs, err := LoadFonts()
	if err != nil {
		return err
	}
	files, err := WriterProducerFiles(fs)
	if err != nil {
		return err
	}
	out := filepath.Join(dir, "producers")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// junkPrefix puts an HTTP response header before %PDF, as a bad download
// saves it: every offset is now off by the header's length.
func junkPrefix(pdf []byte) []byte {
	hdr := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: %d\r\n\r\n", len(pdf))
	return append([]byte(hdr), pdf...)
}

// trailingJunk appends NULs, a second %%EOF and HTML after the file.
func trailingJunk(pdf []byte) []byte {
	out := append(bytes.Clone(pdf), make([]byte, 512)...)
	return append(out, "\n%%EOF\n<html><body>Descarga completa</body></html>\n"...)
}

// staleXref inserts bytes after the header without fixing any offset.
func staleXref(pdf []byte) []byte {
	i := bytes.IndexByte(pdf, '\n') + 1
	i += bytes.IndexByte(pdf[i:], '\n') + 1
	pad := []byte("% inserted by a careless editor: every xref offset is now wrong\n")
	return append(append(bytes.Clone(pdf[:i]), pad...), pdf[i:]...)
}

// xrefRemoved deletes the xref table; the trailer and startxref stay.
func xrefRemoved(pdf []byte) []byte {
	x := bytes.LastIndex(pdf, []byte("\nxref\n"))
	t := bytes.LastIndex(pdf, []byte("trailer\n"))
	if x < 0 || t < x {
		return pdf
	}
	return append(bytes.Clone(pdf[:x+1]), pdf[t:]...)
}

var (
	reStartXref = regexp.MustCompile(`startxref\s+(\d+)`)
	reSize      = regexp.MustCompile(`/Size (\d+)`)
	reRoot      = regexp.MustCompile(`/Root (\d+) 0 R`)
	reID        = regexp.MustCompile(`/ID \[<[0-9A-F]+> <[0-9A-F]+>\]`)
)

// incremental appends an update, as a signing or form-filling tool does:
// a new catalog revision and an Info dictionary, with a /Prev chain.
func incremental(pdf []byte) []byte {
	prev := reStartXref.FindAllSubmatch(pdf, -1)
	size, _ := strconv.Atoi(string(reSize.FindAllSubmatch(pdf, -1)[0][1]))
	root, _ := strconv.Atoi(string(reRoot.FindSubmatch(pdf)[1]))
	id := reID.Find(pdf)
	catalog := regexp.MustCompile(fmt.Sprintf(`(?s)\n%d 0 obj\n(.*?)\nendobj`, root)).FindSubmatch(pdf)[1]
	out := bytes.Clone(pdf)
	rootOff := len(out)
	newCat := strings.Replace(string(catalog), ">>", "/PageMode /UseNone /Lang (es-CO) >>", 1)
	out = fmt.Appendf(out, "%d 0 obj\n%s\nendobj\n", root, newCat)
	infoOff := len(out)
	out = fmt.Appendf(out, "%d 0 obj\n<< /Producer (fixturegen incremental update) /ModDate (D:20241020120000-05'00') >>\nendobj\n", size)
	xref := len(out)
	out = fmt.Appendf(out, "xref\n%d 1\n%010d 00000 n \n%d 1\n%010d 00000 n \n", root, rootOff, size, infoOff)
	out = fmt.Appendf(out, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /Prev %s %s >>\nstartxref\n%d\n%%%%EOF\n",
		size+1, root, size, prev[len(prev)-1][1], id, xref)
	return out
}

// PSString writes s as a PostScript string literal in ISO Latin-1, the
// encoding the Ghostscript producers set their fonts in; a rune outside
// Latin-1 is an error.
func PSString(s string) (string, error) {
	var o strings.Builder
	o.WriteByte('(')
	for _, r := range s {
		if r > 0xFF {
			return "", fmt.Errorf("%q is not Latin-1", r)
		}
		c := byte(r)
		switch {
		case c == '(' || c == ')' || c == '\\':
			o.WriteByte('\\')
			o.WriteByte(c)
		case c >= 128:
			fmt.Fprintf(&o, "\\%03o", c)
		default:
			o.WriteByte(c)
		}
	}
	o.WriteByte(')')
	return o.String(), nil
}
