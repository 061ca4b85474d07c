// Command genfixtures rewrites the generated test fixtures:
// testdata/valid and testdata/invalid (PDFs, goldens, .want files).
//
// Run it from the module root:
//
//	go run ./internal/fixturegen/cmd/genfixtures [-dir testdata]
//
// With -producers it also writes the byte-level variants of
// testdata/producers that come from the generator's own writer (stream
// filters, damaged cross-reference data); producers.sh calls it that way,
// and with -sources DIR to get the HTML, PostScript and JSON it renders.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dianres/dianres/internal/fixturegen"
)

func main() {
	dir := flag.String("dir", "testdata", "testdata directory to write into")
	producers := flag.Bool("producers", false, "also write the writer-made variants into DIR/producers")
	sources := flag.String("sources", "", "only write the producer sources (HTML, PostScript, JSON, goldens) into this directory")
	bomb := flag.Bool("bomb", false, "also write invalid/flate-bomb-1gib.pdf (1 GiB of zeros deflated; slow)")
	flag.Parse()
	if *sources != "" {
		if err := fixturegen.WriteProducerSources(*sources); err != nil {
			fmt.Fprintln(os.Stderr, "genfixtures:", err)
			os.Exit(1)
		}
		return
	}
	if err := fixturegen.Write(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "genfixtures:", err)
		os.Exit(1)
	}
	if *producers {
		if err := fixturegen.WriteProducers(*dir); err != nil {
			fmt.Fprintln(os.Stderr, "genfixtures:", err)
			os.Exit(1)
		}
	}
	if *bomb {
		base := filepath.Join(*dir, "invalid", "flate-bomb-1gib")
		if err := os.WriteFile(base+".pdf", fixturegen.FlateBomb(), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "genfixtures:", err)
			os.Exit(1)
		}
		if err := os.WriteFile(base+".want", []byte(fixturegen.WantLimit+"\n"), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "genfixtures:", err)
			os.Exit(1)
		}
	}
}
