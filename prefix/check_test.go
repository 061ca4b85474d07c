package prefix_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/prefix"
	"github.com/dianres/dianres/resolution"
)

func parseRanges(t *testing.T, xml string) []prefix.NumberingRange {
	t.Helper()
	rs, err := prefix.ParseNumberingRanges(strings.NewReader(xml), nil)
	require.NoError(t, err)
	return rs
}

func strs(ms []prefix.Mismatch) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.String()
	}
	return out
}

const testKey = "fc8eac422eba16e22ffd8c6f94b3f40a6e38162c"

func TestAssociate(t *testing.T) {
	bare := readXML(t, "ranges-bare.xml")
	soap := readXML(t, "ranges-soap.xml")
	twoRows := testResolution()
	twoRows.Ranges = append(twoRows.Ranges, resolution.Range{Kind: resolution.KindSupportDocument, Prefix: "DS", From: 1, To: 100,
		ValidFrom: date("2019-01-19"), ValidTo: date("2030-01-19"), Request: resolution.RequestAuthorization})
	disabled := testResolution()
	disabled.Ranges = append(disabled.Ranges, resolution.Range{Prefix: "DS", From: 1, To: 100, Request: resolution.RequestDisablement})
	onlyDisabled := testResolution()
	onlyDisabled.Ranges[0].Request = resolution.RequestDisablement
	noValidTo := testResolution()
	noValidTo.Ranges[0].ValidTo = resolution.Date{}
	for _, tc := range []struct {
		name       string
		res        *resolution.Resolution
		xml        string
		associated bool
		key        string
		want       []string
	}{
		{"exact match", testResolution(), bare, true, testKey, []string{}},
		{"exact match among several ranges of other resolutions", testResolution(), soap, true, testKey, []string{}},
		{"FAB11b alone: DIAN starts elsewhere", testResolution(), replace(t, bare, ">990000000<", ">990000001<"), true, testKey,
			[]string{`FAB11b from: resolution "990000000", dian "990000001"`}},
		{"FAB12b alone: DIAN ends elsewhere", testResolution(), replace(t, bare, ">995000000<", ">994999999<"), true, testKey,
			[]string{`FAB12b to: resolution "995000000", dian "994999999"`}},
		{"FAB07b alone: DIAN's validity starts elsewhere", testResolution(), replace(t, bare, "<c:ValidDateFrom>2019-01-19", "<c:ValidDateFrom>2019-01-20"), true, testKey,
			[]string{`FAB07b valid_from: resolution "2019-01-19", dian "2019-01-20"`}},
		{"FAB08b alone: DIAN's validity ends elsewhere", testResolution(), replace(t, bare, "<c:ValidDateTo>2030-01-19", "<c:ValidDateTo>2020-01-19"), true, testKey,
			[]string{`FAB08b valid_to: resolution "2030-01-19", dian "2020-01-19"`}},
		{"FAB10b: same resolution under another prefix is FAD05e explained", testResolution(), replace(t, bare, ">SETP<", ">SETT<"), false, "",
			[]string{`FAD05e range: resolution "18760000001/SETP", dian ""`, `FAB10b prefix: resolution "SETP", dian "SETT"`}},
		{"FAB05b: same prefix under another resolution is FAD05e explained", testResolution(), replace(t, bare, ">18760000001<", ">18760000009<"), false, "",
			[]string{`FAD05e range: resolution "18760000001/SETP", dian ""`, `FAB05b resolution_number: resolution "18760000001", dian "18760000009"`}},
		{"FAD05e alone: nothing shares number or prefix", testResolution(),
			replace(t, replace(t, bare, ">18760000001<", ">18760000009<"), ">SETP<", ">FE<"), false, "",
			[]string{`FAD05e range: resolution "18760000001/SETP", dian ""`}},
		{"FAD05e alone: empty answer", testResolution(), readXML(t, "ranges-empty.xml"), false, "",
			[]string{`FAD05e range: resolution "18760000001/SETP", dian ""`}},
		{"closest candidate lists its other differences too", testResolution(),
			replace(t, replace(t, bare, ">SETP<", ">SETT<"), ">990000000<", ">1<"), false, "",
			[]string{`FAD05e range: resolution "18760000001/SETP", dian ""`, `FAB10b prefix: resolution "SETP", dian "SETT"`, `FAB11b from: resolution "990000000", dian "1"`}},
		{"second row not associated", twoRows, bare, false, testKey,
			[]string{`FAD05e range: resolution "18760000001/DS", dian ""`, `FAB10b prefix: resolution "DS", dian "SETP"`, `FAB11b from: resolution "1", dian "990000000"`, `FAB12b to: resolution "100", dian "995000000"`}},
		{"disablement rows are not looked up", disabled, bare, true, testKey, []string{}},
		{"a resolution that only disables has nothing associated", onlyDisabled, bare, false, "",
			[]string{`FAD05e range: resolution "18760000001/", dian ""`}},
		{"an unknown end date on the PDF is not compared", noValidTo, replace(t, bare, "<c:ValidDateTo>2030-01-19", "<c:ValidDateTo>2020-01-19"), true, testKey, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := prefix.Associate(tc.res, parseRanges(t, tc.xml))
			assert.Equal(t, tc.associated, a.Associated)
			assert.Equal(t, tc.key, a.TechnicalKey)
			assert.Equal(t, tc.want, strs(a.Findings))
			assert.Len(t, a.Matched, len(tc.res.Ranges))
		})
	}
}

func TestAssociatePrefersSameNumberOverSamePrefix(t *testing.T) {
	ranges := []prefix.NumberingRange{
		{ResolutionNumber: "1", Prefix: "SETP", From: 990000000, To: 995000000, ValidFrom: date("2019-01-19"), ValidTo: date("2030-01-19")},
		{ResolutionNumber: "18760000001", Prefix: "SETT", From: 1, To: 2, ValidFrom: date("2019-01-19"), ValidTo: date("2030-01-19")},
	}
	a := prefix.Associate(testResolution(), ranges)
	require.Len(t, a.Findings, 4)
	assert.Equal(t, prefix.RuleFAB10b, a.Findings[1].Rule, "DIAN looks up by resolution first: the other prefix explains it")
}

func TestAssociateMatched(t *testing.T) {
	res := &resolution.Resolution{Number: "18764081810977", Ranges: []resolution.Range{
		{Prefix: "FEV", From: 1, To: 1000, ValidFrom: date("2024-10-19"), ValidTo: date("2026-10-19")},
	}}
	a := prefix.Associate(res, parseRanges(t, readXML(t, "ranges-soap.xml")))
	require.True(t, a.Associated)
	require.Len(t, a.Matched, 1)
	require.NotNil(t, a.Matched[0])
	assert.Equal(t, "0123456789abcdef0123456789abcdef01234567", a.Matched[0].TechnicalKey)
	assert.Equal(t, a.Matched[0].TechnicalKey, a.TechnicalKey)
}

func parseInvoice(t *testing.T, xml string) *prefix.Invoice {
	t.Helper()
	inv, err := prefix.ParseInvoice(strings.NewReader(xml), nil)
	require.NoError(t, err)
	return inv
}

func TestCheckInvoice(t *testing.T) {
	inv := readXML(t, "invoice-setp.xml")
	note := readXML(t, "creditnote-setp.xml")
	const sw = "56f2ae4e-9812-4fad-9255-08fcfcd5ccb0"
	twoRows := testResolution()
	twoRows.Ranges = append(twoRows.Ranges, resolution.Range{Prefix: "SETP1", From: 1, To: 10, ValidFrom: date("2019-01-19"), ValidTo: date("2030-01-19")})
	for _, tc := range []struct {
		name string
		res  *resolution.Resolution
		xml  string
		opts *prefix.InvoiceOptions
		want []string
	}{
		{"clean invoice", testResolution(), inv, nil, []string{}},
		{"clean invoice, software ID checked", testResolution(), inv, &prefix.InvoiceOptions{SoftwareID: sw}, []string{}},
		{"FAB05c alone: another software", testResolution(), inv, &prefix.InvoiceOptions{SoftwareID: "00000000-0000-0000-0000-000000000000"},
			[]string{`FAB05c software_id: resolution "00000000-0000-0000-0000-000000000000", invoice "56f2ae4e-9812-4fad-9255-08fcfcd5ccb0"`}},
		{"FAB05c: no SoftwareID in the invoice", testResolution(), replace(t, inv, sw+"</sts:SoftwareID>", "</sts:SoftwareID>"), &prefix.InvoiceOptions{SoftwareID: sw},
			[]string{`FAB05c software_id: resolution "56f2ae4e-9812-4fad-9255-08fcfcd5ccb0", invoice ""`}},
		{"FAB05b: another resolution number is FAD05e explained", testResolution(), replace(t, inv, ">18760000001<", ">18760000002<"), nil,
			[]string{`FAD05e range: resolution "18760000002/SETP", invoice ""`, `FAB05b resolution_number: resolution "18760000001", invoice "18760000002"`}},
		{"FAB10b: another authorized prefix is FAD05e explained", testResolution(), replace(t, inv, "<sts:Prefix>SETP<", "<sts:Prefix>SETT<"), nil,
			[]string{`FAD05e range: resolution "18760000001/SETT", invoice ""`, `FAB10b prefix: resolution "SETP", invoice "SETT"`}},
		{"FAB07b alone", testResolution(), replace(t, inv, "<cbc:StartDate>2019-01-19", "<cbc:StartDate>2019-01-10"), nil,
			[]string{`FAB07b valid_from: resolution "2019-01-19", invoice "2019-01-10"`}},
		{"FAB08b alone", testResolution(), replace(t, inv, "<cbc:EndDate>2030-01-19", "<cbc:EndDate>2020-01-10"), nil,
			[]string{`FAB08b valid_to: resolution "2030-01-19", invoice "2020-01-10"`}},
		{"FAB11b alone", testResolution(), replace(t, inv, "<sts:From>990000000", "<sts:From>990000001"), nil,
			[]string{`FAB11b from: resolution "990000000", invoice "990000001"`}},
		{"FAB12b alone", testResolution(), replace(t, inv, "<sts:To>995000000", "<sts:To>999999999"), nil,
			[]string{`FAB12b to: resolution "995000000", invoice "999999999"`}},
		{"FAD05e alone: neither number nor prefix", testResolution(),
			replace(t, replace(t, inv, ">18760000001<", ">18760000002<"), "<sts:Prefix>SETP<", "<sts:Prefix>FE<"), nil,
			[]string{`FAD05e range: resolution "18760000002/FE", invoice ""`}},
		{"number above the range", testResolution(), replace(t, inv, ">SETP990000002<", ">SETP995000001<"), nil,
			[]string{`number-in-range number: resolution "990000000-995000000", invoice "995000001"`}},
		{"number below the range", testResolution(), replace(t, inv, ">SETP990000002<", ">SETP1<"), nil,
			[]string{`number-in-range number: resolution "990000000-995000000", invoice "1"`}},
		{"issued the day after validity", testResolution(), replace(t, replace(t, inv, ">2019-06-21<", ">2030-01-20<"), ">09:15:23-05:00<", ">00:10:00-05:00<"), nil,
			[]string{`issue-date issue_date: resolution "2019-01-19/2030-01-19", invoice "2030-01-20"`}},
		{"issued 23:30 Colombian time on the last day, written in UTC", testResolution(),
			replace(t, replace(t, inv, ">2019-06-21<", ">2030-01-20<"), ">09:15:23-05:00<", ">04:30:00Z<"), nil, []string{}},
		{"issued before validity", testResolution(), replace(t, inv, ">2019-06-21<", ">2019-01-18<"), nil,
			[]string{`issue-date issue_date: resolution "2019-01-19/2030-01-19", invoice "2019-01-18"`}},
		{"cbc:ID under another prefix", testResolution(), replace(t, inv, ">SETP990000002<", ">SETT990000002<"), nil,
			[]string{`id-prefix id: resolution "SETP", invoice "SETT990000002"`}},
		{"cbc:ID with a separator", testResolution(), replace(t, inv, ">SETP990000002<", ">SETP-990000002<"), nil,
			[]string{`id-prefix id: resolution "SETP", invoice "SETP-990000002"`}},
		{"credit note: only cbc:ID checks, clean", testResolution(), note, nil, []string{}},
		{"credit note under an unknown prefix", twoRows, replace(t, note, ">SETP990000003<", ">NC1<"), nil,
			[]string{`id-prefix id: resolution "SETP,SETP1", invoice "NC1"`}},
		{"credit note: the row whose range holds the number wins", twoRows, replace(t, note, ">SETP990000003<", ">SETP15<"), nil, []string{}},
		{"credit note: the longest prefix explains a number in neither range", twoRows, replace(t, note, ">SETP990000003<", ">SETP199<"), nil,
			[]string{`number-in-range number: resolution "1-10", invoice "99"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := prefix.CheckInvoice(tc.res, parseInvoice(t, tc.xml), tc.opts)
			assert.Equal(t, tc.want, strs(rep.Findings))
			assert.NotEmpty(t, rep.ID)
		})
	}
}

func TestMismatchJSON(t *testing.T) {
	for _, tc := range []struct {
		name string
		m    prefix.Mismatch
		want string
	}{
		{"DIAN side", prefix.Mismatch{Rule: prefix.RuleFAB11b, Field: "from", Resolution: "1", Found: "2", Message: "m"},
			`{"rule":"FAB11b","field":"from","resolution":"1","dian":"2","message":"m"}`},
		{"invoice side", prefix.Mismatch{Rule: prefix.RuleFAB10b, Field: "prefix", Resolution: "SETP", Found: "", Source: prefix.SourceInvoice, Message: "m"},
			`{"rule":"FAB10b","field":"prefix","resolution":"SETP","invoice":"","message":"m"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.m)
			require.NoError(t, err)
			assert.JSONEq(t, tc.want, string(b))
			var back prefix.Mismatch
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, tc.m, back)
		})
	}
}
