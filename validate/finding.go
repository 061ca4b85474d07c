package validate

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dianres/dianres/resolution"
)

// Code names what a [Finding] found. Codes are stable: programs may
// branch on them and store them.
type Code string

// Finding codes.
const (
	// Per number.
	CodeUnknownPrefix   Code = "unknown-prefix"   // [DIAN] FAD05e: no authorized range has the number's prefix
	CodeAmbiguousPrefix Code = "ambiguous-prefix" // the number splits into prefix and consecutive in more than one way
	CodeMalformed       Code = "malformed"        // not a prefix followed by a consecutive (no digits, or too many)
	CodeOutOfRange      Code = "out-of-range"     // the consecutive lies outside every range of its prefix
	CodeNotYetValid     Code = "not-yet-valid"    // issued before the validity starts
	CodeExpired         Code = "expired"          // issued after the validity ended; in an audit, the range itself has expired
	CodeDisabledRange   Code = "disabled-range"   // the number lies in a range an "INHABILITACIÓN" disabled
	// Per range, from an audit.
	CodeDuplicate  Code = "duplicate"    // the same number issued more than once
	CodeGap        Code = "gap"          // numbers skipped below the highest issued
	CodeOutOfOrder Code = "out-of-order" // numbers dated earlier than a lower number
	CodeRunningOut Code = "running-out"  // few numbers left, or they run out soon at the current rate
	CodeExpiring   Code = "expiring"     // the validity ends soon
)

// RuleFAD05e is DIAN's validator rule for an invoice number whose prefix
// has no range: "Número de factura no existe para el número de
// autorización" (docs/form-1876.md §5).
const RuleFAD05e = "FAD05e"

// A Finding is one thing wrong with a number or a range. Which fields are
// set depends on Code; the rest are zero. [Finding.Message] renders it for
// a user in English or Spanish.
type Finding struct {
	Code Code `json:"code"`
	// Rule is DIAN's validator rule code ("FAD05e"), "" when DIAN has none.
	Rule string `json:"rule"`
	// ID is the full number as given ("FE10"), for per-number findings.
	ID     string `json:"id,omitzero"`
	Prefix string `json:"prefix"`
	// Number is the consecutive, or the first of an interval (gap, out-of-order).
	Number int64 `json:"number,omitzero"`
	// To is the last number of an interval (gap, out-of-order).
	To int64 `json:"to,omitzero"`
	// Count is how many times a duplicate was issued, or how many numbers
	// an interval holds.
	Count int64 `json:"count,omitzero"`
	// Date is the issue date, when known.
	Date resolution.Date `json:"date,omitzero"`
	// Range is the range the finding is about; zero when there is none
	// (unknown prefix, malformed or ambiguous number).
	Range resolution.Range `json:"range,omitzero"`
	// Candidates lists the readings of an ambiguous number, as "FE 115".
	Candidates []string `json:"candidates,omitzero"`
	// Remaining, UsedPercent, DaysLeft and ExhaustsOn describe a range
	// in running-out and expiring alerts.
	Remaining   int64           `json:"remaining,omitzero"`
	UsedPercent float64         `json:"used_percent,omitzero"`
	DaysLeft    int             `json:"days_left,omitzero"`
	ExhaustsOn  resolution.Date `json:"exhausts_on,omitzero"`
}

// Lang selects the language of [Finding.Message].
type Lang uint8

// Languages.
const (
	English Lang = iota
	Spanish
)

// ParseLang reads "en" or "es" (case-insensitive).
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(s) {
	case "en", "":
		return English, nil
	case "es":
		return Spanish, nil
	}
	return English, fmt.Errorf("validate: unknown language %q (want en or es)", s)
}

// String returns the English message.
func (f Finding) String() string { return f.Message(English) }

// Message returns a sentence fit to show a user, in English or Spanish.
func (f Finding) Message(l Lang) string {
	es := l == Spanish
	pick := func(en, sp string) string {
		if es {
			return sp
		}
		return en
	}
	rg := rangeText(f.Range, es)
	switch f.Code {
	case CodeUnknownPrefix:
		return fmt.Sprintf(pick("%s: no authorized range has prefix %q (FAD05e)",
			"%s: ningún rango autorizado tiene el prefijo %q (FAD05e)"), f.ID, f.Prefix)
	case CodeAmbiguousPrefix:
		or := pick(" or ", " o ")
		return fmt.Sprintf(pick("%s: cannot tell prefix from number; it reads as %s",
			"%s: no se puede separar el prefijo del número; se lee como %s"), f.ID, strings.Join(f.Candidates, or))
	case CodeMalformed:
		return fmt.Sprintf(pick("%q is not a prefix followed by a consecutive number",
			"%q no es un prefijo seguido de un número consecutivo"), f.ID)
	case CodeOutOfRange:
		return fmt.Sprintf(pick("%s: number %d is outside the authorized range %s",
			"%s: el número %d está fuera del rango autorizado %s"), f.ID, f.Number, rg)
	case CodeNotYetValid:
		return fmt.Sprintf(pick("%s: issued on %s, before the authorization of %s starts on %s",
			"%s: expedida el %s, antes de que empiece la vigencia de %s el %s"), f.ID, f.Date, rg, f.Range.ValidFrom)
	case CodeExpired:
		if f.ID == "" { // an audit alert about the range itself
			return fmt.Sprintf(pick("range %s expired on %s",
				"la vigencia del rango %s terminó el %s"), rg, f.Range.ValidTo)
		}
		return fmt.Sprintf(pick("%s: issued on %s, after the authorization of %s ended on %s",
			"%s: expedida el %s, después de que terminara la vigencia de %s el %s"), f.ID, f.Date, rg, f.Range.ValidTo)
	case CodeDisabledRange:
		return fmt.Sprintf(pick("%s: number %d lies in %s, disabled (inhabilitación) on %s",
			"%s: el número %d está en %s, inhabilitado el %s"), f.ID, f.Number, rg, f.Range.ValidFrom)
	case CodeDuplicate:
		return fmt.Sprintf(pick("%s%d was issued %d times", "%s%d se expidió %d veces"), f.Prefix, f.Number, f.Count)
	case CodeGap:
		if f.To == f.Number {
			return fmt.Sprintf(pick("%s%d was skipped", "se saltó el número %s%d"), f.Prefix, f.Number)
		}
		return fmt.Sprintf(pick("%s%d to %s%d were skipped (%d numbers)", "se saltaron los números %s%d a %s%d (%d números)"),
			f.Prefix, f.Number, f.Prefix, f.To, f.Count)
	case CodeOutOfOrder:
		if f.To == f.Number {
			return fmt.Sprintf(pick("%s%d is dated earlier than a lower number", "%s%d tiene fecha anterior a la de un número menor"),
				f.Prefix, f.Number)
		}
		return fmt.Sprintf(pick("%s%d to %s%d are dated earlier than a lower number", "%s%d a %s%d tienen fecha anterior a la de un número menor"),
			f.Prefix, f.Number, f.Prefix, f.To)
	case CodeRunningOut:
		var b strings.Builder
		if f.Remaining == 0 {
			b.WriteString(fmt.Sprintf(pick("range %s is used up", "el rango %s está agotado"), rg))
		} else {
			b.WriteString(fmt.Sprintf(pick("range %s: %d numbers left (%s%% used)", "rango %s: quedan %d números (%s %% usado)"),
				rg, f.Remaining, strconv.FormatFloat(f.UsedPercent, 'f', 1, 64)))
		}
		if !f.ExhaustsOn.IsZero() && f.Remaining > 0 {
			b.WriteString(fmt.Sprintf(pick(", runs out around %s at the current rate", ", se agota hacia el %s al ritmo actual"), f.ExhaustsOn))
		}
		return b.String()
	case CodeExpiring:
		return fmt.Sprintf(pick("range %s: validity ends on %s, in %d days", "rango %s: la vigencia termina el %s, en %d días"),
			rg, f.Range.ValidTo, f.DaysLeft)
	}
	return string(f.Code)
}

// rangeText writes a range as "FE 1–1000" (Spanish "FE del 1 al 1000").
func rangeText(r resolution.Range, es bool) string {
	p := r.Prefix
	if p == "" {
		p = "(sin prefijo)"
		if !es {
			p = "(no prefix)"
		}
	}
	if es {
		return fmt.Sprintf("%s del %d al %d", p, r.From, r.To)
	}
	return fmt.Sprintf("%s %d–%d", p, r.From, r.To)
}
