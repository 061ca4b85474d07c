module github.com/dianres/dianres

go 1.26.8
