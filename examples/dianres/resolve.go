package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/dianres/dianres/resolution"
)

// pdfFlags are the flags of every command that reads a PDF.
type pdfFlags struct {
	password string
	maxSize  sizeFlag
	maxPages int
}

func addPDFFlags(f *flags) *pdfFlags {
	l := f.e.lang
	p := &pdfFlags{}
	f.StringVar(&p.password, "password", "", l.t("user `password` of an encrypted PDF (also DIANRES_PASSWORD; asked on a terminal)",
		"`contraseña` de un PDF protegido (también DIANRES_PASSWORD; se pregunta en una terminal)"))
	p.maxSize.lang = l
	f.Var(&p.maxSize, "max-size", l.t("largest PDF read, a `SIZE` such as 50MiB (default 20MiB)", "`TAMAÑO` máximo del PDF, p. ej. 50MiB (por defecto 20MiB)"))
	f.IntVar(&p.maxPages, "max-pages", 0, l.t("most `PAGES` read (default 10)", "máximo de `PÁGINAS` leídas (por defecto 10)"))
	return p
}

// jsonResultsUsage is --json's help for commands whose results are always
// JSON: there it only moves an unreadable input's error to stdout.
var jsonResultsUsage = [2]string{"an unreadable input as a JSON line on stdout instead of stderr (results are always JSON)",
	"una entrada ilegible como línea JSON en stdout en vez de stderr (los resultados siempre son JSON)"}

// addResolutionFlag adds --resolution, the 1876 PDF or a parse --json line
// that the checking commands read the authorized ranges from.
func addResolutionFlag(f *flags, required bool) *string {
	usage := [2]string{"formato 1876 `PDF`, or a line of 'dianres parse --json'; - for stdin",
		"`PDF` del formato 1876, o una línea de 'dianres parse --json'; - para stdin"}
	if required {
		usage[english] += " (required)"
		usage[spanish] += " (obligatorio)"
	}
	return f.String("resolution", "", f.e.lang.t(usage[english], usage[spanish]))
}

// options returns the parse options; the password comes from --password,
// else DIANRES_PASSWORD.
func (p *pdfFlags) options(e *env) *resolution.Options {
	pw := p.password
	if pw == "" {
		pw = e.getenv("DIANRES_PASSWORD")
	}
	return &resolution.Options{Password: pw, MaxSize: p.maxSize.n, MaxPages: p.maxPages}
}

// sizeFlag is a byte count written as 1048576, 512KiB, 20MiB, 1GiB (KB,
// MB, GB and K, M, G mean the same powers of 1024).
type sizeFlag struct {
	n    int64
	lang lang // of Set's error
}

func (s *sizeFlag) String() string {
	if s == nil || s.n == 0 {
		return ""
	}
	return strconv.FormatInt(s.n, 10)
}

func (s *sizeFlag) Set(v string) error {
	t := strings.ToUpper(strings.TrimSpace(v))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}} {
		if rest, ok := strings.CutSuffix(t, u.suffix); ok {
			t, mult = strings.TrimSpace(rest), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return errors.New(s.lang.t("want a size such as 50MiB", "use un tamaño como 50MiB"))
	}
	s.n = n * mult
	return nil
}

// openInput opens path; "-" is standard input.
func (e *env) openInput(path string) (io.ReadCloser, error) {
	if path == "-" {
		return io.NopCloser(e.stdin), nil
	}
	return os.Open(path)
}

// jsonError is --resolution JSON that cannot be read as a resolution.
type jsonError struct{ err error }

func (e *jsonError) Error() string { return "not a resolution JSON: " + e.err.Error() }
func (e *jsonError) Unwrap() error { return e.err }

// resultError is an error line of 'parse --json' given as --resolution:
// the problem it records.
type resultError struct{ p problem }

func (e *resultError) Error() string { return e.p.Code + ": " + e.p.Message }

// parseLine is any line 'dianres parse --json' prints: a resolution with
// schema and file, or an error with a partial result. Unknown fields are
// ignored, so lines from newer versions still load.
type parseLine struct {
	Schema  string          `json:"schema"`
	File    string          `json:"file"`
	Error   *problem        `json:"error"`
	Partial json.RawMessage `json:"partial"`
	resolution.Resolution
}

// loadResolution reads --resolution: a formato 1876 PDF or a line that
// 'dianres parse --json' prints, from a file or ("-") standard input. A
// PDF that needs a password not given is retried once with one asked on
// the terminal.
func loadResolution(ctx context.Context, e *env, path string, pf *pdfFlags) (*resolution.Resolution, error) {
	opts := pf.options(e)
	in, err := e.openInput(path)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	limit := pf.maxSize.n
	if limit <= 0 {
		limit = 20 << 20
	}
	b, err := io.ReadAll(io.LimitReader(in, limit+1))
	if err != nil {
		return nil, err
	}
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '{' {
		return decodeResolution(t)
	}
	res, err := resolution.ParseReader(ctx, bytes.NewReader(b), opts)
	if errors.Is(err, resolution.ErrEncrypted) && !errors.Is(err, resolution.ErrWrongPassword) && opts.Password == "" && e.prompt != nil {
		pw, perr := e.prompt(e.lang.t("Password of the PDF: ", "Contraseña del PDF: "))
		if perr == nil && pw != "" {
			opts.Password = pw
			res, err = resolution.ParseReader(ctx, bytes.NewReader(b), opts)
		}
	}
	if err != nil {
		return nil, err // a partial result is not checked against
	}
	return res, nil
}

func decodeResolution(b []byte) (*resolution.Resolution, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	var line parseLine
	if err := dec.Decode(&line); err != nil {
		return nil, &jsonError{err}
	}
	if dec.More() {
		return nil, &jsonError{errors.New("more than one JSON object; pass one line of 'dianres parse --json'")}
	}
	if line.Schema != "" && line.Schema != schemaID {
		return nil, &jsonError{fmt.Errorf("schema %q; this dianres reads %q", line.Schema, schemaID)}
	}
	if line.Error != nil {
		return nil, &resultError{*line.Error}
	}
	if line.Number == "" || len(line.Ranges) == 0 {
		return nil, &jsonError{errors.New(`no "number" or no "ranges"`)}
	}
	res := line.Resolution
	if res.Warnings == nil {
		res.Warnings = []resolution.Warning{}
	}
	return &res, nil
}

// inputError prints an unreadable input of a checking command (stderr,
// or stdout as JSON with --json) and returns exitInput.
func inputError(e *env, f *flags, path string, err error) int {
	p := describe(err, e.lang)
	if f.json {
		writeLine(e.stdout, errorLine{Schema: schemaID, File: path, Error: p})
		return exitInput
	}
	printProblem(e, f.cmd, path, p)
	return exitInput
}

// printProblem writes an error on stderr: one line, then the hint on its
// own line.
func printProblem(e *env, cmd, path string, p problem) {
	name := "dianres"
	if cmd != "" {
		name += " " + cmd
	}
	subject := ""
	if path != "" {
		subject = displayPath(path, e.lang) + ": "
	}
	fmt.Fprintf(e.stderr, "%s: %s%s\n", name, subject, p.Message)
	if p.Hint != "" {
		fmt.Fprintf(e.stderr, "%s %s\n", e.lang.t("hint:", "sugerencia:"), p.Hint)
	}
}

func displayPath(path string, l lang) string {
	if path == "-" {
		return l.t("standard input", "entrada estándar")
	}
	return path
}

// stdinOnce reports a usage error when more than one input is "-".
func stdinOnce(e *env, cmd string, paths ...string) (int, bool) {
	n := 0
	for _, p := range paths {
		if p == "-" {
			n++
		}
	}
	if n > 1 {
		return e.usageError(cmd, e.lang.t("only one input can be standard input (-)", "solo una entrada puede ser la entrada estándar (-)")), false
	}
	return 0, true
}

// parseDay reads a date as people write it: 2025-01-31, 31/01/2025
// (DD/MM/AAAA), or an RFC 3339 date-time taken as its Colombian day.
func parseDay(s string) (resolution.Date, bool) {
	if d, err := resolution.ParseDate(s); err == nil {
		return d, true
	}
	if len(s) == 10 && s[2] == '/' && s[5] == '/' {
		if d, err := resolution.ParseDate(s[6:] + "-" + s[3:5] + "-" + s[:2]); err == nil {
			return d, true
		}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return resolution.DateOf(t), true
	}
	return resolution.Date{}, false
}
