package vocab

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fold lowercases s, drops accents (precomposed or combining) and turns
// punctuation other than digits' separators into spaces, so labels match
// however a producer encoded them ("NÚMERO", "Nu\u0301mero", "NUMERO").
func Fold(s string) string {
	if strings.Count(s, ".") >= 2 && mayHaveInitials(s) {
		s = joinInitials(s)
	}
	if f, ok := foldASCII(s); ok {
		return f
	}
	var buf [64]byte // a word's fold fits: one allocation, the string
	return string(appendFold(buf[:0], s))
}

// AppendFold appends Fold(s) to dst: a reader that folds many words may
// keep them all in one buffer.
func AppendFold(dst []byte, s string) []byte {
	if strings.Count(s, ".") >= 2 && mayHaveInitials(s) {
		s = joinInitials(s)
	}
	return appendFold(dst, s)
}

func appendFold(dst []byte, s string) []byte {
	start := len(dst)
	space := true
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // most of a Spanish word
			i++
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
				dst = append(dst, c)
				space = false
			} else if !space {
				dst = append(dst, ' ')
				space = true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.Is(unicode.Mn, r) {
			continue // combining accent
		}
		r = LowerRune(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			dst = utf8.AppendRune(dst, r)
			space = false
			continue
		}
		if !space {
			dst = append(dst, ' ')
			space = true
		}
	}
	if len(dst) > start && dst[len(dst)-1] == ' ' {
		dst = dst[:len(dst)-1] // no space leads: space starts true
	}
	return dst
}

// unaccent also reads the ordinal indicators as the letters they are, and
// the degree sign typed for "º", so "Nº", "N°" and "No" all fold to "no".
var unaccent = map[rune]rune{
	'á': 'a', 'à': 'a', 'ä': 'a', 'â': 'a', 'é': 'e', 'è': 'e', 'ë': 'e', 'ê': 'e',
	'í': 'i', 'ì': 'i', 'ï': 'i', 'î': 'i', 'ó': 'o', 'ò': 'o', 'ö': 'o', 'ô': 'o',
	'ú': 'u', 'ù': 'u', 'ü': 'u', 'û': 'u', 'ñ': 'n', 'ç': 'c',
	'ª': 'a', 'º': 'o', '°': 'o',
}

// LowerRune lowercases r and drops its accent ('Ó' → 'o'), as Lower does to
// each letter. Readers that must keep byte offsets into the original text
// fold rune by rune with it.
func LowerRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	r = unicode.ToLower(r)
	if a, ok := unaccent[r]; ok {
		r = a
	}
	return r
}

// Compose joins a base letter and a following combining accent into the
// precomposed letter, so values keep "Ó" even when drawn as "O"+U+0301.
func Compose(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Mn, r) }) {
		return s
	}
	rs := []rune(s)
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && unicode.Is(unicode.Mn, r) {
			if c, ok := precomposed[[2]rune{out[n-1], r}]; ok {
				out[n-1] = c
				continue
			}
		}
		out = append(out, r)
	}
	return string(out)
}

var precomposed = func() map[[2]rune]rune {
	m := map[[2]rune]rune{}
	add := func(mark rune, pairs string) {
		rs := []rune(pairs)
		for i := 0; i+1 < len(rs); i += 2 {
			m[[2]rune{rs[i], mark}] = rs[i+1]
		}
	}
	add('\u0301', "aáeéiíoóuúAÁEÉIÍOÓUÚ")
	add('\u0300', "aàeèiìoòuùAÀEÈIÌOÒUÙ")
	add('\u0303', "nñNÑaãoõAÃOÕ")
	add('\u0308', "uüUÜaäeëiïoöAÄEËIÏOÖ")
	return m
}()

// Lower lowercases s and drops accents, keeping punctuation, so dates
// ("19-OCT-2024", "2024/10/19") keep their separators for FindDates.
func Lower(s string) string {
	if lowerASCII(s) {
		return s // the common case in a token stream: no copy
	}
	if isASCII(s) {
		return strings.ToLower(s) // one copy, no rune decoding
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(LowerRune(r))
	}
	return b.String()
}

// lowerASCII reports whether s is ASCII with no capital letters, which
// Lower would return unchanged.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func lowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// joinInitials writes abbreviations spelled as dotted initials as one
// word, so that "N.I.T." folds like "NIT" and "D.V." like "DV".
// mayHaveInitials reports whether s has a dot between two letters, as
// every run of initials joinInitials joins does; a byte past ASCII may be
// part of a letter.
func mayHaveInitials(s string) bool {
	letter := func(c byte) bool { return isASCIILetter(rune(c)) || c >= utf8.RuneSelf }
	for i := 1; i+1 < len(s); i++ {
		if s[i] == '.' && letter(s[i-1]) && letter(s[i+1]) {
			return true
		}
	}
	return false
}

func joinInitials(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		inner := strings.TrimLeft(w, "(")
		head := w[:len(w)-len(inner)]
		core := strings.TrimRight(inner, ".:;,)")
		tail := inner[len(core):]
		parts := strings.Split(core, ".")
		if len(parts) < 2 {
			continue
		}
		initials := true
		for _, p := range parts {
			initials = initials && utf8.RuneCountInString(p) == 1 && unicode.IsLetter([]rune(p)[0])
		}
		if initials {
			words[i] = head + strings.Join(parts, "") + strings.TrimLeft(tail, ".")
		}
	}
	return strings.Join(words, " ")
}

// ligatures are the presentation forms producers draw for letter pairs
// (Chromium's "ﬁ" in "Preﬁjo"); text extractors write the letters.
var ligatures = strings.NewReplacer("\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl", "\ufb05", "st", "\ufb06", "st")

// ExpandLigatures writes ligature characters as their letters.
func ExpandLigatures(s string) string {
	if strings.IndexByte(s, 0xef) < 0 {
		return s // U+FB00–FB06 are encoded EF AC 80–86
	}
	for _, r := range s {
		if r >= 0xfb00 && r <= 0xfb06 {
			return ligatures.Replace(s)
		}
	}
	return s
}

// foldASCII is Fold for ASCII text, the common case, without decoding
// runes; ok is false when s holds any other byte.
func foldASCII(s string) (string, bool) {
	// plain: already folded (lower-case letters and digits, single spaces
	// between them), as text folded once is when folded again.
	plain := len(s) == 0 || s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return "", false
		}
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == ' ' && i > 0 && s[i-1] != ' ') {
			plain = false
		}
	}
	if plain {
		return s, true
	}
	b := make([]byte, 0, len(s))
	space := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
			space = false
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			b = append(b, c)
			space = false
		case !space:
			b = append(b, ' ')
			space = true
		}
	}
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return string(b), true
}

// TrimFootnote drops footnote marks glued to the end of a word: "DSDS¹",
// "24²", "5.000*", "FE†", and a number in parentheses after a value that
// holds a digit or is a short code in capitals ("12(2)", "PC(2)"). No value
// of the form ends in one, and glued to it they hide it ("DSDS¹" is no
// prefix). A label keeps a box number glued to it ("Año(1)"), and a word
// that is only marks stays.
func TrimFootnote(s string) string {
	if s == "" {
		return s
	}
	if c := s[len(s)-1]; c != ')' && c != '*' && c < 0x80 {
		return s // the common word: no mark can end it
	}
	if i := strings.LastIndexByte(s, '('); i > 0 && s[len(s)-1] == ')' && len(s)-i >= 3 && len(s)-i <= 4 &&
		AllDigits(s[i+1:len(s)-1]) && (strings.ContainsAny(s[:i], "0123456789") || capsCode(s[:i])) {
		s = s[:i]
	}
	end := len(s)
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !footnoteMark(r) {
			break
		}
		end -= size
	}
	if end == 0 {
		return s
	}
	return s[:end]
}

// footnoteMark reports whether r marks a footnote: a superscript digit,
// an asterisk, a dagger.
func footnoteMark(r rune) bool {
	switch r {
	case '¹', '²', '³', '*', '†', '‡':
		return true
	}
	return r >= '⁰' && r <= '⁹' && r != 'ⁱ' && r != '⁲' && r != '⁳'
}

// capsCode reports whether s is one to four capitals and digits: a prefix.
func capsCode(s string) bool {
	if len(s) == 0 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
