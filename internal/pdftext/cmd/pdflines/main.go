// Command pdflines prints the lines and words internal/pdftext finds on
// each page of a PDF, with their positions: the view field extraction
// works from. For people debugging a file the parser misreads.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/dianres/dianres/internal/pdftext"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: pdflines FILE.pdf")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ctx := context.Background()
	doc, err := pdftext.Open(ctx, f, fi.Size(), "", pdftext.Limits{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for n := 1; n <= doc.NumPages(); n++ {
		p, err := doc.Page(ctx, n)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("=== page %d (%.0fx%.0f, %d undecoded)\n", n, p.Width, p.Height, p.Undecoded)
		for _, l := range p.Lines {
			fmt.Printf("y=%6.1f-%6.1f x=%6.1f:", l.Y0, l.Y1, l.X0)
			for _, w := range l.Words {
				sp := ""
				if w.Spaced {
					sp = "~"
				}
				fmt.Printf(" [%s%s @%.0f-%.0f s%.0f]", sp, w.Text, w.X0, w.X1, w.Size)
			}
			fmt.Println()
		}
		for _, w := range p.Rotated {
			fmt.Printf("rotated: %q @%.0f,%.0f\n", w.Text, w.X0, w.Y0)
		}
	}
}
