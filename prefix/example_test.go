package prefix_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/dianres/dianres/prefix"
	"github.com/dianres/dianres/resolution"
)

// dianTestResolution is what resolution.Parse returns for DIAN's test
// range (docs/form-1876.md §4).
func dianTestResolution() *resolution.Resolution {
	return &resolution.Resolution{
		Number: "18760000001",
		Ranges: []resolution.Range{{
			Kind: resolution.KindElectronicInvoice, Prefix: "SETP", From: 990000000, To: 995000000,
			ValidFrom: resolution.NewDate(2019, 1, 19), ValidTo: resolution.NewDate(2030, 1, 19),
			Request: resolution.RequestAuthorization,
		}},
	}
}

const getNumberingRangeAnswer = `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>
<GetNumberingRangeResponse xmlns="http://wcf.dian.colombia">
  <GetNumberingRangeResult xmlns:b="http://schemas.datacontract.org/2004/07/NumberRangeResponseList">
    <b:OperationCode>100</b:OperationCode>
    <b:OperationDescription>Acción completada OK.</b:OperationDescription>
    <b:ResponseList xmlns:c="http://schemas.datacontract.org/2004/07/NumberRangeResponse">
      <c:NumberRangeResponse>
        <c:ResolutionNumber>18760000001</c:ResolutionNumber>
        <c:ResolutionDate>2019-01-19</c:ResolutionDate>
        <c:Prefix>SETP</c:Prefix>
        <c:FromNumber>990000000</c:FromNumber>
        <c:ToNumber>995000000</c:ToNumber>
        <c:ValidDateFrom>2019-01-19</c:ValidDateFrom>
        <c:ValidDateTo>2030-01-19</c:ValidDateTo>
        <c:TechnicalKey>fc8eac422eba16e22ffd8c6f94b3f40a6e38162c</c:TechnicalKey>
      </c:NumberRangeResponse>
    </b:ResponseList>
  </GetNumberingRangeResult>
</GetNumberingRangeResponse>
</s:Body></s:Envelope>`

// Check that the test range is associated with the software, and get the
// technical key the CUFE needs.
func ExampleAssociate() {
	ranges, err := prefix.ParseNumberingRanges(strings.NewReader(getNumberingRangeAnswer), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	a := prefix.Associate(dianTestResolution(), ranges)
	fmt.Println("associated:", a.Associated, "findings:", len(a.Findings))
	fmt.Println("technical key:", a.TechnicalKey)

	// The same answer if DIAN held the range from 990000001: still
	// associated, but invoices would fail FAB11b.
	ranges[0].From = 990000001
	a = prefix.Associate(dianTestResolution(), ranges)
	out, _ := json.Marshal(a)
	fmt.Println(string(out))
	// Output:
	// associated: true findings: 0
	// technical key: fc8eac422eba16e22ffd8c6f94b3f40a6e38162c
	// {"associated":true,"technical_key":"fc8eac422eba16e22ffd8c6f94b3f40a6e38162c","findings":[{"rule":"FAB11b","field":"from","resolution":"990000000","dian":"990000001","message":"DIAN's range starts at 990000001; the formato 1876 at 990000000"}]}
}

// A non-100 OperationCode is an error that carries DIAN's code and text.
func ExampleParseNumberingRanges_operationError() {
	answer := `<GetNumberingRangeResponse xmlns="http://wcf.dian.colombia"><GetNumberingRangeResult>
	<OperationCode>301</OperationCode><OperationDescription>Sin rangos.</OperationDescription>
	</GetNumberingRangeResult></GetNumberingRangeResponse>`
	_, err := prefix.ParseNumberingRanges(strings.NewReader(answer), nil)
	var oe *prefix.OperationError
	if errors.As(err, &oe) {
		fmt.Println(oe.Code, oe.Description)
	}
	fmt.Println(err)
	// Output:
	// 301 Sin rangos.
	// prefix: DIAN OperationCode "301": Sin rangos.
}

const invoiceXML = `<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
 xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"
 xmlns:sts="dian:gov:co:facturaelectronica:Structures-2-1">
  <ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent><sts:DianExtensions>
    <sts:InvoiceControl>
      <sts:InvoiceAuthorization>18760000001</sts:InvoiceAuthorization>
      <sts:AuthorizationPeriod><cbc:StartDate>2019-01-19</cbc:StartDate><cbc:EndDate>2030-01-19</cbc:EndDate></sts:AuthorizationPeriod>
      <sts:AuthorizedInvoices><sts:Prefix>SETP</sts:Prefix><sts:From>990000000</sts:From><sts:To>995000000</sts:To></sts:AuthorizedInvoices>
    </sts:InvoiceControl>
    <sts:SoftwareProvider>
      <sts:ProviderID schemeAgencyID="195" schemeID="4" schemeName="31">800197268</sts:ProviderID>
      <sts:SoftwareID schemeAgencyID="195">56f2ae4e-9812-4fad-9255-08fcfcd5ccb0</sts:SoftwareID>
    </sts:SoftwareProvider>
  </sts:DianExtensions></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>
  <cbc:ID>SETP990000002</cbc:ID>
  <cbc:IssueDate>2030-01-20</cbc:IssueDate>
  <cbc:IssueTime>04:30:00Z</cbc:IssueTime>
</Invoice>`

// Check an invoice's numbering against its resolution. Issued at 04:30 UTC
// on January 20, it is 23:30 on January 19 in Colombia: the last valid day.
func ExampleCheckInvoice() {
	inv, err := prefix.ParseInvoice(strings.NewReader(invoiceXML), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(inv.ID, inv.IssueDay())
	rep := prefix.CheckInvoice(dianTestResolution(), inv, &prefix.InvoiceOptions{SoftwareID: "56f2ae4e-9812-4fad-9255-08fcfcd5ccb0"})
	fmt.Println("findings:", len(rep.Findings))

	// Under a resolution that authorized SETT instead, DIAN would not find
	// the range (FAD05e) and the prefix explains why (FAB10b).
	res := dianTestResolution()
	res.Ranges[0].Prefix = "SETT"
	for _, m := range prefix.CheckInvoice(res, inv, nil).Findings {
		fmt.Println(m)
	}
	// Output:
	// SETP990000002 2030-01-19
	// findings: 0
	// FAD05e range: resolution "18760000001/SETP", invoice ""
	// FAB10b prefix: resolution "SETT", invoice "SETP"
	// id-prefix id: resolution "SETT", invoice "SETP990000002"
}

// Lint the prefixes of the resolutions a company holds.
func ExampleLintResolutions() {
	test := dianTestResolution()
	support := &resolution.Resolution{Number: "18764081810977", Ranges: []resolution.Range{{
		Kind: resolution.KindSupportDocument, Prefix: "DS1", From: 1, To: 2000,
		ValidFrom: resolution.NewDate(2024, 10, 19), ValidTo: resolution.NewDate(2026, 10, 19),
	}}}
	enc := json.NewEncoder(os.Stdout)
	for _, is := range prefix.LintResolutions([]*resolution.Resolution{test, support}, nil) {
		enc.Encode(is)
	}
	fmt.Println(len(prefix.LintResolutions([]*resolution.Resolution{test}, &prefix.LintOptions{Test: true})))
	// Output:
	// {"rule":"prefix-test","prefix":"SETP","resolutions":["18760000001"],"message":"prefix \"SETP\" is a DIAN test prefix; production invoices must not use it"}
	// {"rule":"prefix-ends-in-digit","prefix":"DS1","resolutions":["18764081810977"],"message":"prefix \"DS1\" ends in a digit: DS11 could be prefix \"DS1\" number 1 or prefix \"DS\" number 11"}
	// 0
}

func ExampleNormalize() {
	p, err := prefix.Normalize(" setp ")
	fmt.Printf("%q %v\n", p, err)
	_, err = prefix.Normalize("FACT-1")
	fmt.Println(err)
	// Output:
	// "SETP" <nil>
	// prefix: "FACT-1": invalid prefix: character '-' at 4 is not a letter or digit
}
