package resolution_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/resolution"
)

func TestDateAddMonths(t *testing.T) {
	for _, tc := range []struct {
		name string
		from string
		n    int
		want string
	}{
		{"DIAN test range: same day a year later", "2019-01-10", 12, "2020-01-10"},
		{"24 months", "2024-10-19", 24, "2026-10-19"},
		{"clamped to February's last day in a leap year", "2024-01-31", 1, "2024-02-29"},
		{"clamped to February's last day in a common year", "2023-01-31", 1, "2023-02-28"},
		{"leap day plus a year clamps", "2024-02-29", 12, "2025-02-28"},
		{"leap day plus four years stays", "2024-02-29", 48, "2028-02-29"},
		{"crosses a year end", "2024-11-30", 3, "2025-02-28"},
		{"negative months", "2024-03-31", -1, "2024-02-29"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := resolution.ParseDate(tc.from)
			require.NoError(t, err)
			assert.Equal(t, tc.want, d.AddMonths(tc.n).String())
		})
	}
}

func TestDateOfUsesColombianCivilDay(t *testing.T) {
	// 2025-02-01T03:30Z is still 2025-01-31 at 22:30 in Bogotá.
	assert.Equal(t, "2025-01-31", resolution.DateOf(time.Date(2025, 2, 1, 3, 30, 0, 0, time.UTC)).String())
	assert.Equal(t, "2025-02-01", resolution.DateOf(time.Date(2025, 2, 1, 5, 0, 0, 0, time.UTC)).String())
}

func TestDateJSON(t *testing.T) {
	type doc struct {
		D resolution.Date `json:"d"`
		Z resolution.Date `json:"z,omitzero"`
	}
	b, err := json.Marshal(doc{D: resolution.NewDate(2024, time.October, 19)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"d":"2024-10-19"}`, string(b))
	var back doc
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, resolution.NewDate(2024, time.October, 19), back.D)
	assert.Error(t, json.Unmarshal([]byte(`{"d":"19/10/2024"}`), &back))
}

func TestDateCompareAndDays(t *testing.T) {
	a, b := resolution.NewDate(2024, 2, 28), resolution.NewDate(2024, 3, 1)
	assert.Equal(t, -1, a.Compare(b))
	assert.Equal(t, 1, b.Compare(a))
	assert.Equal(t, 0, a.Compare(a))
	assert.Equal(t, 2, a.DaysUntil(b), "2024 is a leap year")
	assert.False(t, resolution.Date{Year: 2023, Month: 2, Day: 29}.Valid())
}

func ExampleDate_AddMonths() {
	start := resolution.NewDate(2024, time.January, 31)
	fmt.Println(start.AddMonths(1))
	fmt.Println(start.AddMonths(24))
	// Output:
	// 2024-02-29
	// 2026-01-31
}
