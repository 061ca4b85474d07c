package main

import (
	"context"
	"io"

	"github.com/dianres/dianres/prefix"
	"github.com/dianres/dianres/resolution"
)

func assocHelp(l lang) string {
	return l.t(`usage: dianres assoc --resolution R --ranges RESPONSE.xml|-

Checks that every range of a formato 1876 is associated with the invoicing
software, against the answer of DIAN's GetNumberingRange web service (SOAP
or bare XML; "-" reads it from standard input). R is a formato 1876 PDF or
a line of 'dianres parse --json' ("-" for standard input too).

Prints one JSON line: "associated" (every range found by resolution number
and prefix) and, per range of the resolution, whether it was found, its
technical key ("clave técnica", for the CUFE) and its findings, with DIAN's
rule codes (FAD05e, FAB05b, FAB07b, FAB08b, FAB10b, FAB11b, FAB12b).
Disablement ("inhabilitación") ranges are not looked up ("checked":false).

Exit status: 0 no findings; 1 findings; 2 usage error; 3 R or the XML
could not be read (or DIAN answered with an error).

Example:
  dianres assoc --resolution 18760000001.pdf --ranges GetNumberingRange.xml
  {"schema":"dianres/v1","associated":true,"ranges":[{"index":1,"prefix":"SETP","from":990000000,"to":995000000,"checked":true,"associated":true,"technical_key":"fc8e…","findings":[]}],"warnings":[]}
`, `uso: dianres assoc --resolution R --ranges RESPUESTA.xml|-

Verifica que cada rango de un formato 1876 esté asociado al software de
facturación, contra la respuesta del servicio GetNumberingRange de la DIAN
(SOAP o XML simple; "-" la lee de la entrada estándar). R es un PDF del
formato 1876 o una línea de 'dianres parse --json' (también "-").

Imprime una línea JSON: "associated" (todos los rangos encontrados por
número de resolución y prefijo) y, por cada rango de la resolución, si se
encontró, su clave técnica (para el CUFE) y sus hallazgos, con los códigos
de regla de la DIAN (FAD05e, FAB05b, FAB07b, FAB08b, FAB10b, FAB11b,
FAB12b). Los rangos de una inhabilitación no se buscan ("checked":false).

Código de salida: 0 sin hallazgos; 1 hallazgos; 2 error de uso; 3 no se
pudo leer R o el XML (o la DIAN respondió con un error).

Ejemplo:
  dianres assoc --resolution 18760000001.pdf --ranges GetNumberingRange.xml
`)
}

// assocRange is one range of the resolution and what DIAN holds for it.
type assocRange struct {
	Index        int       `json:"index"` // 1-based, in the form's order
	Prefix       string    `json:"prefix"`
	From         int64     `json:"from"`
	To           int64     `json:"to"`
	Checked      bool      `json:"checked"` // false for a disablement row
	Associated   bool      `json:"associated"`
	TechnicalKey string    `json:"technical_key"`
	Findings     []finding `json:"findings"`
}

type assocLine struct {
	Schema     string        `json:"schema"`
	Associated bool          `json:"associated"`
	Ranges     []assocRange  `json:"ranges"`
	Warnings   []warningJSON `json:"warnings"`
}

func runAssoc(e *env, args []string) int {
	l := e.lang
	f := newFlags(e, "assoc", assocHelp, jsonResultsUsage)
	pf := addPDFFlags(f)
	resPath := addResolutionFlag(f, true)
	rangesPath := f.String("ranges", "", l.t("DIAN's GetNumberingRange answer (`XML`); - for stdin (required)", "respuesta GetNumberingRange de la DIAN (`XML`); - para stdin (obligatorio)"))
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return e.usageError("assoc", l.t("takes no arguments, only --resolution and --ranges", "no recibe argumentos, solo --resolution y --ranges"))
	}
	if *resPath == "" || *rangesPath == "" {
		return e.usageError("assoc", l.t("--resolution and --ranges are required", "faltan --resolution y --ranges"))
	}
	if code, ok := stdinOnce(e, "assoc", *resPath, *rangesPath); !ok {
		return code
	}
	res, err := loadResolution(context.Background(), e, *resPath, pf)
	if err != nil {
		return inputError(e, f, *resPath, err)
	}
	noteWarnings(e, f, res)
	ranges, err := readXML(e, *rangesPath, func(r io.Reader) ([]prefix.NumberingRange, error) {
		return prefix.ParseNumberingRanges(r, nil)
	})
	if err != nil {
		return inputError(e, f, *rangesPath, err)
	}
	out := associate(res, ranges, l)
	writeLine(e.stdout, out)
	for _, r := range out.Ranges {
		if len(r.Findings) > 0 {
			return exitFindings
		}
	}
	return exitOK
}

// associate looks each range up on its own, so each gets its technical
// key and its findings.
func associate(res *resolution.Resolution, ranges []prefix.NumberingRange, l lang) assocLine {
	out := assocLine{Schema: schemaID, Associated: true, Ranges: []assocRange{}, Warnings: warningsJSON(res, l)}
	checked := 0
	for i, rg := range res.Ranges {
		ar := assocRange{Index: i + 1, Prefix: rg.Prefix, From: rg.From, To: rg.To, Findings: []finding{}}
		if rg.Request != resolution.RequestDisablement {
			checked++
			one := *res
			one.Ranges = []resolution.Range{rg}
			a := prefix.Associate(&one, ranges)
			ar.Checked, ar.Associated, ar.TechnicalKey = true, a.Associated, a.TechnicalKey
			for _, m := range a.Findings {
				if fd, ok := fromMismatch(m, l); ok {
					ar.Findings = append(ar.Findings, fd)
				}
			}
			out.Associated = out.Associated && a.Associated
		}
		out.Ranges = append(out.Ranges, ar)
	}
	if checked == 0 {
		out.Associated = false
	}
	return out
}

// readXML opens path ("-" is standard input) and parses it with parse.
func readXML[T any](e *env, path string, parse func(io.Reader) (T, error)) (T, error) {
	in, err := e.openInput(path)
	if err != nil {
		var zero T
		return zero, err
	}
	defer in.Close()
	return parse(in)
}
