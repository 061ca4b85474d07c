package validate

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"time"

	"github.com/dianres/dianres/resolution"
)

// Options tunes an [Auditor]. A nil *Options, or a zero field, means the
// default.
type Options struct {
	// WarnPercent raises a running-out alert when at most this percent of
	// a range remains. 0 means 10; negative turns the check off.
	WarnPercent float64
	// WarnDays raises an expiring alert when the validity ends within
	// this many days, and a running-out alert when, at the rate seen so
	// far, the numbers run out within it. 0 means 30; negative turns both
	// checks off.
	WarnDays int
	// MaxList caps each list of a report (duplicates, gaps, outside...);
	// counts stay exact. 0 means 1000; negative means no cap.
	MaxList int
}

func (o *Options) withDefaults() Options {
	var v Options
	if o != nil {
		v = *o
	}
	if v.WarnPercent == 0 {
		v.WarnPercent = 10
	}
	if v.WarnDays == 0 {
		v.WarnDays = 30
	}
	if v.MaxList == 0 {
		v.MaxList = 1000
	}
	return v
}

// An Auditor audits everything a business issued: feed it every full
// number with [Auditor.Add] or [Auditor.ReadLines], in any order, then
// call [Auditor.Report]. Its memory is bounded by the size of the ranges
// (one bit per number of each 4096-number page that holds an issued
// number, plus one byte per number of pages with duplicates and one, or
// two, per number of pages with dated numbers), never by the length of the
// input.
// An Auditor is not safe for concurrent use.
type Auditor struct {
	c                             *Checker
	opts                          Options
	trackers                      []*tracker // by range index; nil for disablement rows
	unknown, ambiguous, malformed list[string]
}

// tracker follows one authorizing range.
type tracker struct {
	set                     pagedSet
	issued, unique, repeats int64 // repeats: distinct numbers issued more than once
	overflow                map[int64]int64
	max                     int64 // highest issued; valid when unique > 0
	firstDay                int64 // earliest issue day (dayNumber), when dated > 0
	dated                   int64
	outside                 list[string]
	invalid                 list[Finding]
}

// list keeps the first entries up to a cap and counts all of them.
type list[T any] struct {
	items []T
	n     int64
}

func (l *list[T]) add(limit int, v func() T) {
	l.n++
	if limit < 0 || len(l.items) < limit {
		l.items = append(l.items, v())
	}
}

// NewAuditor returns an Auditor over ranges, with [NewChecker]'s rules.
func NewAuditor(ranges []resolution.Range, opts *Options) (*Auditor, error) {
	c, err := NewChecker(ranges)
	if err != nil {
		return nil, err
	}
	a := &Auditor{c: c, opts: opts.withDefaults(), trackers: make([]*tracker, len(c.ranges))}
	for i, r := range c.ranges {
		if r.Request != resolution.RequestDisablement {
			a.trackers[i] = &tracker{set: newPagedSet(uint64(r.To-r.From) + 1)}
		}
	}
	return a, nil
}

// Add records one issued full number ("FE10") issued on d; a zero d means
// the date is not known, which skips the validity and order checks for it.
func (a *Auditor) Add(id string, d resolution.Date) { add(a, id, d) }

// AddBytes is [Auditor.Add] for a number held in a byte slice, which it
// does not retain: reading a file line by line then allocates nothing per
// valid number.
func (a *Auditor) AddBytes(id []byte, d resolution.Date) { add(a, id, d) }

func add[T idText](a *Auditor, id T, d resolution.Date) {
	s := splitID(a.c, id)
	limit := a.opts.MaxList
	switch s.status {
	case splitMalformed:
		a.malformed.add(limit, func() string { return string(id) })
		return
	case splitAmbiguous:
		a.ambiguous.add(limit, func() string { return string(id) })
		return
	case splitUnknown:
		a.unknown.add(limit, func() string { return string(id) })
		return
	}
	i, fs := a.c.checkNumber(s.entry, "", s.n, d, nil)
	if i < 0 { // the prefix has only disablement rows: no range authorizes it
		a.unknown.add(limit, func() string { return string(id) })
		return
	}
	t := a.trackers[i]
	if len(fs) > 0 {
		if slices.ContainsFunc(fs, func(f Finding) bool { return f.Code == CodeOutOfRange }) {
			t.outside.add(limit, func() string { return string(id) })
			return
		}
		for _, f := range fs {
			t.invalid.add(limit, func() Finding { f.ID = string(id); return f })
		}
	}
	t.record(s.n-a.c.ranges[i].From, s.n, d)
}

// record marks number n, at offset off in its range, as issued on d.
func (t *tracker) record(off, n int64, d resolution.Date) {
	p := t.set.page(uint64(off) >> pageShift)
	b := int(off & (pageBits - 1))
	w, m := &p.seen[b>>6], uint64(1)<<(b&63)
	t.issued++
	if *w&m == 0 {
		*w |= m
		t.unique++
		if t.unique == 1 || n > t.max {
			t.max = n
		}
	} else {
		if p.extra == nil {
			p.extra = new([pageBits]uint8)
		}
		switch p.extra[b] {
		case 0:
			t.repeats++
			p.extra[b]++
		case math.MaxUint8:
			if t.overflow == nil {
				t.overflow = make(map[int64]int64)
			}
			t.overflow[n]++
		default:
			p.extra[b]++
		}
	}
	if d.IsZero() {
		return
	}
	day := dayNumber(d)
	if t.dated == 0 || day < t.firstDay {
		t.firstDay = day
	}
	t.dated++
	p.setDay(b, dayIndex(day))
}

// Sentinel errors for [Auditor.ReadLines], wrapped in a [*LineError].
var (
	ErrBadDate     = errors.New("bad issue date (want YYYY-MM-DD, DD/MM/YYYY or RFC 3339)")
	ErrLineTooLong = errors.New("line too long")
)

// A LineError says which line of [Auditor.ReadLines]'s input could not be
// read.
type LineError struct {
	Line int64  // 1-based
	Text string // the line, cut to 80 bytes
	Err  error  // ErrBadDate or ErrLineTooLong
}

func (e *LineError) Error() string {
	return fmt.Sprintf("validate: line %d: %q: %v", e.Line, e.Text, e.Err)
}

// Unwrap returns the sentinel, for errors.Is.
func (e *LineError) Unwrap() error { return e.Err }

// maxLine is the longest line ReadLines accepts; a full number with an
// RFC 3339 date is about 50 bytes.
const maxLine = 4096

// ReadLines adds the numbers in r, one full number per line, optionally
// followed by a comma and its issue date ("FE10,2025-01-31" or an RFC 3339
// date-time, taken as its Colombian calendar day; "31/01/2025" as
// Colombians write it is read too). Blank lines are skipped.
// It returns the number of lines read and stops at the first line it cannot
// read with a [*LineError]; a number that breaks the rules is a finding,
// not an error.
func (a *Auditor) ReadLines(r io.Reader) (lines int64, err error) {
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		line, err := br.ReadSlice('\n')
		if len(line) > 0 || err == nil {
			lines++
		}
		if errors.Is(err, bufio.ErrBufferFull) || len(line) > maxLine {
			return lines, &LineError{Line: lines, Text: cut(line), Err: ErrLineTooLong}
		}
		if err != nil && err != io.EOF {
			return lines, err
		}
		if perr := a.addLine(line); perr != nil {
			return lines, &LineError{Line: lines, Text: cut(bytes.TrimSpace(line)), Err: perr}
		}
		if err == io.EOF {
			return lines, nil
		}
	}
}

// AddLine adds one line as [Auditor.ReadLines] reads it: a full number,
// optionally followed by a comma and its issue date. A blank line adds
// nothing. It returns [ErrBadDate] when the date cannot be read, and then
// adds nothing, so a caller can count bad lines and go on.
func (a *Auditor) AddLine(line []byte) error { return a.addLine(line) }

func (a *Auditor) addLine(line []byte) error {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return nil
	}
	var d resolution.Date
	if i := bytes.IndexByte(line, ','); i >= 0 {
		var err error
		if d, err = parseIssueDate(bytes.TrimSpace(line[i+1:])); err != nil {
			return err
		}
		line = bytes.TrimSpace(line[:i])
	}
	add(a, line, d)
	return nil
}

// parseIssueDate reads "2006-01-02" or the Colombian "02/01/2006"
// (DD/MM/AAAA) without allocating, or an RFC 3339 date-time as its
// Colombian calendar day.
func parseIssueDate(b []byte) (resolution.Date, error) {
	iso := len(b) == 10 && b[4] == '-' && b[7] == '-'
	if col := len(b) == 10 && b[2] == '/' && b[5] == '/'; iso || col {
		y, ok1 := parseDigits(b[:4])
		m, ok2 := parseDigits(b[5:7])
		d, ok3 := parseDigits(b[8:])
		if col {
			d, ok1 = parseDigits(b[:2])
			m, ok2 = parseDigits(b[3:5])
			y, ok3 = parseDigits(b[6:])
		}
		v := resolution.Date{Year: int(y), Month: time.Month(m), Day: int(d)}
		if ok1 && ok2 && ok3 && v.Valid() {
			return v, nil
		}
		return resolution.Date{}, ErrBadDate
	}
	t, err := time.Parse(time.RFC3339, string(b))
	if err != nil {
		return resolution.Date{}, ErrBadDate
	}
	return resolution.DateOf(t), nil
}

func cut(b []byte) string {
	if len(b) > 80 {
		b = b[:80]
	}
	return string(bytes.TrimRight(b, "\r\n"))
}

// An Interval is a run of consecutive numbers, both ends included.
type Interval struct {
	From int64 `json:"from"`
	To   int64 `json:"to"`
}

// A Duplicate is a number issued more than once.
type Duplicate struct {
	Number int64 `json:"number"`
	Count  int64 `json:"count"` // times issued, at least 2
}

// A Report is the outcome of an audit. Lists stop at Options.MaxList
// entries; the matching counts are exact.
type Report struct {
	At     resolution.Date `json:"at"` // the day the audit is as of
	Ranges []RangeReport   `json:"ranges"`
	// Unknown lists numbers whose prefix no range authorizes ([DIAN] FAD05e).
	Unknown      []string `json:"unknown"`
	UnknownCount int64    `json:"unknown_count"`
	// Ambiguous lists numbers that split into prefix and consecutive in
	// more than one way.
	Ambiguous      []string `json:"ambiguous"`
	AmbiguousCount int64    `json:"ambiguous_count"`
	// Malformed lists lines that are not a prefix followed by digits.
	Malformed      []string `json:"malformed"`
	MalformedCount int64    `json:"malformed_count"`
}

// A RangeReport audits one authorizing range (disablement rows get none).
type RangeReport struct {
	Range  resolution.Range `json:"-"`
	Prefix string           `json:"prefix"`
	From   int64            `json:"from"`
	To     int64            `json:"to"`
	// Issued counts the numbers of the range seen, repeats included;
	// Unique counts them once each.
	Issued int64 `json:"issued"`
	Unique int64 `json:"unique"`
	// Duplicates lists numbers issued more than once, ascending;
	// DuplicateCount counts them all.
	Duplicates     []Duplicate `json:"duplicates"`
	DuplicateCount int64       `json:"duplicate_count"`
	// Gaps lists runs of numbers skipped below the highest issued one;
	// Missing counts the numbers in all of them.
	Gaps     []Interval `json:"gaps"`
	GapCount int64      `json:"gap_count"`
	Missing  int64      `json:"missing"`
	// Outside lists full numbers with this range's prefix that fall
	// outside every range of that prefix and nearest this one.
	Outside      []string `json:"outside"`
	OutsideCount int64    `json:"outside_count"`
	// OutOfOrder lists runs of numbers dated earlier than some lower
	// number; it needs issue dates.
	OutOfOrder      []Interval `json:"out_of_order"`
	OutOfOrderCount int64      `json:"out_of_order_count"`
	// Invalid lists numbers of the range issued outside its validity or
	// inside a disabled range (expired, not-yet-valid, disabled-range).
	Invalid      []Finding `json:"invalid"`
	InvalidCount int64     `json:"invalid_count"`
	// Remaining counts the numbers above the highest issued that can still
	// be issued (those a disablement row removed do not count);
	// UsedPercent is the share of the usable range at or below the highest
	// issued number.
	Remaining   int64   `json:"remaining"`
	UsedPercent float64 `json:"used_percent"`
	// DaysLeft is the number of days from the audit day to the last valid
	// day (0: ends today; negative: expired); nil without an end date.
	DaysLeft *int `json:"days_left"`
	// ExhaustsOn projects when the numbers run out at the rate seen so far
	// (since the first issue date, or the start of validity when undated);
	// zero when there is no rate or nothing remains.
	ExhaustsOn resolution.Date `json:"exhausts_on,omitzero"`
	// Alerts holds running-out, expiring and expired alerts.
	Alerts []Finding `json:"alerts"`
}

// Clean reports whether the audit found nothing: no finding in any list
// and no alert.
func (r *Report) Clean() bool {
	if r.UnknownCount+r.AmbiguousCount+r.MalformedCount > 0 {
		return false
	}
	for _, rr := range r.Ranges {
		if rr.DuplicateCount+rr.GapCount+rr.OutsideCount+rr.OutOfOrderCount+rr.InvalidCount > 0 || len(rr.Alerts) > 0 {
			return false
		}
	}
	return true
}

// Findings returns every listed finding of the report as [Finding]
// values, ready for [Finding.Message]: per number, then per range.
func (r *Report) Findings() []Finding {
	var fs []Finding
	for _, id := range r.Unknown {
		fs = append(fs, Finding{Code: CodeUnknownPrefix, Rule: RuleFAD05e, ID: id, Prefix: apparentPrefix(id)})
	}
	for _, id := range r.Ambiguous {
		fs = append(fs, Finding{Code: CodeAmbiguousPrefix, ID: id})
	}
	for _, id := range r.Malformed {
		fs = append(fs, Finding{Code: CodeMalformed, ID: id})
	}
	for _, rr := range r.Ranges {
		fs = append(fs, rr.Findings()...)
	}
	return fs
}

// Findings returns the range's listed findings as [Finding] values.
func (rr *RangeReport) Findings() []Finding {
	var fs []Finding
	p := rr.Prefix
	for _, id := range rr.Outside {
		n, _ := parseDigits(id[min(len(p), len(id)):]) // outside numbers have the range's prefix
		fs = append(fs, Finding{Code: CodeOutOfRange, ID: id, Prefix: p, Number: n, Range: rr.Range})
	}
	fs = append(fs, rr.Invalid...)
	for _, d := range rr.Duplicates {
		fs = append(fs, Finding{Code: CodeDuplicate, Prefix: p, Number: d.Number, Count: d.Count, Range: rr.Range})
	}
	for _, g := range rr.Gaps {
		fs = append(fs, Finding{Code: CodeGap, Prefix: p, Number: g.From, To: g.To, Count: g.To - g.From + 1, Range: rr.Range})
	}
	for _, g := range rr.OutOfOrder {
		fs = append(fs, Finding{Code: CodeOutOfOrder, Prefix: p, Number: g.From, To: g.To, Count: g.To - g.From + 1, Range: rr.Range})
	}
	return append(fs, rr.Alerts...)
}

// apparentPrefix returns id without its trailing digits.
func apparentPrefix(id string) string {
	i := len(id)
	for i > 0 && isDigit(id[i-1]) {
		i--
	}
	return id[:i]
}

// Report summarizes what was added, as of the Colombian civil date at
// (days left, rate, alerts). It does not change the Auditor, so adding
// more and reporting again works.
func (a *Auditor) Report(at resolution.Date) *Report {
	rep := &Report{
		At:      at,
		Ranges:  []RangeReport{},
		Unknown: nonNil(a.unknown.items), UnknownCount: a.unknown.n,
		Ambiguous: nonNil(a.ambiguous.items), AmbiguousCount: a.ambiguous.n,
		Malformed: nonNil(a.malformed.items), MalformedCount: a.malformed.n,
	}
	for i, t := range a.trackers {
		if t != nil {
			rep.Ranges = append(rep.Ranges, a.rangeReport(i, t, at))
		}
	}
	return rep
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return slices.Clone(s)
}

func (a *Auditor) rangeReport(i int, t *tracker, at resolution.Date) RangeReport {
	r := a.c.ranges[i]
	limit := a.opts.MaxList
	rr := RangeReport{
		Range: r, Prefix: r.Prefix, From: r.From, To: r.To,
		Issued: t.issued, Unique: t.unique, DuplicateCount: t.repeats,
		Outside: nonNil(t.outside.items), OutsideCount: t.outside.n,
		Invalid: nonNil(t.invalid.items), InvalidCount: t.invalid.n,
		Duplicates: []Duplicate{}, Gaps: []Interval{}, OutOfOrder: []Interval{}, Alerts: []Finding{},
	}
	capped := func(n int) bool { return limit < 0 || n < limit }

	// Gaps: clear bits between From and the highest issued number.
	next := uint64(0) // first offset not yet accounted for
	for pi, p := range t.set.pages() {
		base := pi << pageShift
		for s, e := range p.runs() {
			if off := base + uint64(s); off > next {
				rr.GapCount++
				rr.Missing += int64(off - next)
				if capped(len(rr.Gaps)) {
					rr.Gaps = append(rr.Gaps, Interval{r.From + int64(next), r.From + int64(off) - 1})
				}
			}
			next = base + uint64(e)
		}
		if p.extra != nil {
			for b, x := range p.extra {
				if x > 0 && capped(len(rr.Duplicates)) {
					n := r.From + int64(base) + int64(b)
					rr.Duplicates = append(rr.Duplicates, Duplicate{n, int64(x) + 1 + t.overflow[n]})
				}
			}
		}
	}

	// Out of order: a number dated before the latest date of any lower one.
	if t.dated > 0 {
		var latest uint16
		var last int64 // last out-of-order number, when inRun
		inRun := false
		for pi, p := range t.set.pages() {
			if !p.dated() {
				continue
			}
			for b := range pageBits {
				x := p.day(b)
				if x == 0 {
					continue
				}
				if x >= latest {
					latest, inRun = x, false
					continue
				}
				n := r.From + int64(pi<<pageShift) + int64(b)
				switch {
				case inRun && last == n-1:
					if k := len(rr.OutOfOrder) - 1; k >= 0 && rr.OutOfOrder[k].To == last {
						rr.OutOfOrder[k].To = n
					}
				default:
					rr.OutOfOrderCount++
					if capped(len(rr.OutOfOrder)) {
						rr.OutOfOrder = append(rr.OutOfOrder, Interval{n, n})
					}
				}
				last, inRun = n, true
			}
		}
	}

	// What remains above the highest issued number, less disabled numbers.
	used := r.From - 1
	if t.unique > 0 {
		used = t.max
	}
	disabled := a.disabledIn(r.Prefix, used+1, r.To)
	remaining := uint64(r.To-used) - disabled
	usable := uint64(r.To-r.From) + 1 - disabled
	rr.Remaining = int64(remaining)
	if usable > 0 {
		rr.UsedPercent = math.Round(10000*(1-float64(remaining)/float64(usable))) / 100
	}
	if !r.ValidTo.IsZero() && !at.IsZero() {
		d := at.DaysUntil(r.ValidTo)
		rr.DaysLeft = &d
	}
	start := r.ValidFrom
	if t.dated > 0 {
		start = dateOfNumber(t.firstDay)
	}
	if consumed := used - r.From + 1; consumed > 0 && remaining > 0 && !start.IsZero() && !at.IsZero() {
		if elapsed := start.DaysUntil(at) + 1; elapsed > 0 {
			days := math.Ceil(float64(remaining) * float64(elapsed) / float64(consumed))
			if days < 100*366 {
				rr.ExhaustsOn = at.AddDays(int(days))
			}
		}
	}
	rr.Alerts = a.alerts(rr, at)
	return rr
}

func (a *Auditor) alerts(rr RangeReport, at resolution.Date) []Finding {
	fs := []Finding{}
	o := a.opts
	alert := Finding{Prefix: rr.Prefix, Range: rr.Range, Remaining: rr.Remaining, UsedPercent: rr.UsedPercent, ExhaustsOn: rr.ExhaustsOn}
	usable := rr.Remaining > 0 || rr.Unique > 0
	lowPercent := o.WarnPercent >= 0 && usable && 100-rr.UsedPercent <= o.WarnPercent
	soon := o.WarnDays >= 0 && !rr.ExhaustsOn.IsZero() && at.DaysUntil(rr.ExhaustsOn) <= o.WarnDays
	if lowPercent || soon {
		f := alert
		f.Code = CodeRunningOut
		fs = append(fs, f)
	}
	if rr.DaysLeft != nil {
		f := alert
		f.DaysLeft = *rr.DaysLeft
		switch {
		case f.DaysLeft < 0:
			f.Code = CodeExpired
			fs = append(fs, f)
		case o.WarnDays >= 0 && f.DaysLeft <= o.WarnDays:
			f.Code = CodeExpiring
			fs = append(fs, f)
		}
	}
	return fs
}

// disabledIn counts the numbers in [from, to] that disablement rows of
// prefix cover, overlaps counted once.
func (a *Auditor) disabledIn(prefix string, from, to int64) uint64 {
	e := a.c.byPrefix[prefix]
	if e == nil || len(e.disabled) == 0 || from > to {
		return 0
	}
	var iv []Interval
	for _, i := range e.disabled {
		r := a.c.ranges[i]
		if lo, hi := max(r.From, from), min(r.To, to); lo <= hi {
			iv = append(iv, Interval{lo, hi})
		}
	}
	slices.SortFunc(iv, func(x, y Interval) int { return cmp.Compare(x.From, y.From) })
	var n uint64
	end := from - 1
	for _, v := range iv {
		if v.To <= end {
			continue
		}
		lo := max(v.From, end+1)
		n += uint64(v.To-lo) + 1
		end = v.To
	}
	return n
}

// Issue days are kept per number as uint16 offsets from dayEpoch
// (2000-01-01) plus one, so 0 means undated; days outside 2000–2179 clamp.
var dayEpoch = dayNumber(resolution.Date{Year: 2000, Month: time.January, Day: 1})

func dayIndex(day int64) uint16 {
	return uint16(min(max(day-dayEpoch+1, 1), math.MaxUint16))
}

// dayNumber returns the days from 1970-01-01 to d (Hinnant's
// days_from_civil), without building a time.Time.
func dayNumber(d resolution.Date) int64 {
	y, m, dd := int64(d.Year), int64(d.Month), int64(d.Day)
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + dd - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func dateOfNumber(day int64) resolution.Date {
	return resolution.DateOf(time.Unix(day*86400+12*3600+5*3600, 0))
}
