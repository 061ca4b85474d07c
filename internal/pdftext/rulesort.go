package pdftext

// ruleBefore is the order of pageRules: by Y0, X0, Y1, then X1. Rules
// equal in all four are interchangeable, so any sort gives one result.
func ruleBefore(a, b *Rule) bool {
	switch {
	case a.Y0 != b.Y0:
		return a.Y0 < b.Y0
	case a.X0 != b.X0:
		return a.X0 < b.X0
	case a.Y1 != b.Y1:
		return a.Y1 < b.Y1
	}
	return a.X1 < b.X1
}

// sortRules sorts rs by ruleBefore. It is slices.SortFunc specialised
// by hand, so the comparison inlines: an introsort (quicksort on a
// median of three, insertion sort for short stretches, heapsort once
// the recursion is deeper than 2·log2(n), so no input makes it
// quadratic). Coordinates are finite (path.add checks), so < orders
// them totally.
func sortRules(rs []Rule) {
	depth := 0
	for n := len(rs); n > 0; n >>= 1 {
		depth += 2
	}
	quickRules(rs, depth)
}

func quickRules(rs []Rule, depth int) {
	for len(rs) > 12 {
		if depth == 0 {
			heapRules(rs)
			return
		}
		depth--
		// Median of first, middle and last to rs[0], as the pivot.
		m, l := len(rs)/2, len(rs)-1
		if ruleBefore(&rs[m], &rs[0]) {
			rs[m], rs[0] = rs[0], rs[m]
		}
		if ruleBefore(&rs[l], &rs[m]) {
			rs[l], rs[m] = rs[m], rs[l]
			if ruleBefore(&rs[m], &rs[0]) {
				rs[m], rs[0] = rs[0], rs[m]
			}
		}
		rs[0], rs[m] = rs[m], rs[0]
		// Hoare partition around p = rs[0]: rs[1:i] <= p <= rs[j+1:].
		p := rs[0]
		i, j := 1, l
		for {
			for i <= j && ruleBefore(&rs[i], &p) {
				i++
			}
			for i <= j && ruleBefore(&p, &rs[j]) {
				j--
			}
			if i >= j {
				break
			}
			rs[i], rs[j] = rs[j], rs[i]
			i++
			j--
		}
		rs[0], rs[j] = rs[j], rs[0]
		// Recurse into the smaller side, loop on the larger.
		if j < len(rs)-1-j {
			quickRules(rs[:j], depth)
			rs = rs[j+1:]
		} else {
			quickRules(rs[j+1:], depth)
			rs = rs[:j]
		}
	}
	for i := 1; i < len(rs); i++ {
		for k := i; k > 0 && ruleBefore(&rs[k], &rs[k-1]); k-- {
			rs[k], rs[k-1] = rs[k-1], rs[k]
		}
	}
}

func heapRules(rs []Rule) {
	n := len(rs)
	for i := n/2 - 1; i >= 0; i-- {
		siftRules(rs, i, n)
	}
	for end := n - 1; end > 0; end-- {
		rs[0], rs[end] = rs[end], rs[0]
		siftRules(rs, 0, end)
	}
}

func siftRules(rs []Rule, root, n int) {
	for {
		c := 2*root + 1
		if c >= n {
			return
		}
		if c+1 < n && ruleBefore(&rs[c], &rs[c+1]) {
			c++
		}
		if !ruleBefore(&rs[root], &rs[c]) {
			return
		}
		rs[root], rs[c] = rs[c], rs[root]
		root = c
	}
}
