package resolution

import (
	"strconv"
	"strings"
)

// Legend returns the legend an invoice prints for range rg of resolution
// number, in one canonical wording close to DIAN's usual one:
//
//	Resolución DIAN No. 18764003567890 del 2023-06-15, autorización de numeración de factura electrónica de venta, prefijo FEV del 1 al 10000, vigencia 24 meses
//
// The request and kind clause names the request ("autorización",
// "habilitación" or "inhabilitación de numeración") and the kind as the
// form labels it ("factura electrónica de venta", "documento soporte"…);
// it is left out when both are unknown, and the kind part when the kind
// is. An empty prefix prints as "sin prefijo". The validity prints in
// months; the end date is added ("vigente hasta 2025-06-15") only when it
// is not the start plus the months, or when months are unknown. Dates are
// written 2006-01-02 and numbers without thousands separators. Parts that
// are unknown (zero) are left out rather than guessed.
//
// [ParseText] reads every legend Legend writes back into the same Range,
// except that [RequestUnknown] reads back as [RequestAuthorization] (a
// legend that names no request is an authorization), and that a prefix
// holding anything but letters and digits (a space, a hyphen) is not
// guaranteed to.
func Legend(number string, rg Range) string {
	var b strings.Builder
	b.WriteString("Resolución DIAN")
	if number != "" {
		b.WriteString(" No. ")
		b.WriteString(number)
	}
	if !rg.ValidFrom.IsZero() {
		b.WriteString(" del ")
		b.WriteString(rg.ValidFrom.String())
	}
	request := legendRequests[RequestUnknown]
	if int(rg.Request) < len(legendRequests) {
		request = legendRequests[rg.Request]
	}
	kind := ""
	if int(rg.Kind) < len(legendKinds) {
		kind = legendKinds[rg.Kind]
	}
	switch {
	case kind != "" && request != "":
		b.WriteString(", " + request + " de " + kind)
	case kind != "":
		b.WriteString(", numeración de " + kind)
	case request != "":
		b.WriteString(", " + request)
	}
	if rg.Prefix == "" {
		b.WriteString(", sin prefijo")
	} else {
		b.WriteString(", prefijo ")
		b.WriteString(rg.Prefix)
	}
	if rg.From != 0 || rg.To != 0 {
		b.WriteString(" del ")
		b.WriteString(strconv.FormatInt(rg.From, 10))
		b.WriteString(" al ")
		b.WriteString(strconv.FormatInt(rg.To, 10))
	}
	switch {
	case rg.Months == 1:
		b.WriteString(", vigencia 1 mes")
	case rg.Months > 0:
		b.WriteString(", vigencia ")
		b.WriteString(strconv.Itoa(rg.Months))
		b.WriteString(" meses")
	}
	if !rg.ValidTo.IsZero() && (rg.Months <= 0 || rg.ValidFrom.IsZero() || rg.ValidFrom.AddMonths(rg.Months) != rg.ValidTo) {
		b.WriteString(", vigente hasta ")
		b.WriteString(rg.ValidTo.String())
	}
	return b.String()
}

// Legends returns the legend of each range, in the order of r.Ranges. Joined
// with newlines they read back through [ParseText] as r's number and ranges.
func (r *Resolution) Legends() []string {
	if r == nil {
		return nil
	}
	out := make([]string, len(r.Ranges))
	for i, rg := range r.Ranges {
		out[i] = Legend(r.Number, rg)
	}
	return out
}

// legendRequests and legendKinds hold the wording Legend prints, lower case
// as it stands mid-sentence; the form prints the same labels in capitals.
var (
	legendRequests = [...]string{
		RequestUnknown:       "",
		RequestAuthorization: "autorización de numeración", // "AUTORIZACIÓN"
		RequestEnablement:    "habilitación de numeración", // "HABILITACIÓN"
		RequestDisablement:   "inhabilitación de numeración",
	}
	legendKinds = [...]string{
		KindUnknown:            "",
		KindElectronicInvoice:  "factura electrónica de venta",
		KindSupportDocument:    "documento soporte",
		KindPaper:              "talonario o de papel",
		KindPOS:                "máquina registradora POS",
		KindComputer:           "factura por computador",
		KindEquivalentDocument: "documento equivalente electrónico",
	}
)
