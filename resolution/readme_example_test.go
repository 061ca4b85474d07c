package resolution_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/dianres/dianres/resolution"
)

// The bodies of these functions are the README's resolution snippets;
// TestReadmeSnippets (in the module root) keeps the two identical.

func readmeParseFile(ctx context.Context, name string) error {
	res, err := resolution.ParseFile(ctx, name, nil) // nil *Options: default limits
	var pe *resolution.ParseError
	switch {
	case errors.Is(err, resolution.ErrWrongPassword): // test before ErrEncrypted, which it also matches
		return fmt.Errorf("the password does not open %s: %w", name, err)
	case errors.Is(err, resolution.ErrEncrypted): // ask for it, then pass &resolution.Options{Password: …}
		return fmt.Errorf("%s needs a password: %w", name, err)
	case errors.As(err, &pe): // pe.Page, pe.Box, pe.Label, pe.Missing; with ErrIncomplete res holds what was read
		return fmt.Errorf("%w\n%s", err, pe.Hint())
	case err != nil: // the file could not be read (*fs.PathError), or ctx was cancelled
		return err
	}
	rg, _ := res.Single() // most resolutions have one range
	fmt.Println(res.Number, rg.Prefix, rg.From, rg.To, rg.ValidTo)
	fmt.Println(res.Legends()[0]) // the legend invoices must print
	return nil
}

func readmeParseText() error {
	r, err := resolution.ParseText("Autorización de numeración de facturación electrónica No 18764003567890 " +
		"de 15/06/2023 habilita del FEV1 al FEV10.000 vigente hasta 15/06/2025")
	if err != nil {
		return err // ErrIncomplete: r holds what the text says, ParseError.Missing what it lacks
	}
	rg := r.Ranges[0]
	fmt.Println(rg.Kind, rg.Prefix, rg.From, rg.To, rg.ValidFrom, rg.ValidTo, rg.Months)
	return nil
}

func Example_readme() {
	ctx := context.Background()
	for _, name := range []string{"../testdata/valid/sample.pdf", "../testdata/invalid/encrypted-rc4-user-password.pdf", "../testdata/none.pdf"} {
		if err := readmeParseFile(ctx, name); err != nil {
			fmt.Println("error:", err)
		}
	}
	if err := readmeParseText(); err != nil {
		fmt.Println("error:", err)
	}
	// Output:
	// 18764000000977 FE 1 1000 2026-10-19
	// Resolución DIAN No. 18764000000977 del 2024-10-19, autorización de numeración de factura electrónica de venta, prefijo FE del 1 al 1000, vigencia 24 meses
	// error: ../testdata/invalid/encrypted-rc4-user-password.pdf needs a password: resolution: encrypted PDF: password needed
	// error: open ../testdata/none.pdf: no such file or directory
	// electronic-invoice FEV 1 10000 2023-06-15 2025-06-15 24
}
