package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/dianres/dianres/prefix"
)

const invoiceHelp = `usage: dianres invoice --resolution R [--software-id ID] INVOICE.xml

Checks a UBL 2.1 DIAN invoice, credit or debit note or support document
("-" reads it from standard input) against its formato 1876: the
authorization in sts:InvoiceControl with DIAN's rule codes (FAD05e, FAB05b,
FAB07b, FAB08b, FAB10b, FAB11b, FAB12b), the software (FAB05c, only with
--software-id), and that cbc:ID is an authorized prefix and a number in the
range (id-prefix, number-in-range) issued within validity on Colombia's
calendar (issue-date). Prints one JSON object.

Exit status: 0 no findings, 1 findings or an unreadable input, 2 usage.

Example:

  $ dianres invoice --resolution 18760000001.pdf --software-id 56f2ae4e-9812-4fad-9255-08fcfcd5ccb0 SETP990000002.xml
  {"id":"SETP990000002","findings":[{"rule":"FAB10b","field":"prefix","resolution":"SETP","invoice":"SETT","message":"..."}]}

Flags:
`

func runInvoice(e *env, args []string) int {
	fs := newFlagSet(e, "invoice", invoiceHelp)
	resPath := fs.String("resolution", "", "formato 1876 PDF, or the JSON of 'dianres parse --json'")
	softwareID := fs.String("software-id", "", "the software the range is associated with; enables FAB05c")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage(err)
	}
	if len(files) != 1 || *resPath == "" {
		fmt.Fprintln(e.stderr, "dianres invoice: --resolution and exactly one INVOICE.xml are required")
		fs.Usage()
		return 2
	}
	res, err := loadResolution(context.Background(), *resPath)
	if err != nil {
		fmt.Fprintf(e.stderr, "dianres invoice: %v\n", err)
		return 1
	}
	inv, err := readInput(e, files[0], func(r io.Reader) (*prefix.Invoice, error) {
		return prefix.ParseInvoice(r, nil)
	})
	if err != nil {
		fmt.Fprintf(e.stderr, "dianres invoice: %s: %v\n", files[0], err)
		return 1
	}
	rep := prefix.CheckInvoice(res, inv, &prefix.InvoiceOptions{SoftwareID: *softwareID})
	if err := json.NewEncoder(e.stdout).Encode(rep); err != nil {
		fmt.Fprintf(e.stderr, "dianres invoice: %v\n", err)
		return 1
	}
	if len(rep.Findings) > 0 {
		return 1
	}
	return 0
}
