package validate_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/resolution"
	"github.com/dianres/dianres/validate"
)

func TestFindingMessages(t *testing.T) {
	r := fe(1, 1000, "2024-10-19", "2026-10-19")
	for _, tc := range []struct {
		name   string
		f      validate.Finding
		en, es string
	}{
		{"unknown prefix names FAD05e", validate.Finding{Code: validate.CodeUnknownPrefix, Rule: "FAD05e", ID: "FV10", Prefix: "FV"},
			`FV10: no authorized range has prefix "FV" (FAD05e)`, `FV10: ningún rango autorizado tiene el prefijo "FV" (FAD05e)`},
		{"ambiguous lists the readings", validate.Finding{Code: validate.CodeAmbiguousPrefix, ID: "FE115", Candidates: []string{"FE 115", "FE1 15"}},
			"FE115: cannot tell prefix from number; it reads as FE 115 or FE1 15", "FE115: no se puede separar el prefijo del número; se lee como FE 115 o FE1 15"},
		{"malformed quotes the text", validate.Finding{Code: validate.CodeMalformed, ID: "FE-"},
			`"FE-" is not a prefix followed by a consecutive number`, `"FE-" no es un prefijo seguido de un número consecutivo`},
		{"out of range gives the range", validate.Finding{Code: validate.CodeOutOfRange, ID: "FE1001", Prefix: "FE", Number: 1001, Range: r},
			"FE1001: number 1001 is outside the authorized range FE 1–1000", "FE1001: el número 1001 está fuera del rango autorizado FE del 1 al 1000"},
		{"not yet valid gives the start", validate.Finding{Code: validate.CodeNotYetValid, ID: "FE1", Date: date("2024-10-18"), Range: r},
			"FE1: issued on 2024-10-18, before the authorization of FE 1–1000 starts on 2024-10-19",
			"FE1: expedida el 2024-10-18, antes de que empiece la vigencia de FE del 1 al 1000 el 2024-10-19"},
		{"expired number gives the end", validate.Finding{Code: validate.CodeExpired, ID: "FE1", Date: date("2026-10-20"), Range: r},
			"FE1: issued on 2026-10-20, after the authorization of FE 1–1000 ended on 2026-10-19",
			"FE1: expedida el 2026-10-20, después de que terminara la vigencia de FE del 1 al 1000 el 2026-10-19"},
		{"expired range alert", validate.Finding{Code: validate.CodeExpired, Range: r},
			"range FE 1–1000 expired on 2026-10-19", "la vigencia del rango FE del 1 al 1000 terminó el 2026-10-19"},
		{"disabled range gives its date", validate.Finding{Code: validate.CodeDisabledRange, ID: "FE600", Number: 600,
			Range: resolution.Range{Prefix: "FE", From: 501, To: 1000, ValidFrom: date("2025-03-01"), Request: resolution.RequestDisablement}},
			"FE600: number 600 lies in FE 501–1000, disabled (inhabilitación) on 2025-03-01", "FE600: el número 600 está en FE del 501 al 1000, inhabilitado el 2025-03-01"},
		{"duplicate gives the count", validate.Finding{Code: validate.CodeDuplicate, Prefix: "FE", Number: 10, Count: 3},
			"FE10 was issued 3 times", "FE10 se expidió 3 veces"},
		{"one-number gap", validate.Finding{Code: validate.CodeGap, Prefix: "FE", Number: 4, To: 4, Count: 1},
			"FE4 was skipped", "se saltó el número FE4"},
		{"gap interval", validate.Finding{Code: validate.CodeGap, Prefix: "FE", Number: 4, To: 6, Count: 3},
			"FE4 to FE6 were skipped (3 numbers)", "se saltaron los números FE4 a FE6 (3 números)"},
		{"out of order interval", validate.Finding{Code: validate.CodeOutOfOrder, Prefix: "FE", Number: 3, To: 4},
			"FE3 to FE4 are dated earlier than a lower number", "FE3 a FE4 tienen fecha anterior a la de un número menor"},
		{"running out with projection", validate.Finding{Code: validate.CodeRunningOut, Range: r, Remaining: 50, UsedPercent: 95, ExhaustsOn: date("2025-02-10")},
			"range FE 1–1000: 50 numbers left (95.0% used), runs out around 2025-02-10 at the current rate",
			"rango FE del 1 al 1000: quedan 50 números (95.0 % usado), se agota hacia el 2025-02-10 al ritmo actual"},
		{"used up", validate.Finding{Code: validate.CodeRunningOut, Range: r, UsedPercent: 100},
			"range FE 1–1000 is used up", "el rango FE del 1 al 1000 está agotado"},
		{"expiring gives days", validate.Finding{Code: validate.CodeExpiring, Range: r, DaysLeft: 18},
			"range FE 1–1000: validity ends on 2026-10-19, in 18 days", "rango FE del 1 al 1000: la vigencia termina el 2026-10-19, en 18 días"},
		{"empty prefix is named", validate.Finding{Code: validate.CodeOutOfRange, ID: "1001", Number: 1001, Range: withPrefix(r, "")},
			"1001: number 1001 is outside the authorized range (no prefix) 1–1000", "1001: el número 1001 está fuera del rango autorizado (sin prefijo) del 1 al 1000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.en, tc.f.Message(validate.English))
			assert.Equal(t, tc.es, tc.f.Message(validate.Spanish))
			assert.Equal(t, tc.en, tc.f.String())
		})
	}
}

func TestFindingJSON(t *testing.T) {
	f := validate.Finding{Code: validate.CodeUnknownPrefix, Rule: validate.RuleFAD05e, ID: "FV10", Prefix: "FV", Number: 10}
	b, err := json.Marshal(f)
	require.NoError(t, err)
	assert.JSONEq(t, `{"code":"unknown-prefix","rule":"FAD05e","id":"FV10","prefix":"FV","number":10}`, string(b))
}

func TestParseLang(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    validate.Lang
		wantErr bool
	}{
		{"en", validate.English, false}, {"ES", validate.Spanish, false}, {"", validate.English, false}, {"fr", validate.English, true},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := validate.ParseLang(tc.in)
			assert.Equal(t, tc.wantErr, err != nil)
			assert.Equal(t, tc.want, got)
		})
	}
}
