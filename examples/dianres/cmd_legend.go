package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/dianres/dianres/resolution"
)

const legendUsage = `usage: dianres legend --resolution R.pdf
       dianres legend --text "LEGEND" (or --text - to read stdin)

Prints the legend invoices must carry, one line per range, in one canonical
wording that 'dianres parse --text' and resolution.ParseText read back.
--resolution takes a formato 1876 PDF or the JSON 'dianres parse --json'
prints; --text takes a legend or email as people write it and rewrites it.
Ranges of an "inhabilitación" are skipped (no invoice may use them), with a
note on stderr.

Example:

  $ dianres legend --text "Autorización No 18764003567890 de 15/06/2023 habilita del FEV1 al FEV10.000, vigencia 24 meses"
  Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración, prefijo FEV del 1 al 10000, vigencia 24 meses

flags:
`

func runLegend(e *env, args []string) int {
	fs := newFlagSet(e, "legend", legendUsage)
	resPath := fs.String("resolution", "", "formato 1876 `PDF`, or the JSON 'dianres parse --json' prints")
	text := fs.String("text", "", "a legend or email `TEXT` to rewrite; - reads stdin")
	if err := fs.Parse(args); err != nil {
		return exitUsage(err)
	}
	if fs.NArg() > 0 || (*resPath == "") == (*text == "") {
		fmt.Fprintln(e.stderr, "dianres legend: give exactly one of --resolution or --text, and no arguments")
		fs.Usage()
		return 2
	}

	var r *resolution.Resolution
	var err error
	if *resPath != "" {
		r, err = loadResolution(context.Background(), *resPath)
	} else {
		s := *text
		if s == "-" {
			b, rerr := io.ReadAll(io.LimitReader(e.stdin, resolution.MaxTextSize+1))
			if rerr != nil {
				fmt.Fprintf(e.stderr, "dianres legend: reading stdin: %v\n", rerr)
				return 1
			}
			s = string(b)
		}
		r, err = resolution.ParseText(s)
	}
	if err != nil {
		// A legend printed on invoices must be complete; a partial one is
		// not printed.
		fmt.Fprintf(e.stderr, "dianres legend: %v\n", err)
		var pe *resolution.ParseError
		if errors.As(err, &pe) {
			fmt.Fprintf(e.stderr, "hint: %s\n", pe.Hint())
		}
		return 1
	}

	printed := 0
	for i, l := range r.Legends() {
		if rg := r.Ranges[i]; rg.Request == resolution.RequestDisablement {
			fmt.Fprintf(e.stderr, "dianres legend: range %d (prefix %q, %d–%d) is an inhabilitación: no invoice may use it\n", i, rg.Prefix, rg.From, rg.To)
			continue
		}
		fmt.Fprintln(e.stdout, l)
		printed++
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(e.stderr, "dianres legend: warning: %s: %s\n", w.Code, w.Message)
	}
	if printed == 0 {
		fmt.Fprintln(e.stderr, "dianres legend: no range to print a legend for")
		return 1
	}
	return 0
}
