//go:build unix

package validate_test

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time this process has used, user and system,
// so benchmarks on a shared machine can report work rather than waiting.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
