"""Family webservice-response-printout: the authorization AS RETURNED BY A WEB
SERVICE, printed: a pretty-printed XML or JSON payload in a MONOSPACED font
(Courier / Nimbus Mono PS / DejaVu Sans Mono / Noto Sans Mono), never wrapped,
one entry per range, running over as many pages as it needs (an entry may be
split between two pages). Four payload formats (each producer gets three):

- soap: DIAN's GetNumberingRange answer in a SOAP 1.2 envelope (docs §6):
  s:Header (a:Action, a:RelatesTo urn:uuid, u:Timestamp Created / Expires in
  UTC), s:Body / GetNumberingRangeResponse / GetNumberingRangeResult with
  OperationCode 100 and OperationDescription 'Acción completada OK.', a
  ResponseList of NumberRangeResponse entries (ResolutionNumber,
  ResolutionDate, Prefix, FromNumber, ToNumber, ValidDateFrom, ValidDateTo,
  TechnicalKey of 64 hex digits), each followed by the platform's own
  extension element (x:Modalidad codigo=, x:TipoSolicitud codigo=,
  x:VigenciaMeses). The namespace prefixes vary per document (b:/c:, a:/b:,
  ns2:/ns3:, d4p1:/d5p1:); start tags whose attributes do not fit go one
  attribute per line. ABOVE IT, the request envelope (wcf:accountCode = the
  taxpayer's NIT, wcf:accountCodeT = the PROVIDER's NIT or the taxpayer's own,
  wcf:softwareCode = a UUID), and above that a console header naming the
  taxpayer ('Contribuyente: <name> - NIT 900123456-7', the name in DIAN's order).
- xml-es: an invoicing platform's own XML (default namespace urn:...,
  version / ambiente attributes): Estado codigo="100", Emisor (Nit with a dv
  attribute, or NumeroIdentificacion + DigitoVerificacion; RazonSocial or
  PrimerApellido / SegundoApellido / PrimerNombre / OtrosNombres),
  Resolucion / NumeroResolucion / FechaResolucion / Rangos cantidad= / Rango
  id= (an internal id) with Modalidad codigo=, Prefijo, RangoDesde, RangoHasta,
  ConsecutivoActual (a number inside the range), FechaVigenciaDesde,
  FechaVigenciaHasta, VigenciaMeses, TipoSolicitud codigo=, ClaveTecnica; then
  Software id= (UUID), ProveedorTecnologico nit= dv= and FechaConsulta.
- json-en: {"statusCode": 100, "requestId", "issuer": {nit, dv, name | firstName,
  otherNames, firstSurname, secondSurname, displayName (GIVEN NAMES FIRST)},
  "softwareId", "provider": {nit, checkDigit, name}, "resolution": {"number",
  "date", "ranges": [{"id", "documentType": {code, name}, "prefix", "from",
  "to", "current", "validDateFrom", "validDateTo", "validityMonths",
  "requestType": {code, name}, "technicalKey"}]}, "queriedAt" (UTC)}.
- json-es: {"codigo": "100", "mensaje", "contribuyente": {"nit" (sometimes
  '900123456-7' with the DV glued, then also "dv"), "razonSocial" | name
  parts, "nombreCompleto" given names first}, "resolucion": {"numero", "fecha",
  "rangos": [{"modalidad", "codigoModalidad", "prefijo", "desde", "hasta",
  "siguienteConsecutivo", "vigenciaDesde", "vigenciaHasta", "meses",
  "tipoSolicitud", "codigoSolicitud", "claveTecnica"}]}, "idSoftware",
  "proveedor": {...}, "fechaConsulta"}.

Frames: 'console' (the platform's integration console: its name, 'GET
/v2/...?accountCode=<NIT>&softwareCode=<uuid>' or 'POST .../GetNumberingRange',
'HTTP 200 OK · 312 ms', the query time, sometimes 'Resumen: N rangos, M
números autorizados' with M = the sum of the range sizes grouped with '.',
',', a space or nothing) or, for xml-es / json, 'browser' (the header line
Chromium prints: date, time and the URL with ?nit=..., Chromium's 'This XML
file does not appear to have any style information ...' line for XML). Every
page has a header line and a 'Página n de N' / 'n/N' footer.

Traps: OperationCode / statusCode 100, internal range ids, the current /
next consecutive, the 64-hex technical keys, software and request UUIDs, the
provider's NIT and DV (accountCodeT), the query time-stamp in UTC, the
displayName given-names-first, the NIT with its DV glued. Dates in the payload
ISO, ISO with T00:00:00 (and -05:00 or .000), dd/mm/aaaa or aaaa/mm/dd (json-es).
Syntax styles: plain, values bold, markup grey. Indent 2 or 4 (SOAP: 2).
Paper: Letter, A4, Legal, Letter landscape (not groff), A5 (JSON only).
Producers: Chromium (<pre>), groff (no-fill Courier), Ghostscript (PostScript),
mutool create."""
import datetime as dt
import json
import os

from common16 import (render_mono, mono_size, paginate, hexkey, uuid, other_nit, later_moment, grp, fmt_date16,
                      kind_name, kind_code, req_name, req_code, tweak_doc, tidy_prefixes, PAPERS16, PROVIDERS16,
                      PRODUCERS)

FAMILY = "webservice-response-printout"
FMTS = ["soap", "xml-es", "json-en", "json-es"]
NS_SETS = [("b", "c"), ("a", "b"), ("ns2", "ns3"), ("d4p1", "d5p1")]
KIND_ENUM = {"electronic-invoice": "Factura electrónica de venta", "paper": "Talonario o de papel",
             "computer": "Factura por computador", "pos": "Máquina registradora POS",
             "equivalent-document": "Documento equivalente electrónico", "support-document": "Documento soporte"}


def doc_params(rng, idx):
    return {"nranges": [1, 2, 3, 4, 5, 6][idx % 6] if idx < 6 else rng.choice([1, 2, 2, 3, 4, 5, 6]),
            "natural_prob": 0.4}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.15, other_req_prob=0.2)
    tidy_prefixes(d, rng)


# ------------------------------------------------------------------ XML
def X(tag, attrs=(), kids=None, text=None):
    return {"tag": tag, "attrs": list(attrs), "kids": kids or [], "text": text}


def xesc(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def xml_lines(node, ind, style, depth=0, limit=96):
    """pretty-printed lines (lists of runs); style plain | values | markup"""
    mk = "g" if style == "markup" else ""
    vs = "b" if style == "values" else ""
    pad = " " * (ind * depth)
    attrs = "".join(f' {k}="{xesc(v)}"' for k, v in node["attrs"])
    if len(pad) + len(node["tag"]) + len(attrs) + 2 > limit and node["attrs"]:
        out = [[(pad + "<" + node["tag"], mk)]]
        for i, (k, v) in enumerate(node["attrs"]):
            last = i == len(node["attrs"]) - 1
            end = (">" if (node["kids"] or node["text"] is not None) else "/>") if last else ""
            out.append([(pad + " " * (ind * 2) + f'{k}="', mk), (xesc(v), ""), ('"' + end, mk)])
        open_done = True
    else:
        out = []
        open_done = False
    if node["kids"]:
        if not open_done:
            out.append([(f"{pad}<{node['tag']}{attrs}>", mk)])
        for k in node["kids"]:
            out += xml_lines(k, ind, style, depth + 1, limit)
        out.append([(f"{pad}</{node['tag']}>", mk)])
    elif node["text"] is None or node["text"] == "":
        if not open_done:
            out.append([(f"{pad}<{node['tag']}{attrs}/>", mk)])
    else:
        if open_done:
            out.append([(pad + " " * ind, ""), (xesc(node["text"]), vs)])
            out.append([(f"{pad}</{node['tag']}>", mk)])
        else:
            out.append([(f"{pad}<{node['tag']}{attrs}>", mk), (xesc(node["text"]), vs), (f"</{node['tag']}>", mk)])
    return out


def xml_text(node, ind, decl):
    lines = xml_lines(node, ind, "plain")
    return (decl + "\n" if decl else "") + "\n".join("".join(t for t, _ in ln) for ln in lines) + "\n"


# ------------------------------------------------------------------ JSON
def json_lines(obj, ind, style, depth=0, key=None, last=True):
    ks = "g" if style == "markup" else ""
    vs = "b" if style == "values" else ""
    pad = " " * (ind * depth)
    comma = "" if last else ","
    head = [(pad, "")] + ([(json.dumps(key, ensure_ascii=False) + ": ", ks)] if key is not None else [])
    if isinstance(obj, dict):
        if not obj:
            return [head + [("{}" + comma, ks)]]
        out = [head + [("{", ks)]]
        items = list(obj.items())
        for i, (k, v) in enumerate(items):
            out += json_lines(v, ind, style, depth + 1, k, i == len(items) - 1)
        out.append([(pad + "}" + comma, ks)])
        return out
    if isinstance(obj, list):
        out = [head + [("[", ks)]]
        for i, v in enumerate(obj):
            out += json_lines(v, ind, style, depth + 1, None, i == len(obj) - 1)
        out.append([(pad + "]" + comma, ks)])
        return out
    return [head + [(json.dumps(obj, ensure_ascii=False), vs), (comma, ks)]]


# ------------------------------------------------------------------ payloads
def name_parts(d):
    return {"ap1": d.ap1, "ap2": d.ap2, "n1": d.n1, "n2": d.n2}


def given_first(d):
    return " ".join(x for x in [d.n1, d.n2, d.ap1, d.ap2] if x)


def soap_request(d, v, ns):
    return X("s:Envelope", [("xmlns:s", "http://www.w3.org/2003/05/soap-envelope"),
                            ("xmlns:wcf", "http://wcf.dian.colombia")], [
        X("s:Header", [("xmlns:a", "http://www.w3.org/2005/08/addressing")], [
            X("a:Action", text="http://wcf.dian.colombia/IWcfDianCustomerServices/GetNumberingRange"),
            X("a:MessageID", text="urn:uuid:" + v["message_id"]),
            X("a:To", text="https://vpfe.dian.gov.co/WcfDianCustomerServices.svc")]),
        X("s:Body", [], [X("wcf:GetNumberingRange", [], [
            X("wcf:accountCode", text=d.nit),
            X("wcf:accountCodeT", text=v["account_t"]),
            X("wcf:softwareCode", text=v["software_id"])])])])


def soap_response(d, v, ns, aux):
    b, c = ns
    entries = []
    for r, a in zip(d.ranges, aux):
        kids = [X(f"{c}:ResolutionNumber", text=d.number),
                X(f"{c}:ResolutionDate", text=fmt_date16(d.stamp.date(), v["date"])),
                X(f"{c}:Prefix", text=r.prefix),
                X(f"{c}:FromNumber", text=str(r.frm)),
                X(f"{c}:ToNumber", text=str(r.to)),
                X(f"{c}:ValidDateFrom", text=fmt_date16(r.valid_from, v["date"])),
                X(f"{c}:ValidDateTo", text=fmt_date16(r.valid_to, v["date"])),
                X(f"{c}:TechnicalKey", text=a["key"]),
                X("x:Complemento", [("xmlns:x", "urn:" + v["urn"] + ":dian:ext:v1")], [
                    X("x:Modalidad", [("codigo", str(kind_code(r.kind)))], text=kind_name(r.kind, v["case"])),
                    X("x:TipoSolicitud", [("codigo", str(req_code(r.request)))], text=req_name(r.request, v["case"])),
                    X("x:VigenciaMeses", text=str(r.months))])]
        entries.append(X(f"{c}:NumberRangeResponse", [], kids))
    return X("s:Envelope", [("xmlns:s", "http://www.w3.org/2003/05/soap-envelope"),
                            ("xmlns:a", "http://www.w3.org/2005/08/addressing"),
                            ("xmlns:u", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd")], [
        X("s:Header", [], [
            X("a:Action", [("s:mustUnderstand", "1")],
              text="http://wcf.dian.colombia/IWcfDianCustomerServices/GetNumberingRangeResponse"),
            X("o:Security", [("s:mustUnderstand", "1"),
                             ("xmlns:o", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd")], [
                X("u:Timestamp", [("u:Id", "_0")], [X("u:Created", text=v["created"]), X("u:Expires", text=v["expires"])])]),
            X("a:RelatesTo", text="urn:uuid:" + v["message_id"])]),
        X("s:Body", [], [X("GetNumberingRangeResponse", [("xmlns", "http://wcf.dian.colombia")], [
            X("GetNumberingRangeResult", [(f"xmlns:{b}", "http://schemas.datacontract.org/2004/07/NumberRangeResponseList"),
                                          ("xmlns:i", "http://www.w3.org/2001/XMLSchema-instance")], [
                X(f"{b}:OperationCode", text="100"),
                X(f"{b}:OperationDescription", text="Acción completada OK."),
                X(f"{b}:ResponseList", [(f"xmlns:{c}", "http://schemas.datacontract.org/2004/07/NumberRangeResponse")],
                  entries)])])])])


def xml_es(d, v, aux):
    if v["nit_style"] == "attr":
        ids = [X("Nit", [("dv", str(d.dv))], text=d.nit)]
    else:
        ids = [X("NumeroIdentificacion", [("tipo", "31")], text=d.nit), X("DigitoVerificacion", text=str(d.dv))]
    if d.natural:
        nm = [X("PrimerApellido", text=d.ap1), X("SegundoApellido", text=d.ap2), X("PrimerNombre", text=d.n1),
              X("OtrosNombres", text=d.n2)]
    else:
        nm = [X("RazonSocial", text=d.rs)]
    rangos = []
    for r, a in zip(d.ranges, aux):
        rangos.append(X("Rango", [("id", str(a["id"]))], [
            X("Modalidad", [("codigo", str(kind_code(r.kind)))], text=kind_name(r.kind, v["case"])),
            X("Prefijo", text=r.prefix),
            X("RangoDesde", text=str(r.frm)),
            X("RangoHasta", text=str(r.to)),
            X("ConsecutivoActual", text=str(a["current"])),
            X("FechaVigenciaDesde", text=fmt_date16(r.valid_from, v["date"])),
            X("FechaVigenciaHasta", text=fmt_date16(r.valid_to, v["date"])),
            X("VigenciaMeses", text=str(r.months)),
            X("TipoSolicitud", [("codigo", str(req_code(r.request)))], text=req_name(r.request, v["case"])),
            X("ClaveTecnica", text=a["key"])]))
    return X("RespuestaConsultaResolucion", [("xmlns", "urn:" + v["urn"] + ":facturacion:resoluciones:v2"),
                                             ("version", "2.1"), ("ambiente", "produccion")], [
        X("Estado", [("codigo", "100")], text="Procesado correctamente"),
        X("Emisor", [("tipoPersona", "natural" if d.natural else "juridica")], ids + nm),
        X("Resolucion", [], [
            X("NumeroResolucion", text=d.number),
            X("FechaResolucion", text=fmt_date16(d.stamp.date(), v["date"])),
            X("Formulario", [("modelo", "1876")]),
            X("Rangos", [("cantidad", str(len(d.ranges)))], rangos)]),
        X("Software", [("id", v["software_id"]), ("pin", "*****")]),
        X("ProveedorTecnologico", [("nit", v["prov_nit"]), ("dv", str(v["prov_dv"]))], text=v["prov_name"]),
        X("FechaConsulta", text=v["queried_local"])])


def json_en(d, v, aux):
    if d.natural:
        issuer = {"nit": d.nit, "dv": str(d.dv), "personType": "natural", "firstName": d.n1, "otherNames": d.n2,
                  "firstSurname": d.ap1, "secondSurname": d.ap2}
        if v["display"]:
            issuer["displayName"] = given_first(d)
    else:
        issuer = {"nit": d.nit, "dv": str(d.dv), "personType": "legal", "name": d.rs}
    rng_ = []
    for r, a in zip(d.ranges, aux):
        rng_.append({"id": a["id"], "documentType": {"code": kind_code(r.kind), "name": kind_name(r.kind, v["case"])},
                     "prefix": r.prefix, "from": r.frm, "to": r.to, "current": a["current"],
                     "validDateFrom": fmt_date16(r.valid_from, v["date"]),
                     "validDateTo": fmt_date16(r.valid_to, v["date"]), "validityMonths": r.months,
                     "requestType": {"code": req_code(r.request), "name": req_name(r.request, v["case"])},
                     "technicalKey": a["key"]})
    return {"statusCode": 100, "statusMessage": "Acción completada OK.", "environment": "production",
            "requestId": v["message_id"], "issuer": issuer, "softwareId": v["software_id"],
            "provider": {"nit": v["prov_nit"], "checkDigit": str(v["prov_dv"]), "name": v["prov_name"]},
            "resolution": {"number": d.number if v["num_str"] else int(d.number),
                           "date": fmt_date16(d.stamp.date(), v["date"]), "ranges": rng_},
            "queriedAt": v["queried_utc"]}


def json_es(d, v, aux):
    if v["nit_style"] == "glued":
        ct = {"nit": f"{d.nit}-{d.dv}", "dv": d.dv}
    else:
        ct = {"nit": d.nit, "dv": d.dv}
    if d.natural:
        ct.update({"primerApellido": d.ap1, "segundoApellido": d.ap2, "primerNombre": d.n1, "otrosNombres": d.n2})
        if v["display"]:
            ct["nombreCompleto"] = given_first(d)
    else:
        ct["razonSocial"] = d.rs
    rangos = []
    for r, a in zip(d.ranges, aux):
        rangos.append({"modalidad": kind_name(r.kind, v["case"]), "codigoModalidad": kind_code(r.kind),
                       "prefijo": r.prefix, "desde": r.frm, "hasta": r.to, "siguienteConsecutivo": a["current"],
                       "vigenciaDesde": fmt_date16(r.valid_from, v["date"]),
                       "vigenciaHasta": fmt_date16(r.valid_to, v["date"]), "meses": r.months,
                       "tipoSolicitud": req_name(r.request, v["case"]), "codigoSolicitud": req_code(r.request),
                       "claveTecnica": a["key"]})
    return {"codigo": "100", "mensaje": "Consulta exitosa", "contribuyente": ct,
            "resolucion": {"numero": d.number, "fecha": fmt_date16(d.stamp.date(), v["date"]), "rangos": rangos},
            "idSoftware": v["software_id"],
            "proveedor": {"nit": v["prov_nit"], "dv": v["prov_dv"], "nombre": v["prov_name"]},
            "fechaConsulta": v["queried_local"]}


# ------------------------------------------------------------------ render
def render(d, rng, idx, tmp, btmp):
    producer = PRODUCERS[idx % 4]
    fmt = FMTS[(idx + idx // 4) % 4]
    papers = ["Letter", "A4", "Legal"] + (["LetterL"] if producer != "groff" else []) + \
             (["A5"] if fmt.startswith("json") else [])
    prov_name, platform, host, urn = rng.choice(PROVIDERS16)
    pn, pdv = other_nit(rng, {d.nit})
    q = later_moment(d, rng)
    qutc = q + dt.timedelta(hours=5)
    v = {
        "fmt": fmt,
        "frame": "browser" if idx in (2, 4, 9, 11) else "console",
        "summary": rng.random() < 0.5,
        "sep": rng.choice([".", ",", " ", ""]),
        "style": rng.choice(["plain", "values", "markup"]),
        "indent": 2 if fmt == "soap" else rng.choice([2, 4]),
        "paper": rng.choice(papers),
        "face": {"chromium": rng.choice(["nimbus", "dejavu", "noto"])}.get(producer, "courier"),
        "date": (rng.choice(["iso", "iso", "iso-t", "iso-tz"]) if fmt != "json-es"
                 else rng.choice(["iso", "slash", "ymd", "iso-z0"])),
        "case": rng.choice(["upper", "upper", "title", "noacc"]),
        "ns": list(rng.choice(NS_SETS)),
        "own_software": rng.random() < 0.3,
        "nit_style": rng.choice(["attr", "split"]) if fmt == "xml-es" else rng.choice(["plain", "glued"]),
        "display": rng.random() < 0.7,
        "num_str": rng.random() < 0.6,
        "keys_upper": rng.random() < 0.3,
        "footer": rng.choice(["Página {p} de {n}", "{p}/{n}", "Pág. {p}/{n}"]),
        "software_id": uuid(rng), "message_id": uuid(rng),
        "prov_name": prov_name, "prov_nit": pn, "prov_dv": pdv, "platform": platform,
        "urn": urn,
        "queried_local": q.strftime("%Y-%m-%dT%H:%M:%S") + "-05:00",
        "queried_utc": qutc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randrange(1000):03d}Z",
        "created": qutc.strftime("%Y-%m-%dT%H:%M:%S.") + "118Z",
        "expires": (qutc + dt.timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%S.") + "118Z",
    }
    v["account_t"] = d.nit if v["own_software"] else pn
    aux = []
    for r in d.ranges:
        span = r.to - r.frm
        cur = r.frm + (rng.randrange(1, span) if span > 2 else 0)
        aux.append({"id": rng.randrange(10000, 99999), "key": hexkey(rng, 64, v["keys_upper"]), "current": cur})
    v["keys"] = [a["key"] for a in aux]
    v["currents"] = [a["current"] for a in aux]
    ind = v["indent"]

    # payload
    if fmt == "soap":
        req = soap_request(d, v, v["ns"])
        resp = soap_response(d, v, v["ns"], aux)
        payload_lines = xml_lines(resp, ind, v["style"])
        req_lines = xml_lines(req, ind, v["style"])
        text = xml_text(resp, ind, "")
        ext = "xml"
    elif fmt == "xml-es":
        node = xml_es(d, v, aux)
        decl = '<?xml version="1.0" encoding="UTF-8"?>'
        payload_lines = [[(decl, "g" if v["style"] == "markup" else "")]] + xml_lines(node, ind, v["style"])
        req_lines = []
        text = xml_text(node, ind, decl)
        ext = "xml"
    else:
        obj = json_en(d, v, aux) if fmt == "json-en" else json_es(d, v, aux)
        payload_lines = json_lines(obj, ind, v["style"])
        req_lines = []
        text = json.dumps(obj, ensure_ascii=False, indent=ind) + "\n"
        ext = "json"
    with open(btmp + ".payload." + ext, "w", encoding="utf-8") as f:
        f.write(text)
    v["payload"] = os.path.basename(btmp) + ".payload." + ext

    # frame
    top = []
    base = host
    if fmt == "soap":
        path = "POST https://" + base + "/dian/v1/GetNumberingRange"
    elif fmt == "json-en":
        path = f"GET https://{base}/v2/numbering-ranges?accountCode={d.nit}&softwareCode={v['software_id']}"
    else:
        path = f"GET https://{base}/api/resoluciones/{d.number}?nit={d.nit}"
    if v["frame"] == "console":
        top.append([(f"{platform} · Consola de integración · Ambiente: Producción", "b")])
        top.append([("Contribuyente: ", ""), (d.name, "b"), (f" - NIT {d.nit}-{d.dv}", "")])
        top.append([(f"Proveedor tecnológico: {prov_name} - NIT {pn}-{pdv}", "")])
        top.append([(path, "")])
        top.append([(f"HTTP 200 OK · {rng.randrange(90, 900)} ms · consultado {q.strftime('%Y-%m-%d %H:%M:%S')} (hora local)", "")])
        if v["summary"]:
            total = sum(r.to - r.frm + 1 for r in d.ranges)
            top.append([(f"Resumen: {len(d.ranges)} rango(s), {grp(total, v['sep'])} números autorizados en total", "")])
            v["total"] = total
        top.append([("", "")])
        if req_lines:
            top.append([("--- Solicitud " + "-" * 30, "g")])
            top += req_lines
            top.append([("", "")])
            top.append([("--- Respuesta " + "-" * 30, "g")])
        else:
            top.append([("Respuesta:", "b")])
        header = f"{platform} - {d.nit} - {q.strftime('%d/%m/%Y %H:%M')}"
    else:
        if ext == "xml":
            top.append([("This XML file does not appear to have any style information associated with it. "
                         "The document tree is shown below.", "")])
            top.append([("", "")])
        header = f"{q.strftime('%d/%m/%y, %H:%M')}  {path[4:]}"
        v["summary"] = False
    lines = top + payload_lines
    margin = 36
    maxlen = max(sum(len(t) for t, _ in ln) for ln in lines)
    for paper in [v["paper"], "Letter", "Legal" if producer == "groff" else "LetterL"]:
        # lines too long for the paper even at 5.6 pt: a wider paper
        W, H = PAPERS16[paper]
        if mono_size(maxlen, W - 2 * margin - 2, v["face"], floor=0) >= 5.6:
            break
    v["paper"] = paper
    size = mono_size(maxlen, W - 2 * margin - 2, v["face"])
    if len(header) * size * 0.6 > W - 2 * margin:
        header = header[: int((W - 2 * margin) / (size * 0.6)) - 2]
    v["size"] = size
    per = int((H - 2 * margin - size - 24) / (size * 1.22))
    pages = paginate(lines, per)
    v["pages"] = len(pages)
    render_mono(producer, pages, v["paper"], size, v["face"], tmp + ".pdf", btmp,
                header=lambda p, n: header,
                footer=lambda p, n: v["footer"].format(p=p, n=n))
    v["header"] = header
    return producer, v
