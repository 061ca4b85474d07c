package form

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dianres/dianres/internal/pdftext"
	"github.com/dianres/dianres/internal/vocab"
)

// FuzzRead feeds Read pages built from text lines "x,y,word|word|…" (one
// run each, as pageOf lays them out). Read must not panic, and the rows it
// returns must point at real pages.
func FuzzRead(f *testing.F) {
	f.Add("400,60,4.|Número|de|formulario\n400,75,18764081810977\n40,100,5.|Número|de|Identificación|Tributaria|(NIT)\n40,115,900123456")
	f.Add("30,100,30.|Modalidad\n200,100,31.|Prefijo\n260,100,32.|Desde|el|número\n350,100,33.|Hasta|el|número\n440,100,38.|Vigencia\n500,100,Tipo|de|solicitud\n" +
		"30,120,FACTURA|ELECTRÓNICA\n170,125,1\n210,125,FE\n280,125,1\n370,125,1,000\n455,125,24\n500,125,AUTORIZACIÓN|1\n30,130,DE|VENTA\n200,250,Fecha|Acuse|de|Recibo\n200,262,2 0 2 4 - 1 0 - 1 9")
	f.Add("80,39,Número|de\n196,44,18764081810977\n80,48,formulario")
	f.Add("40,80,Modalidad:|Factura|electrónica\n40,95,Prefijo:|FV\n40,110,Desde:|1\n40,125,Hasta:|5.000\n40,140,Vigencia:|12\n40,155,Tipo|de|solicitud:|Autorización")
	f.Fuzz(func(t *testing.T, in string) {
		var runs []at
		for _, l := range strings.Split(in, "\n") {
			parts := strings.SplitN(l, ",", 3)
			if len(parts) != 3 {
				continue
			}
			x, err1 := strconv.ParseFloat(parts[0], 64)
			y, err2 := strconv.ParseFloat(parts[1], 64)
			if err1 != nil || err2 != nil || x != x || y != y || x < -1e6 || x > 1e6 || y < -1e6 || y > 1e6 {
				continue
			}
			runs = append(runs, at{x: x, y: y, text: parts[2]})
		}
		if len(runs) == 0 || len(runs) > 400 {
			return
		}
		fs := Read([]*pdftext.Page{pageOf(1, runs...), pageOf(2, runs...)})
		// Every value returned passed its type: a wrong shape is never read.
		typed := func(name, text string, ok func(string) bool) {
			if text != "" && !ok(text) {
				t.Fatalf("%s %q is not of its type", name, text)
			}
		}
		consecutive := func(s string) bool { _, ok := vocab.Consecutive(s); return ok }
		typed("number", fs.Number.Text, func(s string) bool { _, ok := vocab.FormNumber(s); return ok })
		typed("dv", fs.DV.Text, func(s string) bool { _, ok := vocab.SmallInt(s, 1); return ok })
		typed("nit", fs.NIT.Text, func(s string) bool { _, _, ok := vocab.NIT(s); return ok })
		for _, r := range fs.Rows {
			if r.Page != 1 && r.Page != 2 {
				t.Fatalf("row on page %d", r.Page)
			}
			typed("from", r.From.Text, consecutive)
			typed("to", r.To.Text, consecutive)
			typed("months", r.Months.Text, func(s string) bool { _, ok := vocab.SmallInt(s, 3); return ok })
			// A table row has both bounds or neither (labelled boxes each
			// have their own label, and may be read one without the other).
			if (r.From.Text == "") != (r.To.Text == "") && (r.From.How == "column" || r.To.How == "column") {
				t.Fatalf("one bound without the other in a table row: %q %q", r.From.Text, r.To.Text)
			}
		}
	})
}
