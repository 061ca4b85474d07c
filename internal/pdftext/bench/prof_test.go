package bench

import (
	"context"
	"testing"

	"github.com/dianres/dianres/resolution"
)

// BenchmarkParseAll parses every fixture once per iteration, for
// profiles: go test -run '^$' -bench ParseAll -cpuprofile cpu.out
func BenchmarkParseAll(b *testing.B) {
	fs := fixtures(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range fs {
			if _, err := resolution.ParseBytes(context.Background(), f.data, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}
