package main

import (
	"context"
	"fmt"
	"io"

	"github.com/dianres/dianres/resolution"
)

func legendHelp(l lang) string {
	return l.t(`usage: dianres legend --resolution R
       dianres legend --text TEXT|-

Prints the legend invoices must carry, one line per range, in one
canonical wording that 'dianres parse --text' and resolution.ParseText read
back. --resolution takes a formato 1876 PDF or a line of 'dianres parse
--json' ("-": standard input); --text takes a legend or e-mail as people
write it ("-": standard input) and rewrites it. Ranges of an
"inhabilitación" are skipped (no invoice may use them), with a note on
stderr. With --json: one line per range, {"schema","index","prefix","legend"}.

Exit status: 0 printed; 1 no range to print; 2 usage error; 3 R or TEXT
could not be read (a partial legend is never printed).

Example:
  $ dianres legend --text "Autorización No 18764003567890 de 15/06/2023 habilita del FEV1 al FEV10.000, vigencia 24 meses"
  Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración, prefijo FEV del 1 al 10000, vigencia 24 meses
`, `uso: dianres legend --resolution R
     dianres legend --text TEXTO|-

Imprime la leyenda que deben llevar las facturas, una línea por rango, en
una redacción canónica que 'dianres parse --text' y resolution.ParseText
vuelven a leer. --resolution recibe un PDF del formato 1876 o una línea de
'dianres parse --json' ("-": entrada estándar); --text recibe una leyenda o
un correo como la gente los escribe ("-": entrada estándar) y la reescribe.
Los rangos de una inhabilitación se omiten (ninguna factura puede usarlos),
con una nota en stderr. Con --json: una línea por rango,
{"schema","index","prefix","legend"}.

Código de salida: 0 impresa; 1 ningún rango para imprimir; 2 error de uso;
3 no se pudo leer R o TEXTO (nunca se imprime una leyenda parcial).

Ejemplo:
  $ dianres legend --text "Autorización No 18764003567890 de 15/06/2023 habilita del FEV1 al FEV10.000, vigencia 24 meses"
  Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración, prefijo FEV del 1 al 10000, vigencia 24 meses
`)
}

type legendLine struct {
	Schema string `json:"schema"`
	Index  int    `json:"index"` // 1-based range number
	Prefix string `json:"prefix"`
	Legend string `json:"legend"`
}

func runLegend(e *env, args []string) int {
	l := e.lang
	f := newFlags(e, "legend", legendHelp, [2]string{"print JSON lines", "imprime líneas JSON"})
	pf := addPDFFlags(f)
	resPath := addResolutionFlag(f, false)
	text := f.String("text", "", l.t("a legend or e-mail `TEXT` to rewrite; - reads stdin", "`TEXTO` de una leyenda o correo para reescribir; - lee stdin"))
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) > 0 || (*resPath == "") == (*text == "") {
		return e.usageError("legend", l.t("give exactly one of --resolution or --text, and no arguments", "indique --resolution o --text (uno solo), sin argumentos"))
	}
	if code, ok := stdinOnce(e, "legend", *resPath, *text); !ok {
		return code
	}

	var r *resolution.Resolution
	var err error
	input := *resPath
	if *resPath != "" {
		r, err = loadResolution(context.Background(), e, *resPath, pf)
	} else {
		input = ""
		s := *text
		if s == "-" {
			input = "-"
			b, rerr := io.ReadAll(io.LimitReader(e.stdin, resolution.MaxTextSize+1))
			if rerr != nil {
				return inputError(e, f, "-", rerr)
			}
			s = string(b)
		}
		r, err = resolution.ParseText(s)
	}
	if err != nil {
		// A legend printed on invoices must be complete; a partial one is not printed.
		return inputError(e, f, input, err)
	}
	noteWarnings(e, f, r)
	printed := 0
	for i, lg := range r.Legends() {
		if rg := r.Ranges[i]; rg.Request == resolution.RequestDisablement {
			if !f.quiet {
				fmt.Fprintf(e.stderr, l.t("dianres legend: range %d (prefix %q, %d-%d) is an inhabilitación: no invoice may use it\n",
					"dianres legend: el rango %d (prefijo %q, %d-%d) es una inhabilitación: ninguna factura puede usarlo\n"), i+1, rg.Prefix, rg.From, rg.To)
			}
			continue
		}
		if f.json {
			writeLine(e.stdout, legendLine{Schema: schemaID, Index: i + 1, Prefix: r.Ranges[i].Prefix, Legend: lg})
		} else {
			fmt.Fprintln(e.stdout, lg)
		}
		printed++
	}
	if printed == 0 {
		fmt.Fprintln(e.stderr, l.t("dianres legend: no range to print a legend for", "dianres legend: no hay ningún rango para imprimir su leyenda"))
		return exitFindings
	}
	return exitOK
}
