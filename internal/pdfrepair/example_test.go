package pdfrepair_test

import (
	"errors"
	"fmt"

	"github.com/dianres/dianres/internal/pdfrepair"
)

// A one-page PDF as a customer's tool left it: a second %%EOF and NULs
// after the end, which ledongthuc/pdf refuses.
const damaged = "%PDF-1.4\n" +
	"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
	"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
	"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n" +
	"trailer << /Root 1 0 R >>\n%%EOF\n\x00\x00%%EOF\x00"

func Example() {
	data := []byte(damaged)
	if err := pdfrepair.Check(data); err != nil {
		fmt.Println("check:", errors.Is(err, pdfrepair.ErrUnsupported))
		clean, err := pdfrepair.Rewrite(data, "", pdfrepair.Limits{})
		if err != nil {
			fmt.Println(err)
			return
		}
		data = clean
	}
	fmt.Println("after rewrite:", pdfrepair.Check(data))
	// Output:
	// check: true
	// after rewrite: <nil>
}

func ExampleCheck() {
	err := pdfrepair.Check([]byte("%PDF-2.0\n..."))
	fmt.Println(err)
	// Output:
	// pdfrepair: offset 0: header is not %PDF-1.0 to %PDF-1.7 at byte 0: not readable by ledongthuc/pdf as is
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
