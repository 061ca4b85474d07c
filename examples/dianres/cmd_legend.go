package main

func runLegend(e *env, args []string) int {
	e.stderr.Write([]byte("dianres legend: not implemented yet\n"))
	return 2
}
