package validate_test

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/resolution"
	"github.com/dianres/dianres/validate"
)

type issue struct {
	id   string
	date string // "" = undated
}

func audit(t *testing.T, ranges []resolution.Range, opts *validate.Options, at string, issued ...issue) *validate.Report {
	t.Helper()
	a, err := validate.NewAuditor(ranges, opts)
	require.NoError(t, err)
	for _, is := range issued {
		var d resolution.Date
		if is.date != "" {
			d = date(is.date)
		}
		a.Add(is.id, d)
	}
	return a.Report(date(at))
}

func undated(ids ...string) []issue {
	out := make([]issue, len(ids))
	for i, id := range ids {
		out[i] = issue{id: id}
	}
	return out
}

func TestAuditCounts(t *testing.T) {
	r := fe(1, 100, "2025-01-01", "2027-01-01")
	rep := audit(t, []resolution.Range{r}, nil, "2025-06-01",
		undated("FE1", "FE2", "FE3", "FE3", "FE3", "FE7", "FE8", "FE10", "FE200", "XX5", "FE", "FE8")...)
	require.Len(t, rep.Ranges, 1)
	rr := rep.Ranges[0]
	assert.Equal(t, int64(9), rr.Issued, "issued counts repeats")
	assert.Equal(t, int64(6), rr.Unique)
	assert.Equal(t, []validate.Duplicate{{Number: 3, Count: 3}, {Number: 8, Count: 2}}, rr.Duplicates)
	assert.Equal(t, int64(2), rr.DuplicateCount)
	assert.Equal(t, []validate.Interval{{From: 4, To: 6}, {From: 9, To: 9}}, rr.Gaps)
	assert.Equal(t, int64(2), rr.GapCount)
	assert.Equal(t, int64(4), rr.Missing)
	assert.Equal(t, []string{"FE200"}, rr.Outside)
	assert.Equal(t, int64(90), rr.Remaining, "numbers above the highest issued")
	assert.InDelta(t, 10.0, rr.UsedPercent, 1e-9)
	require.NotNil(t, rr.DaysLeft)
	assert.Equal(t, 579, *rr.DaysLeft)
	assert.Equal(t, []string{"XX5"}, rep.Unknown)
	assert.Equal(t, []string{"FE"}, rep.Malformed)
	assert.False(t, rep.Clean())

	got := map[validate.Code]int{}
	for _, f := range rep.Findings() {
		got[f.Code]++
		assert.NotEmpty(t, f.Message(validate.Spanish))
	}
	assert.Equal(t, map[validate.Code]int{
		validate.CodeUnknownPrefix: 1, validate.CodeMalformed: 1, validate.CodeOutOfRange: 1,
		validate.CodeDuplicate: 2, validate.CodeGap: 2,
	}, got)
}

func TestAuditFindings(t *testing.T) {
	base := fe(1, 1000, "2025-01-01", "2027-01-01")
	for _, tc := range []struct {
		name   string
		ranges []resolution.Range
		opts   *validate.Options
		at     string
		issued []issue
		want   map[validate.Code]int // findings by code
		check  func(t *testing.T, rep *validate.Report)
	}{
		{
			name: "clean numbering has no findings", ranges: []resolution.Range{base}, at: "2025-06-01",
			issued: []issue{{"FE1", "2025-01-02"}, {"FE2", "2025-01-02"}, {"FE3", "2025-01-03"}},
			want:   map[validate.Code]int{},
			check: func(t *testing.T, rep *validate.Report) {
				assert.True(t, rep.Clean())
			},
		},
		{
			name: "a number dated before a lower one is out of order", ranges: []resolution.Range{base}, at: "2025-06-01",
			issued: []issue{{"FE1", "2025-01-02"}, {"FE2", "2025-01-10"}, {"FE3", "2025-01-05"}, {"FE4", "2025-01-06"}, {"FE5", "2025-01-11"}, {"FE6", "2025-01-01"}},
			want:   map[validate.Code]int{validate.CodeOutOfOrder: 2},
			check: func(t *testing.T, rep *validate.Report) {
				assert.Equal(t, []validate.Interval{{From: 3, To: 4}, {From: 6, To: 6}}, rep.Ranges[0].OutOfOrder)
				assert.Equal(t, int64(2), rep.Ranges[0].OutOfOrderCount)
			},
		},
		{
			name: "out of order over dates a year apart", ranges: []resolution.Range{base}, at: "2026-06-01",
			issued: []issue{{"FE2", "2026-01-01"}, {"FE1", "2025-01-02"}, {"FE3", "2025-06-01"}, {"FE4", "2026-05-01"}},
			want:   map[validate.Code]int{validate.CodeOutOfOrder: 1},
			check: func(t *testing.T, rep *validate.Report) {
				assert.Equal(t, []validate.Interval{{From: 3, To: 3}}, rep.Ranges[0].OutOfOrder)
			},
		},
		{
			name: "undated numbers are not judged for order", ranges: []resolution.Range{base}, at: "2025-06-01",
			issued: []issue{{"FE1", "2025-01-10"}, {"FE2", ""}, {"FE3", "2025-01-10"}},
			want:   map[validate.Code]int{},
		},
		{
			name: "numbers issued outside validity are invalid", ranges: []resolution.Range{base}, at: "2025-06-01",
			issued: []issue{{"FE1", "2024-12-31"}, {"FE2", "2025-01-01"}, {"FE3", "2027-01-02"}},
			want:   map[validate.Code]int{validate.CodeNotYetValid: 1, validate.CodeExpired: 1},
			check: func(t *testing.T, rep *validate.Report) {
				assert.Equal(t, int64(3), rep.Ranges[0].Unique, "misdated numbers are still used")
				assert.Equal(t, "FE1", rep.Ranges[0].Invalid[0].ID)
			},
		},
		{
			name: "numbers issued in a disabled part", at: "2025-06-01",
			ranges: []resolution.Range{base, {Prefix: "FE", From: 501, To: 1000, ValidFrom: date("2025-03-01"), Request: resolution.RequestDisablement}},
			issued: []issue{{"FE499", "2025-02-01"}, {"FE500", "2025-02-01"}, {"FE501", "2025-04-01"}},
			// The tail is disabled, so nothing remains: running-out.
			want: map[validate.Code]int{validate.CodeDisabledRange: 1, validate.CodeGap: 1, validate.CodeRunningOut: 1},
			check: func(t *testing.T, rep *validate.Report) {
				require.Len(t, rep.Ranges, 1, "disablement rows get no report")
				assert.Equal(t, int64(0), rep.Ranges[0].Remaining)
			},
		},
		{
			name: "a disabled tail is not remaining", at: "2025-06-01",
			ranges: []resolution.Range{base, {Prefix: "FE", From: 601, To: 1000, ValidFrom: date("2025-03-01"), Request: resolution.RequestDisablement}},
			issued: undated("FE1", "FE2"),
			want:   map[validate.Code]int{},
			check: func(t *testing.T, rep *validate.Report) {
				assert.Equal(t, int64(598), rep.Ranges[0].Remaining)
				assert.InDelta(t, 0.33, rep.Ranges[0].UsedPercent, 1e-9)
			},
		},
		{
			name: "ambiguous numbers are listed, not guessed", at: "2025-06-01",
			ranges: []resolution.Range{base, withPrefix(base, "FE1")},
			issued: undated("FE115"),
			want:   map[validate.Code]int{validate.CodeAmbiguousPrefix: 1},
			check: func(t *testing.T, rep *validate.Report) {
				assert.Equal(t, []string{"FE115"}, rep.Ambiguous)
				assert.Equal(t, int64(0), rep.Ranges[0].Issued+rep.Ranges[1].Issued)
			},
		},
		{
			name: "few numbers left raises running-out", at: "2025-06-01",
			ranges: []resolution.Range{fe(1, 10, "2025-01-01", "2027-01-01")},
			issued: undated("FE1", "FE2", "FE3", "FE4", "FE5", "FE6", "FE7", "FE8", "FE9"),
			want:   map[validate.Code]int{validate.CodeRunningOut: 1},
			check: func(t *testing.T, rep *validate.Report) {
				assert.Equal(t, int64(1), rep.Ranges[0].Alerts[0].Remaining)
				assert.Contains(t, rep.Ranges[0].Alerts[0].Message(validate.English), "1 numbers left")
			},
		},
		{
			name: "threshold is configurable", at: "2025-06-01", opts: &validate.Options{WarnPercent: 5, WarnDays: -1},
			ranges: []resolution.Range{fe(1, 10, "2025-01-01", "2027-01-01")},
			issued: undated("FE1", "FE2", "FE3", "FE4", "FE5", "FE6", "FE7", "FE8", "FE9"),
			want:   map[validate.Code]int{},
		},
		{
			name: "used-up range raises running-out", at: "2025-06-01",
			ranges: []resolution.Range{fe(1, 3, "2025-01-01", "2027-01-01")},
			issued: undated("FE1", "FE2", "FE3"),
			want:   map[validate.Code]int{validate.CodeRunningOut: 1},
			check: func(t *testing.T, rep *validate.Report) {
				assert.Contains(t, rep.Ranges[0].Alerts[0].Message(validate.English), "used up")
			},
		},
		{
			name: "fast issuing projects exhaustion within warn days", at: "2025-01-10",
			ranges: []resolution.Range{fe(1, 1000, "2025-01-01", "2027-01-01")},
			// 500 numbers in 10 days: 50 a day, 500 left, 10 more days.
			issued: append(undated(), rangeIDs("FE", 1, 500)...),
			want:   map[validate.Code]int{validate.CodeRunningOut: 1},
			check: func(t *testing.T, rep *validate.Report) {
				assert.Equal(t, date("2025-01-20"), rep.Ranges[0].ExhaustsOn)
			},
		},
		{
			name: "validity ending within warn days raises expiring", at: "2026-12-10",
			ranges: []resolution.Range{base}, issued: undated("FE1"),
			want: map[validate.Code]int{validate.CodeExpiring: 1},
			check: func(t *testing.T, rep *validate.Report) {
				assert.Equal(t, 22, rep.Ranges[0].Alerts[0].DaysLeft)
			},
		},
		{
			name: "warn days can be turned off", at: "2026-12-10", opts: &validate.Options{WarnDays: -1},
			ranges: []resolution.Range{base}, issued: undated("FE1"),
			want: map[validate.Code]int{},
		},
		{
			name: "an expired range raises expired", at: "2027-01-02",
			ranges: []resolution.Range{base}, issued: undated("FE1"),
			want: map[validate.Code]int{validate.CodeExpired: 1},
			check: func(t *testing.T, rep *validate.Report) {
				assert.Equal(t, -1, *rep.Ranges[0].DaysLeft)
			},
		},
		{
			name: "last valid day is expiring, not expired", at: "2027-01-01",
			ranges: []resolution.Range{base}, issued: undated("FE1"),
			want: map[validate.Code]int{validate.CodeExpiring: 1},
			check: func(t *testing.T, rep *validate.Report) {
				assert.Equal(t, 0, *rep.Ranges[0].DaysLeft)
			},
		},
		{
			name: "lists stop at MaxList, counts do not", at: "2025-06-01", opts: &validate.Options{MaxList: 2},
			ranges: []resolution.Range{base},
			issued: undated("FE1", "FE3", "FE5", "FE7", "FE7", "FE9", "FE9", "FE11", "FE11", "FE2000", "FE2001", "FE2002"),
			want:   map[validate.Code]int{validate.CodeGap: 2, validate.CodeDuplicate: 2, validate.CodeOutOfRange: 2},
			check: func(t *testing.T, rep *validate.Report) {
				rr := rep.Ranges[0]
				assert.Equal(t, int64(5), rr.GapCount)
				assert.Equal(t, int64(3), rr.DuplicateCount)
				assert.Equal(t, int64(3), rr.OutsideCount)
			},
		},
		{
			name: "huge sparse range costs pages only where numbers fall", at: "2025-06-01",
			ranges: []resolution.Range{{Prefix: "H", From: 1, To: math.MaxInt64, ValidFrom: date("2025-01-01"), ValidTo: date("2027-01-01")}},
			issued: undated("H1", "H3", "H9223372036854775806", "H9223372036854775807"),
			want:   map[validate.Code]int{validate.CodeGap: 2, validate.CodeRunningOut: 1},
			check: func(t *testing.T, rep *validate.Report) {
				rr := rep.Ranges[0]
				assert.Equal(t, []validate.Interval{{From: 2, To: 2}, {From: 4, To: 9223372036854775805}}, rr.Gaps)
				assert.Equal(t, int64(0), rr.Remaining)
			},
		},
		{
			name: "outside number of a prefix ending in a digit", at: "2025-06-01",
			ranges: []resolution.Range{withPrefix(fe(1, 10, "2025-01-01", "2027-01-01"), "FE1")},
			issued: undated("FE12000"),
			want:   map[validate.Code]int{validate.CodeOutOfRange: 1},
			check: func(t *testing.T, rep *validate.Report) {
				f := rep.Findings()[0]
				assert.Equal(t, int64(2000), f.Number)
				assert.Equal(t, "FE12000: number 2000 is outside the authorized range FE1 1–10", f.Message(validate.English))
			},
		},
		{
			name: "same prefix in two ranges: each number goes to its own", at: "2025-06-01",
			ranges: []resolution.Range{fe(1, 10, "2025-01-01", "2027-01-01"), fe(11, 20, "2025-01-01", "2027-01-01")},
			issued: undated("FE1", "FE2", "FE11", "FE12", "FE25"),
			want:   map[validate.Code]int{validate.CodeOutOfRange: 1},
			check: func(t *testing.T, rep *validate.Report) {
				assert.Equal(t, int64(2), rep.Ranges[0].Unique)
				assert.Equal(t, int64(2), rep.Ranges[1].Unique)
				assert.Equal(t, []string{"FE25"}, rep.Ranges[1].Outside, "outside goes to the nearest range")
				assert.Equal(t, int64(25), rep.Findings()[0].Number)
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := audit(t, tc.ranges, tc.opts, tc.at, tc.issued...)
			got := map[validate.Code]int{}
			for _, f := range rep.Findings() {
				got[f.Code]++
				assert.NotEmpty(t, f.Message(validate.English))
			}
			assert.Equal(t, tc.want, got)
			assert.Equal(t, len(tc.want) == 0, rep.Clean())
			if tc.check != nil {
				tc.check(t, rep)
			}
		})
	}
}

func rangeIDs(prefix string, from, to int64) []issue {
	var out []issue
	for n := from; n <= to; n++ {
		out = append(out, issue{id: prefix + itoa(n)})
	}
	return out
}

func itoa(n int64) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}

func TestAuditDuplicateCountsBeyondAByte(t *testing.T) {
	a, err := validate.NewAuditor([]resolution.Range{fe(1, 10, "2025-01-01", "2027-01-01")}, nil)
	require.NoError(t, err)
	for range 1000 {
		a.Add("FE5", resolution.Date{})
	}
	rr := a.Report(date("2025-06-01")).Ranges[0]
	assert.Equal(t, []validate.Duplicate{{Number: 5, Count: 1000}}, rr.Duplicates)
	assert.Equal(t, int64(1000), rr.Issued)
}

func TestReadLines(t *testing.T) {
	for _, tc := range []struct {
		name      string
		input     string
		wantLines int64
		wantErr   error
		wantLine  int64
		check     func(t *testing.T, rep *validate.Report)
	}{
		{
			name:      "numbers with dates, date-times and none",
			input:     "FE1,2025-01-02\r\nFE2 , 2025-01-03T23:30:00-05:00\n\nFE3\nFE4,2025-01-04T04:00:00Z",
			wantLines: 5,
			check: func(t *testing.T, rep *validate.Report) {
				rr := rep.Ranges[0]
				assert.Equal(t, int64(4), rr.Unique)
				// FE4 at 04:00 UTC is still 2025-01-03 in Colombia: not before FE2.
				assert.Empty(t, rr.OutOfOrder)
			},
		},
		{
			name:      "UTC instant on the next day is judged in Colombia",
			input:     "FE1,2025-01-04T12:00:00-05:00\nFE2,2025-01-04T03:00:00Z\n",
			wantLines: 2,
			check: func(t *testing.T, rep *validate.Report) {
				assert.Equal(t, []validate.Interval{{From: 2, To: 2}}, rep.Ranges[0].OutOfOrder)
			},
		},
		{
			name:      "Colombian DD/MM/AAAA dates",
			input:     "FE1,02/01/2025\nFE2,01/01/2025\n",
			wantLines: 2,
			check: func(t *testing.T, rep *validate.Report) {
				assert.Equal(t, []validate.Interval{{From: 2, To: 2}}, rep.Ranges[0].OutOfOrder, "01/01 is before 02/01: day first")
			},
		},
		{name: "bad Colombian date", input: "FE1,31/02/2025", wantErr: validate.ErrBadDate, wantLine: 1},
		{name: "bad date stops with its line", input: "FE1\nFE2,2025-02-30\n", wantErr: validate.ErrBadDate, wantLine: 2},
		{name: "garbage date", input: "FE1,yesterday", wantErr: validate.ErrBadDate, wantLine: 1},
		{name: "line too long", input: "FE1\n" + strings.Repeat("9", 70000) + "\n", wantErr: validate.ErrLineTooLong, wantLine: 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := validate.NewAuditor([]resolution.Range{fe(1, 100, "2025-01-01", "2027-01-01")}, nil)
			require.NoError(t, err)
			lines, err := a.ReadLines(strings.NewReader(tc.input))
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				var le *validate.LineError
				require.ErrorAs(t, err, &le)
				assert.Equal(t, tc.wantLine, le.Line)
				assert.Contains(t, err.Error(), "line")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.wantLines, lines)
			tc.check(t, a.Report(date("2025-06-01")))
		})
	}
}

func TestAuditAcrossPageBoundaries(t *testing.T) {
	// Pages hold 4096 numbers: offsets 0–4095 are FE1–FE4096.
	issued := rangeIDs("FE", 1, 4096)
	issued = append(issued, rangeIDs("FE", 4098, 4100)...)
	issued = append(issued, undated("FE12000", "FE8193", "FE8192")...)
	rep := audit(t, []resolution.Range{fe(1, 20000, "2025-01-01", "2027-01-01")}, nil, "2025-06-01", issued...)
	rr := rep.Ranges[0]
	assert.Equal(t, []validate.Interval{{From: 4097, To: 4097}, {From: 4101, To: 8191}, {From: 8194, To: 11999}}, rr.Gaps)
	assert.Equal(t, int64(1+4091+3806), rr.Missing)
	assert.Equal(t, int64(4096+3+3), rr.Unique)
	assert.Equal(t, int64(8000), rr.Remaining)
}

func TestAuditAddAllocatesNothingPerValidNumber(t *testing.T) {
	a, err := validate.NewAuditor([]resolution.Range{fe(1, 100000, "2025-01-01", "2027-01-01")}, nil)
	require.NoError(t, err)
	id := []byte("FE77")
	d := date("2025-03-01")
	a.AddBytes(id, d) // allocates the page, its duplicate counters and its days
	a.AddBytes(id, d)
	allocs := testing.AllocsPerRun(1000, func() {
		id[3]++
		if id[3] > '9' {
			id[3] = '0'
		}
		a.AddBytes(id, d)
	})
	assert.Zero(t, allocs)
}

func TestAddLineGoesOnAfterABadLine(t *testing.T) {
	a, err := validate.NewAuditor([]resolution.Range{fe(1, 100, "2025-01-01", "2027-01-01")}, nil)
	require.NoError(t, err)
	require.NoError(t, a.AddLine([]byte("FE1,2025-01-02")))
	require.ErrorIs(t, a.AddLine([]byte("FE2,ayer")), validate.ErrBadDate)
	require.NoError(t, a.AddLine([]byte("FE3,03/01/2025")))
	rr := a.Report(resolution.NewDate(2025, 1, 5)).Ranges[0]
	assert.Equal(t, int64(2), rr.Unique, "the bad line added nothing, the next one counted")
}
