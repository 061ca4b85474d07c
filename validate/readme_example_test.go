package validate_test

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dianres/dianres/resolution"
	"github.com/dianres/dianres/validate"
)

// The body of readmeValidate is the README's validate snippet;
// TestReadmeSnippets (in the module root) keeps the two identical.

func readmeValidate(res *resolution.Resolution, issued io.Reader, at time.Time) error {
	c, err := validate.NewChecker(res.Ranges)
	if err != nil {
		return err // a range whose From is above its To: validate.ErrBadRange
	}
	r := c.Check("FE1001", at) // r.OK, r.Prefix, r.Number, r.Findings
	for _, f := range r.Findings {
		fmt.Println(f.Code, f.Message(validate.Spanish))
	}

	a, err := validate.NewAuditor(res.Ranges, &validate.Options{WarnPercent: 10, WarnDays: 30})
	if err != nil {
		return err
	}
	if _, err := a.ReadLines(issued); err != nil { // "FE10" or "FE10,2025-01-31" per line, any order
		return err // a *validate.LineError names the line (a.AddLine goes on after one)
	}
	rep := a.Report(resolution.DateOf(at))
	fmt.Println(rep.Clean(), rep.Ranges[0].Missing)
	return nil
}

func Example_readme() {
	res, err := resolution.ParseFile(context.Background(), "../testdata/valid/sample.pdf", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Date(2025, 1, 31, 12, 0, 0, 0, resolution.Colombia())
	if err := readmeValidate(res, strings.NewReader("FE1\nFE2,2025-01-30\nFE5\n"), at); err != nil {
		fmt.Println("error:", err)
	}
	// Output:
	// out-of-range FE1001: el número 1001 está fuera del rango autorizado FE del 1 al 1000
	// false 2
}
