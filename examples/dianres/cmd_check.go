package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/dianres/dianres/resolution"
	"github.com/dianres/dianres/validate"
)

func checkHelp(l lang) string {
	return l.t(`usage: dianres check --resolution R [--at DATE] ID...|-

Checks full invoice numbers (the prefix followed by the consecutive, as
DIAN writes them) against the ranges of a resolution: known prefix
(FAD05e), inside the range, issued within the validity, not in a disabled
range. "-" reads the numbers from standard input, one per line.

R is a formato 1876 PDF or a line of 'dianres parse --json'; "-" reads it
from standard input. DATE is 2025-01-31, 31/01/2025 or an RFC 3339
date-time, taken as a Colombian calendar day; it defaults to today.

Prints one JSON line per number:
  {"schema":"dianres/v1","id":…,"ok":…,"prefix":…,"number":…,"findings":[…],"warnings":[…]}
A finding is {"code","rule" (only when DIAN has one),"field","resolution","found","message"};
"warnings" are the resolution's (a DV that does not match the NIT…).

Exit status: 0 all valid; 1 any invalid; 2 usage error; 3 R unreadable.

Example:
  dianres check --resolution 18760000001.pdf --at 31/01/2025 SETP990000002 SETP995000001
`, `uso: dianres check --resolution R [--at FECHA] NÚMERO...|-

Verifica números de factura completos (el prefijo seguido del consecutivo,
como los escribe la DIAN) contra los rangos de una resolución: prefijo
autorizado (FAD05e), dentro del rango, expedido dentro de la vigencia, no
en un rango inhabilitado. "-" lee los números de la entrada estándar, uno
por línea.

R es un PDF del formato 1876 o una línea de 'dianres parse --json'; "-" lo
lee de la entrada estándar. FECHA es 2025-01-31, 31/01/2025 o una fecha y
hora RFC 3339, tomada como día calendario de Colombia; por defecto, hoy.

Imprime una línea JSON por número:
  {"schema":"dianres/v1","id":…,"ok":…,"prefix":…,"number":…,"findings":[…],"warnings":[…]}
Un hallazgo es {"code","rule" (solo si la DIAN tiene uno),"field","resolution","found","message"};
"warnings" son los avisos de la resolución (un DV que no corresponde al NIT…).

Código de salida: 0 todos válidos; 1 alguno no válido; 2 error de uso; 3 R
ilegible.

Ejemplo:
  dianres check --resolution 18760000001.pdf --at 31/01/2025 SETP990000002 SETP995000001
`)
}

type checkLine struct {
	Schema   string        `json:"schema"`
	ID       string        `json:"id"`
	OK       bool          `json:"ok"`
	Prefix   string        `json:"prefix"`
	Number   int64         `json:"number"`
	Findings []finding     `json:"findings"`
	Warnings []warningJSON `json:"warnings"`
}

func runCheck(e *env, args []string) int {
	l := e.lang
	f := newFlags(e, "check", checkHelp, jsonResultsUsage)
	pf := addPDFFlags(f)
	resPath := addResolutionFlag(f, true)
	atFlag := f.String("at", "", l.t("issue `DATE`: 2025-01-31, 31/01/2025 or RFC 3339 (default today)", "`FECHA` de expedición: 2025-01-31, 31/01/2025 o RFC 3339 (por defecto hoy)"))
	ids, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(ids) == 0 {
		return e.usageError("check", l.t("no invoice number given", "no se indicó ningún número de factura"))
	}
	if *resPath == "" {
		return e.usageError("check", l.t("--resolution is required", "falta --resolution"))
	}
	day, ok := atDay(*atFlag)
	if !ok {
		return e.usageError("check", fmt.Sprintf(l.t("--at %q: want 2025-01-31, 31/01/2025 or 2025-01-31T23:30:00-05:00",
			"--at %q: use 2025-01-31, 31/01/2025 o 2025-01-31T23:30:00-05:00"), *atFlag))
	}
	if code, ok := stdinOnce(e, "check", append(ids, *resPath)...); !ok {
		return code
	}
	res, err := loadResolution(context.Background(), e, *resPath, pf)
	if err != nil {
		return inputError(e, f, *resPath, err)
	}
	c, err := validate.NewChecker(res.Ranges)
	if err != nil {
		return inputError(e, f, *resPath, err)
	}
	noteWarnings(e, f, res)
	warnings := warningsJSON(res, l)
	prefixes := prefixList(res)
	status := exitOK
	check := func(id string) {
		r := c.CheckOn(id, day)
		if !r.OK {
			status = exitFindings
		}
		writeLine(e.stdout, checkLine{Schema: schemaID, ID: r.ID, OK: r.OK, Prefix: r.Prefix, Number: r.Number,
			Findings: fromValidateAll(r.Findings, prefixes, l), Warnings: warnings})
	}
	for _, id := range ids {
		if id != "-" {
			check(id)
			continue
		}
		sc := bufio.NewScanner(e.stdin)
		for sc.Scan() {
			if id := strings.TrimSpace(sc.Text()); id != "" {
				check(id)
			}
		}
		if err := sc.Err(); err != nil {
			return inputError(e, f, "-", err)
		}
	}
	return status
}

// atDay reads --at; empty is today in Colombia.
func atDay(s string) (resolution.Date, bool) {
	if s == "" {
		return resolution.DateOf(time.Now()), true
	}
	return parseDay(s)
}

// prefixList writes the authorized prefixes, "FE,SETP" ("" for an empty
// prefix).
func prefixList(res *resolution.Resolution) string {
	var ps []string
	seen := map[string]bool{}
	for _, r := range res.Ranges {
		if r.Request != resolution.RequestDisablement && !seen[r.Prefix] {
			seen[r.Prefix] = true
			ps = append(ps, r.Prefix)
		}
	}
	return strings.Join(ps, ",")
}

// noteWarnings tells a person on stderr that the resolution carries
// warnings (they are also in every JSON line), unless --quiet.
func noteWarnings(e *env, f *flags, res *resolution.Resolution) {
	if f.quiet {
		return
	}
	for _, w := range warningsJSON(res, e.lang) {
		fmt.Fprintf(e.stderr, "dianres %s: %s (%s): %s\n", f.cmd, e.lang.t("warning", "aviso"), w.Code, w.Message)
	}
}
