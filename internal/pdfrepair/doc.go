// Package pdfrepair is the PDF object reader under the text layer: it
// reads the cross-reference data (rebuilding it when it is missing or
// stale), object streams, the standard security handler and the stream
// filters, and serves objects as [Value]s through a [Reader]. It reads
// what poppler and MuPDF read; nothing else in the module parses PDF
// objects.
//
// [Open] parses the xref and nothing else; an object is parsed when it is
// first reached and kept for the life of the Reader, and a stream is
// decoded only when [Value.Decode] is called, into the caller's buffer,
// with zlib and flate readers reused across calls and documents. Font
// programs and images are never decoded because nobody asks.
//
// [Rewrite] writes the same objects out as a plain PDF 1.7 (no
// encryption, no object streams, every non-image stream decoded). The
// text layer no longer needs it; it remains as a normaliser, and as the
// floor of internal/pdftext/bench for files other readers cannot open.
//
// # What is read
//
// Open and Rewrite follow PDF 32000-1 (PDF 1.7) and ISO 32000-2 (PDF 2.0) where
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
//   - a damaged page tree ([Reader.RepairPageTree], and always in
//     Rewrite): nodes met twice (cycles) and kids that are not pages are
//     dropped, /Count is recounted and /Type set;
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
// Rewrite's output has a classic xref table, objects numbered 1..N in the
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
// Open and Rewrite repair rather than report damage: an object that
// cannot be parsed reads as null, as in viewers. They fail only with
// [ErrPassword], [ErrLimit], or ErrMalformed when no document catalog
// exists at all. A limit met while resolving a reference later makes the
// reference read as null and is kept in [Reader.Err]. Every error is an
// [*Error] that says where (object number, byte offset).
//
// # Divergences
//
//   - Passwords are used as given: no SASLprep for AES-256, no conversion
//     to PDFDocEncoding for RC4 and AES-128.
//   - AES-256 tries the user key first and accepts it when /Perms
//     decrypts to "adb" (Algorithm 13) without checking /U's hash: half
//     the deliberately slow key derivation. A wrong password passes that
//     test with probability 2^-24 and then reads as noise.
//   - Public-key security handlers and unknown crypt filter methods are
//     not supported.
//   - A stream whose /Filter is /Crypt with a named crypt filter other
//     than /Identity is decrypted with the default stream method.
//   - Content streams are not this package's to parse: the text layer
//     lexes them and bounds their nesting.
//   - An xref entry naming another generation than the object at its
//     offset still finds the object, by number.
//   - The rewrite drops objects not reachable from /Root or /Info, such as
//     the old versions an incremental update replaced.
package pdfrepair
