package pdftext_test

import (
	"bytes"
	"context"
	"fmt"
	"log"

	"github.com/dianres/dianres/internal/pdftext"
)

// A form number printed one digit per box comes back as one word, marked
// Spaced; ordinary text comes back word by word in reading order.
func Example() {
	data := pdftext.OnePage(pdftext.TestPage{Content: "BT /F1 9 Tf 40 700 Td (4. N\\372mero de formulario) Tj ET\n" +
		spaced(200, 700, 12, 8, "18764081810977")})

	ctx := context.Background()
	doc, err := pdftext.Open(ctx, bytes.NewReader(data), int64(len(data)), "", pdftext.Limits{})
	if err != nil {
		log.Fatal(err)
	}
	page, err := doc.Page(ctx, 1)
	if err != nil {
		log.Fatal(err)
	}
	for _, line := range page.Lines {
		for _, w := range line.Words {
			fmt.Printf("%-14s x=%5.1f y=%5.1f spaced=%v\n", w.Text, w.X0, w.Y0, w.Spaced)
		}
	}
	// Output:
	// 4.             x= 40.0 y= 84.8 spaced=false
	// Número         x= 50.0 y= 84.8 spaced=false
	// de             x= 84.5 y= 84.8 spaced=false
	// formulario     x= 97.0 y= 84.8 spaced=false
	// 18764081810977 x=200.0 y= 85.6 spaced=true
}

// Limits bound the work; the error names the limit that was hit.
func ExampleLimitError() {
	data := pdftext.OnePage(pdftext.TestPage{Content: "q Q q Q q Q q Q"})
	ctx := context.Background()
	doc, err := pdftext.Open(ctx, bytes.NewReader(data), int64(len(data)), "", pdftext.Limits{MaxOps: 3})
	if err != nil {
		log.Fatal(err)
	}
	_, err = doc.Page(ctx, 1)
	fmt.Println(err)
	// Output: pdftext: limit MaxOps exceeded
}
