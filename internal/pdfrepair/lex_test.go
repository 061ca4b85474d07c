package pdfrepair

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseObject(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     any
	}{
		{"literal string escapes", `(a\nb\(c\)\\d\101\7e\
f)`, pdfString("a\nb(c)\\dA\x07ef")},
		{"literal string nested parens and CRLF", "(a(b)c\r\nd)", pdfString("a(b)c\nd")},
		{"unterminated literal string runs to the end", "(abc", pdfString("abc")},
		{"hex string, odd length, white space", "<48 65 6c 6C 6>", pdfString("Hel\x6c\x60")},
		{"name with #xx escapes", "/A#20B#2f", name("A B/")},
		{"empty name", "/", name("")},
		{"reference", "12 0 R", ref{12, 0}},
		{"integer not a reference", "12 0", int64(12)},
		{"references among numbers", "[2 3 4 0 R 5 6 R 7 0 obj]", array{int64(2), int64(3), ref{4, 0}, ref{5, 6}, int64(7), int64(0)}},
		{"reference split by comments and a stray )", "[8 % c\n 1 ) R 9 -0 R]", array{ref{8, 1}, ref{9, 0}}},
		{"no reference from a real, a big or a negative generation", "[1 0.0 R 2 2147483648 R 3 -1 R 2147483648 0 R]",
			array{int64(1), 0.0, int64(2), int64(2147483648), int64(3), int64(-1), int64(2147483648), int64(0)}},
		{"number then a name or string is no reference", "[1 /R 2 (R) 3 R]", array{int64(1), name("R"), int64(2), pdfString("R"), int64(3)}},
		{"real forms", "[-.5 5. +3 --2 -]", array{-0.5, 5.0, int64(3), int64(-2), int64(0)}},
		{"dict: null value dropped, key without value dropped", "<< /A null /B 1 /C >>", dict{"B": int64(1)}},
		{"dict: junk where a key belongs is skipped", "<< 5 (x) /A 1 [2] /B 2 >>", dict{"A": int64(1), "B": int64(2)}},
		{"dict stops at endobj", "<< /A 1 endobj", dict{"A": int64(1)}},
		{"array skips stray keywords and braces", "[1 R { } 2]", array{int64(1), int64(2)}},
		{"array stops at >>", "[1 2 >>", array{int64(1), int64(2)}},
		{"stray ) skipped", ")))) 7", int64(7)},
		{"comments are white space", "% c\n[1 % two\n 3]", array{int64(1), int64(3)}},
		{"booleans and null", "[true false null]", array{true, false, nil}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newParser([]byte(tc.in), 0, defaultMaxDepth)
			got, err := p.object(0)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestParseArraySlab parses arrays of every length a slab chunk serves,
// and past it, in one parser: short arrays share chunks, so each must
// keep its own elements, and one longer than the next chunk must still
// get room (fuzz crasher 72e103f2290fa39b).
func TestParseArraySlab(t *testing.T) {
	p := newParser(nil, 0, defaultMaxDepth)
	var got []any
	var want []array
	for n := slabbed + 2; n >= 0; n-- { // the first slabbed one is longer than a first chunk
		var in bytes.Buffer
		a := make(array, n)
		in.WriteByte('[')
		for i := range n {
			fmt.Fprintf(&in, " %d", n*100+i)
			a[i] = int64(n*100 + i)
		}
		in.WriteByte(']')
		p.reset(in.Bytes(), 0, defaultMaxDepth)
		v, err := p.object(0)
		require.NoError(t, err)
		got, want = append(got, v), append(want, a)
	}
	for i := range want {
		assert.Equal(t, want[i], got[i], "array of %d", len(want[i]))
	}
}

func TestParseObjectErrors(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"end of data", "   "},
		{"keyword alone", "endobj"},
		{"closing bracket alone", "]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newParser([]byte(tc.in), 0, defaultMaxDepth)
			_, err := p.object(0)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.ErrorIs(t, err, ErrMalformed)
		})
	}
}

func TestWriteNameRoundTrip(t *testing.T) {
	for _, n := range []name{"Type", "A B", "x#y", "a/b(c)", "\x00\xff", ""} {
		var b bytes.Buffer
		writeName(&b, n)
		p := newParser(b.Bytes(), 0, 1)
		got, err := p.object(0)
		require.NoError(t, err)
		assert.Equal(t, n, got, "written as %q", b.String())
	}
}

func TestRunLengthDecode(t *testing.T) {
	in := []byte("aaaaaaaaaabcdefgggg" + string(bytes.Repeat([]byte{'z'}, 300)))
	b := budget{max: 1 << 20, name: "MaxStreamBytes"}
	got, err := decodeFilters(runLengthEncode(in), dict{"Filter": name("RunLengthDecode")}, b)
	require.NoError(t, err)
	assert.Equal(t, in, got)
	_, err = decodeFilters(runLengthEncode(in), dict{"Filter": name("RL")}, budget{max: 100, name: "MaxStreamBytes"})
	assert.ErrorIs(t, err, ErrLimit)
}
