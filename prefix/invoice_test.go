package prefix_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/prefix"
	"github.com/dianres/dianres/resolution"
)

func TestParseInvoice(t *testing.T) {
	inv := readXML(t, "invoice-setp.xml")
	control := &prefix.InvoiceControl{
		Authorization: "18760000001", StartDate: date("2019-01-19"), EndDate: date("2030-01-19"),
		Prefix: "SETP", From: 990000000, To: 995000000,
	}
	for _, tc := range []struct {
		name string
		xml  string
		want *prefix.Invoice
	}{
		{"invoice with InvoiceControl and SoftwareID", inv, &prefix.Invoice{
			Document: "Invoice", ID: "SETP990000002", IssueDate: date("2019-06-21"), IssueTime: "09:15:23-05:00",
			SoftwareID: "56f2ae4e-9812-4fad-9255-08fcfcd5ccb0", Control: control,
		}},
		{"credit note without InvoiceControl, odd prefixes, referenced invoice's ID ignored", readXML(t, "creditnote-setp.xml"), &prefix.Invoice{
			Document: "CreditNote", ID: "SETP990000003", IssueDate: date("2019-06-22"),
			SoftwareID: "56f2ae4e-9812-4fad-9255-08fcfcd5ccb0",
		}},
		{"debit note root", replace(t, replace(t, inv, "<Invoice xmlns=", "<DebitNote xmlns="), "</Invoice>", "</DebitNote>"), &prefix.Invoice{
			Document: "DebitNote", ID: "SETP990000002", IssueDate: date("2019-06-21"), IssueTime: "09:15:23-05:00",
			SoftwareID: "56f2ae4e-9812-4fad-9255-08fcfcd5ccb0", Control: control,
		}},
		{"AttachedDocument: the invoice in cac:Attachment, not the ApplicationResponse", readXML(t, "attached-document.xml"), &prefix.Invoice{
			Document: "Invoice", ID: "SETP990000002", IssueDate: date("2019-06-21"), IssueTime: "09:15:23-05:00",
			SoftwareID: "56f2ae4e-9812-4fad-9255-08fcfcd5ccb0", Control: control,
		}},
		{"InvoiceControl without a prefix element reads as the empty prefix", replace(t, inv, "<sts:Prefix>SETP</sts:Prefix>", ""), &prefix.Invoice{
			Document: "Invoice", ID: "SETP990000002", IssueDate: date("2019-06-21"), IssueTime: "09:15:23-05:00",
			SoftwareID: "56f2ae4e-9812-4fad-9255-08fcfcd5ccb0",
			Control:    &prefix.InvoiceControl{Authorization: "18760000001", StartDate: date("2019-01-19"), EndDate: date("2030-01-19"), From: 990000000, To: 995000000},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := prefix.ParseInvoice(strings.NewReader(tc.xml), nil)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestParseInvoiceErrors(t *testing.T) {
	inv := readXML(t, "invoice-setp.xml")
	for _, tc := range []struct {
		name    string
		xml     string
		want    error
		element string
	}{
		{"DOCTYPE with an external entity is refused", readXML(t, "invoice-entities.xml"), prefix.ErrDoctype, ""},
		{"a GetNumberingRange answer is not an invoice", readXML(t, "ranges-bare.xml"), prefix.ErrNotInvoice, "GetNumberingRangeResponse"},
		{"unclosed root", strings.TrimSuffix(strings.TrimSpace(inv), "</Invoice>"), prefix.ErrMalformedXML, ""},
		{"no cbc:ID", replace(t, inv, "<cbc:ID>SETP990000002</cbc:ID>", ""), prefix.ErrMissing, "ID"},
		{"empty cbc:ID", replace(t, inv, "<cbc:ID>SETP990000002</cbc:ID>", "<cbc:ID/>"), prefix.ErrMissing, "ID"},
		{"no cbc:IssueDate", replace(t, inv, "<cbc:IssueDate>2019-06-21</cbc:IssueDate>", ""), prefix.ErrMissing, "IssueDate"},
		{"unreadable cbc:IssueDate", replace(t, inv, "<cbc:IssueDate>2019-06-21", "<cbc:IssueDate>21/06/2019"), prefix.ErrBadValue, "IssueDate"},
		{"unreadable sts:From", replace(t, inv, "<sts:From>990000000", "<sts:From>990.000.000"), prefix.ErrBadValue, "From"},
		{"InvoiceControl without InvoiceAuthorization", replace(t, inv, "<sts:InvoiceAuthorization>18760000001</sts:InvoiceAuthorization>", ""), prefix.ErrMissing, "InvoiceAuthorization"},
		{"InvoiceControl without EndDate", replace(t, inv, "<cbc:EndDate>2030-01-19</cbc:EndDate>", ""), prefix.ErrMissing, "EndDate"},
		{"AttachedDocument embedding an AttachedDocument is not unwrapped twice", "<AttachedDocument><Attachment><ExternalReference><Description>&lt;AttachedDocument/&gt;</Description></ExternalReference></Attachment></AttachedDocument>", prefix.ErrNotInvoice, "AttachedDocument"},
		{"AttachedDocument embedding an invoice without cbc:ID", "<AttachedDocument><Attachment><ExternalReference><Description>&lt;Invoice/&gt;</Description></ExternalReference></Attachment></AttachedDocument>", prefix.ErrMissing, "ID"},
		{"AttachedDocument with nothing embedded", "<AttachedDocument><Attachment><ExternalReference/></Attachment></AttachedDocument>", prefix.ErrMissing, "Description"},
		{"InvoiceControl From above To", replace(t, inv, "<sts:From>990000000", "<sts:From>999000000"), prefix.ErrBadValue, "To"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := prefix.ParseInvoice(strings.NewReader(tc.xml), nil)
			assert.Nil(t, got)
			var pe *prefix.ParseError
			require.ErrorAs(t, err, &pe)
			assert.ErrorIs(t, err, tc.want)
			assert.Equal(t, tc.element, pe.Element)
		})
	}
}

func TestParseInvoiceLimits(t *testing.T) {
	inv := readXML(t, "invoice-setp.xml")
	line := "<cac:InvoiceLine><cbc:ID>2</cbc:ID></cac:InvoiceLine>\n"
	many := replace(t, inv, "</Invoice>", strings.Repeat(line, 60_000)+"</Invoice>")
	for _, tc := range []struct {
		name  string
		xml   string
		opts  *prefix.Options
		limit string
	}{
		{"default MaxElements stops 120,000 line elements", many, &prefix.Options{MaxSize: 8 << 20}, "MaxElements"},
		{"default MaxSize stops it first when smaller", many, &prefix.Options{MaxSize: 1 << 20}, "MaxSize"},
		{"MaxDepth set low", inv, &prefix.Options{MaxDepth: 5}, "MaxDepth"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := prefix.ParseInvoice(strings.NewReader(tc.xml), tc.opts)
			var pe *prefix.ParseError
			require.ErrorAs(t, err, &pe)
			assert.ErrorIs(t, err, prefix.ErrLimit)
			assert.Equal(t, tc.limit, pe.Limit)
		})
	}
}

func TestInvoiceIssueDay(t *testing.T) {
	for _, tc := range []struct {
		name, date, time string
		want             resolution.Date
	}{
		{"no time: the written date", "2030-01-19", "", date("2030-01-19")},
		{"Colombian offset: the written date", "2030-01-19", "23:30:00-05:00", date("2030-01-19")},
		{"UTC early morning is the previous Colombian day", "2030-01-20", "02:00:00Z", date("2030-01-19")},
		{"UTC offset with fraction", "2030-01-20", "04:59:59.5+00:00", date("2030-01-19")},
		{"UTC at 05:00 is the same Colombian day", "2030-01-20", "05:00:00Z", date("2030-01-20")},
		{"time without offset: the written date", "2030-01-20", "02:00:00", date("2030-01-20")},
		{"unreadable time: the written date", "2030-01-20", "noon", date("2030-01-20")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inv := prefix.Invoice{IssueDate: date(tc.date), IssueTime: tc.time}
			assert.Equal(t, tc.want, inv.IssueDay())
		})
	}
}
