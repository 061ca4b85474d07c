// Package prefix checks invoice prefixes and their association with an
// invoicing software: it reads DIAN's GetNumberingRange answer and the
// numbering facts of a UBL 2.1 invoice, and compares both with a
// [resolution.Resolution] read from the formato 1876 PDF.
//
// # Order of use
//
//  1. [ParseNumberingRanges] reads the answer of DIAN's web service
//     GetNumberingRange (docs/form-1876.md §6), bare or wrapped in a SOAP 1.2
//     envelope. [Associate] then says whether each range of the resolution
//     is associated, with DIAN's rule codes for every difference, and
//     returns the technical key ("clave técnica") the CUFE needs.
//  2. [ParseInvoice] reads an invoice, credit or debit note or support
//     document (docs/form-1876.md §7), bare or inside the AttachedDocument it
//     travels in. [CheckInvoice] compares its
//     sts:InvoiceControl, sts:SoftwareID, cbc:ID and issue date with the
//     resolution.
//  3. [Normalize], [Lint] and [LintResolutions] check prefixes themselves
//     (docs/form-1876.md §4): syntax, a final digit, DIAN's test prefixes, one
//     prefix reused across kinds, and overlapping ranges ("cruce de
//     consecutivos").
//
// A failed check is a result, not an error: [Mismatch] carries DIAN's rule
// code (FAD05e, FAB05b, FAB05c, FAB07b, FAB08b, FAB10b, FAB11b, FAB12b) or
// a kebab name for checks DIAN publishes no code for. Errors are for input
// that cannot be read: a *[ParseError] wrapping one of the sentinels, or an
// *[OperationError] when DIAN answered with an OperationCode other than 100.
//
// # XML handling
//
// Elements are matched on local names; namespace prefixes vary between
// DIAN's services and providers' proxies and are ignored. Input is read
// through an io.LimitReader and bounded in size, nesting depth and element
// count ([Options]); a hit limit is [ErrLimit] naming the limit. A DOCTYPE
// is refused ([ErrDoctype]) and entities are never expanded. Only UTF-8
// input is read.
//
// # Concurrency
//
// Every function of this package ([ParseNumberingRanges], [ParseInvoice],
// [Associate], [CheckInvoice], [Normalize], [IsTest], [Lint],
// [LintResolutions]) is safe for concurrent use: none keeps state between
// calls, and none modifies the values it is given. The types ([Invoice],
// [InvoiceControl], [NumberingRange], [Association], [InvoiceReport],
// [InvoiceOptions], [Mismatch], [Rule], [Source], [Issue], [LintOptions],
// [Options], [ParseError], [OperationError], [PrefixError]) are plain
// data, safe to share as long as nobody modifies them.
//
// # Not done
//
//   - No network: calling GetNumberingRange (a signed WS-Security SOAP
//     request) is the caller's job; this package reads its answer.
//   - No signature check: an invoice's XAdES signature is not verified, so
//     a tampered InvoiceControl is read as written.
//   - DIAN looks ranges up by document type as well; neither the
//     GetNumberingRange answer nor this package's reading of the invoice
//     carries it, so a support document checked against an invoice range
//     of the same prefix is not flagged.
//   - An AttachedDocument is unwrapped one level only, and its own fields
//     (its ID, its ParentDocumentID) are not cross-checked with the
//     embedded invoice.
//   - Duplicate numbers across invoices are package validate's concern.
package prefix
