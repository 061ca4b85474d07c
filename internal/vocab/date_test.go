package vocab

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestFindDates covers every way the PDF stamp and the free-text legends
// write a date; text is given as Lower returns it.
func TestFindDates(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string // ISO
	}{
		{"ISO", "del 2023-06-15, prefijo", []string{"2023-06-15"}},
		{"year first with slashes", "del 2023/06/15", []string{"2023-06-15"}},
		{"year first with dots", "2023.06.15", []string{"2023-06-15"}},
		{"ISO date-time keeps the day", "del 2023-06-15t10:30:00-05:00", []string{"2023-06-15"}},
		{"day first with slashes", "de 15/06/2023 habilita", []string{"2023-06-15"}},
		{"day first with hyphens", "15-06-2023", []string{"2023-06-15"}},
		{"day first with dots", "15.06.2023", []string{"2023-06-15"}},
		{"one-digit day and month", "5/6/2023", []string{"2023-06-05"}},
		{"spaces around separators", "2023 - 06 - 15", []string{"2023-06-15"}},
		{"spelled-out month with de", "15 de junio de 2023", []string{"2023-06-15"}},
		{"spelled-out month with del", "15 de junio del 2023", []string{"2023-06-15"}},
		{"spelled-out month without de", "15 junio 2023", []string{"2023-06-15"}},
		{"spelled-out month, comma before the year", "15 de junio, 2023", []string{"2023-06-15"}},
		{"abbreviated month between hyphens", "del 15-jun-2023 prefijo", []string{"2023-06-15"}},
		{"abbreviated month with a period", "15 jun. 2023", []string{"2023-06-15"}},
		{"setiembre and sept", "1 de setiembre de 2023 y 2 sept 2023", []string{"2023-09-01", "2023-09-02"}},
		{"month first with de", "de junio 15 de 2023 prefijo", []string{"2023-06-15"}},
		{"month first with del", "junio 15 del 2023", []string{"2023-06-15"}},
		{"month first with a comma", "junio 15, 2023", []string{"2023-06-15"}},
		{"abbreviated month first", "dic 1 2024", []string{"2024-12-01"}},
		{"two dates side by side", "2023-06-15 2025-06-15", []string{"2023-06-15", "2025-06-15"}},
		{"two spelled-out dates side by side", "15 de junio de 2023 15 de junio de 2025", []string{"2023-06-15", "2025-06-15"}},
		{"a period joined by a hyphen", "vigencia: 15/06/2023 - 15/06/2025", []string{"2023-06-15", "2025-06-15"}},
		{"glued to a word", "hasta15/06/2025", []string{"2025-06-15"}},
		{"never month first in figures", "06/15/2023", nil},
		{"impossible day", "2023-02-30", nil},
		{"implausible year", "9999-12-31", nil},
		{"mixed separators are two numbers", "2024-10/19", nil},
		{"a longer number is no date", "2023-06-155 15/06/20234", nil},
		{"a month-like word is no month", "15 de mayor de 2023", nil},
		{"grouped numbers are no date", "del 1.000.000 al 10.000.000", nil},
		{"a range and a phone are no date", "rango 1 - 10.000 tel 601-555-1234", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, d := range FindDates(tc.text) {
				got = append(got, d.ISO())
				assert.Equal(t, d.ISO(), isoOf(t, tc.text, d), "offsets")
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

// isoOf re-reads the date at d's offsets, proving they cover it exactly.
func isoOf(t *testing.T, text string, d Date) string {
	t.Helper()
	ds := FindDates(text[d.Start:d.End])
	if len(ds) != 1 {
		return "offsets cover " + text[d.Start:d.End]
	}
	return ds[0].ISO()
}

func TestScanDatesReportsImpossibleDates(t *testing.T) {
	for _, tc := range []struct {
		text       string
		y, m, d    int
		impossible bool
	}{
		{"del 2023-02-30 prefijo", 2023, 2, 30, true},
		{"del 06/15/2023 prefijo", 2023, 15, 6, true},
		{"del 9999-12-31", 9999, 12, 31, true},
		{"45 de junio de 2023", 2023, 6, 45, true},
		{"2024-02-29", 2024, 2, 29, false},
	} {
		ds := ScanDates(tc.text)
		if assert.Len(t, ds, 1, tc.text) {
			assert.Equal(t, [3]int{tc.y, tc.m, tc.d}, [3]int{ds[0].Year, int(ds[0].Month), ds[0].Day}, tc.text)
			assert.Equal(t, tc.impossible, ds[0].Impossible, tc.text)
		}
		assert.Len(t, FindDates(tc.text), map[bool]int{true: 0, false: 1}[tc.impossible], tc.text)
	}
}

func TestAddMonths(t *testing.T) {
	for _, tc := range []struct {
		y    int
		m    time.Month
		d, n int
		want string
	}{
		{2023, 6, 15, 24, "2025-06-15"},
		{2019, 1, 10, 12, "2020-01-10"},
		{2024, 1, 31, 1, "2024-02-29"},
		{2023, 1, 31, 1, "2023-02-28"},
		{2023, 12, 15, 1, "2024-01-15"},
		{2023, 3, 31, -1, "2023-02-28"},
	} {
		y, m, d := AddMonths(tc.y, tc.m, tc.d, tc.n)
		assert.Equal(t, tc.want, Date{Year: y, Month: m, Day: d}.ISO(), "%d-%d-%d + %d", tc.y, tc.m, tc.d, tc.n)
	}
}

func TestLowerAndFold(t *testing.T) {
	for _, tc := range []struct{ in, lower, fold string }{
		{"RESOLUCIÓN", "resolucion", "resolucion"},
		{"Resolucio\u0301n", "resolucion", "resolucion"},
		{"N° 1876", "no 1876", "no 1876"},
		{"Nº", "no", "no"},
		{"1ª", "1a", "1a"},
		{"19-OCT-2024", "19-oct-2024", "19 oct 2024"},
		{"already lower", "already lower", "already lower"},
	} {
		assert.Equal(t, tc.lower, Lower(tc.in), tc.in)
		assert.Equal(t, tc.fold, Fold(tc.in), tc.in)
	}
}

// The patterns numericDates stands for.
var (
	ymdPattern = regexp.MustCompile(`(?:^|[^\d])(\d{4})\s?([-/.])\s?(\d{1,2})\s?([-/.])\s?(\d{1,2})`)
	dmyPattern = regexp.MustCompile(`(?:^|[^\d])(\d{1,2})\s?([-/.])\s?(\d{1,2})\s?([-/.])\s?(\d{4})`)
)

// numericDatesSlow is numericDates by the patterns.
func numericDatesSlow(text string, yearFirst bool) []numericDate {
	re := dmyPattern
	if yearFirst {
		re = ymdPattern
	}
	var out []numericDate
	for _, m := range re.FindAllStringSubmatchIndex(text, maxDates) {
		out = append(out, numericDate{
			n:       [3]int{atoi(text[m[2]:m[3]]), atoi(text[m[6]:m[7]]), atoi(text[m[10]:m[11]])},
			start:   m[2],
			end:     m[11],
			sameSep: text[m[4]:m[5]] == text[m[8]:m[9]],
		})
	}
	return out
}

var numericDateCases = []string{
	"2024-10-19", "19/10/2024", "2024 - 10 - 19", "19 .10. 2024", "2024-10/19", "2024-1-123",
	"2024-123-5", "12024-10-19", "19/10/20245", "10/10/2024/10/10", "2023-06-15 2025-06-15",
	"x2024-10-19y", "1/2/2024-3-4", "2024-10-19-2024-11-20", "2024- -10-19", "2024\t-\n10\f-\r19",
	"2024\v-10-19", "º19/10/2024", "\xff2024.1.2", "1-2-3-4-5-6-7-8", "99/99/9999", "2024-10-",
	"31.12.1999 01.01.2000", "2024-10-1919-10-2024", "7/7/77777/7/7",
}

// TestNumericDatesMatchPatterns holds numericDates to the regexps it
// replaced, on tricky texts here and on whatever FuzzNumericDates finds.
func TestNumericDatesMatchPatterns(t *testing.T) {
	for _, s := range numericDateCases {
		for _, yf := range []bool{true, false} {
			assert.Equal(t, numericDatesSlow(s, yf), numericDates(s, yf), "%q year first %v", s, yf)
		}
	}
}

// FuzzDateShortcuts checks the hand-written parts of the date reader
// against the patterns: numericDates finds what the numeric patterns
// find, and hasMonth never rules out a text the month patterns match.
func FuzzDateShortcuts(f *testing.F) {
	for _, s := range numericDateCases {
		f.Add(s)
	}
	for _, s := range []string{"19 de octubre de 2024", "octubre 19, 2024", "tiene 19 ene 2024", "º19-oct-2024", "1.ºoct 2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !hasMonth(s) && (dMonthY.MatchString(s) || monthDY.MatchString(s)) {
			t.Fatalf("%q: hasMonth false, but a month pattern matches", s)
		}
		for _, yf := range []bool{true, false} {
			if a, b := numericDatesSlow(s, yf), numericDates(s, yf); !reflect.DeepEqual(a, b) {
				t.Fatalf("%q year first %v: patterns %v, scanner %v", s, yf, a, b)
			}
		}
	})
}

func TestASCIIDashes(t *testing.T) {
	assert.Equal(t, "2024-10-19 al 2026-10-19", ASCIIDashes("2024\u221210\u201319 al 2026\u201410\uff0d19"))
	assert.Equal(t, "FE-1", ASCIIDashes("FE-1"))
	assert.Equal(t, "AÑO-2024", ASCIIDashes("AÑO\u20102024"))
	for _, d := range []string{"\u2212", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\ufe63", "\uff0d"} {
		assert.Equal(t, "1-2", ASCIIDashes("1"+d+"2"), "%U", []rune(d)[0])
	}
}

var compactCases = []string{"2 0 2 4 -1 0 -1 9", "2024 - 10 - 19", "19/03/2025 10:04:11", "1 500", "2019-1 0-2 8",
	"a b c", "1 2", "1  2 3", " 2024-10-19", "x\u00a01 2 3", "FE 1 1000 24", "19 de octubre de 2024", "1-\t2", "á 1 / 2"}

// CompactDigits skips its work on text it would return unchanged; the
// shortcut must agree with doing the work.
func TestCompactDigitsShortcut(t *testing.T) {
	for _, s := range compactCases {
		want := s // text without a space is left as it is
		if strings.Contains(s, " ") {
			want = compactDigits(s)
		}
		assert.Equal(t, want, CompactDigits(s), "%q", s)
	}
}

func FuzzCompactDigits(f *testing.F) {
	for _, s := range compactCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !strings.Contains(s, " ") {
			return
		}
		if a, b := compactDigits(s), CompactDigits(s); a != b {
			t.Fatalf("CompactDigits(%q) = %q, the full pass says %q", s, b, a)
		}
	})
}

func TestWeekday(t *testing.T) {
	for _, s := range []string{"lunes", "lunes,", "miercoles", "sabado.", "domingo"} {
		assert.True(t, Weekday(s), s)
	}
	for _, s := range []string{"lun", "marzo", "de", ""} {
		assert.False(t, Weekday(s), s)
	}
}
