// Package validate checks invoice numbers against the ranges of DIAN
// numbering authorizations (formato 1876, see [resolution.Range]).
//
// # Checking one number
//
// A [Checker] answers, for one full invoice number as DIAN sees it (the
// prefix immediately followed by the consecutive, "SETP990000002") and its
// issue date, whether the number may be used and, if not, every reason:
// an unknown prefix (DIAN rule FAD05e), a number outside the authorized
// "desde"–"hasta", an issue date before or after the validity, or a range
// that an "INHABILITACIÓN" disabled. A failed check is a [Result] holding
// [Finding] values, never an error. The valid path allocates nothing.
//
// # Auditing a numbering
//
// An [Auditor] takes everything a business issued, as a stream in any
// order and under several prefixes, and reports per range: how many were
// issued and how many distinct, duplicates, gaps, numbers outside every
// range, numbers issued out of date order, what remains, and alerts when a
// range runs out or its validity ends soon. Memory is bounded by the size
// of the ranges, not by the input: each range keeps a paged bitset whose
// 4096-number pages are allocated only where numbers fall.
//
// # Splitting prefix and number
//
// DIAN concatenates prefix and consecutive, so "FE115" reads as prefix
// "FE" and 115 or, when "FE1" is also authorized, as "FE1" and 15
// (docs/form-1876.md §4). The split uses only the set of authorized prefixes, never
// the ranges, so adding a range never changes how a number is read. A
// consecutive is taken to be written without leading zeros [model]: a
// reading that leaves a leading zero ("FE1" and "05" for "FE105") is used
// only when no other reading exists. When two readings remain the number is
// reported as ambiguous-prefix, never guessed.
//
// # Dates
//
// Issue dates compare as Colombian civil dates ([resolution.DateOf],
// docs/form-1876.md §3): an invoice issued at 23:59 Colombian time on the last
// valid day is valid, even though that instant is the next day in UTC.
//
// # Concurrency
//
// [NewChecker], [NewAuditor] and [ParseLang] keep no state and are safe
// for concurrent use. A [Checker] is immutable once built and safe for
// concurrent use. An [Auditor] accumulates what it is fed and is not:
// give each goroutine its own, or guard it with a mutex. The other types
// ([Result], [Finding], [Code], [Lang], [Options], [Report],
// [RangeReport], [Interval], [Duplicate], [LineError], [SplitError]) are
// plain data whose methods only read them, safe to share as long as
// nobody modifies them.
//
// # What it does not do
//
// It does not know which document type a number belongs to, nor the
// software or resolution number an invoice quotes (FAB05b, FAB05c): those
// are in the invoice XML, which package prefix reads. Prefixes match
// exactly, case included. Out-of-order detection needs the issue dates and
// then costs one more byte per number of a page that holds dated numbers
// (two when the page's dates span more than 254 days).
package validate
