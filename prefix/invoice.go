package prefix

import (
	"io"
	"strings"
	"time"

	"github.com/dianres/dianres/resolution"
)

// An Invoice holds what a UBL 2.1 DIAN document says about its numbering
// (docs/form-1876.md §7): its number, its date and, in sts:DianExtensions, the
// authorization it claims and the software that issued it.
type Invoice struct {
	// Document is the root element's local name: "Invoice" (also used by
	// support documents), "CreditNote" or "DebitNote".
	Document  string          `json:"document"`
	ID        string          `json:"id"`                  // cbc:ID, prefix and consecutive, e.g. "SETP990000002"
	IssueDate resolution.Date `json:"issue_date"`          // cbc:IssueDate as written
	IssueTime string          `json:"issue_time,omitzero"` // cbc:IssueTime as written, e.g. "12:00:00-05:00"
	// SoftwareID is sts:SoftwareProvider/sts:SoftwareID; "" when absent.
	SoftwareID string `json:"software_id,omitzero"`
	// Control is sts:InvoiceControl, nil when the document has none (credit
	// and debit notes usually do not).
	Control *InvoiceControl `json:"control,omitzero"`
}

// InvoiceControl is sts:InvoiceControl: the authorization an invoice
// declares it was numbered under.
type InvoiceControl struct {
	Authorization string          `json:"authorization"` // sts:InvoiceAuthorization, the resolution number
	StartDate     resolution.Date `json:"start_date"`    // sts:AuthorizationPeriod/cbc:StartDate
	EndDate       resolution.Date `json:"end_date"`      // sts:AuthorizationPeriod/cbc:EndDate
	Prefix        string          `json:"prefix"`        // sts:AuthorizedInvoices/sts:Prefix; "" when absent
	From          int64           `json:"from"`          // sts:AuthorizedInvoices/sts:From
	To            int64           `json:"to"`            // sts:AuthorizedInvoices/sts:To
}

// IssueDay returns the Colombian calendar day the document was issued. When
// cbc:IssueTime carries a zone offset other than −05:00 the day is moved to
// Colombia's (docs/form-1876.md §3: compare civil dates in Colombia); without an
// offset, or when the time does not parse, it is cbc:IssueDate.
func (inv *Invoice) IssueDay() resolution.Date {
	if inv.IssueTime == "" || !inv.IssueDate.Valid() {
		return inv.IssueDate
	}
	for _, layout := range []string{"15:04:05Z07:00", "15:04:05.999999999Z07:00"} {
		t, err := time.Parse(layout, inv.IssueTime)
		if err != nil {
			continue
		}
		d := inv.IssueDate
		at := time.Date(d.Year, d.Month, d.Day, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
		return resolution.DateOf(at)
	}
	return inv.IssueDate
}

// roots are the UBL documents DIAN numbers; a support document ("documento
// soporte") is an Invoice with its own type code.
var roots = map[string]bool{"Invoice": true, "CreditNote": true, "DebitNote": true}

// ParseInvoice reads a UBL 2.1 DIAN invoice, credit or debit note or
// support document and returns its numbering facts. Namespace prefixes are
// ignored; cbc:ID, cbc:IssueDate and cbc:IssueTime are taken only as
// direct children of the root, so a line's or a party's ID never stands in
// for the document's. The rest of the document is read (to reject
// malformed XML) but not interpreted.
//
// An AttachedDocument (the container an invoice travels in once DIAN
// validated it) is unwrapped: the document embedded in its
// cac:Attachment/cac:ExternalReference/cbc:Description is read instead,
// with the same limits. Only one level is unwrapped.
//
// The reader is read to the end, through an io.LimitReader of
// opts.MaxSize+1 bytes.
func ParseInvoice(r io.Reader, opts *Options) (*Invoice, error) {
	return parseInvoice(r, opts, false)
}

const attachedDocument = "AttachedDocument"

func parseInvoice(r io.Reader, opts *Options, nested bool) (*Invoice, error) {
	w := newWalker(r, opts)
	inv := &Invoice{}
	var (
		ctl      *InvoiceControl
		seen     = map[string]bool{}
		attached bool
		embedded *string
	)
	for {
		ev, err := w.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if ev.start {
			if len(w.path) == 1 {
				if ev.name == attachedDocument && !nested {
					attached = true
					continue
				}
				if !roots[ev.name] {
					return nil, &ParseError{Line: w.line(), Element: ev.name, Err: ErrNotInvoice}
				}
				inv.Document = ev.name
			}
			if ev.name == "InvoiceControl" && ctl == nil {
				ctl = &InvoiceControl{}
			}
			continue
		}
		if attached {
			// Only the Attachment under the root: ParentDocumentLineReference
			// embeds DIAN's ApplicationResponse the same way.
			if embedded == nil && ev.name == "Description" && len(w.path) == 3 && w.path[1] == "Attachment" && w.path[2] == "ExternalReference" {
				embedded = &ev.text
			}
			continue
		}
		depth := len(w.path) // the ended element's depth minus one
		var perr error
		switch {
		case depth == 1 && ev.name == "ID":
			inv.ID = ev.text
		case depth == 1 && ev.name == "IssueDate":
			inv.IssueDate, perr = parseDate(ev.text)
		case depth == 1 && ev.name == "IssueTime":
			inv.IssueTime = ev.text
		case ev.name == "SoftwareID" && w.parent() == "SoftwareProvider":
			inv.SoftwareID = ev.text
		case ctl != nil && w.within("InvoiceControl"):
			switch {
			case ev.name == "InvoiceAuthorization":
				ctl.Authorization = ev.text
			case ev.name == "StartDate" && w.parent() == "AuthorizationPeriod":
				ctl.StartDate, perr = parseDate(ev.text)
			case ev.name == "EndDate" && w.parent() == "AuthorizationPeriod":
				ctl.EndDate, perr = parseDate(ev.text)
			case ev.name == "Prefix" && w.parent() == "AuthorizedInvoices":
				ctl.Prefix = ev.text
			case ev.name == "From" && w.parent() == "AuthorizedInvoices":
				ctl.From, perr = parseNumber(ev.text)
			case ev.name == "To" && w.parent() == "AuthorizedInvoices":
				ctl.To, perr = parseNumber(ev.text)
			default:
				continue
			}
		default:
			continue
		}
		if perr != nil {
			return nil, &ParseError{Line: w.line(), Element: ev.name, Text: clip(ev.text), Err: ErrBadValue}
		}
		seen[ev.name] = true
	}
	if attached {
		return unwrap(embedded, opts)
	}
	for _, name := range []string{"ID", "IssueDate"} {
		if !seen[name] || (name == "ID" && inv.ID == "") {
			return nil, &ParseError{Element: name, Err: ErrMissing}
		}
	}
	if ctl != nil {
		for _, name := range []string{"InvoiceAuthorization", "StartDate", "EndDate", "From", "To"} {
			if !seen[name] {
				return nil, &ParseError{Element: name, Err: ErrMissing}
			}
		}
		if ctl.From > ctl.To {
			return nil, &ParseError{Element: "To", Text: itoa(ctl.To), Detail: "below From " + itoa(ctl.From), Err: ErrBadValue}
		}
		inv.Control = ctl
	}
	return inv, nil
}

// unwrap reads the invoice embedded in an AttachedDocument.
func unwrap(embedded *string, opts *Options) (*Invoice, error) {
	if embedded == nil || *embedded == "" {
		return nil, &ParseError{Element: "Description", Detail: "AttachedDocument without an embedded document", Err: ErrMissing}
	}
	inv, err := parseInvoice(strings.NewReader(*embedded), opts, true)
	if pe, ok := err.(*ParseError); ok {
		if pe.Detail != "" {
			pe.Detail += "; "
		}
		pe.Detail += "in the document embedded in AttachedDocument"
	}
	return inv, err
}
