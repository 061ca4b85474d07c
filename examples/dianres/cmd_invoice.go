package main

import (
	"context"
	"io"

	"github.com/dianres/dianres/prefix"
	"github.com/dianres/dianres/validate"
)

func invoiceHelp(l lang) string {
	return l.t(`usage: dianres invoice --resolution R [--software-id ID] INVOICE.xml|-

Checks a UBL 2.1 DIAN invoice, credit or debit note or support document
("-" reads it from standard input) against its formato 1876: the
authorization in sts:InvoiceControl with DIAN's rule codes (FAD05e,
FAB05b, FAB07b, FAB08b, FAB10b, FAB11b, FAB12b), the software (FAB05c,
only with --software-id), and cbc:ID checked on its Colombian issue day
exactly as 'dianres check' does, with the same codes (unknown-prefix,
out-of-range, not-yet-valid, expired, disabled-range, malformed…).

Prints one JSON line:
  {"schema":"dianres/v1","id":…,"ok":…,"issue_date":…,"findings":[…],"warnings":[…]}

Exit status: 0 no findings; 1 findings; 2 usage error; 3 R or the XML
could not be read.

Example:
  dianres invoice --resolution 18760000001.pdf --software-id 56f2ae4e-9812-4fad-9255-08fcfcd5ccb0 SETP990000002.xml
`, `uso: dianres invoice --resolution R [--software-id ID] FACTURA.xml|-

Verifica una factura, nota crédito o débito o documento soporte UBL 2.1 de
la DIAN ("-" la lee de la entrada estándar) contra su formato 1876: la
autorización de sts:InvoiceControl con los códigos de regla de la DIAN
(FAD05e, FAB05b, FAB07b, FAB08b, FAB10b, FAB11b, FAB12b), el software
(FAB05c, solo con --software-id), y cbc:ID en su día de expedición en
Colombia tal como lo hace 'dianres check', con los mismos códigos
(unknown-prefix, out-of-range, not-yet-valid, expired, disabled-range,
malformed…).

Imprime una línea JSON:
  {"schema":"dianres/v1","id":…,"ok":…,"issue_date":…,"findings":[…],"warnings":[…]}

Código de salida: 0 sin hallazgos; 1 hallazgos; 2 error de uso; 3 no se
pudo leer R o el XML.

Ejemplo:
  dianres invoice --resolution 18760000001.pdf --software-id 56f2ae4e-9812-4fad-9255-08fcfcd5ccb0 SETP990000002.xml
`)
}

type invoiceLine struct {
	Schema    string        `json:"schema"`
	ID        string        `json:"id"`
	OK        bool          `json:"ok"`
	IssueDate string        `json:"issue_date"`
	Findings  []finding     `json:"findings"`
	Warnings  []warningJSON `json:"warnings"`
}

func runInvoice(e *env, args []string) int {
	l := e.lang
	f := newFlags(e, "invoice", invoiceHelp, jsonResultsUsage)
	pf := addPDFFlags(f)
	resPath := addResolutionFlag(f, true)
	softwareID := f.String("software-id", "", l.t("the software `ID` the range is associated with; enables FAB05c", "el `ID` del software al que está asociado el rango; activa FAB05c"))
	files, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(files) != 1 {
		return e.usageError("invoice", l.t("want exactly one INVOICE.xml (or - for standard input)", "indique exactamente una FACTURA.xml (o - para la entrada estándar)"))
	}
	if *resPath == "" {
		return e.usageError("invoice", l.t("--resolution is required", "falta --resolution"))
	}
	if code, ok := stdinOnce(e, "invoice", files[0], *resPath); !ok {
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
	inv, err := readXML(e, files[0], func(r io.Reader) (*prefix.Invoice, error) {
		return prefix.ParseInvoice(r, nil)
	})
	if err != nil {
		return inputError(e, f, files[0], err)
	}
	out := invoiceLine{Schema: schemaID, ID: inv.ID, IssueDate: inv.IssueDay().String(), Findings: []finding{}, Warnings: warningsJSON(res, l)}
	// InvoiceControl and software: DIAN's rules, from package prefix.
	for _, m := range prefix.CheckInvoice(res, inv, &prefix.InvoiceOptions{SoftwareID: *softwareID}).Findings {
		if fd, ok := fromMismatch(m, l); ok {
			out.Findings = append(out.Findings, fd)
		}
	}
	// cbc:ID: the same check, and so the same codes, as 'dianres check'.
	r := c.CheckOn(inv.ID, inv.IssueDay())
	out.Findings = append(out.Findings, fromValidateAll(r.Findings, prefixList(res), l)...)
	out.OK = len(out.Findings) == 0
	writeLine(e.stdout, out)
	if !out.OK {
		return exitFindings
	}
	return exitOK
}
