package prefix_test

import (
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/prefix"
)

var testRange = prefix.NumberingRange{
	ResolutionNumber: "18760000001", ResolutionDate: date("2019-01-19"), Prefix: "SETP",
	From: 990000000, To: 995000000, ValidFrom: date("2019-01-19"), ValidTo: date("2030-01-19"),
	TechnicalKey: "fc8eac422eba16e22ffd8c6f94b3f40a6e38162c",
}

func TestParseNumberingRanges(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		want       []prefix.NumberingRange
	}{
		{"bare answer, one range", "ranges-bare.xml", []prefix.NumberingRange{testRange}},
		{"SOAP 1.2 envelope, several ranges in order", "ranges-soap.xml", []prefix.NumberingRange{testRange, {
			ResolutionNumber: "18764081810977", ResolutionDate: date("2024-10-19"), Prefix: "FEV",
			From: 1, To: 1000, ValidFrom: date("2024-10-19"), ValidTo: date("2026-10-19"),
			TechnicalKey: "0123456789abcdef0123456789abcdef01234567",
		}}},
		{"odd namespace prefixes, default namespace, empty prefix, dateTime", "ranges-odd-prefixes.xml", []prefix.NumberingRange{testRange, {
			ResolutionNumber: "18760000002", Prefix: "", From: 1, To: 5000,
			ValidFrom: date("2025-01-01"), ValidTo: date("2027-01-01"),
			TechnicalKey: "ffffffffffffffffffffffffffffffffffffffff",
		}}},
		{"OperationCode 100 with no ranges is an empty list", "ranges-empty.xml", []prefix.NumberingRange{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := prefix.ParseNumberingRanges(strings.NewReader(readXML(t, tc.file)), nil)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
	t.Run("UTF-8 byte order mark before the declaration", func(t *testing.T) {
		got, err := prefix.ParseNumberingRanges(strings.NewReader("\ufeff"+readXML(t, "ranges-soap.xml")), nil)
		require.NoError(t, err)
		assert.Len(t, got, 2)
	})
}

func TestParseNumberingRangesOperationError(t *testing.T) {
	for _, tc := range []struct {
		name, file, code, desc string
	}{
		{"non-100 OperationCode", "ranges-error.xml", "301", "No se encontraron rangos de numeración para el software."},
		{"SOAP fault", "ranges-fault.xml", "s:Sender", "An error occurred when verifying security for the message."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := prefix.ParseNumberingRanges(strings.NewReader(readXML(t, tc.file)), nil)
			assert.Nil(t, got)
			var oe *prefix.OperationError
			require.ErrorAs(t, err, &oe)
			assert.ErrorIs(t, err, prefix.ErrOperation)
			assert.Equal(t, tc.code, oe.Code)
			assert.Equal(t, tc.desc, oe.Description)
			assert.Contains(t, err.Error(), tc.code)
		})
	}
}

func TestParseNumberingRangesErrors(t *testing.T) {
	bare := readXML(t, "ranges-bare.xml")
	for _, tc := range []struct {
		name    string
		xml     string
		want    error
		element string
	}{
		{"truncated document", readXML(t, "ranges-truncated.xml"), prefix.ErrMalformedXML, ""},
		{"empty input", "", prefix.ErrMalformedXML, ""},
		{"mismatched end tag", replace(t, bare, "</c:Prefix>", "</c:Prefx>"), prefix.ErrMalformedXML, ""},
		{"DOCTYPE with nested entities is refused, not expanded", readXML(t, "ranges-entities.xml"), prefix.ErrDoctype, ""},
		{"undeclared entity is not resolved", readXML(t, "ranges-undeclared-entity.xml"), prefix.ErrMalformedXML, ""},
		{"another kind of XML", readXML(t, "not-dian.xml"), prefix.ErrNotRanges, ""},
		{"an invoice is not an answer", readXML(t, "invoice-setp.xml"), prefix.ErrNotRanges, ""},
		{"no OperationCode", replace(t, bare, "<b:OperationCode>100</b:OperationCode>", ""), prefix.ErrMissing, "OperationCode"},
		{"FromNumber not a number", replace(t, bare, ">990000000<", ">99O000000<"), prefix.ErrBadValue, "FromNumber"},
		{"ToNumber with a thousands separator", replace(t, bare, ">995000000<", ">995,000,000<"), prefix.ErrBadValue, "ToNumber"},
		{"ToNumber past int64", replace(t, bare, ">995000000<", ">99999999999999999999<"), prefix.ErrBadValue, "ToNumber"},
		{"negative FromNumber", replace(t, bare, ">990000000<", ">-1<"), prefix.ErrBadValue, "FromNumber"},
		{"FromNumber above ToNumber", replace(t, bare, ">990000000<", ">999000000<"), prefix.ErrBadValue, "ToNumber"},
		{"ValidDateTo before ValidDateFrom", replace(t, bare, "<c:ValidDateTo>2030-01-19", "<c:ValidDateTo>2018-01-19"), prefix.ErrBadValue, "ValidDateTo"},
		{"date in another format", replace(t, bare, "<c:ValidDateFrom>2019-01-19", "<c:ValidDateFrom>19/01/2019"), prefix.ErrBadValue, "ValidDateFrom"},
		{"missing ToNumber", replace(t, bare, "<c:ToNumber>995000000</c:ToNumber>", ""), prefix.ErrMissing, "ToNumber"},
		{"empty ResolutionNumber", replace(t, bare, "<c:ResolutionNumber>18760000001</c:ResolutionNumber>", "<c:ResolutionNumber/>"), prefix.ErrMissing, "ResolutionNumber"},
		{"declared Latin-1 encoding is refused", `<?xml version="1.0" encoding="ISO-8859-1"?>` + bare, prefix.ErrMalformedXML, ""},
		{"unsupported XML version", `<?xml version="0"?>`, prefix.ErrMalformedXML, ""},
		{"text before the root", "junk" + bare, prefix.ErrMalformedXML, ""},
		{"two root elements", bare + bare, prefix.ErrMalformedXML, "GetNumberingRangeResponse"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := prefix.ParseNumberingRanges(strings.NewReader(tc.xml), nil)
			assert.Nil(t, got)
			var pe *prefix.ParseError
			require.ErrorAs(t, err, &pe)
			assert.ErrorIs(t, err, tc.want)
			assert.Equal(t, tc.element, pe.Element)
			assert.True(t, strings.HasPrefix(err.Error(), "prefix: "), err.Error())
		})
	}
}

// hugeAnswer returns a well-formed answer padded with n ranges.
func hugeAnswer(n int) io.Reader {
	head := `<GetNumberingRangeResponse><GetNumberingRangeResult><OperationCode>100</OperationCode><ResponseList>`
	one := `<NumberRangeResponse><ResolutionNumber>1</ResolutionNumber><Prefix>A</Prefix><FromNumber>1</FromNumber><ToNumber>2</ToNumber><ValidDateFrom>2020-01-01</ValidDateFrom><ValidDateTo>2021-01-01</ValidDateTo></NumberRangeResponse>`
	tail := `</ResponseList></GetNumberingRangeResult></GetNumberingRangeResponse>`
	return io.MultiReader(strings.NewReader(head), strings.NewReader(strings.Repeat(one, n)), strings.NewReader(tail))
}

// endless yields '<a>' forever: only a limit stops reading it.
type endless struct{ s string }

func (e *endless) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		n += copy(p[n:], e.s)
	}
	return n, nil
}

func TestParseNumberingRangesLimits(t *testing.T) {
	deep := strings.Repeat("<a>", 65) + strings.Repeat("</a>", 65)
	for _, tc := range []struct {
		name  string
		r     io.Reader
		opts  *prefix.Options
		limit string
	}{
		{"default MaxSize stops a 5 MiB answer", strings.NewReader(replace(t, readXML(t, "ranges-bare.xml"),
			"Acción completada OK.", strings.Repeat("x", 5<<20))), nil, "MaxSize"},
		{"MaxSize stops an endless stream", &endless{"<a>x</a>"}, &prefix.Options{MaxSize: 1 << 10, MaxElements: 1 << 30}, "MaxSize"},
		{"default MaxDepth is 64", strings.NewReader(deep), nil, "MaxDepth"},
		{"endless nesting stops at MaxDepth, not at memory", &endless{"<a>"}, nil, "MaxDepth"},
		{"MaxElements", hugeAnswer(20), &prefix.Options{MaxElements: 100}, "MaxElements"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := prefix.ParseNumberingRanges(tc.r, tc.opts)
			var pe *prefix.ParseError
			require.ErrorAs(t, err, &pe)
			assert.ErrorIs(t, err, prefix.ErrLimit)
			assert.Equal(t, tc.limit, pe.Limit)
			assert.Contains(t, err.Error(), tc.limit)
		})
	}
	t.Run("within the limits, 1000 ranges read", func(t *testing.T) {
		got, err := prefix.ParseNumberingRanges(hugeAnswer(1000), nil)
		require.NoError(t, err)
		assert.Len(t, got, 1000)
	})
	t.Run("exactly MaxSize bytes is allowed", func(t *testing.T) {
		bare := readXML(t, "ranges-bare.xml")
		_, err := prefix.ParseNumberingRanges(strings.NewReader(bare), &prefix.Options{MaxSize: int64(len(bare))})
		assert.NoError(t, err)
	})
}

func TestParseNumberingRangesReadError(t *testing.T) {
	boom := errors.New("connection reset")
	_, err := prefix.ParseNumberingRanges(io.MultiReader(strings.NewReader("<GetNumberingRangeResponse>"), iotest.ErrReader(boom)), nil)
	assert.ErrorIs(t, err, boom)
}

// TestParseNumberingRangesBoundedMemory feeds one endless text node, the
// worst case for buffering: what is allocated stays a small multiple of
// MaxSize however long the stream.
func TestParseNumberingRangesBoundedMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := prefix.ParseNumberingRanges(io.MultiReader(strings.NewReader("<a>"), &endless{"xxxxxxxxxxxxxxxx"}), nil)
	runtime.ReadMemStats(&after)
	require.ErrorIs(t, err, prefix.ErrLimit)
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d KiB", allocated>>10)
	assert.Less(t, allocated, uint64(8*prefix.DefaultMaxSize), "allocated %d MiB for a %d MiB limit", allocated>>20, prefix.DefaultMaxSize>>20)
}
