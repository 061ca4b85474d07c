package resolution_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/dianres/dianres/resolution"
)

func ExampleParseFile() {
	res, err := resolution.ParseFile(context.Background(), "../testdata/valid/sample.pdf", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Number, res.NIT+"-"+res.DV, res.Name)
	if rg, ok := res.Single(); ok {
		fmt.Println(rg.Kind, rg.Prefix, rg.From, rg.To, rg.ValidFrom, rg.ValidTo)
	}
	// Output:
	// 18764000000977 900123456-8 COMERCIALIZADORA ANDINA DE TECNOLOGÍA S.A.S.
	// electronic-invoice FE 1 1000 2024-10-19 2026-10-19
}

func ExampleParseError() {
	_, err := resolution.ParseFile(context.Background(), "../testdata/invalid/incomplete-no-table.pdf", nil)
	var pe *resolution.ParseError
	if errors.As(err, &pe) && errors.Is(err, resolution.ErrIncomplete) {
		fmt.Println("missing:", pe.Missing)
		fmt.Println(pe.Hint())
	}
	// Output:
	// missing: [ranges]
	// Part of the form could not be read; type the missing fields by hand and report the file.
}
