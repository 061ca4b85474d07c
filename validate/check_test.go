package validate_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/resolution"
	"github.com/dianres/dianres/validate"
)

func date(s string) resolution.Date {
	d, err := resolution.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func instant(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// setp is DIAN's test range (docs/form-1876.md §4).
var setp = resolution.Range{
	Kind: resolution.KindElectronicInvoice, Prefix: "SETP", From: 990000000, To: 995000000,
	ValidFrom: date("2019-01-19"), ValidTo: date("2030-01-19"), Request: resolution.RequestAuthorization,
}

func fe(from, to int64, validFrom, validTo string) resolution.Range {
	return resolution.Range{Prefix: "FE", From: from, To: to, ValidFrom: date(validFrom), ValidTo: date(validTo),
		Request: resolution.RequestAuthorization}
}

func withPrefix(r resolution.Range, p string) resolution.Range { r.Prefix = p; return r }

func codes(fs []validate.Finding) []validate.Code {
	out := []validate.Code{}
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

func TestCheck(t *testing.T) {
	base := fe(1, 1000, "2024-10-19", "2026-10-19")
	leap := fe(1, 1000, "2022-02-28", "2024-02-29")
	disabled := resolution.Range{Prefix: "FE", From: 501, To: 1000, ValidFrom: date("2025-03-01"), Request: resolution.RequestDisablement}
	for _, tc := range []struct {
		name       string
		ranges     []resolution.Range
		id         string
		at         string // RFC 3339
		want       []validate.Code
		wantPrefix string
		wantNumber int64
		wantRule   string
	}{
		{"first number is valid", []resolution.Range{base}, "FE1", "2025-01-31T10:00:00-05:00", nil, "FE", 1, ""},
		{"last number is valid", []resolution.Range{base}, "FE1000", "2025-01-31T10:00:00-05:00", nil, "FE", 1000, ""},
		{"to+1 is out of range", []resolution.Range{base}, "FE1001", "2025-01-31T10:00:00-05:00", []validate.Code{validate.CodeOutOfRange}, "FE", 1001, ""},
		{"zero is below from", []resolution.Range{base}, "FE0", "2025-01-31T10:00:00-05:00", []validate.Code{validate.CodeOutOfRange}, "FE", 0, ""},
		{"from-1 is out of range", []resolution.Range{fe(100, 200, "2024-10-19", "2026-10-19")}, "FE99", "2025-01-31T10:00:00-05:00", []validate.Code{validate.CodeOutOfRange}, "FE", 99, ""},
		{"unknown prefix is FAD05e", []resolution.Range{base}, "FV10", "2025-01-31T10:00:00-05:00", []validate.Code{validate.CodeUnknownPrefix}, "FV", 10, "FAD05e"},
		{"no digits is malformed", []resolution.Range{base}, "FE", "2025-01-31T10:00:00-05:00", []validate.Code{validate.CodeMalformed}, "", 0, ""},
		{"empty id is malformed", []resolution.Range{base}, "", "2025-01-31T10:00:00-05:00", []validate.Code{validate.CodeMalformed}, "", 0, ""},
		{"more than 64 bits is malformed", []resolution.Range{base}, "FE99999999999999999999", "2025-01-31T10:00:00-05:00", []validate.Code{validate.CodeMalformed}, "", 0, ""},
		{"first valid day at midnight", []resolution.Range{base}, "FE10", "2024-10-19T00:00:00-05:00", nil, "FE", 10, ""},
		{"day before validity is not yet valid", []resolution.Range{base}, "FE10", "2024-10-18T23:59:59-05:00", []validate.Code{validate.CodeNotYetValid}, "FE", 10, ""},
		{"last valid day at 23:59 Colombia", []resolution.Range{base}, "FE10", "2026-10-19T23:59:59-05:00", nil, "FE", 10, ""},
		{"next day at 00:00 Colombia is expired", []resolution.Range{base}, "FE10", "2026-10-20T00:00:00-05:00", []validate.Code{validate.CodeExpired}, "FE", 10, ""},
		{"UTC instant still the last day in Colombia", []resolution.Range{base}, "FE10", "2026-10-20T04:30:00Z", nil, "FE", 10, ""},
		{"UTC instant that is the next day in Colombia", []resolution.Range{base}, "FE10", "2026-10-20T05:00:00Z", []validate.Code{validate.CodeExpired}, "FE", 10, ""},
		{"valid_to on Feb 29 of a leap year", []resolution.Range{leap}, "FE10", "2024-02-29T23:00:00-05:00", nil, "FE", 10, ""},
		{"March 1 after a Feb 29 end is expired", []resolution.Range{leap}, "FE10", "2024-03-01T00:00:00-05:00", []validate.Code{validate.CodeExpired}, "FE", 10, ""},
		{"out of range and expired are both reported", []resolution.Range{base}, "FE5000", "2027-01-01T12:00:00-05:00", []validate.Code{validate.CodeOutOfRange, validate.CodeExpired}, "FE", 5000, ""},
		{"number in a disabled range", []resolution.Range{base, disabled}, "FE600", "2025-04-01T12:00:00-05:00", []validate.Code{validate.CodeDisabledRange}, "FE", 600, ""},
		{"disabled range counts only from its date", []resolution.Range{base, disabled}, "FE600", "2025-02-28T12:00:00-05:00", nil, "FE", 600, ""},
		{"number below a disabled part stays valid", []resolution.Range{base, disabled}, "FE500", "2025-04-01T12:00:00-05:00", nil, "FE", 500, ""},
		{"only a disabled row for the prefix", []resolution.Range{disabled}, "FE600", "2025-04-01T12:00:00-05:00", []validate.Code{validate.CodeDisabledRange}, "FE", 600, ""},
		{"F and FE: FE number goes to FE", []resolution.Range{withPrefix(base, "F"), base}, "FE10", "2025-01-31T10:00:00-05:00", nil, "FE", 10, ""},
		{"F and FE: F number goes to F", []resolution.Range{withPrefix(base, "F"), base}, "F10", "2025-01-31T10:00:00-05:00", nil, "F", 10, ""},
		{"FE1 and FE: reading that leaves zero is FE", []resolution.Range{withPrefix(base, "FE1"), base}, "FE10", "2025-01-31T10:00:00-05:00", nil, "FE", 10, ""},
		{"FE1 and FE: two readings are ambiguous", []resolution.Range{withPrefix(base, "FE1"), base}, "FE115", "2025-01-31T10:00:00-05:00", []validate.Code{validate.CodeAmbiguousPrefix}, "", 0, ""},
		{"FE1 and FE: leading zero reading loses", []resolution.Range{withPrefix(base, "FE1"), base}, "FE105", "2025-01-31T10:00:00-05:00", nil, "FE", 105, ""},
		{"prefix ending in a digit alone", []resolution.Range{withPrefix(base, "FE1")}, "FE15", "2025-01-31T10:00:00-05:00", nil, "FE1", 5, ""},
		{"prefix ending in a digit, number with leading zero", []resolution.Range{withPrefix(base, "FE1")}, "FE1005", "2025-01-31T10:00:00-05:00", nil, "FE1", 5, ""},
		{"empty prefix", []resolution.Range{withPrefix(base, "")}, "42", "2025-01-31T10:00:00-05:00", nil, "", 42, ""},
		{"empty prefix with letters is unknown", []resolution.Range{withPrefix(base, "")}, "FE42", "2025-01-31T10:00:00-05:00", []validate.Code{validate.CodeUnknownPrefix}, "FE", 42, "FAD05e"},
		{"empty and digit prefix are ambiguous", []resolution.Range{withPrefix(base, ""), withPrefix(base, "9")}, "912", "2025-01-31T10:00:00-05:00", []validate.Code{validate.CodeAmbiguousPrefix}, "", 0, ""},
		{"DIAN test number", []resolution.Range{setp}, "SETP990000002", "2025-01-31T10:00:00-05:00", nil, "SETP", 990000002, ""},
		{"enablement row renews an expired range", []resolution.Range{base, {Prefix: "FE", From: 700, To: 1000, ValidFrom: date("2026-10-20"), ValidTo: date("2027-10-20"), Request: resolution.RequestEnablement}}, "FE800", "2027-01-01T10:00:00-05:00", nil, "FE", 800, ""},
		{"below an enablement row the old range is expired", []resolution.Range{base, {Prefix: "FE", From: 700, To: 1000, ValidFrom: date("2026-10-20"), ValidTo: date("2027-10-20"), Request: resolution.RequestEnablement}}, "FE600", "2027-01-01T10:00:00-05:00", []validate.Code{validate.CodeExpired}, "FE", 600, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := validate.NewChecker(tc.ranges)
			require.NoError(t, err)
			res := c.Check(tc.id, instant(tc.at))
			if tc.want == nil {
				tc.want = []validate.Code{}
			}
			assert.Equal(t, tc.want, codes(res.Findings), "%+v", res.Findings)
			assert.Equal(t, len(tc.want) == 0, res.OK)
			assert.Equal(t, tc.wantPrefix, res.Prefix)
			assert.Equal(t, tc.wantNumber, res.Number)
			assert.Equal(t, tc.id, res.ID)
			if len(res.Findings) > 0 {
				assert.Equal(t, tc.wantRule, res.Findings[0].Rule)
				for _, f := range res.Findings {
					assert.NotEmpty(t, f.Message(validate.English))
					assert.NotEqual(t, f.Message(validate.English), f.Message(validate.Spanish))
				}
			}
			if res.OK {
				require.GreaterOrEqual(t, res.Range, 0)
				assert.True(t, tc.ranges[res.Range].Contains(res.Number))
			}
		})
	}
}

func TestNewCheckerRejectsBadRanges(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    resolution.Range
	}{
		{"from above to", resolution.Range{Prefix: "FE", From: 10, To: 9}},
		{"negative from", resolution.Range{Prefix: "FE", From: -1, To: 9}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := validate.NewChecker([]resolution.Range{tc.r})
			assert.ErrorIs(t, err, validate.ErrBadRange)
		})
	}
}

func TestSplit(t *testing.T) {
	base := fe(1, 1000, "2024-10-19", "2026-10-19")
	c, err := validate.NewChecker([]resolution.Range{base, withPrefix(base, "FE1"), withPrefix(base, "F")})
	require.NoError(t, err)
	for _, tc := range []struct {
		name       string
		id         string
		wantPrefix string
		wantN      int64
		wantErr    error
		wantCands  []string
	}{
		{"letters then digits", "F77", "F", 77, nil, nil},
		{"longest prefix is not preferred blindly", "FE17", "", 0, validate.ErrAmbiguousPrefix, []string{"FE 17", "FE1 7"}},
		{"leading zero reading loses", "FE1007", "FE", 1007, nil, nil},
		{"unknown prefix keeps the apparent reading", "XY12", "", 0, validate.ErrUnknownPrefix, nil},
		{"trailing letter is malformed", "FE12A", "", 0, validate.ErrMalformed, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, n, err := c.Split(tc.id)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				var se *validate.SplitError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, tc.wantCands, se.Candidates)
				assert.Contains(t, err.Error(), tc.id)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.wantPrefix, p)
			assert.Equal(t, tc.wantN, n)
		})
	}
	_, _, err = c.Split("XY12")
	var se *validate.SplitError
	require.True(t, errors.As(err, &se))
	assert.Equal(t, "XY", se.Prefix)
	assert.Equal(t, int64(12), se.Number)
}

func TestCheckValidPathAllocatesNothing(t *testing.T) {
	c, err := validate.NewChecker([]resolution.Range{setp, withPrefix(setp, "SETT")})
	require.NoError(t, err)
	at := instant("2025-01-31T23:30:00-05:00")
	allocs := testing.AllocsPerRun(100, func() {
		if !c.Check("SETP990000002", at).OK {
			t.Fatal("want OK")
		}
	})
	assert.Zero(t, allocs)
}

func BenchmarkCheck(b *testing.B) {
	c, err := validate.NewChecker([]resolution.Range{setp, withPrefix(setp, "SETT"), withPrefix(setp, "SETG")})
	require.NoError(b, err)
	at := instant("2025-01-31T23:30:00-05:00")
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if !c.Check("SETP990000002", at).OK {
			b.Fatal("want OK")
		}
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
