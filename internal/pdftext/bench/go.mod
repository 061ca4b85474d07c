module github.com/dianres/dianres/internal/pdftext/bench

go 1.24.1

require (
	github.com/dianres/dianres v0.0.0
	github.com/ledongthuc/pdf v0.0.0-20260907135840-6c8c28e0e8a0
)

replace github.com/dianres/dianres => ../../..
