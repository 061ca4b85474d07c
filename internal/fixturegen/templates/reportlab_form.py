"""Draw a formato 1876 with reportlab from a spec JSON written by genfixtures.

Usage: python3 reportlab_form.py SPEC.json OUT.pdf
reportlab embeds DejaVu Sans as its own TrueType subset (its natural
output), and uses Helvetica for the labels.
"""
import json
import math
import sys

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

spec = json.load(open(sys.argv[1], encoding="utf-8"))
pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
W, H = A4
c = canvas.Canvas(sys.argv[2], pagesize=A4, invariant=1)
c.setTitle("Formulario 1876")


def cell(x, top, w, label, value, h=30):
    c.setLineWidth(0.6)
    c.rect(x, H - top - h, w, h)
    c.setFont("Helvetica", 6)
    c.drawString(x + 3, H - top - 8, label)
    c.setFont("DejaVu", 9)
    c.drawString(x + 5, H - top - 24, value)


c.setFont("DejaVu", 26)
c.drawString(40, H - 72, "1876")
c.setFont("Helvetica-Bold", 12)
c.drawString(120, H - 50, "Autorización numeración de facturación")
cell(36, 95, 110, "1. Año", str(spec["year"]))
cell(W - 236, 95, 200, "4. Número de formulario", spec["number"])
full = W - 72
cell(36, 135, 150, "5. Número de Identificación Tributaria (NIT)", spec["nit"])
cell(186, 135, 35, "6. DV", spec["dv"])
rest = (full - 185) / 2
cell(221, 135, rest, "7. Primer apellido", spec["surname1"])
cell(221 + rest, 135, rest, "8. Segundo apellido", spec["surname2"])
cell(36, 165, full / 2, "9. Primer nombre", spec["first_name"])
cell(36 + full / 2, 165, full / 2, "10. Otros nombres", spec["other_name"])
cell(36, 195, full - 100, "11. Razón social", spec["company"])
cell(36 + full - 100, 195, 100, "12. Cód. Dirección Seccional", spec["seccional"])
c.showPage()

cols = [("30. Modalidad", 150), ("", 16), ("31. Prefijo", 34), ("32. Desde el número", 62),
        ("33. Hasta el número", 62), ("38. Vigencia (meses)", 40), ("Tipo de solicitud", 70), ("", 16)]
x, top = 36, 60
for label, w in cols:
    c.rect(x, H - top - 18, w, 18)
    c.setFont("Helvetica", 5.5)
    c.drawString(x + 2, H - top - 11, label)
    x += w
top += 18
for r in spec["rows"]:
    vals = [r["kind_label"], str(r["kind_code"]), r["prefix"], r["from_text"], r["to_text"],
            str(r["months"]), r["request_label"], str(r["request_code"])]
    x = 36
    for (label, w), v in zip(cols, vals):
        c.rect(x, H - top - 15, w, 15)
        c.setFont("DejaVu", 6.5)
        c.drawString(x + 2, H - top - 10, v)
        x += w
    top += 15

cx, cy = W - 120, H - top - 110
c.circle(cx, cy, 72)
c.circle(cx, cy, 52)
text = "DIRECCIÓN DE IMPUESTOS Y ADUANAS NACIONALES"
total = pdfmetrics.stringWidth(text, "Helvetica", 7) / 58
off = 0
for ch in text:
    w = pdfmetrics.stringWidth(ch, "Helvetica", 7)
    theta = math.pi / 2 + total / 2 - off / 58
    c.saveState()
    c.translate(cx + 58 * math.cos(theta), cy + 58 * math.sin(theta))
    c.rotate(math.degrees(theta - math.pi / 2))
    c.setFont("Helvetica", 7)
    c.drawString(0, 0, ch)
    c.restoreState()
    off += w
c.setFont("Helvetica", 9)
c.drawCentredString(cx, cy - 66, "DIAN")
c.setFont("Helvetica", 6)
c.drawCentredString(cx, cy + 10, "Fecha Acuse de Recibo")
c.setFont("DejaVu", 6)
c.drawCentredString(cx, cy, spec["stamp_text"])
c.setFont("Helvetica", 6)
c.drawCentredString(cx, cy - 11, "Firmado")
c.showPage()
c.save()
