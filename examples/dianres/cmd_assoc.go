package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/dianres/dianres/prefix"
)

const assocHelp = `usage: dianres assoc --resolution R --ranges RESPONSE.xml

Checks that every range of a formato 1876 is associated with the invoicing
software, against the answer of DIAN's GetNumberingRange web service (SOAP
or bare XML; "-" reads it from standard input). Prints one JSON object:
whether each range was found by (resolution number, prefix), the technical
key of the matching range (for the CUFE), and every mismatch with its DIAN
rule code (FAD05e, FAB05b, FAB07b, FAB08b, FAB10b, FAB11b, FAB12b).

Exit status: 0 no findings, 1 findings or an unreadable input, 2 usage.

Example:

  $ dianres assoc --resolution 18760000001.pdf --ranges GetNumberingRange.xml
  {"associated":true,"technical_key":"fc8eac422eba16e22ffd8c6f94b3f40a6e38162c","findings":[{"rule":"FAB11b","field":"from","resolution":"990000000","dian":"990000001","message":"DIAN's range starts at 990000001; the formato 1876 at 990000000"}]}

Flags:
`

func runAssoc(e *env, args []string) int {
	fs := newFlagSet(e, "assoc", assocHelp)
	resPath := fs.String("resolution", "", "formato 1876 PDF, or the JSON of 'dianres parse --json'")
	rangesPath := fs.String("ranges", "", `DIAN's GetNumberingRange answer (XML); "-" for standard input`)
	if err := fs.Parse(args); err != nil {
		return exitUsage(err)
	}
	if fs.NArg() > 0 || *resPath == "" || *rangesPath == "" {
		fmt.Fprintln(e.stderr, "dianres assoc: --resolution and --ranges are required, and nothing else")
		fs.Usage()
		return 2
	}
	res, err := loadResolution(context.Background(), *resPath)
	if err != nil {
		fmt.Fprintf(e.stderr, "dianres assoc: %v\n", err)
		return 1
	}
	ranges, err := readInput(e, *rangesPath, func(r io.Reader) ([]prefix.NumberingRange, error) {
		return prefix.ParseNumberingRanges(r, nil)
	})
	if err != nil {
		fmt.Fprintf(e.stderr, "dianres assoc: %s: %v\n", *rangesPath, err)
		return 1
	}
	a := prefix.Associate(res, ranges)
	if err := json.NewEncoder(e.stdout).Encode(a); err != nil {
		fmt.Fprintf(e.stderr, "dianres assoc: %v\n", err)
		return 1
	}
	if len(a.Findings) > 0 {
		return 1
	}
	return 0
}

// readInput opens path ("-" is standard input) and parses it with parse.
func readInput[T any](e *env, path string, parse func(io.Reader) (T, error)) (T, error) {
	if path == "-" {
		return parse(e.stdin)
	}
	f, err := os.Open(path)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	return parse(f)
}
