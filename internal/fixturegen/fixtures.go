package fixturegen

import (
	"time"

	"github.com/dianres/dianres/resolution"
)

// Shorthands for the fixture tables below.
const (
	fe    = resolution.KindElectronicInvoice
	ds    = resolution.KindSupportDocument
	paper = resolution.KindPaper
	pos   = resolution.KindPOS
	pc    = resolution.KindComputer
	deq   = resolution.KindEquivalentDocument
	auth  = resolution.RequestAuthorization
	enab  = resolution.RequestEnablement
	disab = resolution.RequestDisablement
)

// companySpec is the typical electronic-invoice authorization that
// sample.pdf shows; variants copy it and change one thing.
func companySpec() Spec {
	return Spec{
		Number:    "18764000000977",
		Year:      2024,
		NIT:       "900123456",
		DV:        CheckDigit("900123456"),
		Company:   "COMERCIALIZADORA ANDINA DE TECNOLOGÍA S.A.S.",
		Seccional: "31",
		Rows:      []Row{row(fe, "FE", 1, 1000, 24, auth)},
		Stamp:     cot(2024, time.October, 19, 11, 38, 26),
	}
}

func personSpec() Spec {
	s := companySpec()
	s.Number = "18764000005551"
	s.NIT = "1020304050"
	s.DV = CheckDigit(s.NIT)
	s.Company = ""
	s.Surname1 = "PÉREZ"
	s.Surname2 = "GÓMEZ"
	s.FirstName = "JOSÉ"
	s.OtherName = "MARÍA ÁNGEL"
	s.Seccional = "5"
	s.Rows = []Row{row(fe, "JPG", 1, 500, 12, auth)}
	s.Stamp = cot(2025, time.March, 3, 9, 5, 44)
	s.Year = 2025
	return s
}

// with returns a copy of s changed by fn, so tables read as "base plus one change".
func with(s Spec, fn func(*Spec)) Spec {
	s.Rows = append([]Row(nil), s.Rows...)
	fn(&s)
	return s
}

func numbered(s Spec, n string) Spec {
	s.Number = n
	return s
}

// ValidFixtures lists the generated forms a correct parser reads.
func ValidFixtures() []Fixture {
	base := companySpec()
	typical := Layout{PerDigit: true, Barcode: true}
	allKinds := []Row{
		row(fe, "FE", 1, 5000, 24, auth),
		row(ds, "DSDS", 1, 2000, 24, auth),
		row(paper, "TP", 1, 300, 12, auth),
		row(pos, "POS", 1001, 9000, 18, auth),
		row(pc, "PC", 1, 100, 6, auth),
		row(deq, "DEE", 1, 100000, 24, auth),
	}
	return []Fixture{
		{Name: "sample", Note: "typical two-page FE authorization: Type0 fonts, per-digit boxes, barcode, ',' separator",
			Spec: base, Layout: typical},
		{Name: "plain-values", Note: "values as plain text, no digit boxes",
			Spec: numbered(base, "18764000000978"), Layout: Layout{}},
		{Name: "support-document", Note: "DOCUMENTO SOPORTE 6 DSDS 1–2,000",
			Spec: with(base, func(s *Spec) {
				s.Number = "18764000000979"
				s.Rows = []Row{row(ds, "DSDS", 1, 2000, 24, auth)}
			}), Layout: typical},
		{Name: "natural-person", Note: "apellidos and nombres instead of razón social, accented names",
			Spec: personSpec(), Layout: typical},
		{Name: "natural-person-no-other-name", Note: "natural person with empty boxes 8 and 10",
			Spec: with(personSpec(), func(s *Spec) {
				s.Number = "18764000005552"
				s.Surname2, s.OtherName = "", ""
			}), Layout: Layout{}},
		{Name: "rows-six-all-kinds", Note: "six rows, one per modality",
			Spec: with(base, func(s *Spec) { s.Number = "18764000000980"; s.Rows = allKinds }), Layout: typical},
		{Name: "rows-two-fe-ds", Note: "the common FE + DS pair",
			Spec: with(base, func(s *Spec) {
				s.Number = "18764000000981"
				s.Rows = []Row{row(fe, "FE", 1, 1000, 24, auth), row(ds, "DSDS", 1, 2000, 24, auth)}
			}), Layout: typical},
		{Name: "request-enablement", Note: "HABILITACIÓN of the unused rest of a range",
			Spec: with(base, func(s *Spec) {
				s.Number = "18764000000982"
				s.Rows = []Row{row(fe, "FE", 1001, 5000, 12, enab)}
			}), Layout: typical},
		{Name: "request-disablement", Note: "INHABILITACIÓN, with an authorization in the same form",
			Spec: with(base, func(s *Spec) {
				s.Number = "18764000000983"
				s.Rows = []Row{row(fe, "FEV", 501, 1000, 24, disab), row(fe, "FE", 1, 3000, 24, auth)}
			}), Layout: typical},
		{Name: "kind-pos-maquina-registradora", Note: "POS printed as MÁQUINA REGISTRADORA, code 4",
			Spec: with(base, func(s *Spec) {
				s.Number = "18764000000984"
				r := row(pos, "MR", 1, 20000, 12, auth)
				r.KindLabel = "MÁQUINA REGISTRADORA"
				s.Rows = []Row{r}
			}), Layout: typical},
		{Name: "sep-dot", Note: "Colombian thousands separator '.' (2.000)",
			Spec: with(base, func(s *Spec) {
				s.Number = "18764000000985"
				s.Rows = []Row{row(fe, "FE", 1, 1000000, 24, auth)}
			}), Layout: Layout{PerDigit: true, Sep: '.'}},
		{Name: "sep-none", Note: "no thousands separator",
			Spec: with(base, func(s *Spec) {
				s.Number = "18764000000986"
				s.Rows = []Row{row(fe, "FE", 1, 1000000, 24, auth)}
			}), Layout: Layout{PerDigit: true, NoSep: true}},
		{Name: "big-numbers", Note: "ten-digit consecutives, 9,999,999,999",
			Spec: with(base, func(s *Spec) {
				s.Number = "18764000000987"
				s.Rows = []Row{row(fe, "FE", 1000000001, 9999999999, 24, auth)}
			}), Layout: typical},
		{Name: "accents-combining", Note: "ToUnicode maps Ó to O + U+0301; golden holds the precomposed text",
			Spec: numbered(base, "18764000000988"), Layout: Layout{PerDigit: true, Accents: AccentCombining}},
		{Name: "accents-stripped", Note: "printed without accents (ELECTRONICA, AUTORIZACION, TECNOLOGIA)",
			Spec: with(base, func(s *Spec) {
				s.Number = "18764000000989"
				s.Company = stripAccents(s.Company)
			}), Layout: Layout{PerDigit: true, Accents: AccentStripped}},
		{Name: "font-truetype-winansi", Note: "simple TrueType, WinAnsiEncoding, /Widths, embedded subset",
			Spec: numbered(base, "18764000000990"), Layout: Layout{PerDigit: true, LabelFont: FontTrueType, ValueFont: FontTrueType}},
		{Name: "font-helvetica-differences", Note: "standard-14 Helvetica, /Differences for accented letters, no /Widths",
			Spec: numbered(base, "18764000000991"), Layout: Layout{PerDigit: true, LabelFont: FontHelvetica, ValueFont: FontHelvetica}},
		{Name: "font-mixed-helvetica-type0", Note: "labels in Helvetica, values in a Type0 CID font",
			Spec: numbered(personSpec(), "18764000005553"), Layout: Layout{PerDigit: true, LabelFont: FontHelvetica, ValueFont: FontType0}},
		{Name: "font-mixed-truetype-helvetica-combining", Note: "labels TrueType, values Helvetica, combining accents in both ToUnicode maps",
			Spec: numbered(base, "18764000000992"), Layout: Layout{LabelFont: FontTrueType, ValueFont: FontHelvetica, Accents: AccentCombining}},
		{Name: "uncompressed", Note: "no stream filters at all",
			Spec: numbered(base, "18764000000993"), Layout: Layout{PerDigit: true, Plain: true}},
		{Name: "object-streams", Note: "objects in an object stream, cross-reference stream, PDF 1.5",
			Spec: numbered(base, "18764000000994"), Layout: Layout{PerDigit: true, ObjStreams: true, Version: "1.5"}},
		{Name: "table-form-xobject", Note: "the whole table drawn inside a Form XObject placed with cm",
			Spec: with(base, func(s *Spec) {
				s.Number = "18764000000995"
				s.Rows = []Row{row(fe, "FE", 1, 1000, 24, auth), row(ds, "DSDS", 1, 2000, 24, auth)}
			}), Layout: Layout{PerDigit: true, TableForm: true}},
		{Name: "shuffled-order", Note: "every drawing operation in seeded random order",
			Spec:   with(base, func(s *Spec) { s.Number = "18764000000996"; s.Rows = allKinds[:3] }),
			Layout: Layout{PerDigit: true, Shuffle: 1876}},
		{Name: "shuffled-form-objstm", Note: "shuffled order, table in a form, object streams, Helvetica labels",
			Spec:   with(base, func(s *Spec) { s.Number = "18764000000997"; s.Rows = allKinds[:2] }),
			Layout: Layout{PerDigit: true, Shuffle: 42, TableForm: true, ObjStreams: true, Version: "1.6", LabelFont: FontHelvetica}},
		{Name: "one-page", Note: "form, table and stamp all on page 1",
			Spec: numbered(base, "18764000000998"), Layout: Layout{PerDigit: true, OnePage: true}},
		{Name: "letter-paper", Note: "US Letter instead of A4",
			Spec: numbered(base, "18764000000999"), Layout: Layout{PerDigit: true, Paper: Letter}},
		{Name: "rotate90-page2", Note: "page 2 stored landscape with /Rotate 90, drawn rotated so it displays upright",
			Spec: numbered(base, "18764000001000"), Layout: Layout{PerDigit: true, RotatePage: 2}},
		{Name: "rotate90-one-page", Note: "a one-page form with /Rotate 90",
			Spec: numbered(personSpec(), "18764000005554"), Layout: Layout{OnePage: true, RotatePage: 1}},
		{Name: "value-right-labels", Note: "page 1 as 'label: value' lines instead of a grid of cells",
			Spec: numbered(base, "18764000001001"), Layout: Layout{ValueRight: true}},
		{Name: "value-right-person", Note: "'label: value' lines for a natural person (empty boxes print nothing)",
			Spec:   with(personSpec(), func(s *Spec) { s.Number = "18764000005555"; s.OtherName = "" }),
			Layout: Layout{ValueRight: true, LabelFont: FontHelvetica, ValueFont: FontHelvetica}},
		{Name: "number-11-digits", Note: "the 11-digit form number of DIAN's test set, 18760000001",
			Spec: numbered(base, "18760000001"), Layout: typical},
		{Name: "dian-test-range", Note: "DIAN's test range SETP 990000000–995000000, 2019-01-19 + 132 months = 2030-01-19",
			Spec: with(base, func(s *Spec) {
				s.Number = "18760000001"
				s.Year = 2019
				s.Rows = []Row{row(fe, "SETP", 990000000, 995000000, 132, auth)}
				s.Stamp = cot(2019, time.January, 19, 8, 0, 0)
				s.Warnings = []resolution.WarningCode{resolution.WarnMonths}
			}), Layout: typical},
		{Name: "prefix-empty", Note: "a row with an empty prefix cell",
			Spec: with(base, func(s *Spec) {
				s.Number = "18764000001002"
				s.Rows = []Row{row(fe, "", 1, 1000, 24, auth), row(ds, "DS", 1, 500, 24, auth)}
			}), Layout: typical},
		{Name: "prefix-ending-digit", Note: "prefix FE2 ends in a digit (ambiguous when concatenated, docs/form-1876.md §4)",
			Spec: with(base, func(s *Spec) {
				s.Number = "18764000001003"
				s.Rows = []Row{row(fe, "FE2", 1, 1000, 24, auth)}
				s.Warnings = []resolution.WarningCode{resolution.WarnPrefix}
			}), Layout: typical},
		{Name: "invisible-text", Note: "all text in render mode 3 (invisible), over nothing",
			Spec: numbered(base, "18764000001004"), Layout: Layout{PerDigit: true, Invisible: true}},
		{Name: "no-columns-34-37", Note: "table without the empty columns 34–37",
			Spec: numbered(base, "18764000001005"), Layout: Layout{PerDigit: true, NoBoxes34: true}},
		{Name: "wrong-check-digit", Note: "DV printed wrong: expect a check-digit warning, DV kept as printed",
			Spec: with(base, func(s *Spec) {
				s.Number = "18764000001006"
				s.DV = wrongDigit(s.DV)
				s.Warnings = []resolution.WarningCode{resolution.WarnCheckDigit}
			}), Layout: typical},
		{Name: "end-date-printed", Note: "an end-date column equal to start + months",
			Spec: with(base, func(s *Spec) {
				s.Number = "18764000001007"
				r := row(fe, "FE", 1, 1000, 24, auth)
				r.EndDate = resolution.NewDate(2026, time.October, 19)
				s.Rows = []Row{r}
			}), Layout: Layout{PerDigit: true, NoBoxes34: true}},
		{Name: "end-date-printed-differs", Note: "a printed end date that disagrees with start + months: it wins, with a valid-to warning",
			Spec: with(base, func(s *Spec) {
				s.Number = "18764000001008"
				r := row(fe, "FE", 1, 1000, 24, auth)
				r.EndDate = resolution.NewDate(2026, time.October, 31)
				s.Rows = []Row{r}
				s.Warnings = []resolution.WarningCode{resolution.WarnValidTo}
			}), Layout: Layout{PerDigit: true, NoBoxes34: true}},
		{Name: "month-end-clamp", Note: "stamp 2023-08-31 + 6 months clamps to 2024-02-29",
			Spec: with(base, func(s *Spec) {
				s.Number = "18764000001009"
				s.Year = 2023
				s.Rows = []Row{row(fe, "FE", 1, 1000, 6, auth)}
				s.Stamp = cot(2023, time.August, 31, 4, 12, 9)
			}), Layout: typical},
		{Name: "stamp-late-evening", Note: "stamp at 11:50:00 PM on 2024-12-31: the civil date is the printed one",
			Spec: with(base, func(s *Spec) {
				s.Number = "18764000001010"
				s.Rows = []Row{row(ds, "DS", 1, 800, 12, auth)}
				s.Stamp = cot(2024, time.December, 31, 23, 50, 0)
			}), Layout: typical},
		{Name: "annotation-stamp", Note: "the reception stamp as a /Stamp annotation's /AP /N form (/BBox, /Matrix, placed by /Rect), not page content",
			Spec: numbered(base, "18764000001011"), Layout: Layout{PerDigit: true, AnnotStamp: true}},
		{Name: "inherited-resources", Note: "/Resources and /MediaBox only on the /Pages node, inherited by both pages",
			Spec: numbered(base, "18764000001012"), Layout: Layout{PerDigit: true, Inherit: true, Image: true}},
		{Name: "image-dct", Note: "a small JPEG Image XObject (/DCTDecode) drawn on page 1, skipped by text extraction",
			Spec: numbered(base, "18764000001013"), Layout: Layout{PerDigit: true, Barcode: true, Image: true}},
		{Name: "filter-array", Note: "content streams with /Filter [/ASCII85Decode /FlateDecode]",
			Spec: numbered(base, "18764000001014"), Layout: Layout{PerDigit: true, Content: FilterASCII85}},
		{Name: "predictor-tiff", Note: "content streams Flate-compressed with /DecodeParms /Predictor 2 (TIFF)",
			Spec: numbered(base, "18764000001015"), Layout: Layout{PerDigit: true, Content: FilterTIFF}},
		{Name: "hybrid-xref", Note: "hybrid-reference file: classic xref table whose trailer /XRefStm lists the page, font and pages objects kept in an object stream",
			Spec: numbered(base, "18764000001016"), Layout: Layout{PerDigit: true, Hybrid: true, Version: "1.5"}},
		{Name: "font-type3", Note: "labels in a Type3 font (path glyph procedures, /FontMatrix 0.001, /Widths, /Differences with standard names, ToUnicode), values in a Type0 font",
			Spec: numbered(base, "18764000001017"), Layout: Layout{PerDigit: true, LabelFont: FontType3, ValueFont: FontType0}},
	}
}

// wrongDigit returns a check digit that is not d.
func wrongDigit(d string) string {
	if d == "7" {
		return "3"
	}
	return "7"
}
