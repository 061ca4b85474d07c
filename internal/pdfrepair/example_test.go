package pdfrepair_test

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/dianres/dianres/internal/pdfrepair"
)

// A one-page PDF as a customer's tool left it: no xref, a second %%EOF
// and NULs after the end. The Reader rebuilds the xref by a scan.
const damaged = "%PDF-1.4\n" +
	"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
	"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
	"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n" +
	"trailer << /Root 1 0 R >>\n%%EOF\n\x00\x00%%EOF\x00"

func Example() {
	r, err := pdfrepair.Open([]byte(damaged), "", pdfrepair.Limits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	page := r.Trailer().Key("Root").Key("Pages").Key("Kids").Index(0)
	fmt.Println("repaired:", r.Repaired())
	fmt.Println("page type:", page.Key("Type").Name(), page.Key("MediaBox").Index(2).Int64())
	// Output:
	// repaired: true
	// page type: Page 612
}

func ExampleRewrite() {
	clean, err := pdfrepair.Rewrite([]byte(damaged), "", pdfrepair.Limits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasSuffix(clean, []byte("%%EOF\n")), bytes.Contains(clean, []byte("\x00")))
	// Output:
	// true false
}

func ExampleLimitError() {
	_, err := pdfrepair.Rewrite([]byte(damaged), "", pdfrepair.Limits{MaxObjects: 2})
	var le *pdfrepair.LimitError
	if errors.As(err, &le) {
		fmt.Println("limit:", le.Name, le.Value)
	}
	// Output:
	// limit: MaxObjects 2
}
