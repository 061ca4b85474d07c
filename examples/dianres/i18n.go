package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"syscall"

	"github.com/dianres/dianres/prefix"
	"github.com/dianres/dianres/resolution"
	"github.com/dianres/dianres/validate"
)

// lang is the language of every message, hint and help text.
type lang uint8

const (
	english lang = iota
	spanish
)

// t returns en or es.
func (l lang) t(en, es string) string {
	if l == spanish {
		return es
	}
	return en
}

func (l lang) validate() validate.Lang {
	if l == spanish {
		return validate.Spanish
	}
	return validate.English
}

// problem is an error as the CLI shows it: a stable code, one line in
// the user's language, a hint on its own line, and the lower layers'
// technical detail (JSON only).
type problem struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
	Detail  string `json:"detail,omitempty"`
}

// Error codes of the output contract.
const (
	codeUnreadable    = "unreadable-file"  // the file could not be read: not found, permission, a directory
	codeMalformed     = "malformed-pdf"    // a damaged PDF
	codeEncrypted     = "encrypted"        // a password is needed and none was given
	codeWrongPassword = "wrong-password"   // the password given does not open it
	codeNoText        = "no-text"          // a scan, or fonts without Unicode
	codeNotResolution = "not-a-resolution" // a PDF with text, but not a formato 1876
	codeIncomplete    = "incomplete"       // a 1876 with fields missing or unreadable
	codeLimit         = codeMalformed      // the input exceeds a limit: the documented contract keeps malformed-pdf; message and hint name --max-size or --max-pages
	codeBadJSON       = "bad-json"         // --resolution JSON that is not a parse --json line
	codeBadXML        = "bad-xml"          // the XML could not be read
	codeDIANError     = "dian-error"       // DIAN's answer is an error (OperationCode other than 100)
	codeBadRanges     = "bad-ranges"       // ranges that cannot be checked (from above to)
	codeCanceled      = "canceled"         // interrupted
)

// internalPrefix matches the package names lower layers put in their
// messages; users never see them.
var internalPrefix = regexp.MustCompile(`\b(pdftext|pdfrepair|pdfsyntax|form|resolution|prefix|validate|malformed PDF|pdf): `)

func cleanDetail(s string) string {
	return strings.TrimSpace(internalPrefix.ReplaceAllString(s, ""))
}

// describe turns any error of the library into a problem. subject names
// the input ("sample.pdf"); it starts the message when not empty.
func describe(err error, l lang) problem {
	var (
		pe      *resolution.ParseError
		xe      *prefix.ParseError
		oe      *prefix.OperationError
		pathErr *fs.PathError
		je      *jsonError
		le      *resultError
	)
	switch {
	case errors.As(err, &le):
		return le.p
	case errors.As(err, &je):
		return problem{Code: codeBadJSON,
			Message: l.t("not a formato 1876 PDF nor a line of 'dianres parse --json'", "no es un PDF del formato 1876 ni una línea de 'dianres parse --json'"),
			Hint:    l.t("Pass the PDF, or save the output of 'dianres parse --json FILE.pdf' and pass that.", "Pase el PDF, o guarde la salida de 'dianres parse --json ARCHIVO.pdf' y pase esa."),
			Detail:  cleanDetail(je.err.Error())}
	case errors.As(err, &pe):
		return describeParse(pe, l)
	case errors.As(err, &oe):
		return problem{Code: codeDIANError,
			Message: fmt.Sprintf(l.t("DIAN answered with error %s: %s", "la DIAN respondió con el error %s: %s"), oe.Code, oe.Description),
			Hint:    l.t("DIAN sent no ranges; check the NIT, the software ID and the certificate of the request.", "La DIAN no envió rangos; revise el NIT, el identificador del software y el certificado de la consulta.")}
	case errors.As(err, &xe):
		return describeXML(xe, l)
	case errors.Is(err, validate.ErrBadRange):
		return problem{Code: codeBadRanges, Message: l.t("the resolution holds a range that cannot be checked", "la resolución tiene un rango que no se puede verificar"),
			Detail: cleanDetail(err.Error())}
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return problem{Code: codeCanceled, Message: l.t("interrupted", "interrumpido")}
	case errors.As(err, &pathErr) || !errors.As(err, &pe):
		return describeIO(err, l)
	}
	return problem{Code: codeMalformed, Message: cleanDetail(err.Error())}
}

func describeIO(err error, l lang) problem {
	p := problem{Code: codeUnreadable, Hint: l.t("Check the path and that the file can be read.", "Revise la ruta y que el archivo se pueda leer.")}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		p.Message = l.t("file not found", "el archivo no existe")
	case errors.Is(err, fs.ErrPermission):
		p.Message = l.t("permission denied: the file cannot be read", "sin permiso para leer el archivo")
		p.Hint = l.t("Ask for read access, or copy the file somewhere you can read it.", "Pida permiso de lectura, o copie el archivo a una carpeta donde pueda leerlo.")
	case errors.Is(err, syscall.EISDIR):
		p.Message = l.t("it is a folder, not a file", "es una carpeta, no un archivo")
		p.Hint = l.t("Give a file; 'dianres parse' also takes a folder and reads its PDFs.", "Indique un archivo; 'dianres parse' también recibe una carpeta y lee sus PDF.")
	default:
		var pathErr *fs.PathError
		if errors.As(err, &pathErr) {
			err = pathErr.Err
		}
		p.Message = l.t("the file could not be read", "no se pudo leer el archivo")
		p.Detail = cleanDetail(err.Error())
	}
	return p
}

// describeParse renders a resolution.ParseError; the order of the cases
// puts the narrower sentinels first.
func describeParse(pe *resolution.ParseError, l lang) problem {
	p := problem{Detail: cleanDetail(pe.Detail)}
	switch {
	case errors.Is(pe, resolution.ErrNotPDF):
		p.Code = codeMalformed // the corpus contract: one code for every file that cannot be read as a PDF; the message says "not a PDF"
		p.Message = l.t("this file is not a PDF", "este archivo no es un PDF")
		if pe.Detail == "the file is empty" {
			p.Message = l.t("the file is empty, not a PDF", "el archivo está vacío, no es un PDF")
		}
		p.Detail = ""
		p.Hint = l.t("Ask the customer for the formato 1876 PDF as downloaded from DIAN's MUISCA portal.",
			"Pídale al cliente el PDF del formato 1876 tal como lo descargó del portal MUISCA de la DIAN.")
	case errors.Is(pe, resolution.ErrMalformedPDF):
		p.Code = codeMalformed
		p.Message = l.t("the PDF is damaged and could not be read", "el PDF está dañado y no se pudo leer")
		p.Hint = l.t("Ask for a fresh download from DIAN's MUISCA portal.", "Pida que lo descarguen de nuevo del portal MUISCA de la DIAN.")
	case errors.Is(pe, resolution.ErrWrongPassword):
		p.Code = codeWrongPassword
		p.Message = l.t("the password does not open this PDF", "la contraseña no abre este PDF")
		p.Hint = l.t("Check the password with the customer (capital letters count).", "Confirme la contraseña con el cliente (las mayúsculas cuentan).")
	case errors.Is(pe, resolution.ErrEncrypted):
		p.Code = codeEncrypted
		p.Message = l.t("the PDF is protected with a password", "el PDF está protegido con contraseña")
		p.Hint = l.t("Give it with --password or DIANRES_PASSWORD, or ask the customer for an unprotected copy.",
			"Indíquela con --password o DIANRES_PASSWORD, o pídale al cliente una copia sin clave.")
	case errors.Is(pe, resolution.ErrNoText):
		p.Code = codeNoText
		p.Message = l.t("the PDF has no readable text (a scan or a photo, or fonts without a character map)",
			"el PDF no tiene texto legible (es un escaneo o una foto, o sus fuentes no tienen mapa de caracteres)")
		p.Hint = l.t("Download the original from DIAN's MUISCA portal; scans cannot be read.",
			"Descargue el original del portal MUISCA de la DIAN; los escaneos no se pueden leer.")
	case errors.Is(pe, resolution.ErrNotForm1876):
		p.Code = codeNotResolution
		p.Message = l.t("this PDF is not a DIAN numbering authorization (formato 1876)",
			"este PDF no es una autorización de numeración de la DIAN (formato 1876)")
		p.Hint = l.t("Check the file the customer sent: it may be an invoice or another DIAN form.",
			"Revise el archivo que envió el cliente: puede ser una factura u otro formulario de la DIAN.")
	case errors.Is(pe, resolution.ErrIncomplete):
		p.Code = codeIncomplete
		names := make([]string, len(pe.Missing))
		for i, m := range pe.Missing {
			names[i] = fieldName(m, l)
		}
		p.Message = fmt.Sprintf(l.t("fields of the form could not be read: %s", "no se pudieron leer estos campos del formulario: %s"), strings.Join(names, ", "))
		p.Hint = l.t("Type the missing fields by hand from the PDF, and report the file.",
			"Digite a mano los campos que faltan, tomándolos del PDF, y reporte el archivo.")
	case errors.Is(pe, resolution.ErrBadValue):
		p.Code = codeIncomplete
		p.Message = fmt.Sprintf(l.t("%s: value %q could not be read", "%s: no se pudo leer el valor %q"), where(pe, l), pe.Text)
		p.Hint = l.t("Type that field by hand from the PDF, and report the file.",
			"Digite ese campo a mano, tomándolo del PDF, y reporte el archivo.")
	case errors.Is(pe, resolution.ErrLimit):
		p.Code = codeLimit
		p.Detail = "Options." + pe.Limit
		switch pe.Limit {
		case "MaxSize":
			p.Message = l.t("the file is larger than the size limit (--max-size, 20 MiB by default)", "el archivo supera el tamaño máximo (--max-size, 20 MiB por defecto)")
			p.Hint = l.t("If the file is trusted, raise the limit with --max-size (e.g. --max-size 50MiB).",
				"Si el archivo es de confianza, suba el límite con --max-size (por ejemplo --max-size 50MiB).")
		case "MaxPages":
			p.Message = l.t("the PDF has more pages than the limit (--max-pages, 10 by default)", "el PDF tiene más páginas que el límite (--max-pages, 10 por defecto)")
			p.Hint = l.t("If the file is trusted, raise the limit with --max-pages.", "Si el archivo es de confianza, suba el límite con --max-pages.")
		default:
			p.Message = fmt.Sprintf(l.t("the PDF exceeds the internal limit %s, a sign of a damaged or hostile file",
				"el PDF supera el límite interno %s, señal de un archivo dañado o malicioso"), pe.Limit)
			p.Hint = l.t("A formato 1876 never gets near this limit; report the file.", "Un formato 1876 nunca llega a este límite; reporte el archivo.")
		}
	default:
		p.Code = codeMalformed
		p.Message = cleanDetail(pe.Error())
	}
	return p
}

// where writes "page 2, box 33 «Hasta el número»".
func where(pe *resolution.ParseError, l lang) string {
	var parts []string
	if pe.Page > 0 {
		parts = append(parts, fmt.Sprintf(l.t("page %d", "página %d"), pe.Page))
	}
	if pe.Box > 0 {
		parts = append(parts, fmt.Sprintf(l.t("box %d", "casilla %d"), pe.Box))
	}
	s := strings.Join(parts, ", ")
	if pe.Label != "" {
		s = strings.TrimSpace(s + " «" + pe.Label + "»")
	}
	if s == "" {
		s = l.t("a field", "un campo")
	}
	return s
}

func describeXML(xe *prefix.ParseError, l lang) problem {
	p := problem{Code: codeBadXML, Detail: cleanDetail(xe.Detail)}
	loc := ""
	if xe.Line > 0 {
		loc = fmt.Sprintf(l.t("line %d: ", "línea %d: "), xe.Line)
	}
	if xe.Element != "" {
		loc += "<" + xe.Element + ">: "
	}
	switch {
	case errors.Is(xe, prefix.ErrMalformedXML):
		p.Message = loc + l.t("not well-formed XML", "no es un XML bien formado")
	case errors.Is(xe, prefix.ErrDoctype):
		p.Message = loc + l.t("the XML declares a DOCTYPE, which is refused", "el XML declara un DOCTYPE, que se rechaza")
	case errors.Is(xe, prefix.ErrNotRanges):
		p.Message = l.t("this XML is not DIAN's GetNumberingRange answer", "este XML no es la respuesta GetNumberingRange de la DIAN")
	case errors.Is(xe, prefix.ErrNotInvoice):
		p.Message = l.t("this XML is not a UBL invoice, note or support document", "este XML no es una factura, nota o documento soporte UBL")
	case errors.Is(xe, prefix.ErrMissing):
		p.Message = loc + l.t("a required element is missing", "falta un elemento obligatorio")
	case errors.Is(xe, prefix.ErrBadValue):
		p.Message = fmt.Sprintf(l.t("%svalue %q could not be read", "%sno se pudo leer el valor %q"), loc, xe.Text)
	case errors.Is(xe, prefix.ErrLimit):
		p.Message = fmt.Sprintf(l.t("the XML exceeds the limit %s", "el XML supera el límite %s"), xe.Limit)
	default:
		p.Message = cleanDetail(xe.Error())
	}
	p.Hint = l.t("Check that the file is the one DIAN sent, unchanged.", "Verifique que el archivo sea el que envió la DIAN, sin cambios.")
	return p
}

// warningJSON is a resolution warning as the CLI prints it, with its
// message in the user's language.
type warningJSON struct {
	Code    resolution.WarningCode `json:"code"`
	Page    int                    `json:"page,omitzero"`
	Box     int                    `json:"box,omitzero"`
	Message string                 `json:"message"`
}

var warningES = map[resolution.WarningCode]string{
	resolution.WarnCheckDigit:   "el DV no corresponde al NIT (módulo 11 de la DIAN)",
	resolution.WarnFormNumber:   "el número no tiene la forma de un número de formulario 1876",
	resolution.WarnPrefix:       "el prefijo no cumple las reglas de la DIAN (hasta 4 letras o dígitos)",
	resolution.WarnMonths:       "la vigencia está fuera de 1 a 24 meses",
	resolution.WarnKindCode:     "el código impreso de la modalidad no corresponde a su nombre",
	resolution.WarnValidTo:      "la fecha final impresa no coincide con la inicial más los meses de vigencia",
	resolution.WarnUndecodable:  "parte del texto no se pudo decodificar; compare los valores con el PDF",
	resolution.WarnInconsistent: "dos lecturas del mismo dato no coinciden",
}

// warningsJSON renders res's warnings; never nil.
func warningsJSON(res *resolution.Resolution, l lang) []warningJSON {
	out := make([]warningJSON, 0, len(res.Warnings))
	for _, w := range res.Warnings {
		msg := w.Message
		if es, ok := warningES[w.Code]; ok && l == spanish {
			msg = es
			if w.Code == resolution.WarnCheckDigit {
				msg = fmt.Sprintf("el DV %s no corresponde al NIT %s (debería ser %s, módulo 11 de la DIAN)", res.DV, res.NIT, resolution.CheckDigit(res.NIT))
			}
		}
		out = append(out, warningJSON{Code: w.Code, Page: w.Page, Box: w.Box, Message: msg})
	}
	return out
}

// fieldName says which field of the form a JSON name ("nit",
// "ranges[1].from") is, as a support person finds it on the PDF: its name
// and its box ("casilla").
func fieldName(json string, l lang) string {
	row := ""
	if strings.HasPrefix(json, "ranges[") {
		if i := strings.Index(json, "]"); i > 0 {
			n, err := strconv.Atoi(json[len("ranges["):i])
			if err == nil {
				row = fmt.Sprintf(l.t("range %d: ", "rango %d: "), n+1)
			}
			json = strings.TrimPrefix(json[i+1:], ".")
		}
	}
	names := map[string][2]string{
		"number":     {"form number (box 4)", "número de formulario (casilla 4)"},
		"nit":        {"NIT (box 5)", "NIT (casilla 5)"},
		"dv":         {"DV (box 6)", "DV (casilla 6)"},
		"name":       {"name (boxes 7–11)", "nombre o razón social (casillas 7 a 11)"},
		"valid_from": {"date of DIAN's stamp (Fecha Acuse de Recibo)", "fecha del sello de la DIAN (Fecha Acuse de Recibo)"},
		"ranges":     {"rows of the table of ranges (all or some)", "filas de la tabla de rangos (todas o algunas)"},
		"kind":       {"modality (box 30)", "modalidad (casilla 30)"},
		"prefix":     {"prefix (box 31)", "prefijo (casilla 31)"},
		"from":       {"from number (box 32)", "desde el número (casilla 32)"},
		"to":         {"to number (box 33)", "hasta el número (casilla 33)"},
		"months":     {"validity in months (box 38)", "vigencia en meses (casilla 38)"},
		"request":    {"request type", "tipo de solicitud"},
		"valid_to":   {"end of validity", "fin de la vigencia"},
		"":           {"the whole row", "toda la fila"},
	}
	if n, ok := names[json]; ok {
		return row + l.t(n[0], n[1])
	}
	return row + json
}
