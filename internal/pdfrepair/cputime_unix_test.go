//go:build unix

package pdfrepair

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time this process has used. Timing limits by CPU
// rather than wall time keeps the tests meaningful on a machine shared
// with other builds, where a 0.1 s job can wait seconds for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
