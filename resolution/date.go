package resolution

import (
	"cmp"
	"fmt"
	"time"

	"github.com/dianres/dianres/internal/vocab"
)

// colombia is Colombia's civil time zone: UTC−5 all year, no daylight saving
// (docs/form-1876.md §3). A fixed zone needs no tzdata on minimal images.
var colombia = time.FixedZone("COT", -5*60*60)

// Colombia returns Colombia's civil time zone (fixed UTC−5, no DST).
// Validity dates are calendar days in this zone.
func Colombia() *time.Location { return colombia }

// A Date is a civil calendar date, as DIAN writes validity dates
// ("2006-01-02"). The zero Date means "not set". Dates are comparable
// with == and ordered with [Date.Compare].
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date for year, month and day, normalized as
// [time.Date] normalizes (so February 30 becomes March 1 or 2).
func NewDate(year int, month time.Month, day int) Date {
	return DateOf(time.Date(year, month, day, 12, 0, 0, 0, colombia))
}

// DateOf returns t's calendar day in Colombia (UTC−5), whatever t's zone.
func DateOf(t time.Time) Date {
	y, m, d := t.In(colombia).Date()
	return Date{y, m, d}
}

// ParseDate reads a date written "2006-01-02".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("resolution: date %q: want YYYY-MM-DD", s)
	}
	y, m, d := t.Date()
	return Date{y, m, d}, nil
}

// IsZero reports whether d is the zero Date ("not set").
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d names a real calendar day.
func (d Date) Valid() bool {
	if d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	return d.Day <= daysIn(d.Year, d.Month)
}

// Start returns the first instant of d in Colombia.
func (d Date) Start() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, colombia)
}

// String returns d as "2006-01-02", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmp.Compare(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp.Compare(int(d.Month), int(e.Month))
	default:
		return cmp.Compare(d.Day, e.Day)
	}
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// AddDays returns the date n days after d (before, if n < 0).
func (d Date) AddDays(n int) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, colombia))
}

// DaysUntil returns the number of calendar days from d to e (negative when e is before d).
func (d Date) DaysUntil(e Date) int {
	a := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	b := time.Date(e.Year, e.Month, e.Day, 0, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24)
}

// AddMonths returns the same day of the month n months after d. When that
// day does not exist in the target month it is clamped to the month's last
// day, so 2024-01-31 plus one month is 2024-02-29. [DIAN] gives the
// same-day rule (test range 2019-01-10 → 2020-01-10); the clamp is [model]
// (docs/form-1876.md §3). The rule lives in internal/vocab, which the
// free-text reader shares.
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return d
	}
	y, m, day := vocab.AddMonths(d.Year, d.Month, d.Day, n)
	return Date{y, m, day}
}

// MarshalText writes d as "2006-01-02"; the zero Date writes as "".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads "2006-01-02"; an empty text gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
