package resolution

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/internal/form"
)

// A person's name is refused when an empty part's box shows text nothing
// took; the message quotes that text, so a person knows where to look.
func TestUnsureNameQuotesWhatStandsAtTheEmptyBox(t *testing.T) {
	f := &form.Fields{
		Number:     form.Field{Text: "18764000000977", Found: true, Page: 1, Box: 4},
		Surname1:   form.Field{Text: "ARIZA", Found: true, Page: 1, Box: 7},
		Surname2:   form.Field{Text: "HERNANDEZ", Found: true, Page: 1, Box: 8},
		GivenName:  form.Field{Text: "JULIAN", Found: true, Page: 1, Box: 9},
		OtherNames: form.Field{Found: true, Page: 1, Box: 10, Label: "Otros nombres", Near: "CAMILO"},
	}
	_, err := build(f)
	var pe *ParseError
	require.True(t, errors.As(err, &pe), "%v", err)
	assert.Contains(t, pe.Missing, "name")
	assert.Contains(t, pe.Detail, `box "Otros nombres" was read empty, but "CAMILO" printed among the name boxes`)
}

// A number or NIT whose text is not of its type is reported missing, with
// the text, never returned empty without an error.
func TestFieldNotOfItsTypeIsMissing(t *testing.T) {
	f := &form.Fields{
		Number:    form.Field{Text: "1234", Found: true, Page: 1, Box: 4},
		NIT:       form.Field{Text: "18764081810 Id", Found: true, Page: 1, Box: 5},
		Surname1:  form.Field{Text: "ARIZA", Found: true, Page: 1, Box: 7},
		GivenName: form.Field{Text: "JULIAN", Found: true, Page: 1, Box: 9},
	}
	res, err := build(f)
	var pe *ParseError
	require.True(t, errors.As(err, &pe), "%v", err)
	assert.Subset(t, pe.Missing, []string{"number", "nit"})
	assert.Contains(t, pe.Detail, `nit: "18764081810 Id" is not a NIT`)
	assert.Contains(t, pe.Detail, `number: "1234" is not a form number`)
	require.NotNil(t, res)
	assert.Empty(t, res.NIT)
}

// A start date printed in a row is the validity's start when no reception
// stamp was read, and a warning when it disagrees with the stamp's date.
func TestRowStartDate(t *testing.T) {
	fields := func(stamp string) *form.Fields {
		f := &form.Fields{
			Number:       form.Field{Text: "18764000000977", Found: true, Page: 1, Box: 4},
			NIT:          form.Field{Text: "900123456", Found: true, Page: 1, Box: 5},
			DV:           form.Field{Text: "8", Found: true, Page: 1, Box: 6},
			BusinessName: form.Field{Text: "ACME S.A.S.", Found: true, Page: 1, Box: 11},
			Rows: []form.Row{{Page: 2,
				Kind:      form.Field{Text: "POS", Found: true},
				Prefix:    form.Field{Text: "P", Found: true},
				From:      form.Field{Text: "1", Found: true},
				To:        form.Field{Text: "500", Found: true},
				Months:    form.Field{Text: "12", Found: true},
				Request:   form.Field{Text: "AUTORIZACIÓN", Found: true},
				ValidFrom: form.Field{Text: "2024-10-09", Found: true},
			}},
		}
		if stamp != "" {
			f.StampDate = form.Field{Text: stamp, Found: true, Page: 2}
		}
		return f
	}
	res, err := build(fields(""))
	require.NoError(t, err)
	assert.Equal(t, "2024-10-09", res.Ranges[0].ValidFrom.String())
	assert.Equal(t, "2025-10-09", res.Ranges[0].ValidTo.String())

	res, err = build(fields("2024-10-10"))
	require.NoError(t, err)
	assert.Equal(t, "2024-10-10", res.Ranges[0].ValidFrom.String(), "the stamp's date stands")
	require.NotEmpty(t, res.Warnings)
	assert.Contains(t, res.Warnings[len(res.Warnings)-1].Message, "printed start date 2024-10-09 differs")
}

// A row that fits no column before other rows, or a row-like line not
// read among the rows read, leaves no telling which range is which: the
// partial result lists no range rather than one under another's number.
// A failed last row shifts nothing: the rows before it are kept.
func TestPartialRangesOnlyWhenTheirOrderHolds(t *testing.T) {
	row := func(prefix, from, to string) form.Row {
		return form.Row{Page: 2, Kind: form.Field{Text: "POS", Found: true}, Prefix: form.Field{Text: prefix, Found: true},
			From: form.Field{Text: from, Found: true}, To: form.Field{Text: to, Found: true},
			Months: form.Field{Text: "12", Found: true}, Request: form.Field{Text: "AUTORIZACIÓN", Found: true}}
	}
	failed := form.Row{Page: 2, From: form.Field{Found: true, Conflict: "a row that fits no column"}, To: form.Field{Found: true, Conflict: "a row that fits no column"}}
	fields := func(rows ...form.Row) *form.Fields {
		return &form.Fields{
			Number:       form.Field{Text: "18764000000977", Found: true, Page: 1, Box: 4},
			NIT:          form.Field{Text: "900123456", Found: true, Page: 1, Box: 5},
			DV:           form.Field{Text: "8", Found: true, Page: 1, Box: 6},
			BusinessName: form.Field{Text: "ACME S.A.S.", Found: true, Page: 1, Box: 11},
			StampDate:    form.Field{Text: "2024-10-09", Found: true, Page: 2},
			Rows:         rows,
		}
	}
	res, err := build(fields(failed, row("P1", "1", "500"), row("P2", "501", "900")))
	var pe *ParseError
	require.True(t, errors.As(err, &pe))
	assert.Empty(t, res.Ranges)
	assert.Contains(t, pe.Missing, "ranges")

	f := fields(row("P1", "1", "500"), row("P2", "501", "900"))
	f.MissedRows, f.MissedAmongRows = 1, true
	res, err = build(f)
	require.Error(t, err)
	assert.Empty(t, res.Ranges)

	res, err = build(fields(row("P1", "1", "500"), row("P2", "501", "900"), failed))
	require.Error(t, err)
	require.Len(t, res.Ranges, 3)
	assert.Equal(t, []string{"P1", "P2"}, []string{res.Ranges[0].Prefix, res.Ranges[1].Prefix})
}

// A row-like line not read after the rows read: the ranges listed are
// not all there are, so the result is incomplete, never a short list
// returned as complete.
func TestMissedRowsAfterTheLastAreIncomplete(t *testing.T) {
	f := companyWith(form.Row{Page: 2, Kind: form.Field{Text: "POS", Found: true}, Prefix: form.Field{Text: "P", Found: true},
		From: form.Field{Text: "1", Found: true}, To: form.Field{Text: "500", Found: true},
		Months: form.Field{Text: "12", Found: true}, Request: form.Field{Text: "AUTORIZACIÓN", Found: true}})
	f.StampDate = form.Field{Text: "2024-10-09", Found: true, Page: 2}
	f.MissedRows = 1
	res, err := build(f)
	var pe *ParseError
	require.True(t, errors.As(err, &pe), "%v", err)
	assert.ErrorIs(t, err, ErrIncomplete)
	assert.Subset(t, pe.Missing, []string{"ranges", "ranges[1]"})
	require.Len(t, res.Ranges, 1, "the row read is kept: it is the form's first")
}

// A printed end date that could not be read is missing: the one the
// months give is not put in its place, for the two may differ.
func TestUnreadPrintedEndIsMissing(t *testing.T) {
	f := companyWith(form.Row{Page: 2, Kind: form.Field{Text: "POS", Found: true}, Prefix: form.Field{Text: "P", Found: true},
		From: form.Field{Text: "1", Found: true}, To: form.Field{Text: "500", Found: true},
		Months: form.Field{Text: "12", Found: true}, Request: form.Field{Text: "AUTORIZACIÓN", Found: true},
		ValidTo: form.Field{Found: true, Page: 2, Label: "Fecha final", Conflict: "not one calendar date: \"9 oct 2025 / 9 oct 2026\""}})
	f.StampDate = form.Field{Text: "2024-10-09", Found: true, Page: 2}
	res, err := build(f)
	var pe *ParseError
	require.True(t, errors.As(err, &pe), "%v", err)
	assert.Equal(t, []string{"ranges[0].valid_to"}, pe.Missing)
	require.Len(t, res.Ranges, 1)
	assert.True(t, res.Ranges[0].ValidTo.IsZero())

	f.Rows[0].ValidTo = form.Field{}
	res, err = build(f)
	require.NoError(t, err)
	assert.Equal(t, "2025-10-09", res.Ranges[0].ValidTo.String(), "not printed: the stamp's date plus the months")
}

// A prefix read as "Sin" or "No" may be the first line of "Sin prefijo"
// or "No aplica" wrapped in a narrow cell: it is reported missing with
// what was read, never returned as the prefix "SIN".
func TestPrefixThatMayBeginNoPrefixIsMissing(t *testing.T) {
	for _, p := range []string{"Sin", "SIN", "No"} {
		f := companyWith(form.Row{Page: 1,
			Kind:    form.Field{Text: "FACTURA ELECTRÓNICA DE VENTA", Found: true},
			Prefix:  form.Field{Text: p, Found: true, How: "text"},
			From:    form.Field{Text: "1", Found: true},
			To:      form.Field{Text: "1000", Found: true},
			Months:  form.Field{Text: "24", Found: true},
			Request: form.Field{Text: "AUTORIZACIÓN", Found: true},
		})
		res, err := build(f)
		var pe *ParseError
		require.True(t, errors.As(err, &pe), "%s: %v", p, err)
		assert.Equal(t, []string{"ranges[0].prefix"}, pe.Missing, p)
		assert.Contains(t, pe.Detail, `may begin "Sin prefijo"`, p)
		require.NotNil(t, res)
		assert.Empty(t, res.Ranges[0].Prefix, p)
	}
}

// An empty prefix cell is an empty prefix only in a row whose bounds were
// read: in a row none of whose bounds was, the line may be no row at all,
// and the prefix is missing, not "".
func TestEmptyPrefixOfARowWithoutBoundsIsMissing(t *testing.T) {
	f := companyWith(form.Row{Page: 1,
		Prefix: form.Field{Found: true, How: "column"},
		From:   form.Field{Found: true, Conflict: "a number over two lines of its cell that does not read as one: \"32.\""},
		To:     form.Field{Found: true, Conflict: "a number over two lines of its cell that does not read as one: \"33.\""},
	})
	_, err := build(f)
	var pe *ParseError
	require.True(t, errors.As(err, &pe), "%v", err)
	assert.Contains(t, pe.Missing, "ranges[0].prefix")
}

// companyWith returns a company's fields, all read, with rows.
func companyWith(rows ...form.Row) *form.Fields {
	return &form.Fields{
		Number:       form.Field{Text: "18764000000977", Found: true, Page: 1, Box: 4},
		NIT:          form.Field{Text: "900123456", Found: true, Page: 1, Box: 5},
		DV:           form.Field{Text: "8", Found: true, Page: 1, Box: 6},
		BusinessName: form.Field{Text: "ACME S.A.S.", Found: true, Page: 1, Box: 11},
		StampDate:    form.Field{Text: "2024-07-18", Found: true, Page: 1},
		Rows:         rows,
	}
}
