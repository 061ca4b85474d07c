package validate_test

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dianres/dianres/resolution"
	"github.com/dianres/dianres/validate"
)

// The audit benchmarks issue every number of a 10-million range once.
// "shuffled" visits them in the order n = (i·7777777 mod 10⁷) + 1, which
// jumps across the whole bitset at every step; awk can write the same file:
//
//	awk 'BEGIN{for(i=0;i<10000000;i++) printf "FE%d\n", (i*7777777)%10000000+1}'
const (
	benchSize   = 10_000_000
	benchStride = 7_777_777 // odd and not a multiple of 5: a permutation of 10⁷
)

var benchRange = resolution.Range{Prefix: "FE", From: 1, To: benchSize,
	ValidFrom: resolution.NewDate(2025, time.January, 1), ValidTo: resolution.NewDate(2027, time.January, 1)}

func benchNumber(i int64, shuffled bool) int64 {
	if shuffled {
		return i*benchStride%benchSize + 1
	}
	return i + 1
}

// heapInUse returns the bytes of heap in use after a collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

func reportAudit(b *testing.B, base uint64, cpu0 time.Duration, a *validate.Auditor, numbers int64) {
	cpu := cpuTime() - cpu0
	rep := a.Report(benchRange.ValidFrom.AddDays(100))
	used := heapInUse()
	runtime.KeepAlive(a) // the Auditor must be live when measured
	require.Equal(b, int64(benchSize), rep.Ranges[0].Unique)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(numbers), "ns/number")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(numbers), "cpu-ns/number")
	}
	b.ReportMetric(float64(used-min(base, used))/(1<<20), "heap-MiB")
}

func BenchmarkAuditMemory(b *testing.B) {
	for _, bc := range []struct {
		name            string
		shuffled, dated bool
	}{
		{"sorted", false, false},
		{"shuffled", true, false},
		{"shuffled-dated", true, true},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var a *validate.Auditor
			var numbers int64
			base, cpu0 := heapInUse(), cpuTime()
			buf := make([]byte, 0, 32)
			for b.Loop() {
				var err error
				a, err = validate.NewAuditor([]resolution.Range{benchRange}, nil)
				require.NoError(b, err)
				var d resolution.Date
				for i := range int64(benchSize) {
					n := benchNumber(i, bc.shuffled)
					if bc.dated {
						d = benchRange.ValidFrom.AddDays(int(n / 100_000))
					}
					buf = strconv.AppendInt(append(buf[:0], "FE"...), n, 10)
					a.AddBytes(buf, d)
				}
				numbers += benchSize
			}
			reportAudit(b, base, cpu0, a, numbers)
		})
	}
}

func BenchmarkAuditFile(b *testing.B) {
	path := filepath.Join(b.TempDir(), "issued.txt")
	f, err := os.Create(path)
	require.NoError(b, err)
	w := bufio.NewWriter(f)
	for i := range int64(benchSize) {
		w.WriteString("FE")
		w.WriteString(strconv.FormatInt(benchNumber(i, true), 10))
		w.WriteByte('\n')
	}
	require.NoError(b, w.Flush())
	require.NoError(b, f.Close())
	b.ResetTimer()

	var a *validate.Auditor
	var numbers int64
	base, cpu0 := heapInUse(), cpuTime()
	for b.Loop() {
		a, err = validate.NewAuditor([]resolution.Range{benchRange}, nil)
		require.NoError(b, err)
		f, err := os.Open(path)
		require.NoError(b, err)
		lines, err := a.ReadLines(f)
		f.Close()
		require.NoError(b, err)
		numbers += lines
	}
	reportAudit(b, base, cpu0, a, numbers)
}
