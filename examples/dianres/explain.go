package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/dianres/dianres/resolution"
)

// printExplain prints where each value of res was read, one field a line:
// what a support person needs to see why a value was read, and where to
// look when it was not.
func printExplain(w io.Writer, res *resolution.Resolution, l lang) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, l.t("FIELD\tVALUE\tPAGE\tBOX\tLABEL\tHOW\tRUNNER-UP\tCHECKS / NOTES",
		"CAMPO\tVALOR\tPÁG.\tCASILLA\tETIQUETA\tCÓMO\tSEGUNDO CANDIDATO\tVERIFICACIONES / NOTAS"))
	for _, s := range res.Sources() {
		value := s.Text
		if value == "" {
			value = l.t("(not read)", "(no leído)")
		}
		var notes []string
		for _, c := range s.Checks {
			notes = append(notes, checkText(c, l))
		}
		if s.Problem != "" {
			notes = append(notes, s.Problem)
		}
		if s.Near != "" {
			notes = append(notes, fmt.Sprintf(l.t("near the label: %q", "cerca de la etiqueta: %q"), s.Near))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s.Field, value, num(s.Page), num(s.Box), s.Label,
			howText(s.How, l), s.RunnerUp, strings.Join(notes, "; "))
	}
	tw.Flush()
}

func num(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// howText says in the user's language how a value was found.
func howText(how string, l lang) string {
	es := map[string]string{
		"beside": "al lado de la etiqueta", "below": "debajo de la etiqueta", "above": "encima de la etiqueta",
		"column": "columna de la tabla", "pattern": "patrón del número", "stamp": "sello de la DIAN", "text": "solo en el orden del texto",
		"before": "antes de la etiqueta", "heading": "título del grupo de filas", "prose": "párrafo numerado",
	}
	en := map[string]string{
		"beside": "beside its label", "below": "below its label", "above": "above its label",
		"column": "table column", "pattern": "number pattern", "stamp": "DIAN stamp", "text": "text order only",
		"before": "before its label", "heading": "heading of its group of rows", "prose": "numbered paragraph",
	}
	if l == spanish {
		return es[how]
	}
	return en[how]
}

// checkES is the Spanish of the checks resolution.Source names.
var checkES = map[string]string{
	"the text order reads the same":     "el orden del texto dice lo mismo",
	"shaped like a formato 1876 number": "tiene la forma de un número del formato 1876",
	"its DV matches (modulo 11)":        "su DV coincide (módulo 11)",
	"matches the NIT (modulo 11)":       "coincide con el NIT (módulo 11)",
	"not below the range's start":       "no es menor que el inicio del rango",
	"0 to 4 letters and digits":         "de 0 a 4 letras y dígitos",
}

func checkText(c string, l lang) string {
	if es, ok := checkES[c]; ok && l == spanish {
		return es
	}
	return c
}
