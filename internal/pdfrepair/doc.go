// Package pdfrepair decides whether github.com/ledongthuc/pdf can read a
// PDF as it is, and rewrites the ones it cannot into a plain PDF 1.7 it
// can, reading what poppler and MuPDF read.
//
// The text layer calls [Check] on every file, before the reader sees it;
// it is cheap (well under 5% of a full parse: it reads the xref chain and
// the start of each object, not page content). When Check fails, the text
// layer calls [Rewrite] and hands the result to the reader instead.
//
// # What Rewrite reads
//
// Rewrite follows PDF 32000-1 (PDF 1.7) and ISO 32000-2 (PDF 2.0) where
// files do, and what viewers tolerate where they do not:
//
//   - the header anywhere in the first 1024 bytes, with xref offsets
//     counted from byte 0 or from the header; any version, 2.0 included;
//     junk, NULs and extra %%EOF markers after the end;
//   - classic xref tables, xref streams (/W, /Index), hybrid files
//     (/XRefStm), /Prev chains of incremental updates (cycles are cut),
//     object streams (/Extends is never followed, so its cycles are
//     harmless), linearized files;
//   - a missing, stale or unreadable xref: the file is scanned for
//     "N G obj" as poppler and MuPDF do, the last definition winning; the
//     trailer comes from the last "trailer" dictionaries and xref stream
//     dictionaries, or /Root from the last /Type /Catalog object; a file
//     cut before its catalog (an interrupted download) gets a new catalog
//     over the /Type /Page objects found, and one cut before its trailer
//     keeps its encryption dictionary, found by its /Filter /Standard;
//   - a stream /Length that does not land on "endstream": the data runs
//     to the next "endstream";
//   - a damaged page tree: nodes met twice (cycles) and kids that are not
//     pages are dropped, /Count is recounted and /Type set, since
//     ledongthuc/pdf navigates by them;
//   - the standard security handler: RC4 40 to 128 bits (V1, V2, R2, R3),
//     crypt filters /V2, /AESV2 and /Identity (V4, R4, /EncryptMetadata
//     false included), AES-256 (V5, R5 and R6 with hash algorithm 2.B),
//     opened with the user or the owner password;
//   - filters FlateDecode (a truncated or corrupt stream keeps what
//     decoded; raw deflate without the zlib header is accepted),
//     LZWDecode (/EarlyChange), ASCIIHexDecode, ASCII85Decode,
//     RunLengthDecode, filter arrays, PNG predictors 10 to 15 and TIFF
//     predictor 2.
//
// The output has a classic xref table, objects numbered 1..N in the
// order they are reached from /Root and /Info (so unreachable objects are
// dropped), no encryption, no object or xref streams, and every stream
// decoded, except image codecs (DCTDecode, JPXDecode, CCITTFaxDecode,
// JBIG2Decode) and unknown filters, whose streams become empty: the text
// layer never reads them. Strings are written in hex.
//
// # Limits
//
// Nothing is allocated by a number read from the file: objects live in
// maps, counts are bounded by the bytes that hold them, and decoding stops
// at [Limits].MaxStreamBytes for one stream and MaxTotalBytes for all,
// returning a [*LimitError] (a 1 GiB flate bomb stops after 32 MiB, in
// about 0.1 s). Bytes parsed count against MaxTotalBytes too, so a
// hostile file whose objects overlap cannot cost its size squared. The
// parser recurses once per nesting level of arrays and dictionaries and
// stops at MaxDepth.
//
// # Errors
//
// Check's error wraps [ErrUnsupported] (a valid file the reader mishandles),
// [ErrMalformed], [ErrLimit] or [ErrPassword]. Rewrite repairs rather than reports
// damage: an object it cannot parse reads as null, as in viewers. It fails
// only with [ErrPassword], [ErrLimit], or ErrMalformed when no document
// catalog exists at all. Every error is an [*Error] that says where
// (object number, byte offset).
//
// # Divergences
//
//   - Passwords are used as given: no SASLprep for AES-256, no conversion
//     to PDFDocEncoding for RC4 and AES-128.
//   - Public-key security handlers and unknown crypt filter methods are
//     not supported.
//   - A stream whose /Filter is /Crypt with a named crypt filter other
//     than /Identity is decrypted with the default stream method.
//   - Check never decodes page content: nesting inside content streams
//     (the reader's content parser recurses too) is the text layer's to
//     bound.
//   - The rewrite drops objects not reachable from /Root or /Info, such as
//     the old versions an incremental update replaced.
//
// Check mirrors the reader's code at version
// v0.0.0-20260907135840-6c8c28e0e8a0: its 10-byte header test, its look at
// the last 100 bytes, its xref reading (tables and streams never mixed in
// one /Prev chain, /XRefStm ignored), its trust in stream /Length, its
// predictor 12 with /Columns-sized buffers, its page lookup by /Count
// (which loops forever on a page tree cycle), and its decryption, which derives
// the per-object RC4 key from all 16 bytes of the MD5 hash instead of
// n+5, takes 5 bytes of file key at R2 whatever /Length says, and sizes a
// V4 key by the top-level /Length: only V2 R3 128-bit RC4 and V4 R4
// AESV2 with /Length 128 decrypt correctly there, and anything else
// reads as garbage with no error.
package pdfrepair
