package prefix_test

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/dianres/dianres/prefix"
	"github.com/dianres/dianres/resolution"
)

// The body of readmePrefix is the README's prefix snippet;
// TestReadmeSnippets (in the module root) keeps the two identical.

func readmePrefix(res *resolution.Resolution, resp, invoiceXML io.Reader, softwareID string) error {
	ranges, err := prefix.ParseNumberingRanges(resp, nil) // DIAN's GetNumberingRange answer, SOAP or bare
	if err != nil {
		return err // *prefix.ParseError, or *prefix.OperationError when DIAN answered an error code
	}
	a := prefix.Associate(res, ranges) // a.Associated, a.TechnicalKey (for the CUFE), a.Matched per row
	for _, m := range a.Findings {     // DIAN rule codes: FAD05e, FAB05b, FAB07b…FAB12b
		fmt.Println(m.Rule, m.Field, m.Resolution, m.Found)
	}

	inv, err := prefix.ParseInvoice(invoiceXML, nil) // UBL invoice, note, support document or AttachedDocument
	if err != nil {
		return err
	}
	rep := prefix.CheckInvoice(res, inv, &prefix.InvoiceOptions{SoftwareID: softwareID})
	fmt.Println(a.Associated, a.TechnicalKey, rep.ID, len(rep.Findings))
	return nil
}

func Example_readme() {
	res, err := resolution.ParseFile(context.Background(), "../testdata/valid/dian-test-range.pdf", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	resp, err := os.Open("../testdata/xml/ranges-soap.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Close()
	inv, err := os.Open("../testdata/xml/invoice-setp.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer inv.Close()
	if err := readmePrefix(res, resp, inv, "56f2ae4e-9812-4fad-9255-08fcfcd5ccb0"); err != nil {
		fmt.Println("error:", err)
	}
	// Output:
	// true fc8eac422eba16e22ffd8c6f94b3f40a6e38162c SETP990000002 0
}
