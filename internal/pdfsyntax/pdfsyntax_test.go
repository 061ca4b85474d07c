package pdfsyntax

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEscape(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     byte
		next     int
		ok       bool
	}{
		{"newline", `n`, '\n', 1, true},
		{"form feed", `f`, '\f', 1, true},
		{"octal, three digits", `101x`, 'A', 3, true},
		{"octal, one digit then text", `7a`, 7, 1, true},
		{"octal stops after three digits", `1010`, 'A', 3, true},
		{"escaped parenthesis", `)`, ')', 1, true},
		{"unknown escape is the character", `q`, 'q', 1, true},
		{"line continuation CR LF", "\r\nx", 0, 2, false},
		{"line continuation LF", "\nx", 0, 1, false},
		{"backslash at the end", ``, 0, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, next, ok := Escape([]byte(tc.in), 0)
			assert.Equal(t, tc.want, c)
			assert.Equal(t, tc.next, next)
			assert.Equal(t, tc.ok, ok)
		})
	}
}

func TestClasses(t *testing.T) {
	for _, c := range []byte("\x00\t\n\f\r ") {
		assert.True(t, IsSpace(c), "%q", c)
		assert.False(t, IsRegular(c))
	}
	for _, c := range []byte("()<>[]{}/%") {
		assert.True(t, IsDelim(c), "%q", c)
		assert.False(t, IsRegular(c))
	}
	assert.True(t, IsRegular('a'))
	v, ok := Unhex('F')
	assert.True(t, ok)
	assert.Equal(t, byte(15), v)
	_, ok = Unhex('g')
	assert.False(t, ok)
}
