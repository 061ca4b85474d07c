package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/dianres/dianres/resolution"
	"github.com/dianres/dianres/validate"
)

func auditHelp(l lang) string {
	return l.t(`usage: dianres audit --resolution R [--at DATE] [flags] FILE|-

Audits every number a business issued against the ranges of a resolution.
FILE holds one full invoice number per line ("FE10"), optionally followed
by a comma and its issue date (2025-01-31, 31/01/2025 or an RFC 3339
date-time, taken as a Colombian calendar day); "-" reads standard input.
Numbers may come in any order and under several prefixes. A line that
cannot be read (a bad date, too long) is counted and listed under
"unreadable"; the audit goes on.

Per range it prints issued and unique counts, duplicates, gaps, numbers
outside the range, numbers dated out of order, what remains, the percent
used, days left, the projected exhaustion date and alerts. Lists stop at
--max-list entries; the *_count fields stay exact. One JSON line, with
"schema":"dianres/v1" and the resolution's "warnings".

Exit status: 0 clean; 1 any finding, alert or unreadable line; 2 usage
error; 3 R or FILE could not be read.

Example:
  dianres audit --resolution 18764081810977.pdf --at 30/06/2025 --warn-percent 15 --warn-days 45 issued.txt
`, `uso: dianres audit --resolution R [--at FECHA] [opciones] ARCHIVO|-

Audita todos los números que expidió una empresa contra los rangos de una
resolución. ARCHIVO trae un número de factura completo por línea ("FE10"),
opcionalmente seguido de una coma y su fecha de expedición (2025-01-31,
31/01/2025 o una fecha y hora RFC 3339, tomada como día de Colombia); "-"
lee la entrada estándar. Los números pueden venir en cualquier orden y con
varios prefijos. Una línea que no se puede leer (fecha errada, demasiado
larga) se cuenta y se lista en "unreadable"; la auditoría sigue.

Por rango imprime expedidos y únicos, duplicados, huecos, números fuera del
rango, números con fecha fuera de orden, lo que queda, el porcentaje usado,
los días que faltan, la fecha proyectada de agotamiento y alertas. Las
listas se cortan en --max-list; los campos *_count son exactos. Una línea
JSON, con "schema":"dianres/v1" y los avisos ("warnings") de la resolución.

Código de salida: 0 sin hallazgos; 1 algún hallazgo, alerta o línea
ilegible; 2 error de uso; 3 no se pudo leer R o ARCHIVO.

Ejemplo:
  dianres audit --resolution 18764081810977.pdf --at 30/06/2025 --warn-percent 15 --warn-days 45 expedidos.txt
`)
}

type auditRange struct {
	*validate.RangeReport
	ValidFrom resolution.Date `json:"valid_from,omitzero"`
	ValidTo   resolution.Date `json:"valid_to,omitzero"`
	Invalid   []finding       `json:"invalid"`
	Alerts    []finding       `json:"alerts"`
}

// badLine is an input line the audit could not read.
type badLine struct {
	Line    int64  `json:"line"`
	Text    string `json:"text"`
	Message string `json:"message"`
}

type auditLine struct {
	Schema string `json:"schema"`
	*validate.Report
	Ranges          []auditRange  `json:"ranges"`
	Lines           int64         `json:"lines"`
	Unreadable      []badLine     `json:"unreadable"`
	UnreadableCount int64         `json:"unreadable_count"`
	Warnings        []warningJSON `json:"warnings"`
}

func runAudit(e *env, args []string) int {
	l := e.lang
	f := newFlags(e, "audit", auditHelp, jsonResultsUsage)
	pf := addPDFFlags(f)
	resPath := addResolutionFlag(f, true)
	atFlag := f.String("at", "", l.t("audit as of this `DATE`: 2025-01-31, 31/01/2025 or RFC 3339 (default today)", "`FECHA` de corte: 2025-01-31, 31/01/2025 o RFC 3339 (por defecto hoy)"))
	warnPercent := f.Float64("warn-percent", 10, l.t("alert when at most this `PERCENT` of a range is left (0: off)", "alerta cuando quede este `PORCENTAJE` del rango o menos (0: no)"))
	warnDays := f.Int("warn-days", 30, l.t("alert when the validity ends, or the numbers run out, within these `DAYS` (0: off)", "alerta cuando la vigencia o los números se acaben en estos `DÍAS` (0: no)"))
	maxList := f.Int("max-list", 1000, l.t("most `ENTRIES` in each list (0: no limit)", "máximo de `ELEMENTOS` por lista (0: sin límite)"))
	files, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(files) != 1 {
		return e.usageError("audit", l.t("want exactly one FILE (or - for standard input)", "indique exactamente un ARCHIVO (o - para la entrada estándar)"))
	}
	if *resPath == "" {
		return e.usageError("audit", l.t("--resolution is required", "falta --resolution"))
	}
	at, ok := atDay(*atFlag)
	if !ok {
		return e.usageError("audit", fmt.Sprintf(l.t("--at %q: want 2025-01-31 or 31/01/2025", "--at %q: use 2025-01-31 o 31/01/2025"), *atFlag))
	}
	if *warnPercent < 0 || *warnDays < 0 || *maxList < 0 {
		return e.usageError("audit", l.t("--warn-percent, --warn-days and --max-list take values >= 0", "--warn-percent, --warn-days y --max-list deben ser 0 o más"))
	}
	if code, ok := stdinOnce(e, "audit", files[0], *resPath); !ok {
		return code
	}
	// On the command line 0 means off; in validate.Options it means the default.
	opts := &validate.Options{WarnPercent: *warnPercent, WarnDays: *warnDays, MaxList: *maxList}
	if opts.WarnPercent == 0 {
		opts.WarnPercent = -1
	}
	if opts.WarnDays == 0 {
		opts.WarnDays = -1
	}
	if opts.MaxList == 0 {
		opts.MaxList = -1
	}
	res, err := loadResolution(context.Background(), e, *resPath, pf)
	if err != nil {
		return inputError(e, f, *resPath, err)
	}
	a, err := validate.NewAuditor(res.Ranges, opts)
	if err != nil {
		return inputError(e, f, *resPath, err)
	}
	noteWarnings(e, f, res)
	in, err := e.openInput(files[0])
	if err != nil {
		return inputError(e, f, files[0], err)
	}
	defer in.Close()
	start := time.Now()
	out := auditLine{Schema: schemaID, Unreadable: []badLine{}, Warnings: warningsJSON(res, l)}
	if err := readAudit(a, in, &out, *maxList, l); err != nil {
		return inputError(e, f, files[0], err)
	}
	rep := a.Report(at)
	out.Report = rep
	prefixes := prefixList(res)
	out.Ranges = make([]auditRange, 0, len(rep.Ranges))
	for i := range rep.Ranges {
		rr := &rep.Ranges[i]
		out.Ranges = append(out.Ranges, auditRange{RangeReport: rr, ValidFrom: rr.Range.ValidFrom, ValidTo: rr.Range.ValidTo,
			Invalid: fromValidateAll(rr.Invalid, prefixes, l), Alerts: fromValidateAll(rr.Alerts, prefixes, l)})
	}
	writeLine(e.stdout, out)
	if !f.quiet {
		fmt.Fprintf(e.stderr, l.t("dianres audit: %d lines in %v, %d unreadable\n", "dianres audit: %d líneas en %v, %d ilegibles\n"),
			out.Lines, time.Since(start).Round(time.Millisecond), out.UnreadableCount)
	}
	if !rep.Clean() || out.UnreadableCount > 0 {
		return exitFindings
	}
	return exitOK
}

// maxAuditLine is the longest line read; a full number with an RFC 3339
// date is about 50 bytes.
const maxAuditLine = 4096

// readAudit feeds every line of r to a. A line it cannot read is counted
// and, up to maxList (0: no limit), listed; only a failing reader stops it.
func readAudit(a *validate.Auditor, r io.Reader, out *auditLine, maxList int, l lang) error {
	br := bufio.NewReaderSize(r, 64<<10)
	bad := func(text []byte, msg string) {
		out.UnreadableCount++
		if maxList == 0 || len(out.Unreadable) < maxList {
			if len(text) > 80 {
				text = text[:80]
			}
			out.Unreadable = append(out.Unreadable, badLine{Line: out.Lines, Text: string(bytes.TrimSpace(text)), Message: msg})
		}
	}
	for {
		line, err := br.ReadSlice('\n')
		if len(line) > 0 {
			out.Lines++
		}
		if errors.Is(err, bufio.ErrBufferFull) || len(line) > maxAuditLine {
			bad(line, l.t("line too long", "línea demasiado larga"))
			for errors.Is(err, bufio.ErrBufferFull) { // skip the rest of the line
				_, err = br.ReadSlice('\n')
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			continue
		}
		if err != nil && err != io.EOF {
			return err
		}
		if aerr := a.AddLine(line); aerr != nil {
			bad(line, l.t("bad issue date (want 2025-01-31, 31/01/2025 or RFC 3339)", "fecha de expedición errada (use 2025-01-31, 31/01/2025 o RFC 3339)"))
		}
		if err == io.EOF {
			return nil
		}
	}
}
