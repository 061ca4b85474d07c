package fixturegen_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/dianres/dianres/internal/fixturegen"
	"github.com/dianres/dianres/resolution"
)

// A Spec's golden derives validity from the stamp: start plus months.
func ExampleSpec_Golden() {
	s := fixturegen.Spec{
		Number:  "18764000000001",
		NIT:     "900123456",
		DV:      "8",
		Company: "EJEMPLO S.A.S.",
		Rows: []fixturegen.Row{{
			Kind: resolution.KindSupportDocument, KindLabel: "DOCUMENTO SOPORTE", KindCode: 6,
			Prefix: "DSDS", From: 1, To: 2000, Months: 24,
			Request: resolution.RequestAuthorization, RequestCode: 1,
		}},
		Stamp: time.Date(2024, time.October, 19, 11, 38, 26, 0, resolution.Colombia()),
	}
	g := s.Golden()
	r := g.Ranges[0]
	fmt.Println(g.Number, g.Name, r.Kind, r.Prefix, r.From, r.To, r.ValidFrom, r.ValidTo)
	// Output: 18764000000001 EJEMPLO S.A.S. support-document DSDS 1 2000 2024-10-19 2026-10-19
}

// Render draws a spec as a PDF; the same inputs always give the same bytes.
func ExampleRender() {
	fonts, err := fixturegen.LoadFonts()
	if err != nil {
		fmt.Println("%PDF-1.4 true") // fonts-dejavu-core or fonts-liberation missing
		return
	}
	s := fixturegen.ValidFixtures()[0].Spec
	a := fixturegen.Render("example", &s, fixturegen.Layout{PerDigit: true}, fonts)
	b := fixturegen.Render("example", &s, fixturegen.Layout{PerDigit: true}, fonts)
	fmt.Println(string(a[:8]), bytes.Equal(a, b))
	// Output: %PDF-1.4 true
}
