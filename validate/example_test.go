package validate_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/dianres/dianres/resolution"
	"github.com/dianres/dianres/validate"
)

// Checking numbers on DIAN's test range: resolution 18760000001, prefix
// SETP, 990000000–995000000, valid 2019-01-19 to 2030-01-19.
func ExampleChecker_Check() {
	res := &resolution.Resolution{Number: "18760000001", Ranges: []resolution.Range{{
		Kind: resolution.KindElectronicInvoice, Prefix: "SETP", From: 990000000, To: 995000000,
		ValidFrom: resolution.NewDate(2019, time.January, 19), ValidTo: resolution.NewDate(2030, time.January, 19),
		Request: resolution.RequestAuthorization,
	}}}
	c, err := validate.NewChecker(res.Ranges)
	if err != nil {
		panic(err)
	}
	// 23:30 in Bogotá on the last valid day is already the next day in UTC.
	lastEvening := time.Date(2030, time.January, 20, 4, 30, 0, 0, time.UTC)
	for _, id := range []string{"SETP990000002", "SETP995000001", "SETT990000002"} {
		r := c.Check(id, lastEvening)
		fmt.Println(id, r.OK, r.Prefix, r.Number)
		for _, f := range r.Findings {
			fmt.Printf("  %s %s: %s\n", f.Code, f.Rule, f.Message(validate.English))
			fmt.Printf("  %s\n", f.Message(validate.Spanish))
		}
	}
	// Output:
	// SETP990000002 true SETP 990000002
	// SETP995000001 false SETP 995000001
	//   out-of-range : SETP995000001: number 995000001 is outside the authorized range SETP 990000000–995000000
	//   SETP995000001: el número 995000001 está fuera del rango autorizado SETP del 990000000 al 995000000
	// SETT990000002 false SETT 990000002
	//   unknown-prefix FAD05e: SETT990000002: no authorized range has prefix "SETT" (FAD05e)
	//   SETT990000002: ningún rango autorizado tiene el prefijo "SETT" (FAD05e)
}

// Auditing a numbering: duplicates, gaps and what is left.
func Example_gaps() {
	a, err := validate.NewAuditor([]resolution.Range{{
		Prefix: "FE", From: 1, To: 20,
		ValidFrom: resolution.NewDate(2025, time.January, 1), ValidTo: resolution.NewDate(2027, time.January, 1),
	}}, nil)
	if err != nil {
		panic(err)
	}
	issued := "FE1,2025-01-02\nFE2,2025-01-02\nFE3,2025-01-03\nFE5,2025-01-03\nFE5,2025-01-04\nFE9,2025-01-05\nFE12,2025-01-06\n"
	if _, err := a.ReadLines(strings.NewReader(issued)); err != nil {
		panic(err)
	}
	rep := a.Report(resolution.NewDate(2025, time.February, 1))
	rr := rep.Ranges[0]
	fmt.Println("issued", rr.Issued, "unique", rr.Unique, "remaining", rr.Remaining)
	fmt.Println("gaps", rr.Gaps)
	for _, f := range rep.Findings() {
		fmt.Println(f.Code, "-", f.Message(validate.English))
	}
	// Output:
	// issued 7 unique 6 remaining 8
	// gaps [{4 4} {6 8} {10 11}]
	// duplicate - FE5 was issued 2 times
	// gap - FE4 was skipped
	// gap - FE6 to FE8 were skipped (3 numbers)
	// gap - FE10 to FE11 were skipped (2 numbers)
	// running-out - range FE 1–20: 8 numbers left (60.0% used), runs out around 2025-02-22 at the current rate
}
