package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
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

const parseHelp = `usage: dianres parse [flags] FILE|DIR|GLOB...

Reads formato 1876 PDFs. With one file it prints that file's resolution;
with several files, a directory (searched for *.pdf) or a glob it parses
them in parallel and prints one result per line, in argument order, with
"file" added, then a summary on stderr.

Example:
  dianres parse --json testdata/valid/sample.pdf
  dianres parse --text "Resolución DIAN No. 18764003567890 del 2023-06-15, prefijo FEV del 1 al 10000, vigencia 24 meses"
  dianres parse --format csv 'uploads/*.pdf' > resolutions.csv

Flags:
`

// parseResult is one input's outcome.
type parseResult struct {
	file string
	res  *resolution.Resolution
	err  error
}

func runParse(e *env, args []string) int {
	fl := newFlagSet(e, "parse", parseHelp)
	asJSON := fl.Bool("json", false, "print JSON (same as --format json)")
	format := fl.String("format", "", "output: text (default), json, table or csv")
	password := fl.String("password", "", "user password for encrypted PDFs")
	workers := fl.Int("workers", min(runtime.NumCPU(), 8), "files parsed at once")
	text := fl.String("text", "", "read a free-text legend instead of files")
	if err := fl.Parse(args); err != nil {
		return exitUsage(err)
	}
	if *asJSON {
		*format = "json"
	}
	switch *format {
	case "":
		*format = "text"
	case "text", "json", "table", "csv":
	default:
		fmt.Fprintf(e.stderr, "dianres parse: unknown --format %q (want text, json, table or csv)\n", *format)
		return 2
	}
	if *text != "" {
		if fl.NArg() > 0 {
			fmt.Fprintln(e.stderr, "dianres parse: --text takes no files")
			return 2
		}
		res, err := resolution.ParseText(*text)
		if err != nil {
			res = nil // the contract prints the error alone, never a partial result
		}
		out := newPrinter(e.stdout, *format, false)
		out.print(parseResult{file: "--text", res: res, err: err})
		out.flush()
		if err != nil {
			return 1
		}
		return 0
	}
	files, batch, err := expandInputs(fl.Args())
	if err != nil {
		fmt.Fprintf(e.stderr, "dianres parse: %v\n", err)
		return 2
	}
	if len(files) == 0 {
		fmt.Fprintln(e.stderr, "dianres parse: no input files")
		fl.Usage()
		return 2
	}
	opts := &resolution.Options{Password: *password}
	out := newPrinter(e.stdout, *format, batch)
	var progress *progressBar
	if batch && e.terminal {
		progress = &progressBar{w: e.stderr, total: len(files)}
	}
	var sum summary
	parseAll(context.Background(), files, opts, max(*workers, 1), func(r parseResult) {
		out.print(r)
		sum.add(r)
		progress.step()
	})
	progress.finish()
	out.flush()
	if batch {
		fmt.Fprintln(e.stderr, sum.String())
	}
	if sum.failed > 0 {
		return 1
	}
	return 0
}

// expandInputs turns arguments into PDF paths. batch is true when the
// output must name files: several inputs, a directory or a glob.
func expandInputs(args []string) (files []string, batch bool, err error) {
	for _, a := range args {
		if strings.ContainsAny(a, "*?[") {
			m, err := filepath.Glob(a)
			if err != nil {
				return nil, false, fmt.Errorf("bad glob %q: %v", a, err)
			}
			files, batch = append(files, m...), true
			continue
		}
		fi, err := os.Stat(a)
		if err == nil && fi.IsDir() {
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
func parseAll(ctx context.Context, files []string, opts *resolution.Options, workers int, emit func(parseResult)) {
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
				res, err := resolution.ParseFile(ctx, files[i], opts)
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

// errorCode maps an error to the CLI contract's codes.
func errorCode(err error) string {
	switch {
	case errors.Is(err, resolution.ErrEncrypted):
		return "encrypted"
	case errors.Is(err, resolution.ErrNoText):
		return "no-text"
	case errors.Is(err, resolution.ErrNotForm1876):
		return "not-a-resolution"
	case errors.Is(err, resolution.ErrIncomplete), errors.Is(err, resolution.ErrBadValue):
		return "incomplete"
	}
	return "malformed-pdf" // also limits hit and files that cannot be opened
}

type errorJSON struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

type printer struct {
	w      io.Writer
	format string
	batch  bool
	tab    *tabwriter.Writer
	csv    *csv.Writer
}

func newPrinter(w io.Writer, format string, batch bool) *printer {
	p := &printer{w: w, format: format, batch: batch}
	switch format {
	case "table":
		p.tab = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(p.tab, "FILE\tNUMBER\tNIT\tKIND\tPREFIX\tFROM\tTO\tVALID FROM\tVALID TO\tREQUEST\tERROR")
	case "csv":
		p.csv = csv.NewWriter(w)
		p.csv.Write([]string{"file", "number", "nit", "dv", "name", "kind", "prefix", "from", "to", "months", "valid_from", "valid_to", "request", "error_code", "error"})
	}
	return p
}

func (p *printer) print(r parseResult) {
	switch p.format {
	case "json":
		p.printJSON(r)
	case "table", "csv":
		for _, rec := range records(r) {
			if p.csv != nil {
				p.csv.Write(rec)
			} else {
				fmt.Fprintln(p.tab, strings.Join([]string{rec[0], rec[1], rec[2], rec[5], rec[6], rec[7], rec[8], rec[10], rec[11], rec[12], rec[14]}, "\t"))
			}
		}
	default:
		printText(p.w, r, p.batch)
	}
}

func (p *printer) printJSON(r parseResult) {
	var v any
	switch {
	case r.err != nil && p.batch:
		v = struct {
			File  string    `json:"file"`
			Error errorJSON `json:"error"`
		}{r.file, errorJSON{errorCode(r.err), r.err.Error()}}
	case r.err != nil:
		v = struct {
			Error errorJSON `json:"error"`
		}{errorJSON{errorCode(r.err), r.err.Error()}}
	case p.batch:
		v = struct {
			File string `json:"file"`
			*resolution.Resolution
		}{r.file, r.res}
	default:
		v = r.res
	}
	b, err := json.Marshal(v)
	if err != nil {
		b, _ = json.Marshal(struct {
			Error errorJSON `json:"error"`
		}{errorJSON{"malformed-pdf", err.Error()}})
	}
	p.w.Write(append(b, '\n'))
}

// records flattens a result into one CSV record per range.
func records(r parseResult) [][]string {
	if r.err != nil {
		return [][]string{{r.file, "", "", "", "", "", "", "", "", "", "", "", "", errorCode(r.err), r.err.Error()}}
	}
	var out [][]string
	for _, rg := range r.res.Ranges {
		out = append(out, []string{r.file, r.res.Number, r.res.NIT, r.res.DV, r.res.Name, rg.Kind.String(), rg.Prefix,
			strconv.FormatInt(rg.From, 10), strconv.FormatInt(rg.To, 10), strconv.Itoa(rg.Months),
			rg.ValidFrom.String(), rg.ValidTo.String(), rg.Request.String(), "", ""})
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

func printText(w io.Writer, r parseResult, batch bool) {
	if batch {
		fmt.Fprintf(w, "== %s\n", r.file)
	}
	if r.err != nil {
		fmt.Fprintf(w, "error (%s): %v\n", errorCode(r.err), r.err)
		var pe *resolution.ParseError
		if errors.As(r.err, &pe) {
			fmt.Fprintf(w, "hint: %s\n", pe.Hint())
		}
		return
	}
	res := r.res
	fmt.Fprintf(w, "Resolución (formulario 1876) %s\n", res.Number)
	fmt.Fprintf(w, "Issuer: %s, NIT %s-%s\n", res.Name, res.NIT, res.DV)
	for i, rg := range res.Ranges {
		prefix := rg.Prefix
		if prefix == "" {
			prefix = "(none)"
		}
		fmt.Fprintf(w, "Range %d: %s, %s, prefix %s, %d to %d, %d months, valid %s to %s\n",
			i+1, rg.Kind, rg.Request, prefix, rg.From, rg.To, rg.Months, rg.ValidFrom, rg.ValidTo)
	}
	for _, wn := range res.Warnings {
		fmt.Fprintf(w, "warning (%s): %s\n", wn.Code, wn.Message)
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
		s.byCode[errorCode(r.err)]++
		return
	}
	s.parsed++
	s.warnings += len(r.res.Warnings)
}

func (s *summary) String() string {
	line := fmt.Sprintf("dianres: parsed %d, failed %d", s.parsed, s.failed)
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
	return line + fmt.Sprintf(", warnings %d", s.warnings)
}

// progressBar draws on a terminal only; a nil *progressBar does nothing.
type progressBar struct {
	w        io.Writer
	total, n int
}

func (p *progressBar) step() {
	if p == nil {
		return
	}
	p.n++
	const width = 30
	bar := p.n * width / p.total
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d", strings.Repeat("#", bar), strings.Repeat(" ", width-bar), p.n, p.total)
}

func (p *progressBar) finish() {
	if p != nil {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
