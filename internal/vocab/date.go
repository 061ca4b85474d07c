package vocab

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ASCIIDashes turns the dashes producers draw for "-" (ps2pdf's U+2212
// minus, en and em dashes, hyphens) into ASCII.
func ASCIIDashes(s string) string {
	// Every dash below is encoded starting with 0xE2 or 0xEF; the replacer
	// allocates even when it replaces nothing.
	if strings.IndexByte(s, 0xe2) < 0 && strings.IndexByte(s, 0xef) < 0 {
		return s
	}
	return dashes.Replace(s)
}

var dashes = strings.NewReplacer("\u2212", "-", "\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-", "\ufe63", "-", "\uff0d", "-")

// A Date is a calendar date found in text, with where it was in the
// normalised string and whether a time of day follows it.
type Date struct {
	Year       int
	Month      time.Month
	Day        int
	Timed      bool // a time of day follows ("11:38:26 AM")
	Start, End int  // byte offsets in the text given to FindDates
	// Impossible is set (by ScanDates only) on text written as a date that
	// names no real day in 1990–2100: "2023-02-30", or "06/15/2023" read
	// day first.
	Impossible bool
}

// ISO returns d as "2006-01-02".
func (d Date) ISO() string {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

var monthNames = map[string]time.Month{
	"enero": 1, "ene": 1, "febrero": 2, "feb": 2, "marzo": 3, "mar": 3, "abril": 4, "abr": 4,
	"mayo": 5, "may": 5, "junio": 6, "jun": 6, "julio": 7, "jul": 7, "agosto": 8, "ago": 8,
	"septiembre": 9, "setiembre": 9, "sep": 9, "sept": 9, "set": 9, "octubre": 10, "oct": 10,
	"noviembre": 11, "nov": 11, "diciembre": 12, "dic": 12,
}

// Weekday reports whether a folded word is a Spanish day of the week, as
// dates are sometimes written ("lunes, 20 de diciembre de 2021"), with or
// without its comma.
func Weekday(folded string) bool {
	switch strings.TrimRight(folded, ".,") {
	case "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo":
		return true
	}
	return false
}

// MonthName returns the month a Spanish month name or abbreviation names
// (folded: "octubre", "oct", "setiembre"), or 0.
func MonthName(folded string) time.Month { return monthNames[strings.TrimSuffix(folded, ".")] }

const monthAlt = `enero|ene|febrero|feb|marzo|mar|abril|abr|mayo|may|junio|jun|julio|jul|agosto|ago|septiembre|setiembre|sept|sep|set|octubre|oct|noviembre|nov|diciembre|dic`

// The month patterns do not look past a date's last digit: a regexp that
// consumed the character after one date could not see the next date
// ("2023-06-15 2025-06-15"), so scan checks that no digit follows.
var (
	// Spelled-out months: "19 de octubre de 2024", "19 de octubre del
	// 2024", "19-oct-2024", "19 oct. 2024", "octubre 19 de 2024", "octubre
	// 19, 2024".
	dMonthY   = regexp.MustCompile(`(?:^|[^\pL\d])(\d{1,2})(?:\.?[º°o])?(?:\s+de\s+|\s*[-/. ]\s*)(` + monthAlt + `)\.?(?:\s+de(?:l)?\s+|\s*[-/., ]\s*)(\d{4})`)
	monthDY   = regexp.MustCompile(`(?:^|[^\pL\d])(` + monthAlt + `)\.?\s+(\d{1,2})(?:\s+de(?:l)?|\s*,)?\s+(\d{4})`)
	timeOfDay = regexp.MustCompile(`^\s*(?:[/,-]|a\s+las|hora:?)?\s*\d{1,2}:\d{2}`)
)

// FindDates returns the calendar dates written in text, in order. The text
// should be lowercased without accents (see Lower) when it may hold month
// names; digits and separators are read as they are. Impossible dates
// (2023-02-30) are not returned.
func FindDates(text string) []Date { return scan(text, false) }

// maxDates bounds the dates read from one text: a form prints a handful,
// and a text of thousands must not cost their square (overlap checks).
const maxDates = 256

// ScanDates returns everything written in text as a date, in order, as
// FindDates reads dates, except that text shaped like a date that names no
// real day is returned too, marked Impossible. A reader that reports
// unusable values, rather than passing over them, needs those.
func ScanDates(text string) []Date { return scan(text, true) }

func scan(text string, impossible bool) []Date {
	if !hasDigits(text, 5) || !maybeDate(text) {
		return nil
	}
	var out []Date
	taken := func(a, b int) bool {
		for _, d := range out {
			if a < d.End && d.Start < b {
				return true
			}
		}
		return false
	}
	add := func(y, m, d, start, end int) {
		if end < len(text) && text[end] >= '0' && text[end] <= '9' {
			return // "2023-06-155": a longer number, not a date
		}
		bad := !validDate(y, m, d)
		if taken(start, end) || (bad && !impossible) {
			return
		}
		out = append(out, Date{Year: y, Month: time.Month(m), Day: d, Start: start, End: end,
			Timed: timeOfDay.MatchString(text[end:]), Impossible: bad})
	}
	// Numeric dates: year first (ISO and its relatives) or day first, as
	// Colombia writes them ("19/10/2024"); never month first.
	for _, m := range numericDates(text, true) {
		if m.sameSep {
			add(m.n[0], m.n[1], m.n[2], m.start, m.end)
		}
	}
	for _, m := range numericDates(text, false) {
		if m.sameSep { // "2024-10/19": two numbers, not a date
			add(m.n[2], m.n[1], m.n[0], m.start, m.end)
		}
	}
	if !hasMonth(text) {
		return sortDates(out)
	}
	for _, m := range dMonthY.FindAllStringSubmatchIndex(text, maxDates) {
		add(atoi(text[m[6]:m[7]]), int(monthNames[text[m[4]:m[5]]]), atoi(text[m[2]:m[3]]), m[2], m[7])
	}
	for _, m := range monthDY.FindAllStringSubmatchIndex(text, maxDates) {
		add(atoi(text[m[6]:m[7]]), int(monthNames[text[m[2]:m[3]]]), atoi(text[m[4]:m[5]]), m[2], m[7])
	}
	return sortDates(out)
}

// A numericDate is three numbers joined by separators, as numericDates
// reads them: n in the order written, text[start:end] the whole date.
type numericDate struct {
	n          [3]int
	start, end int
	sameSep    bool // both separators are the same character
}

// numericDates reads, left to right, the numeric dates of text: yyyy-m-d
// when yearFirst, else d-m-yyyy, with "-", "/" or "." between the numbers
// and at most one space around each separator. A date starts where a
// number starts and is never looked for inside one already read, whatever
// its separators; the year is four digits and the other numbers one or
// two. The last number may run on ("2024-10-155"): scan rejects what a
// digit follows. This is what the patterns
//
//	(?:^|[^\d])(\d{4})\s?([-/.])\s?(\d{1,2})\s?([-/.])\s?(\d{1,2})
//	(?:^|[^\d])(\d{1,2})\s?([-/.])\s?(\d{1,2})\s?([-/.])\s?(\d{4})
//
// find (date_test.go holds them and checks the two agree), at a tenth of
// their cost on a page's lines.
func numericDates(text string, yearFirst bool) []numericDate {
	var out []numericDate
	last := 0 // where the previous date ended
	for i := 0; i < len(text) && len(out) < maxDates; i++ {
		if !isDigit(text[i]) || i > 0 && (isDigit(text[i-1]) || i-1 < last) {
			continue
		}
		m, ok := numericDateAt(text, i, yearFirst)
		if !ok {
			continue
		}
		out = append(out, m)
		last = m.end
		i = m.end - 1
	}
	return out
}

// numericDateAt reads a numeric date whose first number starts at i.
func numericDateAt(text string, i int, yearFirst bool) (numericDate, bool) {
	m := numericDate{start: i}
	var seps [2]byte
	for k := range 3 {
		if k > 0 {
			if i < len(text) && isSpace(text[i]) {
				i++
			}
			if i >= len(text) || !isDigit(text[i]) {
				return m, false
			}
		}
		j := i
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		width := 2 // a month, or a day
		if yearFirst && k == 0 || !yearFirst && k == 2 {
			width = 4
		}
		switch {
		case k == 2:
			if j-i < width && width == 4 || j == i {
				return m, false
			}
			j = min(j, i+width) // the last number may run on
		case width == 4 && j-i != 4, width == 2 && j-i > 2:
			return m, false
		}
		m.n[k] = atoi(text[i:j])
		i = j
		if k == 2 {
			break
		}
		if i < len(text) && isSpace(text[i]) {
			i++
		}
		if i >= len(text) || text[i] != '-' && text[i] != '/' && text[i] != '.' {
			return m, false
		}
		seps[k] = text[i]
		i++
	}
	m.end, m.sameSep = i, seps[0] == seps[1]
	return m, true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isSpace is the regexp class \s: ASCII white space without \v.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// sortDates sorts by position: the readers ran one after another.
func sortDates(out []Date) []Date {
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Start < out[j-1].Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// monthStems are the first three letters of every month name and
// abbreviation in monthAlt.
var monthStems = []string{"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "set", "oct", "nov", "dic"}

// hasMonth reports whether text may hold a month name. It spares the
// month patterns, the slowest, on the many texts that have none. Both
// patterns want the name to start a word, so a stem inside one ("tiene",
// "general") does not count; a byte past ASCII before it might be a
// non-letter such as "º", so it does not rule the stem out.
func hasMonth(text string) bool {
	for _, m := range monthStems {
		for i := 0; ; {
			k := strings.Index(text[i:], m)
			if k < 0 {
				break
			}
			i += k
			if i == 0 || !isASCIIAlnum(text[i-1]) {
				return true
			}
			i++
		}
	}
	return false
}

func isASCIIAlnum(c byte) bool { return isDigit(c) || isASCIILetter(rune(c)) }

func isASCIILetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// validDate reports whether y-m-d is a real day in a year a numbering
// authorization can carry: electronic invoicing and the 1876 postdate
// 1990, and a year past 2100 is a typing slip, not a validity.
func validDate(y, m, d int) bool {
	if y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= daysIn(y, time.Month(m))
}

func daysIn(y int, m time.Month) int { return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() }

// AddMonths returns the same day of the month n months after y-m-d, clamped
// to the target month's last day, which is how a validity of n months
// ("vigencia 24 meses") runs from its start: 2024-01-31 plus one month is
// 2024-02-29. [DIAN] gives the same-day rule; the clamp is [model]
// (docs/form-1876.md §3).
func AddMonths(y int, m time.Month, d, n int) (int, time.Month, int) {
	total := y*12 + int(m-1) + n
	ty, tm := total/12, time.Month(total%12+1)
	if total < 0 { // keep the modulo positive for years before 0
		ty, tm = (total-11)/12, time.Month((total%12+12)%12+1)
	}
	return ty, tm, min(d, daysIn(ty, tm))
}

// maybeDate is a cheap test before the patterns: a date has two
// separators ("-", "/" or ".") or a letter (a month's name).
func maybeDate(s string) bool {
	seps := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '-' || c == '/' || c == '.':
			if seps++; seps >= 2 {
				return true
			}
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
			return true
		}
	}
	return false
}

// hasDigits reports whether s holds at least n ASCII digits.
func hasDigits(s string, n int) bool {
	for i := 0; i < len(s) && n > 0; i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n--
		}
	}
	return n == 0
}

// CompactDigits joins pieces of a date or number that letter-spacing split
// and the text layer did not merge: "2 0 2 4 -1 0 -1 9" and "2024 - 10 - 19"
// become "2024-10-19", while "19/03/2025 10:04:11" keeps its date and time
// apart and "1 500" (two values) is left alone.
func CompactDigits(s string) string {
	if !strings.Contains(s, " ") || !compactable(s) {
		return s
	}
	return compactDigits(s)
}

func compactDigits(s string) string {
	var out []string
	toks := strings.Fields(s)
	// Three or more single characters in a row are one letter-spaced piece.
	var merged []string
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && len(toks[j]) == 1 && isDateByte(toks[j][0]) {
			j++
		}
		if j-i >= 3 {
			merged = append(merged, strings.Join(toks[i:j], ""))
			i = j
			continue
		}
		merged = append(merged, toks[i])
		i++
	}
	for _, t := range merged {
		if n := len(out); n > 0 && joinsDate(out[n-1], t) {
			out[n-1] += t
			continue
		}
		out = append(out, t)
	}
	return strings.Join(out, " ")
}

// compactable reports whether CompactDigits may change s: always unless s
// is spaced as CompactDigits returns it (words one ASCII space apart) and
// holds no letter-spaced run of three and no pair of words that joinsDate
// would join.
func compactable(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return true
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\v', '\f', '\r', 0xc2, 0xe1, 0xe2, 0xe3: // other white space, ASCII or not
			return true
		}
	}
	prev, singles := "", 0
	for t := range strings.SplitSeq(s, " ") {
		if len(t) == 1 && isDateByte(t[0]) {
			if singles++; singles >= 3 {
				return true
			}
		} else {
			singles = 0
		}
		if prev != "" && joinsDate(prev, t) {
			return true
		}
		prev = t
	}
	return false
}

// joinsDate reports whether t continues the date piece prev: both touch
// with date characters, and either one of them brings a separator or both
// are single digits of one letter-spaced group ("1 0" in "2019-1 0-2 8").
func joinsDate(prev, t string) bool {
	p, c := prev[len(prev)-1], t[0]
	if !isDateByte(p) || !isDateByte(c) {
		return false
	}
	sep := func(c byte) bool { return c == '-' || c == '/' }
	if sep(p) || sep(c) {
		return true
	}
	seg := prev[strings.LastIndexAny(prev, "-/")+1:]
	return len(seg) == 1 && len(t) == 1
}

func isDateByte(c byte) bool { return c >= '0' && c <= '9' || c == '-' || c == '/' }
