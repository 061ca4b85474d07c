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
