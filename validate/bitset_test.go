package validate

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/resolution"
)

func TestPageDays(t *testing.T) {
	type set struct {
		b int
		x uint16
	}
	for _, tc := range []struct {
		name     string
		sets     []set
		want     map[int]uint16
		wantWide bool
		wantBase uint16
	}{
		{"first day sets the base", []set{{0, 500}}, map[int]uint16{0: 500, 1: 0}, false, 500},
		{"earliest day wins", []set{{0, 500}, {0, 400}, {0, 450}}, map[int]uint16{0: 400}, false, 400},
		{"an earlier day rebases", []set{{0, 500}, {1, 510}, {2, 300}}, map[int]uint16{0: 500, 1: 510, 2: 300}, false, 300},
		{"a span of 254 days stays narrow", []set{{0, 100}, {1, 354}}, map[int]uint16{0: 100, 1: 354}, false, 100},
		{"a span of 255 days widens", []set{{0, 100}, {1, 355}}, map[int]uint16{0: 100, 1: 355}, true, 0},
		{"rebasing past 255 days widens", []set{{0, 400}, {1, 500}, {2, 200}, {3, 900}}, map[int]uint16{0: 400, 1: 500, 2: 200, 3: 900}, true, 0},
		{"last offset of the page", []set{{pageBits - 1, 7}}, map[int]uint16{pageBits - 1: 7, 0: 0}, false, 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := new(page)
			require.False(t, p.dated())
			for _, s := range tc.sets {
				p.setDay(s.b, s.x)
			}
			require.True(t, p.dated())
			for b, x := range tc.want {
				assert.Equal(t, x, p.day(b), "offset %d", b)
			}
			assert.Equal(t, tc.wantWide, p.days16 != nil)
			if !tc.wantWide {
				assert.Equal(t, tc.wantBase, p.base)
			}
		})
	}
}

func TestDayNumber(t *testing.T) {
	for _, tc := range []struct {
		y, m, d int
		want    int64
	}{
		{1970, 1, 1, 0}, {2000, 3, 1, 11017}, {2024, 2, 29, 19782}, {1969, 12, 31, -1},
	} {
		assert.Equal(t, tc.want, dayNumber(date3(tc.y, tc.m, tc.d)))
		assert.Equal(t, date3(tc.y, tc.m, tc.d), dateOfNumber(tc.want))
	}
}

func date3(y, m, d int) resolution.Date {
	return resolution.Date{Year: y, Month: time.Month(m), Day: d}
}
