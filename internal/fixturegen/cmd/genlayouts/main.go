// Command genlayouts writes testdata/layouts: formato 1876 PDFs drawn
// from random layouts, grouped by layout family, each with its truth
// JSON. Run it from the module root:
//
//	go run ./internal/fixturegen/cmd/genlayouts        # writer PDFs and every truth file
//	go run ./internal/fixturegen/cmd/genlayouts -gs    # also the Ghostscript PDFs (needs ps2pdf)
//	go run ./internal/fixturegen/cmd/genlayouts -chromium # also the Chromium PDFs (needs chromium)
//	go run ./internal/fixturegen/cmd/genlayouts -ps DIR # only the PostScript sources, to run ps2pdf by hand
//
// -gs runs, for every Ghostscript document,
//
//	SOURCE_DATE_EPOCH=1700000000 ps2pdf -dAutoRotatePages=/None NAME.ps testdata/layouts/FAMILY/NAME.pdf
//
// and -chromium, for every Chromium document (HTML with inline SVG; the
// fonts DejaVu Sans, Nimbus Sans and Nimbus Mono PS must be installed),
//
//	chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=NAME.pdf file://NAME.html
//
// The writer's PDFs are byte-for-byte reproducible and a test checks
// that the committed ones are current. The Ghostscript PDFs depend on
// the installed Ghostscript; regenerate them with -gs only when their
// documents change (their truth files are always rewritten).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/dianres/dianres/internal/fixturegen/layouts"
)

func main() {
	dir := flag.String("dir", "testdata/layouts", "directory to write into")
	n := flag.Int("n", layouts.PerFamily, "documents per family and producer")
	gs := flag.Bool("gs", false, "also render the Ghostscript documents with ps2pdf")
	chromium := flag.Bool("chromium", false, "also render the Chromium documents with headless chromium")
	ps := flag.String("ps", "", "only write the Ghostscript documents' PostScript into this directory")
	flag.Parse()
	if *ps != "" {
		err := os.MkdirAll(*ps, 0o755)
		if err == nil {
			err = layouts.WritePostScript(*ps, *n)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "genlayouts:", err)
			os.Exit(1)
		}
		return
	}
	if err := layouts.Write(context.Background(), *dir, *n, *gs, *chromium); err != nil {
		fmt.Fprintln(os.Stderr, "genlayouts:", err)
		os.Exit(1)
	}
}
