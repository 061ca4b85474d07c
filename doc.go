// Package dianres reads DIAN numbering authorizations (formato 1876) and
// keeps Colombian invoice numbering legal. The module has three packages,
// used in this order:
//
//   - [github.com/dianres/dianres/resolution] parses a formato 1876 PDF into
//     a typed Resolution (number, issuer, ranges, validity).
//   - [github.com/dianres/dianres/validate] checks invoice numbers against
//     the resolution's ranges: in range, in validity, duplicates, gaps.
//   - [github.com/dianres/dianres/prefix] checks prefix rules and prefix
//     association against DIAN's GetNumberingRange answer and invoice XML.
//
// The example command examples/dianres wraps all three.
package dianres
