package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/dianres/dianres/resolution"
)

func parseHelp(l lang) string {
	return l.t(`usage: dianres parse [flags] FILE|DIR|GLOB|-...

Reads formato 1876 PDFs. "-" reads one PDF from standard input; a folder
is searched for *.pdf; several inputs are parsed in parallel and printed
in argument order, with a summary on stderr and, on a terminal, progress.

--json prints one line per input, always the same shape:
  {"schema":"dianres/v1","file":"a.pdf","number":…,"nit":…,"dv":…,"name":…,"ranges":[…],"warnings":[…]}
or, when the file could not be read:
  {"schema":"dianres/v1","file":"a.pdf","error":{"code":…,"message":…,"hint":…},"partial":{…}}
where "partial" (only with code "incomplete") holds what was read. Any of
these lines is accepted by --resolution of the other commands.

--explain says where each value was read: page, box, the label it was read
by, how (beside, below or above its label, a table column, the stamp, the
text order), the runner-up and the checks it passed; for a value not read,
what is printed near its label. With --json it adds "sources":[…].

Error codes: unreadable-file, malformed-pdf, encrypted,
wrong-password, no-text, not-a-resolution, incomplete (a file over a
limit is malformed-pdf, and its message says which limit).

Exit status: 0 every file read; 1 some file could not be read as a
formato 1876; 2 usage error.

Example:
  dianres parse testdata/valid/sample.pdf
  cat sample.pdf | dianres parse --json -
  dianres parse --format csv 'uploads/*.pdf' > resolutions.csv
  dianres parse --text "Resolución DIAN No. 18764003567890 del 15/06/2023, prefijo FEV del 1 al 10000, vigencia 24 meses"
`, `uso: dianres parse [opciones] ARCHIVO|CARPETA|PATRÓN|-...

Lee PDF del formato 1876. "-" lee un PDF de la entrada estándar; en una
carpeta se buscan los *.pdf; varias entradas se leen en paralelo y se
imprimen en el orden dado, con un resumen en stderr y, en una terminal, el
progreso.

--json imprime una línea por entrada, siempre con la misma forma:
  {"schema":"dianres/v1","file":"a.pdf","number":…,"nit":…,"dv":…,"name":…,"ranges":[…],"warnings":[…]}
o, si el archivo no se pudo leer:
  {"schema":"dianres/v1","file":"a.pdf","error":{"code":…,"message":…,"hint":…},"partial":{…}}
donde "partial" (solo con el código "incomplete") trae lo que sí se leyó.
Cualquiera de estas líneas sirve como --resolution de los demás comandos.

--explain dice de dónde salió cada valor: página, casilla, la etiqueta por
la que se leyó, cómo (al lado, debajo o encima de la etiqueta, columna de la
tabla, sello, orden del texto), el segundo candidato y las verificaciones
que pasó; de un valor no leído, lo que hay impreso cerca de su etiqueta. Con
--json agrega "sources":[…].

Códigos de error: unreadable-file, malformed-pdf, encrypted,
wrong-password, no-text, not-a-resolution, incomplete (un archivo que
supera un límite es malformed-pdf, y el mensaje dice cuál).

Código de salida: 0 se leyeron todos; 1 algún archivo no se pudo leer como
formato 1876; 2 error de uso.

Ejemplo:
  dianres parse testdata/valid/sample.pdf
  cat muestra.pdf | dianres parse --json -
  dianres parse --format csv 'cargas/*.pdf' > resoluciones.csv
  dianres parse --text "Resolución DIAN No. 18764003567890 del 15/06/2023, prefijo FEV del 1 al 10000, vigencia 24 meses"
`)
}

// parseResult is one input's outcome.
type parseResult struct {
	file string
	res  *resolution.Resolution // with an ErrIncomplete err, the partial result
	err  error
}

func runParse(e *env, args []string) int {
	l := e.lang
	f := newFlags(e, "parse", parseHelp, [2]string{"print JSON lines (same as --format json)", "imprime líneas JSON (igual que --format json)"})
	pf := addPDFFlags(f)
	format := f.String("format", "", l.t("output `FORMAT`: text (default), json, table or csv", "`FORMATO` de salida: text (por defecto), json, table o csv"))
	workers := f.Int("workers", min(runtime.NumCPU(), 8), l.t("`N` files parsed at once", "`N` archivos leídos a la vez"))
	text := f.String("text", "", l.t("read a free-text legend `TEXT` instead of files", "lee una leyenda en `TEXTO` libre en vez de archivos"))
	explain := f.Bool("explain", false, l.t("say where each value was read: page, box, label, how, the runner-up and the checks it passed",
		"dice de dónde salió cada valor: página, casilla, etiqueta, cómo, el segundo candidato y las verificaciones que pasó"))
	args, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if f.json {
		*format = "json"
	}
	switch *format {
	case "":
		*format = "text"
	case "text", "json", "table", "csv":
	default:
		return e.usageError("parse", fmt.Sprintf(l.t("unknown --format %q (want text, json, table or csv)", "--format %q desconocido (use text, json, table o csv)"), *format))
	}
	if *workers < 1 {
		return e.usageError("parse", l.t("--workers takes a number >= 1", "--workers debe ser 1 o más"))
	}
	out := newPrinter(e, *format, false)
	out.explain = *explain
	if *text != "" {
		if len(args) > 0 {
			return e.usageError("parse", l.t("--text takes no files", "--text no recibe archivos"))
		}
		res, err := resolution.ParseText(*text)
		out.print(parseResult{file: "", res: res, err: err})
		out.flush()
		if err != nil {
			return exitFindings
		}
		return exitOK
	}
	if code, ok := stdinOnce(e, "parse", args...); !ok {
		return code
	}
	files, batch, err := expandInputs(args)
	if err != nil {
		return e.usageError("parse", err.Error())
	}
	if len(files) == 0 {
		return e.usageError("parse", l.t("no input files", "no se indicó ningún archivo"))
	}
	out.batch = batch
	opts := pf.options(e)
	prog := newProgress(e, len(files), f.quiet)
	out.progress = prog
	var sum summary
	parseAll(context.Background(), e, files, opts, *workers, func(r parseResult) {
		if !batch && r.err != nil && errors.Is(r.err, resolution.ErrEncrypted) && !errors.Is(r.err, resolution.ErrWrongPassword) &&
			opts.Password == "" && e.prompt != nil && r.file != "-" {
			if pw, err := e.prompt(l.t("Password of the PDF: ", "Contraseña del PDF: ")); err == nil && pw != "" {
				o := *opts
				o.Password = pw
				r.res, r.err = resolution.ParseFile(context.Background(), r.file, &o)
			}
		}
		out.print(r)
		sum.add(r)
		prog.step()
	})
	prog.clear()
	out.flush()
	if batch && !f.quiet {
		fmt.Fprintln(e.stderr, sum.line(l))
	}
	if sum.failed > 0 {
		return exitFindings
	}
	return exitOK
}

// expandInputs turns arguments into PDF paths. batch is true when there
// are several inputs, or a folder or a glob (which may match one file:
// the output still names it, as every line does).
func expandInputs(args []string) (files []string, batch bool, err error) {
	for _, a := range args {
		if a != "-" && strings.ContainsAny(a, "*?[") {
			m, err := filepath.Glob(a)
			if err != nil {
				return nil, false, fmt.Errorf("%q: %v", a, err)
			}
			files, batch = append(files, m...), true
			continue
		}
		fi, err := os.Stat(a)
		if a != "-" && err == nil && fi.IsDir() {
			batch = true
			err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".pdf") {
					files = append(files, p)
				}
				return err
			})
			if err != nil {
				return nil, false, err
			}
			continue
		}
		files = append(files, a) // a missing file is reported as that file's result
	}
	return files, batch || len(files) > 1, nil
}

// parseAll parses files with a bounded pool and calls emit in input order
// as soon as each result and all before it are ready.
func parseAll(ctx context.Context, e *env, files []string, opts *resolution.Options, workers int, emit func(parseResult)) {
	results := make([]chan parseResult, len(files))
	for i := range results {
		results[i] = make(chan parseResult, 1)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				var res *resolution.Resolution
				var err error
				if files[i] == "-" {
					res, err = resolution.ParseReader(ctx, e.stdin, opts)
				} else {
					res, err = resolution.ParseFile(ctx, files[i], opts)
				}
				results[i] <- parseResult{files[i], res, err}
			}
		}()
	}
	go func() {
		for i := range files {
			jobs <- i
		}
		close(jobs)
	}()
	for _, ch := range results {
		emit(<-ch)
	}
	wg.Wait()
}

type printer struct {
	e        *env
	format   string
	batch    bool
	explain  bool
	progress *progress
	tab      *tabwriter.Writer
	csv      *csv.Writer
}

func newPrinter(e *env, format string, batch bool) *printer {
	p := &printer{e: e, format: format, batch: batch}
	l := e.lang
	switch format {
	case "table":
		p.tab = tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(p.tab, l.t("FILE\tNUMBER\tNIT\tKIND\tPREFIX\tFROM\tTO\tVALID FROM\tVALID TO\tREQUEST\tWARNINGS\tERROR",
			"ARCHIVO\tNÚMERO\tNIT\tMODALIDAD\tPREFIJO\tDESDE\tHASTA\tVIGENTE DESDE\tVIGENTE HASTA\tSOLICITUD\tAVISOS\tERROR"))
	case "csv":
		p.csv = csv.NewWriter(e.stdout)
		p.csv.Write([]string{"file", "number", "nit", "dv", "name", "kind", "prefix", "from", "to", "months", "valid_from", "valid_to", "request", "warnings", "error_code", "error"})
	}
	return p
}

func (p *printer) print(r parseResult) {
	l := p.e.lang
	var prob *problem
	if r.err != nil {
		d := describe(r.err, l)
		prob = &d
	}
	switch p.format {
	case "json":
		p.lineStart()
		if prob != nil {
			line := errorLine{Schema: schemaID, File: r.file, Error: *prob}
			if r.res != nil && errors.Is(r.err, resolution.ErrIncomplete) {
				line.Partial = toResolutionJSON(r.res, l)
				if p.explain {
					line.Partial.Sources = r.res.Sources()
				}
			}
			writeLine(p.e.stdout, line)
			return
		}
		rj := toResolutionJSON(r.res, l)
		if p.explain {
			rj.Sources = r.res.Sources()
		}
		writeLine(p.e.stdout, struct {
			Schema string `json:"schema"`
			File   string `json:"file"`
			*resolutionJSON
		}{schemaID, r.file, rj})
	case "table", "csv":
		for _, rec := range records(r, prob) {
			if p.csv != nil {
				p.csv.Write(rec)
			} else {
				fmt.Fprintln(p.tab, strings.Join([]string{rec[0], rec[1], rec[2], rec[5], rec[6], rec[7], rec[8], rec[10], rec[11], rec[12], rec[13], rec[15]}, "\t"))
			}
		}
	default:
		p.lineStart()
		if p.batch {
			fmt.Fprintf(p.e.stdout, "== %s\n", displayPath(r.file, l))
		}
		if prob != nil {
			p.progress.clear() // the bar and the message share stderr
			if r.res != nil && errors.Is(r.err, resolution.ErrIncomplete) {
				// What was read, so that only the missing fields are typed.
				printText(p.e.stdout, r.res, l)
			}
			printProblem(p.e, "parse", r.file, *prob)
			if p.explain && r.res != nil {
				printExplain(p.e.stdout, r.res, l)
			}
			return
		}
		printText(p.e.stdout, r.res, l)
		if p.explain {
			printExplain(p.e.stdout, r.res, l)
		}
	}
}

// lineStart clears the progress bar before a line reaches a terminal
// stdout, which shares the screen with stderr.
func (p *printer) lineStart() {
	if p.e.stdoutTTY {
		p.progress.clear()
	}
}

// records flattens a result into one CSV record per range.
func records(r parseResult, prob *problem) [][]string {
	if prob != nil {
		return [][]string{{r.file, "", "", "", "", "", "", "", "", "", "", "", "", "", prob.Code, prob.Message}}
	}
	var codes []string
	for _, w := range r.res.Warnings {
		codes = append(codes, string(w.Code))
	}
	warnings := strings.Join(codes, ",")
	var out [][]string
	for _, rg := range r.res.Ranges {
		out = append(out, []string{r.file, r.res.Number, r.res.NIT, r.res.DV, r.res.Name, rg.Kind.String(), rg.Prefix,
			strconv.FormatInt(rg.From, 10), strconv.FormatInt(rg.To, 10), strconv.Itoa(rg.Months),
			rg.ValidFrom.String(), rg.ValidTo.String(), rg.Request.String(), warnings, "", ""})
	}
	return out
}

func (p *printer) flush() {
	if p.tab != nil {
		p.tab.Flush()
	}
	if p.csv != nil {
		p.csv.Flush()
	}
}

var kindES = map[resolution.Kind]string{
	resolution.KindElectronicInvoice:  "factura electrónica de venta",
	resolution.KindSupportDocument:    "documento soporte",
	resolution.KindPaper:              "talonario o de papel",
	resolution.KindPOS:                "POS",
	resolution.KindComputer:           "factura por computador",
	resolution.KindEquivalentDocument: "documento equivalente electrónico",
}

var requestES = map[resolution.Request]string{
	resolution.RequestAuthorization: "autorización",
	resolution.RequestEnablement:    "habilitación",
	resolution.RequestDisablement:   "inhabilitación",
}

// colombian writes a date as DD/MM/AAAA.
func colombian(d resolution.Date) string {
	if d.IsZero() {
		return "sin fecha"
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, d.Month, d.Year)
}

// printText writes a resolution as a support person would read it out.
func printText(w io.Writer, res *resolution.Resolution, l lang) {
	missing := l.t("(not read)", "(falta)")
	or := func(s string) string {
		if s == "" {
			return missing
		}
		return s
	}
	r := *res
	r.Number, r.Name, r.NIT = or(r.Number), or(r.Name), or(r.NIT)
	res = &r
	if l == spanish {
		fmt.Fprintf(w, "Resolución DIAN No. %s (formulario 1876)\n", res.Number)
		fmt.Fprintf(w, "Titular: %s, NIT %s-%s\n", res.Name, res.NIT, res.DV)
		for i, rg := range res.Ranges {
			pfx := "sin prefijo"
			if rg.Prefix != "" {
				pfx = "prefijo " + rg.Prefix
			}
			kind, req := kindES[rg.Kind], requestES[rg.Request]
			if kind == "" {
				kind = "modalidad sin identificar"
			}
			if req == "" {
				req = "solicitud sin identificar"
			}
			fmt.Fprintf(w, "Rango %d: %s, %s, %s, del %d al %d, vigencia %d meses, del %s al %s\n",
				i+1, kind, req, pfx, rg.From, rg.To, rg.Months, colombian(rg.ValidFrom), colombian(rg.ValidTo))
		}
	} else {
		fmt.Fprintf(w, "DIAN resolution %s (formato 1876)\n", res.Number)
		fmt.Fprintf(w, "Issuer: %s, NIT %s-%s\n", res.Name, res.NIT, res.DV)
		for i, rg := range res.Ranges {
			pfx := "no prefix"
			if rg.Prefix != "" {
				pfx = "prefix " + rg.Prefix
			}
			fmt.Fprintf(w, "Range %d: %s, %s, %s, %d to %d, %d months, valid %s to %s\n",
				i+1, strings.ReplaceAll(rg.Kind.String(), "-", " "), rg.Request, pfx, rg.From, rg.To, rg.Months, rg.ValidFrom, rg.ValidTo)
		}
	}
	if len(res.Ranges) == 0 {
		fmt.Fprintln(w, l.t("Ranges:", "Rangos:"), missing)
	}
	for _, wn := range warningsJSON(res, l) {
		fmt.Fprintf(w, "%s (%s): %s\n", l.t("Warning", "Aviso"), wn.Code, wn.Message)
	}
}

// summary counts a batch's outcomes for the closing line on stderr.
type summary struct {
	parsed, failed, warnings int
	byCode                   map[string]int
}

func (s *summary) add(r parseResult) {
	if r.err != nil {
		s.failed++
		if s.byCode == nil {
			s.byCode = map[string]int{}
		}
		s.byCode[describe(r.err, english).Code]++
		return
	}
	s.parsed++
	s.warnings += len(r.res.Warnings)
}

func (s *summary) line(l lang) string {
	line := fmt.Sprintf(l.t("dianres parse: read %d, failed %d", "dianres parse: leídos %d, fallidos %d"), s.parsed, s.failed)
	if len(s.byCode) > 0 {
		codes := make([]string, 0, len(s.byCode))
		for c := range s.byCode {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		parts := make([]string, len(codes))
		for i, c := range codes {
			parts[i] = fmt.Sprintf("%s %d", c, s.byCode[c])
		}
		line += " (" + strings.Join(parts, ", ") + ")"
	}
	return line + fmt.Sprintf(l.t(", warnings %d", ", avisos %d"), s.warnings)
}
